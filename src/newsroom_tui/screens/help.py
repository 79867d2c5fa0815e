"""The help screen: every key of the reader grouped by pane, and the search syntax.

Kept as data here (not read from the bindings) so the help can explain keys in words and list the
ones that only exist in one pane; `tests/test_contacts_ui.py` checks it against the real bindings.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HelpGroup = tuple[str, tuple[tuple[str, str], ...]]

KEYS: tuple[HelpGroup, ...] = (
    (
        "Everywhere",
        (
            ("tab / shift+tab", "next / previous pane"),
            ("/", "search; results update as you type"),
            ("escape", "clear the search; close a dialog"),
            ("n / p", "open the next / previous release"),
            ("u", "unread only on / off"),
            ("s", "star / unstar the release"),
            ("m", "mark the release read / unread"),
            ("o", "open the release in the browser (http and https only)"),
            ("y", "copy the release URL"),
            ("1 … 9", "open the article's numbered links"),
            ("c", "copy the selected contact's email"),
            ("C", "copy all emails of the release, comma-separated"),
            ("D", "contacts directory: every contact across all releases"),
            ("L", "the release in its next language (fr en es badges under the title)"),
            ("v", "what changed in an edited release (✎) since its previous version"),
            ("r", "sync in the background; reading goes on"),
            ("t", "show / hide the section menu on a narrow terminal"),
            ("ctrl+p", "command palette: a section, a release by title, a contact"),
            ("?", "this help"),
            ("q", "quit"),
        ),
    ),
    (
        "Section menu",
        (
            ("j / k, up / down", "move"),
            ("enter, space", "open the section page or fill the list; expand / collapse"),
        ),
    ),
    (
        "Release list",
        (
            ("j / k, up / down", "move"),
            ("g / G, home / end", "first / last release"),
            ("pageup / pagedown", "one page up / down"),
            ("enter", "open the release"),
        ),
    ),
    (
        "Article",
        (
            ("j / k, up / down", "scroll"),
            ("g / G", "top / bottom"),
            ("[ / ]", "previous / next heading"),
            (". / ,", "next / previous page of a long article"),
            ("1 … 9", "open numbered link"),
        ),
    ),
    (
        "Contacts panel",
        (
            ("j / k, up / down", "select a contact"),
            ("c", "copy its email"),
            ("C", "copy all emails of the release"),
            ("x, enter", "copy menu: email, Name <email>, each phone, vCard"),
        ),
    ),
    (
        "Contacts directory",
        (
            ("type", "filter by name, organisation, email or phone"),
            ("up / down", "move in the list (from the filter too)"),
            ("enter", "show the contact's releases; on a release, open it"),
            ("c / C", "copy the contact's email / all its emails"),
            ("x", "copy menu"),
            ("escape", "back to the contacts, then close"),
        ),
    ),
)

SEARCH_SYNTAX: tuple[tuple[str, str], ...] = (
    ("migrants climat", "both words (accents and case ignored)"),
    ('"retour volontaire"', "the exact phrase"),
    ("secu*", "words starting with secu"),
    ("-sahel", "without the word"),
    ("dakar OR tunis", "either word"),
    ("section:X  tag:X  lang:fr", 'filters; quote values with spaces: tag:"Afrique de l\'Ouest"'),
    ("since:2024  until:2025-06-30", "date range (year, month or day; inclusive)"),
    ("year:2025", "one year"),
    ("is:unread  is:starred", "read and starred state"),
)


def _rows(rows: tuple[tuple[str, str], ...]) -> ComposeResult:
    for key, text in rows:
        with Horizontal(classes="help-row"):
            yield Static(key, markup=False, classes="help-key")
            yield Static(text, markup=False, classes="help-text")


class HelpScreen(ModalScreen[None]):
    """Keys by pane and the search syntax; escape, q or ? close it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
        Binding("j,down", "scroll_help(1)", "Down", show=False),
        Binding("k,up", "scroll_help(-1)", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            for title, rows in KEYS:
                yield Static(title, markup=False, classes="help-heading")
                yield from _rows(rows)
            yield Static("Search syntax", markup=False, classes="help-heading")
            yield from _rows(SEARCH_SYNTAX)
            yield Static("escape, q or ? closes this help", markup=False, id="help-footer")

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def action_scroll_help(self, lines: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
