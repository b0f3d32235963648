"""Hostile and messy input: nothing crashes, nothing is injected, nothing is lost."""

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.ingest import read_article
from generator.segment import segment

from .conftest import ROOT, mkdocs_build, run_briefing
from .hostile import BODY, cases, write_corpus
from .test_site import _tree_digest, assert_links_resolve, parse, parse_html


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "seeds"
    write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def hostile_site(hostile: Path) -> Path:
    site = hostile.parent / "site"
    result = run_briefing("build", str(hostile), "--site-dir", str(site), cwd=hostile.parent)
    assert result.returncode == 0, result.stderr
    return site


def test_check_names_every_problem_file_on_one_line(hostile: Path):
    result = run_briefing("check", str(hostile))
    lines = result.stderr.strip().splitlines()
    for case in cases():
        if case.outcome == "kept" and not case.reason:
            assert not any(line.startswith(f"seeds/{case.name}:") for line in lines), case.name
            assert f"seeds/{case.name}:" in result.stdout
            continue
        (line,) = [line for line in lines if line.startswith(f"seeds/{case.name}:")]
        level = {"kept": "warning", "skipped": "error", "listed": "info"}[case.outcome]
        assert f": {level}: " in line and case.reason in line, line
    assert "seeds/drafts: info: skipped: folder" in lines
    assert "Traceback" not in result.stderr
    assert result.returncode == 1  # some files cannot be read


def test_check_exit_status_follows_strict(tmp_path: Path):
    folder = tmp_path / "seeds"
    write_corpus(folder)
    for case in cases():
        if case.outcome == "skipped":
            (folder / case.name).unlink()
    assert run_briefing("check", str(folder)).returncode == 0  # only warnings and infos left
    assert run_briefing("check", str(folder), "--strict").returncode == 1


def test_build_keeps_every_good_article(hostile_site: Path):
    data = json.loads((hostile_site / "briefing.json").read_text())
    sources = [a["source_path"].split("/", 1)[1] for a in data["articles"]]
    kept = [c.name for c in cases() if c.outcome == "kept"]
    assert sorted(sources) == sorted(kept)
    assert assert_links_resolve(hostile_site) > 50
    # Nothing lost: the text after a "---" in a Markdown body, the NUL-split word, the big one.
    by_source = {a["source_path"].split("/", 1)[1]: a for a in data["articles"]}
    dashes = " ".join(p["text"] for p in by_source["dashes-in-body.md"]["paragraphs"])
    assert "A final paragraph after a rule" in dashes
    assert "river" in by_source["nul.txt"]["paragraphs"][0]["text"]
    assert "Café owners said it’s bad – and they meant it." in json.dumps(
        by_source["mojibake.txt"], ensure_ascii=False
    )
    assert by_source["ukrainian.txt"]["title"] == "Рада підтримала продовження трамвайної лінії"
    assert "🚋" in by_source["arabic.txt"]["paragraphs"][0]["text"]


def test_strict_build_fails_but_lenient_one_succeeds(hostile: Path, tmp_path: Path):
    strict = run_briefing(
        "build", str(hostile), "--site-dir", str(tmp_path / "s"), "--strict", "--no-pdf"
    )
    assert strict.returncode == 1 and "image.txt: error: not a text file" in strict.stderr
    assert "Traceback" not in strict.stderr


def test_slugs_unique_stable_and_inside_the_site(hostile_site: Path):
    data = json.loads((hostile_site / "briefing.json").read_text())
    slugs = [a["id"] for a in data["articles"]]
    assert len(slugs) == len(set(slugs))
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug)
        page = (hostile_site / "sources" / slug / "index.html").resolve()
        assert page.is_file() and hostile_site.resolve() in page.parents
    titles = {a["source_path"].split("/", 1)[1]: a["id"] for a in data["articles"]}
    assert titles["same-title-a.md"] != titles["same-title-b.md"]
    assert titles["path-title.md"] == "etc-passwd"
    # A title with no letters names nothing: the text's first words and a tag of the file do.
    assert re.fullmatch(
        r"the-council-voted-on-wednesday-to-[0-9a-f]{4}", titles["punctuation-title.md"]
    )


