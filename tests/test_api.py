"""The Python API answers what the commands answer, and costs nothing at import."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli

import cis_facts
from cis_facts.api import Facts, Result
from cis_facts.errors import InvalidFactsError, NotFoundError, UsageError


@pytest.fixture(scope="module")
def fb() -> Facts:
    return cis_facts.load()


# (command line, the same question through the API)
SAME: list[tuple[list[str], Callable[[Facts], Result]]] = [
    (["members"], lambda fb: fb.members()),
    (
        ["members", "--on", "1993-12-15", "--all"],
        lambda fb: fb.members("1993-12-15", include_former=True),
    ),
    (["members", "--chart"], lambda fb: fb.membership_chart()),
    (
        ["timeline", "--from", "1993", "--country", "AZ"],
        lambda fb: fb.timeline("1993", country="AZ"),
    ),
    (["country", "KAZ", "--lang", "kk"], lambda fb: fb.country("KAZ", lang="kk")),
    (["resources", "--top", "2"], lambda fb: fb.resources(top=2)),
    (["trade", "imports", "--lang", "ru"], lambda fb: fb.trade("imports", lang="ru")),
    (["trade", "totals"], lambda fb: fb.trade("totals")),
    (["figures"], lambda fb: fb.figures()),
    (["statements"], lambda fb: fb.statements()),
    (["search", "uranium", "--limit", "3"], lambda fb: fb.search("uranium", limit=3)),
    (["show", "rank-zinc"], lambda fb: fb.show("rank-zinc")),
    (
        ["cite", "almaty-protocol", "--style", "wikipedia"],
        lambda fb: fb.cite("almaty-protocol", style="wikipedia"),
    ),
    (
        ["cite", "rank-zinc", "almaty-protocol", "--style", "bibtex"],
        lambda fb: fb.cite(["rank-zinc", "almaty-protocol"], style="bibtex"),
    ),
]


@pytest.mark.parametrize(("argv", "ask"), SAME, ids=[" ".join(a) for a, _ in SAME])
def test_to_dicts_is_the_json_the_command_prints(
    run_cli: RunCli, fb: Facts, argv: list[str], ask: Callable[[Facts], Result]
) -> None:
    result = run_cli(*argv, "--format", "json")
    assert result.exit_code == 0, result.output
    answer = ask(fb)
    assert answer.to_dicts() == json.loads(result.stdout)
    assert len(answer) == len(answer.to_dicts())
    assert answer.kind == answer.answer.kind


@pytest.mark.parametrize("fmt", ["plain", "csv", "markdown"])
def test_render_is_the_text_the_command_prints(run_cli: RunCli, fb: Facts, fmt: str) -> None:
    result = run_cli("trade", "exports", "--format", fmt, "--fields", "country.code,share")
    assert (
        fb.trade("exports").render(fmt, ["country.code", "share"]) == result.stdout_bytes.decode()
    )


def test_cite_text_is_what_cite_prints(run_cli: RunCli, fb: Facts) -> None:
    printed = run_cli("cite", "rank-uranium", "--lang", "ru").stdout
    assert str(fb.cite("rank-uranium", lang="ru")) + "\n" == printed


def test_records_are_the_queries_own(fb: Facts) -> None:
    from cis_facts.query import members
    from cis_facts.render.localized import localize

    answer = localize(members.members(fb.base, None, False), "en")
    assert fb.members().records == answer.records


def test_load_adds_user_files(fixtures_dir: Path) -> None:
    path = fixtures_dir / "valid_extra.toml"
    with_file = cis_facts.load(data=[path])
    assert len(list(with_file.base.facts())) > len(list(cis_facts.load().base.facts()))
    assert cis_facts.load(data=str(path)).base == with_file.base


def test_load_reports_an_invalid_file(fixtures_dir: Path) -> None:
    with pytest.raises(InvalidFactsError):
        cis_facts.load(data=[fixtures_dir / "bad_id.toml"])


def test_load_in_a_language(fixtures_dir: Path) -> None:
    kk = cis_facts.load(lang="kk")
    assert kk.members()[0]["country"]["name"] == "Әзірбайжан"


def test_errors_are_the_tools_own(fb: Facts) -> None:
    with pytest.raises(NotFoundError) as info:
        fb.get("rank-uranum")
    assert info.value.suggestions[0] == "rank-uranium"
    with pytest.raises(NotFoundError):
        fb.country("Atlantis")
    with pytest.raises(UsageError, match="1993-13"):
        fb.members(on="1993-13")
    with pytest.raises(UsageError):
        fb.cite("rank-zinc", style="apa-ish")
    with pytest.raises(UsageError):
        fb.search("zinc", limit=0)
    with pytest.raises(UsageError):
        fb.members(lang="de")


def test_dates_may_be_date_objects(fb: Facts) -> None:
    import datetime

    by_text = fb.members("2005-08-26").to_dicts()
    assert fb.members(datetime.date(2005, 8, 26)).to_dicts() == by_text
    assert fb.members(datetime.datetime(2005, 8, 26, 12, 0)).to_dicts() == by_text


def test_to_pandas_flattens_nested_fields(fb: Facts) -> None:
    pytest.importorskip("pandas")
    frame = fb.trade("exports", top=2).to_pandas()
    assert list(frame["country.code"]) == ["CH", "IT"]
    assert list(frame["share"]) == [r["share"] for r in fb.trade("exports", top=2).to_dicts()]


def test_to_pandas_without_pandas_says_what_to_install(
    fb: Facts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        fb.members().to_pandas()


def _modules_after(code: str) -> Any:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}; import sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_import_cis_facts_loads_nothing_but_the_package() -> None:
    before = set(_modules_after("pass"))
    after = set(_modules_after("import cis_facts"))
    # The version lives in a module of its own, which imports nothing.
    assert after - before == {"cis_facts", "cis_facts.version"}


def test_the_api_imports_no_click_rich_or_pandas() -> None:
    loaded = _modules_after("import cis_facts; cis_facts.load().members().to_dicts()")
    assert not [m for m in loaded if m.split(".")[0] in ("click", "rich", "pandas", "textual")]
