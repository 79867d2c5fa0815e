"""MultiStore: several newsrooms' databases read as one list, newest first, by k-way merge.

Checked against the obvious answer: every release of every newsroom sorted by its sort key.
"""

from __future__ import annotations

import dataclasses
import random
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
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


# ---- every query class across newsrooms, against a computation from the releases themselves ---

VOCABULARY = ("sécurité", "migration", "climat", "santé", "retour", "minorité", "mission", "mer")
CLASS_TAGS = ("Europe", "Climat", "Santé", "Afrique", "Afrique de l'Ouest")
CLASS_SECTIONS = ("Communiqués de presse", "Articles")


@dataclass(frozen=True)
class Known:
    """What the test itself knows of one release (to compute each list without the store)."""

    ref: str
    published: datetime
    words: frozenset[str]
    tags: tuple[str, ...]
    section: str
    read: bool
    starred: bool


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_of(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", plain(text)))


QUERY_CLASSES: dict[str, Callable[[Known], bool]] = {
    "": lambda k: True,
    "mer": lambda k: "mer" in k.words,
    "migration": lambda k: "migration" in k.words,
    "santé climat": lambda k: {"sante", "climat"} <= k.words,
    "mi*": lambda k: any(w.startswith("mi") for w in k.words),
    "securite": lambda k: "securite" in k.words,
    "tag:Climat year:2024 is:unread": (
        lambda k: "Climat" in k.tags and k.published.year == 2024 and not k.read
    ),
    "securite tag:Europe is:unread": (
        lambda k: "securite" in k.words and "Europe" in k.tags and not k.read
    ),
    "mi* tag:Europe is:unread": (
        lambda k: any(w.startswith("mi") for w in k.words) and "Europe" in k.tags and not k.read
    ),
    "securite tag:Europe": lambda k: "securite" in k.words and "Europe" in k.tags,
    "securite is:unread": lambda k: "securite" in k.words and not k.read,
    "climat tag:afri* is:unread": (
        lambda k: (
            "climat" in k.words and any(t.startswith("Afrique") for t in k.tags) and not k.read
        )
    ),
    "securite section:Articles is:unread": (
        lambda k: "securite" in k.words and k.section == "Articles" and not k.read
    ),
    "migration is:starred": lambda k: "migration" in k.words and k.starred,
    "sante tag:Santé since:2024-03-01 until:2024-12-31 is:unread": (
        lambda k: (
            "sante" in k.words
            and "Santé" in k.tags
            and date(2024, 3, 1) <= k.published.date() <= date(2024, 12, 31)
            and not k.read
        )
    ),
    "tag:Europe is:unread": lambda k: "Europe" in k.tags and not k.read,
}


Several = tuple[MultiStore, dict[str, Known]]


@pytest.fixture(scope="module")
def several_shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Several]:
    """several(), built once for the tests that only read."""
    yield from build_several(tmp_path_factory.mktemp("several"))


@pytest.fixture
def several(tmp_path: Path) -> Iterator[Several]:
    yield from build_several(tmp_path)


