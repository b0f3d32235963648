"""Progress on long runs: a bar on a terminal, a plain line every tenth of the way otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

Progress = Callable[[int, int], None]  # (articles done so far, articles in all)
QUIET_BELOW = 50  # articles; smaller corpora are read before anyone would look


def reporter(label: str = "Analysing articles") -> Progress:
    """A progress callback for the terminal the command runs in."""
    state: dict[str, object] = {}

    def report(done: int, total: int) -> None:
        if total < QUIET_BELOW:
            return
        if sys.stderr.isatty():
            bar = state.get("bar")
            if bar is None:
                bar = click.progressbar(length=total, label=label, file=sys.stderr)
                bar.__enter__()
                state["bar"] = bar
            bar.update(1)  # type: ignore[attr-defined]
            if done == total:
                bar.__exit__(None, None, None)  # type: ignore[attr-defined]
        elif worth_a_line(done, total):
            click.echo(f"{label}: {done} of {total}", err=True)

    return report


def worth_a_line(done: int, total: int) -> bool:
    """Whether plain progress output reports this article: every tenth of a large corpus."""
    return total >= QUIET_BELOW and (done == total or done % max(1, total // 10) == 0)
