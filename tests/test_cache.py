"""The article cache: an edit re-analyses only the edited article, and never changes the result.

Every warm build is compared with a cold build of the same folder: the cache may only save work.
"""

import shutil
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from generator import pipeline
from generator.cache import FactsCache
from generator.pipeline import build_briefing
from generator.render import export_json

from .conftest import SEEDS

SIZE = 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cache") / "seeds"
    write_corpus(folder, SIZE)
    return folder


def _cold(seeds: Path) -> str:
    return export_json(build_briefing(seeds).briefing)


def _warm(seeds: Path, cache: FactsCache) -> str:
    return export_json(build_briefing(seeds, cache=cache).briefing)


def test_editing_one_article_reanalyses_only_it(corpus: Path):
    cache = FactsCache()
    _warm(corpus, cache)
    assert (cache.analysed, cache.reused) == (SIZE, 0)

    _warm(corpus, cache)
    assert (cache.analysed, cache.reused) == (0, SIZE)

    edited = corpus / "00150.txt"
    original = edited.read_text("utf-8")
    edited.write_text(original + "\nWilliam Burns said the decision was “a game changer.”\n")
    try:
        warm = _warm(corpus, cache)
        assert (cache.analysed, cache.reused) == (1, SIZE - 1)
        assert warm == _cold(corpus)
        assert len(cache.facts) == SIZE  # the edited article's old version is forgotten
    finally:
        edited.write_text(original, encoding="utf-8")


def test_configuration_change_reanalyses_everything(tmp_path: Path):
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    cache = FactsCache()
    _warm(seeds, cache)
    config = seeds / "briefing.yml"
    config.write_text(config.read_text("utf-8").replace("dud rate", "failure rate"))
    warm = _warm(seeds, cache)
    assert (cache.analysed, cache.reused) == (5, 0)
    assert warm == _cold(seeds)


def test_additions_removals_and_broken_files_follow_the_folder(tmp_path: Path):
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    cache = FactsCache()
    _warm(seeds, cache)

    # An undated article is placed in the corpus's single year; a new year unplaces it.
    (seeds / "undated.md").write_text(
        "---\ntitle: Undated\n---\nIn March, the depot was closed.\n", encoding="utf-8"
    )
    warm = _warm(seeds, cache)
    assert (cache.analysed, cache.reused) == (1, 5)
    assert warm == _cold(seeds)
    undated = [a for a in build_briefing(seeds).briefing.articles if not a.date]
    assert len(undated) >= 2  # seeds of 2023 without a date line, and the new one
    (seeds / "other-year.md").write_text(
        "---\ntitle: Later\ndate: 2024-02-01\n---\nThe depot opened again.\n", encoding="utf-8"
    )
    warm = _warm(seeds, cache)
    # The new article, and the undated ones again: their corpus year is gone.
    assert (cache.analysed, cache.reused) == (1 + len(undated), 6 - len(undated))
    assert warm == _cold(seeds)

    (seeds / "broken.md").write_text("---\ntitle: [1, 2]\n---\nText.\n", encoding="utf-8")
    for _ in range(2):  # a broken file is reported on every build, cached or not
        result = build_briefing(seeds, cache=cache)
        assert [p.path for p in result.problems if p.level == "error"] == ["seeds/broken.md"]

    for name in ("undated.md", "other-year.md", "broken.md"):
        (seeds / name).unlink()
    warm = _warm(seeds, cache)
    seeds_undated = len(undated) - 1  # back in the corpus year, which the cache had forgotten
    assert (cache.analysed, cache.reused) == (seeds_undated, 5 - seeds_undated)
    assert warm == _cold(seeds)
    assert len(cache.facts) == len(cache.documents) == 5


def test_worker_processes_give_the_same_briefing(corpus: Path):
    serial = _cold(corpus)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "PARALLEL_FROM", 2)
        progress: list[tuple[int, int]] = []
        result = build_briefing(corpus, lambda *p: progress.append(p), workers=2)
    assert export_json(result.briefing) == serial
    assert progress == [(n, SIZE) for n in range(1, SIZE + 1)]
