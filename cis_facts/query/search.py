"""Ranked search over every record of the fact base, best answer first.

Every table of the base is indexed the same way, whatever its kind: the fields of a
record are sorted into labels, names, numbers, quote and notes by their names, so a
table added to the base is searchable without a change here. Each hit carries the answer
itself (value and unit, or date) beside its label.
"""

from __future__ import annotations

import marshal
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter
from typing import Any, NamedTuple, overload

from cis_facts import cache
from cis_facts.answer import Answer, Row, Worded, sources_of
from cis_facts.dates import When
from cis_facts.errors import NotFoundError, UsageError
from cis_facts.frozen import Frozen, field_types
from cis_facts.loader import packaged_base
from cis_facts.model import Country, FactBase
from cis_facts.query.contexts import SearchContext
from cis_facts.retrieval.analyzer import NUMBER_MARK, Analyzer
from cis_facts.retrieval.index import Hit, Index, Later
from cis_facts.retrieval.languages import DEFAULT
from cis_facts.retrieval.matcher import Matcher, QueryWord
from cis_facts.schema import KINDS, Kind, answer_of

FIELDS = (
    "kind",
    "id",
    "label",
    "value",
    "unit",
    "unit_text",
    "date",
    "date_precision",
    "score",
    "matched",
    "source",
    "quote",
)
# Labels and names say what a record is about; a quote or a note only mentions things.
WEIGHTS = {"label": 3.0, "names": 2.5, "numbers": 2.0, "quote": 1.0, "note": 0.6}
# A figure or a date answers a question; a statement answers in words only, and a
# country's own record only names the state.
KIND_BOOST = {"statement": 0.85, "country": 0.8}

# What a question's form asks for, as a factor on a hit's score: "largest", «ең көп»,
# «крупнейший» ask for the top of a ranking (first place, rank 1); a yes/no question
# ("is the CIS a state") is answered by a statement.
TOP_BOOST = 2.0
YES_NO_BOOST = 1.5
_TOP_FIELDS = ("position", "rank")

_NOT_INDEXED = frozenset({"source", "note_source", "origin", "file", "files", "approximate"})
_COUNTRY_FIELDS = frozenset({"country", "initiator", "participants"})
# A quote and its translations (quote_en, quote_kk, quote_ru) weigh alike.
_QUOTE_FIELDS = frozenset({"quote", "quote_en", "quote_kk", "quote_ru"})
_NAME_FIELDS = frozenset(
    {"aliases", "topic", "kind", "flow", "partners", "measure", "unit", "status"}
)
_LABEL_PREFIXES = ("label_", "short_", "name_")
_NAME_PREFIXES = ("mineral_", "place_")
# The name of the search index's cache entry, and the layout it is stored in; the number
# changes whenever the analyzer files different terms (2: Russian stems; 3: phrases and
# senses; 4: translated quotes).
INDEX_ENTRY = "search-index 4"
PACKAGED_INDEX = "search.index"


class Searchable(NamedTuple):
    """One record of the base as the search sees it (a tuple: one per record searched)."""

    kind: str
    record: Any


def _searched() -> list[Kind]:
    """The kinds the search numbers its records by: every table of the registry but
    sources, countries first."""
    return [k for k in sorted(KINDS, key=lambda k: k.table != "countries") if k.table != "sources"]


def searchable(base: FactBase) -> Iterator[Searchable]:
    """Every record of every table of the base except sources, countries first."""
    for kind in _searched():
        for row in getattr(base, kind.table):
            yield Searchable(kind.name, row)


class SearchableRecords(Sequence[Searchable]):
    """``searchable(base)`` as a sequence whose records are read when asked for: a search
    whose index is stored reads only the records it answers with (from a base read from
    the cache, one block of a table each, never the table)."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        counts = base.counts()
        self.spans: list[tuple[int, str, str]] = []  # (first doc, kind, table)
        self.size = 0
        for kind in _searched():
            self.spans.append((self.size, kind.name, kind.table))
            self.size += counts[kind.table]
        self.starts = [start for start, _, _ in self.spans]

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, doc: int) -> Searchable: ...

    @overload
    def __getitem__(self, doc: slice) -> list[Searchable]: ...

    def __getitem__(self, doc: int | slice) -> Searchable | list[Searchable]:
        if isinstance(doc, slice):
            return [self[d] for d in range(*doc.indices(self.size))]
        where = doc + self.size if doc < 0 else doc
        if not 0 <= where < self.size:
            raise IndexError(f"no record {doc}")
        start, name, table = self.spans[bisect_right(self.starts, where) - 1]
        return Searchable(name, self.base.record_at(table, where - start))

    def __iter__(self) -> Iterator[Searchable]:
        return searchable(self.base)

    def boosts(self) -> list[float]:
        """Each record's ``KIND_BOOST``, without reading the records."""
        ends = [*self.starts[1:], self.size]
        return [
            boost
            for (start, name, _), end in zip(self.spans, ends, strict=True)
            for boost in [KIND_BOOST.get(name, 1.0)] * (end - start)
        ]


