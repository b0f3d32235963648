import json
import os
from pathlib import Path

import pytest

from generator.config import BriefingConfig, Cue, compile_terms, load_config
from generator.exceptions import ConfigError
from generator.terms import build_index, find_terms

from .conftest import ROOT, SEEDS

TOPIC = "  - {id: a, title: A, description: D, cues: [{terms: [x]}]}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["expected a mapping of keys (title, topics, …), found an empty file"]),
        ("- a\n- b\n", ["expected a mapping of keys (title, topics, …), found a list"]),
        ("title: [unclosed\n", ["not valid YAML"]),
        ("topics:\n" + TOPIC, ["title: Field required"]),
        ("title: T\n", ["topics: Field required"]),
        ("title: T\ncolour: red\ntopics:\n" + TOPIC, ["colour: unknown key"]),
        (
            "title: T\ntopics:\n  - {title: A, description: D, cues: [{terms: [x]}]}\n",
            ["topics[0].id: Field required"],
        ),
        ("title: T\ntopics:\n" + TOPIC + TOPIC, ["duplicate topic ids: a"]),
        (
            "title: T\ntopics:\n  - {id: Bad Id, title: A, description: D, cues: [{terms: [x]}]}\n",
            ["topics[0].id: 'Bad Id' is not a valid id"],
        ),
        (
            "title: T\ntopics:\n  - {id: a, title: A, description: D, cues: [{patterns: ['(']}]}\n",
            ["topics[0].cues[0].patterns: invalid regular expression '('"],
        ),
        (
            "title: T\ntopics:\n  - {id: a, title: A, description: D, cues: [{weight: 2}]}\n",
            ["topics[0].cues[0]: a cue needs `terms` or `patterns`"],
        ),
        (
            # Every problem is reported at once, not just the first.
            "title: T\nkey_points: 0\ntopics:\n  - {id: a, title: '', description: D, cues: []}\n",
            ["key_points: Input should be greater than or equal to 1", "topics[0].title:",
             "topics[0].cues:"],
        ),
    ],
)  # fmt: skip
def test_invalid_config_names_file_and_every_key(tmp_path: Path, text: str, expected: list[str]):
    path = tmp_path / "briefing.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    assert len(caught.value.problems) == len(expected)
    for problem, fragment in zip(caught.value.problems, expected, strict=True):
        assert fragment in problem


def test_missing_config_is_reported(tmp_path: Path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "briefing.yml")


def test_bundled_config_has_the_four_mission_topics():
    config = load_config(SEEDS / "briefing.yml")
    assert [t.id for t in config.topics] == [
        "positions",
        "humanitarian",
        "burns-mission",
        "stockpiles",
    ]
    assert all(t.description and t.cues for t in config.topics)


@pytest.mark.parametrize(
    ("cue", "text", "matches"),
    [
        (Cue(terms=("stockpil*",)), "stockpiled a large number", ["stockpiled"]),
        (Cue(terms=("ban",)), "a worldwide ban, banned", ["ban"]),
        (Cue(terms=("secret mission",)), "a secret\n mission", ["secret\n mission"]),
        (Cue(terms=("Burns",), case_sensitive=True), "Burns’ visit; it burns", ["Burns"]),
        (Cue(terms=("burns",)), "Burns’ visit; it burns", ["Burns", "burns"]),
        (Cue(terms=("DPICM*",)), "DPICMs and DPICM.", ["DPICMs", "DPICM"]),
        (Cue(patterns=(r"\b1\d\d countries",)), "by 123 countries", ["123 countries"]),
        (Cue(terms=("U.S.",)), "the U.S. and US", ["U.S."]),
    ],
)
def test_cue_terms_match_whole_words(cue: Cue, text: str, matches: list[str]):
    assert [m.group(0) for m in compile_terms(cue).finditer(text)] == matches
    # The one-pass index finds exactly what the regular expression finds when it compares
    # words as written (as stance cues do).
    hits = find_terms(build_index([("k", cue)], lemmas=False), text).get("k", [])
    assert sorted(term for _, _, term in hits) == sorted(
        " ".join(m.lower().split()) for m in matches
    )


@pytest.mark.parametrize(
    ("term", "text", "matches"),
    [
        ("ban", "a worldwide ban, banned and banning", ["ban", "banned", "banning"]),
        ("shortage", "shortages of shells", ["shortages"]),
        ("ramp up manufacturing", "ramping up manufacturing", ["ramping up manufacturing"]),
        ("criticize", "she criticized it; critics", ["criticized"]),
        ("child", "children and a child", ["children", "child"]),
    ],
)
def test_cue_terms_match_every_form_of_their_words(term: str, text: str, matches: list[str]):
    """Topic cues match other forms of a term's words, by their lemmas (simplemma)."""
    hits = find_terms(build_index([("k", Cue(terms=(term,)))]), text).get("k", [])
    assert sorted(t for _, _, t in hits) == sorted(matches)


def test_published_config_schema_is_current():
    path = ROOT / "generator/schema/briefing-config.schema.json"
    schema = BriefingConfig.model_json_schema()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert json.loads(path.read_text()) == schema, "rerun with UPDATE_GOLDEN=1 to regenerate it"
