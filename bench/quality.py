"""Extraction quality: score the pipeline against the hand labels of every development corpus.

Each corpus is a folder of articles with a `labels.yml` (format: `tests/corpora/README.md`); the
bundled seeds are labelled in `tests/corpora/seeds.labels.yml`. Prints one table, a column per
corpus. Run: bench/quality [--errors CORPUS] (the second form lists every miss of one corpus).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.model import Briefing, Entity, Ref  # noqa: E402
from generator.pipeline import build_briefing  # noqa: E402

CORPORA = ROOT / "tests" / "corpora"
FIELDS = ("title", "date", "outlet", "author")


def key(text: str | None) -> str:
    """Compare names and words without case, accents, punctuation or spacing."""
    text = (text or "").replace("’", "'")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def corpora() -> list[tuple[str, Path, Path]]:
    """(name, articles folder, labels file) of every labelled corpus, the seeds first."""
    found = [("seeds", ROOT / "seeds", CORPORA / "seeds.labels.yml")]
    for labels in sorted(CORPORA.glob("*/labels.yml")):
        found.append((labels.parent.name, labels.parent, labels))
    return [c for c in found if c[2].exists()]


@dataclass
class Score:
    """Counts for one corpus; `errors` says what each miss was."""

    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, amount: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + amount

    def ratio(self, hits: str, total: str) -> float | None:
        return self.counts.get(hits, 0) / self.counts[total] if self.counts.get(total) else None


class Names:
    """Labelled people and organisations, and which entities refer to which."""

    def __init__(self, labels: dict) -> None:
        self.people = [self._forms(p) for p in labels.get("people") or []]
        self.orgs = [self._forms(o) for o in labels.get("organisations") or []]
        self.canonical = {form: forms[0] for forms in self.people + self.orgs for form in forms}

    @staticmethod
    def _forms(item: dict) -> list[str]:
        return [key(item["name"]), *(key(a) for a in item.get("aliases") or [])]

    def same(self, entity_name: str | None, label: str | None) -> bool:
        """Whether an entity's name is the labelled actor (its name or an alias)."""
        if entity_name is None or label is None:
            return entity_name is None and label is None
        wanted = self.canonical.get(key(label), key(label))
        return self.canonical.get(key(entity_name)) == wanted

    def person_of(self, entity: Entity) -> list[str]:
        """The labelled people an entity's name stands for: exact, partial or glued forms."""
        name = key(entity.name)
        exact = [forms[0] for forms in self.people if name in forms]
        if exact:
            return exact
        tokens = set(name.split())
        return [
            forms[0]
            for forms in self.people
            if forms[0].split()[-1] in tokens
            and (tokens <= set(forms[0].split()) or tokens >= set(forms[0].split()))
        ]


def score(folder: Path, labels_path: Path) -> Score:
    """Run the pipeline on a folder and count what it got right against the labels."""
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    briefing = build_briefing(folder).briefing
    names = Names(labels)
    result = Score()
    by_file = {Path(a.source_path).name: a for a in briefing.articles}
    for item in labels.get("articles") or []:
        article = by_file.get(item["file"])
        if article is None:
            result.errors.append(f"{item['file']}: not in the briefing")
            result.add("articles missing")
            continue
        _score_metadata(item, article, result)
        _score_text(item, article, briefing, names, result)
    _score_people(briefing, names, labels, result)
    _score_stances(briefing, names, labels, result)
    return result


def _score_metadata(item: dict, article, result: Score) -> None:
    for name in FIELDS:
        expected = item.get(name)
        got = getattr(article, name)
        if name == "author":
            expected = sorted(key(a) for a in expected or [])
            got = sorted(key(a) for a in re.split(r",|\band\b|&", got or "") if key(a))
            right = expected == got
        elif name == "date":
            right = str(expected) == str(got) if expected else got is None
        else:
            right = key(str(expected)) == key(got) if expected else got is None
        result.add(f"{name} total")
        if right:
            result.add(f"{name} right")
        else:
            result.errors.append(f"{item['file']}: {name} {got!r}, labelled {expected!r}")


