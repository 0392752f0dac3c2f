"""Print an Answer in the chosen format: data to stdout once, messages to stderr."""

from __future__ import annotations

import os
import sys

from cis_facts.answer import Answer
from cis_facts.inert import say
from cis_facts.options import RAW_CELLS
from cis_facts.safety import json_for_stream, neutralised
from cis_facts.settings import Settings

TABLE_ROWS = 1_000  # rows a terminal table draws; every other format carries all of them
SPREADSHEET_FORMATS = ("csv", "tsv")
JSON_FORMATS = ("json", "jsonl")


def default_format() -> str:
    """``table`` when stdout is a terminal, ``plain`` when it is piped or redirected."""
    stream = sys.stdout
    return "table" if stream.isatty() else "plain"


def emit(answer: Answer, format_: str | None, fields: str | None, color: str) -> None:
    """Render ``answer`` and write it; warnings go to stderr."""
    from cis_facts.fields import with_fields
    from cis_facts.render.machine import select_fields

    answer, fields = with_fields(answer, fields)
    for warning in answer.warnings:
        say(f"cis-facts: {warning}")
    chosen = select_fields(answer, fields)
    fmt = format_ or default_format()
    if fmt != "table":
        for caveat in answer.caveats:
            say(f"cis-facts: {caveat}")
    stdout = sys.stdout
    try:
        if fmt == "table":
            text = _draw(answer, chosen if fields else answer.columns, color)
        else:
            text = _text(answer, fmt, chosen)
        _write(text)
        stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)


def _text(answer: Answer, fmt: str, fields: tuple[str, ...]) -> str:
    """The answer in a machine format, made safe for where it goes."""
    from cis_facts.render.machine import RENDERERS

    if fmt in SPREADSHEET_FORMATS and not raw_cells():
        answer = neutralised(answer)
    text = RENDERERS[fmt](answer, fields)
    if fmt in JSON_FORMATS:
        text = json_for_stream(text, sys.stdout)
    return text


def raw_cells() -> bool:
    """Whether ``--raw-cells`` was given to the running command."""
    import click

    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get(RAW_CELLS))


def _draw(answer: Answer, columns: tuple[str, ...], color: str) -> str:
    from cis_facts.i18n import headers
    from cis_facts.render import terminal

    if columns != answer.columns:
        answer = answer.replace(columns=columns, headers=headers(columns, answer.lang))
    answer, left_out = table_answer(answer)
    console = terminal.make_console(sys.stdout, color, width=None)
    with console.capture() as captured:
        terminal.render(answer, console)
    if left_out:
        say(
            f"cis-facts: the table shows the first {TABLE_ROWS:,} of "
            f"{TABLE_ROWS + left_out:,} rows; --format plain, csv or json gives them all"
        )
    return captured.get()


def table_answer(answer: Answer) -> tuple[Answer, int]:
    """``answer`` cut to the rows a terminal table draws, and how many were left out.

    Drawing a table costs about a millisecond a row (Rich measures every cell), and no
    one reads ten thousand rows on a terminal.
    """
    left_out = len(answer.records) - TABLE_ROWS
    if left_out <= 0:
        return answer, 0
    return answer.replace(records=answer.records[:TABLE_ROWS]), left_out


def _write(text: str) -> None:
    """The one place output leaves: to stdout, or through a pager on a tall terminal page."""
    from cis_facts import pager

    if not sys.stdout.isatty():  # the common scripted case pays for nothing more
        sys.stdout.write(text)
        return
    import click

    ctx = click.get_current_context(silent=True)
    settings = ctx.find_object(Settings) if ctx is not None else None
    pager.show(text, sys.stdout, enabled=settings is None or settings.pager)


def _silence_stdout() -> None:
    """After the reader closed the pipe, send the rest (and the exit flush) nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
