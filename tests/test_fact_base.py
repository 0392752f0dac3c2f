"""The fact base says what the source says: corrected readings, membership as it was,
notes in both languages, the text's statements, and the periods it gives.

Expected values are written out here, not recomputed from the loaded base.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import RunCli

from cis_facts.loader import load


def run(run_cli: RunCli, *args: str) -> str:
    result = run_cli(*args, width=100)
    assert result.exit_code == 0, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stdout


def show(run_cli: RunCli, fact_id: str, *args: str) -> dict[str, Any]:
    (record,) = json.loads(run(run_cli, "show", fact_id, "--format", "json", *args))
    assert isinstance(record, dict)
    return record


# --- wrong readings -------------------------------------------------------------------------


def test_europe_export_growth_label_says_what_the_text_says(run_cli: RunCli) -> None:
    record = show(run_cli, "export-growth-europe-2004")
    assert (record["measure"], record["value"], record["unit"]) == ("ambiguous", 2.6, "%")
    assert (record["label_en"], record["label_kk"], record["label_ru"]) == (
        "Kazakhstan's total exports to European states grew 2.6% on 2003, as the text says",
        (
            "Мәтін бойынша Қазақстанның Еуропа мемлекеттеріне жалпы экспорты 2003 жылмен "
            "салыстырғанда 2,6\u00a0%-ға өсті"
        ),
        (
            "По данным текста, общий экспорт Казахстана в государства Европы вырос по сравнению "
            "с 2003\u00a0г. на 2,6\u00a0%"
        ),
    )
    assert (
        record["quote"]
        == "2003 жылмен салыстырғанда Еуропа мемлекеттерінің жалпы экспорты 2,6 % өсті"
    )
    # the reading, and the arithmetic that tells against a growth in value, are in the note
    assert record["note"].startswith("Two readings stand.")
    for part in ("10,972.5", "10,694", "9,937", "by 2.6 percentage points"):
        assert part in record["note"]


def test_gas_reserves_unit_is_cubic_metres_the_quote_keeps_square(run_cli: RunCli) -> None:
    record = show(run_cli, "reserves-natural-gas")
    assert (record["value"], record["unit"]) == (3, "trillion m³")
    assert record["quote"] == "Табиғи газ 3 трлн шаршы метрге тең"
    assert record["quote_en"] == "Natural gas is equal to 3 trillion square metres"
    assert (record["label_en"], record["label_kk"], record["label_ru"]) == (
        (
            "Kazakhstan's natural gas reserves amount to 3 trillion cubic metres (the text writes "
            "'square metres' in error)"
        ),
        (
            "Қазақстанның табиғи газ қоры 3\u00a0трлн текше метрге тең (мәтінде қате «шаршы метр» "
            "деп жазылған)"
        ),
        (
            "Запасы природного газа Казахстана составляют 3\u00a0трлн кубических метров (в тексте "
            "ошибочно: «квадратных метров»)"
        ),
    )
    assert (
        "so the unit is given as trillion m³ and the quote keeps the text's words"
        in (record["note"])
    )
    assert run(run_cli, "search", "gas", "--template", "{value} {unit}").splitlines()[2] == (
        "3 trillion m³"
    )
    fields = run(run_cli, "figures", "--format", "csv", "--fields", "id,value,unit")
    assert "reserves-natural-gas,3,trillion m³" in fields.splitlines()
    ru = run(run_cli, "show", "reserves-natural-gas", "--lang", "ru", "--format", "plain")
    assert "трлн м³" in ru


def test_fdi_world_share_note_reads_the_ablative_as_since(run_cli: RunCli) -> None:
    note = show(run_cli, "fdi-world-share-last-3-years")["note"]
    assert "have been recorded since 2000" in note
    assert "does not reconcile" not in note


def test_europe_supplies_28_9_percent_of_imports(run_cli: RunCli) -> None:
    record = show(run_cli, "import-growth-europe-2004")
    assert (record["measure"], record["value"], record["unit"]) == ("share", 28.9, "%")
    assert record["label_en"] == "European states account for 28.9% of Kazakhstan's imports"
    for figure in ("12,781.3", "3,693.8", "55 %"):
        assert figure in record["note"]


def test_imports_from_europe_grew_50_percent_on_all_four_goods(run_cli: RunCli) -> None:
    record = show(run_cli, "import-growth-europe-machinery-2004")
    assert (record["measure"], record["value"], record["unit"]) == ("growth", 50, "%")
    assert record["label_en"] == (
        "Kazakhstan's imports from European states grew 50%, on various kinds of machinery, "
        "parts and tools from Germany and Italy, passenger cars and Italian furniture"
    )
    assert record["quote"].endswith("Италия жиһазынан өсті")
    for figure in ("2,462.5", "2,009.6", "2,969.6", "48 %", "49 %"):
        assert figure in record["note"]
    statement = show(run_cli, "import-growth-europe-goods")
    assert statement["label_en"] == (
        "Imports from Europe grew 50% on various kinds of machinery, parts and tools from "
        "Germany and Italy, passenger cars and Italian furniture."
    )
    assert statement["quote"].startswith("50 % әртүрлі мəшине түрлерін әкелуден")


# Where the text allows two readings, the label claims what both share and the note gives
# both with their arithmetic.
@pytest.mark.parametrize(
    ("fact_id", "measure", "label", "arithmetic"),
    [
        (
            "fdi-growth-russia-1995-2003",
            "ambiguous",
            (
                "Foreign investment inflows to Russia fell from 1995 to 2003: to 43.3% of the "
                "1995 level, or by 43.3% (the text does not say which)"
            ),
            ("by 56.7 % (100 − 43.3)", "to 56.7 % of the 1995 level"),
        ),
        (
            "fdi-growth-kazakhstan-1995-2003",
            "ambiguous",
            (
                "Foreign investment inflows to Kazakhstan grew from 1995 to 2003: to 214.5% of "
                "the 1995 level, or by 214.5% (the text does not say which)"
            ),
            ("a rise by 114.5 % (214.5 − 100)", "to 314.5 % of the 1995 level (100 + 214.5)"),
        ),
        (
            "kazakhstan-gdp-growth-since-1995",
            "ambiguous",
            (
                "Since 1995 the indicator (Kazakhstan's share of world GDP, or its GDP) has grown, "
                "by 1.75% or 1.75-fold (the text does not say which)"
            ),
            ("0.1 / 1.0175 = 0.098 %", "0.1 / 1.75 = 0.057 %"),
        ),
        (
            "world-gdp-emerging-share",
            "share",
            (
                "The text puts 7.2% of world GDP, the 12 CIS states' 3.8% included, on the group "
                "it calls the 146 emerging-market and developing states"
            ),
            ("38.2 % (100 − 54.6 − 7.2)", "71.8 + 21.2 + 7 = 100", "transition economies' share"),
        ),
        (
            "world-exports-g7-share",
            "share",
            (
                "The world's 7 leading states account for 42.3% of world exports of goods and "
                "services, or of the developed states' 71.8% (the text does not say which)"
            ),
            ("0.423 × 71.8 = 30.4 %", "71.8 + 21.2 + 7 = 100", "«осы көрсеткіштің 42,3%»"),
        ),
    ],
)
def test_two_readings_label_claims_what_both_share(
    run_cli: RunCli, fact_id: str, measure: str, label: str, arithmetic: tuple[str, ...]
) -> None:
    record = show(run_cli, fact_id)
    assert (record["measure"], record["label_en"]) == (measure, label)
    assert record["note"].startswith("Two readings stand.")
    for part in arithmetic:
        assert part in record["note"]


def test_no_note_names_a_site_without_a_source_record(run_cli: RunCli) -> None:
    note = show(run_cli, "georgia-accession")["note"]
    assert "Civil.ge" not in note
    assert note.startswith("The text and the Kremlin's glossary give only the month")


@pytest.mark.parametrize(
    ("fact_id", "en", "kk", "ru"),
    [
        (
            "kazakhstan-gdp-world-share",
            (
                "At the time of the text (after August 2009), Kazakhstan accounts for 0.1% of "
                "world GDP"
            ),
            (
                "Мәтін жазылған кезде (2009 жылғы тамыздан кейін) әлемдік ЖІӨ-нің 0,1\u00a0%-ы "
                "Қазақстанға тиесілі"
            ),
            (
                "На момент написания текста (после августа 2009\u00a0г.) на Казахстан приходится "
                "0,1\u00a0% мирового ВВП"
            ),
        ),
        (
            "reserves-mineral-types",
            (
                "At the time of the text (after August 2009), Kazakhstan has 1225 types of mineral "
                "raw materials"
            ),
            (
                "Мәтін жазылған кезде (2009 жылғы тамыздан кейін) Қазақстанда минералдық "
                "шикізаттың 1225 түрі бар"
            ),
            (
                "На момент написания текста (после августа 2009\u00a0г.) в Казахстане имеется "
                "1225 видов минерального сырья"
            ),
        ),
    ],
)
def test_present_tense_of_the_text_is_dated(
    run_cli: RunCli, fact_id: str, en: str, kk: str, ru: str
) -> None:
    record = show(run_cli, fact_id)
    assert (record["label_en"], record["label_kk"], record["label_ru"]) == (en, kk, ru)
    assert "most of its figures are of about 2004" in record["note"]


def test_no_bare_currently_in_any_label() -> None:
    bare = ("currently", "at present", "қазіргі", "в настоящее время", "сейчас")
    offenders = [
        (fact.id, word)
        for fact in load().facts()
        for text in (fact.label_en, fact.label_kk, fact.label_ru or "")
        for word in bare
        if word in text.casefold()
    ]
    assert offenders == []


# --- misleading labels ----------------------------------------------------------------------


def test_almaty_protocol_labels_list_what_the_text_lists(run_cli: RunCli) -> None:
    record = show(run_cli, "almaty-protocol")
    assert "Ukraine" not in record["label_en"]
    assert "Украина" not in record["label_kk"]
    assert "UA" in [p["code"] for p in record["participants"]]
    assert "Ukraine among them" in record["note"]
    assert record["note_source"] == "alma-ata-protocol"


def test_almaty_protocol_note_in_kazakh_under_lang_kk(run_cli: RunCli) -> None:
    out = run(run_cli, "show", "almaty-protocol", "--lang", "kk", "--format", "plain")
    assert "Алматы хаттамасына он бір мемлекет, соның ішінде Украина да қол қойды" in out


@pytest.mark.parametrize(
    ("fact_id", "label", "arithmetic"),
    [
        (
            "fdi-growth-developing-1995-2003",
            (
                "Foreign investment inflows to the states the text first calls 'developing' grew "
                "from 1995 to 2003: to 178.2% of the 1995 level, or by 178.2% (the text does not "
                "say which)"
            ),
            (
                "a rise by 78.2\u00a0% (178.2 − 100); read as growth, it rose by 178.2\u00a0%, "
                "to 278.2\u00a0%"
            ),
        ),
        (
            "fdi-growth-second-group-1995-2003",
            (
                "Foreign investment inflows to the states the text calls 'developing' a second "
                "time grew from 1995 to 2003: to 153.8% of the 1995 level, or by 153.8% (the text "
                "does not say which)"
            ),
            (
                "a rise by 53.8\u00a0% (153.8 − 100); read as growth, it rose by 153.8\u00a0%, "
                "to 253.8\u00a0%"
            ),
        ),
        (
            "fdi-growth-central-eastern-europe-1995-2003",
            (
                "Foreign investment inflows to Central and Eastern European states grew from 1995 "
                "to 2003: to 147% of the 1995 level, or by 147% (the text does not say which)"
            ),
            "a rise by 47\u00a0% (147 − 100); read as growth, it rose by 147\u00a0%, to 247\u00a0%",
        ),
    ],
)
def test_fdi_figures_claim_only_the_growth_both_readings_share(
    run_cli: RunCli, fact_id: str, label: str, arithmetic: str
) -> None:
    """«бұл көрсеткіш 178,2 %-ке тең» is the indicator of «өсу 214,5% өсті», which the text
    leaves open as Kazakhstan's: a level in per cent of 1995, or a growth by that much."""
    record = show(run_cli, fact_id)
    assert (record["measure"], record["label_en"]) == ("ambiguous", label)
    assert record["note"].startswith("Two readings stand.")
    assert arithmetic in record["note"]
    assert "more likely the first" in record["note"]


