"""Text to index terms: fold, split, drop stop words, stem, map synonyms, read numbers.

A term is a folded word stem (``withdrawal``, ``казакстан``) or a number written ``#25``,
``#54.6``; so "25 %" finds 25 and never 1225. The same steps run on the indexed text and
on the query, so the two always meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cis_facts.frozen import Frozen
from cis_facts.retrieval.languages import Language
from cis_facts.text import fold

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
NUMBER_MARK = "#"
_MIN_STEM = 3


def _number(token: str) -> str:
    """``54,6`` and ``54.6`` are 54.6; ``10,215.1`` is 10215.1; ``1,225`` is 1225.

    String operations only (no float round trip): a large base holds many numbers.
    """
    if "," in token:
        if "." in token:
            token = token.replace(",", "")
        else:
            whole, _, fraction = token.partition(",")
            thousands = "," not in fraction and len(fraction) == 3 and whole != "0"
            token = whole + fraction if thousands else f"{whole}.{fraction}".replace(",", "")
    whole, _, fraction = token.partition(".")
    if "." in fraction:  # 1.2.3: a version or a list, not a number
        return NUMBER_MARK + token
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return NUMBER_MARK + (f"{whole}.{fraction}" if fraction else whole)


class Term(Frozen):
    """One word of a text: what was written (lower-cased) and the term it indexes as."""

    surface: str
    term: str


class Analyzer:
    """Turns text into terms with the word lists of ``language``; caches every word seen."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._words = {fold(k): v for k, v in language.words.items()}
        self._suffixes = tuple(fold(s) for s in language.suffixes)
        # An ending written apart ("ТМД-ның", "2-ші") is no word of its own.
        self._stop = frozenset(fold(w) for w in language.stop_words) | set(self._suffixes)
        self._protected = tuple(fold(p) for p in language.protected)
        self._rewrites = tuple((fold(a), fold(b)) for a, b in language.rewrites)
        self._synonyms = {
            self._stem(fold(k)): self._stem(fold(v)) for k, v in language.synonyms.items()
        }
        self._expansions = {
            self._stem(fold(k)): tuple(self.term_of(fold(w)) for w in words)
            for k, words in language.expansions.items()
        }
        self._endings = endings_by_length(fold(e) for e in language.endings)
        self._russian_synonyms = {
            russian_stem(fold(k), self._endings): self.term_of(fold(v))
            for k, v in language.synonyms.items()
            if not k.isascii()
        }
        self._senses = {fold(k): self.term_of(fold(v)) for k, v in language.senses.items()}
        self._phrases = (
            re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(language.phrases)))
            if language.phrases
            else None
        )
        self._phrase_words = tuple(word for _, word in language.phrases)
        self._superlatives = tuple(fold(w) for w in language.superlatives)
        self._openers = frozenset(fold(w) for w in language.question_openers)
        self._particles = frozenset(fold(w) for w in language.question_particles)
        self._cache: dict[str, str | None] = {}
        self._variants: dict[str, str | None] = {}
        self._chunks: dict[str, tuple[str, ...]] = {}

    def chunks(self, text: str) -> list[str]:
        """``text`` split at white space, lower-cased: the cheap first cut of indexing.

        Splitting in C and analysing each distinct chunk once (``chunk_terms``) is several
        times faster over a large base than running a tokenizing pattern over all text.
        """
        return self.phrased(text.casefold()).split()

    def phrased(self, text: str) -> str:
        """Lower-cased ``text`` with each fixed phrase written as the one word it means."""
        if self._phrases is None:
            return text
        return self._phrases.sub(self._phrase_word, text)

    def _phrase_word(self, match: re.Match[str]) -> str:
        return self._phrase_words[int((match.lastgroup or "p0")[1:])]

    def sense(self, word: str) -> str | None:
        """The term of the sense a query word may be asking about ("left": withdrawal)."""
        return self._senses.get(fold(word))

    def asks_for_top(self, query: str) -> bool:
        """Whether ``query`` asks for the top of a ranking ("largest", «ең көп»)."""
        return any(self.is_superlative(token) for token in _TOKEN.findall(query.casefold()))

    def is_superlative(self, word: str) -> bool:
        """Whether ``word`` asks for the top of a ranking ("largest", «крупнейшего»)."""
        folded = fold(word)
        if folded.isascii():
            return folded in self._superlatives
        return folded.startswith(self._superlatives)

    def asks_yes_or_no(self, query: str) -> bool:
        """Whether ``query`` is a yes/no question ("is the CIS a state", «СНГ ли», «ма»)."""
        tokens = _TOKEN.findall(fold(query))
        if not tokens:
            return False
        return tokens[0] in self._openers or any(t in self._particles for t in tokens[1:])

    def chunk_terms(self, chunk: str) -> tuple[str, ...]:
        """The terms of one chunk ("kazakhstan's" -> kazakhstan; "%-ын" -> none)."""
        known = self._chunks.get(chunk)
        if known is None:
            if chunk.isalpha() or chunk.isdecimal():  # one token: skip the pattern
                term = self.term(chunk)
                known = (term,) if term else ()
                tokens = [chunk]
            else:
                tokens = _TOKEN.findall(chunk)
                known = tuple(t for t in map(self.term, tokens) if t)
            if self._endings and not chunk.isascii():
                variants = (self.variant(t) for t in tokens)
                known += tuple(v for v in variants if v and v not in known)
            self._chunks[chunk] = known
        return known

    @staticmethod
    def is_number_chunk(chunk: str) -> bool:
        """Whether ``chunk`` holds digits and no letters ("1225", "54,6", "(2004)"): its
        terms are numbers only."""
        return (
            not chunk.isalpha()
            and _LETTER.search(chunk) is None
            and _DIGIT.search(chunk) is not None
        )

    def term(self, token: str) -> str | None:
        """The term of one token (a word or a number); None for a stop word."""
        cache = self._cache
        return cache[token] if token in cache else self._analyse(token)

    def terms(self, text: str) -> list[Term]:
        """The terms of ``text`` in order, stop words left out."""
        found = []
        for token in _TOKEN.findall(self.phrased(text.casefold())):
            term = self.term(token)
            if term:
                found.append(Term(token, term))
        return found

    def index_terms(self, text: str) -> list[str]:
        """The terms of ``text`` as the index files them."""
        return [t for chunk in self.chunks(text) for t in self.chunk_terms(chunk)]

    def query_terms(self, text: str) -> list[Term]:
        """The terms of a query; if every word is a stop word, the stop words themselves."""
        found = self.terms(text)
        if found:
            return found
        return [Term(t, self._stem(fold(t))) for t in _TOKEN.findall(text.casefold())]

    def variant(self, token: str) -> str | None:
        """The second term of a Cyrillic word: its stem without a Russian ending, mapped
        through the synonyms ("выхода" -> withdrawal, "Грузией" -> "груз"); None for
        other words, stop words, and when it is the word's own term."""
        known = self._variants.get(token, "")
        if known != "":
            return known
        found: str | None = None
        if self._endings and token.isalpha() and not token.isascii():
            folded = fold(token)
            if folded not in self._stop:
                stem = russian_stem(folded, self._endings)
                found = self._russian_synonyms.get(stem, stem)
                if found == self.term(token):
                    found = None
        self._variants[token] = found
        return found

    def is_stop(self, word: str) -> bool:
        return fold(word) in self._stop

    def synonyms(self) -> dict[str, str]:
        """Each word a synonym maps (stemmed and folded) to the term it maps to."""
        return dict(self._synonyms)

    def expansions(self, term: str) -> tuple[str, ...]:
        """Further terms a query term stands for (``fdi``: foreign, direct, investment)."""
        return self._expansions.get(term, ())

    def term_of(self, word: str) -> str:
        """The term of one folded word, stop words included."""
        exact = self._words.get(word)
        if exact is not None:
            return exact
        stem = self._stem(word)
        return self._synonyms.get(stem, stem)

    def _analyse(self, token: str) -> str | None:
        if token.isdecimal():
            term: str | None = NUMBER_MARK + (token.lstrip("0") or "0")
        elif token[0].isdigit():
            term = _number(token)
        else:
            folded = fold(token)
            term = None if folded in self._stop else self.term_of(folded)
        self._cache[token] = term
        return term

    def _stem(self, word: str) -> str:
        if word.isascii():
            return english_stem(word)
        for old, new in self._rewrites:
            if word.endswith(old) and len(word) - len(old) >= _MIN_STEM:
                return word[: -len(old)] + new
        for _ in range(3):
            if word.endswith(self._protected):
                break
            for suffix in self._suffixes:
                if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
                    word = word[: -len(suffix)]
                    break
            else:
                break
        return word


Endings = tuple[tuple[int, frozenset[str]], ...]


def endings_by_length(endings: Iterable[str]) -> Endings:
    """Endings grouped by length, longest first: one set lookup per length."""
    groups: dict[int, set[str]] = {}
    for ending in endings:
        groups.setdefault(len(ending), set()).add(ending)
    return tuple((n, frozenset(groups[n])) for n in sorted(groups, reverse=True))


def russian_stem(word: str, endings: Endings) -> str:
    """``word`` without the longest of ``endings`` that leaves at least three letters."""
    for length, group in endings:
        if len(word) - length >= _MIN_STEM and word[-length:] in group:
            return word[:-length]
    return word


def english_stem(word: str) -> str:
    """A light English stemmer: plurals, -ed, -ing and a final -e (joined, joins -> join)."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word
