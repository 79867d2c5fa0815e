"""CSS selectors, one engine: a selector matches what soupsieve (BeautifulSoup's CSS engine) says it
matches, and one function reads a matched element's text.

A page is parsed once with lxml; building a BeautifulSoup tree of a whole page costs ten times
more. So the selectors profiles use (tags, classes, ids, attributes, descendant and child
combinators) are translated to XPath and run on lxml's tree, written so that they match exactly
the elements soupsieve matches on the BeautifulSoup tree of the same markup (a hypothesis test
compares both on random selectors and markup). Any other selector is run by soupsieve, on a
BeautifulSoup tree built only when such a selector is met. Either way, `element_text` reads the
text of what was matched, the same for an lxml element and a BeautifulSoup tag.

What the translation has to follow, from soupsieve and BeautifulSoup:
- classes are BeautifulSoup's: the attribute split on any Unicode whitespace (so are the other
  space-separated attributes it splits, like `rel` on links; an attribute selector sees their
  parts joined by one space);
- some attributes (`type`, `lang`, `rel`...) compare their values ignoring ASCII case;
- `^=` and `*=` with an empty value match nothing; `~=` splits on CSS whitespace;
- a selector soupsieve refuses (an unquoted value that is not an identifier, an escape...) is
  not translated, so that it is reported rather than matched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import lxml.etree
import lxml.html
import soupsieve
from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction
from bs4.exceptions import ParserRejectedMarkup

from newsroom_tui import speedups
from newsroom_tui.speedups.soup_tree import parse_html

__all__ = [
    "PageSelector",
    "css_to_xpath",
    "element_text",
    "element_value",
    "selector_error",
    "tags_to_drop",
]

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_EMPTY_PAGE = "<html><body></body></html>"

# One compound selector: an optional tag (or *), then .class, #id and [attr op value] parts.
_COMPOUND = re.compile(
    r"(\*|[A-Za-z][A-Za-z0-9-]*)?"
    r"((?:\.[A-Za-z_][\w-]*|#[A-Za-z_][\w-]*"
    r"|\[\s*[A-Za-z_][\w-]*\s*(?:[~^*|]?=\s*(?:\"[^\"]*\"|'[^']*'|[\w-]+)\s*)?\])*)$"
)
_PART = re.compile(
    r"\.([\w-]+)|#([\w-]+)|\[\s*([\w-]+)\s*(?:([~^*|]?=)\s*(?:\"([^\"]*)\"|'([^']*)'|([\w-]+))\s*)?\]"
)
_CSS_IDENTIFIER = re.compile(r"-?[A-Za-z_][A-Za-z0-9_-]*")
_CSS_SPACE = re.compile(r"[ \t\n\r\f]+")
_TOKEN = re.compile(r"""[ \t\n\r\f]*(>|(?:[^ \t\n\r\f>\[]|\[(?:"[^"]*"|'[^']*'|[^\]"'])*\])+)""")
"""A child combinator or a compound (brackets kept whole), after any whitespace."""
_IMPLIED_TAGS = frozenset(("html", "head", "body", "p", "tbody", "tr", "td", "li", "dd", "dt"))
"""Elements a parser may add without a start tag in the markup."""

_SPACE_SEPARATED_EVERYWHERE = frozenset(("class", "accesskey", "dropzone"))
_SPACE_SEPARATED_ON = {
    "rel": frozenset(("a", "link", "area")),
    "rev": frozenset(("a", "link")),
    "headers": frozenset(("td", "th")),
    "accept-charset": frozenset(("form",)),
    "archive": frozenset(("object",)),
    "sizes": frozenset(("icon",)),
    "sandbox": frozenset(("iframe",)),
    "for": frozenset(("output",)),
}
"""Attributes BeautifulSoup's HTML builder splits into lists (its cdata_list_attributes)."""
_CASE_INSENSITIVE = frozenset(
    [
        "accept",
        "accept-charset",
        "align",
        "alink",
        "axis",
        "bgcolor",
        "charset",
        "checked",
        "clear",
        "codetype",
        "color",
        "compact",
        "declare",
        "defer",
        "dir",
        "direction",
        "disabled",
        "enctype",
        "face",
        "frame",
        "hreflang",
        "http-equiv",
        "lang",
        "language",
        "link",
        "media",
        "method",
        "multiple",
        "nohref",
        "noresize",
        "noshade",
        "nowrap",
        "readonly",
        "rel",
        "rev",
        "rules",
        "scope",
        "scrolling",
        "selected",
        "shape",
        "target",
        "text",
        "type",
        "valign",
        "valuetype",
        "vlink",
    ]
)
"""Attributes whose values HTML (and soupsieve) compare ignoring ASCII case."""

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ASCII_LOWER = str.maketrans(_UPPER, _LOWER)
_FUNCTIONS = "urn:newsroom-tui:css"
"""Namespace of the XPath functions below (`css:` in the translations)."""


def _string(value: Any) -> str:
    """An XPath argument as a string: a node-set of attributes gives its first value."""
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value)


def _css_joined(_: Any, value: Any) -> str:
    """A space-separated attribute as soupsieve sees it: split on any Unicode whitespace (as
    BeautifulSoup splits it), joined by single spaces."""
    return " ".join(_string(value).split())


def _css_has_class(_: Any, value: Any, name: str) -> bool:
    return name in _string(value).split()


def _css_has_word(_: Any, value: Any, word: str) -> bool:
    """`[attr~=word]`: the word among the value's parts separated by CSS whitespace."""
    return word in _CSS_SPACE.split(_string(value))


_EXTENSIONS = {
    (_FUNCTIONS, "joined"): _css_joined,
    (_FUNCTIONS, "has-class"): _css_has_class,
    (_FUNCTIONS, "has-word"): _css_has_word,
}
"""Done in Python because XPath cannot: Unicode whitespace, and control characters that an XPath
string cannot hold. Each runs after a cheap XPath test (`contains`) has let the element through."""

_BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
"""Elements whose start and end separate words in `element_text` (as on screen)."""
_TEXTLESS_ELEMENTS = frozenset(("script", "style", "template"))
"""Elements whose content is not text a reader sees."""
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


class SelectorFailed(Exception):
    """A selector soupsieve refuses; str() is one line."""


def _xpath_literal(value: str) -> str | None:
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    return None


def _attribute_value(tag: str, name: str) -> str | None:
    """The XPath of attribute `name`'s value as soupsieve compares it on element `tag`; None when
    it depends on which element carries it."""
    value = f"@{name}"
    if name in _SPACE_SEPARATED_EVERYWHERE or tag in _SPACE_SEPARATED_ON.get(name, ()):
        value = f"css:joined({value})"
    elif name in _SPACE_SEPARATED_ON and tag == "*":
        return None
    if name in _CASE_INSENSITIVE:
        value = f"translate({value}, '{_UPPER}', '{_LOWER}')"
    return value


def _attribute_predicates(
    tag: str, name: str, op: str, value: str, quoted: bool
) -> list[str] | None:
    if not quoted and _CSS_IDENTIFIER.fullmatch(value) is None:
        return None  # soupsieve refuses it (or reads an escape): it must say so
    if "\\" in value or any(ch in value for ch in "\n\r\f"):
        return None
    subject = _attribute_value(tag, name)
    if subject is None:
        return None
    if name in _CASE_INSENSITIVE:
        value = value.translate(_ASCII_LOWER)
    literal = _xpath_literal(value)
    if literal is None:
        return None
    if op == "=":
        return [f"@{name}", f"{subject}={literal}"]
    if op == "~=":
        if not value or any(ch.isspace() for ch in value):
            return ["false()"]  # as in soupsieve
        # The raw value holds the word whenever the value as compared does: a cheap test first.
        raw = (
            f"translate(@{name}, '{_UPPER}', '{_LOWER}')"
            if name in _CASE_INSENSITIVE
            else f"@{name}"
        )
        return [f"contains({raw}, {literal})", f"css:has-word({subject}, {literal})"]
    if not value and op in ("^=", "*="):
        return ["false()"]  # as in soupsieve
    if op == "^=":
        return [f"starts-with({subject}, {literal})"]
    if op == "*=":
        return [f"contains({subject}, {literal})"]
    dash = _xpath_literal(value + "-")  # |=
    return [f"@{name}", f"{subject}={literal} or starts-with({subject}, {dash})"]


def _compound_to_xpath(compound: str) -> str | None:
    match = _COMPOUND.fullmatch(compound)
    if not match:
        return None
    tag = (match.group(1) or "*").lower()
    predicates: list[str] = []
    for part in _PART.finditer(match.group(2) or ""):
        cls, ident, attr, op, v1, v2, v3 = part.groups()
        if cls:
            predicates += (f"contains(@class, '{cls}')", f"css:has-class(@class, '{cls}')")
        elif ident:
            predicates.append(f"@id='{ident}'")
        else:
            if not attr.isascii():
                return None
            name = attr.lower()
            if not op:
                predicates.append(f"@{name}")
                continue
            value = next(v for v in (v1, v2, v3) if v is not None)
            found = _attribute_predicates(tag, name, op, value, quoted=v3 is None)
            if found is None:
                return None
            predicates += found
    return tag + "".join(f"[{p}]" for p in predicates)


def _compounds(selector: str) -> list[str] | None:
    """The compounds and child combinators (">") of a selector, or None when it holds whitespace
    CSS does not count as such (soupsieve would read it as part of a name) or does not split
    into them."""
    if any(ch.isspace() and ch not in " \t\n\r\f" for ch in selector):
        return None
    tokens: list[str] = []
    position = 0
    end = len(selector.rstrip(" \t\n\r\f"))
    while position < end:
        match = _TOKEN.match(selector, position)
        if match is None:
            return None
        tokens.append(match.group(1))
        position = match.end()
    return tokens


@functools.lru_cache(maxsize=512)
def css_to_xpath(selector: str) -> str | None:
    """XPath for a simple CSS selector (one complex selector: compounds of tag, .class, #id and
    [attr], [attr=v], [attr~=v], [attr^=v], [attr*=v], [attr|=v], joined by descendant or child
    combinators), matching what soupsieve matches, from the document (run it with `run_xpath`,
    which knows its `css:` functions); None for anything else, which is then left to soupsieve."""
    if not selector.strip() or "," in selector or len(selector) > 500:
        return None
    tokens = _compounds(selector)
    if tokens is None:
        return None
    steps: list[str] = []
    axis = "//"
    for token in tokens:
        if token == ">":
            if not steps or axis == "/":
                return None
            axis = "/"
            continue
        step = _compound_to_xpath(token)
        if step is None:
            return None
        steps.append(axis + step)
        axis = "//"
    if not steps or axis == "/":
        return None
    return "".join(steps)


@functools.lru_cache(maxsize=512)
def _compiled(xpath: str) -> lxml.etree.XPath:
    # An XPath object evaluates under its own lock: one can serve several threads.
    return lxml.etree.XPath(xpath, namespaces={"css": _FUNCTIONS}, extensions=_EXTENSIONS)


def run_xpath(root: Any, xpath: str) -> list[Any]:
    """The elements an XPath from css_to_xpath finds in root's document, in document order."""
    found = _compiled(xpath)(root)
    return [el for el in found if isinstance(el.tag, str)]


def selector_error(selector: str) -> str | None:
    """Why soupsieve refuses a selector (one line), or None when it is valid."""
    try:
        soupsieve.compile(selector)
    except (soupsieve.SelectorSyntaxError, ValueError, TypeError) as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None


class PageSelector:
    """Runs CSS selectors on one page: on lxml's tree when they translate to XPath, else with
    soupsieve on a BeautifulSoup tree of the same markup, built the first time one is needed.
    Never raises on page content or on a selector: problems become `notes`."""

    def __init__(self, text: str, notes: list[str]) -> None:
        self.notes = notes
        self.text = _XML_DECLARATION.sub("", text, count=1)
        self.root = self._parse()
        self._soup: BeautifulSoup | None = None

    def _parse(self) -> Any:
        try:
            # huge_tree lifts libxml2's depth limit of 256, beyond which it drops content silently.
            parser = lxml.html.HTMLParser(huge_tree=True)
            return lxml.html.document_fromstring(self.text, parser=parser)
        except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
            if self.text.strip():
                self.notes.append(f"page could not be parsed: {type(exc).__name__}")
            self.text = _EMPTY_PAGE  # what both trees hold from now on
            return lxml.html.document_fromstring(_EMPTY_PAGE)

    def soup(self) -> BeautifulSoup:
        """The BeautifulSoup tree of the page (built once)."""
        if self._soup is None:
            try:
                self._soup = parse_html(self.text)
            except (ParserRejectedMarkup, ValueError, TypeError) as exc:
                self.notes.append(f"page could not be parsed for CSS: {type(exc).__name__}")
                self._soup = BeautifulSoup("", "lxml")
        return self._soup

    def select(self, selector: str, limit: int | None = 1) -> list[Any]:
        """The first `limit` elements matching (all with None), in document order: lxml elements,
        or BeautifulSoup tags when soupsieve had to run."""
        xpath = css_to_xpath(selector)
        if xpath is not None:
            try:
                found = run_xpath(self.root, xpath)
            except lxml.etree.XPathError as exc:
                self.notes.append(f"CSS selector {selector!r} failed: {type(exc).__name__}")
                return []
            return found if limit is None else found[:limit]
        try:
            tags = self.soup().select(selector, limit=limit or 0)
        except (soupsieve.SelectorSyntaxError, ValueError, TypeError) as exc:
            self.notes.append(f"invalid CSS selector {selector!r}: {type(exc).__name__}")
            return []
        return [tag for tag in tags if isinstance(tag, Tag)]

    def values(self, selector: str, limit: int = 1) -> list[str]:
        """`element_value` of the first matches."""
        return [element_value(el) for el in self.select(selector, limit)]


def element_text(element: Any) -> str:
    """The text of an element as a reader sees it, for an lxml element or a BeautifulSoup tag
    alike: its strings in document order, a space where a block element (or <br>) inside it
    starts or ends, nothing from comments, scripts, styles or templates. Whitespace is not
    collapsed."""
    return "".join(_strings(element))


def has_text(element: Any) -> bool:
    """Whether `element_text` holds anything but whitespace (told at its first word)."""
    return any(not part.isspace() for part in _strings(element) if part)


def _strings(element: Any) -> Iterator[str]:
    return _soup_text(element) if isinstance(element, Tag) else _lxml_text(element)


def _lxml_text(root: Any) -> Iterator[str]:
    walk = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walk:
        if event in ("comment", "pi"):  # only the text after it
            if el.tail:
                yield el.tail
            continue
        tag = el.tag
        block = tag in _BLOCK_ELEMENTS and el is not root
        if event == "start":
            if block:
                yield " "
            if tag in _TEXTLESS_ELEMENTS:
                walk.skip_subtree()
            elif el.text:
                yield el.text
        else:
            if block:
                yield " "
            if el is not root and el.tail:
                yield el.tail


def _soup_text(root: Tag) -> Iterator[str]:
    # Frames: the children left to visit, and whether their parent is a block.
    stack: list[tuple[Iterable[Any], bool]] = [(iter((root,)), False)]
    while stack:
        children, block = stack[-1]
        for node in children:
            if isinstance(node, Tag):
                inner_block = node.name in _BLOCK_ELEMENTS and node is not root
                if inner_block:
                    yield " "
                if node.name in _TEXTLESS_ELEMENTS:
                    if inner_block:
                        yield " "
                    continue
                stack.append((iter(node.contents), inner_block))
                break
            if isinstance(node, NavigableString) and not isinstance(node, _NOT_TEXT):
                yield str(node)
        else:
            stack.pop()
            if block:
                yield " "


def element_value(element: Any) -> str:
    """What a title or date selector reads from an element: a <meta>'s content, a <time>'s
    datetime, else the element's text."""
    if isinstance(element, Tag):
        name = element.name
        get = element.get
    else:
        name = element.tag
        get = element.get
    if name == "meta":
        return _joined(get("content"))
    if name == "time" and get("datetime"):
        return _joined(get("datetime"))
    return element_text(element)


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(value)
    return str(value or "")


# Drop selectors: skipped when they cannot match (a speed shortcut, off with the others).


@functools.lru_cache(maxsize=256)
def _subject_needles(selector: str) -> tuple[str, ...] | None:
    """Lower-case text that HTML must contain for `selector` to match one of its elements: the
    tag name (`<nav`), classes, ids and attribute names of the selector's last compound. None when
    that cannot be told: not a simple selector, or one soupsieve rejects (it must still run, to
    report it)."""
    if css_to_xpath(selector) is None or not _valid_css(selector):
        return None
    tokens = [t for t in (_compounds(selector) or []) if t != ">"]
    match = _COMPOUND.fullmatch(tokens[-1]) if tokens else None
    if match is None:
        return None
    needles: list[str] = []
    tag = (match.group(1) or "*").lower()
    if tag != "*" and tag not in _IMPLIED_TAGS:
        needles.append("<" + tag)
    for part in _PART.finditer(match.group(2) or ""):
        cls, ident, attr = part.group(1, 2, 3)
        needles.append((cls or ident or attr).lower())
    # Lower-casing is per character only for ASCII (not for a final sigma, say).
    return tuple(needle for needle in needles if needle.isascii())


def _valid_css(selector: str) -> bool:
    """Whether soupsieve accepts a selector css_to_xpath translated. A plain ASCII one is valid
    CSS (the translation takes only identifiers unquoted, and no escapes): told without
    soupsieve, whose first compilation in a process costs ~0.1 s of CPU (in every sync worker).
    Anything else is asked of it."""
    if selector.isascii():
        return True
    return selector_error(selector) is None


def _may_match(selector: str, lowered_html: str) -> bool:
    needles = _subject_needles(selector)
    return needles is None or all(needle in lowered_html for needle in needles)


def drop_may_match(selectors: Iterable[str], html: str) -> bool:
    """Whether tags_to_drop may find anything in the tree parsed from `html`: False only when
    the shortcuts are on and no drop selector can match (see _may_match)."""
    if not speedups.ENABLED:
        return True
    lowered = html.lower()
    return any(_may_match(selector, lowered) for selector in selectors)


def tags_to_drop(body: Tag, selectors: Iterable[str], notes: list[str], html: str) -> list[Tag]:
    """The elements of `body` that the profile's drop selectors match (invalid selectors are
    noted and skipped).

    `html` is the markup `body` was parsed from. A simple selector whose class, id or tag name
    does not occur in it cannot match, and is not run (soupsieve visits every element per call).
    """
    if speedups.ENABLED:
        lowered = html.lower()
        selectors = [selector for selector in selectors if _may_match(selector, lowered)]
    else:
        selectors = list(selectors)
    if not selectors:
        return []
    found: list[Tag] = []
    try:
        found = list(body.select(", ".join(selectors)))
    except (soupsieve.SelectorSyntaxError, ValueError, TypeError):
        for selector in selectors:
            try:
                found.extend(body.select(selector))
            except (soupsieve.SelectorSyntaxError, ValueError, TypeError) as exc:
                notes.append(f"invalid CSS selector {selector!r}: {type(exc).__name__}")
    return [el for el in found if isinstance(el, Tag)]
