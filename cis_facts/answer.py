"""The answer a query hands to the presentation layer: typed rows and facts, no words.

A query answers in values: numbers stay numbers, dates are ``When``/``PartialDate``,
countries are ``Place`` (a code and the record that names it), and text the base holds in
every language is a ``Worded``: the record's own method that gives it in a language (a
fact's ``label``, an event's ``short``), called only by the presentation layer.
``cis_facts.render.localized`` turns the rows into JSON-ready records in the reader's
language; ``cis_facts.render.views`` builds titles, headers, notes and layout from them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import ClassVar

from cis_facts.frozen import Frozen
from cis_facts.model import Country, FactBase, Lang, Source

Worded = Callable[[Lang], str | None]
"""Text the base holds in each language: called with the reader's language when shown."""


class Place(Frozen):
    """A country as a row names it: its code, and its record when the base has one (the
    presentation layer names it in the reader's language, else by its code)."""

    code: str
    country: Country | None = None


class Row(Frozen):
    """One typed row of an answer. Its fields, in order, are the record's fields (or what
    ``shows`` says); a date (a field typed ``When`` or ``PartialDate``) is also given its
    ``<field>_precision``."""

    renamed: ClassVar[Mapping[str, str]] = MappingProxyType({})  # field -> record key
    # A row that shows a record's own fields (a figure as it stands) holds the record
    # rather than a copy of each field: ``shows`` gives each key of its record with the
    # dotted attribute that gives it (``("label", "figure.label")``), in order, and
    # ``dates`` the keys that are dates. Without ``shows``, the keys are the row's fields.
    shows: ClassVar[tuple[tuple[str, str], ...]] = ()
    dates: ClassVar[frozenset[str]] = frozenset()


class Answer(Frozen, kw_only=True):
    """What a command found, in no language, ready for any renderer."""

    kind: str  # members, chart, timeline, country, resources, exports, ..., show, cite
    fields: tuple[str, ...]
    rows: tuple[Row, ...]
    sources: tuple[Source, ...] = ()  # the sources the rows rest on, in order of first use
    context: object = None  # a typed record of what the views phrase (dates, counts, facts)
    # Rows in order, except that a run of rows with the same tie number is ordered by the
    # name of its country in the reader's collation (members, the chart).
    ties: tuple[int, ...] = ()


def place(countries: Mapping[str, Country], code: str | None) -> Place | None:
    """The country with this code as a row names it (None for no code)."""
    if code is None:
        return None
    return Place(code=code, country=countries.get(code))


def sources_of(base: FactBase, source_ids: Sequence[str]) -> tuple[Source, ...]:
    """Each distinct source these ids name, in order of first use (the presentation layer
    titles them in the reader's language)."""
    by_id = {s.id: s for s in base.sources}
    return tuple(by_id[sid] for sid in dict.fromkeys(source_ids) if sid in by_id)
