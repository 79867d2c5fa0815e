"""The body walk on lxml's tree (`speedups/lxml_body.py`, contacts' `extract_contacts_lxml`) gives
what BeautifulSoup's tree, the preparing walk and markdownify give: the same Markdown, plain text
and contacts, byte for byte, on the fixtures, the demo site, the benchmark's pages, hostile bodies
and random markup; anything outside its subset takes the full path."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.common import bench_profile
from benchmarks.generate import Newsroom
from hypothesis import given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.extraction import contacts, extract
from newsroom_tui.extraction.markdown import tag_to_markdown
from newsroom_tui.extraction.markdown_text import ConvertedBody
from newsroom_tui.models import Contact, ExtractedPage
from newsroom_tui.profiles import load_profile
from newsroom_tui.speedups import lxml_body
from newsroom_tui.speedups.soup_tree import first_tag, parse_html
from pages import HTML_FILES
from shortcuts import needs_speedups

BASE = "https://www.iom.int/fr/news/x"


def _walked(html: str) -> tuple[ConvertedBody, list[Contact]] | None:
    body = lxml_body.parse_body(html)
    if body is None:
        return None
    found = contacts.extract_contacts_lxml(html, body)
    return lxml_body.to_markdown(body, BASE, ["kept"]), found


def _full(html: str) -> tuple[ConvertedBody, list[Contact]]:
    tree = parse_html(html)
    found = contacts.extract_contacts(html, tree=tree)  # before the conversion rewrites it
    body = first_tag(tree, "body") or tree
    return tag_to_markdown(body, BASE, ["kept"]), found


def _same(html: str) -> bool:
    """Whether the walk took `html`; when it did, its result is the full path's."""
    walked = _walked(html)
    if walked is None:
        return False
    assert walked == _full(html)
    return True


