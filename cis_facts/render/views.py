"""How each kind of answer looks: title, tables, columns, headers, notes, legend, layout.

A query answers *what*; this module decides *how it reads*, in the chosen language. It
turns an Localized into a View of display strings, which the terminal and markdown renderers
draw without knowing any domain field name. Every word comes from ``cis_facts.i18n``.
"""

# Imported where used: hashlib (OpenSSL, 7 % of `import click`) only for a note without an id.

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from typing import Any, TypeVar

from cis_facts.dates import PartialDate
from cis_facts.frozen import Frozen
from cis_facts.i18n import counted, maybe_word, word
from cis_facts.inert import visible
from cis_facts.model import Country, Event, Lang, note_in
from cis_facts.query.contexts import (
    AskContext,
    ChartContext,
    CiteContext,
    MembersContext,
    PartnersContext,
    Reason,
    SearchContext,
    SumCheck,
    TotalsContext,
)
from cis_facts.render import human
from cis_facts.render.localized import Localized, Record

STATUS_STYLES = (
    "member",
    "associate",
    "left",
    "uncertain",
    "founder",
    "signatory",
    "acceding",
    "changed",
)


class Table(Frozen, kw_only=True):
    """One table of display strings; ``marks`` numbers the note of a row (0: none)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    keys: tuple[str, ...] = ()  # the record field each column shows
    of: tuple[int, ...] = ()  # the position in the view's records of the record each row shows
    heading: str = ""
    styles: tuple[tuple[str, ...], ...] = ()
    groups: tuple[str, ...] = ()  # a group label per row ("" continues the group above)
    bars: tuple[float, ...] = ()  # a proportional bar per row
    marks: tuple[int, ...] = ()
    mark_column: int = 0
    ids: tuple[str, ...] = ()  # the fact id each row shows ("" where none), for --ids


class Chart(Frozen, kw_only=True):
    """A state per row, a mark per year."""

    name_header: str
    names: tuple[str, ...]
    years: tuple[int, ...]
    marks: tuple[tuple[str, ...], ...]  # mark keys: member, associate, joined, left, ...


class Lines(Frozen, kw_only=True):
    """Plain lines of text (a card, a citation)."""

    lines: tuple[str, ...]
    bold_first: bool = False


Block = Table | Chart | Lines


class View(Frozen, kw_only=True):
    """An answer as it reads: everything a human format draws, in one language."""

    title: str
    blocks: tuple[Block, ...]
    records: Sequence[Record]  # what machine formats print
    fields: tuple[str, ...]
    lang: Lang = "en"
    caption: str = ""
    notes: tuple[str, ...] = ()  # numbered notes: row marks point at them
    note_labels: tuple[str, ...] = ()  # each note's footnote label (Markdown), by number
    remarks: tuple[str, ...] = ()  # legends, sums: under the table
    caveats: tuple[str, ...] = ()  # limits of the answer: under the table, else on stderr
    warnings: tuple[str, ...] = ()  # always on stderr
    text: str = ""  # a view that is text to paste (cite) prints this in every human format
    text_is_json: bool = False  # ``text`` is a JSON document (csl-json), escaped for the stream


# ---------------------------------------------------------------- cells


def unit_text(unit: str | None, lang: Lang, value: float | None = None) -> str:
    """The unit in ``lang``; after ``value``, in the form that number takes («3,8 раза»)."""
    if not unit:
        return ""
    number = None if isinstance(value, bool) else value
    text = counted(f"unit.{unit}", number, lang)
    return unit if text == f"unit.{unit}" else text


def cell(record: Record, key: str, lang: Lang) -> str:
    """The display text of ``record[key]``: dates at their precision, names for countries."""
    if key == "unit_text":  # worded as the unit column words the unit
        return cell(record, "unit", lang)
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, str) and record.get(f"{key}_precision"):
        return human.table_iso(value, lang)
    if key == "unit":
        number = record.get("value")
        return unit_text(str(value), lang, number if isinstance(number, int | float) else None)
    return visible(_text(value, key, lang))


def _text(value: Any, key: str, lang: Lang) -> str:
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    if isinstance(value, int | float):
        return human.number(value, lang)
    if isinstance(value, dict):
        return _named(value, lang)
    if isinstance(value, list):
        return ", ".join(_text(v, key, lang) for v in value)
    if key == "status":
        return word(f"status.{value}", lang)
    if key == "unit":
        return unit_text(value, lang)
    if key in ("event_kind", "topic", "measure"):
        return maybe_word(f"{key}.{value}", lang) or str(value)
    if key in ("kind", "flow", "partners", "section"):
        return maybe_word(str(value), lang) or str(value)
    return str(value)


def _named(value: dict[str, Any], lang: Lang) -> str:
    name = value.get("name") or value.get("label") or value.get("id") or ""
    code = value.get("code")
    if code and code != name:
        return f"{name} ({code})"
    date = value.get("date")
    if date and value.get("date_precision"):
        return f"{name} ({human.table_iso(date, lang)})"
    return str(name)


def note_text(record: Record, lang: Lang) -> str | None:
    """The record's note in ``lang`` by the one rule (:func:`cis_facts.model.note_in`)."""
    return note_in(lang, record.get("note"), record.get("note_kk"), record.get("note_ru"))


