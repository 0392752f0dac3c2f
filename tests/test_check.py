"""`cis-facts check`: exit codes, problem lines on stderr, counts and quote verification."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from conftest import SHARED_SOURCE_TEXT, RunCli

from cis_facts import verify
from cis_facts.loader import ENV_VAR, load
from cis_facts.model import FactBase

SOURCE_SHA256 = "1ab21b32924bb2bc111c01c31a10dbb5fd3cc65edcd11d9ac794a618f8146dd5"

BROKEN = sorted(
    p.name
    for p in (Path(__file__).parent / "fixtures").glob("*.toml")
    if p.name != "valid_extra.toml"
)


def assert_clean_exit(result: Result, code: int) -> None:
    """The exit code is ``code`` and no Python traceback reached the user."""
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def count_lines(base: FactBase) -> list[str]:
    tables = {
        "sources": base.sources,
        "countries": base.countries,
        "events": base.events,
        "rankings": base.rankings,
        "trade_shares": base.trade_shares,
        "trade_totals": base.trade_totals,
        "figures": base.figures,
        "statements": base.statements,
    }
    return [f"{kind}\t{len(records)}" for kind, records in tables.items()]


def quoting(base: FactBase, source_text: Path) -> int:
    """How many records cite the source whose file is ``source_text``."""
    (source_id,) = [s.id for s in base.sources if s.file == source_text.name]
    records = [*base.countries, *base.facts()]
    return sum(1 for record in records if record.source == source_id)


PACKAGED_CHECK = "".join(
    line + "\n"
    for line in (
        "sources\t23",
        "countries\t29",
        "events\t46",
        "rankings\t14",
        "trade_shares\t27",
        "trade_totals\t7",
        "figures\t59",
        "statements\t66",
        "quotes 216/216 found verbatim in 000_032a50789da7a807.txt (source kk-text)",
        "quotes 29/29 found verbatim in country-codes.csv (source country-codes)",
        (
            "quotes 32 not checked: their documents are not shipped (azerbaijan-portal-cis, "
            "azvision-ukraine-2018, belta-moldova-2026, cis-charter-decision, kazan-summit-2005, "
            "loc-azerbaijan-study, loc-moldova-study, moldova-mfa-cis, ria-moldova-2026, "
            "wikipedia-cis-charter-history, wikipedia-cis-member-states, zdg-moldova-ipa-2023)"
        ),
        "ok: fact base is valid and every quote checked was found",
    )
)


def test_check_packaged_base_verifies_the_packaged_source_text(run_cli: RunCli) -> None:
    result = run_cli("check")
    assert_clean_exit(result, 0)
    assert result.stdout == PACKAGED_CHECK
    assert result.stderr == ""


def test_packaged_source_text_is_the_shared_one(source_text: Path) -> None:
    """The shipped text is the one the facts were read from, byte for byte (pinned by its
    SHA-256, and compared with the shared copy beside the repository when there is one)."""
    data = source_text.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SOURCE_SHA256
    if SHARED_SOURCE_TEXT.is_file():
        assert SHARED_SOURCE_TEXT.read_bytes() == data


def test_check_without_packaged_text_validates_only(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "packaged_text", lambda source: None)
    result = run_cli("check")
    assert_clean_exit(result, 0)
    assert result.stdout.splitlines()[-1] == "ok: fact base is valid"
    assert "quotes" not in result.stdout


def test_check_with_valid_user_file_counts_its_records(run_cli: RunCli, fixtures_dir: Path) -> None:
    path = fixtures_dir / "valid_extra.toml"
    result = run_cli("--data", path, "check")
    assert_clean_exit(result, 0)
    lines = result.stdout.splitlines()
    assert lines[:-4] == count_lines(load([path]))
    assert lines[-4] == "quotes 217/217 found verbatim in 000_032a50789da7a807.txt (source kk-text)"


@pytest.mark.parametrize("name", BROKEN)
def test_check_broken_file_exits_1_with_problem_lines(
    run_cli: RunCli, fixtures_dir: Path, name: str
) -> None:
    path = fixtures_dir / name
    result = run_cli("--data", path, "check")
    assert_clean_exit(result, 1)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines
    assert all(line.startswith(f"cis-facts: {path}") for line in lines), lines


def test_check_prints_the_exact_problem_line(run_cli: RunCli, fixtures_dir: Path) -> None:
    path = fixtures_dir / "unknown_country_initiator.toml"
    result = run_cli("--data", path, "check")
    assert_clean_exit(result, 1)
    assert result.stderr == (
        f"cis-facts: {path}: fact fx-unknown-initiator: initiator: unknown country 'XX'\n"
    )


def test_check_reports_all_problems_one_per_line(run_cli: RunCli, fixtures_dir: Path) -> None:
    path = fixtures_dir / "three_problems.toml"
    result = run_cli("--data", path, "check")
    assert_clean_exit(result, 1)
    ids = [line.split(": ")[2] for line in result.stderr.splitlines()]
    assert ids == ["fact fx-problem-date", "fact fx-problem-ranking", "fact fx-problem-participant"]


def test_check_syntax_error_has_position(run_cli: RunCli, fixtures_dir: Path) -> None:
    path = fixtures_dir / "syntax_error.toml"
    result = run_cli("--data", path, "check")
    assert_clean_exit(result, 1)
    assert result.stderr.startswith(f"cis-facts: {path}:5:8: TOML syntax error: ")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xef\xbb\xbf[[sources]]\n", ":1:1: starts with a byte-order mark"),
        (b'[[sources]]\nid = "\xff"\n', ":2:7: is not valid UTF-8 (byte 0xff)"),
    ],
)
def test_check_unreadable_bytes(
    run_cli: RunCli, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bytes.toml"
    path.write_bytes(content)
    result = run_cli("--data", path, "check")
    assert_clean_exit(result, 1)
    assert result.stderr.startswith(f"cis-facts: {path}{message}")


def test_check_directory_and_missing_file(run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    result = run_cli("--data", tmp_path, "--data", missing, "check")
    assert_clean_exit(result, 1)
    lines = result.stderr.splitlines()
    assert lines[0] == f"cis-facts: {tmp_path}: is a directory, not a fact file"
    assert lines[1].startswith(f"cis-facts: {missing}: cannot read: ")
    assert len(lines) == 2


def _second_valid_file(tmp_path: Path, fixtures_dir: Path) -> Path:
    """A valid file that needs valid_extra.toml: its event's initiator is MN."""
    text = (fixtures_dir / "unknown_country_initiator.toml").read_text(encoding="utf-8")
    path = tmp_path / "second.toml"
    path.write_text(text.replace('"XX"', '"MN"'), encoding="utf-8")
    return path


