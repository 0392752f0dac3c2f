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
    "leave": "withdrawal",
    "left": "withdrawal",
    "exit": "withdrawal",
    "quit": "withdrawal",
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
    "шықты": "withdrawal",
    "шығу": "withdrawal",
    "қосылды": "accession",
    "қосылу": "accession",
    "мүше": "member",
    "мүшелік": "member",
    "ақш": "us",
    "тікелей": "direct",
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
    "вышла": "withdrawal",
    "вышел": "withdrawal",
    "вышли": "withdrawal",
    "выйти": "withdrawal",
    "выходит": "withdrawal",
    "выход": "withdrawal",
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
)
