"""Fuzz harness over load-and-render: bytes -> a user fact file -> load -> queries -> renderers.

Each input becomes a user fact file given to ``cis_facts.loader.load`` beside the packaged
base. The first byte picks how:

* even: the rest of the bytes are the file, as is (seeded with packaged records, so
  mutations stay close to TOML that parses);
* odd: the rest drive a structured mutator that copies packaged records and drops,
  retypes and corrupts their fields or fills them with arbitrary code points.

When the base loads, every query that can touch the user's records runs in both
languages, and each answer goes through every machine renderer and the Rich terminal
renderer at 40, 60 or 100 columns. Anything raised other than ``cis_facts.errors.FactsError``
is a finding, and so is a raw control or bidi character in table, plain, tsv or markdown
output, or JSON that does not parse.

Coverage-guided, with atheris (``pip install atheris``)::

    .venv/bin/python fuzz/fuzz_load_render.py -max_total_time=120 /tmp/cis-corpus

Without atheris (or with ``--plain``), a seeded random loop of mutated seeds and random
structured inputs::

    .venv/bin/python fuzz/fuzz_load_render.py --iterations 20000 --seed 1

The plain loop writes each new finding to ``--crashes DIR`` (default:
``cis-facts-fuzz-crashes`` in the system temporary directory); atheris writes ``crash-*``
files to the working directory. Known package bugs (see docs/hardening.md) are counted and
skipped unless ``--report-known`` is given. Not part of the pytest suite.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import tomli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from tomlwrite import renamed_country, toml_document

try:
    import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]
except ImportError:  # the plain loop needs nothing but the package
    atheris = None

# Under atheris, the package is instrumented for coverage feedback as it is imported.
with (
    atheris.instrument_imports(include=["cis_facts"])
    if atheris is not None and not {"--plain", "--iterations"} & set(sys.argv)
    else contextlib.nullcontext()
):
    from cis_facts.answer import Answer
    from cis_facts.environment import Environment
    from cis_facts.errors import FactsError
    from cis_facts.loader import load, packaged_base
    from cis_facts.model import FactBase, Lang
    from cis_facts.query import facts, figures, members, profile, resources, search, timeline, trade
    from cis_facts.render import formats, terminal, views
    from cis_facts.render.cite import STYLES as BUILT_IN_STYLES  # CSL styles need citeproc
    from cis_facts.render.localized import Localized, localize
    from cis_facts.render.machine import RENDERERS
    from cis_facts.schema import TABLES

PACKAGED_TEXT = Path(packaged_base()).read_text(encoding="utf-8")
PACKAGED: dict[str, list[dict[str, Any]]] = tomli.loads(PACKAGED_TEXT)
TABLE_NAMES = list(TABLES)
WIDTHS = (40, 60, 100)  # terminal widths, one per input
RAW_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
# Package bugs already reported (docs/hardening.md): (exception type, text of its message).
KNOWN_BUGS: tuple[tuple[type[BaseException], str], ...] = ()  # none open

RETYPED: tuple[Any, ...] = (
    "x",
    "",
    0,
    7,
    -3,
    2.5,
    -0.0,
    True,
    False,
    [],
    ["x"],
    [1, 2],
    {},
    {"k": "v"},
    dt.date(2000, 1, 1),
    dt.datetime(2000, 1, 1, 12, 30),
    dt.time(12, 30),
    float("inf"),
    float("nan"),
)
VALUES: tuple[Any, ...] = (
    "",
    " ",
    2**63 - 1,
    2**63,
    -(2**63),
    10**300,
    10**400,
    -1,
    0,
    1,
    100,
    101,
    1e308,
    5e-324,
    "1988-02-30",
    "2000-13",
    "1899",
    "1900",
    "9999-12-31",
    "1900/9999",
    "1993-12",
    "2000/1999",
    "２０００",
    "ZZ",
    "KZ",
    "GE",
    "kk-text",
    "no-such-source",
    ["KZ"] * 20,
    ["ZZ"],
    "member",
    "left",
    "associate",
    "export",
    "import",
    "share",
    "x" * 10_000,
    ("w " * 5_000).strip(),
    "漢" * 3_000,
)
HOSTILE: tuple[str, ...] = (
    "[bold]x[/bold]",
    "[/]",
    "[link=http://e.com]x[/link]",
    ":flag_kz:",
    ":smile:",
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\x85",
    "\x9b",
    "\u202e",
    "\u2066",
    "\u200f",
    "\ufeff",
    "\u2028",
    "\ud800",
    "\x00",
    "\t",
    "\n",
    "e\u0301",
    "👨\u200d👩\u200d👧",
    "مرحبا",
)


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


class Provider:
    """Integers and text drawn from the input bytes; zeros once they run out."""

    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            return 0
        self.pos += 1
        return self.data[self.pos - 1]

    def below(self, n: int) -> int:
        return (self.byte() << 8 | self.byte()) % n if n > 1 else 0

    def pick(self, items: Sequence[Any]) -> Any:
        return items[self.below(len(items))]

    def text(self, max_len: int) -> str:
        """Any code points, surrogates included (the writer escapes them; TOML rejects)."""
        length = self.below(max_len + 1)
        return "".join(
            chr((self.byte() << 16 | self.byte() << 8 | self.byte()) % 0x110000)
            for _ in range(length)
        )


EXTREME: dict[str, tuple[Any, ...]] = {
    "when": (
        "1900",
        "1900-01-01",
        "9999-12-31",
        "9999",
        "1900/9999",
        "1993-12",
        dt.date(9999, 12, 31),
    ),
    "number": (0, -0.0, 1e308, -1e308, 5e-324, 2**63 - 1, 10**20, 0.1 + 0.2),
    "percent": (0, 100, 5e-324, 99.99999999999999),
    "rank": (1, 2**63 - 1, 10**18),
    "text": ("x" * 10_000, ("w " * 5_000).strip(), "漢" * 3_000, "x", *HOSTILE[:5]),
    "texts": ([], ["x"] * 100, list(HOSTILE[:5])),
    "codes": ([], ["KZ"] * 20, ["RU", "BY", "GE", "US"]),
    "country": ("GE", "KZ", "US"),
    "source": ("kk-text", "cis-charter"),
    "bool": (True, False),
}


def _valid_change(p: Provider, table: str, record: dict[str, Any]) -> None:
    specs = TABLES[table][1]
    name = p.pick([n for n in specs if n not in ("id", "code")])
    kind = specs[name].kind
    if kind == "enum":
        record[name] = p.pick(specs[name].choices)
    elif kind in EXTREME:
        record[name] = p.pick(EXTREME[kind])


def _broken_change(p: Provider, table: str, record: dict[str, Any]) -> None:
    name, op = p.pick(list(TABLES[table][1])), p.below(6)
    if op == 0:
        record.pop(name, None)
    elif op == 1:
        record[name] = p.pick(RETYPED)
    elif op == 2:
        record[name] = p.pick(VALUES)
    elif op == 3:
        record[name] = p.text(40)
    elif op == 4:
        original = record.get(name)
        record[name] = (original if isinstance(original, str) else "") + p.pick(HOSTILE)
    else:
        record[p.text(8) or "colour"] = p.pick(RETYPED)


def _mutate(p: Provider, table: str, record: dict[str, Any]) -> None:
    """Mostly changes the loader accepts (so rendering gets exercised), some it rejects."""
    for _ in range(p.below(4)):
        _valid_change(p, table, record)
    if p.below(3) == 0:
        for _ in range(1 + p.below(3)):
            _broken_change(p, table, record)


def structured(data: bytes) -> str:
    """A user file of packaged records, changed as the bytes say."""
    p = Provider(data)
    records = []
    for n in range(1 + p.below(4)):
        table = p.pick(TABLE_NAMES)
        record = dict(p.pick(PACKAGED[table]))
        if p.below(10):
            if table == "countries":
                record = renamed_country(record, "Q" + "ABCDEFGH"[n])
            else:
                record["id"] = f"fz-{n}-{record['id']}"
        _mutate(p, table, record)
        records.append((table, record))
    return toml_document(records)


def _fresh(table: str, record: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A packaged record under a new id (a country under a new code), so it loads beside
    the packaged base instead of being refused as a duplicate."""
    if table == "countries":
        return table, renamed_country(record, "QZ")
    return table, {**record, "id": f"seed-{record['id']}"}


