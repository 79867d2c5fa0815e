"""Press contacts: finds the contacts block that closes a release body and reads its entries.

The extractor works on the body HTML (never on the Markdown, where markdownify escapes `_`): the
HTML is flattened into blocks of text (paragraphs, list items, cells, headings; `<br>` becomes a
line break; a `mailto:` link's address, or a Cloudflare-protected one, is carried in the text
between private-use markers and the link's own text is no address), and the last lead-in is
looked for (contact_leadins: "For more information, please contact", "Media contacts", "Pour
plus d'informations, veuillez contacter", "Informes:", any sentence that ends in a request to
contact…). What follows it, the rest of its block then the next blocks, is read by
contact_block into people, teams and mailboxes. The block closes the body, so the last lead-in
is tried first. See docs/contact-formats.md for the formats read and where each was seen.

Every regular expression has bounded repeats only, and the scanned block and the number of
contacts are capped, so hostile input costs linear time. Nothing here raises on any string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any
from urllib.parse import unquote

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from newsroom_tui.extraction.contact_block import (
    MAILTO_CLOSE,
    MAILTO_OPEN,
    MARKERS,
    Block,
    BlockReader,
    valid_email,
)
from newsroom_tui.extraction.contact_leadins import (
    AFTER_ANCHOR,
    anchor_stands,
    find_anchors,
    fold,
    may_anchor,
)
from newsroom_tui.models import Contact
from newsroom_tui.speedups.soup_tree import bs4_contents, parse_html

MAX_BLOCK_CHARS = 20_000
"""Characters of the contacts block that are scanned; the rest is ignored."""
MAX_TEXT_CHARS = 4_000_000
"""Characters of body text flattened before giving up on the rest of the page."""
MAX_ANCHOR_TRIES = 4
TAIL_BLOCKS = 6
"""Block-level elements at the end of the body read before the whole body (see
extract_contacts)."""
_SURROGATES = re.compile(r"[\ud800-\udfff]")

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "section",
        "article",
        "blockquote",
        "header",
        "footer",
        "address",
        "figure",
        "figcaption",
        "hr",
        "pre",
        "main",
        "aside",
        "nav",
        "form",
        "fieldset",
        "center",
    ]
)
_HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "head",
        "title",
        "canvas",
        "select",
        "textarea",
        "button",
        "video",
        "audio",
    ]
)
_BOLD_TAGS = frozenset(("strong", "b"))

# A heading under which a mailto link counts even without a lead-in.
_CONTACT_HEADING = re.compile(r"\bcontact|\bpresse\b|\bprensa\b|\bmedias?\b|\bmedios\b")
_LINK_TEXT_EMAIL = re.compile(r"[^\s@<>()\[\]]{1,64}\s?@\s?[^\s@<>()\[\]]{1,253}")
_HEX = re.compile(r"[0-9a-fA-F]{4,1024}")


@dataclass(slots=True, frozen=True)
class _Close:
    heading: bool


_CLOSE_BLOCK = _Close(heading=False)
_CLOSE_HEADING = _Close(heading=True)


class _LinkEnd:
    """Closes a mailto link: the text inside it is no address of its own (the href wins)."""


_LINK_END = _LinkEnd()


def extract_contacts(body_html: str, *, tree: BeautifulSoup | None = None) -> list[Contact]:
    """The contacts of one release body (HTML), in page order; [] when it has no contacts block.

    The block closes the body, so the last lead-in is tried first; an earlier one is used when a
    later one gives nothing (at most MAX_ANCHOR_TRIES of them).

    `tree` spares the parse when the caller already has it: it must be `BeautifulSoup(body_html,
    "lxml")` of this very string (as extract_page has), not yet modified; it is only read.
    """
    if not isinstance(body_html, str) or not body_html:
        return []
    # The block closes the body: the body's last blocks are read first, and all of them only
    # when those give nothing (the last blocks of a page are the same whether the page is
    # flattened whole or from a later point, and the lead-ins are tried from the end).
    soup = _tree(body_html, tree)
    if soup is None:
        return []
    tail = _tail_stack(soup, TAIL_BLOCKS) if len(body_html) < MAX_TEXT_CHARS else None
    if tail is not None:
        for region in _anchor_regions(_blocks(tail)):
            found = BlockReader(mailto_only=False).read(region)
            if found:
                return found
    blocks = _blocks([soup])
    for region in _anchor_regions(blocks):
        found = BlockReader(mailto_only=False).read(region)
        if found:
            return found
    region = _heading_region(blocks)
    return BlockReader(mailto_only=True).read(region) if region else []


def _tree(body_html: str, tree: BeautifulSoup | None = None) -> BeautifulSoup | None:
    """The parsed body (`tree` when it is the parse of this very markup), None when it cannot
    be parsed."""
    html = _without_surrogates(body_html).replace("\x00", "")
    if tree is not None and html == body_html:
        return tree
    try:
        return parse_html(html)
    except (ValueError, TypeError, LookupError, RecursionError, AssertionError):
        return None


def _without_surrogates(text: str) -> str:
    """The text without surrogate code points. Strict UTF-8 refuses exactly those: encoding
    tells whether there are any four times faster than the pattern's scan."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.sub("", text)
    return text


