"""When each fact of the packaged base was added or last corrected, read from CHANGELOG.md.

CHANGELOG.md is the one record of what changed in each release, and why; it ships beside
``facts.toml`` (``cis_facts/data/CHANGELOG.md``). Under a release's ``### Added`` and
``### Corrected`` headings each bullet names its facts in backticks before the dash, then
says why. The file is read only by the commands that print a fact's release (``show``),
never at start-up; ``tests/test_changelog.py`` checks that it names every fact of the
packaged base and only facts it holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from cis_facts.frozen import Frozen

# The subsections whose bullets name facts, and what each says of them.
FACT_SECTIONS = {"added": "added", "corrected": "corrected"}
SOURCE_SECTION = "sources added"
_ID = re.compile(r"`([^`\s]+)`")
_DASH = " — "


class Change(Frozen, kw_only=True):
    """One fact in one release: added or corrected, and why (in English, as the file has it)."""

    version: str
    how: str  # added | corrected
    why: str


class Changelog(Frozen, kw_only=True):
    """Every release's facts, newest release first, and the sources each release added."""

    versions: tuple[str, ...]
    changes: tuple[tuple[str, Change], ...]  # (fact id, change), in the file's order
    sources: tuple[tuple[str, str], ...]  # (source id, version)

    def last(self, fact_id: str) -> Change | None:
        """The newest change of the fact, or None when the file does not name it."""
        return next((c for i, c in self.changes if i == fact_id), None)


def path() -> str:
    return str(Path(__file__).parent / "data" / "CHANGELOG.md")


def _bullets(lines: list[str]) -> list[str]:
    """Markdown bullets (``- …`` and their indented continuation lines), one string each."""
    found: list[str] = []
    for line in lines:
        if line.startswith("- "):
            found.append(line[2:].strip())
        elif found and line.startswith("  ") and line.strip():
            found[-1] += " " + line.strip()
    return found


def parse(text: str) -> Changelog:
    """The releases, facts and sources ``text`` (a CHANGELOG.md) names."""
    versions: list[str] = []
    sections: dict[tuple[str, str], list[str]] = {}
    version = section = ""
    for line in text.splitlines():
        if line.startswith("## "):
            version, section = line[3:].strip(), ""
            versions.append(version)
        elif line.startswith("### "):
            section = line[4:].strip().casefold()
        elif version and section:
            sections.setdefault((version, section), []).append(line)
    changes: list[tuple[str, Change]] = []
    sources: list[tuple[str, str]] = []
    for (release, name), lines in sections.items():
        for bullet in _bullets(lines):
            named, _, why = bullet.partition(_DASH)
            ids = _ID.findall(named)
            if name in FACT_SECTIONS:
                change = Change(version=release, how=FACT_SECTIONS[name], why=why.strip())
                changes += [(i, change) for i in ids]
            elif name == SOURCE_SECTION:
                sources += [(i, release) for i in ids]
    return Changelog(versions=tuple(versions), changes=tuple(changes), sources=tuple(sources))


@lru_cache(maxsize=1)
def shipped() -> Changelog:
    """The packaged CHANGELOG.md; empty when it is missing from the installation."""
    try:
        return parse(Path(path()).read_text(encoding="utf-8"))
    except OSError:
        return Changelog(versions=(), changes=(), sources=())
