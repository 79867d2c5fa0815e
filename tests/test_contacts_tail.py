"""The contacts extractor reads a body's last blocks before the whole body: the blocks it walks
from a later point are exactly the last blocks of the whole walk, and its contacts are those of
the whole-body reading, on the corpus, the fixtures, generated blocks, the benchmark's pages and
random markup."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from benchmarks.contacts_report import load
from benchmarks.generate import Newsroom
from hypothesis import given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.extraction import contacts
from newsroom_tui.extraction.contact_block import BlockReader
from newsroom_tui.models import Contact
from test_contacts import FRAGMENTS
from test_contacts_generated import BODY, _block

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "contacts"


def whole_body_contacts(body_html: str) -> list[Contact]:
    """The reading of the whole body only (the extractor before it read the last blocks first)."""
    blocks = contacts._flatten(body_html)
    for region in contacts._anchor_regions(blocks):
        found = BlockReader(mailto_only=False).read(region)
        if found:
            return found
    region = contacts._heading_region(blocks)
    return BlockReader(mailto_only=True).read(region) if region else []


def assert_tail_is_the_end_of_the_whole(body_html: str) -> None:
    soup = contacts._tree(body_html)
    if soup is None:
        return
    whole = contacts._blocks([soup])
    for count in range(1, 9):
        stack = contacts._tail_stack(soup, count)
        if stack is None:
            continue
        tail = contacts._blocks(stack)
        assert len(tail) <= len(whole)
        assert whole[len(whole) - len(tail) :] == tail, (count, body_html[:300])


def check(body_html: str) -> None:
    assert_tail_is_the_end_of_the_whole(body_html)
    assert contacts.extract_contacts(body_html) == whole_body_contacts(body_html)


def corpus_pages() -> list[str]:
    pages: list[str] = []
    for fixture in load():
        pages += [fixture.page(), fixture.html]
    return pages


def test_corpus_and_fixtures() -> None:
    pages = corpus_pages() + [p.read_text(encoding="utf-8") for p in FIXTURES.glob("*.html")]
    assert len(pages) > 100
    for page in pages:
        check(page)


@pytest.mark.parametrize("count", [1, 2, 3])
def test_corpus_read_from_fewer_last_blocks(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer last blocks read first: a lead-in before them sends the reading to the whole body,
    which finds what it always found."""
    monkeypatch.setattr(contacts, "TAIL_BLOCKS", count)
    tails = 0
    for page in corpus_pages():
        assert contacts.extract_contacts(page) == whole_body_contacts(page)
        soup = contacts._tree(page)
        tails += soup is not None and contacts._tail_stack(soup, count) is not None
    assert tails > 100


def test_generated_blocks_after_a_body_and_wrapped() -> None:
    rng = random.Random(7)
    for _ in range(150):
        html, _people = _block(rng)
        body = BODY + html
        check(body)
        check(f"<div class='c'>{body}</div><p>Note de bas de page.</p>")
        check(f"<section><div>{body}</div>tail <b>text</b></section>")
        check(f"<h2>Heading</h2><div>{body}<p><strong>Bold only</strong></p></div>")


def test_benchmark_pages() -> None:
    newsroom = Newsroom(200)
    for index in range(0, 200, 7):
        page = newsroom.page_html(index)
        start = page.index('<div class="field--type-text-with-summary">')
        check(page[start : page.index("</div>", start) + 6])
        check(page)


@settings(deadline=None, max_examples=examples(300))
@given(st.lists(FRAGMENTS | st.text(max_size=20), max_size=80).map("".join))
def test_random_markup(body: str) -> None:
    check(body)


BLOCKY = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<h3>",
        "</h3>",
        "<p><strong>Contacts</strong></p>",
        "<ul><li>",
        "</li></ul>",
        "<li>",
        "<br>",
        "<b>",
        "</b>",
        "<script>x</script>",
        "<!-- c -->",
        '<a href="mailto:ana.ruiz@iom.int">',
        "</a>",
        '<span data-cfemail="5a2a">',
        '<span data-cfemail="">',
        "</span>",
        "<table><tr><td>",
        "</td></tr></table>",
        "Pour plus d'informations, veuillez contacter : ",
        "For more information, please contact ",
        "Ana Ruiz, IOM Geneva, Tel: +41 22 717 9123",
        " text ",
    ]
)


@settings(deadline=None, max_examples=examples(400))
@given(st.lists(BLOCKY, max_size=60).map("".join))
def test_random_block_structure(body: str) -> None:
    check(body)


@settings(deadline=None, max_examples=examples(300))
@given(st.text(alphabet=st.sampled_from(["a", "é", "\x00", "\ud800", "\udfff", "\U0001f600", "<"])))
def test_surrogates_are_removed_as_the_pattern_removes_them(text: str) -> None:
    assert contacts._without_surrogates(text) == contacts._SURROGATES.sub("", text)
