"""The cache trusts nothing it did not write, and deletes only its own files.

Each test plays someone who can write the cache directory (or a careless user pointing
``CIS_FACTS_CACHE`` at a folder of their own), through the installed script where the
process matters (a hang, memory) and in-process otherwise.
"""

from __future__ import annotations

import marshal
import os
import resource
import stat
import subprocess
import sys
import threading
from importlib.util import source_hash
from pathlib import Path

import pytest
from click.testing import Result
from conftest import DEVELOPERS_CACHE, RunCli

from cis_facts import cache, loader

SCRIPT = Path(sys.executable).parent / "cis-facts"
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
needs_posix_owner = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no file owners")

SOURCE = '[[sources]]\nid = "ct-src"\ntitle = "Cache trust"\nlanguage = "en"\n\n'


def _figures(count: int) -> str:
    return SOURCE + "".join(
        f'[[figures]]\nid = "ct-fig-{i}"\nlabel_en = "Cache figure {i:05d} of the trust test"\n'
        f'label_kk = "Көрсеткіш {i}"\nsource = "ct-src"\nquote = "quoted words {i}"\n'
        f'topic = "mytopic"\nmeasure = "amount"\nvalue = {i}\nunit = "t"\n\n'
        for i in range(count)
    )


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    """A user file above the size from which a base is cached."""
    path = tmp_path / "big.toml"
    path.write_text(_figures(300), encoding="utf-8")
    assert path.stat().st_size >= cache.MIN_BYTES
    return path


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """What ``CIS_FACTS_CACHE`` names, for the test's whole environment."""
    path = tmp_path / "cache-root"
    path.mkdir()
    monkeypatch.setenv("CIS_FACTS_CACHE", str(path))
    return path


def script(
    root: Path, *args: str | Path, memory: int | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "CIS_FACTS_DATA"}
    env["CIS_FACTS_CACHE"] = str(root)

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        capture_output=True,
        input=stdin,
        env=env,
        preexec_fn=limit,
        timeout=120,  # a guard against a hang, far above the second or so a run takes
        check=False,
    )


def cache_files(root: Path) -> list[Path]:
    """Every entry the cache wrote, wherever under ``root`` it put them."""
    return sorted(p for p in root.rglob("*.cache") if p.is_file() or p.is_fifo())


def only_entry(root: Path) -> Path:
    (entry,) = [p for p in cache_files(root) if not p.name.startswith(".")]
    return entry


def value_of_first_figure(result: Result) -> str:
    assert result.exit_code == 0, result.stderr
    return next(line for line in result.stdout.splitlines() if "ct-fig-0\t" in line)


# ---------------------------------------------------------------- pruning (finding 3)


def test_pruning_removes_only_what_the_cache_wrote(
    run_cli: RunCli, root: Path, big_file: Path
) -> None:
    mine = [root / f"thesis-chapter{n}.cache" for n in range(1, 11)]
    mine += [root / ".tmp-notes.cache", root / "deadbeefdeadbeef.cache"]
    for n, path in enumerate(mine):
        path.write_text(f"my own work {n}", encoding="utf-8")
        os.utime(path, (1_000_000_000 + n, 1_000_000_000 + n))
    for run in range(3):  # three bases: three entries, each written with a prune
        big_file.write_text(_figures(300 + run), encoding="utf-8")
        assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    for n, path in enumerate(mine):
        assert path.read_text(encoding="utf-8") == f"my own work {n}"


def test_entries_live_in_a_directory_of_their_own(
    run_cli: RunCli, root: Path, big_file: Path
) -> None:
    assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    assert [p.name for p in root.iterdir()] == [cache.FOLDER]


# ---------------------------------------------------------------- trust (finding 4)


