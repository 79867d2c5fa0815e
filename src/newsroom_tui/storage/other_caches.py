"""A release by its URL in another newsroom's cache.

Today each profile has its own database under the data directory (`<profile>/newsroom.sqlite3`),
so the language versions a release links to may sit in the databases of the other profiles
(iom-en, iom-es for a release of iom-fr). `find_elsewhere` is the one place that knows where to
look: each other database is opened read-only, asked by URL (an index lookup), and closed. A
database that cannot be read (damaged, busy, of another program) is skipped and logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from newsroom_tui.models import Release
from newsroom_tui.paths import DB_FILENAME
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.errors import StoreError
from newsroom_tui.storage.reads import RecordReads

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FoundElsewhere:
    """A release found in another newsroom's cache."""

    release: Release
    newsroom: str
    """The folder of that newsroom's database (its profile id, as paths.database_path made it)."""
    database: Path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def find_elsewhere(url: str, data_dir: Path, *, skip: Path | None = None) -> FoundElsewhere | None:
    """The release published at `url` in the cache of another newsroom under `data_dir` (not
    the database `skip`, the caller's own), or None."""
    try:
        candidates = sorted(data_dir.glob(f"*/{DB_FILENAME}"))
    except OSError as exc:
        log.info("cannot list %s: %s", data_dir, exc)
        return None
    for path in candidates:
        if skip is not None and _same_file(path, skip):
            continue
        try:
            db = Database.open_read_only(path)
        except StoreError as exc:
            log.info("not looking in %s: %s", path, exc)
            continue
        try:
            release = RecordReads(db).release_by_url(url)
        except StoreError as exc:
            log.info("not looking in %s: %s", path, exc)
            continue
        finally:
            db.close()
        if release is not None:
            return FoundElsewhere(release, path.parent.name, path)
    return None
