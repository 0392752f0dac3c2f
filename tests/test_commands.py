"""The query commands on the real fact base: values, JSON shape, languages, errors.

Expected values come from the loaded base (``cis_facts.loader.load()``) or are facts of
the source text itself (Switzerland buys 18.7 % of exports, zinc ranks 1st, ...).
``members`` and ``search`` have their own files; Rich output is in ``test_golden.py``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from conftest import RunCli, installed_command

from cis_facts import __version__
from cis_facts.dates import When, parse_partial
from cis_facts.frozen import field_names
from cis_facts.loader import load
from cis_facts.model import AnyFact, Event, FactBase, Figure, Ranking, TradeShare, TradeTotal

KIND_OF = {
    Event: "event",
    Ranking: "ranking",
    TradeShare: "trade_share",
    TradeTotal: "trade_total",
    Figure: "figure",
}
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
NUMERIC_FIELDS = ("share", "growth", "position", "rank", "top", "score", "year")


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


def ok(
    run_cli: RunCli,
    *args: str,
    environ: Mapping[str, str | None] | None = None,
    width: int | None = None,
) -> Result:
    result = run_cli(*args, environ=environ, width=width)
    assert result.exit_code == 0, (result.exit_code, result.stderr, result.exception)
    return result


def as_json(run_cli: RunCli, *args: str, environ: Mapping[str, str | None] | None = None) -> Any:
    return json.loads(ok(run_cli, *args, "--format", "json", environ=environ).stdout)


def table(run_cli: RunCli, *args: str, width: int = 100) -> str:
    return ok(run_cli, *args, "--format", "table", "--color", "never", width=width).stdout


def by_id(base: FactBase, fact_id: str) -> AnyFact:
    return next(f for f in base.facts() if f.id == fact_id)


def country_name(base: FactBase, code: str, lang: str = "en") -> str:
    country = next(c for c in base.countries if c.code == code)
    return country.name_kk if lang == "kk" else country.name_en


def precision_of(iso: str) -> str:
    """The precision an ISO date (or the start of a span) is written at."""
    return {4: "year", 7: "month", 10: "day"}[len(iso.split("/")[0])]


# --------------------------------------------------------------------------------------------
# JSON: the field set equals the command's --help, values have the promised types
# --------------------------------------------------------------------------------------------


def help_fields(run_cli: RunCli, command: str) -> dict[str, set[str]]:
    """The field names each "JSON fields" section of ``command --help`` lists.

    A name is the first column of an entry line ("value, unit" gives two); a
    ``<field>_precision`` named in a description is a top-level field too, unless it
    is quoted (then it belongs to a nested object).
    """
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    head_indent = entry_indent = 0
    for line in ok(run_cli, command, "--help").stdout.splitlines():
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if stripped.startswith("JSON fields"):
            current = sections.setdefault(stripped.split(":")[0], set())
            head_indent, entry_indent = indent, 0
            continue
        if current is None:
            continue
        if not stripped or indent <= head_indent:
            current = None
            continue
        entry_indent = entry_indent or indent
        if indent == entry_indent:
            names = re.split(r"\s{2,}", stripped, maxsplit=1)[0]
            current.update(name.strip() for name in names.split(","))
        current.update(re.findall(r'(?<!")\b(\w+_precision)\b(?!")', stripped))
    return sections


def test_help_fields_parser_reads_every_entry(run_cli: RunCli) -> None:
    """The parser itself: trade has two sections; members' nested date_precision is not
    top-level."""
    trade = help_fields(run_cli, "trade")
    assert set(trade) == {"JSON fields (exports, imports)", "JSON fields (totals)"}
    assert {"growth_base", "growth_base_precision", "sum_check", "note"} <= trade[
        "JSON fields (totals)"
    ]
    members = help_fields(run_cli, "members")["JSON fields"]
    assert {"since", "since_precision", "left_precision", "as_of"} <= members
    assert "date_precision" not in members


FIELD_CASES = [
    pytest.param(("members",), "JSON fields", id="members"),
    pytest.param(("members", "--on", "1993-12-15", "--all"), "JSON fields", id="members-all"),
    pytest.param(("timeline",), "JSON fields", id="timeline"),
    pytest.param(
        ("country", "RU"), "JSON fields (one record per row of the profile)", id="country"
    ),
    pytest.param(("resources",), "JSON fields", id="resources"),
    pytest.param(("trade", "exports"), "JSON fields (exports, imports)", id="trade-exports"),
    pytest.param(("trade", "imports"), "JSON fields (exports, imports)", id="trade-imports"),
    pytest.param(("trade", "totals"), "JSON fields (totals)", id="trade-totals"),
    pytest.param(("figures",), "JSON fields", id="figures"),
    pytest.param(("search", "uranium"), "JSON fields", id="search"),
    pytest.param(("cite", "rank-zinc"), "JSON fields", id="cite"),
]


@pytest.mark.parametrize(("args", "section"), FIELD_CASES)
def test_json_fields_equal_help(run_cli: RunCli, args: tuple[str, ...], section: str) -> None:
    listed = help_fields(run_cli, args[0])[section]
    records = as_json(run_cli, *args)
    assert records
    for record in records:
        assert set(record) == listed, record.get("id")


@pytest.mark.parametrize(("args", "section"), FIELD_CASES)
def test_json_records_have_id_and_source(
    run_cli: RunCli, base: FactBase, args: tuple[str, ...], section: str
) -> None:
    source_ids = {s.id for s in base.sources}
    for record in as_json(run_cli, *args):
        key = "since_event" if args[0] == "members" else "id"
        assert isinstance(record[key], str)
        assert record[key]
        assert record["source"] in source_ids


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


TYPED_CASES = [
    ("members", "--on", "1993-12-15", "--all"),
    ("members", "--chart"),
    ("timeline",),
    ("country", "GE"),
    ("country", "RU"),
    ("resources",),
    ("trade", "exports"),
    ("trade", "imports"),
    ("trade", "totals"),
    ("figures",),
    ("search", "Kazakhstan"),
    ("show", "almaty-protocol"),
    ("show", "trade-cis-turnover-2004"),
]


@pytest.mark.parametrize("args", TYPED_CASES, ids="-".join)
def test_json_dates_numbers_and_countries(
    run_cli: RunCli, base: FactBase, args: tuple[str, ...]
) -> None:
    """Dates are ISO with a precision sibling, numbers are numbers, countries {code, name}."""
    codes = {c.code: c.name_en for c in base.countries}
    for obj in _walk(as_json(run_cli, *args)):
        for key, value in obj.items():
            if key.endswith("_precision"):
                date = obj[key.removesuffix("_precision")]
                if date is None:
                    assert value is None, key
                else:
                    assert all(ISO_DATE.fullmatch(part) for part in date.split("/")), date
                    assert value == precision_of(date), (key, date, value)
            elif key in NUMERIC_FIELDS and value is not None:
                assert isinstance(value, int | float), (key, value)
                assert not isinstance(value, bool), key
            elif key == "value" and obj.get("section") != "names" and value is not None:
                assert isinstance(value, int | float), (key, value)
            elif key in ("country", "initiator") and value is not None:
                assert value == {"code": value["code"], "name": codes[value["code"]]}
            elif key == "participants":
                assert all(p == {"code": p["code"], "name": codes[p["code"]]} for p in value)


# --------------------------------------------------------------------------------------------
# timeline
# --------------------------------------------------------------------------------------------


def test_timeline_lists_every_event_in_date_order(run_cli: RunCli, base: FactBase) -> None:
    records = as_json(run_cli, "timeline")
    assert {r["id"] for r in records} == {e.id for e in base.events}
    events = {e.id: e for e in base.events}
    firsts = [events[r["id"]].date.first for r in records]
    assert firsts == sorted(firsts)
    assert records[0]["id"] == "belovezh-agreement"
    assert records[-1]["id"] == "moldova-denunciation-first-reading-2026"


def test_timeline_records_carry_the_base_values(run_cli: RunCli, base: FactBase) -> None:
    for record in as_json(run_cli, "timeline"):
        event = by_id(base, record["id"])
        assert isinstance(event, Event)
        assert record["date"] == event.date.iso()
        assert record["date_precision"] == event.date.precision
        assert record["year"] == event.date.start.year
        assert (record["kind"], record["label"], record["place"]) == (
            event.kind,
            event.label_en,
            event.place_en,
        )
        assert [p["code"] for p in record["participants"]] == list(event.participants)
        assert (record["status"], record["source"], record["quote"], record["note"]) == (
            event.status,
            event.source,
            event.quote,
            event.note,
        )


def test_timeline_belovezh_was_signed_by_russia_belarus_ukraine(run_cli: RunCli) -> None:
    record = as_json(run_cli, "timeline", "--kind", "founding")[0]
    assert record["id"] == "belovezh-agreement"
    assert (record["date"], record["date_precision"]) == ("1991-12-08", "day")
    assert [p["code"] for p in record["participants"]] == ["RU", "BY", "UA"]


@pytest.mark.parametrize(
    ("start", "end"), [("2007", "2009"), ("1991-12-13", "1991-12-21"), ("1993-01", "2005-08-26")]
)
def test_timeline_from_to(run_cli: RunCli, base: FactBase, start: str, end: str) -> None:
    """An event is kept when its date (at its precision) overlaps [--from, --to]."""
    low, high = parse_partial(start).first, parse_partial(end).last
    expected = {e.id for e in base.events if e.date.last >= low and e.date.first <= high}
    records = as_json(run_cli, "timeline", "--from", start, "--to", end)
    assert {r["id"] for r in records} == expected
    assert expected


def test_timeline_from_to_days(run_cli: RunCli) -> None:
    records = as_json(run_cli, "timeline", "--from", "1991-12-13", "--to", "1991-12-21")
    assert [r["id"] for r in records] == [
        "ashgabat-meeting",
        "almaty-protocol",
        "azerbaijan-ratification-pending",
        "moldova-ratification-pending",
        "almaty-declaration",
    ]


@pytest.mark.parametrize("name", ["Georgia", "GE", "грузия", "Грузия", "georgia"])
def test_timeline_country(run_cli: RunCli, base: FactBase, name: str) -> None:
    expected = [e.id for e in base.events if "GE" in e.participants or e.initiator == "GE"]
    records = as_json(run_cli, "timeline", "--country", name)
    assert [r["id"] for r in records] == expected
    assert expected == ["georgia-accession", "georgia-charter-1994", "georgia-withdrawal"]
    assert (records[0]["date"], records[0]["date_precision"]) == ("1993-12", "month")
    assert (records[1]["date"], records[1]["date_precision"]) == ("1994", "year")
    assert (records[2]["date"], records[2]["date_precision"]) == ("2009-08-18", "day")
    assert [r["from_text"] for r in records] == [True, False, True]


def test_timeline_country_counts_the_initiator(run_cli: RunCli) -> None:
    ids = [r["id"] for r in as_json(run_cli, "timeline", "--country", "KZ")]
    assert "dushanbe-concept-2007" in ids  # Kazakhstan initiated it, took no part as such


def test_timeline_kind(run_cli: RunCli, base: FactBase) -> None:
    records = as_json(run_cli, "timeline", "--kind", "founding")
    assert [r["id"] for r in records] == [e.id for e in base.events if e.kind == "founding"]
    assert {r["kind"] for r in records} == {"founding"}


def test_timeline_table_shows_dates_at_their_precision(run_cli: RunCli) -> None:
    out = table(run_cli, "timeline")
    assert "21 Dec 1991" in out
    assert "Dec 1993" in out
    assert "1 Dec 1993" not in out  # a month is never turned into its first day
    assert "1993-12" not in out
    assert "18 Aug 2009" in out
    assert "CIS timeline" in out


def test_timeline_unknown_country_suggests(run_cli: RunCli) -> None:
    result = run_cli("timeline", "--country", "Gorgia")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cis-facts: ")
    assert "did you mean" in result.stderr
    assert "Georgia" in result.stderr


def test_timeline_nothing_matches_exits_1(run_cli: RunCli) -> None:
    result = run_cli("timeline", "--from", "1995", "--to", "2004")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cis-facts: ")


# --------------------------------------------------------------------------------------------
# country
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("KZ", "KZ"),
        ("kz", "KZ"),
        ("Kazakhstan", "KZ"),
        ("Қазақстан", "KZ"),
        ("казакстан", "KZ"),
        ("Казахстан", "KZ"),
        ("Ресей", "RU"),
        ("Россия", "RU"),
        ("UK", "GB"),
        ("USA", "US"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("turkiye", "TR"),
        ("United Kingdom", "GB"),
        ("Kyrg", "KG"),
        ("KAZ", "KZ"),
        ("Q232", "KZ"),
        ("q232", "KZ"),
        ("051", "AM"),
        ("GBR", "GB"),
        ("Q159", "RU"),
    ],
)
def test_country_is_found_by_any_name(run_cli: RunCli, name: str, code: str) -> None:
    first = as_json(run_cli, "country", name)[0]
    assert (first["section"], first["id"], first["value"]) == ("names", code, code)


def test_country_names_section(run_cli: RunCli, base: FactBase) -> None:
    kz = next(c for c in base.countries if c.code == "KZ")
    names = [r for r in as_json(run_cli, "country", "KZ") if r["section"] == "names"]
    assert [r["value"] for r in names] == [
        kz.code,
        kz.name_en,
        kz.name_kk,
        kz.name_ru,
        ", ".join(kz.aliases),
        "KAZ",
        "398",
        "Q232",
    ]


def test_country_trade_positions(run_cli: RunCli, base: FactBase) -> None:
    rows = {
        r["section"]: r
        for r in as_json(run_cli, "country", "Russia")
        if r["section"] in ("export", "import")
    }
    export = next(s for s in base.trade_shares if s.country == "RU" and s.flow == "export")
    supply = next(s for s in base.trade_shares if s.country == "RU" and s.flow == "import")
    assert (rows["export"]["share"], rows["export"]["position"]) == (export.share, export.position)
    assert (rows["export"]["share"], rows["export"]["position"]) == (14.1, 3)
    assert (rows["import"]["share"], rows["import"]["position"]) == (None, 1)
    assert rows["import"]["id"] == supply.id


def test_country_events_in_date_order(run_cli: RunCli) -> None:
    events = [r for r in as_json(run_cli, "country", "GE") if r["section"] == "event"]
    assert [(r["id"], r["date"], r["date_precision"], r["status"]) for r in events] == [
        ("georgia-accession", "1993-12", "month", "acceding"),
        ("georgia-charter-1994", "1994", "year", "member"),
        ("georgia-withdrawal", "2009-08-18", "day", "left"),
    ]


def test_country_lists_every_fact_naming_it(run_cli: RunCli, base: FactBase) -> None:
    ids = {r["id"] for r in as_json(run_cli, "country", "CH") if r["section"] != "names"}
    assert ids == {
        f.id
        for f in base.facts()
        if "CH"
        in (
            *getattr(f, "participants", ()),
            getattr(f, "country", None),
            getattr(f, "initiator", None),
        )
    } | {"trade-leading-partners-2004", "export-buyers-europe"}  # statements naming it
    assert "export-share-switzerland" in ids


def test_country_table(run_cli: RunCli) -> None:
    out = table(run_cli, "country", "KZ")
    assert "Kazakhstan (KZ)" in out
    assert "Kazakhstan · Қазақстан · Казахстан" in out
    assert "13 Dec 1991" in out


def test_country_unknown(run_cli: RunCli) -> None:
    result = run_cli("country", "Atlantis")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cis-facts: unknown country 'Atlantis'")
    assert len(result.stderr.splitlines()) == 1


def test_country_typo_suggests(run_cli: RunCli) -> None:
    result = run_cli("country", "Swizerland")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cis-facts: unknown country 'Swizerland' (did you mean: ")
    assert "Switzerland" in result.stderr


# --------------------------------------------------------------------------------------------
# resources
# --------------------------------------------------------------------------------------------


def test_resources_rankings_then_reserves(run_cli: RunCli, base: FactBase) -> None:
    records = as_json(run_cli, "resources")
    kinds = [r["kind"] for r in records]
    assert kinds == sorted(kinds, key=["ranking", "reserve"].index)
    assert [r["id"] for r in records if r["kind"] == "ranking"][:3] == [
        "rank-zinc",
        "rank-tungsten",
        "rank-barite",
    ]
    assert {r["id"] for r in records if r["kind"] == "ranking"} == {r.id for r in base.rankings}
    assert {r["id"] for r in records if r["kind"] == "reserve"} == {
        f.id for f in base.figures if f.topic == "reserves"
    }
    ranks = [r["rank"] or r["top"] for r in records if r["rank"] or r["top"]]
    assert ranks == sorted(ranks)


def test_resources_zinc_first_and_uranium_about_a_quarter(run_cli: RunCli) -> None:
    records = {r["id"]: r for r in as_json(run_cli, "resources")}
    zinc, uranium = records["rank-zinc"], records["rank-uranium"]
    assert (zinc["rank"], zinc["standing"], zinc["approximate"]) == (1, "1st", False)
    assert (uranium["rank"], uranium["share"], uranium["approximate"]) == (None, 25, True)
    assert "25" in uranium["standing"]
    assert records["rank-gold"]["top"] == 10
    assert records["reserves-oil-gas-2003"]["value"] == 4.6
    assert records["reserves-oil-gas-2003"]["unit"] == "billion t"


@pytest.mark.parametrize(
    ("mineral", "ids"),
    [
        ("uranium", ["rank-uranium"]),
        ("уран", ["rank-uranium"]),
        ("мырыш", ["rank-zinc"]),
        ("zinc", ["rank-zinc"]),
        ("ZINC", ["rank-zinc"]),
        ("темір", ["rank-iron-ore"]),
    ],
)
def test_resources_mineral(run_cli: RunCli, mineral: str, ids: list[str]) -> None:
    assert [r["id"] for r in as_json(run_cli, "resources", "--mineral", mineral)] == ids


@pytest.mark.parametrize("top", [1, 2, 3, 9, 10, 13])
def test_resources_top(run_cli: RunCli, base: FactBase, top: int) -> None:
    """--top N: rankings of world rank N or better (within the top N counts); no reserves."""
    expected = {
        r.id
        for r in base.rankings
        if (r.rank is not None and r.rank <= top)
        or (r.rank is None and r.top is not None and r.top <= top)
    }
    records = as_json(run_cli, "resources", "--top", str(top))
    assert {r["id"] for r in records} == expected
    assert {r["kind"] for r in records} == {"ranking"}


def test_resources_top_10_includes_gold_but_not_9(run_cli: RunCli) -> None:
    assert "rank-gold" in {r["id"] for r in as_json(run_cli, "resources", "--top", "10")}
    assert "rank-gold" not in {r["id"] for r in as_json(run_cli, "resources", "--top", "9")}


def test_resources_unknown_mineral(run_cli: RunCli) -> None:
    result = run_cli("resources", "--mineral", "unobtainium")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cis-facts: ")


# --------------------------------------------------------------------------------------------
# trade
# --------------------------------------------------------------------------------------------


def test_trade_exports(run_cli: RunCli, base: FactBase) -> None:
    records = as_json(run_cli, "trade", "exports")
    expected = sorted(
        (s for s in base.trade_shares if s.flow == "export"), key=lambda s: s.position
    )
    assert [r["id"] for r in records] == [s.id for s in expected]
    assert [r["position"] for r in records] == list(range(1, len(records) + 1))
    first = records[0]
    assert first["country"] == {"code": "CH", "name": "Switzerland"}
    assert (first["position"], first["share"]) == (1, 18.7)
    assert (first["date"], first["date_precision"]) == ("2004", "year")
    shares = [r["share"] for r in records]
    assert shares == sorted(shares, reverse=True)  # largest first
    assert [r["share"] for r in records] == [s.share for s in expected]


def test_trade_exports_top(run_cli: RunCli) -> None:
    records = as_json(run_cli, "trade", "exports", "--top", "5")
    assert [r["position"] for r in records] == [1, 2, 3, 4, 5]
    assert [r["country"]["code"] for r in records] == ["CH", "IT", "RU", "CN", "FR"]


def test_trade_exports_top_keeps_the_partners_of_one_figure(run_cli: RunCli) -> None:
    """«Israel and Portugal (1.6%)» is one figure: --top 9 keeps both, as --top 11 keeps
    Azerbaijan, Spain, the USA and Ukraine (one 1.4 %); --top 8 stops before them."""
    codes = lambda *args: [r["country"]["code"] for r in as_json(run_cli, "trade", *args)]  # noqa: E731
    assert codes("exports", "--top", "9")[-3:] == ["NL", "IL", "PT"]
    assert codes("exports", "--top", "8")[-1] == "NL"
    assert codes("exports", "--top", "11")[-4:] == ["AZ", "ES", "US", "UA"]


def test_trade_imports_in_text_order(run_cli: RunCli, base: FactBase) -> None:
    records = as_json(run_cli, "trade", "imports")
    expected = sorted(
        (s for s in base.trade_shares if s.flow == "import"), key=lambda s: s.position
    )
    assert [r["country"]["code"] for r in records] == [s.country for s in expected]
    assert [r["country"]["code"] for r in records][:3] == ["RU", "DE", "CN"]
    assert [r["position"] for r in records] == list(range(1, len(records) + 1))
    assert {r["share"] for r in records} == {None}
    top = as_json(run_cli, "trade", "imports", "--top", "3")
    assert [r["country"]["code"] for r in top] == ["RU", "DE", "CN"]


def _totals(base: FactBase) -> dict[tuple[str, str], float]:
    return {(t.partners, t.flow): t.value for t in base.trade_totals}


def test_trade_totals_values_and_sums(run_cli: RunCli, base: FactBase) -> None:
    stated = _totals(base)
    records = {(r["partners"], r["flow"]): r for r in as_json(run_cli, "trade", "totals")}
    assert {k: r["value"] for k, r in records.items()} == stated
    # The text: CIS turnover 10215.1 = exports 4097.2 + imports 6117.9.
    assert (stated["cis", "turnover"], stated["cis", "exports"], stated["cis", "imports"]) == (
        10215.1,
        4097.2,
        6117.9,
    )
    # Worded as the table words it, numbers grouped as the reader's language groups them.
    assert records["cis", "turnover"]["sum_check"] == "exports + imports = 10,215.1 ✓"
    assert records["other", "turnover"]["sum_check"] == "exports + imports = 22,662.4 ✓"
    assert records["all", "turnover"]["sum_check"] == "CIS + other countries = 32,877.5 ✓"
    for key in (("cis", "exports"), ("cis", "imports"), ("other", "exports")):
        assert records[key]["sum_check"] is None


def test_trade_totals_growth(run_cli: RunCli) -> None:
    records = {(r["partners"], r["flow"]): r for r in as_json(run_cli, "trade", "totals")}
    turnover = records["cis", "turnover"]
    assert (turnover["growth"], turnover["growth_base"], turnover["growth_base_precision"]) == (
        48,
        "2003",
        "year",
    )
    assert (turnover["date"], turnover["date_precision"]) == ("2004", "year")
    assert records["cis", "imports"]["growth"] is None
    assert records["cis", "imports"]["growth_base"] is None


def test_trade_exports_table_notes_the_share_sum(run_cli: RunCli, base: FactBase) -> None:
    total = round(sum(s.share or 0 for s in base.trade_shares if s.flow == "export"), 1)
    out = table(run_cli, "trade", "exports")
    assert "Switzerland (CH)" in out
    assert "18.7" in out
    assert f"sum to {total:g} %" in out
    assert f"other {round(100 - total, 1):g} %" in out


def test_trade_exports_top_does_not_misstate_the_rest(run_cli: RunCli, base: FactBase) -> None:
    total = round(sum(s.share or 0 for s in base.trade_shares if s.flow == "export"), 1)
    out = table(run_cli, "trade", "exports", "--top", "5")
    unattributed = f"other {round(100 - total, 1):g} % to no country"
    assert "to no country" not in out or unattributed in out


def _extra_totals(tmp_path: Path, rows: list[tuple[str, str, str, float, str]]) -> str:
    text = ""
    for fact_id, partners, flow, value, date in rows:
        text += (
            f'[[trade_totals]]\nid = "{fact_id}"\npartners = "{partners}"\n'
            f'flow = "{flow}"\nvalue = {value}\nunit = "USD million"\ndate = "{date}"\n'
            f'label_en = "{fact_id}"\nlabel_kk = "{fact_id}"\nsource = "kk-text"\n'
            f'quote = "test"\n\n'
        )
    path = tmp_path / "totals.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_trade_totals_show_a_mismatch(run_cli: RunCli, tmp_path: Path) -> None:
    extra = _extra_totals(tmp_path, [("fx-all-exports-2004", "all", "exports", 20000.0, "2004")])
    records = as_json(run_cli, "--data", extra, "trade", "totals")
    check = next(r["sum_check"] for r in records if r["id"] == "fx-all-exports-2004")
    assert check == (
        "MISMATCH: CIS + other countries = 20,096.2, stated 20,000.0 (differs by +96.2)"
    )
    out = ok(
        run_cli,
        "--data",
        extra,
        "trade",
        "totals",
        "--format",
        "table",
        "--color",
        "never",
        width=200,
    ).stdout
    assert "MISMATCH" in out


def test_trade_totals_sum_check_stays_within_a_year(run_cli: RunCli, tmp_path: Path) -> None:
    extra = _extra_totals(
        tmp_path,
        [
            ("fx-cis-turnover-2005", "cis", "turnover", 100.0, "2005"),
            ("fx-cis-exports-2005", "cis", "exports", 40.0, "2005"),
            ("fx-cis-imports-2005", "cis", "imports", 60.0, "2005"),
        ],
    )
    records = as_json(run_cli, "--data", extra, "trade", "totals")
    check = next(r["sum_check"] for r in records if r["id"] == "fx-cis-turnover-2005")
    assert check == "exports + imports = 100 ✓"


def test_trade_unknown_view_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("trade", "balance")
    assert result.exit_code == 2
    assert result.stdout == ""


# --------------------------------------------------------------------------------------------
# figures
# --------------------------------------------------------------------------------------------


def test_figures_all_grouped_by_topic(run_cli: RunCli, base: FactBase) -> None:
    records = as_json(run_cli, "figures")
    assert sorted(r["id"] for r in records) == sorted(f.id for f in base.figures)
    topics = [r["topic"] for r in records]
    first_seen = list(dict.fromkeys(f.topic for f in base.figures))
    assert list(dict.fromkeys(topics)) == first_seen  # each topic once, in file order
    figures = {f.id: f for f in base.figures}
    for record in records:
        figure = figures[record["id"]]
        assert (record["value"], record["unit"], record["measure"], record["approximate"]) == (
            figure.value,
            figure.unit,
            figure.measure,
            figure.approximate,
        )
        assert record["label"] == figure.label_en


@pytest.mark.parametrize("topic", ["investment", "inv", "INV", "world", "world-gdp", "res"])
def test_figures_topic_prefix(run_cli: RunCli, base: FactBase, topic: str) -> None:
    expected = [f.id for f in base.figures if f.topic.startswith(topic.lower())]
    records = as_json(run_cli, "figures", topic)
    assert sorted(r["id"] for r in records) == sorted(expected)
    assert expected


def test_figures_span_dates_and_countries(run_cli: RunCli) -> None:
    records = {r["id"]: r for r in as_json(run_cli, "figures", "investment")}
    fdi = records["fdi-cumulative-1993-2004"]
    assert (fdi["value"], fdi["unit"]) == (34, "USD billion")
    assert (fdi["date"], fdi["date_precision"]) == ("1993/2004", "year")
    assert fdi["country"] == {"code": "KZ", "name": "Kazakhstan"}
    assert records["fdi-growth-developing-1995-2003"]["country"] is None


def test_figures_unknown_topic(run_cli: RunCli) -> None:
    result = run_cli("figures", "nosuch")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cis-facts: no topic 'nosuch'")


def test_figures_table(run_cli: RunCli) -> None:
    out = table(run_cli, "figures", "investment")
    assert "Economic figures" in out
    assert "214.5" in out
    assert "1993–2004" in out  # a span of years, at year precision


# --------------------------------------------------------------------------------------------
# show and cite
# --------------------------------------------------------------------------------------------


def _assert_every_field(
    record: dict[str, Any], fact: AnyFact, base: FactBase, skip: tuple[str, ...] = ()
) -> None:
    for name in field_names(fact):
        value = getattr(fact, name)
        if name == "origin" or name in skip:
            continue
        if isinstance(value, When):
            assert (record[name], record[f"{name}_precision"]) == (value.iso(), value.precision)
        elif name in ("country", "initiator") and value is not None:
            assert record[name] == {"code": value, "name": country_name(base, value)}
        elif name == "participants":
            assert record[name] == [{"code": c, "name": country_name(base, c)} for c in value]
        elif isinstance(value, tuple):
            assert record[name] == list(value)
        else:
            assert record[name] == value, name


@pytest.mark.parametrize(
    "fact_id",
    [
        "rank-zinc",
        "rank-uranium",
        "export-share-switzerland",
        "trade-cis-turnover-2004",
        "fdi-cumulative-1993-2004",
        "almaty-protocol",
        "dushanbe-concept-2007",
    ],
)
def test_show_every_field(run_cli: RunCli, base: FactBase, fact_id: str) -> None:
    fact = by_id(base, fact_id)
    (record,) = as_json(run_cli, "show", fact_id)
    stored = {name for name in field_names(fact) if name != "origin"}
    dated = {
        f"{name}_precision"
        for name in stored
        if isinstance(getattr(fact, name), When) or name in ("date", "growth_base")
    }
    if isinstance(fact, Event):  # an event's own kind is renamed: "kind" is the fact kind
        stored = (stored - {"kind"}) | {"event_kind"}
    documented = help_fields(run_cli, "show")["JSON fields"]
    if not isinstance(fact, Event):
        documented = documented - {"event_kind"}
    documented = documented - {"context"}  # only with --context
    assert set(record) == stored | dated | documented
    _assert_every_field(record, fact, base, skip=("kind",) if isinstance(fact, Event) else ())
    assert record["kind"] == KIND_OF[type(fact)]
    if isinstance(fact, Event):
        assert record["event_kind"] == fact.kind
    assert record["label"] == fact.label_en
    assert record["source_title"] == next(s.title for s in base.sources if s.id == fact.source)


def test_show_event_kind_is_the_record_kind(run_cli: RunCli) -> None:
    (record,) = as_json(run_cli, "show", "almaty-protocol")
    assert record["kind"] == "event"


def test_show_values(run_cli: RunCli) -> None:
    (zinc,) = as_json(run_cli, "show", "rank-zinc")
    assert (zinc["mineral_en"], zinc["rank"], zinc["share"]) == ("zinc", 1, None)
    (swiss,) = as_json(run_cli, "show", "export-share-switzerland")
    assert swiss["country"] == {"code": "CH", "name": "Switzerland"}
    assert (swiss["position"], swiss["share"], swiss["date"]) == (1, 18.7, "2004")
    (georgia,) = as_json(run_cli, "show", "georgia-accession")
    assert (georgia["date"], georgia["date_precision"]) == ("1993-12", "month")


def test_show_table(run_cli: RunCli, base: FactBase) -> None:
    fact = by_id(base, "rank-zinc")
    out = table(run_cli, "show", "rank-zinc", width=200)
    assert "rank-zinc" in out
    assert fact.quote in out
    assert fact.label_en in out
    assert "label_kk" not in out


def test_show_unknown_id_suggests(run_cli: RunCli) -> None:
    result = run_cli("show", "georgia-accesion")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "cis-facts: no fact with id 'georgia-accesion' (did you mean: georgia-accession?)\n"
    )


@pytest.mark.parametrize(
    ("fact_id", "sentence", "number"),
    [
        ("rank-zinc", "Kazakhstan ranks 1st in the world for zinc.", 62),
        (
            "export-share-switzerland",
            (
                "In 2004 Switzerland took 18.7% of Kazakhstan's exports, first in the list of its "
                "main buyers."
            ),
            83,
        ),
        # The text's sixth sentence: definition, Minsk, Ashgabat, Protocol, Declaration, Georgia.
        ("georgia-withdrawal", "Georgia left the CIS on 18 August 2009.", 6),
    ],
)
def test_cite_plain(
    run_cli: RunCli, base: FactBase, fact_id: str, sentence: str, number: int
) -> None:
    fact = by_id(base, fact_id)
    title = next(s.title for s in base.sources if s.id == fact.source)
    out = ok(run_cli, "cite", fact_id).stdout
    cited, sources = out.rstrip("\n").split("\n\nSources:\n")
    first, second, *rest = cited.splitlines()
    assert first == sentence
    assert sources.splitlines()[0].startswith("Author unknown. Тәуелсіз Мемлекеттер Достастығы")
    where = f"¶ 1, sentence {number}"
    assert second == (
        f"Source: {title}, {where}; quote: «{fact.quote}»; "
        f"translation by cis-facts: «{fact.quote_en}»; cis-facts {__version__}, {fact.id}"
    )
    if fact.note:
        (correction,) = rest
        assert correction.startswith(f"Note: {fact.note}")
    else:
        assert rest == []


def test_cite_markdown(run_cli: RunCli, base: FactBase) -> None:
    fact = by_id(base, "rank-zinc")
    out = ok(run_cli, "cite", "rank-zinc", "--style", "markdown").stdout
    assert out.startswith("Kazakhstan ranks 1st in the world for zinc.[^rank-zinc-en]\n")
    footnote = out.split("\n\n[^rank-zinc-en]: ", 1)[1]
    title = next(s.title for s in base.sources if s.id == fact.source)
    assert footnote.startswith(f"*{title}*")  # the title in italics
    assert fact.quote in footnote


@pytest.mark.parametrize("style", ["plain", "markdown"])
def test_cite_kazakh(run_cli: RunCli, base: FactBase, style: str) -> None:
    fact = by_id(base, "rank-zinc")
    out = ok(run_cli, "cite", "rank-zinc", "--style", style, "--lang", "kk").stdout
    # in Markdown the note marker stands before the full stop, as Kazakh puts it
    first = "Қазақстан мырыштан әлемде бірінші орын алады"
    assert out.startswith(f"{first}[^rank-zinc-kk]." if style == "markdown" else f"{first}.")
    assert fact.quote in out
    assert "Source" not in out and "quote" not in out


def test_cite_json(run_cli: RunCli, base: FactBase) -> None:
    fact = by_id(base, "almaty-protocol")
    (record,) = as_json(run_cli, "cite", fact.id)
    assert (record["id"], record["style"], record["source"]) == (fact.id, "plain", fact.source)
    assert record["sentence"].endswith("signed the Alma-Ata Protocol on 21 December 1991.")
    assert record["quote"] == fact.quote
    assert record["note"] == fact.note
    assert (record["note_source"], record["note_source_title"]) == (
        "alma-ata-protocol",
        (
            "Protocol to the Agreement on the Establishment of the Commonwealth of Independent "
            "States (Alma-Ata, 21 December 1991)"
        ),
    )
    assert record["text"] == f"{record['sentence']}\n{record['citation']}"
    assert (record["paragraph"], record["sentence_number"]) == (1, 4)
    assert record["version"] == __version__


def test_cite_unknown_id(run_cli: RunCli) -> None:
    result = run_cli("cite", "rank-zink")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "rank-zinc" in result.stderr


# --------------------------------------------------------------------------------------------
# languages
# --------------------------------------------------------------------------------------------


def _kk(base: FactBase, what: str) -> str:
    """A Kazakh label of the base (``country:KZ``, ``place:ID``, ``mineral:ID``, ``fact:ID``),
    or, for a table that shows none, a Kazakh word of the interface (``text:...``)."""
    kind, _, key = what.partition(":")
    if kind == "text":
        return key
    if kind == "country":
        return country_name(base, key, "kk")
    fact = by_id(base, key)
    if kind == "place":
        assert isinstance(fact, Event)
        return fact.place_kk or ""
    if kind == "mineral":
        assert isinstance(fact, Ranking)
        return fact.mineral_kk
    return fact.label_kk


# (command, Kazakh text the table must show, an English word it must not show)
LANG_CASES = [
    (("members",), "country:KZ", "Country"),
    (("members", "--chart"), "country:GE", "not a member"),
    (("timeline", "--kind", "founding"), "place:belovezh-agreement", "What happened"),
    (("country", "GE"), "fact:georgia-accession", "Section"),
    (("resources", "--top", "1"), "mineral:rank-zinc", "Mineral"),
    (("trade", "exports"), "country:CH", "Share, %"),
    (("trade", "imports"), "country:DE", "Suppliers"),
    (("trade", "totals"), "text:ТМД", "Partners"),
    (("figures", "languages"), "fact:languages-cis-count", "Topic"),
    (("search", "уран"), "fact:rank-uranium", "Score"),
    (("show", "rank-zinc"), "fact:rank-zinc", "world ranking"),
    (("cite", "rank-zinc"), "fact:rank-zinc", "Source"),
]


@pytest.mark.parametrize(("args", "label", "english"), LANG_CASES, ids=lambda a: str(a))
def test_lang_kk_table(
    run_cli: RunCli, base: FactBase, args: tuple[str, ...], label: str, english: str
) -> None:
    out = table(run_cli, *args, "--lang", "kk", width=250)
    assert _kk(base, label) in out
    assert english not in out
    assert "Дереккөз" in out


@pytest.mark.parametrize(
    "args",
    [
        ("members",),
        ("timeline",),
        ("country", "GE"),
        ("resources",),
        ("trade", "exports"),
        ("figures",),
        ("search", "uranium"),
        ("show", "rank-zinc"),
        ("cite", "rank-zinc"),
    ],
    ids="-".join,
)
def test_lang_kk_json_labels(run_cli: RunCli, base: FactBase, args: tuple[str, ...]) -> None:
    """In Kazakh, every label and country name is the base's Kazakh one."""
    kk_names = {c.code: c.name_kk for c in base.countries}
    labels = {f.id: f.label_kk for f in base.facts()}
    checked = 0
    for obj in _walk(as_json(run_cli, *args, "--lang", "kk")):
        if "code" in obj and "name" in obj:
            assert obj["name"] == kk_names[obj["code"]]
            checked += 1
        if obj.get("id") in labels and "label" in obj:
            assert obj["label"] == labels[obj["id"]]
            checked += 1
        if "sentence" in obj:
            assert obj["sentence"].startswith(labels[obj["id"]])
            checked += 1
    assert checked