def _numeric(records: Sequence[Record], key: str) -> bool:
    values = [r.get(key) for r in records if r.get(key) is not None]
    return bool(values) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values
    )


class _Notes:
    """Collects row notes, numbering each distinct text once, and gives each a footnote
    label of its own: the kind of answer, the fact (or what the note is about) and the
    language, ``timeline-georgia-withdrawal-en``, so notes pasted from several outputs
    never share a label."""

    def __init__(self, answer: Localized) -> None:
        self.lang = answer.lang
        self.kind = answer.kind
        self.texts: dict[str, int] = {}
        self.keys: dict[str, str] = {}

    def mark(self, record: Record) -> int:
        text = note_text(record, self.lang)
        if not text:
            return 0
        return self.add(text, str(record.get("id") or ""))

    def add(self, text: str, key: str = "") -> int:
        text = visible(text)
        if text not in self.texts:
            self.keys[text] = key or _digest(text)
        return self.texts.setdefault(text, len(self.texts) + 1)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(self.texts)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(_label(f"{self.kind}-{self.keys[t]}-{self.lang}") for t in self.texts)


def _digest(text: str) -> str:
    """A note's stable key where it has no fact id: the first 10 hex digits of its SHA-1.
    hashlib is imported here, as a note without an id needs it: importing it loads OpenSSL,
    about 7 % of ``import click`` (benchmarks/instructions.py), which most calls never pay."""
    import hashlib

    return hashlib.sha1(text.encode()).hexdigest()[:10]


def _label(text: str) -> str:
    """A footnote label Markdown readers accept: no spaces, brackets or carets."""
    return re.sub(r"[^\w.-]+", "-", text).strip("-")


def table(
    records: Sequence[Record],
    columns: Sequence[str],
    lang: Lang,
    *,
    notes: _Notes | None = None,
    mark_column: str | None = None,
    headers: Mapping[str, str] | None = None,
    cells: Mapping[str, Callable[[Record], str]] | None = None,
    of: Sequence[int] | None = None,
    texts: Mapping[str, Sequence[str]] | None = None,
    **extra: Any,
) -> Table:
    """A Table of ``columns`` over ``records``; a record's note is marked on ``mark_column``.
    ``of`` gives each record's position among the view's records when ``records`` are not
    all of them in order; ``texts``, a column's cells already worded.

    In a view built for a machine format (``view(answer, draw=False)``) the table has its
    columns and no cells: those formats print the records themselves."""
    positions = tuple(of) if of is not None else tuple(range(len(records)))
    if not _DRAW.get():
        records = positions = ()  # a machine format prints the records themselves, not the cells
    cells = cells or {}
    headers = headers or {}
    given = texts if records and texts is not None else {}
    worded: dict[str, list[str]] = {
        c: list(given[c])
        if c in given
        else [cells[c](r) if c in cells else cell(r, c, lang) for r in records]
        for c in columns
    }
    # A column with no value in any row says nothing: leave it out.
    columns = [c for c in columns if any(worded[c])] or list(columns)
    numeric = tuple(_numeric(records, c) for c in columns)
    by_column = [
        human.grouped_like(worded[c], lang) if number else worded[c]
        for c, number in zip(columns, numeric, strict=True)
    ]
    rows = tuple(zip(*by_column, strict=True)) if by_column else tuple(() for _ in records)
    styles = tuple(
        tuple(f"status.{r.get(c)}" if c == "status" else "" for c in columns) for r in records
    )
    marks = tuple(notes.mark(r) for r in records) if notes else ()
    return Table(
        keys=tuple(columns),
        of=positions,
        headers=tuple(headers.get(c) or word(c, lang) for c in columns),
        rows=rows,
        numeric=numeric,
        styles=styles,
        marks=marks,
        mark_column=list(columns).index(mark_column) if mark_column in list(columns) else 0,
        ids=tuple(_row_id(r) for r in records),
        **extra,
    )


def _row_id(record: Record) -> str:
    """The id to cite a row by: its fact's, or for a member state the event its status
    rests on."""
    return str(record.get("id") or record.get("since_event") or "")


