"""``cis-facts browse`` driven with Textual's pilot: filtering, detail, copy keys, language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browse_pilot import (
    detail_text,
    drive,
    listed,
    notes,
    paste_text,
    screen_text,
    settle,
    type_text,
)
from conftest import RunCli
from textual.pilot import Pilot
from textual.widgets import Input

from cis_facts.browse import catalog
from cis_facts.browse.app import BrowseApp
from cis_facts.browse.lines import title_and_lines
from cis_facts.environment import Environment
from cis_facts.loader import load
from cis_facts.model import FactBase, Lang
from cis_facts.query import trade
from cis_facts.render.localized import localize

SNAPSHOTS = Path(__file__).parent / "snapshots"
MARKUP = Path(__file__).parent / "browse_data" / "markup.toml"
if TYPE_CHECKING:
    from cis_facts.browse.catalog import Built

UPDATE = os.environ.get("CIS_FACTS_UPDATE_SNAPSHOTS") == "1"
URANIUM_QUOTE = "«ураннан шамамен 25 %-ын құрайды»"


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load(())


def app_for(base: FactBase, query: str = "", lang: str = "en") -> BrowseApp:
    """The browser on ``base``, searching as soon as a key is typed, with the base's search
    index built once for all the module's apps (as the command reads the stored one)."""
    langs: dict[str, Lang] = {"en": "en", "kk": "kk", "ru": "ru"}
    return BrowseApp(base, query, langs[lang], debounce=0, index=lambda: _index_of(base))


_INDEXES: dict[int, tuple[FactBase, Built]] = {}


def _index_of(base: FactBase) -> Built:
    if id(base) not in _INDEXES:
        _INDEXES[id(base)] = (base, catalog.search_index(base))  # base kept: its id stays its
    return _INDEXES[id(base)][1]


def cli_out(run_cli: RunCli, *args: str) -> str:
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def cli_ids(run_cli: RunCli, *args: str) -> list[str]:
    return [r["id"] for r in json.loads(cli_out(run_cli, *args, "--format", "json"))]


def test_typing_filters_to_the_search_commands_hits(base: FactBase) -> None:
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> tuple[list[str | None], list[str | None]]:
        before = listed(app)
        await type_text(pilot, "uran")
        return before, listed(app)

    before, after = drive(app, steps)
    assert after == ["rank-uranium"]
    assert before != after


def test_the_search_index_is_built_once_for_every_key_typed(
    base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[object] = []

    def search_index(searched: FactBase) -> object:
        built.append(searched)
        return original(searched)

    original = catalog.search_index
    monkeypatch.setattr(catalog, "search_index", search_index)
    app = BrowseApp(base, debounce=0)  # no index given: the app makes its own

    async def steps(pilot: Pilot[None]) -> list[str | None]:
        await type_text(pilot, "zinc")  # a search at each of the four keys
        return listed(app)

    hits = drive(app, steps)
    assert len(built) == 1 and built[0] is base
    assert hits[0] == "rank-zinc"
    _, lines = title_and_lines(localize(catalog.search(base, "zinc"), "en"))
    assert hits == [line.key for line in lines]


# A search a key typed and the table redrawn each time: the long queries take 1.5-2 s on two
# loaded cores, so they run in the slow group; "1991" keeps the check in the quick one.
TYPED_SLOWLY = pytest.mark.slow


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("export share", marks=TYPED_SLOWLY),
        pytest.param("Kazakhstan", marks=TYPED_SLOWLY),
        "1991",
        pytest.param("казакстан мырыш", marks=TYPED_SLOWLY),
    ],
)
def test_hits_come_in_the_search_commands_order(
    run_cli: RunCli, base: FactBase, query: str
) -> None:
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> list[str | None]:
        await type_text(pilot, query)
        return listed(app)

    assert drive(app, steps) == cli_ids(run_cli, "search", query, "--limit", "0")


def test_selection_shows_quote_and_source_sentence(base: FactBase) -> None:
    app = app_for(base, "uran")

    async def steps(pilot: Pilot[None]) -> str:
        return detail_text(app)

    text = drive(app, steps)
    assert URANIUM_QUOTE in text
    assert "Біздің мемлекет әлемде темір рудасы бойынша 8 % құрайды" in text
    assert text.startswith("Kazakhstan accounts for about 25% of the world's uranium")


