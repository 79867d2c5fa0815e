"""The inline walk for feed summaries (`speedups.summary_walk`) against the full converter (lxml,
BeautifulSoup, markdownify): the same Markdown and text, or a decline."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui import speedups
from newsroom_tui.extraction.markdown import ConvertedBody, summary_to_markdown
from newsroom_tui.speedups.summary_walk import _parse
from shortcuts import needs_speedups

pytestmark = needs_speedups

BASE = "https://newsroom.example.org/fr/news/a"


@contextmanager
def shortcuts_off() -> Iterator[None]:
    speedups.ENABLED = False
    try:
        yield
    finally:
        speedups.ENABLED = True


def full(html: str) -> ConvertedBody:
    with shortcuts_off():
        return summary_to_markdown(html, BASE)


_PIECES = st.sampled_from(
    [
        "Genève",
        "x",
        " ",
        "  ",
        "\n",
        "\t",
        "\r\n",
        "L'OIM",
        "a > b",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&nbsp;",
        "\u00a0",
        "&#233;",
        "&#8206;",
        "&#39;",
        "&#128;",
        "*",
        "_",
        "# ",
        "- ",
        "1. ",
        "[x]",
        "`",
        "\\",
        "<em>",
        "</em>",
        "<i>",
        "</i>",
        "<strong>",
        "</strong>",
        "<b>",
        "</b>",
        '<a href="https://e.org/x">',
        '<a href="/rel?a=1&amp;b=2">',
        '<a href="javascript:x">',
        '<a href="">',
        '<a href=" https://e.org/espace ">',
        "</a>",
        "<br />",
        "<span>",
        "</p><p>",
        "—",
        "\U0001f600",
        "<",
        "a < b",
        "&",
        "&amp",
        "&#;",
        "<em >",
        '<a title="t">',
        "<>",
    ]
)


@settings(max_examples=examples(500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=14).map(lambda pieces: "<p>" + "".join(pieces) + "</p>"))
def test_generated_summaries_convert_as_the_full_converter_does(html: str) -> None:
    assert summary_to_markdown(html, BASE) == full(html)


def test_the_generated_summaries_are_not_all_declined() -> None:
    taken = [
        _parse(html) is not None
        for html in (
            "<p>a <em>b</em></p>",
            '<p><strong>Genève</strong> – <a href="/fr">OIM</a></p>',
            "<p>  <b> espace </b>&nbsp;</p>",
        )
    ]
    assert all(taken)


@pytest.mark.parametrize("shape", ["html", "atom"])
def test_the_benchmark_summaries_take_the_walk_with_the_same_result(shape: str) -> None:
    from benchmarks.generate import Newsroom

    from newsroom_tui.ingest.feeds import parse_feed_detailed

    data = Newsroom(40).feed_xml("https://newsroom.example.org", shape=shape)
    items = parse_feed_detailed(data, "https://newsroom.example.org/fr/rss.xml").items
    assert len(items) == 40
    for item in items:
        assert _parse(item.summary_html) is not None
        fast = summary_to_markdown(item.summary_html, item.url)
        assert fast == full(item.summary_html)
        assert "[Organisation internationale pour les migrations](" in fast.markdown


@pytest.mark.parametrize(
    "html",
    [
        "<p>a</p><p>b</p>",
        '<p class="x">a</p>',
        "<p>a<br>b</p>",
        "<p><em><em>a</em></em></p>",
        "<p><b>a<i>b</b></i></p>",
        "<p>a &copy; b</p>",
        "<p>\x0c</p>",
        "<div>a</div>",
    ],
)
def test_outside_the_subset_it_declines_and_the_full_converter_runs(html: str) -> None:
    assert _parse(html) is None
    assert summary_to_markdown(html, BASE) == full(html)
