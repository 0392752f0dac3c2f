"""Shell completion of country names, fact ids, topics and minerals (Click's protocol).

A completion runs on every Tab press, so it prints nothing but completions: a broken
fact base (packaged or ``--data``/``CIS_FACTS_DATA``) completes to nothing instead of
putting an error into the command line.

A completion never eats what was typed: each value offered begins with the typed text
itself ("Ge" offers "Georgia" and "Germany", not "GE"), so the shell's common prefix
keeps it. For bash, values are escaped for the shell here (a name with spaces or with
``$(...)`` is inserted as inert text), matching a quote the user opened; zsh and fish
quote what they insert themselves.

Enable it with one line in the shell's start-up file::

    eval "$(cis-facts completion bash)"     # ~/.bashrc
    eval "$(cis-facts completion zsh)"      # ~/.zshrc
    cis-facts completion fish | source      # ~/.config/fish/config.fish
"""

# Imported where used: Click's shell-completion module loads only when the shell asks for
# completions.

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

import click

from cis_facts import cache
from cis_facts.errors import FactsError
from cis_facts.loader import ENV_VAR, env_paths, load
from cis_facts.model import FactBase, Lang
from cis_facts.text import fold

if TYPE_CHECKING:  # click.shell_completion is imported only when a shell asks
    from click.shell_completion import CompletionItem

HELP_WIDTH = 60


def _data_paths(ctx: click.Context) -> tuple[str, ...]:
    """``--data`` as parsed so far (Click reads CIS_FACTS_DATA into it too)."""
    data = ctx.find_root().params.get("data")
    if data is None:
        return tuple(env_paths(os.environ.get(ENV_VAR)))
    return tuple(data)


def _base(ctx: click.Context) -> FactBase | None:
    try:
        return load(
            _data_paths(ctx),
            cached=cache.enabled(os.environ),
            cache_dir=cache.directory(os.environ),
        )
    except FactsError:
        return None


def _short(text: str) -> str:
    return text if len(text) <= HELP_WIDTH else text[: HELP_WIDTH - 1] + "…"


def keeping(incomplete: str, name: str) -> str:
    """``name`` spelled so that it begins with ``incomplete`` exactly as typed.

    "kaz" completes to "kazakhstan", not "Kazakhstan": the shell then only adds letters.
    Lookups ignore case and Kazakh letters, so the value still names the same thing.
    """
    if name.startswith(incomplete):
        return name
    head = name[: len(incomplete)]
    if fold(head) == fold(incomplete):
        return incomplete + name[len(incomplete) :]
    return name


def matching(incomplete: str, names: Iterable[str]) -> str | None:
    """The first of ``names`` that starts with ``incomplete`` as typed, else ignoring case
    and Kazakh letters, spelled to keep what was typed; a name that adds letters is
    preferred to one that only repeats the typed text in another case ("ge": georgia)."""
    wanted = fold(incomplete)
    folded: list[str] = []
    for name in names:
        if name.startswith(incomplete):
            return name
        if fold(name).startswith(wanted):
            folded.append(name)
    longer = [n for n in folded if len(n) > len(incomplete)]
    chosen = (longer or folded)[:1]
    return keeping(incomplete, chosen[0]) if chosen else None


def country_names(base: FactBase, incomplete: str) -> list[CompletionItem]:
    """One item per country: its code, name or alias that starts with ``incomplete``.

    A name starting with the text exactly as typed is preferred ("Ge": Georgia, not
    GE); matching also ignores case and Kazakh letters; an empty prefix lists the ISO
    codes.
    """
    from click.shell_completion import CompletionItem

    items = []
    for country in base.countries:
        match = matching(incomplete, country.all_names())
        if match is not None:
            items.append(CompletionItem(match, help=f"{country.name_en} ({country.code})"))
    return items


def words_for(incomplete: str, names: Iterable[str]) -> list[CompletionItem]:
    """Distinct ``names`` that start with ``incomplete``, each spelled to keep it."""
    from click.shell_completion import CompletionItem

    matches = (matching(incomplete, (name,)) for name in names)
    return [CompletionItem(m) for m in dict.fromkeys(m for m in matches if m is not None)]


def fact_ids(base: FactBase, incomplete: str) -> list[CompletionItem]:
    """Fact ids starting with ``incomplete``, each with its English label as help."""
    from click.shell_completion import CompletionItem

    wanted = fold(incomplete)
    return [
        CompletionItem(fact.id, help=_short(fact.label_en))
        for fact in base.facts()
        if fact.id.startswith(wanted)
    ]


