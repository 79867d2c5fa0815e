"""HTML to Markdown (markdownify) that is safe to render: only http(s) links, nothing that breaks out
of a link target, no Markdown syntax smuggled in as text, and bounded time and memory on any input.

The tree is prepared before conversion: active and embedded content is removed (its text never
reaches the Markdown), whitespace runs are collapsed (markdownify is quadratic on long runs), and
nesting is measured (markdownify recurses and fails near 330 levels), all in one iterative walk that
also yields the plain text kept for search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import Tag
from bs4.element import (
    NavigableString,
    PreformattedString,
    Script,
    Stylesheet,
    TemplateString,
)
from markdownify import ATX, BACKSLASH

from newsroom_tui import speedups
from newsroom_tui.sanitise import clean_body, clean_line, safe_url
from newsroom_tui.speedups.markdownify_walk import FastConverter, colspan
from newsroom_tui.speedups.soup_tree import first_tag, parse_html
from newsroom_tui.speedups.summary_walk import inline_summary
from newsroom_tui.speedups.urljoin import join_as_is

MAX_HTML_CHARS = 2_000_000
"""HTML converted at most (after whitespace collapsing); the rest is dropped with a note."""
MAX_RAW_CHARS = 20_000_000
"""Input looked at at all: even collapsing whitespace stops here."""
MAX_SUMMARY_CHARS = 200_000
"""Feed summaries are short by nature; a longer one is cut."""
MAX_DEPTH = 120
"""Deeper element nesting is converted as plain text (markdownify recurses ~3 frames per level)."""

REMOVED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "dialog",
)
"""Elements removed with their contents before conversion."""
_REMOVED = frozenset(REMOVED_TAGS)

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "nav",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "caption",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "hr",
        "address",
        "details",
        "summary",
        "body",
        "html",
    ]
)
_CELL_TAGS = frozenset(("td", "th"))
_SKIPPED_STRINGS = (PreformattedString, Script, Stylesheet, TemplateString)

# Long whitespace runs in raw HTML; the lookbehind makes a match start only at a run's first
# character, so the scan stays linear. It comes after the first character (it then looks at the
# one before it) so that the pattern starts with a character set, which the engine skips to
# quickly: 2.5 times faster on article pages than with the lookbehind first. Short runs are left
# for the tree walk (they may be in <pre>).
_LONG_WS_RUN = re.compile(r"[ \t\r\n\f\v](?<![ \t\r\n\f\v].)[ \t\r\n\f\v]{63,}")
_SAMPLED_WS_RUN = re.compile(r"[ \t\r\n\f\v]{8}")
_TEXT_WS = re.compile(r"[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_PRE_NEWLINES = re.compile(r"\n{3,}")
# Plain-text tidying (see _tidy_text). Same results as [ \t\r\f\v]+ -> " ", written so that a
# single space between words (most of the text) is not a match to replace.
_TIDY_SPACES = re.compile(r"(?:[\t\r\f\v]| (?=[ \t\r\f\v]))[ \t\r\f\v]*")
_TIDY_BLANK_LINES = re.compile(r"\n{3,}")
_PRE_SPACES = re.compile(r"[ \t]{65,}")

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


def escape_markdown(text: str) -> str:
    """Text that renders as itself in Markdown (CommonMark/GFM): syntax characters backslashed."""
    if _ESCAPE_ANYWHERE.search(text) is not None:  # most text has none: a search is cheaper
        text = _ESCAPE_ANYWHERE.sub(r"\\\1", text)
    if "&" in text:
        text = _ESCAPE_ENTITY.sub(r"\\&", text)

    def _line_start(match: re.Match[str]) -> str:
        marker = match.group(3)
        if marker[0].isdigit():
            return f"{match.group(1)}{match.group(2)}{marker}\\"
        return f"{match.group(1)}{match.group(2)}\\{marker}"

    if "\n" not in text and _ESCAPE_LINE_START.match(text) is None:
        return text  # a marker can only follow the start or a newline: none here
    return _ESCAPE_LINE_START.sub(_line_start, text)


def _shorten_run(match: re.Match[str]) -> str:
    run = match.group(0)
    return "\n\n" if "\n" in run else " "


def collapse_whitespace(html: str) -> str:
    """HTML with long whitespace runs shortened to a space or a paragraph break, in linear time.

    Shorter runs are collapsed per text node by the conversion (keeping <pre> indentation).
    Every eighth character is looked at first: a run of 64 covers eight of them in a row, so
    markup without eight in a row has no long run (the pattern steps through every character).
    """
    if _SAMPLED_WS_RUN.search(html[::8]) is None:
        return html
    return _LONG_WS_RUN.sub(_shorten_run, html)


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


_OPTIONS: dict[str, Any] = {
    "heading_style": ATX,
    "bullets": "-",
    "newline_style": BACKSLASH,
    "autolinks": False,
    "escape_asterisks": False,
    "escape_underscores": False,
    "escape_misc": False,
}


class _SafeConverter(FastConverter):
    """markdownify with links and images checked and encoded, and stricter text escaping."""

    def __init__(self, base_url: str) -> None:
        super().__init__(**_OPTIONS)
        self.base_url = base_url

    def escape(self, text: str, parent_tags: Any) -> str:
        return escape_markdown(text) if text else ""

    def convert_a(self, el: Tag, text: str, parent_tags: Any) -> str:
        if "_noformat" in parent_tags:
            return text
        stripped = text.strip()
        if not stripped:
            return ""
        prefix = " " if text[0] == " " else ""
        suffix = " " if text[-1] == " " else ""
        target = link_target(el.get("href"), self.base_url)
        if target is None:
            return f"{prefix}{stripped}{suffix}"
        return f"{prefix}[{stripped}]({target}){suffix}"

    def convert_img(self, el: Tag, text: str, parent_tags: Any) -> str:
        alt_raw = el.get("alt")
        alt = escape_markdown(clean_line(alt_raw, limit=300)) if isinstance(alt_raw, str) else ""
        if "_inline" in parent_tags:
            return alt
        target = link_target(el.get("src"), self.base_url)
        if target is None:
            return alt
        return f"![{alt}]({target})"

    def convert_video(self, el: Tag, text: str, parent_tags: Any) -> str:
        return text

    convert_audio = convert_video

    def convert_td(self, el: Tag, text: str, parent_tags: Any) -> str:
        """markdownify's cell, with a colspan that int() refuses (a superscript digit passes
        isdigit) counted as 1 instead of raising."""
        return " " + text.strip().replace("\n", " ") + " |" * colspan(el)

    convert_th = convert_td

    def convert_pre(self, el: Tag, text: str, parent_tags: Any) -> str:
        text = text.strip("\n")
        if not text:
            return ""
        longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"\n\n{fence}\n{text}\n{fence}\n\n"


def _prepare(root: Tag) -> tuple[str, int]:
    """Remove active content, collapse whitespace in text nodes; return (plain text, depth).

    Iterative, so any nesting depth is walked without recursion: a stack of frames, each the
    children of one element still to visit (a snapshot: visiting may remove or replace them).
    """
    parts: list[str] = []
    append = parts.append
    max_depth = 0
    # (children left to visit, their depth, inside <pre>, marker closing their parent's block)
    stack: list[tuple[Iterator[Any], int, bool, str]] = [(iter((root,)), 0, False, "")]
    while stack:
        children, depth, in_pre, closing = stack[-1]
        for node in children:
            kind = type(node)
            if kind is NavigableString or (kind is not Tag and isinstance(node, NavigableString)):
                if kind is not NavigableString and isinstance(node, _SKIPPED_STRINGS):
                    continue
                value = str(node)
                if in_pre:
                    fixed = _PRE_SPACES.sub(" " * 64, _PRE_NEWLINES.sub("\n\n", value))
                elif len(value) > 1 and _collapsible(value):
                    fixed = _TEXT_WS.sub(" ", value)
                else:  # most text nodes: nothing to collapse, so no new string to splice in
                    append(value)
                    continue
                append(fixed)
                if fixed != value:
                    node.replace_with(NavigableString(fixed))
                continue
            if not isinstance(node, Tag):
                continue
            if depth > max_depth:
                max_depth = depth
            name = node.name
            if name in _REMOVED and node is not root:
                node.decompose()
                continue
            if name == "br":
                append("\n")
                continue
            if name in _BLOCK_TAGS:
                marker = "\n\n"
            elif name in _CELL_TAGS:
                marker = " "
                _drop_bad_colspan(node)
            else:
                marker = ""
            append(marker)
            stack.append((iter(tuple(node.contents)), depth + 1, in_pre or name == "pre", marker))
            break
        else:
            stack.pop()
            append(closing)
    return _tidy_text("".join(parts)), max_depth


def _drop_bad_colspan(cell: Tag) -> None:
    """Remove a colspan that passes str.isdigit but that int() refuses (a superscript digit):
    markdownify's table conversion would raise on it. Such a cell spans one column."""
    value = cell.attrs.get("colspan")
    if isinstance(value, str) and value.isdigit() and not value.isdecimal():
        del cell.attrs["colspan"]


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


