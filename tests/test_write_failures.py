"""Every write failure is a clean message: closed or full stdout and stderr, a closed pipe,
and Ctrl-C at the edges of a run. Real processes of the installed script."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from signals import sigint_as_in_a_terminal

SCRIPT = Path(sys.executable).parent / "cis-facts"
TIMEOUT = 60
COMMANDS = {
    "plain": ["timeline"],
    "json": ["timeline", "--format", "json"],
    "jsonl": ["trade", "exports", "--format", "jsonl"],
    "csv": ["members", "--format", "csv"],
    "markdown": ["figures", "--format", "markdown"],
    "table": ["members", "--format", "table"],
    "chart": ["members", "--chart", "--format", "table"],
    "cite": ["cite", "rank-zinc"],
    "check": ["check"],
    "help": ["--help"],
    "command-help": ["country", "--help"],
    "version": ["--version"],
    "export": ["export", "--to", "json", "-"],
}
FULL = Path("/dev/full")

pytestmark = [
    pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed"),
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors and signals"),
]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CIS_FACTS_DATA", "FORCE_COLOR")}
    env.update(COLUMNS="100", LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
    return env


def _run(
    args: list[str], preexec: Callable[[], None] | None = None, **streams: object
) -> subprocess.CompletedProcess[bytes]:
    options: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    options.update(streams)
    return subprocess.run(
        [str(SCRIPT), *args],
        env=_env(),
        timeout=TIMEOUT,
        check=False,
        preexec_fn=preexec,
        **options,  # type: ignore[call-overload]
    )


def _close(fd: int) -> Callable[[], None]:
    return lambda: os.close(fd)


@pytest.mark.parametrize("name", COMMANDS)
def test_closed_stdout_is_one_line_and_exit_1(name: str) -> None:
    proc = _run(COMMANDS[name], preexec=_close(1), stdout=None)
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 1
    assert lines[-1] == "cis-facts: cannot write to standard output: Bad file descriptor"
    assert "Traceback" not in proc.stderr.decode()
    if name == "cite":  # the citation never falls back to stderr
        assert lines == ["cis-facts: cannot write to standard output: Bad file descriptor"]


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full")
@pytest.mark.parametrize("name", COMMANDS)
def test_full_disk_is_one_line_and_exit_1(name: str) -> None:
    with FULL.open("wb") as full:
        proc = _run(COMMANDS[name], stdout=full)
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 1
    assert lines[-1] == "cis-facts: cannot write to standard output: No space left on device"
    assert "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("name", COMMANDS)
def test_closed_pipe_gives_the_same_status_everywhere(name: str) -> None:
    """The read end is closed before the process starts: its first write fails (EPIPE)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = _run(COMMANDS[name], stdout=write_end)
    finally:
        os.close(write_end)
    assert proc.returncode == 0
    assert b"Traceback" not in proc.stderr
    assert b"cannot write" not in proc.stderr


def _stderr_gone(how: str) -> dict[str, object]:
    if how == "closed":
        return {"preexec": _close(2), "stderr": None}
    return {"stderr": FULL.open("wb")}


@pytest.mark.parametrize("how", ["closed", "full"])
def test_answer_is_written_when_only_stderr_is_gone(how: str) -> None:
    if how == "full" and not FULL.exists():
        pytest.skip("no /dev/full")
    options = _stderr_gone(how)
    try:
        # members in JSON writes its "As of" caveat to stderr before the answer.
        proc = _run(["members", "--format", "json"], **options)  # type: ignore[arg-type]
    finally:
        if hasattr(options["stderr"], "close"):
            options["stderr"].close()  # type: ignore[union-attr]
    assert proc.returncode == 0
    assert proc.stdout.startswith(b"[\n")
    assert b'"code": "KZ"' in proc.stdout


@pytest.mark.parametrize("how", ["closed", "full"])
def test_failure_keeps_its_status_when_stderr_is_gone(how: str) -> None:
    if how == "full" and not FULL.exists():
        pytest.skip("no /dev/full")
    options = _stderr_gone(how)
    try:
        not_found = _run(["show", "no-such-fact"], **options)  # type: ignore[arg-type]
        usage = _run(["timeline", "--format", "xml"], **options)  # type: ignore[arg-type]
    finally:
        if hasattr(options["stderr"], "close"):
            options["stderr"].close()  # type: ignore[union-attr]
    assert (not_found.returncode, not_found.stdout) == (1, b"")
    assert (usage.returncode, usage.stdout) == (2, b"")


def test_ctrl_c_during_start_up_exits_130() -> None:
    """An interrupt while Click is being imported: the entry point still handles it."""
    program = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def interrupting(name, *args, **kwargs):\n"
        "    if name == 'click':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupting\n"
        "from cis_facts.entry import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, timeout=TIMEOUT, check=False
    )
    assert proc.returncode == 130
    assert proc.stderr == b"cis-facts: interrupted\n"


def test_ctrl_c_at_the_end_of_an_export_exits_130(tmp_path: Path) -> None:
    """SIGINT arrives after the export is written and reported, as the run returns."""
    program = (
        "import os, signal, sys\n"
        "from cis_facts import cli\n"
        "from cis_facts.entry import main\n"
        "real = cli.cli.main\n"
        "def then_interrupted(*args, **kwargs):\n"
        "    code = real(*args, **kwargs)\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return code\n"
        "cli.cli.main = then_interrupted\n"
        "sys.argv = ['cis-facts', 'export', '--to', 'json', sys.argv[1]]\n"
        "main()\n"
    )
    target = tmp_path / "facts.json"
    with sigint_as_in_a_terminal():
        proc = subprocess.run(
            [sys.executable, "-c", program, str(target)],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    assert proc.returncode == 130
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.decode().splitlines()[-1] == "cis-facts: interrupted"


def test_ctrl_c_while_exiting_exits_130() -> None:
    """SIGINT after everything is flushed, as the process exits: no traceback."""
    program = (
        "import os, signal, sys\n"
        "from cis_facts import streams\n"
        "from cis_facts.entry import main\n"
        "real = sys.exit\n"
        "def interrupted_exit(code=0):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    real(code)\n"
        "streams.sys.exit = interrupted_exit\n"
        "sys.argv = ['cis-facts', '--version']\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, timeout=TIMEOUT, check=False
    )
    assert proc.returncode == 130
    assert proc.stdout == b"cis-facts, version 0.2.0\n"
    assert proc.stderr == b"cis-facts: interrupted\n"
