"""What a site engine needs beside the pages: assets, Markdown extensions, navigation.

The MkDocs plugin hands these to MkDocs on every build; `briefing pages OUT/` writes them into a
folder with the pages and an `mkdocs.yml`, so any engine that reads Markdown (plain MkDocs
without the plugin, ProperDocs, Zensical) can build the same briefing.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.model import Briefing
from generator.render.actors import PEOPLE_INDEX
from generator.render.crosssource import DISCREPANCIES, TIMELINE
from generator.render.pages import GLOSSARY, HOME, SOURCES_INDEX, abbreviations, render_pages

ASSETS = Path(__file__).parent.parent / "assets"
CSS_URI = "assets/briefing/briefing.css"
JS_URI = "assets/briefing/briefing.js"
SECTIONS = (PEOPLE_INDEX, DISCREPANCIES, TIMELINE, SOURCES_INDEX, GLOSSARY)  # nav order
# Extensions the generated pages are written for: ids on paragraphs, cards, tables, notes.
EXTENSIONS: dict[str, dict] = {
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "admonition": {},
    "pymdownx.details": {},
    "toc": {"permalink": True},
    "abbr": {},
}
FEATURES = ("navigation.instant", "navigation.sections", "navigation.path", "search.highlight",
            "content.tooltips")  # fmt: skip


def assets() -> dict[str, str]:
    """The briefing's stylesheet and script, by the path pages load them from."""
    return {
        CSS_URI: (ASSETS / "briefing.css").read_text(encoding="utf-8"),
        JS_URI: (ASSETS / "briefing.js").read_text(encoding="utf-8"),
    }


def site_nav(pages: dict[str, str], handwritten: list[str]) -> list:
    """Home, the topics in taxonomy order, the cross-source pages, then hand-written pages."""
    topics = [uri for uri in pages if uri.startswith("topics/")]
    listed = [uri for uri in SECTIONS if uri in pages]
    return [HOME, {"Topics": topics}, *listed, *sorted(handwritten)]


def in_nav(uri: str) -> bool:
    """Whether a generated page is listed in the navigation (source and actor pages are not)."""
    return uri in (HOME, SOURCES_INDEX, PEOPLE_INDEX, GLOSSARY) or uri.startswith("topics/")


def standalone(briefing: Briefing) -> dict[str, str]:
    """Every file of the briefing as an engine-neutral project: `docs/` pages (the glossary's
    tooltips written into each), the assets, and an `mkdocs.yml` that needs no plugin."""
    pages = render_pages(briefing)
    files = {}
    for uri, markdown in pages.items():
        found = abbreviations(briefing.config.glossary, markdown)
        files[f"docs/{uri}"] = markdown + "\n" + found if found else markdown
    files.update({f"docs/{uri}": content for uri, content in assets().items()})
    config = {
        "site_name": briefing.config.title,
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "features": list(FEATURES)},
        "plugins": ["search"],
        "markdown_extensions": [
            {name: settings} if settings else name for name, settings in EXTENSIONS.items()
        ],
        "extra_css": [CSS_URI],
        "extra_javascript": [JS_URI],
        "nav": site_nav(pages, []),
        "not_in_nav": "/sources/\n/people/\n",
        "validation": {"omitted_files": "warn", "unrecognized_links": "warn", "anchors": "warn"},
    }
    files["mkdocs.yml"] = (
        "# Written by `briefing pages`: the generated briefing for any engine that reads\n"
        "# mkdocs.yml (MkDocs, ProperDocs, Zensical); no plugin needed.\n"
        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    )
    return files
