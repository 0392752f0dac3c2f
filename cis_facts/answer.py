"""The answer a query hands to the presentation layer: records and facts, no words.

Records are JSON-ready dicts (the machine formats print them as they are): numbers stay
numbers, dates are ISO 8601 strings with a sibling ``<field>_precision`` (``day``,
``month``, ``year``), countries are ``{"code", "name"}`` objects. Titles, headers,
notes, legends and layout belong to ``cis_facts.render.views``, which reads ``kind`` and
``context`` (typed values such as the date asked about) to build them in a language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cis_facts.dates import When
from cis_facts.frozen import Frozen
from cis_facts.model import Country, FactBase, Lang, Source

Record = dict[str, Any]


class Answer(Frozen, kw_only=True):
    """What a command found, ready for any renderer."""

    kind: str  # members, chart, timeline, country, resources, exports, ..., show, cite
    fields: tuple[str, ...]
    records: tuple[Record, ...]
    lang: Lang = "en"
    sources: tuple[Source, ...] = ()  # the sources the records rest on, in order of first use
    context: object = None  # a typed record of what the views phrase (dates, counts, facts)


def country_obj(
    base_index: Mapping[str, Country], code: str | None, lang: Lang
) -> dict[str, str] | None:
    """A country as ``{"code", "name"}`` in the chosen language."""
    if code is None:
        return None
    country = base_index.get(code)
    return {"code": code, "name": country.name(lang) if country else code}


def date_fields(name: str, when: When | None) -> Record:
    """``{name: "1993-12", name_precision: "month"}`` (both None when undated)."""
    if when is None:
        return {name: None, f"{name}_precision": None}
    return {name: when.iso(), f"{name}_precision": when.precision}


def sources_of(base: FactBase, source_ids: Sequence[str]) -> tuple[Source, ...]:
    """Each distinct source these ids name, in order of first use (the presentation layer
    titles them in the reader's language)."""
    by_id = {s.id: s for s in base.sources}
    return tuple(by_id[sid] for sid in dict.fromkeys(source_ids) if sid in by_id)