def with_ids(view: View) -> View:
    """``--ids``: each table that shows facts gains their ids as its first column."""
    blocks: list[Block] = []
    for block in view.blocks:
        if isinstance(block, Table) and any(block.ids) and "id" not in block.keys:
            block = block.replace(
                keys=("id", *block.keys),
                headers=(word("id", view.lang), *block.headers),
                rows=tuple((i, *row) for i, row in zip(block.ids, block.rows, strict=True)),
                numeric=(False, *block.numeric),
                styles=tuple(("", *row) for row in block.styles),
                mark_column=block.mark_column + 1,
            )
        blocks.append(block)
    return view.replace(blocks=tuple(blocks))


C = TypeVar("C")


def _context(answer: Localized, kind: type[C]) -> C:
    """The answer's context, which the query of this kind of answer always gives."""
    context = answer.context
    if not isinstance(context, kind):
        raise TypeError(f"{answer.kind} answer without its {kind.__name__}")
    return context


def caption(answer: Localized) -> str:
    """``Sources: …`` under a table: each source by its title in the reader's language."""
    if not answer.sources:
        return ""
    titles = [s.title_in(answer.lang) for s in answer.sources]
    key = "caption.source.many" if len(titles) > 1 else "caption.source"
    return word(key, answer.lang, titles="; ".join(titles))


def source_title(answer: Localized, source_id: object) -> str | None:
    """The title, in the reader's language, of the answer's source with this id."""
    found = next((s for s in answer.sources if s.id == source_id), None)
    return found.title_in(answer.lang) if found is not None else None


def _view(answer: Localized, title: str, blocks: Sequence[Block], **extra: Any) -> View:
    notes = extra.pop("notes", None)
    if isinstance(notes, _Notes):
        extra.update(notes=notes.notes, note_labels=notes.labels)
    return View(
        title=title,
        blocks=tuple(blocks),
        records=extra.pop("records", answer.records),
        fields=answer.fields,
        lang=answer.lang,
        caption=extra.pop("caption", caption(answer)),
        **extra,
    )


# ---------------------------------------------------------------- per kind of answer


def _year_of(years: Sequence[int]) -> str:
    if not years:
        return "?"
    return str(years[0]) if len(years) == 1 else f"{years[0]}\u2013{years[-1]}"


def timeline_view(answer: Localized) -> View:
    lang, notes = answer.lang, _Notes(answer)
    columns = ("date", "short", "place", "participants")
    short = {
        "short": lambda r: visible(r.get("short") or r.get("label") or "") + _dagger(r),
        "participants": lambda r: visible(", ".join(c["name"] for c in r["participants"])),
    }
    body = table(
        answer.records,
        columns,
        lang,
        notes=notes,
        mark_column="short",
        cells=short,
        headers={"short": word("label", lang)},
    )
    legend = _document_legend(answer.records, lang)
    return _view(answer, word("title.timeline", lang), [body], notes=notes, remarks=legend)


def figures_view(answer: Localized) -> View:
    lang, notes = answer.lang, _Notes(answer)
    columns = ("label", "value", "unit", "date")
    value = {"value": lambda r: _value(r, lang)}
    groups = _groups(answer.records, "topic", lang)
    body = table(
        answer.records,
        columns,
        lang,
        notes=notes,
        mark_column="label",
        cells=value,
        headers={"label": word("figure.label", lang)},
        groups=groups,
    )
    searched = answer.context if isinstance(answer.context, str) else None
    caveats = (word("figures.searched", lang, topic=searched),) if searched else ()
    return _view(answer, word("title.figures", lang), [body], notes=notes, caveats=caveats)


def statements_view(answer: Localized) -> View:
    lang, notes = answer.lang, _Notes(answer)
    columns: tuple[str, ...] = ("label", "period")
    if not any(r.get("period") for r in answer.records):
        columns = ("label",)
    body = table(
        answer.records,
        columns,
        lang,
        notes=notes,
        mark_column="label",
        headers={"label": word("statement.label", lang)},
        groups=_groups(answer.records, "topic", lang),
    )
    return _view(answer, word("title.statements", lang), [body], notes=notes)


def _groups(records: Sequence[Record], key: str, lang: Lang | None = None) -> tuple[str, ...]:
    """A group label on the first row of each run of equal ``key`` values; with ``lang``,
    a topic's name in that language (the topic id where the tables have no name for it).
    Empty in a view for a machine format, whose tables have no rows."""
    if not _DRAW.get():
        return ()
    groups, previous = [], None
    for record in records:
        label = str(record[key])
        if lang is not None:
            named = word(f"topic.{label}", lang)
            label = label if named == f"topic.{label}" else named
        groups.append(label if record[key] != previous else "")
        previous = record[key]
    return tuple(groups)


def _value(record: Record, lang: Lang) -> str:
    value = record.get("value")
    if value is None:
        return ""
    approx = "≈" if record.get("approximate") else ""
    return approx + human.number(value, lang)