def _starts(text: str, prefix: str) -> bool:
    return key(text).startswith(key(prefix))


def _score_text(item: dict, article, briefing: Briefing, names: Names, result: Score) -> None:
    where = item["file"]
    paragraphs = list(article.paragraphs)
    junk = {key(line) for line in item.get("junk") or []}
    for paragraph in paragraphs:
        if key(paragraph.text) in junk:
            result.add("junk kept")
            result.errors.append(f"{where}: junk kept as text: {paragraph.text[:70]!r}")
    labelled = item.get("paragraphs") or []
    for paragraph in paragraphs:
        if key(paragraph.text) not in junk and not any(
            _starts(paragraph.text, p["starts"]) for p in labelled
        ):
            result.add("unlabelled text")
            result.errors.append(f"{where}: unlabelled paragraph kept: {paragraph.text[:70]!r}")
    quotes_at: dict[str, list] = {}
    for quote in briefing.analysis.quotes:
        if quote.ref.article == article.slug:
            quotes_at.setdefault(quote.ref.paragraph, []).append(quote)
    headings = {p.section for p in paragraphs if p.section}
    for label in labelled:
        found = next((p for p in paragraphs if _starts(p.text, label["starts"])), None)
        if found is None and any(_starts(h, label["starts"]) for h in headings):
            continue  # labelled as a paragraph, read as the heading it looks like: both fine
        if found is None:
            result.add("paragraphs dropped")
            result.errors.append(f"{where}: paragraph dropped: {label['starts']!r}")
            continue
        result.add("paragraphs")
        filed = {f.topic for f in briefing.filings.get(Ref(article.slug, found.id), ())}
        wanted = set(label.get("topics") or [])
        result.add("topic labels", len(wanted))
        result.add("topic filings", len(filed))
        result.add("topic right", len(filed & wanted))
        for topic in sorted(wanted - filed):
            result.errors.append(
                f"{where}#{found.id}: not filed under {topic}: {found.text[:60]!r}"
            )
        for topic in sorted(filed - wanted):
            result.errors.append(
                f"{where}#{found.id}: wrongly filed under {topic}: {found.text[:60]!r}"
            )
        _score_quotes(label.get("quotes") or [], quotes_at.get(found.id, []), where, found.id,
                      briefing, names, result)  # fmt: skip


def _score_quotes(
    labels: list, quotes: list, where: str, pid: str, briefing, names, result
) -> None:
    entity_names = briefing.entity_names
    unmatched = list(quotes)
    for label in labels:
        expected = label.get("speaker")
        result.add("quotes")
        if expected:
            result.add("named quotes")
        match = next(
            (q for q in unmatched if _starts(q.text, label["starts"]) or
             key(label["starts"]) in key(q.text)[: len(key(label["starts"])) + 40]),
            None,
        )  # fmt: skip
        if match is None:
            result.errors.append(f"{where}#{pid}: quote missed: {label['starts']!r} ({expected})")
            continue
        unmatched.remove(match)
        result.add("quotes found")
        got = entity_names.get(match.speaker) if match.speaker else None
        if got is not None:
            result.add("speakers given")
        if got is not None and names.same(got, expected):
            result.add("speakers right")
            if expected:
                result.add("named right")
        elif got is None and expected is None:
            pass
        else:
            result.errors.append(
                f"{where}#{pid}: speaker {got!r} (label {match.speaker_label!r}), labelled "
                f"{expected!r}: {label['starts']!r}"
            )
    for quote in unmatched:
        result.add("unlabelled quotes")
        speaker = entity_names.get(quote.speaker) if quote.speaker else None
        if speaker:
            result.add("unlabelled quotes with speaker")
        result.errors.append(f"{where}#{pid}: unlabelled quote {quote.text[:50]!r} ({speaker})")