def complete_country(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """``shell_complete`` callback for a country argument or option.

    The country argument of ``country`` takes a name of several words without quotes:
    the words typed before this one start the name (``United K`` offers ``Kingdom``).
    """
    base = _base(ctx)
    if base is None:
        return []
    before = ctx.params.get(param.name or "") if param.nargs == -1 else None
    if not before:
        return country_names(base, incomplete)
    from click.shell_completion import CompletionItem

    typed = " ".join(before) + " "
    items = []
    for item in country_names(base, typed + incomplete):
        value = item.value[len(typed) :]
        if value and fold(item.value[: len(typed)]) == fold(typed):
            items.append(CompletionItem(value, help=item.help))
    return items


def complete_topic(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """``shell_complete`` callback for a topic of ``figures`` or ``statements``."""
    base = _base(ctx)
    if base is None:
        return []
    facts = base.statements if ctx.command.name == "statements" else base.figures
    return words_for(incomplete, dict.fromkeys(f.topic for f in facts))


def complete_mineral(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """``shell_complete`` callback for ``--mineral``: the names in the answer's language
    (``--lang``, else the locale's); the other languages' when none of those matches."""
    base = _base(ctx)
    if base is None:
        return []
    lang = _lang(ctx)
    own = words_for(incomplete, [r.mineral(lang) for r in base.rankings])
    if own:
        return own
    minerals = [(r.mineral_en, r.mineral_kk, r.mineral_ru) for r in base.rankings]
    return words_for(incomplete, [n for names in minerals for n in names if n])


def _lang(ctx: click.Context) -> Lang:
    """The language the command would answer in: its ``--lang``, the group's, the locale's."""
    from cis_facts.settings import default_lang

    for given in (ctx.params.get("lang"), ctx.find_root().params.get("lang")):
        if isinstance(given, str) and given.lower() in ("en", "kk", "ru"):
            return cast("Lang", given.lower())
    return default_lang(os.environ)


def complete_fact_id(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """``shell_complete`` callback for a fact id argument."""
    base = _base(ctx)
    return fact_ids(base, incomplete) if base is not None else []


# Characters bash gives a meaning to outside quotes; each is escaped with a backslash.
_BASH_SPECIAL = frozenset(" \t\n\\'\"`$|&;<>()[]{}*?!#~=%^,")


def bash_escaped(value: str, opened: str = "") -> str:
    """``value`` as text bash inserts literally, inside the quote the word opened, if any."""
    if opened == "'":
        return value.replace("'", "'\\''")
    if opened == '"':
        return "".join("\\" + c if c in '\\"$`' else c for c in value)
    return "".join("\\" + c if c in _BASH_SPECIAL else c for c in value)


QUOTE_VAR = "CIS_FACTS_COMP_QUOTE"


def register() -> None:
    """Make Click's ``bash`` completion the escaping one below (before a shell asks)."""
    from click.shell_completion import BashComplete, add_completion_class

    class EscapingBashComplete(BashComplete):
        """Bash completion whose values are escaped for the shell, so they run as typed."""

        source_template = _BASH_TEMPLATE

        def format_completion(self, item: CompletionItem) -> str:
            if item.type != "plain":
                return super().format_completion(item)
            opened = os.environ.get(QUOTE_VAR, "")
            if opened not in ("'", '"'):
                opened = ""
            return "plain," + bash_escaped(item.value, opened)

    add_completion_class(EscapingBashComplete, "bash")


def script(command: click.Command, shell: str, prog_name: str = "cis-facts") -> str:
    """The script that enables completion of ``command`` in ``shell`` (bash, zsh or fish)."""
    from click.shell_completion import get_completion_class

    register()
    complete_class = get_completion_class(shell)
    if complete_class is None:
        raise ValueError(f"no completion for shell {shell!r}")
    var = "_" + prog_name.replace("-", "_").upper() + "_COMPLETE"
    return complete_class(command, {}, prog_name, var).source()


# Like Click's own, but values arrive escaped (see bash_escaped) and are added whole,
# never split or glob-expanded; the quote the current word opened is passed along.
_BASH_TEMPLATE = """\
%(complete_func)s() {
    local IFS=$'\\n'
    local response completion
    response=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \\
        CIS_FACTS_COMP_QUOTE="${COMP_WORDS[COMP_CWORD]:0:1}" \\
        %(complete_var)s=bash_complete $1)
    COMPREPLY=()
    for completion in $response; do
        case ${completion%%%%,*} in
            dir) COMPREPLY=(); compopt -o dirnames ;;
            file) COMPREPLY=(); compopt -o default ;;
            plain) COMPREPLY+=("${completion#*,}") ;;
        esac
    done
    return 0
}

%(complete_func)s_setup() {
    complete -o nosort -F %(complete_func)s %(prog_name)s
}

%(complete_func)s_setup;
"""
