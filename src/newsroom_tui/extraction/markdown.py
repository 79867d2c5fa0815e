"""HTML to Markdown (markdownify) that is safe to render: only http(s) links, nothing that breaks out
of a link target, no Markdown syntax smuggled in as text, and bounded time and memory on any input.

The tree is prepared before conversion: active and embedded content is removed (its text never
reaches the Markdown), whitespace runs are collapsed (markdownify is quadratic on long runs), and
nesting is measured (markdownify recurses and fails near 330 levels), all in one iterative walk that
also yields the plain text kept for search.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from typing import Any
from urllib.parse import urljoin, urlsplit

import markdownify
from bs4 import Tag
from bs4.element import (
    Comment,
    Doctype,
    NavigableString,
    PreformattedString,
    Script,
    Stylesheet,
    TemplateString,
)
from markdownify import ATX, BACKSLASH, MarkdownConverter

from newsroom_tui.sanitise import clean_body, clean_line, safe_url
from newsroom_tui.speedups.soup_tree import first_tag, parse_html

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
# markdownify internals mirrored by _SafeConverter.process_tag (same patterns as markdownify 1.2).
_FAST_PROCESS_TAG = version("markdownify").startswith("1.2.")
_MARKDOWNIFY: Any = markdownify  # its stubs predate 1.2 and lack these helpers
should_remove_whitespace_inside = _MARKDOWNIFY.should_remove_whitespace_inside
should_remove_whitespace_outside = _MARKDOWNIFY.should_remove_whitespace_outside
_HEADING_NAME = re.compile(r"h(\d+)")
_MD_NEWLINE_WHITESPACE = re.compile(r"[\t \r\n]*[\r\n][\t \r\n]*")
_MD_WHITESPACE = re.compile(r"[\t ]+")
_URL_UNSAFE = {ord(ch): f"%{ord(ch):02X}" for ch in " ()<>[]\"'`\\{}|^"}


_SPACE_INSIDE: dict[str, bool] = {}
_INLINE_CONTEXT: dict[str, bool] = {}
_NAME_CACHE_SIZE = 1000


def _removes_space_inside(el: Any) -> bool:
    """markdownify's should_remove_whitespace_inside, remembered per tag name. (Its `not el`
    is `el is None` here: a Tag is always true, and a string has no name.)"""
    if el is None:
        return False
    name = el.name
    if not name:
        return False
    known = _SPACE_INSIDE.get(name)
    if known is None:
        known = bool(should_remove_whitespace_inside(el))
        if len(_SPACE_INSIDE) < _NAME_CACHE_SIZE:
            _SPACE_INSIDE[name] = known
    return known


def _removes_space_outside(el: Any) -> bool:
    """markdownify's should_remove_whitespace_outside (block elements and <pre>)."""
    if el is None:
        return False
    if el.name == "pre":
        return True
    return _removes_space_inside(el)


def _absent(sibling: Any) -> bool:
    """`not sibling` for a node's neighbour without calling Tag.__bool__ (always true): None or
    an empty string."""
    return sibling is None or (isinstance(sibling, str) and not sibling)


def _is_inline_context(name: str) -> bool:
    """Headings and table cells: their content is converted inline."""
    known = _INLINE_CONTEXT.get(name)
    if known is None:
        known = _HEADING_NAME.match(name) is not None or name in ("td", "th")
        if len(_INLINE_CONTEXT) < _NAME_CACHE_SIZE:
            _INLINE_CONTEXT[name] = known
    return known


def _join_blocks(strings: list[str]) -> str:
    """Child strings joined, the newlines where two meet collapsed to the larger run (at most
    two), as markdownify does with its (leading, content, trailing) pattern."""
    if len(strings) < 2:  # one string: its own leading, content and trailing parts
        return strings[0] if strings else ""
    parts: list[str] = []
    before = ""  # trailing newlines of the previous string, not yet written
    for string in strings:
        if string[0] != "\n" and string[-1] != "\n":  # most strings: nothing to split
            parts += (before, string)
            before = ""
            continue
        content = string.lstrip("\n")
        leading = string[: len(string) - len(content)]
        trailing = ""
        if content:  # else only newlines: all of them lead
            trimmed = content.rstrip("\n")
            trailing = content[len(trimmed) :]
            content = trimmed
        if before and leading:
            leading = "\n" * min(2, max(len(before), len(leading)))
        else:
            parts.append(before)
        parts += (leading, content)
        before = trailing
    parts.append(before)
    return "".join(parts)


