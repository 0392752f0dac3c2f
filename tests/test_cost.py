"""Hostile input costs seconds, not minutes, and bounded memory: counted, never timed.

Where memory is the point, the tool runs in a process held to a fixed address space, so
a regression fails the test instead of filling the machine.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli

from cis_facts.errors import InvalidFactsError, Problem
from cis_facts.frozen import Frozen
from cis_facts.loader import load

SCRIPT = Path(sys.executable).parent / "cis-facts"
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")


def _limited(address_space: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    return limit


def _script(*args: str | Path, memory: int) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        capture_output=True,
        preexec_fn=_limited(memory),
        env={"CIS_FACTS_CACHE": "off", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        timeout=300,
        check=False,
    )


# ---------------------------------------------------------------- --fields (finding 14)


def test_too_many_field_names_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("members", "--format", "csv", "--fields", ",".join(["a"] * 60_000))
    assert result.exit_code == 2
    assert "--fields: more than 100 names" in result.stderr


def test_repeated_fields_are_found_by_counting_once() -> None:
    from cis_facts.fields import MAX_FIELDS, _split

    counted: list[int] = []

    def profile(frame: Any, event: str, arg: Any) -> None:
        if event == "c_call" and getattr(arg, "__name__", "") == "count":
            counted.append(1)

    names = ",".join(f"f{i}" for i in range(MAX_FIELDS - 1)) + ",f0"
    sys.setprofile(profile)
    try:
        with pytest.raises(Exception, match="f0 given twice"):
            _split(names)
    finally:
        sys.setprofile(None)
    assert len(counted) <= 1  # the comma count only, not a list.count per name


# ---------------------------------------------------------------- COLUMNS=² (finding 7)


@pytest.mark.parametrize("value", ["²", "③", "٣", " ²"])
@pytest.mark.parametrize("name", ["COLUMNS", "LINES"])
def test_non_ascii_digits_in_the_size_are_ignored(name: str, value: str) -> None:
    from cis_facts.cli import _ignore_unusable_size
    from cis_facts.environment import terminal_width

    environ = {name: value}
    _ignore_unusable_size(environ)
    assert environ == {}
    assert terminal_width({"COLUMNS": value}, isatty=False) == 80


@needs_script
def test_superscript_columns_does_not_crash_the_installed_script() -> None:
    done = subprocess.run(
        [str(SCRIPT), "--version"],
        check=False,
        capture_output=True,
        env={"COLUMNS": "²", "LINES": "③"},
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr


# ---------------------------------------------------------------- problems past the cap (16)


def _problems_built(run: Callable[[], Any]) -> int:
    built = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal built
        if event == "call" and frame.f_code is Frozen.__init__.__code__:
            built += type(frame.f_locals.get("self")) is Problem

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return built


def test_problems_past_the_cap_are_counted_not_built(tmp_path: Path) -> None:
    data = tmp_path / "empty.toml"
    data.write_text("[[figures]]\n" * 2_000, encoding="utf-8")

    def run() -> None:
        with pytest.raises(InvalidFactsError) as info:
            load([data])
        assert info.value.more == 17_900

    assert _problems_built(run) == 100


# ---------------------------------------------------------------- memory (finding 15)


@needs_script
def test_a_file_of_too_many_tables_is_refused_before_parsing(tmp_path: Path) -> None:
    """1.5 million table headers (14 MB, well under the size limit) took 1.4 GB to parse."""
    data = tmp_path / "headers.toml"
    data.write_text("".join(f"[x{i}]\n" for i in range(1_500_000)), encoding="utf-8")
    done = _script("--data", data, "check", memory=1 << 30)
    assert done.returncode == 1
    assert done.stderr.decode() == (
        f"cis-facts: {data}: holds too many tables, keys or items to load "
        "(7,500,000 by weight, the limit is 3,000,000); split it into smaller files\n"
    )


@pytest.mark.parametrize(
    ("text", "cost"),
    [
        ('a = [1, 2, 3]\n[t]\nb = "x=y"\n', 5 * 2 + 3 + 2),
        ("[[figures]]\n" * 3, 5 * 6),
        ("x = {a = 1}\n", 1 + 2),
    ],
)
def test_parse_cost_counts_what_the_parser_builds(text: str, cost: int) -> None:
    from cis_facts.loader import parse_cost

    assert parse_cost(text.encode()) == cost


@pytest.mark.slow  # parses until 120 MiB are used up: about 7 s on two loaded cores
@needs_script
def test_running_out_of_memory_while_parsing_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "keys.toml"
    data.write_text(
        "[[figures]]\n" + "".join(f"k{i} = 1\n" for i in range(1_000_000)), encoding="utf-8"
    )
    done = _script("--data", data, "check", memory=120 << 20)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert b"memory" in done.stderr


# ---------------------------------------------------------------- check --source (finding 17)


def test_quotes_are_found_in_one_pass_like_the_in_operator() -> None:
    from cis_facts.verify import found_in

    rng = random.Random(7)
    for _ in range(2_000):
        text = "".join(rng.choice("ab ") for _ in range(rng.randint(0, 30)))
        needles = {
            "".join(rng.choice("ab ") for _ in range(rng.randint(1, 5)))
            for _ in range(rng.randint(0, 6))
        }
        assert found_in(text, needles) == {n for n in needles if n in text}, (text, needles)


def test_missing_quotes_print_at_most_100_lines(run_cli: RunCli, tmp_path: Path) -> None:
    records = "".join(
        f'[[statements]]\nid = "cq-{i}"\nlabel_en = "S {i}"\nlabel_kk = "С {i}"\n'
        f'source = "cq-src"\nquote = "absent quote {i}"\ntopic = "cq"\n\n'
        for i in range(250)
    )
    data = tmp_path / "quotes.toml"
    data.write_text(
        '[[sources]]\nid = "cq-src"\ntitle = "Q"\nlanguage = "en"\nkind = "text"\n'
        'file = "cq.txt"\n\n' + records,
        encoding="utf-8",
    )
    text = tmp_path / "cq.txt"
    text.write_text("absent quote 7 is here", encoding="utf-8")
    result = run_cli("--data", data, "check", "--source", text)
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert len(lines) == 101
    assert lines[-1] == "cis-facts: … and 149 more quotes not found"
    assert "quotes 1/250 found verbatim in cq.txt (source cq-src)" in result.stdout
