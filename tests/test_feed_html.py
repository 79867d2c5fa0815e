"""The inline-HTML subset of feed summaries (`speedups.feed_html`) against feedparser's own two
passes (relative-link resolver, then sanitiser): the same string, or a decline."""

from __future__ import annotations

import pytest
from feedparser.sanitizer import _sanitize_html
from feedparser.urls import resolve_relative_uris
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.speedups.feed_html import sanitize
from newsroom_tui.speedups.feed_xml import _urljoin
from shortcuts import needs_speedups

pytestmark = needs_speedups

BASE = "https://newsroom.example.org/fr/rss.xml"


def feedparser_passes(html: str, base: str = BASE) -> str:
    resolved = resolve_relative_uris(html, base, "utf-8", "text/html")
    return str(_sanitize_html(resolved, "utf-8", "text/html"))


_PIECES = st.sampled_from(
    [
        "Genève",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "L'OIM",
        'dit "oui"',
        "a > b",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&nbsp;",
        "&eacute;",
        "&apos;",
        "&#39;",
        "&#039;",
        "&#34;",
        "&#233;",
        "&#150;",
        "&#x27;",
        "&nosuch;",
        "&",
        "<",
        "<p>",
        "</p>",
        "<em>",
        "</em>",
        "<strong>",
        "</strong>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<span>",
        "</span>",
        "<sup>",
        "</sup>",
        "<br>",
        "<br/>",
        "<br />",
        "</br>",
        "<P>",
        '<p class="x">',
        '<a href="https://newsroom.example.org/fr/news/a">',
        '<a href="/fr/news/relative">',
        '<a href="news/b?x=1&amp;y=2">',
        '<a href="javascript:alert(1)">',
        '<a href="">',
        '<a href="http:///three">',
        "<a href='/single'>",
        '<a href="/x" title="t">',
        "</a>",
        "<script>",
        "</script>",
        "<!-- c -->",
        '<img src="/i.png">',
        "\u00a0",
        "—",
        "\U0001f600",
    ]
)


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_generated_markup_gives_feedparsers_string_or_a_decline(html: str) -> None:
    html = html.strip()
    quick = sanitize(html, BASE, _urljoin)
    if quick is not None:
        assert quick == feedparser_passes(html)


@pytest.mark.parametrize(
    "html",
    [
        '<p><strong>Genève</strong> – L\'<a href="https://www.example.org/fr">Organisation</a>'
        ' (OIM) <em>publie</em> un communiqué (<a href="/fr/news/x-1">lire la suite</a>).</p>',
        "<p>Une ligne<br>et une autre<br />et la dernière&nbsp;: &eacute;t&eacute;</p>",
        "<p>L&#039;OIM &amp; ses partenaires</p>",
        "Du texte sans paragraphe avec <b>gras</b> et <i>italique</i>",
    ],
)
def test_newsroom_summaries_take_the_subset(html: str) -> None:
    quick = sanitize(html, BASE, _urljoin)
    assert quick is not None
    assert quick == feedparser_passes(html)


@pytest.mark.parametrize(
    "html",
    ['<p onclick="x">a</p>', "<script>alert(1)</script>", '<a href="javascript:x">a</a>', "a & b"],
)
def test_outside_the_subset_it_declines(html: str) -> None:
    assert sanitize(html, BASE, _urljoin) is None
