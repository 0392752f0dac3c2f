"""``cis-facts mcp``: the fact base as a Model Context Protocol server over stdio.

Five tools (``search``, ``show``, ``cite``, ``members_on``, ``timeline``) answer through the
Python API (``cis_facts.api``) and the query layer, never through queries of their own.
Every fact in an answer comes with its evidence: the verbatim quote and its translations,
the source record, the note (in the answer's language) and whether the quote was found in
the shipped source text. A question the base does not answer gets ``"not in the base"`` and
no records, never the nearest guess; bad arguments are tool errors.

The MCP SDK (``pip install 'cis-facts[mcp]'``) is imported by ``serve`` alone, so no other
command pays for it.
"""

# Imported where used: the MCP SDK is an optional extra, and loads with the server only.

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from cis_facts.errors import FactsError, NotFoundError
from cis_facts.model import EVENT_KINDS, QUOTE_TRANSLATOR, Country, Lang, note_in
from cis_facts.version import __version__

if TYPE_CHECKING:
    from cis_facts.api import Facts, Result
    from cis_facts.model import FactBase
    from cis_facts.verify import Locator

NOT_IN_BASE = "not in the base"
UNANSWERED = (
    "no fact holds enough of the question's words (two thirds of them, and every state it "
    "names), so the base does not answer it"
)
SERVER_NAME = "cis-facts"
INSTRUCTIONS = (
    "Facts about the Commonwealth of Independent States and Kazakhstan's place in the world "
    "economy, each from a source text or a named document, with its verbatim quote. Answer "
    "only from what the tools return, quoting the evidence given with each fact; when a tool "
    "says 'not in the base', say that the fact base does not hold the answer."
)
Style = Literal["plain", "markdown", "html", "wikipedia", "bibtex", "csl-json"]


class ToolArgumentError(Exception):
    """An argument the tool cannot use (a malformed date, a limit below 1)."""


