"""Citation keys in a writer's draft: Pandoc Markdown or LaTeX, with the line of each.

Markdown keys are Pandoc's: ``[@key]``, ``[@a; @b, p. 3]``, ``[see @key]``, ``[-@key]``,
in-text ``@key`` and ``@{key}``. A key starts with a letter, a digit or ``_`` and may hold
single punctuation characters inside (``:.#$%&-+?<>~/``), so a full stop after it is not
part of it; an ``@`` after a letter or digit (an e-mail address) starts none. Code blocks
and code spans are left out, as Pandoc leaves them. LaTeX keys are those of every command
whose name contains ``cite`` (``\\cite``, ``\\parencite``, ``\\textcite``, ``\\autocite``,
``\\citep``, ``\\cites`` …), with their optional arguments; comments are left out.
"""

# Imported where used: json only for the bibliography of a draft.

from __future__ import annotations

import re

from cis_facts.frozen import Frozen


class Key(Frozen):
    """One citation key as the draft writes it, and where: ``draft.md:3``."""

    key: str
    file: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


LATEX_SUFFIXES = (".tex", ".ltx", ".latex")

_PUNCT = r":.#$%&\-+?<>~/"
_MARKDOWN_KEY = re.compile(
    r"(?<![A-Za-z0-9_@])-?@(?:\{(?P<braced>[^{}\s]+)\}"
    rf"|(?P<key>[A-Za-z0-9_](?:[A-Za-z0-9_]|[{_PUNCT}](?=[A-Za-z0-9_]))*))"
)
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.DOTALL)
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]*cite[A-Za-z]*\*?")
_LATEX_ARGUMENTS = re.compile(r"\s*(?:\[[^\]]*\]\s*){0,2}\{([^{}]*)\}")
_LATEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")


def syntax_of(name: str) -> str:
    """``latex`` for a ``.tex`` file, else ``markdown`` (stdin included)."""
    return "latex" if name.lower().endswith(LATEX_SUFFIXES) else "markdown"


def _blank(match: re.Match[str]) -> str:
    """The matched text with every character but a newline blanked, so lines keep their
    numbers."""
    return re.sub(r"[^\n]", " ", match.group())


def _without_code(text: str) -> str:
    """The Markdown text with fenced code blocks and code spans blanked."""
    lines = text.split("\n")
    fence: str | None = None
    for n, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(2)[0] * len(opened.group(2))
            lines[n] = ""
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            lines[n] = ""
    return _CODE_SPAN.sub(_blank, "\n".join(lines))


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def markdown_keys(text: str, file: str) -> list[Key]:
    text = _without_code(text)
    found = []
    for match in _MARKDOWN_KEY.finditer(text):
        key = match.group("braced") or match.group("key")
        found.append(Key(key, file, _line(text, match.start())))
    return found


def latex_keys(text: str, file: str) -> list[Key]:
    text = _LATEX_COMMENT.sub(_blank, text)
    found = []
    for command in _LATEX_COMMAND.finditer(text):
        at = command.end()
        many = command.group().rstrip("*").endswith("cites")  # \cites{a}{b}: several groups
        while True:
            arguments = _LATEX_ARGUMENTS.match(text, at)
            if arguments is None:
                break
            line = _line(text, arguments.start(1))
            keys = [k.strip() for k in arguments.group(1).split(",")]
            found += [Key(k, file, line) for k in keys if k and k != "*"]
            at = arguments.end()
            if not many:
                break
    return found


def keys(text: str, file: str, syntax: str) -> list[Key]:
    """Every citation key of ``text`` (named ``file`` in messages), in order of use."""
    return latex_keys(text, file) if syntax == "latex" else markdown_keys(text, file)


_BIBTEX_KEY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]\s*([^,\s]+)\s*,", re.MULTILINE)


def bibliography_keys(text: str) -> set[str]:
    """The keys a bibliography of one's own defines: CSL-JSON (a list of items with an
    ``id``) or BibTeX/BibLaTeX (``@book{key,``)."""
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        import json

        data = json.loads(stripped)
        items = data if isinstance(data, list) else data.get("items", [])
        return {str(item["id"]) for item in items if isinstance(item, dict) and "id" in item}
    return set(_BIBTEX_KEY.findall(text))
