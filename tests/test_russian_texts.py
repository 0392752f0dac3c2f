"""Russian texts of the packaged base: every fact and note has one, and they follow Russian
typography and the official Russian names of the CIS's documents and bodies."""

from __future__ import annotations

import re

import pytest

from cis_facts.loader import load
from cis_facts.model import FactBase

NBSP = "\u00a0"

# Latin letters a Russian label may hold: abbreviations used as they are in Russian text.
LATIN_ALLOWED = ("G7",)


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


@pytest.fixture(scope="module")
def labels(base: FactBase) -> dict[str, tuple[str, str | None]]:
    """Every fact's id with its English and Russian labels."""
    return {fact.id: (fact.label_en, fact.label_ru) for fact in base.facts()}


@pytest.fixture(scope="module")
def russian_texts(base: FactBase) -> dict[str, str]:
    """Every Russian text of the base, keyed by ``id/field``, with the words in «guillemets»
    left out: a note quotes the Kazakh source in them, with its own spelling and numbers."""
    texts: dict[str, str] = {}
    for fact in base.facts():
        for field in ("label_ru", "note_ru", "period_ru", "short_ru", "place_ru", "mineral_ru"):
            value = getattr(fact, field, None)
            if value:
                texts[f"{fact.id}/{field}"] = value
    for country in base.countries:
        if country.note_ru:
            texts[f"{country.code}/note_ru"] = country.note_ru
    return {key: re.sub("«[^»]*»", "«»", text) for key, text in texts.items()}


def test_every_fact_has_a_russian_label(base: FactBase) -> None:
    missing = [fact.id for fact in base.facts() if not fact.label_ru]
    assert missing == []
    assert len(list(base.facts())) >= 160


def test_every_note_has_russian_text(base: FactBase) -> None:
    records = [*base.countries, *base.facts()]
    missing = [r.id for r in records if (r.note or r.note_kk) and not r.note_ru]
    assert missing == []
    assert sum(1 for r in records if r.note_ru) >= 100


def test_kazakh_words_quoted_in_russian_notes_are_copied_as_they_are(base: FactBase) -> None:
    """A Russian note quotes the Kazakh text as the English and Kazakh notes do, spacing
    and slips included."""
    kazakh_letter = re.compile("[әіңғүұқөһӘІҢҒҮҰҚӨҺ]")
    altered = [
        (r.id, quoted)
        for r in [*base.countries, *base.facts()]
        if r.note_ru
        for quoted in re.findall("«([^»]*)»", r.note_ru)
        if kazakh_letter.search(quoted)
        and quoted.replace("…", "...") not in f"{r.note} {r.note_kk}".replace("…", "...")
    ]
    assert altered == []


def test_notes_name_documents_as_russian_does(base: FactBase) -> None:
    notes = {r.id: str(r.note_ru) for r in [*base.countries, *base.facts()] if r.note_ru}
    assert "18\u00a0августа 2009\u00a0г." in notes["georgia-withdrawal"]
    assert "Совета глав правительств СНГ" in notes["strategy-2020"]
    assert "Совета глав государств СНГ" in notes["turkmenistan-associate"]
    assert "2,6 процентного пункта" in notes["export-growth-europe-2004"]


def test_every_period_has_russian_text(base: FactBase) -> None:
    missing = [fact.id for fact in base.facts() if fact.period_en and not fact.period_ru]
    assert missing == []
    periods = {fact.id: fact.period_ru for fact in base.facts() if fact.period_ru}
    assert periods["kazakhstan-gdp-growth-since-1995"] == "с 1995\u00a0г."
    assert periods["export-growth-three-factors"] == "за последние 10 лет"


def test_every_ranking_names_its_mineral_in_russian(base: FactBase) -> None:
    assert [r.id for r in base.rankings if not r.mineral_ru] == []
    minerals = {r.id: r.mineral_ru for r in base.rankings}
    assert minerals["rank-iron-ore"] == "железная руда"
    assert minerals["rank-oil-exploration"] == "нефть (разведанные запасы)"


def test_russian_labels_keep_the_qualifiers(labels: dict[str, tuple[str, str | None]]) -> None:
    translated = {fid: (en, ru) for fid, (en, ru) in labels.items() if ru is not None}
    about = [fid for fid, (en, ru) in translated.items() if " about " in en and "около" not in ru]
    taken = [
        fid
        for fid, (en, ru) in translated.items()
        if "taken to be" in en and "предположительно" not in ru
    ]
    assert (about, taken) == ([], [])
    assert "первую десятку" in str(labels["rank-gold"][1])


def test_figures_in_times_and_in_money_as_russian_writes_them(base: FactBase) -> None:
    times = [
        f.id
        for f in base.figures
        if f.unit == "times" and not {"раза", "вдвое"} & set(str(f.label_ru).split())
    ]
    billions = [
        f.id
        for f in base.figures
        if f.unit == "USD billion" and "млрд долл. США" not in str(f.label_ru)
    ]
    millions = [
        t.id
        for t in base.trade_totals
        if t.unit == "USD million" and "млн долл. США" not in str(t.label_ru)
    ]
    assert (times, billions, millions) == ([], [], [])


def test_the_two_developing_groups_stay_apart(labels: dict[str, tuple[str, str | None]]) -> None:
    first = str(labels["fdi-growth-developing-1995-2003"][1])
    second = str(labels["fdi-growth-second-group-1995-2003"][1])
    assert "в первый раз называет «развивающимися»" in first
    assert "во второй раз называет «развивающимися»" in second
    assert "прямых" not in first + second + str(labels["fdi-cumulative-1993-2004"][1])