def standing_text(record: Record, lang: Lang) -> str:
    """A ranking as one phrase: ``1st`` / ``1-орын``, ``top 10``, ``≈25 % of world``."""
    parts = []
    if record.get("rank") is not None:
        rank = int(record["rank"])
        parts.append(word("standing.rank", lang, n=rank, ordinal=_english_ordinal(rank)))
    if record.get("top") is not None:
        parts.append(top_text(int(record["top"]), lang))
    if record.get("share") is not None:
        approx = "≈" if record.get("approximate") else ""
        share = approx + human.number(record["share"], lang)
        parts.append(word("world_share", lang, share=share))
    return ", ".join(parts)


def top_text(n: int, lang: Lang) -> str:
    """``top 10``; a language may have its own words for a round number (первая десятка)."""
    return maybe_word(f"standing.top.{n}", lang) or word("standing.top", lang, n=n)


def _english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def resources_view(answer: Localized) -> View:
    lang, notes = answer.lang, _Notes(answer)
    rankings = [r for r in answer.records if r["kind"] == "ranking"]
    reserves = [r for r in answer.records if r["kind"] == "reserve"]
    ranked = [i for i, r in enumerate(answer.records) if r["kind"] == "ranking"]
    reserved = [i for i, r in enumerate(answer.records) if r["kind"] == "reserve"]
    blocks: list[Block] = []
    if rankings:
        standing = {"standing": lambda r: standing_text(r, lang)}
        blocks.append(
            table(
                rankings,
                ("mineral", "standing", "date"),
                lang,
                notes=notes,
                mark_column="mineral",
                cells=standing,
                of=ranked,
            )
        )
    if reserves:
        value = {"value": lambda r: _value(r, lang)}
        blocks.append(
            table(
                reserves,
                ("label", "value", "unit", "date"),
                lang,
                notes=notes,
                mark_column="label",
                cells=value,
                of=reserved,
                headers={"label": word("figure.label", lang)},
                heading=word("title.reserves", lang) if rankings else "",
            )
        )
    title = word("title.resources" if rankings else "title.reserves", lang)
    return _view(answer, title, blocks, notes=notes)


def partners_view(answer: Localized) -> View:
    lang, notes = answer.lang, _Notes(answer)
    context = _context(answer, PartnersContext)
    exports = answer.kind == "exports"
    shown = len(answer.records)
    cut = context.top is not None and shown < context.count
    key = f"title.{answer.kind}" + (".top" if cut else "")
    title = word(key, lang, year=_year_of(context.years), n=shown)
    columns = ("position", "country", "share") if exports else ("position", "country")
    body = table(
        answer.records,
        columns,
        lang,
        notes=notes,
        mark_column="country",
        bars=tuple(float(r.get("share") or 0) for r in answer.records) if exports else (),
    )
    remarks: list[str] = []
    if exports and context.listed_total is not None:
        remarks.append(_share_remark(answer, context, context.listed_total))
    if not exports:
        remarks.append(word("caption.imports", lang))
    return _view(answer, title, [body], notes=notes, remarks=tuple(remarks))


def _share_remark(answer: Localized, context: PartnersContext, total: float) -> str:
    lang = answer.lang
    shares = [float(r["share"]) for r in answer.records if r.get("share") is not None]
    rest = human.number(round(100 - total, 1), lang)
    if context.top is not None and len(answer.records) < context.count:
        return word(
            "share_note.top",
            lang,
            shown=len(answer.records),
            total=human.number(round(sum(shares), 1), lang),
            count=context.count,
            all=human.number(total, lang),
            rest=rest,
        )
    return word("share_note", lang, count=context.count, total=human.number(total, lang), rest=rest)


def sum_check_text(check: SumCheck | None, lang: Lang) -> str:
    if check is None:
        return ""
    what = word(f"sum.{check.parts}", lang)
    total = _computed(check.total, lang)
    if check.ok:
        return word("sum.ok", lang, what=what, total=total)
    diff = check.total - check.stated
    return word(
        "sum.mismatch",
        lang,
        what=what,
        total=total,
        stated=human.number(check.stated, lang),
        diff=("+" if diff >= 0 else human.MINUS) + _computed(abs(round(diff, 1)), lang),
    )


def _computed(value: float, lang: Lang) -> str:
    """A number the check works out (a sum, a difference), not one the data states: a
    whole one without decimals (``300``, not ``300.0``)."""
    return human.number(int(value) if float(value).is_integer() else value, lang)


