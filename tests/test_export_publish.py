"""`cis-facts export` never replaces a file it did not check, and cleans up on any signal."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import export as export_module
from cis_facts.errors import Terminated
from cis_facts.loader import load
from cis_facts.model import FactBase

SCRIPT = Path(sys.executable).parent / "cis-facts"
BIG = 2**53 + 1  # the first integer a double cannot hold


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def _file_appears_during(
    monkeypatch: pytest.MonkeyPatch, target: Path, content: bytes, to: str = "json"
) -> None:
    """Make another writer create ``target`` while the export is writing its own file."""
    name = "_write_json" if to == "json" else "_write_sqlite"
    original = getattr(export_module, name)

    def racing(base: FactBase, tmp: str) -> None:
        original(base, tmp)
        target.write_bytes(content)

    monkeypatch.setattr(export_module, name, racing)


@pytest.mark.parametrize("to", ["json", "sqlite"])
def test_file_created_during_the_export_is_kept(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to: str
) -> None:
    target = tmp_path / "facts.out"
    _file_appears_during(monkeypatch, target, b"theirs", to)
    result = run_cli("export", "--to", to, target)
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: {target} already exists; use --force to overwrite it\n"
    assert target.read_bytes() == b"theirs"
    assert listing(tmp_path) == ["facts.out"]


def test_second_export_to_the_same_path_loses(tmp_path: Path) -> None:
    target = tmp_path / "facts.json"
    base = load()
    first: list[str] = []

    def write_then_race(base: FactBase, tmp: str) -> None:
        Path(tmp).write_text("{}", encoding="utf-8")
        if not first:
            first.append(tmp)
            export_module.export(base, "json", target)  # the other export finishes first

    original = export_module._write_json
    export_module._write_json = write_then_race  # type: ignore[assignment]
    try:
        with pytest.raises(export_module.ExportError, match="already exists"):
            export_module.export(base, "json", target)
    finally:
        export_module._write_json = original  # type: ignore[assignment]
    assert target.read_text(encoding="utf-8") == "{}"
    assert listing(tmp_path) == ["facts.json"]


def test_force_still_replaces_a_regular_file(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "facts.json"
    target.write_text("old", encoding="utf-8")
    result = run_cli("export", "--to", "json", target, "--force")
    assert result.exit_code == 0, result.stderr
    assert "countries" in json.loads(target.read_text(encoding="utf-8"))


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A character device no regression can harm: a private null device when running as
    root (who could replace the system's /dev/null), else /dev/null itself."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        path = tmp_path / "null"
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        return path
    return Path(os.devnull)


def test_force_refuses_a_device(run_cli: RunCli, device: Path) -> None:
    result = run_cli("export", "--to", "json", device, "--force")
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: cannot write {device}: it is a character device\n"
    assert stat.S_ISCHR(device.stat().st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_force_refuses_a_named_pipe(run_cli: RunCli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_cli("export", "--to", "json", fifo, "--force")
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: cannot write {fifo}: it is a named pipe\n"
    assert listing(tmp_path) == ["pipe"]


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_force_refuses_a_socket(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a socket path must be short
    with closing(socket.socket(socket.AF_UNIX)) as sock:
        sock.bind("sock")
        result = run_cli("export", "--to", "json", "sock", "--force")
    assert result.exit_code == 1
    assert result.stderr == "cis-facts: cannot write sock: it is a socket\n"


def test_force_refuses_a_fact_file_being_exported(run_cli: RunCli, tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_bytes((Path(__file__).parent / "fixtures" / "valid_extra.toml").read_bytes())
    before = extra.read_bytes()
    result = run_cli("--data", extra, "export", "--to", "json", extra, "--force")
    assert result.exit_code == 1
    assert result.stderr == f"cis-facts: cannot write {extra}: it is a fact file being exported\n"
    assert extra.read_bytes() == before
    assert listing(tmp_path) == ["extra.toml"]


def test_json_to_standard_output(run_cli: RunCli) -> None:
    result = run_cli("export", "--to", "json", "-")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert {c["code"] for c in document["countries"]} >= {"KZ", "RU"}
    assert result.stderr.startswith("cis-facts: wrote standard output (")


def test_sqlite_to_standard_output_is_refused(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("export", "--to", "sqlite", "-")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "standard output" in result.stderr
    assert listing(tmp_path) == []


@pytest.mark.parametrize("to", ["json", "sqlite"])
def test_trailing_slash_names_a_directory(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("export", "--to", to, "out/")
    assert result.exit_code == 1
    assert result.stderr == (
        "cis-facts: cannot write out/: a path ending in / names a directory, not a file\n"
    )
    assert listing(tmp_path) == []


def test_file_name_of_255_bytes(run_cli: RunCli, tmp_path: Path) -> None:
    name = "ф" * 125 + ".json"  # 250 + 5 bytes in UTF-8
    assert len(os.fsencode(name)) == 255
    result = run_cli("export", "--to", "json", tmp_path / name)
    assert result.exit_code == 0, result.stderr
    assert listing(tmp_path) == [name]


def test_sqlite_refuses_an_integer_its_real_column_would_round(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """Figures are REAL (43.0 stays 43.0); an integer above 2**53 would come back another
    number, so the export stops and names it instead of rounding it."""
    extra = tmp_path / "big.toml"
    extra.write_text(
        '[[sources]]\nid = "big-src"\ntitle = "Big"\nlanguage = "en"\n\n'
        '[[figures]]\nid = "big-figure"\nlabel_en = "Big"\nlabel_kk = "Үлкен"\n'
        f'source = "big-src"\nquote = "big"\ntopic = "big"\nmeasure = "count"\n'
        f'value = {BIG}\nunit = "t"\n',
        encoding="utf-8",
    )
    db = tmp_path / "facts.db"
    result = run_cli("--data", extra, "export", "--to", "sqlite", db)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"cis-facts: cannot write {db}: figure big-figure: value {BIG} would be rounded in "
        "SQLite's REAL column; --to json keeps it exact\n"
    )
    assert listing(tmp_path) == ["big.toml"]
    assert run_cli("--data", extra, "export", "--to", "json", tmp_path / "f.json").exit_code == 0
    assert f"{BIG}," in (tmp_path / "f.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_termination_signal_removes_the_temporary_files(tmp_path: Path, signum: int) -> None:
    before = signal.getsignal(signum)

    def signalled(base: FactBase, tmp: str) -> None:
        with closing(sqlite3.connect(tmp)) as connection:
            connection.execute("BEGIN")
            connection.execute("CREATE TABLE t (x)")
            assert Path(tmp + "-journal").exists()
            os.kill(os.getpid(), signum)

    original = export_module._write_sqlite
    export_module._write_sqlite = signalled  # type: ignore[assignment]
    try:
        with pytest.raises(Terminated):
            export_module.export(load(), "sqlite", tmp_path / "facts.db")
    finally:
        export_module._write_sqlite = original  # type: ignore[assignment]
    assert listing(tmp_path) == []
    assert signal.getsignal(signum) is before  # the handler is put back


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_terminated_process_exits_128_plus_the_signal(tmp_path: Path, name: str, code: int) -> None:
    """A real process signals itself in the middle of writing: exit status and no leftovers."""
    program = (
        "import os, signal, sys\n"
        "from cis_facts import export\n"
        "from cis_facts.cli import main\n"
        "real = export._write_sqlite\n"
        "def write(base, tmp):\n"
        "    real(base, tmp)\n"
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
    assert proc.returncode == code
    assert proc.stderr.decode() == "cis-facts: terminated\n"
    assert listing(tmp_path) == []


def _no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(1, "Operation not permitted")  # as FAT and some network mounts

    monkeypatch.setattr(export_module.os, "link", refuse)


def test_without_hard_links_the_name_is_claimed_first(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_hard_links(monkeypatch)
    target = tmp_path / "facts.json"
    result = run_cli("export", "--to", "json", target)
    assert result.exit_code == 0, result.stderr
    assert "countries" in json.loads(target.read_text(encoding="utf-8"))
    assert listing(tmp_path) == ["facts.json"]


def test_without_hard_links_a_file_that_appeared_is_kept(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_hard_links(monkeypatch)
    target = tmp_path / "facts.json"
    _file_appears_during(monkeypatch, target, b"theirs")
    result = run_cli("export", "--to", "json", target)
    assert result.exit_code == 1
    assert target.read_bytes() == b"theirs"
    assert listing(tmp_path) == ["facts.json"]
