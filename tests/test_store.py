"""The SQLite store on real files: sync semantics, search, listing, faults and recovery."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.models import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    Contact,
    FetchState,
    Release,
    SectionPage,
)
from newsroom_tui.query import Query, QueryError, parse_query
from newsroom_tui.storage.migrations import CURRENT_VERSION
from newsroom_tui.storage.store import (
    TEXT_COUNT_CAP,
    DatabaseBusy,
    DatabaseTooNew,
    Store,
    StoreError,
    StoreReadOnly,
)
from newsroom_tui.storage.values import fold

BASE = datetime(2024, 3, 15, 9, 30, tzinfo=UTC)


def make(n: int, **changes: object) -> Release:
    values: dict[str, object] = {
        "id": f"rel-{n}",
        "url": f"https://example.org/fr/news/{n}",
        "title": f"Communiqué {n}",
        "published": BASE - timedelta(days=n),
        "language": "fr",
        "section": "communiques",
        "tags": ["Europe"],
        "summary": f"Résumé {n}",
        "markdown": f"Texte {n}",
        "text": f"Texte {n}",
    }
    values.update(changes)
    return Release(**values)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data" / "db.sqlite3") as s:
        yield s


def search_ids(store: Store, text: str, **kw: object) -> list[str]:
    return [h.id for h in store.search(parse_query(text), limit=100, **kw).hits]  # type: ignore[arg-type]


# --- sync semantics --------------------------------------------------------------------------


def test_open_creates_parent_dirs_wal_and_version(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "db.sqlite3"
    with Store.open(path) as s:
        assert s.path == path and s.recovered_from is None
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    con.close()


def test_new_unchanged_updated(store: Store) -> None:
    assert store.apply_batch([make(1), make(2)]) == (2, 0, 0)
    moved = make(1, url="https://example.org/moved")
    assert store.apply_batch([moved, make(2)]) == (0, 0, 2)
    got = store.get_release("rel-1")
    assert got is not None and got.url == "https://example.org/moved" and not got.updated
    assert store.apply_batch([make(1, markdown="Texte corrigé", text="Texte corrigé")]) == (0, 1, 0)
    got = store.get_release("rel-1")
    assert got is not None and got.updated and got.markdown == "Texte corrigé"
    assert store.search(parse_query("corrige")).total == 1
    assert store.search(parse_query('"texte 1"')).total == 0  # old text left the index


def test_new_date_moves_the_release_and_keeps_the_index_sound(store: Store) -> None:
    store.apply_batch([make(1), make(2), make(3, contacts=[Contact("Ana", emails=["a@x.org"])])])
    store.set_starred("rel-3", True)
    later = make(3, published=BASE + timedelta(days=5), text="Texte révisé", tags=["Asie"])
    assert store.apply_batch([later]).updated == 1
    assert [r.id for r in store.rows(Query(), 0, 10)] == ["rel-3", "rel-1", "rel-2"]
    assert search_ids(store, "revise tag:asie is:starred") == ["rel-3"]
    assert search_ids(store, "tag:europe") == ["rel-1", "rel-2"]
    got = store.get_release("rel-3")
    assert got is not None and got.starred and got.contacts == []
    con = sqlite3.connect(store.path)
    con.execute("INSERT INTO release_fts(release_fts) VALUES ('integrity-check')")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


def test_completion_of_summary_only_is_not_flagged(store: Store) -> None:
    store.apply_batch([make(1, summary_only=True, markdown="Résumé", text="Résumé")])
    result = store.apply_batch([make(1)])
    assert result.updated == 1
    got = store.get_release("rel-1")
    assert got is not None and not got.updated and not got.summary_only


def test_summary_only_never_replaces_full_text(store: Store) -> None:
    store.apply_batch([make(1)])
    result = store.apply_batch([make(1, summary_only=True, markdown="court", text="court")])
    assert result.unchanged == 1
    got = store.get_release("rel-1")
    assert got is not None and got.markdown == "Texte 1" and not got.summary_only


def test_content_hashes_and_fetch_state(store: Store) -> None:
    state = FetchState("https://example.org/feed", etag='W/"x"', last_modified="Mon, 01 Jan 2024")
    store.apply_batch([make(1)], fetch_states=[state])
    hashes = store.content_hashes(["rel-1", "nope"])
    assert list(hashes) == ["rel-1"] and len(hashes["rel-1"]) == 64
    got = store.get_fetch_state("https://example.org/feed")
    assert got is not None and got.etag == 'W/"x"' and got.last_modified == "Mon, 01 Jan 2024"
    assert store.get_fetch_state("https://example.org/other") is None


def test_read_and_starred_survive_resync(store: Store) -> None:
    store.apply_batch([make(1), make(2)])
    store.set_read(["rel-1"], True)
    store.set_starred("rel-2", True)
    store.apply_batch([make(1, title="Nouveau titre"), make(2)])
    one, two = store.get_release("rel-1"), store.get_release("rel-2")
    assert one is not None and one.read and one.updated
    assert two is not None and two.starred and not two.read
    assert store.unread_count() == 1
    store.set_read(["rel-1"], False)
    assert store.unread_count() == 2
    store.set_read(["rel-2", "unknown"], True)  # an unknown id is ignored
    assert store.unread_count() == 1 and store.get_release("unknown") is None


def test_batch_is_all_or_nothing(store: Store) -> None:
    store.apply_batch([make(1)])
    broken = make(3)
    broken.tags = [object()]  # type: ignore[list-item]  # json.dumps fails mid-batch
    with pytest.raises(TypeError):
        store.apply_batch(
            [make(1, title="changé"), make(2), broken],
            sections=[SectionPage("qui", "https://example.org/qui", "Qui", "# Qui")],
        )
    assert store.get_release("rel-2") is None
    got = store.get_release("rel-1")
    assert got is not None and got.title == "Communiqué 1"
    assert store.get_section("qui") is None
    assert store.count(Query()) == 1
    assert store.search(parse_query("change")).total == 0


def test_sections_and_meta(store: Store) -> None:
    page = SectionPage(
        "qui", "https://example.org/qui", "Qui sommes-nous", "# Qui", "Qui", [Contact("A B")]
    )
    store.apply_batch([], sections=[page])
    got = store.get_section("qui")
    assert got is not None and got.title == "Qui sommes-nous" and got.contacts[0].name == "A B"
    assert store.get_meta("last_sync") is None
    store.set_meta("last_sync", "2024-01-01")
    assert store.get_meta("last_sync") == "2024-01-01"


def test_release_round_trip_and_export_order(store: Store) -> None:
    contact = Contact("Jeanne Dupont", "OIM Genève", ["+41 22 717 91 11"], ["jdupont@iom.int"])
    store.apply_batch([make(2), make(1, contacts=[contact], tags=["Europe", "Santé"])])
    got = store.get_release("rel-1")
    assert got is not None
    assert got.published == BASE - timedelta(days=1)
    assert got.tags == ["Europe", "Santé"] and got.contacts == [contact]
    assert [r.id for r in store.iter_releases()] == ["rel-1", "rel-2"]


# --- search ----------------------------------------------------------------------------------


@pytest.fixture
def corpus(store: Store) -> Store:
    store.apply_batch(
        [
            make(1, title="La sécurité des migrants", text="Rapport sur la sécurité à Genève."),
            make(
                2,
                title="Santé publique",
                text="Réunion à geneve sur la santé générale.",
                section="actualites",
                tags=["Afrique de l'Ouest"],
                language="en",
            ),
            make(
                3,
                title="Aide humanitaire",
                text="L'aide humanitaire arrive au Sahel.",
                published=datetime(2022, 6, 1, tzinfo=UTC),
            ),
            make(
                4,
                title="Sans date",
                text="Une aide alimentaire.",
                published=None,
                contacts=[
                    Contact("Paul Martin", "OIM", ["+221 77 123 45 67"], ["pmartin@iom.int"])
                ],
            ),
        ]
    )
    return store


def test_accent_insensitive_both_ways(corpus: Store) -> None:
    assert search_ids(corpus, "securite") == ["rel-1"]
    assert search_ids(corpus, "SÉCURITÉ") == ["rel-1"]
    assert search_ids(corpus, "Genève") == ["rel-1", "rel-2"]
    assert search_ids(corpus, "geneve") == ["rel-1", "rel-2"]


def test_prefixes_fold_accents(corpus: Store) -> None:
    assert search_ids(corpus, "secu*") == ["rel-1"]
    assert search_ids(corpus, "géné*") == ["rel-1", "rel-2"]  # générale, Genève
    assert search_ids(corpus, "s*") == ["rel-1", "rel-2", "rel-3", "rel-4"]  # undated last


def test_phrases_exclusion_or(corpus: Store) -> None:
    assert search_ids(corpus, '"aide humanitaire"') == ["rel-3"]
    assert search_ids(corpus, '"humanitaire aide"') == []
    assert search_ids(corpus, "aide -sahel") == ["rel-4"]
    assert search_ids(corpus, "sahel OR alimentaire") == ["rel-3", "rel-4"]
    assert search_ids(corpus, "-sahel") == ["rel-1", "rel-2", "rel-4"]


def test_contacts_are_searchable(corpus: Store) -> None:
    assert search_ids(corpus, "pmartin") == ["rel-4"]
    assert search_ids(corpus, "pmartin@iom.int") == ["rel-4"]
    assert search_ids(corpus, "221771234567") == ["rel-4"]
    assert search_ids(corpus, "paul martin") == ["rel-4"]


def test_filters(corpus: Store) -> None:
    corpus.set_read(["rel-1"], True)
    corpus.set_starred("rel-3", True)
    assert search_ids(corpus, "section:actualites") == ["rel-2"]
    assert search_ids(corpus, 'tag:"afrique de l\'ouest"') == ["rel-2"]
    assert search_ids(corpus, "lang:en") == ["rel-2"]
    assert search_ids(corpus, "tag:EUROPE is:unread") == ["rel-3", "rel-4"]
    assert corpus.count(parse_query("tag:europe is:unread")) == 2
    assert search_ids(corpus, "tag:europe year:2024") == ["rel-1"]
    assert corpus.index_of(parse_query("tag:europe"), "rel-4") == 2
    assert search_ids(corpus, "year:2022") == ["rel-3"]
    assert search_ids(corpus, "since:2024-03-14") == ["rel-1"]
    assert search_ids(corpus, "until:2024-03-13") == ["rel-2", "rel-3"]
    assert search_ids(corpus, "is:unread") == ["rel-2", "rel-3", "rel-4"]
    assert search_ids(corpus, "is:starred aide") == ["rel-3"]
    assert search_ids(corpus, "geneve is:unread") == ["rel-2"]
    unread = parse_query("").with_filters(unread=True, year=2024)
    assert corpus.count(unread) == 1
    assert corpus.count(parse_query("geneve")) == 2


def test_snippets_carry_markers(corpus: Store) -> None:
    for order in ("newest", "relevance"):
        hits = corpus.search(parse_query("securite"), order=order).hits
        assert (
            hits
            and f"{SNIPPET_OPEN}sécurité{SNIPPET_CLOSE}".casefold() in hits[0].snippet.casefold()
        )


def test_snippet_of_one_release(store: Store) -> None:
    store.apply_batch(
        [
            make(1, title="Migration", text="Un long texte. La migration est un droit."),
            make(2, title="Autre", text="Rien à voir."),
        ]
    )
    query = parse_query("migration")
    assert f"{SNIPPET_OPEN}migration{SNIPPET_CLOSE} est un droit" in store.snippet(query, "rel-1")
    assert store.snippet(query, "rel-2") == ""
    assert store.snippet(query, "no-such-release") == ""
    assert store.snippet(parse_query("is:unread"), "rel-1") == ""


def test_relevance_orders_by_score(store: Store) -> None:
    store.apply_batch(
        [
            make(1, title="Autre", text="migration " + "mot " * 200),
            make(2, title="Migration migration", text="migration migration migration"),
        ]
    )
    assert search_ids(store, "migration") == ["rel-1", "rel-2"]
    assert search_ids(store, "migration", order="relevance") == ["rel-2", "rel-1"]


@pytest.mark.parametrize(
    "text", ['"', "*", "NEAR(a b)", "a AND", "col:x", "^", "'", "-", '"" *', "a:b:c", "\x00"]
)
def test_odd_input_never_raises_sqlite_errors(corpus: Store, text: str) -> None:
    try:
        query = parse_query(text)
    except QueryError as exc:
        assert "sqlite" not in str(exc).lower()
        return
    corpus.search(query)
    corpus.count(query)
    corpus.rows(query, 0, 10)


def test_rows_window_and_index_of(store: Store) -> None:
    store.apply_batch([make(n) for n in range(30)])
    everything = Query()
    assert store.count(everything) == 30
    window = store.rows(everything, 10, 5)
    assert [r.id for r in window] == [f"rel-{n}" for n in range(10, 15)]
    assert store.index_of(everything, "rel-12") == 12
    texte = parse_query("texte")
    assert store.index_of(texte, "rel-7") == 7
    assert store.index_of(parse_query("section:autre"), "rel-7") is None
    assert store.index_of(everything, "missing") is None


def test_text_count_is_capped(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsroom_tui.storage.listing as listing_module

    assert TEXT_COUNT_CAP >= 1000
    monkeypatch.setattr(listing_module, "TEXT_COUNT_CAP", 10)
    store.apply_batch([make(n) for n in range(25)])
    assert store.count_capped(parse_query("texte")) == (10, True)
    assert store.count_capped(parse_query("texte section:communiques")) == (10, True)
    assert store.count_capped(parse_query('"texte 3"')) == (1, False)
    assert store.count_capped(Query()) == (25, False)  # filters alone are exact
    assert len(store.rows(parse_query("texte"), 0, 100)) == 25  # the list is not capped


def test_snippet_prefers_the_body(store: Store) -> None:
    store.apply_batch(
        [make(1, title="Migration", text="Un long texte. La migration est un droit.")]
    )
    snippet = store.search(parse_query("migration")).hits[0].snippet
    assert f"{SNIPPET_OPEN}migration{SNIPPET_CLOSE} est un droit" in snippet


def test_snippet_falls_back_to_the_column_that_matched(store: Store) -> None:
    store.apply_batch(
        [
            make(
                1,
                title="Rapport annuel",
                text="Rien sur le sujet.",
                contacts=[Contact(name="Awa Zerbo", emails=["azerbo@example.org"])],
            ),
            make(2, title="Migration", text="La migration est un droit."),
            make(3, title="Migration et climat", text="Un autre texte."),
        ]
    )
    hits = {h.id: h.snippet for h in store.search(parse_query("zerbo OR migration")).hits}
    assert f"{SNIPPET_OPEN}Zerbo{SNIPPET_CLOSE}" in hits["rel-1"]  # only the contacts matched
    assert f"{SNIPPET_OPEN}migration{SNIPPET_CLOSE} est" in hits["rel-2"]  # the body wins
    assert hits["rel-3"] == f"{SNIPPET_OPEN}Migration{SNIPPET_CLOSE} et climat"  # only the title
    assert store.snippet(parse_query("zerbo"), "rel-1") == hits["rel-1"]
    ranked = {
        h.id: h.snippet
        for h in store.search(parse_query("zerbo OR migration"), order="relevance").hits
    }
    assert ranked == hits


def test_facets(corpus: Store) -> None:
    assert corpus.facets().unread == 4
    corpus.set_read(["rel-2"], True)
    facets = corpus.facets()
    assert facets.years == [(2024, 2), (2022, 1)]
    assert ("Europe", 3) in facets.tags and ("Afrique de l'Ouest", 1) in facets.tags
    assert facets.sections == [("communiques", 3), ("actualites", 1)]
    assert (facets.unread, facets.total) == (3, 4)
    with Store.open(corpus.path) as other:  # a commit by another connection is seen too
        other.apply_batch([make(9, published=datetime(2020, 1, 1, tzinfo=UTC))])
    assert corpus.facets().years[-1] == (2020, 1) and corpus.facets().total == 5


# --- contacts directory ----------------------------------------------------------------------


def test_contacts_directory_dedupes_and_flags_changes(store: Store) -> None:
    old = Contact("Jérôme Petit", "OIM Dakar", ["+221 33 869 62 00"], ["jpetit@iom.int"])
    new = Contact("Jerome PETIT", "OIM Dakar", ["+221 77 000 00 00"], ["jpetit@iom.int"])
    moved = Contact("Ana Ruiz", "OIM Madrid", [], ["aruiz@iom.int"])
    moved_later = Contact("ana ruiz", "OIM Madrid", [], ["ana.ruiz@iom.int"])
    store.apply_batch(
        [
            make(3, contacts=[old, moved]),
            make(2, contacts=[new]),
            make(1, contacts=[moved_later]),
        ]
    )
    entries = {c.name.casefold(): c for c in store.contacts_directory()}
    assert len(store.contacts_directory()) == 2
    petit = entries["jerome petit"]
    assert petit.releases == 2 and petit.phones == ["+221 77 000 00 00"]
    assert petit.changed and petit.previous == ["+221 33 869 62 00"]
    ruiz = entries["ana ruiz"]
    assert ruiz.emails == ["ana.ruiz@iom.int"] and ruiz.previous == ["aruiz@iom.int"]
    assert [c.name for c in store.contacts_directory("jerome")] == ["Jerome PETIT"]
    assert [c.name for c in store.contacts_directory("77 000")] == ["Jerome PETIT"]
    assert [r.id for r in store.releases_for_contact(petit.key)] == ["rel-2", "rel-3"]
    assert store.releases_for_contact("email:nobody@x") == []


# --- faults ----------------------------------------------------------------------------------


def _filled(path: Path) -> None:
    with Store.open(path) as s:
        s.apply_batch([make(n, text="mot " * 400) for n in range(40)])
        s.set_read(["rel-1"], True)


def _zero_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = bytes(4096 * 4)
    path.write_bytes(bytes(data))


def _text_pages(path: Path) -> list[int]:
    """The pages holding the releases' stored text (release_content), in file order."""
    with sqlite3.connect(path) as con:
        rows = con.execute(
            "SELECT pageno FROM dbstat WHERE name = 'release_content' ORDER BY pageno"
        ).fetchall()
    con.close()
    return [int(r[0]) for r in rows]


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _garbage_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = os.urandom(100)
    path.write_bytes(bytes(data))


