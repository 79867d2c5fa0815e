"""A parsed Query as SQL: the FROM/WHERE that selects the matching releases' sort keys.

Callers select only the sort key (or count) from it and fetch columns by rk afterwards.
"""

from __future__ import annotations

from typing import Any

from newsroom_tui.query import Query
from newsroom_tui.storage.values import fold, rk_bounds


def filters(query: Query, rk: str, *, tag: bool = True) -> tuple[list[str], list[Any]]:
    """SQL conditions on `releases r` (and the sort key expression `rk`) for the filters.

    `tag=False` leaves the tag out (the caller drives the query from `release_tags t`, whose
    copy of the read flag then answers "unread"). The read/starred flags are the copies kept
    in releases and release_tags (see migrations v2), each with a partial index.
    """
    table = "r" if tag else "t"
    where: list[str] = []
    params: list[Any] = []
    if query.section:
        where.append("r.section = ?")
        params.append(query.section)
    if query.lang:
        where.append("r.language = ?")
        params.append(query.lang)
    if query.tag and tag:
        if rk == "r.rk" and not (query.section or query.lang or query.starred):
            # no other index to start from: the tag's list drives
            where.append("r.rk IN (SELECT rk FROM release_tags WHERE tag_key = ?)")
        else:
            # One primary-key probe per row of the driving index (or FTS match). An IN list on
            # f.rowid would be pushed into FTS5 as one MATCH per tagged release (~5 s at 100k).
            where.append(
                "EXISTS (SELECT 1 FROM release_tags tg WHERE tg.rk = r.rk AND tg.tag_key = ?)"
            )
        params.append(fold(query.tag))
    bounds = rk_bounds(query)
    if bounds:
        where.append(f"{rk} BETWEEN ? AND ?")
        params += list(bounds)
    if query.unread:
        where.append(f"{table}.read = 0")
    if query.starred:
        where.append("r.starred = 1")
    exclusion = query.exclusion_expression() if not query.terms else None
    if exclusion:
        where.append("r.rk NOT IN (SELECT rowid FROM release_fts WHERE release_fts MATCH ?)")
        params.append(exclusion)
    return where, params


def needs_row(query: Query) -> bool:
    """Whether a filter reads the releases table (the tag rows hold the sort key and read flag)."""
    return bool(query.section or query.lang or query.starred or query.excluded)


def source(query: Query) -> tuple[str, list[Any], str]:
    """FROM ... WHERE ... for a query, its parameters, and the sort key expression.

    With text, the FTS table drives (CROSS JOIN fixes the order): it streams matches newest
    first, whereas the planner would otherwise probe FTS once per row of a filter index.
    A tag alone (with dates and unread at most) is answered from a tag index, never the table.
    """
    match = query.match_expression()
    if match:
        where, params = filters(query, "f.rowid")
        sql = "FROM release_fts f CROSS JOIN releases r ON r.rk = f.rowid WHERE release_fts MATCH ?"
        params = [match, *params]
        key = "f.rowid"
    elif query.tag and not needs_row(query):
        where, params = filters(query, "t.rk", tag=False)
        sql = "FROM release_tags t WHERE t.tag_key = ?"
        params = [fold(query.tag), *params]
        key = "t.rk"
    else:
        where, params = filters(query, "r.rk")
        sql = "FROM releases r WHERE 1"
        key = "r.rk"
    for condition in where:
        sql += f" AND {condition}"
    return sql, params, key
