"""``cis-facts members``: who was a member of the CIS on a date, and the membership chart.

The facts the source text states: Russia, Belarus and Ukraine signed the Belovezh
agreement on 8 Dec 1991; eleven states signed the Alma-Ata Protocol on 21 Dec 1991;
Georgia joined in December 1993 (day unknown) and left on 18 Aug 2009; Turkmenistan is
an associate member.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner, Result

from cis_facts.cli import cli
from cis_facts.loader import load
from cis_facts.model import Event, FactBase

BASE_ENV: dict[str, str | None] = {
    "LANG": "",
    "LC_ALL": "",
    "LC_MESSAGES": "",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "COLUMNS": "100",
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
}
FOUNDERS = ["RU", "BY", "UA"]
ALMA_ATA_ELEVEN = {"AZ", "AM", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ", "UA"}


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


def invoke(runner: CliRunner, *args: str, width: int = 100) -> Result:
    return runner.invoke(
        cli, ["members", *args], prog_name="cis-facts", env={**BASE_ENV, "COLUMNS": str(width)}
    )


def members(runner: CliRunner, *args: str) -> dict[str, dict[str, Any]]:
    """The JSON records by country code."""
    result = invoke(runner, *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    # Only the caveat of an answer given for the default date may appear on stderr.
    assert all(line.startswith("cis-facts: As of ") for line in result.stderr.splitlines())
    if "--on" in args:
        assert result.stderr == ""
    return {r["country"]["code"]: r for r in json.loads(result.stdout)}


def table(runner: CliRunner, *args: str, width: int = 100) -> str:
    result = invoke(runner, *args, "--format", "table", "--color", "never", width=width)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def event(base: FactBase, event_id: str) -> Event:
    return next(e for e in base.events if e.id == event_id)


def status_cell(out: str, name: str, column: int = 1) -> str:
    """The text in ``column`` of the table row naming ``name``."""
    row = next(line for line in out.splitlines() if name in line and "│" in line)
    return row.split("│")[column + 1].strip()


def test_default_is_the_latest_membership_event(runner: CliRunner, base: FactBase) -> None:
    latest = max((e.date for e in base.events if e.status), key=lambda w: w.last)
    assert latest.iso() == "2009-08-18"  # Georgia left; nothing later in the base
    records = members(runner)
    assert {r["as_of"] for r in records.values()} == {latest.iso()}
    out = table(runner)
    assert "As of 18 Aug 2009" in out
    assert "CIS members — 18 Aug 2009" in out


def test_default_lists_the_members_and_the_associate(runner: CliRunner) -> None:
    records = members(runner)
    assert set(records) == ALMA_ATA_ELEVEN  # Georgia has left
    assert {c: r["status"] for c, r in records.items() if r["status"] != "member"} == {
        "TM": "associate",
        "UA": "founder",
    }
    turkmenistan = records["TM"]
    assert (turkmenistan["since"], turkmenistan["since_precision"]) == ("2005-08-26", "day")
    assert turkmenistan["since_event"] == "turkmenistan-associate"
    assert all(r["certain"] for r in records.values())


def test_on_1991_12_10_only_the_belovezh_signatories(runner: CliRunner, base: FactBase) -> None:
    records = members(runner, "--on", "1991-12-10")
    assert sorted(records) == sorted(event(base, "belovezh-agreement").participants)
    assert sorted(records) == sorted(FOUNDERS)
    for record in records.values():
        assert (record["status"], record["certain"]) == ("founder", True)
        assert (record["since"], record["since_precision"]) == ("1991-12-08", "day")
        assert record["since_event"] == "belovezh-agreement"
        assert record["as_of"] == "1991-12-10"


def test_on_1991_12_21_the_eleven(runner: CliRunner, base: FactBase) -> None:
    records = members(runner, "--on", "1991-12-21")
    assert set(records) == set(event(base, "almaty-protocol").participants) == ALMA_ATA_ELEVEN
    assert {c: r["status"] for c, r in records.items() if r["status"] != "founder"} == {
        "AZ": "signatory",
        "MD": "signatory",
    }
    assert records["KZ"]["since_event"] == "almaty-protocol"
    assert records["RU"]["since_event"] == "belovezh-agreement"


def test_founding_acts(runner: CliRunner) -> None:
    records = members(runner, "--on", "1991-12-21")
    acts = [(a["id"], a["date"], a["date_precision"]) for a in records["BY"]["founding_acts"]]
    assert acts == [
        ("belovezh-agreement", "1991-12-08", "day"),
        ("almaty-protocol", "1991-12-21", "day"),
    ]
    assert [a["name"] for a in records["BY"]["founding_acts"]] == [
        "Belovezh Agreement",
        "Alma-Ata Protocol",
    ]
    assert [a["id"] for a in records["KZ"]["founding_acts"]] == ["almaty-protocol"]


def test_on_1993_12_15_georgia_is_uncertain(runner: CliRunner) -> None:
    """Georgia joined in December 1993, day unknown: the 15th cannot be settled."""
    records = members(runner, "--on", "1993-12-15")
    georgia = records["GE"]
    assert georgia["status"] == "uncertain"
    assert georgia["certain"] is False
    assert isinstance(georgia["note"], str)
    assert "Dec 1993" in georgia["note"]
    assert (georgia["since"], georgia["since_precision"]) == ("1993-12", "month")
    assert georgia["since_event"] == "georgia-accession"
    assert set(records) == ALMA_ATA_ELEVEN | {"GE"}
    assert all(r["certain"] and r["note"] is None for c, r in records.items() if c != "GE")


def test_uncertain_row_in_the_table(runner: CliRunner) -> None:
    out = table(runner, "--on", "1993-12-15", width=200)
    assert status_cell(out, "Georgia (GE)") == "uncertain [1]"
    assert "[1] Georgia's accession is dated 1993 ж." not in out
    assert "Dec 1993" in out
    assert "1 Dec 1993" not in out


@pytest.mark.parametrize("on", ["1993-12-31", "1994", "1994-01-01", "2009-08-17"])
def test_georgia_is_a_member_once_december_1993_is_over(runner: CliRunner, on: str) -> None:
    georgia = members(runner, "--on", on)["GE"]
    assert (georgia["status"], georgia["certain"]) == ("member", True)
    assert (georgia["since"], georgia["since_precision"]) == ("1993-12", "month")


@pytest.mark.parametrize("on", ["1993-11-30", "1992", "2009-08-18"])
def test_georgia_is_no_member_before_or_after(runner: CliRunner, on: str) -> None:
    assert "GE" not in members(runner, "--on", on)


def test_on_a_year_that_holds_the_accession_is_uncertain(runner: CliRunner) -> None:
    georgia = members(runner, "--on", "1993")["GE"]
    assert (georgia["status"], georgia["certain"]) == ("uncertain", False)


def test_all_adds_georgia_with_its_leaving_date(runner: CliRunner, base: FactBase) -> None:
    records = members(runner, "--all")
    georgia = records["GE"]
    withdrawal = event(base, "georgia-withdrawal")
    assert (georgia["left"], georgia["left_precision"]) == (withdrawal.date.iso(), "day")
    assert georgia["left"] == "2009-08-18"
    assert georgia["status"] == "left"
    assert (georgia["since"], georgia["since_precision"]) == ("1993-12", "month")
    assert set(records) == ALMA_ATA_ELEVEN | {"GE"}
    assert all(r["left"] is None for c, r in records.items() if c != "GE")


def test_all_table_shows_the_leaving_date(runner: CliRunner) -> None:
    out = table(runner, "--all")
    assert status_cell(out, "Georgia (GE)", column=3) == "18 Aug 2009"


@pytest.mark.parametrize(
    ("lang", "wanted"), [("en", {"left", "former member"}), ("kk", {"бұрынғы мүше"})]
)
def test_all_table_status_of_a_former_member(
    runner: CliRunner, base: FactBase, lang: str, wanted: set[str]
) -> None:
    georgia = next(c for c in base.countries if c.code == "GE")
    name = georgia.name_kk if lang == "kk" else georgia.name_en
    out = table(runner, "--all", "--lang", lang, width=120)
    assert status_cell(out, f"{name} (GE)") in wanted


def test_turkmenistan_is_an_associate_member(runner: CliRunner) -> None:
    out = table(runner)
    assert status_cell(out, "Turkmenistan (TM)") == "associate member"
    assert status_cell(out, "Turkmenistan (TM)", column=2) == "26 Aug 2005"


def test_after_the_base_warns_but_answers(runner: CliRunner) -> None:
    result = invoke(runner, "--on", "2015", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.startswith("cis-facts: 2015 is after the latest membership event")
    assert "18 Aug 2009" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    records = {r["country"]["code"]: r for r in json.loads(result.stdout)}
    assert set(records) == ALMA_ATA_ELEVEN
    assert {r["as_of"] for r in records.values()} == {"2015"}


def test_before_the_cis_exits_1(runner: CliRunner) -> None:
    result = invoke(runner, "--on", "1990")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cis-facts: ")
    assert len(result.stderr.splitlines()) == 1
    assert "1990" in result.stderr


@pytest.mark.parametrize(
    "on", ["1993-13", "1993-02-30", "1993-00", "93", "1993/12/15", "1993-12-15T00:00"]
)
def test_malformed_dates_are_usage_errors(runner: CliRunner, on: str) -> None:
    result = invoke(runner, "--on", on)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Invalid value for '--on'" in result.stderr
    assert "Traceback" not in result.stderr


def test_leap_day_is_a_date(runner: CliRunner) -> None:
    assert set(members(runner, "--on", "1992-02-29")) == ALMA_ATA_ELEVEN


def test_as_of_has_a_precision(runner: CliRunner) -> None:
    record = next(iter(members(runner, "--on", "1994").values()))
    assert record["as_of_precision"] == "year"


def test_machine_formats_carry_as_of_in_the_data_and_stay_quiet(runner: CliRunner) -> None:
    result = invoke(runner, "--format", "csv")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert ",2009-08-18,day," in result.stdout.splitlines()[1]  # as_of, as_of_precision


# --------------------------------------------------------------------------------------------
# --chart
# --------------------------------------------------------------------------------------------


def chart(runner: CliRunner) -> dict[str, dict[str, Any]]:
    return members(runner, "--chart")


def test_chart_json_spans(runner: CliRunner) -> None:
    records = chart(runner)
    assert set(records) == ALMA_ATA_ELEVEN | {"GE"}
    georgia = records["GE"]["spans"]
    assert [
        (s["status"], s["start"], s["start_precision"], s["end"], s["end_precision"])
        for s in georgia
    ] == [("member", "1993-12", "month", "2009-08-18", "day")]
    turkmenistan = records["TM"]["spans"]
    assert [s["status"] for s in turkmenistan][-1] == "associate"
    assert (turkmenistan[-1]["start"], turkmenistan[-1]["end"]) == ("2005-08-26", None)
    assert turkmenistan[0]["start"] == "1991-12-21"
    assert records["RU"]["spans"][0]["start"] == "1991-12-08"


def test_chart_json_years(runner: CliRunner) -> None:
    records = chart(runner)
    years = records["GE"]["years"]
    assert years == list(range(1991, 2010))
    by_year = dict(zip(years, records["GE"]["by_year"], strict=True))
    assert (by_year[1991], by_year[1992], by_year[1994]) == (None, None, "member")
    tm = dict(zip(years, records["TM"]["by_year"], strict=True))
    assert (tm[2004], tm[2005], tm[2009]) == ("founder", "associate", "associate")
    kz = records["KZ"]["by_year"]
    assert (kz[0], kz[1], set(kz[2:])) == ("founder", "founder", {"member"})
    az = dict(zip(years, records["AZ"]["by_year"], strict=True))
    assert (az[1991], az[1992], az[1993]) == ("signatory", "signatory", "member")


def test_chart_table_shows_every_state_and_a_legend(runner: CliRunner, base: FactBase) -> None:
    out = table(runner, "--chart")
    names = {c.code: c.name_en for c in base.countries}
    for code in ALMA_ATA_ELEVEN | {"GE"}:
        assert f"{names[code]} ({code})" in out
    assert "██ member" in out
    assert "▒▒ associate member" in out
    assert "▐▐ joined or became a member state during the year" in out
    assert "▞▞ became associate during the year" in out
    assert "▌▌ left during the year" in out
    assert "·· not a member" in out
    assert "91 92 93" in out
    assert "08 09" in out
    assert "…" not in out
    georgia = next(line for line in out.splitlines() if line.startswith("Georgia (GE)"))
    # 1991, 1992 out; joined in December 1993; left on 18 August 2009
    assert georgia.split()[2:6] == ["··", "··", "▐▐", "██"]
    assert georgia.split()[-1] == "▌▌"
    turkmenistan = next(line for line in out.splitlines() if line.startswith("Turkmenistan"))
    assert turkmenistan.split()[-1] == "▒▒"
    # 2004 a founding state; associate member from Aug 2005
    assert turkmenistan.split()[-6:-4] == ["▓▓", "▞▞"]
