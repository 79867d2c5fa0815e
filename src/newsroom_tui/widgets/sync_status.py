"""SyncStatus: the header line: newsroom name, last sync time, online/offline, sync progress.

The time shown is the stored last-sync time, never the clock, so the header is deterministic.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from newsroom_tui.i18n import _
from newsroom_tui.models import SyncProgress, phase_label
from newsroom_tui.sanitise import clean_line


def describe_sync_time(iso: str | None) -> str:
    """'last sync 2024-05-01 10:30' from the stored ISO time, or 'never synced'."""
    if not iso:
        return _("never synced")
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return _("never synced")
    if when.tzinfo is not None:
        when = when.astimezone()
    return _("last sync {time}").format(time=when.strftime("%Y-%m-%d %H:%M"))


class SyncStatus(Horizontal):
    """Name, state and progress; updated by the screen."""

    def __init__(self, name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._newsroom = clean_line(name, limit=80)
        self.online = True
        self.syncing = False
        self.next_sync: datetime | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(self._newsroom), id="status-name")
        yield Static(id="status-sync")
        yield Static(id="status-next")
        yield ProgressBar(total=None, show_eta=False, id="status-progress")
        yield Static(id="status-message")
        yield Static(id="status-online")

    def set_name(self, name: str) -> None:
        """The newsroom shown (or "All newsrooms")."""
        self._newsroom = clean_line(name, limit=80)
        if self.is_mounted:
            self.query_one("#status-name", Static).update(Text(self._newsroom))

    def set_last_sync(self, iso: str | None) -> None:
        self.query_one("#status-sync", Static).update(Text(describe_sync_time(iso)))

    def set_next_sync(self, when: datetime | None) -> None:
        """The next automatic sync (None: none planned)."""
        self.next_sync = when
        text = _("· next {time} ").format(time=when.strftime("%H:%M")) if when is not None else ""
        self.query_one("#status-next", Static).update(Text(text))

    def set_online(self, online: bool) -> None:
        self.online = online
        label = self.query_one("#status-online", Static)
        label.update(Text("● " + _("online") if online else "○ " + _("offline")))
        self.set_class(not online, "-offline")

    def set_message(self, message: str) -> None:
        self.query_one("#status-message", Static).update(Text(clean_line(message, limit=120)))

    def start_sync(self) -> None:
        self.syncing = True
        self.add_class("-syncing")
        bar = self.query_one(ProgressBar)
        bar.update(total=None, progress=0)
        self.set_message(_("syncing…"))

    def show_progress(self, progress: SyncProgress) -> None:
        bar = self.query_one(ProgressBar)
        if progress.total > 0:
            bar.update(total=progress.total, progress=progress.done)
        self.set_message(
            f"{phase_label(progress.phase)} {progress.done}/{progress.total} {progress.message}"
        )

    def finish_sync(self, message: str) -> None:
        self.syncing = False
        self.remove_class("-syncing")
        self.set_message(message)
