"""Linear time and bounded memory: counted, never timed.

Growth is measured by counting Python function calls (``sys.setprofile``), which does
not depend on the machine or its load: doubling the records must about double the
calls of a linear algorithm, and would quadruple them for a quadratic one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli

from cis_facts.loader import load
from cis_facts.query import members, trade
from cis_facts.render.localized import localize
from cis_facts.text import best_names, close_matches

SCRIPT = Path(sys.executable).parent / "cis-facts"
SOURCE = '[[sources]]\nid = "bd-src"\ntitle = "Bounds"\nlanguage = "en"\n\n'


def calls(run: Callable[[], Any]) -> int:
    """How many Python functions ``run`` calls."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def growth(make: Callable[[int], Callable[[], Any]], size: int) -> float:
    """Calls at twice ``size`` over calls at ``size`` (2 for linear, 4 for quadratic)."""
    small, large = make(size), make(2 * size)
    return calls(large) / calls(small)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _totals(count: int) -> str:
    combos = [(p, f) for p in ("cis", "other", "all") for f in ("turnover", "exports", "imports")]
    parts = [SOURCE]
    for i in range(count):
        partners, flow = combos[i % 9]
        day = i // 9
        parts.append(
            f'[[trade_totals]]\nid = "bd-total-{i}"\nlabel_en = "T {i}"\nlabel_kk = "Т {i}"\n'
            f'source = "bd-src"\nquote = "t"\npartners = "{partners}"\nflow = "{flow}"\n'
            f'value = {i}\nunit = "USD million"\n'
            f"date = {1950 + day // 336}-{day % 336 // 28 + 1:02d}-{day % 28 + 1:02d}\n\n"
        )
    return "".join(parts)


def test_trade_totals_grow_linearly(tmp_path: Path) -> None:
    def make(count: int) -> Callable[[], Any]:
        base = load([_write(tmp_path, f"totals-{count}.toml", _totals(count))])
        return lambda: localize(trade.totals(base), "en")

    assert growth(make, 450) < 2.5


def _events(count: int) -> str:
    """Membership events of five states, one year apart: years grow with the events."""
    parts = [SOURCE]
    for i in range(5):
        parts.append(
            f'[[countries]]\ncode = "Q{"ABCDE"[i]}"\nname_en = "Boundland {i}"\n'
            f'name_kk = "Б {i}"\nname_ru = "Б {i}"\nsource = "bd-src"\nquote = "b"\n\n'
        )
    for i in range(count):
        status = ("member", "associate", "left")[i % 3]
        parts.append(
            f'[[events]]\nid = "bd-event-{i}"\nlabel_en = "E {i}"\nlabel_kk = "О {i}"\n'
            f'source = "bd-src"\nquote = "e"\ndate = {1900 + i}-06-01\nkind = "decision"\n'
            f'participants = ["Q{"ABCDE"[i % 5]}"]\nstatus = "{status}"\n\n'
        )
    return "".join(parts)


def test_membership_chart_grows_linearly(tmp_path: Path) -> None:
    def make(count: int) -> Callable[[], Any]:
        base = load([_write(tmp_path, f"events-{count}.toml", _events(count))])
        return lambda: localize(members.membership_chart(base), "en")

    assert growth(make, 300) < 2.5


def test_chart_statuses_year_by_year(tmp_path: Path) -> None:
    base = load([_write(tmp_path, "events.toml", _events(7))])
    chart = localize(members.membership_chart(base), "en")
    by_code = {r["country"]["code"]: r["by_year"][:7] for r in chart.records}
    # QA: member in 1900, left in 1905 (that year still shown as member); QB: associate
    # from 1901, member from 1906.
    assert by_code["QA"] == ["member"] * 6 + [None]
    assert by_code["QB"] == [None] + ["associate"] * 5 + ["member"]
    assert chart.records[0]["years"][:7] == list(range(1900, 1907))


def test_suggestions_skip_words_too_long_to_compare() -> None:
    long_word = "ab" * 5_000
    assert close_matches(long_word, [long_word + "c", "abc"]) == []
    assert close_matches("abcde", [long_word, "abcdf"]) == ["abcdf"]
    assert best_names("x" * 5_000, ["x" * 5_001, "Kazakhstan"]) == []