@pytest.mark.parametrize(
    ("fact_id", "label"),
    [
        ("export-share-eu", "The European Union takes 34.8% of Kazakhstan's exports"),
        (
            "world-gdp-cis-share",
            (
                "The 12 CIS states account for 3.8% of world GDP (within the 7.2% the text gives "
                "to the emerging-market and developing states)"
            ),
        ),
        (
            "fdi-cumulative-1993-2004",
            (
                "Cumulative foreign investment inflow into Kazakhstan's economy in 1993–2004: "
                "USD 34 billion"
            ),
        ),
        ("reserves-caspian-oil-share", "Caspian oil makes up 38% of the 'black gold' (oil)"),
        (
            "import-supplier-korea",
            (
                "Korea (taken to be the Republic of Korea): 11th in the list of main suppliers of "
                "Kazakhstan's imports"
            ),
        ),
        (
            "export-share-virgin-islands",
            (
                "The Virgin Islands (taken to be the British Virgin Islands): 6th in the list of "
                "main buyers of Kazakhstan's products, 3.8% of exports"
            ),
        ),
    ],
)
def test_corrected_english_labels(run_cli: RunCli, fact_id: str, label: str) -> None:
    assert show(run_cli, fact_id)["label_en"] == label


def test_settled_shares_carry_no_hedge(run_cli: RunCli) -> None:
    for fact_id in ("export-share-eu", "world-gdp-cis-share"):
        record = show(run_cli, fact_id)
        assert "see note" not in record["label_en"]
        assert "Ambiguous" not in record["note"]


