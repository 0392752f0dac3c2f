"""A fact shown whole, and finding a fact by id."""

from __future__ import annotations

from collections.abc import Mapping

from cis_facts.answer import Row
from cis_facts.errors import NotFoundError
from cis_facts.model import (
    QUOTE_TRANSLATIONS,
    QUOTE_TRANSLATOR,
    AnyFact,
    Country,
    FactBase,
)
from cis_facts.schema import FACT_KINDS
from cis_facts.text import best_names

KIND_NAMES: dict[type, str] = {kind.record: kind.name for kind in FACT_KINDS}


class WholeFact(Row, kw_only=True):
    """Every field of a fact, with the titles of its sources and its last change; its
    record is the fact's own fields (``cis_facts.render.localized``), then these."""

    fact: AnyFact
    countries: Mapping[str, Country]  # to name the countries it names
    source_title: str | None
    note_source_title: str | None
    changed: str | None
    change: str | None
    context: str | None = None
    with_context: bool = False


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
