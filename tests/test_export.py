"""`cis-facts export`: SQLite and JSON round trips, atomic writes, refusals and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli, _run_cli, isolated

from cis_facts import export as export_module
from cis_facts.export import TABLES, record
from cis_facts.loader import load
from cis_facts.model import FactBase

VALID_EXTRA = Path(__file__).parent / "fixtures" / "valid_extra.toml"
VIEW_COLUMNS = [
    "kind",
    "id",
    "label_en",
    "label_kk",
    "label_ru",
    "value",
    "unit",
    "date",
    "date_precision",
    "source",
    "quote",
    "note",
    "rowid",
]


def exported(run_cli: RunCli, tmp_path: Path, *extra: str) -> Path:
    path = tmp_path / "facts.db"
    result = run_cli(*extra, "export", "--to", "sqlite", path)
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def exported_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged base exported once for the module's tests that only read it."""
    with isolated(tmp_path_factory):  # module-scoped: made before any test's own HOME
        return exported(_run_cli, tmp_path_factory.mktemp("export"))


@pytest.fixture
def db(exported_once: Path) -> Iterator[sqlite3.Connection]:
    """A connection of the test's own to the export, read-only: no test changes what
    another reads."""
    uri = f"{exported_once.as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        yield connection


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def expected_counts(base: FactBase) -> dict[str, int]:
    return {
        **base.counts(),
        "country_aliases": sum(len(c.aliases) for c in base.countries),
        "event_participants": sum(len(e.participants) for e in base.events),
    }


def table_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Rows per table, full-text indexes and their shadow tables left out."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%\\_fts%' "
            "ESCAPE '\\' ORDER BY name"
        )
    ]
    return {
        name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in names
    }


