"""A sync batch written together leaves what its releases written one at a time leave.

A batch looks its stored rows up in a few queries, writes its new releases together at its end
and the full-text index in a few statements (its removals, then its additions from the content
view), whatever it holds: new releases, edits, a release given twice, one moved to another date,
another taking its old sort key, releases competing for the same sort key. Checked two ways: the
index, term by term and position by position, against the one FTS5 rebuilds from the content
tables; and every table against the same releases stored one batch each."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.models import Contact, LanguageLink, Release
from newsroom_tui.query import parse_query
from newsroom_tui.storage import writes
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
    st.integers(0, 7),  # which release
    st.integers(0, 2),  # which of its dates (a new date moves it to another sort key)
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
    st.booleans(),  # summary-only
    st.booleans(),  # a contact
)


def release(spec: tuple[int, int, list[str], bool, bool]) -> Release:
    n, day, words, summary_only, contact = spec
    text = " ".join(words)
    links = [LanguageLink("en", f"https://example.org/en/news/{n}")] if not summary_only else []
    return Release(
        id=f"rel-{n}",
        url=f"https://example.org/fr/news/{n}",
        title=f"Communiqué {n} {words[0]}",
        # Releases share dates: even ones days 0, 2 and 4, odd ones 1, 3 and 5 (four at most
        # on one day, as many as the tiebreaks the comparison below leaves).
        published=BASE - timedelta(days=n % 2 + 2 * day),
        language="fr",
        tags=["Europe"],
        summary=text,
        markdown=text,
        text=text,
        summary_only=summary_only,
        contacts=[Contact("Ana Pereira", emails=["ana@example.org"])] if contact else [],
        language_links=links,
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
                for rid in (f"rel-{n}" for n in range(8))
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


TABLES = {
    "releases": "SELECT * FROM releases ORDER BY rk",
    "release_content": "SELECT * FROM release_content ORDER BY rk",
    "release_tags": "SELECT * FROM release_tags ORDER BY rk, tag_key",
    "contacts": "SELECT * FROM contacts ORDER BY id, position",
    "release_links": "SELECT * FROM release_links ORDER BY rk, language",
    "release_versions": "SELECT rk, number, delta FROM release_versions ORDER BY rk, number",
}
TIMES = {"first_seen", "last_seen"}


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table a batch writes (but the times it was written), and the index."""
    con = sqlite3.connect(path)
    try:
        tables: dict[str, list[tuple[object, ...]]] = {}
        for name, sql in TABLES.items():
            cursor = con.execute(sql)
            keep = [i for i, d in enumerate(cursor.description) if d[0] not in TIMES]
            tables[name] = [tuple(row[i] for i in keep) for row in cursor]
        con.execute(
            "CREATE VIRTUAL TABLE temp.fts_instances USING fts5vocab(main, release_fts, instance)"
        )
        tables["index"] = instances(con)
        return tables
    finally:
        con.close()


@settings(
    max_examples=examples(80),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batches=st.lists(st.lists(release_specs, min_size=1, max_size=10), min_size=1, max_size=3))
def test_a_batch_leaves_what_its_releases_one_at_a_time_leave(
    tmp_path_factory: object, batches: list[list[tuple[int, int, list[str], bool, bool]]]
) -> None:
    directory = tmp_path_factory.mktemp("batches")  # type: ignore[attr-defined]
    together, alone = directory / "together.sqlite3", directory / "alone.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        # Four tiebreaks per date instead of a million: releases compete for sort keys (the
        # ids 0 and 2, 4 and 6, 1 and 3, 5 and 7 want the same one on the same date).
        patch.setattr(writes, "TIE_MASK", 3)
        with Store.open(together) as store:
            counts = [tuple(store.apply_batch([release(s) for s in batch])) for batch in batches]
        with Store.open(alone) as store:
            counts_alone = []
            for batch in batches:
                results = [store.apply_batch([release(spec)]) for spec in batch]
                counts_alone.append(tuple(sum(column) for column in zip(*results, strict=True)))
    assert counts == counts_alone
    assert dump(together) == dump(alone)
