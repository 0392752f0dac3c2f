"""The presentation layer: terminal injection, Kazakh formats, citations, Markdown, chart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import RunCli, mock_environment

from cis_facts import __version__
from cis_facts.collate import sort_key
from cis_facts.dates import PartialDate, When
from cis_facts.environment import Environment
from cis_facts.locale_data import CLDR
from cis_facts.render import human


def run(run_cli: RunCli, *args: str, env: Environment | None = None) -> str:
    result = run_cli(*args, env=env)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def tty(**environ: str) -> Environment:
    return mock_environment(tty=True, width=100, environ=environ)


# ---------------------------------------------------------------- Environment


def test_table_is_the_default_on_a_terminal(run_cli: RunCli) -> None:
    out = run(run_cli, "trade", "imports", env=tty(TERM="xterm-256color"))
    assert out.startswith("\x1b[1mSuppliers of Kazakhstan's imports in 2004")
    assert "┃" in out


def test_no_color_keeps_the_table_and_drops_the_colour(run_cli: RunCli) -> None:
    out = run(run_cli, "trade", "imports", env=tty(TERM="xterm-256color", NO_COLOR="1"))
    assert out.startswith("Suppliers of Kazakhstan's imports in 2004\n")
    assert "\x1b" not in out


def test_plain_is_the_default_in_a_pipe(run_cli: RunCli) -> None:
    piped = Environment(stdout_isatty=False, width=100, environ={})
    assert run(run_cli, "trade", "imports", env=piped).startswith(
        "1\tRU\tRussia\t\t2004\tyear\timport-supplier-russia\t"
    )


def test_width_comes_from_the_environment(run_cli: RunCli) -> None:
    narrow = Environment(stdout_isatty=True, width=60, environ={"NO_COLOR": "1"})
    out = run(run_cli, "trade", "totals", env=narrow)
    assert max(len(line) for line in out.splitlines()) <= 60


# ---------------------------------------------------------------- Kazakh formats


def test_kazakh_dates_follow_cldr() -> None:
    assert human.table_date(PartialDate(2009, 8, 18), "kk") == "2009\u202fж. 18 там."
    assert human.table_date(PartialDate(1993, 12), "kk") == "1993\u202fж. жел."
    assert human.sentence_date(PartialDate(2009, 8, 18), "kk") == "2009 жылғы 18 тамызда"
    assert human.sentence_date(PartialDate(1993, 12), "kk") == "1993 жылғы желтоқсанда"
    assert human.table_when(When(PartialDate(1995), PartialDate(2003)), "kk") == "1995–2003 жж."
    assert human.sentence_date(PartialDate(2009, 8, 18), "en") == "on 18 August 2009"


def test_numbers_take_a_decimal_comma_and_no_break_thousands() -> None:
    assert human.number(10215.1, "kk") == "10\u00a0215,1"
    assert human.number(18.7, "kk") == "18,7"
    assert human.number(1995, "kk") == "1995"
    assert human.number(15999.0, "en") == "15,999.0"
    # a whole part of a multiple of three digits starts with a full group
    assert human.number(123456.7, "en") == "123,456.7"
    assert human.number(1234567, "ru") == "1\u00a0234\u00a0567"


def test_kazakh_alphabet_order() -> None:
    names = [
        "Үндістан",
        "Тәжікстан",
        "Франция",
        "Қазақстан",
        "Әзірбайжан",
        "Армения",
        "Ұлыбритания",
        "Украина",
        "Іран",
    ]
    # У, Ұ, Ү in that order, then Ф; І near the end, after Ы.
    assert sorted(names, key=lambda n: sort_key(n, "kk")) == [
        "Армения",
        "Әзірбайжан",
        "Қазақстан",
        "Тәжікстан",
        "Украина",
        "Ұлыбритания",
        "Үндістан",
        "Франция",
        "Іран",
    ]


def test_members_in_kazakh_sort_by_the_kazakh_alphabet(run_cli: RunCli) -> None:
    records = json.loads(run(run_cli, "members", "--lang", "kk", "--format", "json"))
    in_force = [r["country"]["name"] for r in records if r["since"] == "1994-01-22"]
    assert in_force == ["Әзірбайжан", "Беларусь", "Ресей", "Тәжікстан"]


def test_locale_data_matches_babel() -> None:
    babel = pytest.importorskip("babel")
    from babel.dates import format_date

    assert babel is not None
    from datetime import date

    assert human.table_date(PartialDate(2009, 8, 18), "kk") == format_date(
        date(2009, 8, 18), CLDR["kk"]["day"], locale="kk"
    )
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "gen_locale", Path(__file__).parents[1] / "scripts" / "gen_locale.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for lang, name in module.LOCALES.items():
        assert module.editorial(lang, module.conventions(name)) == CLDR[lang]


def test_kazakh_table_words(run_cli: RunCli) -> None:
    wide = Environment(stdout_isatty=True, width=200, environ={"NO_COLOR": "1"})
    out = run(run_cli, "trade", "totals", "--lang", "kk", env=wide)
    assert "Қазақстанның сыртқы сауда көлемі, 2004 ж." in out
    assert "сауда айналымы" in out and "млн АҚШ доллары" in out
    assert "экспорт + импорт = " in out


# ---------------------------------------------------------------- citations


def test_cite_states_date_and_document_of_the_correction(run_cli: RunCli) -> None:
    out = run(run_cli, "cite", "almaty-protocol")
    first, second, third, _, *sources = out.splitlines()
    assert sources == [
        "Sources:",
        (
            "Author unknown. Тәуелсіз Мемлекеттер Достастығы (ТМД) [Commonwealth of Independent "
            "States (CIS)]. n.d. (not before 18 August 2009)."
        ),
        (
            "Протокол к Соглашению о создании Содружества Независимых Государств [Protocol to the "
            "Agreement on the Establishment of the Commonwealth of Independent States (Alma-Ata, "
            "21 December 1991)]. Единый реестр правовых актов и других документов СНГ. Алма-Ата, "
            "21 December 1991."
        ),
    ]
    assert first.endswith("and Ukraine signed the Alma-Ata Protocol on 21 December 1991.")
    assert second.startswith(
        "Source: Тәуелсіз Мемлекеттер Достастығы (ТМД), ¶ 1, sentence 4; quote: «1991 ж."
    )
    assert second.endswith(f"»; cis-facts {__version__}, almaty-protocol")
    assert third.startswith("Note: The text lists ten signatories and leaves out Ukraine")
    assert third.endswith(
        "(document: Protocol to the Agreement on the Establishment of the Commonwealth of "
        "Independent States (Alma-Ata, 21 December 1991))"
    )


def test_cite_kazakh_sentence(run_cli: RunCli) -> None:
    out = run(run_cli, "cite", "georgia-withdrawal", "--lang", "kk")
    assert out.splitlines()[0] == "Грузия 2009 жылғы 18 тамызда ТМД-дан шықты."
    out = run(run_cli, "cite", "export-share-italy", "--lang", "kk")
    assert out.splitlines()[0] == (
        "2004 жылы Италия – Қазақстан өнімін сатып алатын басты елдер тізімінде 2-орында, "
        "экспорттағы үлесі 15,5\u00a0%."
    )


def test_cite_wikipedia_template(run_cli: RunCli) -> None:
    out = run(run_cli, "cite", "rank-zinc", "--style", "wikipedia")
    assert out == (
        'Kazakhstan ranks 1st in the world for zinc.<ref name="rank-zinc">{{cite book '
        "|title=Тәуелсіз Мемлекеттер Достастығы (ТМД) "
        "|trans-title=Commonwealth of Independent States (CIS) |language=kk |at=¶ 1, sentence 62 "
        "|quote=Қазақстан мырыш, вольфрам және бариттен әлемде бірінші орын алады "
        "|trans-quote=Kazakhstan takes first place in the world in zinc, tungsten and barite "
        "(translation by cis-facts) "
        f"|id=cis-facts {__version__}, rank-zinc}}}}</ref>\n"
    )


CORRECTED = """
[[sources]]
id = "fx-decree"
title = "Decree | No. 1 {of} 2009"
language = "ru"
kind = "document"

