"""Kazakhstan's export buyers, import suppliers and trade totals, with their sums checked."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence

from cis_facts.answer import Answer, Place, Row, Worded, place, sources_of
from cis_facts.dates import When
from cis_facts.errors import NotFoundError
from cis_facts.model import FactBase, ShareFlow, TradeShare, TradeTotal
from cis_facts.query.contexts import PartnersContext, SumCheck, TotalsContext
from cis_facts.query.countries import index

SHARE_FIELDS = (
    "position",
    "country",
    "share",
    "date",
    "date_precision",
    "id",
    "source",
    "quote",
    "note",
)
TOTAL_FIELDS = (
    "partners",
    "flow",
    "value",
    "unit",
    "unit_text",
    "growth",
    "growth_base",
    "growth_base_precision",
    "date",
    "date_precision",
    "sum_check",
    "id",
    "source",
    "quote",
    "note",
)


def _first(shares: list[TradeShare], top: int) -> list[TradeShare]:
    """The first ``top`` partners and those after them that share the last one's figure
    («Israel and Portugal (1.6%)» is one figure: both or neither), as ``resources --top``
    keeps the ranks it names."""
    rows = shares[:top]
    last = rows[-1].share if rows else None
    if last is None:
        return rows
    return rows + list(itertools.takewhile(lambda s: s.share == last, shares[top:]))


class ShareRow(Row, kw_only=True):
    position: int
    country: Place | None
    share: float | None
    date: When | None
    id: str
    source: str
    quote: str
    note: Worded


def partners(
    base: FactBase, flow: ShareFlow, top: int | None = None, country: str | None = None
) -> Answer:
    """Export buyers with shares, or import suppliers in the text's order; ``country`` (an
    ISO code) keeps that partner only."""
    countries = index(base)
    every = sorted((s for s in base.trade_shares if s.flow == flow), key=lambda s: s.position)
    rows = every if top is None else _first(every, top)
    if country is not None:
        rows = [s for s in rows if s.country == country]
        if not rows:
            known = countries.get(country)
            raise NotFoundError(
                f"{known.name_en if known else country} is not among the {flow} partners "
                "in the fact base",
                key=f"no_partner.{flow}",
                name=known.name if known else country,
            )
    if not rows:
        raise NotFoundError(f"no {flow} partners in the fact base", key=f"no_partners.{flow}")
    shown = tuple(
        ShareRow(
            position=share.position,
            country=place(countries, share.country),
            share=share.share,
            date=share.date,
            id=share.id,
            source=share.source,
            quote=share.quote,
            note=share.note_in,
        )
        for share in rows
    )
    listed = [s.share for s in every if s.share is not None]
    return Answer(
        kind="exports" if flow == "export" else "imports",
        sources=sources_of(base, [s.source for s in rows]),
        fields=SHARE_FIELDS,
        rows=shown,
        context=PartnersContext(
            top=top,
            count=len(every),
            listed_total=round(sum(listed), 1) if listed else None,
            years=_years(s.date for s in rows),
        ),
    )


def _years(dates: Iterable[When | None]) -> tuple[int, ...]:
    """The distinct years the rows are dated to, in order."""
    return tuple(sorted({d.start.year for d in dates if d is not None}))


TotalKey = tuple[str, str, When]  # partners, flow, date


def _by_key(totals: Iterable[TradeTotal]) -> dict[TotalKey, float]:
    """Each total's value by (partners, flow, date); the first stated wins."""
    values: dict[TotalKey, float] = {}
    for t in totals:
        values.setdefault((t.partners, t.flow, t.date), t.value)
    return values


def _check(parts: Sequence[float | None], stated: float, what: str) -> SumCheck | None:
    if any(p is None for p in parts):
        return None
    return SumCheck(what, round(sum(p for p in parts if p is not None), 1), stated)


def sum_check(values: Mapping[TotalKey, float], total: TradeTotal) -> SumCheck | None:
    """Exports + imports against turnover; CIS + other countries against all.

    ``values`` is ``_by_key`` of every total, built once: one look-up per part.
    """
    date = total.date
    if total.flow == "turnover" and total.partners != "all":
        parts = [
            values.get((total.partners, "exports", date)),
            values.get((total.partners, "imports", date)),
        ]
        return _check(parts, total.value, "turnover")
    if total.partners == "all":
        parts = [values.get(("cis", total.flow, date)), values.get(("other", total.flow, date))]
        return _check(parts, total.value, "partners")
    return None


class TotalRow(Row, kw_only=True):
    partners: str
    flow: str
    value: float
    unit: str
    growth: float | None
    growth_base: When | None
    date: When
    sum_check: None = None  # worded by the presentation layer from the context's checks
    id: str
    source: str
    quote: str
    note: Worded


def totals(base: FactBase) -> Answer:
    """The stated trade totals, each with its growth and a check of its sum."""
    rows = list(base.trade_totals)
    if not rows:
        raise NotFoundError("no trade totals in the fact base", key="no_totals")
    order = {"cis": 0, "other": 1, "all": 2, "turnover": 0, "exports": 1, "imports": 2}
    rows.sort(key=lambda t: (t.date.first, order[t.partners], order[t.flow]))
    values = _by_key(rows)
    checks = [sum_check(values, total) for total in rows]
    return Answer(
        kind="totals",
        sources=sources_of(base, [t.source for t in rows]),
        fields=TOTAL_FIELDS,
        rows=tuple(
            TotalRow(
                partners=t.partners,
                flow=t.flow,
                value=t.value,
                unit=t.unit,
                growth=t.growth,
                growth_base=t.growth_base,
                date=t.date,
                id=t.id,
                source=t.source,
                quote=t.quote,
                note=t.note_in,
            )
            for t in rows
        ),
        context=TotalsContext(checks=tuple(checks), years=_years(t.date for t in rows)),
    )
