"""SearchBar: the live search input, debounced, with the number of results or an error under it.

Typing is parsed with the engine's query language and posted as `QueryChanged`; a `QueryError`
shows its message under the input instead (wrapped to the pane's width). The screen reports how
many releases the search found (`show_count`), with a line for each filter value that matches
nothing. A keystroke after a pause is searched at once;
keystrokes that follow each other quickly (fast typing, key repeat, a paste) wait until the typing
stops, so no search runs for text that is already out of date.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from newsroom_tui.i18n import N_, _
from newsroom_tui.query import Query, QueryError, parse_query
from newsroom_tui.sanitise import clean_line

TYPING_GAP = 0.1
"""Keystrokes handled less than this many seconds apart count as fast typing (measured when
handled, so keys queued behind a slow search count as fast too)."""
DEBOUNCE = 0.015
"""While typing fast, the search runs once no key has come for this many seconds. Keys read
together (a paste, a burst, keys queued behind a slow search) come a few milliseconds apart and
are searched once; a person's keystrokes come further apart than this anyway, and each
millisecond of it is added to the last key's wait for its results."""


class SearchBar(Vertical):
    """An input for the search language and a line for its errors."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", N_("Clear search"), show=False),
    ]

    class QueryChanged(Message):
        """The search changed: `query` is None when the input was cleared."""

        def __init__(self, search_bar: SearchBar, text: str, query: Query | None) -> None:
            super().__init__()
            self.search_bar = search_bar
            self.text = text
            self.query = query

        @property
        def control(self) -> SearchBar:
            return self.search_bar

    class Submitted(Message):
        """Enter was pressed in the input (the screen moves focus to the results)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None
        self._last: str | None = None
        self._last_change = float("-inf")
        self._error = ""

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder=_('/ search: words, "phrase", prefix*, section:, tag:, since:, is:unread')
        )
        yield Static(id="search-error")
        yield Static(id="search-count")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    @property
    def pending(self) -> bool:
        """True while typed text waits for the debounce before it is searched."""
        return self._timer is not None

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        now = time.monotonic()
        typing_fast = now - self._last_change < TYPING_GAP
        self._last_change = now
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if typing_fast:
            self._timer = self.set_timer(DEBOUNCE, self.run_search)
        else:
            self.run_search()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.run_search()
        self.post_message(self.Submitted())

    def run_search(self) -> None:
        """Parse the input now and post the result (skipped when the text did not change)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.input.value
        if text == self._last:
            return
        self._last = text
        if not text.strip():
            self._show_error("")
            self.remove_class("-error", "-counted")
            self.post_message(self.QueryChanged(self, text, None))
            return
        try:
            query = parse_query(text)
        except QueryError as exc:
            self._show_error(clean_line(str(exc), limit=400))
            self.add_class("-error")
            return
        self._show_error("")
        self.remove_class("-error")
        self.post_message(self.QueryChanged(self, text, query))

    def _show_error(self, message: str) -> None:
        """The error line's text, changed only when it differs (each change costs the screen a
        layout pass, and most keystrokes leave it empty)."""
        if message != self._error:
            self._error = message
            self.query_one("#search-error", Static).update(Text(message))

    def show_hints(self, notes: Sequence[str]) -> None:
        """Under the input: one line per filter value that matches nothing, naming the closest
        stored values (the count itself is on the filter line above the list)."""
        if not notes or not self.input.value.strip():
            self.remove_class("-counted")
            return
        lines = [clean_line(note, limit=400) for note in notes]
        self.query_one("#search-count", Static).update(Text("\n".join(lines)))
        self.add_class("-counted")

    def action_clear(self) -> None:
        self.input.value = ""
        self.run_search()
        self.post_message(self.Submitted())
