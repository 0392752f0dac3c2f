"""The browser's own interface words, in English, Kazakh and Russian."""

from __future__ import annotations

from cis_facts.model import Lang

_WORDS: dict[str, tuple[str, str, str]] = {
    "search": (
        "Search: a question or words; @1993-12 for members on a date",
        "Іздеу: сұрақ не сөздер; @1993-12 — сол күнгі мүшелер",
        "Поиск: вопрос или слова; @1993-12 — члены на эту дату",
    ),
    "value": ("Value", "Мәні", "Значение"),
    "date": ("Date", "Күні", "Дата"),
    "period": ("Period", "Кезеңі", "Период"),
    "quote": ("Quote", "Дәйексөз", "Цитата"),
    "context": ("In the source text", "Дереккөз мәтінінде", "В исходном тексте"),
    "note": ("Note", "Ескерту", "Примечание"),
    "document": ("Document", "Құжат", "Документ"),
    "source": ("Source", "Дереккөз", "Источник"),
    "related": ("Related facts", "Байланысты деректер", "Связанные факты"),
    "names": ("Names", "Атаулары", "Названия"),
    "status": ("Status", "Мәртебесі", "Статус"),
    "nothing": (
        "Nothing matches {query!r}",
        "{query!r} бойынша ештеңе табылмады",
        "По запросу «{query}» ничего не найдено",
    ),
    "copied.plain": (
        "Copied the citation of {id}",
        "{id} дәйексөзі көшірілді",
        "Ссылка на {id} скопирована",
    ),
    "copied.markdown": (
        "Copied the Markdown citation of {id}",
        "{id} Markdown дәйексөзі көшірілді",
        "Ссылка на {id} в Markdown скопирована",
    ),
    "copied.json": ("Copied the JSON of {id}", "{id} JSON көшірілді", "JSON факта {id} скопирован"),
    "copy.none": (
        "Select a fact first: only facts are cited",
        "Алдымен дерек таңдаңыз: тек деректерге сілтеме беріледі",
        "Сначала выберите факт: ссылки даются только на факты",
    ),
    "language": ("Language: English", "Тіл: қазақша", "Язык: русский"),
    "key.copy": ("Copy", "Көшіру", "Копировать"),
    "key.markdown": ("Markdown", "Markdown", "Markdown"),
    "key.json": ("JSON", "JSON", "JSON"),
    "key.lang": ("Language", "Тіл", "Язык"),
    "key.view": ("View", "Көрініс", "Вид"),
    "key.search": ("Search", "Іздеу", "Поиск"),
    "key.quit": ("Quit", "Шығу", "Выход"),
    "bad_date": (
        "Not a date: {text!r} (YYYY, YYYY-MM or YYYY-MM-DD)",
        "Күн емес: {text!r} (ЖЖЖЖ, ЖЖЖЖ-АА не ЖЖЖЖ-АА-КК)",
        "Не дата: «{text}» (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)",
    ),
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The interface word ``key`` in ``lang``, with ``values`` filled in."""
    english, kazakh, russian = _WORDS[key]
    text = {"kk": kazakh, "ru": russian}.get(lang, english)
    return text.format(**values)
