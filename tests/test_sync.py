"""Integration: full syncs of a small invented newsroom served by tests/sitekit.py on 127.0.0.1.

The newsroom has a feed (three hand-written pages in French, English and Spanish), an HTML listing
with pagination (generated French pages) and a menu of section pages. Nothing is mocked.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from newsroom_tui.ingest.sync import (
    HEADLINE_BATCH_SIZE,
    META_FEED,
    release_id,
    run_sync,
    sync_profile,
)
from newsroom_tui.models import SyncProgress, SyncReport
from newsroom_tui.profiles import (
    ExtractSettings,
    FetchSettings,
    ListingSettings,
    MenuNode,
    Profile,
    Sources,
)
from newsroom_tui.query import Query
from newsroom_tui.storage.store import Store
from sitekit import Site, closed_port_url

FIXTURES = Path(__file__).parent / "fixtures" / "site"

EXTRACT = ExtractSettings(
    body=("div.narrow-content div.field--type-text-with-summary",),
    title=("h1.page-title", "h1"),
    drop=("div.social-share", "nav"),
    title_suffixes=(
        " | Organisation internationale pour les migrations",
        " | International Organization for Migration",
        " | Organización Internacional para las Migraciones",
    ),
)
FETCH = FetchSettings(deadline=5.0, retries=1, connect_timeout=2.0, max_retry_after=5.0)
LISTING = ListingSettings(url="/fr/search?type%5B0%5D=press_release&page={page}", max_pages=5)
MENU = (
    MenuNode(
        "qui-sommes-nous",
        "Qui sommes-nous",
        "/fr/qui-sommes-nous",
        children=(
            MenuNode("qui-sommes-nous/structure", "Structure", "/fr/structure"),
            MenuNode(
                "qui-sommes-nous/structure/structure-organisationnelle",
                "Structure organisationnelle",
                "/fr/structure",
            ),
        ),
    ),
    MenuNode("communiques-de-presse", "Communiqués de presse", "/fr/news", newsroom=True),
)

FEED_ITEMS = [
    (
        "release-1001",
        "/fr/news/appel-sahel",
        "release-fr.html",
        "Sahel : appel",
        "Tue, 09 Jul 2024 08:00:00 GMT",
    ),
    (
        "release-1002",
        "/en/news/record-funding",
        "release-en.html",
        "Record funding",
        "Mon, 08 Jul 2024 09:00:00 GMT",
    ),
    (
        "release-1003",
        "/es/news/asistencia-tapachula",
        "release-es.html",
        "Tapachula",
        "Mon, 08 Jul 2024 20:00:00 GMT",
    ),
]


def feed_xml(items: list[tuple[str, str, str, str, str]], base: str) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid isPermaLink='false'>{guid}</guid>"
        f"<pubDate>{date}</pubDate><description>&lt;p&gt;Résumé de {title}.&lt;/p&gt;</description>"
        "<category>Afrique</category></item>"
        for guid, path, _, title, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Communiqués</title><link>{base}/fr/news</link>{entries}</channel></rss>"
    )


def generated_release(number: int, *, words: int = 120, extra: str = "") -> str:
    body = " ".join(f"mot{n % 37}" for n in range(words))
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Communiqué numéro {number} | Organisation internationale pour les migrations</title>
<meta property="article:published_time" content="2024-0{1 + number % 9}-1{number % 10}T10:00:00Z">
</head><body><nav><a href="/fr/news">Actualités</a></nav>
<h1 class="page-title">Communiqué numéro {number}</h1>
<div class="narrow-content"><div class="field--type-text-with-summary">
<p>Genève – Texte inventé du communiqué {number}. {body}</p>
<h2>Intertitre {number}</h2><ul><li>Premier point</li><li>Second point</li></ul>{extra}
</div></div></body></html>"""


def listing_html(numbers: list[int], *, feed_link: str = "") -> str:
    cards = "".join(
        f'<div class="views-row"><div class="article-detail"><div class="tag">Communiqué de presse</div>'
        f'<a href="/fr/news/communique-{n}"><h5 class="title">Communiqué numéro {n}</h5></a>'
        f'<div class="date">1{n % 10} mars 2024</div></div></div>'
        for n in numbers
    )
    head = (
        f'<link rel="alternate" type="application/rss+xml" href="{feed_link}">' if feed_link else ""
    )
    return f"<html><head>{head}</head><body><div class='view-content'>{cards}</div></body></html>"