def _both_pages(
    page: bytes | str, settings_: object, monkeypatch: pytest.MonkeyPatch
) -> tuple[ExtractedPage, ExtractedPage]:
    walked = extract.extract_page(page, BASE, settings_, language="fr")  # type: ignore[arg-type]
    with monkeypatch.context() as patch:
        patch.setattr(extract, "_walked_body", lambda *args: None)
        full = extract.extract_page(page, BASE, settings_, language="fr")  # type: ignore[arg-type]
    return walked, full


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_pages_extract_the_same_with_the_walk(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    walked, full = _both_pages(path.read_bytes(), load_profile("iom-fr").extract, monkeypatch)
    assert walked == full


def test_benchmark_pages_extract_the_same_with_the_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    room = Newsroom(1000)
    settings_ = bench_profile("http://127.0.0.1:1").extract
    for index in range(0, 1000, 50):
        walked, full = _both_pages(room.page_html(index), settings_, monkeypatch)
        assert walked == full
        assert walked.contacts


@needs_speedups
def test_the_walk_takes_the_benchmark_and_fixture_bodies(monkeypatch: pytest.MonkeyPatch) -> None:
    """The subset covers what the newsroom's pages hold: the walk is what runs on them."""
    taken: list[str] = []
    real = extract._walked_body

    def spy(body_source: str, drop: object) -> object:
        body = real(body_source, drop)  # type: ignore[arg-type]
        if body is not None:
            taken.append(body_source)
        return body

    monkeypatch.setattr(extract, "_walked_body", spy)
    room = Newsroom(1000)
    settings_ = bench_profile("http://127.0.0.1:1").extract
    for index in range(20):
        extract.extract_page(room.page_html(index), BASE, settings_)
    assert len(taken) == 20
    fixtures = [p for p in HTML_FILES if "pages" in p.parts or "site" in p.parts]
    for path in fixtures:
        extract.extract_page(path.read_bytes(), BASE, load_profile("iom-fr").extract)
    assert len(taken) >= 20 + len(fixtures) - 1


HOSTILE = [
    "<div><p>Un  deux\ttrois\n\nquatre</p>\n \n<p> cinq </p></div>",
    "<div>texte nu <b> gras </b><i></i><em>*a*</em> _b_ [c](d) `e` #f <u>u</u></div>",
    "<div><h2>Titre <br> coupé</h2><h3><a href='/x'>lien</a> <b>b</b></h3><h6>  </h6></div>",
    "<div><ul>\n<li>a</li>\n<li><ul><li>b</li><li><ol><li>c</li></ol></li></ul></li>\n</ul>"
    "texte<ol start='7'><li>sept</li> <li>huit<br>neuf</li><li></li></ol><ul><li>x</li></ul>"
    "<ol start='x'><li>a</li></ol><ol start=''><li>b</li></ol></div>",
    "<div><table><tr><td>a</td><td colspan='2'>b</td></tr><tr><th>c</th></tr></table>"
    "<table><thead><tr><th>h</th></tr><tr><th>h2</th></tr></thead><tbody><tr><td>d<br>e</td>"
    "<td colspan='\u00b2'>f</td><td colspan='x'><p>p</p><ul><li>l</li></ul></td></tr></tbody>"
    "</table><table><tbody><tr><td>g</td></tr></tbody><tfoot><tr><td>t</td></tr></tfoot>"
    "</table></div>",
    "<div><blockquote><p>cité</p>\n<p>deux</p></blockquote><blockquote> </blockquote>"
    "<td><blockquote>dans</blockquote></td><hr><img src='/i.png' alt='Une *image*'>"
    "<img src='javascript:alert(1)' alt='x'><img><h2><img src='/j.png' alt='titre'></h2></div>",
    "<div><a href='javascript:alert(1)'>non</a> <a href='mailto:ana@example.org'>Ana</a>"
    " <a href='https://example.org/a b(c)'> espace </a><a href='/vide'> </a>"
    "<a>sans cible</a><sup>1</sup><sub> 2 </sub><small>s</small><abbr>OIM</abbr>"
    "<time>2024</time><cite>c</cite><span>\u00a0\u2003</span></div>",
    "<div><section><article><main><p>Imbriqué</p></main></article></section>"
    "<div> </div><div>\n</div><p>&amp; &lt;b&gt; &#42; \u200e \u2028 \x7f fin</p></div>",
    "<div><p>Pour plus d'informations, veuillez contacter :</p><p><strong>Ana Exemple</strong>"
    "<br>Tél. : +41 22 000 0000<br><a href='mailto:ana@example.org'>ana@example.org</a></p>"
    "<p><b>Contacts</b></p><p>Jean Exemple, <span data-cfemail='00616e6140'>x</span></p></div>",
    "<div><h2>Contact presse</h2><p>Bureau : <a href='mailto:presse@example.org'>écrire</a>"
    "</p><p>Line <a href='/cdn-cgi/l/email-protection#0d6c636c4d'>[email protected]</a></p></div>",
    "<p>1. liste ?</p><p>- tiret</p><p>+ plus</p><p>## dièse</p><p>===</p><p>|a|b|</p>",
    "<div>" + "<div>" * 90 + "profond" + "</div>" * 90 + "</div>",
]


@pytest.mark.parametrize("html", HOSTILE)
def test_hostile_bodies_convert_the_same(html: str) -> None:
    # Under NEWSROOM_TUI_NO_SPEEDUPS the walk declines everything: nothing to compare.
    assert _same(html) or not lxml_body.active()


@pytest.mark.parametrize(
    "html",
    [
        "<div><!-- commentaire --><p>a</p></div>",
        "<div><pre>  code </pre></div>",
        "<div><p><code>x</code></p></div>",
        "<div><script>x</script><p>a</p></div>",
        "<div><dl><dt>a</dt></dl></div>",
        "<div><ol start='\u00b2'><li>a</li></ol></div>",
        "<div>" + "<div>" * 120 + "profond" + "</div>" * 120 + "</div>",
        "texte d'abord <p>a</p>",
        "<!DOCTYPE html><div>a</div>",
        "<div>a</div></html> après",
        "<div>a</div><?pi x?>",
    ],
)
def test_bodies_outside_the_subset_take_the_full_path(html: str) -> None:
    assert lxml_body.parse_body(html) is None


PIECES = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<strong>",
    "</strong>",
    "<em>",
    "</em>",
    "<i>",
    "</i>",
    "<sup>",
    "</sup>",
    "<br>",
    "<hr>",
    "<h2>",
    "</h2>",
    "<h4>",
    "</h4>",
    "<ul>",
    "</ul>",
    "<ol>",
    "<ol start='3'>",
    "</ol>",
    "<li>",
    "</li>",
    "<table>",
    "</table>",
    "<thead>",
    "</thead>",
    "<tbody>",
    "</tbody>",
    "<tr>",
    "</tr>",
    "<td>",
    "<td colspan='2'>",
    "</td>",
    "<th>",
    "</th>",
    "<blockquote>",
    "</blockquote>",
    "<a href='/rel'>",
    "<a href='mailto:ana@example.org'>",
    "</a>",
    "<img src='/i.png' alt='a_b'>",
    "<section>",
    "</section>",
    "x  y",
    "mot",
    " ",
    "   ",
    "\n",
    "\n\n\n",
    " \n ",
    "\t",
    "\u00a0",
    "*_[`|#",
    "1. ",
    "- ",
    "&amp;",
    "é",
    "Pour plus d'informations, veuillez contacter :",
    "For more information, please contact",
    "Media contacts",
    "Jean Exemple, Tel : +41 22 000 0000",
    "ana@example.org",
]
bodies = st.lists(st.sampled_from(PIECES), max_size=50).map(lambda parts: "<div>" + "".join(parts))


@settings(max_examples=examples(600), deadline=None)
@given(bodies)
def test_random_bodies_convert_the_same(html: str) -> None:
    _same(html)


@settings(max_examples=examples(300), deadline=None)
@given(bodies)
def test_random_bodies_flatten_into_the_same_contact_blocks(html: str) -> None:
    body = lxml_body.parse_body(html)
    if body is None:
        return
    soup = parse_html(html)
    assert contacts._lx_blocks([body.getparent()]) == contacts._blocks([soup])
    tail = contacts._tail_stack(soup, contacts.TAIL_BLOCKS)
    lx_tail = contacts._lx_tail_stack(body.getparent(), contacts.TAIL_BLOCKS)
    assert (tail is None) == (lx_tail is None)
    if tail is not None and lx_tail is not None:
        assert contacts._lx_blocks(lx_tail) == contacts._blocks(tail)


def test_the_walk_reads_the_tree_without_changing_it() -> None:
    html = HOSTILE[0] + HOSTILE[4]
    body = lxml_body.parse_body(html)
    if body is None:
        assert not lxml_body.active()
        return
    import lxml.etree

    before = lxml.etree.tostring(body)
    first = lxml_body.to_markdown(body, BASE)
    assert lxml.etree.tostring(body) == before
    assert lxml_body.to_markdown(body, BASE) == first