def test_search_suggestions_cost_a_bounded_lookup_per_query_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Close words come from a table of deletions: a query word costs a fixed number of
    look-ups, whatever the vocabulary, so a 1,000-word query costs 1,000 words' worth."""
    from cis_facts.errors import NotFoundError
    from cis_facts.query import search
    from cis_facts.retrieval import fuzzy as neighbours

    looked_up: list[str] = []
    original = neighbours.Neighbours.close

    def counting(self: Any, term: str, limit: int) -> Any:
        looked_up.append(term)
        return original(self, term, limit)

    monkeypatch.setattr(neighbours.Neighbours, "close", counting)
    letters = "bcdfghjklmnpqrstvwxz"
    words = [
        "zq" + letters[i // 50] + letters[i // 20 % 20] + letters[i % 20] for i in range(1_000)
    ]
    with pytest.raises(NotFoundError) as info:
        search.search(load(), " ".join(words))
    assert 0 < len(looked_up) <= 2 * len(words)
    assert len(info.value.suggestions) <= 5


# ---------------------------------------------------------------------------------------------
# Problems: at most 100 printed, the rest counted exactly
# ---------------------------------------------------------------------------------------------


def test_at_most_100_problems_then_an_exact_count(run_cli: RunCli, tmp_path: Path) -> None:
    data = _write(tmp_path, "empty.toml", "[[figures]]\n" * 1000)
    result = run_cli("--data", data, "check")
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(lines) == 101
    assert lines[0] == f"cis-facts: {data}: fact #1 of [[figures]]: id: missing required field"
    # 1,000 records of nine missing required fields each: 9,000 problems, 100 shown.
    assert lines[-1] == "cis-facts: … and 8900 more problems"


def test_one_more_problem_is_singular(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cis_facts import errors

    monkeypatch.setattr(errors, "PROBLEM_LIMIT", 8)
    data = _write(tmp_path, "empty.toml", "[[figures]]\n")
    result = run_cli("--data", data, "check")
    assert result.stderr.splitlines()[-1] == "cis-facts: … and 1 more problem"


def test_problems_beyond_the_limit_are_not_kept(tmp_path: Path) -> None:
    from cis_facts.errors import InvalidFactsError

    data = _write(tmp_path, "empty.toml", "[[figures]]\n" * 2000)
    with pytest.raises(InvalidFactsError) as info:
        load([data])
    assert len(info.value.problems) == 100
    assert info.value.more == 17_900


# ---------------------------------------------------------------------------------------------
# Size limit of fact and source files
# ---------------------------------------------------------------------------------------------


def _sparse(tmp_path: Path, name: str, size: int) -> Path:
    path = tmp_path / name
    with path.open("wb") as file:
        file.truncate(size)  # no disk blocks written
    return path


def test_fact_file_over_the_limit_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    big = _sparse(tmp_path, "big.toml", 64 * 1024 * 1024 + 1)
    result = run_cli("--data", big, "check")
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: {big}: cannot read: larger than 64 MiB, the limit\n"


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_endless_device_is_refused() -> None:
    """In a process held to 1 GiB of address space, so that a regression fails the test
    instead of filling the machine's memory."""
    import resource
    import subprocess

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    proc = subprocess.run(
        [str(SCRIPT), "--data", "/dev/zero", "check"],
        capture_output=True,
        preexec_fn=limit_memory,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr == b"cis-facts: /dev/zero: cannot read: larger than 64 MiB, the limit\n"


def test_source_file_over_the_limit_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    big = _sparse(tmp_path, "000_032a50789da7a807.txt", 64 * 1024 * 1024 + 1)
    result = run_cli("check", "--source", big)
    assert result.exit_code == 2
    assert f"cannot read {big}: larger than 64 MiB, the limit" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------------------------
# Long tables
# ---------------------------------------------------------------------------------------------


def _figures(count: int) -> str:
    return SOURCE + "".join(
        f'[[figures]]\nid = "bd-figure-{i:05d}"\nlabel_en = "Figure {i:05d}"\n'
        f'label_kk = "К {i}"\nsource = "bd-src"\nquote = "f"\ntopic = "bounds"\n'
        f'measure = "amount"\nvalue = {i}\nunit = "t"\n\n'
        for i in range(count)
    )


def test_long_table_is_capped_with_a_message(run_cli: RunCli, tmp_path: Path) -> None:
    data = _write(tmp_path, "figures.toml", _figures(1_200))
    result = run_cli("--data", data, "figures", "bounds", "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "cis-facts: the table shows the first 1,000 of 1,200 rows; "
        "--format plain, csv or json gives them all\n"
    )
    assert "Figure 00999" in result.stdout
    assert "Figure 01000" not in result.stdout
    plain = run_cli("--data", data, "figures", "bounds", "--format", "plain")
    assert len(plain.stdout.splitlines()) == 1_200
    assert plain.stderr == ""