def test_no_direct_where_the_text_has_no_direct(run_cli: RunCli) -> None:
    for fact_id in ("fdi-cumulative-1993-2004", "fdi-oil-gas-1993-2004"):
        record = show(run_cli, fact_id)
        assert "direct" not in record["label_en"].lower()
        assert "тікелей" not in record["label_kk"]


def test_oil_ranking_is_explored_not_proven(run_cli: RunCli) -> None:
    record = show(run_cli, "rank-oil-exploration")
    assert "proven" not in record["note"]
    assert "explored oil reserves" in record["label_en"]


def test_americas_export_fall_is_a_decrease(run_cli: RunCli) -> None:
    record = show(run_cli, "export-fall-americas-2004")
    assert (record["measure"], record["value"], record["unit"]) == ("decrease", 2, "times")


def test_credit_rating_is_first_in_time_a_statement(run_cli: RunCli) -> None:
    record = show(run_cli, "investment-credit-rating-first-in-cis")
    assert record["kind"] == "statement"
    assert "value" not in record
    assert record["label_en"] == (
        "Kazakhstan was the first among CIS states to receive an investment-grade credit rating."
    )
    assert "first in time" in record["note"]


def test_text_defects_are_noted(run_cli: RunCli) -> None:
    assert "contradicts" in show(run_cli, "import-supplier-usa")["note"]
    assert "«флюориттан»" in show(run_cli, "rank-fluorite")["note"]
    assert "«Экспорттың тауарлық құрлымын»" in show(run_cli, "import-structure")["note"]
    assert (
        "list of language groups and families is missing"
        in show(run_cli, "languages-families")["note"]
    )


