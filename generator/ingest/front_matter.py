"""YAML front matter of a Markdown article: split it off, check it, and let it win."""

from __future__ import annotations

import datetime as dt

import frontmatter
import yaml

from generator.exceptions import InputError
from generator.ingest.dates import parse_date
from generator.model import Document

FRONT_MATTER_KEYS = ("title", "date", "outlet", "author", "slug")


def split_front_matter(
    text: str, display_path: str
) -> tuple[dict[str, object], str, str, list[str]]:
    """Front matter, body, the raw front matter (for line numbers) and warnings."""
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return {}, text, "", []
    try:
        raw, body = handler.split(text)
    except ValueError:
        raise InputError(display_path, "front matter opened with --- is never closed", 1) from None
    try:
        metadata = yaml.safe_load(raw) or {}
    except yaml.YAMLError as error:
        # Where the bad construct opened, else where parsing failed; the raw text starts on ---.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or "unreadable"
        raise InputError(
            display_path, f"front matter is not valid YAML ({problem})", line
        ) from None
    if not isinstance(metadata, dict):
        raise InputError(display_path, "front matter must be a mapping of keys to values", 2)
    warnings = [
        f"line {_key_line(raw, str(key))}: unknown front matter key {key!r} ignored "
        f"(known: {', '.join(FRONT_MATTER_KEYS)})"
        for key in metadata
        if key not in FRONT_MATTER_KEYS
    ]
    return metadata, body, raw, warnings


def _key_line(raw_front: str, key: str) -> int | None:
    """The file line of a front matter key (the raw text starts right after the opening `---`)."""
    for number, line in enumerate(raw_front.split("\n"), start=1):
        if line.split(":", 1)[0].strip() == key:
            return number
    return None


def apply_front_matter(
    document: Document, front: dict[str, object], warnings: list[str], raw_front: str
) -> Document:
    """The Document with front matter values in place of inferred ones, and its warnings."""
    values: dict[str, str | None] = {}
    for key in ("title", "outlet", "author", "slug"):
        if key in front:
            value = front[key]
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                raise InputError(
                    document.source_path,
                    f"front matter {key!r} must be text, found {value!r}",
                    _key_line(raw_front, key),
                )
            values[key] = str(value).strip() or None
    if "date" in front:
        line = _key_line(raw_front, "date")
        values["date"] = _front_matter_date(front["date"], document.source_path, line)
    return Document(
        source_path=document.source_path,
        title=values.get("title", document.title),
        date=values.get("date", document.date),
        outlet=values.get("outlet", document.outlet),
        author=values.get("author", document.author),
        blocks=document.blocks,
        removed=document.removed,
        slug_hint=values.get("slug"),
        warnings=document.warnings + tuple(warnings),
    )


def _front_matter_date(value: object, display_path: str, line: int | None) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    parsed = parse_date(str(value)) if isinstance(value, str) else None
    if parsed is None:
        raise InputError(
            display_path,
            f"front matter 'date' must be a date like 2023-07-11, found {value!r}",
            line,
        )
    return parsed
