"""The text side of the Markdown conversion, which needs no HTML parser: Markdown escaping, link
targets, whitespace tidying, and feed summaries.

A feed summary is most often plain text or one paragraph of links and emphasis: both are
converted here (`quick_summary`) with the full converter's result; anything else takes that
converter (`markdown.summary_to_markdown`: lxml, BeautifulSoup, markdownify). A headlines sync
converts thousands of summaries, and loads the HTML parsers only for one that needs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from urllib.parse import urljoin, urlsplit

from newsroom_tui import speedups
from newsroom_tui.sanitise import clean_body, safe_url
from newsroom_tui.speedups.summary_walk import inline_summary
from newsroom_tui.speedups.urljoin import join_as_is

MAX_SUMMARY_CHARS = 200_000
"""Feed summaries are short by nature; a longer one is cut."""
_TEXT_WS = re.compile(r"[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]")
# Plain-text tidying (see _tidy_text). Same results as [ \t\r\f\v]+ -> " ", written so that a
# single space between words (most of the text) is not a match to replace.
_TIDY_SPACES = re.compile(r"(?:[\t\r\f\v]| (?=[ \t\r\f\v]))[ \t\r\f\v]*")
_TIDY_BLANK_LINES = re.compile(r"\n{3,}")
# Markdown escaping for text nodes: characters that open syntax anywhere, and markers that only
# count at the start of a line (a text node may start a line, so its start counts too).
_ESCAPE_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~])")
_ESCAPE_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]{1,32};)")
_ESCAPE_LINE_START = re.compile(
    r"(^|\n)([ \t]*)(#{1,6}(?=[ \t\n]|$)|[-+=]+(?=[ \t\n]|$)|\d{1,9}(?=[.)](?:[ \t\n]|$)))"
)
_URL_UNSAFE = {ord(ch): f"%{ord(ch):02X}" for ch in " ()<>[]\"'`\\{}|^"}


@dataclass(slots=True)
class ConvertedBody:
    """A body converted for display (Markdown) and for search (plain text), both sanitised."""

    markdown: str
    text: str
    notes: list[str] = field(default_factory=list)
    """One-line remarks about the conversion (truncation, plain-text fallback)."""


def _line_start(match: re.Match[str]) -> str:
    marker = match.group(3)
    if marker[0].isdigit():
        return f"{match.group(1)}{match.group(2)}{marker}\\"
    return f"{match.group(1)}{match.group(2)}\\{marker}"


def escape_markdown(text: str) -> str:
    """Text that renders as itself in Markdown (CommonMark/GFM): syntax characters backslashed."""
    if _ESCAPE_ANYWHERE.search(text) is not None:  # most text has none: a search is cheaper
        text = _ESCAPE_ANYWHERE.sub(r"\\\1", text)
    if "&" in text:
        text = _ESCAPE_ENTITY.sub(r"\\&", text)

    if "\n" not in text and _ESCAPE_LINE_START.match(text) is None:
        return text  # a marker can only follow the start or a newline: none here
    return _ESCAPE_LINE_START.sub(_line_start, text)


def link_target(href: object, base_url: str) -> str | None:
    """The absolute, openable form of an href or src, encoded so it cannot end a Markdown link
    target early; None when it is not an http(s) URL with a host (javascript:, data:, relative
    without a base...)."""
    if not isinstance(href, str):
        return None
    if join_as_is(base_url, href):  # absolute and plain: the base changes nothing
        return _checked_target(href)
    return _link_target(href, base_url)


@lru_cache(maxsize=4096)
def _link_target(href: str, base_url: str) -> str | None:
    """link_target of a string: pure, and cached (a feed's summaries link the same pages over
    and over, and every link is joined, checked and encoded)."""
    raw = href.strip().replace("\t", "").replace("\n", "").replace("\r", "").replace(" ", "%20")
    if not raw or len(raw) > 4096:
        return None
    try:
        absolute = urljoin(base_url, raw) if base_url else raw
    except ValueError:
        return None
    return _checked_target(absolute)


@lru_cache(maxsize=4096)
def _checked_target(absolute: str) -> str | None:
    """An absolute URL checked and encoded (cached by the URL alone: most links of a feed's
    summaries are absolute, and the same few recur whatever the page they are on)."""
    if len(absolute) > 4096:
        return None
    url = safe_url(absolute)
    if url is None:
        return None
    # The host is left as it is: it was checked, and an IPv6 address keeps its brackets.
    authority = len(urlsplit(url).netloc) + url.index("://") + 3
    return url[:authority] + url[authority:].translate(_URL_UNSAFE)


def _collapsible(value: str) -> bool:
    """Whether _TEXT_WS may match: a run of two spaces, or another whitespace character (all of
    which str.isprintable refuses; what else it refuses only costs a pattern that finds
    nothing)."""
    return "  " in value or not value.isprintable()


def _tidy_text(text: str) -> str:
    """Whitespace runs to one space, no space beside a newline, at most one blank line.

    Done with str.replace where the text allows it: the patterns step through every character
    (~0.2 ms on an article), a replacement pass runs at C speed.
    """
    if "\t" in text or "\r" in text or "\f" in text or "\v" in text:
        text = _TIDY_SPACES.sub(" ", text)
    else:
        text = _shorten_runs(text, "  ", " ", _TIDY_SPACES)
    # Every space is single now: the ones next to a newline go.
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    text = _shorten_runs(text, "\n\n\n", "\n\n", _TIDY_BLANK_LINES)
    return text.strip()


def _shorten_runs(text: str, run: str, shorter: str, pattern: re.Pattern[str]) -> str:
    """Runs of `run`'s character cut to `shorter`. Each replacement pass shortens every run by a
    third or more, so a few passes finish ordinary text; the pattern, one linear pass, takes
    over on longer runs."""
    for _ in range(6):
        if run not in text:
            return text
        text = text.replace(run, shorter)
    return pattern.sub(shorter, text)


def quick_summary(summary_html: str, base_url: str) -> ConvertedBody | None:
    """What `markdown.summary_to_markdown` gives for a summary that is plain text or one
    paragraph of links and emphasis, without the HTML parser; None for any other summary (then
    the full converter runs) and when the shortcuts are off.

    Most summaries are plain text (a sentence or two): they skip the HTML parser and
    markdownify, with the same result (a test compares both paths on random text). One paragraph
    of links and emphasis takes the inline walk of `speedups.summary_walk` (same result,
    compared by its tests)."""
    html = summary_html or ""
    if not speedups.ENABLED or len(html) > MAX_SUMMARY_CHARS:
        return None
    if _NOT_PLAIN_SUMMARY.search(html) is None:
        return _plain_summary(html)
    if html.startswith("<p>"):
        walked = inline_summary(html, escape_markdown, partial(_summary_link, base_url))
        if walked is not None:
            markdown, text = walked
            return ConvertedBody(clean_body(markdown).strip(), clean_body(_tidy_text(text)), [])
    return None


# What sends a summary through the HTML parser: markup, entities other than the five below,
# and characters the parser or the sanitiser may treat in their own way (controls, bidi marks,
# BOM, line separators, surrogates, non-characters).
_NOT_PLAIN_SUMMARY = re.compile(
    "[<\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
    "|&(?!(?:amp|lt|gt|quot|#39);)"
)
_SUMMARY_ENTITY = re.compile("&(amp|lt|gt|quot|#39);")
_SUMMARY_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "#39": "'"}


def _summary_link(base_url: str, text: str, href: str) -> str:
    """`_SafeConverter.convert_a` for the inline summary walk."""
    stripped = text.strip()
    if not stripped:
        return ""
    prefix = " " if text[0] == " " else ""
    suffix = " " if text[-1] == " " else ""
    target = link_target(href, base_url)
    if target is None:
        return f"{prefix}{stripped}{suffix}"
    return f"{prefix}[{stripped}]({target}){suffix}"


def _plain_summary(html: str) -> ConvertedBody:
    """What the full path makes of text without markup: one paragraph, its whitespace collapsed
    as `_prepare` does, escaped as markdownify's text nodes are, then stripped."""
    if "&" in html:
        html = _SUMMARY_ENTITY.sub(lambda match: _SUMMARY_ENTITIES[match.group(1)], html)
    collapsed = _TEXT_WS.sub(" ", html) if len(html) > 1 else html
    markdown = clean_body(escape_markdown(collapsed).strip()).strip()
    return ConvertedBody(markdown, clean_body(_tidy_text(collapsed)), [])
