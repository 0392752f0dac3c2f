"""What the browser shows, asked of the same query functions the commands call.

Language-free: answers and records come from ``cis_facts.query``; this module only picks
which query to run and which fact each listed row stands for.
"""

# Imported where used: each catalogue loads the queries it lists when the browser first shows it.

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from cis_facts.answer import Answer
from cis_facts.dates import PartialDate
from cis_facts.model import AnyFact, Country, FactBase
from cis_facts.render.localized import Record
from cis_facts.schema import FACT_KINDS, KINDS

if TYPE_CHECKING:
    from cis_facts.query.search import Searchable
    from cis_facts.retrieval.matcher import Matcher

    Built = tuple[Sequence[Searchable], Matcher]

VIEWS = tuple(view for kind in KINDS for view in kind.views)
RELATED_LIMIT = 8
SEARCH_LIMIT = 200  # hits listed; the best ones, in the search command's order


def search(
    base: FactBase, query: str, limit: int = SEARCH_LIMIT, built: Built | None = None
) -> Answer:
    """The ``search`` command's answer for ``query`` (its first ``limit`` hits), over
    ``built`` (``search_index``) when given.

    NotFoundError when nothing matches.
    """
    from cis_facts.query import search as search_query

    return search_query.search(base, query, limit, built)


def search_index(base: FactBase) -> Built:
    """The search index of ``base``, built once for every query typed after."""
    from cis_facts.query import search as search_query

    return search_query.build(base)


def _view_queries(on: PartialDate | None) -> dict[str, Callable[[FactBase], Answer]]:
    from cis_facts.query import figures, members, resources, statements, timeline, trade

    return {
        "members": lambda b: members.members(b, on, False),
        "timeline": lambda b: timeline.timeline(b),
        "resources": lambda b: resources.resources(b, None, None),
        "exports": lambda b: trade.partners(b, "export"),
        "imports": lambda b: trade.partners(b, "import"),
        "totals": lambda b: trade.totals(b),
        "figures": lambda b: figures.figures(b),
        "statements": lambda b: statements.statements(b),
    }


def view(base: FactBase, name: str, on: PartialDate | None = None) -> Answer:
    """The answer of the command behind view ``name`` (``members`` on ``on``, else latest)."""
    return _view_queries(on)[name](base)


def row_key(record: Record) -> str | None:
    """The fact a listed record rests on: its id, or for a member its status event."""
    key = record.get("id") or record.get("since_event")
    return key if isinstance(key, str) else None


def _codes(base: FactBase, fact: AnyFact) -> frozenset[str]:
    """The countries whose profile lists ``fact`` (a ranking and a trade total name
    Kazakhstan; a statement the states its label names)."""
    cached_base, codes = _CODES
    if cached_base is not base:  # worked out once per base: a highlight only looks up
        codes = {f.id: _profile_codes(base, f) for f in base.facts()}
        _CODES[:] = [base, codes]
    found: frozenset[str] | None = codes.get(fact.id)
    return found if found is not None else _profile_codes(base, fact)


_CODES: list[Any] = [None, {}]  # the base the codes were worked out for, and the codes


def _profile_codes(base: FactBase, fact: AnyFact) -> frozenset[str]:
    for kind in FACT_KINDS:
        if isinstance(fact, kind.record):
            names = kind.profile.names if kind.profile is not None else None
            return frozenset(c.code for c in base.countries if names and names(fact, c))
    return frozenset()


def related(base: FactBase, key: str, limit: int = RELATED_LIMIT) -> list[AnyFact]:
    """Other facts on the same topic first (for a kind without topics, such as rankings,
    facts of the same kind naming the same country), then those naming the same country.

    For a country, the facts naming it. One pass over the base.
    """
    fact = next((f for f in base.facts() if f.id == key), None)
    topic = getattr(fact, "topic", None) if fact else None
    codes = _codes(base, fact) if fact else frozenset({key})
    same_topic: list[AnyFact] = []
    same_country: list[AnyFact] = []
    for other in base.facts():
        if other.id == key:
            continue
        if topic is not None and getattr(other, "topic", None) == topic:
            same_topic.append(other)
        elif codes and codes & _codes(base, other):
            alike = topic is None and type(other) is type(fact)
            (same_topic if alike else same_country).append(other)
    return (same_topic + same_country)[:limit]


def country(base: FactBase, code: str) -> Country | None:
    return base.country_index.get(code)
