"""clean_text's shortcut (one search for a character the passes act on, instead of the passes)
gives what the passes give, for every BMP character and for random text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui import sanitise
from newsroom_tui.sanitise import clean_line, clean_text


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


def _line_passes(value: str, limit: int = 2000) -> str:
    """clean_line with every pass always run."""
    text = sanitise._ZERO_WIDTH.sub("", value or "")
    text = sanitise.unicodedata.normalize("NFC", _passes(text, keep_newlines=False))
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def test_clean_line_shortcut_equals_the_passes_for_every_bmp_character() -> None:
    for start in range(0, 0x10000, 256):
        chunk = "".join(chr(code) for code in range(start, start + 256))
        assert clean_line(chunk) == _line_passes(chunk), hex(start)
    for code in range(0x10000):
        for text in (
            "a" + chr(code) + "b c",
            chr(code) + "a b" + chr(code),
            "a " + chr(code) + "b",
        ):
            assert clean_line(text, limit=5) == _line_passes(text, limit=5), hex(code)


@settings(max_examples=examples(300), deadline=None)
@example("a  b")
@given(
    st.text(alphabet="ab é", max_size=30)
    | st.text(alphabet=st.sampled_from("ab é\u00a0\u1680\x85\u200b\t\n\u2061"), max_size=30)
    | st.text(max_size=200)
)
def test_clean_line_shortcut_equals_the_passes(text: str) -> None:
    assert clean_line(text, limit=20) == _line_passes(text, limit=20)


def test_printable_lines_hold_no_trigger_for_every_character() -> None:
    """The look for clean_text's triggers line by line (str.isprintable) agrees with the pattern
    for every code point, alone and among newlines, tabs and no-break spaces."""
    for code in range(0x110000):
        char = chr(code)
        expected = sanitise._CLEAN_TRIGGERS.search(char) is None
        assert sanitise._no_clean_triggers(char) == expected, hex(code)
        mixed = "a\n\u00a0b\t" + char + "\u202fc\n"
        assert sanitise._no_clean_triggers(mixed) == expected, hex(code)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "é", "\n", "\t", "\u00a0", "\u202f", " ", "\u2028", "\x0b", "\u200e"])
        | st.characters(),
        max_size=80,
    ).map("".join)
)
def test_trigger_look_equals_the_pattern(text: str) -> None:
    assert sanitise._no_clean_triggers(text) == (sanitise._CLEAN_TRIGGERS.search(text) is None)
