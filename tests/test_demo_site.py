"""The bundled demo newsroom: its profile, its static site and the server that serves it."""

from __future__ import annotations

import http.client
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

import newsroom_tui.demo.build_site as build_site
import newsroom_tui.demo.content as content
from newsroom_tui import paths
from newsroom_tui.demo.server import SiteServer, demo_profile
from newsroom_tui.profiles import load_profile

SITE = paths.demo_site_dir()
RELEASE_DIRS = {"fr": SITE / "fr" / "news", "en": SITE / "news", "es": SITE / "es" / "news"}
ANCHORS = (
    "Pour plus d'informations",
    "Pour de plus amples informations",
    "Contacts presse",
    "For more information, please contact",
    "For further information, please contact",
    "Media contact",
    "Para más información",
    "Para mayor información",
    "Contactos de prensa",
)


def release_files() -> dict[str, list[Path]]:
    return {
        lang: sorted(folder.glob("*.html"))
        for lang, folder in RELEASE_DIRS.items()
        if folder.is_dir()
    }


def body_of(page: str) -> str:
    match = re.search(
        r'<div class="field--type-text-with-summary">(.*?)\n        </div>', page, re.S
    )
    assert match, "release page without its body container"
    return match.group(1)


@pytest.fixture(scope="module")
def server() -> Iterator[SiteServer]:
    with SiteServer(SITE) as running:
        yield running


@pytest.fixture(scope="module")
def client(server: SiteServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=5) as c:
        yield c


def test_demo_profile_loads_with_relative_urls() -> None:
    profile = load_profile("demo")
    assert profile.id == "demo"
    assert profile.name == "OIM (démo) — Communiqués de presse"
    assert profile.language == "fr"
    assert profile.sources.feeds == ("fr/rss.xml",)
    listing = profile.sources.listing
    assert listing is not None and "{page}" in listing.url
    assert not urlsplit(listing.url).scheme
    pages = len(list((SITE / "fr" / "search").glob("page-*.html")))
    assert listing.max_pages >= pages
    nodes = list(profile.menu_nodes())
    assert all(node.url and not urlsplit(node.url).scheme for node in nodes)
    assert [node.label for node in profile.menu][:6] == [
        "Qui sommes-nous",
        "Notre travail",
        "Où travaillons-nous",
        "Agir",
        "Données et recherche",
        "Agenda 2030",
    ]
    assert profile.menu[-1].newsroom and [n for n in nodes if n.newsroom] == [profile.menu[-1]]
    structure = profile.menu[0].children[0]
    assert structure.label == "Structure" and len(structure.children) == 7


def test_demo_profile_rebased_on_the_server(server: SiteServer) -> None:
    profile = demo_profile(server.base_url)
    assert server.base_url.startswith("http://127.0.0.1:")
    assert profile.resolve(profile.sources.feeds[0]) == server.base_url + "fr/rss.xml"
    assert profile.resolve(profile.news_url) == server.base_url + "fr/news"


def test_every_menu_feed_and_listing_url_is_served(
    server: SiteServer, client: httpx.Client
) -> None:
    profile = demo_profile(server.base_url)
    urls = [profile.resolve(node.url) for node in profile.menu_nodes() if node.url]
    urls += [profile.resolve(feed) for feed in profile.sources.feeds]
    urls.append(profile.resolve(profile.news_url))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "charset=utf-8" in response.headers["content-type"]
        assert int(response.headers["content-length"]) == len(response.content)
    assert (
        client.get(profile.resolve("fr/rss.xml"))
        .headers["content-type"]
        .startswith("application/rss+xml")
    )
    assert client.get(profile.resolve("fr/news")).headers["content-type"].startswith("text/html")
    listing = profile.sources.listing
    assert listing is not None
    linked: list[str] = []
    for page in range(listing.first_page, listing.first_page + listing.max_pages):
        response = client.get(profile.resolve(listing.url.format(page=page)))
        assert response.status_code == 200
        found = re.findall(r'<h5 class="title"><a href="([^"]+)"', response.text)
        if not found:
            break
        assert len(found) <= 10
        linked += found
    else:
        pytest.fail("the listing never ends within max_pages")
    on_disk = {
        f"/{p.relative_to(SITE).with_suffix('').as_posix()}"
        for files in release_files().values()
        for p in files
    }
    assert sorted(linked) == sorted(on_disk)
    for path in linked[:5] + linked[-5:]:
        assert client.get(path).status_code == 200


