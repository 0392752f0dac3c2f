"""Questions people type, each with the fact that must come first, in English, Kazakh, Russian.

``benchmarks/questions.py`` prints the share of them that the search answers right first.
"""

from __future__ import annotations

import pytest

from cis_facts.loader import load
from cis_facts.model import FactBase
from cis_facts.query.search import Searchable, build, search, searchable
from cis_facts.render.localized import localize
from cis_facts.retrieval.matcher import Matcher

ENGLISH = [
    ("When did Georgia leave the CIS?", "georgia-withdrawal"),
    ("Georgia left", "georgia-withdrawal"),
    ("georgia exit", "georgia-withdrawal"),
    ("When did Georgia join the Commonwealth?", "georgia-accession"),
    ("Italy share of exports", "export-share-italy"),
    ("uranium world share", "rank-uranium"),
    ("how many languages", "languages-cis-count"),
    ("is turkmenistan a full member", "turkmenistan-associate-member"),
    ("When did Turkmenistan become an associate member?", "turkmenistan-associate"),
    ("Who is the first buyer of Kazakhstan's exports?", "export-share-switzerland"),
    ("What share of exports goes to China?", "export-share-china"),
    ("Which country is the first import supplier?", "import-supplier-russia"),
    ("Germany imports", "import-supplier-germany"),
    ("Kazakhstan world rank in tungsten", "rank-tungsten"),
    ("silver rank", "rank-silver"),
    ("Where does Kazakhstan rank for explored oil reserves?", "rank-oil-exploration"),
    ("iron ore share of the world", "rank-iron-ore"),
    ("Is Kazakhstan in the top ten for gold?", "rank-gold"),
    ("Caspian oil share", "reserves-caspian-oil-share"),
    ("How much natural gas does Kazakhstan have?", "reserves-natural-gas"),
    ("how many types of mineral raw materials", "reserves-mineral-types"),
    ("25%", "rank-uranium"),
    ("1225", "reserves-mineral-types"),
    ("When was the Belovezh agreement signed?", "belovezh-agreement"),
    ("Alma-Ata Protocol", "almaty-protocol"),
    ("When was the CIS Charter adopted?", "charter-signed-1993"),
    ("Ashgabat meeting", "ashgabat-meeting"),
    ("migration policy declaration Dushanbe", "dushanbe-declaration-2007"),
    ("Strategy for economic development to 2020", "strategy-2020"),
    ("2009 year of energy", "theme-year-2009-energy"),
    ("trade turnover with CIS states in 2004", "trade-cis-turnover-2004"),
    ("USD million of exports to non-CIS countries in 2004", "trade-other-exports-2004"),
    ("total foreign trade turnover 2004", "trade-all-turnover-2004"),
    ("FDI oil and gas sector share", "fdi-oil-gas-share-1993-2004"),
    ("cumulative foreign investment inflow", "fdi-cumulative-1993-2004"),
    ("G7 share of world GDP", "world-gdp-g7-share"),
    ("USA share of world GDP", "world-gdp-usa-share"),
    ("Kazakhstan share of world GDP", "kazakhstan-gdp-world-share"),
    ("CIS share of world exports", "world-exports-cis-share"),
    ("how many trading partner countries", "trade-partner-countries"),
    ("credit rating investment grade", "investment-credit-rating-first-in-cis"),
    ("how many languages are spoken in the CIS", "languages-cis-count"),
    ("supranational powers", "cis-not-a-state"),
    ("tungstn", "rank-tungsten"),
    ("Switzerlnd exports", "export-share-switzerland"),
    ("who bought most of Kazakhstan's exports in 2004?", "export-share-switzerland"),
    ("biggest buyer of Kazakh exports", "export-share-switzerland"),
    ("main buyer of Kazakhstan's products", "export-share-switzerland"),
    ("largest supplier of imports to Kazakhstan", "import-supplier-russia"),
    ("who supplies most of Kazakhstan's imports?", "import-supplier-russia"),
    ("is the CIS a state", "cis-not-a-state"),
    ("Is the Commonwealth a state?", "cis-not-a-state"),
    ("when was the CIS founded", "belovezh-agreement"),
    ("when was the CIS created?", "belovezh-agreement"),
    ("who signed the Belovezh agreement", "belovezh-agreement"),
    ("what is the Commonwealth founded on?", "cis-charter"),
    ("Kazakhstan barite ranking", "rank-barite"),
    ("where does Kazakhstan rank in copper?", "rank-copper"),
    ("lead world ranking", "rank-lead"),
    ("chromium", "rank-chromium"),
    ("molybdenum place in the world", "rank-molybdenum"),
    ("manganese rank", "rank-manganese"),
    ("fluorite", "rank-fluorite"),
    ("how much of the world's uranium does Kazakhstan have?", "rank-uranium"),
    ("what share of world GDP do developed countries have?", "world-gdp-developed-share"),
    ("EU share of world GDP", "world-gdp-eu-share"),
    ("how many states are in the EU according to the text", "world-gdp-eu-count"),
    ("how many emerging market and developing countries are there?", "world-gdp-emerging-count"),
    ("CIS share of world GDP", "world-gdp-cis-share"),
    ("developing countries' share of world exports", "world-exports-developing-share"),
    ("transition economies share of world exports", "world-exports-transition-share"),
    ("how much did goods exports grow in ten years?", "export-growth-goods-10y"),
    ("how much did goods imports grow over ten years", "import-growth-goods-10y"),
    ("export growth in 2000", "export-growth-rate-2000"),
    ("how fast did export operations grow in 2004?", "export-growth-rate-2004"),
    ("Kazakhstan share of global FDI flows", "fdi-world-share-last-3-years"),
    ("billions of foreign investment in oil and gas", "fdi-oil-gas-1993-2004"),
    ("foreign investment into Russia in 2003", "fdi-growth-russia-1995-2003"),
    ("explored oil and gas reserves in 2003", "reserves-oil-gas-2003"),
    ("how much of the oil and gas reserves is gas?", "reserves-gas-2003"),
    ("at how many sites are mineral raw materials found?", "reserves-mineral-sites"),
    ("EU share of Kazakhstan's exports", "export-share-eu"),
    ("what share of Kazakhstan's exports goes to Europe?", "export-share-europe"),
    ("exports to the Americas", "export-fall-americas-2004"),
    ("did imports from the USA grow?", "import-growth-usa-2004"),
    ("did wheat exports fall?", "export-fall-wheat-barley-meat"),
    (
        "was Kazakhstan the first CIS state with an investment grade rating?",
        "investment-credit-rating-first-in-cis",
    ),
    ("do decisions of CIS bodies bind every member?", "cis-decisions-bind-participants"),
    ("are CIS members subjects of international law?", "cis-members-subjects-of-international-law"),
    ("When did Azerbaijan rejoin the CIS?", "azerbaijan-rejoins"),
    (
        "did Azerbaijan's parliament vote against ratifying membership?",
        "azerbaijan-ratification-declined",
    ),
    ("When did Moldova ratify the CIS Charter?", "moldova-charter-ratified"),
    ("which year was the year of transport?", "theme-year-2008-transport"),
    ("which year was devoted to migration policy?", "theme-year-2007-migration"),
    ("what does Kazakhstan import?", "import-structure"),
    ("how old is Kazakhstan's new history", "history-new-history-years"),
]
KAZAKH = [
    ("Қазақстан мырыш", "rank-zinc"),
    ("Грузия қашан шықты", "georgia-withdrawal"),
    ("Грузияның ТМД-дан шығуы", "georgia-withdrawal"),
    ("Грузия ТМД-ға қашан қосылды", "georgia-accession"),
    ("Түрікменстан қауымдастырылған мүше", "turkmenistan-associate"),
    ("уранның әлемдік үлесі", "rank-uranium"),
    ("Қазақстан вольфрам", "rank-tungsten"),
    ("Швейцария экспорт үлесі", "export-share-switzerland"),
    ("Ресейге экспорт", "export-share-russia"),
    ("Каспий мұнайы", "reserves-caspian-oil"),
    ("ТМД-да неше тіл бар", "languages-cis-count"),
    ("ТМД Жарғысы", "cis-charter"),
    ("Қазақстанның әлемдік ЖІӨ-дегі үлесі", "kazakhstan-gdp-world-share"),
    ("Қазақстан экспортын ең көп сатып алатын ел", "export-share-switzerland"),
    ("Қазақстанға ең көп импорт жеткізетін ел қайсы?", "import-supplier-russia"),
    ("ТМД мемлекет пе?", "cis-not-a-state"),
    ("ТМД қашан құрылды?", "belovezh-agreement"),
    ("Қазақстан мыс бойынша нешінші орында?", "rank-copper"),
    ("күміс бойынша орны", "rank-silver"),
    ("Қазақстан алтын бойынша", "rank-gold"),
    ("темір кенінің үлесі", "rank-iron-ore"),
    ("барланған мұнай қоры бойынша Қазақстан нешінші орында", "rank-oil-exploration"),
    ("АҚШ-тың әлемдік ЖІӨ-дегі үлесі", "world-gdp-usa-share"),
    ("Үлкен жетіліктің әлемдік ЖІӨ-дегі үлесі", "world-gdp-g7-share"),
    ("ТМД-ның әлемдік экспорттағы үлесі", "world-exports-cis-share"),
    ("2004 жылғы сыртқы сауда айналымы", "trade-all-turnover-2004"),
    ("2004 жылы ТМД мемлекеттеріне экспорт", "trade-cis-exports-2004"),
    ("ТМД мемлекеттерінен импорт", "trade-cis-imports-2004"),
    ("шетелдік инвестициялардың жинақталған ағыны", "fdi-cumulative-1993-2004"),
    ("мұнай-газ секторына инвестиция үлесі", "fdi-oil-gas-share-1993-2004"),
    ("минералдық шикізаттың неше түрі бар?", "reserves-mineral-types"),
    ("Каспий мұнайының үлесі", "reserves-caspian-oil-share"),
    ("табиғи газ қоры қанша?", "reserves-natural-gas"),
    ("Қазақстанның неше елде сауда серіктесі бар?", "trade-partner-countries"),
    ("Түрікменстан қашан қауымдастырылған мүше болды?", "turkmenistan-associate"),
    ("Әзірбайжан ТМД-ға қашан қайта қосылды?", "azerbaijan-rejoins"),
    ("ТМД Жарғысы қашан қабылданды?", "charter-signed-1993"),
    ("Беловеж келісімі", "belovezh-agreement"),
    ("Ашғабаттағы кездесу", "ashgabat-meeting"),
    ("ТМД тілдері шығу тегі жағынан қандай топтарға бөлінеді?", "languages-families"),
    ("Грузия ТМД-дан қашан шықты?", "georgia-withdrawal"),
    ("2009 жыл энергетика жылы", "theme-year-2009-energy"),
    ("көші-қон саясаты жөніндегі декларация", "dushanbe-declaration-2007"),
    ("ТМД органдарының шешімдері кімге қолданылады?", "cis-decisions-bind-participants"),
    ("инвестициялық деңгейдегі кредиттік рейтинг", "investment-credit-rating-first-in-cis"),
    ("Қазақстан мырыштан нешінші орында?", "rank-zinc"),
    ("Еуропалық одақтың Қазақстан экспортындағы үлесі", "export-share-eu"),
]
RUSSIAN = [
    ("Когда Грузия вышла из СНГ", "georgia-withdrawal"),
    ("ПИИ нефть газ", "fdi-oil-gas-share-1993-2004"),
    ("выход Грузии", "georgia-withdrawal"),
    ("выхода Грузии из Содружества", "georgia-withdrawal"),
    ("Грузией", "georgia-withdrawal"),
    ("Когда Грузия вступила в СНГ", "georgia-accession"),
    ("Туркменистан ассоциированный член", "turkmenistan-associate"),
    ("вступление Азербайджана", "azerbaijan-rejoins"),
    ("товарооборот СНГ", "trade-cis-turnover-2004"),
    ("доля Италии в экспорте", "export-share-italy"),
    ("первый покупатель казахстанского экспорта", "export-share-switzerland"),
    ("поставщики импорта из Германии", "import-supplier-germany"),
    ("запасы урана", "rank-uranium"),
    ("место Казахстана по золоту", "rank-gold"),
    ("сколько языков в СНГ", "languages-cis-count"),
    ("Беловежское соглашение", "belovezh-agreement"),
    ("Алма-Атинский протокол", "almaty-protocol"),
    ("доля Казахстана в мировом ВВП", "kazakhstan-gdp-world-share"),
    ("крупнейший покупатель казахстанского экспорта", "export-share-switzerland"),
    ("главный поставщик импорта в Казахстан", "import-supplier-russia"),
    ("кто больше всего покупает казахстанской продукции?", "export-share-switzerland"),
    ("является ли СНГ государством?", "cis-not-a-state"),
    ("когда было создано СНГ?", "belovezh-agreement"),
    ("когда основано Содружество?", "belovezh-agreement"),
    ("на чём основано Содружество?", "cis-charter"),
    ("какое место Казахстан занимает по меди?", "rank-copper"),
    ("Казахстан серебро место в мире", "rank-silver"),
    ("доля мировой железной руды", "rank-iron-ore"),
    ("доля США в мировом ВВП", "world-gdp-usa-share"),
    ("доля Большой семёрки в мировом ВВП", "world-gdp-g7-share"),
    ("доля СНГ в мировом экспорте", "world-exports-cis-share"),
    ("внешнеторговый оборот Казахстана в 2004 году", "trade-all-turnover-2004"),
    ("экспорт в страны СНГ в 2004 году", "trade-cis-exports-2004"),
    ("импорт из государств СНГ", "trade-cis-imports-2004"),
    ("накопленный приток иностранных инвестиций", "fdi-cumulative-1993-2004"),
    ("сколько видов минерального сырья в Казахстане?", "reserves-mineral-types"),
    ("нефть Каспия", "reserves-caspian-oil"),
    ("запасы природного газа", "reserves-natural-gas"),
    ("в скольких странах у Казахстана торговые партнёры?", "trade-partner-countries"),
    ("когда Азербайджан вновь присоединился к СНГ?", "azerbaijan-rejoins"),
    ("когда принят Устав СНГ?", "charter-signed-1993"),
    ("встреча в Ашхабаде", "ashgabat-meeting"),
    ("год энергетики", "theme-year-2009-energy"),
    ("декларация о миграционной политике", "dushanbe-declaration-2007"),
    ("сколько языков у народов СНГ?", "languages-cis-count"),
    ("доля Европейского союза в экспорте Казахстана", "export-share-eu"),
    ("когда Молдова ратифицировала Устав СНГ?", "moldova-charter-ratified"),
    ("кредитный рейтинг инвестиционного уровня", "investment-credit-rating-first-in-cis"),
    ("цинк", "rank-zinc"),
]
QUESTIONS = [*ENGLISH, *KAZAKH, *RUSSIAN]
# Questions the search does not yet answer right first (benchmarks/questions.py lists
# what comes first instead). Strict: one that starts passing must leave this list.
MISSED = {
    "how much of the oil and gas reserves is gas?",
    "exports to the Americas",
    "what does Kazakhstan import?",
    "2004 жылғы сыртқы сауда айналымы",
    "доля Казахстана в мировом ВВП",
    "кто больше всего покупает казахстанской продукции?",
    "экспорт в страны СНГ в 2004 году",
    "когда принят Устав СНГ?",
}


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


