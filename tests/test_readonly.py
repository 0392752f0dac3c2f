"""Read-only: no command writes anything, except ``export`` to the path it is given and
the fact-base cache to its own directory.

Every test runs twice: with the cache on (in a directory of its own, its size threshold
lowered so that the small user file here is cached) and with ``CIS_FACTS_CACHE=off``,
where nothing at all may be written. Every command runs with a fresh, empty working
directory. Afterwards the packaged fact base (and the repository's ``data/`` copy), the
``--data`` user file and its folder, and the working directory must be byte-for-byte and
entry-for-entry what they were: same hashes, same names, sizes and modification times. For
``export`` the one difference allowed is the target file itself (no temporary file left
beside it).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from conftest import RunCli

from cis_facts import cache
from cis_facts.loader import ENV_VAR, packaged_base

SCRIPT = Path(sys.executable).parent / "cis-facts"
PACKAGED = Path(packaged_base())
REPO_DATA = Path(__file__).resolve().parents[1] / "data"
USER_FACTS = """\
[[sources]]
id = "ro-source"
title = "Read-only test source"
language = "en"

[[countries]]
code = "QR"
name_en = "Readonlia"
name_kk = "Ридонлия"
name_ru = "Ридонлия"
source = "ro-source"
quote = "Readonlia"

