"""The selector engine: a selector translated to XPath matches on lxml's tree exactly the elements
soupsieve matches on the BeautifulSoup tree of the same markup, and `element_text` reads the same
text from both kinds of element (random selectors and markup, the fixtures with every profile)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import Tag
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.extraction.extract import extract_page
from newsroom_tui.extraction.selectors import (
    PageSelector,
    css_to_xpath,
    element_text,
    element_value,
    run_xpath,
)
from newsroom_tui.profiles import ExtractSettings, list_profiles, load_profile
from pages import HTML_FILES

HELLO = '<html><body><h1 class="t"><span>Hello</span><span>World</span></h1></body></html>'


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _described(elements: list[Any]) -> list[tuple[str, str]]:
    return [
        (el.name if isinstance(el, Tag) else el.tag, _collapsed(element_text(el)))
        for el in elements
    ]


def both_paths(
    markup: str | PageSelector, selector: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(what the XPath translation finds, what soupsieve finds) for a translated selector."""
    xpath = css_to_xpath(selector)
    assert xpath is not None
    page = markup if isinstance(markup, PageSelector) else PageSelector(markup, [])
    via_xpath = run_xpath(page.root, xpath)
    via_soupsieve = [t for t in page.soup().select(selector) if isinstance(t, Tag)]
    return _described(via_xpath), _described(via_soupsieve)


def test_the_issue_example_reads_the_same_text_either_way() -> None:
    page = PageSelector(HELLO, [])
    assert css_to_xpath("h1.t") is not None and css_to_xpath("h1.t:not(.x)") is None
    assert page.values("h1.t") == page.values("h1.t:not(.x)") == ["HelloWorld"]
    for selector in ("h1.t", "h1.t:not(.x)"):
        settings_ = ExtractSettings(body=(), title=(selector,), date=(), drop=())
        assert extract_page(HELLO, "https://a.example/", settings_).title == "HelloWorld"


def test_element_text_separates_blocks_and_skips_what_is_not_text() -> None:
    markup = (
        "<div id=d>Un<!-- note --><b>deux</b><br>trois<p>quatre</p>cinq"
        "<script>x()</script><style>p{}</style><template><i>t</i></template>six</div>"
    )
    page = PageSelector(markup, [])
    lxml_div = run_xpath(page.root, "//div")[0]
    soup_div = page.soup().select_one("div#d")
    assert soup_div is not None
    for div in (lxml_div, soup_div):
        assert _collapsed(element_text(div)) == "Undeux trois quatre cinqsix"


def test_element_value_reads_meta_and_time_attributes() -> None:
    markup = (
        "<head><meta property=p content='Le titre'></head><body><time datetime='2024-03-01'>"
        "1 mars</time><time>2 mars</time></body>"
    )
    page = PageSelector(markup, [])
    soup = page.soup()
    for selector, expected in (("meta", "Le titre"), ("time", "2024-03-01")):
        assert page.values(selector) == [expected]
        found = soup.select_one(selector)
        assert found is not None and element_value(found) == expected
    assert page.values("time", limit=2) == ["2024-03-01", "2 mars"]


@pytest.mark.parametrize(
    ("selector", "markup", "matches"),
    [
        (".a", '<p class="x\u00a0a">1</p><p class="xa">2</p>', 1),  # NBSP splits classes
        (".a", '<p class="x\x0ca">1</p>', 1),
        ("[type=text]", "<input type=TEXT><input type=text><input type=txt>", 2),
        ("a[rel~=tag]", '<a rel="nofollow\u00a0TAG">x</a><a rel="tags">y</a>', 1),
        ("div[rel~=tag]", '<div rel="nofollow\u00a0tag">x</div>', 0),
        ("[title^='']", "<p title=x>1</p>", 0),
        ("[title*='']", "<p title=x>1</p>", 0),
        ("[title~='']", "<p title=x>1</p>", 0),
        ("[class='a b']", '<p class=" a  b ">1</p>', 1),
        ("[lang|=en]", "<p lang=EN-us>1</p><p lang=eng>2</p>", 1),
        ("html", "<p>1</p>", 1),
        ("*", "<p>1</p>", 3),
    ],
)
def test_translation_follows_soupsieve_on_edge_cases(
    selector: str, markup: str, matches: int
) -> None:
    via_xpath, via_soupsieve = both_paths(markup, selector)
    assert via_xpath == via_soupsieve
    assert len(via_xpath) == matches


@pytest.mark.parametrize(
    "selector", ["[a=1x]", '[a="x\\"y"]', "div\u00a0p", "[rel~=tag]", "a[x$=y]", "p, a"]
)
def test_what_the_translation_cannot_follow_goes_to_soupsieve(selector: str) -> None:
    assert css_to_xpath(selector) is None