# --- who was in the CIS ---------------------------------------------------------------------


def members_on(run_cli: RunCli, date: str) -> dict[str, dict[str, Any]]:
    records = json.loads(run(run_cli, "members", "--on", date, "--format", "json"))
    return {r["country"]["code"]: r for r in records}


def test_on_2000_ukraine_and_turkmenistan_are_founding_states_not_members(run_cli: RunCli) -> None:
    records = members_on(run_cli, "2000-01-01")
    statuses = {code: r["status"] for code, r in records.items()}
    assert statuses == {
        "AM": "member",
        "AZ": "member",
        "BY": "member",
        "GE": "member",
        "KG": "member",
        "KZ": "member",
        "MD": "member",
        "RU": "member",
        "TJ": "member",
        "UZ": "member",
        "UA": "founder",
        "TM": "founder",
    }
    assert records["UA"]["reason"] == (
        "Ukraine ratifies the Agreement (10 Dec 1991); a founding state the Charter does not "
        "bind: not a member state"
    )
    assert records["TM"]["reason"] == (
        "Turkmenistan ratifies the Agreement (26 Dec 1991); a founding state the Charter does "
        "not bind: not a member state"
    )
    assert records["KZ"]["reason"] == "Kazakhstan ratifies the Charter (20 Apr 1994)"
    assert (records["MD"]["since"], records["MD"]["since_event"]) == (
        "1994-06-27",
        "moldova-charter-in-force",
    )