def seeds() -> list[bytes]:
    """One packaged record of each table as its own file, and a few of several."""
    out = [b"\x00" + toml_document([_fresh(t, PACKAGED[t][0])]).encode() for t in TABLE_NAMES]
    out += [
        b"\x00" + toml_document([_fresh(t, PACKAGED[t][-1]) for t in TABLE_NAMES]).encode(),
        b"\x00" + PACKAGED_TEXT[:3000].encode(),
        b"\x01" + bytes(range(256)),
    ]
    return out


# --------------------------------------------------------------------------------------------
# Load, query, render
# --------------------------------------------------------------------------------------------


def answers(base: FactBase, path: str, lang: Lang) -> Iterator[Callable[[], Answer]]:
    """Every query that can touch the records of the file at ``path``."""
    mine = [f for f in base.facts() if f.origin == path]
    kinds = {type(f).__name__ for f in mine}
    if "Event" in kinds:
        yield lambda: members.members(base, None, False)
        yield lambda: members.members(base, None, True)
        yield lambda: members.membership_chart(base)
        yield lambda: timeline.timeline(base)
    if "Ranking" in kinds or "Figure" in kinds:
        yield lambda: resources.resources(base)
    if "TradeShare" in kinds:
        yield lambda: trade.partners(base, "export")
        yield lambda: trade.partners(base, "import")
    if "TradeTotal" in kinds:
        yield lambda: trade.totals(base)
    for topic in {f.topic for f in base.figures if f.origin == path}:
        yield partial(figures.figures, base, topic)
    for fact in mine[:3]:
        yield partial(facts.show, base, fact.id)
        for style in BUILT_IN_STYLES:
            yield partial(facts.cite, base, [fact.id], style)
        words = fact.label(lang).split()
        if words:
            yield partial(search.search, base, " ".join(words[:2]))
    for state in [c for c in base.countries if c.origin == path][:2]:
        yield partial(profile.profile, base, state)


