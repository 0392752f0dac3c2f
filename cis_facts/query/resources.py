"""Kazakhstan's world rankings by mineral, and the reserve figures."""

from __future__ import annotations

from cis_facts.answer import Answer, Row, Worded, sources_of
from cis_facts.dates import When
from cis_facts.errors import NotFoundError
from cis_facts.model import FactBase, Figure, Ranking
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


def _sort_key(ranking: Ranking) -> tuple[float, float]:
    rank = ranking.rank or ranking.top or 1_000
    return (rank, -(ranking.share or 0))


class ResourceRow(Row, kw_only=True):
    """A world ranking (``kind`` ``ranking``) or a reserve figure (``reserve``); the
    presentation layer phrases a ranking's standing from its rank, top and share."""

    kind: str
    id: str
    mineral: Worded | None
    rank: int | None = None
    top: int | None = None
    share: float | None = None
    approximate: bool
    value: float | None = None
    unit: str | None = None
    label: Worded
    date: When | None
    source: str
    quote: str
    note: Worded


def _ranking_row(ranking: Ranking) -> ResourceRow:
    return ResourceRow(
        kind="ranking",
        id=ranking.id,
        mineral=ranking.mineral,
        rank=ranking.rank,
        top=ranking.top,
        share=ranking.share,
        approximate=ranking.approximate,
        label=ranking.label,
        date=ranking.date,
        source=ranking.source,
        quote=ranking.quote,
        note=ranking.note_in,
    )


def _reserve_row(figure: Figure) -> ResourceRow:
    return ResourceRow(
        kind="reserve",
        id=figure.id,
        mineral=None,  # the label says what the figure measures
        approximate=figure.approximate,
        value=figure.value,
        unit=figure.unit,
        label=figure.label,
        date=figure.date,
        source=figure.source,
        quote=figure.quote,
        note=figure.note_in,
    )


def _matches(wanted: str, *texts: str | None) -> bool:
    return any(wanted in fold(t) for t in texts if t)


def _minerals(ranking: Ranking) -> tuple[str, ...]:
    """The names of a ranking's mineral in every language it has."""
    return tuple(n for n in (ranking.mineral_en, ranking.mineral_kk, ranking.mineral_ru) if n)


def resources(base: FactBase, mineral: str | None = None, top: int | None = None) -> Answer:
    """Rankings sorted by rank (``top``: rank ``top`` or better), then reserve figures."""
    rankings = sorted(base.rankings, key=_sort_key)
    reserves = [f for f in base.figures if f.topic == RESERVES_TOPIC]
    if top is not None:
        rankings = [r for r in rankings if (r.rank or r.top or top + 1) <= top]
        reserves = []
    if mineral is not None:
        wanted = fold(mineral.strip())
        if not wanted:  # an unset shell variable must not mean every mineral
            raise NotFoundError("empty mineral name", key="empty_mineral")
        rankings = [r for r in rankings if _matches(wanted, *_minerals(r))]
        reserves = [f for f in reserves if _matches(wanted, f.label_en, f.label_kk, f.label_ru)]
        if not rankings and not reserves:
            names = [n for r in base.rankings for n in _minerals(r)]
            close = best_names(mineral, names)
            message = f"no ranking or reserve figure for {mineral!r}"
            if not close:
                every = ", ".join(dict.fromkeys(r.mineral_en for r in base.rankings))
                message += f"; minerals ranked: {every}"
            raise NotFoundError(message, close, key="no_mineral", mineral=mineral)
    rows = [_ranking_row(r) for r in rankings] + [_reserve_row(f) for f in reserves]
    if not rows:
        raise NotFoundError("no ranking matches these filters", key="no_ranking")
    return Answer(
        kind="resources",
        sources=sources_of(base, [r.source for r in rows]),
        fields=FIELDS,
        rows=tuple(rows),
        context=top,
    )
