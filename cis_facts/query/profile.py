"""One state's profile: names, membership, trade position, and every fact naming it."""

from __future__ import annotations

from cis_facts.answer import Answer, Row, Worded, sources_of
from cis_facts.dates import When
from cis_facts.model import AnyFact, Country, Event, FactBase
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


class ProfileRow(Row, kw_only=True):
    """A row of a country's profile: one of its names or codes (section ``names``), or a
    fact naming it."""

    section: str
    id: str
    label: Worded | str  # a name row's label is the key it shows (``code``, ``en``, ...)
    date: When | None = None
    value: float | str | None = None
    unit: str | None = None
    share: float | None = None
    position: int | None = None
    status: str | None = None
    approximate: bool = False  # the card says «≈»
    source: str | None
    quote: str | None
    note: Worded | None = None
    from_text: bool | None = None


def _name_rows(country: Country) -> list[ProfileRow]:
    rows: list[tuple[str, str | None]] = [
        ("code", country.code),
        ("en", country.name_en),
        ("kk", country.name_kk),
        ("ru", country.name_ru),
    ]
    if country.aliases:
        rows.append(("aliases", ", ".join(country.aliases)))
    named = [
        ProfileRow(
            section="names",
            id=country.code,
            label=key,
            value=value,
            source=country.source,
            quote=country.quote,
            note=country.note_in,
        )
        for key, value in rows
    ]
    codes = (("iso3", country.iso3), ("m49", country.m49), ("wikidata", country.wikidata))
    named.extend(
        ProfileRow(
            section="names",
            id=country.code,
            label=key,
            value=value,
            source=country.codes_source,
            quote=country.codes_quote,
        )
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


def _fact_row(section: str, fact: AnyFact, status: str | None, from_text: bool) -> ProfileRow:
    value, unit = answer_of(fact)
    return ProfileRow(
        section=section,
        id=fact.id,
        label=fact.label,
        date=getattr(fact, "date", None),
        value=value,
        unit=unit,
        share=getattr(fact, "share", None),
        position=getattr(fact, "position", None),
        status=status,
        approximate=bool(getattr(fact, "approximate", False)),
        source=fact.source,
        quote=fact.quote,
        note=fact.note_in,
        from_text=from_text,
    )


def profile(base: FactBase, country: Country) -> Answer:
    """Names first, then events in date order, trade positions and totals, world ranks,
    figures, then the text's statements naming the country."""
    rows = _name_rows(country)
    naming = _naming(base, country)
    naming.sort(key=lambda p: (_ORDER[p[0]], p[1].date.first if isinstance(p[1], Event) else 0))
    status: str | None = None
    for section, fact in naming:
        shown = getattr(fact, "status", None)
        if isinstance(fact, Event):
            # the state's status after the event, by the membership rule
            status = next_status(status, fact) if bears_on_membership(fact) else status
            shown = status
        rows.append(_fact_row(section, fact, shown, base.from_text(fact.source)))
    return Answer(
        kind="country",
        sources=sources_of(base, [r.source for r in rows if r.source]),
        fields=FIELDS,
        rows=tuple(rows),
        context=country,
    )
