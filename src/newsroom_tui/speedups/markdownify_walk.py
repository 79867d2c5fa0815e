"""markdownify 1.2's tree walk without bs4's searches: `FastConverter` is a MarkdownConverter whose
process_tag, process_text and convert_tr give markdownify's output at about half the cost.

What markdownify 1.2 spends its time on, and what is done instead:
- process_tag asks every element whether it sits inside a <pre> (`find_parent("pre")`, a bs4
  filter run per element, a third of a conversion): here `parent_tags` answers, and the root is
  asked once, in convert_soup.
- the block-element tests (should_remove_whitespace_inside/outside) are remembered per tag name;
  the newlines around child strings are split off with string methods instead of a pattern.
- process_text runs its two whitespace patterns only on text they change (the second one
  otherwise rewrites every space between words).
- convert_tr's find_all and find_previous_sibling (filter objects built per call, a quarter of the
  conversion of a page with a table) are plain walks.
- __init__ builds its options from dir() of its option classes (~50 µs): built once and copied.

With another markdownify, or the shortcuts off (`speedups.ENABLED`), markdownify's own methods run.
A test compares both on the fixtures and on random HTML.
"""

from __future__ import annotations

import functools
import re
from importlib.metadata import version
from typing import Any

import markdownify
from bs4 import Tag
from bs4.element import Comment, Doctype, NavigableString
from markdownify import MarkdownConverter

from newsroom_tui import speedups

MIRRORED = version("markdownify").startswith("1.2.")
"""The methods below are markdownify 1.2's: another version uses its own."""

_MARKDOWNIFY: Any = markdownify  # its stubs predate 1.2 and lack these helpers
should_remove_whitespace_inside = _MARKDOWNIFY.should_remove_whitespace_inside
_HEADING_NAME = re.compile(r"h(\d+)")
# markdownify 1.2's re_newline_whitespace and re_whitespace (a test compares the patterns).
MD_NEWLINE_WHITESPACE = re.compile(r"[\t \r\n]*[\r\n][\t \r\n]*")
MD_WHITESPACE = re.compile(r"[\t ]+")

_SPACE_INSIDE: dict[str, bool] = {}
_INLINE_CONTEXT: dict[str, bool] = {}
_NAME_CACHE_SIZE = 1000
_NOFORMAT_TAGS = frozenset(("pre", "code", "kbd", "samp"))


def active() -> bool:
    """Whether FastConverter's own methods run (the shortcuts on, markdownify 1.2 installed)."""
    return MIRRORED and speedups.ENABLED


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


def colspan(cell: Any) -> int:
    """markdownify's colspan of a cell (digits, clamped to 1..1000), with one that int() refuses
    (a superscript digit passes isdigit) counted as 1 instead of raising."""
    value = cell.attrs.get("colspan")
    if isinstance(value, str) and value.isdigit():
        try:
            return max(1, min(1000, int(value)))
        except ValueError:
            return 1
    return 1


@functools.cache
def _options(items: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    converter: Any = MarkdownConverter(**dict(items))  # the stubs predate `options`
    return dict(converter.options)


class FastConverter(MarkdownConverter):
    """MarkdownConverter with markdownify 1.2's walk done without bs4 searches (see above)."""

    def __init__(self, **options: Any) -> None:
        if active():
            # markdownify 1.2's __init__ only builds this dict and an empty cache.
            self.options: dict[str, Any] = dict(_options(tuple(sorted(options.items()))))
            self.convert_fn_cache: dict[str, Any] = {}
        else:
            super().__init__(**options)
        self._pre_above = False

    def convert_soup(self, soup: Any) -> Any:
        # Whether the root sits inside a <pre> (never, for a body or a document), asked once
        # rather than by every element as markdownify's process_tag does.
        self._pre_above = isinstance(soup, Tag) and soup.find_parent("pre") is not None
        return super().convert_soup(soup)

    def process_tag(self, node: Any, parent_tags: Any = None) -> Any:
        """markdownify 1.2's process_tag, without find_parent("pre") per element; the children
        are filtered and converted in one pass (converting reads the tree, never changes it), and
        text children are converted here (process_text's work) unless a subclass has its own."""
        if not active():
            base: Any = super()
            return base.process_tag(node, parent_tags=parent_tags)
        if parent_tags is None:
            parent_tags = set()
        name = node.name
        remove_inside = _removes_space_inside(node)
        inner_tags = set(parent_tags)
        inner_tags.add(name)
        if _is_inline_context(name):
            inner_tags.add("_inline")
        if name in _NOFORMAT_TAGS:
            inner_tags.add("_noformat")
        own_text = type(self).process_text is FastConverter.process_text
        strings: list[str] = []
        for el in node.contents:
            kind = type(el)
            if kind is Tag:
                converted = self.process_tag(el, inner_tags)
            elif kind is NavigableString or (
                isinstance(el, NavigableString) and not isinstance(el, Comment | Doctype)
            ):
                # Whitespace-only text next to a block boundary is dropped.
                if el.strip() == "" and (
                    (remove_inside and (_absent(el.previous_sibling) or _absent(el.next_sibling)))
                    or _removes_space_outside(el.previous_sibling)
                    or _removes_space_outside(el.next_sibling)
                ):
                    continue
                if own_text:
                    converted = self._text(el, inner_tags, remove_inside)
                else:
                    converted = self.process_text(el, parent_tags=inner_tags)
            elif isinstance(el, Tag):
                converted = self.process_tag(el, inner_tags)
            elif isinstance(el, Comment | Doctype):
                continue
            elif el is not None:
                raise ValueError(f"Unexpected element type: {type(el)}")
            else:
                continue
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
        """markdownify 1.2's process_text (wrap off), its patterns run only where they change
        something."""
        base: Any = super()
        if not active():
            return base.process_text(el, parent_tags=parent_tags)
        if parent_tags is None:
            parent_tags = set()
        return self._text(el, parent_tags, _removes_space_inside(el.parent))

    def _text(self, el: Any, parent_tags: Any, parent_removes_inside: bool) -> str:
        """process_text's work; `parent_removes_inside` is _removes_space_inside(el.parent)."""
        text = str(el) or ""
        if "pre" not in parent_tags:
            if "\n" in text or "\r" in text:
                text = MD_NEWLINE_WHITESPACE.sub("\n", text)
            if "\t" in text or "  " in text:
                text = MD_WHITESPACE.sub(" ", text)
        if "_noformat" not in parent_tags:
            converter: Any = self  # escape is missing from markdownify's stubs
            text = converter.escape(text, parent_tags)
        previous, following = el.previous_sibling, el.next_sibling
        if _removes_space_outside(previous) or (_absent(previous) and parent_removes_inside):
            text = text.lstrip(" \t\r\n")
        if _removes_space_outside(following) or (_absent(following) and parent_removes_inside):
            text = text.rstrip()
        return text

    def convert_tr(self, el: Tag, text: str, parent_tags: Any) -> str:
        """markdownify 1.2's table row, its bs4 searches done by walking the tree."""
        if not active():
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
        width = sum(colspan(cell) for cell in cells)
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
