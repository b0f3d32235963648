"""Shared fixtures: paths, and sites built once per session with the real `mkdocs build --strict`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TRAM = ROOT / "tests" / "corpora" / "tram"
BIN = Path(sys.executable).parent


def run_briefing(
    *args: str, cwd: Path = ROOT, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [str(BIN / "briefing"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def mkdocs_build(
    project: Path, site: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)]
    return subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled seeds built with the project's own mkdocs.yml."""
    site = tmp_path_factory.mktemp("seeds-site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def tram_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second-subject corpus built through the CLI from outside the project."""
    site = tmp_path_factory.mktemp("tram-site")
    result = run_briefing("build", str(TRAM), "--site-dir", str(site), "--strict", cwd=site.parent)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project's site sources (mkdocs.yml, docs/, seeds/)."""
    for name in ("docs", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
