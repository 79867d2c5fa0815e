"""Feed summaries in the small inline subset newsrooms publish, to Markdown and plain text without
the HTML parser, BeautifulSoup or markdownify, with the full converter's result.

A newsroom's summary is one paragraph: text with links and emphasis. The full path (lxml into a
BeautifulSoup tree, the preparing walk, markdownify) costs ~0.35 ms for it; this walk reads the
markup with one pattern and applies the steps of that path that such a paragraph meets:
whitespace collapsed per text node as `_prepare` does, each text node escaped as the converter
escapes it, markdownify's rules for `em`/`i` (`*`), `strong`/`b` (`**`) and their spaces moved
outside the markers, the converter's link check for `a`, and the paragraph's edges stripped.

The subset: one `<p>` around everything; inside it text, `em`, `i`, `strong`, `b` and `a` with a
double-quoted `href` (only `&amp;` as a reference inside it), nested freely; the references
`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&nbsp;` and decimal ones of printable characters. Anything
else (another element, an attribute, a control character, a second paragraph) answers None and
the caller runs the full converter. `tests/test_summary_walk.py` holds the two to the same
Markdown and text on generated summaries, the benchmark's and the fixtures'.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsroom_tui import speedups

_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "nbsp": "\u00a0"}
_MARKERS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
# Characters the HTML parser, the sanitiser or the whitespace passes treat in their own way.
_UNUSUAL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_TEXT_WS = re.compile(r"[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]")

Node = str | tuple[str, str, list["Node"]]
"""A text node, or (tag, href, children)."""


_SPLIT = re.compile(r"(<[^<>]*>)")
_OPEN = {"<em>": "em", "<i>": "i", "<strong>": "strong", "<b>": "b"}
_CLOSE = {"</em>": "em", "</i>": "i", "</strong>": "strong", "</b>": "b", "</a>": "a"}
_HREF = re.compile(r'<a href="((?:[^"<>&]|&amp;)*)">')
_REFERENCE = re.compile(r"(amp|lt|gt|quot|nbsp);|#([0-9]{1,7});")
"""What may follow a `&` in text (the `&` itself split off)."""


def _decode(text: str) -> str | None:
    """Text with its references replaced by their characters; None for any other `&`."""
    pieces = text.split("&")
    out = [pieces[0]]
    for piece in pieces[1:]:
        match = _REFERENCE.match(piece)
        if match is None:
            return None
        name, number = match.groups()
        if name is not None:
            out.append(_NAMED[name])
        else:
            value = int(number)
            if value < 32 or 127 <= value < 160 or value >= 0xD800:
                return None
            character = chr(value)
            if _UNUSUAL.match(character) is not None:
                return None
            out.append(character)
        out.append(piece[match.end() :])
    return "".join(out)


def _parse(html: str) -> list[Node] | None:
    """The paragraph's children, or None outside the subset."""
    if not (html.startswith("<p>") and html.endswith("</p>")):
        return None
    inner = html[3:-4]
    if _UNUSUAL.search(inner) is not None:
        return None
    root: list[Node] = []
    names: list[str] = []  # the elements open, outermost first
    levels: list[list[Node]] = [root]
    children = root
    is_text = False
    for part in _SPLIT.split(inner):
        is_text = not is_text  # text and tags alternate, text first
        if is_text:
            if not part:
                continue
            if "<" in part:
                return None  # a `<` that opens no tag
            if "&" in part:
                decoded = _decode(part)
                if decoded is None:
                    return None
                part = decoded
            children.append(part)
            continue
        tag = _OPEN.get(part)
        href = ""
        if tag is None and part.startswith("<a "):
            match = _HREF.fullmatch(part)
            if match is not None:
                tag, href = "a", match.group(1).replace("&amp;", "&")
        if tag is not None:
            if tag in names:
                return None  # the same element inside itself: the parser's own rules apply
            node_children: list[Node] = []
            children.append((tag, href, node_children))
            names.append(tag)
            levels.append(node_children)
            children = node_children
            continue
        if not names or _CLOSE.get(part) != names[-1]:
            return None  # another element, or misnested or unopened
        names.pop()
        levels.pop()
        children = levels[-1]
    if names:
        return None
    return root


def _collapse(text: str) -> str:
    """`_prepare`'s whitespace collapsing of a text node (_TEXT_WS matches only where there
    are two spaces in a row or another whitespace character: most text nodes have neither)."""
    if len(text) > 1 and (
        "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text
    ):
        return _TEXT_WS.sub(" ", text)
    return text


def _chomp(text: str) -> tuple[str, str, str]:
    """markdownify's chomp."""
    prefix = " " if text and text[0] == " " else ""
    suffix = " " if text and text[-1] == " " else ""
    return prefix, suffix, text.strip()


def _inline(
    children: list[Node],
    escape: Callable[[str], str],
    link: Callable[[str, str], str],
    in_paragraph: bool,
    plain: list[str],
) -> str:
    out: list[str] = []
    last = len(children) - 1
    for index, child in enumerate(children):
        if isinstance(child, str):
            text = _collapse(child)
            plain.append(text)
            if in_paragraph and not text.strip() and (index == 0 or index == last):
                continue  # whitespace at the paragraph's edge is dropped
            text = escape(text) if text else ""
            if in_paragraph and index == 0:
                text = text.lstrip(" \t\r\n")
            if in_paragraph and index == last:
                text = text.rstrip()
            out.append(text)
            continue
        tag, href, grandchildren = child
        inner = _inline(grandchildren, escape, link, False, plain)
        if tag == "a":
            out.append(link(inner, href))
            continue
        prefix, suffix, core = _chomp(inner)
        if core:
            marker = _MARKERS[tag]
            out.append(f"{prefix}{marker}{core}{marker}{suffix}")
    return "".join(out)


def inline_summary(
    html: str, escape: Callable[[str], str], link: Callable[[str, str], str]
) -> tuple[str, str] | None:
    """(Markdown before the final clean-up, plain text before tidying) for a summary in the
    subset, or None. `escape` is the converter's text escaping; `link(text, href)` its link."""
    if not speedups.ENABLED:
        return None
    children = _parse(html)
    if children is None:
        return None
    plain: list[str] = []
    text = _inline(children, escape, link, True, plain).strip(" \t\r\n")
    markdown = f"\n\n{text}\n\n" if text else ""
    return markdown, "\n\n\n\n" + "".join(plain) + "\n\n\n\n"
