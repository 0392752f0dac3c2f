"""A BM25F index: documents made of named fields of tokens, each field with its weight.

A term's frequency is summed over the fields, each count weighted by its field and
normalised by that field's length against the field's average length (BM25F); the score
of a document is the sum over the query's terms of ``idf * tf * (k1 + 1) / (k1 + tf)``.
Every term of a query is optional: a document that holds more of them, or rarer ones, in
weightier fields ranks higher.

Building only collects each field's distinct tokens; tokens become terms through a
``normalise`` function called once per distinct token. Where a token occurs is filed
only when a query asks for its term, for all of a query's terms in one pass over the
documents (a set intersection per document, run in C), and a term's postings are summed
up from that.
"""

from __future__ import annotations

import bisect
import math
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

K1 = 1.2
B = 0.75

Fields = Mapping[str, Sequence[str]]
Postings = dict[int, tuple[float, int]]  # document -> (weighted frequency, field bit mask)
Terms = str | tuple[str, ...]
# Where each token occurs, for a stored index: document and count, interleaved, as the
# bytes of a machine-word integer array (read back only for the tokens a query asks about).
_PACKED = "i"
# What a stored index must have been written with: the layout of its integer arrays.
PLAIN_FORMAT = (1, sys.byteorder, array(_PACKED).itemsize)


class Later(NamedTuple):
    """Tokens whose analysis can wait (``tokens``), and the only terms they can yield
    (``terms``): a large base holds many distinct numbers no query asks about."""

    tokens: Callable[[str], bool]
    terms: Callable[[str], bool]


class Hit(NamedTuple):
    """A document that matched: its number in the order added, score, fields matched.

    A named tuple rather than a record class: a search over a large base makes one per
    document, and a tuple is built in C.
    """

    doc: int
    score: float
    fields: tuple[str, ...]


