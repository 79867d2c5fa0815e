"""MultiStore: several newsrooms' databases read as one list, newest first, by k-way merge.

Checked against the obvious answer: every release of every newsroom sorted by its sort key.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.models import Contact, Release
from newsroom_tui.newsrooms import multistore
from newsroom_tui.newsrooms.multistore import MultiStore
from newsroom_tui.query import parse_query
from newsroom_tui.storage.store import Store

NEWSROOMS = ("iom-fr", "iom-en", "extra")
WORDS = ("migration", "climat", "santé", "retour", "sécurité")


def make_release(newsroom: str, number: int, rng: random.Random) -> Release:
    when = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=rng.randrange(0, 24 * 200))
    word = WORDS[number % len(WORDS)]
    title = f"{newsroom} {number} {word}"
    contacts = [Contact("Ana Diaz", "Office", [], ["ana@example.org"])] if number % 7 == 0 else []
    return Release(
        id=f"{newsroom.replace('-', '')}{number:05d}",
        url=f"https://{newsroom}.example.org/news/{number}",
        title=title,
        published=when if number % 11 else None,
        language="fr",
        section="News",
        tags=[word],
        summary=title,
        markdown=f"# {title}\n\n{word} text",
        text=f"{title} {word} text",
        contacts=contacts,
    )


@pytest.fixture
def multi(tmp_path: Path) -> Iterator[MultiStore]:
    rng = random.Random(7)
    databases = {}
    for size, newsroom in zip((120, 75, 40), NEWSROOMS, strict=True):
        path = paths.database_path(tmp_path, newsroom)
        path.parent.mkdir(parents=True)
        with Store.open(path) as store:
            store.apply_batch([make_release(newsroom, n, rng) for n in range(size)])
        databases[newsroom] = path
    opened = MultiStore.open(databases, "iom-fr")
    yield opened
    opened.close()


def expected(multi: MultiStore, text: str, *, oldest_first: bool = False) -> list[str]:
    query = parse_query(text)
    everything: list[tuple[tuple[int, int], str]] = []
    for index, newsroom in enumerate(multi.scope(query)):
        store = multi.store(newsroom)
        count = store.count(query)
        keys = store.row_keys(query, 0, count)
        rows = store.rows(query, 0, count)
        for rk, row in zip(keys, rows, strict=True):
            order = (rk, -index) if oldest_first else (-rk, index)
            everything.append((order, multi.qualify(newsroom, row.id)))
    return [ref for _, ref in sorted(everything)]


@pytest.mark.parametrize("text", ["", "climat", "is:unread", "tag:retour", "newsroom:iom-en"])
@pytest.mark.parametrize("oldest_first", [False, True])
def test_windows_are_the_merged_order(multi: MultiStore, text: str, oldest_first: bool) -> None:
    want = expected(multi, text, oldest_first=oldest_first)
    query = parse_query(text)
    windows = multistore.MergedWindows(multi, query, oldest_first=oldest_first)
    assert windows.count() == len(want) == multi.count(query)
    rng = random.Random(3)
    offsets = [
        0,
        5,
        17,
        60,
        len(want) - 3,
        40,
        2,
        *(rng.randrange(0, len(want)) for _ in range(10)),
    ]
    for offset in offsets:
        got = [row.id for row in windows.rows(offset, 9)]
        assert got == want[offset : offset + 9], offset
    for ref in want[::13]:
        assert multi.index_of(query, ref, oldest_first=oldest_first) == want.index(ref)


def test_rows_carry_their_newsroom_and_act_on_their_store(multi: MultiStore) -> None:
    rows = multi.rows(parse_query(""), 0, 300)
    assert {row.newsroom for row in rows} == set(NEWSROOMS)
    english = next(row for row in rows if row.newsroom == "iom-en")
    assert english.id.startswith("iom-en:")
    home = next(row for row in rows if row.newsroom == "iom-fr")
    assert ":" not in home.id  # the home newsroom keeps its ids
    multi.set_starred(english.id, True)
    multi.set_read([english.id, home.id], True)
    release = multi.get_release(english.id)
    assert release is not None and release.starred and release.read
    assert multi.store("iom-en").get_release(english.id.split(":", 1)[1]) is not None
    assert multi.store("iom-fr").get_release(english.id.split(":", 1)[1]) is None
    assert multi.unread_count() == 120 + 75 + 40 - 2


def test_search_merges_newest_first_with_the_newsroom(multi: MultiStore) -> None:
    results = multi.search(parse_query("climat"), limit=500)
    assert results.total == multi.count(parse_query("climat"))
    assert {hit.newsroom for hit in results.hits} == set(NEWSROOMS)
    dated = [hit.published for hit in results.hits if hit.published is not None]
    assert dated == sorted(dated, reverse=True)
    one = multi.search(parse_query("climat newsroom:extra"), limit=500)
    assert {hit.newsroom for hit in one.hits} == {"extra"}


def test_an_unknown_newsroom_says_so(multi: MultiStore) -> None:
    query = parse_query("newsroom:nowhere")
    assert multi.count(query) == 0
    (line,) = multi.filter_misses(query)
    assert "newsroom:nowhere matches no newsroom" in line
    assert "iom-en" in line


def test_the_contacts_directory_spans_the_newsrooms(multi: MultiStore) -> None:
    (entry,) = multi.contacts_directory("ana")
    per_store = sum(e.releases for n in NEWSROOMS for e in multi.store(n).contacts_directory("ana"))
    assert entry.releases == per_store
    assert entry.releases > len(multi.store("iom-fr").contacts_directory("ana"))
    rows = multi.releases_for_contact(entry.key)
    assert {row.newsroom for row in rows} == set(NEWSROOMS)
