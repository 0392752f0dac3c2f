"""CHANGELOG.md and the fact base agree, and ``show`` tells when a fact last changed.

CHANGELOG.md is the one record of what each release added or corrected; these tests hold
it to the packaged base: every fact is added exactly once, every id it names is a fact (or,
under "Sources added", a source record), the newest release is the package's version.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import RunCli
from conftest import _run_cli as run_cli_module

from cis_facts import __version__, changelog
from cis_facts.loader import load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def log() -> changelog.Changelog:
    return changelog.parse((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))


def test_the_shipped_file_is_the_changelog(log: changelog.Changelog) -> None:
    # A link in a checkout, a copy in an installed wheel: the same bytes either way.
    shipped = Path(changelog.path()).read_bytes()
    assert shipped == (ROOT / "CHANGELOG.md").read_bytes()
    assert changelog.shipped() == log


def test_newest_release_is_the_package_version(log: changelog.Changelog) -> None:
    assert log.versions[0] == __version__
    as_numbers = [tuple(int(n) for n in v.split(".")) for v in log.versions]
    assert as_numbers == sorted(as_numbers, reverse=True)


def test_every_fact_is_added_once_and_only_facts_are_named(log: changelog.Changelog) -> None:
    base = load()
    facts = {f.id for f in base.facts()}
    added = [i for i, c in log.changes if c.how == "added"]
    assert sorted(added) == sorted(facts)  # each fact added exactly once
    named = {i for i, _ in log.changes}
    assert named - facts == set()
    assert {i for i, _ in log.sources} - {s.id for s in base.sources} == set()


def test_a_fact_is_corrected_only_in_or_after_the_release_that_added_it(
    log: changelog.Changelog,
) -> None:
    order = {v: n for n, v in enumerate(reversed(log.versions))}
    added = {i: order[c.version] for i, c in log.changes if c.how == "added"}
    late = [(i, c.version) for i, c in log.changes if order[c.version] < added[i]]
    assert late == []
    assert all(c.why for _, c in log.changes)  # every line says why


def test_the_audited_corrections_are_named(log: changelog.Changelog) -> None:
    corrected = {i for i, c in log.changes if c.how == "corrected" and c.version == "0.2.0"}
    assert {
        "import-growth-europe-machinery-2004",
        "import-growth-europe-goods",
        "import-growth-europe-2004",
        "fdi-growth-russia-1995-2003",
        "kazakhstan-gdp-growth-since-1995",
        "world-gdp-emerging-share",
        "world-gdp-cis-share",
        "world-exports-g7-share",
        "charter-signed-1993",
        "moldova-agreement-ratified",
        "azerbaijan-rejoins",
        "georgia-accession",
    } <= corrected


def test_show_tells_the_release_a_fact_last_changed_in(run_cli: RunCli) -> None:
    corrected = run_cli("show", "import-growth-europe-machinery-2004", "-f", "json")
    record = json.loads(corrected.stdout)[0]
    assert (record["changed"], record["change"]) == ("0.2.0", "corrected")
    added = json.loads(run_cli("show", "rank-zinc", "-f", "json").stdout)[0]
    assert (added["changed"], added["change"]) == ("0.1.0", "added")
    assert _row("cis-definition", "en") == "│ Last changed in │ cis-facts 0.2.0 (added) │"
    assert (
        _row("import-growth-europe-2004", "kk") == "│ Соңғы өзгеріс │ cis-facts 0.2.0 (түзетілді) │"
    )
    assert _row("rank-zinc", "ru") == "│ Последнее изменение │ cis-facts 0.1.0 (добавлен) │"


def _row(fact_id: str, lang: str) -> str:
    """The table's last row, its padding squeezed to single spaces."""
    table = run_cli_module("show", fact_id, "--lang", lang, "-f", "table", "--color", "never")
    return " ".join(table.stdout.splitlines()[-2].split())


def test_a_fact_of_ones_own_files_has_no_release(run_cli: RunCli, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(
        '[[statements]]\nid = "own-claim"\ntopic = "cis"\nlabel_en = "Own claim."\n'
        'label_kk = "Өз тұжырым."\nsource = "kk-text"\nquote = "ТМД"\n',
        encoding="utf-8",
    )
    result = run_cli("--data", own, "show", "own-claim", "-f", "json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)[0]
    assert (record["changed"], record["change"]) == (None, None)
