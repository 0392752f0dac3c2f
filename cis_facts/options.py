"""Shared Click options, declared once and applied as decorators."""

# Imported where used: datetime only for `today`, the words of messages only when an option's
# value is wrong.

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from cis_facts.dates import PARTIAL_FORMS, DateFormatError, PartialDate, parse_partial

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES_HELP = """\b
Exit codes:
  0    answer printed (check: the facts are valid), or the reader
       closed the pipe early
  1    nothing found, the fact base is invalid, or writing failed
  2    usage error (bad option, argument or date)
  130  interrupted (Ctrl-C)"""

FORMATS = ("table", "plain", "json", "jsonl", "csv", "tsv", "markdown")
LANGS = ("en", "kk", "ru")


# Existence and readability are checked by the loader, so a missing or unreadable file
# gets the same ``FILE: message`` line and exit code as a broken one. click.Path splits
# the environment variable on os.pathsep.
class _DataPath(click.Path):
    """A fact file path; in CIS_FACTS_DATA, empty entries (``:a.toml``, ``a.toml:``) are
    skipped, as PATH-like variables are read."""

    def split_envvar_value(self, rv: str) -> list[str]:
        return [part for part in super().split_envvar_value(rv) if part]


DATA_PATH = _DataPath(dir_okay=True, readable=False, path_type=str)


class Choice(click.Choice[str]):
    """``click.Choice`` whose errors fit on one line: a missing value lists the choices
    after a colon (Click's own list is one tab-indented line per choice), and a value close
    to a choice (``export``) is answered with that choice."""

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None) -> str:
        from cis_facts.click_words import said

        choices = ", ".join(self._normalized_mapping(ctx=ctx).values())
        return said("choose_from", f"Choose from: {choices}.", choices=choices)

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        from cis_facts.click_words import said
        from cis_facts.text import best_names

        message = super().get_invalid_choice_message(value, ctx)
        close = best_names(str(value), self._normalized_mapping(ctx=ctx).values(), limit=1)
        if not close:
            return message
        hint = said("close_choice", f"Did you mean {close[0]!r}?", choice=close[0])
        return f"{message} {hint}"


def data_option(func: F) -> F:
    return click.option(
        "--data",
        "data",
        type=DATA_PATH,
        multiple=True,
        envvar="CIS_FACTS_DATA",
        metavar="PATH",
        help="Extra fact file added to the packaged base (repeatable; also CIS_FACTS_DATA, "
        "paths separated by the system path separator).",
    )(func)


def lang_option(func: F) -> F:
    return click.option(
        "--lang",
        "lang",
        type=Choice(LANGS, case_sensitive=False),
        default=None,
        help="Language of labels and headings: en (English), kk (Kazakh), ru (Russian); "
        "default: from LC_ALL, LC_MESSAGES or LANG, else en.",
    )(func)


RAW_CELLS = "cis_facts.raw_cells"  # key in click.Context.meta
IDS = "cis_facts.ids"  # key in click.Context.meta
TEMPLATE = "cis_facts.template"  # key in click.Context.meta


def _remember_raw_cells(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    ctx.meta[RAW_CELLS] = value
    return value


def _remember_ids(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    ctx.meta[IDS] = value
    return value


def _remember_template(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    ctx.meta[TEMPLATE] = value


def output_options(func: F) -> F:
    """``--format``, ``--fields``, ``--template``, ``--color``, ``--ids``, ``--raw-cells`` and
    ``--lang`` for every query command. ``--ids``, ``--raw-cells`` and ``--template`` are
    read where the answer is written, not passed on."""
    func = lang_option(func)
    func = click.option(
        "--raw-cells",
        is_flag=True,
        expose_value=False,
        callback=_remember_raw_cells,
        help="csv/tsv: keep text starting with = + - @ as it is (default: prefixed with ' "
        "so that spreadsheets show it instead of running it as a formula).",
    )(func)
    func = click.option(
        "--ids",
        is_flag=True,
        expose_value=False,
        callback=_remember_ids,
        help="table, markdown: a first column with the fact id of each row, to pass to "
        "cite or show (machine formats always carry ids).",
    )(func)
    func = click.option(
        "--color",
        "color",
        type=Choice(("auto", "always", "never"), case_sensitive=False),
        default="auto",
        show_default=True,
        help="Colour in table output (NO_COLOR and FORCE_COLOR honoured).",
    )(func)
    func = click.option(
        "--template",
        default=None,
        metavar="TEXT",
        expose_value=False,
        callback=_remember_template,
        help="One line per record from TEXT, with {field} for a field's value (the names "
        "--fields takes, such as {country.code}; {{ and }} for braces), e.g. "
        "'{date}: {label} — «{quote}»'. --format says how the lines are written.",
    )(func)
    func = click.option(
        "--fields",
        "fields",
        default=None,
        metavar="A,B,...",
        help="Fields to output, in this order (machine formats and markdown).",
    )(func)
    return click.option(
        "--format",
        "-f",
        "format_",
        type=Choice(FORMATS, case_sensitive=False),
        default=None,
        help="Output format (default: table on a terminal, plain when piped).",
    )(func)


def parse_date_option(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> PartialDate | None:
    """Click callback: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``today`` or ``now``, else a
    usage error (exit 2)."""
    if value is None:
        return None
    if value.strip().casefold() in ("today", "now"):
        from datetime import date

        value = date.today().isoformat()
    try:
        return parse_partial(value)
    except DateFormatError as exc:
        # The option also takes today; the fact-file message names only the written forms.
        message = str(exc).replace(PARTIAL_FORMS, "YYYY, YYYY-MM, YYYY-MM-DD or today")
        if exc.key is not None:
            from cis_facts.click_words import said

            message = said(exc.key, message, **exc.fields)
        raise click.BadParameter(message, ctx=ctx, param=param) from exc


def date_option(*names: str, help: str) -> Callable[[F], F]:
    return click.option(
        *names,
        default=None,
        metavar="DATE",
        callback=parse_date_option,
        help=help + " (YYYY-MM-DD, YYYY-MM, YYYY, or today).",
    )
