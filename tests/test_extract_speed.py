"""The extraction shortcuts change nothing: contacts read from the body's own parse equal contacts
read from the string, markdownify's process_tag, process_text and convert_tr rewritten without bs4
searches give the same Markdown, and a page whose body is followed by control characters is
extracted (it used to raise)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.extraction import markdown, markdown_text
from newsroom_tui.extraction.contacts import extract_contacts
from newsroom_tui.extraction.extract import extract_page
from newsroom_tui.profiles import load_profile
from newsroom_tui.sanitise import clean_body
from newsroom_tui.speedups import markdownify_walk
from pages import HTML_FILES
from shortcuts import needs_speedups

ROOT = Path(__file__).parent
PIECES = [
    "<p>",
    "</p>",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "x  y",
    "\n",
    "\n\n\n",
    "<span>",
    "</span>",
    "<br>",
    "<b>",
    "</b>",
    "<a href='mailto:a@b.org'>",
    "<a href='/rel'>",
    "</a>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<ul><li>",
    "</li></ul>",
    "<h2>",
    "</h2>",
    "<div>",
    "</div>",
    "<blockquote>",
    "</blockquote>",
    "<strong>",
    "</strong>",
    "<!-- c -->",
    "   ",
    "*_[`|#",
    "1. ",
    "Pour plus d'informations, veuillez contacter :",
    "For more information, please contact",
    "Media contacts",
    "Jean Dupont, Tel : +41 22 717 9111",
    "ana [at] iom [dot] int",
    "é",
    "<table>",
    "</table>",
    "<thead>",
    "</thead>",
    "<tbody>",
    "</tbody>",
    "<tr>",
    "</tr>",
    "<th>",
    "</th>",
    "<td colspan='2'>",
    "<td colspan='x'>",
    "</td>",
    "<ol start='3'><li>",
    "</ol>",
    "\n\n",
    " \n ",
]
html_pieces = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _contacts_both_ways(html: str) -> None:
    body = clean_body(html)
    tree = BeautifulSoup(body, "lxml")
    assert extract_contacts(body, tree=tree) == extract_contacts(body)


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_contacts_from_tree_equal_contacts_from_string_on_fixtures(path: Path) -> None:
    _contacts_both_ways(path.read_text(encoding="utf-8", errors="replace"))


@settings(max_examples=examples(200), deadline=None)
@given(html_pieces)
def test_contacts_from_tree_equal_contacts_from_string(html: str) -> None:
    _contacts_both_ways(html)


def test_a_tree_of_other_text_is_not_trusted_when_the_string_needs_cleaning() -> None:
    """The tree is used only for the string it is the parse of (surrogates and NULs differ)."""
    html = "<p>For more information, please contact Ana, ana@iom.int</p>\x00"
    wrong = BeautifulSoup("<p>nothing here</p>", "lxml")
    assert extract_contacts(html, tree=wrong) == extract_contacts(html)


def _markdown_both_ways(html: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = markdown.html_to_markdown(html, "https://example.org/a/")
    with monkeypatch.context() as patch:
        patch.setattr(markdownify_walk, "MIRRORED", False)
        reference = markdown.html_to_markdown(html, "https://example.org/a/")
    assert fast == reference


def _raw_both_ways(html: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The converter's own output, before the cleaning that could hide a difference."""
    fast = markdown._SafeConverter("https://example.org/").convert_soup(BeautifulSoup(html, "lxml"))
    with monkeypatch.context() as patch:
        patch.setattr(markdownify_walk, "MIRRORED", False)
        soup = BeautifulSoup(html, "lxml")
        reference = markdown._SafeConverter("https://example.org/").convert_soup(soup)
    assert fast == reference


