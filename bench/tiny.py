"""Benchmark: a hostile folder of many tiny files (default 10,000). Prints figures; never a test.

Each file is one short paragraph under a headline, as a folder of scraped snippets would be.
Measures `briefing check` and `briefing build --no-pdf` on it: wall time and peak memory.
Run: bench/tiny [COUNT]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench import BIN, timed

ROOT = Path(__file__).resolve().parent.parent


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as work:
        seeds = Path(work) / "seeds"
        seeds.mkdir()
        shutil.copy(ROOT / "tests" / "corpora" / "tram" / "briefing.yml", seeds / "briefing.yml")
        for i in range(count):
            (seeds / f"{i:05d}.txt").write_text(
                f"Snippet {i}\n\nThe council said on day {i} that the tram would run along the "
                f"river, and {i % 7 + 2} traders on the high street said the works cost them.\n",
                encoding="utf-8",
            )
        check, check_mb = timed([str(BIN / "briefing"), "check", "seeds"], Path(work))
        build, build_mb = timed(
            [str(BIN / "briefing"), "build", "seeds", "--site-dir", "site", "--no-pdf"], Path(work)
        )
        pages = sum(1 for _ in (Path(work) / "site" / "sources").glob("*/index.html"))
        checked = f"check {check:.1f} s, {check_mb:.0f} MB"
        built = f"build --no-pdf {build:.1f} s, {build_mb:.0f} MB"
        print(f"| {count} tiny files | {checked} | {built} | {pages} source pages |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
