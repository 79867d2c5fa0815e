"""Every list class read through its index: any window, deep or shallow, is the same slice of
the full list (computed here from the releases themselves), and index_of agrees with it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsroom_tui.models import Release
from newsroom_tui.query import parse_query
from newsroom_tui.storage.store import Store

BASE = datetime(2024, 3, 15, 9, 30, tzinfo=UTC)
N = 240
TAGS = ["Europe", "Asie", "Afrique de l'Ouest"]
LISTS = [
    "",
    "is:unread",
    "is:starred",
    "tag:europe",
    "tag:europe is:unread",
    "tag:europe is:starred",
    "tag:europe lang:en",
    "lang:es is:unread",
    "section:communiques is:unread",
    "section:communiques year:2023 is:unread",
    "tag:asie section:actualites since:2023-06",
    "migration",
    "migration tag:europe is:unread",
    "migration lang:fr is:starred",
    "tag:europe -migration",
]


def release(n: int) -> Release:
    return Release(
        id=f"rel-{n:03d}",
        url=f"https://example.org/{n}",
        title=f"Communiqué {n}",
        published=BASE - timedelta(days=n * 3) if n % 17 else None,
        language=["fr", "en", "es"][(n // 2) % 3],
        section=["communiques", "actualites"][n % 2],
        tags=[TAGS[n % 3]] + ([TAGS[(n + 1) % 3]] if n % 5 == 0 else []),
        markdown="x",
        text="la migration" if n % 4 else "autre chose",
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("listing") / "db.sqlite3"
    with Store.open(path) as s:
        s.apply_batch([release(n) for n in range(N)])
        s.set_read([f"rel-{n:03d}" for n in range(N) if n % 3 == 1 or n % 7 == 0], True)
        for n in range(0, N, 11):
            s.set_starred(f"rel-{n:03d}", True)
        yield s


def expected(store: Store, text: str) -> list[str]:
    query = parse_query(text)
    found = []
    for n in range(N):
        r = store.get_release(f"rel-{n:03d}")
        assert r is not None
        tags = [t.casefold() for t in r.tags]
        first, last = query.date_range()
        day = r.published.date() if r.published else None
        if (
            (not query.unread or not r.read)
            and (not query.starred or r.starred)
            and (query.tag is None or query.tag.casefold() in tags)
            and (query.lang is None or r.language == query.lang)
            and (query.section is None or r.section == query.section)
            and (first is None or (day is not None and day >= first))
            and (last is None or (day is not None and day <= last))
            and (query.match_expression() is None or "migration" in r.text)
            and (query.exclusion_expression() is None or "migration" not in r.text)
        ):
            found.append(r)
    # newest first; undated releases last; ties by the store's stable order
    order = {row.id: i for i, row in enumerate(store.rows(parse_query(""), 0, N))}
    return [r.id for r in sorted(found, key=lambda r: order[r.id])]


@pytest.mark.parametrize("text", LISTS)
def test_every_window_is_a_slice_of_the_full_list(store: Store, text: str) -> None:
    query = parse_query(text)
    full = expected(store, text)
    assert full, "each class should match something in this corpus"
    assert store.count(query) == len(full)
    assert [r.id for r in store.rows(query, 0, N)] == full
    for offset in {0, 1, len(full) // 3, len(full) // 2, len(full) - 7, len(full) - 1}:
        offset = max(0, offset)
        assert [r.id for r in store.rows(query, offset, 7)] == full[offset : offset + 7]
    assert store.rows(query, len(full), 10) == []
    for position in {0, len(full) // 2, len(full) - 1}:
        assert store.index_of(query, full[position]) == position


def test_the_list_is_newest_first_and_rows_carry_their_flags(store: Store) -> None:
    rows = store.rows(parse_query(""), 0, N)
    dated = [r.published for r in rows if r.published is not None]
    assert dated == sorted(dated, reverse=True)
    assert all(r.published is None for r in rows[len(dated) :])
    for row in rows:
        got = store.get_release(row.id)
        assert got is not None and (row.read, row.starred) == (got.read, got.starred)
