"""Kazakhstan's export buyers, import suppliers and trade totals, with their sums checked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from cis_facts.answer import Answer, Record, country_obj, date_fields, source_caption
from cis_facts.dates import When
from cis_facts.errors import NotFoundError
from cis_facts.i18n import headers, word
from cis_facts.model import FactBase, Flow, Lang, TradeTotal
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
TOLERANCE = 0.05  # the text rounds to 0.1


def partners(
    base: FactBase, flow: Flow, lang: Lang, top: int | None = None, country: str | None = None
) -> Answer:
    """Export buyers with shares, or import suppliers in the text's order; ``country`` (an
    ISO code) keeps that partner only."""
    countries = index(base)
    every = sorted((s for s in base.trade_shares if s.flow == flow), key=lambda s: s.position)
    rows = every[:top] if top is not None else every
    if country is not None:
        rows = [s for s in rows if s.country == country]
        if not rows:
            name = countries[country].name(lang) if country in countries else country
            raise NotFoundError(f"{name} is not among the {flow} partners in the fact base")
    if not rows:
        raise NotFoundError(f"no {flow} partners in the fact base")
    records = []
    for share in rows:
        record: Record = {
            "position": share.position,
            "country": country_obj(countries, share.country, lang),
            "share": share.share,
        }
        record.update(date_fields("date", share.date))
        record.update(id=share.id, source=share.source, quote=share.quote, note=share.note)
        records.append(record)
    notes: tuple[str, ...] = ()
    columns: tuple[str, ...] = ("position", "country", "share")
    if flow == "export":
        total = round(sum(s.share or 0 for s in every), 1)
        notes = (_share_note(total, len(every), lang),)
    else:
        columns = ("position", "country")
    return Answer(
        view="bars" if flow == "export" else "table",
        title=word("title.exports" if flow == "export" else "title.imports", lang),
        caption=source_caption(base, [r["source"] for r in records], lang),
        lang=lang,
        fields=SHARE_FIELDS,
        records=tuple(records),
        columns=columns,
        headers=headers(columns, lang),
        notes=notes,
    )


def _share_note(total: float, count: int, lang: Lang) -> str:
    rest = round(100 - total, 1)
    if lang == "kk":
        return (
            f"Көрсетілген {count} елдің үлесі: {total:g} %; қалған {rest:g} % мәтінде "
            "елге бөлінбеген."
        )
    return (
        f"The {count} listed shares sum to {total:g} %; the text attributes the other "
        f"{rest:g} % to no country."
    )


TotalKey = tuple[str, str, When]  # partners, flow, date


def _by_key(totals: Iterable[TradeTotal]) -> dict[TotalKey, float]:
    """Each total's value by (partners, flow, date); the first stated wins."""
    values: dict[TotalKey, float] = {}
    for t in totals:
        values.setdefault((t.partners, t.flow, t.date), t.value)
    return values


def _check(parts: Sequence[float | None], stated: float, what: str) -> str | None:
    if any(p is None for p in parts):
        return None
    total = round(sum(p for p in parts if p is not None), 1)
    if abs(total - stated) <= TOLERANCE:
        return f"{what} = {total:g} ✓"
    return f"MISMATCH: {what} = {total:g}, stated {stated:g} (differs by {total - stated:+.1f})"


def sum_check(values: Mapping[TotalKey, float], total: TradeTotal) -> str | None:
    """Exports + imports against turnover; CIS + other countries against all.

    ``values`` is ``_by_key`` of every total, built once: one look-up per part.
    """
    date = total.date
    if total.flow == "turnover" and total.partners != "all":
        parts = [
            values.get((total.partners, "exports", date)),
            values.get((total.partners, "imports", date)),
        ]
        return _check(parts, total.value, "exports + imports")
    if total.partners == "all":
        parts = [values.get(("cis", total.flow, date)), values.get(("other", total.flow, date))]
        return _check(parts, total.value, "CIS + other countries")
    return None


def totals(base: FactBase, lang: Lang) -> Answer:
    """The stated trade totals, each with its growth and a check of its sum."""
    rows = list(base.trade_totals)
    if not rows:
        raise NotFoundError("no trade totals in the fact base")
    order = {"cis": 0, "other": 1, "all": 2, "turnover": 0, "exports": 1, "imports": 2}
    rows.sort(key=lambda t: (t.date.first, order[t.partners], order[t.flow]))
    values = _by_key(rows)
    records = []
    for total in rows:
        record: Record = {
            "partners": total.partners,
            "flow": total.flow,
            "value": total.value,
            "unit": total.unit,
            "growth": total.growth,
        }
        record.update(date_fields("growth_base", total.growth_base))
        record.update(date_fields("date", total.date))
        record.update(
            sum_check=sum_check(values, total),
            id=total.id,
            source=total.source,
            quote=total.quote,
            note=total.note,
        )
        records.append(record)
    columns = ("partners", "flow", "value", "unit", "growth", "growth_base", "date", "sum_check")
    mismatches = tuple(
        r["sum_check"] for r in records if r["sum_check"] and r["sum_check"].startswith("MISMATCH")
    )
    return Answer(
        view="table",
        title=word("title.totals", lang),
        lang=lang,
        caption=source_caption(base, [r["source"] for r in records], lang),
        fields=TOTAL_FIELDS,
        records=tuple(records),
        columns=columns,
        headers={
            **headers(columns, lang),
            "sum_check": "Sum check" if lang == "en" else "Қосындыны тексеру",
        },
        notes=mismatches,
    )
