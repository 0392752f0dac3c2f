"""Kazakhstan's world rankings by mineral, and the reserve figures."""

from __future__ import annotations

from cis_facts.answer import Answer, Record, date_fields, sources_of
from cis_facts.errors import NotFoundError
from cis_facts.model import FactBase, Figure, Lang, Ranking
from cis_facts.text import best_names, fold

FIELDS = (
    "kind",
    "id",
    "mineral",
    "standing",
    "rank",
    "top",
    "share",
    "approximate",
    "value",
    "unit",
    "unit_text",
    "label",
    "date",
    "date_precision",
    "source",
    "quote",
    "note",
)
RESERVES_TOPIC = "reserves"


def ranking_phrase(ranking: Ranking) -> str:
    """``1st``, ``top 10``, ``≈25 % of world``: the ranking as one canonical phrase.

    The English form; the presentation layer phrases the ranking in the reader's language,
    in tables and in machine formats alike.
    """
    parts = []
    if ranking.rank is not None:
        parts.append(english_ordinal(ranking.rank))
    if ranking.top is not None:
        parts.append(f"top {ranking.top}")
    if ranking.share is not None:
        approx = "≈" if ranking.approximate else ""
        parts.append(f"{approx}{ranking.share:g} % of world")
    return ", ".join(parts)


def english_ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``13th``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _sort_key(ranking: Ranking) -> tuple[float, float]:
    rank = ranking.rank or ranking.top or 1_000
    return (rank, -(ranking.share or 0))


def _ranking_record(ranking: Ranking, lang: Lang) -> Record:
    record: Record = {
        "kind": "ranking",
        "id": ranking.id,
        "mineral": ranking.mineral(lang),
        "standing": ranking_phrase(ranking),
        "rank": ranking.rank,
        "top": ranking.top,
        "share": ranking.share,
        "approximate": ranking.approximate,
        "value": None,
        "unit": None,
        "label": ranking.label(lang),
    }
    record.update(date_fields("date", ranking.date))
    record.update(source=ranking.source, quote=ranking.quote, note=ranking.note_in(lang))
    return record


def _reserve_record(figure: Figure, lang: Lang) -> Record:
    record: Record = {
        "kind": "reserve",
        "id": figure.id,
        "mineral": None,  # the label says what the figure measures
        "standing": None,
        "rank": None,
        "top": None,
        "share": None,
        "approximate": figure.approximate,
        "value": figure.value,
        "unit": figure.unit,
        "label": figure.label(lang),
    }
    record.update(date_fields("date", figure.date))
    record.update(source=figure.source, quote=figure.quote, note=figure.note_in(lang))
    return record


def _matches(wanted: str, *texts: str | None) -> bool:
    return any(wanted in fold(t) for t in texts if t)


def _minerals(ranking: Ranking) -> tuple[str, ...]:
    """The names of a ranking's mineral in every language it has."""
    return tuple(n for n in (ranking.mineral_en, ranking.mineral_kk, ranking.mineral_ru) if n)


def resources(
    base: FactBase, lang: Lang, mineral: str | None = None, top: int | None = None
) -> Answer:
    """Rankings sorted by rank (``top``: rank ``top`` or better), then reserve figures."""
    rankings = sorted(base.rankings, key=_sort_key)
    reserves = [f for f in base.figures if f.topic == RESERVES_TOPIC]
    if top is not None:
        rankings = [r for r in rankings if (r.rank or r.top or top + 1) <= top]
        reserves = []
    if mineral is not None:
        wanted = fold(mineral.strip())
        if not wanted:  # an unset shell variable must not mean every mineral
            raise NotFoundError("empty mineral name")
        rankings = [r for r in rankings if _matches(wanted, *_minerals(r))]
        reserves = [f for f in reserves if _matches(wanted, f.label_en, f.label_kk, f.label_ru)]
        if not rankings and not reserves:
            names = [n for r in base.rankings for n in _minerals(r)]
            close = best_names(mineral, names)
            message = f"no ranking or reserve figure for {mineral!r}"
            if not close:
                every = ", ".join(dict.fromkeys(r.mineral(lang) for r in base.rankings))
                message += f"; minerals ranked: {every}"
            raise NotFoundError(message, close, key="no_mineral", mineral=mineral)
    records = [_ranking_record(r, lang) for r in rankings]
    records += [_reserve_record(f, lang) for f in reserves]
    if not records:
        raise NotFoundError("no ranking matches these filters")
    return Answer(
        kind="resources",
        lang=lang,
        sources=sources_of(base, [r["source"] for r in records]),
        fields=FIELDS,
        records=tuple(records),
        context=top,
    )
