"""The Python API: ``cis_facts.load()`` and one method per command, returning its answer.

Each method runs the very query the command runs and returns a ``Result``: the answer's
records (the rows ``--format json`` prints, the same for every language but the words in
labels), ``to_dicts()`` for plain Python and ``to_pandas()`` for a DataFrame. Nothing here
imports Click or Rich; pandas is imported only by ``to_pandas``. See docs/api.md.
"""

# Imported where used: each method loads only the query, render or export layer it answers with,
# so `import cis_facts` costs nothing the CLI does not already pay (benchmarks/api_import.py);
# pandas is optional.

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from cis_facts import cache
from cis_facts.answer import Answer
from cis_facts.dates import PartialDate, parse_partial
from cis_facts.errors import UsageError
from cis_facts.loader import load_stamped
from cis_facts.model import AnyFact, Country, FactBase, Lang

if TYPE_CHECKING:
    import pandas

    from cis_facts.query.search import Searchable
    from cis_facts.retrieval.matcher import Matcher
    from cis_facts.verify import QuoteReport

DateLike = str | datetime.date | PartialDate
TradeView = Literal["exports", "imports", "totals"]


class Result(Sequence[dict[str, Any]]):
    """What one query answered: its records, in the order the command prints them."""

    def __init__(self, answer: Answer, lang: Lang = "en") -> None:
        from cis_facts.render.localized import localize

        self.answer = localize(answer, lang)

    @property
    def kind(self) -> str:
        """Which answer this is: ``members``, ``timeline``, ``search``, ``cite``, ..."""
        return self.answer.kind

    @property
    def fields(self) -> tuple[str, ...]:
        """The record fields, in the order of ``--format json`` and ``--fields``."""
        return self.answer.fields

    @property
    def records(self) -> tuple[dict[str, Any], ...]:
        """The answer's records, as the presentation layer receives them."""
        return tuple(self.answer.records)

    def __len__(self) -> int:
        return len(self.answer.records)

    def __getitem__(self, index: Any) -> Any:
        return self.answer.records[index]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.answer.records)

    def __repr__(self) -> str:
        return f"<Result {self.kind}: {len(self)} records>"

    def to_dicts(self) -> list[dict[str, Any]]:
        """The records as the JSON output holds them: ``cis-facts ... --format json``."""
        import json

        return list(json.loads(self.render("json")))

    def to_pandas(self) -> pandas.DataFrame:
        """The records as a DataFrame, nested objects flattened to ``country.code`` columns.

        Needs pandas (``pip install pandas``); cis-facts itself never requires it.
        """
        try:
            import pandas
        except ImportError as exc:
            raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
        frame = pandas.json_normalize(self.to_dicts())
        return frame if len(frame.columns) else pandas.DataFrame(columns=list(self.fields))

    def render(self, fmt: str = "plain", fields: Iterable[str] | None = None) -> str:
        """The text the command prints in ``fmt`` (plain, json, jsonl, csv, tsv, markdown)."""
        from cis_facts.fields import with_fields
        from cis_facts.render import views
        from cis_facts.render.formats import render_text
        from cis_facts.render.machine import select_fields

        joined = ",".join(fields) if fields is not None else None
        answer, normalised = with_fields(self.answer, joined)
        chosen = select_fields(answer, normalised)
        view = views.view(answer)
        if view.text and fmt == "plain" and joined is None:
            return view.text + "\n"
        return render_text(view, fmt, chosen if joined is not None else None)


