"""``--template '{date}: {label} — «{quote}»'``: one line of the user's own per record.

A template is text with ``{field}`` placeholders, the names ``--fields`` takes (dotted
names such as ``{country.code}`` included); ``{{`` and ``}}`` stand for braces. Nothing
else is evaluated: no attribute access, no indexing, no format specs, so a template can
never reach anything but the record's values. Values print as in the csv format (numbers
as JSON does, a list joined with ``;``, an object by its code or id, null as nothing).

The chosen ``--format`` says how the lines are written: ``plain`` and ``table`` as they
are (control characters but line breaks made visible), ``markdown`` with Markdown's
special characters in values escaped, ``json`` a list of strings, ``jsonl`` one JSON
string per line, ``csv`` and ``tsv`` one quoted column (formula starts neutralised unless
``--raw-cells``).
"""

# Imported where used: csv and the escaping of other formats only for the format asked.

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from cis_facts.errors import UsageError
from cis_facts.inert import visible
from cis_facts.render.localized import Record

Part = tuple[str, str | None]  # (literal text, field name after it or None)


def parse(template: str) -> list[Part]:
    """The template's literal runs and field names; a usage error names a malformed one."""
    parts: list[Part] = []
    text: list[str] = []
    i = 0
    while i < len(template):
        char = template[i]
        if char in "{}" and template[i : i + 2] in ("{{", "}}"):
            text.append(char)
            i += 2
            continue
        if char == "}":
            raise UsageError(
                f"--template: single '}}' at position {i + 1}; write '}}}}' for a brace",
                key="template_brace",
                pos=i + 1,
            )
        if char == "{":
            end = template.find("}", i)
            name = template[i + 1 : end].strip().casefold() if end != -1 else ""
            if end == -1 or not _is_name(name):
                shown = template[i : end + 1] if end != -1 else template[i:]
                raise UsageError(
                    f"--template: {shown!r} at position {i + 1} is not a field name "
                    "in braces; write '{{' for a brace",
                    key="template_field",
                    shown=shown,
                    pos=i + 1,
                )
            parts.append(("".join(text), name))
            text = []
            i = end + 1
            continue
        text.append(char)
        i += 1
    parts.append(("".join(text), None))
    return parts


def _is_name(name: str) -> bool:
    return bool(name) and all(c.isascii() and (c.isalnum() or c in "_.") for c in name)


def names(parts: Sequence[Part]) -> list[str]:
    """The distinct field names, in the order they first appear."""
    return list(dict.fromkeys(name for _, name in parts if name is not None))


def fill(parts: Sequence[Part], record: Record, escape: Callable[[str], str]) -> str:
    from cis_facts.render.machine import cell_text

    return "".join(
        text + ("" if name is None else escape(cell_text(record.get(name)))) for text, name in parts
    )


def _markdown(text: str) -> str:
    from cis_facts.render.escape import escape

    return escape(text)


def _cells(lines: Sequence[str], delimiter: str) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([line] for line in lines)
    return out.getvalue()


def render(
    parts: Sequence[Part],
    records: Sequence[Record],
    fmt: str,
    cell: Callable[[str], str] = str,
) -> str:
    """Every record's line, written as ``fmt`` says; ``cell`` treats a csv or tsv line
    before it is quoted (to keep a spreadsheet from running it as a formula)."""
    if fmt == "markdown":
        return "".join(fill(parts, r, _markdown) + "\n" for r in records)
    lines = [fill(parts, r, str) for r in records]
    if fmt in ("csv", "tsv"):
        lines = [cell(line) for line in lines]
    if fmt == "json":
        return json.dumps(lines, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    if fmt in ("csv", "tsv"):
        return _cells(lines, "," if fmt == "csv" else "\t")
    # A value of several lines (a citation) keeps them; other control characters show.
    return "".join("\n".join(map(visible, line.split("\n"))) + "\n" for line in lines)
