"""Data rules: names that clash, text that shows nothing, case folding, odd environments."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts.inert import is_blank
from cis_facts.text import fold

SCRIPT = Path(sys.executable).parent / "cis-facts"
SOURCE = '[[sources]]\nid = "dr-src"\ntitle = "Rules"\nlanguage = "en"\n\n'


def _country(tmp_path: Path, aliases: str, name_en: str = "Rule Land", code: str = "QR") -> Path:
    path = tmp_path / "country.toml"
    path.write_text(
        SOURCE + f'[[countries]]\ncode = "{code}"\nname_en = "{name_en}"\n'
        f'name_kk = "Ереже елі"\nname_ru = "Страна правил"\naliases = {aliases}\n'
        'source = "dr-src"\nquote = "rule"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("aliases", "name", "owner"),
    [
        ('["KZ"]', "'KZ'", "KZ"),
        ('["kazakhstan"]', "'kazakhstan'", "KZ"),
        ('["КАЗАКСТАН"]', "'КАЗАКСТАН'", "KZ"),
        ('["rus"]', "'rus'", "RU"),
    ],
)
def test_alias_of_another_country_is_an_error_naming_both(
    run_cli: RunCli, tmp_path: Path, aliases: str, name: str, owner: str
) -> None:
    data = _country(tmp_path, aliases)
    result = run_cli("--data", data, "check")
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        f"cis-facts: {data}: country QR: aliases: {name} is already a name of {owner}"
    )
    assert "facts.toml" in line  # where the other country is defined


def test_packaged_names_do_not_clash() -> None:
    from cis_facts import loader

    parsed, problems = loader.parse_file(loader.read_packaged, loader.packaged_base())
    assert parsed is not None and not problems
    clashes = loader.ProblemList()
    _, checked = loader._build([(loader.packaged_base(), parsed)], clashes)
    assert list(loader._name_clashes(checked)) == []


def test_packaged_lookup_still_works_beside_a_user_country(run_cli: RunCli, tmp_path: Path) -> None:
    data = _country(tmp_path, '["Ruleland"]')
    result = run_cli("--data", data, "country", "kazakhstan", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"id": "KZ"' in result.stdout
    result = run_cli("--data", data, "country", "ruleland", "--format", "json")
    assert '"id": "QR"' in result.stdout


def test_name_clash_between_two_user_countries(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "two.toml"
    path.write_text(
        SOURCE
        + "".join(
            f'[[countries]]\ncode = "{code}"\nname_en = "Twin Land"\nname_kk = "Егіз {code}"\n'
            f'name_ru = "Близнец {code}"\nsource = "dr-src"\nquote = "twin"\n\n'
            for code in ("QA", "QB")
        ),
        encoding="utf-8",
    )
    result = run_cli("--data", path, "check")
    assert result.exit_code == 1
    expected = (
        f"cis-facts: {path}: country QB: name_en: 'Twin Land' is already a name of QA "
        f"(in {path}): a lookup by it would find only one"
    )
    assert result.stderr.splitlines() == [expected]


@pytest.mark.parametrize(
    "text",
    ["\u200d", "\u200c\u200d", "\u3164", "\u115f\u1160", "\u2800", "\u0301", " \ufe0f ", "\uffa0"],
)
def test_text_of_invisible_characters_only_is_empty(
    run_cli: RunCli, tmp_path: Path, text: str
) -> None:
    assert is_blank(text)
    path = tmp_path / "blank.toml"
    path.write_text(
        SOURCE + '[[figures]]\nid = "dr-blank"\nlabel_en = "Blank"\n'
        f'label_kk = "{text}"\nsource = "dr-src"\nquote = "q"\ntopic = "blank"\n'
        'measure = "count"\nvalue = 1\nunit = "t"\n',
        encoding="utf-8",
    )
    result = run_cli("--data", path, "check")
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: {path}: fact dr-blank: label_kk: must not be empty\n"


@pytest.mark.parametrize("text", ["a", "\u0430\u0301", "(", "🌍", "e\u0301", "ЖІӨ"])
def test_visible_text_is_not_blank(text: str) -> None:
    assert not is_blank(text)


def test_full_case_folding_matches_dotted_capital_i(run_cli: RunCli, tmp_path: Path) -> None:
    data = _country(tmp_path, '["İstanbul Republic"]')
    for typed in ("istanbul republic", "İSTANBUL REPUBLIC", "Istanbul Republic"):
        result = run_cli("--data", data, "country", typed, "--format", "json")
        assert result.exit_code == 0, (typed, result.stderr)
        assert '"id": "QR"' in result.stdout


def test_folding_keeps_cyrillic_short_i() -> None:
    assert fold("İstanbul") == fold("istanbul") == "istanbul"
    assert fold("Й") == "й"  # not и: the breve is part of the Cyrillic letter
    assert fold("Türkiye") == "turkiye"


@pytest.mark.parametrize("value", [":{a}", "{a}:", "{a}::", "::{a}"])
def test_empty_components_of_the_data_variable_are_ignored(
    run_cli: RunCli, tmp_path: Path, value: str
) -> None:
    data = _country(tmp_path, '["Ruleland"]')
    result = run_cli("country", "ruleland", environ={"CIS_FACTS_DATA": value.format(a=data)})
    assert result.exit_code == 0, result.stderr
    assert "Rule Land" in result.stdout


def test_empty_data_variable_adds_nothing(run_cli: RunCli) -> None:
    result = run_cli("check", environ={"CIS_FACTS_DATA": ":"})
    assert result.exit_code == 0, result.stderr


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
@pytest.mark.parametrize("columns", ["0", "-5", "abc", ""])
def test_unusable_columns_is_an_unknown_width(columns: str) -> None:
    def run(overrides: dict[str, str]) -> bytes:
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "CIS_FACTS_DATA")}
        env.update(overrides, LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
        proc = subprocess.run(
            [str(SCRIPT), "members", "--format", "table"],
            capture_output=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    unset = run({})
    assert unset.count(b"\n") > 5
    assert run({"COLUMNS": columns}) == unset
