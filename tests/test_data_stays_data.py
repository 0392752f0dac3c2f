"""Data stays data: no spreadsheet formula in CSV/TSV, no forged line in a message."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts.cli import main
from cis_facts.safety import neutralise

FORMULAS = {
    "label_en": '=HYPERLINK("http://example.com/x","click")',
    "quote": "=cmd|' /C calc'!A0",
    "note": "@SUM(1+1)*cmd|' /C calc'!A0",
    "label_kk": "+1+1",
    "unit": "-2+3",
}


def _formula_file(tmp_path: Path) -> Path:
    path = tmp_path / "formulas.toml"
    path.write_text(
        '[[sources]]\nid = "fm-src"\ntitle = "Formulas"\nlanguage = "en"\n\n'
        '[[figures]]\nid = "fm-figure"\nsource = "fm-src"\n'
        'topic = "formulas"\nmeasure = "change"\nvalue = -5\n'
        + "".join(f"{field} = {_toml(text)}\n" for field, text in FORMULAS.items()),
        encoding="utf-8",
    )
    return path


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _cells(text: str, fmt: str) -> dict[str, str]:
    rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
    assert len(rows) == 2, text
    return dict(zip(rows[0], rows[1], strict=True))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_formulas_are_neutralised_by_default(run_cli: RunCli, tmp_path: Path, fmt: str) -> None:
    data = _formula_file(tmp_path)
    result = run_cli("--data", data, "show", "fm-figure", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    cells = _cells(result.stdout, fmt)
    for field, text in FORMULAS.items():
        assert cells[field] == "'" + text, field
    assert cells["value"] == "-5"  # a number is not a formula


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_raw_cells_keeps_them(run_cli: RunCli, tmp_path: Path, fmt: str) -> None:
    data = _formula_file(tmp_path)
    result = run_cli("--data", data, "show", "fm-figure", "--format", fmt, "--raw-cells")
    assert result.exit_code == 0, result.stderr
    cells = _cells(result.stdout, fmt)
    assert {field: cells[field] for field in FORMULAS} == FORMULAS


def test_json_keeps_the_text_exact(run_cli: RunCli, tmp_path: Path) -> None:
    import json

    data = _formula_file(tmp_path)
    result = run_cli("--data", data, "show", "fm-figure", "--format", "json")
    (record,) = json.loads(result.stdout)
    assert {field: record[field] for field in FORMULAS} == FORMULAS


def test_nested_values_are_neutralised() -> None:
    value = {"code": "=A1", "list": ["@x", 1, -2.5, None, True], "name": "fine"}
    assert neutralise(value) == {
        "code": "'=A1",
        "list": ["'@x", 1, -2.5, None, True],
        "name": "fine",
    }
    assert neutralise("\tx") == "'\tx"
    assert neutralise("\rx") == "'\rx"


def test_unexpected_argument_cannot_forge_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = _run_main(["timeline", "a\nError: forged"])
    err = capsys.readouterr().err
    assert code == 2
    assert "\nError: forged" not in err
    assert "a\\u000aError: forged" in err


def test_export_path_cannot_forge_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code = _run_main(["export", "--to", "json", "a\ncis-facts: forged.json"])
    err = capsys.readouterr().err
    assert code == 0
    assert err.count("\n") == 1
    assert err.startswith("cis-facts: wrote a\\u000acis-facts: forged.json (")


def test_unreadable_source_name_cannot_forge_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "x\nError: forged"
    folder.mkdir()
    source = folder / "000_032a50789da7a807.txt"
    source.write_bytes(b"\xff\xfe not UTF-8")
    code = _run_main(["check", "--source", str(source)])
    err = capsys.readouterr().err
    assert code == 2
    assert "\nError: forged" not in err
    assert "x\\u000aError: forged" in err


def test_huge_argument_is_clipped_in_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code = _run_main(["timeline", "x" * 100_000])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err) < 2_000
    assert "characters)" in err


def test_huge_argument_is_clipped_in_not_found(capsys: pytest.CaptureFixture[str]) -> None:
    code = _run_main(["show", "x" * 100_000])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err) < 2_000
    assert "characters)" in err


def _run_main(args: list[str]) -> int:
    """Run the console-script entry point in-process; its exit status."""
    import sys

    saved = sys.argv
    sys.argv = ["cis-facts", *args]
    try:
        main()
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        sys.argv = saved
    return 0


def test_plain_is_documented_as_not_for_spreadsheets() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "--raw-cells" in readme
    assert "`plain` is not" in readme
