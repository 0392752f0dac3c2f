"""Who was a member or associate member of the CIS on a date or in a period, and the
membership chart.

A state's status follows from its dated acts (docs/fact-schema.md, "Membership
statuses"): signing the 1991 founding documents makes it a ``signatory``; ratifying them
before the Charter was adopted (22 January 1993) makes it a ``founder`` (Article 7),
ratifying or joining later makes it ``acceding``; it is a ``member`` only from the day
the Charter binds it, never before the Charter entered into force (22 January 1994,
Article 41); then ``associate`` or ``left``.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from cis_facts.answer import Answer, Place, Row, Worded, place, sources_of
from cis_facts.dates import PartialDate, When
from cis_facts.errors import NotFoundError
from cis_facts.frozen import Frozen
from cis_facts.model import Event, FactBase
from cis_facts.query.contexts import Change, ChartContext, MembersContext, Reason
from cis_facts.query.countries import index

FIELDS = (
    "country",
    "status",
    "certain",
    "since",
    "since_precision",
    "since_event",
    "changes",
    "founding_acts",
    "left",
    "left_precision",
    "reason",
    "note",
    "as_of",
    "as_of_precision",
    "source",
    "from_text",
    "latest",
)
# Kinds of event that bear on a state's membership even when they give it no new status:
# they are reasons, and the latest of them is the horizon of what the base knows.
MEMBERSHIP_KINDS = frozenset(
    {"ratification", "charter", "accession", "withdrawal", "status-change", "decision"}
)


def bears_on_membership(event: Event) -> bool:
    return event.status is not None or (bool(event.participants) and event.kind in MEMBERSHIP_KINDS)


def status_events(base: FactBase) -> dict[str, list[Event]]:
    """Events that bear on membership, per country, in date order."""
    per_country: dict[str, list[Event]] = {}
    ordered = sorted(
        (e for e in base.events if bears_on_membership(e)),
        key=lambda e: (e.date.first, e.date.last),
    )
    for event in ordered:
        for code in event.participants:
            per_country.setdefault(code, []).append(event)
    return per_country


def latest_event(base: FactBase) -> Event | None:
    """The latest event bearing on membership: the end of what the base knows."""
    dated = [e for e in base.events if bears_on_membership(e)]
    return max(dated, key=lambda e: e.date.last) if dated else None


def latest_date(base: FactBase) -> When | None:
    event = latest_event(base)
    return event.date if event is not None else None


def next_status(current: str | None, event: Event) -> str | None:
    """The status ``event`` leaves a state in: its own, except that an event with none
    changes nothing and signing a further founding document undoes no ratification."""
    if event.status is None:
        return current
    if event.status == "signatory" and current not in (None, "signatory"):
        return current
    return event.status


class Standing(Frozen):
    """One country's status in a period: at its start, the changes dated inside it, and
    the changes the dates cannot place before, inside or after it (``pending``)."""

    status: str | None
    since: Event | None
    changes: tuple[Change, ...]
    pending: tuple[Event, ...]
    latest: Event | None  # the latest event bearing on the state dated by the period's end
    left: Event | None


def standing(events: Sequence[Event], on: PartialDate) -> Standing:
    start, end = on.first, on.last
    status: str | None = None
    since: Event | None = None
    current: str | None = None
    latest: Event | None = None
    left: Event | None = None
    changes: list[Change] = []
    pending: list[Event] = []
    for event in events:
        first, last = event.date.first, event.date.last
        if first > end:
            break
        after = next_status(current, event)
        settled = last < start or (on.precision == "day" and last <= end)
        inside = not settled and start <= first and last <= end
        if settled or inside:
            latest = event
            left = event if after == "left" else left
        if after != current:
            if settled:
                status, since = after, event
            elif inside:
                changes.append(Change(current, after, event))
            else:
                pending.append(event)
        current = after
    return Standing(status, since, tuple(changes), tuple(pending), latest, left)


def charter_dates(base: FactBase) -> tuple[When | None, When | None]:
    """When the Charter was adopted (the first ``charter`` event, with no status) and when
    it first bound a state (the first ``charter`` event making its participants members)."""
    charters = sorted((e for e in base.events if e.kind == "charter"), key=lambda e: e.date.first)
    adopted = next((e.date for e in charters if e.status is None), None)
    in_force = next((e.date for e in charters if e.status == "member"), None)
    return adopted, in_force


def reason(state: Standing, adopted: When | None, on: PartialDate) -> Reason | None:
    """Why the state has its status on ``on``: the act that began it; the presentation
    layer words it."""
    event = state.since
    if event is None or state.status is None:
        return None
    if state.status == "founder" and adopted is not None:
        kind = "founder_before" if on.last < adopted.first else "founder_after"
        return Reason(kind, event, adopted)
    if state.status in ("acceding", "signatory"):
        return Reason(state.status, event)
    return Reason("event", event)


def basis(state: Standing) -> Event | None:
    """The act the status rests on: the last change inside the period, else the act that
    began the status."""
    return state.changes[-1].event if state.changes else state.since


def later_act(state: Standing) -> Event | None:
    """The latest act dated by then, when it came after the act the status rests on (on
    a later day) and left the status as it was (a vote, a recall); None when the status
    rests on it or the status is uncertain."""
    rests_on, latest = basis(state), state.latest
    if state.pending or latest is None or rests_on is None:
        return None
    return latest if latest.date.last > rests_on.date.last else None


class Act(Row, kw_only=True):
    """An act a row names: a founding document, or the later act beside a status."""

    id: str
    name: Worded
    date: When


class ChangeRow(Row, kw_only=True):
    """A change of status inside the period asked about."""

    renamed = MappingProxyType({"before": "from", "after": "to"})
    before: str | None
    after: str | None
    event: str
    name: Worded
    date: When


class LaterAct(Act, kw_only=True):
    source: str
    from_text: bool


class MemberRow(Row, kw_only=True):
    country: Place | None
    status: str | None
    certain: bool
    since: When | None
    since_event: str | None
    changes: tuple[ChangeRow, ...]
    founding_acts: tuple[Act, ...]
    left: When | None
    reason: None = None  # worded by the presentation layer, from the context's reasons
    note: None = None  # why an uncertain status is open: worded from the context too
    as_of: PartialDate
    source: str
    from_text: bool
    latest: LaterAct | None


def _founding_acts(events: Sequence[Event]) -> tuple[Act, ...]:
    return tuple(Act(id=e.id, name=e.short, date=e.date) for e in events if e.kind == "founding")


def _changes(state: Standing) -> tuple[ChangeRow, ...]:
    return tuple(
        ChangeRow(
            before=c.before, after=c.after, event=c.event.id, name=c.event.short, date=c.event.date
        )
        for c in state.changes
    )


def _row_status(state: Standing) -> str | None:
    if state.pending:
        return "uncertain"
    return "changed" if state.changes else state.status


def _row(
    base: FactBase, code: str, events: Sequence[Event], state: Standing, on: PartialDate
) -> MemberRow:
    since = basis(state)
    if since is None and state.pending:
        since = state.pending[0]
    cited = since or state.pending[0]
    later = later_act(state)
    return MemberRow(
        country=place(index(base), code),
        status=_row_status(state),
        certain=not state.pending,
        since=since.date if since else None,
        since_event=since.id if since else None,
        changes=_changes(state),
        founding_acts=_founding_acts(events),
        left=state.left.date if state.left else None,
        as_of=on,
        source=cited.source,
        from_text=base.from_text(cited.source),
        latest=None
        if later is None
        else LaterAct(
            id=later.id,
            name=later.short,
            date=later.date,
            source=later.source,
            from_text=base.from_text(later.source),
        ),
    )


def _shown(state: Standing, wanted: set[str]) -> bool:
    statuses = {state.status, *(c.before for c in state.changes), *(c.after for c in state.changes)}
    if statuses & wanted:
        return True
    return bool(state.pending) and state.status != "left"


def members(base: FactBase, on: PartialDate | None, include_former: bool) -> Answer:
    """Members and associate members on ``on``, a day, a month or a year (default: the
    day of the latest membership event)."""
    latest = latest_event(base)
    if latest is None:
        raise NotFoundError("the fact base holds no membership events", key="no_membership_events")
    defaulted = on is None
    if on is None:
        on = latest.date.start
    wanted = {"member", "founder", "signatory", "acceding", "associate"}
    wanted |= {"left"} if include_former else set()
    rows: list[MemberRow] = []
    pending: dict[str, Event] = {}
    reasons: dict[str, Reason] = {}
    changes: dict[str, tuple[Change, ...]] = {}
    later: dict[str, Event] = {}
    adopted, _ = charter_dates(base)
    for code, events in status_events(base).items():
        state = standing(events, on)
        if not _shown(state, wanted):
            continue
        if state.pending:
            pending[code] = state.pending[0]
        else:
            why = reason(state, adopted, on)
            if why is not None:
                reasons[code] = why
        if state.changes:
            changes[code] = state.changes
        after = later_act(state)
        if after is not None:
            later[code] = after
        rows.append(_row(base, code, events, state, on))
    if not rows:
        at = "on" if on.precision == "day" else "in"
        raise NotFoundError(
            f"no state was a member of the CIS {at} {on.iso()}", key="no_member", date=on.iso()
        )
    order = {
        "member": 0,
        "changed": 1,
        "uncertain": 2,
        "founder": 3,
        "acceding": 4,
        "signatory": 5,
        "associate": 6,
        "left": 7,
    }
    # By status, then by the day it began; a state's name breaks ties in the reader's
    # collation (Answer.ties).
    rows.sort(key=lambda r: (order[r.status or ""], r.since.iso() if r.since else ""))
    keys = [(r.status, r.since.iso() if r.since else "") for r in rows]
    return Answer(
        kind="members",
        # the later acts' sources too: the table cites them after the reasons
        sources=sources_of(
            base, [r.source for r in rows] + [r.latest.source for r in rows if r.latest]
        ),
        fields=FIELDS,
        rows=tuple(rows),
        ties=_ties(keys),
        context=MembersContext(
            on=on,
            defaulted=defaulted,
            latest=latest,
            include_former=include_former,
            pending=pending,
            reasons=reasons,
            changes=changes,
            later=later,
        ),
    )


CHART_FIELDS = (
    "country",
    "spans",
    "years",
    "by_year",
    "changes",
    "as_of",
    "as_of_precision",
    "source",
)


def _status_steps(events: Sequence[Event]) -> list[tuple[Event, str]]:
    """The events that change the state's status, each with the status it leaves."""
    steps: list[tuple[Event, str]] = []
    current: str | None = None
    for event in events:
        after = next_status(current, event)
        if after != current and after is not None:
            steps.append((event, after))
        current = after
    return steps


