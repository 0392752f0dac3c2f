"""Read the packaged fact base and user fact files into one validated ``FactBase``.

Every problem in every file is collected before anything is reported, so one run
shows the whole list. Reading never writes: user files are opened read-only.
"""

# Imported where used: tomli only when a file is parsed (a cache hit never parses), the
# suggestion helpers only when a record is wrong, importlib.resources only where the package's
# loader cannot read its data (about 5 ms otherwise, see packaged_bytes).

from __future__ import annotations

import errno
import functools
import os
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from cis_facts import cache, collector, model
from cis_facts.errors import InvalidFactsError, Problem, ProblemList, record_word
from cis_facts.inert import quoted
from cis_facts.schema import KIND_OF_TABLE, TABLES, check_record, fields_of_type, record_id

ENV_VAR = "CIS_FACTS_DATA"
# The fields that name a source, and those that name one country, in any table.
_SOURCE_FIELDS = fields_of_type("source")
_COUNTRY_FIELDS = fields_of_type("country")


def packaged_base() -> str:
    """Where the fact base shipped inside the installed package is (as named in messages)."""
    return os.path.join(os.path.dirname(__file__), "data", "facts.toml")


def read_packaged() -> bytes:
    """The packaged fact base, read through the package's own importlib loader.

    This is what ``importlib.resources`` does for a package on disk or in a zip; calling
    the loader directly spares every run the ~5 ms that importing ``importlib.resources``
    costs (it pulls in tempfile, shutil, bz2 and lzma). Loaders without ``get_data``
    fall back to ``importlib.resources``.
    """
    loader = getattr(sys.modules[__name__], "__loader__", None)
    get_data = getattr(loader, "get_data", None)
    if get_data is not None:
        data: bytes = get_data(packaged_base())
        return data
    from importlib import resources

    return resources.files("cis_facts").joinpath("data").joinpath("facts.toml").read_bytes()


MAX_FILE_BYTES = 64 * 1024 * 1024  # a fact file or a --source text; the packaged base is 0.2 MiB


def read_limited(path: str, limit: int | None = None) -> bytes:
    """The bytes of ``path``, or OSError(EFBIG) if it holds more than ``limit``.

    A regular file is measured before reading; anything else (a device such as
    /dev/zero, a pipe) is read only up to the limit.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    too_large = OSError(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MiB, the limit")
    with open(path, "rb") as file:
        info = os.fstat(file.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise too_large
        data = file.read(limit + 1)
    if len(data) > limit:
        raise too_large
    return data


def _read_user_file(path: str) -> bytes:
    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a fact file")
    return read_limited(path)


def env_paths(value: str | None) -> list[str]:
    """Paths listed in ``CIS_FACTS_DATA`` (separated by ``os.pathsep``)."""
    return [part for part in (value or "").split(os.pathsep) if part]


def _offset_position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters, like TOML syntax errors) of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _read(read: Callable[[], bytes], name: str) -> tuple[bytes | None, list[Problem]]:
    try:
        return read(), []
    except IsADirectoryError:
        return None, [Problem(name, "is a directory, not a fact file")]
    except OSError as exc:
        return None, [Problem(name, f"cannot read: {exc.strerror or exc}")]


def parse_file(read: Callable[[], bytes], name: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read and parse one TOML file; syntax errors carry line and column."""
    data, problems = _read(read, name)
    if data is None:
        return None, problems
    return parse_bytes(data, name)


# What parsing may build, counted in the bytes before parsing: the parser's tables cost
# about five times a key or an array item (about 900 and 180 bytes), so a file within
# budget peaks under about 600 MB however it is written. A base of 100,000 figures takes
# about 2 million.
PARSE_BUDGET = 3_000_000
_TABLE_WEIGHT = 5


def parse_cost(data: bytes) -> int:
    """An upper bound of what the parser builds: tables (each ``[``) weigh five, each key
    (``=``), item (``,``) and inline table (``{``) one."""
    return _TABLE_WEIGHT * data.count(b"[") + sum(map(data.count, (b"=", b",", b"{")))


