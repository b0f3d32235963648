"""Bytes to text: find the encoding a page was saved in, then normalise lines and spaces.

UTF-8 and byte-order marks are certain and read first. Anything else is detected with
`charset-normalizer`, which reads Windows-1251 Russian, Shift-JIS Japanese or ISO-8859-7
Greek as themselves. On Western text it cannot tell the Latin code pages apart (they share all
letters but a few), so there Windows-1252, the code page Western pages are saved in, wins.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import CharsetMatch, from_bytes

from generator.exceptions import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16: its mark starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
WESTERN = "cp1252"
# Languages whose letters only the Central European code pages hold: there, no tie for cp1252.
CENTRAL_EUROPEAN = frozenset(
    {"Czech", "Polish", "Slovak", "Slovene", "Hungarian", "Croatian", "Romanian", "Bosnian"}
)
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # Unicode category Cc, but the newline
SAMPLE = 4096  # bytes looked at to tell text from binary


def decode(data: bytes, display_path: str) -> str:
    """Decode bytes in whatever encoding they were saved in; InputError for binary content."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    if not _wide(data):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None and _looks_binary(data):
        raise InputError(display_path, "not a text file (binary content)")
    if best is not None and best.encoding.startswith("utf") and not _wide(data):
        # Without a byte-order mark or NUL bytes, UTF-16 is a guess; text has spaces or lines.
        best = best if any(char.isspace() for char in str(best)) else None
    western = _western(data, best)
    if western is not None:
        return western
    if best is not None:
        return str(best)
    return data.decode("latin-1")  # every byte is a Latin-1 character: nothing is lost


def _wide(data: bytes) -> bool:
    """Whether NUL bytes fill every other place, as in UTF-16 text without a byte-order mark."""
    sample = data[:SAMPLE]
    return len(sample) >= 4 and sample.count(0) > len(sample) // 4


def _western(data: bytes, best: CharsetMatch | None) -> str | None:
    """The text read as Windows-1252, when that reads at least as cleanly as the best guess."""
    if best is not None and (
        best.encoding.startswith(("utf", "cp93", "shift", "euc", "gb", "big5", "hz", "iso2022"))
        or best.language in CENTRAL_EUROPEAN
        or not _latin(str(best))
    ):
        return None
    western = from_bytes(data, cp_isolation=[WESTERN]).best()
    if western is None or (best is not None and western.chaos > best.chaos):
        return None
    return str(western)


def _latin(text: str) -> bool:
    """Whether every letter of a text is a Latin one."""
    return all(unicodedata.name(char, "").startswith("LATIN") for char in text if char.isalpha())


def _looks_binary(data: bytes) -> bool:
    sample = data[:SAMPLE]
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    return controls / len(sample) > 0.1


def normalise(text: str) -> str:
    """Unify line ends and spaces, drop control characters, compose Unicode."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u200b", "")
    return CONTROL.sub("", text)
