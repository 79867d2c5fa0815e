"""An article body converted to Markdown and plain text straight from lxml's tree, with the result
of BeautifulSoup's tree, the preparing walk and markdownify (`markdown.tag_to_markdown`).

The full path parses the body with lxml, rebuilds that tree as BeautifulSoup objects
(`soup_tree`), walks it once to collapse whitespace and collect the plain text, then once more in
markdownify's converter. Here one walk over lxml's elements does the three, reading each element's
children the way BeautifulSoup holds them: its text, then each child followed by the child's tail,
a whitespace-only string shortened to a newline or a space as bs4 shortens it.

The subset: the elements newsroom bodies are made of (`SUPPORTED`: paragraphs, divisions,
headings, lists, tables, links, emphasis, line breaks, rules, quotes, images), at most
`MAX_DEPTH` deep. Anything else (another element, a comment, a processing instruction, a
namespaced name, an `<ol start>` that int() may refuse, an element outside the one `<body>`)
declines: `parse_body` answers None and the caller takes the full path. What each element turns
into is markdownify 1.2's conversion as `markdown._SafeConverter` configures it (ATX headings,
`-` bullets, backslash line breaks, the project's escaping and link checks), and its block and
whitespace rules are asked of markdownify itself at import.

`tests/test_lxml_body.py` holds this walk to the full path (same Markdown, text and contacts) on
the fixtures, the demo pages, the benchmark's pages, generated bodies and random markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lxml.etree
import markdownify

from newsroom_tui import speedups
from newsroom_tui.extraction.markdown import _BLOCK_TAGS, _CELL_TAGS, _OPTIONS
from newsroom_tui.extraction.markdown_text import (
    _TEXT_WS,
    ConvertedBody,
    _tidy_text,
    escape_markdown,
    link_target,
)
from newsroom_tui.sanitise import clean_body, clean_line
from newsroom_tui.speedups import markdownify_walk, soup_tree
from newsroom_tui.speedups.markdownify_walk import (
    MD_NEWLINE_WHITESPACE,
    MD_WHITESPACE,
    _join_blocks,
)

MAX_DEPTH = 100
"""Deeper bodies take the full path (which turns nesting past 120 levels into plain text)."""

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SUPPORTED = frozenset(
    (
        "body",
        "p",
        "div",
        "section",
        "article",
        "main",
        "span",
        "u",
        "small",
        "abbr",
        "cite",
        "time",
        "a",
        "b",
        "strong",
        "i",
        "em",
        "sup",
        "sub",
        "br",
        "hr",
        "img",
        "blockquote",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        *_HEADINGS,
    )
)
"""Elements this walk converts; a body with any other takes the full path."""
_VOID = frozenset(("br", "hr", "img"))
_ASCII_SPACES = soup_tree._ASCII_SPACES


class _Named:
    """Something with a tag name, to ask markdownify's block tests about a name."""

    def __init__(self, name: str) -> None:
        self.name = name


_MD: Any = markdownify  # its stubs predate 1.2's helpers
_SPACE_INSIDE = frozenset(n for n in SUPPORTED if _MD.should_remove_whitespace_inside(_Named(n)))
"""Elements whose inner edges drop whitespace (markdownify's should_remove_whitespace_inside)."""
_SPACE_OUTSIDE = frozenset(n for n in SUPPORTED if _MD.should_remove_whitespace_outside(_Named(n)))
_INLINE_CONTEXT = frozenset((*_HEADINGS, "td", "th"))
_RE_LINE = _MD.re_line_with_content
_RE_ALL_WHITESPACE = _MD.re_all_whitespace
_INLINE_MARKERS = {"b": "**", "strong": "**", "em": "*", "i": "*", "sup": "", "sub": ""}
_MARKDOWNIFY_OPTIONS = (
    _OPTIONS["heading_style"] == markdownify.ATX
    and _OPTIONS["bullets"] == "-"
    and _OPTIONS["newline_style"] == markdownify.BACKSLASH
)


class _Declined(Exception):
    """The body holds something outside the subset: the full path converts it."""