@TYPED_SLOWLY
def test_moving_down_selects_the_next_hit(run_cli: RunCli, base: FactBase) -> None:
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> tuple[str | None, str]:
        await type_text(pilot, "export share")
        await pilot.press("down", "down")
        await settle(pilot)
        return app.selected, detail_text(app)

    selected, text = drive(app, steps)
    hits = cli_ids(run_cli, "search", "export share")
    assert selected == hits[1]
    assert json.loads(cli_out(run_cli, "show", hits[1], "--format", "json"))[0]["quote"] in text


@pytest.mark.parametrize(
    ("key", "command"),
    [
        ("c", ("cite", "rank-uranium")),
        ("m", ("cite", "rank-uranium", "--style", "markdown")),
        ("j", ("show", "rank-uranium", "--format", "json")),
    ],
)
@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_copy_keys_put_what_the_command_prints(
    run_cli: RunCli, base: FactBase, key: str, command: tuple[str, ...], lang: str
) -> None:
    app = app_for(base, "uranium", lang)

    async def steps(pilot: Pilot[None]) -> str:
        await pilot.press(key)
        await pilot.pause()
        return app.clipboard

    copied = drive(app, steps)
    printed = cli_out(run_cli, *command, "--lang", lang)
    assert copied + "\n" == printed


def test_copy_says_what_was_copied(base: FactBase) -> None:
    app = app_for(base, "uranium")

    async def steps(pilot: Pilot[None]) -> list[str]:
        await pilot.press("m")
        await pilot.pause()
        return notes(app)

    assert drive(app, steps) == ["Copied the Markdown citation of rank-uranium"]


def test_copy_on_a_country_copies_nothing(run_cli: RunCli, base: FactBase) -> None:
    hits = json.loads(cli_out(run_cli, "search", "Turkmenistan", "--format", "json"))
    at = [hit["kind"] for hit in hits].index("country")
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> tuple[str | None, str, list[str]]:
        await paste_text(pilot, "Turkmenistan")
        await pilot.press("down", *["down"] * at, "c")
        await pilot.pause()
        return app.selected, app.clipboard, notes(app)

    selected, clipboard, said = drive(app, steps)
    assert selected == "TM"
    assert clipboard == ""
    assert said == ["Select a fact first: only facts are cited"]


def test_language_key_switches_list_and_detail(run_cli: RunCli, base: FactBase) -> None:
    app = app_for(base, "uranium")

    async def steps(pilot: Pilot[None]) -> tuple[str, str, str]:
        english = detail_text(app)
        await pilot.press("l")
        await settle(pilot)
        kazakh = detail_text(app)
        await pilot.press("c")
        await pilot.pause()
        return english, kazakh, app.clipboard

    english, kazakh, copied = drive(app, steps)
    assert english.startswith("Kazakhstan accounts for about 25%")
    assert kazakh.startswith("Әлемдегі уранның шамамен 25\u00a0%-ы Қазақстанға тиесілі")
    assert "Дәйексөз" in kazakh
    assert copied + "\n" == cli_out(run_cli, "cite", "rank-uranium", "--lang", "kk")


def test_view_key_cycles_views_without_a_query(run_cli: RunCli, base: FactBase) -> None:
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> list[str | None]:
        await pilot.press("down", "v")
        await settle(pilot)
        return listed(app)

    timeline = [key for key in drive(app, steps) if key is not None]
    assert timeline == cli_ids(run_cli, "timeline")


def test_members_on_a_date(run_cli: RunCli, base: FactBase) -> None:
    app = app_for(base, "@1992-06")
    drive(app, lambda pilot: settle(pilot))
    members = json.loads(cli_out(run_cli, "members", "--on", "1992-06", "--format", "json"))
    assert listed(app) == [m["since_event"] for m in members]


