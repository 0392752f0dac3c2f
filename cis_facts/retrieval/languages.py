"""Word lists for English, Kazakh and Russian: stop words, suffixes, synonyms.

The analyzer applies these without knowing which language they belong to. Every word
here is written as people type it; the analyzer folds and stems it the same way it folds
and stems the text it indexes, so the lists need no special spelling.
"""

from __future__ import annotations

from cis_facts.frozen import Frozen


class Language(Frozen, kw_only=True):
    """What an analyzer needs to know about the languages it indexes."""

    stop_words: frozenset[str]
    # Endings stripped from words in a non-Latin script, longest first, up to three times.
    suffixes: tuple[str, ...]
    # Stripping stops at these endings: a name's own letters, not a suffix ("-стан").
    protected: tuple[str, ...]
    # Endings rewritten rather than stripped (Russian "Грузии" -> "Грузия").
    rewrites: tuple[tuple[str, str], ...]
    # Russian case, number and verb endings: a Cyrillic word also yields its stem without
    # one of these (Snowball-style), a second term beside the one the suffixes above give.
    endings: tuple[str, ...] = ()
    # A word and its inflected forms map to one canonical term, in the text and the query.
    synonyms: dict[str, str]
    # A query word that also stands for several words (an abbreviation).
    expansions: dict[str, tuple[str, ...]]
    # Words of more than one sense ("leave": withdraw, or leave out; «шығу»: withdraw, or
    # «шығу тегі», origin). A query word also searches for the sense given here; indexed
    # text keeps the word itself, so a text using the other sense is never matched by it.
    senses: dict[str, str]
    # Whole words (not stems) mapped to a term before stemming, where the stem would meet
    # another word: "founded" is not "found" (as in "are found at 500 sites").
    words: dict[str, str]
    # Fixed phrases whose words mean something else together, as a regular expression and
    # the single word they index as ("founded on" is "basis", not "founded").
    phrases: tuple[tuple[str, str], ...] = ()
    # Beginnings of words asking for the top of a ranking ("largest", «крупнейший», «ең»).
    superlatives: tuple[str, ...] = ()
    # Words opening a yes/no question ("is", "does"), and particles closing one (ли, ма).
    question_openers: frozenset[str] = frozenset()
    question_particles: frozenset[str] = frozenset()


_ENGLISH_STOP = """
a about above after again all also am an and any are as at be been before being below
between both but by can could did do does doing done during each else few for from
further had has have having he her here hers him his how i if in into is it its itself
just me more most my no nor not now of off on once only or other our out over own same
she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why
will with would you your yours many much ever whether does did get got tell show give
st nd rd th
"""
_KAZAKH_STOP = """
және мен бен пен да де та те ма ме ба бе па пе ме не ол бұл осы сол мына анау қашан
қандай қай қайда қалай неше қанша кім не неге нешінші үшін арқылы дейін бойынша туралы
ішінде оның олар біз сіз сен мен ал бірақ немесе әлде еді екен ғой ғана тек бар жоқ
кезде кейін бері дегеннен болды болып болған ші шы інші ыншы нші ншы
"""
_RUSSIAN_STOP = """
и в во на с со по к ко у из за от до о об не ни ли же бы что как когда где кто какой
какая какие каков сколько это этот эта эти тот та те который которая которые или а но
да для при про над под без через его ее её их он она оно они мы вы я был была было были
есть ещё еще уже также тоже чем
"""

