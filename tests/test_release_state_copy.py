"""The read/starred copies in releases and release_tags stay equal to release_state (the source
of truth) through set_read, set_starred, re-syncs, edits that move a release, and state set
before its release arrives."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.models import Release
from newsroom_tui.query import parse_query
from newsroom_tui.storage.store import Store

BASE = datetime(2024, 3, 15, 9, 30, tzinfo=UTC)
IDS = [f"rel-{n}" for n in range(6)]
LISTS = (
    "is:unread",
    "is:starred",
    "tag:europe is:unread",
    "tag:europe is:starred",
    "lang:fr is:unread",
    "section:communiques is:unread",
    "securite is:unread",
    "tag:europe lang:fr is:unread",
)


def release(n: int, *, version: int = 0, shift: int = 0) -> Release:
    return Release(
        id=f"rel-{n}",
        url=f"https://example.org/{n}",
        title=f"Sécurité {n} v{version}",
        published=BASE - timedelta(days=n) + timedelta(hours=shift),
        language="fr" if n % 2 else "en",
        section="communiques" if n % 3 else "actualites",
        tags=["Europe"] if n % 2 == 0 or version else ["Asie"],
        markdown=f"Texte {n} v{version}",
        text=f"Texte {n} v{version}",
    )


def expected(store: Store, text: str) -> list[str]:
    """The list computed from get_release (which reads release_state), newest first."""
    found = []
    for n in range(len(IDS)):
        got = store.get_release(IDS[n])
        if got is None:
            continue
        query = parse_query(text)
        wanted = (
            (not query.unread or not got.read)
            and (not query.starred or got.starred)
            and (query.tag is None or query.tag.lower() in [t.lower() for t in got.tags])
            and (query.lang is None or got.language == query.lang)
            and (query.section is None or got.section == query.section)
        )
        if wanted:
            found.append((got.published, got.id))
    return [rid for _, rid in sorted(found, reverse=True)]


def assert_in_step(store: Store) -> None:
    for text in LISTS:
        query = parse_query(text)
        ids = [r.id for r in store.rows(query, 0, 100)]
        assert ids == expected(store, text), text
        assert store.count(query) == len(ids), text
        for row in store.rows(query, 0, 100):
            got = store.get_release(row.id)
            assert got is not None and (row.read, row.starred) == (got.read, got.starred)
    con = sqlite3.connect(store.path)
    stale = con.execute(
        "SELECT count(*) FROM releases r LEFT JOIN release_state s ON s.id = r.id"
        " WHERE r.read != coalesce(s.read, 0) OR r.starred != coalesce(s.starred, 0)"
    ).fetchone()[0]
    stale_tags = con.execute(
        "SELECT count(*) FROM release_tags t JOIN releases r ON r.rk = t.rk WHERE t.read != r.read"
    ).fetchone()[0]
    con.close()
    assert (stale, stale_tags) == (0, 0)


def test_copy_follows_set_read_set_starred_and_an_edit_that_moves_the_release(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path / "db.sqlite3") as store:
        store.set_starred("rel-0", True)  # before the release exists
        store.apply_batch([release(n) for n in range(4)])
        assert [r.id for r in store.rows(parse_query("is:starred"), 0, 10)] == ["rel-0"]
        store.set_read(["rel-0", "rel-2"], True)
        assert_in_step(store)
        # an edit with a new date (new sort key) and new tags keeps the flags
        assert store.apply_batch([release(2, version=1, shift=100)]).updated == 1
        assert_in_step(store)
        assert "rel-2" not in [r.id for r in store.rows(parse_query("tag:europe is:unread"), 0, 9)]
        # a re-sync of unchanged releases keeps them
        assert store.apply_batch([release(n) for n in (0, 1, 3)]).unchanged == 3
        assert_in_step(store)
        store.set_read(["rel-2"], False)
        assert "rel-2" in [r.id for r in store.rows(parse_query("tag:europe is:unread"), 0, 9)]
        assert_in_step(store)


operation = st.one_of(
    st.tuples(st.just("read"), st.sampled_from([*IDS, "unknown"]), st.booleans()),
    st.tuples(st.just("star"), st.sampled_from([*IDS, "unknown"]), st.booleans()),
    st.tuples(st.just("sync"), st.integers(0, len(IDS) - 1), st.integers(0, 2)),
)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, max_size=12))
def test_any_sequence_keeps_the_copies_equal_to_the_state(
    ops: list[tuple[str, object, object]],
) -> None:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "db.sqlite3") as store:
        store.apply_batch([release(n) for n in range(3)])
        for kind, target, value in ops:
            if kind == "read":
                store.set_read([str(target)], bool(value))
            elif kind == "star":
                store.set_starred(str(target), bool(value))
            else:
                version = int(value)  # type: ignore[call-overload]
                store.apply_batch([release(int(target), version=version, shift=version)])  # type: ignore[call-overload]
            assert_in_step(store)