def _old_scheme_entry(root: Path, big_file: Path, value: int) -> None:
    """Plant an entry as anyone could compute it before: the public SipHash as checksum,
    at the name that hash gives, in the folder and in the cache's own one."""
    base, stamps = loader.load_stamped([str(big_file)])
    forged = base.replace(
        figures=tuple(f.replace(value=value) if f.id == "ct-fig-0" else f for f in base.figures)
    )
    name = source_hash(marshal.dumps(cache.header(stamps), 4)).hex() + ".cache"
    for folder in (root, root / cache.FOLDER):
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(cache.encode(forged, stamps))  # sealed with source_hash


def test_an_entry_anyone_can_compute_is_not_believed(
    run_cli: RunCli, root: Path, big_file: Path
) -> None:
    _old_scheme_entry(root, big_file, 666)
    out = run_cli("--data", big_file, "figures", "mytopic", "--format", "tsv")
    assert "\t666\t" not in value_of_first_figure(out)
    assert "\t0\t" in value_of_first_figure(out)


@needs_posix_owner
def test_a_cache_directory_others_can_write_is_not_used(
    run_cli: RunCli, root: Path, big_file: Path
) -> None:
    folder = root / cache.FOLDER
    folder.mkdir()
    folder.chmod(0o777)
    assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    assert list(folder.iterdir()) == []


@needs_posix_owner
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_cache_directory_of_another_user_is_not_used(
    run_cli: RunCli, root: Path, big_file: Path
) -> None:
    folder = root / cache.FOLDER
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)  # nobody
    assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    assert list(folder.iterdir()) == []


