"""`speedups.json_text` against `json.dumps(..., ensure_ascii=False)`: the tags list and the
content hash's payload of a release without contacts, on generated strings (quotes, backslashes,
controls, surrogates, non-ASCII), and the library's answer when the shortcuts are off."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui import speedups
from newsroom_tui.models import Contact, Release
from newsroom_tui.speedups.json_text import string_list, strings_flag_empty
from newsroom_tui.storage.writes import content_hash

texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from('"\\/\x00\x1f\x7f\u2028\ud800é€ <>&\n\t\r ab')),
)


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(texts, max_size=6))
def test_a_list_of_strings_is_what_json_dumps_gives(values: list[str]) -> None:
    assert string_list(values) == json.dumps(values, ensure_ascii=False)
    assert string_list(tuple(values)) == json.dumps(values, ensure_ascii=False)


@settings(max_examples=examples(500), deadline=None)
@given(texts, texts, st.booleans())
def test_the_hash_payload_is_what_json_dumps_gives(first: str, second: str, flag: bool) -> None:
    expected = json.dumps([first, second, flag, []], ensure_ascii=False)
    assert strings_flag_empty(first, second, flag) == expected


class Tag(str):
    """A str subclass: json.dumps encodes it as a string; the shortcut steps aside."""


def test_a_string_subclass_takes_the_library() -> None:
    assert string_list([Tag("a"), "b"]) == '["a", "b"]'


@pytest.mark.parametrize("contacts", [[], [Contact(name="Ana Diaz", emails=["a@example.org"])]])
def test_the_content_hash_is_the_same_with_the_shortcuts_off(
    monkeypatch: pytest.MonkeyPatch, contacts: list[Contact]
) -> None:
    release = Release(
        id="r1",
        url="https://newsroom.example.org/fr/a",
        title='Titre "cité" \\ é',
        published=None,
        language="fr",
        section="",
        tags=["Santé", 'x"y'],
        summary="s",
        markdown="*Texte*\n\n\u2028 fin",
        text="Texte",
        summary_only=True,
        contacts=contacts,
    )
    fast = (content_hash(release), string_list(release.tags))
    monkeypatch.setattr(speedups, "ENABLED", False)
    assert (content_hash(release), string_list(release.tags)) == fast
