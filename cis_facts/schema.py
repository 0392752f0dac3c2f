"""The fact-file schema: which tables and fields exist, and how one record is checked.

Each table maps field names to a ``FieldSpec``. ``build_record`` checks one raw TOML
table against its spec, collects every problem, and returns the typed record only
when there were none.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, NamedTuple, get_args

from cis_facts import model
from cis_facts.dates import DateFormatError, from_date, parse_when
from cis_facts.errors import Problem
from cis_facts.frozen import Frozen
from cis_facts.inert import CLIP, first_forbidden, is_blank, quoted

MAX_TEXT = 10_000
INT_RANGE = (-(2**63), 2**63 - 1)  # TOML integers are 64-bit; so are SQLite's
LANGUAGES = get_args(model.Lang)


class FieldSpec(Frozen):
    """One field: its kind, whether it is required, and the values it may take.

    ``unit`` is the unit every value of the column is in, as Datasette's units name it
    (``percent``; empty when the unit varies by record or there is none), and ``search``
    puts the field in its table's full-text index. What a field means is written in
    docs/fact-schema.md (``cis_facts.descriptions``).
    """

    kind: str
    required: bool = True
    choices: tuple[str, ...] = ()
    item: str = ""  # a list of texts: what one item is called (its export column)
    unit: str = ""
    search: bool = False


class ProfileSection(NamedTuple):
    """How one kind of fact enters a country's profile: whether a fact names the country
    (by a code field, or by its English name in the label), and the section it is listed
    under."""

    names: Callable[[Any, model.Country], bool]
    section: Callable[[Any], str]


HOME = "KZ"  # rankings and trade totals are Kazakhstan's


def _named_in(text: str, country: model.Country) -> bool:
    """Whether ``text`` (an English label) names ``country``: its English name or an English
    alias as a whole word, in its own capitals (a three-letter code left out)."""
    names = (country.name_en, *(a for a in country.aliases if a.isascii() and len(a) != 3))
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text) for n in names)


class Kind(Frozen, kw_only=True):
    """One kind of record, declared once: every consumer (loader, cache, export, show,
    search, the country profile, the browser) reads its kinds from ``KINDS``.

    ``table`` names the fact-file table, the ``FactBase`` field and the export table;
    ``name`` is the kind as answers and the export's ``facts`` view call one record; ids
    are unique within ``namespace``; ``key`` is the field that identifies a record;
    ``answer`` lists the fields that hold a fact's value, the first one set first, each
    with its unit (None: the record's own ``unit`` field), as search answers and the
    ``facts`` view give them;
    ``profile`` is its part in a country's profile, ``views`` the browser views that list
    it: each declared for every kind (None or empty where the kind takes no part), so a
    new kind cannot be left out of one by omission.
    """

    table: str
    record: type[Any]
    fields: dict[str, FieldSpec]
    name: str
    namespace: str = "facts"
    key: str = "id"
    answer: tuple[tuple[str, str | None], ...] | None
    profile: ProfileSection | None
    views: tuple[str, ...]

    @property
    def is_fact(self) -> bool:
        return self.namespace == "facts"

    def languages(self) -> dict[str, dict[str, str]]:
        """The fields written in several languages: ``{"label": {"en": "label_en", ...}}``;
        a name without a suffix (``note``) is the English one."""
        found: dict[str, dict[str, str]] = {}
        for name in self.fields:
            stem, _, lang = name.rpartition("_")
            if lang in LANGUAGES and stem:
                found.setdefault(stem, {})[lang] = name
        for stem, by_lang in found.items():
            if "en" not in by_lang and stem in self.fields:
                found[stem] = {"en": stem, **by_lang}
        return found


def _req(kind: str, *choices: str, unit: str = "", search: bool = False) -> FieldSpec:
    return FieldSpec(kind, True, choices, unit=unit, search=search)


def _opt(kind: str, *choices: str, unit: str = "", search: bool = False) -> FieldSpec:
    return FieldSpec(kind, False, choices, unit=unit, search=search)


# What every record rests on: its source, the quote with its translations, and the note.
_EVIDENCE_FIELDS: dict[str, FieldSpec] = {
    "source": _req("source"),
    "quote": _req("text", search=True),
    "quote_en": _opt("text", search=True),
    "quote_kk": _opt("text", search=True),
    "quote_ru": _opt("text", search=True),
    "note": _opt("text", search=True),
    "note_kk": _opt("text", search=True),
    "note_ru": _opt("text", search=True),
    "note_source": _opt("source"),
}

_FACT_FIELDS: dict[str, FieldSpec] = {
    "id": _req("id"),
    "label_en": _req("text", search=True),
    "label_kk": _req("text", search=True),
    "label_ru": _opt("text", search=True),
    **_EVIDENCE_FIELDS,
    "period_en": _opt("text"),
    "period_kk": _opt("text"),
    "period_ru": _opt("text"),
}

# What a bibliography needs of a source (CSL's variables), each optional.
SOURCE_REFERENCE_FIELDS: dict[str, FieldSpec] = {
    "type": _opt("enum", *model.SOURCE_TYPES),
    "author": _opt("text", search=True),
    "author_unknown": _opt("bool"),
    "original_title": _opt("text", search=True),
    "title_en": _opt("text", search=True),
    "title_kk": _opt("text", search=True),
    "title_ru": _opt("text", search=True),
    "container": _opt("text"),
    "publisher": _opt("text"),
    "place": _opt("text"),
    "issued": _opt("when"),
    "issued_approximate": _opt("bool"),
    "not_before": _opt("when"),
    "url": _opt("text"),
    "accessed": _opt("when"),
}

KINDS: tuple[Kind, ...] = (
    Kind(
        table="sources",
        record=model.Source,
        fields={
            "id": _req("id"),
            "title": _req("text", search=True),
            "language": _req("text"),
            "kind": _opt("enum", "text", "document"),
            "file": _opt("text"),
            "citation": _opt("text", search=True),
            **SOURCE_REFERENCE_FIELDS,
        },
        name="source",
        namespace="sources",
        answer=None,
        profile=None,
        views=(),
    ),
    Kind(
        table="countries",
        record=model.Country,
        fields={
            "code": _req("code"),
            "name_en": _req("text", search=True),
            "name_kk": _req("text", search=True),
            "name_ru": _req("text", search=True),
            "ru_gender": _opt("enum", *model.GRAMMATICAL_GENDERS),
            "aliases": FieldSpec("texts", False, item="alias"),
            **_EVIDENCE_FIELDS,
            "iso3": _opt("iso3"),
            "m49": _opt("m49"),
            "wikidata": _opt("qid"),
            "codes_source": _opt("source"),
            "codes_quote": _opt("text"),
        },
        name="country",
        namespace="countries",
        key="code",
        answer=None,
        profile=None,
        views=(),
    ),
    Kind(
        table="events",
        record=model.Event,
        fields={
            **_FACT_FIELDS,
            "date": _req("when"),
            "kind": _req("enum", *model.EVENT_KINDS),
            "participants": _opt("codes"),
            "initiator": _opt("country"),
            "status": _opt("enum", *model.STATUSES),
            "place_en": _opt("text", search=True),
            "place_kk": _opt("text", search=True),
            "place_ru": _opt("text", search=True),
            "short_en": _opt("text", search=True),
            "short_kk": _opt("text", search=True),
            "short_ru": _opt("text", search=True),
        },
        name="event",
        answer=(),
        profile=ProfileSection(
            lambda f, c: c.code in f.participants or f.initiator == c.code, lambda f: "event"
        ),
        views=("members", "timeline"),
    ),
    Kind(
        table="rankings",
        record=model.Ranking,
        fields={
            **_FACT_FIELDS,
            "mineral_en": _req("text", search=True),
            "mineral_kk": _req("text", search=True),
            "mineral_ru": _opt("text", search=True),
            "rank": _opt("rank"),
            "top": _opt("rank"),
            "share": _opt("percent", unit="percent"),
            "approximate": _opt("bool"),
            "date": _opt("when"),
        },
        name="ranking",
        answer=(("share", "%"), ("rank", "place"), ("top", "top")),
        profile=ProfileSection(lambda f, c: c.code == HOME, lambda f: "ranking"),
        views=("resources",),
    ),
    Kind(
        table="trade_shares",
        record=model.TradeShare,
        fields={
            **_FACT_FIELDS,
            "flow": _req("enum", "export", "import"),
            "country": _req("country"),
            "position": _req("rank"),
            "share": _opt("percent", unit="percent"),
            "date": _opt("when"),
        },
        name="trade_share",
        answer=(("share", "%"), ("position", "place")),
        profile=ProfileSection(lambda f, c: f.country == c.code, lambda f: f.flow),
        views=("exports", "imports"),
    ),
    Kind(
        table="trade_totals",
        record=model.TradeTotal,
        fields={
            **_FACT_FIELDS,
            "partners": _req("enum", "cis", "other", "all"),
            "flow": _req("enum", "turnover", "exports", "imports"),
            "value": _req("number"),
            "unit": _req("text"),
            "date": _req("when"),
            "growth": _opt("number", unit="percent"),
            "growth_base": _opt("when"),
        },
        name="trade_total",
        answer=(("value", None),),
        profile=ProfileSection(lambda f, c: c.code == HOME, lambda f: "total"),
        views=("totals",),
    ),
    Kind(
        table="figures",
        record=model.Figure,
        fields={
            **_FACT_FIELDS,
            "topic": _req("id", search=True),
            "measure": _req("enum", *model.MEASURES),
            "value": _req("number"),
            "unit": _req("text"),
            "date": _opt("when"),
            "country": _opt("country"),
            "approximate": _opt("bool"),
        },
        name="figure",
        answer=(("value", None),),
        profile=ProfileSection(lambda f, c: f.country == c.code, lambda f: "figure"),
        views=("figures",),
    ),
    Kind(
        table="statements",
        record=model.Statement,
        fields={
            **_FACT_FIELDS,
            "topic": _req("id", search=True),
        },
        name="statement",
        answer=(),
        profile=ProfileSection(lambda f, c: _named_in(f.label_en, c), lambda f: "statement"),
        views=("statements",),
    ),
)
# Per table: the record class and the fields, as the loader, cache and export read them.
TABLES: dict[str, tuple[type[Any], dict[str, FieldSpec]]] = {
    kind.table: (kind.record, kind.fields) for kind in KINDS
}
KIND_OF_TABLE: dict[str, Kind] = {kind.table: kind for kind in KINDS}


def fields_of_type(field_type: str) -> tuple[str, ...]:
    """The names of the fields of this type in any table, each once, in declaration order."""
    return tuple(
        dict.fromkeys(
            name for kind in KINDS for name, spec in kind.fields.items() if spec.kind == field_type
        )
    )


FACT_KINDS: tuple[Kind, ...] = tuple(kind for kind in KINDS if kind.is_fact)
# Per record class: the fields that hold its value and their units (Kind.answer).
ANSWER_OF: dict[type[Any], tuple[tuple[str, str | None], ...]] = {
    kind.record: kind.answer or () for kind in KINDS
}


def answer_of(record: Any) -> tuple[Any, str | None]:
    """A record's value and unit: its first answer field that holds a number, with that
    field's unit (or the record's own ``unit``); (None, None) when it has none."""
    for name, fixed_unit in ANSWER_OF.get(type(record), ()):
        held = getattr(record, name, None)
        if isinstance(held, int | float) and not isinstance(held, bool):
            return held, fixed_unit or getattr(record, "unit", None)
    return None, None


def _check_text(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, str):
        return None, f"expected a string, got {_type_name(value)}"
    if is_blank(value):
        return None, "must not be empty"
    if len(value) > MAX_TEXT:
        return None, f"is {len(value)} characters long (at most {MAX_TEXT})"
    bad = first_forbidden(value)
    if bad is not None:
        return None, f"contains the control or formatting character {bad}"
    return value, None


def _check_when(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, date) and not isinstance(value, datetime):
        return from_date(value), None
    if not isinstance(value, str):
        return None, (
            f"expected a date string (YYYY, YYYY-MM, YYYY-MM-DD or START/END), "
            f"got {_type_name(value)}"
        )
    try:
        return _parsed_when(value), None
    except DateFormatError as exc:
        return None, str(exc)


# Dates repeat (a year, a day of a report) across thousands of records; a When is
# immutable, so records may share one.
_parsed_when = functools.lru_cache(maxsize=4096)(parse_when)


# Not the value itself: str() of an integer of over 4,300 digits raises, and the message
# would be as long as the number.
_OUT_OF_RANGE = "integer is outside the 64-bit range"


def _check_number(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None, f"expected a number, got {_type_name(value)}"
    if isinstance(value, int) and not INT_RANGE[0] <= value <= INT_RANGE[1]:
        return None, _OUT_OF_RANGE
    if isinstance(value, float) and not math.isfinite(value):
        return None, "must be a finite number"
    return value, None


def _check_percent(value: Any) -> tuple[Any, str | None]:
    number, error = _check_number(value)
    if error is None and not 0 <= number <= 100:
        return None, f"percentage {number} is outside 0-100"
    return number, error


def _check_rank(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, bool) or not isinstance(value, int):
        return None, f"expected an integer, got {_type_name(value)}"
    if value < 1:
        return None, f"rank {quoted(value)} is below 1"
    if value > INT_RANGE[1]:
        return None, _OUT_OF_RANGE
    return value, None


def _check_bool(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, bool):
        return None, f"expected true or false, got {_type_name(value)}"
    return value, None


def is_kebab_id(value: str) -> bool:
    """Lower-case ASCII letters and digits in words joined by single hyphens."""
    return (
        value.isascii()
        and value.replace("-", "").isalnum()
        and value == value.lower()
        and "--" not in value
        and value[0] != "-"
        and value[-1] != "-"
    )


def is_country_code(value: str) -> bool:
    """Two capital ASCII letters, the form of an ISO 3166-1 alpha-2 code."""
    return len(value) == 2 and value.isascii() and value.isalpha() and value.isupper()


def _check_form(
    accepts: Callable[[str], bool], what: str
) -> Callable[[Any], tuple[Any, str | None]]:
    def check(value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, str):
            return None, f"expected a string, got {_type_name(value)}"
        if not accepts(value):
            return None, f"{quoted(value)} is not {what}"
        return value, None

    return check


_check_code = _check_form(is_country_code, "an ISO 3166-1 alpha-2 code (two capital letters)")


def is_alpha3(value: str) -> bool:
    """Three capital ASCII letters, the form of an ISO 3166-1 alpha-3 code."""
    return len(value) == 3 and value.isascii() and value.isalpha() and value.isupper()


def is_m49(value: str) -> bool:
    """Three ASCII digits, the form of a UN M49 (ISO 3166-1 numeric) code: ``398``, ``051``."""
    return len(value) == 3 and value.isascii() and value.isdigit()


def is_qid(value: str) -> bool:
    """``Q`` and a number without leading zeros, the form of a Wikidata item id."""
    digits = value[1:]
    return value[:1] == "Q" and digits.isascii() and digits.isdigit() and digits[0] != "0"


def _check_list(
    item: Callable[[Any], tuple[Any, str | None]],
) -> Callable[[Any], tuple[Any, str | None]]:
    def check(value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, list):
            return None, f"expected a list, got {_type_name(value)}"
        items = []
        seen: set[Any] = set()
        for index, element in enumerate(value):
            checked, error = item(element)
            if error is None and checked in seen:
                error = f"{quoted(checked)} is given twice"
            if error is not None:
                return None, f"item {index + 1}: {error}"
            seen.add(checked)
            items.append(checked)
        return tuple(items), None

    return check


CHECKS: dict[str, Callable[[Any], tuple[Any, str | None]]] = {
    "text": _check_text,
    "texts": _check_list(_check_text),
    "id": _check_form(is_kebab_id, "a kebab-case id (lower-case letters, digits, hyphens)"),
    "source": _check_form(is_kebab_id, "a source id"),
    "code": _check_code,
    "country": _check_code,
    "codes": _check_list(_check_code),
    "iso3": _check_form(is_alpha3, "an ISO 3166-1 alpha-3 code (three capital letters)"),
    "m49": _check_form(is_m49, "a UN M49 code (three digits, as in 398 or 051)"),
    "qid": _check_form(is_qid, "a Wikidata item id (Q and a number, as in Q232)"),
    "when": _check_when,
    "number": _check_number,
    "percent": _check_percent,
    "rank": _check_rank,
    "bool": _check_bool,
}

# Per field type, its SQLite column type; lists are child tables of their own.
SQL_TYPES: dict[str, str] = {
    "text": "TEXT",
    "id": "TEXT",
    "source": "TEXT",
    "code": "TEXT",
    "country": "TEXT",
    "iso3": "TEXT UNIQUE",
    "m49": "TEXT UNIQUE",
    "qid": "TEXT UNIQUE",
    "enum": "TEXT",
    "when": "TEXT",
    # REAL: 43.0 stays 43.0 (NUMERIC would store it as the integer 43); an integer a
    # double cannot hold exactly is refused by the export rather than rounded.
    "number": "REAL",
    "percent": "REAL",
    "rank": "INTEGER",
    "bool": "INTEGER",
}
LIST_KINDS = ("texts", "codes")
# Field types that refer to a record of another table, by that table's key.
REFERENCES = {"source": "sources", "country": "countries"}


def _type_name(value: Any) -> str:
    names = {
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        list: "an array",
        dict: "a table",
    }
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    return names.get(type(value), type(value).__name__)


def check_field(spec: FieldSpec, value: Any) -> tuple[Any, str | None]:
    """Check and convert one field value; return (value, None) or (None, message)."""
    if spec.kind == "enum":
        if not isinstance(value, str):
            return None, f"expected a string, got {_type_name(value)}"
        if value not in spec.choices:
            return None, f"{quoted(value)} is not one of: {', '.join(spec.choices)}"
        return value, None
    return CHECKS[spec.kind](value)


def _checker(spec: FieldSpec) -> Callable[[Any], tuple[Any, str | None]]:
    if spec.kind != "enum":
        return CHECKS[spec.kind]
    return lambda value: check_field(spec, value)


# Per table: (field, required, checker), resolved once rather than for every value.
_CHECKERS = {
    table: [(name, spec.required, _checker(spec)) for name, spec in specs.items()]
    for table, (_, specs) in TABLES.items()
}


def record_id(table: str, raw: Mapping[str, Any], index: int) -> str:
    """The id used in messages: the record's own id or code, else its position."""
    key = KIND_OF_TABLE[table].key
    value, usable = raw.get(key), is_country_code if key == "code" else is_kebab_id
    if isinstance(value, str) and (
        usable(value) or (0 < len(value) <= CLIP and first_forbidden(value) is None)
    ):
        return value
    return f"#{index + 1} of [[{table}]]"