def _field_group(name: str) -> str | None:
    if name in _NOT_INDEXED:
        return None
    if name == "id" or name.startswith(_LABEL_PREFIXES):
        return "label"
    if name in _QUOTE_FIELDS:
        return "quote"
    if name in _NAME_FIELDS or name in _COUNTRY_FIELDS or name.startswith(_NAME_PREFIXES):
        return "names"
    return "note"


class _Plan(Frozen):
    """How one record class is indexed, decided once per class: a getter per field group
    of text fields (each getter returns a tuple of values, read in C), the fields holding
    tuples of strings or country codes, the numeric fields and the date fields."""

    text: tuple[tuple[str, Callable[[Any], tuple[Any, ...]]], ...]
    lists: tuple[tuple[str, str], ...]  # (field, group) of tuples of strings
    countries: tuple[tuple[str, str], ...]  # (field, group) of country codes
    numbers: Callable[[Any], tuple[Any, ...]] | None
    dates: tuple[str, ...]


_PLANS: dict[type, _Plan] = {}


def _plan(record: Any) -> _Plan:
    plan = _PLANS.get(type(record))
    if plan is None:
        plan = _make_plan(record)
        _PLANS[type(record)] = plan
    return plan


def _make_plan(record: Any) -> _Plan:
    groups: dict[str, list[str]] = {}
    lists, countries, numbers, dates = [], [], [], []
    for name, annotation in field_types(record).items():
        group = _field_group(name)
        kinds = set(re.findall(r"\w+", annotation))
        if "When" in kinds:
            dates.append(name)
        elif kinds & {"int", "float"}:
            numbers.append(name)
        elif group is None or "bool" in kinds:
            continue
        elif name in _COUNTRY_FIELDS:
            countries.append((name, group))
        elif "tuple" in kinds:
            lists.append((name, group))
        else:
            groups.setdefault(group, []).append(name)
    return _Plan(
        tuple((group, _getter(names)) for group, names in groups.items()),
        tuple(lists),
        tuple(countries),
        _getter(numbers) if numbers else None,
        tuple(dates),
    )


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """A function returning the values of ``names`` as a tuple, one name or several."""
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda record: (get(record),)


def document(
    analyzer: Analyzer, record: Any, countries: dict[str, Country]
) -> dict[str, list[str]]:
    """The tokens of each field group of ``record``."""
    plan = _plan(record)
    texts: dict[str, list[str]] = {}
    for group, get in plan.text:
        texts[group] = [v for v in get(record) if v]
    for name, group in plan.lists:
        texts.setdefault(group, []).extend(getattr(record, name))
    for name, group in plan.countries:
        value = getattr(record, name)
        for code in (value,) if isinstance(value, str) else value or ():
            if code in countries:
                texts.setdefault(group, []).extend(countries[code].all_names())
    fields = {group: analyzer.chunks(" ".join(parts)) for group, parts in texts.items() if parts}
    numbers = [repr(v) for v in plan.numbers(record) if v is not None] if plan.numbers else []
    for name in plan.dates:
        when = getattr(record, name)
        if when is not None:
            numbers.extend(
                dict.fromkeys((str(when.start.year), str((when.end or when.start).year)))
            )
    if numbers:
        fields["numbers"] = numbers
    return fields


def build(base: FactBase) -> tuple[list[Searchable], Matcher]:
    """The records of ``base`` and a matcher over their index."""
    analyzer = Analyzer(DEFAULT)
    countries = base.country_index
    records = list(searchable(base))
    documents = [document(analyzer, r.record, countries) for r in records]
    boosts = [KIND_BOOST.get(r.kind, 1.0) for r in records]
    later = Later(analyzer.is_number_chunk, lambda term: term.startswith(NUMBER_MARK))
    index = Index(documents, WEIGHTS, analyzer.chunk_terms, boosts, later)
    return records, Matcher(analyzer, index)