def section_html(title: str) -> str:
    return f"""<html lang="fr"><head><title>{title} | Organisation internationale pour les migrations</title></head>
<body><nav>menu</nav><h1 class="page-title">{title}</h1><div class="narrow-content">
<div class="field--type-text-with-summary"><p>Présentation inventée : {title}.</p></div></div></body></html>"""


def listing_path(page: int) -> str:
    return f"/fr/search?type%5B0%5D=press_release&page={page}"


def build_newsroom(
    site: Site, *, listing_pages: tuple[list[int], ...] = ([1, 2, 3], [4, 5])
) -> None:
    site.put("/fr/rss.xml", feed_xml(FEED_ITEMS, site.base), "application/rss+xml; charset=utf-8")
    for _, path, fixture, _, _ in FEED_ITEMS:
        charset = "iso-8859-1" if fixture.endswith("es.html") else "utf-8"
        site.put(path, (FIXTURES / fixture).read_bytes(), f"text/html; charset={charset}")
    for page, numbers in enumerate(listing_pages):
        site.put(listing_path(page), listing_html(numbers))
        for n in numbers:
            site.put(f"/fr/news/communique-{n}", generated_release(n))
    site.put(listing_path(len(listing_pages)), listing_html([]))
    site.put("/fr/qui-sommes-nous", section_html("Qui sommes-nous"))
    site.put("/fr/structure", section_html("Structure organisationnelle"))
    site.put("/fr/news", listing_html([1]))


def make_profile(site: Site | str, **sources: object) -> Profile:
    base = site.base if isinstance(site, Site) else site
    src = Sources(feeds=("/fr/rss.xml",), discover=False, listing=LISTING)
    src = replace(src, **sources)  # type: ignore[arg-type]
    return Profile(
        id="test",
        name="Test newsroom",
        language="fr",
        base_url=base + "/fr/",
        news_url="/fr/news",
        sources=src,
        extract=EXTRACT,
        fetch=FETCH,
        menu=MENU,
    )


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        yield s


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = Store.open(tmp_path / "test.sqlite")
    yield st
    st.close()


async def sync(
    profile: Profile, store: Store, *, sections: bool = True, cancel: asyncio.Event | None = None
) -> SyncReport:
    return await sync_profile(profile, store, backoff=0.01, sections=sections, cancel=cancel)


async def test_full_sync(site: Site, store: Store) -> None:
    build_newsroom(site)
    seen: list[SyncProgress] = []
    report = await sync_profile(make_profile(site), store, progress=seen.append, backoff=0.01)
    assert report.failed == []
    assert report.new == 8 and report.updated == 0
    assert report.extracted == 8 + 3  # releases plus three distinct section URLs
    assert report.sources_ok == 2

    fr = store.get_release("release-1001")
    assert fr is not None
    assert fr.title == "Sahel : un appel de 12 millions de dollars pour les personnes déplacées"
    assert "## Des besoins en hausse" in fr.markdown
    assert "| Mali" in fr.markdown
    assert "Partager" not in fr.markdown
    assert fr.language == "fr" and fr.section == "Communiqués de presse"
    assert fr.summary == "Résumé de Sahel : appel."
    assert "Afrique" in fr.tags
    assert not fr.summary_only
    es = store.get_release("release-1003")
    assert es is not None and es.title == "Asistencia a familias migrantes en Tapachula"
    assert "México" in es.markdown and es.language == "es"
    en = store.get_release("release-1002")
    assert en is not None and en.language == "en" and "1. Travel assistance" in en.markdown

    # Listing items: no guid, on the site's origin: the id is the URL's path.
    listed = store.get_release("/fr/news/communique-4")
    assert listed is not None and listed.title == "Communiqué numéro 4"
    assert "Communiqué de presse" in listed.tags
    assert listed.published is not None

    structure = store.get_section("qui-sommes-nous/structure")
    again = store.get_section("qui-sommes-nous/structure/structure-organisationnelle")
    assert structure is not None and again is not None
    assert structure.title == "Structure organisationnelle"
    assert "Présentation inventée" in structure.markdown
    assert store.get_section("communiques-de-presse") is not None
    assert site.count("/fr/structure") == 1  # shared URL fetched once

    assert store.get_meta("last_sync")
    assert [p.phase for p in seen][-1] == "done"
    assert {"sources", "releases", "sections"} <= {p.phase for p in seen}


