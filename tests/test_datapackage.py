"""``export --to csv DIR``: the SQLite export's tables as CSV files and a Frictionless
``datapackage.json`` that the real ``frictionless validate`` accepts."""

from __future__ import annotations

import csv
import importlib.util
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import datapackage, descriptions, export
from cis_facts.loader import load

ROOT = Path(__file__).parents[1]
FRICTIONLESS = Path(sys.executable).parent / "frictionless"
TABLES = [
    "sources",
    "countries",
    "events",
    "rankings",
    "trade_shares",
    "trade_totals",
    "figures",
    "statements",
    "country_aliases",
    "event_participants",
]
FORMULAS = """\
[[figures]]
id = "formula-cells"
topic = "test"
measure = "change"
value = -3.5
unit = "percentage points"
label_en = "=HYPERLINK(\\"http://example.invalid\\")"
label_kk = "+1, \\"quoted\\", with a comma"
source = "kk-text"
quote = "-ын құрайды"
"""


def validate(descriptor: Path) -> dict[str, object]:
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report: dict[str, object] = json.loads(done.stdout)
    return report


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


@pytest.fixture
def package(tmp_path: Path, run_cli: RunCli) -> Path:
    out = tmp_path / "facts-csv"
    result = run_cli("export", "--to", "csv", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"cis-facts: wrote {out} (23 sources, 29 countries, 46 events, 14 rankings, "
        "27 trade_shares, 7 trade_totals, 59 figures, 66 statements)\n"
    )
    return out


def test_the_directory_holds_a_csv_per_sqlite_table_and_the_descriptor(
    package: Path, tmp_path: Path
) -> None:
    assert sorted(p.name for p in package.iterdir()) == sorted(
        [*(f"{t}.csv" for t in TABLES), "datapackage.json"]
    )
    db = tmp_path / "facts.db"
    export.export(load(), "sqlite", db)
    with closing(sqlite3.connect(db)) as connection:
        for table in TABLES:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            rows = read_csv(package / f"{table}.csv")
            assert rows[0] == columns, table
            count = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert len(rows) - 1 == count, table


def test_frictionless_validates_the_package_and_checks_its_foreign_keys(package: Path) -> None:
    report = validate(package / "datapackage.json")
    assert report["valid"] is True, json.dumps(report)[:2000]
    assert [task["name"] for task in report["tasks"]] == TABLES  # type: ignore[attr-defined]
    # The check is real: a source id no source has breaks the foreign key.
    rankings = package / "rankings.csv"
    rankings.write_text(
        rankings.read_text(encoding="utf-8").replace(",kk-text,", ",kk-nowhere,", 1),
        encoding="utf-8",
    )
    broken = validate(package / "datapackage.json")
    assert broken["valid"] is False
    errors = [e for t in broken["tasks"] for e in t["errors"]]  # type: ignore[attr-defined]
    assert [e["type"] for e in errors] == ["foreign-key"]
    assert '"kk-nowhere" not found in the lookup table "sources"' in errors[0]["message"]


