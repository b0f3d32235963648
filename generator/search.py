"""Full-text search of the source pages: a Pagefind index in chunks, loaded as a query needs them.

Material's site search is one JSON file every reader downloads whole; past a few megabytes of
source text that file is too large to load comfortably, so the source pages are also indexed by
Pagefind, whose index is split into fragments of a few kilobytes.
"""

from __future__ import annotations

import json
import re
import subprocess  # nosec B404
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
    # A fixed argument list, no shell: this interpreter's Pagefind module on our own site folder.
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # nosec B603
    if result.returncode != 0:
        return (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
    return None


SEARCH_INDEX = Path("search") / "search_index.json"
PARAGRAPH = re.compile(r"<p>¶(?P<number>\d+)\s(?P<text>.*?)</p>", re.DOTALL)


def paragraph_hits(site: Path) -> None:
    """Make each source paragraph its own entry of Material's search index, so a hit lands on
    the paragraph that matched (`sources/<slug>/#p7`), not on the top of a long page.

    Material indexes a page by its headings: all of a source's text falls in one section.
    """
    path = site / SEARCH_INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    for doc in index["docs"]:
        page, _, section = doc["location"].partition("#")
        found = list(PARAGRAPH.finditer(doc["text"])) if page.startswith("sources/") else []
        if not section or not found:
            docs.append(doc)
            continue
        rest = PARAGRAPH.sub("", doc["text"]).strip()
        if rest:
            docs.append({**doc, "text": rest})
        docs += [
            {**doc, "location": f"{page}#p{m.group('number')}",
             "title": f"¶{m.group('number')}", "text": f"<p>{m.group('text')}</p>"}
            for m in found
        ]  # fmt: skip
    index["docs"] = docs
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