def test_before_the_charter_the_states_that_had_ratified_are_founding_states(
    run_cli: RunCli,
) -> None:
    records = members_on(run_cli, "1992-06-01")
    assert {c: r["status"] for c, r in records.items() if r["status"] != "founder"} == {
        "AZ": "signatory",
        "MD": "signatory",
        "TJ": "signatory",  # ratified only on 26 Jun 1993
    }
    assert records["KZ"]["reason"] == (
        "Kazakhstan ratifies the Agreement (23 Dec 1991); the Charter, which defines the "
        "member states, was adopted later, on 22 Jan 1993"
    )


def test_azerbaijan_ratification_gap(run_cli: RunCli) -> None:
    assert members_on(run_cli, "1993-01-01")["AZ"]["status"] == "signatory"
    assert members_on(run_cli, "1993-02-01")["AZ"]["status"] == "signatory"
    assert members_on(run_cli, "1993-09-23")["AZ"]["status"] == "signatory"
    assert members_on(run_cli, "1993-09-24")["AZ"]["status"] == "acceding"
    assert members_on(run_cli, "1993-10-01")["AZ"]["status"] == "acceding"
    assert members_on(run_cli, "1994-01-22")["AZ"]["status"] == "member"


def test_moldova_becomes_a_member_when_the_charter_binds_it(run_cli: RunCli) -> None:
    assert members_on(run_cli, "1994-04-10")["MD"]["status"] == "acceding"
    assert members_on(run_cli, "1994-04-26")["MD"]["status"] == "acceding"
    assert members_on(run_cli, "1994-06-27")["MD"]["status"] == "member"


def test_turkmenistan_associate_from_kazan(run_cli: RunCli) -> None:
    assert members_on(run_cli, "2005-08-25")["TM"]["status"] == "founder"
    assert members_on(run_cli, "2005-08-26")["TM"]["status"] == "associate"


def test_every_status_change_from_outside_the_text_cites_a_document() -> None:
    base = load()
    kinds = {s.id: s.kind for s in base.sources}
    outside = [e for e in base.events if e.status and e.source != "kk-text"]
    assert sorted(e.id for e in outside) == [
        "agreement-ratified-am",
        "agreement-ratified-by",
        "agreement-ratified-kg",
        "agreement-ratified-kz",
        "agreement-ratified-ru",
        "agreement-ratified-tj",
        "agreement-ratified-tm",
        "agreement-ratified-ua",
        "agreement-ratified-uz",
        "azerbaijan-ratification-declined",
        "azerbaijan-ratification-pending",
        "azerbaijan-rejoins",
        "charter-in-force-1994",
        "charter-ratified-am",
        "charter-ratified-kg",
        "charter-ratified-kz",
        "charter-ratified-uz",
        "georgia-charter-1994",
        "moldova-agreement-ratified",
        "moldova-charter-in-force",
        "moldova-ratification-pending",
        "turkmenistan-associate",
    ]
    assert {kinds[e.source] for e in outside} == {"document"}


def test_the_text_s_reading_stays_visible_in_the_quotes(run_cli: RunCli) -> None:
    """The text says the ten "signed" the Protocol: its words stay in the quote."""
    quote = show(run_cli, "almaty-protocol")["quote"]
    assert quote.endswith("ТМД-ны құру туралы Келісім хаттамасына қол қойды")


# --- notes in both languages ----------------------------------------------------------------


def test_every_note_has_a_kazakh_counterpart() -> None:
    base = load()
    records = [*base.countries, *base.facts()]
    one_sided = [r.id for r in records if bool(r.note) != bool(r.note_kk)]
    assert one_sided == []
    assert sum(1 for r in records if r.note) >= 80


# --- statements and periods -----------------------------------------------------------------


@pytest.mark.parametrize("word", ["supranational", "ұлтүстілік"])
def test_search_finds_the_statement_that_the_cis_is_not_a_state(run_cli: RunCli, word: str) -> None:
    hits = json.loads(run(run_cli, "search", word, "--format", "json"))
    assert hits[0]["id"] == "cis-not-a-state"


