"""section:, tag: and lang: against a real store: values match whatever their case, accents and
punctuation, and by prefix; a value matching nothing is explained in one line naming the
closest stored values; AND, OR, NOT and parentheses select what they say."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsroom_tui.models import Release
from newsroom_tui.query import parse_query
from newsroom_tui.storage.filter_values import match_key
from newsroom_tui.storage.store import Store

BASE = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
SECTIONS = ["Communiqués de presse", "Déclarations", "Discours"]
TAGS = [
    ["Climat"],
    ["Changement climatique", "Sahel"],
    ["Afrique"],
    ["Afrique de l'Ouest", "Climat"],
    ["Afrique de l’Ouest"],  # the same tag with a typographic apostrophe
    ["Afrique du Nord"],
]
TEXTS = [
    "sécheresse au Sahel et climat",
    "inondations à Dakar",
    "retour volontaire depuis Tunis",
    "climat et migrations à Dakar",
    "santé des migrants",
    "sécheresse et santé à Tunis",
]


def release(n: int) -> Release:
    return Release(
        id=f"r{n}",
        url=f"https://example.org/{n}",
        title=f"Release {n}",
        published=BASE - timedelta(days=n),
        language=["fr", "en"][n % 2],
        section=SECTIONS[n % 3],
        tags=TAGS[n % len(TAGS)],
        markdown=TEXTS[n % len(TEXTS)],
        text=TEXTS[n % len(TEXTS)],
    )


N = 24


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("filters") / "db.sqlite3"
    with Store.open(path) as s:
        s.apply_batch([release(n) for n in range(N)])
        yield s


def ids(store: Store, text: str) -> list[str]:
    query = parse_query(text)
    assert store.count(query) == len(store.rows(query, 0, 100))
    return sorted(r.id for r in store.rows(query, 0, 100))


def expected(pick: object) -> list[str]:
    assert callable(pick)
    return sorted(f"r{n}" for n in range(N) if pick(release(n)))


def test_match_key_folds_case_accents_and_punctuation() -> None:
    assert match_key("Communiqués  de presse") == "communiques de presse"
    assert (
        match_key("Afrique de l’Ouest") == match_key("afrique-de-l'ouest") == "afrique de l ouest"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "section:communiqués",
        "section:communiques",
        "section:COMMUNIQUES",
        'section:"Communiqués de presse"',
        "section:communiques-de-presse",
        "section:comm",
    ],
)
def test_section_matches_case_accent_punctuation_and_prefix(store: Store, typed: str) -> None:
    assert ids(store, typed) == expected(lambda r: r.section == "Communiqués de presse")
    assert store.filter_misses(parse_query(typed)) == []


def test_a_prefix_matching_several_sections_takes_them_all(store: Store) -> None:
    assert ids(store, "section:d") == expected(lambda r: r.section in SECTIONS[1:])
    assert ids(store, "section:d lang:en") == expected(
        lambda r: r.section in SECTIONS[1:] and r.language == "en"
    )


def test_tag_prefix_finds_what_the_user_means(store: Store) -> None:
    assert ids(store, "tag:clim") == expected(lambda r: "Climat" in r.tags)
    assert ids(store, "tag:CLIMAT") == ids(store, "tag:clim")


def test_an_equal_tag_wins_over_longer_ones_unless_a_star_asks_for_all(store: Store) -> None:
    assert ids(store, "tag:afrique") == expected(lambda r: r.tags == ["Afrique"])
    everything = expected(lambda r: any(t.startswith("Afrique") for t in r.tags))
    assert ids(store, "tag:afri*") == everything
    assert ids(store, "tag:Afrique*") == everything
    assert ids(store, "tag:afri") == everything  # no tag is "afri": every one starting so


def test_tags_differing_only_by_punctuation_are_one(store: Store) -> None:
    both = expected(lambda r: any("Ouest" in t for t in r.tags))
    assert len({tuple(release(n).tags) for n in range(N) if f"r{n}" in both}) == 2
    assert ids(store, "tag:afrique-de-l-ouest") == both
    assert ids(store, 'tag:"Afrique de l Ouest"') == both
    # as the reader's tree asks for it (the value as stored): that spelling alone
    assert ids(store, 'tag:"Afrique de l\'Ouest"') == expected(
        lambda r: "Afrique de l'Ouest" in r.tags
    )


def test_several_matching_tags_count_a_release_once(store: Store) -> None:
    # r3, r9... carry two tags starting with "c" (Climat is one of them only for some)
    query = parse_query("tag:c*")
    matching = expected(lambda r: any(match_key(t).startswith("c") for t in r.tags))
    assert store.count(query) == len(matching)
    assert sorted(h.id for h in store.search(query, limit=100).hits) == matching
    assert store.search(query, limit=100).total == len(matching)


def test_filters_combine_with_text_and_the_tag_index(store: Store) -> None:
    assert ids(store, "dakar tag:clim") == expected(
        lambda r: "Climat" in r.tags and "Dakar" in r.text
    )
    assert ids(store, "tag:sah is:unread") == expected(lambda r: "Sahel" in r.tags)


def test_a_value_matching_nothing_names_the_closest_values(store: Store) -> None:
    query = parse_query("section:comuniques tag:climt lang:de")
    assert store.count(query) == 0
    lines = store.filter_misses(query)
    assert lines == [
        'section:comuniques matches no section; closest: section:"Communiqués de presse"',
        "tag:climt matches no tag; closest: tag:Climat",
        "lang:de matches no release; the languages are lang:en, lang:fr",
    ]


def test_a_value_with_nothing_close_names_some_values(store: Store) -> None:
    (line,) = store.filter_misses(parse_query("section:zzz"))
    assert line.startswith("section:zzz matches no section; the sections are ")
    assert line.count("section:") == 4 and "\n" not in line


def test_a_word_inside_a_value_is_offered(store: Store) -> None:
    (line,) = store.filter_misses(parse_query("tag:ouest"))
    assert line.startswith("tag:ouest matches no tag; closest: ")
    assert 'tag:"Afrique de l\'Ouest"' in line or 'tag:"Afrique de l’Ouest"' in line


def test_an_empty_store_says_there_is_nothing_yet(tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.sqlite3") as empty:
        assert empty.filter_misses(parse_query("tag:x section:y")) == [
            "section:y matches nothing: no release has a section yet",
            "tag:x matches nothing: no release has a tag yet",
        ]


def test_the_stored_values_are_read_again_after_a_commit(tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.sqlite3") as s:
        s.apply_batch([release(0)])
        assert s.count(parse_query("section:decl")) == 0
        s.apply_batch([release(1)])
        assert s.count(parse_query("section:decl")) == 1


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        ("climat AND dakar", lambda t: "climat" in t and "Dakar" in t),
        ("dakar OR tunis", lambda t: "Dakar" in t or "Tunis" in t),
        ("sécheresse NOT sahel", lambda t: "sécheresse" in t and "Sahel" not in t),
        ("NOT dakar", lambda t: "Dakar" not in t),
        ("-(dakar OR tunis)", lambda t: "Dakar" not in t and "Tunis" not in t),
        (
            "(sécheresse OR inondations) -tunis",
            lambda t: ("sécheresse" in t or "inondations" in t) and "Tunis" not in t,
        ),
        (
            "santé OR (climat NOT sahel)",
            lambda t: "santé" in t or ("climat" in t and "Sahel" not in t),
        ),
        ("(climat dakar) OR retour", lambda t: ("climat" in t and "Dakar" in t) or "retour" in t),
    ],
)
def test_boolean_operators_select_what_they_say(store: Store, text: str, pick: object) -> None:
    assert callable(pick)
    want = expected(lambda r: pick(r.text))
    assert want, "each case should match something"
    assert ids(store, text) == want
    assert sorted(h.id for h in store.search(parse_query(text), limit=100).hits) == want