async def test_second_sync_is_all_304_and_parses_nothing(site: Site, store: Store) -> None:
    build_newsroom(site)
    profile = make_profile(site)
    await sync(profile, store)
    site.reset_counts()
    report = await sync_profile(profile, store, backoff=0.01)
    assert report.failed == []
    assert report.new == 0 and report.updated == 0
    assert report.extracted == 0
    assert site.total_requests() > 0
    assert site.status_count(304) == site.total_requests(), (site.statuses, site.requests)
    # Feed and listing pages answered 304: no page was even asked for again.
    assert site.count("/fr/news/appel-sahel") == 0


async def test_changed_release_is_updated_and_flagged(site: Site, store: Store) -> None:
    build_newsroom(site)
    profile = make_profile(site)
    await sync(profile, store)
    # The listing changes (a new card), and an existing page is edited.
    site.put(listing_path(0), listing_html([9, 1, 2, 3]))
    site.put("/fr/news/communique-9", generated_release(9))
    site.put(
        "/fr/news/communique-2", generated_release(2, extra="<p>Correction : chiffres révisés.</p>")
    )
    report = await sync(profile, store)
    assert report.failed == []
    assert report.new == 1 and report.updated == 1
    edited = store.get_release("/fr/news/communique-2")
    assert edited is not None and edited.updated and "chiffres révisés" in edited.markdown
    untouched = store.get_release("/fr/news/communique-1")
    assert untouched is not None and not untouched.updated


async def test_a_sync_that_changes_contacts_saves_the_directory_anew(
    site: Site, store: Store
) -> None:
    build_newsroom(site)
    profile = make_profile(site)
    await sync(profile, store)
    before = {c.key for c in store.contacts_directory()}  # asked for: saved from now on
    block = (
        "<p>Pour plus d'informations, contacter Luc Roy, OIM Haïti, Tél : 022 717 91 23, "
        "Courriel : lroy@iom.int</p>"
    )
    site.put(listing_path(0), listing_html([9, 1, 2, 3]))  # the listing changes: pages re-read
    site.put("/fr/news/communique-9", generated_release(9))
    site.put("/fr/news/communique-2", generated_release(2, extra=block))
    report = await sync(profile, store)
    assert report.new == 1 and report.updated == 1
    with Store.open(store.path) as later:  # the next process finds it ready

        def grouped() -> list[object]:
            raise AssertionError("the directory was grouped again after the sync")

        later._directory._groups = grouped  # type: ignore[method-assign, assignment]
        found = later.contacts_directory("roy")
        assert [(c.name, c.emails) for c in found] == [("Luc Roy", ["lroy@iom.int"])]
        assert {c.key for c in later.contacts_directory()} == before | {"email:lroy@iom.int"}


async def test_listing_fallback_with_pagination(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1, 2], [3, 4], [5, 6], [7]))
    listing = replace(LISTING, max_pages=2)
    profile = make_profile(site, feeds=(), listing=listing)
    report = await sync(profile, store)
    assert report.failed == []
    assert report.new == 4
    assert site.count(listing_path(0)) == 1 and site.count(listing_path(1)) == 1
    assert site.count(listing_path(2)) == 0
    assert store.get_release("/fr/news/communique-5") is None


async def test_listing_stops_at_an_empty_or_missing_page(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1, 2],))
    site.remove(listing_path(1))
    report = await sync(make_profile(site, feeds=()), store)
    assert report.failed == []
    assert site.count(listing_path(2)) == 0


async def test_feed_discovery_and_memory(site: Site, store: Store) -> None:
    build_newsroom(site)
    site.put("/fr/news", listing_html([], feed_link="/fr/rss.xml"))
    profile = make_profile(
        site, feeds=(), probe_feeds=("/rss.xml", "/fr/feed"), discover=True, listing=None
    )
    report = await sync(profile, store, sections=False)
    assert report.failed == []  # probes that fail are quiet
    assert report.new == 3
    assert store.get_meta(META_FEED) == site.url("/fr/rss.xml")
    site.reset_counts()
    await sync(profile, store, sections=False)
    assert site.count("/fr/news") == 0 and site.count("/rss.xml") == 0
    assert site.count("/fr/rss.xml") == 1


async def test_probe_feed_remembered(site: Site, store: Store) -> None:
    build_newsroom(site)
    profile = make_profile(
        site, feeds=(), probe_feeds=("/missing.xml", "/fr/rss.xml"), discover=True, listing=None
    )
    await sync(profile, store, sections=False)
    assert store.get_meta(META_FEED) == site.url("/fr/rss.xml")
    site.reset_counts()
    await sync(profile, store, sections=False)
    assert site.count("/missing.xml") == 0


