"""``--fields``: the names a user may give, checked once before any renderer runs.

Besides the answer's own fields, the column names the CSV header shows for an object
field (``country.name``, ``country.code``) are accepted; such a name becomes a field of
its own holding that one value. Names are matched without regard to case. An empty
list or a name given twice is a usage error.
"""

from __future__ import annotations

from collections import Counter

from cis_facts.errors import UsageError
from cis_facts.render.localized import Localized

MAX_FIELDS = 100  # far more than any answer has; more is a mistake, and costs time


def _split(fields: str) -> list[str]:
    if fields.count(",") >= MAX_FIELDS:
        raise UsageError(
            f"--fields: more than {MAX_FIELDS} names", key="fields_too_many", max=MAX_FIELDS
        )
    names = [f.strip().casefold() for f in fields.split(",")]
    if not any(names):
        raise UsageError(
            f"--fields: no field named in {fields!r}", key="fields_none", fields=fields
        )
    if "" in names:
        raise UsageError(
            f"--fields: empty field name in {fields!r}", key="fields_empty", fields=fields
        )
    twice = sorted(n for n, count in Counter(names).items() if count > 1)
    if twice:
        raise UsageError(
            f"--fields: {', '.join(twice)} given twice", key="fields_twice", names=", ".join(twice)
        )
    return names


def _nested(answer: Localized, name: str) -> bool:
    """Whether ``name`` is ``field.key`` of an object-valued field of the answer."""
    field, dot, key = name.partition(".")
    if not dot or field not in answer.fields:
        return False
    return any(isinstance(r.get(field), dict) and key in r[field] for r in answer.records)


def with_fields(answer: Localized, fields: str | None) -> tuple[Localized, str | None]:
    """The answer with any ``field.key`` names made fields, and the names normalised."""
    if fields is None:
        return answer, None
    names = _split(fields)
    nested = [n for n in names if n not in answer.fields and _nested(answer, n)]
    if nested:
        records = tuple({**r, **{n: _value(r, n) for n in nested}} for r in answer.records)
        answer = answer.replace(records=records, fields=(*answer.fields, *nested))
    return answer, ",".join(names)


def _value(record: dict[str, object], name: str) -> object:
    field, _, key = name.partition(".")
    value = record.get(field)
    return value.get(key) if isinstance(value, dict) else None
