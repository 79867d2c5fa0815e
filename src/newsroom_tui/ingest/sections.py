"""Syncing the site's menu pages: each distinct menu URL fetched and extracted like a release
page, stored per menu key (several keys may share a page), all in one transaction at the end; a
page the store refuses because of a value goes alone, so only it is lost."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from newsroom_tui.ingest.fetch import FetchError
from newsroom_tui.ingest.sync_run import SyncRun, digest, reason
from newsroom_tui.models import FetchState, SectionPage

log = logging.getLogger(__name__)


@dataclass
class SectionSync:
    """Syncs the profile's menu pages; `sync_sections()` is the whole of it."""

    run: SyncRun

    async def sync_sections(self) -> None:
        by_url: dict[str, list[str]] = {}
        for node in self.run.profile.menu_nodes():
            url = self.run.resolved(node.url) if node.url else None
            if url is not None:
                by_url.setdefault(url, []).append(node.key)
        total = len(by_url)
        self.run.emit("sections", 0, total)
        done = 0
        pages: list[SectionPage] = []
        states: list[FetchState] = []

        async def one(url: str, keys: list[str]) -> None:
            nonlocal done
            if self.run.stopped():
                return
            with self.run.contained(url):
                await self.sync_section(url, keys, pages, states)
            done += 1
            self.run.emit("sections", done, total, url)

        await asyncio.gather(*(one(url, keys) for url, keys in by_url.items()))
        if pages or states:
            await self.store_sections(pages, states)

    async def sync_section(
        self, url: str, keys: list[str], pages: list[SectionPage], states: list[FetchState]
    ) -> None:
        """One menu page fetched and extracted, once for all the menu keys that share it."""
        try:
            response = await self.run.get(url, max_bytes=self.run.profile.fetch.max_page_bytes)
        except FetchError as exc:
            self.run.fail(url, str(exc))
            return
        if response.body is None:
            return
        try:
            page, _ = await self.run.extract(response.body, response, None)
        except (ValueError, RecursionError, LookupError, TypeError) as exc:
            log.exception("extraction failed for %s", url)
            self.run.fail(url, f"could not read the page: {reason(exc)}")
            return
        now = datetime.now(UTC)
        for key in keys:
            pages.append(
                SectionPage(
                    key, url, page.title, page.markdown, page.text, list(page.contacts), now
                )
            )
        states.append(response.fetch_state(url, content_hash=digest(response.body)))

    async def store_sections(self, pages: list[SectionPage], states: list[FetchState]) -> None:
        """The section pages in one transaction; if the store refuses a value, page by page."""
        with self.run.contained(f"{len(pages)} section pages", report=False) as attempt:
            await asyncio.to_thread(self.run.store.apply_batch, (), pages, states)
            self.run.report.sections = len(pages)
        if not attempt.failed:
            return
        stored: set[str] = set()
        for page in pages:
            with self.run.contained(page.url) as work:
                await asyncio.to_thread(self.run.store.apply_batch, (), [page], ())
            if not work.failed:
                stored.add(page.url)
                self.run.report.sections += 1
        kept = [state for state in states if state.url in stored]
        if kept:
            await asyncio.to_thread(self.run.store.apply_batch, (), (), kept)
