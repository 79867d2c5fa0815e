"""How a contact is shown and copied (one line per name, email and phone, nothing a terminal or
a clipboard would act on), and `copy_via_app`, the one path by which the contacts UI copies
anything. Light on purpose: the reader's contacts panel needs it from the first frame, the copy
menu (screens/copy_menu.py) only when it opens.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.app import App

from newsroom_tui.clipboard import clipboard_safe
from newsroom_tui.i18n import _
from newsroom_tui.models import Contact
from newsroom_tui.sanitise import clean_email, clean_line

MAX_NAME = 120


@runtime_checkable
class CopyTarget(Protocol):
    """What the app offers for copying: OSC 52, the system tool and a notification."""

    def copy_text(self, text: str, what: str) -> None: ...


def copy_via_app(app: App[object], text: str, what: str) -> None:
    """Copy through the app's `copy_text`, or through Textual's clipboard if the app has none."""
    if isinstance(app, CopyTarget):
        app.copy_text(text, what)
        return
    app.copy_to_clipboard(text)
    app.notify(_("Copied {what}: {text}").format(what=what, text=text), markup=False)


def contact_name(contact: Contact) -> str:
    """The name as shown and copied: one line, no controls."""
    return clipboard_safe(clean_line(contact.name, limit=MAX_NAME))


def contact_emails(contact: Contact) -> list[str]:
    """The contact's emails as shown and copied: no whitespace, controls or bidi, ≤ 254 chars."""
    seen: list[str] = []
    for raw in contact.emails:
        email = clipboard_safe(clean_email(raw))[:254]
        if email and email not in seen:
            seen.append(email)
    return seen


def contact_phones(contact: Contact) -> list[str]:
    """The contact's phones as printed, on one line each."""
    phones: list[str] = []
    for raw in contact.phones:
        phone = clipboard_safe(clean_line(raw, limit=64))
        if phone and phone not in phones:
            phones.append(phone)
    return phones


def all_emails(contacts: list[Contact]) -> list[str]:
    """Every email of a set of contacts, in order, without repeats."""
    emails: list[str] = []
    for contact in contacts:
        for email in contact_emails(contact):
            if email not in emails:
                emails.append(email)
    return emails