@pytest.fixture(scope="module")
def built(base: FactBase) -> tuple[list[Searchable], Matcher]:
    return build(base)


def test_the_table_is_large_enough() -> None:
    assert len(QUESTIONS) >= 150
    assert {q for q, _ in QUESTIONS} >= MISSED
    assert len(MISSED) / len(QUESTIONS) < 0.1
    assert min(len(ENGLISH), len(KAZAKH), len(RUSSIAN)) >= 40
    assert len({q for q, _ in QUESTIONS}) == len(QUESTIONS)


def test_every_expected_fact_exists(base: FactBase) -> None:
    known = {found.record.id for found in searchable(base) if found.kind != "country"}
    known |= {country.code for country in base.countries}
    assert {first for _, first in QUESTIONS} <= known


@pytest.mark.parametrize(
    ("question", "first"),
    [
        pytest.param(q, f, marks=pytest.mark.xfail(strict=True, reason="not yet first"))
        if q in MISSED
        else (q, f)
        for q, f in QUESTIONS
    ],
)
def test_question_puts_the_right_fact_first(
    base: FactBase, built: tuple[list[Searchable], Matcher], question: str, first: str
) -> None:
    answer = localize(search(base, question, built=built), "en")
    # Scores within 0.5 % of the best are a tie, not an order: adding an unrelated fact
    # shifts word weights by that much.
    best = answer.records[0]["score"]
    tied = [r["id"] for r in answer.records if r["score"] >= best * 0.995]
    assert first in tied


