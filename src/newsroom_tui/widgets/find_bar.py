"""FindBar: the "find in the article" box (ctrl+f), with the match count beside it.

Typing posts `FindChanged` (the article highlights as you type); the screen handles enter (back to
the article, n / N step through the matches) and escape (close, highlights cleared).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from newsroom_tui.i18n import _


class FindBar(Horizontal):
    """Hidden until opened; an input and a count ('3 of 7', 'no match')."""

    class FindChanged(Message):
        """The text to find changed ('' clears)."""

        def __init__(self, find_bar: FindBar, text: str) -> None:
            super().__init__()
            self.find_bar = find_bar
            self.text = text

        @property
        def control(self) -> FindBar:
            return self.find_bar

    def compose(self) -> ComposeResult:
        yield Input(placeholder=_("find in the article"), id="find-input", select_on_focus=True)
        yield Static("", markup=False, id="find-count")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    def open(self) -> None:
        self.display = True

    def close(self) -> None:
        self.display = False
        self.input.value = ""
        self.show_count("")

    def show_count(self, text: str) -> None:
        self.query_one("#find-count", Static).update(text)

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FindChanged(self, event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()  # the screen's enter binding handles it first; nothing else to do