def test_bad_date_is_said_plainly(base: FactBase) -> None:
    app = app_for(base, "@1992-13")

    async def steps(pilot: Pilot[None]) -> str:
        return detail_text(app)

    assert "Not a date: '1992-13'" in drive(app, steps)
    assert app.rows == []


def test_markup_in_data_shows_literally() -> None:
    app = app_for(load([str(MARKUP)]), "zebrafinch")

    async def steps(pilot: Pilot[None]) -> tuple[str, bool]:
        return screen_text(app), app.is_running

    screen, running = drive(app, steps, size=(200, 60))
    assert running
    label = "[bold red]Zebrafinch[/] output share [@click=app.quit]quit[/]"
    assert screen.count(label) == 2  # in the list and in the detail pane
    assert "«Zebrafinch output is [i]7[/i] per cent.»" in screen
    assert "A note with [reverse]markup[/reverse]." in screen
    assert "[b]Notes[/b] with [link=https://example.org]markup[/link]" in screen


def _snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"screen differs from {path}; CIS_FACTS_UPDATE_SNAPSHOTS=1 pytest rewrites it"
    )


def test_layout_at_80x24(base: FactBase) -> None:
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> str:
        await type_text(pilot, "uran")
        return screen_text(app)

    screen = drive(app, steps, size=(80, 24))
    lines = screen.splitlines()
    assert len(lines) == 24
    assert all(len(line) <= 80 for line in lines)
    _snapshot("browse-uran-80x24.txt", screen)


def test_wide_terminal_puts_detail_beside_list(base: FactBase) -> None:
    app = app_for(base, "uranium")

    async def steps(pilot: Pilot[None]) -> tuple[bool, int, int]:
        hits = app.query_one("#hits").region
        pane = app.query_one("#detail-scroll").region
        return app.has_class("narrow"), hits.y, pane.x

    narrow, hits_y, pane_x = drive(app, steps, size=(200, 60))
    assert not narrow
    assert pane_x >= 80
    assert hits_y < 10


def test_no_terminal_exits_2_pointing_to_search_and_show(run_cli: RunCli) -> None:
    result = run_cli("browse", "uranium")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "browse needs a terminal" in result.stderr
    assert "cis-facts search" in result.stderr
    assert "cis-facts show" in result.stderr


@pytest.mark.parametrize("not_a_terminal", [("stdin",), ("stdout", "stderr")])
def test_browse_asks_the_environment_whether_it_has_a_terminal(
    run_cli: RunCli,
    not_a_terminal: tuple[str, ...],
) -> None:
    ttys = {f"{name}_isatty": name not in not_a_terminal for name in ("stdin", "stdout", "stderr")}
    env = Environment(width=80, environ={}, **ttys)
    result = run_cli("browse", env=env)
    assert result.exit_code == 2
    assert result.stderr == (
        "cis-facts: browse needs a terminal (keys from stdin, the screen on stdout or stderr); "
        "in scripts and pipes use `cis-facts search WORDS` or `cis-facts show ID`\n"
    )


