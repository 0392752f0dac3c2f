"""Events in date order, filtered by period, country and kind."""

from __future__ import annotations

from cis_facts.answer import Answer, Record, country_obj, date_fields, sources_of
from cis_facts.dates import PartialDate
from cis_facts.errors import NotFoundError
from cis_facts.model import Country, Event, FactBase, Lang
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


def event_record(base: FactBase, event: Event, lang: Lang) -> Record:
    countries = index(base)
    record: Record = {"id": event.id}
    record.update(date_fields("date", event.date))
    record.update(
        {
            "year": event.date.start.year,
            "kind": event.kind,
            "label": event.label(lang),
            "short": event.short(lang),
            "place": event.place(lang),
            "participants": [country_obj(countries, c, lang) for c in event.participants],
            "initiator": country_obj(countries, event.initiator, lang),
            "status": event.status,
            "source": event.source,
            "quote": event.quote,
            "note": event.note_in(lang),
            "from_text": base.from_text(event.source),
        }
    )
    return record


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
    lang: Lang,
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
        raise NotFoundError("no event matches these filters")
    records = tuple(event_record(base, e, lang) for e in events)
    return Answer(
        kind="timeline",
        lang=lang,
        sources=sources_of(base, [e.source for e in events]),
        fields=FIELDS,
        records=records,
    )
