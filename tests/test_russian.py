"""Russian, the third language: `--lang ru`, ru locales, words, dates, numbers, order,
citations, messages and search."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RunCli, mock_environment

from cis_facts.collate import sort_key
from cis_facts.dates import PartialDate, When
from cis_facts.environment import Environment
from cis_facts.i18n import EN, RU, counted, word
from cis_facts.model import Country, Statement
from cis_facts.render import human
from cis_facts.settings import default_lang

NBSP = "\u00a0"


def run(run_cli: RunCli, *args: str, env: Environment | None = None) -> str:
    result = run_cli(*args, env=env)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def terminal(**environ: str) -> Environment:
    return mock_environment(tty=True, width=100, environ={"NO_COLOR": "1", **environ})


# ---------------------------------------------------------------- choosing the language


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LC_ALL": "ru_KZ.UTF-8", "LANG": "en_GB.UTF-8"}, "ru"),
        ({"LC_MESSAGES": "ru", "LANG": "kk_KZ.UTF-8"}, "ru"),
        ({"LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "rus"}, "ru"),
        ({}, "en"),
    ],
)
def test_locale_selects_the_language(environ: dict[str, str], lang: str) -> None:
    assert default_lang(environ) == lang


def test_lang_ru_is_a_choice_and_help_names_the_languages(run_cli: RunCli) -> None:
    out = run(run_cli, "members", "--help")
    assert "en (English), kk (Kazakh), ru (Russian)" in " ".join(out.split())
    result = run_cli("members", "--lang", "de")
    assert result.exit_code == 2 and "'en', 'kk', 'ru'" in result.stderr


def test_locale_ru_gives_russian_trade_exports_on_a_terminal(run_cli: RunCli) -> None:
    out = run(run_cli, "trade", "exports", env=terminal(LANG="ru_RU.UTF-8"))
    assert out.startswith("Покупатели казахстанского экспорта, 2004 г.\n")
    headers = next(line for line in out.splitlines() if "Страна" in line)
    assert [h.strip() for h in headers.strip("┃").split("┃")] == ["№", "Страна", "Доля, %", ""]
    assert "│  1 │ Швейцария (CH) [1]" in out
    assert "18,7" in out


def test_lang_option_wins_over_the_locale(run_cli: RunCli) -> None:
    out = run(run_cli, "trade", "exports", "--lang", "en", env=terminal(LANG="ru_RU.UTF-8"))
    assert out.startswith("Buyers of Kazakhstan's exports in 2004")


# ---------------------------------------------------------------- the words


def test_every_i18n_key_has_its_russian_text() -> None:
    assert sorted(set(EN) - set(RU)) == []


def test_russian_adds_only_units_agreement_forms_and_messages() -> None:
    extra = {k for k in set(RU) - set(EN) if not k.startswith(("unit.", "error."))}
    agreement = [
        f"sentence.{k}.{form}"
        for k in ("withdrawal", "accession", "rejoining", "associate", "founding")
        for form in ("f", "n", "pl")
    ]
    assert sorted(extra) == sorted([*agreement, "standing.top.10"])


def test_russian_words_of_the_interface() -> None:
    assert word("title.members", "ru", date="X") == "Состав СНГ на X"
    assert word("status.associate", "ru") == "ассоциированный член"
    assert word("cis", "ru") == "СНГ"
    assert word("turnover", "ru") == "товарооборот"


# ---------------------------------------------------------------- dates, numbers, order


def test_dates_as_russian_writes_them() -> None:
    day, month = PartialDate(2009, 8, 18), PartialDate(1993, 12)
    assert human.sentence_date(day, "ru") == "18\u00a0августа 2009\u00a0г."
    assert human.sentence_date(month, "ru") == "в декабре 1993\u00a0г."
    assert human.table_date(day, "ru") == "18 авг. 2009\u202fг."
    assert human.table_date(month, "ru") == "дек. 1993\u202fг."
    assert human.long_when(When(month), "ru") == "декабрь 1993\u202fг."
    assert human.long_when(When(day), "ru") == "18 августа 2009\u202fг."
    span = When(PartialDate(1995), PartialDate(2003))
    assert human.table_when(span, "ru") == "1995–2003\u00a0гг."


def test_the_other_languages_keep_their_dates() -> None:
    day, month = PartialDate(2009, 8, 18), PartialDate(1993, 12)
    assert human.sentence_date(day, "en") == "on 18 August 2009"
    assert human.sentence_date(month, "kk") == "1993 жылғы желтоқсанда"
    assert human.long_when(When(month), "en") == "Dec 1993".replace("Dec", "December")


def test_numbers_take_a_decimal_comma_and_no_break_thousands() -> None:
    assert human.number(10215.1, "ru") == f"10{NBSP}215,1"
    assert human.number(4097.2, "ru") == "4097,2"


def test_sorting_follows_the_russian_alphabet() -> None:
    words = ["Яблоко", "Ёж", "Жук", "Ель", "Европа"]
    assert sorted(words, key=lambda w: sort_key(w, "ru")) == [
        "Европа",
        "Ель",
        "Ёж",
        "Жук",
        "Яблоко",
    ]


def test_members_sorted_by_the_russian_alphabet(run_cli: RunCli) -> None:
    records = json.loads(run(run_cli, "members", "--lang", "ru", "--format", "json"))
    in_force = [r["country"]["name"] for r in records if r["since"] == "1994-01-22"]
    assert in_force == ["Азербайджан", "Беларусь", "Россия", "Таджикистан"]


# ---------------------------------------------------------------- the model


def test_accessors_fall_back_to_english_without_russian_text() -> None:
    bare = Statement(
        id="x", topic="t", label_en="In English", label_kk="Қазақша", source="s", quote="q",
        note="A note", period_en="the last ten years",
    )  # fmt: skip
    assert bare.label("ru") == "In English"
    assert bare.note_in("ru") == "A note"
    assert bare.period("ru") == "the last ten years"
    full = Statement(
        id="x", topic="t", label_en="In English", label_kk="Қазақша", label_ru="По-русски",
        source="s", quote="q", note="A note", note_ru="Примечание", period_ru="за десять лет",
    )  # fmt: skip
    assert (full.label("ru"), full.note_in("ru"), full.period("ru")) == (
        "По-русски",
        "Примечание",
        "за десять лет",
    )
    country = Country(
        code="GE", name_en="Georgia", name_kk="Грузия", name_ru="Грузия", source="s", quote="q"
    )
    assert country.name("ru") == "Грузия"


# ---------------------------------------------------------------- citations


def test_cite_georgia_withdrawal_in_russian(run_cli: RunCli) -> None:
    out = run(run_cli, "cite", "georgia-withdrawal", "--lang", "ru")
    lines = out.splitlines()
    assert lines[0] == "Грузия вышла из СНГ 18\u00a0августа 2009\u00a0г."
    assert lines[1].startswith(
        "Источник: Содружество Независимых Государств (СНГ), абзац 1, предложение 6; цитата: «1993"
    )
    assert lines[2].startswith(
        "Примечание: Парламент Грузии 14\u00a0августа 2008\u00a0г. принял решение"
    )
    assert "(документ: БелТА, 19\u00a0августа 2008\u00a0г.: уведомление Грузии" in lines[2]


@pytest.mark.parametrize(
    ("fact", "sentence"),
    [
        ("georgia-accession", "Грузия вступила в СНГ в декабре 1993\u00a0г."),
        ("azerbaijan-rejoins", "Азербайджан вступил в СНГ 24\u00a0сентября 1993\u00a0г."),
        (
            "turkmenistan-associate",
            "Туркменистан стал ассоциированным членом СНГ 26\u00a0августа 2005\u00a0г.",
        ),
        (
            "export-share-italy",
            (
                "Италия — 2-й в перечне основных покупателей казахстанской продукции в "
                "2004\u00a0г. (15,5\u00a0%)."
            ),
        ),
    ],
)
def test_cite_sentences_agree_with_their_subject(run_cli: RunCli, fact: str, sentence: str) -> None:
    assert run(run_cli, "cite", fact, "--lang", "ru").splitlines()[0] == sentence


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("markdown", "Грузия вышла из СНГ 18\u00a0августа 2009\u00a0г.[^georgia-withdrawal-ru]"),
        ("html", "<p>Грузия вышла из СНГ 18\u00a0августа 2009\u00a0г.<sup>"),
        ("wikipedia", "Грузия вышла из СНГ 18\u00a0августа 2009\u00a0г.<ref"),
    ],
)
def test_cite_styles_in_russian(run_cli: RunCli, style: str, expected: str) -> None:
    out = run(run_cli, "cite", "georgia-withdrawal", "--lang", "ru", "--style", style)
    assert out.startswith(expected)
    if style != "wikipedia":
        assert "Примечание: Парламент Грузии 14\u00a0августа 2008\u00a0г." in out
        assert "документ" in out
    else:
        note = '<ref name="georgia-withdrawal-note">Парламент Грузии 14\u00a0августа 2008\u00a0г.'
        assert note in out
        assert "|language=kk" in out and "{{cite news |title=БелТА" in out


@pytest.mark.parametrize("style", ["bibtex", "csl-json"])
def test_source_records_keep_their_titles(run_cli: RunCli, style: str) -> None:
    out = run(run_cli, "cite", "georgia-withdrawal", "--lang", "ru", "--style", style)
    assert "Тәуелсіз Мемлекеттер Достастығы (ТМД)" in out
    assert "БелТА, 19\u00a0августа 2008\u00a0г.: уведомление Грузии" in out


def test_cite_json_holds_the_russian_sentence(run_cli: RunCli) -> None:
    record = json.loads(
        run(run_cli, "cite", "georgia-withdrawal", "--lang", "ru", "--format", "json")
    )
    record = record[0] if isinstance(record, list) else record
    assert record["sentence"] == "Грузия вышла из СНГ 18\u00a0августа 2009\u00a0г."


# ---------------------------------------------------------------- messages and search


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("show", "georgia-withdrawl"),
            (
                "cis-facts: нет факта с id «georgia-withdrawl» "
                "(возможно, имелось в виду: georgia-withdrawal)"
            ),
        ),
        (
            ("country", "Грузя"),
            "cis-facts: неизвестная страна «Грузя» (возможно, имелось в виду: Грузия)",
        ),
        (("search", "zzqx"), "cis-facts: по запросу «zzqx» ничего не найдено"),
    ],
)
def test_not_found_in_russian(run_cli: RunCli, args: tuple[str, ...], line: str) -> None:
    result = run_cli(*args, "--lang", "ru")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", line + "\n")


def test_not_found_stays_english_in_english(run_cli: RunCli) -> None:
    result = run_cli("show", "georgia-withdrawl")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "cis-facts: no fact with id 'georgia-withdrawl' (did you mean: georgia-withdrawal?)\n"
    )


def test_show_labels_in_russian(run_cli: RunCli) -> None:
    out = run(run_cli, "show", "georgia-withdrawal", "--lang", "ru", env=terminal())
    for label, value in [
        ("Факт", "Грузия вышла из Содружества"),
        ("Вид события", "выход"),
        ("Статус", "бывший член"),
        ("Краткое название", "Выход Грузии"),
        ("Дата", "18 авг. 2009\u202fг."),
    ]:
        assert any(label in line and value in line for line in out.splitlines()), label


def test_markdown_headers_in_russian(run_cli: RunCli) -> None:
    out = run(run_cli, "trade", "exports", "--lang", "ru", "--format", "markdown")
    assert out.startswith("**Покупатели казахстанского экспорта, 2004 г.**")
    assert "| № | Страна | Доля, % |" in out


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("выход Грузии", "georgia-withdrawal"),
        ("Грузией", "georgia-withdrawal"),
        ("выхода", "georgia-withdrawal"),
        ("вышла", "georgia-withdrawal"),
        ("ПИИ", "fdi-oil-gas-share-1993-2004"),
        ("товарооборот СНГ", "trade-cis-turnover-2004"),
    ],
)
def test_search_in_russian(run_cli: RunCli, query: str, first: str) -> None:
    records = json.loads(run(run_cli, "search", query, "--lang", "ru", "--format", "json"))
    assert records[0]["id"] == first


def test_search_prints_russian_labels(run_cli: RunCli) -> None:
    records = json.loads(run(run_cli, "search", "выход Грузии", "--lang", "ru", "--format", "json"))
    assert records[0]["label"] == "Грузия вышла из Содружества"


# ---------------------------------------------------------------- the installed command


def test_installed_command_speaks_russian_from_the_locale(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("cis-facts")
    env = {**os.environ, "LANG": "ru_RU.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    env.pop("CIS_FACTS_DATA", None)
    env["XDG_CACHE_HOME"] = str(tmp_path)
    done = subprocess.run(
        [str(command), "trade", "exports", "--format", "markdown"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("**Покупатели казахстанского экспорта, 2004 г.**")


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("1e+308", "лет"),  # repr of a huge float: a whole number, "many"
        ("2.5e-05", "года"),  # a fraction written in scientific notation
        ("21", "год"),
        ("3.8", "года"),
        ("inf", "года"),
    ],
)
def test_years_agree_with_numbers_in_any_notation(number: str, expected: str) -> None:
    assert counted("unit.years", number, "ru") == expected


@pytest.mark.parametrize(
    ("participants", "sentence"),
    [
        (["AZ", "MD"], f"Азербайджан и Молдова вступили в СНГ 24{NBSP}сентября 1993{NBSP}г."),
        (["MD"], f"Молдова вступила в СНГ 24{NBSP}сентября 1993{NBSP}г."),
    ],
)
def test_two_states_take_a_plural_verb(
    run_cli: RunCli, tmp_path: Path, participants: list[str], sentence: str
) -> None:
    data = tmp_path / "joined.toml"
    data.write_text(
        '[[events]]\nid = "ev-joined"\nlabel_en = "They join"\nlabel_kk = "О"\n'
        'source = "kk-text"\nquote = "x"\ndate = "1993-09-24"\nkind = "accession"\n'
        f"participants = {json.dumps(participants)}\n",
        encoding="utf-8",
    )
    out = run(run_cli, "--data", str(data), "cite", "ev-joined", "--lang", "ru")
    assert out.splitlines()[0] == sentence
