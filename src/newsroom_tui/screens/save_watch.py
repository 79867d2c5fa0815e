"""Saving the current search as a watch (`S`): a small dialog that asks for its name."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from newsroom_tui.i18n import N_, _
from newsroom_tui.sanitise import clean_line
from newsroom_tui.screens.interface_words import TranslatedBindings


class SaveWatchScreen(TranslatedBindings[str | None], ModalScreen[str | None]):
    """'Save this search as a watch named …' (enter saves, escape cancels); dismissed with the
    name typed, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def __init__(self, query_text: str, suggested: str) -> None:
        super().__init__()
        self.query_text = query_text
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(id="save-watch"):
            yield Static(_("Save this search as a watch"), markup=False, id="save-watch-title")
            yield Static(Content(clean_line(self.query_text, limit=300)), id="save-watch-query")
            yield Input(
                value=clean_line(self.suggested, limit=80),
                placeholder=_("name of the watch"),
                id="save-watch-name",
            )
            yield Static(
                _(
                    "enter: save · escape: cancel · new releases that match are announced after"
                    " each sync"
                ),
                markup=False,
                id="save-watch-keys",
            )

    def on_mount(self) -> None:
        name = self.query_one(Input)
        self.set_focus(name)
        name.select_all()  # typing replaces the suggested name

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if name:
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