@needs_posix_owner
def test_an_entry_others_can_write_is_not_read(
    run_cli: RunCli, root: Path, big_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    only_entry(root).chmod(0o666)
    validated: list[bool] = []
    real = loader._validated

    def counting(*args: object, **kwargs: object) -> object:
        validated.append(True)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_validated", counting)
    assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    assert validated == [True]


def test_the_secret_is_private(run_cli: RunCli, root: Path, big_file: Path) -> None:
    assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    key = root / cache.FOLDER / cache.KEY_FILE
    assert len(key.read_bytes()) == cache.KEY_BYTES
    if hasattr(os, "geteuid"):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600


# ---------------------------------------------------------------- what an entry is (5, 6)


@needs_script
def test_a_named_pipe_at_an_entry_does_not_hang(root: Path, big_file: Path) -> None:
    assert script(root, "--data", big_file, "figures", "mytopic").returncode == 0
    entry = only_entry(root)
    entry.unlink()
    os.mkfifo(entry)
    done = script(root, "--data", big_file, "figures", "mytopic")
    assert done.returncode == 0, done.stderr
    assert b"ct-fig-0" in done.stdout


@needs_script
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_entry_linked_to_an_endless_device_is_not_read(root: Path, big_file: Path) -> None:
    assert script(root, "--data", big_file, "figures", "mytopic").returncode == 0
    entry = only_entry(root)
    entry.unlink()
    entry.symlink_to("/dev/zero")
    done = script(root, "--data", big_file, "figures", "mytopic", memory=1 << 30)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr


def test_an_entry_over_its_size_bound_is_not_read(
    run_cli: RunCli, root: Path, big_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    entry = only_entry(root)
    with entry.open("ab") as file:
        file.truncate(cache.SIZE_FACTOR * big_file.stat().st_size + (2 << 20))
    read: list[int] = []
    real = os.read

    def reading(fd: int, n: int) -> bytes:
        read.append(n)
        return real(fd, n)

    monkeypatch.setattr(os, "read", reading)
    assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    assert sum(read) < 1 << 20


@pytest.mark.parametrize("bomb", [b"(\xff\xff\xff\x7f", b"[\xff\xff\xff\x7f"])
def test_a_marshal_bomb_never_reaches_marshal(bomb: bytes) -> None:
    """A payload claiming 2^31 items (29 bytes that make marshal allocate gigabytes), with
    the checksum anyone can compute, is refused before ``marshal.loads`` sees it."""
    key = b"k" * cache.KEY_BYTES
    data = cache.MAGIC + source_hash(bomb) + bytes(24) + bomb
    unmarshalled: list[object] = []

    def profile(frame: object, event: str, arg: object) -> None:
        if event == "c_call" and getattr(arg, "__name__", "") == "loads":
            unmarshalled.append(arg)

    sys.setprofile(profile)
    try:
        assert cache._opened(data, key) is None
    finally:
        sys.setprofile(None)
    assert unmarshalled == []


# ---------------------------------------------------------------- wrong types (finding 12)


def _sealed_with(root: Path, big_file: Path, change: object) -> None:
    """Rewrite the one entry, sealed with the cache's own secret, after ``change``."""
    entry = only_entry(root)
    key = (root / cache.FOLDER / cache.KEY_FILE).read_bytes()
    head, tables = cache._plain(entry.read_bytes(), key)
    change(tables)  # type: ignore[operator]
    entry.write_bytes(cache._assemble(head, tables, key))


def _set(table: str, field: str, value: object) -> object:
    def change(tables: dict[str, cache._PlainTable]) -> None:
        names, _, _, blocks = tables[table]
        for columns in blocks:
            column = columns[names.index(field)]
            column[:] = [value] * len(column)

    return change


@pytest.mark.parametrize(
    ("change", "args"),
    [
        (_set("figures", "label_en", None), ("cite", "ct-fig-0")),
        (_set("figures", "label_en", 123), ("search", "Cache figure")),
        (_set("figures", "topic", None), ("figures", "mytopic", "--format", "plain")),
        (_set("figures", "value", "7"), ("show", "ct-fig-0", "--format", "json")),
        (_set("countries", "aliases", (1, 2)), ("country", "KZ")),
    ],
)
def test_an_entry_of_the_wrong_types_is_a_miss(
    run_cli: RunCli, root: Path, big_file: Path, change: object, args: tuple[str, ...]
) -> None:
    assert run_cli("--data", big_file, "figures", "mytopic").exit_code == 0
    _sealed_with(root, big_file, change)
    result = run_cli("--data", big_file, *args)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- non-regular --data (11)


@needs_script
def test_data_from_standard_input_with_the_cache_on(root: Path, big_file: Path) -> None:
    done = script(root, "--data", "/dev/stdin", "figures", "mytopic", stdin=big_file.read_bytes())
    assert done.returncode == 0, done.stderr
    assert b"ct-fig-299" in done.stdout


@needs_script
def test_data_from_a_named_pipe_with_the_cache_on(root: Path, big_file: Path) -> None:
    fifo = root.parent / "ff"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as writer:
            writer.write(big_file.read_bytes())

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    done = script(root, "--data", fifo, "figures", "mytopic")
    feeder.join(timeout=5)
    assert done.returncode == 0, done.stderr
    assert b"ct-fig-299" in done.stdout


# ---------------------------------------------------------------- off spellings (finding 18)


@pytest.mark.parametrize("value", ["0", "false", "no", "none", "disabled", " off", "off "])
def test_common_off_spellings_create_nothing(
    run_cli: RunCli, tmp_path: Path, big_file: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = run_cli("--data", big_file, "figures", "mytopic", environ={"CIS_FACTS_CACHE": value})
    assert result.exit_code == 0
    assert list(work.iterdir()) == []


def test_a_relative_home_creates_nothing(
    run_cli: RunCli, tmp_path: Path, big_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    env = {"HOME": "relhome", "XDG_CACHE_HOME": "", "CIS_FACTS_CACHE": ""}
    result = run_cli("--data", big_file, "figures", "mytopic", environ=env)
    assert result.exit_code == 0
    assert list(work.iterdir()) == []


# ---------------------------------------------------------------- the suite itself (23)


def test_the_suite_never_uses_the_developers_cache(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = cache.directory(os.environ)
    assert folder is not None
    assert DEVELOPERS_CACHE is None or not Path(folder).is_relative_to(DEVELOPERS_CACHE)
    assert Path(folder).is_relative_to(tmp_path_factory.getbasetemp())
    assert Path(folder).parent == Path(os.environ["HOME"], ".cache")
