"""The answer a query hands to a renderer: plain records, no Click and no Rich.

Records are JSON-ready dicts: numbers stay numbers, dates are ISO 8601 strings with a
sibling ``<field>_precision`` (``day``, ``month``, ``year``), countries are
``{"code", "name"}`` objects. ``columns`` are the fields a terminal table shows;
``fields`` are all fields, in order, for machine formats.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from cis_facts.dates import When
from cis_facts.frozen import Frozen
from cis_facts.model import Country, FactBase, Lang, Source

Record = dict[str, Any]


class Answer(Frozen, kw_only=True):
    """What a command found, ready for any renderer."""

    view: str  # which terminal view draws it: table, grouped, bars, chart, fact, cite
    title: str
    caption: str
    fields: tuple[str, ...]
    records: tuple[Record, ...]
    columns: tuple[str, ...] = ()
    headers: Mapping[str, str] = MappingProxyType({})
    group_by: str | None = None
    notes: tuple[str, ...] = ()  # remarks under the terminal table only (legends, sums)
    caveats: tuple[str, ...] = ()  # limits of the answer: under the table, else on stderr
    warnings: tuple[str, ...] = ()  # always on stderr
    lang: Lang = "en"


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


def source_caption(base: FactBase, source_ids: Sequence[str], lang: Lang) -> str:
    """``Source: <title>`` naming each distinct source of the records shown."""
    titles: list[str] = []
    by_id: dict[str, Source] = {s.id: s for s in base.sources}
    for sid in dict.fromkeys(source_ids):
        source = by_id.get(sid)
        titles.append(source.title if source else sid)
    word = "Дереккөз" if lang == "kk" else "Source"
    return f"{word}: " + "; ".join(titles) if titles else ""
