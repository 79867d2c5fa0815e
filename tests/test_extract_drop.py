"""Drop selectors that cannot match are not run: the body, the notes and the answer are those of
running every selector, on the fixtures with every built-in profile and on random markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.extraction import extract
from newsroom_tui.extraction import selectors as engine
from newsroom_tui.extraction.extract import extract_page
from newsroom_tui.profiles import ExtractSettings, list_profiles, load_profile
from newsroom_tui.speedups.soup_tree import parse_html
from pages import HTML_FILES

SELECTORS = [
    "nav",
    "aside",
    "div.social-share",
    "div.field--name-field-tags",
    ".share",
    "#related",
    "p",
    "li",
    "td",
    "*",
    "span.x",
    "div > p",
    "article .share",
    "[data-x]",
    "a[href^='mailto']",
    "div[class~=share]",
    "DIV.Share",
    "p.\u00e9t\u00e9",
    "li:nth-child(2)",
    "p:not(.x)",
    "table, nav",
    "[a=1x]",
    "div..x",
    "",
]
PIECES = [
    "<div>",
    "</div>",
    "<div class='social-share share'>",
    "<div class='field--name-field-tags'>",
    "<p>",
    "<p class='\u00e9t\u00e9 x'>",
    "</p>",
    "<nav>menu</nav>",
    "<aside>more</aside>",
    "<span class=x>",
    "</span>",
    "<ul><li>a</li><li>b</li></ul>",
    "<table><tr><td>c</td></tr></table>",
    "<a href='mailto:a@b.org'>m</a>",
    "<section id=related data-x=1>",
    "</section>",
    "<article>",
    "</article>",
    "<DIV CLASS=Share>",
    "text ",
    "share ",
    "nav ",
    "&lt;nav&gt;",
    "<!-- <nav> -->",
]


def _both_ways(html: str, selectors: list[str]) -> None:
    fast_body = parse_html(html).body
    slow_body = parse_html(html).body
    assert fast_body is not None and slow_body is not None
    fast_notes: list[str] = []
    slow_notes: list[str] = []
    fast = extract._drop_selected(fast_body, selectors, fast_notes, html)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "_may_match", lambda selector, lowered: True)
        slow = extract._drop_selected(slow_body, selectors, slow_notes, html)
    assert (fast, str(fast_body), fast_notes) == (slow, str(slow_body), slow_notes)


@settings(max_examples=examples(400), deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.lists(st.sampled_from(SELECTORS), max_size=5),
)
def test_skipping_selectors_changes_nothing(html: str, selectors: list[str]) -> None:
    _both_ways("<div>" + html, selectors)


@pytest.mark.parametrize("profile_id", [info.id for info in list_profiles()])
@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_skipping_selectors_changes_nothing_on_pages(path: Path, profile_id: str) -> None:
    settings_ = load_profile(profile_id).extract
    settings_ = ExtractSettings(
        body=settings_.body,
        title=settings_.title,
        date=settings_.date,
        drop=(*settings_.drop, *SELECTORS),
        title_suffixes=settings_.title_suffixes,
    )
    page = path.read_bytes()
    fast = extract_page(page, "https://example.org/fr/x", settings_)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "_may_match", lambda selector, lowered: True)
        slow = extract_page(page, "https://example.org/fr/x", settings_)
    assert fast == slow


def test_a_selector_absent_from_the_markup_is_not_run() -> None:
    assert engine._subject_needles("div.social-share") == ("<div", "social-share")
    assert not engine._may_match("div.social-share", "<div class=other>share</div>")
    assert engine._may_match("div.social-share", "<div class='a social-share'>")
    # Not told apart: complex selectors, invalid ones (they must still be reported), implied tags.
    assert engine._subject_needles("p:not(.x)") is None
    assert engine._subject_needles("[a=1x]") is None
    assert engine._subject_needles("p") == ()


SELECTOR_PIECES = [
    "div",
    "p",
    "*",
    "h1",
    ".share",
    "._x",
    ".-x",
    "#id",
    "#_a-b",
    "[data-x]",
    "[a=b]",
    "[a=1x]",
    "[a=-1]",
    "[a=-b]",
    "[a=--b]",
    "[a=_]",
    "[a=-]",
    '[a="x y"]',
    "[a='it\"s']",
    '[a="\\\\"]',
    '[a="\\n"]',
    "[a~=b]",
    "[a^='b']",
    '[a*="c"]',
    "[a|=en]",
    "[ a = b ]",
    ".\u00e9t\u00e9",
    "[a=\u00e9]",
    " ",
    " > ",
]


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(st.sampled_from(SELECTOR_PIECES), min_size=1, max_size=5).map("".join))
def test_selectors_told_valid_without_soupsieve_are_valid(selector: str) -> None:
    import soupsieve

    if engine.css_to_xpath(selector) is None:
        return
    try:
        soupsieve.compile(selector)
        valid = True
    except (soupsieve.SelectorSyntaxError, ValueError, TypeError):
        valid = False
    assert engine._valid_css(selector) == valid
