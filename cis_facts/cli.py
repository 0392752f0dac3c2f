"""Click commands: parse options, load, query, render. Nothing else lives here."""

# Imported where used: the query and render layers load when the command runs, not when Click
# lists the commands for --help or completes a word: about 27 million instructions, 16 % of
# `import click` (benchmarks/instructions.py). Export targets, completion and the words of
# messages load only for the command or error that needs them.

from __future__ import annotations

import gc

# A short-lived process that builds many small objects: collect cycles far less often (as
# mypy does). Set before Click and the rest are imported, which alone saves ~3 ms a call;
# with large --data files the default thresholds cost a quarter of the time.
gc.set_threshold(200_000, 30, 30)

import importlib
import os
import sys
from collections.abc import Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

import click

from cis_facts import collector, streams
from cis_facts.commands import LAZY, RUNNING
from cis_facts.environment import Environment
from cis_facts.errors import (
    PROBLEM_LIMIT,
    ExitCode,
    FactsError,
    NotFoundError,
    QuotesNotFoundError,
    Terminated,
)
from cis_facts.inert import MESSAGE_CLIP, clip, quoted, visible
from cis_facts.options import EXIT_CODES_HELP, Choice, data_option, lang_option
from cis_facts.output import message, write
from cis_facts.settings import Settings
from cis_facts.version import __version__

COMPLETE_VAR = "_CIS_FACTS_COMPLETE"

if TYPE_CHECKING:
    from cis_facts.model import FactBase, Lang, Source


