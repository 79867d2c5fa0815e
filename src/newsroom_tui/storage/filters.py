"""A parsed Query as SQL: the FROM/WHERE that selects the matching releases' sort keys.

Callers select only the sort key (or count) from it and fetch columns by rk afterwards. The
section: and tag: values are the stored ones the store resolved them to (filter_values), or,
for a query not resolved, the value as given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsroom_tui.storage.values import fold, rk_bounds

if TYPE_CHECKING:
    from newsroom_tui.query import Query


def filters(query: Query, rk: str, *, tag: bool = True) -> tuple[list[str], list[Any]]:
    """SQL conditions on `releases r` (and the sort key expression `rk`) for the filters.

    `tag=False` leaves the tag out (the caller reads `release_tags t` for it, whose copy of
    the read flag then answers "unread"). The read/starred flags are the copies kept
    in releases and release_tags (see migrations v2), each with a partial index.
    """
    table = "r" if tag else "t"
    where: list[str] = []
    params: list[Any] = []
    sections = section_values(query)
    if sections is not None:
        if not sections:
            where.append("0")
        elif len(sections) == 1:
            where.append("r.section = ?")
        else:
            where.append(f"r.section IN ({','.join('?' * len(sections))})")
        params += sections
    if query.lang:
        where.append("r.language = ?")
        params.append(query.lang)
    tags = tag_keys(query)
    if tags is not None and tag:
        marks = "= ?" if len(tags) == 1 else f"IN ({','.join('?' * len(tags))})"
        if not tags:
            where.append("0")
        elif rk == "r.rk" and not (query.section or query.lang or query.starred):
            # no other index to start from: the tag's list drives
            where.append(f"r.rk IN (SELECT rk FROM release_tags WHERE tag_key {marks})")
        else:
            # One primary-key probe per row of the driving index (or FTS match). An IN list on
            # f.rowid would be pushed into FTS5 as one MATCH per tagged release (~5 s at 100k).
            where.append(
                f"EXISTS (SELECT 1 FROM release_tags tg WHERE tg.rk = r.rk AND tg.tag_key {marks})"
            )
        params += tags
    bounds = rk_bounds(query)
    if bounds:
        where.append(f"{rk} BETWEEN ? AND ?")
        params += list(bounds)
    if query.unread:
        where.append(f"{table}.read = 0")
    if query.starred:
        where.append("r.starred = 1")
    exclusion = query.exclusion_expression()
    if exclusion:
        where.append("r.rk NOT IN (SELECT rowid FROM release_fts WHERE release_fts MATCH ?)")
        params.append(exclusion)
    return where, params


def section_values(query: Query) -> list[str] | None:
    """The stored sections the query's section: stands for (None: no section filter)."""
    if not query.section:
        return None
    return list(query.sections) if query.sections is not None else [query.section]


def tag_keys(query: Query) -> list[str] | None:
    """The folded tag keys the query's tag: stands for (None: no tag filter)."""
    if not query.tag:
        return None
    return list(query.tag_keys) if query.tag_keys is not None else [fold(query.tag)]


def needs_row(query: Query) -> bool:
    """Whether a filter reads the releases table (the tag rows hold the sort key and read flag)."""
    return bool(
        query.section
        or query.lang
        or query.starred
        or query.exclusion_expression()
        or len(tag_keys(query) or ()) != 1
    )


def source(query: Query, *, key_only: bool = False) -> tuple[str, list[Any], str]:
    """FROM ... WHERE ... for a query, its parameters, and the sort key expression.

    With text, the FTS table drives (CROSS JOIN fixes the order): it streams matches newest
    first, whereas the planner would otherwise probe FTS once per row of a filter index.
    A tag alone (with dates and unread at most) is answered from a tag index, never the table.

    `key_only`: the caller selects the sort key and nothing else of the row (counts, a window's
    keys, positions). A text search whose filters a tag's rows answer (one tag, with dates and
    unread at most) then joins the tag's rows instead of the releases': each match costs one
    probe of a small index holding the tag, key and read flag (release_tags_unread is covering
    since migrations v5), where a release row, at 100,000 releases, is rarely in the page cache
    (counting a word's ~1,800 matches with a tag and unread: ~2 ms instead of ~10).
    """
    match = query.match_expression()
    if match and key_only and query.tag and not needs_row(query):
        where, params = filters(query, "f.rowid", tag=False)
        sql = (
            "FROM release_fts f CROSS JOIN release_tags t ON t.rk = f.rowid"
            " WHERE release_fts MATCH ? AND t.tag_key = ?"
        )
        params = [match, *(tag_keys(query) or ()), *params]
        key = "f.rowid"
    elif match:
        where, params = filters(query, "f.rowid")
        sql = "FROM release_fts f CROSS JOIN releases r ON r.rk = f.rowid WHERE release_fts MATCH ?"
        params = [match, *params]
        key = "f.rowid"
    elif query.tag and not needs_row(query):
        where, params = filters(query, "t.rk", tag=False)
        sql = "FROM release_tags t WHERE t.tag_key = ?"
        params = [*(tag_keys(query) or ()), *params]
        key = "t.rk"
    else:
        where, params = filters(query, "r.rk")
        sql = "FROM releases r WHERE 1"
        key = "r.rk"
    for condition in where:
        sql += f" AND {condition}"
    return sql, params, key
