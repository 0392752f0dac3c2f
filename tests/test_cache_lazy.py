"""A base read from the cache unpacks each table when first read (cis_facts.cache).

The entry stores each table as its ids and blocks of records; these tests make blocks of
two records (``BLOCK``) so that every table of the fixtures spans several, and check that
a base read table by table, or one record at a time, is the base validated from the files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import cache, loader
from cis_facts.errors import NotFoundError
from cis_facts.loader import load
from cis_facts.model import FactBase
from cis_facts.schema import TABLES

FIXTURES = Path(__file__).parent / "fixtures"


class NoValidation(AssertionError):
    pass


def refuse_validation(*_: object, **__: object) -> None:
    raise NoValidation("validated from the files, not read from the cache")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    monkeypatch.setattr(cache, "BLOCK", 2)
    return tmp_path / "cache"


@pytest.fixture
def extra(tmp_path: Path) -> Path:
    path = tmp_path / "extra.toml"
    shutil.copyfile(FIXTURES / "valid_extra.toml", path)
    return path


def _cached(cache_dir: Path, extra: Path) -> FactBase:
    return load([str(extra)], cached=True, cache_dir=str(cache_dir))


def _lazy(cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch) -> FactBase:
    """The base read back from its entry, which must not validate the files again."""
    _cached(cache_dir, extra)
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        base = _cached(cache_dir, extra)
    assert isinstance(base, cache.LazyFactBase)
    return base


def _unpacked(base: FactBase) -> list[str]:
    """The tables of ``base`` unpacked so far."""
    return [table for table in TABLES if table in vars(base)]


def test_each_table_read_from_the_entry_is_the_validated_one(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load([str(extra)])
    lazy = _lazy(cache_dir, extra, monkeypatch)
    assert _unpacked(lazy) == []
    for table in TABLES:
        assert getattr(lazy, table) == getattr(full, table), table
        assert [type(r) for r in getattr(lazy, table)] == [type(r) for r in getattr(full, table)]
    assert lazy.files == full.files
    assert lazy == full and full == lazy and hash(lazy) == hash(full)
    assert [f.id for f in lazy.facts()] == [f.id for f in full.facts()]


def test_a_fact_found_by_id_unpacks_no_table(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load([str(extra)])
    lazy = _lazy(cache_dir, extra, monkeypatch)
    ids = [f.id for f in full.facts()]
    assert len(ids) > 100  # the packaged base and the fixture: many blocks of two
    for fact_id in ids:
        assert lazy.fact(fact_id) == full.fact(fact_id), fact_id
    assert lazy.fact("no-such-fact") is None and full.fact("no-such-fact") is None
    assert lazy.fact("KZ") is None  # a country's code is no fact's id
    assert _unpacked(lazy) == []
    assert lazy.counts() == full.counts()
    assert _unpacked(lazy) == []
    lazy.figures  # noqa: B018 - a table unpacked, then the lookup reads it
    assert lazy.fact(full.figures[-1].id) is lazy.figures[-1]


def test_membership_reads_only_events_and_countries(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cis_facts.query.members import status_events

    full = load([str(extra)])
    lazy = _lazy(cache_dir, extra, monkeypatch)
    assert status_events(lazy) == status_events(full)
    assert lazy.country_index == full.country_index
    assert _unpacked(lazy) == ["countries", "events"]


def test_a_damaged_table_is_validated_from_the_files_and_the_entry_rewritten(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load([str(extra)])
    _cached(cache_dir, extra)
    (entry,) = (p for p in cache_dir.iterdir() if p.name != cache.KEY_FILE)
    intact = entry.read_bytes()
    # The statements come last in the entry: its last byte is in their last block.
    entry.write_bytes(intact[:-1] + bytes([intact[-1] ^ 0xFF]))
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        base = _cached(cache_dir, extra)
        assert base.countries == full.countries  # an intact table: read without validation
        with pytest.raises(NoValidation):
            base.statements  # noqa: B018
    base = _cached(cache_dir, extra)
    assert base.countries == full.countries
    assert base.statements == full.statements  # validated from the files
    assert base == full
    assert entry.read_bytes() == intact  # and the entry written again


def test_a_partial_entry_is_a_miss_and_rebuilt(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load([str(extra)])
    _cached(cache_dir, extra)
    (entry,) = (p for p in cache_dir.iterdir() if p.name != cache.KEY_FILE)
    intact = entry.read_bytes()
    for cut in (len(intact) - 1, len(intact) // 2, 40):
        entry.write_bytes(intact[:cut])  # sections cut off: the index names bytes not there
        with monkeypatch.context() as patch:
            patch.setattr(loader, "_validated", refuse_validation)
            with pytest.raises(NoValidation):
                _cached(cache_dir, extra)
        assert _cached(cache_dir, extra) == full
        assert entry.read_bytes() == intact


def test_an_entry_of_the_older_layout_is_a_miss(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry written before tables were split (one sealed marshal of every table) under
    today's name is not read: the header's format number differs, so does its shape."""
    import marshal

    full = load([str(extra)])
    _cached(cache_dir, extra)
    (entry,) = (p for p in cache_dir.iterdir() if p.name != cache.KEY_FILE)
    key = (cache_dir / cache.KEY_FILE).read_bytes()
    head, tables = cache._plain(entry.read_bytes(), key)
    whole = {
        t: (names, count, blocks[0] if blocks else [])
        for t, (names, count, _, blocks) in tables.items()
    }
    payload = marshal.dumps((head, whole), 4)
    entry.write_bytes(cache.MAGIC + cache._seal(payload, key) + payload)
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        with pytest.raises(NoValidation):
            _cached(cache_dir, extra)
    assert _cached(cache_dir, extra) == full