def totals_view(answer: Localized) -> View:
    lang, notes = answer.lang, _Notes(answer)
    context = _context(answer, TotalsContext)
    checks = context.checks
    by_id = {r["id"]: c for r, c in zip(answer.records, checks, strict=True)}
    # The check is a phrase to read: in the reader's language, in machine formats too.
    records = tuple(
        {**r, "sum_check": sum_check_text(c, lang) or None}
        for r, c in zip(answer.records, checks, strict=True)
    )
    columns = ("partners", "flow", "value", "unit", "growth", "growth_base", "sum_check")
    check_cell = {"sum_check": lambda r: sum_check_text(by_id.get(r["id"]), lang)}
    body = table(records, columns, lang, notes=notes, mark_column="flow", cells=check_cell)
    mismatches = tuple(sum_check_text(c, lang) for c in checks if c is not None and not c.ok)
    title = word("title.totals", lang, year=_year_of(context.years))
    return _view(answer, title, [body], notes=notes, remarks=mismatches, records=records)


def members_view(answer: Localized) -> View:
    lang, context = answer.lang, _context(answer, MembersContext)
    notes = _Notes(answer)
    on, latest, pending = context.on, context.latest, context.pending
    marks = []
    for record in answer.records:
        event = pending.get(record["country"]["code"])
        if event is None or record["certain"]:
            marks.append(0)
            continue
        marks.append(notes.add(_uncertain_text(event, on, lang), f"{event.id}-{on.iso()}"))
    records = tuple(
        {**r, "reason": _row_reason(r, context, lang)}
        if r.get("certain")
        else _noted_in(r, pending.get(r["country"]["code"]), on, lang)
        for r in answer.records
    )
    columns: tuple[str, ...] = ("country", "status", "since", "reason")
    if context.include_former:
        columns = ("country", "status", "since", "left", "reason")
    marked = {"reason": lambda r: _reason_cell(r, context, lang)}
    body = table(records, columns, lang, cells=marked).replace(marks=tuple(marks), mark_column=1)
    remarks: tuple[str, ...] = ()  # machine formats carry the date in each record's as_of
    remarks = _document_legend(records, lang)
    warnings: tuple[str, ...] = ()
    latest_text = human.long_when(latest.date, lang)
    if context.defaulted:
        remarks = (*remarks, word("note.as_of", lang, date=latest_text, event=latest.short(lang)))
    elif context.after_latest:
        when = _long_date(on, lang)
        warnings = (
            word("after_latest", lang, date=when, latest=latest_text, event=latest.short(lang)),
        )
    title = word("title.members", lang, date=_long_date(on, lang))
    return _view(
        answer,
        title,
        [body],
        notes=notes,
        remarks=remarks,
        warnings=warnings,
        records=records,
    )


def _reason_cell(record: Record, context: MembersContext, lang: Lang) -> str:
    """The reason with its mark, then the later act that left the status as it was."""
    text = record.get("reason") or ""
    if text:
        text += _dagger(record)
    later = context.later.get(record["country"]["code"])
    if later is None or not text:
        return text
    when = human.table_when(later.date, lang)
    after = word("reason.later", lang, event=later.short(lang), date=when)
    return f"{text}; {after}{_dagger(record['latest'])}"


def _noted_in(record: Record, event: Event | None, on: PartialDate, lang: Lang) -> Record:
    """An uncertain row with its note in the reader's language, as its reason is."""
    if event is None:
        return record
    return {**record, "note": _uncertain_text(event, on, lang)}


def _long_date(date: PartialDate, lang: Lang) -> str:
    """A date outside a table cell, its month in full: «18 августа 2009 г.»."""
    from cis_facts.dates import When

    return human.long_when(When(start=date), lang)


def _uncertain_text(event: Event, on: PartialDate, lang: Lang) -> str:
    when = human.long_when(event.date, lang)
    if on.precision == "day":
        return word("uncertain", lang, event=event.short(lang), when=when, day=_long_date(on, lang))
    period = _long_date(on, lang)
    return word("uncertain.period", lang, event=event.short(lang), when=when, period=period)


def _row_reason(record: Record, context: MembersContext, lang: Lang) -> str | None:
    """The reason: the changes inside the period, or why the status holds."""
    code = record["country"]["code"]
    changes = context.changes.get(code)
    if changes:
        text = "; ".join(
            word(
                "reason.change",
                lang,
                status=word(f"status.{c.after}", lang),
                date=human.table_when(c.event.date, lang),
                event=c.event.short(lang),
            )
            for c in changes
        )
    else:
        text = _reason_text(context.reasons.get(code), lang) or ""
    return text or None


def _reason_text(reason: Reason | None, lang: Lang) -> str | None:
    """Why a state has its status, worded: the event, and for a founding state the Charter."""
    if reason is None:
        return None
    charter = human.table_when(reason.charter, lang) if reason.charter is not None else ""
    return word(
        f"reason.{reason.kind}",
        lang,
        event=reason.event.short(lang),
        date=human.table_when(reason.event.date, lang),
        charter=charter,
    )


CHART_MARKS = ("member", "associate", "joined", "associate_change", "left", "none")


