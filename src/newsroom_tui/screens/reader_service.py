"""ReaderService: the reader's slow work (syncing, counting facets, probing the network, marking a
whole list read), free of widgets.

Each method blocks and is meant for a worker thread: it opens its own Store connection (SQLite
connections stay in the thread that made them) and, for a sync, its own event loop. Results and
expected failures come back as values and exceptions; the screen decides what to show.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from newsroom_tui.i18n import _
from newsroom_tui.models import DirectoryContact, Facets, SyncProgress, SyncReport
from newsroom_tui.profiles import Profile, ProfileError, check_selectors
from newsroom_tui.query import Query
from newsroom_tui.storage.store import Store, StoreError

if TYPE_CHECKING:
    from newsroom_tui.newsrooms.multistore import MultiStore
    from newsroom_tui.newsrooms.sync_all import NewsroomSync

log = logging.getLogger(__name__)


class SyncFailed(Exception):
    """A sync could not run or stopped; the message is one line for the screen."""


class ReaderService:
    """The background jobs of one profile's reader over one database file."""

    def __init__(
        self,
        profile: Profile,
        database_path: Path,
        *,
        databases: dict[str, Path] | None = None,
        home: str | None = None,
    ) -> None:
        """`databases`: every newsroom shown (id -> file) and `home` the one opened, for the
        work on lists that span newsrooms (default: this profile's alone)."""
        self.profile = profile
        self.database_path = database_path
        self.databases = databases or {profile.id: database_path}
        self.home = home or profile.id
        self.new_ids: list[str] = []
        """The releases the last sync stored new (ids in this newsroom's cache)."""
        self._lock = threading.Lock()
        self._cancel: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None

    def count_facets(self) -> Facets:
        """Years, tags and sections with their counts (~0.3 s at 100,000 releases).

        Raises StoreError.
        """
        with Store.open(self.database_path, check=False) as store:
            return store.facets()

    def _newsrooms(self) -> MultiStore:
        from newsroom_tui.newsrooms.multistore import MultiStore

        return MultiStore.open(self.databases, self.home, check=False)

    def contacts_directory(self, filter_text: str = "") -> list[DirectoryContact]:
        """The contacts directory of every newsroom shown, read through connections of this
        thread (the first read of a directory never built builds and saves it: ~3.5 s at
        100,000 releases).

        Raises StoreError.
        """
        with self._newsrooms() as stores:
            return stores.contacts_directory(filter_text)

    def mark_all_read(self, query: Query) -> list[str]:
        """Mark every unread release matching `query` read (in every newsroom it spans); the
        reader's ids of those changed (for undo).

        Raises StoreError.
        """
        with self._newsrooms() as stores:
            ids = stores.unread_ids(query)
            stores.set_read(ids, True)
            return ids

    def set_read(self, ids: list[str], read: bool) -> None:
        """Mark these releases (the reader's ids) read or unread (an undo of `mark_all_read`).
        Raises StoreError."""
        with self._newsrooms() as stores:
            stores.set_read(ids, read)

    def host_reachable(self) -> bool:
        """Can the newsroom's host be reached? (A TCP connection; nothing is fetched.)"""
        from newsroom_tui.demo.server import is_unserved_demo
        from newsroom_tui.ingest.fetch import host_reachable

        if is_unserved_demo(self.profile):
            return True  # served on 127.0.0.1 by the sync itself
        return host_reachable(
            self.profile.fetch_address(self.profile.resolve(self.profile.news_url))
        )

    def sync(self, progress: Callable[[SyncProgress], None]) -> SyncReport:
        """Sync the profile into the database; `progress` is called from this thread.

        Raises SyncFailed with a one-line message; unexpected errors are logged with their
        traceback first. `cancel()` from another thread stops it early. The built-in demo
        profile is served on 127.0.0.1 for the length of the sync, unless it already is.
        """
        from newsroom_tui.demo.server import serving_demo
        from newsroom_tui.ingest.sync import sync_profile

        async def run(store: Store) -> SyncReport:
            cancel = asyncio.Event()
            with self._lock:
                self._cancel = (asyncio.get_running_loop(), cancel)
            with serving_demo(self.profile) as profile:
                return await sync_profile(profile, store, progress=progress, cancel=cancel)

        self.new_ids = []
        try:
            check_selectors(self.profile)
            store = Store.open(self.database_path)
            self.new_ids = store.collect_new_ids()
        except ProfileError as exc:
            raise SyncFailed(_("invalid profile: {error}").format(error=exc)) from exc
        except StoreError as exc:
            raise SyncFailed(str(exc)) from exc
        try:
            return asyncio.run(run(store))
        except StoreError as exc:
            raise SyncFailed(str(exc)) from exc
        except Exception as exc:
            log.exception("sync failed")
            raise SyncFailed(_("sync failed: {error}").format(error=exc)) from exc
        finally:
            with self._lock:
                self._cancel = None
            store.close()

    def sync_many(
        self, profiles: list[Profile], progress: Callable[[SyncProgress], None]
    ) -> list[NewsroomSync]:
        """Sync several newsrooms (see newsrooms/sync_all); `cancel()` stops them all."""
        from newsroom_tui.newsrooms.sync_all import sync_newsrooms

        data_dir = self.database_path.parent.parent

        async def run() -> list[NewsroomSync]:
            cancel = asyncio.Event()
            with self._lock:
                self._cancel = (asyncio.get_running_loop(), cancel)
            return await sync_newsrooms(
                profiles, data_dir, progress=lambda _: progress, cancel=cancel
            )

        try:
            return asyncio.run(run())
        except StoreError as exc:
            raise SyncFailed(str(exc)) from exc
        except Exception as exc:
            log.exception("sync failed")
            raise SyncFailed(f"sync failed: {exc}") from exc
        finally:
            with self._lock:
                self._cancel = None

    def cancel(self) -> None:
        """Ask a running sync to stop (safe from any thread; nothing happens when none runs)."""
        with self._lock:
            pending = self._cancel
        if pending is not None:
            loop, event = pending
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # the sync's loop closed meanwhile: it has finished
                log.debug("sync already finished when cancelled")
