"""A BM25F index: documents made of named fields of terms, each field with its weight.

A term's frequency is summed over the fields, each count weighted by its field and
normalised by that field's length against the field's average length (BM25F); the score
of a document is the sum over the query's terms of ``idf * tf * (k1 + 1) / (k1 + tf)``.
Every term of a query is optional: a document that holds more of them, or rarer ones, in
weightier fields ranks higher.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Mapping, Sequence

from cis_facts.frozen import Frozen

K1 = 1.2
B = 0.75

Fields = Mapping[str, Sequence[str]]


class Hit(Frozen):
    """A document that matched: its number in the order added, score, fields matched."""

    doc: int
    score: float
    fields: tuple[str, ...]


class Index:
    """Postings of every term: (document, weighted frequency, bit mask of the fields)."""

    def __init__(
        self,
        documents: Sequence[Fields],
        weights: Mapping[str, float],
        boosts: Sequence[float] = (),
    ) -> None:
        """``boosts`` multiplies each document's score (1 for documents beyond its end)."""
        self.field_names = tuple(weights)
        self._boosts = tuple(boosts)
        self.size = len(documents)
        bits = {name: 1 << i for i, name in enumerate(self.field_names)}
        totals = dict.fromkeys(self.field_names, 0)
        for document in documents:
            for name, terms in document.items():
                totals[name] += len(terms)
        average = {name: (totals[name] / self.size if self.size else 0.0) or 1.0 for name in totals}
        postings: dict[str, list[tuple[int, float, int]]] = {}
        for number, document in enumerate(documents):
            weighted: dict[str, list[float]] = {}
            for name, terms in document.items():
                norm = 1 - B + B * len(terms) / average[name]
                weight, bit = weights[name] / norm, bits[name]
                for term, count in Counter(terms).items():
                    slot = weighted.get(term)
                    if slot is None:
                        weighted[term] = [weight * count, bit]
                    else:
                        slot[0] += weight * count
                        slot[1] = int(slot[1]) | bit
            for term, (frequency, mask) in weighted.items():
                postings.setdefault(term, []).append((number, frequency, int(mask)))
        self._postings = postings
        self._sorted: list[str] | None = None

    def __contains__(self, term: str) -> bool:
        return term in self._postings

    def vocabulary(self) -> list[str]:
        """Every term, sorted (built on first use)."""
        if self._sorted is None:
            self._sorted = sorted(self._postings)
        return self._sorted

    def frequency(self, term: str) -> int:
        """How many documents hold ``term``."""
        return len(self._postings.get(term, ()))

    def with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Up to ``limit`` terms that start with ``prefix`` (other than ``prefix`` itself)."""
        terms = self.vocabulary()
        start = bisect.bisect_right(terms, prefix)
        found = []
        for term in terms[start : start + limit]:
            if not term.startswith(prefix):
                break
            found.append(term)
        return found

    def idf(self, term: str) -> float:
        df = self.frequency(term)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def search(self, query: Sequence[Sequence[tuple[str, float]]]) -> list[Hit]:
        """Rank documents for a query: one list of weighted alternative terms per query word.

        For each query word the best of its alternatives counts in each document, so a
        word that stands for several terms is not counted twice.
        """
        scores: dict[int, float] = {}
        masks: dict[int, int] = {}
        for alternatives in query:
            best: dict[int, tuple[float, int]] = {}
            for term, weight in alternatives:
                postings = self._postings.get(term)
                if not postings:
                    continue
                factor = weight * self.idf(term) * (K1 + 1)
                for doc, frequency, mask in postings:
                    points = factor * frequency / (K1 + frequency)
                    held = best.get(doc)
                    if held is None or points > held[0]:
                        best[doc] = (points, mask)
            for doc, (points, mask) in best.items():
                scores[doc] = scores.get(doc, 0.0) + points
                masks[doc] = masks.get(doc, 0) | mask
        boosts, extent = self._boosts, len(self._boosts)
        hits = [
            Hit(doc, score * (boosts[doc] if doc < extent else 1.0), self._names(masks[doc]))
            for doc, score in scores.items()
        ]
        hits.sort(key=lambda h: (-h.score, h.doc))
        return hits

    def _names(self, mask: int) -> tuple[str, ...]:
        return tuple(name for i, name in enumerate(self.field_names) if mask >> i & 1)
