"""Search results: the releases matching a query with highlighted snippets, newest first or by
relevance (bm25 over the newest RELEVANCE_WINDOW matches: a full rank costs ~150 ms at 100k)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from newsroom_tui.records import SNIPPET_CLOSE, SNIPPET_OPEN, SearchHit, SearchResults
from newsroom_tui.storage import filters
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.listing import ReleaseListing
from newsroom_tui.storage.values import from_iso

if TYPE_CHECKING:
    from newsroom_tui.query import Query

# The body's snippet when the body matched (the title is shown anyway), else the best column's
# (a match in the title or the contacts), asked for only for the hits that need it: snippet() is
# most of a search's time for a prefix matching many words, and SQL would compute a CASE over
# both twice.
_BODY_SNIPPET = f"snippet(release_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 16)"
_BEST_SNIPPET = f"snippet(release_fts, -1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 16)"

RELEVANCE_WINDOW = 2_000
"""order="relevance" ranks the newest this-many matches by bm25 (a full rank costs ~150 ms at 100k)."""


class ReleaseSearch:
    """search() over one database; `total` comes from the listing's count."""

    def __init__(self, db: Database, listing: ReleaseListing) -> None:
        self._db = db
        self._listing = listing

    def search(
        self,
        query: Query,
        *,
        limit: int = 20,
        offset: int = 0,
        order: Literal["newest", "relevance"] = "newest",
    ) -> SearchResults:
        """Hits with highlighted snippets; `total` is count(query) (capped for text)."""
        with self._db.snapshot():
            return self._search(query, limit, offset, order)

    def ranked_ids(self, query: Query) -> list[str]:
        """The ids of the newest RELEVANCE_WINDOW text matches, best first ([] without text)."""
        if query.match_expression() is None:
            return []
        source, params, key = filters.source(query)
        rows = self._db.read(
            f"SELECT (SELECT id FROM releases WHERE rk = ranked.rk) FROM"
            f" (SELECT {key} AS rk, bm25(release_fts, 10.0, 1.0, 2.0) AS score {source}"
            f" ORDER BY {key} DESC LIMIT ?) AS ranked ORDER BY score, rk DESC",
            [*params, RELEVANCE_WINDOW],
        )
        return [str(r[0]) for r in rows]

    def snippet(self, query: Query, release_id: str) -> str:
        """One release's highlighted snippet for a text query ('' when nothing matches)."""
        if query.match_expression() is None:
            return ""
        source, params, key = filters.source(query)
        with self._db.snapshot():
            rows = self._db.read(
                f"SELECT {_BODY_SNIPPET}, {key} {source}"
                f" AND {key} = (SELECT rk FROM releases WHERE id = ?)",
                [*params, release_id],
            )
            if not rows:
                return ""
            return self._completed_snippets(query, [(rows[0][0], int(rows[0][1]))])[0]

    def _completed_snippets(self, query: Query, found: list[tuple[object, int]]) -> list[str]:
        """Each (body snippet, key)'s snippet: the body's, or the best column's when the match
        is not in the body."""
        snippets = [str(body or "") for body, _ in found]
        missing = {rk: i for i, (_, rk) in enumerate(found) if SNIPPET_OPEN not in snippets[i]}
        if missing:
            source, params, key = filters.source(query)
            marks = ",".join("?" * len(missing))
            for best, rk in self._db.read(
                f"SELECT {_BEST_SNIPPET}, {key} {source} AND {key} IN ({marks})",
                [*params, *missing],
            ):
                snippets[missing[int(rk)]] = str(best or "")
        return snippets

    def _search(
        self, query: Query, limit: int, offset: int, order: Literal["newest", "relevance"]
    ) -> SearchResults:
        read = self._db.read
        total = self._listing.count(query)
        match = query.match_expression()
        source, params, key = filters.source(query)
        if match is None:
            keys = [
                int(r[0])
                for r in read(
                    f"SELECT {key} {source} ORDER BY {key} DESC LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                )
            ]
            marks = ",".join("?" * len(keys))
            found = read(
                "SELECT r.id, r.title, r.url, r.published_iso, r.section,"
                f" substr(c.summary, 1, 200), r.rk FROM releases r"
                f" JOIN release_content c ON c.rk = r.rk WHERE r.rk IN ({marks})",
                keys,
            )
            position = {rk: i for i, rk in enumerate(keys)}
            rows = sorted(found, key=lambda r: position[int(r[6])])
        else:
            snippet = _BODY_SNIPPET
            if order == "relevance":
                ranked = read(
                    f"SELECT rk FROM (SELECT {key} AS rk, bm25(release_fts, 10.0, 1.0, 2.0)"
                    f" AS score {source} ORDER BY {key} DESC LIMIT ?)"
                    " ORDER BY score, rk DESC LIMIT ? OFFSET ?",
                    [*params, RELEVANCE_WINDOW, limit, offset],
                )
                wanted = [int(r[0]) for r in ranked]
                if not wanted:
                    return SearchResults(query.text, total, [])
                marks = ",".join("?" * len(wanted))
                found = read(
                    f"SELECT r.id, r.title, r.url, r.published_iso, r.section, {snippet}, {key}"
                    f" {source} AND {key} IN ({marks})",
                    [*params, *wanted],
                )
                position = {rk: i for i, rk in enumerate(wanted)}
                rows = sorted(found, key=lambda r: position[int(r[6])])
            else:
                rows = read(
                    f"SELECT r.id, r.title, r.url, r.published_iso, r.section, {snippet}, {key}"
                    f" {source} ORDER BY {key} DESC LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                )
            snippets = self._completed_snippets(query, [(r[5], int(r[6])) for r in rows])
            rows = [(*r[:5], snip) for r, snip in zip(rows, snippets, strict=True)]
        hits = [
            SearchHit(
                id=r[0],
                title=r[1],
                url=r[2],
                published=from_iso(r[3]),
                section=r[4],
                snippet=r[5] or "",
            )
            for r in rows
        ]
        return SearchResults(query.text, total, hits)
