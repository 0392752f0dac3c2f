"""The Textual application behind ``cis-facts browse``.

The list shows search hits or a view's rows; the pane beside (or below, on a narrow
terminal) shows the highlighted fact. Every string from the data reaches the screen as a
Rich ``Text``, never as markup. Searching runs in a worker thread after a short pause in
typing, so a large user base does not stall the keyboard.
"""

# Imported where used: signal handling and errors for the running app only.

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from cis_facts.browse import catalog, detail, texts
from cis_facts.browse.lines import Line, title_and_lines
from cis_facts.dates import DateFormatError, parse_partial
from cis_facts.errors import FactsError
from cis_facts.i18n import word
from cis_facts.model import FactBase, Lang
from cis_facts.render.localized import localize

if TYPE_CHECKING:
    from cis_facts.browse.catalog import Built

LANGS: tuple[Lang, ...] = ("en", "kk", "ru")
NARROW = 120  # below this width the detail pane goes under the list
DEBOUNCE = 0.15  # seconds of quiet typing before a search runs
ANSWER_WIDTH = 26
DATE_WIDTH = 16  # «1991 ж. 10 жел.», «10 дек. 1991 г.», "10 Dec 1991"

CSS = """
#query { height: 3; }
#title { height: 1; padding: 0 1; text-style: bold; }
#body { height: 1fr; layout: horizontal; }
#hits { width: 1fr; height: 100%; }
#detail-scroll { width: 1fr; height: 100%; border-left: solid $primary; padding: 0 1; }
.narrow #body { layout: vertical; }
.narrow #hits { width: 100%; height: auto; max-height: 50%; }
.narrow #detail-scroll { width: 100%; height: 1fr; border-left: none;
    border-top: solid $primary; }
"""


# The keys, each with the action it runs and the i18n key of its footer word (None: not
# shown in the footer). The footer words are set in the reader's language, and again
# whenever the language changes.
SEARCH_KEYS: tuple[tuple[str, str, str | None], ...] = (
    ("down", "app.focus_list", "browse.key.list"),
    ("escape", "app.focus_list", None),
)
APP_KEYS: tuple[tuple[str, str, str | None], ...] = (
    ("c", "copy('plain')", "browse.key.copy"),
    ("m", "copy('markdown')", "browse.key.markdown"),
    ("j", "copy('json')", "browse.key.json"),
    ("l", "cycle_lang", "browse.key.lang"),
    ("v", "next_view", "browse.key.view"),
    ("slash", "focus_search", "browse.key.search"),
    ("q", "quit", "browse.key.quit"),
    ("ctrl+q", "quit", None),  # Textual's own quit key, which works in the search box too
    ("escape", "focus_list", None),
)


def key_bindings(keys: tuple[tuple[str, str, str | None], ...], lang: Lang) -> list[BindingType]:
    """The bindings of ``keys`` with their footer words in ``lang``."""
    return [
        Binding(key, action, word(label, lang) if label else "", show=label is not None)
        for key, action, label in keys
    ]


def reworded(
    merged: BindingsMap | None, keys: tuple[tuple[str, str, str | None], ...], lang: Lang
) -> BindingsMap:
    """A widget's bindings with those of ``keys`` worded in ``lang``, the rest kept."""
    bindings = merged.copy() if merged is not None else BindingsMap()
    bindings.key_to_bindings.update(BindingsMap(key_bindings(keys, lang)).key_to_bindings)
    return bindings


class SearchBox(Input):
    """The search box; Down or Esc moves to the list, where the one-letter keys act."""

    BINDINGS = key_bindings(SEARCH_KEYS, "en")