def tag_to_markdown(root: Tag, base_url: str, notes: list[str] | None = None) -> ConvertedBody:
    """Convert an element of an already parsed document. The element is prepared in place
    (active content removed, whitespace collapsed), so its HTML afterwards is what was converted."""
    notes = list(notes or [])
    text, depth = _prepare(root)
    markdown: str | None = None
    if depth > MAX_DEPTH:
        notes.append(f"nesting too deep ({depth} levels): shown as plain text")
    else:
        try:
            markdown = _SafeConverter(base_url).convert_soup(root)
        except RecursionError:
            notes.append("nesting too deep: shown as plain text")
    if markdown is None:
        markdown = "\n\n".join(escape_markdown(block) for block in text.split("\n\n"))
    return ConvertedBody(clean_body(markdown).strip(), clean_body(text), notes)


def _parse_fragment(html: str, limit: int) -> tuple[Tag, list[str]]:
    notes: list[str] = []
    if len(html) > MAX_RAW_CHARS:
        html = html[:MAX_RAW_CHARS]
        notes.append(f"HTML longer than {MAX_RAW_CHARS:,} characters: the rest was dropped")
    html = _XML_DECLARATION.sub("", collapse_whitespace(html.replace("\x00", "")), count=1)
    if len(html) > limit:
        html = html[:limit]
        notes.append(f"HTML longer than {limit:,} characters: the rest was dropped")
    soup = parse_html(html)
    root = first_tag(soup, "body") or soup
    return root, notes


