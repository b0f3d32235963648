"""A folder shared by others or unpacked from an archive: nothing outside it gets in."""

import os
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.pipeline import build_briefing

from .conftest import BIN, ROOT, TRAM, run_briefing

SECRET = "builder-secret-7f3a9c"  # stands for /etc/passwd, ~/.ssh/id_rsa, …


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The tram corpus, plus links into and out of it of every kind."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for article in TRAM.glob("*.txt"):
        (seeds / article.name).write_bytes(article.read_bytes())
    (seeds / "briefing.yml").write_bytes((TRAM / "briefing.yml").read_bytes())
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "passwd.txt").write_text(
        f"Secret headline\n\n{SECRET} is a line of the builder's own files, not an article.\n"
    )
    (seeds / "notes.txt").symlink_to(outside / "passwd.txt")
    (seeds / "private").symlink_to(outside, target_is_directory=True)
    first = sorted(seeds.glob("*.txt"))[0]
    (seeds / "again.txt").symlink_to(first.name)  # a link inside the folder
    return seeds


def _everything(site: Path) -> str:
    """Every byte of the built site a reader or a search could reach, as text."""
    parts = []
    for path in site.rglob("*"):
        if path.suffix == ".pdf":
            parts += [page.extract_text() for page in PdfReader(path).pages]
        elif path.is_file():
            parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


