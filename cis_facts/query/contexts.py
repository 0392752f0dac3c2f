"""What queries tell their views beside their rows: typed values, no words (kept apart from
the queries, so that the views import no query and a view of one command loads no other
command's query)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from cis_facts.dates import PartialDate, When
from cis_facts.frozen import Frozen
from cis_facts.model import AnyFact, Country, Event, Source

if TYPE_CHECKING:
    from cis_facts.verify import Locator


class SearchContext(Frozen):
    """What was searched for and how many records matched in all (``total`` is more than
    the answer's records when a limit cut them)."""

    query: str
    total: int


class AskContext(Frozen, kw_only=True):
    """The fact that answers a question, with its source and the countries its sentence
    may name."""

    question: str
    fact: AnyFact
    source: Source | None
    countries: dict[str, Country]


TOLERANCE = 0.05  # the text rounds to 0.1


class PartnersContext(Frozen, kw_only=True):
    """The rows shown of how many, the shares the text lists in all, the years."""

    top: int | None
    count: int
    listed_total: float | None
    years: tuple[int, ...]


class TotalsContext(Frozen, kw_only=True):
    checks: tuple[SumCheck | None, ...]  # one per record
    years: tuple[int, ...]


class SumCheck(Frozen):
    """A stated total against the sum of its parts (``parts``: turnover or partners)."""

    parts: str
    total: float
    stated: float

    @property
    def ok(self) -> bool:
        return abs(self.total - self.stated) <= TOLERANCE


class Change(Frozen):
    """A change of status dated inside the period asked about."""

    before: str | None
    after: str | None
    event: Event


class Reason(Frozen):
    """Why a state has its status: the act the status rests on (the one that began it),
    and what the status means at that date (``kind``): ``event``, ``founder_before`` (a
    founding state before the Charter existed), ``founder_after`` (a founding state the
    Charter does not bind), ``acceding`` or ``signatory``."""

    kind: str
    event: Event
    charter: When | None = None


class MembersContext(Frozen, kw_only=True):
    """What the members view words: the date asked about and why each status holds."""

    on: PartialDate
    defaulted: bool  # no --on: the latest membership event
    latest: Event
    include_former: bool
    pending: Mapping[str, Event]  # per country, the event the dates cannot place
    reasons: Mapping[str, Reason]
    changes: Mapping[str, tuple[Change, ...]]
    # per country, the latest act dated by then when it came after the status's own act
    # and changed nothing
    later: Mapping[str, Event]

    @property
    def after_latest(self) -> bool:
        return self.on.first > self.latest.date.last


class ChartContext(Frozen, kw_only=True):
    first: int
    last: int
    latest: Event


class Cited(Frozen, kw_only=True):
    """One fact to cite: the fact, the source it quotes, the document behind its correction,
    and where its quote stands in the shipped text (None when the text is not shipped)."""

    fact: AnyFact
    source: Source | None
    note_source: Source | None
    locator: Locator | None = None


class CiteContext(Frozen, kw_only=True):
    """The facts cited, in the order asked, once each; the style and the base's version."""

    items: tuple[Cited, ...]
    style: str
    countries: Mapping[str, Country]
    version: str
    csl: str | None = None  # a CSL style file to render with instead of ``style``