def _score_people(briefing: Briefing, names: Names, labels: dict, result: Score) -> None:
    referring: dict[str, list[Entity]] = {forms[0]: [] for forms in names.people}
    not_people = {key(n) for n in labels.get("not_people") or []}
    for entity in briefing.analysis.entities:
        people = names.person_of(entity)
        for person in people:
            referring[person].append(entity)
        if entity.kind != "person":
            continue
        if not people:
            result.add("non-people as people")
            listed = " (listed in not_people)" if key(entity.name) in not_people else ""
            result.errors.append(f"person {entity.name!r} is no labelled person{listed}")
    for person, entities in referring.items():
        result.add("people")
        kinds = [e.kind for e in entities]
        if len(entities) == 1 and kinds == ["person"]:
            result.add("people one")
        elif not entities:
            result.add("people missed")
            result.errors.append(f"person {person!r} not found")
        else:
            result.add("people split")
            shown = ", ".join(f"{e.name} ({e.kind})" for e in entities)
            result.errors.append(f"person {person!r} is {len(entities)} entities: {shown}")


def _score_stances(briefing: Briefing, names: Names, labels: dict, result: Score) -> None:
    labelled = set()
    for item in labels.get("stances") or []:
        result.add("stances")
        entities = [e for e in briefing.analysis.entities if names.same(e.name, item["actor"])]
        position = next((briefing.positions[e.id] for e in entities if e.id in briefing.positions),
                        None)  # fmt: skip
        labelled.update(e.id for e in entities)
        got = position.stance if position else "unclear"
        if got == item["stance"]:
            result.add("stances right")
        else:
            result.errors.append(f"stance of {item['actor']!r}: {got}, labelled {item['stance']}")
        if got != "unclear":
            result.add("stances given")
            if got == item["stance"]:
                result.add("stances given right")
    for position in briefing.analysis.positions:
        if position.entity not in labelled and position.stance != "unclear":
            result.add("unlabelled stances")
            name = briefing.entity_names[position.entity]
            result.errors.append(f"stance of unlabelled actor {name!r}: {position.stance}")


ROWS: tuple[tuple[str, str, str | None], ...] = (
    # (row label, numerator, denominator; None: a plain count)
    ("quotations found", "quotes found", "quotes"),
    ("speaker precision", "speakers right", "speakers given"),
    ("speaker recall", "named right", "named quotes"),
    ("unlabelled quotations with a speaker", "unlabelled quotes with speaker", None),
    ("stance right (labelled actors)", "stances right", "stances"),
    ("stance precision (sides given)", "stances given right", "stances given"),
    ("stances of unlabelled actors", "unlabelled stances", None),
    ("topic precision", "topic right", "topic filings"),
    ("topic recall", "topic right", "topic labels"),
    ("people found as one entity", "people one", "people"),
    ("people split", "people split", None),
    ("non-people listed as people", "non-people as people", None),
    *((f"{name} right", f"{name} right", f"{name} total") for name in FIELDS),
    ("boilerplate lines kept", "junk kept", None),
    ("unlabelled paragraphs kept", "unlabelled text", None),
    ("body paragraphs dropped", "paragraphs dropped", None),
)


def table(scores: dict[str, Score]) -> str:
    """The scores as a Markdown table, a row per metric and a column per corpus."""
    names = list(scores)
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for label, hits, total in ROWS:
        cells = []
        for name in names:
            counts = scores[name]
            if total is None:
                cells.append(str(counts.counts.get(hits, 0)))
            else:
                value = counts.ratio(hits, total)
                cells.append("–" if value is None else f"{value:.2f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def score_all(only: Iterable[str] | None = None) -> dict[str, Score]:
    wanted = set(only or [])
    return {
        name: score(folder, labels)
        for name, folder, labels in corpora()
        if not wanted or name in wanted
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", help="only these corpora (folder names, or seeds)")
    parser.add_argument("--errors", action="store_true", help="list every miss under the table")
    args = parser.parse_args()
    scores = score_all(args.corpus)
    print(table(scores))
    if args.errors:
        for name, result in scores.items():
            print(f"\n## {name}")
            print("\n".join(result.errors) or "(no errors)")


if __name__ == "__main__":
    main()
