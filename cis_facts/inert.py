"""Keep text from fact files inert: nothing in it may steer a terminal or flood a screen.

One set of characters is both refused by the loader in fact fields and escaped by every
renderer and message: control characters (Unicode Cc), invisible formatting characters
(Cf: bidi marks and overrides, zero-width space, BOM, tags, ...; the joiners U+200C and
U+200D excepted) and the line and paragraph separators U+2028 and U+2029.
"""

# Imported where used: unicodedata only for text that is not plain ASCII.

from __future__ import annotations

import functools
import re

_FORBIDDEN_CHARS = (
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u0890\u0891\u061c\u06dd\u070f\u08e2\u180e"
    "\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
CLIP = 80  # characters of a quoted value kept in a message
MESSAGE_CLIP = 1000  # characters of a whole message line (an echoed argument may be huge)


@functools.cache
def _forbidden() -> re.Pattern[str]:
    return re.compile(_FORBIDDEN_CHARS)


def first_forbidden(text: str) -> str | None:
    """The first forbidden character of ``text`` as ``U+XXXX``, or None."""
    if text.isprintable():  # the common case, checked in C
        return None
    match = _forbidden().search(text)
    return None if match is None else f"U+{ord(match.group()):04X}"


# Letters and symbols that draw nothing: Hangul fillers, the Mongolian vowel separator, the
# blank Braille pattern.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u180e\u2800")


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only white space, joiners, combining marks on no
    letter, variation selectors and blank letters."""
    for char in text:
        if char.isalnum() and char not in _BLANK_LETTERS:
            return False  # the common case: decided at the first character
        if char.isspace() or char in _BLANK_LETTERS:
            continue
        import unicodedata

        if unicodedata.category(char) not in ("Mn", "Me", "Cf"):
            return False
    return True


def visible(text: str) -> str:
    """``text`` with every forbidden character shown as an escape such as ``\\u001b``."""
    if text.isprintable():
        return text
    return _forbidden().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clip(text: str, limit: int = CLIP) -> str:
    """``text`` cut to ``limit`` characters, saying how long it was."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text):,} characters)"


def quoted(value: object) -> str:
    """A value as a message quotes it: ``repr``, clipped, escaped."""
    return visible(clip(repr(value) if isinstance(value, str) else str(value)))