class Grounded:
    """The tools' answers, as plain JSON-ready dicts, each fact with its evidence."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self._checks: dict[str, dict[str, Any]] | None = None

    # ----------------------------------------------------------------- evidence

    @property
    def base(self) -> FactBase:
        return self.facts.base

    def checks(self) -> dict[str, dict[str, Any]]:
        """Per record id, how its quote was checked against the shipped source text."""
        if self._checks is None:
            from cis_facts.verify import check_quotes, locators, packaged_texts

            found: dict[str, dict[str, Any]] = {}
            for source, name, text in packaged_texts(self.base):
                report = check_quotes(self.base, source, text)
                missing = {record_id for _, record_id, _ in report.missing}
                where: dict[str, Locator] = locators(self.base, source, text)
                for record in self._citing(source.id):
                    key = _key(record)
                    if key in missing:
                        found[key] = {"status": "not_found", "file": name}
                        continue
                    entry: dict[str, Any] = {"status": "found_verbatim", "file": name}
                    if key in where:
                        entry["paragraph"] = where[key].paragraph
                        entry["sentence"] = where[key].sentence
                    found[key] = entry
            self._checks = found
        return self._checks

    def _citing(self, source_id: str) -> Iterator[Any]:
        yield from (c for c in self.base.countries if c.source == source_id)
        yield from (f for f in self.base.facts() if f.source == source_id)

    def _source(self, source_id: str | None) -> dict[str, Any] | None:
        if source_id is None:
            return None
        source = next((s for s in self.base.sources if s.id == source_id), None)
        if source is None:
            return {"id": source_id}
        entry: dict[str, Any] = {"id": source.id, "title": source.title}
        for name in ("original_title", "author", "citation", "url"):
            value = getattr(source, name)
            if value:
                entry[name] = value
        return entry

    def evidence(self, record_id: str, lang: Lang) -> dict[str, Any] | None:
        """The quote, translations, source, note and check of one fact or country."""
        record = self._record(record_id)
        if record is None:
            return None
        translations = {
            code: text
            for code in ("en", "kk", "ru")
            if (text := getattr(record, f"quote_{code}", None))
        }
        note = note_in(lang, record.note, record.note_kk, record.note_ru)
        check = self.checks().get(_key(record)) or {
            "status": "not_checked",
            "reason": "the source document is not shipped with the package",
        }
        return {
            "id": _key(record),
            "quote": record.quote,
            "quote_translations": translations,
            **({"translator": QUOTE_TRANSLATOR} if translations else {}),
            "source": self._source(record.source),
            "note": note,
            "note_source": self._source(record.note_source),
            "check": check,
        }

    def _record(self, record_id: str) -> Any:
        for country in self.base.countries:
            if country.code == record_id:
                return country
        try:
            return self.facts.get(record_id)
        except NotFoundError:
            return None

    def _grounded(self, records: Iterable[dict[str, Any]], lang: Lang) -> list[dict[str, Any]]:
        """Records with the evidence of every fact each one names."""
        out = []
        for record in records:
            ids = list(dict.fromkeys(_fact_ids(record)))
            evidence = [e for i in ids if (e := self.evidence(i, lang)) is not None]
            out.append({**record, "evidence": evidence})
        return out

    def _answer(self, result: Result, lang: Lang, **fields: Any) -> dict[str, Any]:
        from cis_facts.render import views

        view = views.view(result.answer)
        remarks = [*view.warnings, *view.caveats, *view.remarks]
        answer: dict[str, Any] = {
            **fields,
            "lang": lang,
            "records": self._grounded(result.to_dicts(), lang),
            "fact_base": f"cis-facts {__version__}",
        }
        if remarks:
            answer["remarks"] = [str(r) for r in remarks]
        return answer

    # ----------------------------------------------------------------- tools

    def search(self, query: str, limit: int, lang: Lang) -> dict[str, Any]:
        """The fact that answers ``query`` and the other facts that match it best; none
        when the best match does not hold enough of the question's words."""
        from cis_facts.query.ask import AskRow, ask

        if limit < 1:
            raise ToolArgumentError(f"limit must be at least 1, not {limit}")
        if not query.strip():
            raise ToolArgumentError("query is empty; give a question or a few words")
        try:
            answered = ask(self.base, query, self.facts.search_index())
            hits = self.facts.search(query, limit=limit, lang=lang)
        except NotFoundError:
            return {**_not_in_base(query, None), "reason": UNANSWERED}
        best = answered.rows[0].id if isinstance(answered.rows[0], AskRow) else None
        found = self._answer(hits, lang, query=query, answer=best)
        found["records"] = [{**r, "answers": r.get("id") == best} for r in found["records"]]
        return found

    def show(self, fact_id: str, lang: Lang) -> dict[str, Any]:
        """One fact in full, with the sentence of the source around its quote."""
        return self._guard(
            fact_id, lambda: self.facts.show(fact_id, context=True, lang=lang), lang, id=fact_id
        )

    def cite(self, fact_id: str, style: str, lang: Lang) -> dict[str, Any]:
        """The citation sentence of one fact, in ``style``."""

        def cited() -> Result:
            return self.facts.cite(fact_id, style=style, lang=lang)

        return self._guard(fact_id, cited, lang, id=fact_id, style=style)

    def members_on(self, date: str, include_former: bool, lang: Lang) -> dict[str, Any]:
        """The CIS's states and their status on ``date``."""
        return self._guard(
            date,
            lambda: self.facts.members(on=date, include_former=include_former, lang=lang),
            lang,
            on=date,
        )

    def timeline(
        self,
        start: str | None,
        end: str | None,
        country: str | None,
        kind: str | None,
        lang: Lang,
    ) -> dict[str, Any]:
        """The events between ``start`` and ``end``, of one country or kind if given."""
        if kind is not None and kind not in EVENT_KINDS:
            raise ToolArgumentError(f"unknown kind {kind!r}; use one of: {', '.join(EVENT_KINDS)}")
        asked = {"start": start, "end": end, "country": country, "kind": kind}
        return self._guard(
            " ".join(f"{k}={v}" for k, v in asked.items() if v),
            lambda: self.facts.timeline(start, end, country=country, kind=kind, lang=lang),
            lang,
            **{k: v for k, v in asked.items() if v is not None},
        )

    def _guard(self, asked: str, run: Any, lang: Lang, **fields: Any) -> dict[str, Any]:
        """Run one query: what it found, "not in the base", or a tool error."""
        try:
            result = run()
        except NotFoundError as exc:
            return _not_in_base(asked, exc)
        except FactsError as exc:
            raise ToolArgumentError(str(exc)) from exc
        if not len(result):
            return {**_not_in_base(asked, None), **fields}
        return self._answer(result, lang, **fields)


