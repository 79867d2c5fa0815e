"""Syncing from the reader: the sync in a worker thread with its progress in the header, one
notification when it ends, the sync log (L), and the network probe at start."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual import work

from newsroom_tui.i18n import _
from newsroom_tui.models import SyncProgress, SyncReport
from newsroom_tui.profiles import Profile
from newsroom_tui.query import Query
from newsroom_tui.screens.documents import ReaderDocuments
from newsroom_tui.screens.reader_service import ReaderService, SyncFailed
from newsroom_tui.storage.errors import StoreError
from newsroom_tui.widgets.sync_status import SyncStatus, describe_sync_time

if TYPE_CHECKING:
    from newsroom_tui.newsrooms.sync_all import NewsroomSync
    from newsroom_tui.screens.sync_log import SyncRecord
    from newsroom_tui.watches import Watch, WatchNews

log = logging.getLogger(__name__)


class ReaderSync(ReaderDocuments):
    """The sync and what it says."""

    sync_records: list[SyncRecord]
    services: dict[str, ReaderService]
    profiles: dict[str, Profile]
    scope: str | None
    last_results: list[NewsroomSync] | None = None
    """Each newsroom's part of the last sync."""
    watches: list[Watch]
    watch_news: list[WatchNews] | None = None
    """What the last sync brought the watches."""
    auto_sync_every = 0.0
    auto_syncs = 0
    """Automatic syncs started this session."""

    @property
    def status(self) -> SyncStatus:
        return self.query_one(SyncStatus)

    def _cached_count(self) -> int:
        """Releases in the caches listed now (0 when they cannot be read)."""
        try:
            return self.store.count(Query(newsroom=self.scope))
        except StoreError as exc:
            log.info("cannot count the cache: %s", exc)
            return 0

    def _say_offline(self) -> None:
        from newsroom_tui.screens.sync_log import offline_at_start

        self.status.set_online(False)
        self.notify(
            offline_at_start(self._cached_count()), markup=False, severity="warning", timeout=10
        )

    @work(thread=True, exclusive=True, group="probe", exit_on_error=False)
    def _probe_network(self) -> None:
        if not self.service.host_reachable():
            self.app.call_from_thread(self._probed_offline)

    def _probed_offline(self) -> None:
        if not self.status.syncing:
            self._say_offline()

    def action_sync(self) -> None:
        """Sync the newsroom listed (every newsroom under "All newsrooms")."""
        if self.scope is None:
            self.action_sync_all()
        else:
            self.start_sync([self.profiles[self.scope]])

    def start_auto_sync(self, every: float) -> None:
        """Sync every newsroom shown every `every` seconds (the settings' sync.every); the
        header shows when the next one starts."""
        self.auto_sync_every = every
        self.set_interval(every, self._auto_sync, name="auto-sync")
        self.status.set_next_sync(datetime.now() + timedelta(seconds=every))

    def _auto_sync(self) -> None:
        self.status.set_next_sync(datetime.now() + timedelta(seconds=self.auto_sync_every))
        if not self.status.syncing:  # a sync already running (r, R) counts as this one
            self.auto_syncs += 1
            self.start_sync(list(self.profiles.values()))

    def action_sync_all(self) -> None:
        """Sync every newsroom shown."""
        self.start_sync(list(self.profiles.values()))

    def start_sync(self, profiles: list[Profile]) -> bool:
        """Start a background sync of `profiles`; False (and a word) when one is running."""
        if self.status.syncing:
            self.notify(_("A sync is already running."), markup=False)
            return False
        self.status.start_sync()
        self._sync(profiles)
        return True

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def _sync(self, profiles: list[Profile]) -> None:
        """Sync in this thread; progress and the outcome go back to the UI thread."""
        from newsroom_tui.newsrooms.sync_all import NewsroomSync

        def progress(update: SyncProgress) -> None:
            self.app.call_from_thread(self.status.show_progress, update)

        try:
            if len(profiles) == 1:
                profile = profiles[0]
                service = self.services[profile.id]
                report = service.sync(progress)
                results = [NewsroomSync(profile, report, new_ids=service.new_ids)]
            else:
                results = self.service.sync_many(profiles, progress)
        except SyncFailed as exc:
            self.app.call_from_thread(self._sync_failed, str(exc))
            return
        self.app.call_from_thread(self._newsrooms_synced, results)

    def _newsrooms_synced(self, results: list[NewsroomSync]) -> None:
        from newsroom_tui.newsrooms.sync_all import combined_report

        self.last_results = results
        self._announce_watches(results)
        self._sync_finished(combined_report(results) if len(results) > 1 else results[0].report)  # type: ignore[arg-type]

    def _announce_watches(self, results: list[NewsroomSync]) -> None:
        """One notification per watch that the sync brought new releases (and the desktop
        notification when the settings ask for it)."""
        from newsroom_tui.watches import announcement, desktop_notify, new_matches

        new_ids = {r.profile.id: r.new_ids for r in results}
        if not self.watches or not any(new_ids.values()):
            return
        try:
            news = new_matches(self.store, self.watches, new_ids)
        except StoreError as exc:
            log.error("watches not checked", exc_info=exc)
            return
        for item in news:
            line = announcement(item)
            self.notify(line, markup=False, timeout=12)
            if self.settings.desktop_notifications:
                desktop_notify(self.settings.notify_command, "newsroom-tui", line)
        self.watch_news = news

    def _sync_failed(self, message: str) -> None:
        self.status.finish_sync(_("sync failed"))
        self.notify(message, markup=False, severity="error")

    def _sync_finished(self, report: SyncReport) -> None:
        from newsroom_tui.screens.sync_log import (
            SyncRecord,
            status_summary,
            sync_notification,
            was_offline,
        )

        cached = self._cached_count()
        self.sync_records.append(SyncRecord(datetime.now(), report, cached))
        self.status.set_online(not was_offline(report))
        listed = self.store.store(self.scope or self.store.home)
        self.status.set_last_sync(listed.get_meta("last_sync"))
        self.status.finish_sync(status_summary(report))
        message, severity = sync_notification(report, cached)
        self.notify(message, markup=False, severity=severity, timeout=8)
        self.refresh_counts()
        current = self.release_list.current_row
        self.refresh_list(keep_id=current.id if current else None)

    def action_sync_log(self) -> None:
        from newsroom_tui.screens.sync_log import SyncLogScreen

        listed = self.store.store(self.scope or self.store.home)
        last = describe_sync_time(listed.get_meta("last_sync"))
        self.app.push_screen(SyncLogScreen(list(self.sync_records), last))

    def on_unmount(self) -> None:
        for service in self.services.values():
            service.cancel()
