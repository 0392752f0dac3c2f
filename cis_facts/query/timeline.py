"""Events in date order, filtered by period, country and kind."""

from __future__ import annotations

from cis_facts.answer import Answer, Place, Row, Worded, place, sources_of
from cis_facts.dates import PartialDate, When
from cis_facts.errors import NotFoundError
from cis_facts.model import Country, Event, FactBase
from cis_facts.query.countries import index

FIELDS = (
    "id",
    "date",
    "date_precision",
    "year",
    "kind",
    "label",
    "short",
    "place",
    "participants",
    "initiator",
    "status",
    "source",
    "quote",
    "note",
    "from_text",
)


class EventRow(Row, kw_only=True):
    id: str
    date: When
    year: int
    kind: str
    label: Worded
    short: Worded
    place: Worded
    participants: tuple[Place | None, ...]
    initiator: Place | None
    status: str | None
    source: str
    quote: str
    note: Worded
    from_text: bool


def event_row(base: FactBase, event: Event) -> EventRow:
    countries = index(base)
    return EventRow(
        id=event.id,
        date=event.date,
        year=event.date.start.year,
        kind=event.kind,
        label=event.label,
        short=event.short,
        place=event.place,
        participants=tuple(place(countries, c) for c in event.participants),
        initiator=place(countries, event.initiator),
        status=event.status,
        source=event.source,
        quote=event.quote,
        note=event.note_in,
        from_text=base.from_text(event.source),
    )


def _selected(
    event: Event,
    start: PartialDate | None,
    end: PartialDate | None,
    country: Country | None,
    kind: str | None,
) -> bool:
    if start is not None and event.date.last < start.first:
        return False
    if end is not None and event.date.first > end.last:
        return False
    if country is not None and country.code not in (*event.participants, event.initiator):
        return False
    return kind is None or event.kind == kind


def timeline(
    base: FactBase,
    *,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    country: Country | None = None,
    kind: str | None = None,
) -> Answer:
    """Events overlapping [start, end], naming ``country``, of ``kind``; oldest first."""
    events = sorted(
        (e for e in base.events if _selected(e, start, end, country, kind)),
        key=lambda e: (e.date.first, e.date.last),
    )
    if not events:
        raise NotFoundError("no event matches these filters", key="no_event")
    return Answer(
        kind="timeline",
        sources=sources_of(base, [e.source for e in events]),
        fields=FIELDS,
        rows=tuple(event_row(base, e) for e in events),
    )
