"""An answer in the reader's language: its typed rows as JSON-ready records.

This is where a query's values meet a language. A ``Place`` becomes ``{"code", "name"}``
with the name in the reader's language, a ``Worded`` is called with the language, a date
becomes its ISO 8601 text with a sibling ``<field>_precision`` (``day``, ``month``,
``year``), a nested row becomes an object and a tuple a list; every other value is kept as
it is. Rows whose country names break a tie are ordered in the reader's collation. The
machine formats print these records; the views phrase their cells from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter
from typing import Any, overload

from cis_facts.answer import Answer, Place, Row
from cis_facts.collate import sort_key
from cis_facts.dates import PartialDate, When
from cis_facts.frozen import Frozen
from cis_facts.model import QUOTE_TRANSLATIONS, Lang, Source
from cis_facts.query.records import WholeFact, kind_of, translator

Record = dict[str, Any]


class Records(Sequence[Record]):
    """The records of typed rows in one language, each made when it is read (and not
    kept): 100,000 rows streamed as JSON never hold 100,000 records at once."""

    __slots__ = ("_lang", "_rows")

    def __init__(self, rows: Sequence[Row], lang: Lang) -> None:
        self._rows = rows
        self._lang = lang

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Record: ...

    @overload
    def __getitem__(self, index: slice) -> Records: ...

    def __getitem__(self, index: int | slice) -> Record | Records:
        if isinstance(index, slice):
            return Records(self._rows[index], self._lang)
        return to_record(self._rows[index], self._lang)

    def __iter__(self) -> Iterator[Record]:
        lang = self._lang
        return (to_record(row, lang) for row in self._rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Records({len(self)} in {self._lang})"


class Localized(Frozen, kw_only=True):
    """An answer's records in one language, with what its views phrase."""

    kind: str
    fields: tuple[str, ...]
    records: Sequence[Record]
    lang: Lang = "en"
    sources: tuple[Source, ...] = ()
    context: object = None
    rows: tuple[Row, ...] = ()  # the typed row behind each record, in the records' order


def localize(answer: Answer, lang: Lang) -> Localized:
    """``answer`` in ``lang``: a record per row, in the order the reader's collation gives."""
    rows = _ordered(answer, lang)
    records = Records(rows, lang)
    return Localized(
        kind=answer.kind,
        # an answer without fields of its own (show) has those of its record
        fields=answer.fields or (tuple(records[0]) if rows else ()),
        records=records,
        lang=lang,
        sources=answer.sources,
        context=answer.context,
        rows=rows,
    )


def to_record(row: Row, lang: Lang) -> Record:
    """One row as a JSON-ready record in ``lang``."""
    if isinstance(row, WholeFact):
        return _whole(row, lang)
    out: Record = {}
    for key, read, dated in _plan(type(row)):
        value = read(row)
        if dated:
            out[key] = value.iso() if value is not None else None
            out[f"{key}_precision"] = value.precision if value is not None else None
        else:
            out[key] = value if value is None or type(value) in _PLAIN else _value(value, lang)
    return out


_PLAIN = frozenset({str, int, float, bool})
Plan = tuple[tuple[str, Callable[[Row], Any], bool], ...]
_PLANS: dict[type, Plan] = {}


def _plan(cls: type[Row]) -> Plan:
    """Per key of a row class's records: the key, what reads its value from a row, and
    whether it is a date."""
    plan = _PLANS.get(cls)
    if plan is None:
        if cls.shows:
            plan = tuple((key, attrgetter(path), key in cls.dates) for key, path in cls.shows)
        else:
            plan = tuple(
                (cls.renamed.get(name, name), attrgetter(name), _is_date(annotation))
                for name, annotation in cls._types.items()
            )
        _PLANS[cls] = plan
    return plan


def _is_date(annotation: str) -> bool:
    return any(part.strip() in ("When", "PartialDate") for part in annotation.split("|"))


def _value(value: Any, lang: Lang) -> Any:
    if isinstance(value, Place):
        country = value.country
        return {"code": value.code, "name": country.name(lang) if country else value.code}
    if isinstance(value, Row):
        return to_record(value, lang)
    if isinstance(value, When | PartialDate):
        return value.iso()
    if isinstance(value, tuple):
        return [_value(v, lang) for v in value]
    if callable(value):
        return value(lang)
    return value


def _ordered(answer: Answer, lang: Lang) -> tuple[Row, ...]:
    """The rows in order; within a run of equal tie numbers, by country name in ``lang``."""
    if not answer.ties:
        return answer.rows

    def key(pair: tuple[int, Row]) -> tuple[int, tuple[int, ...]]:
        return answer.ties[pair[0]], sort_key(_country_name(pair[1], lang), lang)

    numbered: Sequence[tuple[int, Row]] = list(enumerate(answer.rows))
    return tuple(row for _, row in sorted(numbered, key=key))


def _country_name(row: Row, lang: Lang) -> str:
    shown = getattr(row, "country", None)
    if not isinstance(shown, Place):
        return ""
    return shown.country.name(lang) if shown.country else shown.code


_COUNTRY_FIELDS = ("country", "initiator")


def _whole(row: WholeFact, lang: Lang) -> Record:
    """Every field of the fact: dates as ISO with precision, countries as objects, an
    event's own kind as ``event_kind`` ("kind" names the kind of fact), the label in
    ``lang``; then the titles of its sources and its last change."""
    fact = row.fact
    out: Record = {"kind": kind_of(fact)}
    for name in fact._fields:
        value: Any = getattr(fact, name)
        if name == "origin":
            continue
        if name == "kind":
            out["event_kind"] = value
            continue
        if isinstance(value, When) or (value is None and name in ("date", "growth_base")):
            out[name] = value.iso() if value is not None else None
            out[f"{name}_precision"] = value.precision if value is not None else None
        elif name in _COUNTRY_FIELDS:
            out[name] = _value(_place(row, value), lang)
        elif name == "participants":
            out[name] = [_value(_place(row, c), lang) for c in value]
        else:
            out[name] = list(value) if isinstance(value, tuple) else value
        if name == QUOTE_TRANSLATIONS[-1]:
            out["quote_translator"] = translator(fact)
    out["label"] = fact.label(lang)
    out.update(
        source_title=row.source_title,
        note_source_title=row.note_source_title,
        changed=row.changed,
        change=row.change,
    )
    if row.with_context:
        out["context"] = row.context
    return out


def _place(row: WholeFact, code: str | None) -> Place | None:
    return None if code is None else Place(code, row.countries.get(code))
