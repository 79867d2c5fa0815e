"""The newsroom's facets: years, tags and sections with their counts, plus unread and total."""

from __future__ import annotations

from newsroom_tui.models import Facets
from newsroom_tui.query import Query
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.listing import ReleaseListing


class ReleaseFacets:
    """facets() with a cache that lasts until the next commit (here or in another process)."""

    def __init__(self, db: Database, listing: ReleaseListing) -> None:
        self._db = db
        self._listing = listing
        self._cached: tuple[tuple[int, int], Facets] | None = None

    def unread_count(self) -> int:
        return self._listing.count(Query(unread=True))

    def facets(self) -> Facets:
        """Years, tags and sections with their counts, plus unread and total.

        Cached until the next commit (here or in another process): the grouping reads whole
        indexes (~0.2 s at 100k releases) and the app asks after every change of view.
        """
        with self._db.lock:
            version = self._db.version()
            if self._cached is not None and self._cached[0] == version:
                return self._cached[1]
            facets = self.compute()
            self._cached = (version, facets)
            return facets

    def compute(self) -> Facets:
        """The facets, read now (no cache)."""
        read = self._db.read
        years = [
            (int(y), int(n))
            for y, n in read(
                "SELECT year, count(*) FROM releases WHERE year IS NOT NULL"
                " GROUP BY year ORDER BY year DESC"
            )
        ]
        tags = [
            (str(t), int(n))
            for t, n in read(
                "SELECT min(tag), count(*) AS n FROM release_tags GROUP BY tag_key"
                " ORDER BY n DESC, tag_key"
            )
        ]
        sections = [
            (str(s), int(n))
            for s, n in read(
                "SELECT section, count(*) AS n FROM releases WHERE section != ''"
                " GROUP BY section ORDER BY n DESC, section"
            )
        ]
        total = int(self._db.read_one("SELECT count(*) FROM releases")[0])
        return Facets(
            years=years, tags=tags, sections=sections, unread=self.unread_count(), total=total
        )
