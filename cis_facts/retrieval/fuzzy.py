"""Words within a small edit distance of a word, found without scanning the vocabulary.

Every vocabulary word is filed under itself and each string made by deleting one of its
letters; a query word's own deletions (up to two) are looked up in that table. Two words
one edit apart always share an entry, so every neighbour at distance 1 is found, and most
at distance 2 (all but two substitutions at separate places). A lookup costs a number of
dictionary probes that depends on the query word's length, never on the vocabulary's size;
building the table is linear in the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_PROBE_LENGTH = 24  # longer query words are not looked up (their deletions multiply)


def deletions(word: str) -> set[str]:
    """``word`` with one letter removed, in every way."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (insert, delete, substitute, swap two neighbours).

    Returns ``limit + 1`` as soon as the distance is known to exceed ``limit``.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit and min(previous) > limit:  # a swap reaches back one row
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class Neighbours:
    """A vocabulary indexed by single deletions, for "close word" lookups."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        table: dict[str, list[str]] = {}
        for word in vocabulary:
            table.setdefault(word, []).append(word)
            for variant in deletions(word):
                table.setdefault(variant, []).append(word)
        self._table = table

    def close(self, word: str, limit: int) -> list[tuple[int, str]]:
        """Vocabulary words within ``limit`` (1 or 2) edits of ``word``, as (distance, word)."""
        if not word or len(word) > MAX_PROBE_LENGTH or limit < 1:
            return []
        probes = {word} | deletions(word)
        if limit >= 2:
            probes |= {d for p in deletions(word) for d in deletions(p)}
        candidates = {c for p in probes for c in self._table.get(p, ())}
        found = []
        for candidate in candidates:
            if candidate == word:
                continue
            d = distance(word, candidate, limit)
            if d <= limit:
                found.append((d, candidate))
        found.sort()
        return found