def test_env_var_with_two_files(run_cli: RunCli, fixtures_dir: Path, tmp_path: Path) -> None:
    first = fixtures_dir / "valid_extra.toml"
    second = _second_valid_file(tmp_path, fixtures_dir)
    result = run_cli("check", environ={ENV_VAR: f"{first}{os.pathsep}{second}"})
    assert_clean_exit(result, 0)
    assert result.stdout.splitlines()[:-4] == count_lines(load([first, second]))


def test_env_var_problems_name_the_file(run_cli: RunCli, fixtures_dir: Path) -> None:
    good = fixtures_dir / "valid_extra.toml"
    bad = fixtures_dir / "unknown_field.toml"
    result = run_cli("check", environ={ENV_VAR: f"{good}{os.pathsep}{bad}"})
    assert_clean_exit(result, 1)
    assert result.stderr == f"cis-facts: {bad}: fact fx-unknown-field: colour: unknown field\n"


def test_data_option_takes_precedence_over_env_var(run_cli: RunCli, fixtures_dir: Path) -> None:
    good = fixtures_dir / "valid_extra.toml"
    bad = fixtures_dir / "unknown_field.toml"
    result = run_cli("--data", good, "check", environ={ENV_VAR: str(bad)})
    assert_clean_exit(result, 0)


def test_check_source_finds_every_quote(run_cli: RunCli, source_text: Path) -> None:
    result = run_cli("check", "--source", source_text)
    assert_clean_exit(result, 0)
    expected = quoting(load(), source_text)
    assert expected > 0
    assert result.stderr == ""
    assert result.stdout.splitlines()[-4:] == [
        f"quotes {expected}/{expected} found verbatim in {source_text.name} (source kk-text)",
        "quotes 29/29 found verbatim in country-codes.csv (source country-codes)",
        (
            "quotes 32 not checked: their documents are not shipped (azerbaijan-portal-cis, "
            "azvision-ukraine-2018, belta-moldova-2026, cis-charter-decision, kazan-summit-2005, "
            "loc-azerbaijan-study, loc-moldova-study, moldova-mfa-cis, ria-moldova-2026, "
            "wikipedia-cis-charter-history, wikipedia-cis-member-states, zdg-moldova-ipa-2023)"
        ),
        "ok: fact base is valid and every quote checked was found",
    ]