def html_to_markdown(html: str, base_url: str) -> ConvertedBody:
    """Markdown and plain text for an HTML fragment or page; relative links resolved on base_url.

    Never raises on any string: oversized input is cut and deep nesting becomes plain text, each
    with a note.
    """
    root, notes = _parse_fragment(html or "", MAX_HTML_CHARS)
    return tag_to_markdown(root, base_url, notes)


def summary_to_markdown(summary_html: str, base_url: str) -> ConvertedBody:
    """A feed item's summary (HTML or plain text) as Markdown, cut at MAX_SUMMARY_CHARS.

    Most summaries are plain text (a sentence or two): those skip the HTML parser and
    markdownify, with the same result (a test compares both paths on random text); a speed
    shortcut, off with the others (`speedups.ENABLED`). One paragraph of links and emphasis
    takes the inline walk of `speedups.summary_walk` (same result, compared by its tests)."""
    html = summary_html or ""
    if (
        speedups.ENABLED
        and len(html) <= MAX_SUMMARY_CHARS
        and _NOT_PLAIN_SUMMARY.search(html) is None
    ):
        return _plain_summary(html)
    if speedups.ENABLED and len(html) <= MAX_SUMMARY_CHARS and html.startswith("<p>"):
        walked = inline_summary(html, escape_markdown, partial(_summary_link, base_url))
        if walked is not None:
            markdown, text = walked
            return ConvertedBody(clean_body(markdown).strip(), clean_body(_tidy_text(text)), [])
    root, notes = _parse_fragment(html, MAX_SUMMARY_CHARS)
    return tag_to_markdown(root, base_url, notes)


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
