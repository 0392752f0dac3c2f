"""The search index stored beside a cached base (cis_facts.query.search.build_cached).

Most tests lower ``cache.MIN_BYTES`` to 0 so that a small fixture file is cached. Whether
an index came from its entry is seen by making a fresh build impossible (``build`` raises).
"""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import cache
from cis_facts.loader import load, load_stamped, read_packaged
from cis_facts.model import FactBase
from cis_facts.query import search as search_query
from cis_facts.query.search import build, build_cached
from cis_facts.retrieval.index import Hit, Index

FIXTURES = Path(__file__).parent / "fixtures"
# Exact words, a prefix, typos, a number, an abbreviation, a phrase of both alphabets,
# and words found nowhere (which ask for suggestions).
QUERIES = [
    "When did Georgia leave the CIS?",
    "uranium world share",
    "Қазақстан мырыш",
    "25%",
    "fdi kazakh",
    "Caspain tungstn exprot",
    "Mongolia import suppliers 2003",
    "qzxv wqjk",
]


class NoBuild(AssertionError):
    pass


def refuse_build(_: object) -> None:
    raise NoBuild("the index was built, not read from its entry")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    return tmp_path / "cache"


@pytest.fixture
def user_file(tmp_path: Path) -> Path:
    path = tmp_path / "extra.toml"
    shutil.copyfile(FIXTURES / "valid_extra.toml", path)
    return path


def loaded(cache_dir: Path, path: Path) -> tuple[FactBase, list[cache.Stamp]]:
    return load_stamped([str(path)], cached=True, cache_dir=str(cache_dir))


def index_entries(cache_dir: Path) -> list[Path]:
    """The entries other than the base's own."""
    base = base_entry(cache_dir)
    return [p for p in cache_dir.iterdir() if p.name not in (base, cache.KEY_FILE)]


def base_entry(cache_dir: Path) -> str:
    found = [
        p.name
        for p in cache_dir.iterdir()
        if p.name != cache.KEY_FILE and marshal_head(p)[-1] != search_query.INDEX_ENTRY
    ]
    assert len(found) == 1
    return found[0]


def marshal_head(path: Path) -> tuple[object, ...]:
    """The header of an index entry (one sealed marshal value) or of a base's entry (a
    sealed index of sections)."""
    data = path.read_bytes()
    try:
        head = marshal.loads(data[len(cache.MAGIC) + 32 :])[0]
    except (ValueError, EOFError, TypeError):
        head = cache._plain(data, (path.parent / cache.KEY_FILE).read_bytes())[0]
    assert isinstance(head, tuple)
    return head