def test_menu_pages_have_content(client: httpx.Client) -> None:
    profile = load_profile("demo")
    for node in profile.menu_nodes():
        if node.newsroom or not node.url:
            continue
        body = body_of(client.get(node.url).text)
        words = len(content.plain_text(body).split())
        assert 150 <= words <= 400, (node.url, words)
    partners = client.get(
        "fr/bureau-des-partenariats-de-la-sensibilisation-et-de-la-communication"
    ).text
    assert "Pour plus d'informations, veuillez contacter" in partners


def test_news_page_advertises_the_feed(client: httpx.Client) -> None:
    page = client.get("fr/news").text
    assert '<link rel="alternate" type="application/rss+xml"' in page
    assert 'href="/fr/rss.xml"' in page


def test_conditional_requests_get_304(client: httpx.Client) -> None:
    first = client.get("fr/rss.xml")
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get("fr/rss.xml", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    since = client.get("fr/rss.xml", headers={"If-Modified-Since": first.headers["last-modified"]})
    assert since.status_code == 304
    changed = client.get("fr/rss.xml", headers={"If-None-Match": '"something-else"'})
    assert changed.status_code == 200 and changed.content == first.content


def test_keep_alive_and_head(server: SiteServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        for _ in range(3):
            conn.request("GET", "/fr/news")
            response = conn.getresponse()
            assert response.status == 200 and response.version == 11
            response.read()
        conn.request("HEAD", "/fr/rss.xml")
        head = conn.getresponse()
        assert head.status == 200 and head.read() == b""
        assert int(head.headers["Content-Length"]) > 0
    finally:
        conn.close()


@pytest.mark.parametrize(
    "target",
    [
        "/../server.py",
        "/fr/../../server.py",
        "/%2e%2e/server.py",
        "/fr/%2e%2e%2f%2e%2e%2fserver.py",
        "/fr/news/..%2f..%2f..%2fbuild_site.py",
        "/..%5cserver.py",
        "/fr/news%00.html",
        "/fr/search?page=-1",
        "/fr/search?page=999",
        "/does-not-exist",
    ],
)
def test_missing_and_traversal_refused(server: SiteServer, target: str) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request("GET", target)
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    assert response.status in (400, 404), target
    assert b"SiteServer" not in body and b"import" not in body


def test_requests_are_recorded(server: SiteServer, client: httpx.Client) -> None:
    server.clear_requests()
    client.get("fr/agir")
    assert [(r.method, r.path, r.status) for r in server.requests] == [("GET", "/fr/agir", 200)]


def test_site_has_enough_releases_in_three_languages_and_years() -> None:
    files = release_files()
    assert sum(len(v) for v in files.values()) >= 40
    assert all(len(files[lang]) >= 5 for lang in ("fr", "en", "es"))
    years: set[str] = set()
    for lang, pages in files.items():
        for path in pages:
            text = path.read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in text
            stamp = re.search(r'(?:published_time" content|datetime)="(\d{4})', text)
            shown = re.search(r'<div class="date">[^<]*(\d{4})</div>', text)
            assert stamp or shown, path.name
            years.add((stamp or shown).group(1))  # type: ignore[union-attr]
    assert len(years) >= 3


def test_release_bodies_are_articles() -> None:
    tables = 0
    for pages in release_files().values():
        for path in pages:
            body = body_of(path.read_text(encoding="utf-8"))
            words = len(content.plain_text(body).split())
            assert 250 <= words <= 700, (path.name, words)
            assert re.match(r"\s*<p>[^<–—]{2,60} ?[–—-] ", body), path.name
            tables += "<table>" in body
    assert tables >= 3


def test_feed_parses_and_links_to_release_pages() -> None:
    raw = (SITE / "fr" / "rss.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo
    assert len(feed.entries) >= 15
    for entry in feed.entries:
        assert re.fullmatch(r"demo-fr-\d{4}", entry.id)
        assert entry.published_parsed and entry.tags and entry.summary
        assert (SITE / (entry.link.lstrip("/") + ".html")).is_file(), entry.link
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_contacts_blocks_close_the_releases() -> None:
    without = []
    for pages in release_files().values():
        for path in pages:
            body = body_of(path.read_text(encoding="utf-8"))
            if not any(anchor in body for anchor in ANCHORS):
                without.append(path.name)
    assert 2 <= len(without) <= 3, without
    expected = {r.slug + ".html" for r in content.releases() if r.contacts is None}
    assert set(without) == expected
    assert any(
        "@iom.int" in body_of((RELEASE_DIRS[r.lang] / f"{r.slug}.html").read_text())
        for r in content.releases()
        if r.contacts is None
    )


def test_contact_email_forms_are_all_present() -> None:
    pages = "".join(
        p.read_text(encoding="utf-8") for files in release_files().values() for p in files
    )
    assert pages.count('href="mailto:') > 20
    assert re.search(r"\w+ \[at\] iom \[dot\] int", pages)
    encoded = re.findall(r'class="__cf_email__" data-cfemail="([0-9a-f]+)"', pages)
    assert encoded
    assert all(content.cloudflare_decode(e).endswith("@iom.int") for e in encoded)
    assert "<br>" in pages


def test_markup_title_is_kept_literally() -> None:
    feed = (SITE / "fr" / "rss.xml").read_text(encoding="utf-8")
    listing = "".join(
        p.read_text(encoding="utf-8") for p in (SITE / "fr" / "search").glob("*.html")
    )
    assert "[TODO] Plan d'action [b]régional[/b]" in listing
    assert "[TODO] Plan d'action [b]régional[/b]" in feed or "[TODO]" not in feed


def test_committed_site_matches_the_generator(tmp_path: Path) -> None:
    built = build_site.build(tmp_path / "site")
    committed = {p.relative_to(SITE).as_posix() for p in SITE.rglob("*") if p.is_file()}
    assert committed == set(built), "run: python -m newsroom_tui.demo.build_site"
    for rel, text in built.items():
        assert (SITE / rel).read_text(encoding="utf-8") == text, rel


def test_relative_links_in_pages_resolve() -> None:
    pages = [p for p in SITE.rglob("*.html")]
    targets: set[str] = set()
    for page in pages:
        targets.update(re.findall(r'href="(/[^"#?]*)"', page.read_text(encoding="utf-8")))
    site = SiteServer(SITE).site
    missing = sorted(
        t for t in targets if not t.startswith("/cdn-cgi/") and site.file_for(t) is None
    )
    assert missing == []


def test_expected_contacts_are_exposed_for_extraction_tests() -> None:
    releases = content.releases()
    forms = {c.style for r in releases if r.contacts for c in r.contacts.contacts}
    layouts = {r.contacts.layout for r in releases if r.contacts}
    assert {"mailto", "text", "at", "cf"} <= forms
    assert {"inline", "br", "paras"} <= layouts
    sizes = {len(content.expected_contacts(r)) for r in releases}
    assert sizes == {0, 1, 2, 3}


def test_contacts_extractor_finds_the_ground_truth() -> None:
    """End to end over the real extractor: the demo's contacts are what the reader must show."""
    from newsroom_tui.extraction.contacts import extract_contacts

    for release in content.releases():
        found = [
            {
                "name": c.name,
                "organization": c.organization,
                "phones": list(c.phones),
                "emails": list(c.emails),
            }
            for c in extract_contacts(release.body_html)
        ]
        assert found == content.expected_contacts(release), release.guid