def test_statements_command_lists_a_topic(run_cli: RunCli) -> None:
    out = run(run_cli, "statements", "cis-nature", "--format", "plain", "--fields", "id")
    assert out.splitlines() == [
        "cis-not-a-state",
        "cis-members-subjects-of-international-law",
        "cis-decisions-bind-participants",
        "cis-selective-participation",
        "cis-definition",
        "cis-founded-1991",
        "cis-civilised-transition",
        "division-of-labour-between-republics",
        "regional-specialisation-saves-labour",
        "division-of-labour-in-cis",
        "cis-states-specialise",
    ]


def test_statements_in_kazakh(run_cli: RunCli) -> None:
    out = run(
        run_cli,
        "statements",
        "cis-nature",
        "--lang",
        "kk",
        "--format",
        "plain",
        "--fields",
        "label",
    )
    assert out.splitlines()[0] == (
        "Тәуелсіз Мемлекеттер Достастығы мемлекет емес және оның ұлтүстілік өкілеттігі жоқ."
    )


def test_cite_a_statement(run_cli: RunCli) -> None:
    out = run(run_cli, "cite", "cis-decisions-bind-participants")
    assert out.startswith(
        "Decisions of CIS bodies apply only to the states that took part in adopting them."
    )
    assert "«ТМД органдарының шешімдерінің күші" in out


@pytest.mark.parametrize(
    ("fact_id", "period_en", "period_kk"),
    [
        ("export-growth-goods-services-10y", "the last 10 years", "соңғы 10 жылда"),
        ("fdi-world-share-last-3-years", "the last 3 years", "соңғы 3 жылда"),
        ("export-growth-rate-after-1999", "after 1999", "1999 жылдан кейін"),
        ("export-growth-three-factors", "the last ten years", "соңғы 10 жылда"),
        (
            "gdp-growth-oil-exports",
            "recent years, compared with the 1990s",
            "90-жылдармен салыстырғанда соңғы жылдары",
        ),
    ],
)
def test_periods_the_text_gives(
    run_cli: RunCli, fact_id: str, period_en: str, period_kk: str
) -> None:
    record = show(run_cli, fact_id)
    assert (record["period_en"], record["period_kk"]) == (period_en, period_kk)


def test_show_context_prints_the_whole_sentence(run_cli: RunCli) -> None:
    record = show(run_cli, "rank-uranium", "--context")
    assert record["context"] == (
        "Біздің мемлекет әлемде темір рудасы бойынша 8 % құрайды, ураннан шамамен 25 %-ын құрайды."
    )


def test_show_context_keeps_abbreviations_inside_the_sentence(run_cli: RunCli) -> None:
    context = show(run_cli, "belovezh-agreement", "--context")["context"]
    assert context.startswith("1991 ж. желтоқсанның 8-інде Минскіде (Беловеж)")
    assert context.endswith("ТМД құрылғандығы туралы келісімге қол қойды.")


@pytest.mark.parametrize(
    ("fact_id", "first_line"),
    [
        (
            "fdi-growth-russia-1995-2003",
            (
                "Foreign investment inflows to Russia fell from 1995 to 2003: to 43.3% of the 1995 "
                "level, or by 43.3% (the text does not say which)."
            ),
        ),
        (
            "kazakhstan-gdp-growth-since-1995",
            (
                "Since 1995 the indicator (Kazakhstan's share of world GDP, or its GDP) has grown, "
                "by 1.75% or 1.75-fold (the text does not say which)."
            ),
        ),
        (
            "export-fall-americas-2004",
            "Kazakhstan's exports to the Americas fell by a factor of 2 (halved, 2004).",
        ),
    ],
)
def test_cite_states_the_date_once(run_cli: RunCli, fact_id: str, first_line: str) -> None:
    assert run(run_cli, "cite", fact_id).splitlines()[0] == first_line


def test_check_names_the_quotes_it_cannot_check(run_cli: RunCli) -> None:
    lines = run(run_cli, "check").splitlines()
    assert lines[-2] == (
        "quotes 32 not checked: their documents are not shipped (azerbaijan-portal-cis, "
        "azvision-ukraine-2018, belta-moldova-2026, cis-charter-decision, kazan-summit-2005, "
        "loc-azerbaijan-study, loc-moldova-study, moldova-mfa-cis, ria-moldova-2026, "
        "wikipedia-cis-charter-history, wikipedia-cis-member-states, zdg-moldova-ipa-2023)"
    )
    assert lines[-1] == "ok: fact base is valid and every quote checked was found"


