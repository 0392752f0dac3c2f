"""Data stays data on the way out: spreadsheet formulas neutralised, JSON valid in any locale.

Both are applied at one point, where an answer is written (``output.emit``), so the
renderers stay format-only.
"""

from __future__ import annotations

import codecs
import re
from typing import Any, TextIO

from cis_facts.render.localized import Localized

# OWASP's rule for CSV injection: a spreadsheet runs a cell that starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def neutralise(value: Any) -> Any:
    """``value`` with each text that a spreadsheet would run prefixed with ``'``.

    Numbers, booleans and None are left as they are (a negative number is not a formula);
    lists and objects are walked.
    """
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if isinstance(value, dict):
        return {key: neutralise(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [neutralise(item) for item in value]
    return value


def neutralised(answer: Localized) -> Localized:
    """``answer`` with every text value of its records neutralised for spreadsheets."""
    return answer.replace(records=tuple(neutralise(record) for record in answer.records))


def is_utf(stream: TextIO) -> bool:
    """Whether ``stream`` encodes text as UTF-8 (and so can carry any character)."""
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def ascii_json(text: str) -> str:
    """JSON text with every non-ASCII character written as a ``\\uXXXX`` escape.

    Outside strings JSON is ASCII, so this only rewrites string contents, and the result
    parses to the same value. Characters beyond U+FFFF become a surrogate pair.
    """
    if text.isascii():
        return text
    return _NON_ASCII.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_for_stream(text: str, stream: TextIO) -> str:
    """JSON text as ``stream`` can carry it whole: as is in UTF-8, else ASCII with escapes."""
    return text if is_utf(stream) else ascii_json(text)
