"""Click's own messages (usage errors, bad values, missing arguments) in Kazakh and Russian.

Click words its messages through ``gettext``, looked up by each of its modules as ``_``
and ``ngettext``. :func:`speak` puts a lookup in this module's tables in their place for
one invocation, so ``Error: Invalid value for '--on'`` reads «Ошибка: недопустимое
значение --on» under ``--lang ru``; English (and any message not in a table) is Click's
own. The language comes from the command line and the locale, before Click parses them.
"""

# Imported where used: the words of Click's messages load when a message is written, never on a
# call that succeeds.

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import get_args

from cis_facts.model import Lang

# Click's message ids, and their words; ``{name!r}`` fields are quoted with «» instead.
WORDS: Mapping[str, Mapping[str, str]] = {
    "ru": {
        "Usage:": "Использование:",
        "Try '{command} {option}' for help.": "Справка: {command} {option}",
        "Error: {message}": "Ошибка: {message}",
        "Invalid value for {param_hint}: {message}": (
            "недопустимое значение {param_hint}: {message}"
        ),
        "Invalid value: {message}": "недопустимое значение: {message}",
        "Missing argument": "не указан аргумент",
        "Missing option": "не указан параметр",
        "Missing parameter": "не указан параметр",
        "Missing parameter: {param_name}": "не указан параметр: {param_name}",
        "Missing command.": "не указана команда.",
        "No such option {name!r}.": "нет такого параметра: {name}.",
        "No such command {name!r}.": "нет такой команды: «{name}».",
        "Option {name!r} does not take a value.": "параметр {name} не принимает значения.",
        "{value!r} is not a valid {number_type}.": "«{value}» — не {number_type}.",
        "integer": "целое число",
        "float": "число",
        "{value} is not in the range {range}.": "{value} — вне диапазона {range}.",
        "File": "Файл",
        "Directory": "Каталог",
        "Path": "Путь",
        "{name} {filename!r} does not exist.": "{name} «{filename}» не существует.",
        "{name} {filename!r} is a directory.": "{name} «{filename}» — это каталог.",
        "{name} {filename!r} is a file.": "{name} «{filename}» — это файл.",
        "{name} {filename!r} is not readable.": "{name} «{filename}» недоступен для чтения.",
        "{name} {filename!r} is not writable.": "{name} «{filename}» недоступен для записи.",
        "Could not open file {filename!r}: {message}": (
            "не удалось открыть файл «{filename}»: {message}"
        ),
        "Aborted!": "Прервано!",
    },
    "kk": {
        "Usage:": "Қолданылуы:",
        "Try '{command} {option}' for help.": "Анықтама: {command} {option}",
        "Error: {message}": "Қате: {message}",
        "Invalid value for {param_hint}: {message}": "{param_hint} мәні жарамсыз: {message}",
        "Invalid value: {message}": "мән жарамсыз: {message}",
        "Missing argument": "аргумент берілмеген:",
        "Missing option": "параметр берілмеген:",
        "Missing parameter": "параметр берілмеген:",
        "Missing parameter: {param_name}": "параметр берілмеген: {param_name}",
        "Missing command.": "команда берілмеген.",
        "No such option {name!r}.": "мұндай параметр жоқ: {name}.",
        "No such command {name!r}.": "мұндай команда жоқ: «{name}».",
        "Option {name!r} does not take a value.": "{name} параметрі мән қабылдамайды.",
        "{value!r} is not a valid {number_type}.": "«{value}» – {number_type} емес.",
        "integer": "бүтін сан",
        "float": "сан",
        "{value} is not in the range {range}.": "{value} {range} аралығынан тыс.",
        "File": "Файл",
        "Directory": "Каталог",
        "Path": "Жол",
        "{name} {filename!r} does not exist.": "{name} «{filename}» жоқ.",
        "{name} {filename!r} is a directory.": "{name} «{filename}» – каталог.",
        "{name} {filename!r} is a file.": "{name} «{filename}» – файл.",
        "{name} {filename!r} is not readable.": "{name} «{filename}» оқылмайды.",
        "{name} {filename!r} is not writable.": "{name} «{filename}» жазылмайды.",
        "Could not open file {filename!r}: {message}": "«{filename}» файлы ашылмады: {message}",
        "Aborted!": "Тоқтатылды!",
    },
}

# Messages with a singular and a plural id: (singular, plural) -> (one, other).
PLURAL_WORDS: Mapping[str, Mapping[tuple[str, str], tuple[str, str]]] = {
    "ru": {
        ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
            "«{value}» — не {choice}.",
            "«{value}» — не одно из значений: {choices}.",
        ),
        ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
            "параметру {name} нужно значение.",
            "параметру {name} нужно значений: {nargs}.",
        ),
        ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
            "лишний аргумент ({args})",
            "лишние аргументы ({args})",
        ),
        ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
            "Возможно, имелось в виду {possibility}?",
            "(Возможно, имелось в виду одно из: {possibilities})",
        ),
    },
    "kk": {
        ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
            "«{value}» – {choice} емес.",
            "«{value}» – мына мәндердің бірі емес: {choices}.",
        ),
        ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
            "{name} параметріне мән керек.",
            "{name} параметріне {nargs} мән керек.",
        ),
        ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
            "артық аргумент ({args})",
            "артық аргументтер ({args})",
        ),
        ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
            "Мүмкін, {possibility} болар?",
            "(Мүмкін, мыналардың бірі болар: {possibilities})",
        ),
    },
}

# Click's modules that word messages through ``_`` and ``ngettext``.
_CLICK_MODULES = (
    "click.core",
    "click.exceptions",
    "click.types",
    "click.parser",
    "click.formatting",
    "click.decorators",
    "click.termui",
)

_LANGS: tuple[str, ...] = get_args(Lang)
_spoken: list[Lang] = ["en"]


def spoken() -> Lang:
    """The language :func:`speak` last set: the language of this invocation's errors."""
    return _spoken[0]


def language_of(args: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language a command line asks for (its last ``--lang``), else the locale's."""
    from cis_facts.settings import default_lang

    chosen: Lang | None = None
    for i, arg in enumerate(args):
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None and value.lower() in _LANGS:
            chosen = _as_lang(value.lower())
    return chosen or default_lang(environ)


def _as_lang(code: str) -> Lang:
    return next(lang for lang in get_args(Lang) if lang == code)


def speak(lang: Lang) -> None:
    """Word Click's messages in ``lang`` from now on (English: Click's own words)."""
    _spoken[0] = lang
    words = WORDS.get(lang, {})
    plurals = PLURAL_WORDS.get(lang, {})

    def gettext(message: str) -> str:
        return words.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        forms = plurals.get((singular, plural))
        if forms is None:
            return singular if n == 1 else plural
        return forms[0] if n == 1 else forms[1]

    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def said(key: str, english: str, **fields: object) -> str:
    """A message of this tool's own for a Click error: ``english`` under English, else the
    i18n table's ``error.<key>`` in the language of this invocation."""
    lang = spoken()
    if lang == "en":
        return english
    from cis_facts.i18n import word

    return word(f"error.{key}", lang, **fields)
