"""Syncing from the reader: the sync in a worker thread with its progress in the header, one
notification when it ends, the sync log (L), and the network probe at start."""

from __future__ import annotations

import logging
from datetime import datetime

from textual import work

from newsroom_tui.i18n import _
from newsroom_tui.models import SyncProgress, SyncReport
from newsroom_tui.query import Query
from newsroom_tui.screens.documents import ReaderDocuments
from newsroom_tui.screens.reader_service import SyncFailed
from newsroom_tui.screens.sync_log import (
    SyncLogScreen,
    SyncRecord,
    offline_at_start,
    status_summary,
    sync_notification,
    was_offline,
)
from newsroom_tui.storage.errors import StoreError
from newsroom_tui.widgets.sync_status import SyncStatus, describe_sync_time

log = logging.getLogger(__name__)


class ReaderSync(ReaderDocuments):
    """The sync and what it says."""

    sync_records: list[SyncRecord]

    @property
    def status(self) -> SyncStatus:
        return self.query_one(SyncStatus)

    def _cached_count(self) -> int:
        """Releases in the cache now (0 when it cannot be read)."""
        try:
            return self.store.count(Query())
        except StoreError as exc:
            log.info("cannot count the cache: %s", exc)
            return 0

    def _say_offline(self) -> None:
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
        if self.status.syncing:
            self.notify(_("A sync is already running."), markup=False)
            return
        self.status.start_sync()
        self._sync()

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def _sync(self) -> None:
        """Sync in this thread; progress and the outcome go back to the UI thread."""

        def progress(update: SyncProgress) -> None:
            self.app.call_from_thread(self.status.show_progress, update)

        try:
            report = self.service.sync(progress)
        except SyncFailed as exc:
            self.app.call_from_thread(self._sync_failed, str(exc))
            return
        self.app.call_from_thread(self._sync_finished, report)

    def _sync_failed(self, message: str) -> None:
        self.status.finish_sync(_("sync failed"))
        self.notify(message, markup=False, severity="error")

    def _sync_finished(self, report: SyncReport) -> None:
        cached = self._cached_count()
        self.sync_records.append(SyncRecord(datetime.now(), report, cached))
        self.status.set_online(not was_offline(report))
        self.status.set_last_sync(self.store.get_meta("last_sync"))
        self.status.finish_sync(status_summary(report))
        message, severity = sync_notification(report, cached)
        self.notify(message, markup=False, severity=severity, timeout=8)
        self.refresh_counts()
        current = self.release_list.current_row
        self.refresh_list(keep_id=current.id if current else None)

    def action_sync_log(self) -> None:
        last = describe_sync_time(self.store.get_meta("last_sync"))
        self.app.push_screen(SyncLogScreen(list(self.sync_records), last))

    def on_unmount(self) -> None:
        self.service.cancel()
