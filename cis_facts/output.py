"""The one output path: every command's answer is rendered here and written once.

Data goes to the Environment's stdout, messages to its stderr. The terminal's state
(TTY or not, width, NO_COLOR) comes from the Environment, never from ``sys`` or ``os``.
On the way out data stays data: spreadsheet formulas are neutralised in csv and tsv, JSON
is made valid for the stream's encoding (``cis_facts.safety``). A page taller than the
terminal goes through the pager (``cis_facts.pager``), at one point: ``_write``.
"""

# Imported where used: the render layer loads when an answer is written; Rich (about 107 million
# instructions, 63 % of `import click`, benchmarks/instructions.py) only for a table.

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import click

from cis_facts.options import IDS, RAW_CELLS, TEMPLATE
from cis_facts.settings import Settings
from cis_facts.streams import say

TABLE_ROWS = 1_000  # rows a terminal table draws; every other format carries all of them
SPREADSHEET_FORMATS = ("csv", "tsv")
JSON_FORMATS = ("json", "jsonl")
MACHINE_FORMATS = ("json", "jsonl", "csv", "tsv", "plain")

if TYPE_CHECKING:
    from cis_facts.answer import Answer
    from cis_facts.environment import Environment
    from cis_facts.model import Lang
    from cis_facts.render.localized import Localized
    from cis_facts.render.views import View


def default_format(env: Environment) -> str:
    """``table`` when stdout is a terminal, ``plain`` when it is piped or redirected."""
    return "table" if env.stdout_isatty else "plain"


def emit(
    env: Environment,
    answer: Answer,
    lang: Lang,
    format_: str | None,
    fields: str | None,
    color: str,
) -> None:
    """Render ``answer`` in ``lang`` in the chosen format and write it; warnings go to
    stderr."""
    from cis_facts.fields import with_fields
    from cis_facts.render import views
    from cis_facts.render.localized import localize
    from cis_facts.render.machine import select_fields

    shown = localize(answer, lang)

    template = _option(TEMPLATE)
    if template is not None:
        _emit_template(env, shown, template, format_, fields)
        return
    shown, fields = with_fields(shown, fields)
    chosen = select_fields(shown, fields)
    fmt = format_ or default_format(env)
    left_out = 0
    if fmt == "table":
        shown, left_out = table_answer(shown)
    view = views.view(shown, draw=fmt in ("table", "markdown"))
    if fmt in ("table", "markdown") and not fields and _option(IDS):
        view = views.with_ids(view)
    for warning in view.warnings:
        message(env, warning)
    if fmt not in ("table", "markdown"):
        for caveat in view.caveats:
            message(env, caveat)
    if view.text and format_ is None and not fields:
        from cis_facts.safety import json_for_stream

        text = json_for_stream(view.text, env.out) if view.text_is_json else view.text
        _write(env, text + "\n")  # text to paste reads the same on a terminal or in a pipe
        return
    if fmt == "table":
        _write(env, _draw(env, view, chosen if fields else None, color))
        if left_out:
            message(
                env,
                f"the table shows the first {TABLE_ROWS:,} of {TABLE_ROWS + left_out:,} rows; "
                "--format plain, csv or json gives them all",
            )
        return
    if fmt in MACHINE_FORMATS and not env.stdout_isatty:  # no pager: written as it is made
        _write_pieces(env, _pieces(env, view, fmt, chosen if fields else None))
        return
    _write(env, _text(env, view, fmt, chosen if fields else None))


def _pieces(
    env: Environment, view: View, fmt: str, fields: tuple[str, ...] | None
) -> Iterator[str]:
    """The view in a machine format, record by record, made safe for where it goes (as
    ``_text`` makes it whole)."""
    from cis_facts.render.formats import render_pieces
    from cis_facts.safety import ascii_json, is_utf, neutralise

    spreadsheet = fmt in SPREADSHEET_FORMATS and not raw_cells()
    pieces = render_pieces(view, fmt, fields, neutralise if spreadsheet else None)
    if fmt not in JSON_FORMATS or is_utf(env.out):
        yield from pieces
    else:
        yield from map(ascii_json, pieces)