async def test_no_feed_anywhere_is_reported_without_listing(site: Site, store: Store) -> None:
    site.put("/fr/news", "<html><body>no feed here</body></html>")
    profile = make_profile(site, feeds=(), discover=True, listing=None, probe_feeds=("/x.xml",))
    report = await sync(profile, store, sections=False)
    assert [f.reason for f in report.failed] == ["no feed found"]


async def test_one_broken_source_reported_while_others_sync(site: Site, store: Store) -> None:
    build_newsroom(site)
    site.error("/broken.xml", 500)
    profile = make_profile(site, feeds=("/broken.xml", "/fr/rss.xml"))
    report = await sync(profile, store)
    reasons = {f.url: f.reason for f in report.failed}
    assert reasons == {site.url("/broken.xml"): "HTTP 500 Internal Server Error"}
    assert report.new == 8


async def test_redirects_followed_and_loops_reported(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1, 2],))
    site.redirect("/old-rss.xml", "/fr/rss.xml", 301)
    site.redirect("/fr/news/communique-2", "/loop-a")
    site.redirect("/loop-a", "/fr/news/communique-2")
    profile = make_profile(site, feeds=("/old-rss.xml",))
    report = await sync(profile, store, sections=False)
    failures = {f.url: f.reason for f in report.failed}
    assert list(failures) == [site.url("/fr/news/communique-2")]
    assert failures[site.url("/fr/news/communique-2")].startswith("redirect loop")
    assert store.get_release("release-1001") is not None
    looped = store.get_release("/fr/news/communique-2")
    assert looped is not None and looped.summary_only  # stands in until the page works


async def test_page_failure_gives_summary_only_then_retried(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1],))
    site.error("/fr/news/appel-sahel", 503)
    profile = make_profile(site)
    report = await sync(profile, store, sections=False)
    assert [f.reason for f in report.failed] == ["HTTP 503 Service Unavailable"]
    stand_in = store.get_release("release-1001")
    assert stand_in is not None and stand_in.summary_only
    assert stand_in.markdown.strip() == "Résumé de Sahel : appel."
    assert stand_in.title == "Sahel : appel"
    assert site.count("/fr/news/appel-sahel") == 2  # one retry

    # Next sync: no source changed (all 304), but the page is tried again since it was not stored.
    site.put("/fr/news/appel-sahel", (FIXTURES / "release-fr.html").read_bytes())
    report = await sync(profile, store, sections=False)
    assert report.failed == []
    assert report.new == 0 and report.updated == 1
    full = store.get_release("release-1001")
    assert (
        full is not None and not full.summary_only and "## Des besoins en hausse" in full.markdown
    )


async def test_size_cap_and_gzip_bomb(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1, 2],))
    site.put("/fr/news/communique-1", generated_release(1, words=40_000))
    site.gzip_bomb("/bomb.xml", size=200_000_000)
    profile = make_profile(site, feeds=("/bomb.xml", "/fr/rss.xml"))
    profile = replace(
        profile, fetch=replace(FETCH, max_page_bytes=100_000, max_feed_bytes=1_000_000)
    )
    started = time.monotonic()
    report = await sync(profile, store, sections=False)
    assert time.monotonic() - started < 10
    failures = {f.url: f.reason for f in report.failed}
    assert failures == {
        site.url("/bomb.xml"): "larger than 1,000,000 bytes",
        site.url("/fr/news/communique-1"): "larger than 100,000 bytes",
    }
    assert store.get_release("/fr/news/communique-2") is not None


async def test_slow_drip_stopped_by_deadline(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1],))
    site.slow_drip("/drip.xml", interval=0.5)
    profile = make_profile(site, feeds=("/drip.xml", "/fr/rss.xml"))
    profile = replace(profile, fetch=replace(FETCH, deadline=1.0))
    report = await sync(profile, store, sections=False)
    assert [(f.url, f.reason) for f in report.failed] == [
        (site.url("/drip.xml"), "timed out after 1 s")
    ]
    assert report.new == 4


async def test_429_retry_after_honoured(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1],))
    site.too_many("/fr/rss.xml", retry_after="1")
    started = time.monotonic()
    report = await sync(make_profile(site), store, sections=False)
    assert time.monotonic() - started >= 0.95
    assert report.failed == []
    assert site.count("/fr/rss.xml") == 2
    assert report.new == 4


