"""What the release list reads: one query of the store in one order (the list's RowSource).

`Listing` is the narrow read interface between the store and the ReleaseList widget: the widget
never sees the store, only count, a window of rows and a position. Orders:

- newest / oldest: publication order, straight from the store's index. An OFFSET costs a walk
  over the entries it skips (the last page of 100,000 releases walked the whole index: ~80 ms
  when its pages were not in memory), so a window nearer the end than the start is read from
  the end, in the other order, and turned round (the order is total: the same rows exactly);
- relevance (text queries only): the newest RELEVANCE_WINDOW matches ranked by bm25, then the
  older matches newest first. The ranking is read once per listing (one query, ~10-30 ms at
  100,000 releases) and kept, so scrolling reads windows by id.

Every method may raise StoreError; the widget and the screen handle it.
"""

from __future__ import annotations

from typing import Literal

from newsroom_tui.i18n import N_
from newsroom_tui.models import ReleaseRow
from newsroom_tui.newsrooms.multistore import MergedWindows, MultiStore
from newsroom_tui.query import Query
from newsroom_tui.storage.store import Store

Order = Literal["newest", "oldest", "relevance"]
ORDERS: tuple[Order, ...] = ("newest", "oldest", "relevance")
ORDER_LABELS: dict[Order, str] = {
    "newest": N_("newest first"),
    "oldest": N_("oldest first"),
    "relevance": N_("by relevance"),
}


def usable_order(order: Order, query: Query, store: MultiStore | None = None) -> Order:
    """`order`, or newest first when relevance is asked for without words to rank by (or
    across newsrooms, whose ranks do not compare)."""
    if order == "relevance" and (
        query.match_expression() is None or (store is not None and len(store.scope(query)) > 1)
    ):
        return "newest"
    return order


class Listing:
    """The releases matching `query`, in `order`, read from `store` (the newsrooms the query
    spans: one store's list, or the merge of several)."""

    def __init__(self, store: MultiStore | Store, query: Query, order: Order = "newest") -> None:
        if not isinstance(store, MultiStore):
            store = MultiStore({"": store}, "")
        self._store = store
        self._query = query
        self.order = usable_order(order, query, store)
        self._ranked: list[str] | None = None
        self._windows = MergedWindows(store, query, oldest_first=self.order == "oldest")
        self._from_end: MergedWindows | None = None
        """The same list in the other order (windows near the end), made when first needed."""

    @property
    def query(self) -> Query:
        return self._query

    def _ranking(self) -> list[str]:
        if self._ranked is None:
            self._ranked = self._store.ranked_ids(self._query)
        return self._ranked

    def count(self) -> int:
        return self._windows.count()

    def rows(self, offset: int, limit: int) -> list[ReleaseRow]:
        if self.order != "relevance":
            return self._window(offset, limit)
        ranked = self._ranking()
        rows: list[ReleaseRow] = []
        if offset < len(ranked):
            rows = self._store.rows_by_id(ranked[offset : offset + limit])
        rest = limit - len(rows)
        if rest > 0 and offset + len(rows) >= len(ranked):
            # Past the ranked window the matches follow newest first: they are older than every
            # ranked one, so none is listed twice.
            rows += self._store.rows(self._query, max(offset, len(ranked)), rest)
        return rows

    def _window(self, offset: int, limit: int) -> list[ReleaseRow]:
        """Rows [offset, offset + limit) in date order, read from the nearer end (only when the
        count is exact: filters, not a text search, whose count stops at a cap)."""
        if self._query.match_expression() is None:
            total = self._windows.count()
            offset = max(0, offset)
            end = min(total, offset + max(0, limit))
            if end > offset and total - end < offset:
                if self._from_end is None:
                    self._from_end = MergedWindows(
                        self._store, self._query, oldest_first=self.order != "oldest"
                    )
                return self._from_end.rows(total - end, end - offset)[::-1]
        return self._windows.rows(offset, limit)

    def index_of(self, release_id: str) -> int | None:
        if self.order != "relevance":
            return self._store.index_of(
                self._query, release_id, oldest_first=self.order == "oldest"
            )
        ranked = self._ranking()
        try:
            return ranked.index(release_id)
        except ValueError:
            pass
        index = self._store.index_of(self._query, release_id)
        return None if index is None or index < len(ranked) else index
