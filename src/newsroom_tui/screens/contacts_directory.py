"""The contacts directory: every press contact across all cached releases, filtered as you type;
from a contact, the releases it appears in; from a release, back to the reader with it open.

Cells are rich `Text` objects: DataTable parses plain strings as markup, and every name here
comes from the network. The directory reads through `DirectorySource` (two queries), and a store
error there is one line in the status line and the log, never a crash. Given a `read_contacts`
function (the reader gives one that opens its own connections), the contacts are read in a
thread behind a "reading" line: the first read of a directory never built builds it, seconds at
100,000 releases, and the keys keep working meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import ClassVar, Protocol, runtime_checkable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Footer, Input, Static

from newsroom_tui.i18n import N_, _, ngettext
from newsroom_tui.local_formats import format_number
from newsroom_tui.models import Contact, DirectoryContact, ReleaseRow
from newsroom_tui.sanitise import clean_line, clean_title
from newsroom_tui.screens.copy_menu import (
    CopyMenuScreen,
    contact_emails,
    contact_name,
    contact_phones,
    copy_via_app,
)
from newsroom_tui.screens.interface_words import TranslatedBindings, content_from
from newsroom_tui.storage.errors import StoreError

log = logging.getLogger(__name__)

CHANGED_MARK = N_("changed")


class DirectorySource(Protocol):
    """The two store queries the directory needs (`Store` provides them; each may raise
    StoreError)."""

    def contacts_directory(self, filter_text: str = "") -> list[DirectoryContact]: ...

    def releases_for_contact(self, key: str) -> list[ReleaseRow]: ...


@runtime_checkable
class ReleaseOpener(Protocol):
    """A screen that can open a release by id (the main screen)."""

    def open_release(self, release_id: str) -> None: ...


def as_contact(entry: DirectoryContact) -> Contact:
    """The directory entry as a Contact, for the copy menu and the copy keys."""
    return Contact(
        name=entry.name,
        organization=entry.organization,
        phones=list(entry.phones),
        emails=list(entry.emails),
    )


def _date(row_date: object) -> str:
    strftime = getattr(row_date, "strftime", None)
    return strftime("%Y-%m-%d") if strftime is not None else _("unknown")


class ContactsDirectoryScreen(TranslatedBindings[None]):
    """Every contact in the cache: type to filter, enter for its releases, c/C/x to copy."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Back")),
        Binding("c", "copy_email", N_("Copy email")),
        Binding("C", "copy_all_emails", N_("Copy all emails")),
        Binding("x", "copy_menu", N_("Copy…")),
        Binding("slash", "focus_filter", N_("Filter")),
        Binding("down", "focus_table", N_("List"), show=False),
    ]

    def __init__(
        self,
        store: DirectorySource,
        filter_text: str = "",
        *,
        read_contacts: Callable[[str], list[DirectoryContact]] | None = None,
    ) -> None:
        """`read_contacts(filter_text)`, when given, reads the contacts in a worker thread (it
        must open its own connections; it may raise StoreError); else `store` reads them here."""
        super().__init__()
        self.store = store
        self.initial_filter = filter_text
        self.entries: dict[str, DirectoryContact] = {}
        self.releases: list[ReleaseRow] = []
        self.releases_of: str | None = None
        self._read_contacts = read_contacts
        self._reading: str | None = None
        """The filter being read in the thread (None: no read under way)."""
        self._read_next: str | None = None
        """The filter typed while a read was under way: read once it ends."""

    def compose(self) -> ComposeResult:
        yield Input(
            value=self.initial_filter,
            placeholder=_("Filter contacts: name, organisation, email or phone"),
            id="directory-filter",
            select_on_focus=False,
        )
        yield Static("", markup=False, id="directory-status")
        table: DataTable[Text] = DataTable(
            id="directory-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns(
            _("Name"),
            _("Organisation"),
            _("Emails"),
            _("Phones"),
            _("Releases"),
            _("Last seen"),
            "",
        )
        yield table
        yield Static("", markup=False, id="directory-releases-title")
        releases: DataTable[Text] = DataTable(id="directory-releases", cursor_type="row")
        releases.add_columns(_("Date"), _("Release"))
        yield releases
        yield Footer()

    def on_mount(self) -> None:
        self.reload(self.initial_filter)
        self.query_one("#directory-filter", Input).focus()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#directory-table", DataTable)

    @property
    def release_table(self) -> DataTable[Text]:
        return self.query_one("#directory-releases", DataTable)

    # --- the list -------------------------------------------------------------------------------

    @property
    def reading(self) -> bool:
        """Whether contacts are being read in the thread."""
        return self._reading is not None

    def reload(self, filter_text: str) -> None:
        """Fill the table with the store's contacts matching `filter_text` (once they are read,
        when they are read in a thread)."""
        if self._read_contacts is not None:
            if self._reading is not None:
                self._read_next = filter_text  # one read at a time: a build is not done twice
                return
            self._reading = filter_text
            self.query_one("#directory-status", Static).update(_("Reading the contacts…"))
            self._read_in_thread(self._read_contacts, filter_text)
            return
        try:
            entries = self.store.contacts_directory(filter_text.strip())
        except StoreError as exc:
            self._failed(_("Could not read the contacts"), exc)
            return
        self._fill(filter_text, entries)

    @work(thread=True, group="directory", exit_on_error=False)
    def _read_in_thread(
        self, read: Callable[[str], list[DirectoryContact]], filter_text: str
    ) -> None:
        try:
            entries = read(filter_text.strip())
        except StoreError as exc:
            self.app.call_from_thread(self._read_failed, exc)
            return
        self.app.call_from_thread(self._read_done, filter_text, entries)

    def _read_done(self, filter_text: str, entries: list[DirectoryContact]) -> None:
        self._reading = None
        if not self.is_attached:
            return  # the directory was closed meanwhile
        wanted, self._read_next = self._read_next, None
        if wanted is not None and wanted != filter_text:
            self.reload(wanted)  # typed meanwhile: the newest filter is what is shown
            return
        self._fill(filter_text, entries)

    def _read_failed(self, exc: StoreError) -> None:
        self._reading = self._read_next = None
        if self.is_attached:
            self._failed(_("Could not read the contacts"), exc)

    def _fill(self, filter_text: str, entries: list[DirectoryContact]) -> None:
        self.entries = {entry.key: entry for entry in entries}
        table = self.table
        table.clear()
        for entry in entries:
            contact = as_contact(entry)
            table.add_row(
                Text(contact_name(contact)),
                Text(clean_line(entry.organization, limit=40)),
                Text(", ".join(contact_emails(contact))),
                Text(", ".join(contact_phones(contact))),
                Text(str(entry.releases), justify="right"),
                Text(_date(entry.last_seen)),
                Text(_(CHANGED_MARK) if entry.changed else ""),
                key=entry.key,
            )
        count = len(entries)
        if filter_text.strip():
            status = ngettext(
                "{count} contact matching {text}", "{count} contacts matching {text}", count
            ).format(count=format_number(count), text=clean_line(filter_text, limit=80))
        else:
            status = ngettext("{count} contact", "{count} contacts", count).format(
                count=format_number(count)
            )
        self.query_one("#directory-status", Static).update(status)
        self._hide_releases()

    @property
    def highlighted(self) -> DirectoryContact | None:
        table = self.table
        if table.row_count == 0:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate)[0]
        return self.entries.get(str(row_key.value))

    @on(Input.Changed, "#directory-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.reload(event.value)

    @on(Input.Submitted, "#directory-filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    @on(DataTable.RowSelected, "#directory-table")
    def _contact_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        entry = self.entries.get(str(event.row_key.value))
        if entry is not None:
            self.show_releases(entry)

    # --- a contact's releases -------------------------------------------------------------------

    def show_releases(self, entry: DirectoryContact) -> None:
        """List the releases `entry` appears in, under the directory, and focus them."""
        try:
            self.releases = self.store.releases_for_contact(entry.key)
        except StoreError as exc:
            self._failed(_("Could not read the contact's releases"), exc)
            return
        self.releases_of = entry.key
        table = self.release_table
        table.clear()
        for row in self.releases:
            table.add_row(Text(_date(row.published)), Text(clean_title(row.title)), key=row.id)
        title = content_from(_("Releases with {name}"), name=contact_name(as_contact(entry)))
        title += Content(f" ({format_number(len(self.releases))})")
        if entry.changed and entry.previous:
            earlier = ", ".join(clean_line(value, limit=254) for value in entry.previous)
            title += Content(" · " + _("changed; earlier:") + " ") + Content(earlier)
        self.query_one("#directory-releases-title", Static).update(title)
        self.add_class("-show-releases")
        table.focus()

    def _failed(self, what: str, exc: StoreError) -> None:
        """One line in the status line and a notification; the traceback in the log."""
        log.error("%s", what, exc_info=exc)
        message = _("{what}: {error}").format(what=what, error=exc)
        self.query_one("#directory-status", Static).update(message)
        self.notify(message, markup=False, severity="error")

    def _hide_releases(self) -> None:
        self.releases = []
        self.releases_of = None
        self.remove_class("-show-releases")

    @on(DataTable.RowSelected, "#directory-releases")
    def _release_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_release(str(event.row_key.value))

    def open_release(self, release_id: str) -> None:
        """Close the directory and open the release on the screen below, if it can."""
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        self.dismiss(None)
        if isinstance(below, ReleaseOpener):
            self.app.call_later(below.open_release, release_id)
        else:
            self.app.notify(
                _("This screen cannot open releases."), markup=False, severity="warning"
            )

    # --- keys -----------------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.has_class("-show-releases"):
            self._hide_releases()
            self.table.focus()
        else:
            self.dismiss(None)

    def action_focus_filter(self) -> None:
        self.query_one("#directory-filter", Input).focus()

    def action_focus_table(self) -> None:
        if self.query_one("#directory-filter", Input).has_focus:
            self.table.focus()

    def _current_contact(self) -> Contact | None:
        entry = self.highlighted
        if entry is None:
            self.notify(_("No contact selected"), severity="warning", markup=False)
            return None
        return as_contact(entry)

    def action_copy_email(self) -> None:
        contact = self._current_contact()
        if contact is None:
            return
        emails = contact_emails(contact)
        if not emails:
            self.notify(
                _("No email for {name}").format(name=contact_name(contact)),
                severity="warning",
                markup=False,
            )
            return
        copy_via_app(self.app, emails[0], _("email of {name}").format(name=contact_name(contact)))

    def action_copy_all_emails(self) -> None:
        contact = self._current_contact()
        if contact is None:
            return
        emails = contact_emails(contact)
        if not emails:
            self.notify(
                _("No email for {name}").format(name=contact_name(contact)),
                severity="warning",
                markup=False,
            )
            return
        copy_via_app(
            self.app, ", ".join(emails), _("emails of {name}").format(name=contact_name(contact))
        )

    def action_copy_menu(self) -> None:
        contact = self._current_contact()
        if contact is not None:
            self.app.push_screen(CopyMenuScreen(contact))