def test_sqlite_export_writes_nothing_to_stdout_and_one_summary_line(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = tmp_path / "facts.db"
    result = run_cli("export", "--to", "sqlite", path)
    assert result.exit_code == 0
    assert result.stdout == ""
    counts = ", ".join(f"{n} {kind}" for kind, n in load().counts().items())
    assert result.stderr == f"cis-facts: wrote {path} ({counts})\n"


def test_sqlite_row_counts_match_the_base(db: sqlite3.Connection) -> None:
    assert table_counts(db) == dict(sorted(expected_counts(load()).items()))


def test_sqlite_foreign_keys_hold(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_sqlite_export_is_an_ordinary_rollback_journal_database(db: sqlite3.Connection) -> None:
    """The journal the export is written without stays out of the file: a reader opens it
    in SQLite's default mode (not WAL, which would need -wal and -shm files beside it)."""
    assert db.execute("PRAGMA journal_mode").fetchall() == [("delete",)]


@pytest.mark.parametrize(
    ("table", "references"),
    [
        (
            "countries",
            {
                ("source", "sources", "id"),
                ("note_source", "sources", "id"),
                ("codes_source", "sources", "id"),
            },
        ),
        ("country_aliases", {("country_code", "countries", "code")}),
        (
            "events",
            {
                ("source", "sources", "id"),
                ("note_source", "sources", "id"),
                ("initiator", "countries", "code"),
            },
        ),
        (
            "event_participants",
            {("event_id", "events", "id"), ("country_code", "countries", "code")},
        ),
        ("rankings", {("source", "sources", "id"), ("note_source", "sources", "id")}),
        (
            "trade_shares",
            {
                ("source", "sources", "id"),
                ("note_source", "sources", "id"),
                ("country", "countries", "code"),
            },
        ),
        ("trade_totals", {("source", "sources", "id"), ("note_source", "sources", "id")}),
        (
            "figures",
            {
                ("source", "sources", "id"),
                ("note_source", "sources", "id"),
                ("country", "countries", "code"),
            },
        ),
    ],
)
def test_sqlite_declares_foreign_keys(
    db: sqlite3.Connection, table: str, references: set[tuple[str, str, str]]
) -> None:
    rows = db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
    assert {(row[3], row[2], row[4]) for row in rows} == references


@pytest.mark.parametrize(
    ("table", "keys"),
    [
        ("sources", ["id"]),
        ("countries", ["code"]),
        ("events", ["id"]),
        ("rankings", ["id"]),
        ("trade_shares", ["id"]),
        ("trade_totals", ["id"]),
        ("figures", ["id"]),
        ("country_aliases", ["country_code", "position"]),
        ("event_participants", ["event_id", "position"]),
    ],
)
def test_sqlite_declares_primary_keys(db: sqlite3.Connection, table: str, keys: list[str]) -> None:
    info = db.execute(f"PRAGMA table_info({table})").fetchall()
    assert [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]] == keys


@pytest.mark.parametrize(
    ("table", "column", "declared"),
    [
        ("trade_totals", "value", "REAL"),
        ("trade_totals", "growth", "REAL"),
        ("figures", "value", "REAL"),
        ("trade_shares", "share", "REAL"),
        ("rankings", "share", "REAL"),
        ("rankings", "rank", "INTEGER"),
        ("rankings", "approximate", "INTEGER"),
        ("trade_shares", "position", "INTEGER"),
        ("event_participants", "position", "INTEGER"),
        ("events", "date", "TEXT"),
        ("events", "date_precision", "TEXT"),
        ("trade_totals", "growth_base_precision", "TEXT"),
    ],
)
def test_sqlite_columns_are_typed(
    db: sqlite3.Connection, table: str, column: str, declared: str
) -> None:
    info = {row[1]: row[2] for row in db.execute(f"PRAGMA table_info({table})")}
    assert info[column] == declared


def test_sqlite_rows_round_trip(db: sqlite3.Connection) -> None:
    """Every column of every kind reads back as the record the JSON export holds."""
    base = load()
    for table in TABLES:
        db.row_factory = sqlite3.Row
        rows = {row[0]: dict(row) for row in db.execute(f"SELECT * FROM {table}")}
        for item in getattr(base, table):
            want = {k: v for k, v in record(item).items() if not isinstance(v, list)}
            assert rows[item.id] == want, (table, item.id)


def test_sqlite_child_tables_keep_order(db: sqlite3.Connection) -> None:
    base = load()
    for event in base.events:
        got = db.execute(
            "SELECT country_code FROM event_participants WHERE event_id = ? ORDER BY position",
            (event.id,),
        ).fetchall()
        assert [row[0] for row in got] == list(event.participants)
    for country in base.countries:
        got = db.execute(
            "SELECT alias FROM country_aliases WHERE country_code = ? ORDER BY position",
            (country.code,),
        ).fetchall()
        assert [row[0] for row in got] == list(country.aliases)


def test_facts_view_holds_every_fact(db: sqlite3.Connection) -> None:
    base = load()
    cursor = db.execute("SELECT * FROM facts")
    assert [d[0] for d in cursor.description] == VIEW_COLUMNS
    rows = cursor.fetchall()
    assert len(rows) == len(list(base.facts()))
    assert sorted(row[1] for row in rows) == sorted(f.id for f in base.facts())
    kinds = dict(db.execute("SELECT kind, count(*) FROM facts GROUP BY kind").fetchall())
    assert kinds == {
        "event": len(base.events),
        "ranking": len(base.rankings),
        "trade_share": len(base.trade_shares),
        "trade_total": len(base.trade_totals),
        "figure": len(base.figures),
        "statement": len(base.statements),
    }


@pytest.mark.parametrize(
    ("fact_id", "value", "unit"),
    [
        ("rank-zinc", 1, "place"),
        ("rank-gold", 10, "top"),
        ("rank-uranium", 25.0, "%"),
        ("export-share-switzerland", 18.7, "%"),
        ("import-supplier-russia", 1, "place"),
        ("trade-cis-turnover-2004", 10215.1, "USD million"),
        ("world-gdp-g7-share", 43.0, "%"),
    ],
)
def test_facts_view_values(db: sqlite3.Connection, fact_id: str, value: float, unit: str) -> None:
    row = db.execute("SELECT value, unit FROM facts WHERE id = ?", (fact_id,)).fetchone()
    assert row == (value, unit)
    assert type(row[0]) is type(value)


@pytest.mark.parametrize(
    "fact_id", ["rank-zinc", "rank-gold", "rank-uranium", "import-supplier-russia"]
)
def test_facts_view_units_are_the_units_search_answers_with(
    run_cli: RunCli, db: sqlite3.Connection, fact_id: str
) -> None:
    result = run_cli(
        "search", fact_id, "--limit", "1", "--format", "jsonl", "--fields", "id,value,unit"
    )
    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["id"] == fact_id
    row = db.execute("SELECT value, unit FROM facts WHERE id = ?", (fact_id,)).fetchone()
    assert row == (answer["value"], answer["unit"])


@pytest.mark.parametrize(
    ("code", "fact_id"),
    [
        ("KZ", "rank-zinc"),
        ("KZ", "rank-gold"),
        ("KZ", "rank-uranium"),
        ("RU", "import-supplier-russia"),
    ],
)
def test_facts_view_units_are_the_units_of_the_country_profile(
    run_cli: RunCli, db: sqlite3.Connection, code: str, fact_id: str
) -> None:
    result = run_cli("country", code, "--format", "json")
    assert result.exit_code == 0, result.stderr
    row = next(r for r in json.loads(result.stdout) if r["id"] == fact_id)
    view = db.execute("SELECT value, unit FROM facts WHERE id = ?", (fact_id,)).fetchone()
    assert view == (row["value"], row["unit"])


def test_a_value_written_with_a_decimal_point_stays_a_float(db: sqlite3.Connection) -> None:
    """43.0 reads back as 43.0, as in the JSON export, not as the integer 43."""
    row = db.execute(
        "SELECT value, typeof(value), label_ru FROM facts WHERE id = 'world-gdp-g7-share'"
    ).fetchone()
    assert row == (43.0, "real", "На «Большую семёрку» (G7) приходится 43,0\u00a0% мирового ВВП")


def test_sqlite_export_includes_data_files(run_cli: RunCli, tmp_path: Path) -> None:
    path = exported(run_cli, tmp_path, "--data", str(VALID_EXTRA))
    with closing(sqlite3.connect(path)) as connection:
        assert table_counts(connection) == dict(
            sorted(expected_counts(load([VALID_EXTRA])).items())
        )
        assert connection.execute("SELECT name_en FROM countries WHERE code = 'MN'").fetchone() == (
            "Mongolia",
        )


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 command-line shell")
def test_sqlite_command_line_shell_opens_the_export(run_cli: RunCli, tmp_path: Path) -> None:
    path = exported(run_cli, tmp_path)
    proc = subprocess.run(
        ["sqlite3", str(path), "SELECT count(*) FROM facts;"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"{len(list(load().facts()))}\n", "")


def test_json_export_round_trip(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    result = run_cli("--data", VALID_EXTRA, "export", "--to", "json", path)
    assert (result.exit_code, result.stdout) == (0, "")
    document: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    base = load([VALID_EXTRA])
    assert list(document) == list(TABLES)
    assert {k: len(v) for k, v in document.items()} == base.counts()
    events = {e["id"]: e for e in document["events"]}
    assert events["almaty-protocol"]["date"] == "1991-12-21"
    assert events["almaty-protocol"]["date_precision"] == "day"
    assert "UA" in events["almaty-protocol"]["participants"]
    mongolia = next(c for c in document["countries"] if c["code"] == "MN")
    assert mongolia["aliases"] == ["MNG"]
    assert all("origin" not in r for records in document.values() for r in records)


def test_refuses_to_overwrite_without_force(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "facts.db"
    path.write_bytes(b"keep me")
    result = run_cli("export", "--to", "sqlite", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert str(path) in result.stderr and "--force" in result.stderr
    assert path.read_bytes() == b"keep me"
    assert listing(tmp_path) == ["facts.db"]


@pytest.mark.parametrize("to", ["sqlite", "json"])
def test_force_overwrites_and_keeps_the_mode(run_cli: RunCli, tmp_path: Path, to: str) -> None:
    path = tmp_path / "facts.out"
    path.write_bytes(b"old")
    path.chmod(0o640)
    result = run_cli("export", "--to", to, path, "--force")
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() != b"old"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert listing(tmp_path) == ["facts.out"]


def test_new_file_gets_the_umask_mode(run_cli: RunCli, tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        path = exported(run_cli, tmp_path)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("to", ["sqlite", "json"])
def test_missing_directory_is_one_line_and_exit_1(run_cli: RunCli, tmp_path: Path, to: str) -> None:
    path = tmp_path / "no" / "such" / "facts.db"
    result = run_cli("export", "--to", to, path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        result.stderr == f"cis-facts: cannot write {path}: directory {path.parent} does not exist\n"
    )
    assert not (tmp_path / "no").exists()


def test_directory_as_path_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("export", "--to", "json", tmp_path, "--force")
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: cannot write {tmp_path}: it is a directory\n"


def test_bad_format_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("export", "--to", "xml", tmp_path / "facts.xml")
    assert result.exit_code == 2
    assert "'xml' is not one of 'sqlite', 'json'" in result.stderr
    assert listing(tmp_path) == []


def test_failed_write_leaves_no_temporary_file(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(base: FactBase, tmp: str) -> None:
        Path(tmp).write_text("partial", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module, "_write_json", full_disk)
    path = tmp_path / "facts.json"
    result = run_cli("export", "--to", "json", path)
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: cannot write {path}: No space left on device\n"
    assert listing(tmp_path) == []


def test_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(base: FactBase, tmp: str) -> None:
        sqlite3.connect(tmp).execute("CREATE TABLE t (x)").connection.close()
        raise KeyboardInterrupt

    monkeypatch.setattr(export_module, "_write_sqlite", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_module.export(load(), "sqlite", tmp_path / "facts.db")
    assert listing(tmp_path) == []


def test_export_help_has_examples_and_exit_codes(run_cli: RunCli) -> None:
    result = run_cli("export", "--help")
    assert result.exit_code == 0
    examples = result.stdout.split("Examples:\n", 1)[1]
    assert examples.split("\n", 1)[0].strip() == "cis-facts export --to sqlite facts.db"
    assert "Exit codes:" in result.stdout
