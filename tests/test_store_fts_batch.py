"""The full-text index a batch leaves is the one its content gives: each batch writes the index
in a few statements (its removals, then its additions from the content view), whatever the batch
holds (new releases, edits, a release given twice, one moved to another date, another taking its
old sort key). Compared term by term, position by position, with the index FTS5 rebuilds from the
content tables."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.models import Contact, Release
from newsroom_tui.query import parse_query
from newsroom_tui.storage.store import Store

BASE = datetime(2024, 3, 15, 9, 30, tzinfo=UTC)
WORDS = ["migrants", "sécurité", "Genève", "aide", "santé", "eau", "Tunis", "Dakar", "données"]


def instances(con: sqlite3.Connection) -> list[tuple[object, ...]]:
    return con.execute(
        "SELECT term, doc, col, offset FROM temp.fts_instances ORDER BY term, doc, col, offset"
    ).fetchall()


def assert_index_matches_content(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute(
            "CREATE VIRTUAL TABLE temp.fts_instances USING fts5vocab(main, release_fts, instance)"
        )
        written = instances(con)
        con.execute("INSERT INTO release_fts(release_fts) VALUES ('rebuild')")
        assert instances(con) == written
        con.rollback()
    finally:
        con.close()


release_specs = st.tuples(
    st.integers(0, 5),  # which release
    st.integers(0, 3),  # which date (a new date moves the release to another sort key)
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
    st.booleans(),  # summary-only
    st.booleans(),  # a contact
)


def release(spec: tuple[int, int, list[str], bool, bool]) -> Release:
    n, day, words, summary_only, contact = spec
    text = " ".join(words)
    return Release(
        id=f"rel-{n}",
        url=f"https://example.org/fr/news/{n}",
        title=f"Communiqué {n} {words[0]}",
        published=BASE - timedelta(days=day),  # releases share dates: ties get other keys
        language="fr",
        tags=["Europe"],
        summary=text,
        markdown=text,
        text=text,
        summary_only=summary_only,
        contacts=[Contact("Ana Pereira", emails=["ana@example.org"])] if contact else [],
    )


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batches=st.lists(st.lists(release_specs, min_size=1, max_size=8), min_size=1, max_size=4))
def test_every_batch_leaves_the_index_its_content_gives(
    tmp_path_factory: object, batches: list[list[tuple[int, int, list[str], bool, bool]]]
) -> None:
    directory = tmp_path_factory.mktemp("fts")  # type: ignore[attr-defined]
    path = directory / "db.sqlite3"
    with Store.open(path) as store:
        for batch in batches:
            store.apply_batch([release(spec) for spec in batch])
            assert_index_matches_content(path)
        # Each release is found by its words, and only by them.
        for word in WORDS:
            found = {hit.id for hit in store.search(parse_query(word), limit=100).hits}
            stored = {
                rid
                for rid in (f"rel-{n}" for n in range(6))
                if (got := store.get_release(rid)) is not None
                and word.lower() in (got.text + " " + got.title).lower()
            }
            assert found == stored


def test_a_release_given_twice_and_moved_in_one_batch(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with Store.open(path) as store:
        store.apply_batch(
            [release((1, 0, ["migrants"], False, True)), release((2, 1, ["eau"], False, False))]
        )
        store.apply_batch(
            [
                release((1, 2, ["santé"], False, False)),  # moved: its old key is free
                release((3, 0, ["Dakar"], False, False)),  # may take it
                release((1, 3, ["aide"], False, True)),  # moved again in the same batch
                release((2, 1, ["données"], False, False)),  # edited where it is
            ]
        )
        assert_index_matches_content(path)
        assert [h.id for h in store.search(parse_query("aide")).hits] == ["rel-1"]
        assert store.search(parse_query("migrants")).total == 0
        assert store.search(parse_query("sante")).total == 0
        assert [h.id for h in store.search(parse_query("donnees")).hits] == ["rel-2"]
