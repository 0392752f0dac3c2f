"""Machine formats: json, jsonl, csv, tsv and plain. Standard library only.

All of them carry the same records and fields. Nested values are flattened for the
tabular formats: an object becomes ``field.key`` columns, a list is joined with
``;`` (objects in it by their ``code`` or ``id``).
"""

# Imported where used: csv only for csv and tsv.

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from cis_facts.answer import Answer, Record
from cis_facts.errors import UsageError
from cis_facts.inert import visible


def select_fields(answer: Answer, fields: str | None) -> tuple[str, ...]:
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
    return json.dumps(_project(records, fields), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(records: Sequence[Record], fields: Sequence[str]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _project(records, fields))


def cell_text(value: Any) -> str:
    """A value as one csv, tsv or plain cell: "" for none, true/false, numbers as JSON writes
    them, an object by its code or id, a list joined with ";"."""
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


def _columns(records: Sequence[Record], fields: Sequence[str]) -> list[tuple[str, str | None]]:
    """(field, sub-key) pairs: an object-valued field spreads over ``field.key`` columns."""
    columns: list[tuple[str, str | None]] = []
    for name in fields:
        keys: dict[str, None] = {}
        for record in records:
            value = record.get(name)
            if isinstance(value, dict):
                keys.update(dict.fromkeys(value))
        columns.extend([(name, k) for k in keys] or [(name, None)])
    return columns


def table_rows(
    records: Sequence[Record], fields: Sequence[str]
) -> tuple[list[str], list[list[str]]]:
    """Header and rows of flat strings, the same for csv, tsv and plain."""
    columns = _columns(records, fields)
    header = [name if key is None else f"{name}.{key}" for name, key in columns]
    rows = []
    for record in records:
        row = []
        for name, key in columns:
            value = record.get(name)
            if key is not None:
                value = value.get(key) if isinstance(value, dict) else None
            row.append(cell_text(value))
        rows.append(row)
    return header, rows


def to_csv(records: Sequence[Record], fields: Sequence[str]) -> str:
    import csv
    import io

    header, rows = table_rows(records, fields)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _tab_safe(text: str) -> str:
    return visible(
        text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def to_tsv(records: Sequence[Record], fields: Sequence[str]) -> str:
    header, rows = table_rows(records, fields)
    return "".join("\t".join(_tab_safe(c) for c in row) + "\n" for row in [header, *rows])


def to_plain(records: Sequence[Record], fields: Sequence[str]) -> str:
    _, rows = table_rows(records, fields)
    return "".join("\t".join(_tab_safe(c) for c in row) + "\n" for row in rows)


RENDERERS: dict[str, Callable[[Sequence[Record], Sequence[str]], str]] = {
    "json": to_json,
    "jsonl": to_jsonl,
    "csv": to_csv,
    "tsv": to_tsv,
    "plain": to_plain,
}