class BrowseApp(App[None]):
    """Type to search; the highlighted fact's quote, context and related facts beside."""

    CSS = CSS
    TITLE = "cis-facts"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = key_bindings(APP_KEYS, "en")

    def __init__(
        self,
        base: FactBase,
        query: str = "",
        lang: Lang = "en",
        debounce: float = DEBOUNCE,
        index: Callable[[], Built] | None = None,
    ) -> None:
        """``index`` gives the base's search index (the one stored beside a cached base);
        without it, the first search builds it."""
        super().__init__()
        self.base = base
        self._make_index = index or (lambda: catalog.search_index(base))
        self.lang: Lang = lang
        self.initial_query = query
        self.debounce = debounce
        self.view_index = 0
        self.rows: list[Line] = []
        self.selected: str | None = None
        self._timer: Timer | None = None
        # The base's search index, made by the first search (each in a worker thread) and
        # kept: building it costs far more than a query, and a query runs at every key.
        self._index: Built | None = None
        self._index_lock = threading.Lock()

    def compose(self) -> ComposeResult:
        yield SearchBox(
            self.initial_query, placeholder=word("browse.search", self.lang), id="query"
        )
        yield Static(id="title", markup=False)
        with Horizontal(id="body"):
            yield DataTable(id="hits", cursor_type="row", zebra_stripes=True, show_header=False)
            with VerticalScroll(id="detail-scroll"):
                yield Static(id="detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._word_keys()
        self._layout_for(self.size.width)
        self.refresh_list()
        if self.initial_query:
            self.query_one("#hits", DataTable).focus()

    def _word_keys(self) -> None:
        """The footer's words in the chosen language; every other binding (Textual's
        Ctrl+Q, the search box's editing keys) stays as the classes declare it."""
        self._bindings = reworded(type(self)._merged_bindings, APP_KEYS, self.lang)
        box = self.query_one("#query", Input)
        box._bindings = reworded(type(box)._merged_bindings, SEARCH_KEYS, self.lang)
        self.refresh_bindings()

    def on_resize(self, event: Resize) -> None:
        self._layout_for(event.size.width)

    def _layout_for(self, width: int) -> None:
        self.set_class(width < NARROW, "narrow")

    # Listing

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self.debounce > 0:
            self._timer = self.set_timer(self.debounce, self.refresh_list)
        else:
            self.refresh_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#hits", DataTable).focus()

    def refresh_list(self) -> None:
        """List what the search box asks for, in a worker thread."""
        self._list(self.query_one("#query", Input).value.strip(), self.lang, self.view_index)

    @work(thread=True, exclusive=True, group="list")
    def _list(self, query: str, lang: Lang, view_index: int) -> None:
        title, lines, problem = self._lines(query, lang, view_index)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._show, title, lines, problem)

    def _lines(self, query: str, lang: Lang, view_index: int) -> tuple[str, list[Line], str | None]:
        """The title and lines for ``query`` (or the view), or a message saying why none."""
        try:
            if query.startswith("@"):
                on = parse_partial(query[1:].strip())
                answer = catalog.view(self.base, "members", on)
            elif query:
                answer = catalog.search(self.base, query, built=self._search_index())
            else:
                answer = catalog.view(self.base, catalog.VIEWS[view_index])
        except DateFormatError:
            return query, [], word("browse.bad_date", lang, text=query[1:].strip())
        except FactsError as exc:
            if query.startswith("@"):
                return query, [], str(exc)
            return query, [], word("browse.nothing", lang, query=query) + _hint(exc)
        title, lines = title_and_lines(localize(answer, lang))
        count = len(answer.rows)
        more = "+" if query and count >= catalog.SEARCH_LIMIT else ""
        return f"{title} ({count}{more})", lines, None

    def _search_index(self) -> Built:
        with self._index_lock:
            if self._index is None:
                self._index = self._make_index()
            return self._index

    def _show(self, title: str, lines: list[Line], problem: str | None) -> None:
        self.rows = lines
        self.query_one("#title", Static).update(Text(title))
        table = self.query_one("#hits", DataTable)
        table.clear(columns=True)
        width = self._list_width(table)
        # The answers' column is as wide as nine answers in ten need (at most
        # ANSWER_WIDTH); when the labels need that room too, it gives way down to a
        # quarter of the list, never less than a date takes. The labels keep the rest (a
        # longer answer or label ends in an ellipsis; the pane shows it whole).
        wanted = min(_most(len(line.answer) for line in lines), ANSWER_WIDTH)
        labels = _most(len(line.label) for line in lines if not line.heading)
        floor = min(wanted, max(width // 4, DATE_WIDTH))
        answer_width = max(min(wanted, width - labels - 4), floor)
        table.add_column("", width=max(width - answer_width - 4, 10), key="label")
        table.add_column("", width=answer_width, key="answer")
        for index, line in enumerate(lines):
            style = "bold" if line.heading else ""
            cells = (
                Text(line.label, style=style, no_wrap=True, overflow="ellipsis"),
                Text(line.answer, no_wrap=True, overflow="ellipsis"),
            )
            table.add_row(*cells, key=str(index))
        if problem is not None:
            self._detail(Text(problem))
            self.selected = None
        elif lines:
            first = next((i for i, line in enumerate(lines) if not line.heading), 0)
            table.move_cursor(row=first)
            self._select(first)

    def _list_width(self, table: DataTable[Text]) -> int:
        """The columns the list's cells may fill: its width (before the first layout, the
        share of the screen it gets) less its vertical scrollbar, which would cover the
        answers' last characters (``18.7 %`` showing as ``18.7``)."""
        full = table.size.width or (
            self.size.width if self.has_class("narrow") else self.size.width // 2
        )
        return max(full - table.styles.scrollbar_size_vertical, 20)

    # Detail

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._select(event.cursor_row)

    def _select(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        key = self.rows[index].key
        self.selected = key
        if key is None:
            self._detail(Text(""))
        else:
            self._detail(detail.text_for(self.base, key, self.lang))

    def _detail(self, text: Text) -> None:
        self.query_one("#detail", Static).update(text)
        self.query_one("#detail-scroll", VerticalScroll).scroll_home(animate=False)

    # Actions

    def _fact_id(self) -> str | None:
        key = self.selected
        if key is None or not any(f.id == key for f in self.base.facts()):
            return None
        return key

    def action_copy(self, style: str) -> None:
        fact_id = self._fact_id()
        if fact_id is None:
            self.notify(word("browse.copy.none", self.lang), severity="warning", markup=False)
            return
        if style == "json":
            text = texts.fact_json(self.base, fact_id, self.lang)
        else:
            text = texts.citation(self.base, fact_id, style, self.lang)
        self.copy_to_clipboard(text)
        self.notify(word(f"browse.copied.{style}", self.lang, id=fact_id), markup=False)

    def action_cycle_lang(self) -> None:
        self.lang = LANGS[(LANGS.index(self.lang) + 1) % len(LANGS)]
        self.query_one("#query", Input).placeholder = word("browse.search", self.lang)
        self.notify(word("browse.language", self.lang), markup=False)
        self._word_keys()
        self.refresh_list()

    def action_next_view(self) -> None:
        self.view_index = (self.view_index + 1) % len(catalog.VIEWS)
        search = self.query_one("#query", Input)
        if search.value:
            search.value = ""  # the change lists the view
        else:
            self.refresh_list()

    def action_focus_search(self) -> None:
        self.query_one("#query", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#hits", DataTable).focus()


def _most(lengths: Iterable[int]) -> int:
    """The length nine in ten of ``lengths`` (the blank ones left out) do not exceed."""
    ordered = sorted(n for n in lengths if n)
    return ordered[(len(ordered) * 9) // 10 - (len(ordered) % 10 == 0)] if ordered else 0


def _hint(exc: FactsError) -> str:
    suggestions = getattr(exc, "suggestions", ())
    return f" ({', '.join(suggestions)}?)" if suggestions else ""


def run(base: FactBase, query: str, lang: Lang, index: Callable[[], Built] | None = None) -> None:
    """Open the browser full screen until the user quits (``index`` as ``BrowseApp``'s).

    SIGTERM and SIGHUP close the app as quitting does, so the terminal gets its main
    screen, mouse and cursor back; then they end the process (128 + the signal).
    Textual draws on stderr: when stderr is redirected (``2>err.log``) and stdout is the
    terminal, stderr is pointed at the terminal while the app runs, then given back.
    """
    import os
    import signal
    import sys

    from cis_facts.errors import Terminated

    app = BrowseApp(base, query, lang, index=index)
    received: list[int] = []

    def close(signum: int, frame: object) -> None:
        received.append(signum)
        app.call_later(app.exit)

    wanted = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    previous = {signum: signal.signal(signum, close) for signum in wanted}
    redirected = sys.__stderr__ is not None and not sys.__stderr__.isatty()
    saved = os.dup(2) if redirected else None
    try:
        if saved is not None:
            os.dup2(1, 2)
        app.run()
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if received:
        raise Terminated(received[0])
