"""The reader's keys for a release's versions: `L` opens its next language version, `v` shows
what changed in an edited release; and the badges of its languages under the article's title.

Which release: the one shown in the article while the article or the contacts have the focus,
else the highlighted row (as for the other keys that act on a release). A language version in
this newsroom's cache opens like any release; one in another newsroom's cache (iom-en for an
iom-fr release) is shown in the article as it is stored there, read-only: its flags belong to
that newsroom. One in no cache is fetched and stored in its newsroom's cache first.

The lookups (other databases, the network) run in workers; what they find is shown only if the
article still shows the release they were for.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from newsroom_tui.i18n import _
from newsroom_tui.models import Release, ReleaseVersion
from newsroom_tui.sanitise import clean_line
from newsroom_tui.screens.reader_sync import ReaderSync
from newsroom_tui.storage.errors import StoreError
from newsroom_tui.versions.delta import DeltaError
from newsroom_tui.versions.languages import (
    LanguageVersion,
    VersionUnavailable,
    after_current,
    fetch_version,
    language_versions,
)
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.contacts_panel import ContactsPanel
from newsroom_tui.widgets.language_badges import LanguageBadges
from newsroom_tui.widgets.release_list import ReleaseList

if TYPE_CHECKING:
    from newsroom_tui.versions.changes import Changes

log = logging.getLogger(__name__)


class ReleaseVersionActions(ReaderSync):
    """`L`, `v` and the language badges (see the module docstring)."""

    data_dir: Path
    shown_release: Release | None = None
    """The release the article shows (of this newsroom or another's), None for anything else."""
    shown_newsroom: str = ""
    """The other newsroom whose cache the shown release comes from ('' for this one's)."""

    # --- what the article shows ------------------------------------------------------------------

    def release_shown(self, release: Release, newsroom: str = "") -> None:
        """The article now shows `release`: its badges are looked up, and an edit it had not
        shown is seen (the ✎ marker goes)."""
        self.shown_release = release
        self.shown_newsroom = newsroom
        self.query_one(LanguageBadges).show_versions([], newsroom)
        if release.edit_unseen and not newsroom:
            self._edit_seen(release.id)
        if release.language_links:
            self._look_up_versions(release, newsroom)

    def _edit_seen(self, release_id: str) -> None:
        try:
            self.store.mark_edit_seen(release_id)
        except StoreError as exc:  # a read-only cache: the marker stays, reading goes on
            log.info("not marking %s seen: %s", release_id, exc)
            return
        self.query_one(ReleaseList).update_row(release_id, updated=False)

    @work(thread=True, exclusive=True, group="language-badges", exit_on_error=False)
    def _look_up_versions(self, release: Release, newsroom: str) -> None:
        try:
            versions = self._language_versions(release)
        except StoreError as exc:
            log.info("language versions of %s: %s", release.url, exc)
            return
        self.app.call_from_thread(self._show_badges, release, newsroom, versions)

    def _language_versions(self, release: Release) -> list[LanguageVersion]:
        """The versions of a release (of any newsroom shown), looked up from its own cache."""
        newsroom = self.store.newsroom_of(release.id)
        return language_versions(release, self.store.store(newsroom), self.data_dir)

    def _show_badges(
        self, release: Release, newsroom: str, versions: list[LanguageVersion]
    ) -> None:
        if self.shown_release is not None and self.shown_release.url == release.url:
            self.query_one(LanguageBadges).show_versions(versions, newsroom)

    # --- which release ---------------------------------------------------------------------------

    def _version_target(self) -> tuple[Release | None, str]:
        """The release `L` and `v` act on, and the other newsroom it comes from ('' for this
        one): the one shown while the article or contacts have the focus, else the
        highlighted row."""
        if not self._reading_focused():
            row = self.query_one(ReleaseList).current_row
            if row is not None and row.id != self.open_release_id:
                try:
                    return self.store.get_release(row.id), ""
                except StoreError as exc:
                    self.report_error(_("Could not read the release"), exc)
                    return None, ""
        shown = self.shown_release
        if shown is None or self.query_one(ArticleView).document_url != clean_line(shown.url):
            return None, ""  # the article shows something else now (a section, a message)
        return shown, self.shown_newsroom

    # --- L: the next language --------------------------------------------------------------------

    def action_next_language(self) -> None:
        release = self._version_target()[0]
        if release is None:
            self.notify(_("Open a release first."), markup=False)
            return
        if not release.language_links:
            self.notify(_("This release's page links no other language."), markup=False)
            return
        self._next_language(release)

    @work(exclusive=True, group="next-language", exit_on_error=False)
    async def _next_language(self, release: Release) -> None:
        try:
            versions = await asyncio.to_thread(self._language_versions, release)
        except StoreError as exc:
            self.report_error(_("Could not look the language versions up"), exc)
            return
        failures: list[str] = []
        own_id = self.store.newsroom_of(release.id)
        own = self.profiles.get(own_id, self.profile)
        for version in after_current(versions):
            if version.release is None:
                self.notify(
                    _("Fetching the {language} version…").format(language=version.language),
                    markup=False,
                )
                try:
                    fetched = await fetch_version(version, own, self.data_dir)
                except VersionUnavailable as exc:
                    failures.append(str(exc))
                    continue
                newsroom = "" if fetched.profile.id == own.id else fetched.profile.id
                version = LanguageVersion(version.language, version.url, fetched.release, newsroom)
            if failures:
                self.notify("; ".join(failures), markup=False, severity="warning")
            self._open_version(version, own_id)
            return
        self.notify(
            "; ".join(failures) or _("No other language version."),
            markup=False,
            severity="warning",
        )

    def _open_version(self, version: LanguageVersion, own: str) -> None:
        release = version.release
        if release is None:
            return
        newsroom = version.newsroom or own
        if newsroom in self.profiles:  # a newsroom shown here: it opens like any release
            self.open_release(self.store.qualify(newsroom, release.id))
            return
        # Another newsroom's release: shown as stored there. The keys that change a release (star,
        # read) still act on this newsroom's release it is a version of, whose row stays marked.
        self.query_one(ArticleView).show_release(release)
        self.query_one(ContactsPanel).show(list(release.contacts), release.title)
        self.release_shown(release, version.newsroom)

    # --- v: what changed -------------------------------------------------------------------------

    def action_show_changes(self) -> None:
        release, newsroom = self._version_target()
        if release is None:
            self.notify(_("Open a release first."), markup=False)
            return
        if newsroom:
            self.notify(
                _(
                    "This release belongs to the {newsroom} newsroom: open it there to see its"
                    " changes."
                ).format(newsroom=newsroom),
                markup=False,
            )
            return
        self._show_changes(release.id)

    @work(thread=True, exclusive=True, group="release-changes", exit_on_error=False)
    def _show_changes(self, release_id: str) -> None:
        try:
            release = self.store.get_release(release_id)
            earlier = self.store.earlier_versions(release_id, limit=1)
        except (StoreError, DeltaError) as exc:
            self.app.call_from_thread(self.report_error, _("Could not show the changes"), exc)
            return
        if release is None:
            return
        if not earlier:
            self.app.call_from_thread(
                self.notify,
                _("No earlier version of this release is kept: no sync has found it edited."),
                markup=False,
            )
            return
        from newsroom_tui.versions.changes import changes

        previous = earlier[0]
        found = changes(
            previous.title,
            previous.markdown,
            previous.contacts,
            release.title,
            release.markdown,
            release.contacts,
        )
        self.app.call_from_thread(self._changes_ready, release, previous, found)

    def _changes_ready(self, release: Release, previous: ReleaseVersion, found: Changes) -> None:
        from newsroom_tui.screens.release_changes import ReleaseChangesScreen

        self.app.push_screen(ReleaseChangesScreen(release, previous, found, release.versions))
        if release.edit_unseen:
            self._edit_seen(release.id)
