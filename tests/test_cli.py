from pathlib import Path

import pytest

from .conftest import TRAM, run_briefing


@pytest.mark.parametrize("command", [[], ["build"], ["check"], ["pdf"], ["pages"]])
def test_every_command_is_documented_with_examples(command: list[str]):
    result = run_briefing(*command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


def test_build_of_a_missing_folder_is_a_clean_error(tmp_path: Path):
    result = run_briefing("build", str(tmp_path / "nope"), "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "nope: no such folder of articles" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_with_bad_config_names_file_and_key(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Some headline here\n\nA body paragraph long enough to count.\n"
    )
    (tmp_path / "briefing.yml").write_text("title: T\ntopics: [{id: x, title: X}]\n")
    result = run_briefing("build", str(tmp_path), "--site-dir", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    assert "briefing.yml" in result.stderr
    assert "topics[0].description: Field required" in result.stderr
    assert "topics[0].cues: Field required" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_lists_skipped_files_and_fails_on_unreadable_ones(tmp_path: Path):
    for path in TRAM.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "drafts").mkdir()
    ok = run_briefing("check", str(tmp_path))
    assert ok.returncode == 0, ok.stderr
    assert "notes.docx: info: skipped: not a .txt or .md article" in ok.stderr
    assert "drafts: info: skipped: folder" in ok.stderr

    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    bad = run_briefing("check", str(tmp_path))
    assert bad.returncode == 1
    assert "photo.txt: error: not a text file (binary content)" in bad.stderr
    assert "3 articles read" in bad.stdout


def test_long_runs_report_progress(tmp_path: Path):
    from generator.progress import QUIET_BELOW

    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "briefing.yml").write_bytes((TRAM / "briefing.yml").read_bytes())
    text = (TRAM / "03-route-options.txt").read_text(encoding="utf-8")
    for number in range(QUIET_BELOW * 2):
        (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")
    result = run_briefing("check", str(folder))  # not a terminal: plain lines, a tenth apart
    lines = [line for line in result.stderr.splitlines() if line.startswith("Analysing articles")]
    assert lines[0] == f"Analysing articles: {QUIET_BELOW // 5} of {QUIET_BELOW * 2}"
    assert (
        lines[-1] == f"Analysing articles: {QUIET_BELOW * 2} of {QUIET_BELOW * 2}"
        and len(lines) == 10
    )
    small = run_briefing("check", str(TRAM))
    assert "Analysing articles" not in small.stderr  # small corpora stay quiet
