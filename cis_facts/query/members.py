"""Who was a member or associate member of the CIS on a date, and the membership chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cis_facts.answer import Answer, Record, country_obj, date_fields, source_titles
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
    "founding_acts",
    "left",
    "left_precision",
    "reason",
    "note",
    "as_of",
    "as_of_precision",
    "source",
)


class Standing(Frozen):
    """One country's status on a date, and whether the date's precision settles it."""

    status: str | None
    since: Event | None
    left: Event | None
    pending: tuple[Event, ...]  # events that may or may not have happened by the date


def status_events(base: FactBase) -> dict[str, list[Event]]:
    """Events that change membership, per country, in date order."""
    per_country: dict[str, list[Event]] = {}
    for event in sorted((e for e in base.events if e.status), key=lambda e: e.date.first):
        for code in event.participants:
            per_country.setdefault(code, []).append(event)
    return per_country


def latest_date(base: FactBase) -> When | None:
    """The date of the latest membership event: the end of what the base knows."""
    dated = [e.date for e in base.events if e.status]
    return max(dated, key=lambda w: w.last) if dated else None


def standing(events: Sequence[Event], on: PartialDate) -> Standing:
    status: str | None = None
    since: Event | None = None
    left: Event | None = None
    pending: list[Event] = []
    for event in events:
        if event.date.first > on.last:
            break
        if event.date.last > on.first:
            pending.append(event)
            continue
        if event.status != status:
            status, since = event.status, event
        if event.status == "left":
            left = event
    return Standing(status, since, left, tuple(pending))


def _uncertain_note(pending: Sequence[Event], on: PartialDate) -> str:
    """Why the status is open, as machine formats carry it (English)."""
    event = pending[0]
    return (
        f"{event.short('en')} is dated {event.date.human()} only; the base cannot tell "
        f"whether it had happened by {on.human()}"
    )


def charter_date(base: FactBase) -> When | None:
    """The date of the Charter, which defines member states: the first ``charter`` event
    that makes its participants members."""
    dates = [e.date for e in base.events if e.kind == "charter" and e.status == "member"]
    return min(dates, key=lambda w: w.first) if dates else None


class Reason(Frozen):
    """Why a state has its status: the event that gave it, and for a founding state
    whether the Charter existed yet (``before``) or was never taken on (``after``)."""

    kind: str  # event | founder_before | founder_after
    event: Event
    charter: When | None = None


class MembersContext(Frozen, kw_only=True):
    """What the members view words: the date asked about and why each status holds."""

    on: PartialDate
    defaulted: bool  # no --on: the latest membership event
    latest: When
    include_former: bool
    pending: Mapping[str, Event]  # per country, the event the date falls inside
    reasons: Mapping[str, Reason]

    @property
    def after_latest(self) -> bool:
        return self.on.first > self.latest.last


class ChartContext(Frozen, kw_only=True):
    first: int
    last: int
    latest: When


def reason(state: Standing, charter: When | None, on: PartialDate) -> Reason | None:
    """Why the state has its status on ``on``; the presentation layer words it."""
    event = state.since
    if event is None:
        return None
    if event.status == "founder" and charter is not None:
        kind = "founder_before" if on.last < charter.first else "founder_after"
        return Reason(kind, event, charter)
    return Reason("event", event)


def _record(
    base: FactBase,
    code: str,
    events: Sequence[Event],
    state: Standing,
    on: PartialDate,
    lang: Lang,
    why: Reason | None,
) -> Record:
    countries = index(base)
    certain = not state.pending
    status = state.status if certain else "uncertain"
    founding = [
        {"id": e.id, "name": e.short(lang), **date_fields("date", e.date)}
        for e in events
        if e.kind == "founding"
    ]
    record: Record = {
        "country": country_obj(countries, code, lang),
        "status": status,
        "certain": certain,
    }
    since = state.since if state.status != "left" else _joined(events, state.left)
    if not certain and since is None:
        since = state.pending[0]
    record.update(date_fields("since", since.date if since else None))
    record["since_event"] = since.id if since else None
    record["founding_acts"] = founding
    record.update(date_fields("left", state.left.date if state.left else None))
    record["reason"] = why.event.short(lang) if why is not None and certain else None
    record["note"] = None if certain else _uncertain_note(state.pending, on)
    record["as_of"] = on.iso()
    record["as_of_precision"] = on.precision
    record["source"] = (state.since or state.pending[0]).source
    return record


def _joined(events: Sequence[Event], left: Event | None) -> Event | None:
    joined = [e for e in events if e.status == "member" and left and e.date.first < left.date.first]
    return joined[0] if joined else None


def members(base: FactBase, on: PartialDate | None, include_former: bool, lang: Lang) -> Answer:
    """Members and associate members on ``on`` (default: the latest membership event)."""
    latest = latest_date(base)
    if latest is None:
        raise NotFoundError("the fact base holds no membership events")
    defaulted = on is None
    if on is None:
        on = latest.start
    wanted = {"member", "founder", "signatory", "associate"}
    wanted |= {"left"} if include_former else set()
    records = []
    pending: dict[str, Event] = {}
    reasons: dict[str, Reason] = {}
    charter = charter_date(base)
    for code, events in status_events(base).items():
        state = standing(events, on)
        if state.pending:
            pending[code] = state.pending[0]
        why = reason(state, charter, on) if not state.pending else None
        if why is not None:
            reasons[code] = why
        if state.status in wanted or (state.pending and state.status != "left"):
            records.append(_record(base, code, events, state, on, lang, why))
    if not records:
        raise NotFoundError(
            f"no state was a member of the CIS on {on.iso()}", key="no_member", date=on.iso()
        )
    order = {"member": 0, "uncertain": 1, "founder": 2, "signatory": 3, "associate": 4, "left": 5}
    records.sort(
        key=lambda r: (order[r["status"]], r["since"] or "", sort_key(r["country"]["name"], lang))
    )
    return Answer(
        kind="members",
        lang=lang,
        source_titles=source_titles(base, [r["source"] for r in records]),
        fields=FIELDS,
        records=tuple(records),
        context=MembersContext(
            on=on,
            defaulted=defaulted,
            latest=latest,
            include_former=include_former,
            pending=pending,
            reasons=reasons,
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


def _spans(events: Sequence[Event]) -> list[Record]:
    spans: list[Record] = []
    for event, following in zip(events, [*events[1:], None], strict=True):
        if event.status == "left":
            continue
        span: Record = {"status": event.status}
        span.update(date_fields("start", event.date))
        span.update(date_fields("end", following.date if following else None))
        spans.append(span)
    return spans


def _by_year(events: Sequence[Event], years: Sequence[int]) -> list[str | None]:
    """Each year's status at its end, for consecutive ``years``, in one pass.

    The status at the end of year Y is that of the last event (in date order) settled by
    then, its whole date at or before Y; an event whose date may still be after Y's end is
    pending and does not count (as ``standing`` decides). A state that left during Y keeps
    its status of that year before it left; after that year it has none.
    """
    settles: dict[int, int] = {}  # year -> index of the last event settled in that year
    for i, event in enumerate(events):
        settles[event.date.last.year] = i
    left_years = {e.date.first.year for e in events if e.status == "left"}
    before = _last_before_leaving(events)
    out: list[str | None] = []
    last = -1
    for year in years:
        last = max(last, settles.get(year, -1))
        status: str | None = events[last].status if last >= 0 else None
        if status == "left":
            status = before.get(year) if year in left_years else None
        out.append(status)
    return out


def _last_before_leaving(events: Sequence[Event]) -> dict[int, str | None]:
    """Per year that has events: the status of the last event dated before the year or in
    it, other than leaving (None when there is none)."""
    out: dict[int, str | None] = {}
    previous: str | None = None  # status of the last event of the earlier years
    for event in events:
        year = event.date.first.year
        if year not in out:
            out[year] = previous
        if event.status != "left":
            out[year] = event.status
        previous = event.status
    return out


def _changes(events: Sequence[Event], years: Sequence[int]) -> list[str | None]:
    """Per year, how the state's status changed in it: ``joined`` (joined, or became a
    member state), ``left``, ``associate`` (became an associate member), or None."""
    by_year: dict[int, str] = {}
    status: str | None = None
    for event in events:
        if event.status != status:
            if event.status in ("left", "associate"):
                by_year[event.date.first.year] = str(event.status)
            elif event.status in ("member", "founder"):
                by_year[event.date.first.year] = "joined"
        status = event.status
    return [by_year.get(year) for year in years]


def membership_chart(base: FactBase, lang: Lang) -> Answer:
    """Each state's spans as member or associate, and its status year by year."""
    latest = latest_date(base)
    per_country = status_events(base)
    if latest is None or not per_country:
        raise NotFoundError("the fact base holds no membership events")
    first_year = min(e[0].date.first.year for e in per_country.values())
    years = list(range(first_year, latest.last.year + 1))
    countries = index(base)
    records: list[Record] = []
    for code, events in sorted(
        per_country.items(), key=lambda item: (item[1][0].date.first, item[0])
    ):
        records.append(
            {
                "country": country_obj(countries, code, lang),
                "spans": _spans(events),
                "years": years,
                "by_year": _by_year(events, years),
                "changes": _changes(events, years),
                "as_of": latest.start.iso(),
                "as_of_precision": latest.start.precision,
                "source": events[0].source,
            }
        )
    return Answer(
        kind="chart",
        lang=lang,
        source_titles=source_titles(base, [r["source"] for r in records]),
        fields=CHART_FIELDS,
        records=tuple(records),
        context=ChartContext(first=years[0], last=years[-1], latest=latest),
    )
