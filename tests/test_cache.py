"""The content-keyed cache of validated fact bases (cis_facts.cache).

Most tests lower ``MIN_BYTES`` to 0 so that small fixture files are cached; one test
checks the real threshold with a file above it. Whether a load came from the cache is
seen by making validation from the files impossible (``_validated`` raises).
"""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest
from conftest import RunCli

from cis_facts import cache, loader
from cis_facts.cli import cli
from cis_facts.loader import load
from cis_facts.schema import TABLES

FIXTURES = Path(__file__).parent / "fixtures"
SECOND = """\
[[figures]]
id = "cache-second"
topic = "cache-topic"
measure = "amount"
value = 3.5
unit = "tonnes"
date = "1999-05"
label_en = "A second file's figure"
label_kk = "Екінші файлдың көрсеткіші"
source = "kk-text"
quote = "Қазіргі уақытта Қазақстан әлемдік ЖІӨ - де 0,1% құрайды"
"""


class NoValidation(AssertionError):
    pass


def refuse_validation(*_: object, **__: object) -> None:
    raise NoValidation("validated from the files, not read from the cache")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    return tmp_path / "cache"


@pytest.fixture
def user_files(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    shutil.copyfile(FIXTURES / "valid_extra.toml", first)
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def cached_load(cache_dir: Path, *paths: Path) -> loader.model.FactBase:
    return load([str(p) for p in paths], cached=True, cache_dir=str(cache_dir))


def entries(cache_dir: Path) -> list[str]:
    """Everything in the cache directory but its secret."""
    if not cache_dir.exists():
        return []
    return sorted(p.name for p in cache_dir.iterdir() if p.name != cache.KEY_FILE)


def test_second_load_reads_the_entry_and_equals_the_validated_base(
    cache_dir: Path, user_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cached_load(cache_dir, *user_files)
    assert len(entries(cache_dir)) == 1 and entries(cache_dir)[0].endswith(".cache")
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        again = cached_load(cache_dir, *user_files)
    assert again == first
    assert again.files == first.files
    figure = next(f for f in again.figures if f.id == "cache-second")
    assert figure.date is not None and figure.date.iso() == "1999-05"
    assert figure.origin == str(user_files[1])
    share = next(s for s in again.trade_shares if s.id == "fx-mn-import-position")
    assert share.date is not None and share.date.human() == "31 Dec 2003"
    assert next(c for c in again.countries if c.code == "MN").aliases == ("MNG",)


def test_edit_one_file_is_never_read_stale(
    cache_dir: Path, user_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_load(cache_dir, *user_files)
    text = user_files[1].read_text(encoding="utf-8")
    user_files[1].write_text(text.replace("value = 3.5", "value = 4.5"), encoding="utf-8")
    edited = cached_load(cache_dir, *user_files)
    assert next(f for f in edited.figures if f.id == "cache-second").value == 4.5
    assert len(entries(cache_dir)) == 2
    # Both versions are now cached: each reads back its own values.
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        again = cached_load(cache_dir, *user_files)
        assert next(f for f in again.figures if f.id == "cache-second").value == 4.5
        user_files[1].write_text(text, encoding="utf-8")
        back = cached_load(cache_dir, *user_files)
        assert next(f for f in back.figures if f.id == "cache-second").value == 3.5


def test_edit_past_the_files_head_at_the_same_size_is_never_read_stale(
    cache_dir: Path, tmp_path: Path
) -> None:
    """The stamp covers every byte: an edit 100 KB into a file, keeping its size, is a miss."""
    path = tmp_path / "big.toml"
    padding = "# " + "x" * 97 + "\n"
    path.write_text(padding * 1_000 + SECOND, encoding="utf-8")
    assert path.read_bytes().index(b"value = 3.5") > 100_000
    assert (
        next(f for f in cached_load(cache_dir, path).figures if f.id == "cache-second").value == 3.5
    )
    size = path.stat().st_size
    path.write_text(
        padding * 1_000 + SECOND.replace("value = 3.5", "value = 9.5"), encoding="utf-8"
    )
    assert path.stat().st_size == size
    edited = cached_load(cache_dir, path)
    assert next(f for f in edited.figures if f.id == "cache-second").value == 9.5


def test_edit_without_cache_entry_validates(
    cache_dir: Path, user_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_load(cache_dir, *user_files)
    user_files[0].write_text(
        user_files[0].read_text(encoding="utf-8") + "\n[[figures]]\nid = 1\n", encoding="utf-8"
    )
    with pytest.raises(loader.InvalidFactsError, match=r"first\.toml"):
        cached_load(cache_dir, *user_files)


def test_swapped_files_are_another_entry(
    cache_dir: Path, user_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = user_files
    forward = cached_load(cache_dir, a, b)
    swapped = cached_load(cache_dir, b, a)
    assert len(entries(cache_dir)) == 2
    assert forward.files[1:] == (str(a), str(b))
    assert swapped.files[1:] == (str(b), str(a))
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        assert cached_load(cache_dir, b, a).files[1:] == (str(b), str(a))
        assert cached_load(cache_dir, a, b).files[1:] == (str(a), str(b))
        # Same bytes under another name: the name is in the key, so the origin is right.
        with pytest.raises(NoValidation):
            cached_load(cache_dir, a)


def test_renamed_file_is_another_entry(
    cache_dir: Path, user_files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_load(cache_dir, user_files[1])
    moved = tmp_path / "moved.toml"
    shutil.copyfile(user_files[1], moved)
    base = cached_load(cache_dir, moved)
    assert next(f for f in base.figures if f.id == "cache-second").origin == str(moved)


@pytest.mark.parametrize("what", ["version", "schema"])
def test_version_or_schema_change_is_a_miss(
    cache_dir: Path, user_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    cached_load(cache_dir, *user_files)
    if what == "version":
        monkeypatch.setattr(cache, "__version__", "99.0.0")
    else:
        signature = cache.schema_signature()
        monkeypatch.setattr(cache, "schema_signature", lambda: signature + "\nnew field")
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        with pytest.raises(NoValidation):
            cached_load(cache_dir, *user_files)
    cached_load(cache_dir, *user_files)
    assert len(entries(cache_dir)) == 2


def _only_entry(cache_dir: Path) -> Path:
    (name,) = entries(cache_dir)
    return cache_dir / name


def _corrupt_payload(data: bytes, key: bytes) -> bytes:
    return data[:-10] + bytes(b ^ 0xFF for b in data[-10:])


def _sealed(payload: bytes, key: bytes) -> bytes:
    return cache.MAGIC + cache._seal(payload, key) + payload


def _foreign(data: bytes, key: bytes) -> bytes:
    """A whole, sealed entry of another shape (as another program might write)."""
    return _sealed(marshal.dumps({"not": "a fact base"}, 4), key)


def _wrong_header(data: bytes, key: bytes) -> bytes:
    """A whole entry whose header names other files: as if renamed into this key."""
    head, tables = cache._plain(data, key)
    return cache._assemble((*head[:3], (("other.toml", 1, b"12345678"),)), tables, key)


def _bad_columns(data: bytes, key: bytes) -> bytes:
    """A sealed entry with one column cut short."""
    head, tables = cache._plain(data, key)
    tables["figures"][3][0][0].pop()
    return cache._assemble(head, tables, key)


def _bad_keys(data: bytes, key: bytes) -> bytes:
    """A sealed entry whose ids of the figures are one short."""
    head, tables = cache._plain(data, key)
    tables["figures"][2].pop()
    return cache._assemble(head, tables, key)


def _every_table(base: loader.model.FactBase) -> dict[str, object]:
    """A fact found by its id, then every table of ``base``: a section of the entry is
    unpacked (and checked) when first read."""
    return {"found": base.fact("cache-second"), **{t: getattr(base, t) for t in TABLES}}


def _public_checksum(data: bytes, key: bytes) -> bytes:
    """The entry with the checksum anyone can compute (``source_hash``) instead of the HMAC."""
    payload = data[len(cache.MAGIC) + 32 :]
    return cache.MAGIC + cache.source_hash(payload) + payload


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d, k: d[: len(d) // 2], id="truncated"),
        pytest.param(lambda d, k: b"", id="empty"),
        pytest.param(_corrupt_payload, id="corrupt-bytes"),
        pytest.param(lambda d, k: b"garbage" * 100, id="garbage"),
        pytest.param(lambda d, k: d.replace(b"second file", b"sec0nd file"), id="one-letter"),
        pytest.param(lambda d, k: d[:16] + d[24:] + d[16:24], id="bad-checksum"),
        pytest.param(_foreign, id="foreign"),
        pytest.param(_wrong_header, id="wrong-header"),
        pytest.param(_bad_columns, id="bad-columns"),
        pytest.param(_bad_keys, id="bad-keys"),
        pytest.param(_public_checksum, id="public-checksum"),
    ],
)
def test_damaged_entry_is_ignored_and_rebuilt(
    cache_dir: Path,
    user_files: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    damage: object,
) -> None:
    good = cached_load(cache_dir, *user_files)
    entry = _only_entry(cache_dir)
    intact = entry.read_bytes()
    entry.write_bytes(damage(intact, (cache_dir / cache.KEY_FILE).read_bytes()))  # type: ignore[operator]
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        with pytest.raises(NoValidation):
            _every_table(cached_load(cache_dir, *user_files))
    assert _every_table(cached_load(cache_dir, *user_files)) == _every_table(good)
    assert entry.read_bytes() == intact
    assert entries(cache_dir) == [entry.name]


def test_unusable_cache_directory_means_no_cache(
    user_files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    not_a_dir = tmp_path / "a-file"
    not_a_dir.write_text("x", encoding="utf-8")
    for folder in (not_a_dir, not_a_dir / "below"):
        base = cached_load(folder, *user_files)
        assert any(f.id == "cache-second" for f in base.figures)
    assert not_a_dir.read_text(encoding="utf-8") == "x"


def test_entry_that_cannot_be_replaced_leaves_no_temporary_file(
    cache_dir: Path, user_files: tuple[Path, Path]
) -> None:
    cached_load(cache_dir, *user_files)
    entry = _only_entry(cache_dir)
    entry.unlink()
    entry.mkdir()  # a directory where the entry goes: reading and renaming both fail
    base = cached_load(cache_dir, *user_files)
    assert any(f.id == "cache-second" for f in base.figures)
    assert entries(cache_dir) == [entry.name] and entry.is_dir()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_read_only_cache_directory_means_no_cache(
    cache_dir: Path, user_files: tuple[Path, Path]
) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o555)
    try:
        base = cached_load(cache_dir, *user_files)
        assert any(f.id == "cache-second" for f in base.figures)
        assert entries(cache_dir) == []
    finally:
        cache_dir.chmod(0o755)


def test_entry_in_read_only_directory_is_still_read(
    cache_dir: Path, user_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = cached_load(cache_dir, *user_files)
    _only_entry(cache_dir).chmod(0o444)
    cache_dir.chmod(0o555)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(loader, "_validated", refuse_validation)
            assert cached_load(cache_dir, *user_files) == good
    finally:
        cache_dir.chmod(0o755)


def test_small_bases_are_not_cached(tmp_path: Path, user_files: tuple[Path, Path]) -> None:
    folder = tmp_path / "cache"
    cached_load(folder, *user_files)
    load([], cached=True, cache_dir=str(folder))
    assert not folder.exists()


def test_bases_above_the_threshold_are_cached(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    records = [
        f'[[figures]]\nid = "big-{i}"\ntopic = "big"\nmeasure = "count"\nvalue = {i}\n'
        f'unit = "items"\nlabel_en = "Big figure {i}"\nlabel_kk = "Үлкен көрсеткіш {i}"\n'
        f'source = "kk-text"\nquote = "{"x" * 200}"\n'
        for i in range(cache.MIN_BYTES // 300)
    ]
    big.write_text("\n".join(records), encoding="utf-8")
    assert big.stat().st_size >= cache.MIN_BYTES
    folder = tmp_path / "cache"
    first = cached_load(folder, big)
    assert len(entries(folder)) == 1
    assert cached_load(folder, big) == first


def test_old_entries_are_pruned(cache_dir: Path, user_files: tuple[Path, Path]) -> None:
    text = user_files[1].read_text(encoding="utf-8")
    for value in range(cache.MAX_ENTRIES + 3):
        user_files[1].write_text(text.replace("3.5", f"{value}.5"), encoding="utf-8")
        cached_load(cache_dir, *user_files)
    assert len(entries(cache_dir)) == cache.MAX_ENTRIES


def test_cache_off_reads_and_writes_nothing(
    run_cli: RunCli, cache_dir: Path, user_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--data", str(user_files[0]), "--data", str(user_files[1]), "show", "cache-second"]
    result = run_cli(*args, environ={"CIS_FACTS_CACHE": "off", "XDG_CACHE_HOME": str(cache_dir)})
    assert result.exit_code == 0 and "A second file's figure" in result.stdout
    assert not cache_dir.exists()
    assert run_cli(*args, environ={"CIS_FACTS_CACHE": str(cache_dir)}).exit_code == 0
    assert len(entries(cache_dir)) == 1
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_validated", refuse_validation)
        assert run_cli(*args, environ={"CIS_FACTS_CACHE": str(cache_dir)}).exit_code == 0
        result = run_cli(*args, environ={"CIS_FACTS_CACHE": "OFF"})
        assert result.exit_code != 0  # off: the files must be validated, and here that fails


def test_check_validates_the_files_even_with_an_entry(
    run_cli: RunCli, cache_dir: Path, user_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--data", str(user_files[0]), "--data", str(user_files[1])]
    env = {"CIS_FACTS_CACHE": str(cache_dir)}
    assert run_cli(*args, "members", environ=env).exit_code == 0
    assert len(entries(cache_dir)) == 1

    def refuse(*_: object) -> None:
        raise NoValidation("check read the cache")

    monkeypatch.setattr(cache, "read", refuse)
    result = run_cli(*args, "check", environ=env)
    assert result.exit_code == 0 and "figures\t" in result.stdout


def test_packaged_base_calls_write_nothing(run_cli: RunCli, tmp_path: Path) -> None:
    """Everyday calls, with the real threshold, create no cache directory at all."""
    folder = tmp_path / "cache"
    for args in (["members", "--format", "json"], ["trade", "exports"], ["check"]):
        assert run_cli(*args, environ={"CIS_FACTS_CACHE": str(folder)}).exit_code == 0
    assert not folder.exists()


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({"CIS_FACTS_CACHE": "/x/mine"}, "linux", "/x/mine/cis-facts"),
        ({"CIS_FACTS_CACHE": "mine", "HOME": "/home/u"}, "linux", None),
        ({"CIS_FACTS_CACHE": "0"}, "linux", None),
        ({"CIS_FACTS_CACHE": "false"}, "linux", None),
        ({"CIS_FACTS_CACHE": "No"}, "linux", None),
        ({"CIS_FACTS_CACHE": "none"}, "linux", None),
        ({"CIS_FACTS_CACHE": "disabled"}, "linux", None),
        ({"CIS_FACTS_CACHE": " off"}, "linux", None),
        ({"CIS_FACTS_CACHE": "off "}, "linux", None),
        ({"HOME": "relhome"}, "linux", None),
        ({"CIS_FACTS_CACHE": "off", "XDG_CACHE_HOME": "/x"}, "linux", None),
        ({"CIS_FACTS_CACHE": "Off"}, "linux", None),
        ({"XDG_CACHE_HOME": "/x/xdg", "HOME": "/home/u"}, "linux", "/x/xdg/cis-facts"),
        ({"XDG_CACHE_HOME": "relative", "HOME": "/home/u"}, "linux", "/home/u/.cache/cis-facts"),
        ({"HOME": "/home/u"}, "linux", "/home/u/.cache/cis-facts"),
        ({"HOME": "/Users/u"}, "darwin", "/Users/u/Library/Caches/cis-facts"),
        ({}, "linux", None),
    ],
)
def test_directory(
    env: dict[str, str], platform: str, expected: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache.sys, "platform", platform)
    assert cache.directory(env) == expected


def test_every_table_and_field_of_the_packaged_base_round_trips() -> None:
    """Records are stored from the schema's own field lists: new fields need no change."""
    base = load()
    stamps = [cache.stamp(cache.PACKAGED, b"any bytes")]
    again = cache.decode(cache.encode(base, stamps), stamps, base.files)
    assert again == base
    assert again is not None and again.counts() == base.counts()
    assert all(count > 0 for count in base.counts().values()), base.counts()
    other = [cache.stamp(cache.PACKAGED, b"other bytes")]
    assert cache.decode(cache.encode(base, stamps), other, base.files) is None


def test_an_entry_names_the_files_where_they_are_now() -> None:
    """The packaged base's entry is built in one place and read where it is installed."""
    base = load()
    stamps = [cache.stamp(cache.PACKAGED, b"any bytes")]
    moved = cache.decode(cache.encode(base, stamps), stamps, ["/elsewhere/facts.toml"])
    assert moved is not None and moved.files == ("/elsewhere/facts.toml",)
    assert {f.origin for f in moved.facts()} == {"/elsewhere/facts.toml"}
    assert {c.origin for c in moved.countries} == {"/elsewhere/facts.toml"}


def test_packaged_base_alone_is_never_written(cache_dir: Path) -> None:
    """Even with no size limit: it is read from the entry the wheel ships, or parsed."""
    load([], cached=True, cache_dir=str(cache_dir))
    assert not cache_dir.exists()


def test_pruning_spares_fresh_temporary_files_and_drops_stale_ones(
    cache_dir: Path, user_files: tuple[Path, Path]
) -> None:
    cache_dir.mkdir()
    fresh, stale = cache_dir / ".tmp-fresh123.cache", cache_dir / ".tmp-stale123.cache"
    fresh.write_bytes(b"being written")
    stale.write_bytes(b"left by a killed process")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    cached_load(cache_dir, *user_files)
    names = entries(cache_dir)
    assert fresh.name in names and stale.name not in names
    assert len([n for n in names if not n.startswith(".")]) == 1


def test_schema_signature_follows_the_schema_declaration(monkeypatch: pytest.MonkeyPatch) -> None:
    """A field added to the schema gives entries another key, with no change to the cache."""
    from cis_facts import schema

    before = cache.schema_signature()
    figures = dict(schema.TABLES["figures"][1])
    figures["colour"] = schema.FieldSpec("text", False, ())
    monkeypatch.setitem(schema.TABLES, "figures", (schema.TABLES["figures"][0], figures))
    assert cache.schema_signature() != before
    assert "'colour', 'text', False" in cache.schema_signature()


def test_completion_reads_the_cache_too(
    run_cli: RunCli, cache_dir: Path, user_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Tab press with a large --data file answers from the entry, not by parsing it."""
    from click.shell_completion import BashComplete

    data = ["--data", str(user_files[0]), "--data", str(user_files[1])]
    assert run_cli(*data, "members", environ={"CIS_FACTS_CACHE": str(cache_dir)}).exit_code == 0
    monkeypatch.setenv("CIS_FACTS_CACHE", str(cache_dir))
    monkeypatch.setattr(loader, "_validated", refuse_validation)
    shell = BashComplete(cli, {}, "cis-facts", "_CIS_FACTS_COMPLETE")
    offered = [item.value for item in shell.get_completions([*data, "show"], "cache-")]
    assert offered == ["cache-second"]
