"""Text folding and fuzzy matching for names and search.

Folding ignores case and maps Kazakh letters to their nearest Russian ones, so a
query typed on a Russian keyboard ("казакстан") finds "Қазақстан".
"""

# Imported where used: difflib only when a suggestion is made, after a miss.

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_KAZAKH_TO_RUSSIAN = (
    ("қ", "к"),
    ("ғ", "г"),
    ("ә", "а"),
    ("ə", "а"),
    ("ө", "о"),
    ("ұ", "у"),
    ("ү", "у"),
    ("і", "и"),
    ("ң", "н"),
    ("һ", "х"),
    ("ё", "е"),
)
_WORD = re.compile(r"\w+")
_ACCENTED_LATIN = re.compile(r"[\u00c0-\u024f]")
# Combining marks left on a Latin letter by full case folding (İ folds to i + U+0307).
_MARK_ON_LATIN = re.compile(r"(?<=[a-z\u00c0-\u024f])[\u0300-\u036f]+")


_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def mixed_script_word(text: str) -> str | None:
    """The first word of ``text`` whose letters come from more than one of the Latin,
    Cyrillic and Greek scripts (``Kаzakhstan`` with a Cyrillic ``а``), else None."""
    words: list[str] = _WORD.findall(unicodedata.normalize("NFKC", text))
    for word in words:
        if word.isascii():
            continue
        scripts = {unicodedata.name(ch, "").split(" ")[0] for ch in word if ch.isalpha()}
        if len(scripts & set(_SCRIPTS)) > 1:
            return word
    return None


def fold(text: str) -> str:
    """Full case folding, Kazakh letters folded to Russian ones, accents and other
    combining marks removed from Latin letters (``İstanbul`` and ``istanbul`` match)."""
    lowered = unicodedata.normalize("NFC", text).casefold()
    if lowered.isascii():
        return lowered
    lowered = _MARK_ON_LATIN.sub("", lowered)
    # A chain of str.replace runs in C; str.translate with a mapping calls back per character.
    for kazakh, russian in _KAZAKH_TO_RUSSIAN:
        if kazakh in lowered:
            lowered = lowered.replace(kazakh, russian)
    return _ACCENTED_LATIN.sub(_strip_accent, lowered)


def _strip_accent(match: re.Match[str]) -> str:
    # Only Latin letters lose their accents: Cyrillic й must not become и.
    return "".join(
        c for c in unicodedata.normalize("NFD", match.group()) if unicodedata.category(c) != "Mn"
    )


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


SUGGEST_LEN = 40  # longest word or name that gets or gives a "did you mean" suggestion


def close_matches(
    word: str, vocabulary: Iterable[str], limit: int = 5, cutoff: float = 0.75
) -> list[str]:
    """Words of ``vocabulary`` that look like ``word`` (a typo, a missing letter).

    Comparing two words costs the product of their lengths, so words longer than
    ``SUGGEST_LEN`` are left out: each comparison is then bounded, and the whole
    linear in the vocabulary.
    """
    import difflib

    if len(word) > SUGGEST_LEN:
        return []
    candidates = [w for w in vocabulary if len(w) <= SUGGEST_LEN]
    return difflib.get_close_matches(word, candidates, n=limit, cutoff=cutoff)


def best_names(query: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """Names closest to ``query`` after folding, best first, for "did you mean" hints."""
    import difflib

    wanted = fold(query)
    if len(wanted) > SUGGEST_LEN:
        return []
    by_folded: dict[str, str] = {}
    for name in names:
        folded = fold(name)
        if len(folded) <= SUGGEST_LEN:
            by_folded.setdefault(folded, name)
    hits = difflib.get_close_matches(wanted, list(by_folded), n=limit, cutoff=0.6)
    return [by_folded[h] for h in hits]
