"""Machine formats: json, jsonl, csv, tsv and plain. Standard library only.

All of them carry the same records and fields. Nested values are flattened for the
tabular formats: an object becomes ``field.key`` columns, a list is joined with
``;`` (objects in it by their ``code`` or ``id``).
"""

# Imported where used: csv only for csv and tsv.

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any

from cis_facts.errors import UsageError
from cis_facts.inert import visible
from cis_facts.render.localized import Localized, Record


def select_fields(answer: Localized, fields: str | None) -> tuple[str, ...]:
    """The fields to output, in the order asked; exits 2 on an unknown one."""
    if not fields:
        return answer.fields
    chosen = tuple(f.strip() for f in fields.split(",") if f.strip())
    unknown = [f for f in chosen if f not in answer.fields]
    if unknown or not chosen:
        names, valid = ", ".join(unknown) or repr(fields), ", ".join(answer.fields)
        raise UsageError(
            f"unknown field {names}; valid fields: {valid}",
            key="unknown_field",
            names=", ".join(unknown) or fields,
            valid=valid,
        )
    return chosen


def _project(records: Sequence[Record], fields: Sequence[str]) -> list[Record]:
    return [{f: r.get(f) for f in fields} for r in records]


def to_json(records: Sequence[Record], fields: Sequence[str]) -> str:
    return "".join(json_pieces(records, fields))


def to_jsonl(records: Sequence[Record], fields: Sequence[str]) -> str:
    return "".join(jsonl_pieces(records, fields))


# json.dumps(..., indent=2) is the pure-Python encoder (the C one does no indent): at
# 100,000 records it took 2 s and held every piece of the text at once. These write the
# very same text one record at a time, strings through the C encoder's own escaping
# (``encode_basestring``), numbers as ``json`` writes them; tests/test_formats.py checks
# them against ``json.dumps`` value by value.
def json_pieces(records: Iterable[Record], fields: Sequence[str]) -> Iterator[str]:
    """``json.dumps([{f: r.get(f) for f in fields} ...], ensure_ascii=False, indent=2)``
    and a newline, record by record."""
    keys = [("," if i else "") + _NEWLINES[2] + _key(f) + ": " for i, f in enumerate(fields)]
    opening = "[" + _NEWLINES[1]
    for record in records:
        yield opening + _fields_object(record, fields, keys)
        opening = "," + _NEWLINES[1]
    yield "[]\n" if opening.startswith("[") else "\n]\n"


def jsonl_pieces(records: Iterable[Record], fields: Sequence[str]) -> Iterator[str]:
    """One ``json.dumps(record, ensure_ascii=False)`` line per record, of ``fields``."""
    line = _LINE.encode
    for record in records:
        yield line({f: record.get(f) for f in fields}) + "\n"


_LINE = json.JSONEncoder(ensure_ascii=False)


_INDENT = "  "
_NEWLINES = ["\n" + _INDENT * level for level in range(8)]


def _float(value: float) -> str:
    if math.isfinite(value):
        return float.__repr__(value)
    if math.isnan(value):
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"


def _false_true(value: bool) -> str:
    return "true" if value else "false"


def _null(value: None) -> str:
    return "null"


def _empty(value: None) -> str:
    return ""


# A table's column: a field, or one key of an object-valued field.
Column = tuple[str, str | None]
# Exact types only: a subclass (an IntEnum, a str of a kind) takes json's own rules below.
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: _false_true,
    type(None): _null,
}
# The same for a table's cell (``cell_text``): numbers as json writes them.
_CELLS: dict[type, Callable[[Any], str]] = {
    str: str,
    int: int.__repr__,
    float: _float,
    bool: _false_true,
    type(None): _empty,
}


def _newline(level: int) -> str:
    return _NEWLINES[level] if level < len(_NEWLINES) else "\n" + _INDENT * level


def _fields_object(record: Record, fields: Sequence[str], keys: Sequence[str]) -> str:
    """The record's ``fields`` as an object one level in (a list's item); each of ``keys``
    is the key with what goes before it."""
    if not fields:
        return "{}"
    get, scalar = record.get, _SCALARS.get
    parts = []
    for name, key in zip(fields, keys, strict=True):
        value = get(name)
        write = scalar(type(value))
        parts.append(key + (write(value) if write is not None else _value(value, 2)))
    return "{" + "".join(parts) + _NEWLINES[1] + "}"


