"""Shared Click options, declared once and applied as decorators."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "plain", "json", "jsonl", "csv", "tsv", "markdown")
LANGS = ("en", "kk")


class DataPath(click.ParamType):
    """A fact-file path; the environment variable splits on ``os.pathsep``.

    Existence is checked by the loader, so a missing or unreadable file gets the
    same ``FILE: message`` line and exit code as a broken one.
    """

    name = "path"
    envvar_list_splitter = os.pathsep

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        return os.fspath(value)


def data_option(func: F) -> F:
    return click.option(
        "--data", "data", type=DataPath(), multiple=True, envvar="CIS_FACTS_DATA",
        metavar="PATH",
        help="Extra fact file added to the packaged base (repeatable; also CIS_FACTS_DATA, "
             "paths separated by the system path separator).",
    )(func)


def lang_option(func: F) -> F:
    return click.option(
        "--lang", "lang", type=click.Choice(LANGS), default=None,
        help="Language of labels and headings (default: from LANG, else en).",
    )(func)


def output_options(func: F) -> F:
    """``--format``, ``--fields``, ``--color`` and ``--lang`` for every query command."""
    func = lang_option(func)
    func = click.option(
        "--color", "color", type=click.Choice(("auto", "always", "never")), default="auto",
        show_default=True, help="Colour in table output (NO_COLOR and FORCE_COLOR honoured).",
    )(func)
    func = click.option(
        "--fields", "fields", default=None, metavar="A,B,...",
        help="Fields to output, in this order (machine formats and markdown).",
    )(func)
    return click.option(
        "--format", "-f", "format_", type=click.Choice(FORMATS), default=None,
        help="Output format (default: table on a terminal, plain when piped).",
    )(func)
