"""Full-text search over every fact and country, best match first.

Matching is on folded text (case, Kazakh letters, Latin accents), so "казакстан"
finds "Қазақстан". When no field contains a query word, words of the fact base
that look like it ("Caspain" -> "caspian") are searched instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from cis_facts.answer import Answer, Record, source_caption
from cis_facts.errors import NotFoundError
from cis_facts.frozen import Frozen
from cis_facts.i18n import headers, word
from cis_facts.model import AnyFact, Country, FactBase, Lang
from cis_facts.query.countries import index
from cis_facts.query.records import kind_of
from cis_facts.text import close_matches, fold, words

FIELDS = ("kind", "id", "label", "score", "matched", "source", "quote")
COLUMNS = ("id", "label", "score", "matched")
WEIGHTS = {"label": 4, "names": 4, "quote": 2, "note": 1}


class Entry(Frozen):
    """One searchable record: its folded fields and what to show when it matches."""

    kind: str
    id: str
    label_en: str
    label_kk: str
    source: str
    quote: str
    fields: tuple[tuple[str, str], ...]  # (field group, folded text)


def _names(countries: dict[str, Country], fact: AnyFact) -> list[str]:
    codes = [
        *getattr(fact, "participants", ()),
        getattr(fact, "country", None),
        getattr(fact, "initiator", None),
    ]
    names = [n for c in codes if c in countries for n in countries[c].all_names()]
    for attr in ("mineral_en", "mineral_kk", "topic", "place_en", "place_kk", "kind"):
        value = getattr(fact, attr, None)
        if isinstance(value, str):
            names.append(value)
    return names


def entries(base: FactBase) -> Iterator[Entry]:
    countries = index(base)
    for country in base.countries:
        yield Entry(
            "country",
            country.code,
            country.name_en,
            country.name_kk,
            country.source,
            country.quote,
            (
                ("names", fold(" | ".join(country.all_names()))),
                ("quote", fold(country.quote)),
                ("note", fold(country.note or "")),
            ),
        )
    for fact in base.facts():
        yield Entry(
            kind_of(fact),
            fact.id,
            fact.label_en,
            fact.label_kk,
            fact.source,
            fact.quote,
            (
                ("label", fold(f"{fact.label_en} | {fact.label_kk} | {fact.id}")),
                ("names", fold(" | ".join(_names(countries, fact)))),
                ("quote", fold(fact.quote)),
                ("note", fold(fact.note or "")),
            ),
        )


def score(entry: Entry, phrase: str, terms: list[str]) -> tuple[int, list[str]]:
    """Weighted count of query words found per field; the whole phrase counts triple."""
    total = 0
    matched: list[str] = []
    for name, text in entry.fields:
        hits = sum(1 for t in terms if t in text)
        if hits:
            weight = WEIGHTS[name]
            total += weight * hits + (weight * 3 if len(terms) > 1 and phrase in text else 0)
            matched.append(name)
    return total, matched


def _rank(pool: list[Entry], phrase: str, terms: list[str]) -> list[tuple[int, list[str], Entry]]:
    hits = []
    for entry in pool:
        points, matched = score(entry, phrase, terms)
        if (
            points
            and len(matched)
            and all(any(t in text for _, text in entry.fields) for t in terms)
        ):
            hits.append((points, matched, entry))
    hits.sort(key=lambda h: (-h[0], h[2].id))
    return hits


SUGGEST_TERMS = 8  # query words looked up in the vocabulary when nothing matches


def _vocabulary(pool: list[Entry]) -> set[str]:
    return {w for entry in pool for _, text in entry.fields for w in words(text)}


def _fuzzy_terms(vocabulary: set[str], terms: list[str]) -> list[str]:
    replaced = []
    for term in terms:
        if any(term in w for w in vocabulary):
            replaced.append(term)
            continue
        close = close_matches(term, vocabulary, limit=1)
        if not close:
            return []
        replaced.append(close[0])
    return replaced


def search(base: FactBase, query: str, lang: Lang, limit: int | None = None) -> Answer:
    """Every fact or country matching all words of ``query``, best first."""
    terms = words(query)
    if not terms:
        raise NotFoundError(f"nothing to search for in {query!r}")
    pool = list(entries(base))
    hits = _rank(pool, fold(query.strip()), terms)
    vocabulary: set[str] = set()
    if not hits:
        vocabulary = _vocabulary(pool)
        # Each term is compared with the whole vocabulary: a bounded number of them.
        terms = list(dict.fromkeys(terms))[:SUGGEST_TERMS]
        fuzzy = _fuzzy_terms(vocabulary, terms)
        hits = _rank(pool, " ".join(fuzzy), fuzzy) if fuzzy else []
    if not hits:
        hints = [h for t in terms for h in close_matches(t, vocabulary, limit=3, cutoff=0.5)]
        raise NotFoundError(f"nothing matches {query!r}", hints)
    records: list[Record] = [
        {
            "kind": e.kind,
            "id": e.id,
            "label": e.label_kk if lang == "kk" else e.label_en,
            "score": points,
            "matched": matched,
            "source": e.source,
            "quote": e.quote,
        }
        for points, matched, e in hits[:limit]
    ]
    return Answer(
        view="table",
        title=f"{word('title.search', lang)}: {query}",
        lang=lang,
        caption=source_caption(base, [r["source"] for r in records], lang),
        fields=FIELDS,
        records=tuple(records),
        columns=COLUMNS,
        headers={**headers(COLUMNS, lang), "label": word("fact", lang)},
    )
