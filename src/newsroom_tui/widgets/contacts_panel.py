"""The contacts panel: the press contacts of the open release or section page, with copy keys.

Everything shown comes from the network, so it is built from plain strings with markup off; the
emails and phones shown are exactly the strings that `c`, `C` and the copy menu copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from newsroom_tui.i18n import N_, _, ngettext
from newsroom_tui.local_formats import format_number
from newsroom_tui.models import Contact
from newsroom_tui.sanitise import clean_line
from newsroom_tui.screens.contact_text import (
    all_emails,
    contact_emails,
    contact_name,
    contact_phones,
    copy_via_app,
)

if TYPE_CHECKING:
    from newsroom_tui.screens.copy_menu import CopyChoice

EMPTY = N_("No press contacts on this page")
NO_EMAIL = N_("no email")
"""Shown on a card whose contact has no address (a phone only, or a name the block gave alone)."""


class ContactCard(Vertical):
    """One contact: name, organisation/office, phones, emails, each line plain text."""

    def __init__(self, contact: Contact, index: int, *, selected: bool = False) -> None:
        super().__init__(classes="contact-card -selected" if selected else "contact-card")
        self.contact = contact
        self.index = index

    def compose(self) -> ComposeResult:
        yield Static(contact_name(self.contact), markup=False, classes="contact-name")
        organization = clean_line(self.contact.organization, limit=200)
        if organization:
            yield Static(organization, markup=False, classes="contact-org")
        for phone in contact_phones(self.contact):
            yield Static(
                Content(_("Tel") + " ") + Content(phone), markup=False, classes="contact-phone"
            )
        emails = contact_emails(self.contact)
        for email in emails:
            yield Static(email, markup=False, classes="contact-email")
        if not emails:
            yield Static(_(NO_EMAIL), markup=False, classes="contact-no-email")


class ContactsPanel(VerticalScroll, can_focus=True):
    """Lists contacts; up/down (j/k) select one, `c` copies its email, `C` every email, `x`/enter
    open the copy menu."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "select_next", N_("Next contact"), show=False),
        Binding("up,k", "select_previous", N_("Previous contact"), show=False),
        Binding("c", "copy_email", N_("Copy email")),
        Binding("C", "copy_all_emails", N_("Copy all emails")),
        Binding("x,enter", "copy_menu", N_("Copy…")),
    ]

    selected: reactive[int] = reactive(0, init=False)
    """Index of the highlighted contact."""

    class ContactCopied(Message):
        """Something from the contacts panel was copied (`text` is exactly what was copied)."""

        def __init__(self, text: str, what: str) -> None:
            super().__init__()
            self.text = text
            self.what = what

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.contacts: list[Contact] = []
        self.source_title = ""

    def compose(self) -> ComposeResult:
        yield Static(_("Contacts"), markup=False, id="contacts-title")
        yield Static(_(EMPTY), markup=False, id="contacts-empty")

    def show(self, contacts: list[Contact], source_title: str = "") -> None:
        """Replace the list with the contacts of the page titled `source_title`."""
        self.contacts = list(contacts)
        self.source_title = clean_line(source_title, limit=200)
        self.remove_children(ContactCard)
        title = Content(_("Contacts"))
        if self.source_title:
            title = title + Content(" · ") + Content(self.source_title)
        self.query_one("#contacts-title", Static).update(title)
        self.query_one("#contacts-empty", Static).display = not self.contacts
        # The first card is selected as it is built: marking it after the refresh would style
        # the panel again in a second frame.
        self.mount_all(
            ContactCard(contact, index, selected=index == 0)
            for index, contact in enumerate(self.contacts)
        )
        self.set_reactive(ContactsPanel.selected, 0)
        self.scroll_home(animate=False)  # the panel's title in view

    @property
    def selected_contact(self) -> Contact | None:
        if 0 <= self.selected < len(self.contacts):
            return self.contacts[self.selected]
        return None

    def watch_selected(self) -> None:
        self._mark_selected()

    def _mark_selected(self) -> None:
        for card in self.query(ContactCard):
            card.set_class(card.index == self.selected, "-selected")
            if card.index == self.selected:
                if self.selected == 0:
                    self.scroll_home(animate=False)  # the panel's title stays in view
                else:
                    self.scroll_to_widget(card, animate=False)

    def action_select_next(self) -> None:
        if self.contacts:
            self.selected = min(self.selected + 1, len(self.contacts) - 1)

    def action_select_previous(self) -> None:
        if self.contacts:
            self.selected = max(self.selected - 1, 0)

    def _copy(self, text: str, what: str) -> None:
        copy_via_app(self.app, text, what)
        self.post_message(self.ContactCopied(text, what))

    def action_copy_email(self) -> None:
        contact = self.selected_contact
        if contact is None:
            self.notify(_(EMPTY), severity="warning", markup=False)
            return
        emails = contact_emails(contact)
        if not emails:
            self.notify(
                _("No email for {name}").format(name=contact_name(contact)),
                severity="warning",
                markup=False,
            )
            return
        self._copy(emails[0], _("email of {name}").format(name=contact_name(contact)))

    def action_copy_all_emails(self) -> None:
        emails = all_emails(self.contacts)
        if not emails:
            self.notify(_("No emails in this release"), severity="warning", markup=False)
            return
        what = ngettext("{count} email", "{count} emails", len(emails)).format(
            count=format_number(len(emails))
        )
        self._copy(", ".join(emails), what)

    def action_copy_menu(self) -> None:
        contact = self.selected_contact
        if contact is None:
            self.notify(_(EMPTY), severity="warning", markup=False)
            return
        from newsroom_tui.screens.copy_menu import CopyMenuScreen

        self.app.push_screen(CopyMenuScreen(contact), self._menu_closed)

    def _menu_closed(self, choice: CopyChoice | None) -> None:
        if choice is not None:
            self.post_message(self.ContactCopied(choice.text, choice.what))