def _flatten(body_html: str, tree: BeautifulSoup | None = None) -> list[Block]:
    """The body as blocks of text (paragraph-like or heading-like); <br> becomes a newline."""
    soup = _tree(body_html, tree)
    return [] if soup is None else _blocks([soup])


def _starts_block(item: PageElement) -> bool:
    """Whether _blocks flushes the text before `item` when it reaches it (a block or heading
    element that is not skipped nor read as an address)."""
    if not isinstance(item, Tag):
        return False
    name = (item.name or "").lower()
    if name in _SKIP_TAGS or name == "br":
        return False
    if item.attrs and "data-cfemail" in item.attrs and _attr(item, "data-cfemail"):
        return False
    return (
        name in _BLOCK_TAGS or name in _HEADING_TAGS or (name in ("p", "div") and _bold_only(item))
    )


def _tail_stack(
    soup: BeautifulSoup, count: int
) -> list[PageElement | _Close | _LinkEnd | str] | None:
    """The stack _blocks holds when the whole walk reaches the `count`-th last block-level
    child of the body's innermost container (descending through the last element that holds
    the end of the body, none of them a heading, a link or an address). Everything before that
    child was flushed into earlier blocks when the walk reaches it, and no heading or link is
    open there, so the walk from this stack gives the whole walk's last blocks. None when no
    such place is found."""
    stack: list[PageElement | _Close | _LinkEnd | str] = []
    node: Tag = soup
    for _ in range(64):
        contents = node.contents
        found = 0
        for index in range(len(contents) - 1, -1, -1):  # the last `count` of them only
            if _starts_block(contents[index]):
                found += 1
                if found == count:
                    stack.extend(reversed(contents[index:]))
                    return stack
        inner = -1
        child: Tag | None = None
        for index in range(len(contents) - 1, -1, -1):
            candidate = contents[index]
            if isinstance(candidate, Tag):
                inner, child = index, candidate
                break
        if child is None:
            return None
        name = (child.name or "").lower()
        if (
            name in _SKIP_TAGS
            or name in _HEADING_TAGS
            or name in ("a", "br")
            or (child.attrs and "data-cfemail" in child.attrs)
            or (name in ("p", "div") and _bold_only(child))
        ):
            return None
        stack.extend(reversed(contents[inner + 1 :]))
        if name in _BLOCK_TAGS:
            stack.append(_CLOSE_BLOCK)
        node = child
    return None


def _blocks(stack: list[PageElement | _Close | _LinkEnd | str]) -> list[Block]:
    """The walk of _flatten from `stack` (its last item is visited first)."""
    blocks: list[Block] = []
    pieces: list[str] = []
    heading_depth = 0
    link_depth = 0
    total = 0

    def flush() -> None:
        if not pieces:
            return
        text = "".join(pieces)
        pieces.clear()
        if text.strip():
            blocks.append(Block(unicodedata.normalize("NFC", text), heading_depth > 0))

    # Most items are strings and elements: they are tested for first.
    while stack and total < MAX_TEXT_CHARS:
        item = stack.pop()
        if isinstance(item, NavigableString):
            if isinstance(item, PreformattedString):  # comments, CDATA, doctype…
                continue
            text = str(item)
            if MAILTO_OPEN in text or MAILTO_CLOSE in text:
                text = MARKERS.sub("", text)
            if link_depth and "@" in text:
                text = _LINK_TEXT_EMAIL.sub(" ", text)
            total += len(text)
            pieces.append(text)
            continue
        if isinstance(item, Tag):
            name = (item.name or "").lower()
            if name in _SKIP_TAGS:
                continue
            if name == "br":
                pieces.append("\n")
                continue
            attrs = item.attrs
            cf = _attr(item, "data-cfemail") if attrs and "data-cfemail" in attrs else ""
            if cf:
                decoded = _decode_cfemail(cf)
                if decoded:
                    pieces.append(" " + decoded + " ")
                continue
            if name == "a":
                emails = _link_emails(_attr(item, "href"))
                if emails:
                    stack.append("".join(MAILTO_OPEN + e + MAILTO_CLOSE for e in emails))
                    stack.append(_LINK_END)
                    link_depth += 1
            is_heading = name in _HEADING_TAGS or (name in ("p", "div") and _bold_only(item))
            if is_heading:
                flush()
                stack.append(_CLOSE_HEADING)
                heading_depth += 1
            elif name in _BLOCK_TAGS:
                flush()
                stack.append(_CLOSE_BLOCK)
            stack.extend(reversed(item.contents))
            continue
        if isinstance(item, _Close):
            flush()
            if item.heading:
                heading_depth -= 1
            continue
        if isinstance(item, _LinkEnd):
            link_depth -= 1
            continue
        if isinstance(item, str):
            pieces.append(item)  # a mailto marker queued after a link's children
    flush()
    return blocks


