"""clean_text's shortcut (one search for a character the passes act on, instead of the passes)
gives what the passes give, for every BMP character and for random text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui import sanitise
from newsroom_tui.sanitise import clean_text


def _passes(value: str, keep_newlines: bool) -> str:
    """clean_text with every pass always run."""
    if not value:
        return ""
    text = sanitise._remove_controls(value)
    if not keep_newlines:
        text = sanitise._SPACES.sub(" ", text.replace("\n", " ").replace("\t", " ")).strip()
    return text


def test_shortcut_equals_the_passes_for_every_bmp_character() -> None:
    """If the sanitiser learns to act on another character, this fails: add it to the triggers."""
    for start in range(0, 0x10000, 256):
        chunk = "".join(chr(code) for code in range(start, start + 256))
        for keep in (True, False):
            assert clean_text(chunk, keep_newlines=keep) == _passes(chunk, keep), hex(start)
    for code in range(0x10000):
        text = "a" + chr(code) + "b c"  # alone: no other trigger hides it
        for keep in (True, False):
            assert clean_text(text, keep_newlines=keep) == _passes(text, keep), hex(code)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=200), st.booleans())
def test_shortcut_equals_the_passes(text: str, keep: bool) -> None:
    assert clean_text(text, keep_newlines=keep) == _passes(text, keep)