def chart_view(answer: Localized) -> View:
    lang = answer.lang
    context = _context(answer, ChartContext)
    first, last = context.first, context.last
    rows = []
    for record in answer.records:
        marks = []
        for status, change in zip(record["by_year"], record["changes"], strict=True):
            if change == "associate":
                marks.append("associate_change")
            elif change in ("joined", "left"):
                marks.append(change)
            else:
                marks.append(_CHART_STATUS.get(status or "", "none"))
        rows.append(tuple(marks))
    chart = Chart(
        name_header=word("country", lang),
        names=tuple(cell(r, "country", lang) for r in answer.records),
        years=tuple(range(first, last + 1)),
        marks=tuple(rows),
    )
    legend = tuple(f"{{mark:{key}}} {word(f'chart.{key}', lang)}" for key in _LEGEND_KEYS)
    latest = human.long_when(context.latest.date, lang)
    return _view(
        answer,
        word("title.chart", lang, first=first, last=last),
        [chart],
        # Machine formats carry the date in each record's as_of; the note is for people.
        remarks=(
            "   ".join(legend),
            word("note.as_of", lang, date=latest, event=context.latest.short(lang)),
        ),
    )


_CHART_STATUS = {
    "member": "member",
    "founder": "founder",
    "signatory": "signatory",
    "acceding": "acceding",
    "associate": "associate",
}
_LEGEND_KEYS = (
    "member",
    "founder",
    "signatory",
    "acceding",
    "associate",
    "joined",
    "became_associate",
    "left",
    "none",
)


def search_view(answer: Localized) -> View:
    lang = answer.lang
    cells = {
        "matched": lambda r: ", ".join(
            maybe_word(f"matched.{m}", lang) or str(m) for m in r.get("matched") or ()
        ),
        "value": lambda r: _value_with_unit(r, lang),
    }
    body = table(
        answer.records,
        ("id", "label", "value", "date"),
        lang,
        headers={"label": word("fact", lang)},
        cells=cells,
    )
    searched = _context(answer, SearchContext)
    title = word("title.search", lang, query=searched.query)
    view = _view(answer, title, [body])
    if searched.total > len(answer.records):
        more = word("search.more", lang, shown=len(answer.records), total=searched.total)
        view = view.replace(warnings=(*view.warnings, more))
    return view


def country_view(answer: Localized) -> View:
    lang, notes = answer.lang, _Notes(answer)
    country = _context(answer, Country)
    facts = [r for r in answer.records if r["section"] != "names"]
    positions = [i for i, r in enumerate(answer.records) if r["section"] != "names"]
    # Aliases (spelling variants, codes, old names) are what search accepts, not names to
    # print: the card shows the standard name in each language.
    card = [" · ".join(dict.fromkeys((country.name_en, country.name_kk, country.name_ru)))]
    if country.iso3 and country.m49 and country.wikidata:
        codes = f"{country.code}, {country.iso3}, {country.m49}"
        card.append(word("card.codes", lang, codes=codes, qid=country.wikidata))
    status = _status_line([r for r in facts if r["section"] == "event"], lang)
    if status:
        card.append(status)
    blocks: list[Block] = [Lines(lines=tuple(visible(line) for line in card))]
    groups, previous = [], None
    for record in facts:
        heading = word(f"section.{record['section']}", lang)
        groups.append(heading if record["section"] != previous else "")
        previous = record["section"]
    label = {
        "label": lambda r: _fact_label(r, lang),
        "value": lambda r: _value_with_unit(r, lang),
    }
    if facts:
        blocks.append(
            table(
                facts,
                ("label", "date", "value"),
                lang,
                notes=notes,
                mark_column="label",
                cells=label,
                of=positions,
                headers={"label": word("fact", lang)},
                groups=tuple(groups),
            )
        )
    title = word("title.country", lang, name=country.name(lang), code=country.code)
    legend = _document_legend(facts, lang)
    return _view(answer, title, blocks, notes=notes, remarks=legend)


def figure_text(record: Record, lang: Lang) -> str | None:
    """A fact's figure in one line, as the tables word it: a ranking's standing; else its
    value and unit, share and position (``≈25 USD million``, ``18.7 %``, ``#1``)."""
    if record.get("kind") == "ranking":
        return standing_text(record, lang) or None
    parts = []
    if record.get("value") is not None:
        approx = "≈" if record.get("approximate") else ""
        unit = unit_text(record.get("unit"), lang)
        parts.append(f"{approx}{cell(record, 'value', lang)} {unit}".strip())
    if record.get("share") is not None:
        parts.append(f"{cell(record, 'share', lang)} %")
    if record.get("position") is not None:
        parts.append(f"#{cell(record, 'position', lang)}")
    return ", ".join(parts) or None