class Facts:
    """The loaded fact base with a method for every command's answer.

    ``lang`` (en, kk, ru) is the language of labels and names in the records; each method
    takes its own ``lang`` too. Unknown ids, countries or topics raise
    ``cis_facts.errors.NotFoundError``; a malformed date raises ``UsageError``.
    """

    def __init__(self, base: FactBase, lang: Lang = "en") -> None:
        self.base = base
        self.lang: Lang = lang
        self._index: tuple[list[Searchable], Matcher] | None = None

    def search_index(self) -> tuple[list[Searchable], Matcher]:
        """The search index of the base, built on first use and kept (``search``, ``ask``)."""
        if self._index is None:
            from cis_facts.query.search import build

            self._index = build(self.base)
        return self._index

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.base.counts().items())
        return f"<Facts: {counts}>"

    def _lang(self, lang: str | None) -> Lang:
        chosen = lang or self.lang
        if chosen not in ("en", "kk", "ru"):
            raise UsageError(f"unknown language {chosen!r}; use en, kk or ru")
        return chosen  # type: ignore[return-value]

    def get(self, fact_id: str) -> AnyFact:
        """The fact record itself (a frozen ``Event``, ``Ranking``, ``Figure``, ...)."""
        from cis_facts.query.records import find

        return find(self.base, fact_id)

    def country_record(self, name: str) -> Country:
        """The country a code (KZ, KAZ, 398, Q232), name or alias names."""
        from cis_facts.query.countries import resolve

        return resolve(self.base, name)

    def members(
        self, on: DateLike | None = None, *, include_former: bool = False, lang: str | None = None
    ) -> Result:
        """``cis-facts members [--on DATE] [--all]``: who was in the CIS on a date."""
        from cis_facts.query import members

        answer = members.members(self.base, _date(on), include_former)
        return Result(answer, self._lang(lang))

    def membership_chart(self, *, lang: str | None = None) -> Result:
        """``cis-facts members --chart``: each state's status year by year."""
        from cis_facts.query import members

        return Result(members.membership_chart(self.base), self._lang(lang))

    def timeline(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        country: str | None = None,
        kind: str | None = None,
        lang: str | None = None,
    ) -> Result:
        """``cis-facts timeline [--from] [--to] [--country] [--kind]``: events in order."""
        from cis_facts.query import timeline

        state = self.country_record(country) if country else None
        answer = timeline.timeline(
            self.base,
            start=_date(start),
            end=_date(end),
            country=state,
            kind=kind,
        )
        return Result(answer, self._lang(lang))

    def country(self, name: str, *, lang: str | None = None) -> Result:
        """``cis-facts country C``: one state's profile."""
        from cis_facts.query import profile

        answer = profile.profile(self.base, self.country_record(name))
        return Result(answer, self._lang(lang))

    def resources(
        self, mineral: str | None = None, *, top: int | None = None, lang: str | None = None
    ) -> Result:
        """``cis-facts resources [MINERAL] [--top N]``: Kazakhstan's world rankings."""
        from cis_facts.query import resources

        return Result(resources.resources(self.base, mineral, top), self._lang(lang))

    def trade(
        self,
        view: TradeView = "exports",
        *,
        top: int | None = None,
        country: str | None = None,
        lang: str | None = None,
    ) -> Result:
        """``cis-facts trade exports|imports|totals``: partners or totals."""
        from cis_facts.query import trade

        if view == "totals":
            return Result(trade.totals(self.base), self._lang(lang))
        if view not in ("exports", "imports"):
            raise UsageError(f"unknown trade view {view!r}; use exports, imports or totals")
        code = self.country_record(country).code if country is not None else None
        flow: Literal["export", "import"] = "export" if view == "exports" else "import"
        return Result(trade.partners(self.base, flow, top, code), self._lang(lang))

    def figures(self, topic: str | None = None, *, lang: str | None = None) -> Result:
        """``cis-facts figures [TOPIC]``: every other figure of the text, by topic."""
        from cis_facts.query import figures

        return Result(figures.figures(self.base, topic), self._lang(lang))

    def statements(self, topic: str | None = None, *, lang: str | None = None) -> Result:
        """``cis-facts statements [TOPIC]``: what the text states in words."""
        from cis_facts.query import statements

        return Result(statements.statements(self.base, topic), self._lang(lang))

    def search(self, query: str, *, limit: int | None = None, lang: str | None = None) -> Result:
        """``cis-facts search WORDS [--limit N]``: facts ranked by how well they match."""
        from cis_facts.query import search

        if limit is not None and limit < 1:
            raise UsageError(f"limit must be at least 1, not {limit}")
        answer = search.search(self.base, query, limit, self.search_index())
        return Result(answer, self._lang(lang))

    def show(self, fact_id: str, *, context: bool = False, lang: str | None = None) -> Result:
        """``cis-facts show ID [--context]``: one fact in full."""
        from cis_facts.query import facts

        return Result(facts.show(self.base, fact_id, context), self._lang(lang))

    def cite(
        self, fact_id: str | Iterable[str], *, style: str = "plain", lang: str | None = None
    ) -> Cited:
        """``cis-facts cite ID... [--style S]``: the sentence and its citation, per fact.

        ``fact_id`` is one id or several; ``result.text`` is what the command prints.
        """
        from cis_facts.query import facts

        if style not in facts.CITE_STYLES:
            styles = ", ".join(facts.CITE_STYLES)
            raise UsageError(f"unknown style {style!r}; use one of {styles}")
        ids = [fact_id] if isinstance(fact_id, str) else list(fact_id)
        return Cited(facts.cite(self.base, ids, style), self._lang(lang))

    def check(self) -> list[QuoteReport]:
        """``cis-facts check``: each shipped source text's quote check (found, missing)."""
        from cis_facts.verify import check_quotes, packaged_texts

        return [check_quotes(self.base, s, text) for s, _, text in packaged_texts(self.base)]

    def export(
        self,
        to: str,
        path: str | os.PathLike[str],
        *,
        force: bool = False,
        metadata: str | os.PathLike[str] | None = None,
    ) -> dict[str, int]:
        """``cis-facts export --to FORMAT PATH [--metadata FILE]``: the whole base (and, for
        sqlite, Datasette metadata in ``metadata``); the rows per kind."""
        if metadata is not None and to != "sqlite":
            raise UsageError("metadata goes with an export to sqlite")
        if to == "csv":
            from cis_facts.datapackage import write_package

            return write_package(self.base, os.fspath(path), force=force)
        from cis_facts.export import export

        meta = None
        if metadata is not None:
            from cis_facts.datasette_metadata import metadata_json

            meta = metadata, metadata_json(self.base, os.fspath(path))
        return export(self.base, to, path, force=force, metadata=meta)


class Cited(Result):
    """A citation: ``text`` is the paste-ready sentence and citation."""

    @property
    def text(self) -> str:
        return self.render("plain").rstrip("\n")

    def __str__(self) -> str:
        return self.text


def load(data: Iterable[str | os.PathLike[str]] = (), *, lang: Lang = "en") -> Facts:
    """The packaged fact base plus the fact files in ``data``, validated.

    An invalid file raises ``cis_facts.errors.InvalidFactsError`` listing every problem.
    The cache the CLI uses (``CIS_FACTS_CACHE``, ``CIS_FACTS_NO_CACHE``) is used here too.
    """
    paths = tuple(os.fspath(p) for p in ([data] if isinstance(data, str | os.PathLike) else data))
    environ = os.environ
    base, _ = load_stamped(paths, cached=cache.enabled(environ), cache_dir=cache.directory(environ))
    return Facts(base, lang)


def _date(value: DateLike | None) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        value = value.isoformat()
    from cis_facts.dates import DateFormatError

    try:
        return parse_partial(value)
    except DateFormatError as exc:
        raise UsageError(str(exc)) from exc