def ranked(matcher: search_query.Matcher, query: str) -> tuple[list[Hit], list[str]]:
    words = matcher.words(query)
    return matcher.search(words), matcher.suggestions(words)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A user file and a cache folder holding the entries of its base and of that base's
    index, made once for the module (a test copies the folder to damage its own copy)."""
    folder = tmp_path_factory.mktemp("stored")
    path = folder / "extra.toml"
    shutil.copyfile(FIXTURES / "valid_extra.toml", path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cache, "MIN_BYTES", 0)
        base, stamps = loaded(folder / "cache", path)
        build_cached(base, str(folder / "cache"), stamps)
    assert len(index_entries(folder / "cache")) == 1
    return path, folder / "cache"


@pytest.fixture(scope="module")
def freshly_ranked() -> tuple[list[Hit], list[str]]:
    """QUERIES[0] ranked by an index built afresh from the packaged base and the fixture
    file (the user file's copy holds its bytes; no file's name is indexed)."""
    return ranked(build(load([str(FIXTURES / "valid_extra.toml")]))[1], QUERIES[0])


def test_the_stored_index_ranks_exactly_as_a_fresh_build(
    cache_dir: Path, user_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, stamps = loaded(cache_dir, user_file)
    build_cached(base, str(cache_dir), stamps)  # builds and stores the entry
    assert len(index_entries(cache_dir)) == 1
    with monkeypatch.context() as patch:
        patch.setattr(search_query, "build", refuse_build)
        records, stored = build_cached(base, str(cache_dir), stamps)
    fresh_records, fresh = build(base)
    assert list(records) == fresh_records
    assert [records[doc] for doc in range(len(records))] == fresh_records  # read one by one
    assert records[-1] == fresh_records[-1] and records[2:5] == fresh_records[2:5]
    with pytest.raises(IndexError):
        records[len(records)]
    for query in QUERIES:
        hits, suggestions = ranked(stored, query)
        assert (hits, suggestions) == ranked(fresh, query), query  # same docs, scores, fields
    assert ranked(stored, "Mongolia")[0]  # the user file's facts are in it
    assert ranked(stored, "qzxv wqjk") == ([], [])


def test_search_answers_are_the_same_through_the_cli(
    run_cli: RunCli, cache_dir: Path, user_file: Path
) -> None:
    env = {"NO_COLOR": "1", "CIS_FACTS_CACHE": str(cache_dir)}
    args = ["--data", str(user_file), "search", "--format", "json"]
    answers = []
    for _ in range(2):  # the first call writes the entries, the second reads them
        result = run_cli(*args, "Mongolia suppliers Georgia left", environ=env)
        assert result.exit_code == 0, result.stderr
        answers.append(result.stdout)
    assert len(list((cache_dir / cache.FOLDER).glob("*.cache"))) == 2
    off = run_cli(
        *args, "Mongolia suppliers Georgia left", environ={**env, "CIS_FACTS_CACHE": "off"}
    )
    assert answers == [off.stdout, off.stdout]


def test_an_edited_file_never_reads_a_stale_index(
    cache_dir: Path, user_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, stamps = loaded(cache_dir, user_file)
    build_cached(base, str(cache_dir), stamps)
    text = user_file.read_text(encoding="utf-8")
    assert "twelfth" in text
    user_file.write_text(text.replace("twelfth", "eleventh"), encoding="utf-8")
    edited, new_stamps = loaded(cache_dir, user_file)
    with monkeypatch.context() as patch:
        patch.setattr(search_query, "build", refuse_build)
        with pytest.raises(NoBuild):
            build_cached(edited, str(cache_dir), new_stamps)
    _, matcher = build_cached(edited, str(cache_dir), new_stamps)
    assert ranked(matcher, "eleventh")[0]
    assert not ranked(matcher, "twelfth")[0]


def _sealed(head: object, plain: object, key: bytes) -> bytes:
    payload = marshal.dumps((head, plain), 4)
    return cache.MAGIC + cache._seal(payload, key) + payload


def _foreign(data: bytes, key: bytes) -> bytes:
    head, _ = marshal.loads(data[len(cache.MAGIC) + 32 :])
    return _sealed(head, ("not", "an", "index"), key)


def _wrong_weights(data: bytes, key: bytes) -> bytes:
    head, plain = marshal.loads(data[len(cache.MAGIC) + 32 :])
    return _sealed(head, (plain[0], ("label", "quote"), *plain[2:]), key)


def _wrong_types(data: bytes, key: bytes) -> bytes:
    """Sealed, of the right shape, but with text where numbers belong."""
    head, plain = marshal.loads(data[len(cache.MAGIC) + 32 :])
    lengths = [["x"] * len(n) for n in plain[3]]
    return _sealed(head, (*plain[:3], lengths, *plain[4:]), key)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d, k: b"", id="empty"),
        pytest.param(lambda d, k: d[: len(d) // 2], id="truncated"),
        pytest.param(lambda d, k: b"garbage" * 100, id="garbage"),
        pytest.param(lambda d, k: d[:-9] + bytes([d[-9] ^ 1]) + d[-8:], id="one-bit"),
        pytest.param(_foreign, id="foreign"),
        pytest.param(_wrong_weights, id="other-fields"),
        pytest.param(_wrong_types, id="wrong-types"),
    ],
)
def test_a_damaged_index_entry_is_ignored_and_rebuilt(
    cache_dir: Path,
    stored: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    damage: object,
    freshly_ranked: tuple[list[Hit], list[str]],
) -> None:
    user_file, folder = stored
    shutil.copytree(folder, cache_dir)  # the test's own entries, to damage
    base, stamps = loaded(cache_dir, user_file)
    (entry,) = index_entries(cache_dir)
    intact = entry.read_bytes()
    entry.write_bytes(damage(intact, (cache_dir / cache.KEY_FILE).read_bytes()))  # type: ignore[operator]
    with monkeypatch.context() as patch:
        patch.setattr(search_query, "build", refuse_build)
        with pytest.raises(NoBuild):
            build_cached(base, str(cache_dir), stamps)
    _, matcher = build_cached(base, str(cache_dir), stamps)
    assert ranked(matcher, QUERIES[0]) == freshly_ranked
    assert entry.read_bytes() == intact


def test_from_plain_refuses_what_is_not_an_index() -> None:
    weights = {"label": 1.0}
    assert Index.from_plain(None, weights) is None
    assert Index.from_plain((1, 2, 3), weights) is None
    good = Index([{"label": ["a", "b"]}], weights).plain()
    assert Index.from_plain(good, weights) is not None
    assert Index.from_plain(good, {"label": 1.0, "quote": 1.0}) is None
    assert Index.from_plain(good, {"quote": 1.0}) is None  # as many fields, another one
    assert Index.from_plain((*good[:3], [[5, 6]], *good[4:]), weights) is None  # 2 lengths, 1 doc


def test_small_bases_and_the_packaged_base_write_no_index(tmp_path: Path, user_file: Path) -> None:
    folder = tmp_path / "cache"
    base, stamps = load_stamped([str(user_file)], cached=True, cache_dir=str(folder))
    build_cached(base, str(folder), stamps)
    packaged, packaged_stamps = load_stamped(cached=True, cache_dir=str(folder))
    build_cached(packaged, str(folder), packaged_stamps)
    assert not folder.exists()


def test_an_unwritable_cache_directory_means_no_index_entry(
    cache_dir: Path, user_file: Path, freshly_ranked: tuple[list[Hit], list[str]]
) -> None:
    cache_dir.write_text("a file, not a directory", encoding="utf-8")
    base, stamps = loaded(cache_dir, user_file)
    _, matcher = build_cached(base, str(cache_dir), stamps)
    assert ranked(matcher, QUERIES[0]) == freshly_ranked
    assert cache_dir.read_text(encoding="utf-8") == "a file, not a directory"


def test_the_packaged_index_is_read_when_it_was_built_from_this_base(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    base, stamps = load_stamped()
    assert stamps == [cache.stamp(cache.PACKAGED, read_packaged())]
    shipped = tmp_path / "search.index"
    monkeypatch.setattr(search_query, "packaged_index_path", lambda: str(shipped))
    records, matcher = search_query.build(base)
    expected = search_query.search(base, "Georgia left", None, (records, matcher))
    shipped.write_bytes(search_query.packaged_index_entry(stamps, matcher.index.plain()))

    def refuse(_: object) -> None:
        raise AssertionError("built at run time")

    monkeypatch.setattr(search_query, "build", refuse)
    built = search_query.build_cached(base, None, stamps)
    assert search_query.search(base, "Georgia left", None, built) == expected
    # An index built from other bytes of facts.toml is not this base's: it is built anew.
    other = [cache.stamp(cache.PACKAGED, b"other")]
    shipped.write_bytes(search_query.packaged_index_entry(other, matcher.index.plain()))
    with pytest.raises(AssertionError, match="built at run time"):
        search_query.build_cached(base, None, stamps)
