"""The few errors the generator raises; only the CLI and the plugin turn them into exits."""

from __future__ import annotations

from pathlib import Path


class BriefingError(Exception):
    """Base of every error the generator reports to a user."""


class ConfigError(BriefingError):
    """`briefing.yml` is missing or invalid; carries every problem found, not just the first."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{self.path}: invalid briefing configuration\n{listing}")


class InputError(BriefingError):
    """An article cannot be read or parsed."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")