def parse_bytes(data: bytes, name: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse the bytes of one TOML file; syntax errors carry line and column."""
    cost = parse_cost(data)
    if cost > PARSE_BUDGET:
        return None, [
            Problem(
                name,
                f"holds too many tables, keys or items to load ({cost:,} by weight, the "
                f"limit is {PARSE_BUDGET:,}); split it into smaller files",
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [
            Problem(
                name,
                "starts with a byte-order mark; save it as UTF-8 without BOM",
                line=1,
                column=1,
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _offset_position(data, exc.start)
        return None, [
            Problem(
                name, f"is not valid UTF-8 (byte 0x{data[exc.start]:02x})", line=line, column=column
            )
        ]
    try:
        import tomli as toml
    except ImportError:  # pragma: no cover - tomli is a declared dependency
        import tomllib as toml  # type: ignore[no-redef, import-not-found, unused-ignore]
    try:
        return toml.loads(text), []
    except toml.TOMLDecodeError as exc:
        message = getattr(exc, "msg", None) or str(exc).split(" (at ")[0]
        return None, [
            Problem(
                name,
                f"TOML syntax error: {message}",
                line=getattr(exc, "lineno", None),
                column=getattr(exc, "colno", None),
            )
        ]
    except RecursionError:
        return None, [Problem(name, "TOML syntax error: arrays or tables nested too deeply")]
    except MemoryError:
        return None, [Problem(name, "too large to parse in the memory available")]
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        return None, [Problem(name, f"TOML syntax error: {exc}")]


def _records(raw: dict[str, Any], name: str) -> tuple[dict[str, list[Any]], list[Problem]]:
    """Split a parsed file into its tables, rejecting unknown or malformed ones."""
    tables: dict[str, list[Any]] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        if key not in TABLES:
            problems.append(
                Problem(name, f"unknown table [{key}] (expected one of: {', '.join(TABLES)})")
            )
        elif not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            problems.append(Problem(name, f"[{key}] must be an array of tables ([[{key}]])"))
        else:
            tables[key] = value
    return tables, problems


class _Checked:
    """What the field checks left of one record, for the checks across records."""

    __slots__ = ("origin", "rid", "table", "values")

    def __init__(self, table: str, rid: str, origin: str, values: dict[str, Any]) -> None:
        self.table, self.rid, self.origin, self.values = table, rid, origin, values


def _build(
    files: Iterable[tuple[str, dict[str, Any]]], problems: ProblemList
) -> tuple[dict[str, list[Any]], list[_Checked]]:
    built: dict[str, list[Any]] = {table: [] for table in TABLES}
    checked: list[_Checked] = []
    for name, raw in files:
        tables, table_problems = _records(raw, name)
        problems.extend(table_problems)
        for table, rows in tables.items():
            for index, row in enumerate(rows):
                record, values, issues = check_record(table, row, name)
                rid = record_id(table, row, index)
                for field, message in issues:
                    problems.add(name, message, rid, field, record_word(table))
                checked.append(_Checked(table, rid, name, values))
                if record is not None:
                    built[table].append(record)
    return built, checked


def _duplicates(checked: Sequence[_Checked]) -> Iterator[Problem]:
    seen: dict[tuple[str, str], _Checked] = {}
    for entry in checked:
        kind = KIND_OF_TABLE[entry.table]
        field = kind.key
        key = entry.values.get(field)
        if key is None:
            continue
        first = seen.setdefault((kind.namespace, key), entry)
        if first is not entry:
            yield Problem(
                entry.origin,
                f"duplicate {field}, already defined in {first.origin}",
                key,
                field,
                record=record_word(entry.table),
            )


def _references(checked: Sequence[_Checked]) -> Iterator[Problem]:
    sources = {e.values["id"] for e in checked if e.table == "sources" and "id" in e.values}
    countries = {e.values["code"] for e in checked if e.table == "countries" and "code" in e.values}
    for entry in checked:
        refs = [(f, entry.values.get(f), sources, "source") for f in _SOURCE_FIELDS]
        refs += [(f, entry.values.get(f), countries, "country") for f in _COUNTRY_FIELDS]
        refs += [
            ("participants", code, countries, "country")
            for code in entry.values.get("participants", ())
        ]
        yield from (
            Problem(
                entry.origin,
                f"unknown {what} {quoted(ref)}",
                entry.rid,
                field,
                record=record_word(entry.table),
            )
            for field, ref, known, what in refs
            if ref is not None and ref not in known
        )


def _translations(checked: Sequence[_Checked]) -> Iterator[Problem]:
    """A quote's translation into the language the quote is written in (its source's)."""
    languages = {
        e.values["id"]: e.values.get("language")
        for e in checked
        if e.table == "sources" and "id" in e.values
    }
    for entry in checked:
        language = languages.get(entry.values.get("source"))
        field = f"quote_{language}"
        if field in model.QUOTE_TRANSLATIONS and field in entry.values:
            yield Problem(
                entry.origin,
                f"translates the quote into its own language ({language}, the language of "
                f"source {entry.values['source']}); give the other languages only",
                entry.rid,
                field,
                record=record_word(entry.table),
            )


_NAME_FIELDS = ("code", "name_en", "name_kk", "name_ru", "aliases")


def _name_clashes(checked: Sequence[_Checked]) -> Iterator[Problem]:
    """A country's code, name or alias that is, after folding, another country's."""
    from cis_facts.text import fold, mixed_script_word

    owners: dict[str, _Checked] = {}
    packaged = packaged_base()
    for entry in checked:
        if entry.table != "countries" or "code" not in entry.values:
            continue
        for field in _NAME_FIELDS:
            value = entry.values.get(field)
            for name in value if isinstance(value, tuple | list) else (value,):
                if not isinstance(name, str):
                    continue
                # The packaged base keeps the source's own spellings (a Latin Ə in a
                # Cyrillic word among them); user files may not add look-alikes.
                mixed = None if entry.origin == packaged else mixed_script_word(name)
                if mixed is not None:
                    yield Problem(
                        entry.origin,
                        f"{quoted(name)} mixes Latin, Cyrillic or Greek letters in the word "
                        f"{quoted(mixed)}: it would look like another name",
                        entry.rid,
                        field,
                        record="country",
                    )
                # NFKC first: a fullwidth ＫＺ is the code KZ.
                owner = owners.setdefault(fold(unicodedata.normalize("NFKC", name)), entry)
                if owner.values["code"] != entry.values["code"]:
                    yield Problem(
                        entry.origin,
                        f"{quoted(name)} is already a name of {owner.values['code']} "
                        f"(in {owner.origin}): a lookup by it would find only one",
                        entry.rid,
                        field,
                        record="country",
                    )


def load(
    extra: Sequence[str | os.PathLike[str]] = (),
    *,
    packaged: bool = True,
    cached: bool = False,
    cache_dir: str | None = None,
) -> model.FactBase:
    """Load the packaged base plus ``extra`` user files; raise InvalidFactsError on any problem.

    With ``cached``, a base validated before from files of the very same bytes is read
    from the cache (``cis_facts.cache``; user entries in ``cache_dir``) instead, and a
    newly validated one is stored there.
    """
    return load_stamped(extra, packaged=packaged, cached=cached, cache_dir=cache_dir)[0]


def load_stamped(
    extra: Sequence[str | os.PathLike[str]] = (),
    *,
    packaged: bool = True,
    cached: bool = False,
    cache_dir: str | None = None,
) -> tuple[model.FactBase, list[cache.Stamp]]:
    """As ``load``, with the cache stamps of the files read: the key of entries derived
    from the base (``cache.read_derived``)."""
    sources: list[tuple[Callable[[], bytes], str]] = []
    if packaged:
        sources.append((read_packaged, packaged_base()))
    for path in extra:
        name = os.fspath(path)
        sources.append((_reader(name), name))
    if cached:
        stamps = _stamps(sources)
        base = None
        if stamps is not None:
            names = [name for _, name in sources]

            def recover() -> model.FactBase:
                full, read_now = _validated(sources, user_files=bool(extra))
                cache.write(cache_dir, read_now, full)
                return full

            base = cache.read(
                cache_dir, stamps, names, packaged_only=packaged and not extra, recover=recover
            )
        if base is not None and stamps is not None:
            return base, stamps
    base, stamps = _validated(sources, user_files=bool(extra))
    if cached:
        cache.write(cache_dir, stamps, base)
    return base, stamps


def _reader(name: str) -> Callable[[], bytes]:
    """How to read a user file: a regular file whenever asked (once to stamp it, once to
    parse it, one file in memory at a time); anything else (a pipe, ``/dev/stdin``, a
    process substitution) once, now, its bytes kept: a second read would find it empty,
    or wait for a writer that never comes."""
    read = functools.partial(_read_user_file, name)
    try:
        regular = stat.S_ISREG(os.stat(name).st_mode)
    except (OSError, ValueError):
        return read  # the error is reported when it is read
    if regular:
        return read
    try:
        data = read()
    except OSError as exc:
        failure = exc

        def fail() -> bytes:
            raise failure

        return fail
    return lambda: data


def _stamps(sources: Sequence[tuple[Callable[[], bytes], str]]) -> list[cache.Stamp] | None:
    """Each file's cache stamp, one file in memory at a time; None if one cannot be read."""
    stamps = []
    for read, name in sources:
        data, _ = _read(read, name)
        if data is None:
            return None
        stamps.append(_stamp(name, data))
    return stamps


