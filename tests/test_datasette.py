"""The SQLite export in the real Datasette: full-text search in three languages, and the
metadata `export --metadata` writes (titles, descriptions, units, source, licence)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import RunCli, _run_cli, isolated

from cis_facts import export
from cis_facts.loader import load

datasette_app = pytest.importorskip("datasette.app")
DATASETTE = Path(sys.executable).parent / "datasette"


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    directory = tmp_path_factory.mktemp("datasette")
    db, meta = directory / "f.db", directory / "meta.json"
    with isolated(tmp_path_factory):  # module-scoped: made before any test's own HOME
        result = _run_cli("export", "--to", "sqlite", db, "--metadata", meta)
    assert result.exit_code == 0, result.stderr
    return db, meta


@pytest.fixture(scope="module")
def metadata(exported: tuple[Path, Path]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(exported[1].read_text(encoding="utf-8"))
    return document


def get(exported: tuple[Path, Path], path: str, with_metadata: bool = True) -> tuple[int, str]:
    """One request to Datasette serving the export (with its metadata), in this process."""
    db, meta = exported

    async def fetch() -> tuple[int, str]:
        given = json.loads(meta.read_text(encoding="utf-8")) if with_metadata else None
        app = datasette_app.Datasette([str(db)], metadata=given)
        await app.invoke_startup()
        response = await app.client.get(path)
        return response.status_code, response.text

    return asyncio.run(fetch())


def search(exported: tuple[Path, Path], table: str, words: str, *extra: str) -> list[str]:
    status, body = get(
        exported,
        f"/f/{table}.json?_search={quote(words)}&_shape=arrayfirst&_col=id{''.join(extra)}",
    )
    assert status == 200, body
    return list(json.loads(body))


# ---------------------------------------------------------------- full-text search


def test_uranium_is_one_ranking(exported: tuple[Path, Path]) -> None:
    assert search(exported, "rankings", "uranium") == ["rank-uranium"]


def test_datasette_finds_every_full_text_index_without_metadata(
    exported: tuple[Path, Path],
) -> None:
    """``datasette f.db`` alone: each ``<table>_fts`` is detected by its content= table."""
    status, body = get(
        exported, "/f/rankings.json?_search=uranium&_shape=arrayfirst&_col=id", False
    )
    assert (status, json.loads(body)) == (200, ["rank-uranium"])
    for table in export.FTS_TABLES:
        status, page = get(exported, f"/f/{table}", with_metadata=False)
        assert '<input id="_search" type="search" name="_search"' in page, table


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("уран", ["rank-uranium"]),  # Kazakh and Russian mineral name
        ("урана", ["rank-uranium"]),  # Russian label: «мирового урана»
        ("уранның", ["rank-uranium"]),  # Kazakh label: «уранның шамамен 25 %-ы»
        ("мырыш", ["rank-zinc", "rank-tungsten", "rank-barite"]),  # one Kazakh quote for three
        ("цинку", ["rank-zinc", "rank-tungsten", "rank-barite"]),  # its Russian translation
    ],
)
def test_search_in_kazakh_and_russian(
    exported: tuple[Path, Path], words: str, found: list[str]
) -> None:
    assert sorted(search(exported, "rankings", words)) == sorted(found)


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("uranium", ["rank-uranium"]),
        ("Грузия", ["georgia-accession", "georgia-withdrawal"]),  # Russian labels
        ("мырыш", ["rank-zinc", "rank-tungsten", "rank-barite"]),  # a Kazakh quote
    ],
)
def test_the_facts_view_searches_every_kind_at_once(
    exported: tuple[Path, Path], words: str, found: list[str]
) -> None:
    assert search(exported, "facts", words) == found
    status, body = get(
        exported, f"/f/facts.json?_search={quote(words)}&_shape=arrayfirst&_col=id", False
    )
    assert (status, json.loads(body)) == (200, found)


def test_cyrillic_letters_stay_apart(exported: tuple[Path, Path]) -> None:
    """Only Latin diacritics are folded: «семёрку» is found as written, not as «семерку»."""
    assert search(exported, "figures", "семёрку") == ["world-gdp-g7-share"]
    assert search(exported, "figures", "семерку") == []


def test_search_folds_the_case_of_kazakh_letters(exported: tuple[Path, Path]) -> None:
    lower = search(exported, "rankings", "қазақстан")
    assert len(lower) == 12
    assert search(exported, "rankings", "ҚАЗАҚСТАН") == lower


def test_a_raw_search_finds_kazakh_endings_by_prefix(exported: tuple[Path, Path]) -> None:
    """«ураннан» (the quote) and «уранның» (the label) by the stem «уран*»."""
    assert search(exported, "rankings", "уран*", "&_searchmode=raw") == ["rank-uranium"]


def test_every_kind_has_a_search_box(exported: tuple[Path, Path]) -> None:
    for table in export.FTS_TABLES:
        status, body = get(exported, f"/f/{table}")
        assert status == 200
        assert '<input id="_search" type="search" name="_search"' in body, table


def test_the_datasette_command_line_finds_uranium(exported: tuple[Path, Path]) -> None:
    """The command the README shows, run as a program."""
    if not DATASETTE.exists():
        pytest.skip(f"{DATASETTE} is not installed")
    db, meta = exported
    done = subprocess.run(
        [
            str(DATASETTE),
            "--get",
            "/f/rankings.json?_search=uranium&_shape=array",
            str(db),
            "-m",
            str(meta),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [(r["id"], r["share"], r["mineral_kk"]) for r in rows] == [
        ("rank-uranium", 25.0, "уран")
    ]


def test_the_readme_datasette_session_is_as_printed(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command of the README's Datasette block, run, prints the lines shown under it."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("#### In Datasette", 1)[1].split("```console\n", 1)[1].split("```")[0]
    monkeypatch.chdir(tmp_path)
    session = [part.split("\n", 1) for part in block.split("$ ")[1:]]
    assert [command.split()[0] for command, _ in session] == ["cis-facts", *["datasette"] * 5]
    (export_command, printed), *queries = session
    result = run_cli(*export_command.split()[1:])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", printed)
    here = (tmp_path / "facts.db", tmp_path / "meta.json")
    for command, shown in queries:
        path = command.split("'")[1]
        status, body = get(here, path)
        assert (status, body + "\n") == (200, shown), command


# ---------------------------------------------------------------- metadata


def test_metadata_says_what_the_data_is_where_from_and_under_what_licence(
    metadata: dict[str, Any],
) -> None:
    assert metadata["title"] == "cis-facts"
    assert metadata["license"] == "MIT (the licence the cis-facts package declares)"
    assert metadata["source"] == (
        "«Тәуелсіз Мемлекеттер Достастығы (ТМД)», a Kazakh text shipped with cis-facts as "
        "000_032a50789da7a807.txt; and 22 named documents, each a row of the sources table"
    )
    assert list(metadata["databases"]) == ["f"]
    rankings = metadata["databases"]["f"]["tables"]["rankings"]
    assert rankings["title"] == "Rankings"
    assert rankings["description"] == "Kazakhstan's world rank or world share for a mineral."
    assert rankings["units"] == {"share": "percent"}
    assert rankings["fts_table"] == "rankings_fts"
    assert rankings["label_column"] == "label_en"
    assert rankings["columns"]["rank"] == "Kazakhstan's exact place in the world."


def test_metadata_describes_every_table_and_column(metadata: dict[str, Any]) -> None:
    tables = metadata["databases"]["f"]["tables"]
    assert list(tables) == [*export.COLUMNS, "facts"]
    for table, columns in export.COLUMNS.items():
        names = [c.split()[0] for c in columns if not c.startswith("PRIMARY KEY")]
        assert list(tables[table]["columns"]) == names, table
        assert all(d.endswith(".") and "`" not in d for d in tables[table]["columns"].values())
    facts = tables["facts"]["columns"]
    assert list(facts)[:6] == ["kind", "id", "label_en", "label_kk", "label_ru", "value"]
    assert facts["unit"] == (
        "The unit of value, as search answers give it (event: none; ranking: share '%' or "
        "rank 'place' or top 'top'; trade_share: share '%' or position 'place'; trade_total: "
        "value its own unit; figure: value its own unit; statement: none)."
    )


def test_datasette_serves_the_metadata(
    exported: tuple[Path, Path], metadata: dict[str, Any]
) -> None:
    status, body = get(exported, "/-/metadata.json")
    assert status == 200
    assert json.loads(body) == metadata


def test_the_table_page_shows_descriptions_units_source_and_licence(
    exported: tuple[Path, Path],
) -> None:
    status, page = get(exported, "/f/rankings")
    assert status == 200
    assert "Kazakhstan&#39;s world rank or world share for a mineral." in page
    assert "<dt>share</dt><dd>Kazakhstan&#39;s share of the world total, in percent.</dd>" in page
    assert "MIT (the licence the cis-facts package declares)" in page
    assert "a Kazakh text shipped with cis-facts as 000_032a50789da7a807.txt" in page
    status, row = get(exported, "/f/rankings/rank-uranium")
    assert '<td class="col-share type-Quantity">25.0&nbsp;%</td>' in row


def test_a_foreign_key_shows_the_country_name(exported: tuple[Path, Path]) -> None:
    status, page = get(exported, "/f/trade_shares?country=CH")
    assert status == 200
    assert '<a href="/f/countries/CH">Switzerland</a>&nbsp;<em>CH</em>' in page


# ---------------------------------------------------------------- the command


def test_export_with_metadata_writes_both_and_says_so(run_cli: RunCli, tmp_path: Path) -> None:
    db, meta = tmp_path / "facts.db", tmp_path / "meta.json"
    result = _run_cli("export", "--to", "sqlite", db, "--metadata", meta)  # module-scoped
    assert (result.exit_code, result.stdout) == (0, "")
    counts = ", ".join(f"{n} {kind}" for kind, n in load().counts().items())
    assert result.stderr == (
        f"cis-facts: wrote {db} ({counts})\n"
        f"cis-facts: wrote {meta} (Datasette metadata of database facts)\n"
    )
    assert list(json.loads(meta.read_text(encoding="utf-8"))["databases"]) == ["facts"]
    assert listing(tmp_path) == ["facts.db", "meta.json"]


def test_an_existing_metadata_file_is_kept_and_nothing_is_written(
    run_cli: RunCli, tmp_path: Path
) -> None:
    db, meta = tmp_path / "f.db", tmp_path / "meta.json"
    meta.write_text("theirs", encoding="utf-8")
    result = _run_cli("export", "--to", "sqlite", db, "--metadata", meta)  # module-scoped
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: {meta} already exists; use --force to overwrite it\n"
    assert meta.read_text(encoding="utf-8") == "theirs"
    assert listing(tmp_path) == ["meta.json"]


def test_force_replaces_the_metadata_and_keeps_its_mode(run_cli: RunCli, tmp_path: Path) -> None:
    db, meta = tmp_path / "f.db", tmp_path / "meta.json"
    meta.write_text("old", encoding="utf-8")
    meta.chmod(0o640)
    result = run_cli("export", "--to", "sqlite", db, "--metadata", meta, "--force")
    assert result.exit_code == 0, result.stderr
    assert json.loads(meta.read_text(encoding="utf-8"))["title"] == "cis-facts"
    assert oct(meta.stat().st_mode & 0o777) == oct(0o640)
    assert listing(tmp_path) == ["f.db", "meta.json"]


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ("f.db", "--metadata {dir}/f.db names the database itself; name another file"),
        ("-", "Datasette metadata cannot go to standard output; name a file"),
        ("no/meta.json", "cannot write {dir}/no/meta.json: directory {dir}/no does not exist"),
    ],
)
def test_a_metadata_name_that_cannot_be_written_is_refused_first(
    run_cli: RunCli, tmp_path: Path, metadata: str, message: str
) -> None:
    named = metadata if metadata == "-" else f"{tmp_path}/{metadata}"
    result = run_cli("export", "--to", "sqlite", tmp_path / "f.db", "--metadata", named)
    assert result.exit_code == 1
    assert result.stderr == "cis-facts: " + message.format(dir=tmp_path) + "\n"
    assert listing(tmp_path) == []


def test_a_symbolic_link_as_metadata_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "theirs.json"
    target.write_text("theirs", encoding="utf-8")
    link = tmp_path / "meta.json"
    link.symlink_to(target)
    result = run_cli("export", "--to", "sqlite", tmp_path / "f.db", "--metadata", link, "--force")
    assert result.exit_code == 1
    assert "it is a symbolic link" in result.stderr
    assert target.read_text(encoding="utf-8") == "theirs"
    assert listing(tmp_path) == ["meta.json", "theirs.json"]


@pytest.mark.parametrize("to", ["json", "csv"])
def test_metadata_goes_with_sqlite_only(run_cli: RunCli, tmp_path: Path, to: str) -> None:
    result = run_cli("export", "--to", to, tmp_path / "out", "--metadata", tmp_path / "m.json")
    assert result.exit_code == 2
    assert "Invalid value for --metadata: only with --to sqlite" in result.stderr
    assert listing(tmp_path) == []


def test_the_api_writes_the_same_metadata(tmp_path: Path, metadata: dict[str, Any]) -> None:
    import cis_facts

    fb = cis_facts.load()
    counts = fb.export("sqlite", tmp_path / "f.db", metadata=tmp_path / "meta.json")
    assert counts == load().counts()
    assert json.loads((tmp_path / "meta.json").read_text(encoding="utf-8")) == metadata
    with pytest.raises(cis_facts.errors.UsageError, match="metadata goes with an export to sqlite"):
        fb.export("json", tmp_path / "f.json", metadata=tmp_path / "m.json")
    assert listing(tmp_path) == ["f.db", "meta.json"]
