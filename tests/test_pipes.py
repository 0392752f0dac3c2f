"""The installed script in real pipes: a reader that stops early, and Ctrl-C.

``cis-facts timeline | head -1`` must end quietly. The answer is made larger than a
pipe buffer with a ``--data`` file, so the process is still writing when the reader
closes the pipe: without that it would finish before the close and prove nothing.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from signals import sigint_as_in_a_terminal

SCRIPT = Path(sys.executable).parent / "cis-facts"
FORMATS = ("table", "plain", "json", "jsonl", "csv", "tsv", "markdown")
COMMANDS = {"timeline": ["timeline"], "trade-exports": ["trade", "exports"]}
PIPE_BUFFER = 64 * 1024  # Linux default; the answer is made far larger
RECORDS = 70
TIMEOUT = 60

pytestmark = [
    pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed"),
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and signals"),
]


def _big_facts() -> str:
    """Events and export shares with long quotes, all valid, for ``--data``."""
    long_quote = "ТМД " * 2000  # 8,000 characters, under the 10,000 limit
    long_name = "Pipe land " * 400  # tables show names and labels, not quotes
    parts = ['[[sources]]\nid = "px-source"\ntitle = "Pipe test"\nlanguage = "en"\n']
    for i in range(RECORDS):
        code = "QXZ"[i // 26] + chr(ord("A") + i % 26)  # no packaged code starts so
        parts.append(
            f'[[countries]]\ncode = "{code}"\nname_en = "{long_name}{i}"\n'
            f'name_kk = "Пайпленд {i}"\nname_ru = "Пайпленд {i}"\n'
            f'source = "px-source"\nquote = "Pipeland {i}"\n'
        )
        parts.append(
            f'[[events]]\nid = "px-event-{i}"\nlabel_en = "{long_name}{i}"\n'
            f'label_kk = "Оқиға {i}"\nsource = "px-source"\nquote = "{long_quote}"\n'
            f'date = "2000-01-{i % 28 + 1:02d}"\nkind = "meeting"\n'
            f'participants = ["{code}"]\n'
        )
        parts.append(
            f'[[trade_shares]]\nid = "px-share-{i}"\nlabel_en = "Pipeland {i} buys"\n'
            f'label_kk = "Пайпленд {i}"\nsource = "px-source"\n'
            f'quote = "{long_quote}"\nflow = "export"\ncountry = "{code}"\n'
            f"position = {100 + i}\nshare = 0.01\n"
        )
    return "\n".join(parts)


@pytest.fixture(scope="module")
def big_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipes") / "big.toml"
    path.write_text(_big_facts(), encoding="utf-8")
    return path


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CIS_FACTS_DATA", "FORCE_COLOR")}
    env.update(COLUMNS="100", LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
    return env


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", COMMANDS)
def test_answer_is_larger_than_a_pipe_buffer(big_data: Path, command: str, fmt: str) -> None:
    proc = subprocess.run(
        [str(SCRIPT), "--data", str(big_data), *COMMANDS[command], "--format", fmt],
        capture_output=True,
        env=_env(),
        timeout=TIMEOUT,
        check=False,
    )
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert len(proc.stdout) > 4 * PIPE_BUFFER


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", COMMANDS)
def test_reader_closing_the_pipe_early_is_quiet(big_data: Path, command: str, fmt: str) -> None:
    proc = subprocess.Popen(
        [str(SCRIPT), "--data", str(big_data), *COMMANDS[command], "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    try:
        stderr = proc.stderr.read()
        proc.wait(timeout=TIMEOUT)
    finally:
        proc.kill()
        proc.stderr.close()
    assert first
    assert stderr.decode() == ""
    assert proc.returncode == 0


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes")
    path = tmp_path / "blocking.toml"
    os.mkfifo(path)
    yield path


def _open_writer(path: Path, proc: subprocess.Popen[bytes]) -> int:
    """Open the FIFO for writing once the process has opened it for reading.

    A non-blocking open for writing fails with ENXIO until a reader has the FIFO open,
    so success means the process is inside the loader, blocked reading.
    """
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            return os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    raise AssertionError("the process never opened the FIFO")


def _wait_until_blocked_reading(proc: subprocess.Popen[bytes]) -> None:
    """Return once the process sleeps in read() on the FIFO (Linux: /proc/PID/wchan).

    The writer end stays open meanwhile, so the read cannot end by itself: the signal
    then interrupts a read in progress, whatever the machine's load, and Python raises
    KeyboardInterrupt from it. Sending the signal any earlier (the process still in
    open(), or between two system calls) would race with the read.
    """
    wchan = Path(f"/proc/{proc.pid}/wchan")
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            where = wchan.read_text(encoding="ascii")
        except OSError:
            pytest.skip("needs /proc/PID/wchan to see where the process waits")
        if where.endswith("pipe_read"):
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    raise AssertionError("the process never blocked reading the FIFO")


@pytest.mark.parametrize("command", [["timeline"], ["check"], ["export", "--to", "json"]])
def test_ctrl_c_exits_130_without_a_traceback(
    fifo: Path, tmp_path: Path, command: list[str]
) -> None:
    if command[0] == "export":
        command = [*command, str(tmp_path / "out.json")]
    with sigint_as_in_a_terminal():
        proc = subprocess.Popen(
            [str(SCRIPT), "--data", str(fifo), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(),
        )
    writer = _open_writer(fifo, proc)
    try:
        _wait_until_blocked_reading(proc)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=TIMEOUT)
    finally:
        proc.kill()
        os.close(writer)
    assert proc.returncode == 130
    assert stdout == b""
    assert "Traceback" not in stderr.decode()
    assert stderr.decode().strip() == "cis-facts: interrupted"
    assert sorted(p.name for p in tmp_path.iterdir()) == [fifo.name]