def render_all(answer: Localized, width: int) -> None:
    """Every text format of the answer's view, and the terminal table, as the CLI draws them."""
    view = views.view(answer)
    for name in (*RENDERERS, "markdown"):
        out = formats.render_text(view, name, None)
        if name in ("json", "jsonl"):
            # JSON lines end in "\n" only: str.splitlines would also split at U+2028 etc.
            for doc in [out] if name == "json" else out.split("\n")[:-1]:
                json.loads(doc)
        elif name != "csv":
            found = RAW_CONTROL.search(out.replace("\t", " "))
            if found:
                raise AssertionError(f"raw {found.group()!r} in {name} output")
    if view.text_is_json:
        json.loads(view.text)
    elif view.text:
        found = RAW_CONTROL.search(view.text.replace("\n", " "))
        if found:
            raise AssertionError(f"raw {found.group()!r} in the citation")
    buffer = io.StringIO()
    env = Environment(stdout=buffer, stdout_isatty=False, width=width, environ={})
    terminal.render(view, terminal.make_console(env, "never"))
    found = RAW_CONTROL.search(buffer.getvalue())
    if found:
        raise AssertionError(f"raw {found.group()!r} in the terminal table at {width}")


class Target:
    """The function under test, with a reusable file for the inputs and some counters."""

    def __init__(self, report_known: bool) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="cis-facts-fuzz-"))
        self.path = str(self.folder / "user.toml")
        self.report_known = report_known
        self.stats: Counter[str] = Counter()

    def __call__(self, data: bytes) -> None:
        content = data[1:] if not data or data[0] % 2 == 0 else structured(data[1:]).encode()
        Path(self.path).write_bytes(content)
        try:
            self._run(WIDTHS[len(data) % len(WIDTHS)])
        except Exception as exc:
            if not self.report_known and any(
                isinstance(exc, kind) and text in str(exc) for kind, text in KNOWN_BUGS
            ):
                self.stats[f"known: {type(exc).__name__}: {str(exc)[:50]}"] += 1
                return
            raise

    def _run(self, width: int) -> None:
        try:
            base = load([self.path])
        except FactsError:
            self.stats["rejected"] += 1
            return
        self.stats["loaded"] += 1
        for lang in ("en", "kk"):
            for query in answers(base, self.path, lang):
                try:
                    answer = query()
                except FactsError:
                    continue
                render_all(localize(answer, lang), width)
                self.stats["answers rendered"] += 1


