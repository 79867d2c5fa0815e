"""Profiles: the built-ins load, user profiles shadow them, and every error names file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.profiles import ProfileError, list_profiles, load_profile, slugify

VALID = """
id = "mine"
name = "My newsroom"
language = "fr"
base_url = "https://example.org/"

[sources]
feeds = ["rss.xml"]

[[menu]]
label = "Qui sommes-nous"
url = "qui"
  [[menu.children]]
  label = "Structure"
[[menu]]
label = "Communiqués"
newsroom = true
"""


def write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("profile_id", ["iom-fr", "iom-en", "iom-es"])
def test_builtin_iom_profiles_mirror_the_menu(profile_id: str) -> None:
    profile = load_profile(profile_id)
    assert profile.id == profile_id
    assert profile.sources.listing is not None
    assert "div.article-detail" in profile.sources.listing.item
    assert profile.extract.body[0] == "div.narrow-content div.field--type-text-with-summary"
    tops = [node for node in profile.menu if not node.newsroom]
    assert len(tops) == 6
    structure = tops[0].children[0]
    assert len(structure.children) == 7
    assert [node.newsroom for node in profile.menu].count(True) == 1


def test_default_profile_is_french_iom() -> None:
    profile = load_profile(None)
    assert profile.id == "iom-fr"
    labels = [node.label for node in profile.menu]
    assert labels[:6] == [
        "Qui sommes-nous",
        "Notre travail",
        "Où travaillons-nous",
        "Agir",
        "Données et recherche",
        "Agenda 2030",
    ]
    assert profile.menu[0].children[0].children[1].label == "Directrice générale"


def test_relative_urls_resolve_and_rebase(tmp_path: Path) -> None:
    profile = load_profile(str(write(tmp_path, VALID)))
    assert profile.resolve(profile.sources.feeds[0]) == "https://example.org/rss.xml"
    moved = profile.rebased("http://127.0.0.1:8123/")
    assert moved.resolve("rss.xml") == "http://127.0.0.1:8123/rss.xml"
    keys = [node.key for node in profile.menu_nodes()]
    assert keys == ["qui-sommes-nous", "qui-sommes-nous/structure", "communiques"]


def test_user_profile_shadows_builtin_and_is_listed(tmp_path: Path) -> None:
    folder = paths.user_profiles_dir()
    folder.mkdir(parents=True)
    (folder / "iom-fr.toml").write_text(VALID.replace('"mine"', '"iom-fr"'), encoding="utf-8")
    assert load_profile("iom-fr").name == "My newsroom"
    ids = {(info.id, info.builtin) for info in list_profiles()}
    assert ("iom-fr", False) in ids and ("iom-en", True) in ids


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        (VALID.replace('language = "fr"\n', ""), "language", "missing"),
        (VALID.replace('"rss.xml"', '"ftp://x/rss"'), "sources.feeds[0]", "only http and https"),
        (VALID.replace("[sources]", "[sources]\ncolour = 1"), "sources.colour", "unknown key"),
        (VALID.replace('id = "mine"', 'id = "Mine Space"'), "id", "lowercase"),
        (VALID.replace('id = "mine"', "id = 3"), "id", "expected a string"),
        (VALID + "\n[fetch]\nconcurrency = 0\n", "fetch.concurrency", "between 1 and 64"),
        (VALID + '\n[extract]\nbody = ["div[["]\n', "extract.body[0]", "invalid CSS selector"),
        (
            VALID.replace('label = "Structure"', "label = 5"),
            "menu[0].children[0].label",
            "expected a string",
        ),
    ],
)
def test_invalid_profiles_name_the_file_and_key(
    tmp_path: Path, text: str, key: str, fragment: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as caught:
        load_profile(str(path))
    assert caught.value.key == key
    assert fragment in caught.value.message
    assert str(caught.value).startswith(f"{path}: {key}: ")
    assert "\n" not in str(caught.value)


def test_broken_toml_and_unknown_id_are_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'id = "x\n')
    with pytest.raises(ProfileError, match="invalid TOML"):
        load_profile(str(path))
    with pytest.raises(ProfileError, match=r"unknown profile \(known: .*iom-fr"):
        load_profile("nope")
    with pytest.raises(ProfileError, match="no such profile file"):
        load_profile(str(tmp_path / "missing.toml"))


def test_slugify_folds_accents() -> None:
    assert slugify("Où travaillons-nous") == "ou-travaillons-nous"
    assert slugify("Données et recherche") == "donnees-et-recherche"
    assert slugify("!!!") == "section"
