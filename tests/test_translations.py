"""Quotes in the reader's language: quote_en, quote_kk and quote_ru, this project's
translations of each quote into the languages it is not written in."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import export
from cis_facts.loader import load
from cis_facts.model import QUOTE_TRANSLATIONS, QUOTE_TRANSLATOR, AnyFact, Country

FACT = """
[[statements]]
id = "user-claim"
label_en = "A claim"
label_kk = "Бір тұжырым"
topic = "cis-nature"
source = "kk-text"
quote = "Достастық мемлекет емес"
"""


def _file(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "more.toml"
    path.write_text(FACT + extra, encoding="utf-8")
    return path


def test_a_translation_into_the_quotes_own_language_is_an_error(
    tmp_path: Path, problem_lines: Callable[..., list[str]]
) -> None:
    path = _file(tmp_path, 'quote_kk = "Достастық мемлекет емес"\nquote_en = "is not a state"\n')
    expected = (
        f"{path}: fact user-claim: quote_kk: translates the quote into its own language "
        "(kk, the language of source kk-text); give the other languages only"
    )
    assert problem_lines(path) == [expected]


@pytest.mark.parametrize("value", ["", "   ", 3, ["a"]])
def test_a_translation_is_a_non_empty_string(
    tmp_path: Path, problem_lines: Callable[..., list[str]], value: object
) -> None:
    written = json.dumps(value)
    lines = problem_lines(_file(tmp_path, f"quote_en = {written}\n"))
    assert len(lines) == 1
    assert lines[0].startswith(f"{tmp_path / 'more.toml'}: fact user-claim: quote_en: ")


def test_show_puts_the_translation_in_the_readers_language_beside_the_quote(
    run_cli: RunCli,
    tmp_path: Path,
) -> None:
    path = _file(tmp_path, 'quote_en = "is not a state"\nquote_ru = "не является государством"\n')
    args = ["--data", str(path), "show", "user-claim", "-f", "table", "--color", "never"]
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    quote = next(i for i, line in enumerate(lines) if "│ Quote " in line)
    assert "Достастық мемлекет емес" in lines[quote]
    assert "│ Translation (cis-facts) │ is not a state" in lines[quote + 1]
    russian = run_cli(*args, "--lang", "ru")
    assert "│ Перевод (cis-facts) │ не является государством" in russian.stdout


def test_show_json_carries_every_translation_and_its_translator(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = _file(tmp_path, 'quote_en = "is not a state"\n')
    result = run_cli("--data", path, "show", "user-claim", "-f", "json")
    (record,) = json.loads(result.stdout)
    assert record["quote_en"] == "is not a state"
    assert record["quote_ru"] is None and record["quote_kk"] is None
    assert record["quote_translator"] == QUOTE_TRANSLATOR


def test_sqlite_export_has_the_translations_credited_in_its_schema(tmp_path: Path) -> None:
    path = _file(tmp_path, 'quote_en = "is not a state"\n')
    db = tmp_path / "facts.db"
    export.export(load([str(path)]), "sqlite", db)
    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT quote, quote_en FROM statements WHERE id = 'user-claim'"
        ).fetchone()
        (sql,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'statements'"
        ).fetchone()
    assert row == ("Достастық мемлекет емес", "is not a state")
    for name in QUOTE_TRANSLATIONS:
        assert f"{name} TEXT /* translation: cis-facts */" in sql


def _packaged_quotes() -> list[tuple[str, Country | AnyFact]]:
    base = load()
    return [(r.id, r) for r in (*base.countries, *base.facts())]


def test_every_translation_keeps_the_quotes_numbers() -> None:
    """The digits of a translation are the quote's, as written: «43,3 %» is "43.3%", never
    "43%" or "43.4%"; a number the quote spells out stays a word."""
    import re

    def numbers(text: str) -> list[str]:
        return sorted(re.findall(r"\d+", text))

    wrong = [
        f"{rid}: {name}"
        for rid, record in _packaged_quotes()
        for name in QUOTE_TRANSLATIONS
        if getattr(record, name) and numbers(getattr(record, name)) != numbers(record.quote)
    ]
    assert not wrong


def test_every_russian_and_kazakh_translation_keeps_numbers_whole() -> None:
    """A number and its unit or percent sign are joined by a no-break space, as the labels are."""
    import re

    split = [
        f"{rid}: {name}"
        for rid, record in _packaged_quotes()
        for name in ("quote_kk", "quote_ru")
        if re.search(r"\d (?:\d|%|млн|млрд|трлн)", getattr(record, name) or "")
    ]
    assert not split


def test_every_quote_has_its_translations() -> None:
    """Every prose quote of the packaged base is given in the two languages it is not in."""
    base = load()
    language = {s.id: s.language for s in base.sources}
    missing = [
        f"{rid}: {name}"
        for rid, record in _packaged_quotes()
        for name in QUOTE_TRANSLATIONS
        if name != f"quote_{language[record.source]}" and not getattr(record, name)
    ]
    assert not missing


@pytest.mark.parametrize(
    ("style", "lang", "expected"),
    [
        ("plain", "ru", "; перевод cis-facts: «составляет около 25\u00a0% урана»; "),
        ("markdown", "en", "; translation by cis-facts: «makes up about 25% of uranium»; "),
        ("html", "en", 'translation by cis-facts: <q lang="en">makes up about 25% of uranium</q>'),
        (
            "wikipedia",
            "en",
            " |trans-quote=makes up about 25% of uranium (translation by cis-facts) ",
        ),
    ],
)
def test_cite_gives_the_translation_credited_to_cis_facts(
    run_cli: RunCli, style: str, lang: str, expected: str
) -> None:
    args = ["cite", "rank-uranium", "--style", style, "--lang", lang]
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_cite_json_carries_every_translation(run_cli: RunCli) -> None:
    result = run_cli("cite", "rank-uranium", "-f", "json")
    (record,) = json.loads(result.stdout)
    assert record["quote_en"] == "makes up about 25% of uranium"
    assert record["quote_kk"] is None
    assert record["quote_translator"] == QUOTE_TRANSLATOR


@pytest.mark.parametrize(
    ("key", "lang", "expected"),
    [
        ("rank-uranium", "en", "Translation (cis-facts)\n«makes up about 25% of uranium»"),
        ("rank-uranium", "ru", "Перевод (cis-facts)\n«составляет около 25\u00a0% урана»"),
        ("GE", "en", "Translation (cis-facts)\n«in December 1993 Georgia joined the Commonwealth»"),
    ],
)
def test_browse_detail_gives_the_translation_under_the_quote(
    key: str, lang: str, expected: str
) -> None:
    from cis_facts.browse.detail import text_for
    from cis_facts.model import Lang

    language: Lang = "ru" if lang == "ru" else "en"
    plain = text_for(load(), key, language).plain
    assert expected in plain
    assert plain.index("»\n\n" + expected.split("\n")[0]) > 0