class FactsGroup(click.Group):
    """A group that reports FactsError as one stderr line per problem and a named exit code.

    Query commands are imported on first use (``cis_facts.commands.LAZY``), so a call
    pays only for the command it runs.
    """

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        """Click's own messages in the language the command line and locale ask for."""
        from cis_facts.click_words import language_of, speak

        given = list(sys.argv[1:] if args is None else args)
        obj = extra.get("obj")
        environ = obj.environ if isinstance(obj, Environment) else os.environ
        speak(language_of(given, environ))
        return super().main(given, *rest, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY})

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self._hoisted(ctx, self._lowered(ctx, args)))

    def _lowered(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``args`` with the command's own options that precede it moved after it.

        ``cis-facts -f json members`` then means ``cis-facts members -f json``. Each word
        that names a command is tried in turn: the words before it must all be options of
        the group or of that command (with their values); otherwise ``args`` stay as they
        are, for Click to report.
        """
        names = set(self.list_commands(ctx))
        for at, name in enumerate(args):
            if name == "--":
                break
            if name not in names or at == 0:
                continue
            command = self.get_command(ctx, name)
            moved = None if command is None else _options_before(self, command, args[:at])
            if moved is not None:
                if not moved:
                    return args
                kept = [arg for i, arg in enumerate(args[:at]) if i not in moved]
                own = [args[i] for i in sorted(moved)]
                return [*kept, name, *own, *args[at + 1 :]]
        return args

    def _hoisted(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``args`` with the group's options that follow the command moved before it.

        ``cis-facts members --data my.toml`` then means ``cis-facts --data my.toml
        members``; an option the command has itself (its own ``--lang``) stays put.
        """
        valued = {o for p in self.params if not getattr(p, "is_flag", False) for o in p.opts}
        flags = {o for p in self.params if getattr(p, "is_flag", False) for o in p.opts}
        at = _command_position(args, valued)
        if at is None:
            return args
        command = self.get_command(ctx, args[at])
        if command is None:
            return args
        own = {o for p in command.params for o in p.opts}
        movable = valued - own
        movable_flags = flags - own - {"--help", "-h", "--version"}
        moved: list[str] = []
        rest: list[str] = []
        tail = args[at + 1 :]
        i = 0
        while i < len(tail):
            arg = tail[i]
            if arg == "--":
                rest.extend(tail[i:])
                break
            name = arg.partition("=")[0]
            if arg in movable_flags or (name in movable and "=" in arg):
                moved.append(arg)
            elif arg in movable and i + 1 < len(tail):
                moved.extend(tail[i : i + 2])
                i += 1
            else:
                rest.append(arg)
            i += 1
        return [*args[:at], *moved, args[at], *rest]

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """An unknown command is a usage error naming the closest command, if one is close."""
        name = args[0] if args else ""
        if args and self.get_command(ctx, name) is None and not name.startswith("-"):
            from cis_facts.click_words import spoken
            from cis_facts.i18n import word
            from cis_facts.text import best_names

            close = best_names(name, self.list_commands(ctx), limit=1)
            lang = spoken()
            if lang == "en":
                hint = f" Did you mean {close[0]!r}?" if close else ""
                raise click.UsageError(f"No such command {name!r}.{hint}", ctx)
            text = word("error.no_command", lang, name=name)
            if close:
                text += word("error.did_you_mean", lang, names=close[0])
            raise click.UsageError(text, ctx)
        if name not in RUNNING:
            # A command that answers once makes its answer's rows and records, all alive
            # until it is written and none in a cycle: a collection meanwhile walks them
            # for nothing (figures of 100,000 facts: the query 0.97 s with the collector,
            # 0.34 s without). The collector is back as it was when the group's context
            # closes.
            ctx.with_resource(collector.paused())
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY and cmd_name not in self.commands:
            module_name, _, attribute = LAZY[cmd_name].partition(":")
            command = getattr(importlib.import_module(module_name), attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FactsError as exc:
            for line in _error_lines(exc, ctx.obj):
                streams.say(f"cis-facts: {clip(line, MESSAGE_CLIP)}")
            ctx.exit(int(exc.exit_code))


def _error_lines(exc: FactsError, settings: object) -> list[str]:
    """The error's lines, in the answer's language where the i18n tables say it."""
    lang = settings.lang_used if isinstance(settings, Settings) else None
    if exc.key and lang is not None:
        from cis_facts.i18n import maybe_word

        template = maybe_word(f"error.{exc.key}", lang)
        if template is not None and lang != "en":
            text = template.format(**_worded_fields(exc.fields, lang))
            if isinstance(exc, NotFoundError) and exc.suggestions:
                hint = maybe_word("error.did_you_mean", lang) or "{names}"
                text += hint.format(names=", ".join(exc.suggestions))
            return [text]
    return str(exc).splitlines()


def _worded_fields(fields: Mapping[str, object], lang: Lang) -> dict[str, object]:
    """An error's fields as the message prints them: a date as people write it (``date``),
    and as a sentence says it, with its preposition (``when``: in 1980, on 3 May 1980); a
    name the base holds in every language (a ``Worded``) in ``lang``."""
    from cis_facts.dates import parse_when
    from cis_facts.render.human import long_when, sentence_when

    worded = {k: v(lang) if callable(v) else v for k, v in fields.items()}
    if isinstance(worded.get("date"), str):
        when = parse_when(str(worded["date"]))
        worded["date"], worded["when"] = long_when(when, lang), sentence_when(when, lang)
    return worded


@click.group(
    cls=FactsGroup, epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]}
)
@data_option
@lang_option
@click.option(
    "--no-pager",
    "no_pager",
    is_flag=True,
    help="Never page output (default on a terminal: through CIS_FACTS_PAGER, PAGER or "
    "less -FRX when taller than the screen).",
)
@click.version_option(__version__, prog_name="cis-facts")
@click.pass_context
def cli(ctx: click.Context, data: tuple[str, ...], lang: str | None, no_pager: bool) -> None:
    """Sourced facts on the Commonwealth of Independent States and Kazakhstan's economy.

    Every answer comes from one Kazakh-language source text and carries the
    verbatim quote it rests on.

    \b
    Examples:
      cis-facts timeline
      cis-facts members --on 1993-12-15
      cis-facts trade exports --format json | jq '.[0]'
      cis-facts --data my-facts.toml check
    """
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.from_system()
    ctx.obj = Settings(data=data, lang=lang, pager=not no_pager, env=env)


