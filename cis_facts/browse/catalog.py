"""What the browser shows, asked of the same query functions the commands call.

Language-free: answers and records come from ``cis_facts.query``; this module only picks
which query to run and which fact each listed row stands for.
"""

# Imported where used: each catalogue loads the queries it lists when the browser first shows it.

from __future__ import annotations

from collections.abc import Callable

from cis_facts.answer import Answer, Record
from cis_facts.dates import PartialDate
from cis_facts.model import AnyFact, Country, FactBase, Lang
from cis_facts.schema import KINDS

VIEWS = tuple(view for kind in KINDS for view in kind.views)
RELATED_LIMIT = 8
SEARCH_LIMIT = 200  # hits listed; the best ones, in the search command's order


def search(base: FactBase, query: str, lang: Lang, limit: int = SEARCH_LIMIT) -> Answer:
    """The ``search`` command's answer for ``query`` (its first ``limit`` hits).

    NotFoundError when nothing matches.
    """
    from cis_facts.query import search as search_query

    return search_query.search(base, query, lang, limit)


def _view_queries(on: PartialDate | None) -> dict[str, Callable[[FactBase, Lang], Answer]]:
    from cis_facts.query import figures, members, resources, statements, timeline, trade

    return {
        "members": lambda b, lang: members.members(b, on, False, lang),
        "timeline": lambda b, lang: timeline.timeline(b, lang),
        "resources": lambda b, lang: resources.resources(b, lang, None, None),
        "exports": lambda b, lang: trade.partners(b, "export", lang),
        "imports": lambda b, lang: trade.partners(b, "import", lang),
        "totals": lambda b, lang: trade.totals(b, lang),
        "figures": lambda b, lang: figures.figures(b, lang),
        "statements": lambda b, lang: statements.statements(b, lang),
    }


def view(base: FactBase, name: str, lang: Lang, on: PartialDate | None = None) -> Answer:
    """The answer of the command behind view ``name`` (``members`` on ``on``, else latest)."""
    return _view_queries(on)[name](base, lang)


def row_key(record: Record) -> str | None:
    """The fact a listed record rests on: its id, or for a member its status event."""
    key = record.get("id") or record.get("since_event")
    return key if isinstance(key, str) else None


def _codes(fact: AnyFact) -> set[str]:
    codes = {getattr(fact, "country", None), getattr(fact, "initiator", None)}
    codes.update(getattr(fact, "participants", ()))
    return {c for c in codes if isinstance(c, str)}


def related(base: FactBase, key: str, limit: int = RELATED_LIMIT) -> list[AnyFact]:
    """Other facts on the same topic first, then those naming the same country or event.

    For a country, the facts naming it. One pass over the base.
    """
    fact = next((f for f in base.facts() if f.id == key), None)
    topic = getattr(fact, "topic", None) if fact else None
    codes = _codes(fact) if fact else {key}
    same_topic: list[AnyFact] = []
    same_country: list[AnyFact] = []
    for other in base.facts():
        if other.id == key:
            continue
        if topic is not None and getattr(other, "topic", None) == topic:
            same_topic.append(other)
        elif len(same_country) < limit and codes & _codes(other):
            same_country.append(other)
    return (same_topic + same_country)[:limit]


def country(base: FactBase, code: str) -> Country | None:
    return base.country_index.get(code)