@pytest.mark.parametrize(
    "args", [["members", "-f", "json"], ["search", "uranium"], ["browse", "--help"], ["--help"]]
)
def test_other_commands_do_not_import_textual(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from cis_facts.cli import cli\n"
        f"cli.main({args!r}, standalone_mode=False)\n"
        "print('textual' in sys.modules, 'cis_facts.browse' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "False False"


def test_no_color_is_honoured(base: FactBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert app_for(base).no_color
    monkeypatch.delenv("NO_COLOR")
    assert not app_for(base).no_color


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_end_to_end_in_a_terminal_with_data() -> None:
    """The installed command in a real pseudo-terminal: --data facts are found, q quits."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    command = Path(sys.executable).with_name("cis-facts")
    data = str(MARKUP)
    process = subprocess.Popen(
        [str(command), "--data", data, "browse", "zebrafinch"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    os.close(slave)
    screen = b""
    give_up = time.monotonic() + 120  # only against a hang; no timing is asserted
    try:
        while b"fx-markup-figure" not in screen and time.monotonic() < give_up:
            if select.select([master], [], [], 1)[0]:
                screen += os.read(master, 65536)
        os.write(master, b"q")
        while process.poll() is None and time.monotonic() < give_up:
            if select.select([master], [], [], 1)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    assert b"fx-markup-figure" in screen


def test_a_grouped_view_selects_its_first_fact_not_a_heading(
    run_cli: RunCli, base: FactBase
) -> None:
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> tuple[str | None, str]:
        await pilot.press("down", *"v" * catalog.VIEWS.index("figures"))
        await settle(pilot)
        return app.selected, detail_text(app)

    selected, text = drive(app, steps)
    figures = cli_ids(run_cli, "figures")
    assert selected == figures[0]
    assert json.loads(cli_out(run_cli, "show", figures[0], "--format", "json"))[0]["quote"] in text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Copy", "Language", "View", "Search", "Quit"]),
        ("kk", ["Көшіру", "Тіл", "Көрініс", "Іздеу", "Шығу"]),
        ("ru", ["Копировать", "Язык", "Вид", "Поиск", "Выход"]),
    ],
)
def test_footer_keys_speak_the_chosen_language(base: FactBase, lang: str, words: list[str]) -> None:
    app = app_for(base, "uranium", lang)

    async def steps(pilot: Pilot[None]) -> str:
        await settle(pilot)
        return screen_text(app).splitlines()[-1]

    footer = drive(app, steps, size=(140, 24))
    assert [w for w in words if w in footer] == words
    others = {"en": "Quit", "kk": "Шығу", "ru": "Выход"}
    assert [w for lang_, w in others.items() if lang_ != lang and w in footer] == []


def test_language_key_rewords_the_footer(base: FactBase) -> None:
    app = app_for(base, "uranium")

    async def steps(pilot: Pilot[None]) -> tuple[str, str]:
        await settle(pilot)
        english = screen_text(app).splitlines()[-1]
        await pilot.press("l", "l")
        await settle(pilot)
        return english, screen_text(app).splitlines()[-1]

    english, russian = drive(app, steps, size=(140, 24))
    assert "Quit" in english and "Выход" not in english
    assert "Выход" in russian and "Quit" not in russian


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_countrys_note_is_in_the_chosen_language(base: FactBase, lang: str) -> None:
    """The browser takes a note by the rule every other view uses (model.note_in)."""
    azerbaijan = next(c for c in base.countries if c.code == "AZ")
    app = app_for(base, "", lang)

    async def steps(pilot: Pilot[None]) -> str:
        await paste_text(pilot, "Азербайджан")
        at = listed(app).index("AZ")
        await pilot.press("down", *["down"] * at)
        await pilot.pause()
        assert app.selected == "AZ"
        return detail_text(app)

    shown = drive(app, steps)
    assert str(azerbaijan.note_in({"ru": "ru", "kk": "kk"}[lang])) in shown
    assert str(azerbaijan.note) not in shown


def _view_screen(base: FactBase, views: int, size: tuple[int, int]) -> list[str]:
    """The screen with the ``views``-th view listed (members is the 0th)."""
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> str:
        await pilot.press("escape", *("v" * views))
        await settle(pilot)
        return screen_text(app)

    return drive(app, steps, size=size).splitlines()


def test_answers_keep_their_last_characters_at_80x24(base: FactBase) -> None:
    exports = _view_screen(base, catalog.VIEWS.index("exports"), (80, 24))
    switzerland = next(line for line in exports if "Switzerland (CH)" in line)
    assert switzerland.split()[-2:] == ["18.7", "%"]
    timeline = _view_screen(base, catalog.VIEWS.index("timeline"), (80, 24))
    ashgabat = next(line for line in timeline if "Ashgabat meeting" in line)
    assert ashgabat.split()[-3:] == ["13", "Dec", "1991"]


def test_dates_stay_whole_in_a_60_column_list(base: FactBase) -> None:
    app = app_for(base, lang="kk")

    async def steps(pilot: Pilot[None]) -> str:
        await pilot.press("escape", *("v" * catalog.VIEWS.index("timeline")))
        await settle(pilot)
        return screen_text(app)

    screen = drive(app, steps, size=(60, 20))
    ashgabat = next(line for line in screen.splitlines() if "Ашғабат" in line)
    assert ashgabat.split()[-4:] == ["1991", "ж.", "13", "жел."]


def test_a_short_list_leaves_the_rest_of_the_screen_to_the_fact(base: FactBase) -> None:
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> str:
        await type_text(pilot, "uran")
        return screen_text(app)

    lines = drive(app, steps, size=(80, 24)).splitlines()
    hit = next(i for i, line in enumerate(lines) if "world's uranium" in line)
    assert lines[hit + 1].startswith("────")  # no blank rows under the one hit
    assert sum(1 for line in lines[hit + 2 :] if line.strip()) >= 12


def test_labels_fill_the_list_at_120x40(base: FactBase) -> None:
    figures = _view_screen(base, catalog.VIEWS.index("figures"), (120, 40))
    row = next(line for line in figures if "The USA accounts" in line)
    assert "The USA accounts for 20.9% of world" in row
    g7 = next(line for line in figures if "The Big Seven" in line)
    label = g7.split("│")[0].split("  ")[0].strip()
    assert len(label) >= 36 and label.endswith("…")


def test_a_ranking_shows_the_other_rankings_as_related(base: FactBase) -> None:
    app = app_for(base, "uranium")

    async def steps(pilot: Pilot[None]) -> str:
        return detail_text(app)

    text = drive(app, steps, size=(120, 40))
    related = [line.split()[0] for line in text.split("Related facts", 1)[1].splitlines()[1:]]
    assert related[:3] == ["rank-zinc", "rank-tungsten", "rank-barite"]
    assert all(fact_id.startswith("rank-") for fact_id in related)


def test_a_share_line_shows_its_percent_and_year(base: FactBase) -> None:
    app = app_for(base, "Switzerland exports")

    async def steps(pilot: Pilot[None]) -> tuple[str | None, str]:
        first = app.rows[0]
        return first.key, first.answer

    assert drive(app, steps) == ("export-share-switzerland", "18.7\u00a0% · 2004")
    # the exports view: a share cell gains its per cent sign
    title, lines = title_and_lines(localize(trade.partners(base, "export"), "en"))
    assert title == "Buyers of Kazakhstan's exports in 2004"
    assert [(line.key, line.label, line.answer) for line in lines[:2]] == [
        ("export-share-switzerland", "Switzerland (CH)", "18.7 %"),
        ("export-share-italy", "Italy (IT)", "15.5 %"),
    ]


def test_ctrl_q_quits_from_the_search_box(base: FactBase) -> None:
    app = app_for(base)

    async def steps(pilot: Pilot[None]) -> bool:
        await pilot.press("ctrl+q")
        await pilot.pause()
        return app.is_running

    assert drive(app, steps) is False


@pytest.mark.parametrize(
    ("lang", "since"), [("ru", "член · 22 янв. 1994 г."), ("kk", "мүше · 1994 ж. 22 қаң.")]
)
def test_short_labels_leave_the_answers_whole_at_80x24(
    base: FactBase, lang: str, since: str
) -> None:
    app = app_for(base, lang=lang)

    async def steps(pilot: Pilot[None]) -> str:
        return screen_text(app)

    screen = drive(app, steps, size=(80, 24))
    row = next(line for line in screen.splitlines() if "(AZ)" in line)
    assert " ".join(row.split()).endswith(since)  # no-break spaces read as spaces


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_worded_keys_keep_the_search_boxs_editing_and_ctrl_q(base: FactBase, lang: str) -> None:
    """Wording the footer in a language replaces only the app's own keys: the search box
    still deletes with Backspace and moves with the arrows, and Ctrl+Q still quits."""
    app = app_for(base, "", lang)

    async def steps(pilot: Pilot[None]) -> tuple[str, bool]:
        await type_text(pilot, "zincx")
        await pilot.press("backspace", "left", "left", "left", "delete")
        await pilot.pause()
        typed = app.query_one("#query", Input).value
        await pilot.press("ctrl+q")
        await pilot.pause()
        return typed, app.is_running

    typed, running = drive(app, steps)
    assert typed == "znc"
    assert running is False