def extract_contacts_lxml(body_html: str, body: Any) -> list[Contact]:
    """extract_contacts(body_html) read from lxml's parse of it: `body` is the `<body>` that
    `speedups.lxml_body.parse_body(body_html)` gave (the subset: no comments, no <pre>), whose
    strings are read as BeautifulSoup holds them (`soup_tree.bs4_contents`). Same contacts, without
    the BeautifulSoup tree (tests/test_lxml_body.py compares both)."""
    if not isinstance(body_html, str) or not body_html:
        return []
    if _without_surrogates(body_html).replace("\x00", "") != body_html:
        return extract_contacts(body_html)  # parsed from another string than this one
    root = body.getparent()
    tail = _lx_tail_stack(root, TAIL_BLOCKS) if len(body_html) < MAX_TEXT_CHARS else None
    if tail is not None:
        for region in _anchor_regions(_lx_blocks(tail)):
            found = BlockReader(mailto_only=False).read(region)
            if found:
                return found
    blocks = _lx_blocks([root])
    for region in _anchor_regions(blocks):
        found = BlockReader(mailto_only=False).read(region)
        if found:
            return found
    region = _heading_region(blocks)
    return BlockReader(mailto_only=True).read(region) if region else []


class _Marker:
    """A mailto link's addresses, queued after the link's children (a plain str in _blocks)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _lx_starts_block(item: Any) -> bool:
    """_starts_block of an lxml element or string."""
    if type(item) is str:
        return False
    name = item.tag.lower()
    if name in _SKIP_TAGS or name == "br":
        return False
    if item.get("data-cfemail"):
        return False
    return (
        name in _BLOCK_TAGS
        or name in _HEADING_TAGS
        or (name in ("p", "div") and _lx_bold_only(item))
    )


def _lx_tail_stack(root: Any, count: int) -> list[Any] | None:
    """_tail_stack of lxml's tree (`root` its <html>, the document's one child)."""
    stack: list[Any] = []
    contents: list[Any] = [root]
    for _ in range(64):
        found = 0
        for index in range(len(contents) - 1, -1, -1):
            if _lx_starts_block(contents[index]):
                found += 1
                if found == count:
                    stack.extend(reversed(contents[index:]))
                    return stack
        inner = -1
        child: Any = None
        for index in range(len(contents) - 1, -1, -1):
            if type(contents[index]) is not str:
                inner, child = index, contents[index]
                break
        if child is None:
            return None
        name = child.tag.lower()
        if (
            name in _SKIP_TAGS
            or name in _HEADING_TAGS
            or name in ("a", "br")
            or "data-cfemail" in child.attrib
            or (name in ("p", "div") and _lx_bold_only(child))
        ):
            return None
        stack.extend(reversed(contents[inner + 1 :]))
        if name in _BLOCK_TAGS:
            stack.append(_CLOSE_BLOCK)
        contents = bs4_contents(child)
    return None


def _lx_blocks(stack: list[Any]) -> list[Block]:
    """_blocks of lxml's tree: strings are plain str, queued addresses _Marker."""
    blocks: list[Block] = []
    pieces: list[str] = []
    heading_depth = 0
    link_depth = 0
    total = 0

    def flush() -> None:
        if not pieces:
            return
        text = "".join(pieces)
        pieces.clear()
        if text.strip():
            blocks.append(Block(unicodedata.normalize("NFC", text), heading_depth > 0))

    while stack and total < MAX_TEXT_CHARS:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            text = item
            if MAILTO_OPEN in text or MAILTO_CLOSE in text:
                text = MARKERS.sub("", text)
            if link_depth and "@" in text:
                text = _LINK_TEXT_EMAIL.sub(" ", text)
            total += len(text)
            pieces.append(text)
            continue
        if kind is _Close:
            flush()
            if item.heading:
                heading_depth -= 1
            continue
        if kind is _LinkEnd:
            link_depth -= 1
            continue
        if kind is _Marker:
            pieces.append(item.text)
            continue
        name = item.tag.lower()
        if name in _SKIP_TAGS:
            continue
        if name == "br":
            pieces.append("\n")
            continue
        cf = item.get("data-cfemail") or ""
        if cf:
            decoded = _decode_cfemail(cf)
            if decoded:
                pieces.append(" " + decoded + " ")
            continue
        if name == "a":
            emails = _link_emails(item.get("href") or "")
            if emails:
                stack.append(_Marker("".join(MAILTO_OPEN + e + MAILTO_CLOSE for e in emails)))
                stack.append(_LINK_END)
                link_depth += 1
        is_heading = name in _HEADING_TAGS or (name in ("p", "div") and _lx_bold_only(item))
        if is_heading:
            flush()
            stack.append(_CLOSE_HEADING)
            heading_depth += 1
        elif name in _BLOCK_TAGS:
            flush()
            stack.append(_CLOSE_BLOCK)
        stack.extend(reversed(bs4_contents(item)))
    flush()
    return blocks