def _text(env: Environment, view: View, fmt: str, fields: tuple[str, ...] | None) -> str:
    """The view in a text format, made safe for where it goes."""
    from cis_facts.render.formats import render_text
    from cis_facts.safety import json_for_stream, neutralise

    if fmt in SPREADSHEET_FORMATS and not raw_cells():
        view = view.replace(records=tuple(neutralise(record) for record in view.records))
    text = render_text(view, fmt, fields)
    if fmt in JSON_FORMATS:
        text = json_for_stream(text, env.out)
    return text


def raw_cells() -> bool:
    """Whether ``--raw-cells`` was given to the running command."""
    return bool(_option(RAW_CELLS))


def _option(key: str) -> object:
    """A value an option left in the running command's context (``--raw-cells``, ...)."""
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(key) if ctx is not None else None


def _emit_template(
    env: Environment, answer: Localized, template: object, format_: str | None, fields: str | None
) -> None:
    """``--template``: the records' own lines, in the chosen format; warnings to stderr."""
    from cis_facts import template as lines
    from cis_facts.errors import UsageError
    from cis_facts.fields import with_fields
    from cis_facts.render import views
    from cis_facts.render.machine import select_fields
    from cis_facts.safety import json_for_stream, neutralise

    if fields is not None:
        raise UsageError(
            "--template and --fields cannot be used together", key="template_and_fields"
        )
    parts = lines.parse(str(template))
    answer, names = with_fields(answer, ",".join(lines.names(parts)) or None)
    if names:
        select_fields(answer, names)
    view = views.for_machines(views.view(answer))
    for warning in (*view.warnings, *view.caveats):
        message(env, warning)
    fmt = format_ or "plain"
    text = lines.render(parts, view.records, fmt, str if raw_cells() else neutralise)
    _write(env, json_for_stream(text, env.out) if fmt in JSON_FORMATS else text)


def table_answer(answer: Localized) -> tuple[Localized, int]:
    """``answer`` cut to the rows a terminal table draws, and how many were left out.

    Drawing a table costs about a millisecond a row (Rich measures every cell), and no
    one reads ten thousand rows on a terminal.
    """
    left_out = len(answer.records) - TABLE_ROWS
    if left_out <= 0:
        return answer, 0
    cut = TABLE_ROWS
    return answer.replace(records=answer.records[:cut], rows=answer.rows[:cut]), left_out


def _draw(env: Environment, view: View, fields: tuple[str, ...] | None, color: str) -> str:
    """The view drawn as a terminal table, as text (so a tall page can be paged)."""
    from cis_facts.render import terminal, views

    if fields is not None:
        view = views.with_columns(view, fields)
    console = terminal.make_console(env, color)
    with console.capture() as captured:
        terminal.render(view, console)
    return captured.get()


def _write(env: Environment, text: str) -> None:
    """The one place an answer leaves: to stdout, or through a pager on a tall terminal page."""
    stream = env.out

    def action() -> None:
        if not env.stdout_isatty:  # the common scripted case pays for nothing more
            stream.write(text)
        else:
            from cis_facts import pager

            pager.show(text, stream, enabled=_pager_enabled(), environ=env.environ)
        stream.flush()

    _guarded(action)


def _write_pieces(env: Environment, pieces: Iterable[str]) -> None:
    """Write ``pieces`` to stdout as they come (stdout is no terminal: no pager)."""
    stream = env.out

    def action() -> None:
        for piece in pieces:
            stream.write(piece)
        stream.flush()

    _guarded(action)


def _pager_enabled() -> bool:
    ctx = click.get_current_context(silent=True)
    settings = ctx.find_object(Settings) if ctx is not None else None
    return settings is None or settings.pager


def write(env: Environment, text: str) -> None:
    """Write ``text`` to stdout as it is (no pager); a closed pipe ends the call quietly."""
    stream = env.out

    def action() -> None:
        stream.write(text)
        stream.flush()

    _guarded(action)


def message(env: Environment, text: str) -> None:
    """One message line (or several) on stderr, prefixed with the program name."""
    say(f"cis-facts: {text}", env.stderr)  # None: the process stderr, dropped if it is gone


def _guarded(action: Callable[[], object]) -> None:
    try:
        action()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)


def _silence_stdout() -> None:
    """After the reader closed the pipe, send the rest (and the exit flush) nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