def active() -> bool:
    """Whether bodies may take this walk: the shortcuts on, markdownify 1.2 and the bs4 that
    soup_tree mirrors installed, and the converter's options the ones written here."""
    return (
        speedups.ENABLED
        and markdownify_walk.MIRRORED
        and soup_tree._FAST
        and _MARKDOWNIFY_OPTIONS
        and _MD.MarkdownConverter.DefaultOptions.strong_em_symbol == "*"
        and not _MD.MarkdownConverter.DefaultOptions.table_infer_header
    )


def parse_body(markup: str) -> Any | None:
    """The `<body>` element of lxml's parse of a body's HTML when the whole markup is in the
    subset (see above), else None. The parse is soup_tree's, so BeautifulSoup's tree of the same
    markup is the one this walk reads."""
    if not active():
        return None
    if (
        soup_tree._OPENS_WITH_ELEMENT.match(markup) is None
        or soup_tree._OUTSIDE_ROOT.search(markup) is not None
    ):
        return None
    parser = lxml.etree.HTMLParser(recover=True)
    try:
        parser.feed(markup)
        root = parser.close()
    except (lxml.etree.LxmlError, ValueError, LookupError):
        return None
    if not isinstance(root, lxml.etree._Element) or root.tag != "html":
        return None
    if root.getprevious() is not None or root.getnext() is not None:
        return None
    if root.text is not None or len(root) != 1 or root.attrib:
        return None
    body = root[0]
    if body.tag != "body" or body.tail is not None:
        return None
    if not _supported(body):
        return None
    return body


def _supported(body: Any) -> bool:
    """Every node under `body` is an element of the subset, no deeper than MAX_DEPTH."""
    stack = [(body, 0)]
    while stack:
        el, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        for child in el:
            name = child.tag
            if not isinstance(name, str) or name not in SUPPORTED:
                return False  # comments, processing instructions, other elements
            for key in child.attrib:
                if key.startswith("{"):
                    return False
            if name in _VOID and (len(child) or child.text is not None):
                return False
            if name == "ol" and not _plain_start(child.get("start")):
                return False
            stack.append((child, depth + 1))
    return True


def _plain_start(value: str | None) -> bool:
    """An `<ol start>` that markdownify reads as int() does here: absent, empty, not numeric
    (then 1), or ASCII digits."""
    return not value or not value.isnumeric() or (value.isascii() and value.isdigit())


def _prepared(text: str) -> str:
    """A string of soup_tree.bs4_contents after markdown._prepare: a whitespace-only one
    shortened as bs4 does, whitespace runs in the others collapsed."""
    if not text.strip(_ASCII_SPACES):
        return "\n" if "\n" in text else " "
    if len(text) > 1 and ("  " in text or not text.isprintable()):  # markdown_text._collapsible
        return _TEXT_WS.sub(" ", text)
    return text


def _outside(el: Any) -> bool:
    """markdownify's should_remove_whitespace_outside of a string's neighbour (an element, or
    None: strings are never next to each other)."""
    return el is not None and el.tag in _SPACE_OUTSIDE


def to_markdown(body: Any, base_url: str, notes: list[str] | None = None) -> ConvertedBody:
    """What `markdown.tag_to_markdown` gives for BeautifulSoup's tree of this body (`body` from
    parse_body). Reads the tree, never changes it."""
    walk = _Walk(base_url)
    markdown = walk.tag(body, False, False, False)
    text = _tidy_text("".join(walk.parts))
    return ConvertedBody(clean_body(markdown).strip(), clean_body(text), list(notes or []))


