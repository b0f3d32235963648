"""Benchmark: analysis, render and full build at several corpus sizes, against plain MkDocs.

Prints one row per size and the scaling factor (build time at the largest size ÷ at the
previous one). Two floors: our own generated pages as plain Markdown, and the least a site
showing every article can cost (one plain page per article, Material and search). Corpora
are synthetic and deterministic (bench/corpus.py). Run: bench/run [SIZES].
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.commands.build import build
from mkdocs.config import load_config

from bench.corpus import write_corpus
from generator.cache import FactsCache
from generator.pipeline import build_briefing, default_workers
from generator.render import export_json, render_pages
from generator.render.site import EXTENSIONS

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MB of a command (GNU time)."""
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%M", *command], cwd=cwd, env=ENV,
                       check=True, capture_output=True)  # fmt: skip
        return time.perf_counter() - start, int(report.read().split()[-1]) / 1024


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def floor_project(root: Path, pages: dict[str, str]) -> Path:
    """The same pages as plain Markdown, built with the same theme, plugins and nav shape."""
    docs = root / "docs"
    for uri, content in pages.items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_text(content, encoding="utf-8")
    nav = ["index.md", {"Topics": sorted(u for u in pages if u.startswith("topics/"))}]
    nav += [u for u in ("people/index.md", "discrepancies.md", "timeline.md", "sources/index.md",
                        "glossary.md") if u in pages]  # fmt: skip
    config = {
        "site_name": "floor", "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "font": False}, "plugins": ["search"],
        "markdown_extensions": [{n: opts} if opts else n for n, opts in EXTENSIONS.items()],
        "not_in_nav": "sources/*\npeople/*", "nav": nav,
    }  # fmt: skip
    (root / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return root


def article_floor(root: Path, briefing) -> Path:
    """The least a site showing every article can cost: one plain page per article with the
    same paragraphs, Material and its search, the pages kept out of the nav."""
    docs = root / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "index.md").write_text("# Articles\n", encoding="utf-8")
    for article in briefing.articles:
        text = "\n\n".join(p.text for p in article.paragraphs)
        (docs / "articles" / f"{article.slug}.md").write_text(
            f"# {article.display_title}\n\n{text}\n", encoding="utf-8"
        )
    config = {
        "site_name": "floor", "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "font": False}, "plugins": ["search"],
        "not_in_nav": "articles/*", "nav": ["index.md"],
    }  # fmt: skip
    (root / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    return root


def largest_page_mb(site: Path) -> float:
    return max(p.stat().st_size for p in site.rglob("*.html")) / 1e6


def rebuild(corpus: Path, root: Path) -> tuple[float, float]:
    """Seconds of the in-process rebuild `mkdocs serve` makes after one article is edited, and of
    the briefing's own part of it (analysis with the cache, render, export)."""
    config = {
        "site_name": "rebuild", "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"briefing": {"seeds": str(corpus), "pdf": False}}],
    }  # fmt: skip
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` starts
    build(config)  # the first build fills the cache
    edited = sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]
    edited.write_text(edited.read_text("utf-8") + "\n\nOne more paragraph.\n", encoding="utf-8")
    start = time.perf_counter()
    build(load_config(str(root / "mkdocs.yml")))  # as serve rebuilds: a new config, the same plugin
    whole = time.perf_counter() - start
    cache = FactsCache()
    build_briefing(corpus, cache=cache)
    edited.write_text(edited.read_text("utf-8") + "\n\nAnd another.\n", encoding="utf-8")
    start = time.perf_counter()
    briefing = build_briefing(corpus, cache=cache).briefing
    render_pages(briefing)
    export_json(briefing)
    return whole, time.perf_counter() - start


def measure(size: int, work: Path) -> dict[str, float]:
    corpus = work / f"corpus-{size}" / "seeds"
    write_corpus(corpus, size)
    start = time.perf_counter()
    briefing = build_briefing(corpus).briefing
    analysis = time.perf_counter() - start
    start = time.perf_counter()
    build_briefing(corpus, workers=default_workers())
    parallel = time.perf_counter() - start
    start = time.perf_counter()
    pages = render_pages(briefing)
    export_json(briefing)
    render = time.perf_counter() - start
    site = work / f"site-{size}"
    build, peak = timed([str(BIN / "briefing"), "build", str(corpus), "--site-dir", str(site),
                         "--no-pdf"], work)  # fmt: skip
    floor_root = floor_project(work / f"floor-{size}", pages)
    floor, floor_peak = timed([str(BIN / "mkdocs"), "build", "-q"], floor_root)
    plain_root = article_floor(work / f"articles-{size}", briefing)
    plain, _ = timed([str(BIN / "mkdocs"), "build", "-q"], plain_root)
    warm, own = rebuild(corpus, work / f"rebuild-{size}")
    return {
        "size": size, "analysis": analysis, "rate": size / analysis, "parallel": parallel,
        "render": render, "build": build, "floor": floor, "ratio": build / floor,
        "peak": peak, "floor_peak": floor_peak, "site": size_mb(site),
        "index": (site / "search" / "search_index.json").stat().st_size / 1e6,
        "pagefind": size_mb(site / "pagefind"), "rebuild": warm, "own": own,
        "plain": plain, "plain_ratio": build / plain,
        "bytes_ratio": size_mb(site) / size_mb(plain_root / "site"),
        "largest": largest_page_mb(site),
    }  # fmt: skip


def main(sizes: list[int]) -> None:
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    print(f"articles | analysis s (articles/s), one core | {default_workers()} workers s | "
          "render s | build s | plain MkDocs s | ratio | rebuild after 1 edit s (briefing's part) "
          "| peak MB (plain MkDocs) | site MB | search index MB | Pagefind MB | one page per "
          "article s | ratio | site bytes ratio | largest page MB")  # fmt: skip
    rows = []
    try:
        for size in sizes:
            r = measure(size, work)
            rows.append(r)
            cells = [
                f"{r['size']:>8}", f"{r['analysis']:>7.1f} ({r['rate']:>5.0f})",
                f"{r['parallel']:>9.1f}",
                f"{r['render']:>8.1f}", f"{r['build']:>7.1f}", f"{r['floor']:>14.1f}",
                f"{r['ratio']:>5.2f}", f"{r['rebuild']:>32.1f} ({r['own']:>4.1f})",
                f"{r['peak']:>15.0f} ({r['floor_peak']:>4.0f})", f"{r['site']:>7.1f}",
                f"{r['index']:>15.1f}", f"{r['pagefind']:>11.1f}", f"{r['plain']:.1f}",
                f"{r['plain_ratio']:.2f}", f"{r['bytes_ratio']:.2f}", f"{r['largest']:.2f}",
            ]  # fmt: skip
            print(" | ".join(cells), flush=True)
        if len(rows) > 1:
            last, before = rows[-1], rows[-2]
            factor = last["build"] / before["build"]
            print(f"scaling factor {last['size']}/{before['size']}: {factor:.2f} "
                  f"(linear is {last['size'] / before['size']:.1f})")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
