"""Turn any fact into a JSON-ready record, and find a fact by id."""

from __future__ import annotations

from typing import Any

from cis_facts.answer import Record, country_obj, date_fields
from cis_facts.dates import When
from cis_facts.errors import NotFoundError
from cis_facts.frozen import field_names
from cis_facts.model import (
    QUOTE_TRANSLATIONS,
    QUOTE_TRANSLATOR,
    AnyFact,
    Country,
    FactBase,
    Lang,
)
from cis_facts.query.countries import index
from cis_facts.schema import FACT_KINDS
from cis_facts.text import best_names

KIND_NAMES: dict[type, str] = {kind.record: kind.name for kind in FACT_KINDS}
_COUNTRY_FIELDS = ("country", "initiator")


def translator(record: AnyFact | Country) -> str | None:
    """Who translated the record's quote: this project, when it has any translation."""
    if any(getattr(record, name) for name in QUOTE_TRANSLATIONS):
        return QUOTE_TRANSLATOR
    return None


def kind_of(fact: AnyFact) -> str:
    return KIND_NAMES[type(fact)]


def find(base: FactBase, fact_id: str) -> AnyFact:
    """The fact with this id; NotFoundError with close ids otherwise."""
    fact = base.fact(fact_id)
    if fact is not None:
        return fact
    ids = [f.id for f in base.facts()]
    raise NotFoundError(
        f"no fact with id {fact_id!r}", best_names(fact_id, ids), key="no_fact", id=fact_id
    )


def full_record(base: FactBase, fact: AnyFact, lang: Lang) -> Record:
    """Every field of ``fact``: dates as ISO with precision, countries as objects."""
    countries = index(base)
    record: Record = {"kind": kind_of(fact)}
    for name in field_names(fact):
        value: Any = getattr(fact, name)
        if name == "origin":
            continue
        if name == "kind":  # an event's own kind; "kind" names the kind of fact
            record["event_kind"] = value
            continue
        if isinstance(value, When):
            record.update(date_fields(name, value))
        elif name in _COUNTRY_FIELDS:
            record[name] = country_obj(countries, value, lang)
        elif name == "participants":
            record[name] = [country_obj(countries, c, lang) for c in value]
        elif value is None and name in ("date", "growth_base"):
            record.update(date_fields(name, None))
        else:
            record[name] = list(value) if isinstance(value, tuple) else value
        if name == QUOTE_TRANSLATIONS[-1]:
            record["quote_translator"] = translator(fact)
    record["label"] = fact.label(lang)
    return record