@pytest.mark.parametrize(
    "args",
    [
        ("show", "fx-kz-world-gdp-share", "--format", "json"),
        ("members", "--format", "json"),
        ("figures", "--format", "json"),
        ("search", "Mongolia", "import", "--format", "json"),
        ("check",),
    ],
)
def test_answers_from_the_entry_are_the_answers_from_the_files(
    run_cli: RunCli,
    tmp_path: Path,
    extra: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
) -> None:
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    monkeypatch.setattr(cache, "BLOCK", 2)
    on = {"CIS_FACTS_CACHE": str(tmp_path / "c")}
    files = run_cli("--data", extra, *args, environ={"CIS_FACTS_CACHE": "off"})
    assert files.exit_code == 0, files.stderr
    run_cli("--data", extra, *args, environ=on)  # writes the entry
    with monkeypatch.context() as patch:
        if args[0] != "check":  # check always validates the files
            patch.setattr(loader, "_validated", refuse_validation)
        again = run_cli("--data", extra, *args, environ=on)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == files.stdout
    assert again.stderr == files.stderr


def test_a_search_reads_only_the_records_it_answers_with(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cis_facts.query import search as search_query
    from cis_facts.render.localized import localize

    full = load([str(extra)])
    base, stamps = loader.load_stamped([str(extra)], cached=True, cache_dir=str(cache_dir))
    search_query.build_cached(base, str(cache_dir), stamps)  # stores the index
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        lazy, stamps = loader.load_stamped([str(extra)], cached=True, cache_dir=str(cache_dir))
    built = search_query.build_cached(lazy, str(cache_dir), stamps)
    answer = search_query.search(lazy, "Mongolia import", 3, built)
    expected = search_query.search(full, "Mongolia import", 3)
    for lang in ("en", "kk", "ru"):
        records = localize(answer, lang).records
        assert records == localize(expected, lang).records
    assert len(records) == 3 and records[0]["id"] == "fx-mn-import-position"
    assert _unpacked(lazy) == ["sources"]  # the answers cite them; no table of facts read


def test_a_question_reads_only_the_states_and_the_records_it_answers_with(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cis_facts.query import ask as ask_query
    from cis_facts.query import search as search_query
    from cis_facts.render.localized import localize

    full = load([str(extra)])
    base, stamps = loader.load_stamped([str(extra)], cached=True, cache_dir=str(cache_dir))
    search_query.build_cached(base, str(cache_dir), stamps)  # stores the index
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        lazy, stamps = loader.load_stamped([str(extra)], cached=True, cache_dir=str(cache_dir))
    built = search_query.build_cached(lazy, str(cache_dir), stamps)
    for question in ("When did Georgia leave the CIS?", "Mongolia's place among import suppliers"):
        answer = ask_query.ask(lazy, question, built)
        expected = ask_query.ask(full, question)
        assert localize(answer, "en").records == localize(expected, "en").records
    assert "figures" not in _unpacked(lazy) and "trade_totals" not in _unpacked(lazy)
    with pytest.raises(NotFoundError):  # a question naming a state the answer does not
        ask_query.ask(lazy, "When did Mongolia leave the CIS?", built)


def test_a_copy_of_a_base_read_from_the_entry_holds_every_table(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load([str(extra)])
    lazy = _lazy(cache_dir, extra, monkeypatch)
    fewer = lazy.replace(statements=())
    assert _unpacked(fewer) == list(TABLES)
    assert fewer == full.replace(statements=())
    assert fewer.counts() == {**full.counts(), "statements": 0}
    assert fewer.fact("fx-kz-world-gdp-share") == full.fact("fx-kz-world-gdp-share")
    assert fewer.record_at("figures", -1) == full.figures[-1]