def build_record(
    table: str, raw: Mapping[str, Any], index: int, origin: str
) -> tuple[Any, dict[str, Any], list[Problem]]:
    """Check one raw record of ``table``.

    Returns the typed record (None if anything is wrong), the fields that passed their
    checks (so cross-record checks can still run on a broken record), and the problems.
    """
    record, values, issues = check_record(table, raw, origin)
    rid = record_id(table, raw, index)
    return record, values, [Problem(origin, message, rid, name) for name, message in issues]


def check_record(
    table: str, raw: Mapping[str, Any], origin: str
) -> tuple[Any, dict[str, Any], list[tuple[str, str]]]:
    """As ``build_record``, with each problem as a (field, message) pair: cheap enough to
    count a million of them when only the first hundred are shown."""
    factory, specs = TABLES[table]
    issues = [(key, "unknown field") for key in raw if key not in specs]
    values: dict[str, Any] = {}
    for name, required, check in _CHECKERS[table]:
        if name not in raw:
            if required:
                issues.append((name, "missing required field"))
            continue
        value, error = check(raw[name])
        if error is not None:
            issues.append((name, error))
        else:
            values[name] = value
    issues.extend(_record_rules(table, raw, values))
    if issues:
        return None, values, issues
    return factory(**values, origin=origin), values, []


