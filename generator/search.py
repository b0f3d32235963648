"""Full-text search of the source pages: a Pagefind index in chunks, loaded as a query needs them.

Material's site search is one JSON file every reader downloads whole; past a few megabytes of
source text that file is too large to load comfortably, so the source pages are also indexed by
Pagefind, whose index is split into fragments of a few kilobytes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
# What a source page shows besides its text: metadata, filings, removed lines, anchors.
NOT_TEXT = ".briefing-tags,.briefing-anchor,.headerlink,table,.admonition,details,.briefing-pdf"


def index_sources(site: Path) -> str | None:
    """Write the Pagefind bundle for the site's source pages; the error, if it failed."""
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE,
        "--glob", "sources/**/*.html", "--root-selector", ".md-content",
        "--exclude-selectors", NOT_TEXT, "--force-language", "en", "--quiet",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
    return None
