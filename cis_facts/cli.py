"""Click commands: parse options, load, query, render. Nothing else lives here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from cis_facts import __version__
from cis_facts.errors import ExitCode, FactsError
from cis_facts.options import data_option, lang_option
from cis_facts.settings import Settings
from cis_facts.verify import check_quotes, source_for_file

EXIT_CODES_HELP = """\b
Exit codes:
  0    answer printed (check: the facts are valid)
  1    nothing found, or the fact base is invalid
  2    usage error (bad option, argument or date)
  130  interrupted (Ctrl-C)"""


class FactsGroup(click.Group):
    """A group that reports FactsError as one stderr line per problem and a named exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FactsError as exc:
            for line in str(exc).splitlines():
                click.echo(f"cis-facts: {line}", err=True)
            ctx.exit(int(exc.exit_code))


@click.group(cls=FactsGroup, epilog=EXIT_CODES_HELP,
             context_settings={"help_option_names": ["-h", "--help"]})
@data_option
@lang_option
@click.version_option(__version__, prog_name="cis-facts")
@click.pass_context
def cli(ctx: click.Context, data: tuple[str, ...], lang: str | None) -> None:
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
    ctx.obj = Settings(data=data, lang=lang)  # type: ignore[arg-type]


@cli.command(epilog=EXIT_CODES_HELP)
@click.option("--source", "source_file", type=click.Path(exists=True, dir_okay=False,
                                                          path_type=Path),
              help="Source text file: also check that every quote citing it appears verbatim.")
@click.pass_obj
def check(settings: Settings, source_file: Path | None) -> None:
    """Validate the loaded fact base and print how many records of each kind it holds.

    With --source, also verify that each quote of the facts citing that text
    appears in it verbatim (runs of white space are folded to one space).

    \b
    Examples:
      cis-facts check
      cis-facts check --source ../shared/sources/000_032a50789da7a807.txt
      cis-facts --data extra.toml check
    """
    base = settings.base()
    for kind, count in base.counts().items():
        click.echo(f"{kind}\t{count}")
    if source_file is None:
        click.echo("ok: fact base is valid")
        return
    source = source_for_file(base, source_file)
    if source is None:
        raise click.BadParameter(f"no source record names {source_file.name!r} in its file "
                                 "field", param_hint="--source")
    try:
        text = source_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(f"cannot read {source_file}: {exc}",
                                 param_hint="--source") from exc
    report = check_quotes(base, source, text)
    for origin, record_id, quote in report.missing:
        click.echo(f"cis-facts: {origin}: fact {record_id}: quote: not found in {source_file}: "
                   f"{quote!r}", err=True)
    found = report.checked - len(report.missing)
    click.echo(f"quotes\t{found}/{report.checked} found verbatim in {source_file.name} "
               f"(source {source.id})")
    if report.missing:
        sys.exit(ExitCode.INVALID)
    click.echo("ok: fact base is valid and every quote was found")


def main() -> None:
    """Console-script entry point: run the group, map interrupts and closed pipes to exit codes."""
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("cis-facts: interrupted", err=True)
        code = ExitCode.INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    sys.exit(code if isinstance(code, int) else 0)
