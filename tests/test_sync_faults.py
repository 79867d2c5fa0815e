"""Failures of every kind injected into random items of a 200-item sync of a loopback newsroom
(tests/sitekit.py, a real SQLite store, the real extraction pool: more than POOL_MIN_PAGES pages,
so pages go to worker processes as well as threads). Each failure must cost only its item or
source: every other item is stored whole, each failure is one line in the report, the summary
counts them, and the unexpected ones leave their traceback in the log."""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import faults
from newsroom_tui.cli import format_report
from newsroom_tui.ingest import extraction_pool, listing, release_extraction, sources
from newsroom_tui.ingest.fetch import Fetcher
from newsroom_tui.ingest.sync import sync_profile
from newsroom_tui.models import release_id_for
from newsroom_tui.profiles import load_profile_file
from newsroom_tui.storage.store import Store
from sitekit import Site

ITEMS = 200
POISONED = 50
SOURCE_FAULTS = ("feed-parser", "listing-parser")


def page(number: int) -> str:
    words = " ".join(f"mot{(number * 7 + k) % 41}" for k in range(40))
    return (
        f'<html lang="fr"><head><meta charset="utf-8"><title>Communiqué {number}</title>'
        f'<meta property="article:published_time" content="2024-03-{1 + number % 28:02d}'
        f'T10:00:00Z"></head><body><h1>Communiqué {number}</h1><div class="body">'
        f"<p>Texte du communiqué {number}. {words}</p></div></body></html>"
    )


def plan(seed: int) -> dict[int, str]:
    """Which items fail, and how: every kind several times, at random places."""
    rng = random.Random(seed)
    chosen = rng.sample(range(ITEMS), POISONED)
    return {n: faults.ITEM_FAULTS[i % len(faults.ITEM_FAULTS)] for i, n in enumerate(chosen)}


def path_of(number: int, fault: str | None) -> str:
    return f"/news/{number}" + (f"?fault={fault}" if fault else "")


@pytest.fixture
def newsroom(tmp_path: Path) -> Iterator[tuple[Site, Path, dict[int, str]]]:
    poisoned = plan(seed=17)
    with Site() as site:
        items = []
        for n in range(ITEMS):
            path = path_of(n, poisoned.get(n))
            site.put(path, page(n))
            items.append(
                f"<item><title>Communiqué {n}</title><link>{site.base}{path}</link>"
                f"<guid isPermaLink='false'>release-{n}</guid>"
                f"<description>Résumé du communiqué {n}.</description></item>"
            )
        site.put(
            "/rss.xml",
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>C'
            f"</title>{''.join(items)}</channel></rss>",
            "application/rss+xml; charset=utf-8",
        )
        site.put("/other.xml?fault=feed-parser", site.resources["/rss.xml"].body)
        site.put("/list?fault=listing-parser&page=0", "<html><body></body></html>")
        toml = tmp_path / "faults.toml"
        toml.write_text(
            f'id = "faults"\nname = "Faults"\nlanguage = "fr"\nbase_url = "{site.base}/"\n'
            f'news_url = "{site.base}/news"\n[fetch]\nretries = 0\ndeadline = 20\n'
            '[sources]\nfeeds = ["/rss.xml", "/other.xml?fault=feed-parser"]\ndiscover = false\n'
            '[sources.listing]\nurl = "/list?fault=listing-parser&page={page}"\nmax_pages = 1\n'
            '[extract]\nbody = ["div.body"]\ntitle = ["h1"]\n',
            encoding="utf-8",
        )
        yield site, toml, poisoned


@pytest.fixture
def injected(monkeypatch: pytest.MonkeyPatch) -> None:
    """The faults wired into the real functions (see tests/faults.py)."""
    real_get = Fetcher.get
    real_parse_feed = sources.parse_feed_detailed
    real_parse_listing = listing.parse_listing

    async def get(self: Fetcher, url: str, **kwargs: Any) -> Any:
        error = faults.fetch_fault(faults.fault_of(url))
        if error is not None:
            raise error
        return await real_get(self, url, **kwargs)

    def parse_feed(data: bytes, url: str, **kwargs: Any) -> Any:
        if faults.fault_of(url) == "feed-parser":
            raise AttributeError("'NoneType' object has no attribute 'get'")
        return real_parse_feed(data, url, **kwargs)

    def parse_listing(html: Any, url: str, *args: Any, **kwargs: Any) -> Any:
        if faults.fault_of(url) == "listing-parser":
            raise AssertionError("unexpected tree")
        return real_parse_listing(html, url, *args, **kwargs)

    monkeypatch.setattr(Fetcher, "get", get)
    monkeypatch.setattr(sources, "parse_feed_detailed", parse_feed)
    # The parsers are imported where a sync first needs them: patched in their own modules.
    monkeypatch.setattr(listing, "parse_listing", parse_listing)
    monkeypatch.setattr(release_extraction, "extract_release", faults.extract_with_faults)


