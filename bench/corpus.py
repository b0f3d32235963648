"""Deterministic synthetic corpora, recombined from the bundled seeds' and the tram corpus' text."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from generator.ingest import read_article

ROOT = Path(__file__).resolve().parent.parent
JUNK = ["Sponsor: QWIKET", "Read next: More on the story", "0", "back", "---", "Advertisement"]
DATES = ["11 Jul 2023", "30 Jun 2023", "2 Feb 2024", "15 Mar 2024", "7 Nov 2022"]


def _sentences() -> list[str]:
    """Every sentence of the bundled corpora: the material articles are recombined from."""
    found = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpora" / "tram"):
        for path in sorted(folder.glob("*.txt")) + sorted(folder.glob("*.md")):
            document = read_article(path, path.name)
            found += [b.text for b in document.blocks if b.kind == "paragraph"]
    return found


def write_corpus(folder: Path, count: int, seed: int = 2023) -> None:
    """`count` articles of 5 to 12 paragraphs, with headlines, dates, bylines and junk lines."""
    rng = random.Random(seed)
    paragraphs = _sentences()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "seeds" / "briefing.yml", folder / "briefing.yml")
    for number in range(count):
        chosen = rng.sample(paragraphs, rng.randint(5, 12))
        headline = " ".join(rng.choice(chosen).split()[: rng.randint(6, 10)]).rstrip(".,;:")
        lines = [rng.choice(JUNK), "Politico" if number % 3 else "Reuters", rng.choice(DATES),
                 "Eric Bazail-Eimil", "", headline, ""]  # fmt: skip
        for paragraph in chosen:
            lines += [paragraph, ""]
            if rng.random() < 0.15:
                lines += [rng.choice(JUNK), ""]
        (folder / f"{number:05d}.txt").write_text("\n".join(lines), encoding="utf-8")
