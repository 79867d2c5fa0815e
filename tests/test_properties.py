"""Property tests for the untrusted-input path (the sanitiser and contacts have their own in
test_sanitise.py and test_contacts.py): any bytes at any position of an RSS or Atom template
never raise anything but FeedError and parse in bounded time; any HTML-ish text never makes
extract_page or html_to_markdown raise, and what comes out has no control characters and links
only to http(s) URLs."""

from __future__ import annotations

import contextlib
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from depth import examples
from newsroom_tui.extraction.extract import extract_page
from newsroom_tui.extraction.markdown import html_to_markdown, summary_to_markdown
from newsroom_tui.ingest.feeds import FeedError, parse_feed_detailed
from newsroom_tui.profiles import ExtractSettings
from newsroom_tui.sanitise import safe_url

FEED_URL = "https://newsroom.example.org/fr/rss.xml"
PAGE_URL = "https://newsroom.example.org/fr/news/a"
SLOWEST_FEED = 2.0
"""Seconds one feed example may take (they take milliseconds; a quadratic path takes minutes)."""

RSS = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
    b"<item><title>@title</title><link>@link</link><guid>@guid</guid><pubDate>@date</pubDate>"
    b"<category>@category</category><author>@author</author>"
    b"<description>@description</description></item></channel></rss>"
)
ATOM = (
    b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    b"<title>T</title><entry><title>@title</title><link href='@link'/><id>@guid</id>"
    b"<updated>@date</updated><category term='@category'/><author><name>@author</name>"
    b"<email>@author</email></author><summary type='html'>@description</summary></entry></feed>"
)
SLOTS = (b"@title", b"@link", b"@guid", b"@date", b"@category", b"@author", b"@description")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Fragments that have broken real feed parsers, mixed with arbitrary bytes.
NASTY = [
    b"&#xD800;",
    b"&#x110000;",
    b"&#0;",
    b"]]>",
    b"<![CDATA[",
    b"&amp;",
    b"&lt;script&gt;",
    b"\x1b]0;x\x07",
    b"\xc2\x9b31m",
    b"\xe2\x80\xae",
    b"\xff\xfe",
    b"javascript:alert(1)",
    b"file:///etc/passwd",
    b"--help",
    b"a@" * 40,
    b"<!ENTITY x SYSTEM 'file:///etc/passwd'>",
    b"9999-99-99T99:99:99Z",
    b"Tue, 31 Feb 0000 25:61:61 +9999",
]
slot_value = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from(NASTY), max_size=6).map(b"".join),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def _check_items(parsed: object) -> None:
    for item in parsed.items:  # type: ignore[attr-defined]
        assert safe_url(item.url) == item.url
        for text in (item.title, *item.tags):
            assert not CONTROL.search(text)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    template=st.sampled_from([RSS, ATOM]),
    values=st.fixed_dictionaries({slot: slot_value for slot in SLOTS}),
)
def test_any_bytes_in_a_feed_template_never_raise_and_finish_quickly(
    template: bytes, values: dict[bytes, bytes]
) -> None:
    body = template
    for slot, value in values.items():
        body = body.replace(slot, value)
    start = time.perf_counter()
    try:
        parsed = parse_feed_detailed(body, FEED_URL)
    except FeedError:
        pass
    else:
        _check_items(parsed)
    assert time.perf_counter() - start < SLOWEST_FEED


@settings(max_examples=examples(60), deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_as_a_feed_never_raise(body: bytes) -> None:
    with contextlib.suppress(FeedError):
        _check_items(parse_feed_detailed(body, FEED_URL))


# --- HTML -> Markdown ----------------------------------------------------------------------------

TAGS = ["p", "div", "a", "b", "i", "h1", "h2", "ul", "li", "table", "td", "tr", "pre", "code"]
TAGS += ["script", "style", "iframe", "svg", "template", "noscript", "img", "blockquote", "br"]
HREFS = [
    "https://ok.example/x",
    "/relative",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<b>x</b>",
    "file:///etc/passwd",
    "--option",
    "http://evil.example/\x1b]0;x\x07",
    "https://a.example/x)[x](http://evil.example)",
    " java\tscript:alert(1)",
    "vbscript:x",
    "//proto.example/relative",
]


@st.composite
def html_ish(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            href = draw(st.sampled_from(HREFS))
            parts.append(f'<{tag} href="{href}" src="{href}">')
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.text(max_size=40)))
        elif kind == 3:
            parts.append(
                draw(st.sampled_from(["# h", "[x](http://evil)", "`", "|", "***", "&#0;"]))
            )
        else:
            parts.append(draw(st.sampled_from(["\x1b[31m", "\x9b", "\u202e", "\x00", "\r\n"])))
    return "".join(parts)


_MD = MarkdownIt("commonmark").enable("table")


def _targets(markdown: str) -> list[str]:
    found: list[str] = []
    for token in _MD.parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                found.append(str(child.attrs.get("href")))
            elif child.type == "image":
                found.append(str(child.attrs.get("src")))
    return found


def _assert_safe(markdown: str, text: str) -> None:
    assert not CONTROL.search(markdown) and not CONTROL.search(text)
    for target in _targets(markdown):
        assert re.match(r"https?://[^/\s]", target), target


@settings(max_examples=examples(150), deadline=None)
@given(html_ish())
def test_html_to_markdown_never_raises_and_is_safe(html: str) -> None:
    converted = html_to_markdown(html, PAGE_URL)
    _assert_safe(converted.markdown, converted.text)
    summary = summary_to_markdown(html, PAGE_URL)
    _assert_safe(summary.markdown, summary.text)


@settings(max_examples=examples(80), deadline=None)
@given(html_ish(), st.sampled_from(["utf-8", "latin-1", None]))
def test_extract_page_never_raises_and_is_safe(html: str, encoding: str | None) -> None:
    page = f"<html><head><title>{html[:80]}</title></head><body><main>{html}</main></body></html>"
    data = page.encode(encoding or "utf-8", "replace")
    settings_ = ExtractSettings(body=("main",), title=("h1", "title"))
    result = extract_page(data, PAGE_URL, settings_, language="fr", encoding=encoding)
    _assert_safe(result.markdown, result.text)
    assert not CONTROL.search(result.title) and len(result.title) <= 300
    for contact in result.contacts:
        assert not CONTROL.search(contact.name + contact.organization)
