"""Read an article file: decode it, parse front matter, infer metadata, strip scraping junk.

Plain text is taken as pasted from a page: an optional header (masthead, breadcrumbs,
headline, dek, byline, date, caption) above the first paragraph, and page furniture around
and inside the text. Only what is visibly there is inferred; anything else stays `None`.
Every removed line is kept, with the rule that removed it, for the audit list.

Modules, in reading order: `decode` (bytes to text), `front_matter`, `junk` (boilerplate
rules), `header` (title, dek, date, byline, outlet: a table of line shapes), `dates`, `bylines`,
`body` (paragraphs and headings), `article` (one file, start to end).
"""

from generator.ingest.article import (
    ARTICLE_SUFFIXES,
    LARGE,
    parse_article,
    parse_text,
    read_article,
    read_bytes,
)
from generator.ingest.dates import MONTHS, parse_date
from generator.ingest.decode import decode, normalise
from generator.ingest.front_matter import FRONT_MATTER_KEYS
from generator.ingest.junk import JUNK_RULES, junk_reason

__all__ = [
    "ARTICLE_SUFFIXES",
    "FRONT_MATTER_KEYS",
    "JUNK_RULES",
    "LARGE",
    "MONTHS",
    "decode",
    "junk_reason",
    "normalise",
    "parse_article",
    "parse_date",
    "parse_text",
    "read_article",
    "read_bytes",
]
