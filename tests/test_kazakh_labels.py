"""Kazakh labels and notes: standard terms, qualifiers of the English kept, typography."""

from __future__ import annotations

import re

import pytest

from cis_facts.loader import load
from cis_facts.model import FactBase

NBSP = "\u00a0"

# The source's own slips and calques, which a label must not repeat: «транзиттік экономика»
# for a transition economy, «жаңа (құрушы) нарық» for an emerging market, «салыстырмалы салмақ»
# for the statistical «үлес салмағы», «ағым» for a flow of investment, and the non-standard
# spelling of Ashgabat.
FORBIDDEN = (
    "транзиттік",
    "жаңа нарық",
    "жаңа құрушы нарық",
    "салыстырмалы салма",
    "ашхабад",
    "ағым",
)


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


@pytest.fixture(scope="module")
def labels(base: FactBase) -> dict[str, tuple[str, str]]:
    """Every fact's id with its English and Kazakh labels."""
    return {fact.id: (fact.label_en, fact.label_kk) for fact in base.facts()}


@pytest.fixture(scope="module")
def kazakh_texts(base: FactBase) -> dict[str, str]:
    """Every Kazakh label and note, keyed by id (notes as ``id/note``), with the words
    quoted from the source in «guillemets» left out: those keep the source's own spelling."""
    texts = {fact.id: fact.label_kk for fact in base.facts()}
    records = [*base.facts(), *base.countries]
    texts.update({f"{r.id}/note": r.note_kk for r in records if r.note_kk})
    return {key: re.sub("«[^»]*»", "«»", text) for key, text in texts.items()}


def test_kazakh_notes_are_covered(kazakh_texts: dict[str, str]) -> None:
    assert sum(key.endswith("/note") for key in kazakh_texts) >= 60


def test_every_fact_is_covered(labels: dict[str, tuple[str, str]]) -> None:
    assert len(labels) >= 123


@pytest.mark.parametrize(
    "word",
    FORBIDDEN,
    ids=["transit", "new-market", "new-founder-market", "relative-weight", "ashkhabad", "agym"],
)
def test_no_source_slips_in_kazakh_text(kazakh_texts: dict[str, str], word: str) -> None:
    offenders = [fid for fid, kk in kazakh_texts.items() if word in kk.casefold()]
    assert offenders == []


def test_long_numbers_grouped_with_no_break_spaces(kazakh_texts: dict[str, str]) -> None:
    ungrouped = [fid for fid, kk in kazakh_texts.items() if re.search(r"\d{5}", kk)]
    wrong_space = [
        fid for fid, kk in kazakh_texts.items() if re.search(r"\d[ \u202f]\d{3}(?!\d)", kk)
    ]
    assert (ungrouped, wrong_space) == ([], [])


def test_percent_sign_follows_a_number_and_a_no_break_space(
    kazakh_texts: dict[str, str],
) -> None:
    offenders = [fid for fid, kk in kazakh_texts.items() if re.search(f"(?<!\\d{NBSP})%", kk)]
    assert offenders == []


def test_decimal_comma(kazakh_texts: dict[str, str]) -> None:
    offenders = [fid for fid, kk in kazakh_texts.items() if re.search(r"\d\.\d", kk)]
    assert offenders == []


def test_every_year_of_the_english_label_is_kept(labels: dict[str, tuple[str, str]]) -> None:
    lost = {
        fid: year
        for fid, (en, kk) in labels.items()
        for year in re.findall(r"\b(?:19|20)\d\d\b", en)
        if year not in kk
    }
    assert lost == {}


def test_about_is_kept(labels: dict[str, tuple[str, str]]) -> None:
    lost = [fid for fid, (en, kk) in labels.items() if " about " in en and "шамамен" not in kk]
    assert lost == []


def test_direct_investment_only_where_the_english_label_says_direct(
    labels: dict[str, tuple[str, str]],
) -> None:
    added = [fid for fid, (en, kk) in labels.items() if "тікелей" in kk and "direct" not in en]
    assert added == []


# The five labels a review of the Kazakh labels found wrong, as a Kazakh editor writes them.
CORRECTED = {
    "rank-oil-exploration": "Қазақстан барланған мұнай қоры бойынша әлемде 13-орында",
    "world-gdp-emerging-count": (
        "Нарығы қалыптасып келе жатқан және дамушы мемлекеттердің саны – 146"
    ),
    "world-gdp-emerging-share": (
        "Мәтін әлемдік ЖІӨ-нің 7,2\u00a0%-ын (ТМД-ның 12 мемлекетінің 3,8\u00a0%-ын қоса) "
        "нарығы қалыптасып келе жатқан және дамушы 146 мемлекет деп атаған топқа жатқызады"
    ),
    "world-exports-transition-share": (
        "Әлемдік тауарлар мен қызметтер экспортының 7\u00a0%-ы "
        "өтпелі экономикасы бар мемлекеттерге тиесілі"
    ),
    "export-structure-metal-industry-growth-2004": (
        "Металл өнеркәсібі өнімдерінің экспорты өткен жылдармен салыстырғанда 48\u00a0%-ға өсті"
    ),
}


@pytest.mark.parametrize("fact_id", sorted(CORRECTED))
def test_corrected_label(labels: dict[str, tuple[str, str]], fact_id: str) -> None:
    assert labels[fact_id][1] == CORRECTED[fact_id]


def test_share_of_a_mineral_belongs_to_kazakhstan(labels: dict[str, tuple[str, str]]) -> None:
    assert labels["rank-uranium"][1] == "Әлемдегі уранның шамамен 25\u00a0%-ы Қазақстанға тиесілі"
    assert labels["rank-iron-ore"][1] == "Әлемдегі темір кенінің 8\u00a0%-ы Қазақстанға тиесілі"


def test_readings_of_the_text(labels: dict[str, tuple[str, str]]) -> None:
    protocol = labels["almaty-protocol"][1]
    assert "Түрікменстан және Өзбекстан басшылары" in protocol
    assert "Украина" not in protocol
    assert "бірінші болып алды" in labels["investment-credit-rating-first-in-cis"][1]
    assert "тікелей" not in labels["fdi-cumulative-1993-2004"][1]
    assert labels["export-growth-europe-2004"][1] == (
        "Мәтін бойынша Қазақстанның Еуропа мемлекеттеріне жалпы экспорты 2003 жылмен "
        "салыстырғанда 2,6\u00a0%-ға өсті"
    )
    assert labels["trade-other-exports-2004"][1] == (
        "2004 жылы Қазақстанның басқа (ТМД-ға кірмейтін) мемлекеттерге экспорты "
        "15\u00a0999,0\u00a0млн АҚШ долларын құрап, 2003 жылмен салыстырғанда 61\u00a0%-ға өсті"
    )
    assert "2003 жылмен салыстырғанда" in labels["trade-other-imports-2004"][1]
    assert (
        "1995 жылғы деңгейдің 214,5\u00a0%-ына дейін не 214,5\u00a0%-ға"
        in labels["fdi-growth-kazakhstan-1995-2003"][1]
    )
    assert "2 есе қысқарды" in labels["export-fall-americas-2004"][1]


def test_kazakh_country_names(base: FactBase) -> None:
    countries = base.country_index
    virgin, korea, china = countries["VG"], countries["KR"], countries["CN"]
    assert virgin.name_kk == "Британдық Виргин аралдары"
    assert "Виргин аралдары" in virgin.aliases
    assert korea.name_kk == "Корея Республикасы"
    assert "Корея" in korea.aliases
    assert china.name_kk == "Қытай"
    assert "Қытай Республикасы" in china.aliases