def build_several(tmp_path: Path) -> Iterator[Several]:
    """Three newsrooms (a few hundred releases), each release's date unique across them."""
    rng = random.Random(11)
    sizes = dict(zip(NEWSROOMS, (150, 110, 80), strict=True))
    hours = rng.sample(range(3 * 365 * 24), sum(sizes.values()))
    known: dict[str, Known] = {}
    databases = {}
    for newsroom, size in sizes.items():
        path = paths.database_path(tmp_path, newsroom)
        path.parent.mkdir(parents=True)
        releases = []
        for n in range(size):
            when = datetime(2023, 1, 1, tzinfo=UTC) + timedelta(hours=hours.pop())
            title = " ".join(rng.choice(VOCABULARY) for _ in range(3)).capitalize()
            text = " ".join(rng.choice(VOCABULARY) for _ in range(6))
            if rng.random() < 0.05:
                text += " mer"
            tags = tuple(dict.fromkeys(rng.choice(CLASS_TAGS) for _ in range(rng.randint(1, 2))))
            rid = f"{newsroom.replace('-', '')}{n:05d}"
            releases.append(
                Release(
                    id=rid,
                    url=f"https://{newsroom}.example.org/news/{n}",
                    title=title,
                    published=when,
                    language="fr",
                    section=rng.choice(CLASS_SECTIONS),
                    tags=list(tags),
                    summary=title,
                    markdown=f"# {title}\n\n{text}",
                    text=text,
                )
            )
        with Store.open(path) as store:
            store.apply_batch(releases)
            read = [r.id for r in releases if rng.random() < 0.3]
            store.set_read(read, True)
            starred = [r.id for r in releases if rng.random() < 0.15]
            for rid in starred:
                store.set_starred(rid, True)
        databases[newsroom] = path
        for release in releases:
            ref = release.id if newsroom == "iom-fr" else f"{newsroom}:{release.id}"
            known[ref] = Known(
                ref=ref,
                published=release.published or datetime.min,
                words=words_of(f"{release.title} {release.text}"),
                tags=tuple(release.tags),
                section=release.section,
                read=release.id in read,
                starred=release.id in starred,
            )
    opened = MultiStore.open(databases, "iom-fr")
    yield opened, known
    opened.close()


def check_class(multi: MultiStore, known: dict[str, Known], text: str) -> int:
    """The count, every window (both orders), positions, the unread ids and the search's hits of
    one query equal those computed from the releases; returns how many match."""
    wanted = QUERY_CLASSES[text]
    want = [k.ref for k in sorted(known.values(), key=lambda k: k.published, reverse=True)]
    want = [ref for ref in want if wanted(known[ref])]
    query = parse_query(text)
    assert multi.count(query) == len(want), text
    for oldest_first, order in ((False, want), (True, want[::-1])):
        windows = multistore.MergedWindows(multi, query, oldest_first=oldest_first)
        assert windows.count() == len(want), text
        for offset in (0, 7, len(order) // 2, max(0, len(order) - 5)):
            got = [row.id for row in windows.rows(offset, 12)]
            assert got == order[offset : offset + 12], (text, offset, oldest_first)
        everything = [row.id for row in windows.rows(0, len(order) + 5)]
        assert everything == order, (text, oldest_first)
    for ref in want[::9]:
        assert multi.index_of(query, ref) == want.index(ref), (text, ref)
    outside = next((ref for ref in known if ref not in want), None)
    if outside is not None:
        assert multi.index_of(query, outside) is None, text
    assert sorted(multi.unread_ids(query)) == sorted(r for r in want if not known[r].read), text
    results = multi.search(query, limit=len(want) + 5)
    assert results.total == len(want), text
    assert [hit.id for hit in results.hits] == want, text
    return len(want)


@pytest.mark.parametrize("text", list(QUERY_CLASSES))
def test_each_query_class_is_what_the_releases_say(several_shared: Several, text: str) -> None:
    multi, known = several_shared
    matched = check_class(multi, known, text)
    assert 0 < matched < len(known) or text == ""


def test_word_tag_unread_follows_reading(several: Several) -> None:
    """Marking releases read (and unread again) in any newsroom changes what the count and the
    list of a text search with a tag and unread hold (the tag rows' copy of the flag)."""
    multi, known = several
    text = "securite tag:Europe is:unread"
    before = check_class(multi, known, text)
    matching = [row.id for row in multi.rows(parse_query(text), 0, before)]
    picked = matching[::3]
    assert {multi.newsroom_of(ref) for ref in picked} == set(NEWSROOMS)
    multi.set_read(picked, True)
    for ref in picked:
        known[ref] = dataclasses.replace(known[ref], read=True)
    assert check_class(multi, known, text) == before - len(picked)
    multi.set_read(picked[:2], False)
    for ref in picked[:2]:
        known[ref] = dataclasses.replace(known[ref], read=False)
    assert check_class(multi, known, text) == before - len(picked) + 2
