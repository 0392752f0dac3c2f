"""Every broken or hostile fact file ends in a clean error, through the real CLI.

A bad ``--data`` file (or ``CIS_FACTS_DATA``) must end with exit 1 and one or more
``cis-facts: FILE[:LINE:COL]: message`` lines on stderr: never a traceback, and nothing
at all on stdout, not even the start of an answer. This holds for ``check`` and for
the query commands, which load the same base before printing anything.

Text the loader accepts is inert: Rich markup (``[bold]``, ``[/]``, ``[link=...]``) and
emoji codes (``:flag_kz:``) are printed literally in tables and plain output and kept
exact in JSON; control, bidi and other formatting characters are rejected by the loader
with an error naming the fact, the field and the code point.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import tomli
from click.testing import Result
from conftest import RunCli
from tomlwrite import renamed_country, toml_document, toml_string

from cis_facts.errors import record_word
from cis_facts.loader import ENV_VAR, packaged_base
from cis_facts.schema import MAX_TEXT, TABLES, record_id

SCRIPT = Path(sys.executable).parent / "cis-facts"
# check, a machine format, the default (plain: not a terminal) and a coloured table.
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("check",),
    ("members", "--format", "json"),
    ("timeline",),
    ("timeline", "--format", "table", "--color", "always"),
)
PACKAGED: dict[str, list[dict[str, Any]]] = tomli.loads(
    Path(packaged_base()).read_text(encoding="utf-8")
)
BIG = 5 * 1024 * 1024  # "huge" strings: 5 MiB
# What must never reach a terminal raw: C0 (but newline), DEL, C1, bidi controls.
RAW_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


# --------------------------------------------------------------------------------------------
# Running the CLI and checking the error contract
# --------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _wide_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run here in one terminal, whatever the shell's: 200 columns, a dumb TERM (so
    ``--color always`` writes no escape codes) and NO_COLOR; a test may lay more over it."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("NO_COLOR", "1")


def run_with(run_cli: RunCli, path: Path | str, command: Sequence[str] = ("check",)) -> Result:
    return run_cli("--data", path, *command)


def problem_line(path: Path | str) -> re.Pattern[str]:
    """``cis-facts: FILE[:LINE[:COL]]: message``."""
    return re.compile(rf"cis-facts: {re.escape(str(path))}(:\d+(:\d+)?)?: \S")


def assert_clean_error(result: Result, path: Path | str) -> list[str]:
    """Exit 1, no traceback, empty stdout, and only problem lines naming ``path`` on stderr."""
    shown = (
        f"exit {result.exit_code}, stdout {result.stdout[:300]!r}, "
        f"stderr {result.stderr[:600]!r}, exception {result.exception!r}"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), shown
    assert result.exit_code == 1, shown
    assert result.stdout == "", shown
    assert "Traceback" not in result.stderr, shown
    lines = result.stderr.split("\n")
    assert lines[-1] == "", shown
    lines = lines[:-1]
    assert lines, shown
    pattern = problem_line(path)
    assert all(pattern.match(line) for line in lines), shown
    return lines


def write(tmp_path: Path, content: str | bytes, name: str = "facts.toml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def fresh(table: str, n: int = 0) -> dict[str, Any]:
    """A valid record of ``table`` (the first packaged one) under an id no other fact has."""
    record = dict(PACKAGED[table][0])
    if table == "countries":
        record = renamed_country(record, "Q" + "ZYXWVUTSRPONMLKJIHGFEDCBA"[n % 25])
    else:
        record["id"] = f"hostile-{table.replace('_', '-')}-{n}"
    return record


# --------------------------------------------------------------------------------------------
# Broken files: encodings, syntax, structure, size, special paths
# --------------------------------------------------------------------------------------------


def _nested(open_: str, close: str, depth: int) -> str:
    return "x = " + open_ * depth + "1" + close * depth + "\n"


DOTTED = ".".join(["a"] * 10_000)
FIGURE_HEAD = '[[figures]]\nid = "hostile-figure"\n'

BROKEN: dict[str, bytes] = {
    # encodings
    "non-utf8-byte": b'[[sources]]\nid = "x"\ntitle = "caf\xe9"\n',
    "cp1251-cyrillic": '[[sources]]\nid = "x"\ntitle = "Қазақстан"\n'.encode("cp1251", "replace"),
    "utf16-with-bom": '[[sources]]\nid = "x"\n'.encode("utf-16"),
    "truncated-utf8": b'[[sources]]\nid = "x"\ntitle = "\xd0',
    "overlong-utf8": b'title = "\xc0\xaf"\n',
    "encoded-surrogate": b'title = "\xed\xa0\x80"\n',
    "utf8-bom": b"\xef\xbb\xbf" + b'[[sources]]\nid = "x"\ntitle = "t"\nlanguage = "en"\n',
    "bom-only": b"\xef\xbb\xbf",
    # TOML syntax
    "unclosed-array": b"x = [1, 2\n",
    "unterminated-string": b'[[sources]]\nid = "x\n',
    "missing-value": b"[[sources]]\nid =\n",
    "junk-after-value": b'[[sources]]\nid = "x" junk\n',
    "bad-escape": b'[[sources]]\nid = "\\q"\n',
    "surrogate-escape": b'[[sources]]\nid = "\\ud800"\n',
    "raw-control-char": b'[[sources]]\nid = "a\x01b"\n',
    "raw-nul": b'[[sources]]\nid = "a\x00b"\n',
    "raw-escape-char": b'[[sources]]\ntitle = "\x1b]0;title\x07"\n',
    "unclosed-header": b"[[sources\nid = 1\n",
    "duplicate-key": b"a = 1\na = 2\n",
    "duplicate-key-in-record": FIGURE_HEAD.encode() + b'id = "other"\n',
    "duplicate-table": b"[t]\nx = 1\n[t]\ny = 2\n",
    "table-redefines-array": b"[[figures]]\nid = 'a'\n[figures]\nid = 'b'\n",
    "invalid-date": FIGURE_HEAD.encode() + b"date = 1988-02-30\n",
    "invalid-datetime": FIGURE_HEAD.encode() + b"date = 1988-02-28T25:00:00\n",
    "invalid-month": FIGURE_HEAD.encode() + b"date = 1988-13-01\n",
    "huge-integer-digits": FIGURE_HEAD.encode() + b"value = 1" + b"0" * 300 + b"_0\n",
    # 4,500 hexadecimal digits: more decimal digits than str() of an integer allows
    "huge-integer-hex": FIGURE_HEAD.encode() + b"value = 0x1" + b"0" * 4500 + b"\n",
    "huge-integer-decimal": FIGURE_HEAD.encode() + b"value = -" + b"9" * 5000 + b"\n",
    # nesting and size
    "nested-arrays-5000": _nested("[", "]", 5000).encode(),
    "nested-inline-tables-5000": _nested("{a = ", "}", 5000).encode(),
    "nested-mixed-5000": _nested("[{a = ", "}]", 2500).encode(),
    "dotted-key-10000": (DOTTED + " = 1\n").encode(),
    "dotted-table-header-10000": f"[{DOTTED}]\nx = 1\n".encode(),
    "dotted-array-header-10000": f"[[{DOTTED}]]\nx = 1\n".encode(),
    "dotted-key-in-record-10000": (FIGURE_HEAD + DOTTED + " = 1\n").encode(),
    "huge-text-field": (
        f'[[sources]]\nid = "big"\ntitle = "{"x" * BIG}"\nlanguage = "en"\n'.encode()
    ),
    "huge-quote-in-fact": (FIGURE_HEAD + f'quote = "{"ы" * (BIG // 2)}"\n').encode(),
    "huge-multiline-string": (
        '[[sources]]\nid = "big"\ntitle = """' + "line\n" * (BIG // 5) + '"""\nlanguage = "en"\n'
    ).encode(),
    "huge-unterminated-string": b'title = "' + b"x" * BIG,
    "huge-array": ("[[countries]]\naliases = [" + '"a", ' * (BIG // 5) + '"a"]\n').encode(),
    # structure
    "unknown-table": b'[[people]]\nname = "x"\n',
    "table-not-array": b'[figures]\nid = "x"\n',
    "scalar-table": b'figures = "x"\n',
    "array-of-scalars": b"figures = [1, 2]\n",
    "top-level-key": b'title = "x"\n',
    "empty-record": b"[[figures]]\n",
    "missing-sources-table": (
        FIGURE_HEAD + 'topic = "t"\nmeasure = "count"\nvalue = 1\n'
        'unit = "u"\nlabel_en = "l"\nlabel_kk = "l"\n'
        'source = "user-source"\nquote = "q"\n'
    ).encode(),
    "missing-countries-table": (
        b'[[events]]\nid = "hostile-event"\ndate = "2000"\n'
        b'kind = "meeting"\nparticipants = ["QZ"]\nlabel_en = "l"\n'
        b'label_kk = "l"\nsource = "kk-text"\nquote = "q"\n'
    ),
    "string-date-impossible": (
        FIGURE_HEAD + 'topic = "t"\nmeasure = "count"\nvalue = 1\n'
        'unit = "u"\nlabel_en = "l"\nlabel_kk = "l"\n'
        'source = "kk-text"\nquote = "q"\ndate = "1988-02-30"\n'
    ).encode(),
    "duplicate-packaged-id": (
        b'[[rankings]]\nid = "rank-zinc"\nmineral_en = "m"\n'
        b'mineral_kk = "m"\nrank = 1\nlabel_en = "l"\nlabel_kk = "l"\n'
        b'source = "kk-text"\nquote = "q"\n'
    ),
}


@pytest.fixture(scope="module")
def broken_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("broken")
    for name, content in BROKEN.items():
        (folder / f"{name}.toml").write_bytes(content)
    return folder


# Files that hold no record: each adds nothing (a blank file to start from).
BLANK = {
    "empty": b"",
    "whitespace-only": b"\n\n   \n\t\n",
    "comments-only": b"# nothing but a comment\n# and another\n",
    "huge-comment-only": b"# " + b"x" * BIG + b"\n",
}


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name", [*BLANK, "dev-null"])
def test_a_blank_file_adds_nothing(
    run_cli: RunCli, tmp_path: Path, name: str, command: tuple[str, ...]
) -> None:
    path = _dev_null(tmp_path) if name == "dev-null" else tmp_path / f"{name}.toml"
    if name != "dev-null":
        path.write_bytes(BLANK[name])
    result, alone = run_with(run_cli, path, command), run_cli(*command)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == alone.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_file_is_a_clean_error(
    run_cli: RunCli, broken_dir: Path, name: str, command: tuple[str, ...]
) -> None:
    path = broken_dir / f"{name}.toml"
    assert_clean_error(run_with(run_cli, path, command), path)


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("non-utf8-byte", ":3:13: is not valid UTF-8 (byte 0xe9)"),
        ("utf8-bom", ":1:1: starts with a byte-order mark"),
        ("unclosed-array", ":2:1: TOML syntax error: Unclosed array"),
        ("duplicate-key", ":2:"),
        ("invalid-date", ":3:"),
        ("nested-arrays-5000", ": TOML syntax error: arrays or tables nested too deeply"),
        # tomli 2.2.1 (the floor) parses the key: an unknown table [a]; later ones stop.
        ("dotted-key-10000", (": TOML syntax error", ": unknown table [a]")),
        ("huge-text-field", f": source big: title: is {BIG} characters long (at most {MAX_TEXT})"),
        ("string-date-impossible", ": fact hostile-figure: date: '1988-02-30' does not exist"),
        ("missing-sources-table", ": fact hostile-figure: source: unknown source 'user-source'"),
        ("missing-countries-table", ": fact hostile-event: participants: unknown country 'QZ'"),
        ("table-not-array", ": [figures] must be an array of tables"),
        ("unknown-table", ": unknown table [people]"),
    ],
)
def test_broken_file_message_says_where_and_what(
    run_cli: RunCli, broken_dir: Path, name: str, where: str | tuple[str, ...]
) -> None:
    path = broken_dir / f"{name}.toml"
    lines = assert_clean_error(run_with(run_cli, path), path)
    starts = tuple(f"cis-facts: {path}{w}" for w in ((where,) if isinstance(where, str) else where))
    assert any(line.startswith(starts) for line in lines), lines


def test_broken_file_from_environment_variable(run_cli: RunCli, broken_dir: Path) -> None:
    path = broken_dir / "nested-arrays-5000.toml"
    result = run_cli("timeline", environ={ENV_VAR: str(path)})
    assert_clean_error(result, path)


def test_every_problem_of_two_broken_files_is_reported(run_cli: RunCli, broken_dir: Path) -> None:
    first, second = broken_dir / "utf8-bom.toml", broken_dir / "duplicate-key.toml"
    result = run_cli("--data", first, "--data", second, "members", "-f", "json")
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [str(first), str(second)]


# Special paths ----------------------------------------------------------------------------


def _directory(tmp_path: Path) -> Path:
    (tmp_path / "facts.d").mkdir()
    return tmp_path / "facts.d"


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-file.toml"


def _broken_symlink(tmp_path: Path) -> Path:
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "gone.toml")
    return link


def _file_as_directory(tmp_path: Path) -> Path:
    write(tmp_path, FIGURE_HEAD, "plain.toml")
    return tmp_path / "plain.toml" / "facts.toml"


def _dev_null(tmp_path: Path) -> Path:
    return Path(os.devnull)


SPECIAL_PATHS: dict[str, Callable[[Path], Path]] = {
    "directory": _directory,
    "missing": _missing,
    "broken-symlink": _broken_symlink,
    "file-as-directory": _file_as_directory,
}


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name", list(SPECIAL_PATHS))
def test_special_path_is_a_clean_error(
    run_cli: RunCli, tmp_path: Path, name: str, command: tuple[str, ...]
) -> None:
    path = SPECIAL_PATHS[name](tmp_path)
    assert_clean_error(run_with(run_cli, path, command), path)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_unreadable_file_is_a_clean_error(
    run_cli: RunCli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = write(tmp_path, FIGURE_HEAD)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read a mode-000 file (root)")
        lines = assert_clean_error(run_with(run_cli, path, command), path)
        assert lines == [f"cis-facts: {path}: cannot read: Permission denied"]
    finally:
        path.chmod(0o644)


# --------------------------------------------------------------------------------------------
# Wrong types at every field of every table, and every required field missing
# --------------------------------------------------------------------------------------------

SAMPLES: dict[str, Any] = {
    "string": "x",
    "integer": 7,
    "float": 2.5,
    "boolean": True,
    "array": ["x"],
    "integer-array": [7],
    "table": {"k": "v"},
    "date": dt.date(2000, 1, 1),
    "date-time": dt.datetime(2000, 1, 1, 12, 0),
    "time": dt.time(12, 0),
}
ACCEPTED: dict[str, set[str]] = {
    "text": {"string"},
    "id": {"string"},
    "source": {"string"},
    "code": {"string"},
    "country": {"string"},
    "enum": {"string"},
    "texts": {"array"},
    "codes": {"array"},
    "iso3": {"string"},
    "m49": {"string"},
    "qid": {"string"},
    "when": {"string", "date"},
    "number": {"integer", "float"},
    "percent": {"integer", "float"},
    "rank": {"integer"},
    "bool": {"boolean"},
}


def wrong_type_records(table: str, sample: str) -> list[tuple[str, dict[str, Any]]]:
    """One record per field of ``table`` whose kind does not take ``sample``."""
    _, specs = TABLES[table]
    records = []
    for n, (name, spec) in enumerate(specs.items()):
        if sample in ACCEPTED[spec.kind] or (
            sample == "integer-array" and spec.kind not in ("texts", "codes")
        ):
            continue
        record = fresh(table, n)
        record[name] = SAMPLES[sample]
        records.append((name, record))
    return records


WRONG_TYPE_CASES = [
    (table, sample) for table in TABLES for sample in SAMPLES if wrong_type_records(table, sample)
]


@pytest.mark.parametrize("command", COMMANDS[:2], ids=" ".join)
@pytest.mark.parametrize(("table", "sample"), WRONG_TYPE_CASES)
def test_wrong_type_at_every_field(
    run_cli: RunCli, tmp_path: Path, table: str, sample: str, command: tuple[str, ...]
) -> None:
    records = wrong_type_records(table, sample)
    path = write(tmp_path, toml_document([(table, record) for _, record in records]))
    lines = assert_clean_error(run_with(run_cli, path, command), path)
    for index, (field, record) in enumerate(records):
        rid = record_id(table, record, index)
        expected = f"cis-facts: {path}: {record_word(table)} {rid}: {field}: "
        assert any(line.startswith(expected) for line in lines), (expected, lines)


def test_the_unmutated_records_are_valid(run_cli: RunCli, tmp_path: Path) -> None:
    """The records the wrong-type cases start from load: each error comes from the field."""
    records = [(table, fresh(table)) for table in TABLES]
    path = write(tmp_path, toml_document(records))
    result = run_with(run_cli, path)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("table", list(TABLES))
def test_every_required_field_missing(run_cli: RunCli, tmp_path: Path, table: str) -> None:
    _, specs = TABLES[table]
    required = [name for name, spec in specs.items() if spec.required]
    records = []
    for n, name in enumerate(required):
        record = fresh(table, n)
        del record[name]
        records.append((table, record))
    path = write(tmp_path, toml_document(records))
    lines = assert_clean_error(run_with(run_cli, path, ("timeline",)), path)
    for index, ((_, record), name) in enumerate(zip(records, required, strict=True)):
        expected = (
            f"cis-facts: {path}: {record_word(table)} {record_id(table, record, index)}: {name}: "
            "missing required field"
        )
        assert expected in lines, (expected, lines)


# --------------------------------------------------------------------------------------------
# The installed script in a fresh process: same contract, exit status and bytes
# --------------------------------------------------------------------------------------------

SUBPROCESS_CASES = (
    "non-utf8-byte",
    "utf8-bom",
    "duplicate-key",
    "invalid-date",
    "nested-arrays-5000",
    "nested-inline-tables-5000",
    "dotted-key-10000",
    "huge-text-field",
)


def run_script(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env.update(LANG="C.UTF-8", PYTHONIOENCODING="utf-8", COLUMNS="100")
    return subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, timeout=120, check=False
    )


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
@pytest.mark.parametrize(
    "command", [("check",), ("timeline",), ("members", "-f", "json")], ids=" ".join
)
@pytest.mark.parametrize("name", [*SUBPROCESS_CASES, "directory", "missing"])
def test_installed_script_clean_error(
    broken_dir: Path, tmp_path: Path, name: str, command: tuple[str, ...]
) -> None:
    path = SPECIAL_PATHS[name](tmp_path) if name in SPECIAL_PATHS else (broken_dir / f"{name}.toml")
    proc = run_script(["--data", str(path), *command], cwd=tmp_path)
    stderr = proc.stderr.decode("utf-8")
    assert proc.returncode == 1, stderr
    assert proc.stdout == b""
    assert "Traceback" not in stderr
    lines = stderr.split("\n")
    assert lines[-1] == "" and lines[:-1], stderr
    assert all(problem_line(path).match(line) for line in lines[:-1]), stderr


# --------------------------------------------------------------------------------------------
# Bugs found by these suites, kept as regression tests (see docs/hardening.md)
# --------------------------------------------------------------------------------------------


def _figure(**fields: Any) -> dict[str, Any]:
    record = fresh("figures")
    record.update(fields)
    return record


@pytest.mark.parametrize("command", COMMANDS[:2], ids=" ".join)
def test_integer_too_large_for_a_float(
    run_cli: RunCli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = write(tmp_path, toml_document([("figures", _figure(value=10**400))]))
    assert_clean_error(run_with(run_cli, path, command), path)


def test_integer_with_more_digits_than_python_converts(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        toml_document([("figures", _figure(value=1))]).replace(
            "value = 1", "value = 1" + "0" * 5000
        ),
    )
    assert_clean_error(run_with(run_cli, path), path)


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ("rankings", "rank"),
        ("trade_shares", "position"),
        ("figures", "value"),
        ("trade_totals", "growth"),
    ],
)
def test_integer_too_large_for_sqlite(
    run_cli: RunCli, tmp_path: Path, table: str, field: str
) -> None:
    record = fresh(table)
    record[field] = 2**63
    path = write(tmp_path, toml_document([(table, record)]))
    target = tmp_path / "out.db"
    result = run_cli("--data", path, "export", "--to", "sqlite", target)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    if result.exit_code == 1:  # rejected, by the loader or the export
        assert result.stderr.startswith("cis-facts: ") and "Traceback" not in result.stderr
    else:
        assert result.exit_code == 0 and target.is_file()


HOSTILE_NAMES = {
    "osc-title": "\x1b]0;pwned\x07",
    "bidi-override": "abc\u202edcba",
    "c1-csi": "x\x9b2J",
}


@pytest.mark.parametrize("where", ["table", "field", "id"])
@pytest.mark.parametrize("name", list(HOSTILE_NAMES))
def test_problem_lines_are_inert(run_cli: RunCli, tmp_path: Path, where: str, name: str) -> None:
    hostile = HOSTILE_NAMES[name]
    if where == "table":
        content = f"[[{toml_string(hostile)}]]\nx = 1\n"
    elif where == "field":
        content = toml_document([("figures", _figure(**{hostile: 1}))])
    else:
        content = toml_document([("figures", _figure(id=hostile))])
    path = write(tmp_path, content)
    result = run_cli("--data", path, "check", color=True)  # as on a terminal
    assert_clean_error(result, path)
    assert not RAW_CONTROL.search(result.stderr), repr(result.stderr)


STDERR_LIMIT = 64 * 1024

_HUGE = "X" * BIG
# Fields whose message quotes the value back; the text fields say only how long it is.
HUGE_VALUE_CASES = [
    pytest.param("label_en", _HUGE, id="text"),
    pytest.param("measure", _HUGE, id="enum"),
    pytest.param("topic", _HUGE, id="kebab-id"),
    pytest.param("country", _HUGE, id="country-code"),
    pytest.param("date", _HUGE, id="date"),
    pytest.param("id", _HUGE, id="fact-id"),
]


@pytest.mark.parametrize(("field", "value"), HUGE_VALUE_CASES)
def test_huge_value_gives_a_short_message(
    run_cli: RunCli, tmp_path: Path, field: str, value: str
) -> None:
    path = write(tmp_path, toml_document([("figures", _figure(**{field: value}))]))
    result = run_with(run_cli, path)
    assert_clean_error(result, path)
    assert len(result.stderr) < STDERR_LIMIT, f"{len(result.stderr)} characters on stderr"


def test_huge_unknown_field_name_gives_a_short_message(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path, toml_document([("figures", _figure(**{"k" * BIG: 1}))]))
    result = run_with(run_cli, path)
    assert_clean_error(result, path)
    assert len(result.stderr) < STDERR_LIMIT, f"{len(result.stderr)} characters on stderr"


# --------------------------------------------------------------------------------------------
# Control, bidi and formatting characters in any text field: rejected, named, never printed
# --------------------------------------------------------------------------------------------

FORBIDDEN = {
    "osc-title": "\x1b]0;title\x07",
    "csi-clear": "\x1b[2J",
    "esc": "\x1b",
    "bel": "\x07",
    "nul": "\x00",
    "tab": "\t",
    "newline": "\n",
    "carriage-return": "\r",
    "del": "\x7f",
    "c1-nel": "\x85",
    "c1-csi": "\x9b",
    "rlo": "\u202e",
    "lri": "\u2066",
    "rlm": "\u200f",
    "alm": "\u061c",
    "zwsp": "\u200b",
    "bom": "\ufeff",
    "soft-hyphen": "\xad",
    "tag": "\U000e0041",
}


def text_fields(table: str) -> list[str]:
    _, specs = TABLES[table]
    return [name for name, spec in specs.items() if spec.kind in ("text", "texts")]


@pytest.mark.parametrize("table", list(TABLES))
@pytest.mark.parametrize("name", list(FORBIDDEN))
def test_forbidden_character_in_every_text_field(
    run_cli: RunCli, tmp_path: Path, table: str, name: str
) -> None:
    char = FORBIDDEN[name]
    record = fresh(table)
    for field in text_fields(table):
        text = f"before{char}after"
        record[field] = [text] if TABLES[table][1][field].kind == "texts" else text
    path = write(tmp_path, toml_document([(table, record)]))
    code_point = f"U+{ord(char[0]):04X}"
    lines = assert_clean_error(run_with(run_cli, path, ("timeline",)), path)
    rid = record_id(table, record, 0)
    for field in text_fields(table):
        assert any(
            line.startswith(f"cis-facts: {path}: {record_word(table)} {rid}: {field}: ")
            and line.endswith(f"contains the control or formatting character {code_point}")
            for line in lines
        ), (field, lines)
    assert not RAW_CONTROL.search("\n".join(lines)), lines


# --------------------------------------------------------------------------------------------
# Text that looks like markup is allowed, and shown exactly as written
# --------------------------------------------------------------------------------------------

MARKUP = {
    "bold": "[bold]x[/bold]",
    "close-all": "[/]",
    "link": "[link=http://e.com]x[/link]",
    "flag": ":flag_kz:",
    "smile": ":smile:",
    "red": "[red on white]alarm[/]",
    "escaped": "\\[bold]not bold",
}
# Characters that markup or emoji codes would become, or a hyperlink would need.
RENDERED = ("\U0001f1f0\U0001f1ff", "\U0001f604", "\x1b]8;")

MARKUP_FILE = toml_document(
    [
        (
            "sources",
            {
                "id": "mk-source",
                "title": "Markup source [bold]x[/bold] :flag_kz:",
                "language": "en",
            },
        ),
        (
            "countries",
            {
                "code": "QM",
                "name_en": "Markland [bold]x[/bold]",
                "name_kk": "Маркленд :flag_kz:",
                "name_ru": "Маркленд [/]",
                "aliases": ["[link=http://e.com]x[/link]"],
                "source": "mk-source",
                "quote": "Country quote :smile: [/]",
                "note": "Country note [red on white]alarm[/]",
            },
        ),
        (
            "figures",
            {
                "id": "mk-figure",
                "topic": "mk-topic",
                "measure": "amount",
                "value": 42,
                "unit": "units [bold]x[/bold]",
                "country": "QM",
                "label_en": "Markland figure [bold]x[/bold] [/] :flag_kz:",
                "label_kk": "Маркленд :smile: [link=http://e.com]x[/link]",
                "source": "mk-source",
                "quote": "Figure quote [link=http://e.com]x[/link] :smile:",
                "note": "Figure note \\[bold]not bold [red on white]alarm[/]",
            },
        ),
        (
            "events",
            {
                "id": "mk-event",
                "date": "1995-05-05",
                "kind": "meeting",
                "participants": ["QM", "KZ"],
                "place_en": "Place [/]",
                "label_en": "Markland event [bold]x[/bold] :flag_kz:",
                "label_kk": "Оқиға [/]",
                "source": "mk-source",
                "quote": "Event quote :smile:",
            },
        ),
    ]
)
# (command, strings the table and plain output must show)
MARKUP_COMMANDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "figures": (
        ("figures", "mk-topic"),
        ("Markland figure [bold]x[/bold] [/] :flag_kz:", "units [bold]x[/bold]"),
    ),
    "country": (
        ("country", "QM"),
        (
            "Markland [bold]x[/bold]",
            "Маркленд :flag_kz:",
            "Маркленд [/]",
            "Markland figure [bold]x[/bold] [/] :flag_kz:",
            "Markland event [bold]x[/bold] :flag_kz:",
        ),
    ),
    "search": (
        ("search", "Markland"),
        (
            "Markland [bold]x[/bold]",
            "Markland figure [bold]x[/bold] [/] :flag_kz:",
            "Markland event [bold]x[/bold] :flag_kz:",
        ),
    ),
    "show": (
        ("show", "mk-figure"),
        (
            "Markland figure [bold]x[/bold] [/] :flag_kz:",
            "units [bold]x[/bold]",
            "Figure quote [link=http://e.com]x[/link] :smile:",
            "Figure note \\[bold]not bold [red on white]alarm[/]",
        ),
    ),
    "cite": (
        ("cite", "mk-figure"),
        (
            "Markland figure [bold]x[/bold] [/] :flag_kz:",
            "Figure quote [link=http://e.com]x[/link] :smile:",
            "Markup source [bold]x[/bold] :flag_kz:",
        ),
    ),
    "timeline": (
        ("timeline", "--from", "1995", "--to", "1995"),
        ("Markland event [bold]x[/bold] :flag_kz:", "Place [/]", "Markland [bold]x[/bold]"),
    ),
}
SGR = re.compile(r"\x1b\[[0-9;]*m")
TABLE_VARIANTS: dict[str, tuple[tuple[str, ...], dict[str, str | None]]] = {
    "table": (("--format", "table", "--color", "never"), {}),
    "table-color": (
        ("--format", "table", "--color", "always"),
        {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color"},
    ),
    "plain": (("--format", "plain"), {}),
}


@pytest.fixture(scope="module")
def markup_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("markup") / "markup.toml"
    path.write_text(MARKUP_FILE, encoding="utf-8")
    return path


def test_markup_file_is_valid(run_cli: RunCli, markup_file: Path) -> None:
    result = run_with(run_cli, markup_file)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("variant", list(TABLE_VARIANTS))
@pytest.mark.parametrize("name", list(MARKUP_COMMANDS))
def test_markup_is_shown_literally(
    run_cli: RunCli, markup_file: Path, name: str, variant: str
) -> None:
    args, shown = MARKUP_COMMANDS[name]
    options, env = TABLE_VARIANTS[variant]
    if variant == "plain":
        # Plain output escapes backslashes (tab-separated values) and names countries by
        # code; cite's own text form stands for plain (--format plain gives its fields).
        names = ("Markland [bold]x[/bold]",)  # the country's name, which plain gives as QM
        shown = tuple(
            t.replace("\\", "\\\\") for t in shown if not t.endswith(" (QM)") and t not in names
        )
        options = () if name == "cite" else options
    result = run_cli("--data", markup_file, *args, *options, environ=env)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if variant == "table-color":
        assert "\x1b[" in out, "--color always with FORCE_COLOR=1 should colour the table"
        out = SGR.sub("", out)
    assert not RAW_CONTROL.search(out.replace("\t", " ")), repr(out)
    missing = [text for text in shown if text not in out]
    assert not missing, (missing, out)
    assert not any(glyph in out for glyph in RENDERED), repr(out)


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    return []


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("name", list(MARKUP_COMMANDS))
def test_markup_is_exact_in_json(run_cli: RunCli, markup_file: Path, name: str, fmt: str) -> None:
    args, shown = MARKUP_COMMANDS[name]
    result = run_cli("--data", markup_file, *args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        records = json.loads(result.stdout)
    else:
        records = [json.loads(line) for line in result.stdout.split("\n")[:-1]]
    texts = _texts(records)
    # Each shown string is a whole JSON value, or (a country "name (CODE)") a part of one.
    for text in shown:
        bare = text.removesuffix(" (QM)")
        assert any(bare == t or bare in t for t in texts), (text, texts)
    if name == "show":
        (record,) = records
        assert record["label_en"] == "Markland figure [bold]x[/bold] [/] :flag_kz:"
        assert record["note"] == "Figure note \\[bold]not bold [red on white]alarm[/]"
        assert record["quote"] == "Figure quote [link=http://e.com]x[/link] :smile:"
        assert record["country"] == {"code": "QM", "name": "Markland [bold]x[/bold]"}