@cli.command(epilog=EXIT_CODES_HELP)
@click.option(
    "--source",
    "source_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A text to check its source's quotes against, in place of the packaged copy.",
)
@click.pass_obj
def check(settings: Settings, source_file: str | None) -> None:
    """Validate the loaded fact base and print how many records of each kind it holds.

    Then verify that each quote appears verbatim (runs of white space folded to
    one space) in the text it cites: the source texts shipped with the package,
    or, with --source, the given file in place of the packaged text of the
    source it stands for (a source of your own); the other shipped texts are
    still checked.

    \b
    Examples:
      cis-facts check
      cis-facts check --source my-source.txt    # a copy of the source text of your own
      cis-facts --data extra.toml check
    """
    from cis_facts.i18n import word
    from cis_facts.verify import check_quotes, packaged_texts, unchecked_quotes

    base = settings.base(from_files=True)
    texts = packaged_texts(base)
    if source_file:
        given = _source_text(base, source_file)
        texts = [given, *(text for text in texts if text[0].id != given[0].id)]
    lang = settings.resolve_lang(None)
    lines = [
        f"{kind if lang == 'en' else word(f'check.table.{kind}', lang)}\t{count}"
        for kind, count in base.counts().items()
    ]
    missing: list[str] = []
    shown = 0
    for source, name, text in texts:
        report = check_quotes(base, source, text)
        for origin, record_id, quote in report.missing[: max(0, PROBLEM_LIMIT - shown)]:
            missing.append(
                word(
                    "check.missing.country" if record_id in base.country_index else "check.missing",
                    lang,
                    origin=visible(origin),
                    id=record_id,
                    file=visible(name),
                    quote=quoted(quote),
                )
            )
        shown += len(report.missing)
        found = report.checked - len(report.missing)
        lines.append(
            word(
                "check.quotes",
                lang,
                found=found,
                checked=report.checked,
                file=visible(os.path.basename(name)),
                source=source.id,
            )
        )
    unchecked = unchecked_quotes(base, {source.id for source, _, _ in texts})
    if unchecked and texts:
        count, ids = sum(unchecked.values()), ", ".join(sorted(unchecked))
        lines.append(word("check.unchecked", lang, count=count, ids=ids))
    if shown > PROBLEM_LIMIT:
        more = shown - PROBLEM_LIMIT
        quotes = "quotes" if more != 1 else "quote"
        missing.append(word("check.more", lang, more=more, quotes=quotes))
    if missing:
        write(settings.env, "\n".join(lines) + "\n")
        raise QuotesNotFoundError("\n".join(missing))
    ok = "check.ok.checked" if unchecked else "check.ok.every"
    lines.append(word(ok if texts else "check.ok", lang))
    write(settings.env, "\n".join(lines) + "\n")