# Random selectors and markup.
_NAMES = ["div", "p", "span", "a", "h1", "li", "body", "html", "*", "DIV", "A"]
_CLASSES = ["a", "b", "share", "A", "x-y", "t"]
_ATTRIBUTES = ["class", "rel", "type", "lang", "data-x", "title", "id", "Class", "REL"]
_VALUES = ["a", "b", "A", "a b", "", "x-y", "tag", "Tag", "en", "en-US", "\u00e9"]
_MARKUP_VALUES = [
    "a",
    "b",
    "A",
    "a b",
    " a  b ",
    "a\tb",
    "a\u00a0b",
    "a\x0cb",
    "a\x0bb",
    "",
    "x-y",
    "tag",
    "nofollow TAG",
    "en",
    "EN-us",
    "share a",
    "t",
    "\u00e9",
]


@st.composite
def _compound(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(["", *_NAMES]))
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from(["class", "id", "attribute"]))
        if kind == "class":
            text += "." + draw(st.sampled_from(_CLASSES))
        elif kind == "id":
            text += "#" + draw(st.sampled_from(["a", "b", "main"]))
        else:
            name = draw(st.sampled_from(_ATTRIBUTES))
            op = draw(st.sampled_from(["", "=", "~=", "^=", "*=", "|="]))
            if not op:
                text += f"[{name}]"
                continue
            value = draw(st.sampled_from(_VALUES))
            quote = draw(st.sampled_from(["'", '"', ""]))
            text += f"[{name}{op}{quote}{value}{quote}]"
    return text or "*"


_SELECTORS = st.lists(
    st.tuples(_compound(), st.sampled_from([" ", " > ", ">", "\t", "  \n"])),
    min_size=1,
    max_size=3,
).map(lambda parts: "".join(c + sep for c, sep in parts[:-1]) + parts[-1][0])


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(st.sampled_from(["div", "p", "span", "a", "h1", "li", "b", "ul", "section"]))
    attributes = ""
    for attribute in draw(st.lists(st.sampled_from([*_ATTRIBUTES[:7], "href"]), max_size=3)):
        value = draw(st.sampled_from(_MARKUP_VALUES)).replace('"', "")
        attributes += f' {attribute}="{value}"'
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        parts.append(draw(_element(depth + 1)))
    for _ in range(draw(st.integers(0, 2))):
        parts.insert(
            draw(st.integers(0, len(parts))),
            draw(st.sampled_from(["mot", " ", "\n  ", "deux mots", "<br>", "<!-- c -->", "é"])),
        )
    return f"<{name}{attributes}>{''.join(parts)}</{name}>"


_MARKUP = st.lists(_element(), min_size=1, max_size=4).map(
    lambda elements: "<html><body>" + "".join(elements) + "</body></html>"
)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MARKUP, _SELECTORS)
def test_translated_selectors_match_what_soupsieve_matches(markup: str, selector: str) -> None:
    assume(css_to_xpath(selector) is not None)
    via_xpath, via_soupsieve = both_paths(markup, selector)
    assert via_xpath == via_soupsieve


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MARKUP)
def test_element_text_is_the_same_on_both_trees(markup: str) -> None:
    page = PageSelector(markup, [])
    lxml_elements = run_xpath(page.root, "//*")
    soup_elements = [t for t in page.soup().select("*") if isinstance(t, Tag)]
    assert _described(lxml_elements) == _described(soup_elements)


def test_random_selectors_are_mostly_translated() -> None:
    """The comparison above is not all skips (then it would test nothing)."""
    drawn: list[str] = []

    @settings(max_examples=examples(200), database=None)
    @given(_SELECTORS)
    def collect(selector: str) -> None:
        drawn.append(selector)

    collect()
    translated = [s for s in drawn if css_to_xpath(s) is not None]
    assert len(translated) > len(drawn) // 2


PROFILE_SELECTORS = sorted(
    {
        selector
        for info in list_profiles()
        for extract in [load_profile(info.id).extract]
        for selector in (*extract.body, *extract.title, *extract.date, *extract.drop)
        if css_to_xpath(selector) is not None
    }
)


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_profile_selectors_match_alike_on_pages(path: Path) -> None:
    page = PageSelector(path.read_text(encoding="utf-8", errors="replace"), [])
    assert PROFILE_SELECTORS
    for selector in PROFILE_SELECTORS:
        via_xpath, via_soupsieve = both_paths(page, selector)
        assert via_xpath == via_soupsieve, selector


def test_the_translation_knows_what_bs4_and_soupsieve_know() -> None:
    """The attribute tables the translation follows are the installed libraries' own."""
    from bs4 import BeautifulSoup
    from soupsieve import css_parser

    from newsroom_tui.extraction import selectors

    lists = BeautifulSoup("", "lxml").builder.cdata_list_attributes or {}
    assert set(lists["*"]) == selectors._SPACE_SEPARATED_EVERYWHERE
    by_name: dict[str, set[str]] = {}
    for tag, names in lists.items():
        if tag != "*":
            for name in names:
                by_name.setdefault(name, set()).add(tag)
    assert by_name == {name: set(tags) for name, tags in selectors._SPACE_SEPARATED_ON.items()}
    assert css_parser.HTML_CASE_INSENSITIVE_ATTRIBUTES == selectors._CASE_INSENSITIVE
