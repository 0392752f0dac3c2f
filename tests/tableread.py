"""Reading Rich tables back as a person does, for the golden and width tests: dates as a
table shows them, and each column's text with line wrapping undone."""

from __future__ import annotations

import re

LEFT_EDGE = "┏┃┡│├└┌╭"
RIGHT_EDGE = "┓┃┩│┤┘┐╮"
_BOX = re.compile(r"[\u2500-\u257f\s]*")
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
    "kk": ("қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел"),
}


def human(iso: str, lang: str = "en") -> str:
    """An ISO date as the table shows it: ``21 Dec 1991``, ``Dec 1993``, ``1993–2004``."""

    def one(part: str) -> str:
        year, *rest = part.split("-")
        if not rest:
            return year
        month = _MONTHS[lang][int(rest[0]) - 1]
        return f"{int(rest[1])} {month} {year}" if len(rest) == 2 else f"{month} {year}"

    return "\u2013".join(one(part) for part in iso.split("/"))


def reading(out: str) -> list[str]:
    """The texts a reader follows, line wrapping undone: one per table column (its cells
    top to bottom, joined by a space) and one for the lines outside any bordered table."""
    columns: dict[int, list[str]] = {}
    free: list[str] = []
    for line in out.splitlines():
        if line[:1] in LEFT_EDGE and ("│" in line or "┃" in line):
            for index, text in enumerate(re.split("[│┃]", line)[1:-1]):
                if text.strip():
                    columns.setdefault(index, []).append(text.strip())
        elif not _BOX.fullmatch(line):
            free.append(line.strip())
    return [re.sub(r"\s+", " ", " ".join(parts)) for parts in [*columns.values(), free]]