class Span(Row, kw_only=True):
    status: str
    start: When
    end: When | None


def _spans(steps: Sequence[tuple[Event, str]]) -> tuple[Span, ...]:
    return tuple(
        Span(status=status, start=event.date, end=following[0].date if following else None)
        for (event, status), following in zip(steps, [*steps[1:], None], strict=True)
        if status != "left"
    )


def _by_year(steps: Sequence[tuple[Event, str]], years: Sequence[int]) -> list[str | None]:
    """Each year's status at its end, for consecutive ``years``, in one pass.

    The status at the end of year Y is that of the last step (in date order) settled by
    then, its whole date at or before Y; a step whose date may still be after Y's end is
    pending and does not count (as ``standing`` decides). A state that left during Y keeps
    its status of that year before it left; after that year it has none.
    """
    settles: dict[int, int] = {}  # year -> index of the last step settled in that year
    for i, (event, _status) in enumerate(steps):
        settles[event.date.last.year] = i
    left_years = {e.date.first.year for e, s in steps if s == "left"}
    before = _last_before_leaving(steps)
    out: list[str | None] = []
    last = -1
    for year in years:
        last = max(last, settles.get(year, -1))
        status: str | None = steps[last][1] if last >= 0 else None
        if status == "left":
            status = before.get(year) if year in left_years else None
        out.append(status)
    return out


