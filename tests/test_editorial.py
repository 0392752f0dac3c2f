"""Kazakh and Russian output as an editor writes it, checked class by class.

Each test walks every record, template or command of a class, so a new record or string
that brings a defect back fails it: a verb guessing its subject's gender, a slot needing
a case the name lacks, a code word or Click's English under ``--lang kk|ru``, a source
titled in another language, flat nested quotation marks, an abbreviated month outside a
table cell, «күні» after a month or year, «база» in Kazakh, a number broken at the width.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import tomllib
from conftest import RunCli

from cis_facts.i18n import COUNTED, KK, RU, TABLES, agreeing
from cis_facts.loader import load
from cis_facts.model import EVENT_KINDS, Country, FactBase, Lang, Status
from cis_facts.schema import KINDS

DATA = Path(__file__).resolve().parents[1] / "data" / "facts.toml"


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


def _country(base: FactBase, code: str) -> Country:
    return next(c for c in base.countries if c.code == code)


# ---------------------------------------------------------------- gender and cases


def test_every_country_stores_the_gender_of_its_russian_name(base: FactBase) -> None:
    assert [c.code for c in base.countries if c.ru_gender is None] == []


@pytest.mark.parametrize(
    ("code", "suffix"),
    [
        ("NL", ".pl"),  # Нидерланды
        ("US", ".pl"),  # США
        ("VG", ".pl"),  # Британские Виргинские острова
        ("IL", ""),  # Израиль: masculine, though it ends in -ь
        ("BY", ".f"),  # Беларусь: feminine, ending in -ь too
        ("KR", ".f"),  # Республика Корея
        ("AZ", ""),
        ("GE", ".f"),
    ],
)
def test_russian_verbs_agree_with_the_stored_gender(base: FactBase, code: str, suffix: str) -> None:
    assert agreeing("sentence.accession", [_country(base, code)], "ru") == (
        "sentence.accession" + suffix
    )


def test_the_gender_comes_from_the_record_not_the_last_letter(base: FactBase) -> None:
    georgia = _country(base, "GE")
    as_masculine = georgia.replace(ru_gender="m")
    assert agreeing("sentence.withdrawal", [as_masculine], "ru") == "sentence.withdrawal"
    assert agreeing("sentence.withdrawal", [georgia, georgia], "ru") == "sentence.withdrawal.pl"
    # every form a stored gender can ask for has its Russian sentence
    for key in ("withdrawal", "accession", "rejoining", "associate", "founding"):
        for suffix in (".f", ".n", ".pl"):
            assert f"sentence.{key}{suffix}" in RU


_NAME_SLOTS = re.compile(r"\{(name|mineral|query|topic|text)\}")  # words a user typed


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_name_slot_stands_in_apposition_or_heads_the_sentence(lang: Lang) -> None:
    """A name typed by the user cannot be declined: its slot is quoted («страны «{name}»
    нет»), or it is the subject at the head of the message."""
    table = TABLES[lang]
    loose = [
        key
        for key, text in table.items()
        for match in _NAME_SLOTS.finditer(text)
        if text[match.start() - 1 : match.start()] != "«" and match.start() != 0
    ]
    assert loose == []


def test_russian_partner_slot_is_in_apposition(run_cli: RunCli) -> None:
    result = run_cli("--lang", "ru", "trade", "imports", "--country", "Швейцария")
    assert result.exit_code == 1
    assert result.stderr == (
        "cis-facts: страны «Швейцария» нет среди поставщиков импорта в Казахстан в базе\n"
    )


# ---------------------------------------------------------------- no code words


def _codes() -> set[str]:
    """Every code the data and the schema use for a status, kind, event kind, topic,
    measure, flow or table: none may reach a Kazakh or Russian reader as it is."""
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    topics = {r["topic"] for t in ("figures", "statements") for r in data[t] if "topic" in r}
    measures = {r["measure"] for r in data["figures"] if "measure" in r}
    statuses = set(Status.__args__)
    kinds = {"event", "figure", "ranking", "statement", "trade_share", "trade_total"}
    tables = {kind.table for kind in KINDS}
    return topics | measures | statuses | kinds | tables | set(EVENT_KINDS) | {"export", "import"}


# English that Click or this tool prints when a message has no translation.
_ENGLISH = re.compile(
    r"\b(Usage:|Error:|Try '|Invalid value|Missing argument|Missing option|No such "
    r"(option|command)|is not one of|nothing to search|given twice|not found|"
    r"already exists|wrote |quotes \d|fact base is valid)"
)

_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("members",),
    ("members", "--all"),
    ("members", "--chart"),
    ("members", "--on", "1993-12-15"),
    ("members", "--on", "1990"),
    ("members", "--on", "2030"),
    ("timeline",),
    ("resources",),
    ("trade", "exports"),
    ("trade", "imports"),
    ("trade", "totals"),
    ("figures",),
    ("figures", "investment"),
    ("figures", "нефть"),
    ("statements",),
    ("search", "нефть"),
    ("check",),
    ("country", "KZ"),
    ("country", "GE"),
    ("country", "TM"),
    ("country", "CN"),
    ("show", "georgia-withdrawal"),  # an event
    ("show", "agreement-ratified-by"),  # an event of kind ratification
    ("show", "export-growth-goods-10y"),  # a figure with a measure
    ("show", "rank-zinc"),  # a ranking
    ("show", "cis-not-a-state"),  # a statement
    ("show", "export-share-italy"),  # a trade share
    ("show", "trade-all-turnover-2004"),  # a trade total
    ("show", "KZ"),  # a country
    ("cite", "georgia-withdrawal", "export-share-italy", "rank-zinc"),
)
_ERRORS: tuple[tuple[str, ...], ...] = (
    ("members", "--on", "2099-13-01"),
    ("members", "--on", "1993-02-30"),
    ("members", "--on", "soon"),
    ("members", "--chart", "--on", "1993"),
    ("members", "-f", "nosuch"),
    ("members", "--bogus"),
    ("show",),
    ("show", "nosuch-fact"),
    ("nosuchcommand",),
    ("search", ""),
    ("members", "-f", "json", "--fields", "country,country"),
    ("members", "-f", "json", "--fields", "nosuch"),
    ("members", "--template", "{country}}"),
    ("country", "Атлантида"),
    ("resources", "--mineral", "платина"),
    ("trade", "totals", "--country", "RU"),
)


def _outputs(run_cli: RunCli, lang: str, width: int = 120) -> Iterator[tuple[tuple[str, ...], str]]:
    for args in (*_COMMANDS, *_ERRORS):
        result = run_cli("--lang", lang, *args, width=width, tty=True)
        yield args, result.stdout + result.stderr


def _without_data_text(text: str, base: FactBase) -> str:
    """``text`` with the records' own words (quotes, notes, titles, ids) taken out: the
    source's English in a note is the source's, not an untranslated code."""
    for record in (*base.sources, *base.countries, *base.facts()):
        for value in vars(record).values():
            if isinstance(value, str) and " " in value:  # words, not a code
                text = text.replace(value, " ")
    return text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_code_word_or_english_message_in_any_command(
    run_cli: RunCli, base: FactBase, lang: str
) -> None:
    codes = _codes()
    found = []
    for args, out in _outputs(run_cli, lang, width=5000):  # each record's text on one line
        text = _without_data_text(out, base)
        # the field names --fields takes are what the user types: listed as they are
        text = re.sub(r"(допустимые поля|жарамды өрістер): .*", "", text)
        words = set(re.findall(r"(?<![\w\-.])[A-Za-z][A-Za-z_]*(?![\w\-.])", text))
        found += [(args, w) for w in sorted(words & codes)]
        found += [(args, m.group(0)) for m in _ENGLISH.finditer(out)]
    assert found == []


def test_every_code_has_its_word_in_every_language(base: FactBase) -> None:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    topics = {r["topic"] for t in ("figures", "statements") for r in data[t] if "topic" in r}
    measures = {r["measure"] for r in data["figures"] if "measure" in r}
    keys = [
        *(f"topic.{t}" for t in topics),
        *(f"measure.{m}" for m in measures),
        *(f"event_kind.{k}" for k in EVENT_KINDS),
        *(f"status.{s}" for s in Status.__args__),
        *(f"check.table.{kind.table}" for kind in KINDS),
    ]
    missing = [(lang, k) for lang in ("kk", "ru") for k in keys if k not in TABLES[lang]]
    assert missing == []


# ---------------------------------------------------------------- sources


def test_every_source_has_a_kazakh_and_a_russian_title(base: FactBase) -> None:
    untitled = [
        (s.id, lang)
        for s in base.sources
        for lang, title in (("kk", s.title_kk), ("ru", s.title_ru))
        if not title and s.language != lang
    ]
    assert untitled == []


@pytest.mark.parametrize(
    ("source", "title"),
    [
        (
            "alma-ata-protocol",
            (
                "Протокол к Соглашению о создании Содружества Независимых Государств "
                "(Алма-Ата, 21\u00a0декабря 1991\u00a0г.)"
            ),
        ),
        (
            "cis-charter",
            "Устав Содружества Независимых Государств (Минск, 22\u00a0января 1993\u00a0г.)",
        ),
        (
            "cis-charter-decision",
            (
                "Решение Совета глав государств СНГ об Уставе Содружества Независимых Государств "
                "(Минск, 22\u00a0января 1993\u00a0г.)"
            ),
        ),
        ("alma-ata-declaration", "Алма-Атинская декларация (21\u00a0декабря 1991\u00a0г.)"),
        (
            "cis-strategy-2020",
            (
                "Решение Совета глав правительств СНГ о Стратегии экономического развития СНГ на "
                "период до 2020 года (Кишинёв, 14\u00a0ноября 2008\u00a0г.)"
            ),
        ),
        (
            "kazan-summit-2005",
            "Заседание Совета глав государств СНГ (Казань, 26\u00a0августа 2005\u00a0г.)",
        ),
    ],
)
def test_russian_documents_carry_their_official_russian_titles(
    base: FactBase, source: str, title: str
) -> None:
    record = next(s for s in base.sources if s.id == source)
    assert record.title_ru == title
    assert record.title_in("ru") == title
    assert record.title not in (title, "")  # the display title is kept beside it


def test_show_and_cite_give_sources_in_the_readers_language(run_cli: RunCli) -> None:
    shown = run_cli("--lang", "ru", "show", "georgia-withdrawal", width=200, tty=True).stdout
    assert "БелТА, 19\u00a0августа 2008\u00a0г.: уведомление Грузии" in shown
    assert "BelTA, 19 August" not in shown
    cited = run_cli("--lang", "kk", "cite", "moldova-agreement-ratified").stdout
    assert "Дереккөз: Молдова Республикасының Сыртқы істер" in cited
    assert "(құжат: Молдова: елтану шолуы" in cited
    # the reference list keeps the original title and gives the translation beside it
    assert "Despre CSI" in cited


# ---------------------------------------------------------------- typography and dates


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_quotation_marks_inside_guillemets_are_low_high(run_cli: RunCli, lang: str) -> None:
    out = run_cli("--lang", lang, "cite", "ashgabat-meeting").stdout
    quoted = [line for line in out.splitlines() if "ашхабад" in line.casefold()]
    assert quoted and all(not re.search(r"«[^»]*«", line) for line in quoted)
    assert "„Беловеж келісімін“" in out


_RU_ABBREVIATED = re.compile(r"\d\u00a0?(янв|февр|мар|апр|июн|июл|авг|сент|окт|нояб|дек)\.")


def test_russian_running_text_writes_months_in_full(run_cli: RunCli) -> None:
    """Titles, remarks, footnotes and card lines: months in full; table cells may abridge,
    but never март, май, июнь or июль (ГОСТ Р 7.0.12)."""
    found = []
    for args, out in _outputs(run_cli, "ru"):
        for line in out.splitlines():
            if re.search(r"(мар|июн|июл)\.", line) or (
                "│" not in line and "┃" not in line and _RU_ABBREVIATED.search(line)
            ):
                found.append((args, line))
    assert found == []


def test_kazakh_kuni_follows_only_a_day(run_cli: RunCli) -> None:
    """«күні» (the day) after a year or a month reads «1990 күні»: it goes only after a
    date known to the day, and no template puts it after a date slot."""
    assert [k for k, text in KK.items() if re.search(r"\{(date|day|when)\} күн", text)] == []
    found = []
    for args, out in _outputs(run_cli, "kk"):
        months = "қаң|ақп|нау|сәу|мам|мау|шіл|там|қыр|қаз|қар|жел"
        after_year = r"\d{4}(\s?ж\.)?\s+күн(і|гі)\b"
        after_month = rf"(?<![\d\u00a0]\s)(?<!\d\u00a0)\b(?:{months})\S*\s+күн(і|гі)\b"
        for match in re.finditer(f"{after_year}|{after_month}", out):
            found.append((args, match.group(0)))
    assert found == []


def test_kazakh_as_of_header_fits_a_year(run_cli: RunCli) -> None:
    out = run_cli(
        "--lang", "kk", "members", "--on", "1993", "-f", "markdown", "--fields", "country,as_of"
    ).stdout
    assert "| Ел | Сұралған уақыт |" in out


def _kazakh_strings() -> Iterator[tuple[str, str]]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    for table, records in data.items():
        for record in records:
            for field, value in record.items():
                if field.endswith("_kk") and isinstance(value, str) and field != "quote_kk":
                    yield f"{table}.{record.get('id', record.get('code'))}.{field}", value
    yield from KK.items()


def test_kazakh_calls_the_fact_base_dereqor() -> None:
    """One term per thing: the fact base is «дерекқор», never «база» as well."""
    base_word = r"(?<!салыстыру )\bбаза"  # «салыстыру базасы» is a base of comparison
    assert [key for key, text in _kazakh_strings() if re.search(base_word, text)] == []


def test_counted_units_have_every_russian_form() -> None:
    for key, forms in COUNTED["ru"].items():
        assert set(forms) == {"one", "few", "many", "other"}, key


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("command", [("figures",), ("country", "KZ"), ("trade", "exports")])
def test_numbers_stay_whole_at_every_width(
    run_cli: RunCli, width: int, lang: str, command: tuple[str, ...]
) -> None:
    """No line of a table or note starts with what belongs to the number before it."""
    out = run_cli("--lang", lang, *command, width=width, tty=True).stdout
    follows = re.compile(r"(%|г\.|гг\.|ж\.|жж\.|млн|млрд|трлн)(\W|$)")
    lines = out.splitlines()
    broken = []
    for above, below in itertools.pairwise(lines):
        upper, lower = re.split(r"[│┃]", above), re.split(r"[│┃]", below)
        if len(upper) != len(lower):
            continue
        for head, tail in zip(upper, lower, strict=True):
            # a cell's line ending in a digit, its next line going on with the unit
            if re.search(r"\d$", head.rstrip()) and follows.match(tail.strip()):
                broken.append((head.strip(), tail.strip()))
    assert broken == []


def test_readme_shows_a_kazakh_usage_error_as_printed() -> None:
    """Click's own usage error, worded in Kazakh by the installed command (README, check)."""
    import subprocess
    import sys

    script = Path(sys.executable).parent / "cis-facts"
    proc = subprocess.run(
        [str(script), "--lang", "kk", "members", "--on", "2099-13-01"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    expected = (
        "Қолданылуы: cis-facts members [OPTIONS]\n"
        "Анықтама: cis-facts members --help\n\n"
        "Қате: '--on' мәні жарамсыз: 13 деген ай жоқ: «2099-13-01»\n"
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", expected)
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "$ cis-facts --lang kk members --on 2099-13-01\n" + expected in readme