class _Walk:
    """One walk: the Markdown of each element (returned) and the plain text (in `parts`)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.parts: list[str] = []
        self.converters: dict[str, Callable[[Any, str, bool, bool, bool], str]] = {
            "p": self._p,
            "div": self._div,
            "section": self._div,
            "article": self._div,
            "a": self._a,
            "br": self._br,
            "hr": self._hr,
            "img": self._img,
            "blockquote": self._blockquote,
            "ul": self._list,
            "ol": self._list,
            "li": self._li,
            "table": self._table,
            "tr": self._tr,
            "td": self._cell,
            "th": self._cell,
        }
        for name in _HEADINGS:
            self.converters[name] = self._heading
        for name in _INLINE_MARKERS:
            self.converters[name] = self._inline

    def tag(self, el: Any, inline: bool, in_li: bool, before_paragraph: bool) -> str:
        """markdownify's process_tag for `el`; `inline` and `in_li`: '_inline' and 'li' in its
        parent_tags; `before_paragraph`: its next content sibling is text or an element other
        than a list (for a list). Appends _prepare's text to `parts`.

        The children are read as bs4 holds them (soup_tree.bs4_contents): the text, then each
        child element and its tail; so a string's neighbours are elements or None."""
        parts = self.parts
        name = el.tag
        if name == "br":  # _prepare writes a newline and does not enter a <br>
            parts.append("\n")
            marker = ""
        else:
            marker = "\n\n" if name in _BLOCK_TAGS else " " if name in _CELL_TAGS else ""
            parts.append(marker)
        remove_inside = name in _SPACE_INSIDE
        inner_inline = inline or name in _INLINE_CONTEXT
        inner_li = in_li or name == "li"
        strings: list[str] = []
        children = list(el)
        count = len(children)
        string = el.text
        if string is not None:
            string = _prepared(string)
            parts.append(string)
            converted = self._string(string, None, children[0] if count else None, remove_inside)
            if converted:
                strings.append(converted)
        for position, child in enumerate(children):
            following = children[position + 1] if position + 1 < count else None
            string = child.tail
            child_name = child.tag
            if child_name == "ul" or child_name == "ol":
                after = (string is not None and string.strip() != "") or (
                    following is not None and following.tag not in ("ul", "ol")
                )
            else:
                after = False
            converted = self.tag(child, inner_inline, inner_li, after)
            if converted:
                strings.append(converted)
            if string is not None:
                string = _prepared(string)
                parts.append(string)
                converted = self._string(string, child, following, remove_inside)
                if converted:
                    strings.append(converted)
        parts.append(marker)
        text = _join_blocks(strings)
        convert = self.converters.get(name)
        if convert is not None:
            text = convert(el, text, inline, in_li, before_paragraph)
        return text

    def _string(self, text: str, previous: Any, following: Any, remove_inside: bool) -> str:
        """A text child: dropped when it is whitespace at a block's edge (process_tag's filter),
        else converted."""
        if text.strip() == "" and (
            (remove_inside and (previous is None or following is None))
            or _outside(previous)
            or _outside(following)
        ):
            return ""
        return self._text(text, previous, following, remove_inside)

    @staticmethod
    def _text(text: str, previous: Any, following: Any, parent_removes_inside: bool) -> str:
        """markdownify's process_text outside <pre> and code, with the converter's escaping."""
        if "\n" in text or "\r" in text:
            text = MD_NEWLINE_WHITESPACE.sub("\n", text)
        if "\t" in text or "  " in text:
            text = MD_WHITESPACE.sub(" ", text)
        text = escape_markdown(text) if text else ""
        if _outside(previous) or (previous is None and parent_removes_inside):
            text = text.lstrip(" \t\r\n")
        if _outside(following) or (following is None and parent_removes_inside):
            text = text.rstrip()
        return text

    # The conversions: markdownify 1.2's convert_<name> (or _SafeConverter's) with the options
    # of markdown._OPTIONS. Arguments: element, converted children, '_inline' and 'li' in the
    # element's parent_tags, and whether a list is followed by a paragraph (see tag).

    @staticmethod
    def _p(el: Any, text: str, inline: bool, *_: Any) -> str:
        if inline:
            return " " + text.strip(" \t\r\n") + " "
        text = text.strip(" \t\r\n")
        return f"\n\n{text}\n\n" if text else ""

    @staticmethod
    def _div(el: Any, text: str, inline: bool, *_: Any) -> str:
        if inline:
            return " " + text.strip() + " "
        text = text.strip()
        return f"\n\n{text}\n\n" if text else ""

    def _a(self, el: Any, text: str, *_: Any) -> str:
        stripped = text.strip()
        if not stripped:
            return ""
        prefix = " " if text[0] == " " else ""
        suffix = " " if text[-1] == " " else ""
        target = link_target(el.get("href"), self.base_url)
        if target is None:
            return f"{prefix}{stripped}{suffix}"
        return f"{prefix}[{stripped}]({target}){suffix}"

    @staticmethod
    def _inline(el: Any, text: str, *_: Any) -> str:
        markup = _INLINE_MARKERS[el.tag]
        prefix = " " if text and text[0] == " " else ""
        suffix = " " if text and text[-1] == " " else ""
        text = text.strip()
        if not text:
            return ""
        return f"{prefix}{markup}{text}{markup}{suffix}"

    @staticmethod
    def _br(el: Any, text: str, inline: bool, *_: Any) -> str:
        if inline:
            return text + " " if text else " "
        return "\\\n" + text

    @staticmethod
    def _hr(*_: Any) -> str:
        return "\n\n---\n\n"

    def _img(self, el: Any, text: str, inline: bool, *_: Any) -> str:
        alt_raw = el.get("alt")
        alt = escape_markdown(clean_line(alt_raw, limit=300)) if isinstance(alt_raw, str) else ""
        if inline:
            return alt
        target = link_target(el.get("src"), self.base_url)
        if target is None:
            return alt
        return f"![{alt}]({target})"

    @staticmethod
    def _blockquote(el: Any, text: str, inline: bool, *_: Any) -> str:
        text = (text or "").strip(" \t\r\n")
        if inline:
            return " " + text + " "
        if not text:
            return "\n"
        text = _RE_LINE.sub(lambda m: "> " + m.group(1) if m.group(1) else ">", text)
        return "\n" + text + "\n\n"

    @staticmethod
    def _heading(el: Any, text: str, inline: bool, *_: Any) -> str:
        if inline:
            return text
        level = int(el.tag[1:])
        text = _RE_ALL_WHITESPACE.sub(" ", text.strip())
        return f"\n\n{'#' * level} {text}\n\n"

    @staticmethod
    def _list(el: Any, text: str, inline: bool, in_li: bool, before_paragraph: bool) -> str:
        if in_li:
            return "\n" + text.rstrip()
        return "\n\n" + text + ("\n" if before_paragraph else "")

    @staticmethod
    def _li(el: Any, text: str, *_: Any) -> str:
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.getparent()
        if parent is not None and parent.tag == "ol":
            start_raw = parent.get("start")
            start = int(start_raw) if start_raw and start_raw.isnumeric() else 1
            earlier = sum(1 for s in el.itersiblings(preceding=True) if s.tag == "li")
            bullet = f"{start + earlier}. "
        else:
            bullet = "- "
        width = len(bullet)
        indent = " " * width
        text = _RE_LINE.sub(lambda m: indent + m.group(1) if m.group(1) else "", text)
        return bullet + text[width:] + "\n"

    @staticmethod
    def _table(el: Any, text: str, *_: Any) -> str:
        return "\n\n" + text.strip() + "\n\n"

    @staticmethod
    def _cell(el: Any, text: str, *_: Any) -> str:
        return " " + text.strip().replace("\n", " ") + " |" * _colspan(el)

    @staticmethod
    def _tr(el: Any, text: str, *_: Any) -> str:
        cells = [c for c in el.iterdescendants("td", "th")]
        parent = el.getparent()
        first = el.getprevious() is None
        head = all(cell.tag == "th" for cell in cells) or (
            parent.tag == "thead" and sum(1 for _ in parent.iterdescendants("tr")) == 1
        )
        grand = parent.getparent()
        head_missing = first and (
            parent.tag != "tbody"
            or grand is None
            or next(grand.iterdescendants("thead"), None) is None
        )
        width = sum(_colspan(cell) for cell in cells)
        overline = underline = ""
        if first and head:
            underline = "| " + " | ".join(["---"] * width) + " |\n"
        elif head_missing or (
            first
            and (parent.tag == "table" or (parent.tag == "tbody" and parent.getprevious() is None))
        ):
            overline = "| " + " | ".join([""] * width) + " |\n"
            overline += "| " + " | ".join(["---"] * width) + " |\n"
        return overline + "|" + text + "\n" + underline


def _colspan(cell: Any) -> int:
    """markdownify_walk.colspan of an lxml cell (markdown._prepare drops a colspan int() refuses,
    which counts as 1 either way)."""
    value = cell.get("colspan")
    if isinstance(value, str) and value.isdigit():
        try:
            return max(1, min(1000, int(value)))
        except ValueError:
            return 1
    return 1