[[figures]]
id = "fx-corrected"
label_en = "Kazakhstan grew 5% in 2004"
label_kk = "Қазақстан 2004 жылы 5 %-ға өсті"
source = "kk-text"
quote = "x"
note = "The text says 4%; the decree gives 5%."
note_kk = "Мәтінде 4 %; жарлықта 5 %."
note_source = "fx-decree"
topic = "fx-topic"
measure = "growth"
value = 5
unit = "%"
date = "2004"
"""


def test_cite_wikipedia_names_the_correcting_document(run_cli: RunCli, tmp_path: Path) -> None:
    data = tmp_path / "corrected.toml"
    data.write_text(CORRECTED, encoding="utf-8")
    out = run(run_cli, "--data", str(data), "cite", "fx-corrected", "--style", "wikipedia")
    assert out == (
        'Kazakhstan grew 5% in 2004.<ref name="fx-corrected">{{cite book '
        "|title=Тәуелсіз Мемлекеттер Достастығы (ТМД) "
        "|trans-title=Commonwealth of Independent States (CIS) |language=kk |quote=x "
        f"|id=cis-facts {__version__}, fx-corrected}}}}</ref>"
        '<ref name="fx-corrected-note">The text says 4%; the decree gives 5%. '
        "{{cite book |title=Decree &#124; No. 1 &#123;of&#125; 2009 |language=ru}}</ref>\n"
    )


def test_cite_kazakh_correction_in_kazakh(run_cli: RunCli, tmp_path: Path) -> None:
    data = tmp_path / "corrected.toml"
    data.write_text(CORRECTED, encoding="utf-8")
    out = run(run_cli, "--data", str(data), "cite", "fx-corrected", "--lang", "kk")
    assert out.split("\n\n")[0].splitlines() == [
        "Қазақстан 2004 жылы 5 %-ға өсті.",
        (
            "Дереккөз: Тәуелсіз Мемлекеттер Достастығы (ТМД); дәйексөз: «x»; "
            f"cis-facts {__version__}, fx-corrected"
        ),
        "Ескертпе: Мәтінде 4 %; жарлықта 5 %. (құжат: Decree | No. 1 {of} 2009)",
    ]


def test_cite_bibtex_and_csl_json_describe_the_sources(run_cli: RunCli) -> None:
    bib = run(run_cli, "cite", "almaty-protocol", "--style", "bibtex")
    assert bib.startswith(
        "@misc{kk-text,\n  author = {{Author unknown}},\n"
        "  title = {Тәуелсіз Мемлекеттер Достастығы (ТМД) [Commonwealth of Independent States "
        "(CIS)]},\n  type = {undated, not before 18 August 2009},"
    )
    assert "@misc{alma-ata-protocol," in bib
    items = json.loads(run(run_cli, "cite", "almaty-protocol", "--style", "csl-json"))
    assert [i["id"] for i in items] == ["kk-text", "alma-ata-protocol"]
    assert items[0]["type"] == "document"


def test_cite_html_escapes(run_cli: RunCli) -> None:
    out = run(run_cli, "cite", "rank-zinc", "--style", "html")
    assert out.startswith(
        '<p>Kazakhstan ranks 1st in the world for zinc.<sup><a href="#cite-rank-zinc-en">[1]</a>'
    )


# ---------------------------------------------------------------- markdown

HOSTILE = """
[[figures]]
id = "fx-hostile"
label_en = "<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://e/i.png) a|b `c`"
label_kk = "қауіпті"
source = "kk-text"
quote = "x"
topic = "hostile-topic"
measure = "count"
value = 1
unit = "&"
"""


def test_markdown_keeps_data_as_text(run_cli: RunCli, tmp_path: Path) -> None:
    data = tmp_path / "hostile.toml"
    data.write_text(HOSTILE, encoding="utf-8")
    out = run(run_cli, "--data", str(data), "figures", "hostile", "--format", "markdown")
    row = next(line for line in out.splitlines() if "script" in line)
    assert row == (
        "| hostile-topic | &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:alert(1)) "
        "\\!\\[i\\](http\\://e/i.png) a\\|b \\`c\\` | 1 | &amp; |"
    )


def test_markdown_uses_human_headers_in_the_chosen_language(run_cli: RunCli) -> None:
    out = run(run_cli, "trade", "exports", "--top", "2", "--format", "markdown", "--lang", "kk")
    assert out.splitlines()[:5] == [
        "**Қазақстан экспортын сатып алатын алғашқы 2 ел, 2004 ж.**",
        "",
        "| № | Ел | Үлесі, % |",
        "|---:|---|---:|",
        "| 1 | Швейцария (CH)[^exports-export-share-switzerland-kk] | 18,7 |",
    ]
    assert out.endswith(
        "\n[^exports-export-share-switzerland-kk]: Жыл мәтінмәннен алынды: "
        "тізім Қазақстанның 2004 жылғы саудасы туралы "
        "абзацта тұр.\n"
    )


# ---------------------------------------------------------------- chart


def test_chart_refuses_on(run_cli: RunCli) -> None:
    result = run_cli("members", "--chart", "--on", "2000")
    assert result.exit_code == 2
    assert "--on cannot be used with --chart" in result.stderr
    assert result.stdout == ""


def test_chart_json_carries_the_changes(run_cli: RunCli) -> None:
    records = {
        r["country"]["code"]: r
        for r in json.loads(run(run_cli, "members", "--chart", "--format", "json"))
    }
    georgia = dict(zip(records["GE"]["years"], records["GE"]["changes"], strict=True))
    assert (georgia[1993], georgia[1994], georgia[2009]) == (None, "joined", "left")
    turkmenistan = dict(zip(records["TM"]["years"], records["TM"]["changes"], strict=True))
    assert turkmenistan[2005] == "associate"


def test_fields_keep_the_views_wording(run_cli: RunCli) -> None:
    wide = Environment(stdout_isatty=True, width=120, environ={"NO_COLOR": "1"})
    out = run(run_cli, "trade", "totals", "--fields", "flow,sum_check", "--lang", "kk", env=wide)
    assert "┃ Көрсеткіш      ┃ Қосындыны тексеру" in out
    assert "│ сауда айналымы │ экспорт + импорт = 10\u00a0215,1 ✓" in out
    md = run(run_cli, "resources", "-f", "markdown", "--fields", "mineral,standing", "--lang", "kk")
    assert "| Пайдалы қазба | Әлемдегі орны |\n|---|---|\n| мырыш | 1-орын |\n" in md


def wide(width: int = 100) -> Environment:
    return Environment(stdout_isatty=True, width=width, environ={"NO_COLOR": "1"})


def test_a_note_is_marked_and_printed_under_the_table(run_cli: RunCli) -> None:
    out = run(run_cli, "figures", "investment", env=wide())
    assert "has stood at 0.35% [1]" in out
    assert "\n[1] The text names no year for 'the last 3 years'." in out
    assert "see note" not in out


def test_trade_titles_say_their_year(run_cli: RunCli) -> None:
    exports = run(run_cli, "trade", "exports", env=wide())
    assert exports.startswith("Buyers of Kazakhstan's exports in 2004\n")
    top = run(run_cli, "trade", "exports", "--top", "3", env=wide())
    assert top.startswith("Top 3 buyers of Kazakhstan's exports in 2004\n")
    assert "The 3 shares shown sum to 48.3 % (14 listed in all, 83.8 %)" in top
    imports = run(run_cli, "trade", "imports", env=wide())
    assert "The text lists suppliers in order and gives no shares." in imports


def test_a_country_opens_with_a_compact_card(run_cli: RunCli) -> None:
    out = run(run_cli, "country", "Turkmenistan", env=wide())
    # Aliases are search keys (spelling variants, codes), not names the card prints.
    assert out.splitlines()[:4] == [
        "Turkmenistan (TM)",
        "Turkmenistan · Түрікменстан · Туркменистан",
        "ISO 3166-1: TM, TKM, 795 · Wikidata: Q874",
        "associate member since 26 August 2005",
    ]
    assert len(run(run_cli, "country", "Italy", env=wide()).splitlines()) <= 30


def test_timeline_shows_short_titles_at_80_columns(run_cli: RunCli) -> None:
    out = run(run_cli, "timeline", "--to", "1991", env=wide(80))
    assert "│ 21 Dec 1991 │ Alma-Ata Protocol" in out
    assert max(len(line) for line in out.splitlines()) <= 80