_ENGLISH_SYNONYMS = {
    "withdraw": "withdrawal",
    "withdrew": "withdrawal",
    "withdrawn": "withdrawal",
    "join": "accession",
    "accede": "accession",
    "membership": "member",
    "commonwealth": "cis",
    "bought": "buy",
    "buyer": "buy",
    "supplier": "supply",
    "grew": "grow",
    "growth": "grow",
    "usa": "us",
    "america": "us",
    "britain": "uk",
    "first": "#1",
    "second": "#2",
    "third": "#3",
    "fourth": "#4",
}
_KAZAKH_SYNONYMS = {
    "тмд": "cis",
    "достастық": "cis",
    "қосылды": "accession",
    "қосылу": "accession",
    "мүше": "member",
    "мүшелік": "member",
    "ақш": "us",
    "тікелей": "direct",
    "үлесі": "share",
    "бірінші": "#1",
    "екінші": "#2",
    "үшінші": "#3",
    "төртінші": "#4",
    # Words of the domain meet their English labels too.
    "экспорт": "export",
    "импорт": "import",
    "мұнай": "oil",
    "үлес": "share",
    "инвестиция": "investment",
}
_RUSSIAN_SYNONYMS = {
    "снг": "cis",
    "содружество": "cis",
    "покинула": "withdrawal",
    "вступила": "accession",
    "вступил": "accession",
    "вступили": "accession",
    "вступить": "accession",
    "вступление": "accession",
    "присоединилась": "accession",
    "присоединился": "accession",
    "член": "member",
    "членство": "member",
    "сша": "us",
    "пии": "fdi",
    "нефть": "oil",
    "газ": "gas",
    "экспорт": "export",
    "импорт": "import",
    "доля": "share",
    "инвестиции": "investment",
    "товарооборот": "turnover",
    "покупатель": "buy",
    "поставщик": "supply",
    "первый": "#1",
    "второй": "#2",
    "третий": "#3",
    "четвёртый": "#4",
}
# Words that name a withdrawal in one sense only: searched for as "withdrawal" too.
_SENSES = {
    "leave": "withdrawal",
    "leaves": "withdrawal",
    "left": "withdrawal",
    "exit": "withdrawal",
    "quit": "withdrawal",
    "шықты": "withdrawal",
    "шығу": "withdrawal",
    "шығуы": "withdrawal",
    "шыққан": "withdrawal",
    "вышла": "withdrawal",
    "вышел": "withdrawal",
    "вышли": "withdrawal",
    "выйти": "withdrawal",
    "выходит": "withdrawal",
    "выход": "withdrawal",
    "выхода": "withdrawal",
}
# Words of founding meet as one term, apart from "found" (find: "are found at 500 sites").
_WORDS = {
    "founded": "founding",
    "founding": "founding",
    "established": "founding",
    "establishing": "founding",
    "create": "founding",
    "created": "founding",
    "создано": "founding",
    "создана": "founding",
    "основано": "founding",
    "основана": "founding",
    "основание": "founding",
    "образовано": "founding",
    "құрылды": "founding",
    "құрылған": "founding",
    "құрылғаны": "founding",
    "құрылуы": "founding",
}
_PHRASES = (
    (r"\bfounded on\b", "basis"),
    (r"\bbased on\b", "basis"),
    (r"\b(?:leaves?|left)(?= (?:[\w-]+ ){0,3}out\b)", "omits"),
    (r"\bleaves? open\b|\bleft open\b", "omits"),
    (r"\bthis leaves\b", "remains"),
    (
        (
            r"\bна ч[её]м основан\w*|\bна основании\b"
            r"|\bосновано на\b|\bоснована на\b|\bосновывается на\b"
        ),
        "основа",
    ),
    (r"\bшығу тег", "тек"),
    (r"\bпроисхождени\w*", "тек"),
)
_SUPERLATIVES = (
    "most",
    "largest",
    "biggest",
    "greatest",
    "highest",
    "top",
    "main",
    "chief",
    "leading",
    "principal",
    "ең",
    "басты",
    "негізгі",
    "крупнейш",
    "главн",
    "основн",
    "наибольш",
    "больш",
    "самы",
    "ведущ",
)
_QUESTION_OPENERS = frozenset(
    ["is", "are", "was", "were", "do", "does", "did", "has", "have", "can", "could", "will"]
)
_QUESTION_PARTICLES = frozenset(["ма", "ме", "ба", "бе", "па", "пе", "ли"])
_EXPANSIONS = {
    "fdi": ("foreign", "direct", "investment"),
    "gdp": ("жіө",),
    "жіө": ("gdp",),
}

# Kazakh case, plural and possessive endings; a stem keeps at least three letters.
_KAZAKH_SUFFIXES = """
дағы дегі тағы тегі ндағы ндегі лары лері дары дері тары тері ының інің сының сінің
ның нің дың дің тың тің дан ден тан тен нан нен ынан інен нда нде мен бен пен лар лер
дар дер тар тер ға ге қа ке на не ны ні ды ді ты ті да де та те сы сі ын ін ғы гі қы кі
"""


# Russian endings of nouns, adjectives, participles and verbs (after the Snowball Russian
# stemmer's lists, without its word regions): the longest that leaves three letters goes.
_RUSSIAN_ENDINGS = """
иями ями ами ией иям иях ием ого его ому ему ыми ими ейте уйте ешь ишь ете ите ует уют
ила ыла ена ило ыло ено или ыли ены ать ять ить ыть еть ая яя ое ее ые ие ый ий ой ей ом
ем им ым их ых ую юю ою ею ам ям ах ях ов ев ия ья ье ии ью ию ет ит ут ют ат ят ся сь а
я о е ы и у ю ь й
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DEFAULT = Language(
    stop_words=_words(_ENGLISH_STOP) | _words(_KAZAKH_STOP) | _words(_RUSSIAN_STOP),
    suffixes=tuple(sorted(_KAZAKH_SUFFIXES.split(), key=len, reverse=True)),
    protected=("стан",),
    rewrites=(("ии", "ия"), ("ию", "ия"), ("ией", "ия")),
    endings=tuple(sorted(_RUSSIAN_ENDINGS.split(), key=len, reverse=True)),
    synonyms={**_ENGLISH_SYNONYMS, **_KAZAKH_SYNONYMS, **_RUSSIAN_SYNONYMS},
    expansions=_EXPANSIONS,
    senses=_SENSES,
    words=_WORDS,
    phrases=_PHRASES,
    superlatives=_SUPERLATIVES,
    question_openers=_QUESTION_OPENERS,
    question_particles=_QUESTION_PARTICLES,
)