def _html(path: Path) -> None:
    path.write_text("<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>\n")


@pytest.mark.parametrize("damage", [_garbage_header, _zero_pages, _truncate, _html])
def test_corrupt_database_is_moved_aside(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "db.sqlite3"
    _filled(path)
    damage(path)  # type: ignore[operator]
    with Store.open(path) as s:
        assert s.recovered_from is not None
        assert s.recovered_from.name.startswith("db.sqlite3.corrupt-")
        assert s.recovered_from.exists()
        assert s.recovered_from.read_bytes()[:16] != b"SQLite format 3\x00" or damage in (
            _zero_pages,
            _truncate,
        )
        assert s.count(Query()) == 0
        assert s.apply_batch([make(1)]).new == 1
    with Store.open(path) as again:
        assert again.recovered_from is None and again.count(Query()) == 1


def test_newer_database_is_read_but_never_written(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    _filled(path)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    con.close()
    with Store.open(path) as s:
        assert s.get_release("rel-1") is not None
        with pytest.raises(DatabaseTooNew, match="newer newsroom-tui"):
            s.apply_batch([make(99)])
        with pytest.raises(DatabaseTooNew):
            s.set_read(["rel-2"], True)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION + 1
    assert con.execute("SELECT count(*) FROM releases").fetchone()[0] == 40
    con.close()


def _lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO meta(key, value) VALUES ('other', 'x')")
    return other


def test_second_writer_waits_for_the_busy_timeout_then_works(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with Store.open(path):
        pass
    other = _lock(path)
    results: list[object] = []
    with Store.open(path) as s:
        thread = threading.Thread(target=lambda: results.append(s.apply_batch([make(1)])))
        thread.start()
        thread.join(timeout=0.5)
        assert thread.is_alive()  # blocked on the lock, not failed
        other.execute("COMMIT")
        thread.join(timeout=10)
        assert results == [(1, 0, 0)]
        assert s.get_meta("other") == "x"
    other.close()


def test_busy_past_the_timeout_says_busy(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with Store.open(path):
        pass
    other = _lock(path)
    with Store.open(path, busy_timeout=0.1) as s:
        with pytest.raises(DatabaseBusy, match="busy") as info:
            s.apply_batch([make(1)])
        assert str(path) in str(info.value)
        assert s.count(Query()) == 0  # reading goes on in WAL mode
    other.execute("ROLLBACK")
    other.close()


def _protect(folder: Path, path: Path) -> bool:
    """Make the database and its folder unwritable, even for root (immutable flag)."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        folder.chmod(0o555)
        return True
    done = subprocess.run(
        ["chattr", "+i", str(path), str(folder)], capture_output=True, check=False
    )
    return done.returncode == 0


def _unprotect(folder: Path, path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder), str(path)], capture_output=True, check=False)
    folder.chmod(0o755)
    path.chmod(0o644)


def test_read_only_file_reads_and_refuses_writes(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    path = folder / "db.sqlite3"
    _filled(path)
    if not _protect(folder, path):
        pytest.skip("running as root without chattr: cannot make a file read-only")
    try:
        with Store.open(path) as s:
            assert s.read_only
            assert s.count(Query()) == 40
            got = s.get_release("rel-1")
            assert got is not None and got.read
            with pytest.raises(StoreReadOnly) as info:
                s.set_read(["rel-2"], True)
            with pytest.raises(StoreReadOnly):
                s.apply_batch([make(99)])
    finally:
        _unprotect(folder, path)
    message = str(info.value)
    assert str(path) in message and "read-only" in message and "\n" not in message


def test_unwritable_directory_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        Store.open(blocker / "sub" / "db.sqlite3")
    assert str(blocker) in str(info.value)


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.sampled_from([*"ab é\"*-:()^+_.,'\\\u0301²ـ", "OR", "NEAR", "AND", "tag:", "is:", "x*"]),
        max_size=25,
    ).map("".join)
)
def test_any_typed_text_gives_results_or_a_query_error(corpus: Store, text: str) -> None:
    try:
        query = parse_query(text)
    except QueryError as exc:
        assert "\n" not in str(exc) and "sqlite" not in str(exc).lower()
        return
    results = corpus.search(query, limit=5)
    assert results.total == corpus.count(query) >= len(results.hits)
    assert len(corpus.rows(query, 0, 5)) == min(5, results.total)


def test_large_files_get_a_light_check_and_damage_seen_later_is_recovered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsroom_tui.storage.dbfile as dbfile_module

    monkeypatch.setattr(dbfile_module, "FULL_CHECK_LIMIT", 0)  # every file counts as large
    truncated = tmp_path / "truncated.sqlite3"
    _filled(truncated)
    _truncate(truncated)
    with Store.open(truncated) as s:
        assert s.recovered_from is not None  # the light check compares size and page count

    damaged = tmp_path / "damaged.sqlite3"
    _filled(damaged)
    data = bytearray(damaged.read_bytes())
    for page in _text_pages(damaged)[-3:]:  # text pages near the end, not read by the light check
        data[(page - 1) * 4096 : page * 4096] = bytes(4096)
    damaged.write_bytes(bytes(data))
    with Store.open(damaged) as s, pytest.raises(StoreError, match="damaged"):
        for release in s.iter_releases():
            assert release.text
    assert Path(str(damaged) + ".check").exists()
    with Store.open(damaged) as s:
        assert s.recovered_from is not None and s.count(Query()) == 0
    assert not Path(str(damaged) + ".check").exists()


def _age(path: Path, seconds: float) -> int:
    """Set the file's modification time `seconds` back (as if that long had passed)."""
    then = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(then, then))
    return then


def test_an_unchanged_file_skips_the_full_check_and_a_changed_one_gets_it_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.sqlite3"
    _filled(path)
    _age(path, 60)
    with Store.open(path) as s:  # found whole by the full check: its state is remembered
        assert s.count(Query()) > 0
    stamp = Path(str(path) + ".checked")
    assert stamp.exists()
    # Damage that keeps the file's size, time and inode (bit rot) is not looked for at open:
    # the pages are read only when a release's text is.
    mtime = path.stat().st_mtime_ns
    data = bytearray(path.read_bytes())
    for page in _text_pages(path)[-3:]:
        data[(page - 1) * 4096 : page * 4096] = bytes(4096)
    path.write_bytes(bytes(data))
    os.utime(path, ns=(mtime, mtime))
    with Store.open(path) as s:
        assert s.recovered_from is None
        with pytest.raises(StoreError, match="damaged"):
            for release in s.iter_releases():
                assert release.text
    with Store.open(path) as s:  # damage seen: the full check runs and sets the file aside
        assert s.recovered_from is not None and s.count(Query()) == 0
    # The same damage with the file's time changed, as any writer changes it: found at open.
    again = tmp_path / "again.sqlite3"
    _filled(again)
    _age(again, 60)
    with Store.open(again):
        pass
    assert Path(str(again) + ".checked").exists()
    data = bytearray(again.read_bytes())
    for page in _text_pages(again)[-3:]:
        data[(page - 1) * 4096 : page * 4096] = bytes(4096)
    again.write_bytes(bytes(data))
    _age(again, 30)
    with Store.open(again) as s:
        assert s.recovered_from is not None


def test_a_write_right_after_the_state_was_remembered_is_seen(tmp_path: Path) -> None:
    # File times come from a coarse clock: the state is remembered only once the file's time
    # is old enough that any later write changes it, however soon it comes.
    path = tmp_path / "db.sqlite3"
    _filled(path)  # closed after writing: remembered
    assert Path(str(path) + ".checked").exists()
    _zero_pages(path)
    with Store.open(path) as s:
        assert s.recovered_from is not None


def test_a_directory_in_place_of_the_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.mkdir()
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=60))
def test_fold_drops_case_combining_marks_and_extra_spaces(text: str) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    expected = " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
    assert fold(text) == expected


def test_fold_examples() -> None:
    assert fold("  Données   et  RECHERCHE ") == "donnees et recherche"
    assert fold("Sécurité ﬁnancière") == "securite financiere"
