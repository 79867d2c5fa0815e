"""Plain-text feed summaries skip the HTML parser: the result must be the full path's, exactly."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import pytest
from bs4 import MarkupResemblesLocatorWarning
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui import speedups
from newsroom_tui.extraction import markdown, markdown_text
from newsroom_tui.extraction.markdown import ConvertedBody, summary_to_markdown

pytestmark = pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")

BASE = "https://newsroom.example.org/fr/news/un-communique"

# Markdown syntax, whitespace of every kind, the five entities the fast path decodes, controls
# (which send a summary to the full path), and any other character but surrogates (the HTML
# parser cannot encode them; feedparser never yields them).
_PIECES = st.sampled_from(
    [
        *" \t\n\r\x0c\x0b\u00a0\u2003\u2028\u200b\u202e\ufeff\u0301",
        *"#-+=*_`[]\\|~>.)!(:1",
        "1.",
        "2)",
        "###",
        "---",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&#39;",
        "&lt;p&gt;",
        "&amp;amp;",
        "&amp;#39;",
        "&nbsp;",
        "&",
        "\x01",
        "\x1b[31m",
        "\x85",
        "\x9b",
        "Genève – L'OIM",
        "https://example.org/a_b",
    ]
) | st.characters(exclude_characters="<", exclude_categories=["Cs"])
_SUMMARIES = st.lists(_PIECES, max_size=40).map("".join)


def full_path(summary: str) -> ConvertedBody:
    """The HTML parser and markdownify, as every summary went before the fast path."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        root, notes = markdown._parse_fragment(summary, markdown.MAX_SUMMARY_CHARS)
        return markdown.tag_to_markdown(root, BASE, notes)


def takes_fast_path(summary: str) -> bool:
    return markdown_text._NOT_PLAIN_SUMMARY.search(summary) is None


@settings(max_examples=examples(1000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SUMMARIES)
def test_plain_summaries_convert_as_the_full_path_does(summary: str) -> None:
    expected = full_path(summary)
    assert summary_to_markdown(summary, BASE) == expected
    if takes_fast_path(summary):
        assert markdown_text._plain_summary(summary) == expected


def test_typical_summaries_take_the_fast_path() -> None:
    for summary in [
        "Tunis – L'Organisation internationale pour les migrations (OIM) lance un programme.",
        "  Genève :\n\n  appel de 12 millions de dollars  ",
        "AT&amp;T &lt;3 &quot;quoted&quot; it&#39;s",
        "# not a heading\n1. not a list\n- nor this * _ ` [x](y) | ~",
    ]:
        assert takes_fast_path(summary)
        assert markdown_text._plain_summary(summary) == full_path(summary)


def test_markup_entities_and_controls_take_the_full_path() -> None:
    for summary in [
        "<p>Un</p>",
        "a &nbsp; b",
        "AT&T",
        "x\x00y",
        "\x07",
        "\x85",
        "\ufeffa",
        "\ud800",
    ]:
        assert not takes_fast_path(summary)
    assert summary_to_markdown("<p>Un <em>deux</em></p>", BASE).markdown == "Un *deux*"


def test_fast_path_escapes_and_collapses() -> None:
    result = summary_to_markdown("  # Titre\n\n1. un  *deux*   &lt;b&gt; ", BASE)
    assert result.markdown == "\\# Titre 1. un \\*deux\\* \\<b\\>"
    assert result.text == "# Titre 1. un *deux* <b>"
    assert result.notes == []


def test_long_summaries_are_cut_by_the_full_path() -> None:
    summary = "mot " * (markdown.MAX_SUMMARY_CHARS // 4 + 10)
    assert takes_fast_path(summary)  # by its characters; its length sends it to the full path
    result = summary_to_markdown(summary, BASE)
    assert result == full_path(summary)
    assert result.notes and "longer than" in result.notes[0]


def test_a_headlines_sync_converts_its_summaries_without_the_html_parsers() -> None:
    """Plain and inline summaries (most feeds') never load lxml's HTML side, bs4 or markdownify:
    a headlines sync of thousands of them pays no parser import."""
    script = (
        "import sys\n"
        "from newsroom_tui.ingest.releases import summary_release\n"
        "from newsroom_tui.models import FeedItem\n"
        "from newsroom_tui.profiles import load_profile\n"
        "profile = load_profile('iom-fr', check_css=False)\n"
        "for summary in ('Un texte &amp; rien de plus', "
        "'<p><strong>Tunis</strong> – <a href=\"https://e.org/x\">lire</a></p>'):\n"
        "    item = FeedItem(url='https://e.org/a', title='T', summary_html=summary)\n"
        "    assert summary_release(profile, 'abc', item).markdown\n"
        "loaded = [m for m in ('bs4', 'markdownify', 'soupsieve') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    env = {k: v for k, v in os.environ.items() if k != speedups.ENV_VAR}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 0, done.stderr
