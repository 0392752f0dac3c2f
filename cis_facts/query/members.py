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

from collections.abc import Mapping, Sequence
from typing import Any

from cis_facts.answer import Answer, Record, country_obj, date_fields, sources_of
from cis_facts.collate import sort_key
from cis_facts.dates import PartialDate, When
from cis_facts.errors import NotFoundError
from cis_facts.frozen import Frozen
from cis_facts.model import Event, FactBase, Lang
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


class Change(Frozen):
    """A change of status dated inside the period asked about."""

    before: str | None
    after: str | None
    event: Event


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


def _founding_acts(events: Sequence[Event], lang: Lang) -> list[Record]:
    return [
        {"id": e.id, "name": e.short(lang), **date_fields("date", e.date)}
        for e in events
        if e.kind == "founding"
    ]


def _changes(state: Standing, lang: Lang) -> list[Record]:
    return [
        {
            "from": c.before,
            "to": c.after,
            "event": c.event.id,
            "name": c.event.short(lang),
            **date_fields("date", c.event.date),
        }
        for c in state.changes
    ]


def _row_status(state: Standing) -> str | None:
    if state.pending:
        return "uncertain"
    return "changed" if state.changes else state.status


def _uncertain_note(pending: Sequence[Event], on: PartialDate) -> str:
    """Why the status is open, as machine formats carry it (English)."""
    event = pending[0]
    if on.precision == "day":
        return (
            f"{event.short('en')} is dated {event.date.human()} only; the base cannot tell "
            f"whether it had happened by {on.human()}"
        )
    return (
        f"{event.short('en')} is dated {event.date.human()} only; the base cannot tell "
        f"whether it happened before, during or after {on.human()}"
    )


def _record(
    base: FactBase, code: str, events: Sequence[Event], state: Standing, on: PartialDate, lang: Lang
) -> Record:
    certain = not state.pending
    since = basis(state)
    if since is None and state.pending:
        since = state.pending[0]
    cited = since or state.pending[0]
    later = later_act(state)
    record: Record = {
        "country": country_obj(index(base), code, lang),
        "status": _row_status(state),
        "certain": certain,
    }
    record.update(date_fields("since", since.date if since else None))
    record["since_event"] = since.id if since else None
    record["changes"] = _changes(state, lang)
    record["founding_acts"] = _founding_acts(events, lang)
    record.update(date_fields("left", state.left.date if state.left else None))
    record["reason"] = since.short(lang) if since is not None and certain else None
    record["note"] = None if certain else _uncertain_note(state.pending, on)
    record["as_of"] = on.iso()
    record["as_of_precision"] = on.precision
    record["source"] = cited.source
    record["from_text"] = base.from_text(cited.source)
    record["latest"] = (
        None
        if later is None
        else {
            "id": later.id,
            "name": later.short(lang),
            **date_fields("date", later.date),
            "source": later.source,
            "from_text": base.from_text(later.source),
        }
    )
    return record


def _shown(state: Standing, wanted: set[str]) -> bool:
    statuses = {state.status, *(c.before for c in state.changes), *(c.after for c in state.changes)}
    if statuses & wanted:
        return True
    return bool(state.pending) and state.status != "left"


def members(base: FactBase, on: PartialDate | None, include_former: bool, lang: Lang) -> Answer:
    """Members and associate members on ``on``, a day, a month or a year (default: the
    day of the latest membership event)."""
    latest = latest_event(base)
    if latest is None:
        raise NotFoundError("the fact base holds no membership events")
    defaulted = on is None
    if on is None:
        on = latest.date.start
    wanted = {"member", "founder", "signatory", "acceding", "associate"}
    wanted |= {"left"} if include_former else set()
    records = []
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
        records.append(_record(base, code, events, state, on, lang))
    if not records:
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
    records.sort(
        key=lambda r: (order[r["status"]], r["since"] or "", sort_key(r["country"]["name"], lang))
    )
    return Answer(
        kind="members",
        lang=lang,
        # the later acts' sources too: the table cites them after the reasons
        sources=sources_of(
            base,
            [r["source"] for r in records]
            + [r["latest"]["source"] for r in records if r["latest"]],
        ),
        fields=FIELDS,
        records=tuple(records),
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


def _spans(steps: Sequence[tuple[Event, str]]) -> list[Record]:
    spans: list[Record] = []
    for (event, status), following in zip(steps, [*steps[1:], None], strict=True):
        if status == "left":
            continue
        span: Record = {"status": status}
        span.update(date_fields("start", event.date))
        span.update(date_fields("end", following[0].date if following else None))
        spans.append(span)
    return spans


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


def membership_chart(base: FactBase, lang: Lang) -> Answer:
    """Each state's spans of status, and its status year by year."""
    latest = latest_event(base)
    per_country = {c: _status_steps(e) for c, e in status_events(base).items()}
    per_country = {c: s for c, s in per_country.items() if s}
    if latest is None or not per_country:
        raise NotFoundError("the fact base holds no membership events")
    first_year = min(s[0][0].date.first.year for s in per_country.values())
    years = list(range(first_year, latest.date.last.year + 1))
    countries = index(base)
    records: list[Record] = []

    def order(item: tuple[str, list[tuple[Event, str]]]) -> tuple[Any, ...]:
        """By the day of the state's first step, then by its name as the chart shows it."""
        code, steps = item
        shown = country_obj(countries, code, lang) or {}
        return (steps[0][0].date.first, sort_key(shown.get("name", code), lang))

    for code, steps in sorted(per_country.items(), key=order):
        records.append(
            {
                "country": country_obj(countries, code, lang),
                "spans": _spans(steps),
                "years": years,
                "by_year": _by_year(steps, years),
                "changes": _year_changes(steps, years),
                "as_of": latest.date.start.iso(),
                "as_of_precision": latest.date.start.precision,
                "source": steps[-1][0].source,
            }
        )
    return Answer(
        kind="chart",
        lang=lang,
        # every step's source: the marks of earlier years rest on them too
        sources=sources_of(base, [e.source for steps in per_country.values() for e, _ in steps]),
        fields=CHART_FIELDS,
        records=tuple(records),
        context=ChartContext(first=years[0], last=years[-1], latest=latest),
    )