def test_messages_that_describe_data_in_kazakh(run_cli: RunCli) -> None:
    result = run_cli("country", "Atlantis", "--lang", "kk")
    assert result.exit_code == 1
    assert result.stderr.startswith("cis-facts: белгісіз ел: «Atlantis»")


# --- the text complete ----------------------------------------------------------------------

# The text's claims a line-by-line audit found no record for, each by its verbatim quote.
MISSING_CLAIMS = {
    "cis-definition": "ыдыраған КСРО орнына 1991 ж. 21 желтоқсанда құрылған халықаралық ұйым",
    "cis-founded-1991": "Тәуелсіз Мемлекет Достастығы 1991 жылы құрылды",
    "cis-civilised-transition": "бір мемлекеттен өркениетті формаға өтуін қамтамасыздандырып",
    "division-of-labour-between-republics": "республикалар арасында еңбек бөлінісі қолайлы",
    "regional-specialisation-saves-labour": "қоғамдық еңбек үнемді болады",
    "division-of-labour-in-cis": "Бұл ТМД елдерінде жақсы өткізіліп отыр",
    "cis-states-specialise": "әрбір мемлекет өз бағыты бойынша машықтануда",
    "kazakhstan-global-role": "рөлін жаһандық экономикада толығымен айта аламыз",
    "hydrocarbon-exporters-grow-slower": "энегетика тауары емес мемлекеттермен салыстырғанда төмен",
    "foreign-trade-key-to-integration": "бірігіуін сыртқы сауда маңызды болып отыр",
    "integration-planning": "аймақтық географияны оқуы негізінде жобалау керек",
    "investment-policy-main-direction": "инвестициялық саясаттың тартымдылығы болып қала береді",
    "investment-climate-growth": "Ереже бойынша инвестициялық климат қолайлы. Кейін",
    "kazakhstan-potential-resources": "ірі потенциалдар бар, яғни ол табиғи ресурсқа бай",
    "leading-position-minerals": "әлемдегі позицияда жетекші орын алады",
    "trade-growth-imports-too": "импорт операцисынада ықпалын тигізді",
    "trade-geography-diversified": "яғни тәуелсіздің жылдарында ТМД-ны қосты",
    "trade-geography-shares-changed": "ТМД және басқа да мемлекеттер арасында проценттер өзгерді",
    "export-structure-raw-materials": "Шикізат тауар экспортын тауарлы құрлымының көбісін",
    "export-structure-main-groups": "металлдар тауардың негізгі топтарын құрап отыр",
    "structure-mineral-share-rising": "Соңғы жылдарда минералды өнімдерді экспорттау үлесі ұлғаюда",
    "structure-metal-industry-weight": "металл өнеркәсібінің салыстырмалы салмағы белгіленуде",
    "structure-growth-volume-and-price": "Экспорттың көбеюі физикалық жеткізудің көлемі секілді",
    "main-part-of-goods-from-usa": "Тауардың негізгі бөлігі АҚШ-тан түседі",
    "action-plan-concrete-measures": "нақты шаралар тізбесі көрініс тапқан",
    "turkmenistan-associate-member": "Түрікменстан ТМД-ның қауымдастырылған мүшесі болып табылады",
}


@pytest.mark.parametrize("fact_id", sorted(MISSING_CLAIMS))
def test_every_claim_of_the_text_is_in_the_base(run_cli: RunCli, fact_id: str) -> None:
    record = show(run_cli, fact_id)
    assert (record["kind"], record["source"]) == ("statement", "kk-text")
    assert MISSING_CLAIMS[fact_id] in record["quote"]
    assert record["quote_en"] and record["quote_ru"]


def test_the_opening_definition(run_cli: RunCli) -> None:
    record = show(run_cli, "cis-definition")
    assert record["label_en"] == (
        "The Commonwealth of Independent States (CIS) is an international organisation founded "
        "on 21 December 1991 in place of the dissolved USSR."
    )
    assert record["topic"] == "cis-nature"


# --- cite states the fact the base holds ------------------------------------------------------