def _value_with_unit(record: Record, lang: Lang) -> str:
    """``15.5 %``, ``1st``, ``top 10``, ``#6``: a profile row's figure in one cell (a place
    is a world rank in a ranking, a position among partners in a trade list)."""
    value, unit, section = record.get("value"), record.get("unit"), record.get("section")
    if value is not None and unit == "place" and section == "ranking":
        return word("standing.rank", lang, n=int(value), ordinal=_english_ordinal(int(value)))
    if value is not None and unit == "top":
        return top_text(int(value), lang)
    if value is not None and unit == "place" and section in ("export", "import"):
        return word("position.n", lang, n=int(value))
    number = value if isinstance(value, int | float) else None
    return "\u00a0".join(t for t in (_value(record, lang), unit_text(unit, lang, number)) if t)


def _fact_label(record: Record, lang: Lang) -> str:
    return visible(str(record.get("label") or "")) + _dagger(record)


def _dagger(record: Record) -> str:
    """The mark of a record that rests on a named document, not on the text."""
    return " †" if record.get("from_text") is False else ""


def _document_legend(records: Sequence[Record], lang: Lang) -> tuple[str, ...]:
    return (word("from_document", lang),) if any(_dagger(r) for r in records) else ()


def _running_date(record: Record | None, lang: Lang) -> str:
    """The record's date as running text writes it, its month in full («10 декабря
    1991 г.»); abbreviated months are for table cells."""
    if record is None or not record.get("date"):
        return "?"
    from cis_facts.dates import parse_when

    return human.long_when(parse_when(str(record["date"])), lang)


def _status_line(events: Sequence[Record], lang: Lang) -> str:
    """The state's membership now: ``associate member since 26 Aug 2005``."""
    changes = sorted(
        (r for r in events if r.get("status") and r.get("date")), key=lambda r: r["date"]
    )
    if not changes:
        return ""
    last = changes[-1]
    if last["status"] == "left":
        joined = next((r for r in changes if r["status"] in ("acceding", "member")), None)
        since = _running_date(joined, lang)
        return word("card.status.left", lang, since=since, left=_running_date(last, lang))
    began = last
    for record in reversed(changes):  # the first event of the last run of this status
        if record["status"] != last["status"]:
            break
        began = record
    status = word(f"status.{last['status']}", lang)
    return word("card.status", lang, status=status, date=_running_date(began, lang))


# Fields show words itself: the source and correction by title, the note in --lang.
SHOW_WORDED = frozenset(
    {
        "label",
        "source",
        "note",
        "note_source",
        "source_title",
        "note_source_title",
        "quote_en",
        "quote_kk",
        "quote_ru",
        "quote_translator",
        "changed",
        "change",
    }
)
# Fields held once per language (label_en, place_kk, ...): show gives the one in --lang.
SHOW_PER_LANGUAGE = ("label", "note", "place", "short", "mineral", "period")


def _per_language(key: str) -> str | None:
    """``place`` for ``place_en``/``place_kk``/``place_ru``; None for other fields."""
    base, _, suffix = key.rpartition("_")
    return base if base in SHOW_PER_LANGUAGE and len(suffix) == 2 else None


def _show_rows(answer: Localized, record: Record, lang: Lang) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    done: set[str] = set()
    for key in answer.fields:
        base = _per_language(key)
        if base is not None and base not in SHOW_WORDED and base not in done:
            done.add(base)
            text = record.get(f"{base}_{lang}") or record.get(f"{base}_en")
            if text:
                rows.append((word(base, lang), visible(str(text))))
            continue
        if base is not None or key in SHOW_WORDED or key.endswith("_precision"):
            continue
        text = cell(record, key, lang)
        if text:
            header = maybe_word(f"{key}.{record.get('kind')}", lang) or word(key, lang)
            rows.append((header, text))
        if key == "quote":
            rows.extend(translation_rows(record, lang))
    return rows


def translation_rows(record: Record, lang: Lang) -> list[tuple[str, str]]:
    """The quote's translation into ``lang`` beside it, credited to its translator."""
    text = record.get(f"quote_{lang}")
    translator = record.get("quote_translator")
    if not text or not translator:
        return []
    return [(word("quote_translation", lang, translator=translator), visible(str(text)))]


def show_view(answer: Localized) -> View:
    lang = answer.lang
    record = answer.records[0]
    rows = _show_rows(answer, record, lang)
    rows.insert(1, (word("fact", lang), visible(str(record.get("label") or ""))))
    note = note_text(record, lang)
    if note:
        rows.append((word("note", lang), visible(note)))
    for key, title_key in (("note_source", "note_source_title"), ("source", "source_title")):
        title = source_title(answer, record.get(key)) or record.get(title_key)
        if title:
            rows.append((word(key, lang), visible(str(title))))
    if record.get("changed"):
        how = word(f"change.{record.get('change')}", lang)
        rows.append((word("changed", lang), f"cis-facts {record['changed']} ({how})"))
    body = Table(
        headers=("", ""),
        rows=tuple(rows),
        numeric=(False, False),
        heading="",
    )
    kind = maybe_word(str(record.get("kind")), lang) or str(record.get("kind"))
    title = word("show.title", lang, kind=kind[:1].upper() + kind[1:], id=record.get("id"))
    return _view(answer, title, [body], caption="")


