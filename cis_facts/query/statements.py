"""The text's statements (claims that are not numbers), grouped by topic."""

from __future__ import annotations

from cis_facts.answer import Answer, Row, Worded, sources_of
from cis_facts.model import FactBase, Statement
from cis_facts.query.topics import by_topic

FIELDS = ("topic", "id", "label", "period", "source", "quote", "note")


class StatementRow(Row, kw_only=True):
    topic: str
    id: str
    label: Worded
    period: Worded
    source: str
    quote: str
    note: Worded


def statement_row(statement: Statement) -> StatementRow:
    return StatementRow(
        topic=statement.topic,
        id=statement.id,
        label=statement.label,
        period=statement.period,
        source=statement.source,
        quote=statement.quote,
        note=statement.note_in,
    )


def statements(base: FactBase, topic: str | None = None) -> Answer:
    """Statements in file order grouped by topic; ``topic`` keeps those whose topic starts so."""
    chosen = by_topic(base.statements, topic, "statements")
    return Answer(
        kind="statements",
        sources=sources_of(base, [s.source for s in chosen]),
        fields=FIELDS,
        rows=tuple(statement_row(s) for s in chosen),
    )