def build_cached(
    base: FactBase, folder: str | None, stamps: Sequence[cache.Stamp]
) -> tuple[Sequence[Searchable], Matcher]:
    """As ``build``, reading the index from the cache entry beside the base's (the files of
    ``stamps``) when there is a good one, and storing a newly built one there.

    The packaged base's index is shipped in the wheel (built with its cache entry). Only
    user bases large enough to be cached have an entry (``cache.MIN_BYTES``): building
    the index of a smaller one costs less than reading it.
    """
    packaged = len(stamps) == 1 and stamps[0][0] == cache.PACKAGED
    if not packaged and (folder is None or not cache.worth_caching(stamps)):
        return build(base)
    records = SearchableRecords(base)
    boosts = records.boosts()
    if packaged:
        stored = read_packaged_index(stamps)
    else:
        stored = cache.read_derived(folder, stamps, INDEX_ENTRY)
    try:
        index = None if stored is None else Index.from_plain(stored, WEIGHTS, boosts)
    except Exception:  # noqa: BLE001 - an entry that does not make an index is a miss
        index = None
    if index is not None and index.size == len(records):
        return records, Matcher(Analyzer(DEFAULT), index)
    built, matcher = build(base)
    if not packaged:
        cache.write_derived(folder, stamps, INDEX_ENTRY, matcher.index.plain())
    return built, matcher


def packaged_index_path() -> str:
    """Where the wheel ships the packaged base's index (beside ``facts.toml``)."""
    return os.path.join(os.path.dirname(packaged_base()), PACKAGED_INDEX)


def packaged_index_entry(stamps: Sequence[cache.Stamp], plain: Any) -> bytes:
    """The bytes of the shipped index: ``plain`` keyed by the packaged base's stamp."""
    return marshal.dumps(((INDEX_ENTRY, *cache.header(stamps)), plain), 4)


def read_packaged_index(stamps: Sequence[cache.Stamp]) -> Any:
    """The shipped index's plain data, or None when there is none for these ``stamps``
    (an editable install, or a ``facts.toml`` that is not the one it was built from)."""
    try:
        with open(packaged_index_path(), "rb") as file:
            head, plain = marshal.loads(file.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return plain if head == (INDEX_ENTRY, *cache.header(stamps)) else None


def answered(record: Any) -> tuple[float | str | None, str | None, When | None]:
    """A record's value, unit and date (None where it has none)."""
    value, unit = answer_of(record)
    when = getattr(record, "date", None)
    return value, unit, when if isinstance(when, When) else None


def ranked(
    records: Sequence[Searchable], matcher: Matcher, query: str
) -> tuple[list[QueryWord], list[Hit]]:
    """The query's words and the records matching them, best first."""
    words = matcher.words(query)
    if not words:
        if not query.strip():
            raise UsageError("nothing to search for: the query is empty", key="empty_query")
        raise NotFoundError(
            f"nothing matches {query!r}: it holds no words or numbers",
            key="no_words",
            query=query,
        )
    return words, _asked_for(matcher.search(words), records, matcher.analyzer, query)


def _asked_for(
    hits: list[Hit], records: Sequence[Searchable], analyzer: Analyzer, query: str
) -> list[Hit]:
    """``hits`` re-ranked for what the form of the question asks for (see TOP_BOOST)."""
    top, yes_no = analyzer.asks_for_top(query), analyzer.asks_yes_or_no(query)
    if not (top or yes_no):
        return hits
    boosted = []
    for hit in hits:
        found = records[hit.doc]
        factor = 1.0
        if top and any(getattr(found.record, name, None) == 1 for name in _TOP_FIELDS):
            factor *= TOP_BOOST
        if yes_no and found.kind == "statement":
            factor *= YES_NO_BOOST
        boosted.append(hit._replace(score=hit.score * factor) if factor != 1.0 else hit)
    boosted.sort(key=lambda h: (-h.score, h.doc))
    return boosted


class SearchRow(Row, kw_only=True):
    kind: str
    id: str
    label: Worded
    value: float | str | None
    unit: str | None
    date: When | None
    score: float
    matched: tuple[str, ...]
    source: str
    quote: str


def _row(found: Searchable, hit: Hit) -> SearchRow:
    record = found.record
    value, unit, when = answered(record)
    return SearchRow(
        kind=found.kind,
        id=record.id,
        label=record.name if isinstance(record, Country) else record.label,
        value=value,
        unit=unit,
        date=when,
        score=round(hit.score, 3),
        matched=tuple(hit.fields),
        source=record.source,
        quote=record.quote,
    )


def search(
    base: FactBase,
    query: str,
    limit: int | None = None,
    built: tuple[Sequence[Searchable], Matcher] | None = None,
) -> Answer:
    """Records ranked by how well they match ``query``; every query word is optional.

    ``built`` is the index of ``base`` when the caller has it (``build_cached``).
    """
    records, matcher = built or build(base)
    words, hits = ranked(records, matcher, query)
    if not hits:
        raise NotFoundError(
            f"nothing matches {query!r}", matcher.suggestions(words), key="no_match", query=query
        )
    rows = tuple(_row(records[hit.doc], hit) for hit in hits[:limit])
    return Answer(
        kind="search",
        sources=sources_of(base, [r.source for r in rows]),
        fields=FIELDS,
        rows=rows,
        context=SearchContext(query, len(hits)),
    )