# Records using a word of withdrawal in another sense: «шығу тегі» (origin), «орынға ...
# шықты» (took first place), "leaves Ukraine out" (omits).
ORIGIN = {"languages-differences", "languages-families"}
OTHER_SENSES = {*ORIGIN, "trade-leading-partners-2004", "almaty-protocol", "almaty-declaration"}


@pytest.mark.parametrize("word", ["leave", "left", "leaves", "exit", "withdraw"])
def test_english_withdrawal_words_match_no_other_sense(base: FactBase, word: str) -> None:
    found = [r["id"] for r in localize(search(base, word), "en").records]
    assert found[0] == "georgia-withdrawal"
    assert not OTHER_SENSES & set(found)


@pytest.mark.parametrize("word", ["шығу", "шықты", "шығуы", "вышла", "выход"])
def test_kazakh_and_russian_withdrawal_words_are_not_origin(base: FactBase, word: str) -> None:
    """A Kazakh or Russian word matches itself written in any sense («орынға шықты» holds
    «шықты»), but is searched as a withdrawal only through its own sense."""
    found = [r["id"] for r in localize(search(base, word), "en").records]
    assert found[0] == "georgia-withdrawal"
    assert not ORIGIN & set(found)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("тілдердің шығу тегі", "languages-differences"),
        ("Швейцария бірінші орынға шықты", "trade-leading-partners-2004"),
    ],
)
def test_the_other_sense_finds_its_own_facts(base: FactBase, question: str, first: str) -> None:
    assert localize(search(base, question), "en").records[0]["id"] == first


def test_founded_on_is_not_founded(base: FactBase) -> None:
    records = localize(search(base, "founded"), "en").records
    founded = {r["id"]: r["matched"] for r in records}
    assert records[0]["id"] == "belovezh-agreement"
    # Its label says "founded on"; only its note's "founding document" may match.
    assert founded["cis-charter"] == ["note"]
    assert "reserves-mineral-sites" not in founded  # "are found at 500 sites"