@cli.command(name="export", epilog=EXIT_CODES_HELP)
@click.option(
    "--to",
    "to",
    type=Choice(("sqlite", "json", "csv"), case_sensitive=False),
    required=True,
    help="sqlite: one table per kind and a facts view; json: one object; "
    "csv: a directory of CSV files and a datapackage.json.",
)
@click.argument("path", metavar="PATH", type=click.Path())
@click.option("--force", is_flag=True, help="Overwrite PATH (csv: its files) if it exists.")
@click.option(
    "--raw-cells",
    is_flag=True,
    help="csv: keep text starting with = + - @ as it is (by default it gets a leading ', "
    "so that spreadsheets show it instead of running it as a formula).",
)
@click.option(
    "--metadata",
    "metadata",
    metavar="FILE",
    type=click.Path(),
    help="sqlite: also write Datasette metadata to FILE (titles, descriptions, units, "
    "full-text search, source, licence); --force also lets it replace FILE.",
)
@click.pass_obj
def export_command(
    settings: Settings, to: str, path: str, force: bool, raw_cells: bool, metadata: str | None
) -> None:
    """Write the whole fact base (packaged plus --data files) to PATH.

    \b
    sqlite  a table per kind (sources, countries, events, rankings,
            trade_shares, trade_totals, figures), country_aliases and
            event_participants, with primary and foreign keys, a facts
            view of every fact, and a full-text index <table>_fts per
            kind and for the view; opens in sqlite3 or Datasette as is,
            and with --metadata FILE Datasette shows titles and
            descriptions
    json    one object {"sources": [...], "countries": [...], ...}
    csv     PATH is a directory (created if missing): one CSV file per
            table of the sqlite export and a Frictionless datapackage.json
            (types, keys, descriptions, sources, licence); files already
            in it are kept unless --force
    Dates are ISO strings with a <field>_precision sibling in all three.

    PATH is written completely or not at all: the finished file gets its name
    only if no file took that name meanwhile. An existing PATH is kept unless
    --force is given; even then a device, a named pipe, a socket or one of the
    fact files being exported is refused, and so is a symbolic link (name the
    file it points to) and an SQLite PATH with a PATH-wal, PATH-shm or
    PATH-journal beside it. PATH -, /dev/stdout or /dev/fd/N writes the JSON
    document to that descriptor. A summary goes to stderr.

    \b
    Examples:
      cis-facts export --to sqlite facts.db
      sqlite3 facts.db "SELECT kind, count(*) FROM facts GROUP BY kind"
      datasette facts.db
      cis-facts export --to sqlite facts.db --metadata meta.json --force
      datasette facts.db -m meta.json
      cis-facts --data extra.toml export --to json facts.json --force
      cis-facts export --to json - | jq '.countries | length'
      cis-facts export --to csv facts-csv
      frictionless validate facts-csv/datapackage.json
    """
    lang = settings.resolve_lang(None)  # its refusals, too, in the user's language
    from cis_facts.export import export, stream_descriptor

    if metadata is not None and to.lower() != "sqlite":
        raise click.BadParameter("only with --to sqlite", param_hint="--metadata")
    if raw_cells and to.lower() != "csv":
        raise click.BadParameter("only with --to csv", param_hint="--raw-cells")
    if to.lower() == "csv":
        from cis_facts.datapackage import write_package

        counts = write_package(settings.base(), path, force=force, raw_cells=raw_cells)
    else:
        meta = None
        if metadata is not None:
            # Only --metadata reads the description of every column.
            from cis_facts.datasette_metadata import metadata_json

            meta = metadata, metadata_json(settings.base(), path)
        counts = export(settings.base(), to.lower(), path, force=force, metadata=meta)
    from cis_facts.i18n import word

    if lang == "en":
        summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
    else:
        summary = ", ".join(f"{word(f'check.table.{k}', lang)}: {n}" for k, n in counts.items())
    to_stdout = stream_descriptor(path) == 1
    where = word("export.stdout", lang) if to_stdout else visible(clip(path, 200))
    message(settings.env, word("export.wrote", lang, where=where, summary=summary))
    if metadata is not None:
        from cis_facts.datasette_metadata import database_name

        shown = visible(clip(metadata, 200))
        message(
            settings.env, f"wrote {shown} (Datasette metadata of database {database_name(path)})"
        )


@cli.command(name="completion", epilog=EXIT_CODES_HELP)
@click.argument("shell", type=Choice(("bash", "zsh", "fish"), case_sensitive=False))
@click.pass_context
def completion_command(ctx: click.Context, shell: str) -> None:
    """Print the script that enables Tab completion in SHELL.

    Completes commands, options, country names and codes, fact ids (show,
    cite), topics of figures and statements, minerals and event kinds. What
    was typed is kept: Ge<Tab> offers Georgia and Germany. Names of several
    words are inserted escaped.

    \b
    Examples:
      eval "$(cis-facts completion bash)"     # in ~/.bashrc
      eval "$(cis-facts completion zsh)"      # in ~/.zshrc
      cis-facts completion fish | source      # in ~/.config/fish/config.fish
    """
    from cis_facts.complete import script

    click.echo(script(ctx.find_root().command, shell), nl=False)


def _source_text(base: FactBase, source_file: str) -> tuple[Source, str, str]:
    """The source record a text file stands for, its name and text; a usage error otherwise."""
    from cis_facts.verify import source_for_file

    source = source_for_file(base, source_file)
    if source is None:
        name = os.path.basename(source_file)
        from cis_facts.click_words import said

        english = f"no source record names {name!r} in its file field"
        raise click.BadParameter(said("no_source_file", english, name=name), param_hint="--source")
    from cis_facts.loader import read_limited

    try:
        return source, source_file, read_limited(source_file).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.reason if isinstance(exc, UnicodeDecodeError) else exc.strerror or exc
        from cis_facts.click_words import said

        shown = visible(clip(source_file, 200))
        english = f"cannot read {shown}: {reason}"
        message = said("cannot_read", english, path=shown, reason=reason)
        raise click.BadParameter(message, param_hint="--source") from exc


