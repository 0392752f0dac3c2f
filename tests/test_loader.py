"""Validation of fact files: each rule, its exact problem line, and collecting them all."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import tomli

from cis_facts.errors import InvalidFactsError
from cis_facts.loader import load, packaged_base
from cis_facts.schema import MAX_TEXT, TABLES, build_record

ProblemLines = Callable[..., list[str]]

# (fixture, fact id, field, stable part of the message)
RULES = [
    pytest.param(
        "unknown_field.toml", "fx-unknown-field", "colour", "unknown field", id="unknown-field"
    ),
    pytest.param(
        "missing_field.toml",
        "fx-missing-quote",
        "quote",
        "missing required field",
        id="missing-field",
    ),
    pytest.param(
        "type_string_for_number.toml",
        "fx-string-value",
        "value",
        "expected a number, got a string",
        id="string-for-number",
    ),
    pytest.param(
        "type_number_for_string.toml",
        "fx-number-label",
        "label_en",
        "expected a string, got an integer",
        id="number-for-string",
    ),
    pytest.param(
        "type_bool_for_int.toml",
        "fx-bool-rank",
        "rank",
        "expected an integer, got a boolean",
        id="bool-for-int",
    ),
    pytest.param(
        "type_list_item.toml",
        "fx-list-item",
        "participants",
        "item 2: expected a string, got an integer",
        id="list-item-type",
    ),
    pytest.param(
        "enum_not_allowed.toml", "fx-bad-kind", "kind", "'party' is not one of:", id="enum-value"
    ),
    pytest.param(
        "number_not_finite.toml",
        "fx-nan-value",
        "value",
        "must be a finite number",
        id="not-finite",
    ),
    pytest.param(
        "date_impossible_day.toml",
        "fx-feb-30",
        "date",
        "'1988-02-30' does not exist (February 1988 has 29 days)",
        id="date-feb-30",
    ),
    pytest.param(
        "date_month_13.toml", "fx-month-13", "date", "has no month 13", id="date-month-13"
    ),
    pytest.param(
        "date_malformed.toml", "fx-slash-date", "date", "is not a date", id="date-malformed"
    ),
    pytest.param(
        "date_time_not_date.toml", "fx-date-time", "date", "got a date-time", id="date-time"
    ),
    pytest.param(
        "date_span_reversed.toml",
        "fx-reversed-span",
        "date",
        "'2005/1999' ends before it starts",
        id="span-reversed",
    ),
    pytest.param(
        "date_before_1900.toml", "fx-too-early", "date", "1899-12 is before 1900", id="before-1900"
    ),
    pytest.param(
        "unknown_country_participants.toml",
        "fx-unknown-participant",
        "participants",
        "unknown country 'XX'",
        id="unknown-participant",
    ),
    pytest.param(
        "unknown_country_country.toml",
        "fx-unknown-partner",
        "country",
        "unknown country 'XX'",
        id="unknown-country",
    ),
    pytest.param(
        "unknown_country_initiator.toml",
        "fx-unknown-initiator",
        "initiator",
        "unknown country 'XX'",
        id="unknown-initiator",
    ),
    pytest.param(
        "unknown_source.toml",
        "fx-unknown-source",
        "source",
        "unknown source 'fx-no-such-source'",
        id="unknown-source",
    ),
    pytest.param(
        "unknown_note_source.toml",
        "fx-unknown-note-source",
        "note_source",
        "unknown source 'fx-no-such-source'",
        id="unknown-note-source",
    ),
    pytest.param(
        "duplicate_id.toml", "fx-twice", "id", "duplicate id, already defined in", id="duplicate-id"
    ),
    pytest.param(
        "duplicate_id_across_kinds.toml",
        "fx-shared-id",
        "id",
        "duplicate id, already defined in",
        id="duplicate-id-across-kinds",
    ),
    pytest.param(
        "duplicate_packaged_id.toml",
        "belovezh-agreement",
        "id",
        "duplicate id, already defined in",
        id="duplicate-packaged-id",
    ),
    pytest.param(
        "duplicate_country_code.toml",
        "country RU",
        "code",
        "duplicate code, already defined in",
        id="duplicate-country",
    ),
    pytest.param(
        "percent_ranking_share.toml",
        "fx-share-over-100",
        "share",
        "percentage 120 is outside 0-100",
        id="percent-ranking",
    ),
    pytest.param(
        "percent_trade_share.toml",
        "fx-negative-share",
        "share",
        "percentage -0.5 is outside 0-100",
        id="percent-trade-share",
    ),
    pytest.param(
        "percent_figure_share.toml",
        "fx-figure-share",
        "value",
        "percentage 100.5 is outside 0-100",
        id="percent-figure",
    ),
    pytest.param("rank_zero.toml", "fx-rank-zero", "rank", "rank 0 is below 1", id="rank"),
    pytest.param("top_zero.toml", "fx-top-zero", "top", "rank 0 is below 1", id="top"),
    pytest.param(
        "position_below_one.toml",
        "fx-position-negative",
        "position",
        "rank -3 is below 1",
        id="position",
    ),
    pytest.param(
        "ranking_without_rank.toml",
        "fx-no-rank",
        "rank",
        "needs at least one of rank, top or share",
        id="ranking-without-rank",
    ),
    pytest.param(
        "growth_base_without_growth.toml",
        "fx-growth-base-alone",
        "growth_base",
        "given without growth",
        id="growth-base-alone",
    ),
    pytest.param(
        "bad_id.toml", "Fx_Bad_Id", "id", "'Fx_Bad_Id' is not a kebab-case id", id="bad-id"
    ),
    pytest.param(
        "bad_country_code.toml",
        "country MNG",
        "code",
        "'MNG' is not an ISO 3166-1 alpha-2 code",
        id="bad-code",
    ),
    pytest.param(
        "control_char.toml",
        "fx-control-char",
        "label_en",
        "contains the control or formatting character U+0007",
        id="control-char",
    ),
    pytest.param(
        "empty_string.toml", "fx-empty-label", "label_kk", "must not be empty", id="empty-string"
    ),
]

# Fixtures whose problem concerns the whole file, not one record.
FILE_RULES = {
    "unknown_table.toml": "unknown table [treaties] (expected one of: " + ", ".join(TABLES) + ")",
    "table_not_array.toml": "[events] must be an array of tables ([[events]])",
}

NOT_SINGLE_RULE = {"valid_extra.toml", "three_problems.toml", "syntax_error.toml"}


def _fixture_names() -> list[str]:
    return sorted(p.name for p in (Path(__file__).parent / "fixtures").glob("*.toml"))


def _one_rule_params() -> list[object]:
    return [name for name in _fixture_names() if name not in NOT_SINGLE_RULE]


@pytest.mark.parametrize(("name", "fact_id", "field", "message"), RULES)
def test_rule_fixture_reports_exact_line(
    problem_lines: ProblemLines,
    fixtures_dir: Path,
    name: str,
    fact_id: str,
    field: str,
    message: str,
) -> None:
    path = fixtures_dir / name
    who = fact_id if " " in fact_id else f"fact {fact_id}"  # a country's record says so
    prefix = f"{path}: {who}: {field}: "
    lines = problem_lines(path)
    assert any(line.startswith(prefix) and message in line for line in lines), lines


@pytest.mark.parametrize(("name", "message"), sorted(FILE_RULES.items()))
def test_file_level_rule_reports_exact_line(
    problem_lines: ProblemLines, fixtures_dir: Path, name: str, message: str
) -> None:
    path = fixtures_dir / name
    assert problem_lines(path) == [f"{path}: {message}"]


@pytest.mark.parametrize("name", _one_rule_params())
def test_each_broken_fixture_yields_exactly_one_problem(
    problem_lines: ProblemLines, fixtures_dir: Path, name: str
) -> None:
    lines = problem_lines(fixtures_dir / name)
    assert len(lines) == 1, lines


def test_every_broken_fixture_has_a_rule_test() -> None:
    covered = {p.values[0] for p in RULES} | set(FILE_RULES) | NOT_SINGLE_RULE
    assert set(_fixture_names()) == covered


def test_duplicate_across_packaged_base_names_both_files(
    problem_lines: ProblemLines, fixtures_dir: Path
) -> None:
    assert "belovezh-agreement" in {event.id for event in load().events}, (
        "precondition: the packaged base defines the id this fixture repeats"
    )
    path = fixtures_dir / "duplicate_packaged_id.toml"
    assert problem_lines(path) == [
        (f"{path}: fact belovezh-agreement: id: duplicate id, already defined in {packaged_base()}")
    ]


def test_duplicate_country_code_names_both_files(
    problem_lines: ProblemLines, fixtures_dir: Path
) -> None:
    path = fixtures_dir / "duplicate_country_code.toml"
    assert problem_lines(path) == [
        f"{path}: country RU: code: duplicate code, already defined in {packaged_base()}"
    ]


def test_duplicate_id_across_two_user_files_names_both(
    problem_lines: ProblemLines, fixtures_dir: Path, tmp_path: Path
) -> None:
    first = fixtures_dir / "valid_extra.toml"
    second = tmp_path / "again.toml"
    second.write_text(first.read_text(encoding="utf-8").split("[[countries]]")[0], encoding="utf-8")
    assert problem_lines(first, second) == [
        f"{second}: source fx-user-notes: id: duplicate id, already defined in {first}"
    ]


def test_syntax_error_has_line_and_column(problem_lines: ProblemLines, fixtures_dir: Path) -> None:
    path = fixtures_dir / "syntax_error.toml"
    text_lines = path.read_text(encoding="utf-8").splitlines()
    line_no = next(i for i, text in enumerate(text_lines, 1) if text.startswith("kind ="))
    column = text_lines[line_no - 1].index("founding") + 1
    lines = problem_lines(path)
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:{line_no}:{column}: TOML syntax error: ")


def test_non_utf8_bytes_point_at_the_byte(problem_lines: ProblemLines, tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[[sources]]\nid = "fx-latin1"\ntitle = "caf\xe9"\nlanguage = "fr"\n')
    assert problem_lines(path) == [f"{path}:3:13: is not valid UTF-8 (byte 0xe9)"]


def test_non_utf8_column_counts_characters(problem_lines: ProblemLines, tmp_path: Path) -> None:
    path = tmp_path / "mixed.toml"
    path.write_bytes('[[sources]]\nid = "fx-mixed"\ntitle = "ТМД'.encode() + b'\xff"\n')
    # 'title = "ТМД' is 12 characters (18 bytes), so the bad byte is character 13, like a
    # TOML syntax error column would count it.
    assert problem_lines(path) == [f"{path}:3:13: is not valid UTF-8 (byte 0xff)"]


def test_byte_order_mark_is_rejected(
    problem_lines: ProblemLines, fixtures_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (fixtures_dir / "valid_extra.toml").read_bytes())
    assert problem_lines(path) == [
        f"{path}:1:1: starts with a byte-order mark; save it as UTF-8 without BOM"
    ]


def test_directory_given_as_data(problem_lines: ProblemLines, tmp_path: Path) -> None:
    assert problem_lines(tmp_path) == [f"{tmp_path}: is a directory, not a fact file"]


def test_missing_file(problem_lines: ProblemLines, tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    lines = problem_lines(path)
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: cannot read: ")


def test_positional_id_when_the_id_itself_is_broken(
    problem_lines: ProblemLines, fixtures_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "numeric-id.toml"
    text = (fixtures_dir / "unknown_source.toml").read_text(encoding="utf-8")
    path.write_text(
        text.replace('id = "fx-unknown-source"', "id = 7").replace(
            '"fx-no-such-source"', '"kk-text"'
        ),
        encoding="utf-8",
    )
    assert problem_lines(path) == [
        f"{path}: fact #1 of [[events]]: id: expected a string, got an integer"
    ]


def _event_with_label(tmp_path: Path, fixtures_dir: Path, label: str) -> Path:
    text = (fixtures_dir / "unknown_source.toml").read_text(encoding="utf-8")
    text = text.replace('"fx-no-such-source"', '"kk-text"')
    text = text.replace('label_en = "CIS founded"', f"label_en = {label}")
    path = tmp_path / "label.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_text_longer_than_the_limit(
    problem_lines: ProblemLines, fixtures_dir: Path, tmp_path: Path
) -> None:
    path = _event_with_label(tmp_path, fixtures_dir, '"' + "a" * (MAX_TEXT + 1) + '"')
    assert problem_lines(path) == [
        (
            f"{path}: fact fx-unknown-source: label_en: is {MAX_TEXT + 1} characters long "
            f"(at most {MAX_TEXT})"
        )
    ]


@pytest.mark.parametrize("char", ["\\u200B", "\\u00AD", "\\t", "\\n", "\\u007F"])
def test_formatting_and_control_characters_rejected(
    problem_lines: ProblemLines, fixtures_dir: Path, tmp_path: Path, char: str
) -> None:
    path = _event_with_label(tmp_path, fixtures_dir, f'"CIS{char}founded"')
    code = f"U+{ord(char.encode().decode('unicode_escape')):04X}"
    assert problem_lines(path) == [
        (
            f"{path}: fact fx-unknown-source: label_en: contains the control or formatting "
            f"character {code}"
        )
    ]


def test_joiners_are_allowed_in_text(fixtures_dir: Path, tmp_path: Path) -> None:
    path = _event_with_label(tmp_path, fixtures_dir, '"CIS\\u200Cfounded\\u200D"')
    event = next(e for e in load([path]).events if e.id == "fx-unknown-source")
    assert event.label_en == "CIS\u200cfounded\u200d"


def test_year_zero_is_a_problem_not_a_crash(
    problem_lines: ProblemLines, fixtures_dir: Path, tmp_path: Path
) -> None:
    text = (fixtures_dir / "date_before_1900.toml").read_text(encoding="utf-8")
    path = tmp_path / "year-zero.toml"
    path.write_text(text.replace('"1899-12"', '"0000"'), encoding="utf-8")
    lines = problem_lines(path)
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: fact fx-too-early: date: ")


def test_all_problems_of_a_file_are_collected(
    problem_lines: ProblemLines, fixtures_dir: Path
) -> None:
    path = fixtures_dir / "three_problems.toml"
    lines = problem_lines(path)
    assert len(lines) == 3, lines
    assert lines[0].startswith(f"{path}: fact fx-problem-date: date: ")
    assert lines[1].startswith(f"{path}: fact fx-problem-ranking: rank: ")
    assert lines[2] == f"{path}: fact fx-problem-participant: participants: unknown country 'XX'"


def test_problems_of_every_file_are_collected(
    problem_lines: ProblemLines, fixtures_dir: Path, tmp_path: Path
) -> None:
    files = [
        fixtures_dir / "unknown_field.toml",
        fixtures_dir / "syntax_error.toml",
        tmp_path / "missing.toml",
        fixtures_dir / "unknown_source.toml",
    ]
    lines = problem_lines(*files)
    assert len(lines) == 4, lines
    assert {line.split(":")[0] for line in lines} == {str(f) for f in files}


def test_reference_problem_reported_alongside_field_problem(
    problem_lines: ProblemLines, fixtures_dir: Path, tmp_path: Path
) -> None:
    text = (fixtures_dir / "unknown_country_participants.toml").read_text(encoding="utf-8")
    path = tmp_path / "two.toml"
    path.write_text(text.replace('"1991-12-21"', '"1991-02-30"'), encoding="utf-8")
    assert problem_lines(path) == [
        (
            f"{path}: fact fx-unknown-participant: date: '1991-02-30' does not exist "
            "(February 1991 has 28 days)"
        ),
        f"{path}: fact fx-unknown-participant: participants: unknown country 'XX'",
    ]


def test_packaged_base_loads_without_problems() -> None:
    base = load()
    assert base.files == (str(packaged_base()),)
    assert base.sources and base.countries and base.events
    assert all(
        record.origin == str(packaged_base()) for table in TABLES for record in getattr(base, table)
    )


def test_nothing_loaded_without_packaged_base_or_files() -> None:
    assert sum(load(packaged=False).counts().values()) == 0


def test_invalid_facts_error_message_is_the_problem_lines(fixtures_dir: Path) -> None:
    path = fixtures_dir / "three_problems.toml"
    with pytest.raises(InvalidFactsError) as info:
        load([path])
    assert str(info.value).splitlines() == [str(p) for p in info.value.problems]


def test_valid_extra_file_adds_its_records(fixtures_dir: Path) -> None:
    path = fixtures_dir / "valid_extra.toml"
    packaged = load().counts()
    base = load([path])
    added = {kind: base.counts()[kind] - packaged[kind] for kind in packaged}
    assert added == {
        "sources": 1,
        "countries": 1,
        "events": 0,
        "rankings": 0,
        "trade_shares": 1,
        "trade_totals": 0,
        "figures": 1,
        "statements": 0,
    }
    assert base.files == (str(packaged_base()), str(path))
    mongolia = base.countries[-1]
    assert (mongolia.code, mongolia.origin) == ("MN", str(path))
    assert mongolia.all_names() == ("MN", "Mongolia", "Моңғолия", "Монголия", "MNG")
    figure = base.figures[-1]
    assert (figure.id, figure.source, figure.value, figure.date) == (
        "fx-kz-world-gdp-share",
        "kk-text",
        0.1,
        None,
    )


def test_toml_local_date_is_day_precision(fixtures_dir: Path) -> None:
    share = load([fixtures_dir / "valid_extra.toml"]).trade_shares[-1]
    assert share.date is not None
    assert (share.date.precision, share.date.iso()) == ("day", "2003-12-31")


def test_user_file_country_is_usable_by_another_user_file(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "uses-mn.toml"
    text = (fixtures_dir / "unknown_country_initiator.toml").read_text(encoding="utf-8")
    path.write_text(text.replace('"XX"', '"MN"'), encoding="utf-8")
    base = load([fixtures_dir / "valid_extra.toml", path])
    assert base.events[-1].initiator == "MN"


# --- docs/fact-schema.md stays true to the schema ---------------------------------------

DOC = Path(__file__).resolve().parents[1] / "docs" / "fact-schema.md"


def _doc_sections() -> dict[str, str]:
    sections: dict[str, str] = {}
    for chunk in DOC.read_text(encoding="utf-8").split("\n### ")[1:]:
        title, _, body = chunk.partition("\n")
        sections[title.strip("`")] = body.split("\n## ")[0]
    return sections


def _doc_fields(body: str, common: dict[str, bool]) -> dict[str, bool]:
    fields: dict[str, bool] = {}
    for row in body.splitlines():
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if row.startswith("| *common fact fields*"):
            fields.update(common)
        elif row.startswith("| `") and len(cells) >= 3:
            fields[cells[0].strip("`")] = cells[2] == "yes"
    return fields


@pytest.mark.parametrize("table", list(TABLES))
def test_doc_lists_every_field_with_its_required_flag(table: str) -> None:
    sections = _doc_sections()
    common = _doc_fields(sections["Common fact fields"], {})
    _, specs = TABLES[table]
    assert _doc_fields(sections[table], common) == {
        name: spec.required for name, spec in specs.items()
    }


@pytest.mark.parametrize("table", list(TABLES))
def test_doc_example_of_each_table_is_valid(table: str) -> None:
    body = _doc_sections()[table]
    examples = [block.split("```")[0] for block in body.split("```toml\n")[1:]]
    assert examples, f"no TOML example for [[{table}]]"
    for example in examples:
        records = tomli.loads(example)[table]
        for index, raw in enumerate(records):
            record, _, problems = build_record(table, raw, index, "doc")
            assert problems == [], problems
            assert record is not None


def test_doc_user_file_example_loads_with_the_packaged_base(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8").split("## Adding your own fact files")[1]
    path = tmp_path / "my-facts.toml"
    path.write_text(text.split("```toml\n")[1].split("```")[0], encoding="utf-8")
    base = load([path])
    assert base.countries[-1].code == "MN"


@pytest.mark.parametrize("table", list(TABLES))
def test_doc_lists_the_allowed_values_of_each_enum(table: str) -> None:
    body = _doc_sections()[table]
    _, specs = TABLES[table]
    for name, spec in specs.items():
        if spec.kind != "enum":
            continue
        row = next(r for r in body.splitlines() if r.startswith(f"| `{name}` |"))
        allowed = row.strip("|").split("|")[3]
        assert re.findall(r"`([^`]+)`", allowed) == list(spec.choices), (name, allowed)


def test_packaged_base_is_read_through_the_package_loader() -> None:
    """The loader's fast path returns exactly what importlib.resources reads."""
    from importlib import resources

    from cis_facts.loader import read_packaged

    expected = resources.files("cis_facts").joinpath("data").joinpath("facts.toml").read_bytes()
    assert read_packaged() == expected


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_a_user_file_without_facts_adds_nothing(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.toml"
    path.write_text(text, encoding="utf-8")
    assert load([str(path)]).counts() == load().counts()


def test_the_collector_is_as_it_was_after_a_load_good_or_bad(tmp_path: Path) -> None:
    """Validation pauses the cyclic garbage collector (cis_facts.collector) and gives it
    back as it found it, also when the files are refused."""
    import gc

    bad = tmp_path / "bad.toml"
    bad.write_text('[[figures]]\nid = "Not Kebab"\n', encoding="utf-8")
    assert gc.isenabled()
    load()
    assert gc.isenabled()
    with pytest.raises(InvalidFactsError):
        load([str(bad)])
    assert gc.isenabled()
    gc.disable()
    try:
        load()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_records_dated_alike_share_their_date_and_read_as_given(tmp_path: Path) -> None:
    path = tmp_path / "dated.toml"
    path.write_text(
        '[[sources]]\nid = "my-notes"\ntitle = "Notes"\nlanguage = "en"\n'
        + "".join(
            f'[[figures]]\nid = "my-fig-{i}"\ntopic = "t"\nmeasure = "amount"\nvalue = {i}\n'
            f'unit = "t"\ndate = "{date}"\nlabel_en = "Figure {i}"\nlabel_kk = "Көрсеткіш {i}"\n'
            f'source = "my-notes"\nquote = "q {i}"\n'
            for i, date in enumerate(["2001-05", "2001-05", "1999/2004", "2001-05"])
        ),
        encoding="utf-8",
    )
    mine = [f for f in load([str(path)]).figures if f.id.startswith("my-fig-")]
    assert [f.date.iso() for f in mine if f.date] == ["2001-05", "2001-05", "1999/2004", "2001-05"]
    assert mine[0].date is mine[1].date is mine[3].date
    old = path.read_text(encoding="utf-8").replace('"1999/2004"', '"1899"')
    path.write_text(old, encoding="utf-8")
    with pytest.raises(InvalidFactsError, match="1899 is before 1900"):
        load([str(path)])