@pytest.mark.parametrize(
    ("fact_id", "sentence"),
    [
        (
            "almaty-protocol",
            (
                "Azerbaijan, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Moldova, Russia, "
                "Tajikistan, Turkmenistan, Uzbekistan and Ukraine signed the Alma-Ata Protocol on "
                "21 December 1991."
            ),
        ),
        (
            "dushanbe-declaration-2007",
            (
                "The declaration on migration policy, the theme of 2007, was adopted in Dushanbe "
                "(5 October 2007)."
            ),
        ),
        (
            "import-supplier-korea",
            (
                "In 2004 Korea (taken to be the Republic of Korea) was eleventh in the list of the "
                "main suppliers of Kazakhstan's imports."
            ),
        ),
        (
            "export-share-virgin-islands",
            (
                "In 2004 the Virgin Islands (taken to be the British Virgin Islands) took 3.8% of "
                "Kazakhstan's exports, sixth in the list of its main buyers."
            ),
        ),
        (
            "import-supplier-germany",
            "In 2004 Germany was second in the list of the main suppliers of Kazakhstan's imports.",
        ),
    ],
)
def test_cite_sentence_states_the_corrected_fact(
    run_cli: RunCli, fact_id: str, sentence: str
) -> None:
    lines = run(run_cli, "cite", fact_id).splitlines()
    assert lines[0] == sentence
    if fact_id == "almaty-protocol":  # the text's own wording stays in the quote
        assert "Өзбекстан басшылары Алматыда" in lines[1]
        assert "(document: Protocol to the Agreement" in lines[2]


def test_fdi_kazakhstan_labels_hedge_like_russia_in_three_languages(run_cli: RunCli) -> None:
    record = show(run_cli, "fdi-growth-kazakhstan-1995-2003")
    assert record["quote"] == "2003 жылы 1995 жылмен салыстырғанда, өсу 214,5% өсті"
    assert (record["label_kk"], record["label_ru"]) == (
        (
            "1995–2003 жылдары Қазақстанға шетелдік инвестициялар ағыны өсті: 1995 жылғы деңгейдің "
            "214,5\u00a0%-ына дейін не 214,5\u00a0%-ға (мәтін қайсысы екенін айтпайды)"
        ),
        (
            "С 1995 по 2003\u00a0г. приток иностранных инвестиций в Казахстан вырос — до "
            "214,5\u00a0% от уровня 1995\u00a0г. или на 214,5\u00a0% (текст не уточняет)"
        ),
    )
    assert "Екі түрлі түсіндіру мүмкін." in record["note_kk"]
    assert "314,5\u00a0%-ына (100 + 214,5)" in record["note_kk"]
    assert "до 314,5\u00a0% от уровня 1995\u00a0г. (100 + 214,5)" in record["note_ru"]


def test_azerbaijan_joins_it_does_not_rejoin(run_cli: RunCli) -> None:
    record = show(run_cli, "azerbaijan-rejoins")
    assert (record["short_en"], record["short_kk"], record["short_ru"]) == (
        "Azerbaijan's accession",
        "Әзірбайжанның қосылуы",
        "Присоединение Азербайджана",
    )
    assert (record["label_en"], record["label_kk"], record["label_ru"]) == (
        "Azerbaijan joins the CIS: the CIS Council of Heads of State decides on its accession",
        (
            "Әзірбайжан ТМД-ға қосылды: ТМД Мемлекет басшылары кеңесі оның қосылуы туралы шешім "
            "қабылдады"
        ),
        "Азербайджан вступил в СНГ: Совет глав государств СНГ принял решение о его присоединении",
    )
    assert "this is its accession, not a return" in record["note"]
    for lang, again in (("en", "again"), ("kk", "қайта қосылды"), ("ru", "вновь")):
        sentence = run(run_cli, "cite", "azerbaijan-rejoins", "--lang", lang).splitlines()[0]
        assert again not in sentence


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "in the CIS: December 1993 – 18 August 2009"),
        ("kk", "ТМД құрамында: 1993\u202fж. желтоқсан – 2009\u202fж. 18 тамыз"),
        ("ru", "в составе СНГ: декабрь 1993\u202fг. — 18 августа 2009\u202fг."),
    ],
)
def test_georgia_card_says_in_the_cis_not_member_from_1993(
    run_cli: RunCli, lang: str, line: str
) -> None:
    for command in ("show", "country"):
        out = run(run_cli, command, "GE", "--lang", lang, "--format", "table", "--color", "never")
        assert out.splitlines()[3] == line
