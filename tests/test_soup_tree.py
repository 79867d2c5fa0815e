"""parse_html builds the very tree BeautifulSoup(markup, "lxml") builds (names, attributes, string
classes, whitespace, every sibling and element link), on the fixtures, the demo site, hostile
nesting and random markup; what its walk does not reproduce goes to BeautifulSoup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.speedups import soup_tree
from newsroom_tui.speedups.soup_tree import parse_html
from pages import HTML_FILES
from shortcuts import needs_speedups

_OUTSIDE = re.compile(r"<!doctype[^>]*>|</html\s*>", re.IGNORECASE)


def _same_tree(markup: str) -> None:
    assert soup_tree._outline(parse_html(markup)) == soup_tree._outline(
        BeautifulSoup(markup, "lxml")
    )


@needs_speedups
def test_the_fast_build_is_in_use() -> None:
    assert soup_tree._FAST, "the installed bs4 builds another tree: every parse goes to bs4"
    assert soup_tree._parse_with_lxml("<div><p>a <b>b</b></p></div>") is not None


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_same_tree_on_pages(path: Path) -> None:
    page = path.read_text(encoding="utf-8", errors="replace")
    _same_tree(page)
    # Without doctype and </html> (and the text around them), the page takes the fast path.
    inner = _OUTSIDE.sub("", page).strip()
    assert soup_tree._parse_with_lxml(inner) is not None
    _same_tree(inner)


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   ",
        "text first <p>x</p>",
        "</div>\t\n<p>x</p>",
        "<!-- only a comment -->",
        "<!-- c --><div>x</div>",
        "<div>x</div><!-- c -->",
        "<!DOCTYPE html><div>x</div>",
        "<div>x</div></html>\n",
        "\ufeff<div>x</div>",
        "<?php echo 1 ?><div>x</div>",
        "<div>a<?php echo 1 ?>b</div>",
        "<div {x}y='1' xml:lang='fr'>x</div>",
        "<x:y a:b='c'>x</x:y>",
        "<title>t</title>",
        "<p>a<!---->b<!-- -->c</p>",
        "<pre>  a\n\n <b>  </b>\n</pre><textarea>\n\n</textarea>",
        "<ruby>a<rt>b<b>c</b></rt><rp> </rp></ruby>",
        "<div class='  a\u00a0b\tc ' rel='x y'><a rel='tag  nofollow' rev=' '>l</a></div>",
        "<td headers='a b'>x</td><meta charset='latin-1'><meta http-equiv=content-type content=x>",
        "<p>\x00&#0;\r\n\x0c</p>",
    ],
)
def test_same_tree_on_edge_cases(markup: str) -> None:
    _same_tree(markup)


@pytest.mark.parametrize("depth", [150, 197, 198, 199, 200, 201, 255, 256, 257, 400, 3000])
@pytest.mark.parametrize("tag", ["div", "b", "p", "li", "table", "span"])
def test_same_tree_on_deep_nesting(depth: int, tag: str) -> None:
    """libxml2 stops nesting at 256 levels, where its tree and its event stream part ways."""
    _same_tree(f"<{tag}>" * depth + "x" + f"</{tag}>" * depth + " tail")


PIECES = [
    "<p>",
    "</p>",
    "<div class='a b'>",
    "</div>",
    "<pre>",
    "</pre>",
    "<textarea>",
    "</textarea>",
    "<b>",
    "</b>",
    "<a rel='tag x' href='mailto:a@b.org'>",
    "</a>",
    "<table><tr><td headers='h1 h2'>",
    "</td></tr></table>",
    "<tr>",
    "<ul><li>",
    "</li></ul>",
    "<br>",
    "<img src=x alt=y>",
    "<script>s</script>",
    "<style> </style>",
    "<template><i>t</i></template>",
    "<ruby>a<rt>b</rt><rp>(</rp></ruby>",
    "<meta charset=utf-8>",
    "<title>t</title>",
    "<head>",
    "<body class=b>",
    "<!-- c -->",
    "<!---->",
    "<![CDATA[x]]>",
    "<?pi x?>",
    "x",
    " ",
    "\n",
    "  \n ",
    "\t",
    "\u00a0",
    "&amp;",
    "&nbsp;",
    "<",
    "&",
    "é",
    "\r\n",
    "\x0c",
    "\x00",
    "&#0;",
    "]]>",
    "-->",
]
markup_pieces = st.tuples(
    st.sampled_from(["<div>", "<p>", "<section id=s>", "<b>", "<table>", "<li>", ""]),
    st.lists(st.sampled_from(PIECES), max_size=50).map("".join),
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(markup_pieces)
def test_same_tree_on_random_markup(markup: str) -> None:
    _same_tree(markup)


@settings(max_examples=examples(100), deadline=None)
@given(st.text(max_size=200))
def test_same_tree_on_any_text(text: str) -> None:
    try:
        expected = soup_tree._outline(BeautifulSoup("<div>" + text, "lxml"))
    except Exception as exc:  # whatever bs4 raises, parse_html must raise too
        with pytest.raises(type(exc)):
            parse_html("<div>" + text)
        return
    assert soup_tree._outline(parse_html("<div>" + text)) == expected


def test_the_tree_can_be_edited_and_printed_like_bs4s() -> None:
    markup = "<div><p class='x'>a <b>b</b> c</p><nav>menu</nav>\n<p>d</p></div>"
    fast, slow = parse_html(markup), BeautifulSoup(markup, "lxml")
    for soup in (fast, slow):
        for nav in soup.select("nav"):
            nav.decompose()
        bold = soup.p.b if soup.p is not None else None
        assert bold is not None
        bold.replace_with("B")
    assert str(fast) == str(slow)
    assert fast.get_text("|") == slow.get_text("|")


@settings(max_examples=examples(200), deadline=None)
@given(markup_pieces, st.sampled_from(["body", "head", "p", "pre", "td", "title", "nav"]))
def test_first_tag_is_bs4s_lookup(markup: str, name: str) -> None:
    from newsroom_tui.speedups.soup_tree import first_tag

    soup = parse_html(markup)
    assert first_tag(soup, name) is getattr(soup, name)