async def test_not_a_feed_does_not_wipe_cached_items(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1],))
    profile = make_profile(site)
    await sync(profile, store)
    for body in ("<html><body><h1>Maintenance</h1></body></html>", '{"error": true}', ""):
        site.put("/fr/rss.xml", body, "text/html")
        report = await sync(profile, store)
        assert [(f.url, f.reason.split(" (")[0]) for f in report.failed] == [
            (site.url("/fr/rss.xml"), "not a feed")
        ]
        assert store.get_release("release-1002") is not None
    assert len(list(store.iter_releases())) == 4


async def test_offline_is_reported_per_source_and_cache_kept(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1],))
    await sync(make_profile(site), store)
    last = store.get_meta("last_sync")
    offline = make_profile(closed_port_url("").rstrip("/"))
    report = await sync(offline, store)
    reasons = [f.reason for f in report.failed]
    assert reasons and set(reasons) == {"connection refused"}
    assert len(reasons) == 1 + 1 + 3  # feed, listing, three distinct section URLs
    assert len(list(store.iter_releases())) == 4
    assert store.get_section("qui-sommes-nous") is not None
    assert store.get_meta("last_sync") == last  # an offline attempt is not a sync


async def test_404_and_410_keep_cached_releases(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1],))
    profile = make_profile(site)
    await sync(profile, store)
    site.put("/fr/rss.xml", feed_xml(FEED_ITEMS, site.base) + "\n", "application/rss+xml")
    site.remove("/fr/news/appel-sahel")
    site.error("/en/news/record-funding", 410)
    report = await sync(profile, store)
    assert sorted(f.reason for f in report.failed) == ["HTTP 404 Not Found", "HTTP 410 Gone"]
    kept = store.get_release("release-1001")
    assert kept is not None and not kept.summary_only and "Des besoins" in kept.markdown


async def test_cancel_stops_early(site: Site, store: Store) -> None:
    build_newsroom(site)
    cancel = asyncio.Event()
    cancel.set()
    report = await sync(make_profile(site), store, cancel=cancel)
    assert report.cancelled
    assert store.get_meta("last_sync") is None


def test_run_sync_wrapper(site: Site, store: Store) -> None:
    build_newsroom(site, listing_pages=([1],))
    report = run_sync(make_profile(site), store, sections=False)
    assert report.new == 4 and report.ok


def test_release_ids() -> None:
    from newsroom_tui.models import FeedItem, release_id_for

    origin = "http://127.0.0.1:8123"
    cases = [
        (FeedItem(url=origin + "/fr/news/a", guid="g-1"), "g-1"),
        (FeedItem(url=origin + "/fr/news/a?x=1"), "/fr/news/a?x=1"),
        (FeedItem(url="https://other.example/a"), "https://other.example/a"),
        (FeedItem(url="x", guid=origin + "/p/1"), "/p/1"),
    ]
    for item, key in cases:
        rid = release_id(item, origin)
        assert rid == release_id_for(key)
        assert re.fullmatch(r"[a-z2-7]{12}", rid)
    assert len({release_id(item, origin) for item, _ in cases}) == len(cases)
    # a site URL's id does not depend on the host and port it was fetched from
    other = "http://127.0.0.1:9"
    assert release_id(FeedItem(url=other + "/fr/news/a?x=1"), other) == release_id(
        FeedItem(url=origin + "/fr/news/a?x=1"), origin
    )


async def test_headlines_only_sync_stores_large_feeds_in_few_transactions(
    site: Site, store: Store
) -> None:
    """A headlines-only sync stores releases HEADLINE_BATCH_SIZE per transaction (each commit
    flushes the full-text index) and fetches no page."""
    n = 2 * HEADLINE_BATCH_SIZE + 100
    items = [
        (f"headline-{i}", f"/fr/news/titre-{i}", "", f"Titre {i}", "Tue, 12 Mar 2024 10:00:00 GMT")
        for i in range(n)
    ]
    site.put("/fr/rss.xml", feed_xml(items, site.base), "application/rss+xml; charset=utf-8")
    commits_before = store._db.writes
    report = await sync_profile(
        make_profile(site, listing=None), store, backoff=0.01, sections=False, pages=False
    )
    assert report.new == n and not report.failed
    assert store.count(Query()) == n
    # three batches of releases, then the feed's validators and the time of this sync (it was
    # one commit per 50 releases)
    assert store._db.writes - commits_before == 5
    assert site.total_requests() == site.count("/fr/rss.xml") == 1
    stored = store.get_release("headline-7")
    assert stored is not None and stored.summary_only and stored.text == "Résumé de Titre 7."
