"""The pager: only on a terminal, only for output taller than the screen, never when piped."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from cis_facts import pager

SCRIPT = Path(sys.executable).parent / "cis-facts"


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def copier(target: Path) -> str:
    """A pager command that copies what it is given to ``target``."""
    code = f"import sys; open({str(target)!r}, 'w', encoding='utf-8').write(sys.stdin.read())"
    return f'"{sys.executable}" -c "{code}"'


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ["less", "-FRX"]),
        ({"PAGER": "more"}, ["more"]),
        ({"PAGER": "more", "CIS_FACTS_PAGER": "most -s"}, ["most", "-s"]),
        ({"PAGER": ""}, None),
        ({"CIS_FACTS_PAGER": "", "PAGER": "more"}, None),
        ({"PAGER": "cat"}, None),
        ({"PAGER": "'unclosed"}, None),
    ],
)
def test_command(environ: dict[str, str], expected: list[str] | None) -> None:
    assert pager.command(environ) == expected


def test_tall_output_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    target = tmp_path / "paged.txt"
    stream = Terminal()
    text = "line\n" * 30
    pager.show(text, stream, environ={"CIS_FACTS_PAGER": copier(target)}, height=24)
    assert stream.getvalue() == ""
    assert target.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("stream", "lines", "enabled"),
    [
        (Terminal(), 10, True),  # fits the screen
        (io.StringIO(), 30, True),  # piped
        (Terminal(), 30, False),  # --no-pager
    ],
)
def test_output_is_written_directly(
    tmp_path: Path, stream: io.StringIO, lines: int, enabled: bool
) -> None:
    target = tmp_path / "paged.txt"
    text = "line\n" * lines
    pager.show(
        text, stream, enabled=enabled, environ={"CIS_FACTS_PAGER": copier(target)}, height=24
    )
    assert stream.getvalue() == text
    assert not target.exists()


def test_a_missing_pager_falls_back_to_writing(tmp_path: Path) -> None:
    stream = Terminal()
    text = "line\n" * 30
    pager.show(text, stream, environ={"PAGER": str(tmp_path / "no-such-pager")}, height=24)
    assert stream.getvalue() == text


def test_less_gets_its_options_unless_the_user_set_them(tmp_path: Path) -> None:
    target = tmp_path / "less.txt"
    code = f"import os; open({str(target)!r}, 'w').write(os.environ['LESS'])"
    command = f'"{sys.executable}" -c "{code}"'
    pager.show("x\n" * 30, Terminal(), environ={"PAGER": command}, height=5)
    assert target.read_text() == "FRX"
    pager.show("x\n" * 30, Terminal(), environ={"PAGER": command, "LESS": "S"}, height=5)
    assert target.read_text() == "S"


def run_on_a_terminal(args: list[str], environ: dict[str, str]) -> str:
    """Run the installed command with a pseudo-terminal as stdout; what it printed."""
    pty = pytest.importorskip("pty")
    if not SCRIPT.exists():
        pytest.skip(f"{SCRIPT} is not installed")
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(str(SCRIPT), [str(SCRIPT), *args], environ)
    out = b""
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    os.waitpid(pid, 0)
    return out.decode("utf-8", errors="replace")


@pytest.mark.parametrize(
    ("args", "paged"),
    [
        (["country", "KZ"], True),
        (["country", "KZ", "--no-pager"], False),
        (["--no-pager", "country", "KZ"], False),
        (["cite", "rank-zinc"], False),  # fits the screen
    ],
)
def test_end_to_end_on_a_terminal(tmp_path: Path, args: list[str], paged: bool) -> None:
    target = tmp_path / "paged.txt"
    environ = {
        **{k: v for k, v in os.environ.items() if k not in ("PAGER", "CIS_FACTS_DATA")},
        "LINES": "24",
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "CIS_FACTS_PAGER": copier(target),
    }
    shown = run_on_a_terminal(args, environ)
    assert target.exists() == paged
    if paged:
        assert "Kazakhstan" in target.read_text(encoding="utf-8")
        assert "Kazakhstan" not in shown
    else:
        assert shown.strip()