[[figures]]
id = "ro-figure"
topic = "ro-topic"
measure = "amount"
value = 12.5
unit = "tonnes"
country = "QR"
label_en = "Readonlia produces 12.5 tonnes"
label_kk = "Ридонлия 12,5 тонна өндіреді"
source = "ro-source"
quote = "12.5 tonnes"
"""

FORMATS = ("table", "plain", "json", "jsonl", "csv", "tsv", "markdown")
QUERIES: dict[str, tuple[str, ...]] = {
    "members": ("members", "--all"),
    "members-chart": ("members", "--chart"),
    "timeline": ("timeline",),
    "country": ("country", "QR"),
    "resources": ("resources",),
    "trade-exports": ("trade", "exports"),
    "trade-totals": ("trade", "totals"),
    "figures": ("figures", "ro-topic"),
    "search": ("search", "Readonlia"),
    "show": ("show", "ro-figure"),
    "cite": ("cite", "ro-figure"),
}
Entry = tuple[str, int, int, str]
Snapshot = dict[str, list[Entry]]


def tree(folder: Path) -> list[Entry]:
    """Every entry under ``folder``: name, size, modification time and content hash."""
    entries = []
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        digest = _digest(path, stat) if path.is_file() else ""
        entries.append((str(path.relative_to(folder)), stat.st_size, stat.st_mtime_ns, digest))
    return entries


# The hash of each file as last read, by its path, inode, size and modification and change
# times: any write gives a file a new change time (which no user can set back), so a file is
# hashed again once anything wrote to it, and the packaged files, watched by every test,
# are read once rather than twice a test.
_DIGESTS: dict[tuple[str, int, int, int, int], str] = {}


def _digest(path: Path, stat: os.stat_result) -> str:
    key = (str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    if key not in _DIGESTS:
        _DIGESTS[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _DIGESTS[key]


class Watched:
    """The places no command may write: packaged base, user file and folder, cwd, home.

    With the cache off, its directory must not be created either.
    """

    def __init__(self, user_file: Path, cwd: Path, cache_dir: Path, cache_on: bool) -> None:
        self.user_file, self.cwd, self.cache_dir = user_file, cwd, cache_dir
        self.env: dict[str, str | None] = {cache.ENV_VAR: str(cache_dir) if cache_on else "off"}
        self.folders = {"packaged": PACKAGED.parent, "user": user_file.parent, "cwd": cwd}
        if REPO_DATA.is_dir():
            self.folders["repository data"] = REPO_DATA
        if not cache_on:
            self.folders["cache parent"] = cache_dir.parent

    def snapshot(self) -> Snapshot:
        return {name: tree(folder) for name, folder in self.folders.items()}


@pytest.fixture(params=["cache-on", "cache-off"])
def watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: Any) -> Watched:
    user_dir, cwd, cache_parent = tmp_path / "user", tmp_path / "cwd", tmp_path / "cache"
    for folder in (user_dir, cwd, cache_parent):
        folder.mkdir()
    user_file = user_dir / "user.toml"
    user_file.write_text(USER_FACTS, encoding="utf-8")
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    return Watched(user_file, cwd, cache_parent / "cis-facts", request.param == "cache-on")


def invoke(
    run_cli: RunCli,
    watched: Watched,
    args: Sequence[str],
    env: dict[str, str | None] | None = None,
) -> Result:
    result = run_cli("--data", watched.user_file, *args, environ={**watched.env, **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def assert_untouched(watched: Watched, before: Snapshot) -> None:
    after = watched.snapshot()
    changed = [name for name in before if before[name] != after[name]]
    assert not changed, {name: (before[name], after[name]) for name in changed}
    assert Path.cwd() == watched.cwd


def _query_cases() -> Iterator[Any]:
    for name, args in QUERIES.items():
        for fmt in FORMATS:
            yield pytest.param(args, fmt, id=f"{name}-{fmt}")


@pytest.mark.parametrize(("args", "fmt"), list(_query_cases()))
def test_query_writes_nothing(
    run_cli: RunCli, watched: Watched, args: tuple[str, ...], fmt: str
) -> None:
    before = watched.snapshot()
    result = invoke(run_cli, watched, [*args, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert_untouched(watched, before)


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("cite", "ro-figure"),
        ("timeline",),
        ("search", "no-such-thing-at-all"),
        ("show", "nope"),
        ("country", "Atlantis"),
    ],
    ids=" ".join,
)
def test_default_format_and_not_found_write_nothing(
    run_cli: RunCli, watched: Watched, args: tuple[str, ...]
) -> None:
    before = watched.snapshot()
    result = invoke(run_cli, watched, args)
    assert result.exit_code in (0, 1), result.stderr
    assert_untouched(watched, before)


def test_check_with_source_writes_nothing(
    run_cli: RunCli, watched: Watched, source_text: Path
) -> None:
    source_before = hashlib.sha256(source_text.read_bytes()).hexdigest()
    before = watched.snapshot()
    result = invoke(run_cli, watched, ["check", "--source", str(source_text)])
    assert result.exit_code == 0, result.stderr
    assert_untouched(watched, before)
    assert hashlib.sha256(source_text.read_bytes()).hexdigest() == source_before


def test_broken_user_file_writes_nothing(run_cli: RunCli, watched: Watched) -> None:
    watched.user_file.write_text(USER_FACTS + "\n[[figures]]\nid = 1\n", encoding="utf-8")
    before = watched.snapshot()
    result = invoke(run_cli, watched, ["check"])
    assert result.exit_code == 1
    assert_untouched(watched, before)


@pytest.mark.parametrize(
    ("words", "cword"),
    [
        ("cis-facts country Read", 2),
        ("cis-facts show ro-", 2),
        ("cis-facts timeline --country G", 3),
        ("cis-facts ", 1),
        ("cis-facts members --", 2),
    ],
)
def test_completion_writes_nothing(
    run_cli: RunCli, watched: Watched, words: str, cword: int
) -> None:
    before = watched.snapshot()
    result = invoke(
        run_cli,
        watched,
        [],
        env={"_CIS_FACTS_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)},
    )
    assert result.exit_code == 0, result.stderr
    assert_untouched(watched, before)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_source_writes_nothing(run_cli: RunCli, watched: Watched, shell: str) -> None:
    before = watched.snapshot()
    result = invoke(run_cli, watched, [], env={"_CIS_FACTS_COMPLETE": f"{shell}_source"})
    assert result.exit_code == 0 and result.stdout, result.stderr
    assert_untouched(watched, before)


@pytest.mark.parametrize("to", ["sqlite", "json"])
@pytest.mark.parametrize("where", ["cwd", "elsewhere"])
def test_export_writes_only_its_target(
    run_cli: RunCli, watched: Watched, tmp_path: Path, to: str, where: str
) -> None:
    folder = watched.cwd if where == "cwd" else tmp_path / "out"
    folder.mkdir(exist_ok=True)
    target = folder / f"facts.{'db' if to == 'sqlite' else 'json'}"
    before = watched.snapshot()
    folder_before = tree(folder)
    result = invoke(run_cli, watched, ["export", "--to", to, str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.is_file() and target.stat().st_size > 0
    if where == "cwd":
        before["cwd"] = tree(watched.cwd)  # the target is the one new entry
        assert [e[0] for e in before["cwd"]] == [target.name]
    else:
        assert [e[0] for e in tree(folder)] == sorted([*(e[0] for e in folder_before), target.name])
    assert_untouched(watched, before)


@pytest.mark.parametrize("to", ["sqlite", "json"])
def test_export_refusing_to_overwrite_writes_nothing(
    run_cli: RunCli, watched: Watched, to: str
) -> None:
    target = watched.cwd / "existing"
    target.write_text("keep me\n", encoding="utf-8")
    before = watched.snapshot()
    result = invoke(run_cli, watched, ["export", "--to", to, str(target)])
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert_untouched(watched, before)
    assert target.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed")
@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("timeline", "--format", "table"),
        ("country", "QR", "--format", "json"),
        ("cite", "ro-figure"),
    ],
    ids=" ".join,
)
def test_installed_script_writes_nothing(watched: Watched, args: tuple[str, ...]) -> None:
    """A fresh interpreter, as users run it (bytecode writing left to the environment)."""
    before = watched.snapshot()
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env[cache.ENV_VAR] = watched.env[cache.ENV_VAR] or ""
    proc = subprocess.run(
        [str(SCRIPT), "--data", str(watched.user_file), *args],
        cwd=watched.cwd,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert_untouched(watched, before)
    # A fresh process has the real size threshold: a small base is not cached.
    assert not watched.cache_dir.exists()


def test_cache_writes_only_its_own_directory(run_cli: RunCli, watched: Watched) -> None:
    before = watched.snapshot()
    for args in (("search", "Readonlia"), ("show", "ro-figure"), ("check",)):
        assert invoke(run_cli, watched, args).exit_code == 0
    assert_untouched(watched, before)
    if watched.env[cache.ENV_VAR] == "off":
        assert not watched.cache_dir.exists()
    else:
        folder = watched.cache_dir / cache.FOLDER
        written = sorted(p.name for p in folder.iterdir() if p.name != cache.KEY_FILE)
        # The base's entry, and the search index's beside it.
        assert len(written) == 2 and all(n.endswith(".cache") for n in written), written
