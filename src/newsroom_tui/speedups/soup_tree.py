"""BeautifulSoup trees built from lxml's own parse: `parse_html(markup)` is the tree that
`BeautifulSoup(markup, "lxml")` builds, at about half the cost.

BeautifulSoup's lxml builder receives the parser's events one by one and spends most of its time
in Python bookkeeping per event (string buffers, tag stacks, a whitespace scan per string). Here
libxml2 parses the same markup with the same options into an lxml tree, and one iterative walk
turns that tree into bs4 objects with the same names, attributes (multi-valued ones split), string
classes (comments, `<script>`/`<style>`/`<template>`/ruby strings), whitespace-only strings
shortened the way bs4 does, and the same sibling and element links. Anything the walk does not
reproduce (markup that does not open with an element, a doctype, nodes outside the root element,
namespaced names, processing instructions) goes to BeautifulSoup itself, as does everything when the self-check below
finds that the installed bs4 builds a different tree. Never raises where BeautifulSoup would not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import lxml.etree
from bs4 import BeautifulSoup
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.element import Comment, NavigableString, Tag

from newsroom_tui import speedups

MAX_DEPTH = 200
"""Deeper trees go to BeautifulSoup: near libxml2's nesting limit (256) its event stream and its
tree differ."""
_ASCII_SPACES = " \n\t\x0c\r"
"""What bs4 counts as whitespace when it shortens a whitespace-only string (ASCII_SPACES)."""
# A doctype, and text after </html> (bs4 keeps it beside the root; lxml's tree drops it).
_OUTSIDE_ROOT = re.compile(r"<!doctype|</html", re.IGNORECASE)
_OPENS_WITH_ELEMENT = re.compile(r"<[A-Za-z]")
_LXML_COMMENT = lxml.etree._Comment
_LXML_ELEMENT = lxml.etree._Element
_TEMPLATE = BeautifulSoup("", "lxml")
_BUILDER = _TEMPLATE.builder
_PRESERVE = frozenset(_BUILDER.preserve_whitespace_tags or ())
_CONTAINERS: dict[str, type[NavigableString]] = dict(_BUILDER.string_containers or {})
_DOCUMENT_FIELDS = {
    key: value
    for key, value in _TEMPLATE.__dict__.items()
    if key
    in (
        "element_classes",
        "is_xml",
        "known_xml",
        "parse_only",
        "markup",
        "original_encoding",
        "declared_html_encoding",
        "contains_replacement_characters",
        "parser_class",
        "name",
        "namespace",
        "prefix",
        "sourceline",
        "sourcepos",
        "attribute_value_list_class",
        "hidden",
        "can_be_empty_element",
        "cdata_list_attributes",
        "preserve_whitespace_tags",
        "interesting_string_types",
    )
}


class _Unsupported(Exception):
    """The lxml tree holds something the walk does not reproduce: BeautifulSoup parses instead."""


def _document(builder: LXMLTreeBuilder) -> BeautifulSoup:
    soup: BeautifulSoup = BeautifulSoup.__new__(BeautifulSoup)
    fields = soup.__dict__
    fields.update(_DOCUMENT_FIELDS)
    fields.update(
        builder=builder,
        _namespaces={},
        attrs={},
        contents=[],
        parent=None,
        previous_element=None,
        next_element=None,
        next_sibling=None,
        previous_sibling=None,
        current_data=[],
        currentTag=soup,
        tagStack=[soup],
        open_tag_counter=Counter(),
        preserve_whitespace_tag_stack=[],
        string_container_stack=[],
        _most_recent_element=None,
    )
    return soup


def _build(root: Any) -> BeautifulSoup:
    """The bs4 tree of an lxml tree, walked iteratively (any depth, no recursion)."""
    builder = LXMLTreeBuilder()
    soup = _document(builder)
    namespaces = builder.active_namespace_prefixes[-1]
    soup._namespaces = dict(namespaces)
    tag_fields = {
        "parser_class": BeautifulSoup,
        "namespace": None,
        "_namespaces": namespaces,
        "prefix": None,
        "sourceline": None,
        "sourcepos": None,
        "attribute_value_list_class": builder.attribute_value_list_class,
        "known_xml": False,
        "hidden": False,
        "cdata_list_attributes": builder.cdata_list_attributes,
        "preserve_whitespace_tags": builder.preserve_whitespace_tags,
    }
    attribute_dict = builder.attribute_dict_class
    split_lists = builder._replace_cdata_list_attribute_values
    empty_element = builder.can_be_empty_element
    main_strings = Tag.MAIN_CONTENT_STRING_TYPES
    new_tag = Tag.__new__
    new_string = str.__new__
    # The node made last: its next_element is the next one made (the BeautifulSoup object
    # itself is not linked to its first child: bs4 starts from None).
    last: Any = None

    def add(owner: Any, node: Any) -> None:
        """Link `node` as the last child of `owner` and the next node in document order."""
        nonlocal last
        siblings = owner.contents
        node.parent = owner
        node.previous_element = last
        node.next_element = None
        node.next_sibling = None
        if siblings:
            previous = siblings[-1]
            previous.next_sibling = node
            node.previous_sibling = previous
        else:
            node.previous_sibling = None
        siblings.append(node)
        if last is not None:
            last.next_element = node
        last = node

    def add_string(owner: Any, text: str, cls: type[NavigableString], keep: bool) -> None:
        if not keep and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "  # bs4 shortens whitespace-only strings
        node = new_string(cls, text)
        node.hidden = False
        add(owner, node)

    # Frames: (lxml children left to visit, their lxml parent, its bs4 tag, string class in
    # force, whitespace kept, depth). When a frame ends, its element's tail goes to the frame
    # below (the parent's).
    stack: list[tuple[Iterator[Any], Any, Any, type[NavigableString], bool, int]] = [
        (iter((root,)), None, soup, NavigableString, False, 1)
    ]
    while stack:
        children, _, parent, cls, keep, depth = stack[-1]
        for node in children:
            name = node.tag
            if not isinstance(name, str):
                if not isinstance(node, _LXML_COMMENT):
                    raise _Unsupported("processing instruction or entity")
                add_string(parent, node.text or "", Comment, keep)
                if node.tail is not None:
                    add_string(parent, node.tail, cls, keep)
                continue
            if name.startswith("{"):
                raise _Unsupported("namespaced element")
            if depth > MAX_DEPTH:
                raise _Unsupported("deep nesting")
            tag = new_tag(Tag)
            fields = tag.__dict__
            fields.update(tag_fields)
            fields["name"] = name
            pairs = node.items()
            if pairs:
                raw = attribute_dict(pairs)
                for key in raw:
                    if key.startswith("{"):
                        raise _Unsupported("namespaced attribute")
                fields["attrs"] = split_lists(name, raw)
            else:
                fields["attrs"] = attribute_dict()
            fields["contents"] = []
            fields["can_be_empty_element"] = empty_element(name)
            container = _CONTAINERS.get(name)
            fields["interesting_string_types"] = {container} if container else main_strings
            add(parent, tag)
            if name == "meta":
                builder.set_up_substitutions(tag)
            inner_cls = container or cls
            inner_keep = keep or name in _PRESERVE
            if node.text is not None:
                add_string(tag, node.text, inner_cls, inner_keep)
            stack.append((iter(node), node, tag, inner_cls, inner_keep, depth + 1))
            break  # into the element's children; the rest of this frame's come after
        else:
            element = stack.pop()[1]
            if element is not None and element.tail is not None:
                _, _, owner, owner_cls, owner_keep, _ = stack[-1]
                add_string(owner, element.tail, owner_cls, owner_keep)
    soup._most_recent_element = last
    return soup


def _parse_with_lxml(markup: str) -> BeautifulSoup | None:
    """The fast path, or None when BeautifulSoup has to parse."""
    # Markup that does not open with an element may start with text that bs4 keeps beside the
    # root (whitespace before an implied <html>, say), which lxml's tree does not hold.
    if _OPENS_WITH_ELEMENT.match(markup) is None or _OUTSIDE_ROOT.search(markup) is not None:
        return None
    parser = lxml.etree.HTMLParser(recover=True)
    try:
        parser.feed(markup)
        root = parser.close()
    except (lxml.etree.LxmlError, ValueError, LookupError):
        return None
    if not isinstance(root, _LXML_ELEMENT):
        return None
    if root.getprevious() is not None or root.getnext() is not None:
        return None
    try:
        return _build(root)
    except _Unsupported:
        return None


def bs4_contents(el: Any) -> list[Any]:
    """The element's children as BeautifulSoup holds them: its text, then each child element
    followed by the child's tail; a whitespace-only string shortened to "\\n" or " " as `_build`
    does (outside <pre> and <textarea>: callers keep those out, and comments)."""
    out: list[Any] = []
    text = el.text
    if text is not None:
        out.append(_shortened(text))
    for child in el:
        out.append(child)
        tail = child.tail
        if tail is not None:
            out.append(_shortened(tail))
    return out


def _shortened(text: str) -> str:
    if not text.strip(_ASCII_SPACES):
        return "\n" if "\n" in text else " "
    return text


def _outline(soup: BeautifulSoup) -> list[tuple[Any, ...]]:
    """Everything a reader of the tree can see: node classes, names, attributes, strings, and
    every link as a position in document order."""
    nodes = [soup, *soup.descendants]
    index = {id(n): i for i, n in enumerate(nodes)}

    def at(other: Any) -> int | None:
        return None if other is None else index.get(id(other), -1)

    return [
        (
            type(n).__name__,
            n.name if isinstance(n, Tag) else str(n),
            dict(n.attrs) if isinstance(n, Tag) else None,
            sorted(n.interesting_string_types or (), key=str) if isinstance(n, Tag) else None,
            n.can_be_empty_element if isinstance(n, Tag) else None,
            at(n.parent),
            at(n.previous_element),
            at(n.next_element),
            at(n.previous_sibling),
            at(n.next_sibling),
        )
        for n in nodes
    ]


_CANARY = (
    '<div class="a  b" id=x><p>One <b>two</b> <!----> three<br>\n  </p>\n <pre>  keep\n </pre>'
    "<ul><li><a rel='nofollow tag' href='/x'>l</a></li>\n</ul><table><tr><td headers='h1 h2'>c"
    "</td></tr></table><textarea>  </textarea><ruby>a<rt>b</rt><rp>(</rp></ruby>"
    "<template><i>t</i></template><script>s</script><style> </style><meta charset=utf-8>"
    "<img src=i.png alt=''>&amp; &lt;x&gt; caf\u00e9 </div>  tail <!-- end -->"
)


def _self_check() -> bool:
    """Whether the installed bs4 builds, on a sample covering every case the walk handles, the
    very tree the walk builds (a bs4 without the internals the walk uses fails it too)."""
    try:
        fast = _parse_with_lxml(_CANARY)
    except (AttributeError, TypeError, KeyError):
        return False
    return fast is not None and _outline(fast) == _outline(BeautifulSoup(_CANARY, "lxml"))


_FAST = speedups.ENABLED and _self_check()
"""Whether the installed bs4 builds the trees this walk builds (checked once, at import, unless
the shortcuts are off)."""


def parse_html(markup: str) -> BeautifulSoup:
    """`BeautifulSoup(markup, "lxml")`, built from lxml's tree when possible; raises what
    BeautifulSoup raises (ParserRejectedMarkup and the like) on markup it rejects."""
    if _FAST and speedups.ENABLED:
        soup = _parse_with_lxml(markup)
        if soup is not None:
            return soup
    return BeautifulSoup(markup, "lxml")


def first_tag(soup: Tag, name: str) -> Tag | None:
    """`soup.<name>` (bs4's `find(name)`: the first element of that name, in document order) by
    a plain walk; bs4 builds a filter object for every such lookup."""
    if not speedups.ENABLED:
        found = soup.find(name)
        return found if isinstance(found, Tag) else None
    for node in soup.descendants:
        if isinstance(node, Tag) and node.name == name:
            return node
    return None
