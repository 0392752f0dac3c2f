"""The built wheel carries the fact base and runs from a fresh virtual environment.

The wheel is installed with ``--no-deps`` into a new venv, and the venv is pointed at the
directories that already hold click, rich and tomli through a ``.pth`` file. That keeps the
test off the package index (only ``python -m build`` needs the build backend) and fast, while
the package itself, its data and its console script come from the wheel alone.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import tomli

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]
DEPENDENCIES = ("click", "rich", "tomli")
TIMEOUT = 120


def _run(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("CIS_FACTS_DATA", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _checked(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = _run(args, cwd)
    assert proc.returncode == 0, f"{args} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


def _dependency_dirs() -> list[str]:
    """The site directories the running interpreter imports the dependencies from."""
    dirs = []
    for name in DEPENDENCIES:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None, f"{name} is not installed"
        origin = Path(spec.origin)
        site = origin.parent.parent if origin.name == "__init__.py" else origin.parent
        if str(site) not in dirs:
            dirs.append(str(site))
    return dirs


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    _checked([sys.executable, "-m", "build", "--wheel", "--outdir", dist, PROJECT], PROJECT)
    wheels = list(dist.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("venv")
    _checked([sys.executable, "-m", "venv", root], root)
    python = root / "bin" / "python"
    _checked(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            wheel,
        ],
        root,
    )
    purelib = _checked(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], root
    ).stdout.strip()
    (Path(purelib) / "_cis_facts_test_deps.pth").write_text(
        "\n".join(_dependency_dirs()) + "\n", encoding="utf-8"
    )
    return root


def test_wheel_carries_the_fact_base(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "cis_facts/data/facts.toml" in names
        facts = tomli.loads(archive.read("cis_facts/data/facts.toml").decode("utf-8"))
        # show reads when each fact last changed from the shipped CHANGELOG.md
        changes = archive.read("cis_facts/data/CHANGELOG.md").decode("utf-8")
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        entry_points = archive.read(
            next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        )
    assert facts["sources"] and facts["countries"]
    assert changes.startswith("# Changelog\n")
    requires = [
        line.split(":", 1)[1].strip()
        for line in metadata.decode().splitlines()
        if line.startswith("Requires-Dist:")
    ]
    for name in DEPENDENCIES:
        assert any(req.startswith(name) and "extra ==" not in req for req in requires), requires
    assert "cis-facts = cis_facts.entry:main" in entry_points.decode()


def test_installed_package_comes_from_the_venv(venv: Path, tmp_path: Path) -> None:
    code = (
        "import cis_facts, cis_facts.loader as l; print(cis_facts.__file__); "
        "print(l.packaged_base())"
    )
    lines = _checked([venv / "bin" / "python", "-c", code], tmp_path).stdout.splitlines()
    module, data = (Path(line) for line in lines)
    assert module.is_relative_to(venv)
    assert data.is_relative_to(venv)
    assert data.is_file()
    assert not data.is_symlink()


UNSHIPPED = (
    "azerbaijan-portal-cis, azvision-ukraine-2018, belta-moldova-2026, cis-charter-decision, "
    "kazan-summit-2005, loc-azerbaijan-study, loc-moldova-study, moldova-mfa-cis, "
    "ria-moldova-2026, wikipedia-cis-charter-history, wikipedia-cis-member-states, "
    "zdg-moldova-ipa-2023"
)


def test_console_script_check(venv: Path, tmp_path: Path) -> None:
    proc = _checked([venv / "bin" / "cis-facts", "check"], tmp_path)
    lines = proc.stdout.splitlines()
    assert lines[-1] == "ok: fact base is valid and every quote checked was found"
    assert lines[-2].startswith("quotes ") and lines[-2].endswith("not shipped (" + UNSHIPPED + ")")
    for line in lines[-4:-2]:
        assert line.startswith("quotes ")
        assert line.split()[1] in {f"{n}/{n}" for n in range(1, 1000)}
    assert [line.split("\t")[0] for line in lines[:-4]] == [
        "sources",
        "countries",
        "events",
        "rankings",
        "trade_shares",
        "trade_totals",
        "figures",
        "statements",
    ]
    assert proc.stderr == ""


def test_python_m_check(venv: Path, tmp_path: Path) -> None:
    proc = _checked([venv / "bin" / "python", "-m", "cis_facts", "check"], tmp_path)
    assert (
        proc.stdout.splitlines()[-1] == "ok: fact base is valid and every quote checked was found"
    )


def test_console_script_reports_bad_user_file(venv: Path, tmp_path: Path) -> None:
    bad = PROJECT / "tests" / "fixtures" / "unknown_field.toml"
    proc = _run([venv / "bin" / "cis-facts", "--data", bad, "check"], tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == f"cis-facts: {bad}: fact fx-unknown-field: colour: unknown field\n"


def _imports(venv: Path, cwd: Path, env: dict[str, str], *args: str) -> set[str]:
    """The modules a call of the installed command imports."""
    code = "import sys; from cis_facts.cli import main; sys.argv[0] = 'cis-facts'; main()"
    proc = subprocess.run(
        [str(venv / "bin" / "python"), "-X", "importtime", "-c", code, *args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return {
        line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "import time:" in line
    }


def test_wheel_ships_the_packaged_cache_entry(wheel: Path, venv: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        assert "cis_facts/data/facts.cache" in archive.namelist()
    # The entry is read instead of parsing facts.toml, and writes nothing anywhere.
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_CACHE_HOME": str(home / "cache")}
    piped = _imports(venv, tmp_path, env, "members", "--format", "json")
    assert "tomli" not in piped
    # Output to a pipe never needs the pager (nor the subprocess module it starts it with).
    assert "cis_facts.pager" not in piped and "subprocess" not in piped
    assert "shutil" not in piped  # nor the terminal size lookup
    off = _imports(venv, tmp_path, {**env, "CIS_FACTS_CACHE": "off"}, "members")
    assert "tomli" in off or "tomllib" in off
    assert not home.exists()


SEARCH_WITHOUT_BUILDING = """
from cis_facts import cache
from cis_facts.loader import load_stamped
from cis_facts.query import search

def refuse(base):
    raise SystemExit("the index was built at run time")

search.build = refuse
base, stamps = load_stamped(cached=True)
built = search.build_cached(base, None, stamps)
print(search.search(base, "When did Georgia leave the CIS?", 1, built).rows[0].id)
"""


def test_wheel_ships_the_packaged_search_index(wheel: Path, venv: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        assert "cis_facts/data/search.index" in archive.namelist()
    python = venv / "bin" / "python"
    proc = _checked([python, "-c", SEARCH_WITHOUT_BUILDING], tmp_path)
    assert proc.stdout == "georgia-withdrawal\n"