def _last_before_leaving(steps: Sequence[tuple[Event, str]]) -> dict[int, str | None]:
    """Per year that has steps: the status of the last step dated before the year or in
    it, other than leaving (None when there is none)."""
    out: dict[int, str | None] = {}
    previous: str | None = None  # status of the last step of the earlier years
    for event, status in steps:
        year = event.date.first.year
        if year not in out:
            out[year] = previous
        if status != "left":
            out[year] = status
        previous = status
    return out


def _year_changes(steps: Sequence[tuple[Event, str]], years: Sequence[int]) -> list[str | None]:
    """Per year, how the state's status changed in it: ``joined`` (became a member
    state), ``left``, ``associate`` (became an associate member), or None."""
    by_year: dict[int, str] = {}
    for event, status in steps:
        if status in ("left", "associate"):
            by_year[event.date.first.year] = status
        elif status == "member":
            by_year[event.date.first.year] = "joined"
    return [by_year.get(year) for year in years]


class ChartRow(Row, kw_only=True):
    country: Place | None
    spans: tuple[Span, ...]
    years: tuple[int, ...]
    by_year: tuple[str | None, ...]
    changes: tuple[str | None, ...]
    as_of: PartialDate
    source: str


def _ties(keys: Sequence[object]) -> tuple[int, ...]:
    """A tie number per row: rows with equal keys, next to each other, share one."""
    ties: list[int] = []
    for i, key in enumerate(keys):
        ties.append(ties[-1] if i and key == keys[i - 1] else i)
    return tuple(ties)


def membership_chart(base: FactBase) -> Answer:
    """Each state's spans of status, and its status year by year; in the order of the day
    of each state's first step, its name breaking ties in the reader's collation."""
    latest = latest_event(base)
    per_country = {c: _status_steps(e) for c, e in status_events(base).items()}
    per_country = {c: s for c, s in per_country.items() if s}
    if latest is None or not per_country:
        raise NotFoundError("the fact base holds no membership events", key="no_membership_events")
    first_year = min(s[0][0].date.first.year for s in per_country.values())
    years = tuple(range(first_year, latest.date.last.year + 1))
    countries = index(base)
    ordered = sorted(per_country.items(), key=lambda item: item[1][0][0].date.first)
    rows = tuple(
        ChartRow(
            country=place(countries, code),
            spans=_spans(steps),
            years=years,
            by_year=tuple(_by_year(steps, years)),
            changes=tuple(_year_changes(steps, years)),
            as_of=latest.date.start,
            source=steps[-1][0].source,
        )
        for code, steps in ordered
    )
    return Answer(
        kind="chart",
        # every step's source: the marks of earlier years rest on them too
        sources=sources_of(base, [e.source for steps in per_country.values() for e, _ in steps]),
        fields=CHART_FIELDS,
        rows=rows,
        ties=_ties([steps[0][0].date.first for _, steps in ordered]),
        context=ChartContext(first=years[0], last=years[-1], latest=latest),
    )
