"""A tiny TOML writer for the value types a fact file uses, so tests and the fuzzer can
write any record, hostile ones included (the standard library only reads TOML)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\b": "\\b",
    "\f": "\\f",
}


def toml_string(text: str) -> str:
    """A basic string; characters TOML forbids raw (and surrogates) as escapes."""
    out = []
    for char in text:
        code = ord(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def _decimal(number: int) -> str:
    """``str(number)`` for any length: str() refuses integers of over 4,300 digits."""
    if abs(number) < 10**4000:
        return str(number)
    rest, chunks = abs(number), []
    while rest:
        rest, chunk = divmod(rest, 10**1000)
        chunks.append(chunk)
    digits = str(chunks[-1]) + "".join(str(c).zfill(1000) for c in reversed(chunks[:-1]))
    return ("-" if number < 0 else "") + digits


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return _decimal(value)
    if isinstance(value, float):
        return {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(repr(value), repr(value))
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML form for {value!r}")


def toml_document(records: Sequence[tuple[str, dict[str, Any]]]) -> str:
    parts = []
    for table, record in records:
        lines = [f"[[{toml_key(table)}]]"]
        lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in record.items()]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def renamed_country(record: dict[str, Any], code: str) -> dict[str, Any]:
    """A copy of a country record under a new code, its names and aliases made its own
    (no two countries may share a name: a lookup by it would find only one)."""
    out = dict(record, code=code)
    for field in ("name_en", "name_kk", "name_ru"):
        if isinstance(out.get(field), str):
            out[field] = f"{out[field]} {code}"
    if isinstance(out.get("aliases"), list):
        out["aliases"] = [f"{a} {code}" if isinstance(a, str) else a for a in out["aliases"]]
    return out
