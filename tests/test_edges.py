"""Edges found by the third adversarial round: duplicate participants, look-alike names,
empty filters, and browse on a closed or redirected stream or sent SIGTERM."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import RunCli

SCRIPT = Path(sys.executable).parent / "cis-facts"
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")


def _country(tmp_path: Path, code: str, name: str, aliases: str = "[]") -> Path:
    path = tmp_path / "names.toml"
    path.write_text(
        f'[[countries]]\ncode = "{code}"\nname_en = "{name}"\nname_kk = "Ел"\n'
        f'name_ru = "Страна"\naliases = {aliases}\nsource = "kk-text"\nquote = "x"\n',
        encoding="utf-8",
    )
    return path


# ---------------------------------------------------------------- finding 20


def test_a_participant_given_twice_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    data = tmp_path / "twice.toml"
    data.write_text(
        '[[events]]\nid = "ev-twice"\nlabel_en = "E"\nlabel_kk = "О"\nsource = "kk-text"\n'
        'quote = "x"\ndate = "2000"\nkind = "accession"\nparticipants = ["KZ", "RU", "KZ"]\n',
        encoding="utf-8",
    )
    result = run_cli("--data", data, "check")
    assert result.exit_code == 1
    assert result.stderr == (
        f"cis-facts: {data}: fact ev-twice: participants: item 3: 'KZ' is given twice\n"
    )


# ---------------------------------------------------------------- finding 21


def test_a_mixed_script_name_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    data = _country(tmp_path, "XK", "K\u0430zakhstan")  # a Cyrillic а among Latin letters
    result = run_cli("--data", data, "check")
    assert result.exit_code == 1
    assert result.stderr == (
        f"cis-facts: {data}: country XK: name_en: 'K\u0430zakhstan' mixes Latin, Cyrillic or "
        "Greek letters in the word 'K\u0430zakhstan': it would look like another name\n"
    )


def test_a_fullwidth_alias_of_another_code_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    data = _country(tmp_path, "XK", "Exland", aliases='["\uff2b\uff3a"]')
    result = run_cli("--data", data, "check")
    assert result.exit_code == 1
    assert "is already a name of KZ" in result.stderr


def test_names_of_one_script_each_are_accepted(run_cli: RunCli, tmp_path: Path) -> None:
    data = _country(tmp_path, "XK", "Exland", aliases='["Эксландия", "Εξλάνδη"]')
    result = run_cli("--data", data, "country", "Эксландия", "--format", "plain")
    assert result.exit_code == 0, result.stderr


# ---------------------------------------------------------------- finding 26


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("timeline", "--country", ""), "cis-facts: empty country name\n"),
        (("resources", "--mineral", ""), "cis-facts: empty mineral name\n"),
        (("resources", "--mineral", "  "), "cis-facts: empty mineral name\n"),
        (("trade", "exports", "--country", ""), "cis-facts: empty country name\n"),
    ],
)
def test_an_empty_filter_is_an_error_not_everything(
    run_cli: RunCli, args: tuple[str, ...], message: str
) -> None:
    result = run_cli(*args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == message


# ---------------------------------------------------------------- findings 27, 28, 13


def _pty_run(args: list[str], *, stderr_to_file: Path | None = None, close_stdin: bool = False):  # type: ignore[no-untyped-def]
    import pty

    main, secondary = pty.openpty()
    err = stderr_to_file.open("wb") if stderr_to_file else secondary
    env = {k: v for k, v in os.environ.items() if k != "CIS_FACTS_DATA"}
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="30")
    proc = subprocess.Popen(
        [str(SCRIPT), *args],
        stdin=secondary,
        stdout=secondary,
        stderr=err,
        env=env,
        close_fds=True,
        start_new_session=True,
        preexec_fn=(lambda: os.close(0)) if close_stdin else None,  # noqa: PLW1509
    )
    os.close(secondary)
    if stderr_to_file:
        err.close()  # type: ignore[union-attr]
    return proc, main


def _read_until(main: int, proc: subprocess.Popen[bytes], marker: bytes) -> bytes:
    seen = b""
    deadline = time.monotonic() + 120  # a guard against a hang, not a timing assertion
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 1)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    return seen


@needs_script
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_browse_on_a_terminal_with_stdin_closed_is_the_usual_message() -> None:
    proc, main = _pty_run(["browse"], close_stdin=True)
    try:
        said = _read_until(main, proc, b"in scripts and pipes")
        status = proc.wait(timeout=120)
    finally:
        os.close(main)
    assert status == 2
    assert b"browse needs a terminal" in said
    assert b"Traceback" not in said


@needs_script
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_browse_with_stderr_redirected_draws_on_stdout(tmp_path: Path) -> None:
    pytest.importorskip("textual")
    log = tmp_path / "err.log"
    proc, main = _pty_run(["browse", "zinc"], stderr_to_file=log)
    try:
        drawn = _read_until(main, proc, b"rank-zinc")  # the screen, on the terminal
        assert b"rank-zinc" in drawn, drawn[-500:]
        os.kill(proc.pid, signal.SIGTERM)
        rest = _read_until(main, proc, b"\x1b[?1049l")
        status = proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert b"\x1b[?1049l" in rest
    assert status == 128 + signal.SIGTERM
    assert log.read_bytes() == b"cis-facts: terminated\n"  # messages still go to the log


@needs_script
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_sigterm_to_browse_gives_the_terminal_back() -> None:
    pytest.importorskip("textual")
    proc, main = _pty_run(["browse", "zinc"])
    try:
        drawn = _read_until(main, proc, b"\x1b[?1049h")
        assert b"\x1b[?1049h" in drawn, drawn[-500:]
        _read_until(main, proc, b"zinc")  # the app is up and drawing
        os.kill(proc.pid, signal.SIGTERM)
        rest = _read_until(main, proc, b"\x1b[?1049l")
        status = proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert b"\x1b[?1049l" in rest  # back on the main screen
    assert status == 128 + signal.SIGTERM
