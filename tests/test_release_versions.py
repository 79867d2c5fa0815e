"""Earlier versions of edited releases in the store: kept as compact reverse deltas, bounded per
release, rebuilt exactly; the unseen-edit marker; language links kept across syncs; migrations."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.models import Contact, LanguageLink, Release, release_id_for
from newsroom_tui.query import Query, parse_query
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.migrations import migrate, read_only_views
from newsroom_tui.storage.store import MAX_VERSIONS, Store
from newsroom_tui.versions.delta import DeltaError, Document, apply, encode

WHEN = datetime(2025, 2, 12, 9, tzinfo=UTC)
PARAGRAPHS = [
    f"Paragraphe {n} : Port-Lune – des familles déplacées retrouvent un abri, "
    f"{n * 1000} kits distribués dans les quartiers de Basse-Ville et des Salines."
    for n in range(1, 40)
]


def release(markdown: str = "\n\n".join(PARAGRAPHS), **changes: object) -> Release:
    values: dict[str, object] = {
        "id": "r1",
        "url": "https://www.iom.int/fr/news/r1",
        "title": "Port-Lune : 30 000 personnes relogées",
        "published": WHEN,
        "language": "fr",
        "markdown": markdown,
        "text": markdown,
        "contacts": [Contact("Mireille Andrian", "OIM Port-Lune", ["+999 40"], ["m@example.org"])],
        "language_links": [
            LanguageLink("en", "https://www.iom.int/news/r1-en"),
            LanguageLink("fr", "https://www.iom.int/fr/news/r1"),
        ],
    }
    values.update(changes)
    return Release(**values)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "db.sqlite3")


lines = st.lists(st.text(st.characters(codec="utf-8"), max_size=30), max_size=40)


@settings(max_examples=examples(200), deadline=None)
@given(newer=lines, older=lines)
def test_a_delta_gives_back_the_older_lines(newer: list[str], older: list[str]) -> None:
    assert apply(newer, encode(newer, older)) == older


@settings(max_examples=examples(200), deadline=None)
@given(data=st.binary(max_size=200), newer=lines)
def test_a_damaged_delta_only_raises_delta_error(data: bytes, newer: list[str]) -> None:
    for delta in (data, b"\x01" + data):
        try:
            apply(newer, delta)
        except DeltaError as exc:
            assert "\n" not in str(exc)


def test_a_delta_made_against_other_lines_is_refused() -> None:
    delta = encode(["a", "b", "c"], ["a", "x", "c"])
    with pytest.raises(DeltaError):
        apply(["a"], delta)
    import zlib

    with pytest.raises(DeltaError):
        apply(["a"], b"\x01" + zlib.compress(b'[1, {"x": 1}]'))
    with pytest.raises(DeltaError):
        apply(["a"], b"\x02" + delta[1:])


def test_a_small_edit_is_stored_small(store: Store) -> None:
    store.apply_batch([release()])
    edited = "\n\n".join(p.replace("17000 kits", "17500 kits") for p in PARAGRAPHS)
    assert edited != release().markdown
    assert store.apply_batch([release(edited)]).updated == 1
    (delta,) = [row[0] for row in store._con.execute("SELECT delta FROM release_versions")]
    text_size = len(release().markdown.encode("utf-8"))
    assert len(delta) < text_size / 10, (len(delta), text_size)
    (previous,) = store.earlier_versions("r1")
    assert previous.markdown == release().markdown
    assert previous.title == release().title
    assert previous.contacts == release().contacts


def test_versions_are_bounded_and_each_is_rebuilt_exactly(store: Store) -> None:
    texts = [f"Version {n}\n\n" + "\n\n".join(PARAGRAPHS[n:]) for n in range(MAX_VERSIONS + 4)]
    for n, text in enumerate(texts):
        contacts = [Contact(f"Porte-parole {n}", emails=[f"p{n}@example.org"])]
        store.apply_batch([release(text, title=f"Titre {n}", contacts=contacts)])
    current = store.get_release("r1")
    assert current is not None and current.markdown == texts[-1]
    assert current.versions == MAX_VERSIONS
    earlier = store.earlier_versions("r1")
    assert [v.markdown for v in earlier] == texts[-2 : -2 - MAX_VERSIONS : -1]
    assert [v.title for v in earlier] == [f"Titre {n}" for n in range(len(texts) - 2, 2, -1)]
    assert earlier[0].contacts[0].name == f"Porte-parole {len(texts) - 2}"
    numbers = [v.number for v in earlier]
    assert numbers == sorted(numbers, reverse=True) and len(set(numbers)) == MAX_VERSIONS
    assert [v.markdown for v in store.earlier_versions("r1", limit=2)] == texts[-2:-4:-1]


def test_a_new_publication_date_keeps_the_versions(store: Store) -> None:
    store.apply_batch([release()])
    store.apply_batch([release("Texte corrigé", published=datetime(2025, 3, 1, tzinfo=UTC))])
    (previous,) = store.earlier_versions("r1")
    assert previous.markdown == release().markdown


def test_completion_and_unchanged_keep_no_version(store: Store) -> None:
    store.apply_batch([release("Résumé du flux", summary_only=True, language_links=[])])
    store.apply_batch([release()])  # the page arrives: completion, not an edit
    store.apply_batch([release()])  # unchanged
    current = store.get_release("r1")
    assert current is not None
    assert current.versions == 0 and not current.updated and not current.edit_unseen
    assert store.earlier_versions("r1") == []
    assert store.earlier_versions("unknown") == []


def test_the_edit_marker_stays_until_read_or_shown(store: Store) -> None:
    store.apply_batch([release()])
    store.set_read(["r1"], True)
    store.apply_batch([release("Texte modifié")])
    (row,) = store.rows(Query(), 0, 10)
    assert row.updated and row.read  # a read release edited again shows the marker
    store.set_read(["r1"], True)
    (row,) = store.rows(Query(), 0, 10)
    assert not row.updated
    store.apply_batch([release("Texte modifié deux fois")])
    assert store.get_release("r1").edit_unseen  # type: ignore[union-attr]
    store.set_read(["r1"], False)  # marking unread is not seeing the change
    assert store.get_release("r1").edit_unseen  # type: ignore[union-attr]
    store.mark_edit_seen("r1")
    release_now = store.get_release("r1")
    assert release_now is not None and not release_now.edit_unseen and release_now.updated
    assert release_now.versions == 2


def test_language_links_follow_the_page_not_the_feed(store: Store) -> None:
    store.apply_batch([release()])
    assert [link.language for link in store.get_release("r1").language_links] == ["en", "fr"]  # type: ignore[union-attr]
    # A summary-only copy (the page failed this time) knows no links: the stored ones stay.
    store.apply_batch([release("Résumé", summary_only=True, language_links=[])])
    assert len(store.get_release("r1").language_links) == 2  # type: ignore[union-attr]
    # The page now links a Spanish version too, text unchanged: the links are updated.
    links = [*release().language_links, LanguageLink("es", "https://www.iom.int/es/news/r1")]
    assert store.apply_batch([release(language_links=links)]).unchanged == 1
    found = store.get_release("r1")
    assert found is not None and [link.language for link in found.language_links] == [
        "en",
        "es",
        "fr",
    ]
    assert store.release_by_url("https://www.iom.int/fr/news/r1") is not None
    assert store.release_by_url("https://www.iom.int/fr/news/other") is None
    assert found.to_json()["language_versions"] == [
        {"language": link.language, "url": link.url} for link in found.language_links
    ]


def _v2_with_an_edited_release(path: Path) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    migrate(con, 0, 2)
    for n, updated in ((1, 1), (2, 0), (3, 1)):
        rk = (1_700_000_000 + n + (1 << 32)) << 20
        con.execute(
            "INSERT INTO releases(rk, id, url, title, published, content_hash, first_seen,"
            " last_seen, updated) VALUES (?, ?, ?, ?, ?, 'h', 0, 0, ?)",
            (rk, f"r{n}", f"https://x.org/{n}", f"Titre {n}", 1_700_000_000 + n, updated),
        )
        con.execute("INSERT INTO release_content(rk, markdown) VALUES (?, 'texte')", (rk,))
    con.execute("INSERT INTO release_state(id, read, starred) VALUES ('r3', 1, 1), ('r2', 0, 1)")
    con.close()


def test_v3_keeps_state_and_marks_earlier_edits_unseen(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    _v2_with_an_edited_release(path)
    with Store.open(path) as store:
        # the ids are short since v4 (release_id_for of the old ones)
        old_names = {release_id_for(name): name for name in ("r1", "r2", "r3")}
        rows = {old_names[row.id]: row for row in store.rows(Query(), 0, 10)}
        assert {i: (r.read, r.starred, r.updated) for i, r in rows.items()} == {
            "r1": (False, False, True),
            "r2": (False, True, False),
            "r3": (True, True, True),
        }
        assert store.count(parse_query("is:starred")) == 2
        assert store.earlier_versions(release_id_for("r1")) == []
        store.set_read([release_id_for("r1")], True)
        assert not store.get_release("r1").edit_unseen  # type: ignore[union-attr]


def test_a_read_only_v2_file_is_read_through_views(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    _v2_with_an_edited_release(path)
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    read_only_views(con, 2)
    with Store(Database(path, con, read_only=True, version=2)) as store:
        found = store.get_release("r1")
        assert found is not None and found.edit_unseen and found.language_links == []
        assert found.versions == 0 and store.earlier_versions("r1") == []
        assert [row.updated for row in store.rows(Query(), 0, 10)] == [True, False, True]
        assert store.release_by_url("https://x.org/2") is not None


def test_a_damaged_version_is_one_line(store: Store) -> None:
    store.apply_batch([release()])
    store.apply_batch([release("Deuxième")])
    store.apply_batch([release("Troisième")])
    store._con.execute("UPDATE release_versions SET delta = x'01deadbeef' WHERE number = 1")
    (newest,) = store.earlier_versions("r1")  # the older one is damaged: the list stops
    assert newest.markdown == "Deuxième"
    store._con.execute("UPDATE release_versions SET delta = x'01deadbeef'")
    with pytest.raises(DeltaError):
        store.earlier_versions("r1")


def test_document_lines_are_one_title_and_one_contacts_line() -> None:
    document = Document("Un\ntitre", '[{"name": "A"}]', "ligne 1\nligne 2")
    assert document.lines() == ["Un titre", '[{"name": "A"}]', "ligne 1", "ligne 2"]
    assert Document.from_lines(document.lines()).markdown == "ligne 1\nligne 2"
