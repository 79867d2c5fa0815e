"""One sanitiser for every string that comes from the network: applied before the store and again
before display. It removes what a terminal or a markup parser could act on and keeps the text."""

from __future__ import annotations

import re
import unicodedata

from newsroom_tui import urls
from newsroom_tui.lazy_re import lazy_compile

# ESC-introduced sequences. A string sequence (OSC/DCS/APC/PM/SOS) is removed whole only when it is
# terminated; an unterminated one loses its introducer alone, so the text after it is kept.
_ESC_SEQUENCES = lazy_compile(
    r"""
    \x1b\[[0-?]{0,64}[ -/]{0,16}[@-~]?            # CSI
    | \x9b[0-?]{0,64}[ -/]{0,16}[@-~]?            # 8-bit CSI
    | \x1b[\]PX^_][^\x07\x1b\x9c\x00-\x06\x08-\x1a]{0,512}(?:\x07|\x1b\\|\x9c)   # OSC DCS SOS PM APC
    | [\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\x00-\x06\x08-\x1a]{0,512}(?:\x07|\x1b\\|\x9c)
    | \x1b[ -/]{0,4}[0-~]?                        # other two/three-byte escapes
    """,
    re.VERBOSE,
)
# C0 (except tab and newline), DEL, C1; bidi embeddings, overrides and isolates; BOM;
# line/paragraph separators are turned into newlines first.
_CONTROLS = lazy_compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]"
)
_ZERO_WIDTH = lazy_compile(r"[\u200b-\u200d\u2060\u00ad\u180e]")
_SURROGATES = lazy_compile(r"[\ud800-\udfff]")
_SPACES = lazy_compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = lazy_compile(r"\n{3,}")
# Every character clean_text's passes can act on (escape-sequence introducers, controls, CR, bidi
# marks, line/paragraph separators, BOM, surrogates). Text with none of them comes out of the
# passes unchanged; tests check this for every BMP character.
_CLEAN_TRIGGERS = lazy_compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2066-\u2069\ufeff\ud800-\udfff]"
)


def _no_clean_triggers(value: str) -> bool:
    """Whether _CLEAN_TRIGGERS finds nothing in the text. Every trigger is a character
    str.isprintable refuses; so are newline, tab and the no-break spaces, which are not
    triggers: a line that is printable, or printable without its tabs and no-break spaces, holds
    none. Told line by line in C passes (the pattern's scan takes ~60 µs on an article); text
    with any other unprintable character asks the pattern."""
    for line in value.split("\n"):
        if line.isprintable():
            continue
        if not line.replace("\t", "").replace("\u00a0", "").replace("\u202f", "").isprintable():
            return _CLEAN_TRIGGERS.search(value) is None
    return True


# Every character clean_line's passes act on besides a lone space (the zero-width ones, clean_text's
# triggers, newline, tab and the other spaces), and two spaces in a row; a few more (U+2061-2065)
# only cost the passes. A line with none of them comes out of the passes stripped, nothing else.
_LINE_TRIGGERS = lazy_compile(
    "[\x00-\x1f\x7f-\x9f\u00a0\u00ad\u061c\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2069"
    "\u3000\ufeff\ud800-\udfff]|  "
)

MAX_TITLE = 300
MAX_LINE = 2000


def clean_text(value: str | None, *, keep_newlines: bool = True) -> str:
    """Remove escape sequences, control, bidi and surrogate characters. Idempotent.

    Tabs and newlines survive when `keep_newlines` is true; carriage returns become newlines.
    """
    if not value:
        return ""
    # Most text holds nothing the passes act on: one search instead of nine passes.
    text = value if _no_clean_triggers(value) else _remove_controls(value)
    if not keep_newlines:
        text = _SPACES.sub(" ", text.replace("\n", " ").replace("\t", " ")).strip()
    return text


def _remove_controls(value: str) -> str:
    text = (
        value.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
    )
    text = _SURROGATES.sub("", text)
    # Two passes: removing a sequence can join the halves of another one.
    for _ in range(2):
        text = _ESC_SEQUENCES.sub("", text)
        text = _CONTROLS.sub("", text)
    return text.replace("\x1b", "")


def clean_line(value: str | None, *, limit: int = MAX_LINE) -> str:
    """One line of plain text: whitespace collapsed, zero-width characters dropped, truncated."""
    if value and _LINE_TRIGGERS.search(value) is None:
        # Nothing for the passes to remove or collapse (most lines): only the ends to strip.
        text = value.strip()
    else:
        text = clean_text(_ZERO_WIDTH.sub("", value or ""), keep_newlines=False)
    text = unicodedata.normalize("NFC", text)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def clean_title(value: str | None) -> str:
    """A title: one line, at most MAX_TITLE characters."""
    return clean_line(value, limit=MAX_TITLE)


def clean_body(value: str | None) -> str:
    """Multi-line text (Markdown, plain text): controls gone, blank-line runs collapsed."""
    if value and _no_clean_triggers(value) and unicodedata.is_normalized("NFC", value):
        # Nothing here for clean_text to act on: skip its passes (~0.5 ms on a typical body).
        return _BLANK_LINES.sub("\n\n", value) if "\n\n\n" in value else value
    return _clean_body_full(value)


def _clean_body_full(value: str | None) -> str:
    text = unicodedata.normalize("NFC", clean_text(value))
    return _BLANK_LINES.sub("\n\n", text)


def clean_email(value: str | None) -> str:
    """An email address as it will be copied: no whitespace, controls or zero-width characters."""
    text = clean_text(value, keep_newlines=False)
    text = _ZERO_WIDTH.sub("", text)
    text = re.sub(r"\s+", "", text)
    return text[:254]


def safe_url(value: str | None) -> str | None:
    """The URL if `newsroom_tui.urls.check_url` accepts it (an absolute http(s) URL with a valid
    host and port and nothing a terminal could act on), else None.

    None for javascript:, file:, data:, option-looking, control-character, out-of-range port,
    malformed IPv6 or user-and-password URLs.
    """
    return urls.safe_url(value)


def refusal_reason(value: str | None) -> str:
    """Why safe_url refused a URL, in one line for the user."""
    try:
        urls.check_url(value)
    except urls.UrlRefused as exc:
        return clean_line(str(exc), limit=160)
    return "accepted"
