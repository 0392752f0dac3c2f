"""One fact in full (``show``) and as a ready-to-paste sentence with citation (``cite``)."""

from __future__ import annotations

from cis_facts.answer import Answer, Record, source_caption
from cis_facts.i18n import headers
from cis_facts.model import FactBase, Lang, Source
from cis_facts.query.records import find, full_record

CITE_FIELDS = ("id", "style", "text", "sentence", "citation", "quote", "source", "source_title")


def show(base: FactBase, fact_id: str, lang: Lang, with_context: bool = False) -> Answer:
    """Every field of the fact with this id; with ``with_context``, the source's sentence."""
    fact = find(base, fact_id)
    record = full_record(base, fact, lang)
    sources = {s.id: s for s in base.sources}
    source = sources.get(fact.source)
    record["source_title"] = source.title if source else None
    if with_context:
        from cis_facts.verify import context, packaged_text

        text = packaged_text(source) if source else None
        record["context"] = context(text, fact.quote) if text else None
    fields = tuple(record)
    return Answer(
        view="fact",
        title=f"{record['kind']}: {fact.id}",
        lang=lang,
        caption=source_caption(base, [fact.source], lang),
        fields=fields,
        records=(record,),
        columns=fields,
        headers={f: f for f in fields},
    )


def _sentence(label: str) -> str:
    label = label.strip()
    return label if label.endswith((".", "!", "?")) else label + "."


def _citation(source: Source | None, source_id: str, quote: str, style: str, lang: Lang) -> str:
    title = source.title if source else source_id
    said = "Дереккөз" if lang == "kk" else "Source"
    quoted = "дәйексөз" if lang == "kk" else "quote"
    if style == "markdown":
        return f"{said}: *{title}*; {quoted}: «{quote}»"
    return f"{said}: {title}; {quoted}: «{quote}»"


def cite(base: FactBase, fact_id: str, style: str, lang: Lang) -> Answer:
    """A sentence stating the fact, and a citation naming and quoting its source."""
    fact = find(base, fact_id)
    sources = {s.id: s for s in base.sources}
    source = sources.get(fact.source)
    sentence = _sentence(fact.label(lang))
    citation = _citation(source, fact.source, fact.quote, style, lang)
    if style == "markdown":
        text = f"{sentence}[^{fact.id}]\n\n[^{fact.id}]: {citation}"
    else:
        text = f"{sentence} ({citation})"
    record: Record = {
        "id": fact.id,
        "style": style,
        "text": text,
        "sentence": sentence,
        "citation": citation,
        "quote": fact.quote,
        "source": fact.source,
        "source_title": source.title if source else None,
    }
    return Answer(
        view="cite",
        title=fact.id,
        lang=lang,
        caption=source_caption(base, [fact.source], lang),
        fields=CITE_FIELDS,
        records=(record,),
        columns=("text",),
        headers=headers(("text",), lang),
    )