def _options_before(
    group: click.Command, command: click.Command, words: list[str]
) -> set[int] | None:
    """Indexes in ``words`` of ``command``'s own options and their values, when every word
    is an option of ``group`` or of ``command``; None when some word is neither."""

    def arity(params: list[click.Parameter]) -> dict[str, int]:
        return {
            opt: 0 if getattr(p, "is_flag", False) or getattr(p, "count", False) else 1
            for p in params
            if isinstance(p, click.Option)
            for opt in (*p.opts, *p.secondary_opts)
        }

    theirs, own = arity(group.params), arity(command.params)
    moved: set[int] = set()
    i = 0
    while i < len(words):
        name = words[i].partition("=")[0] if words[i].startswith("--") else words[i]
        inline = name != words[i]
        if name in theirs:
            i += 1 + (0 if inline else theirs[name])
        elif name in own:
            width = 1 + (0 if inline else own[name])
            moved.update(range(i, i + width))
            i += width
        else:
            return None
    return moved if i == len(words) else None


def _command_position(args: list[str], valued: set[str]) -> int | None:
    """Index of the command name in ``args``: the first word that is no group option."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            return None
        if arg in valued:
            i += 2
            continue
        if not arg.startswith("-"):
            return i
        i += 1
    return None


def main() -> None:
    """Run the group; map interrupts, signals and failed writes to exit codes."""
    streams.guard_closed()
    _tolerate_any_encoding()
    _ignore_unusable_size(os.environ)
    if COMPLETE_VAR in os.environ:  # a shell asks for completions: use the escaping kind
        from cis_facts.complete import register

        register()
    try:
        code = _run()
    except (click.exceptions.Abort, KeyboardInterrupt):
        streams.say("cis-facts: interrupted")
        code = ExitCode.INTERRUPTED
    except Terminated as exc:
        streams.say("cis-facts: terminated")
        code = 128 + exc.signum
    except click.ClickException as exc:
        show_click_error(exc)
        code = exc.exit_code
    except OSError as exc:  # writing stdout failed; the loader and export report their own
        code = streams.stdout_failed(exc)
    except MemoryError:
        streams.say(
            "cis-facts: out of memory; the fact files are too large for the memory available"
        )
        code = ExitCode.FAILED
    streams.finish(code)


def _run() -> int:
    stdout, stderr = sys.stdout, sys.stderr
    try:
        code = cli.main(standalone_mode=False, obj=Environment.from_system())
        sys.stdout.flush()
    except SystemExit as exc:
        # Click (for --help, --version, click.echo) and Rich (for tables) answer a closed
        # pipe with exit 1, Click after putting its own wrappers on stdout and stderr; the
        # status is made the same as every other command gives for it.
        if sys.stdout is not stdout or isinstance(exc.__context__, BrokenPipeError):
            sys.stdout, sys.stderr = stdout, stderr
            streams.silence(1)
            return streams.PIPE_CLOSED
        if exc.code is None:
            return ExitCode.OK
        return exc.code if isinstance(exc.code, int) else ExitCode.FAILED
    return code if isinstance(code, int) else 0


def show_click_error(exc: click.ClickException) -> None:
    """Click's usage or parameter error, with what the user typed escaped and clipped."""
    import io

    # ``message`` is Final in Click's stubs; the instance's copy is replaced, not the class's.
    exc.__dict__["message"] = visible(clip(exc.message, MESSAGE_CLIP))
    buffer = io.StringIO()
    exc.show(file=buffer)
    streams.say(buffer.getvalue().rstrip("\n"))


def _ignore_unusable_size(environ: MutableMapping[str, str]) -> None:
    """``COLUMNS=0`` (or any value not a positive whole number) means an unknown width:
    the variable is dropped, so the terminal is asked, as when it is unset. Same for LINES."""
    for name in ("COLUMNS", "LINES"):
        value = environ.get(name)
        if value is not None and not (
            value.strip().isascii() and value.strip().isdigit() and int(value) > 0
        ):
            del environ[name]


def _tolerate_any_encoding() -> None:
    """Under LANG=C or PYTHONIOENCODING=ascii, escape what the stream cannot encode."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
