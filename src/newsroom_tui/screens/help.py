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

from newsroom_tui.i18n import N_, _
from newsroom_tui.screens.interface_words import TranslatedBindings

HelpGroup = tuple[str, tuple[tuple[str, str], ...]]

KEYS: tuple[HelpGroup, ...] = (
    (
        N_("Everywhere"),
        (
            ("tab / shift+tab", N_("next / previous pane")),
            ("/", N_("search; results update as you type; enter goes to them")),
            ("escape", N_("one step back: reading mode, find, site page, search, then filters")),
            ("n / p", N_("open the next / previous release")),
            ("u", N_("unread only on / off")),
            ("O", N_("order: newest first, oldest first, by relevance (while searching)")),
            ("S", N_("save the search and filters as a watch (listed under Watches)")),
            ("s", N_("star / unstar the release")),
            ("m", N_("mark the release read / unread")),
            ("A", N_("mark every release of the list read")),
            ("U", N_("undo the last mark-all-read")),
            ("o", N_("open the release in the browser (http and https only)")),
            ("y", N_("copy the release URL")),
            ("z", N_("reading mode: the article alone (z or escape returns)")),
            ("ctrl+f", N_("find in the article; n / N then step through the matches")),
            ("backspace / alt+left", N_("back to the previous document")),
            ("alt+right", N_("forward again")),
            ("1 … 9", N_("open the article's numbered links")),
            ("c", N_("copy the contact's email")),
            ("C", N_("copy all emails of the release, comma-separated")),
            ("x", N_("copy menu for the contact")),
            ("D", N_("contacts directory: every contact across all releases")),
            ("L", N_("the release in its next language (fr en es badges under the title)")),
            ("v", N_("what changed in an edited release (✎) since its previous version")),
            ("r", N_("sync the newsroom listed in the background; reading goes on")),
            ("R", N_("sync every newsroom shown")),
            ("ctrl+l", N_("sync log: each sync of this session and every source that failed")),
            ("t", N_("show / hide the section menu")),
            ("ctrl+p", N_("command palette: a section, a release by title, a contact")),
            ("?", N_("this help")),
            ("q", N_("quit")),
        ),
    ),
    (
        N_("Which release the keys act on"),
        (
            (N_("list focused"), N_("s m y o c C x act on the highlighted row")),
            (N_("article or contacts"), N_("they act on the release shown in the article")),
        ),
    ),
    (
        N_("Row markers"),
        (
            ("▶", N_("the release shown in the article")),
            ("●", N_("unread")),
            ("★", N_("starred")),
            (N_("✎ (at the end)"), N_("changed since it was first stored")),
        ),
    ),
    (
        N_("Section menu"),
        (
            ("j / k, up / down", N_("move")),
            ("enter, space", N_("open the section page or fill the list; expand / collapse")),
        ),
    ),
    (
        N_("Release list"),
        (
            ("j / k, up / down", N_("move")),
            ("g / G, home / end", N_("first / last release")),
            ("pageup / pagedown", N_("one page up / down")),
            ("enter", N_("open the release")),
        ),
    ),
    (
        N_("Article"),
        (
            ("j / k, up / down", N_("scroll")),
            ("g / G", N_("top / bottom")),
            ("[ / ]", N_("previous / next heading")),
            (". / ,", N_("next / previous page of a long article")),
            ("left / right, h / l", N_("scroll a wide table sideways")),
            ("n / N", N_("next / previous match of the find (ctrl+f)")),
            ("1 … 9", N_("open numbered link (a cached release or section opens here)")),
        ),
    ),
    (
        N_("Contacts panel"),
        (
            ("j / k, up / down", N_("select a contact")),
            ("c", N_("copy its email")),
            ("C", N_("copy all emails of the release")),
            ("x, enter", N_("copy menu: email, Name <email>, each phone, vCard")),
        ),
    ),
    (
        N_("Contacts directory"),
        (
            (N_("type"), N_("filter by name, organisation, email or phone")),
            ("up / down", N_("move in the list (from the filter too)")),
            ("enter", N_("show the contact's releases; on a release, open it")),
            ("c / C", N_("copy the contact's email / all its emails")),
            ("x", N_("copy menu")),
            ("escape", N_("back to the contacts, then close")),
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
    ("migrants climat", N_("both words (accents and case ignored)")),
    ('"retour volontaire"', N_("the exact phrase")),
    ("secu*", N_("words starting with secu")),
    ("-sahel  NOT sahel", N_("without the word")),
    ("dakar OR tunis", N_("either word (AND is implied; NOT, then OR, bind tighter)")),
    ("(dakar OR tunis) -sport", N_("parentheses group")),
    (
        "section:X  tag:X  lang:fr",
        N_('filters; quote values with spaces: tag:"Afrique de l\'Ouest"'),
    ),
    ("section:comm  tag:clim*", N_("case, accents and punctuation ignored; a prefix is enough")),
    ("since:2024  until:2025-06-30", N_("date range (year, month or day; inclusive)")),
    ("year:2025", N_("one year")),
    ("is:unread  is:starred", N_("read and starred state")),
)


def _rows(rows: tuple[tuple[str, str], ...], keymap: dict[str, str] | None = None) -> ComposeResult:
    for key, text in rows:
        with Horizontal(classes="help-row"):
            yield Static(with_keymap(_(key), keymap or {}), markup=False, classes="help-key")
            yield Static(_(text), markup=False, classes="help-text")


class HelpScreen(TranslatedBindings[None], ModalScreen[None]):
    """Keys by pane and the search syntax; escape, q or ? close it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", N_("Close")),
        Binding("j,down", "scroll_help(1)", N_("Down"), show=False),
        Binding("k,up", "scroll_help(-1)", N_("Up"), show=False),
    ]

    def __init__(self, keymap: dict[str, str] | None = None) -> None:
        """`keymap`: the user's keys (binding id -> keys), shown instead of the defaults."""
        super().__init__()
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            for title, rows in KEYS:
                yield Static(_(title), markup=False, classes="help-heading")
                yield from _rows(rows, self.keymap if title == "Everywhere" else None)
            yield Static(_("Search syntax"), markup=False, classes="help-heading")
            yield from _rows(SEARCH_SYNTAX)
            yield Static(_("escape, q or ? closes this help"), markup=False, id="help-footer")

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def action_scroll_help(self, lines: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
