"""``cis-facts members``: who was a member of the CIS on a date or in a period, and the
membership chart, by the Charter's own rules.

The acts the base dates: Russia, Belarus and Ukraine signed the Belovezh agreement on
8 Dec 1991 and ratified it (BY, UA 10 Dec, RU 12 Dec); eleven states signed the Alma-Ata
Protocol on 21 Dec 1991 and ratified the Agreement on their own days (Tajikistan only on
26 Jun 1993, after the Charter's adoption on 22 Jan 1993); the Charter entered into force on
22 Jan 1994; Georgia joined in December 1993 (day unknown), its accession to the Charter took
effect in 1994 (year only) and it left on 18 Aug 2009; Turkmenistan is an associate member
from 26 Aug 2005; the latest event is Moldova's first reading of 20 Mar 2026.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import RunCli

from cis_facts.loader import load
from cis_facts.model import Event, FactBase

FOUNDERS = ["RU", "BY", "UA"]
ALMA_ATA_ELEVEN = {"AZ", "AM", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ", "UA"}


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load()


def members(run_cli: RunCli, *args: str) -> dict[str, dict[str, Any]]:
    """The JSON records by country code."""
    result = run_cli("members", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    # Only the caveat of an answer given for the default date may appear on stderr.
    assert all(line.startswith("cis-facts: As of ") for line in result.stderr.splitlines())
    if "--on" in args:
        assert result.stderr == ""
    return {r["country"]["code"]: r for r in json.loads(result.stdout)}


def table(run_cli: RunCli, *args: str, width: int = 100) -> str:
    result = run_cli("members", *args, "--format", "table", "--color", "never", width=width)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def event(base: FactBase, event_id: str) -> Event:
    return next(e for e in base.events if e.id == event_id)


def status_cell(out: str, name: str, column: int = 1) -> str:
    """The text in ``column`` of the table row naming ``name``."""
    row = next(line for line in out.splitlines() if name in line and "│" in line)
    return row.split("│")[column + 1].strip()


def statuses(records: dict[str, dict[str, Any]]) -> dict[str, str]:
    return {code: r["status"] for code, r in records.items()}


def test_default_is_the_latest_membership_event(run_cli: RunCli) -> None:
    records = members(run_cli)
    assert {r["as_of"] for r in records.values()} == {"2026-03-20"}
    out = table(run_cli, width=120)
    assert "CIS members — 20 March 2026" in out
    assert (
        "As of 20 March 2026, the latest membership event in the fact base (Moldova's "
        "parliament: first reading of the denunciation)"
    ) in " ".join(out.split())


def test_default_lists_the_members_and_the_associate(run_cli: RunCli) -> None:
    records = members(run_cli)
    assert set(records) == ALMA_ATA_ELEVEN  # Georgia has left
    assert {c: s for c, s in statuses(records).items() if s != "member"} == {
        "TM": "associate",
        "UA": "founder",
    }
    turkmenistan = records["TM"]
    assert (turkmenistan["since"], turkmenistan["since_precision"]) == ("2005-08-26", "day")
    assert turkmenistan["since_event"] == "turkmenistan-associate"
    assert turkmenistan["source"] == "kazan-summit-2005"  # the document that dates it
    assert all(r["certain"] for r in records.values())


def test_on_1991_12_10_ratification_makes_a_founder(run_cli: RunCli) -> None:
    records = members(run_cli, "--on", "1991-12-10")
    assert statuses(records) == {"BY": "founder", "UA": "founder", "RU": "signatory"}
    assert (records["BY"]["since"], records["BY"]["since_event"]) == (
        "1991-12-10",
        "agreement-ratified-by",
    )
    assert (records["RU"]["since"], records["RU"]["since_event"]) == (
        "1991-12-08",
        "belovezh-agreement",
    )
    assert {r["as_of"] for r in records.values()} == {"1991-12-10"}


def test_on_1991_12_21_the_eleven(run_cli: RunCli, base: FactBase) -> None:
    records = members(run_cli, "--on", "1991-12-21")
    assert set(records) == set(event(base, "almaty-protocol").participants) == ALMA_ATA_ELEVEN
    assert {c for c, s in statuses(records).items() if s == "founder"} == {"BY", "RU", "UA"}
    assert {c for c, s in statuses(records).items() if s == "signatory"} == {
        "AZ",
        "AM",
        "KZ",
        "KG",
        "MD",
        "TJ",
        "TM",
        "UZ",
    }
    assert records["KZ"]["since_event"] == "almaty-protocol"
    assert records["RU"]["since_event"] == "agreement-ratified-ru"


def test_on_1992_01_15_only_the_states_that_had_ratified_are_founders(run_cli: RunCli) -> None:
    records = members(run_cli, "--on", "1992-01-15")
    assert {c for c, s in statuses(records).items() if s == "founder"} == {
        "BY",
        "KZ",
        "RU",
        "TM",
        "UA",
    }
    assert {c for c, s in statuses(records).items() if s == "signatory"} == {
        "AM",
        "AZ",
        "KG",
        "MD",
        "TJ",
        "UZ",
    }


def test_founding_acts(run_cli: RunCli) -> None:
    records = members(run_cli, "--on", "1991-12-21")
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


def test_on_1993_no_uncertain_for_the_founders(run_cli: RunCli) -> None:
    """A year asked about is a period: a status the same all year is never uncertain."""
    records = members(run_cli, "--on", "1993")
    assert statuses(records) == {
        "AM": "founder",
        "AZ": "changed",
        "BY": "founder",
        "GE": "changed",
        "KG": "founder",
        "KZ": "founder",
        "MD": "signatory",
        "RU": "founder",
        "TJ": "changed",
        "TM": "founder",
        "UA": "founder",
        "UZ": "founder",
    }
    assert all(records[c]["certain"] for c in ("BY", "RU", "KZ", "AM", "KG", "UZ"))
    changes = {
        code: [
            (c["from"], c["to"], c["date"], c["date_precision"], c["event"]) for c in r["changes"]
        ]
        for code, r in records.items()
        if r["changes"]
    }
    assert changes == {
        "TJ": [("signatory", "acceding", "1993-06-26", "day", "agreement-ratified-tj")],
        "AZ": [("signatory", "acceding", "1993-09-24", "day", "azerbaijan-rejoins")],
        "GE": [(None, "acceding", "1993-12", "month", "georgia-accession")],
    }


def test_a_year_table_says_how_and_when(run_cli: RunCli) -> None:
    out = table(run_cli, "--on", "1993", width=200)
    assert status_cell(out, "Tajikistan (TJ)") == "changed"
    assert status_cell(out, "Tajikistan (TJ)", column=3) == (
        "acceding state from 26 Jun 1993 (Tajikistan ratifies the Agreement) †; since then: "
        "Tajikistan ratifies the Charter (4 Aug 1993) †"
    )
    assert "uncertain" not in out


def test_no_state_is_a_member_before_the_charter_is_in_force(run_cli: RunCli) -> None:
    for on in ("1993-06-01", "1994-01-21"):
        assert "member" not in statuses(members(run_cli, "--on", on)).values()
    in_force = members(run_cli, "--on", "1994-01-22")
    assert {c for c, s in statuses(in_force).items() if s == "member"} == {
        "AZ",
        "BY",
        "RU",
        "TJ",
    }
    assert {in_force[c]["since_event"] for c in ("AZ", "BY", "RU", "TJ")} == {
        "charter-in-force-1994"
    }


def test_on_1993_06_01_a_founder_is_not_bound_by_the_charter(run_cli: RunCli) -> None:
    out = table(run_cli, "--on", "1993-06-01", width=300)
    assert status_cell(out, "Kazakhstan (KZ)") == "founding state"
    assert status_cell(out, "Kazakhstan (KZ)", column=3) == (
        "Kazakhstan ratifies the Agreement (23 Dec 1991); a founding state the Charter does "
        "not bind: not a member state †; since then: Charter signed (22 Jan 1993) †"
    )
    assert status_cell(out, "Tajikistan (TJ)") == "signed, not ratified"


def test_the_charter_binds_no_founder_from_the_day_it_is_adopted(run_cli: RunCli) -> None:
    before = members(run_cli, "--on", "1993-01-21")
    assert before["UA"]["reason"] == (
        "Ukraine ratifies the Agreement (10 Dec 1991); the Charter, which defines the member "
        "states, was adopted later, on 22 Jan 1993"
    )
    assert before["UA"]["latest"]["id"] == "almaty-protocol"
    adopted = members(run_cli, "--on", "1993-01-22")
    assert adopted["UA"]["reason"] == (
        "Ukraine ratifies the Agreement (10 Dec 1991); a founding state the Charter does not "
        "bind: not a member state"
    )


def test_moldova_is_not_a_founder_in_april_1994(run_cli: RunCli) -> None:
    records = members(run_cli, "--on", "1994-04-15")
    moldova = records["MD"]
    assert (moldova["status"], moldova["since"], moldova["since_event"]) == (
        "acceding",
        "1994-04-08",
        "moldova-agreement-ratified",
    )
    assert records["KZ"]["status"] == "founder"  # ratified the Charter on 20 Apr 1994
    assert members(run_cli, "--on", "1994-04-20")["KZ"]["status"] == "member"
    assert members(run_cli, "--on", "1994-06-27")["MD"]["status"] == "member"


def test_later_acts_that_change_nothing_follow_the_reason(run_cli: RunCli) -> None:
    out = table(run_cli, "--on", "1993-02-01", width=300)
    assert status_cell(out, "Azerbaijan (AZ)", column=3) == (
        "Alma-Ata Protocol (21 Dec 1991); signed the founding documents, not ratified; since "
        "then: Azerbaijan's parliament votes against ratifying (Oct 1992) †"
    )


def test_on_1993_12_15_georgia_is_uncertain(run_cli: RunCli) -> None:
    """Georgia joined in December 1993, day unknown: the 15th cannot be settled."""
    records = members(run_cli, "--on", "1993-12-15")
    georgia = records["GE"]
    assert (georgia["status"], georgia["certain"]) == ("uncertain", False)
    assert georgia["note"] == (
        "Georgia's accession is dated December 1993 only; the base cannot tell whether it "
        "had happened by 15 December 1993"
    )
    assert (georgia["since"], georgia["since_precision"]) == ("1993-12", "month")
    assert georgia["since_event"] == "georgia-accession"
    assert set(records) == ALMA_ATA_ELEVEN | {"GE"}
    assert all(r["certain"] and r["note"] is None for c, r in records.items() if c != "GE")


def test_on_december_1993_georgia_changes_in_the_month(run_cli: RunCli) -> None:
    records = members(run_cli, "--on", "1993-12")
    assert records["GE"]["status"] == "changed"
    assert "uncertain" not in statuses(records).values()


def test_uncertain_row_in_the_table(run_cli: RunCli) -> None:
    out = table(run_cli, "--on", "1993-12-15", width=200)
    assert status_cell(out, "Georgia (GE)") == "uncertain [1]"
    assert "[1] Georgia's accession is dated December 1993 only" in out
    assert "1 Dec 1993" not in out


def test_a_year_only_date_is_uncertain_inside_the_year(run_cli: RunCli) -> None:
    georgia = members(run_cli, "--on", "1994-06")["GE"]
    assert (georgia["status"], georgia["certain"]) == ("uncertain", False)
    assert georgia["note"] == (
        "Georgia's accession to the Charter is dated 1994 only; the base cannot tell whether "
        "it happened before, during or after June 1994"
    )
    assert members(run_cli, "--on", "1994")["GE"]["status"] == "changed"


@pytest.mark.parametrize("on", ["1995", "1995-01-01", "2009-08-17"])
def test_georgia_is_a_member_once_1994_is_over(run_cli: RunCli, on: str) -> None:
    georgia = members(run_cli, "--on", on)["GE"]
    assert (georgia["status"], georgia["certain"]) == ("member", True)
    assert (georgia["since"], georgia["since_precision"]) == ("1994", "year")
    assert georgia["since_event"] == "georgia-charter-1994"


@pytest.mark.parametrize("on", ["1993-11-30", "1992", "2009-08-18"])
def test_georgia_is_no_member_before_or_after(run_cli: RunCli, on: str) -> None:
    assert "GE" not in members(run_cli, "--on", on)


def test_left_row_starts_on_the_day_of_withdrawal(run_cli: RunCli) -> None:
    georgia = members(run_cli, "--on", "2009-09-01", "--all")["GE"]
    assert (georgia["status"], georgia["since"], georgia["since_event"]) == (
        "left",
        "2009-08-18",
        "georgia-withdrawal",
    )
    assert (georgia["left"], georgia["left_precision"]) == ("2009-08-18", "day")


def test_all_adds_georgia_with_its_leaving_date(run_cli: RunCli) -> None:
    records = members(run_cli, "--all")
    georgia = records["GE"]
    assert (georgia["status"], georgia["left"]) == ("left", "2009-08-18")
    assert set(records) == ALMA_ATA_ELEVEN | {"GE"}
    assert all(r["left"] is None for c, r in records.items() if c != "GE")


def test_all_table_shows_the_leaving_date(run_cli: RunCli) -> None:
    out = table(run_cli, "--all", width=160)
    assert status_cell(out, "Georgia (GE)", column=3) == "18 Aug 2009"


@pytest.mark.parametrize(
    ("lang", "wanted"), [("en", {"left", "former member"}), ("kk", {"бұрынғы мүше"})]
)
def test_all_table_status_of_a_former_member(
    run_cli: RunCli, base: FactBase, lang: str, wanted: set[str]
) -> None:
    georgia = next(c for c in base.countries if c.code == "GE")
    name = georgia.name_kk if lang == "kk" else georgia.name_en
    out = table(run_cli, "--all", "--lang", lang, width=160)
    assert status_cell(out, f"{name} (GE)") in wanted


def test_turkmenistan_is_an_associate_member(run_cli: RunCli) -> None:
    out = table(run_cli, width=160)
    assert status_cell(out, "Turkmenistan (TM)") == "associate member"
    assert status_cell(out, "Turkmenistan (TM)", column=2) == "26 Aug 2005"


def test_after_2009_events_rest_on_named_documents(run_cli: RunCli, base: FactBase) -> None:
    later = sorted((e for e in base.events if e.date.first.year > 2009), key=lambda e: e.date.first)
    assert [(e.id, e.date.iso(), e.source) for e in later] == [
        ("ukraine-statutory-bodies-2018", "2018-05-19", "azvision-ukraine-2018"),
        ("moldova-ipa-convention-2023", "2023-07-07", "zdg-moldova-ipa-2023"),
        ("moldova-denunciation-approved-2026", "2026-03-11", "ria-moldova-2026"),
        ("moldova-denunciation-first-reading-2026", "2026-03-20", "belta-moldova-2026"),
    ]
    kinds = {s.id: s.kind for s in base.sources}
    assert {kinds[e.source] for e in later} == {"document"}
    out = table(run_cli, width=300)
    assert status_cell(out, "Ukraine (UA)", column=3) == (
        "Ukraine ratifies the Agreement (10 Dec 1991); a founding state the Charter does not "
        "bind: not a member state †; since then: Ukraine recalls its representatives from CIS "
        "bodies (19 May 2018) †"
    )
    assert "† not from the text: from the document named as its source" in out


def test_after_the_base_warns_but_answers(run_cli: RunCli) -> None:
    result = run_cli("members", "--on", "2027", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == (
        "cis-facts: 2027 is after the latest membership event in the fact base (Moldova's "
        "parliament: first reading of the denunciation, 20 March 2026); facts after that date "
        "are not in the base, so this answer may be out of date.\n"
    )
    records = {r["country"]["code"]: r for r in json.loads(result.stdout)}
    assert set(records) == ALMA_ATA_ELEVEN
    assert {r["as_of"] for r in records.values()} == {"2027"}


def test_before_the_cis_exits_1(run_cli: RunCli) -> None:
    result = run_cli("members", "--on", "1990")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cis-facts: ")
    assert len(result.stderr.splitlines()) == 1
    assert "1990" in result.stderr


@pytest.mark.parametrize(
    "on", ["1993-13", "1993-02-30", "1993-00", "93", "1993/12/15", "1993-12-15T00:00"]
)
def test_malformed_dates_are_usage_errors(run_cli: RunCli, on: str) -> None:
    result = run_cli("members", "--on", on)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Invalid value for '--on'" in result.stderr
    assert "Traceback" not in result.stderr


def test_leap_day_is_a_date(run_cli: RunCli) -> None:
    assert set(members(run_cli, "--on", "1992-02-29")) == ALMA_ATA_ELEVEN


def test_as_of_has_a_precision(run_cli: RunCli) -> None:
    record = next(iter(members(run_cli, "--on", "1994").values()))
    assert record["as_of_precision"] == "year"


def test_machine_formats_carry_as_of_in_the_data_and_stay_quiet(run_cli: RunCli) -> None:
    result = run_cli("members", "--format", "csv")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert ",2026-03-20,day," in result.stdout.splitlines()[1]  # as_of, as_of_precision


def test_from_text_marks_rows_resting_on_documents(run_cli: RunCli) -> None:
    records = members(run_cli, "--on", "2009-09-01", "--all")
    # the rows whose reason (the act the status rests on) the text itself gives
    assert {c for c, r in records.items() if r["from_text"]} == {"GE"}
    # Ukraine's latest act, the Alma-Ata Protocol, is in the text; its status rests on
    # its ratification of the Agreement, from the member-states table
    assert records["UA"]["source"] == "wikipedia-cis-member-states"
    assert (records["UA"]["latest"]["id"], records["UA"]["latest"]["from_text"]) == (
        "almaty-protocol",
        True,
    )
    assert records["KZ"]["source"] == "wikipedia-cis-member-states"


# --------------------------------------------------------------------------------------------
# --chart
# --------------------------------------------------------------------------------------------


def chart(run_cli: RunCli) -> dict[str, dict[str, Any]]:
    return members(run_cli, "--chart")


def test_chart_json_spans(run_cli: RunCli) -> None:
    records = chart(run_cli)
    assert set(records) == ALMA_ATA_ELEVEN | {"GE"}
    georgia = records["GE"]["spans"]
    assert [
        (s["status"], s["start"], s["start_precision"], s["end"], s["end_precision"])
        for s in georgia
    ] == [
        ("acceding", "1993-12", "month", "1994", "year"),
        ("member", "1994", "year", "2009-08-18", "day"),
    ]
    turkmenistan = records["TM"]["spans"]
    assert [(s["status"], s["start"], s["end"]) for s in turkmenistan] == [
        ("signatory", "1991-12-21", "1991-12-26"),
        ("founder", "1991-12-26", "2005-08-26"),
        ("associate", "2005-08-26", None),
    ]
    assert records["RU"]["spans"][0]["start"] == "1991-12-08"


def test_chart_json_years(run_cli: RunCli) -> None:
    records = chart(run_cli)
    years = records["GE"]["years"]
    assert years == list(range(1991, 2027))
    by_year = dict(zip(years, records["GE"]["by_year"], strict=True))
    assert (by_year[1992], by_year[1993], by_year[1994], by_year[2010]) == (
        None,
        "acceding",
        "member",
        None,
    )
    tm = dict(zip(years, records["TM"]["by_year"], strict=True))
    assert (tm[2004], tm[2005], tm[2026]) == ("founder", "associate", "associate")
    kz = records["KZ"]["by_year"]
    assert (kz[0], kz[1], kz[2], set(kz[3:])) == ("founder", "founder", "founder", {"member"})
    az = dict(zip(years, records["AZ"]["by_year"], strict=True))
    assert (az[1991], az[1992], az[1993], az[1994]) == (
        "signatory",
        "signatory",
        "acceding",
        "member",
    )


def test_chart_table_shows_every_state_and_a_legend(run_cli: RunCli, base: FactBase) -> None:
    out = table(run_cli, "--chart", width=120)
    names = {c.code: c.name_en for c in base.countries}
    for code in ALMA_ATA_ELEVEN | {"GE"}:
        assert f"{names[code]} ({code})" in out
    flat = " ".join(out.split())
    for legend in (
        "█ member",
        "▓ founding state, not a member state",
        "░ signed, not ratified",
        "▚ ratified or joined after the Charter, not bound by it",
        "▒ associate member",
        "▐ joined or became a member state during the year",
        "▞ became associate during the year",
        "▌ left during the year",
        "· not a member",
    ):
        assert legend in flat
    assert "…" not in out
    rows = {
        line.split(")")[0] + ")": line.split(")")[1].split()[0]
        for line in out.splitlines()
        if line.endswith(tuple("█▓░▚▒▐▞▌·")) and ")" in line
    }

    def years(name: str) -> list[str]:
        row = rows[name]
        step = len(row) // 36  # 1991-2026, one or two glyphs a year
        return [row[i * step] for i in range(36)]

    georgia = years("Georgia (GE)")
    # out in 1991-1992, acceding in December 1993, a member from 1994, left in 2009
    assert (georgia[:5], georgia[18], georgia[19]) == (["·", "·", "▚", "▐", "█"], "▌", "·")
    assert set(years("Ukraine (UA)")) == {"▓"}
    turkmenistan = years("Turkmenistan (TM)")
    assert (turkmenistan[13], turkmenistan[14], turkmenistan[35]) == ("▓", "▞", "▒")


# --------------------------------------------------------------------------------------------
# The reason is the act the status rests on; later acts that change nothing follow it
# --------------------------------------------------------------------------------------------


def test_the_reason_is_the_act_the_status_rests_on(run_cli: RunCli) -> None:
    records = members(run_cli)
    moldova, ukraine = records["MD"], records["UA"]
    assert {k: moldova[k] for k in ("since_event", "reason", "source", "from_text")} == {
        "since_event": "moldova-charter-in-force",
        "reason": "The Charter in force for Moldova (27 Jun 1994)",
        "source": "moldova-mfa-cis",
        "from_text": False,
    }
    assert moldova["latest"] == {
        "id": "moldova-denunciation-first-reading-2026",
        "name": "Moldova's parliament: first reading of the denunciation",
        "date": "2026-03-20",
        "date_precision": "day",
        "source": "belta-moldova-2026",
        "from_text": False,
    }
    assert {k: ukraine[k] for k in ("since_event", "reason", "source")} == {
        "since_event": "agreement-ratified-ua",
        "reason": (
            "Ukraine ratifies the Agreement (10 Dec 1991); a founding state the Charter does "
            "not bind: not a member state"
        ),
        "source": "wikipedia-cis-member-states",
    }
    assert (ukraine["latest"]["id"], ukraine["latest"]["date"]) == (
        "ukraine-statutory-bodies-2018",
        "2018-05-19",
    )
    assert records["KZ"]["latest"] is None


# The "Why" cells of Moldova and Ukraine on the default date (20 Mar 2026), by language.
WHY_TODAY = {
    "en": (
        (
            "The Charter in force for Moldova (27 Jun 1994) †; since then: Moldova's "
            "parliament: first reading of the denunciation (20 Mar 2026) †"
        ),
        (
            "Ukraine ratifies the Agreement (10 Dec 1991); a founding state the Charter does "
            "not bind: not a member state †; since then: Ukraine recalls its representatives "
            "from CIS bodies (19 May 2018) †"
        ),
    ),
    "kk": (
        (
            "Жарғы Молдова үшін күшіне енді (1994\u202fж. 27 мау.) †; одан кейін — Молдова "
            "парламенті: денонсациялау бірінші оқылымда (2026\u202fж. 20 нау.) †"
        ),
        (
            "Украина Келісімді бекітті (1991\u202fж. 10 жел.); Жарғы міндеттемейтін құрылтайшы "
            "мемлекет: мүше мемлекет емес †; одан кейін — Украина ТМД органдарынан өкілдерін "
            "кері шақырды (2018\u202fж. 19 мам.) †"
        ),
    ),
    "ru": (
        (
            "Вступление Устава в силу для Молдовы (27 июня 1994\u202fг.) †; позднее — "
            "Парламент Молдовы: денонсация в первом чтении (20 марта 2026\u202fг.) †"
        ),
        (
            "Ратификация Соглашения Украиной (10 дек. 1991\u202fг.); государство-учредитель, "
            "не связанное Уставом: не государство-член †; позднее — Отзыв представителей "
            "Украины из органов СНГ (19 мая 2018\u202fг.) †"
        ),
    ),
}


@pytest.mark.parametrize("lang", sorted(WHY_TODAY))
def test_the_why_column_names_the_grounds_then_later_acts(run_cli: RunCli, lang: str) -> None:
    moldova, ukraine = WHY_TODAY[lang]
    out = table(run_cli, "--lang", lang, width=300)
    assert status_cell(out, "(MD)", column=3) == moldova
    assert status_cell(out, "(UA)", column=3) == ukraine


def test_on_the_day_of_the_status_s_own_act_there_is_no_later_act(run_cli: RunCli) -> None:
    records = members(run_cli, "--on", "1994-06-27")
    moldova = records["MD"]
    assert (moldova["status"], moldova["reason"], moldova["source"], moldova["latest"]) == (
        "member",
        "The Charter in force for Moldova (27 Jun 1994)",
        "moldova-mfa-cis",
        None,
    )
    out = table(run_cli, "--on", "1994-06-27", width=300)
    assert status_cell(out, "Moldova (MD)", column=3) == (
        "The Charter in force for Moldova (27 Jun 1994) †"
    )
    for lang, text in (
        ("kk", "Жарғы Молдова үшін күшіне енді (1994\u202fж. 27 мау.) †"),
        ("ru", "Вступление Устава в силу для Молдовы (27 июня 1994\u202fг.) †"),
    ):
        out = table(run_cli, "--on", "1994-06-27", "--lang", lang, width=300)
        assert status_cell(out, "(MD)", column=3) == text


def test_an_act_of_the_same_day_is_not_a_later_act(run_cli: RunCli) -> None:
    """Moldova signed the Alma-Ata Protocol and its signature is recorded the same day."""
    moldova = members(run_cli, "--on", "1993-12-15")["MD"]
    assert (moldova["since_event"], moldova["latest"]) == ("almaty-protocol", None)


def test_machine_formats_carry_the_later_act_in_its_own_columns(run_cli: RunCli) -> None:
    result = run_cli("members", "-f", "tsv", "--fields", "country,reason,latest", "--lang", "ru")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "country.code\tcountry.name\treason\tlatest.id\tlatest.name\tlatest.date"
        "\tlatest.date_precision\tlatest.source\tlatest.from_text"
    )
    assert next(line for line in lines if line.startswith("MD\t")) == (
        "MD\tМолдова\tВступление Устава в силу для Молдовы (27 июня 1994\u202fг.)"
        "\tmoldova-denunciation-first-reading-2026\tПарламент Молдовы: денонсация в первом чтении"
        "\t2026-03-20\tday\tbelta-moldova-2026\tfalse"
    )
    assert next(line for line in lines if line.startswith("KZ\t")).endswith(
        "(20 апр. 1994\u202fг.)\t\t\t\t\t\t"
    )
