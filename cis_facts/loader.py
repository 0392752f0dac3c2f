"""Read the packaged fact base and user fact files into one validated ``FactBase``.

Every problem in every file is collected before anything is reported, so one run
shows the whole list. Reading never writes: user files are opened read-only.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from cis_facts import model
from cis_facts.errors import InvalidFactsError, Problem
from cis_facts.schema import TABLES, build_record

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover
    from importlib.abc import Traversable

try:
    import tomli as toml
except ImportError:  # pragma: no cover - tomli is a declared dependency
    import tomllib as toml  # type: ignore[no-redef, import-not-found, unused-ignore]

ENV_VAR = "CIS_FACTS_DATA"
_SOURCE_FIELDS = ("source", "note_source")
_COUNTRY_FIELDS = ("country", "initiator")


def packaged_base() -> Traversable:
    """The fact base shipped inside the package."""
    return resources.files("cis_facts").joinpath("data").joinpath("facts.toml")


def env_paths(value: str | None) -> list[str]:
    """Paths listed in ``CIS_FACTS_DATA`` (separated by ``os.pathsep``)."""
    return [part for part in (value or "").split(os.pathsep) if part]


def _offset_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _read_bytes(path: Traversable | Path, name: str) -> tuple[bytes | None, list[Problem]]:
    if isinstance(path, Path) and path.is_dir():
        return None, [Problem(name, "is a directory, not a fact file")]
    try:
        return path.read_bytes(), []
    except OSError as exc:
        return None, [Problem(name, f"cannot read: {exc.strerror or exc}")]


def parse_file(path: Traversable | Path, name: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read and parse one TOML file; syntax errors carry line and column."""
    data, problems = _read_bytes(path, name)
    if data is None:
        return None, problems
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(name, "starts with a byte-order mark; save it as UTF-8 without BOM",
                              line=1, column=1)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _offset_position(data, exc.start)
        return None, [Problem(name, f"is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                              line=line, column=column)]
    try:
        return toml.loads(text), []
    except toml.TOMLDecodeError as exc:
        message = getattr(exc, "msg", None) or str(exc).split(" (at ")[0]
        return None, [Problem(name, f"TOML syntax error: {message}",
                              line=getattr(exc, "lineno", None), column=getattr(exc, "colno", None))]
    except RecursionError:
        return None, [Problem(name, "TOML syntax error: arrays or tables nested too deeply")]


def _records(raw: dict[str, Any], name: str) -> tuple[dict[str, list[Any]], list[Problem]]:
    """Split a parsed file into its tables, rejecting unknown or malformed ones."""
    tables: dict[str, list[Any]] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        if key not in TABLES:
            problems.append(Problem(name, f"unknown table [{key}] (expected one of: "
                                          f"{', '.join(TABLES)})"))
        elif not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            problems.append(Problem(name, f"[{key}] must be an array of tables ([[{key}]])"))
        else:
            tables[key] = value
    return tables, problems


def _build(files: Iterable[tuple[str, dict[str, Any]]]) -> tuple[dict[str, list[Any]],
                                                                  list[Problem]]:
    built: dict[str, list[Any]] = {table: [] for table in TABLES}
    problems: list[Problem] = []
    for name, raw in files:
        tables, table_problems = _records(raw, name)
        problems.extend(table_problems)
        for table, rows in tables.items():
            for index, row in enumerate(rows):
                record, record_problems = build_record(table, row, index, name)
                problems.extend(record_problems)
                if record is not None:
                    built[table].append(record)
    return built, problems


def _duplicates(built: dict[str, list[Any]]) -> list[Problem]:
    problems: list[Problem] = []
    namespaces = {"sources": ["sources"], "countries": ["countries"],
                  "facts": ["events", "rankings", "trade_shares", "trade_totals", "figures"]}
    for tables in namespaces.values():
        seen: dict[str, Any] = {}
        for table in tables:
            for record in built[table]:
                first = seen.setdefault(record.id, record)
                if first is not record:
                    field = "code" if table == "countries" else "id"
                    problems.append(Problem(record.origin, f"duplicate {field}, already defined in "
                                                           f"{first.origin}", record.id, field))
    return problems


def _references(built: dict[str, list[Any]]) -> list[Problem]:
    sources = {s.id for s in built["sources"]}
    countries = {c.code for c in built["countries"]}
    problems: list[Problem] = []
    for table in TABLES:
        for record in built[table]:
            for field in _SOURCE_FIELDS:
                ref = getattr(record, field, None)
                if ref is not None and ref not in sources:
                    problems.append(Problem(record.origin, f"unknown source {ref!r}",
                                            record.id, field))
            refs = [(f, getattr(record, f, None)) for f in _COUNTRY_FIELDS]
            refs += [("participants", code) for code in getattr(record, "participants", ())]
            problems.extend(Problem(record.origin, f"unknown country {code!r}", record.id, field)
                            for field, code in refs if code is not None and code not in countries)
    return problems


def load(extra: Sequence[str | Path] = (), *, packaged: bool = True) -> model.FactBase:
    """Load the packaged base plus ``extra`` user files; raise InvalidFactsError on any problem."""
    sources: list[tuple[Traversable | Path, str]] = []
    if packaged:
        base = packaged_base()
        sources.append((base, str(base)))
    sources.extend((Path(p), str(p)) for p in extra)
    parsed: list[tuple[str, dict[str, Any]]] = []
    problems: list[Problem] = []
    for path, name in sources:
        raw, file_problems = parse_file(path, name)
        problems.extend(file_problems)
        if raw is not None:
            parsed.append((name, raw))
    built, build_problems = _build(parsed)
    problems.extend(build_problems)
    problems.extend(_duplicates(built))
    problems.extend(_references(built))
    if problems:
        raise InvalidFactsError(problems)
    names: tuple[str, ...] = tuple(name for _, name in sources)
    return model.FactBase(**{table: tuple(rows) for table, rows in built.items()}, files=names)