@pytest.mark.usefixtures("injected")
async def test_every_failure_costs_only_its_item_or_source(
    newsroom: tuple[Site, Path, dict[int, str]],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    site, toml, poisoned = newsroom
    assert ITEMS > extraction_pool.POOL_MIN_PAGES  # the worker processes take part
    assert set(poisoned.values()) == set(faults.ITEM_FAULTS)
    caplog.set_level(logging.INFO)
    with Store.open(tmp_path / "db.sqlite") as store:
        report = await sync_profile(load_profile_file(toml), store, sections=False, backoff=0.01)
        stored = {r.id: r for r in store.iter_releases()}

    # Every item without a fault is stored whole.
    healthy = {release_id_for(f"release-{n}") for n in range(ITEMS) if n not in poisoned}
    assert healthy <= set(stored)
    for rid in healthy:
        assert not stored[rid].summary_only and "Texte du communiqué" in stored[rid].text, rid

    # An item whose page failed, or whose release the store refused, keeps its feed summary.
    for n, fault in poisoned.items():
        release = stored[release_id_for(f"release-{n}")]
        assert release.summary_only and release.text.startswith("Résumé"), fault
    assert report.new == len(stored) == ITEMS

    # One line per failed item or source, each naming its URL; the summary counts them all.
    failed = {failure.url: failure.reason for failure in report.failed}
    expected = {site.base + path_of(n, fault) for n, fault in poisoned.items()}
    expected |= {site.url("/other.xml?fault=feed-parser")}
    expected |= {site.url("/list?fault=listing-parser&page=0")}
    assert len(report.failed) == len(failed) == len(expected)
    assert set(failed) == expected
    for reason in failed.values():
        assert "\n" not in reason and 0 < len(reason) <= 300
    first = format_report(report)
    assert f"{len(expected)} failed" in first and f"{report.new} new" in first

    # The unexpected failures leave their traceback in the log (the fetcher's own typed error
    # is an expected one-line failure).
    traced = " ".join(
        record.getMessage() for record in caplog.records if record.exc_info is not None
    )
    for url, reason in failed.items():
        if faults.fault_of(url) != "fetch-error":
            assert url in traced, (url, reason)
    assert "unexpected error (OverflowError: connect(): port must be 0-65535.)" in " ".join(
        failed.values()
    )


@pytest.mark.usefixtures("injected")
async def test_a_second_sync_after_the_failures_fetches_only_what_failed(
    newsroom: tuple[Site, Path, dict[int, str]], tmp_path: Path
) -> None:
    site, toml, poisoned = newsroom
    profile = load_profile_file(toml)
    with Store.open(tmp_path / "db.sqlite") as store:
        await sync_profile(profile, store, sections=False, backoff=0.01)
        site.reset_counts()
        report = await sync_profile(profile, store, sections=False, backoff=0.01)
        assert len(list(store.iter_releases())) == ITEMS
    # The feed has not changed (304), so the healthy pages are not asked for; the failed ones
    # are (stored from their summaries, their pages are retried: the injected fetch failures
    # strike before the request), and fail again, one line each.
    assert site.count("/rss.xml") == 1 and site.status_count(304) == 1
    for n in range(ITEMS):
        fault = poisoned.get(n)
        asked = fault is not None and fault not in faults.FETCH_FAULTS  # those fail before
        assert site.count(path_of(n, fault)) == int(asked), n
    failed_items = {f.url for f in report.failed if "/news/" in f.url}
    assert failed_items == {site.base + path_of(n, fault) for n, fault in poisoned.items()}
    assert len(report.failed) == POISONED + len(SOURCE_FAULTS)
