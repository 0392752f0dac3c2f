"""Match a query against an index: exact terms first, then longer words, then close words.

Each query word becomes a list of weighted alternative terms: the word's own term (and
what it stands for, such as ``fdi`` for "foreign direct investment"); failing that, the
indexed terms it begins ("kazakh" -> "kazakhstan"); failing that, terms one or two edits
away ("Caspain" -> "caspian"). Suggestions ("did you mean") are offered only when
nothing matched at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from cis_facts.frozen import Frozen
from cis_facts.retrieval.analyzer import NUMBER_MARK, Analyzer
from cis_facts.retrieval.fuzzy import Neighbours
from cis_facts.retrieval.index import Hit, Index, Terms

EXPANSION_WEIGHT = 0.6
# A word's Russian stem, when the word's own term is indexed too: a rarer surface form
# ("Ресейге") must not outweigh the word itself.
VARIANT_WEIGHT = 0.5
PREFIX_WEIGHT = 0.6
PREFIX_LIMIT = 50
MIN_PREFIX = 4
FUZZY_WEIGHT = {1: 0.7, 2: 0.5}
MAX_SUGGESTIONS = 5


def fuzzy_limit(term: str) -> int:
    """Edits allowed when a word is matched by closeness: none below 5 letters."""
    if term.startswith(NUMBER_MARK) or len(term) < 5:
        return 0
    return 1 if len(term) < 8 else 2


def suggestion_limit(term: str) -> int:
    """Edits allowed for a "did you mean" word: a little looser than for matching."""
    if term.startswith(NUMBER_MARK) or len(term) < 3:
        return 0
    return 1 if len(term) < 5 else 2


class QueryWord(Frozen):
    """One word of the query, what it was matched as, and the terms it searched for."""

    surface: str
    term: str
    how: str  # exact | prefix | fuzzy | none
    alternatives: tuple[tuple[Terms, float], ...]


class Matcher:
    """Searches one index with the analyzer that built it."""

    def __init__(self, analyzer: Analyzer, index: Index) -> None:
        self.analyzer = analyzer
        self.index = index
        self._neighbours: Neighbours | None = None
        self._aliases: dict[str, str] = {}

    def words(self, query: str) -> list[QueryWord]:
        """The query's words with the alternatives each will search for."""
        seen: set[str] = set()
        found = []
        for word in self.analyzer.query_terms(query):
            if word.term in seen:
                continue
            seen.add(word.term)
            found.append(self._expand(word.surface, word.term))
        return found

    def search(self, words: Sequence[QueryWord]) -> list[Hit]:
        query = [w.alternatives for w in words if w.alternatives]
        self.index.prepare(
            t for alternatives in query for terms, _ in alternatives for t in _each(terms)
        )
        return self.index.search(query)

    def matched(self, words: Sequence[QueryWord], doc: int, fields: int = -1) -> int:
        """How many of the query's ``words`` document ``doc`` holds (any alternative), in
        the fields of the bit mask ``fields`` (bit i: ``index.field_names[i]``)."""
        return sum(self._holds(word, doc, fields) for word in words)

    def _holds(self, word: QueryWord, doc: int, fields: int) -> bool:
        postings = self.index.postings
        for terms, _ in word.alternatives:
            places = [postings(t).get(doc) for t in _each(terms)]
            if all(p is not None and p[1] & fields for p in places):
                return True
        return False

    def suggestions(self, words: Sequence[QueryWord]) -> list[str]:
        """Up to five indexed words close to the query's unmatched words, closest first."""
        ranked: list[tuple[int, int, str]] = []
        for word in words:
            if word.how != "none" or self.analyzer.is_stop(word.surface):
                continue
            for distance, term in self._close(word.term, suggestion_limit(word.term)):
                ranked.append((distance, -self.index.frequency(term), self._written(term)))
        ranked.sort()
        return list(dict.fromkeys(surface for _, _, surface in ranked))[:MAX_SUGGESTIONS]

    def _expand(self, surface: str, term: str) -> QueryWord:
        index = self.index
        expansion = self.analyzer.expansions(term)
        extra: tuple[tuple[Terms, float], ...] = ()
        if expansion and all(t in index for t in expansion):
            extra = ((expansion if len(expansion) > 1 else expansion[0], EXPANSION_WEIGHT),)
        sense = self.analyzer.sense(surface)
        if sense is not None and sense != term and sense in index:
            extra = ((sense, 1.0), *extra)
        # A Russian word form ("выхода", "Грузией") also searches for its stem.
        variant = self.analyzer.variant(surface)
        if variant is not None and variant in index:
            if term not in index:
                term, variant = variant, None
            else:
                extra = ((variant, VARIANT_WEIGHT), *extra)
        if term in index:
            return QueryWord(surface, term, "exact", ((term, 1.0), *extra))
        # A word typed short ("uran") stands for the longer ones; a stem that the endings'
        # rules cut down to the shortest prefix ("астанасы" to "аста") does not: it would
        # find "астам" (more than).
        typed_short = len(term) > MIN_PREFIX or len(surface) - len(term) <= 1
        if len(term) >= MIN_PREFIX and typed_short and not term.startswith(NUMBER_MARK):
            longer = index.with_prefix(term, PREFIX_LIMIT)
            if longer:
                return QueryWord(
                    surface, term, "prefix", (*((t, PREFIX_WEIGHT) for t in longer), *extra)
                )
        close = self._close(term, fuzzy_limit(term))
        if close:
            fuzzy = tuple((t, FUZZY_WEIGHT[d]) for d, t in close)
            return QueryWord(surface, term, "fuzzy", (*fuzzy, *extra))
        return QueryWord(surface, term, "none" if not extra else "exact", extra)

    def _written(self, term: str) -> str:
        """The word as the text writes it, without the punctuation around it."""
        chunk = self.index.written(term)
        words = [t.surface for t in self.analyzer.terms(chunk) if t.term == term]
        return words[0] if words else chunk

    def _close(self, term: str, limit: int) -> list[tuple[int, str]]:
        """Indexed terms within ``limit`` edits of ``term``, closest first. Words that a
        synonym maps away (экспорт -> export) count as the term they map to, so a typo
        of them is found too."""
        if limit < 1:
            return []
        if self._neighbours is None:
            vocabulary = [t for t in self.index.vocabulary() if not t.startswith(NUMBER_MARK)]
            self._aliases = {
                word: canonical
                for word, canonical in self.analyzer.synonyms().items()
                if canonical in self.index and word not in self.index
            }
            self._neighbours = Neighbours([*vocabulary, *self._aliases])
        found: dict[str, int] = {}
        for distance, word in self._neighbours.close(term, limit):
            found.setdefault(self._aliases.get(word, word), distance)
        return sorted((d, t) for t, d in found.items())


def _each(terms: Terms) -> tuple[str, ...]:
    return (terms,) if isinstance(terms, str) else terms
