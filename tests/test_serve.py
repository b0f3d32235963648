"""`mkdocs serve` regenerates the briefing when seeds change, without a rebuild loop."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.corpus import write_corpus

from .test_site import _tree_digest

NEW_ARTICLE = """Millbrook opens a second tram depot near the river

The city opened a second tram depot on Monday, adding space for twelve vehicles and a workshop.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError("the served site did not update in time")


@pytest.fixture
def served(project_copy: Path) -> Iterator[tuple[str, Path, Path]]:
    yield from _serve(project_copy)


@pytest.fixture
def served_thousand(project_copy: Path) -> Iterator[tuple[str, Path, Path]]:
    write_corpus(project_copy / "seeds", 1000)
    yield from _serve(project_copy, timeout=300)


def _serve(project_copy: Path, timeout: float = 60) -> Iterator[tuple[str, Path, Path]]:
    port = _free_port()
    log = project_copy / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        str(Path(sys.executable).parent / "mkdocs"),
        "serve",
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=project_copy, env=env, stdout=output, stderr=output)
        url = f"http://127.0.0.1:{port}/"
        try:
            _wait_for(lambda: "Topics" in _get(url), timeout)
            yield url, project_copy, log
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_serve_follows_edits_additions_and_deletions(served: tuple[str, Path, Path]):
    url, project, log = served
    docs_before = _tree_digest(project / "docs")
    seed = project / "seeds/004_0923d15a861abad1.txt"
    source = url + "sources/blinken-defends-decision-to-send-ukraine-cluster-munitions/"
    assert "has denied that the U.S. was losing credibility" in _get(source)

    seed.write_text(
        seed.read_text("utf-8") + "\n\nA paragraph added while serving, to see it appear.\n"
    )
    _wait_for(lambda: "A paragraph added while serving" in _get(source))

    new = project / "seeds/zz-depot.txt"
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    _wait_for(lambda: "Millbrook opens a second tram depot" in _get(url + "sources/"))

    new.unlink()
    _wait_for(lambda: "Millbrook opens a second tram depot" not in _get(url + "sources/"))

    config = project / "seeds/briefing.yml"
    config.write_text(
        config.read_text("utf-8").replace("title: The Burns mission", "title: Burns in Kyiv")
    )
    _wait_for(lambda: "Burns in Kyiv" in _get(url + "topics/burns-mission/"))

    # Only what changed was analysed again: the edit, the addition, nothing, the new taxonomy.
    analysed = re.findall(r"(\d+ of \d+) articles analysed", log.read_text())
    assert [a for a in analysed if not a.startswith("0 ")] == [
        "5 of 5",
        "1 of 5",
        "1 of 6",
        "5 of 5",
    ]
    assert "0 of 5" in analysed  # the deletion (a watcher may also fire twice for one change)

    # Settled: no build is triggered by the build itself, and docs/ was never written.
    builds = log.read_text().count("Building documentation")
    assert builds >= 5  # the first build and one per change
    time.sleep(3)
    assert log.read_text().count("Building documentation") == builds
    assert _tree_digest(project / "docs") == docs_before


def test_serve_reanalyses_only_the_edited_article_of_a_thousand(
    served_thousand: tuple[str, Path, Path],
):
    url, project, log = served_thousand
    seed = project / "seeds/00500.txt"
    seed.write_text(seed.read_text("utf-8") + "\n\nA paragraph added to one of a thousand.\n")
    _wait_for(lambda: "A paragraph added to one of a thousand" in _get(url + "briefing.json"), 300)
    (article,) = [
        a
        for a in json.loads(_get(url + "briefing.json"))["articles"]
        if a["source_path"] == "seeds/00500.txt"
    ]
    assert "A paragraph added to one of a thousand" in _get(url + article["url"])
    analysed = re.findall(r"(\d+ of \d+) articles analysed", log.read_text())
    assert analysed[0] == "1000 of 1000"
    assert "1 of 1000" in analysed and set(analysed[1:]) <= {"1 of 1000", "0 of 1000"}
    assert "briefing.pdf is not written while serving more than 100 articles" in log.read_text()
    assert "Download the briefing book" not in _get(url)