def _stamp(name: str, data: bytes) -> cache.Stamp:
    return cache.stamp(cache.PACKAGED if name == packaged_base() else name, data)


def _validated(
    sources: Sequence[tuple[Callable[[], bytes], str]], *, user_files: bool
) -> tuple[model.FactBase, list[cache.Stamp]]:
    """Read, parse and validate every file; the base and the stamps of the bytes read."""
    with collector.paused():
        return _validate(sources, user_files=user_files)


def _validate(
    sources: Sequence[tuple[Callable[[], bytes], str]], *, user_files: bool
) -> tuple[model.FactBase, list[cache.Stamp]]:
    stamps: list[cache.Stamp] = []
    parsed: list[tuple[str, dict[str, Any]]] = []
    problems = ProblemList()
    for read, name in sources:
        data, read_problems = _read(read, name)
        problems.extend(read_problems)
        if data is None:
            continue
        stamps.append(_stamp(name, data))
        raw, file_problems = parse_bytes(data, name)
        problems.extend(file_problems)
        if raw is not None:
            parsed.append((name, raw))
    built, checked = _build(parsed, problems)
    problems.extend(_duplicates(checked))
    problems.extend(_references(checked))
    problems.extend(_translations(checked))
    if user_files:  # the packaged base alone is checked by the test suite; this spares it folding
        problems.extend(_name_clashes(checked))
    if problems:
        raise InvalidFactsError(problems.kept, problems.more)
    names: tuple[str, ...] = tuple(name for _, name in sources)
    base = model.FactBase(**{table: tuple(rows) for table, rows in built.items()}, files=names)
    return base, stamps
