"""Every example in every ``--help`` runs on the installed tool and succeeds.

The examples are read from the help texts themselves, so an example added to a command is
run here without a change to this file. Each command's examples run in order, in one empty
directory holding the files examples name (``my-facts.toml``, ``extra.toml``,
``my-source.txt``, drafts that cite facts), as a reader of the help would have them; an
example that needs a tool not installed here (``xclip``, ``datasette``, ``fish``, ``zsh``)
is skipped. ``browse`` runs on a pseudo-terminal and is quit with Ctrl+Q.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, SOURCE_TEXT, installed_command

pytestmark = pytest.mark.slow

TOOL_FILES = {
    "my-facts.toml": FIXTURES / "valid_extra.toml",
    "extra.toml": FIXTURES / "valid_extra.toml",
    "my-source.txt": SOURCE_TEXT,
}
# Drafts as a writer has them: citing facts by id, and a bibliography of the writer's own.
DRAFTS = {
    "draft.md": "Kazakhstan holds a quarter of the uranium [@rank-uranium].\n",
    "paper.tex": "Zinc \\cite{rank-zinc} and uranium \\parencite{rank-uranium}.\n",
    "mine.bib": "@book{own-work, title = {A Book of My Own}, author = {Doe, Jane}, year = 2020}\n",
}


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CIS_FACTS_DATA", "FORCE_COLOR")}
    path = f"{Path(installed_command()).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update({"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "PATH": path})
    return env


def _help(*command: str) -> str:
    done = subprocess.run(
        [installed_command(), *command, "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_environment(),
        timeout=60,
        check=True,
    )
    return done.stdout


def examples(help_text: str) -> list[str]:
    """The command lines under ``Examples:``, up to the first blank line."""
    found: list[str] = []
    lines = help_text.splitlines()
    for at, line in enumerate(lines):
        if line.strip() != "Examples:":
            continue
        for example in lines[at + 1 :]:
            if not example.strip():
                break
            found.append(example.strip())
    return found


def commands() -> list[str]:
    listing = _help().split("Commands:", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in listing.splitlines() if line.startswith("  ")]


def test_examples_are_read_from_the_help() -> None:
    text = "Usage: x\n\n  Examples:\n    cis-facts a\n    cis-facts b | jq .\n\n  Other:\n"
    assert examples(text) == ["cis-facts a", "cis-facts b | jq ."]
    assert "cis-facts members --chart" in examples(_help("members"))
    assert len(commands()) >= 14


def _needs(example: str) -> list[str]:
    """The programs an example runs other than cis-facts (the first word of each part of a
    pipe) and the shell a completion script is for."""
    lexer = shlex.shlex(example, posix=True, punctuation_chars="|;&")
    tokens = list(lexer)
    programs = {t for at, t in enumerate(tokens) if at == 0 or tokens[at - 1] in ("|", ";")}
    shell = re.search(r"completion (zsh|fish)", example)
    shells = {shell.group(1)} if shell else set()
    return sorted((programs - {"cis-facts", "eval", "source"}) | shells)


def _run_in_shell(example: str, where: Path) -> subprocess.CompletedProcess[str]:
    shell = "fish" if " fish " in f" {example} " and "| source" in example else "bash"
    if shell == "bash" and "completion zsh" in example:
        shell = "zsh"
    prefix = "set -o pipefail; " if shell == "bash" else ""
    return subprocess.run(
        [shell, "-c", prefix + example],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_environment(),
        cwd=where,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def _run_on_a_terminal(example: str, where: Path) -> tuple[int, str]:
    """Run ``example`` on a pseudo-terminal of 100×30; once it has switched to the full
    screen, press Ctrl+Q each second until it ends (keys typed while the app starts may be
    dropped). A run that has not ended after two minutes is killed (and fails)."""
    import pty
    import select
    import time

    argv = [installed_command(), *shlex.split(example)[1:]]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the example, on the terminal
        os.chdir(where)
        env = {**_environment(), "COLUMNS": "100", "LINES": "30", "TERM": "xterm-256color"}
        os.execve(argv[0], argv, env)
    seen = b""
    deadline = time.monotonic() + 120
    pressed = 0.0
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if b"\x1b[?1049h" in seen and time.monotonic() >= pressed + 1:
            os.write(fd, b"\x11")
            pressed = time.monotonic()
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    else:
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


@pytest.mark.parametrize("command", ["", *commands()])
def test_every_help_example_runs(command: str, tmp_path: Path) -> None:
    for name, origin in TOOL_FILES.items():
        shutil.copyfile(origin, tmp_path / name)
    for name, text in DRAFTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    listed = examples(_help(*([command] if command else [])))
    assert listed, f"cis-facts {command} --help has no examples"
    for example in listed:
        missing = [p for p in _needs(example) if shutil.which(p) is None]
        if missing:
            continue
        if "browse" in shlex.split(example):
            code, screen = _run_on_a_terminal(example, tmp_path)
            assert code == 0, f"{example}: exit {code}\n{screen[-2000:]}"
            continue
        done = _run_in_shell(example, tmp_path)
        assert done.returncode == 0, f"{example}: exit {done.returncode}\n{done.stderr}"
        assert "Traceback" not in done.stderr, f"{example}\n{done.stderr}"