def _lx_bold_only(el: Any) -> bool:
    """_bold_only of an lxml element."""
    only: Any = None
    for child in bs4_contents(el):
        if type(child) is str:
            if not child.strip():
                continue
            return False
        if only is not None or child.tag not in _BOLD_TAGS:
            return False
        only = child
    return only is not None


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return value if isinstance(value, str) else ""


def _bold_only(tag: Tag) -> bool:
    """A paragraph that is only <strong>…</strong>: a heading in all but name."""
    only: PageElement | None = None
    for child in tag.contents:
        if isinstance(child, NavigableString) and not child.strip():
            continue  # whitespace (or an empty comment) does not count
        if only is not None or not (isinstance(child, Tag) and child.name in _BOLD_TAGS):
            return False
        only = child
    return only is not None


def _link_emails(href: str) -> list[str]:
    """Addresses of a mailto: link (query ignored, percent-decoded) or a Cloudflare-protected link."""
    href = href.strip()
    if href[:7].lower() == "mailto:":
        target = unquote(href[7:].partition("?")[0])
        found = (valid_email(part) for part in target.split(",")[:10])
        return [e for e in found if e]
    if "/cdn-cgi/l/email-protection#" in href:
        decoded = _decode_cfemail(href.rpartition("#")[2])
        email = valid_email(decoded) if decoded else None
        return [email] if email else []
    return []


def _decode_cfemail(hex_text: str) -> str | None:
    """Cloudflare's email obfuscation: the first byte is a key XORed with every following byte."""
    hex_text = hex_text.strip()
    if len(hex_text) % 2 or not _HEX.fullmatch(hex_text):
        return None
    data = bytes.fromhex(hex_text)
    key = data[0]
    return bytes(b ^ key for b in data[1:]).decode("utf-8", errors="replace")


def _anchor_regions(blocks: list[Block]) -> Iterator[list[Block]]:
    """Candidate contacts blocks, last lead-in first: the lead-in's block cut after the phrase,
    then the blocks that follow it (bounded).

    Lazy, from the end: the block closes the body, so the first region usually answers and the
    blocks before its lead-in are never folded nor searched.
    """
    tries = 0
    for index in range(len(blocks) - 1, -1, -1):
        if tries >= MAX_ANCHOR_TRIES:
            return
        block = blocks[index]
        folded = fold(block.text)
        if not may_anchor(folded):
            continue
        anchors = [a for a in find_anchors(folded) if anchor_stands(a, folded, block.heading)]
        if not anchors:
            continue
        tries += 1
        anchor = anchors[-1] if block.heading else anchors[0]
        rest = block.text[anchor.end :]
        lead = AFTER_ANCHOR.match(rest)
        if lead:
            rest = rest[lead.end() :]
        first = [Block(rest, False)] if rest.strip() else []
        yield _bounded(first, blocks, index + 1)


def _heading_region(blocks: list[Block]) -> list[Block]:
    """Fallback: the blocks under a contacts-like heading that hold a mailto link."""
    for index, block in enumerate(blocks):
        if block.heading and len(block.text) < 100 and _CONTACT_HEADING.search(fold(block.text)):
            end = index + 1
            while end < len(blocks) and not blocks[end].heading:
                end += 1
            if any(MAILTO_OPEN in blocks[i].text for i in range(index + 1, end)):
                return _bounded([], blocks, index + 1, end)
    return []


def _bounded(
    first: list[Block], blocks: list[Block], start: int, end: int | None = None
) -> list[Block]:
    """`first` then blocks[start:end], cut to MAX_BLOCK_CHARS characters in all."""
    out: list[Block] = []
    size = 0
    stop = len(blocks) if end is None else end
    candidates = chain(first, (blocks[i] for i in range(start, stop)))
    for block in candidates:
        room = MAX_BLOCK_CHARS - size
        if room <= 0:
            break
        text = block.text[:room]
        size += len(text)
        out.append(Block(text, block.heading))
    return out
