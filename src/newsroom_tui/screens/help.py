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
            ("/", "search; results update as you type; enter goes to them"),
            ("escape", "one step back: reading mode, find, site page, search, then filters"),
            ("n / p", "open the next / previous release"),
            ("u", "unread only on / off"),
            ("O", "order: newest first, oldest first, by relevance (while searching)"),
            ("S", "save the search and filters as a watch (listed under Watches)"),
            ("s", "star / unstar the release"),
            ("m", "mark the release read / unread"),
            ("A", "mark every release of the list read"),
            ("U", "undo the last mark-all-read"),
            ("o", "open the release in the browser (http and https only)"),
            ("y", "copy the release URL"),
            ("z", "reading mode: the article alone (z or escape returns)"),
            ("ctrl+f", "find in the article; n / N then step through the matches"),
            ("backspace / alt+left", "back to the previous document"),
            ("alt+right", "forward again"),
            ("1 … 9", "open the article's numbered links"),
            ("c", "copy the contact's email"),
            ("C", "copy all emails of the release, comma-separated"),
            ("x", "copy menu for the contact"),
            ("D", "contacts directory: every contact across all releases"),
            ("L", "the release in its next language (fr en es badges under the title)"),
            ("v", "what changed in an edited release (✎) since its previous version"),
            ("r", "sync the newsroom listed in the background; reading goes on"),
            ("R", "sync every newsroom shown"),
            ("ctrl+l", "sync log: each sync of this session and every source that failed"),
            ("t", "show / hide the section menu"),
            ("ctrl+p", "command palette: a section, a release by title, a contact"),
            ("?", "this help"),
            ("q", "quit"),
        ),
    ),
    (
        "Which release the keys act on",
        (
            ("list focused", "s m y o c C x act on the highlighted row"),
            ("article or contacts", "they act on the release shown in the article"),
        ),
    ),
    (
        "Row markers",
        (
            ("▶", "the release shown in the article"),
            ("●", "unread"),
            ("★", "starred"),
            ("✎ (at the end)", "changed since it was first stored"),
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
            ("left / right, h / l", "scroll a wide table sideways"),
            ("n / N", "next / previous match of the find (ctrl+f)"),
            ("1 … 9", "open numbered link (a cached release or section opens here)"),
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

BOUND: dict[str, tuple[str, ...]] = {
    "/": ("search",),
    "n / p": ("next", "previous"),
    "u": ("unread",),
    "O": ("order",),
    "S": ("save_search",),
    "s": ("star",),
    "m": ("read",),
    "A": ("mark_all_read",),
    "U": ("undo_mark_read",),
    "o": ("browser",),
    "y": ("copy_url",),
    "z": ("reading_mode",),
    "ctrl+f": ("find",),
    "backspace / alt+left": ("back",),
    "alt+right": ("forward",),
    "c": ("copy_email",),
    "C": ("copy_all_emails",),
    "x": ("copy_menu",),
    "D": ("contacts",),
    "L": ("next_language",),
    "v": ("changes",),
    "r": ("sync",),
    "R": ("sync_all",),
    "ctrl+l": ("sync_log",),
    "t": ("sections",),
    "?": ("help",),
    "q": ("quit",),
}
"""The rows of "Everywhere" whose keys can be rebound: the binding ids they show (a row shows
the keys of the user's keymap when it rebinds them)."""

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "full_stop": ".",
    "comma": ",",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}


def shown_keys(keys: str) -> str:
    """Key names as the help writes them ('question_mark,f1' is '? / f1')."""
    return " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(",") if k.strip())


def with_keymap(key: str, keymap: dict[str, str]) -> str:
    """A row's keys, as the user's keymap binds them."""
    ids = BOUND.get(key)
    if not ids or not any(i in keymap for i in ids):
        return key
    if len(ids) == 1:
        return shown_keys(keymap[ids[0]])
    defaults = key.split(" / ")
    return " / ".join(
        shown_keys(keymap[i]) if i in keymap else default
        for i, default in zip(ids, defaults, strict=False)
    )


SEARCH_SYNTAX: tuple[tuple[str, str], ...] = (
    ("migrants climat", "both words (accents and case ignored)"),
    ('"retour volontaire"', "the exact phrase"),
    ("secu*", "words starting with secu"),
    ("-sahel  NOT sahel", "without the word"),
    ("dakar OR tunis", "either word (AND is implied; NOT, then OR, bind tighter)"),
    ("(dakar OR tunis) -sport", "parentheses group"),
    ("section:X  tag:X  lang:fr", 'filters; quote values with spaces: tag:"Afrique de l\'Ouest"'),
    ("section:comm  tag:clim*", "case, accents and punctuation ignored; a prefix is enough"),
    ("since:2024  until:2025-06-30", "date range (year, month or day; inclusive)"),
    ("year:2025", "one year"),
    ("is:unread  is:starred", "read and starred state"),
)


def _rows(rows: tuple[tuple[str, str], ...], keymap: dict[str, str] | None = None) -> ComposeResult:
    for key, text in rows:
        with Horizontal(classes="help-row"):
            yield Static(with_keymap(key, keymap or {}), markup=False, classes="help-key")
            yield Static(text, markup=False, classes="help-text")


class HelpScreen(ModalScreen[None]):
    """Keys by pane and the search syntax; escape, q or ? close it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
        Binding("j,down", "scroll_help(1)", "Down", show=False),
        Binding("k,up", "scroll_help(-1)", "Up", show=False),
    ]

    def __init__(self, keymap: dict[str, str] | None = None) -> None:
        """`keymap`: the user's keys (binding id -> keys), shown instead of the defaults."""
        super().__init__()
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            for title, rows in KEYS:
                yield Static(title, markup=False, classes="help-heading")
                yield from _rows(rows, self.keymap if title == "Everywhere" else None)
            yield Static("Search syntax", markup=False, classes="help-heading")
            yield from _rows(SEARCH_SYNTAX)
            yield Static("escape, q or ? closes this help", markup=False, id="help-footer")

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def action_scroll_help(self, lines: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
