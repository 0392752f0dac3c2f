"""The text's statements (claims that are not numbers), grouped by topic."""

from __future__ import annotations

from cis_facts.answer import Answer, Record, source_caption
from cis_facts.errors import NotFoundError
from cis_facts.i18n import headers, word
from cis_facts.model import FactBase, Lang, Statement
from cis_facts.text import best_names, fold

FIELDS = ("topic", "id", "label", "period", "source", "quote", "note")
COLUMNS = ("topic", "label", "period")


def statement_record(statement: Statement, lang: Lang) -> Record:
    return {
        "topic": statement.topic,
        "id": statement.id,
        "label": statement.label(lang),
        "period": statement.period(lang),
        "source": statement.source,
        "quote": statement.quote,
        "note": statement.note_in(lang),
    }


def topics(base: FactBase) -> list[str]:
    return list(dict.fromkeys(s.topic for s in base.statements))


def statements(base: FactBase, lang: Lang, topic: str | None = None) -> Answer:
    """Statements in file order grouped by topic; ``topic`` keeps those whose topic starts so."""
    chosen = list(base.statements)
    if topic:
        wanted = fold(topic)
        chosen = [s for s in chosen if fold(s.topic).startswith(wanted)]
        if not chosen:
            raise NotFoundError(
                f"no topic {topic!r}", best_names(topic, topics(base)) or topics(base)
            )
    if not chosen:
        raise NotFoundError("no statements in the fact base")
    order = {t: i for i, t in enumerate(topics(base))}
    chosen.sort(key=lambda s: order[s.topic])
    records = tuple(statement_record(s, lang) for s in chosen)
    columns = COLUMNS if any(r["period"] for r in records) else COLUMNS[:2]
    return Answer(
        view="grouped",
        title=word("title.statements", lang),
        lang=lang,
        caption=source_caption(base, [r["source"] for r in records], lang),
        fields=FIELDS,
        records=records,
        columns=columns,
        headers=headers(columns, lang),
        group_by="topic",
    )
