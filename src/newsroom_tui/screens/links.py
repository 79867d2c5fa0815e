"""Opening a link in the browser: the allowlist first, and when no browser can be started, an
offer to copy the link instead (a terminal over SSH has no browser to start)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from newsroom_tui import browser
from newsroom_tui.i18n import N_, _
from newsroom_tui.sanitise import clean_line, safe_url
from newsroom_tui.screens.contact_text import copy_via_app
from newsroom_tui.screens.interface_words import TranslatedBindings


def open_link(app: App[Any], url: str) -> None:
    """Open `url` if the allowlist accepts it; a refusal is one line, a missing browser brings
    up the offer to copy the link."""
    command: tuple[str, ...] = getattr(app, "browser_command", ())
    opener = browser.command_opener(command) if command else None
    problem = browser.open_in_browser(url, opener)
    if problem is None:
        app.notify(_("Opened {url}").format(url=url), markup=False)
    elif safe_url(url) is None:
        app.notify(problem, markup=False, severity="warning")
    else:

        def chosen(copy: bool | None) -> None:
            if copy:
                copy_via_app(app, url, _("link"))

        app.push_screen(CopyLinkScreen(url, problem), chosen)


class CopyLinkScreen(TranslatedBindings[bool], ModalScreen[bool]):
    """'No browser could be started: copy the link instead?' (enter or y copies)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,y", "answer(True)", N_("Copy the link")),
        Binding("escape,n,q", "answer(False)", N_("Cancel")),
    ]

    def __init__(self, url: str, problem: str) -> None:
        super().__init__()
        self.url = url
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-link"):
            yield Static(
                Content(clean_line(self.problem, limit=200))
                + Content(". " + _("Copy the link instead?")),
                id="copy-link-question",
            )
            yield Static(Content(clean_line(self.url, limit=2000)), id="copy-link-url")
            yield Static(
                _("enter or y: copy · escape or n: cancel"), markup=False, id="copy-link-keys"
            )

    def action_answer(self, copy: bool) -> None:
        self.dismiss(copy)
