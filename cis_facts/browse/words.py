"""The browser's own interface words, in English and Kazakh."""

from __future__ import annotations

from cis_facts.model import Lang

_WORDS: dict[str, tuple[str, str]] = {
    "search": (
        "Search: a question or words; @1993-12 for members on a date",
        "Іздеу: сұрақ не сөздер; @1993-12 — сол күнгі мүшелер",
    ),
    "value": ("Value", "Мәні"),
    "date": ("Date", "Күні"),
    "period": ("Period", "Кезеңі"),
    "quote": ("Quote", "Дәйексөз"),
    "context": ("In the source text", "Дереккөз мәтінінде"),
    "note": ("Note", "Ескерту"),
    "document": ("Document", "Құжат"),
    "source": ("Source", "Дереккөз"),
    "related": ("Related facts", "Байланысты деректер"),
    "names": ("Names", "Атаулары"),
    "status": ("Status", "Мәртебесі"),
    "nothing": ("Nothing matches {query!r}", "{query!r} бойынша ештеңе табылмады"),
    "copied.plain": ("Copied the citation of {id}", "{id} дәйексөзі көшірілді"),
    "copied.markdown": (
        "Copied the Markdown citation of {id}",
        "{id} Markdown дәйексөзі көшірілді",
    ),
    "copied.json": ("Copied the JSON of {id}", "{id} JSON көшірілді"),
    "copy.none": (
        "Select a fact first: only facts are cited",
        "Алдымен дерек таңдаңыз: тек деректерге сілтеме беріледі",
    ),
    "language": ("Language: English", "Тіл: қазақша"),
    "key.copy": ("Copy", "Көшіру"),
    "key.markdown": ("Markdown", "Markdown"),
    "key.json": ("JSON", "JSON"),
    "key.lang": ("Language", "Тіл"),
    "key.view": ("View", "Көрініс"),
    "key.search": ("Search", "Іздеу"),
    "key.quit": ("Quit", "Шығу"),
    "bad_date": (
        "Not a date: {text!r} (YYYY, YYYY-MM or YYYY-MM-DD)",
        "Күн емес: {text!r} (ЖЖЖЖ, ЖЖЖЖ-АА не ЖЖЖЖ-АА-КК)",
    ),
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The interface word ``key`` in ``lang``, with ``values`` filled in."""
    english, kazakh = _WORDS[key]
    return (kazakh if lang == "kk" else english).format(**values)
