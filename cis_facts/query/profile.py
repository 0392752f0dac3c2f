"""One state's profile: names, membership, trade position, and every fact naming it."""

from __future__ import annotations

from cis_facts.answer import Answer, Record, date_fields, sources_of
from cis_facts.model import AnyFact, Country, Event, FactBase, Lang
from cis_facts.query.members import bears_on_membership, next_status
from cis_facts.schema import FACT_KINDS, answer_of

FIELDS = (
    "section",
    "id",
    "label",
    "date",
    "date_precision",
    "value",
    "unit",
    "unit_text",
    "share",
    "position",
    "status",
    "source",
    "quote",
    "note",
    "from_text",
)


def _name_rows(country: Country, lang: Lang) -> list[Record]:
    rows = [
        ("code", country.code),
        ("en", country.name_en),
        ("kk", country.name_kk),
        ("ru", country.name_ru),
    ]
    if country.aliases:
        rows.append(("aliases", ", ".join(country.aliases)))
    named = [
        {
            "section": "names",
            "id": country.code,
            "label": key,
            "value": value,
            "source": country.source,
            "quote": country.quote,
            "note": country.note_in(lang),
        }
        for key, value in rows
    ]
    codes = (("iso3", country.iso3), ("m49", country.m49), ("wikidata", country.wikidata))
    named.extend(
        {
            "section": "names",
            "id": country.code,
            "label": key,
            "value": value,
            "source": country.codes_source,
            "quote": country.codes_quote,
            "note": None,
        }
        for key, value in codes
        if value is not None
    )
    return named


_ORDER = {
    "event": 0,
    "export": 1,
    "import": 2,
    "total": 3,
    "ranking": 4,
    "figure": 5,
    "statement": 6,
}


def _naming(base: FactBase, country: Country) -> list[tuple[str, AnyFact]]:
    """The facts naming the country, each with its section, in the profile's order."""
    found = []
    for kind in FACT_KINDS:
        section = kind.profile
        if section is not None:
            found += [
                (section.section(f), f)
                for f in getattr(base, kind.table)
                if section.names(f, country)
            ]
    found.sort(key=lambda pair: _ORDER[pair[0]])
    return found


def _fact_record(section: str, fact: AnyFact, lang: Lang) -> Record:
    record: Record = {"section": section, "id": fact.id, "label": fact.label(lang)}
    record.update(date_fields("date", getattr(fact, "date", None)))
    value, unit = answer_of(fact)
    record.update(
        value=value,
        unit=unit,
        share=getattr(fact, "share", None),
        position=getattr(fact, "position", None),
        status=getattr(fact, "status", None),
        approximate=bool(getattr(fact, "approximate", False)),  # the card says «≈»
        source=fact.source,
        quote=fact.quote,
        note=fact.note_in(lang),
    )
    return record


def profile(base: FactBase, country: Country, lang: Lang) -> Answer:
    """Names first, then events in date order, trade positions and totals, world ranks,
    figures, then the text's statements naming the country."""
    records = _name_rows(country, lang)
    naming = _naming(base, country)
    naming.sort(key=lambda p: (_ORDER[p[0]], p[1].date.first if isinstance(p[1], Event) else 0))
    status: str | None = None
    for section, fact in naming:
        record = _fact_record(section, fact, lang)
        record["from_text"] = base.from_text(fact.source)
        if isinstance(fact, Event):
            # the state's status after the event, by the membership rule
            status = next_status(status, fact) if bears_on_membership(fact) else status
            record["status"] = status
        records.append(record)
    for record in records:
        for field in FIELDS:
            record.setdefault(field, None)
    return Answer(
        kind="country",
        lang=lang,
        sources=sources_of(base, [r["source"] for r in records]),
        fields=FIELDS,
        records=tuple(records),
        context=country,
    )
