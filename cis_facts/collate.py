"""Sort order of names by the alphabet of the chosen language."""

from __future__ import annotations

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
# Code point order puts Ё after Я; the alphabet puts it after Е.
RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
COLLATIONS: dict[str, dict[str, int]] = {
    "kk": {letter: index for index, letter in enumerate(KAZAKH_ALPHABET)},
    "ru": {letter: index for index, letter in enumerate(RUSSIAN_ALPHABET)},
}


def sort_key(text: str, lang: str) -> tuple[int, ...]:
    """Order by the language's alphabet (Kazakh: А Ә Б … Ғ … Қ … Ң … Ө … Ұ Ү … І …).

    Letters outside the alphabet (Latin, digits) follow it, in code point order.
    """
    order = COLLATIONS.get(lang)
    folded = text.casefold()
    if order is None:
        return tuple(ord(c) for c in folded)
    return tuple(order[c] if c in order else 1_000 + ord(c) for c in folded)