# --------------------------------------------------------------------------------------------
# Drivers
# --------------------------------------------------------------------------------------------


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    """A few byte-level edits: flips, inserts of TOML tokens, deletes, splices."""
    buf = bytearray(data)
    tokens = (
        b"[",
        b"]",
        b"[[",
        b"]]",
        b'"',
        b"'",
        b"=",
        b"\n",
        b"{",
        b"}",
        b",",
        b".",
        b"\\u",
        b"\xff",
        b"\xef\xbb\xbf",
        b"\x1b",
        b"1988-02-30",
        b"999999999999999999999",
        b"[" * 200,
        b"inf",
        b"nan",
        b"#",
    )
    for _ in range(rng.randint(1, 8)):
        pos = rng.randint(0, len(buf))
        op = rng.randrange(4)
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = rng.choice(tokens)
        elif op == 2:
            del buf[pos : pos + rng.randint(1, 16)]
        else:
            start = rng.randint(0, len(buf))
            buf[pos:pos] = buf[start : start + rng.randint(1, 64)]
    return bytes(buf)


def plain_loop(target: Target, iterations: int, seed: int, crashes: Path) -> int:
    rng = random.Random(seed)
    corpus = seeds()
    findings: Counter[str] = Counter()
    started = time.monotonic()
    for _ in range(iterations):
        if rng.random() < 0.5:
            data = mutate_bytes(rng, rng.choice(corpus))
        else:
            data = b"\x01" + rng.randbytes(rng.randint(0, 300))
        try:
            target(data)
        except Exception as exc:  # noqa: BLE001 - every exception is a finding
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            signature = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            if not findings[signature]:
                crashes.mkdir(parents=True, exist_ok=True)
                name = crashes / f"crash-{hashlib.sha1(data).hexdigest()}"
                name.write_bytes(data)
                print(f"FINDING {signature}: {exc!s:.200} (input saved to {name})", file=sys.stderr)
                traceback.print_exc()
            findings[signature] += 1
    elapsed = time.monotonic() - started
    print(f"{iterations} iterations in {elapsed:.0f} s ({iterations / elapsed:.0f}/s), seed {seed}")
    for key, count in sorted({**target.stats, **findings}.items()):
        print(f"  {count:7d}  {key}")
    return 1 if findings else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, help="run the plain loop this many times")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--plain", action="store_true", help="plain loop even with atheris")
    parser.add_argument(
        "--report-known", action="store_true", help="treat the known package bugs as findings too"
    )
    parser.add_argument(
        "--crashes", type=Path, default=Path(tempfile.gettempdir()) / "cis-facts-fuzz-crashes"
    )
    args, rest = parser.parse_known_args(argv[1:])
    target = Target(args.report_known)
    try:
        if atheris is None or args.plain or args.iterations is not None:
            return plain_loop(target, args.iterations or 10_000, args.seed, args.crashes)
        corpus = [a for a in rest if not a.startswith("-")]
        for folder in corpus[:1]:  # give atheris the seeds in its first corpus folder
            Path(folder).mkdir(parents=True, exist_ok=True)
            for data in seeds():
                (Path(folder) / f"seed-{hashlib.sha1(data).hexdigest()}").write_bytes(data)
        atheris.Setup([argv[0], *rest], target)
        atheris.Fuzz()
        return 0
    finally:
        print(dict(target.stats), file=sys.stderr)
        with contextlib.suppress(OSError):
            Path(target.path).unlink()
            target.folder.rmdir()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
