"""The text's statements (claims that are not numbers), grouped by topic."""

from __future__ import annotations

from cis_facts.answer import Answer, Record, sources_of
from cis_facts.model import FactBase, Lang, Statement
from cis_facts.query.topics import by_topic

FIELDS = ("topic", "id", "label", "period", "source", "quote", "note")


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


def statements(base: FactBase, lang: Lang, topic: str | None = None) -> Answer:
    """Statements in file order grouped by topic; ``topic`` keeps those whose topic starts so."""
    chosen = by_topic(base.statements, topic, "statements")
    records = tuple(statement_record(s, lang) for s in chosen)
    return Answer(
        kind="statements",
        lang=lang,
        sources=sources_of(base, [r["source"] for r in records]),
        fields=FIELDS,
        records=records,
    )