def test_check_source_includes_user_file_quotes(
    run_cli: RunCli, fixtures_dir: Path, source_text: Path
) -> None:
    path = fixtures_dir / "valid_extra.toml"
    result = run_cli("--data", path, "check", "--source", source_text)
    assert_clean_exit(result, 0)
    expected = quoting(load([path]), source_text)
    assert expected == quoting(load(), source_text) + 1
    assert f"quotes {expected}/{expected} found verbatim" in result.stdout


def test_check_source_names_a_misquoted_fact(
    run_cli: RunCli, fixtures_dir: Path, tmp_path: Path, source_text: Path
) -> None:
    text = (fixtures_dir / "valid_extra.toml").read_text(encoding="utf-8")
    path = tmp_path / "misquoted.toml"
    path.write_text(text.replace("0,1% құрайды", "0,2% құрайды"), encoding="utf-8")
    result = run_cli("--data", path, "check", "--source", source_text)
    assert_clean_exit(result, 1)
    misquote = "'Қазіргі уақытта Қазақстан әлемдік ЖІӨ - де 0,2% құрайды'"
    assert result.stderr.splitlines() == [
        f"cis-facts: {path}: fact fx-kz-world-gdp-share: quote: not found in {source_text}: "
        + misquote
    ]
    total = quoting(load([path]), source_text)
    assert f"quotes {total - 1}/{total} found verbatim" in result.stdout
    assert "ok:" not in result.stdout


def test_check_source_folds_white_space(
    run_cli: RunCli, fixtures_dir: Path, tmp_path: Path, source_text: Path
) -> None:
    text = (fixtures_dir / "valid_extra.toml").read_text(encoding="utf-8")
    path = tmp_path / "spaced.toml"
    path.write_text(text.replace("Қазіргі уақытта", "Қазіргі   уақытта"), encoding="utf-8")
    result = run_cli("--data", path, "check", "--source", source_text)
    assert_clean_exit(result, 0)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--bogus"],
        ["--bogus", "check"],
        ["no-such-command"],
        ["--lang", "fr", "check"],
        ["check", "--source"],
        ["check", "--source", "/nonexistent/source.txt"],
    ],
)
def test_usage_errors_exit_2(run_cli: RunCli, args: list[str]) -> None:
    result = run_cli(*args)
    assert_clean_exit(result, 2)
    assert result.stdout == ""
    assert "Error:" in result.stderr


def test_check_source_that_is_not_utf8_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "source.txt"
    path.write_bytes(b"\xff\xfe")
    result = run_cli("check", "--source", path)
    assert_clean_exit(result, 2)
    assert "Invalid value for --source" in result.stderr


def _run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    return subprocess.run(
        [sys.executable, "-m", "cis_facts", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_entry_point_reports_problems_without_traceback(fixtures_dir: Path, tmp_path: Path) -> None:
    path = fixtures_dir / "unknown_field.toml"
    proc = _run_module("--data", str(path), "check", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr == f"cis-facts: {path}: fact fx-unknown-field: colour: unknown field\n"


def test_entry_point_usage_error_exits_2(tmp_path: Path) -> None:
    proc = _run_module("check", "--bogus", cwd=tmp_path)
    assert proc.returncode == 2
    assert "No such option" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("quote", "where"),
    [
        ("Three four.", (1, 2, 2)),  # a quote ending with its sentence stays in it
        ("two. Three", (1, 1, 2)),
        ("Eight", (2, 2, 2)),
        ("Nine", None),
    ],
)
def test_locate_counts_paragraphs_and_sentences_from_one(
    quote: str, where: tuple[int, int, int] | None
) -> None:
    text = "One two. Three four. Five.\n\nSix seven. Eight."
    found = verify.locate(text, quote)
    assert (found and (found.paragraph, found.sentence, found.last_sentence)) == where
