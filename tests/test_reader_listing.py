"""The reader's listings: newest, oldest and relevance orders over a real store, positions that
agree with the rows, the unread ids a "mark all read" changes, and finding a release by URL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsroom_tui.newsrooms.multistore import MergedWindows, MultiStore
from newsroom_tui.query import Query, parse_query
from newsroom_tui.screens.listing import Listing, Order, usable_order
from newsroom_tui.storage import search as search_module
from newsroom_tui.storage.store import Store
from uifixtures import release


@pytest.fixture
def store(tmp_path: Path) -> Store:
    items = []
    for n in range(1, 31):
        words = "climat " * (n % 5 + 1) if n % 3 else "frontières"
        items.append(
            release(
                n,
                f"Communiqué {n}",
                published=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=n),
                markdown=f"# Communiqué {n}\n\n{words} migrants\n",
                section="Communiqués" if n % 2 else "Déclarations",
            )
        )
    opened = Store.open(tmp_path / "db.sqlite3")
    opened.apply_batch(items)
    return opened


def ids(listing: Listing) -> list[str]:
    return [row.id for row in listing.rows(0, listing.count())]


def test_oldest_first_is_newest_first_reversed(store: Store) -> None:
    newest = Listing(store, Query())
    oldest = Listing(store, Query(), "oldest")
    assert ids(oldest) == list(reversed(ids(newest)))
    assert ids(newest)[0] == "r000030"
    for listing in (newest, oldest):
        every = ids(listing)
        for position in (0, 7, 29):
            assert listing.index_of(every[position]) == position
        assert [r.id for r in listing.rows(10, 5)] == every[10:15]


@pytest.mark.parametrize("text", ["", "section:Communiqués", "climat"])
@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_every_window_is_the_same_slice_read_from_either_end(
    store: Store, text: str, order: Order
) -> None:
    """Windows past the middle are read from the end in the other order and turned round."""
    listing = Listing(store, parse_query(text), order)
    full = [
        row.id
        for row in MergedWindows(
            MultiStore({"": store}, ""), parse_query(text), oldest_first=order == "oldest"
        ).rows(0, 100)
    ]
    assert len(full) == listing.count() > 5
    for offset in range(len(full) + 2):
        for limit in (1, 4, len(full)):
            assert [r.id for r in listing.rows(offset, limit)] == full[offset : offset + limit]


def test_windows_across_newsrooms_read_from_the_end_are_the_merged_list(tmp_path: Path) -> None:
    stores = {}
    for slot, newsroom in enumerate(("a", "b")):
        opened = Store.open(tmp_path / f"{newsroom}.sqlite3")
        opened.apply_batch(
            [
                release(
                    n,
                    f"{newsroom} {n}",
                    published=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=n // 2 + slot),
                )
                for n in range(1, 15)
            ]
        )
        stores[newsroom] = opened
    multi = MultiStore(stores, "a")
    for order in ("newest", "oldest"):
        full = [
            r.id for r in MergedWindows(multi, Query(), oldest_first=order == "oldest").rows(0, 99)
        ]
        assert len(full) == 28
        listing = Listing(multi, Query(), order)
        for offset in range(len(full)):
            assert [r.id for r in listing.rows(offset, 5)] == full[offset : offset + 5]


def test_relevance_ranks_the_window_then_lists_older_matches_newest_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "RELEVANCE_WINDOW", 8)
    query = parse_query("climat")
    by_date = Listing(store, query)
    ranked = Listing(store, query, "relevance")
    dated, relevant = ids(by_date), ids(ranked)
    assert sorted(relevant) == sorted(dated)  # the same releases, each once
    window = store.ranked_ids(query)
    assert len(window) == 8
    assert relevant[:8] == window and set(window) == set(dated[:8])
    assert relevant[8:] == dated[8:]
    for position, release_id in enumerate(relevant):
        assert ranked.index_of(release_id) == position
    # a window straddling the end of the ranking
    assert [r.id for r in ranked.rows(6, 4)] == relevant[6:10]
    # relevance needs words to rank by
    assert usable_order("relevance", parse_query("is:unread")) == "newest"
    assert Listing(store, Query(), "relevance").order == "newest"


def test_unread_ids_are_the_unread_matches(store: Store) -> None:
    query = Query(section="Déclarations")
    every = ids(Listing(store, query))
    store.set_read(every[:3], True)
    assert store.unread_ids(query) == every[3:]
    assert store.unread_ids(parse_query("frontières")) == [
        i for i in ids(Listing(store, parse_query("frontières"))) if i not in every[:3]
    ]


def test_a_release_and_a_section_are_found_by_url(store: Store) -> None:
    assert store.release_id_for_url("https://www.iom.int/fr/news/release-4") == "r000004"
    assert store.release_id_for_url("https://www.iom.int/fr/news/nowhere") is None
    assert store.section_key_for_url("https://www.iom.int/fr/nowhere") is None