@settings(max_examples=examples(300), deadline=None)
@given(html_pieces)
def test_fast_process_tag_equals_markdownify_before_cleaning(html: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _raw_both_ways(html, monkeypatch)


def test_fast_process_tag_keeps_newlines_inside_pre(monkeypatch: pytest.MonkeyPatch) -> None:
    html = "<pre><code>a\n\n\n<span>\n\nb</span></code></pre><div><p>a</p><p>b</p></div>"
    _raw_both_ways(html, monkeypatch)


@needs_speedups
def test_the_fast_process_tag_is_in_use() -> None:
    assert markdownify_walk.active(), "markdownify is not 1.2.x: the shortcut is switched off"


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_fast_process_tag_equals_markdownify_on_fixtures(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _markdown_both_ways(path.read_text(encoding="utf-8", errors="replace"), monkeypatch)


@settings(max_examples=examples(300), deadline=None)
@given(html_pieces)
def test_fast_process_tag_equals_markdownify(html: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _markdown_both_ways(html, monkeypatch)


def test_body_followed_by_control_characters_is_extracted() -> None:
    page = (
        b'<html><body><div class="narrow-content"><div class="field--type-text-with-summary">'
        b"<p>Corps</p></div>\x1b[31m suite</div></body></html>"
    )
    extracted = extract_page(page, "https://www.iom.int/fr/x", load_profile("iom-fr").extract)
    assert extracted.markdown == "Corps"


def test_extract_page_does_not_parse_the_body_twice_for_contacts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = (ROOT / "fixtures" / "pages" / "iom-fr-release.html").read_bytes()
    settings_ = load_profile("iom-fr").extract
    expected = extract_page(page, "https://www.iom.int/fr/x", settings_)
    assert expected.contacts

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("contacts parsed the body again")

    monkeypatch.setattr("newsroom_tui.extraction.contacts.parse_html", no_parse)
    assert extract_page(page, "https://www.iom.int/fr/x", settings_) == expected


def _old_collapse(html: str) -> str:
    """collapse_whitespace as first written (lookbehind first)."""
    return re.sub(r"(?<![ \t\r\n\f\v])[ \t\r\n\f\v]{64,}", markdown._shorten_run, html)


def _old_tidy(text: str) -> str:
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


whitespace_text = st.lists(
    st.sampled_from([" ", "\t", "\n", "\r", "\f", "\v", "a", "<p>", " " * 63, "\n" * 64, "  "]),
    max_size=60,
).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(whitespace_text)
def test_rewritten_whitespace_patterns_match_the_originals(text: str) -> None:
    assert markdown.collapse_whitespace(text) == _old_collapse(text)
    assert markdown._tidy_text(text) == _old_tidy(text)


def test_rewritten_whitespace_patterns_on_runs_of_every_length() -> None:
    for length in range(130):
        for ws in (" ", "\n", "\t", " \n"):
            text = "a" + ws * length + "b" + ws * length
            assert markdown.collapse_whitespace(text) == _old_collapse(text)
            assert markdown._tidy_text(text) == _old_tidy(text)


def _old_escape(text: str) -> str:
    text = markdown_text._ESCAPE_ANYWHERE.sub(r"\\\1", text)
    text = markdown_text._ESCAPE_ENTITY.sub(r"\\&", text)

    def line_start(match: re.Match[str]) -> str:
        marker = match.group(3)
        if marker[0].isdigit():
            return f"{match.group(1)}{match.group(2)}{marker}\\"
        return f"{match.group(1)}{match.group(2)}\\{marker}"

    return markdown_text._ESCAPE_LINE_START.sub(line_start, text)


markdownish_text = st.lists(
    st.sampled_from(
        ["#", "##", " ", "\t", "\n", "-", "+", "=", "1", "12.", ")", "a", "*", "&amp;"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=examples(500), deadline=None)
@given(markdownish_text)
def test_escape_markdown_shortcut_matches_the_full_substitution(text: str) -> None:
    assert markdown.escape_markdown(text) == _old_escape(text)


def test_process_text_mirrors_markdownify_patterns() -> None:
    import markdownify

    library: Any = markdownify  # its stubs do not list the patterns
    assert markdownify_walk.MD_NEWLINE_WHITESPACE.pattern == library.re_newline_whitespace.pattern
    assert markdownify_walk.MD_WHITESPACE.pattern == library.re_whitespace.pattern


def test_converter_options_are_markdownifys(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = markdown._SafeConverter("https://example.org/").options
    monkeypatch.setattr(markdownify_walk, "MIRRORED", False)
    assert fast == markdown._SafeConverter("https://example.org/").options


@pytest.mark.parametrize("colspan", ["\u00b2", "\u2075", "3", "0", "99999", "x", ""])
def test_any_colspan_converts_without_raising(colspan: str) -> None:
    """A superscript digit passes str.isdigit but not int(): markdownify raised ValueError."""
    html = f"<table><tr><th colspan='{colspan}'>a</th><td colspan='{colspan}'>b</td></tr></table>"
    assert "| a |" in markdown.html_to_markdown(html, "https://example.org/").markdown
    page = f"<html><body><main><p>Enough words to be the body.</p>{html}</main></body></html>"
    settings_ = load_profile("iom-fr").extract
    assert "| a |" in extract_page(page.encode(), "https://example.org/x", settings_).markdown


@st.composite
def tables(draw: st.DrawFn) -> str:
    """Tables of every shape markdownify's row conversion tells apart: header rows of <th>, a
    <thead> with one or more rows, a <tbody> first or after a <thead>, rows straight in <table>,
    spans, whitespace between rows, a table nested in a cell."""
    space = st.sampled_from(["", "\n", " "])

    def row() -> str:
        cells = "".join(
            f"<{draw(st.sampled_from(['td', 'th']))}"
            f"{draw(st.sampled_from(['', ' colspan=2', ' colspan=x']))}>"
            f"{draw(st.sampled_from(['a', '', 'b c', '<b>d</b>', '<table><tr><td>n</td></tr></table>']))}"
            "</td>"
            for _ in range(draw(st.integers(0, 3)))
        )
        return f"{draw(space)}<tr>{cells}</tr>{draw(space)}"

    def rows() -> str:
        return "".join(row() for _ in range(draw(st.integers(0, 3))))

    parts = []
    for section in draw(st.lists(st.sampled_from(["thead", "tbody", "tfoot", ""]), max_size=3)):
        parts.append(f"<{section}>{rows()}</{section}>" if section else rows())
    caption = draw(st.sampled_from(["", "<caption>c</caption>"]))
    return f"<div><p>x</p><table>{caption}{''.join(parts)}</table>{draw(space)}</div>"


@settings(max_examples=examples(300), deadline=None)
@given(tables())
def test_fast_table_rows_equal_markdownify(html: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _raw_both_ways(html, monkeypatch)


def _old_prepare(root: Any) -> tuple[str, int]:
    """_prepare as first written: one stack entry per node, closing markers as entries."""
    from bs4 import Tag
    from bs4.element import NavigableString

    parts: list[str] = []
    max_depth = 0
    stack: list[tuple[Any, int, bool, str]] = [(root, 0, False, "")]
    while stack:
        node, depth, in_pre, closing = stack.pop()
        if closing:
            parts.append(closing)
            continue
        if isinstance(node, NavigableString):
            if isinstance(node, markdown._SKIPPED_STRINGS):
                continue
            value = str(node)
            if in_pre:
                fixed = markdown._PRE_SPACES.sub(
                    " " * 64, markdown._PRE_NEWLINES.sub("\n\n", value)
                )
            elif len(value) > 1 and markdown._TEXT_WS.search(value) is not None:
                fixed = markdown._TEXT_WS.sub(" ", value)
            else:
                parts.append(value)
                continue
            parts.append(fixed)
            if fixed != value:
                node.replace_with(NavigableString(fixed))
            continue
        if not isinstance(node, Tag):
            continue
        max_depth = max(max_depth, depth)
        if node.name in markdown._REMOVED and node is not root:
            node.decompose()
            continue
        if node.name == "br":
            parts.append("\n")
            continue
        if node.name in markdown._BLOCK_TAGS:
            parts.append("\n\n")
            stack.append((None, depth, in_pre, "\n\n"))
        elif node.name in markdown._CELL_TAGS:
            parts.append(" ")
            stack.append((None, depth, in_pre, " "))
        child_pre = in_pre or node.name == "pre"
        stack.extend([(c, depth + 1, child_pre, "") for c in reversed(node.contents)])
    return _old_tidy("".join(parts)), max_depth


def _prepare_both_ways(html: str) -> None:
    fast_tree, old_tree = BeautifulSoup(html, "lxml"), BeautifulSoup(html, "lxml")
    fast = markdown._prepare(fast_tree)
    assert fast == _old_prepare(old_tree)
    assert str(fast_tree) == str(old_tree)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*PIECES, "<script>s</script>", "<style>x</style>", "<iframe>f</iframe>", "\t", "\r"]
        ),
        max_size=40,
    ).map("".join)
)
def test_prepare_equals_the_first_version(html: str) -> None:
    _prepare_both_ways(html)


@settings(max_examples=examples(100), deadline=None)
@given(tables())
def test_prepare_equals_the_first_version_on_tables(html: str) -> None:
    _prepare_both_ways(html)


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_prepare_equals_the_first_version_on_fixtures(path: Path) -> None:
    _prepare_both_ways(path.read_text(encoding="utf-8", errors="replace"))


@settings(max_examples=examples(500), deadline=None)
@given(whitespace_text)
def test_collapsible_holds_every_text_the_whitespace_pattern_changes(text: str) -> None:
    """A text _collapsible passes over is one the pattern leaves as it is."""
    if not markdown._collapsible(text):
        assert markdown._TEXT_WS.search(text) is None


@settings(max_examples=examples(500), deadline=None)
@given(whitespace_text)
def test_collapse_whitespace_is_the_long_run_pattern(text: str) -> None:
    """The sampled look for a long run skips only markup where the pattern finds none."""
    expected = markdown._LONG_WS_RUN.sub(markdown._shorten_run, text)
    assert markdown.collapse_whitespace(text) == expected
    assert markdown.collapse_whitespace("x" + text) == "x" + expected


def test_absent_and_block_tests_agree_with_markdownify() -> None:
    """The converter's sibling and block tests without Tag.__bool__, against markdownify's."""
    import markdownify
    from bs4.element import NavigableString

    library: Any = markdownify
    soup = BeautifulSoup("<div><p>a</p> <pre>x</pre><b>b</b>c<h2>h</h2><td>t</td></div>", "lxml")
    assert soup.div is not None
    soup.div.append(NavigableString(""))
    for node in [None, *soup.descendants]:
        assert markdownify_walk._absent(node) == (not node)
        assert markdownify_walk._removes_space_inside(node) == bool(
            library.should_remove_whitespace_inside(node)
        )
        assert markdownify_walk._removes_space_outside(node) == bool(
            library.should_remove_whitespace_outside(node)
        )