@pytest.mark.parametrize(
    ("env", "flag", "lang"),
    [
        ({"LANG": ""}, (), "en"),
        ({"LANG": "kk_KZ.UTF-8"}, (), "kk"),
        ({"LANG": "en_US.UTF-8"}, (), "en"),
        ({"LANG": "kk_KZ.UTF-8"}, ("--lang", "en"), "en"),
        ({"LANG": ""}, ("--lang", "kk"), "kk"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "kk_KZ.UTF-8"}, (), "kk"),
    ],
)
def test_lang_default_from_the_locale(
    run_cli: RunCli, base: FactBase, env: dict[str, str | None], flag: tuple[str, ...], lang: str
) -> None:
    records = as_json(run_cli, "trade", "exports", "--top", "1", *flag, environ=env)
    assert records[0]["country"]["name"] == country_name(base, "CH", lang)
    (cited,) = as_json(run_cli, "cite", "rank-zinc", *flag, environ=env)
    fact = by_id(base, "rank-zinc")
    assert cited["sentence"] == (fact.label_kk if lang == "kk" else fact.label_en) + "."


def test_group_lang_option_applies_to_the_command(run_cli: RunCli, base: FactBase) -> None:
    records = as_json(run_cli, "--lang", "kk", "trade", "exports", "--top", "1")
    assert records[0]["country"]["name"] == country_name(base, "CH", "kk")