def _key(record: Any) -> str:
    return str(record.code if isinstance(record, Country) else record.id)


_ID_FIELDS = ("id", "since_event", "left_event", "event")


def _fact_ids(value: Any) -> Iterator[str]:
    """The fact ids a record names: its own, its events', its founding acts'."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _ID_FIELDS and isinstance(item, str):
                yield item
            elif isinstance(item, dict | list):
                yield from _fact_ids(item)
    elif isinstance(value, list):
        for item in value:
            yield from _fact_ids(item)


def _not_in_base(asked: str, error: NotFoundError | None) -> dict[str, Any]:
    answer: dict[str, Any] = {"answer": NOT_IN_BASE, "asked": asked, "records": []}
    if error is not None:
        answer["reason"] = str(error)
        if error.suggestions:
            answer["did_you_mean"] = list(error.suggestions)
    return answer


def build(grounded: Grounded) -> Any:
    """The MCP server with the five tools. Imports the SDK (an optional extra)."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError

    server = MCPServer(
        SERVER_NAME,
        instructions=INSTRUCTIONS,
        version=__version__,
        log_level="WARNING",  # stderr stays quiet; stdout carries the protocol alone
    )

    default: Lang = grounded.facts.lang  # cis-facts mcp --lang; each call may name its own

    def guarded(call: Any) -> dict[str, Any]:
        try:
            answer: dict[str, Any] = call()
        except ToolArgumentError as exc:
            raise ToolError(str(exc)) from exc
        return answer

    @server.tool()
    def search(query: str, limit: int = 5, lang: Lang | None = None) -> dict[str, Any]:
        """Find the fact that answers a question (or a few words) and the facts that match
        it best. Each record carries its evidence: the verbatim quote, its translations, the
        source, the note and whether the quote was found in the source text. A question the
        base does not answer returns answer "not in the base" and no records."""
        return guarded(lambda: grounded.search(query, limit, lang or default))

    @server.tool()
    def show(id: str, lang: Lang | None = None) -> dict[str, Any]:
        """One fact in full by its id (e.g. rank-uranium), with the sentence of the source
        text around its quote and its evidence."""
        return guarded(lambda: grounded.show(id, lang or default))

    @server.tool()
    def cite(id: str, style: Style = "plain", lang: Lang | None = None) -> dict[str, Any]:
        """A paste-ready sentence and citation for one fact, with its evidence."""
        return guarded(lambda: grounded.cite(id, style, lang or default))

    @server.tool()
    def members_on(
        date: str, include_former: bool = False, lang: Lang | None = None
    ) -> dict[str, Any]:
        """The CIS states and each one's status on a date (YYYY, YYYY-MM or YYYY-MM-DD),
        by the Charter's rules, with the events each status rests on and their evidence."""
        return guarded(lambda: grounded.members_on(date, include_former, lang or default))

    @server.tool()
    def timeline(
        start: str | None = None,
        end: str | None = None,
        country: str | None = None,
        kind: str | None = None,
        lang: Lang | None = None,
    ) -> dict[str, Any]:
        """The CIS's events in date order, optionally from start to end (YYYY, YYYY-MM or
        YYYY-MM-DD), of one country (code or name) or one kind (founding, accession,
        withdrawal, ...), each with its evidence."""
        return guarded(lambda: grounded.timeline(start, end, country, kind, lang or default))

    return server


def serve(facts: Facts) -> None:
    """Serve ``facts`` over stdio until the client closes the connection."""
    build(Grounded(facts)).run("stdio")