def test_the_descriptor_types_keys_and_describes_every_column(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["licenses"] == [  # pyproject.toml's licence
        {"name": "MIT", "title": "MIT (the licence the cis-facts package declares)"}
    ]
    assert descriptor["sources"][0] == {"title": "Тәуелсіз Мемлекеттер Достастығы (ТМД)"}
    assert len(descriptor["sources"]) == 23
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == TABLES
    rankings = resources["rankings"]["schema"]
    fields = {f["name"]: f for f in rankings["fields"]}
    assert rankings["primaryKey"] == ["id"]
    assert fields["share"] == {
        "name": "share",
        "type": "number",
        "description": "Kazakhstan's share of the world total, in percent",
        "constraints": {"minimum": 0, "maximum": 100},
    }
    assert fields["rank"]["type"] == "integer"
    assert fields["approximate"]["type"] == "boolean"
    assert fields["date_precision"]["constraints"] == {"enum": ["day", "month", "year"]}
    assert fields["quote"]["description"] == "the words of the source the fact rests on, verbatim"
    assert fields["quote_en"]["description"] == (
        "this project's English translation of the quote (translation by cis-facts)"
    )
    assert {"fields": "source", "reference": {"resource": "sources", "fields": "id"}} in (
        rankings["foreignKeys"]
    )
    participants = resources["event_participants"]["schema"]
    assert participants["primaryKey"] == ["event_id", "position"]
    assert resources["countries"]["description"] == (
        "states the text names, with the names people type for them"
    )
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert field["description"], (resource["name"], field["name"])


def test_cells_read_back_as_the_sqlite_rows(package: Path) -> None:
    rows = export._rows(load())
    for table in TABLES:
        written = read_csv(package / f"{table}.csv")[1:]
        expected = [[datapackage._cell(v, False) for v in row] for row in rows[table]]
        assert written == expected, table
    raw = (package / "rankings.csv").read_bytes()
    assert raw.count(b"\r\n") == len(rows["rankings"]) + 1  # RFC 4180 line ends
    assert b"\r\n" in raw and raw.decode("utf-8")


def test_formula_cells_are_neutralised_unless_raw_cells(tmp_path: Path, run_cli: RunCli) -> None:
    data = tmp_path / "formulas.toml"
    data.write_text(FORMULAS, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("--data", data, "export", "--to", "csv", out).exit_code == 0
    row = next(r for r in read_csv(out / "figures.csv") if r[0] == "formula-cells")
    header = read_csv(out / "figures.csv")[0]
    cells = dict(zip(header, row, strict=True))
    assert cells["label_en"] == '\'=HYPERLINK("http://example.invalid")'
    assert cells["label_kk"] == '\'+1, "quoted", with a comma'
    assert cells["quote"] == "'-ын құрайды"
    assert cells["value"] == "-3.5"  # a negative number is not a formula
    raw = tmp_path / "raw"
    assert run_cli("--data", data, "export", "--to", "csv", raw, "--raw-cells").exit_code == 0
    row = next(r for r in read_csv(raw / "figures.csv") if r[0] == "formula-cells")
    cells = dict(zip(header, row, strict=True))
    assert cells["label_en"] == '=HYPERLINK("http://example.invalid")'
    assert cells["quote"] == "-ын құрайды"
    assert cells["value"] == "-3.5"
    assert validate(raw / "datapackage.json")["valid"] is True


def test_files_in_the_directory_are_kept_without_force(package: Path, run_cli: RunCli) -> None:
    (package / "sources.csv").write_text("mine\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in package.iterdir()}
    result = run_cli("export", "--to", "csv", package)
    assert result.exit_code == 1
    assert result.stderr == (
        f"cis-facts: {package}/sources.csv already exists; use --force to overwrite it\n"
    )
    assert {p.name: p.read_bytes() for p in package.iterdir()} == before
    forced = run_cli("export", "--to", "csv", package, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (package / "sources.csv").read_text(encoding="utf-8").startswith("id,title,")
    assert sorted(p.name for p in package.iterdir()) == sorted(before)


def test_other_files_in_the_directory_are_left_alone(tmp_path: Path, run_cli: RunCli) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert run_cli("export", "--to", "csv", out).exit_code == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        ("file", "cannot write into {p}: it is not a directory"),
        ("orphan", "cannot create {p}: directory {parent} does not exist"),
        ("stdout", "a CSV data package is a directory; name one, not standard output"),
    ],
)
def test_a_path_that_is_no_directory_is_refused(
    tmp_path: Path, run_cli: RunCli, make: str, message: str
) -> None:
    path: str | Path = tmp_path / "target"
    if make == "file":
        Path(path).write_text("mine\n", encoding="utf-8")
    elif make == "orphan":
        path = tmp_path / "missing" / "target"
    else:
        path = "-"
    result = run_cli("export", "--to", "csv", path)
    assert result.exit_code == 1
    shown = message.format(p=path, parent=tmp_path / "missing")
    assert result.stderr == f"cis-facts: {shown}\n"
    assert result.stdout == ""
    if make == "file":
        assert Path(path).read_text(encoding="utf-8") == "mine\n"


def test_descriptions_follow_the_schema_document() -> None:
    spec = importlib.util.spec_from_file_location(
        "gen_descriptions", ROOT / "scripts" / "gen_descriptions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tables, fields = module.extract((ROOT / "docs" / "fact-schema.md").read_text("utf-8"))
    assert (tables, fields) == (descriptions.TABLES, descriptions.FIELDS), (
        "run: .venv/bin/python scripts/gen_descriptions.py && ruff format cis_facts"
    )


def test_raw_cells_is_for_csv_only(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("export", "--to", "sqlite", tmp_path / "f.db", "--raw-cells")
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[-1] == "Error: Invalid value for --raw-cells: only with --to csv"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_symbolic_link_in_the_directory_is_never_replaced(
    tmp_path: Path, run_cli: RunCli
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    mine = tmp_path / "mine.csv"
    mine.write_text("mine\n", encoding="utf-8")
    (out / "events.csv").symlink_to(mine)
    result = run_cli("export", "--to", "csv", out, "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"cis-facts: cannot write {out}/events.csv: it is a symbolic link; "
        "name the file it points to instead\n"
    )
    assert mine.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in out.iterdir()) == ["events.csv"]