# --------------------------------------------------------------------------------------------
# errors: one line on stderr, nothing on stdout, no traceback
# --------------------------------------------------------------------------------------------

ERROR_CASES = [
    (("members", "--on", "1990"), 1),
    (("members", "--on", "1993-13"), 2),
    (("members", "--on", "1993-02-30"), 2),
    (("members", "--on", "yesterday"), 2),
    (("timeline", "--country", "Atlantis"), 1),
    (("timeline", "--from", "1995", "--to", "2004"), 1),
    (("timeline", "--kind", "coup"), 2),
    (("country", "Atlantis"), 1),
    (("country", "Swizerland"), 1),
    (("country",), 2),
    (("resources", "--mineral", "unobtainium"), 1),
    (("resources", "--top", "0"), 2),
    (("trade", "balance"), 2),
    (("trade", "exports", "--top", "x"), 2),
    (("figures", "nosuch"), 1),
    (("search", "xyzzyq"), 1),
    (("search",), 2),
    (("show", "no-such-fact"), 1),
    (("cite", "no-such-fact"), 1),
    (("cite", "rank-zinc", "--style", "apx"), 2),
    (("trade", "exports", "--format", "json", "--fields", "bogus"), 2),
    (("members", "--format", "xml"), 2),
]


@pytest.mark.parametrize(("args", "code"), ERROR_CASES, ids=lambda a: str(a))
def test_errors_are_one_line_on_stderr(run_cli: RunCli, args: tuple[str, ...], code: int) -> None:
    result = run_cli(*args)
    assert result.exit_code == code
    assert isinstance(result.exception, SystemExit)  # no other exception escaped
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    if lines[0].startswith("cis-facts: "):
        assert len(lines) == 1, lines
    else:  # Click's usage error
        assert code == 2
        assert lines[0].startswith("Usage: cis-facts ")
        assert lines[-1].startswith("Error: ")