def test_every_event_has_russian_label_short_and_place(base: FactBase) -> None:
    missing = [
        f"{event.id}/{field}"
        for event in base.events
        for field, kazakh in (
            ("label_ru", event.label_kk),
            ("short_ru", event.short_kk),
            ("place_ru", event.place_kk),
        )
        if kazakh and not getattr(event, field)
    ]
    assert missing == []


def test_decimal_comma(russian_texts: dict[str, str]) -> None:
    offenders = [key for key, text in russian_texts.items() if re.search(r"\d\.\d", text)]
    assert offenders == []


def test_percent_sign_follows_a_number_and_a_no_break_space(
    russian_texts: dict[str, str],
) -> None:
    offenders = [key for key, text in russian_texts.items() if re.search(f"(?<!\\d{NBSP})%", text)]
    assert offenders == []


def test_long_numbers_grouped_with_no_break_spaces(russian_texts: dict[str, str]) -> None:
    ungrouped = [key for key, text in russian_texts.items() if re.search(r"\d{5}", text)]
    wrong_space = [
        key for key, text in russian_texts.items() if re.search(r"\d[ \u202f]\d{3}(?!\d)", text)
    ]
    four_digits_grouped = [
        key
        for key, text in russian_texts.items()
        if re.search(f"(?<![\\d{NBSP}])\\d{NBSP}\\d{{3}}(?![\\d{NBSP}])", text)
    ]
    assert (ungrouped, wrong_space, four_digits_grouped) == ([], [], [])


def test_no_latin_letters_in_russian_labels(labels: dict[str, tuple[str, str | None]]) -> None:
    offenders = {}
    for fid, (_, ru) in labels.items():
        if ru is None:
            continue
        rest = ru
        for allowed in LATIN_ALLOWED:
            rest = rest.replace(allowed, "")
        if re.search("[A-Za-z]", rest):
            offenders[fid] = ru
    assert offenders == {}


def test_no_straight_quotes_in_russian_texts(russian_texts: dict[str, str]) -> None:
    offenders = [key for key, text in russian_texts.items() if re.search("[\"'“”„]", text)]
    assert offenders == []


def test_every_year_of_the_english_label_is_kept(
    labels: dict[str, tuple[str, str | None]],
) -> None:
    lost = {
        fid: year
        for fid, (en, ru) in labels.items()
        if ru is not None
        for year in re.findall(r"\b(?:19|20)\d\d\b", en)
        if year not in ru
    }
    assert lost == {}


# Key facts as a Russian editor writes them.
EXPECTED = {
    "georgia-withdrawal": "Грузия вышла из Содружества",
    "almaty-protocol": (
        "Алма-Атинский протокол: руководители Азербайджана, Армении, Беларуси, Казахстана, "
        "Кыргызстана, Молдовы, России, Таджикистана, Туркменистана и Узбекистана подписали "
        "в Алма-Ате Протокол к Соглашению о создании Содружества Независимых Государств"
    ),
    "rank-uranium": "Доля Казахстана в мире по урану — около 25\u00a0%",
    "export-share-switzerland": (
        "Швейцария — 1-е место в списке основных покупателей продукции Казахстана, "
        "доля в экспорте 18,7\u00a0%"
    ),
    "import-supplier-korea": (
        "Корея (предположительно Республика Корея) — 11-е место в списке основных "
        "поставщиков импортной продукции в Казахстан"
    ),
    "trade-cis-turnover-2004": (
        "В 2004\u00a0г. товарооборот Казахстана с государствами СНГ составил "
        "10\u00a0215,1\u00a0млн долл. США и вырос на 48\u00a0% по сравнению с 2003\u00a0г."
    ),
    "export-growth-europe-2004": (
        "По данным текста, общий экспорт Казахстана в государства Европы вырос по сравнению "
        "с 2003\u00a0г. на 2,6\u00a0%"
    ),
    "fdi-growth-kazakhstan-1995-2003": (
        "С 1995 по 2003\u00a0г. приток иностранных инвестиций в Казахстан вырос — до "
        "214,5\u00a0% от уровня 1995\u00a0г. или на 214,5\u00a0% (текст не уточняет)"
    ),
    "cis-not-a-state": (
        "Содружество Независимых Государств не является государством "
        "и не обладает наднациональными полномочиями."
    ),
    "charter-signed-1993": (
        "Совет глав государств СНГ принял в Минске Устав Содружества; его подписали Армения, "
        "Беларусь, Казахстан, Кыргызстан, Россия, Таджикистан и Узбекистан, а Молдова, "
        "Туркменистан и Украина не подписали"
    ),
}


@pytest.mark.parametrize("fact_id", sorted(EXPECTED))
def test_expected_russian_label(labels: dict[str, tuple[str, str | None]], fact_id: str) -> None:
    assert labels[fact_id][1] == EXPECTED[fact_id]


def test_official_names_of_documents_and_bodies(base: FactBase) -> None:
    events = {event.id: event for event in base.events}
    assert events["belovezh-agreement"].short_ru == "Беловежское соглашение"
    assert events["almaty-declaration"].short_ru == "Алма-Атинская декларация"
    assert events["cis-charter"].short_ru == "Устав СНГ"
    assert "Соглашение о создании Содружества Независимых Государств" in str(
        events["moldova-agreement-ratified"].label_ru
    )
    assert "Стратегия экономического развития СНГ на период до 2020 года" in str(
        events["strategy-2020"].label_ru
    )
