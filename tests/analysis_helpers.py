"""Run the analysis stages on a few sentences, the way the pipeline runs them on a corpus."""

from __future__ import annotations

from generator.config import Entities, Organisation
from generator.entities import find_entities
from generator.ingest import parse_text
from generator.model import Entity, Quote
from generator.quotes import find_quotes
from generator.segment import segment

ORGS = Entities(
    organisations=(
        Organisation(name="Department of Defense", aliases=("Pentagon", "US Defense Department")),
        Organisation(name="Human Rights Watch"),
        Organisation(name="Congress"),
        Organisation(name="CIA"),
    ),
    not_actors=("Capitol Hill", "Dual Purpose", "Cluster Munitions"),
)


def analyse_text(
    text: str, config: Entities = ORGS
) -> tuple[tuple[Entity, ...], tuple[Quote, ...]]:
    article = segment(parse_text(text, "t/x.txt"), "x")
    entities = find_entities((article,), config)
    return entities, find_quotes((article,), entities)


def attributed(text: str, config: Entities = ORGS) -> list[tuple[str, str | None, str | None]]:
    """(quotation, speaker's name or None, label) for each quotation found in the text."""
    entities, quotes = analyse_text(text, config)
    names = {e.id: e.name for e in entities}
    return [(q.text, names.get(q.speaker or ""), q.speaker_label) for q in quotes]