# --------------------------------------------------------------------------------------------
# end to end: the installed command as a real subprocess
# --------------------------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CIS_FACTS_DATA", "FORCE_COLOR")}
    env.update({"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "NO_COLOR": "1"})
    return subprocess.run(
        [installed_command(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def test_e2e_trade_exports_json() -> None:
    done = run("trade", "exports", "--format", "json")
    assert (done.returncode, done.stderr) == (0, "")
    records = json.loads(done.stdout)
    assert records[0]["country"] == {"code": "CH", "name": "Switzerland"}
    assert records[0]["share"] == 18.7


def test_e2e_members_jsonl() -> None:
    done = run("members", "--on", "1993-12-15", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    georgia = next(r for r in records if r["country"]["code"] == "GE")
    assert (georgia["status"], georgia["certain"]) == ("uncertain", False)
    assert len(records) == 12


def test_e2e_piped_output_is_plain() -> None:
    done = run("trade", "imports")
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0].split("\t")
    assert first[:3] == ["1", "RU", "Russia"]
    assert "\x1b" not in done.stdout


@pytest.mark.parametrize(
    ("args", "code"), [(("country", "Atlantis"), 1), (("members", "--on", "1993-13"), 2)]
)
def test_e2e_errors(args: tuple[str, ...], code: int) -> None:
    done = run(*args)
    assert done.returncode == code
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.strip()
