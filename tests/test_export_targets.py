"""What `export` is pointed at survives: standard output by any name, symbolic links, an
SQLite database's side files, and every signal that ends the process."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import export as export_module
from cis_facts.loader import load
from cis_facts.model import FactBase

SCRIPT = Path(sys.executable).parent / "cis-facts"
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def _script(*args: str | Path, stdout: int | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "CIS_FACTS_DATA"}
    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        check=False,
    )


# ---------------------------------------------------------------- standard output (finding 1)


@needs_script
@pytest.mark.parametrize("name", ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_standard_output_by_any_name_is_standard_output(tmp_path: Path, name: str) -> None:
    if name != "-" and not Path(name).exists():
        pytest.skip(f"no {name} here")
    captured = tmp_path / "captured.json"
    before = os.lstat(name) if name.startswith("/dev/") else None
    with captured.open("wb") as out:  # never with --force: a regression would replace the device
        done = _script("export", "--to", "json", name, stdout=out.fileno())
    assert done.returncode == 0, done.stderr
    assert json.loads(captured.read_bytes())["countries"]
    assert done.stderr.startswith(b"cis-facts: wrote standard output (")
    if before is not None:  # the device's own name is untouched
        assert os.lstat(name).st_mode == before.st_mode
    assert listing(tmp_path) == ["captured.json"]


@needs_script
def test_another_descriptor_by_name_gets_the_document(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    env = {k: v for k, v in os.environ.items() if k != "CIS_FACTS_DATA"}
    proc = subprocess.Popen(
        [str(SCRIPT), "export", "--to", "json", f"/dev/fd/{write_end}"],
        pass_fds=(write_end,),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        document = reader.read()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert out == b""
    assert json.loads(document)["sources"]


def test_sqlite_to_a_descriptor_is_refused(run_cli: RunCli) -> None:
    result = run_cli("export", "--to", "sqlite", "/dev/stdout")
    assert result.exit_code == 1
    assert result.stderr == (
        "cis-facts: an SQLite database cannot go to standard output; name a file\n"
    )


# ---------------------------------------------------------------- symbolic links (finding 1)


@pytest.mark.parametrize("force", [False, True])
def test_a_symbolic_link_is_refused_never_replaced(
    run_cli: RunCli, tmp_path: Path, force: bool
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "team.json").write_text("theirs", encoding="utf-8")
    link = tmp_path / "team.json"
    link.symlink_to(shared / "team.json")
    result = run_cli("export", "--to", "json", link, *(["--force"] if force else []))
    assert result.exit_code == 1
    assert result.stderr == (
        f"cis-facts: cannot write {link}: it is a symbolic link; "
        "name the file it points to instead\n"
    )
    assert link.is_symlink()
    assert (shared / "team.json").read_text(encoding="utf-8") == "theirs"
    assert listing(tmp_path) == ["shared", "team.json"]


def test_a_dangling_symbolic_link_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "nowhere.json")
    result = run_cli("export", "--to", "json", link, "--force")
    assert result.exit_code == 1
    assert "it is a symbolic link" in result.stderr
    assert link.is_symlink() and listing(tmp_path) == ["out.json"]


def test_a_link_to_the_terminal_stays_a_link(run_cli: RunCli, tmp_path: Path) -> None:
    link = tmp_path / "x"
    link.symlink_to("/proc/self/fd/1")
    result = run_cli("export", "--to", "json", link, "--force")
    assert result.exit_code == 1
    assert link.is_symlink()


def test_the_refusal_no_longer_suggests_force_for_a_link(run_cli: RunCli, tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    result = run_cli("export", "--to", "json", link)
    assert "--force" not in result.stderr


# ---------------------------------------------------------------- SQLite side files (finding 2)


def _stale_wal(db: Path) -> None:
    """Leave ``db-wal`` as a WAL-mode writer that died before its checkpoint does."""
    program = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA journal_mode=WAL')\n"
        "c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute('CREATE TABLE t (x)')\n"
        "c.execute('INSERT INTO t VALUES (1)')\n"
        "c.commit()\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", program, str(db)], check=True)
    assert Path(f"{db}-wal").stat().st_size > 0


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
@pytest.mark.parametrize("force", [False, True])
def test_a_side_file_beside_the_target_is_refused(
    run_cli: RunCli, tmp_path: Path, suffix: str, force: bool
) -> None:
    db = tmp_path / "out.db"
    side = tmp_path / f"out.db{suffix}"
    side.write_bytes(b"stale")
    if force:
        db.write_bytes(b"")
    result = run_cli("export", "--to", "sqlite", db, *(["--force"] if force else []))
    assert result.exit_code == 1
    assert result.stderr == (
        f"cis-facts: cannot write {db}: {side} exists (the journal of an SQLite database "
        "still open, or not closed cleanly); close the program using it, or remove it\n"
    )
    assert side.read_bytes() == b"stale"


def test_a_stale_write_ahead_log_cannot_spoil_the_export(run_cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    _stale_wal(db)
    result = run_cli("export", "--to", "sqlite", db, "--force")
    assert result.exit_code == 1
    with closing(sqlite3.connect(db)) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"t"}  # the other program's database, as it was


def test_a_side_file_that_appears_during_the_export_stops_the_publish(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "out.db"
    original = export_module._write_sqlite

    def racing(base: FactBase, tmp: str) -> None:
        original(base, tmp)
        Path(f"{db}-journal").write_bytes(b"hot")

    monkeypatch.setattr(export_module, "_write_sqlite", racing)
    result = run_cli("export", "--to", "sqlite", db)
    assert result.exit_code == 1
    assert listing(tmp_path) == ["out.db-journal"]


def test_a_fresh_export_opens_whole(run_cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    assert run_cli("export", "--to", "sqlite", db).exit_code == 0
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT count(*) FROM countries").fetchone()[0] > 0
    assert listing(tmp_path) == ["out.db"]


# ---------------------------------------------------------------- every signal (finding 19)

CATCHABLE = [
    name
    for name in ("SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGPROF", "SIGXCPU")
    if hasattr(signal, name)
]


def test_an_ignored_signal_stays_ignored(tmp_path: Path) -> None:
    """Under nohup SIGHUP is ignored: the export must not start dying of it."""
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    original = export_module._write_json
    try:

        def hung_up(base: FactBase, tmp: str) -> None:
            os.kill(os.getpid(), signal.SIGHUP)
            original(base, tmp)

        export_module._write_json = hung_up  # type: ignore[assignment]
        try:
            export_module.export(load(), "json", tmp_path / "facts.json")
        finally:
            export_module._write_json = original  # type: ignore[assignment]
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, before)
    assert listing(tmp_path) == ["facts.json"]


@needs_script
@pytest.mark.parametrize("name", CATCHABLE)
def test_any_terminating_signal_exits_128_plus_it_and_leaves_nothing(
    tmp_path: Path, name: str
) -> None:
    """A real process signals itself with its SQLite journal open."""
    program = (
        "import os, signal, sqlite3, sys\n"
        # A parent may hand the signal down ignored (a shell's background job ignores
        # SIGINT and SIGQUIT); this test is about a signal that is not ignored.
        f"signal.signal(signal.{name}, signal.SIG_DFL)\n"
        "from cis_facts import export\n"
        "from cis_facts.cli import main\n"
        "def write(base, tmp):\n"
        "    connection = sqlite3.connect(tmp)\n"
        "    connection.execute('BEGIN')\n"
        "    connection.execute('CREATE TABLE t (x)')\n"
        "    assert os.path.exists(tmp + '-journal')\n"
        f"    os.kill(os.getpid(), signal.{name})\n"
        "export._write_sqlite = write\n"
        "sys.argv = ['cis-facts', 'export', '--to', 'sqlite', sys.argv[1]]\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path / "facts.db")],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 128 + getattr(signal, name), proc.stderr
    assert proc.stderr == b"cis-facts: terminated\n"
    assert listing(tmp_path) == []


# ---------------------------------------------------------------- a reader that left (24)


@needs_script
def test_a_reader_that_left_early_is_not_told_the_document_was_written() -> None:
    env = {k: v for k, v in os.environ.items() if k != "CIS_FACTS_DATA"}
    proc = subprocess.Popen(
        [str(SCRIPT), "export", "--to", "json", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(1)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert proc.returncode == 0
    assert b"wrote" not in err
    assert b"Traceback" not in err
