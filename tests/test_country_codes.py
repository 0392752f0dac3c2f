"""Country identifiers: ISO 3166-1 alpha-3, UN M49 and Wikidata, each resting on a quote."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cis_facts.loader import load
from cis_facts.schema import build_record

EXCERPT = Path(__file__).resolve().parents[1] / "data" / "sources" / "country-codes.csv"

COUNTRY = {
    "code": "MN",
    "name_en": "Mongolia",
    "name_kk": "Моңғолия",
    "name_ru": "Монголия",
    "source": "kk-text",
    "quote": "x",
}


def _excerpt() -> dict[str, dict[str, str]]:
    with EXCERPT.open(encoding="utf-8", newline="") as file:
        return {row["ISO3166-1-Alpha-2"]: row for row in csv.DictReader(file)}


def test_every_packaged_country_has_the_codes_of_the_excerpt_row_it_quotes() -> None:
    rows = _excerpt()
    base = load()
    assert {c.code for c in base.countries} == set(rows)
    for country in base.countries:
        row = rows[country.code]
        assert country.codes_source == "country-codes"
        assert country.codes_quote == ",".join(row.values())
        assert country.iso3 == row["ISO3166-1-Alpha-3"]
        assert country.m49 is not None and int(country.m49) == int(row["M49"])
        assert int(row["M49"]) == int(row["ISO3166-1-numeric"])
        assert row["wikidata_id"] == f"https://www.wikidata.org/wiki/{country.wikidata}"


def test_kazakhstan_is_kaz_398_q232() -> None:
    kz = next(c for c in load().countries if c.code == "KZ")
    assert (kz.iso3, kz.m49, kz.wikidata) == ("KAZ", "398", "Q232")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("iso3", "KA", "'KA' is not an ISO 3166-1 alpha-3 code (three capital letters)"),
        ("m49", "98", "'98' is not a UN M49 code (three digits, as in 398 or 051)"),
        ("wikidata", "Q0232", "'Q0232' is not a Wikidata item id (Q and a number, as in Q232)"),
    ],
)
def test_malformed_codes_are_named(field: str, value: str, message: str) -> None:
    extra = {"codes_source": "kk-text", "codes_quote": "x"}
    _, _, problems = build_record("countries", {**COUNTRY, **extra, field: value}, 0, "f.toml")
    assert [(p.field, p.message) for p in problems] == [(field, message)]


def test_codes_need_their_source_and_quote() -> None:
    _, _, problems = build_record("countries", {**COUNTRY, "iso3": "MNG"}, 0, "f.toml")
    assert [(p.field, p.message) for p in problems] == [
        ("codes_source", "required with iso3"),
        ("codes_quote", "required with iso3"),
    ]


def test_a_codes_quote_without_codes_is_refused() -> None:
    _, _, problems = build_record("countries", {**COUNTRY, "codes_quote": "x"}, 0, "f.toml")
    assert [(p.field, p.message) for p in problems] == [
        ("codes_quote", "given without iso3, m49 or wikidata")
    ]
