"""Regular expressions a user writes in `briefing.yml`, run by RE2 in linear time.

Python's own engine backtracks: one pattern like `^(a+)+$` and a 41-character line hang a build.
RE2 (`google-re2`) guarantees time linear in the text, and refuses what it cannot run that way
(look-arounds, back-references): such a pattern is a configuration error, named with its key.
"""

from __future__ import annotations

from typing import Any

import re2


def compile_user(pattern: str, ignore_case: bool = False) -> Any:  # re2._Regexp, untyped
    """A compiled pattern with `search` and `finditer` like `re`'s; ValueError saying why not."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    try:
        return re2.compile(pattern, options)
    except re2.error as error:
        reason = (
            error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else error
        )
        raise ValueError(
            f"invalid regular expression {pattern!r}: {reason} (patterns run on RE2, which "
            "has no look-arounds or back-references, so that no line can make them slow)"
        ) from None