_CODES = ("iso3", "m49", "wikidata")


def _codes_rules(raw: Mapping[str, Any], values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A country's identifiers come with the source record and the quote they rest on.

    A code that failed its own check is reported once, by that check, and asks for nothing.
    """
    if not any(name in raw for name in _CODES):
        return [(name, "given without iso3, m49 or wikidata") for name in _CODE_REFS if name in raw]
    valid = ", ".join(name for name in _CODES if name in values)
    return [(name, f"required with {valid}") for name in _CODE_REFS if valid and name not in raw]


_CODE_REFS = ("codes_source", "codes_quote")


def _record_rules(
    table: str, raw: Mapping[str, Any], values: Mapping[str, Any]
) -> list[tuple[str, str]]:
    """Rules that tie fields of one record together."""
    rules: list[tuple[str, str]] = []
    if table == "countries":
        rules.extend(_codes_rules(raw, values))
    if table == "rankings" and not any(k in raw for k in ("rank", "top", "share")):
        rules.append(("rank", "a ranking needs at least one of rank, top or share"))
    if table == "trade_totals" and "growth_base" in raw and "growth" not in raw:
        rules.append(("growth_base", "given without growth"))
    if table == "figures" and values.get("measure") == "share":
        value = values.get("value")
        if isinstance(value, int | float) and not 0 <= value <= 100:
            rules.append(("value", f"percentage {value} is outside 0-100"))
    for name in _WHEN_FIELDS[table]:
        when = values.get(name)
        if when is not None and when.first.year < 1900:
            rules.append((name, f"{when.iso()} is before 1900"))
    return rules


# Per table, its date fields (``when``), for the rule on dates before 1900.
_WHEN_FIELDS = {
    table: [name for name, spec in specs.items() if spec.kind == "when"]
    for table, (_, specs) in TABLES.items()
}
