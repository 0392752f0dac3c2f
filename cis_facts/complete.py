"""Shell completion of country names and fact ids, through Click's ``shell_complete`` hook.

A completion runs on every Tab press, so it prints nothing but completions: a broken
fact base (packaged or ``--data``/``CIS_FACTS_DATA``) completes to nothing instead of
putting an error into the command line.

Enable it with one line in the shell's start-up file::

    eval "$(_CIS_FACTS_COMPLETE=bash_source cis-facts)"     # ~/.bashrc
    eval "$(_CIS_FACTS_COMPLETE=zsh_source cis-facts)"      # ~/.zshrc
    _CIS_FACTS_COMPLETE=fish_source cis-facts | source      # ~/.config/fish/config.fish
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from cis_facts.errors import FactsError
from cis_facts.loader import ENV_VAR, env_paths, load
from cis_facts.model import FactBase
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
        return load(_data_paths(ctx))
    except FactsError:
        return None


def _short(text: str) -> str:
    return text if len(text) <= HELP_WIDTH else text[: HELP_WIDTH - 1] + "…"


def country_names(base: FactBase, incomplete: str) -> list[CompletionItem]:
    """One item per country: its first code, name or alias that starts with ``incomplete``.

    Matching ignores case and Kazakh letters; an empty prefix lists the ISO codes.
    """
    from click.shell_completion import CompletionItem

    wanted = fold(incomplete)
    items = []
    for country in base.countries:
        match = next((n for n in country.all_names() if fold(n).startswith(wanted)), None)
        if match is not None:
            items.append(CompletionItem(match, help=f"{country.name_en} ({country.code})"))
    return items


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
    """``shell_complete`` callback for a country argument or option."""
    base = _base(ctx)
    return country_names(base, incomplete) if base is not None else []


def complete_fact_id(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """``shell_complete`` callback for a fact id argument."""
    base = _base(ctx)
    return fact_ids(base, incomplete) if base is not None else []