def _value(value: Any, level: int) -> str:
    """``value`` as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it at ``level``."""
    write = _SCALARS.get(type(value))
    if write is not None:
        return write(value)
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or value is True or value is False:
        return _SCALARS[type(value)](value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    inner = _newline(level + 1)
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        items = [_value(item, level + 1) for item in value]
        return "[" + inner + ("," + inner).join(items) + _newline(level) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        scalar = _SCALARS.get
        items = [
            _key(k) + ": " + (write(v) if (write := scalar(type(v))) else _value(v, level + 1))
            for k, v in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + _newline(level) + "}"
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _key(key: Any) -> str:
    """An object's key as json writes it: a string, or a number, boolean or null as text."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is None or key is True or key is False:
        return encode_basestring(_SCALARS[type(key)](key))
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def cell_text(value: Any) -> str:
    """A value as one csv, tsv or plain cell: "" for none, true/false, numbers as JSON writes
    them, an object by its code or id, a list joined with ";"."""
    write = _CELLS.get(type(value))
    if write is not None:
        return write(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, dict):
        named = value.get("code") or value.get("id")
        return cell_text(named) if named else _flat_object(value)
    if isinstance(value, list):
        return ";".join(cell_text(v) for v in value)
    return str(value)


def _flat_object(value: dict[str, Any]) -> str:
    """An object with no code or id as one cell: its values, space-separated, with a
    ``start``/``end`` pair as an ISO 8601 interval (``member 1994-01-22/..``, ``..`` for an
    open end) and the ``*_precision`` siblings left out (the dates show their precision)."""
    rest = [
        cell_text(v)
        for k, v in value.items()
        if k not in ("start", "end") and not k.endswith("_precision") and v is not None
    ]
    if "start" in value and "end" in value:
        rest.append(f"{cell_text(value['start']) or '..'}/{cell_text(value['end']) or '..'}")
    return " ".join(rest)


def _columns(records: Sequence[Record], fields: Sequence[str]) -> list[Column]:
    """(field, sub-key) pairs: an object-valued field spreads over ``field.key`` columns."""
    # One pass over the records: a record may be made when it is read (render.localized).
    keys: dict[str, dict[str, None]] = {name: {} for name in fields}
    for record in records:
        for name, seen in keys.items():
            value = record.get(name)
            if isinstance(value, dict):
                seen.update(dict.fromkeys(value))
    columns: list[Column] = []
    for name in fields:
        columns.extend([(name, k) for k in keys[name]] or [(name, None)])
    return columns


def table_rows(
    records: Sequence[Record], fields: Sequence[str]
) -> tuple[list[str], list[list[str]]]:
    """Header and rows of flat strings, the same for csv, tsv and plain."""
    columns = table_columns(records, fields)
    return table_header(columns), [table_row(record, columns) for record in records]


def table_columns(records: Sequence[Record], fields: Sequence[str]) -> list[Column]:
    """The (field, sub-key) columns of ``fields``: an object-valued field spreads over
    ``field.key`` columns, one for each key any record's object has."""
    return _columns(records, fields)


def table_header(columns: Sequence[Column]) -> list[str]:
    return [name if key is None else f"{name}.{key}" for name, key in columns]


def table_row(record: Record, columns: Sequence[Column]) -> list[str]:
    """One record's cells in ``columns``."""
    row = []
    get, fast = record.get, _CELLS.get
    for name, key in columns:
        value = get(name)
        if key is not None:
            value = value.get(key) if isinstance(value, dict) else None
        write = fast(type(value))
        row.append(write(value) if write is not None else cell_text(value))
    return row


def to_csv(records: Sequence[Record], fields: Sequence[str]) -> str:
    columns = table_columns(records, fields)
    return "".join(csv_pieces(records, columns))


def _tab_safe(text: str) -> str:
    if "\\" not in text and text.isprintable():  # the common case, checked in C
        return text
    return visible(
        text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def to_tsv(records: Sequence[Record], fields: Sequence[str]) -> str:
    return "".join(tsv_pieces(records, table_columns(records, fields)))


def to_plain(records: Sequence[Record], fields: Sequence[str]) -> str:
    return "".join(plain_pieces(records, table_columns(records, fields)))


def _line(cells: list[str]) -> str:
    return "\t".join(map(_tab_safe, cells)) + "\n"


def plain_pieces(records: Iterable[Record], columns: Sequence[Column]) -> Iterator[str]:
    """The plain text of ``records`` in ``columns``, a line at a time."""
    for record in records:
        yield _line(table_row(record, columns))


def tsv_pieces(records: Iterable[Record], columns: Sequence[Column]) -> Iterator[str]:
    """The tsv text of ``records`` in ``columns`` (a header line first), a line at a time."""
    yield _line(table_header(columns))
    yield from plain_pieces(records, columns)


def csv_pieces(records: Iterable[Record], columns: Sequence[Column]) -> Iterator[str]:
    """The csv text of ``records`` in ``columns`` (a header row first), a row at a time."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table_header(columns))
    for record in records:
        writer.writerow(table_row(record, columns))
        if out.tell() > 1 << 16:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


RENDERERS: dict[str, Callable[[Sequence[Record], Sequence[str]], str]] = {
    "json": to_json,
    "jsonl": to_jsonl,
    "csv": to_csv,
    "tsv": to_tsv,
    "plain": to_plain,
}
