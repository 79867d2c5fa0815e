"""The copy menu: a modal listing what can be copied for one contact (email, "Name <email>",
each phone, a vCard). Every entry shows exactly the text that will be copied.

The helpers that show and copy a contact (`copy_via_app`, `contact_name`...) live in
screens/contact_text.py and are importable from here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from newsroom_tui.clipboard import clipboard_safe
from newsroom_tui.extraction.contact_formats import format_name_email, format_vcard
from newsroom_tui.i18n import N_, _
from newsroom_tui.models import Contact
from newsroom_tui.screens.contact_text import (
    MAX_NAME,
    CopyTarget,
    all_emails,
    contact_emails,
    contact_name,
    contact_phones,
    copy_via_app,
)
from newsroom_tui.screens.interface_words import TranslatedBindings, content_from

__all__ = [
    "MAX_NAME",
    "CopyChoice",
    "CopyMenuScreen",
    "CopyTarget",
    "all_emails",
    "contact_emails",
    "contact_name",
    "contact_phones",
    "copy_choices",
    "copy_via_app",
]


@dataclass(frozen=True, slots=True)
class CopyChoice:
    """One entry of the copy menu: the label shown, the text copied and what to call it."""

    label: str
    text: str
    what: str


def copy_choices(contact: Contact) -> list[CopyChoice]:
    """Everything the copy menu offers for `contact`, in menu order."""
    name = contact_name(contact)
    choices: list[CopyChoice] = []
    for email in contact_emails(contact):
        choices.append(CopyChoice(email, email, _("email")))
    named = format_name_email(contact)
    if named is not None:
        named = clipboard_safe(named)
        choices.append(CopyChoice(named, named, _("name and email")))
    for phone in contact_phones(contact):
        choices.append(CopyChoice(phone, phone, _("phone")))
    card = clipboard_safe(format_vcard(contact), multiline=True)
    if card.strip():
        label = _("vCard of {name}").format(name=name)
        choices.append(CopyChoice(label, card, label))
    return choices


class CopyMenuScreen(TranslatedBindings[CopyChoice | None], ModalScreen[CopyChoice | None]):
    """Pick what to copy for one contact; dismisses with the choice copied (or None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss_menu", N_("Close")),
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]

    def __init__(self, contact: Contact) -> None:
        super().__init__()
        self.contact = contact
        self.choices = copy_choices(contact)

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-menu"):
            title = content_from(_("Copy for {name}"), name=contact_name(self.contact))
            yield Label(title, id="copy-menu-title")
            options = [
                Option(Content(choice.label), id=str(index))
                for index, choice in enumerate(self.choices)
            ]
            yield OptionList(*options, markup=False, id="copy-menu-options")
            if not self.choices:
                yield Label(_("Nothing to copy for this contact"), id="copy-menu-empty")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_dismiss_menu(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#copy-menu-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = self.choices[event.option_index]
        copy_via_app(self.app, choice.text, choice.what)
        self.dismiss(choice)