def test_no_article_markup_reaches_the_dom(hostile_site: Path):
    data = json.loads((hostile_site / "briefing.json").read_text())
    slug = next(a["id"] for a in data["articles"] if a["source_path"].endswith("injection.md"))
    html = (hostile_site / "sources" / slug / "index.html").read_text()
    # The article's text, up to the audit list of removed lines (a list of our own making).
    article = html.split('id="text"')[1].split("</article>")[0].split("<details")[0]
    elements = parse_html(article).elements
    # Only the elements the generator writes: headings, paragraphs, links to our own pages.
    assert {tag for tag, _ in elements} <= {"div", "p", "a", "h3", "abbr"}
    for tag, attributes in elements:
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        # Paragraph anchors are pN; a heading's id is the slug of its (escaped) text.
        element_id = attributes.get("id") or ""
        allowed = r"(p\d+)?" if tag == "p" else r"[a-z0-9-]+" if tag == "h3" else ""
        assert re.fullmatch(allowed, element_id) and element_id != "evil", (tag, attributes)
        href = attributes.get("href") or ""
        assert not href.startswith(("javascript:", "http")), href
    text = "".join(parse(hostile_site / "sources" / slug / "index.html").text)
    assert '<script>alert("x")</script>' in text  # shown as text, verbatim
    assert "{{ config.site_name }}" in text and "{% include 'x' %}" in text
    assert "--8<--" in text and "[TOC]" in text and "!!! note" in text
    # The title is text everywhere it is printed: <title>, heading, search index.
    assert "<script>alert" not in html.split("<body")[0].replace("&lt;script&gt;", "")
    index = (hostile_site / "search" / "search_index.json").read_text()
    assert "<script>alert" not in index


def test_failed_build_leaves_the_previous_site(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "seeds", project / "seeds")
    shutil.copytree(ROOT / "docs", project / "docs")
    config = (
        (ROOT / "mkdocs.yml")
        .read_text()
        .replace("      seeds: seeds", "      seeds: seeds\n      pdf: false")
    )
    (project / "mkdocs.yml").write_text(config)
    assert mkdocs_build(project, project / "site").returncode == 0
    before = _tree_digest(project / "site")
    (project / "seeds" / "briefing.yml").write_text("title: [broken\n")
    failed = mkdocs_build(project, project / "site")
    assert failed.returncode != 0 and "briefing.yml" in failed.stderr
    assert _tree_digest(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == ["docs", "mkdocs.yml", "seeds", "site"]


def test_nothing_is_written_outside_the_site(tmp_path: Path):
    folder = tmp_path / "corpus"
    write_corpus(folder, large=10_000)
    scratch = tmp_path / "tmp"  # the system's temporary folder, for this run
    scratch.mkdir()
    before = _tree_digest(tmp_path)
    result = run_briefing(
        "build", str(folder), "--site-dir", str(tmp_path / "out"), "--no-pdf",
        cwd=tmp_path, extra_env={"TMPDIR": str(scratch)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    after = {k: v for k, v in _tree_digest(tmp_path).items() if not k.startswith("out/")}
    assert after == before
    assert list(scratch.iterdir()) == []  # scratch files were cleaned up


def test_a_20_mb_article_is_read_whole(tmp_path: Path):
    (case,) = [c for c in cases(large=20_000_000) if c.name == "large.txt"]
    path = tmp_path / case.name
    path.write_bytes(case.data)
    document = read_article(path, "seeds/large.txt")
    article = segment(document, "large")
    kept = sum(len(p.text) for p in article.paragraphs)
    assert len(case.data) > 20_000_000 and kept > 0.99 * len(case.data.decode()) - 1000
    assert any("very large article" in w for w in document.warnings)


def test_bad_config_reports_every_problem_at_once(tmp_path: Path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("Tram vote\n\n" + BODY)
    (folder / "briefing.yml").write_text(
        "title: T\ncolour: red\ntopics:\n"
        "  - {title: A, description: D, cues: [{terms: [x]}]}\n"
        "  - {id: b, title: B, description: D, cues: [{patterns: ['(']}]}\n"
        "  - {id: b, title: C, description: D, cues: [{terms: [y]}]}\n"
    )
    result = run_briefing("check", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for fragment in ("colour: unknown key", "topics[0].id: Field required",
                     "topics[1].cues[0].patterns: invalid regular expression"):  # fmt: skip
        assert fragment in result.stderr
    (folder / "briefing.yml").write_text(
        "title: T\ntopics:\n" + "  - {id: b, title: B, description: D, cues: [{terms: [y]}]}\n" * 2
    )
    assert "duplicate topic ids: b" in run_briefing("check", str(folder)).stderr
    (folder / "briefing.yml").unlink()
    assert (
        "briefing.yml: invalid briefing configuration" in run_briefing("check", str(folder)).stderr
    )
    (folder / "briefing.yml").write_text("")
    assert "found an empty file" in run_briefing("check", str(folder)).stderr


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_injection_page_in_a_real_browser(hostile_site: Path):
    from playwright.sync_api import sync_playwright

    from .test_browser import FLAGS

    data = json.loads((hostile_site / "briefing.json").read_text())
    slug = next(a["id"] for a in data["articles"] if a["source_path"].endswith("injection.md"))
    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto((hostile_site / "sources" / slug / "index.html").as_uri())
        page.wait_for_load_state("load")
        injected = page.evaluate(
            "() => document.querySelectorAll('article #evil, article iframe, article img,"
            ' article [onerror], article [onclick], article a[href^="javascript"]\').length'
        )
        title = page.title()
        browser.close()
    assert dialogs == [] and injected == 0
    assert title.startswith('<script>alert("t")</script>')  # the title is shown as text