def ask_view(answer: Localized) -> View:
    """The answering fact's sentence, its quote (and the quote's translation into the
    answer's language, where the base has one), and where to read more."""
    from cis_facts.render import cite

    lang, asked = answer.lang, _context(answer, AskContext)
    fact, source = asked.fact, asked.source
    translated: str | None = getattr(fact, f"quote_{lang}", None)
    if source is not None and source.language == lang:
        translated = None
    record = {
        **answer.records[0],
        "sentence": cite.sentence(fact, asked.countries, lang),
        "translation": translated,
        "translation_lang": lang if translated else None,
    }
    lines = [record["sentence"], f"{word('quote', lang)}: {human.guillemets(fact.quote)}"]
    if translated:
        lines.append(f"{word('ask.translation', lang)}: {translated}")
    if source is not None:
        lines.append(f"{word('source', lang)}: {source.title_in(lang)}")
    lines.append(word("ask.more", lang, id=fact.id))
    text = "\n".join(visible(line) for line in lines)
    return _view(answer, asked.question, [Lines(lines=tuple(lines))], text=text, records=(record,))


def cite_view(answer: Localized) -> View:
    from cis_facts.render import cite

    text, fields = cite.parts(answer)
    records = tuple({**r, **f} for r, f in zip(answer.records, fields, strict=True))
    return _view(
        answer,
        ", ".join(str(r["id"]) for r in records),
        [Lines(lines=(text,))],
        text=text,
        text_is_json=_context(answer, CiteContext).style == "csl-json",
        records=records,
        caption="",  # the citation lists its sources in full
    )


VIEWS: dict[str, Callable[[Localized], View]] = {
    "timeline": timeline_view,
    "figures": figures_view,
    "statements": statements_view,
    "resources": resources_view,
    "exports": partners_view,
    "imports": partners_view,
    "totals": totals_view,
    "members": members_view,
    "chart": chart_view,
    "search": search_view,
    "country": country_view,
    "show": show_view,
    "cite": cite_view,
    "ask": ask_view,
}


# Whether the view being built draws its tables' cells (see ``view``).
_DRAW: ContextVar[bool] = ContextVar("draw", default=True)


def view(answer: Localized, *, draw: bool = True) -> View:
    """The View of ``answer`` in its language. With ``draw`` false, for a format that
    prints records (json, jsonl, csv, tsv, plain), its tables get no cells: at 100,000
    records that is about a second of work no one reads."""
    token = _DRAW.set(draw)
    try:
        return VIEWS[answer.kind](answer)
    finally:
        _DRAW.reset(token)


def for_machines(shown: View) -> View:
    """The view with its records as machine formats and templates print them (tables word
    their own cells). Codes and numbers are the same in every language, ``unit`` among
    them; text for reading follows the view's language: ``unit_text`` is the unit as the
    tables word it after the value, and a ranking's ``standing`` is phrased in that
    language as the table phrases it."""
    lang = shown.lang
    if "unit_text" not in shown.fields and "standing" not in shown.fields:
        return shown
    records = []
    for record in shown.records:
        worded = dict(record)
        if "unit_text" in shown.fields:
            number = record.get("value")
            value = number if isinstance(number, int | float) else None
            worded["unit_text"] = unit_text(record.get("unit"), lang, value) or None
        if "standing" in shown.fields:
            ranked = record.get("kind") == "ranking"
            worded["standing"] = standing_text(record, lang) if ranked else None
        records.append(worded)
    return shown.replace(records=tuple(records))


def with_columns(view: View, fields: Sequence[str]) -> View:
    """The view as one table of the asked fields, with headers in the view's language."""
    own: dict[str, str] = {}
    worded: dict[tuple[int, str], str] = {}  # the view's own wording of a cell, in --lang
    for block in view.blocks:
        if isinstance(block, Table):
            for key, header in zip(block.keys, block.headers, strict=False):
                own.setdefault(key, header)
            for position, row in zip(block.of, block.rows, strict=False):
                pairs = zip(block.keys, row, strict=True)
                worded.update({(position, key): text for key, text in pairs})
    records = view.records
    texts = {
        key: [worded.get((i, key)) or cell(r, key, view.lang) for i, r in enumerate(records)]
        for key in fields
    }
    body = table(records, fields, view.lang, headers=own, texts=texts)
    return view.replace(blocks=(body,), notes=(), note_labels=(), text="")
