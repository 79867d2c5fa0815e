"""The reader's keys that act on one release or on the whole list: star, read / unread, copy and
open its URL, copy its contacts, mark everything listed read (and undo it).

Which release: the one shown in the article while the article or the contacts panel has the
focus, else the highlighted row of the list (`target_release_id`). MainScreen inherits these
actions; the bindings are declared there, with the others.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from textual import work

from newsroom_tui.i18n import _, ngettext
from newsroom_tui.local_formats import format_number
from newsroom_tui.models import Contact
from newsroom_tui.screens.contact_text import (
    all_emails,
    contact_emails,
    contact_name,
    copy_via_app,
)
from newsroom_tui.screens.interface_words import TranslatedBindings
from newsroom_tui.storage.errors import StoreError
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.contacts_panel import ContactsPanel
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from textual.widget import Widget

    from newsroom_tui.newsrooms.multistore import MultiStore
    from newsroom_tui.query import Query
    from newsroom_tui.screens.reader_service import ReaderService

log = logging.getLogger(__name__)


class ReleaseActions(TranslatedBindings[None]):
    """Actions on the release the keys point at, and on the whole list."""

    store: MultiStore
    """Every newsroom shown, read as one (release ids are the reader's: see multistore)."""
    service: ReaderService
    open_release_id: str | None
    read_undo: list[str]
    """The releases the last "mark all read" changed (what U marks unread again)."""

    @property
    def release_list(self) -> ReleaseList:
        return self.query_one(ReleaseList)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def report_error(self, what: str, exc: BaseException) -> None:
        """One line on screen, the traceback in the log file."""
        log.error("%s", what, exc_info=exc)
        self.notify(
            _("{what}: {error}").format(what=what, error=exc), markup=False, severity="error"
        )

    def _remember(self, key: str, value: str) -> None:
        """Keep a bit of UI state in the store; a read-only or too-new cache just forgets it."""
        try:
            self.store.set_meta(key, value)
        except StoreError as exc:
            log.info("not remembering %s: %s", key, exc)

    def current_query(self) -> Query:
        raise NotImplementedError

    def adjust_unread(self, release_id: str, delta: int) -> None:
        """One release of a newsroom read (-1) or unread (+1): its count in the tree."""
        newsroom = self.store.newsroom_of(release_id)
        tag = "" if newsroom == self.store.home else newsroom
        self.query_one(SectionTree).adjust_unread(delta, tag)

    def refresh_list(self, *, keep_id: str | None = None) -> None:
        raise NotImplementedError

    def refresh_counts(self) -> None:
        """Count unread releases and the facets again (after a change to many releases)."""
        raise NotImplementedError

    # --- which release ---------------------------------------------------------------------------

    def _reading_focused(self) -> bool:
        """Is the focus in the article or the contacts panel?"""
        focused: Widget | None = self.focused
        reading = self.query_one("#reading")
        return focused is not None and (focused is reading or reading in focused.ancestors)

    def target_release_id(self) -> str | None:
        """The release that s, m, y, o, c, C and x act on: the one shown in the article while the
        article or the contacts have the focus (none for a site section), else the highlighted
        row (the open release when the list is empty)."""
        if self._reading_focused():
            return self.open_release_id
        row = self.release_list.current_row
        return row.id if row is not None else self.open_release_id

    def _flags(self, release_id: str) -> tuple[bool, bool] | None:
        """(read, starred) of a release: from the list's rows, else from the store."""
        for row in self.release_list.cached_rows():
            if row.id == release_id:
                return row.read, row.starred
        try:
            release = self.store.get_release(release_id)
        except StoreError as exc:
            self.report_error(_("Could not read the release"), exc)
            return None
        return (release.read, release.starred) if release is not None else None

    # --- star, read ------------------------------------------------------------------------------

    def action_star(self) -> None:
        release_id = self.target_release_id()
        flags = self._flags(release_id) if release_id else None
        if release_id is None or flags is None:
            return
        starred = not flags[1]
        try:
            self.store.set_starred(release_id, starred)
        except StoreError as exc:
            self.report_error(_("Could not star the release"), exc)
            return
        self.release_list.update_row(release_id, starred=starred)

    def action_toggle_read(self) -> None:
        release_id = self.target_release_id()
        flags = self._flags(release_id) if release_id else None
        if release_id is None or flags is None:
            return
        now_read = not flags[0]
        try:
            self.store.set_read([release_id], now_read)
        except StoreError as exc:
            self.report_error(_("Could not change the read state"), exc)
            return
        self.release_list.update_row(release_id, read=now_read)
        self.adjust_unread(release_id, -1 if now_read else 1)

    def action_mark_all_read(self) -> None:
        """Mark every unread release of the list read (all of them, not only those on screen)."""
        self._mark_all_read(self.current_query())

    @work(thread=True, exclusive=True, group="bulk-read", exit_on_error=False)
    def _mark_all_read(self, query: Query) -> None:
        try:
            changed = self.service.mark_all_read(query)
        except StoreError as exc:
            self.app.call_from_thread(self.report_error, _("Could not mark the list read"), exc)
            return
        self.app.call_from_thread(self._marked_all_read, changed)

    def _marked_all_read(self, changed: list[str]) -> None:
        if not changed:
            self.notify(_("Nothing unread in this list."), markup=False)
            return
        self.read_undo = changed
        count = len(changed)
        marked = ngettext(
            "Marked {count} release read. U: undo", "Marked {count} releases read. U: undo", count
        )
        self.notify(marked.format(count=format_number(count)), markup=False)
        self._after_bulk_change(set(changed), read=True)

    def action_undo_mark_read(self) -> None:
        if not self.read_undo:
            self.notify(_("Nothing to undo."), markup=False)
            return
        ids, self.read_undo = self.read_undo, []
        self._undo_mark_read(ids)

    @work(thread=True, exclusive=True, group="bulk-read", exit_on_error=False)
    def _undo_mark_read(self, ids: list[str]) -> None:
        try:
            self.service.set_read(ids, False)
        except StoreError as exc:
            self.app.call_from_thread(self.report_error, _("Could not undo"), exc)
            return
        self.app.call_from_thread(self._undone, ids)

    def _undone(self, ids: list[str]) -> None:
        count = len(ids)
        again = ngettext("{count} release unread again.", "{count} releases unread again.", count)
        self.notify(again.format(count=format_number(count)), markup=False)
        self._after_bulk_change(set(ids), read=False)

    def _after_bulk_change(self, ids: set[str], *, read: bool) -> None:
        current = self.release_list.current_row
        if self.current_query().unread:
            self.refresh_list(keep_id=current.id if current else None)
        else:
            self.release_list.update_rows(ids, read=read)
        self.refresh_counts()

    # --- URL -------------------------------------------------------------------------------------

    def _target_url(self) -> str | None:
        """The URL of the release the keys act on, or of the site section shown."""
        release_id = self.target_release_id()
        if release_id is None:
            return self.article.document_url or None
        try:
            release = self.store.get_release(release_id)
        except StoreError as exc:
            self.report_error(_("Could not read the release"), exc)
            return None
        return release.url if release is not None else None

    def action_open_in_browser(self) -> None:
        from newsroom_tui.screens.links import open_link

        url = self._target_url()
        if url:
            open_link(self.app, url)

    def action_copy_url(self) -> None:
        url = self._target_url()
        if url:
            copy_via_app(self.app, url, _("release URL"))

    # --- contacts --------------------------------------------------------------------------------

    def _other_contacts(self) -> list[Contact] | None:
        """The contacts of the release the keys act on when the contacts panel does not show
        them (None when it does: the panel and its selected contact answer)."""
        release_id = self.target_release_id()
        if release_id is None or release_id == self.open_release_id:
            return None
        try:
            release = self.store.get_release(release_id)
        except StoreError as exc:
            self.report_error(_("Could not read the release"), exc)
            return []
        return list(release.contacts) if release is not None else []

    def action_copy_email(self) -> None:
        contacts = self._other_contacts()
        if contacts is None:
            self.query_one(ContactsPanel).action_copy_email()
            return
        if not contacts:
            self.notify(_("No press contacts in this release"), severity="warning", markup=False)
            return
        name = contact_name(contacts[0])
        emails = contact_emails(contacts[0])
        if not emails:
            self.notify(
                _("No email for {name}").format(name=name), severity="warning", markup=False
            )
            return
        copy_via_app(self.app, emails[0], _("email of {name}").format(name=name))

    def action_copy_all_emails(self) -> None:
        contacts = self._other_contacts()
        if contacts is None:
            self.query_one(ContactsPanel).action_copy_all_emails()
            return
        emails = all_emails(contacts)
        if not emails:
            self.notify(_("No emails in this release"), severity="warning", markup=False)
            return
        what = ngettext("{count} email", "{count} emails", len(emails)).format(
            count=format_number(len(emails))
        )
        copy_via_app(self.app, ", ".join(emails), what)

    def action_copy_menu(self) -> None:
        from newsroom_tui.screens.copy_menu import CopyMenuScreen

        contacts = self._other_contacts()
        if contacts is None:
            self.query_one(ContactsPanel).action_copy_menu()
            return
        if not contacts:
            self.notify(_("No press contacts in this release"), severity="warning", markup=False)
            return
        self.app.push_screen(CopyMenuScreen(contacts[0]))