def _descendants_named(el: Any, names: tuple[str, ...]) -> list[Tag]:
    """el.find_all(list(names)) of an HTML tree (no namespace prefixes), in document order."""
    return [d for d in el.descendants if isinstance(d, Tag) and d.name in names]


def _previous_tag(el: Any) -> Tag | None:
    """el.find_previous_sibling(): the nearest earlier sibling that is an element."""
    sibling = el.previous_sibling
    while sibling is not None and not isinstance(sibling, Tag):
        sibling = sibling.previous_sibling
    return sibling


def _colspan(cell: Any) -> int:
    value = cell.attrs.get("colspan")
    if isinstance(value, str) and value.isdigit():
        try:
            return max(1, min(1000, int(value)))
        except ValueError:
            return 1
    return 1


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
    """
    return _LONG_WS_RUN.sub(_shorten_run, html)


def link_target(href: object, base_url: str) -> str | None:
    """The absolute, openable form of an href or src, encoded so it cannot end a Markdown link
    target early; None when it is not an http(s) URL with a host (javascript:, data:, relative
    without a base...)."""
    if not isinstance(href, str):
        return None
    raw = href.strip().replace("\t", "").replace("\n", "").replace("\r", "").replace(" ", "%20")
    if not raw or len(raw) > 4096:
        return None
    try:
        absolute = urljoin(base_url, raw) if base_url else raw
    except ValueError:
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


@functools.cache
def _converter_options() -> dict[str, Any]:
    converter: Any = MarkdownConverter(**_OPTIONS)  # the stubs predate `options`
    return dict(converter.options)


class _SafeConverter(MarkdownConverter):
    """markdownify with links and images checked and encoded, and stricter text escaping."""

    def __init__(self, base_url: str) -> None:
        if _FAST_PROCESS_TAG:
            # markdownify 1.2's __init__ only builds this dict (from dir() of its option
            # classes, ~50 µs) and an empty cache: built once, copied per conversion.
            self.options: dict[str, Any] = dict(_converter_options())
            self.convert_fn_cache: dict[str, Any] = {}
        else:
            super().__init__(**_OPTIONS)
        self.base_url = base_url
        self._pre_above = False

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

    def convert_soup(self, soup: Any) -> Any:
        # Whether the root sits inside a <pre> (never, for a body or a document), asked once
        # rather than by every element as markdownify's process_tag does.
        self._pre_above = isinstance(soup, Tag) and soup.find_parent("pre") is not None
        return super().convert_soup(soup)

    def process_tag(self, node: Any, parent_tags: Any = None) -> Any:
        """markdownify 1.2's process_tag, except that "is this inside a <pre>?" is answered from
        `parent_tags` instead of `node.find_parent("pre")` (a bs4 filter run per element, a third
        of the conversion time), the block-element tests are remembered per tag name, and the
        newlines around child strings are split off with string methods instead of a pattern.
        Other markdownify versions use their own implementation; a test compares both on the
        fixtures and on random HTML."""
        if not _FAST_PROCESS_TAG:
            base: Any = super()
            return base.process_tag(node, parent_tags=parent_tags)
        if parent_tags is None:
            parent_tags = set()
        name = node.name
        remove_inside = _removes_space_inside(node)
        children: list[Any] = []
        for el in node.children:
            if isinstance(el, Tag):
                children.append(el)
            elif isinstance(el, Comment | Doctype):
                continue
            elif isinstance(el, NavigableString):
                # Whitespace-only text next to a block boundary is dropped.
                if el.strip() == "" and (
                    (remove_inside and (_absent(el.previous_sibling) or _absent(el.next_sibling)))
                    or _removes_space_outside(el.previous_sibling)
                    or _removes_space_outside(el.next_sibling)
                ):
                    continue
                children.append(el)
            elif el is not None:
                raise ValueError(f"Unexpected element type: {type(el)}")
        inner_tags = set(parent_tags)
        inner_tags.add(name)
        if _is_inline_context(name):
            inner_tags.add("_inline")
        if name in ("pre", "code", "kbd", "samp"):
            inner_tags.add("_noformat")
        strings: list[str] = []
        for el in children:
            if isinstance(el, NavigableString):
                converted = self.process_text(el, parent_tags=inner_tags)
            else:
                converted = self.process_tag(el, parent_tags=inner_tags)
            if converted:
                strings.append(converted)
        if name == "pre" or "pre" in parent_tags or self._pre_above:
            text = "".join(strings)
        else:
            text = _join_blocks(strings)
        cache = self.convert_fn_cache
        convert_fn = cache[name] if name in cache else self._conversion(name)
        if convert_fn is not None:
            text = convert_fn(node, text, parent_tags=parent_tags)
        return text

    def _conversion(self, name: str) -> Any:
        """markdownify's get_conv_fn_cached (missing from its stubs)."""
        converter: Any = self
        return converter.get_conv_fn_cached(name)

    def process_text(self, el: Any, parent_tags: Any = None) -> Any:
        """markdownify 1.2's process_text (wrap off), except that its two whitespace patterns
        run only when the text holds something they change (most text nodes do not: the second
        one otherwise rewrites every space between words)."""
        base: Any = super()
        if not _FAST_PROCESS_TAG:
            return base.process_text(el, parent_tags=parent_tags)
        if parent_tags is None:
            parent_tags = set()
        text = str(el) or ""
        if "pre" not in parent_tags:
            if "\n" in text or "\r" in text:
                text = _MD_NEWLINE_WHITESPACE.sub("\n", text)
            if "\t" in text or "  " in text:
                text = _MD_WHITESPACE.sub(" ", text)
        if "_noformat" not in parent_tags:
            text = self.escape(text, parent_tags)
        previous, following = el.previous_sibling, el.next_sibling
        if _removes_space_outside(previous) or (
            _absent(previous) and _removes_space_inside(el.parent)
        ):
            text = text.lstrip(" \t\r\n")
        if _removes_space_outside(following) or (
            _absent(following) and _removes_space_inside(el.parent)
        ):
            text = text.rstrip()
        return text

    def convert_tr(self, el: Tag, text: str, parent_tags: Any) -> str:
        """markdownify 1.2's table row, with its bs4 searches (find_all, find_previous_sibling:
        filter objects built per call, a quarter of the conversion of a page with a table) done
        by walking the tree, and a colspan that int() refuses counted as 1 instead of raising."""
        if not _FAST_PROCESS_TAG:
            base: Any = super()
            return str(base.convert_tr(el, text, parent_tags))
        cells = _descendants_named(el, ("td", "th"))
        parent: Any = el.parent
        first = _previous_tag(el) is None
        head = all(cell.name == "th" for cell in cells) or (
            parent.name == "thead" and len(_descendants_named(parent, ("tr",))) == 1
        )
        head_missing = first and (
            parent.name != "tbody" or not _descendants_named(parent.parent, ("thead",))
        )
        width = sum(_colspan(cell) for cell in cells)
        infer = self.options["table_infer_header"]
        overline = underline = ""
        if first and (head or (head_missing and infer)):
            underline = "| " + " | ".join(["---"] * width) + " |\n"
        elif (head_missing and not infer) or (
            first
            and (
                parent.name == "table" or (parent.name == "tbody" and _previous_tag(parent) is None)
            )
        ):
            overline = "| " + " | ".join([""] * width) + " |\n"
            overline += "| " + " | ".join(["---"] * width) + " |\n"
        return overline + "|" + text + "\n" + underline

    def convert_td(self, el: Tag, text: str, parent_tags: Any) -> str:
        """markdownify's cell, with a colspan that int() refuses (a superscript digit passes
        isdigit) counted as 1 instead of raising."""
        return " " + text.strip().replace("\n", " ") + " |" * _colspan(el)

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
            if isinstance(node, NavigableString):
                if isinstance(node, _SKIPPED_STRINGS):
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
            else:
                marker = ""
            append(marker)
            stack.append((iter(tuple(node.contents)), depth + 1, in_pre or name == "pre", marker))
            break
        else:
            stack.pop()
            append(closing)
    return _tidy_text("".join(parts)), max_depth


def _collapsible(value: str) -> bool:
    """Whether _TEXT_WS matches: a run of two spaces, or any other whitespace character."""
    return (
        "  " in value
        or "\n" in value
        or "\t" in value
        or "\r" in value
        or "\f" in value
        or "\v" in value
    )


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
    markdownify, with the same result (a test compares both paths on random text)."""
    html = summary_html or ""
    if len(html) <= MAX_SUMMARY_CHARS and _NOT_PLAIN_SUMMARY.search(html) is None:
        return _plain_summary(html)
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


def _plain_summary(html: str) -> ConvertedBody:
    """What the full path makes of text without markup: one paragraph, its whitespace collapsed
    as `_prepare` does, escaped as markdownify's text nodes are, then stripped."""
    if "&" in html:
        html = _SUMMARY_ENTITY.sub(lambda match: _SUMMARY_ENTITIES[match.group(1)], html)
    collapsed = _TEXT_WS.sub(" ", html) if len(html) > 1 else html
    markdown = clean_body(escape_markdown(collapsed).strip()).strip()
    return ConvertedBody(markdown, clean_body(_tidy_text(collapsed)), [])