def test_links_out_of_the_folder_are_refused_and_nothing_of_them_is_published(folder: Path):
    site = folder.parent / "site"
    result = run_briefing("build", str(folder), "--site-dir", str(site), cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    assert "seeds/notes.txt: error: refused: a link to" in result.stderr
    assert "outside the folder" in result.stderr
    assert "seeds/again.txt: info: skipped: a link to" in result.stderr
    assert SECRET not in _everything(site)
    strict = run_briefing(
        "build", str(folder), "--site-dir", str(site), "--strict", cwd=folder.parent
    )
    assert strict.returncode == 1 and "notes.txt" in strict.stderr
    assert "Traceback" not in strict.stderr


def test_a_config_file_linked_from_outside_is_refused(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("A headline here\n\nA body paragraph long enough to count.\n")
    (tmp_path / "elsewhere.yml").write_bytes((TRAM / "briefing.yml").read_bytes())
    (seeds / "briefing.yml").symlink_to(tmp_path / "elsewhere.yml")
    result = run_briefing("check", str(seeds))
    assert result.returncode == 1
    assert "briefing.yml" in result.stderr and "outside the folder: refused" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_docs_page_linked_from_outside_is_not_published(tmp_path: Path):
    for name in ("seeds", "docs"):
        subprocess.run(["cp", "-r", str(ROOT / name), str(tmp_path / name)], check=True)
    (tmp_path / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    (tmp_path / "private.md").write_text(f"# Private\n\n{SECRET}\n")
    (tmp_path / "docs" / "notes.md").symlink_to(tmp_path / "private.md")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [str(BIN / "mkdocs"), "build", "--site-dir", str(tmp_path / "site")]
    strict = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert strict.returncode == 1  # the project's mkdocs.yml builds strictly
    assert "refused: docs/notes.md is a link to a file outside docs/" in strict.stderr
    lenient = [*command, "--no-strict"]
    result = subprocess.run(lenient, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "notes").exists()
    assert SECRET not in "".join(
        p.read_text("utf-8", "replace") for p in (tmp_path / "site").rglob("*.html")
    )


def test_an_oversized_file_is_refused_unread(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "briefing.yml").write_bytes((TRAM / "briefing.yml").read_bytes())
    (seeds / "a.txt").write_text("A headline here\n\nA body paragraph long enough to count.\n")
    with open(seeds / "huge.txt", "wb") as huge:  # 200 MB, sparse: nothing is written
        huge.truncate(200_000_000)
    result = run_briefing("check", str(seeds))
    assert "seeds/huge.txt: error: refused: 200.0 MB is over the 20 MB limit" in result.stderr
    (seeds / "briefing.yml").write_text(
        (TRAM / "briefing.yml").read_text() + "limits:\n  max_article_mb: 250\n"
    )
    assert build_briefing(seeds).problems[0].message != "refused"  # the limit is the user's


def test_a_file_that_vanishes_mid_build_is_reported_and_the_rest_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import generator.pipeline as pipeline

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for article in TRAM.glob("*.txt"):
        (seeds / article.name).write_bytes(article.read_bytes())
    (seeds / "briefing.yml").write_bytes((TRAM / "briefing.yml").read_bytes())
    listed = pipeline.scan

    def scan_then_delete(folder: Path, max_bytes: int | None = None):
        paths, problems = listed(folder, max_bytes)
        paths[0].unlink()  # gone between the listing and the reading, as under `mkdocs serve`
        return paths, problems

    monkeypatch.setattr(pipeline, "scan", scan_then_delete)
    result = build_briefing(seeds)
    (gone,) = [p for p in result.problems if p.level == "error"]
    assert "cannot read file: No such file or directory" in gone.message
    assert len(result.briefing.articles) == len(list(TRAM.glob("*.txt"))) - 1


@pytest.mark.parametrize(
    "pattern", [r"^(a+)+$", r"^(a|aa)+$", r"^(a|a?)+$", r"(x+x+)+y", r"^(\w+\s?)*$"]
)
def test_catastrophic_user_patterns_finish_on_long_lines(tmp_path: Path, pattern: str):
    """Backtracking patterns that would run for hours in Python's engine take no time in RE2."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    config = (TRAM / "briefing.yml").read_text()
    config += f"cleaning:\n  junk_patterns: ['{pattern}']\n"
    config = config.replace("cues:\n", f"cues:\n      - patterns: ['{pattern}']\n", 1)
    (seeds / "briefing.yml").write_text(config)
    long_line = "a" * 41 + "!" + " x" * 5000 + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    (seeds / "a.txt").write_text(f"A headline here\n\n{long_line}\n\n{'a' * 5000}!\n")
    result = subprocess.run(
        [str(BIN / "briefing"), "check", str(seeds)], capture_output=True, text=True, timeout=60,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert "Traceback" not in result.stderr
    assert "seeds/a.txt" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [(r"concerns (?=from)", "invalid perl operator"), (r"(a)\1", "invalid escape sequence")],
)
def test_patterns_re2_cannot_run_are_refused_with_their_key(
    tmp_path: Path, pattern: str, reason: str
):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("A headline here\n\nA body paragraph long enough to count.\n")
    config = (TRAM / "briefing.yml").read_text() + f"cleaning:\n  junk_patterns: ['{pattern}']\n"
    (seeds / "briefing.yml").write_text(config)
    result = run_briefing("check", str(seeds))
    assert result.returncode == 1
    assert "cleaning.junk_patterns" in result.stderr and reason in result.stderr
    assert "no look-arounds or back-references" in result.stderr
    assert "Traceback" not in result.stderr and "E0000" not in result.stderr


def test_odd_names_slugs_and_dates_stay_in_bounds(tmp_path: Path):
    """Regression: a name with a newline, two files asking for one slug, a date in the year
    10000."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "briefing.yml").write_bytes((TRAM / "briefing.yml").read_bytes())
    body = "The tram runs along the river past the {} every ten minutes.\n"
    (seeds / "two\nlines.txt").write_text("Tram vote passes\n\n" + body.format("hall"))
    for name, title in (("a.md", "One"), ("b.md", "Two")):
        (seeds / name).write_text(f"---\ntitle: {title}\nslug: same\n---\n\n{body.format(name)}")
    (seeds / "c.md").write_text(f"---\ntitle: Far\ndate: 10000-01-01\n---\n\n{body.format('c')}")
    result = run_briefing("check", str(seeds))
    assert "seeds/two\\nlines.txt: title 'Tram vote passes'" in result.stdout
    assert "seeds/c.md: error: line 3: front matter 'date' must be a date like 2023-07-11, " \
        "found '10000-01-01'" in result.stderr  # fmt: skip
    slugs = {a.source_path: a.slug for a in build_briefing(seeds).briefing.articles}
    assert (slugs["seeds/a.md"], slugs["seeds/b.md"]) == ("same", "same-2")