class Index:
    """Where each token occurs, and the terms the tokens stand for."""

    def __init__(
        self,
        documents: Sequence[Fields],
        weights: Mapping[str, float],
        normalise: Callable[[str], Sequence[str]] = lambda token: (token,),
        boosts: Sequence[float] = (),
        later: Later | None = None,
    ) -> None:
        """``normalise`` maps a token to its terms (none: not indexed); ``boosts``
        multiplies each document's score (1 for documents beyond its end); ``later``
        names tokens normalised only when a term they can yield is looked up."""
        self.field_names = tuple(weights)
        self.size = len(documents)
        self._weights = tuple(weights.values())
        self._boosts = tuple(boosts)
        self._columns: list[list[Sequence[str]]] = []
        self._lengths: list[list[int]] = []
        self._tokens: dict[str, list[tuple[int, str]]] = {}
        self._normalise = normalise
        self._later = later
        self._pending: list[tuple[int, str]] = []
        for field, name in enumerate(self.field_names):
            column = [document.get(name) or () for document in documents]
            self._columns.append(column)
            self._lengths.append([len(tokens) for tokens in column])
            distinct = set().union(*column)
            if later is not None:
                deferred = {token for token in distinct if later.tokens(token)}
                self._pending.extend((field, token) for token in deferred)
                distinct -= deferred
            for token in distinct:
                for term in normalise(token):
                    self._tokens.setdefault(term, []).append((field, token))
        self._average = [(sum(n) / self.size if self.size else 0.0) or 1.0 for n in self._lengths]
        # Where each token occurs, filled only for the tokens a query asks about: filing
        # every token of a large base costs more than the whole query.
        self._occurrences: list[dict[str, list[tuple[int, int]]]] = [{} for _ in self._columns]
        self._postings: dict[str, Postings] = {}
        self._field_norms: list[list[float] | None] = [None] * len(self._columns)
        self._masks: dict[int, tuple[str, ...]] = {}
        self._sorted: list[str] | None = None
        self._packed: list[dict[str, bytes]] | None = None

    def plain(self) -> tuple[Any, ...]:
        """The index as plain data (strings, numbers, bytes, tuples, dicts) for ``marshal``:
        every token analysed and where each occurs. ``from_plain`` reads it back."""
        self._analyse_pending()
        indexed: list[set[str]] = [set() for _ in self._columns]
        for places in self._tokens.values():
            for field, token in places:
                indexed[field].add(token)
        packed = []
        for field, column in enumerate(self._columns):
            found: dict[str, array[int]] = {token: array(_PACKED) for token in indexed[field]}
            intersection = indexed[field].intersection
            for doc, written in enumerate(column):
                if written:
                    for token in intersection(written):
                        found[token].extend((doc, written.count(token)))
            packed.append({token: places.tobytes() for token, places in found.items()})
        tokens = {term: tuple(places) for term, places in self._tokens.items()}
        return (PLAIN_FORMAT, self.field_names, self.size, self._lengths, tokens, packed)

    @classmethod
    def from_plain(
        cls, data: Any, weights: Mapping[str, float], boosts: Sequence[float] = ()
    ) -> Index | None:
        """The index ``plain`` stored, searching as the index it came from did; None if
        ``data`` is not such an index for these ``weights`` (any shape of it is refused)."""
        try:
            plain_format, names, size, lengths, tokens, packed = data
            ok = (
                plain_format == PLAIN_FORMAT
                and names == tuple(weights)
                and type(size) is int
                and type(tokens) is dict
                and len(lengths) == len(packed) == len(names)
                and all(type(n) is list and len(n) == size for n in lengths)
                and all(type(p) is dict for p in packed)
            )
        except (TypeError, ValueError):
            return None
        if not ok:
            return None
        index = cls([], weights, boosts=boosts)
        index.size = size
        index._lengths = lengths
        index._columns = [[] for _ in names]
        index._average = [(sum(n) / size if size else 0.0) or 1.0 for n in lengths]
        index._occurrences = [{} for _ in names]
        index._field_norms = [None] * len(names)
        index._tokens = {term: list(places) for term, places in tokens.items()}
        index._packed = packed
        return index

    def __contains__(self, term: str) -> bool:
        return bool(self._written_as(term))

    def _written_as(self, term: str) -> list[tuple[int, str]]:
        """The (field, token) pairs that yield ``term``, normalising deferred tokens first
        if ``term`` is of the kind they yield."""
        if self._pending and self._later is not None and self._later.terms(term):
            self._analyse_pending()
        return self._tokens.get(term, [])

    def _analyse_pending(self) -> None:
        for field, token in self._pending:
            for found in self._normalise(token):
                self._tokens.setdefault(found, []).append((field, token))
        self._pending = []
        self._sorted = None

    def vocabulary(self) -> list[str]:
        """Every term, sorted (built on first use)."""
        if self._sorted is None:
            self._sorted = sorted(self._tokens)
        return self._sorted

    def written(self, term: str) -> str:
        """The shortest token the text writes ``term`` as."""
        tokens = (token for _, token in self._written_as(term))
        return min(tokens, key=lambda token: (len(token), token), default=term)

    def frequency(self, term: str) -> int:
        """How many documents hold ``term``."""
        return len(self.postings(term))

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

    def postings(self, term: str) -> Postings:
        """Each document holding ``term``: its BM25F frequency and the fields it is in."""
        cached = self._postings.get(term)
        if cached is not None:
            return cached
        self.prepare([term])
        postings: Postings = {}
        # In a fixed order, so that a sum over several tokens is the same in every process.
        for field, token in sorted(self._written_as(term)):
            bit, norms = 1 << field, self._norms(field)
            occurrences = self._occurrences[field][token]
            if not postings:  # the usual case: the term is written one way in one field
                postings = {doc: (count * norms[doc], bit) for doc, count in occurrences}
                continue
            for doc, count in occurrences:
                held = postings.get(doc)
                frequency = count * norms[doc]
                postings[doc] = (
                    (frequency, bit) if held is None else (held[0] + frequency, held[1] | bit)
                )
        self._postings[term] = postings
        return postings

    def _norms(self, field: int) -> list[float]:
        """Each document's weight for one occurrence in ``field``: the field's weight over
        its length normalisation (computed once per field, when first needed)."""
        norms = self._field_norms[field]
        if norms is None:
            weight, average = self._weights[field], self._average[field]
            norms = [weight / (1 - B + B * n / average) for n in self._lengths[field]]
            self._field_norms[field] = norms
        return norms

    def prepare(self, terms: Iterable[str]) -> None:
        """File where the tokens of ``terms`` occur, in one pass over each field."""
        wanted: list[set[str]] = [set() for _ in self._columns]
        for term in terms:
            for field, token in self._written_as(term):
                if token not in self._occurrences[field]:
                    wanted[field].add(token)
        for field, tokens in enumerate(wanted):
            if not tokens:
                continue
            if self._packed is not None:
                self._occurrences[field].update(_unpack(self._packed[field], tokens))
                continue
            found: dict[str, list[tuple[int, int]]] = {token: [] for token in tokens}
            intersection = tokens.intersection
            for doc, written in enumerate(self._columns[field]):
                if written:
                    for token in intersection(written):
                        found[token].append((doc, written.count(token)))
            self._occurrences[field].update(found)

    def idf(self, term: str) -> float:
        df = self.frequency(term)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def search(self, query: Sequence[Sequence[tuple[Terms, float]]]) -> list[Hit]:
        """Rank documents for a query: one list of weighted alternatives per query word.

        An alternative is a term, or a tuple of terms a document must hold all of (the
        words an abbreviation stands for), scored by their mean. For each query word the
        best of its alternatives counts in each document, so a word that stands for
        several terms is not counted twice.
        """
        # Lists indexed by document: faster to add into than dictionaries.
        scores = [0.0] * self.size
        masks = [0] * self.size
        for alternatives in query:
            if len(alternatives) == 1 and isinstance(alternatives[0][0], str):
                self._add(alternatives[0][0], alternatives[0][1], scores, masks)
                continue
            best: dict[int, tuple[float, int]] = {}
            for terms, weight in alternatives:
                for doc, (points, mask) in self._points(terms, weight).items():
                    held = best.get(doc)
                    if held is None or points > held[0]:
                        best[doc] = (points, mask)
            for doc, (points, mask) in best.items():
                scores[doc] += points
                masks[doc] |= mask
        boosts, extent = self._boosts, len(self._boosts)
        names = self._fields_of
        hits = [
            Hit(doc, score * (boosts[doc] if doc < extent else 1.0), names(masks[doc]))
            for doc, score in enumerate(scores)
            if score
        ]
        hits.sort(key=lambda h: (-h.score, h.doc))
        return hits

    def _add(self, term: str, weight: float, scores: list[float], masks: list[int]) -> None:
        """Add one term's points to ``scores`` directly (the common, single-term case)."""
        factor = weight * self.idf(term) * (K1 + 1)
        for doc, (frequency, mask) in self.postings(term).items():
            scores[doc] += factor * frequency / (K1 + frequency)
            masks[doc] |= mask

    def _points(self, terms: Terms, weight: float) -> dict[int, tuple[float, int]]:
        """BM25 points and field mask of each document holding ``terms`` (all of them)."""
        if isinstance(terms, str):
            postings = self.postings(terms)
            factor = weight * self.idf(terms) * (K1 + 1)
            return {
                doc: (factor * frequency / (K1 + frequency), mask)
                for doc, (frequency, mask) in postings.items()
            }
        parts = [self._points(term, weight / len(terms)) for term in terms]
        if not parts:
            return {}
        common = set(parts[0]).intersection(*parts[1:])
        return {
            doc: (sum(p[doc][0] for p in parts), _union(p[doc][1] for p in parts)) for doc in common
        }

    def _fields_of(self, mask: int) -> tuple[str, ...]:
        known = self._masks.get(mask)
        if known is None:
            known = tuple(name for i, name in enumerate(self.field_names) if mask >> i & 1)
            self._masks[mask] = known
        return known


def _unpack(
    packed: dict[str, bytes], tokens: Iterable[str]
) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Where each of ``tokens`` occurs, read from a stored index."""
    for token in tokens:
        places = array(_PACKED)
        places.frombytes(packed.get(token, b""))
        yield token, list(zip(places[::2], places[1::2], strict=True))


def _union(masks: Iterable[int]) -> int:
    mask = 0
    for part in masks:
        mask |= part
    return mask
