"""The language versions of a release: the ones its page links (none are guessed), where each is
cached, and fetching one that is not.

A version is looked up by its URL in this newsroom's database, then in the other newsrooms'
(`storage.other_caches`): the iom-en and iom-es caches hold the English and Spanish versions of
an iom-fr release. One that is nowhere is fetched, extracted with the profile of its language
(the profile whose language it is and whose site serves it; else the current one) and stored in
that profile's database, so a later sync of that newsroom finds it known.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from newsroom_tui import paths
from newsroom_tui.i18n import _
from newsroom_tui.models import FeedItem, LanguageLink, Release
from newsroom_tui.profiles import Profile, available_profiles
from newsroom_tui.sanitise import clean_line
from newsroom_tui.storage.other_caches import find_elsewhere

log = logging.getLogger(__name__)


class ReleaseLookup(Protocol):
    """What the lookup needs of the caller's store (storage.store.Store provides it)."""

    @property
    def path(self) -> Path: ...

    def release_by_url(self, url: str) -> Release | None: ...


@dataclass(frozen=True, slots=True)
class LanguageVersion:
    """One language of a release: the release itself, a cached copy, or a link not yet cached."""

    language: str
    url: str
    release: Release | None
    """The cached copy (the release itself for the current one); None when not cached."""
    newsroom: str = ""
    """The other newsroom whose cache holds it ('' for this newsroom's)."""
    current: bool = False

    @property
    def cached(self) -> bool:
        return self.release is not None


class VersionUnavailable(Exception):
    """A language version that cannot be shown; str() is one line for the user."""


def _primary(language: str) -> str:
    return language.lower().partition("-")[0]


def _current_link(release: Release) -> LanguageLink | None:
    """The link that is the release itself: its own URL, else its language."""
    for link in release.language_links:
        if link.url == release.url:
            return link
    for link in release.language_links:
        if link.primary == _primary(release.language):
            return link
    return None


def language_versions(
    release: Release, store: ReleaseLookup, data_dir: Path | None
) -> list[LanguageVersion]:
    """Every language the release's page links, itself included, in language order, each with
    its cached copy when there is one ([] when the page links no other language). `data_dir`
    None looks in this newsroom's cache only."""
    if not release.language_links:
        return []
    own = _current_link(release)
    versions: list[LanguageVersion] = []
    if own is None:
        language = release.language or "?"
        versions.append(LanguageVersion(language, release.url, release, current=True))
    for link in release.language_links:
        if link is own:
            versions.append(LanguageVersion(link.language, release.url, release, current=True))
            continue
        versions.append(_look_up(link, store, data_dir))
    if len(versions) < 2:
        return []
    return sorted(versions, key=lambda v: v.language)


def _look_up(link: LanguageLink, store: ReleaseLookup, data_dir: Path | None) -> LanguageVersion:
    found = store.release_by_url(link.url)
    if found is not None:
        return LanguageVersion(link.language, link.url, found)
    if data_dir is not None:
        elsewhere = find_elsewhere(link.url, data_dir, skip=store.path)
        if elsewhere is not None:
            return LanguageVersion(link.language, link.url, elsewhere.release, elsewhere.newsroom)
    return LanguageVersion(link.language, link.url, None)


def after_current(versions: list[LanguageVersion]) -> list[LanguageVersion]:
    """The other versions in the order `L` tries them: the languages after the current one,
    then from the first (wrapping round)."""
    for index, version in enumerate(versions):
        if version.current:
            return versions[index + 1 :] + versions[:index]
    return list(versions)


def find_version(versions: list[LanguageVersion], language: str) -> LanguageVersion | None:
    """The version in `language` ("en", or "pt-br" when the page says so)."""
    wanted = language.strip().lower().replace("_", "-")
    exact = [v for v in versions if v.language == wanted]
    if exact:
        return exact[0]
    return next((v for v in versions if _primary(v.language) == _primary(wanted)), None)


def profile_for(language: str, url: str, current: Profile) -> Profile:
    """The newsroom a version belongs to: a profile in its language whose site serves the URL
    (the longest matching base URL wins); else the current profile."""
    if _primary(current.language) == _primary(language):
        return current
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return current
    best: Profile | None = None
    for profile in available_profiles():
        if profile.id == current.id or _primary(profile.language) != _primary(language):
            continue
        try:
            if (urlsplit(profile.base_url).hostname or "").lower() != host:
                continue
        except ValueError:
            continue
        if best is None or (
            url.startswith(profile.base_url) and len(profile.base_url) > len(best.base_url)
        ):
            best = profile
    return best or current


@dataclass(frozen=True, slots=True)
class FetchedVersion:
    release: Release
    profile: Profile
    """The newsroom it was stored in."""


async def fetch_version(
    version: LanguageVersion, current: Profile, data_dir: Path
) -> FetchedVersion:
    """Fetch a version not cached yet, extract it with its newsroom's profile and store it in
    that newsroom's cache. Raises VersionUnavailable (one line) when it cannot be fetched, read
    or stored."""
    from newsroom_tui.extraction.extract import extract_page
    from newsroom_tui.ingest.fetch import Fetcher, FetchError
    from newsroom_tui.ingest.releases import section_label
    from newsroom_tui.ingest.sources import release_id
    from newsroom_tui.ingest.sync_run import digest
    from newsroom_tui.storage.errors import StoreError
    from newsroom_tui.storage.store import Store

    profile = profile_for(version.language, version.url, current)
    try:
        async with Fetcher(profile.fetch) as fetcher:
            response = await fetcher.get(version.url, max_bytes=profile.fetch.max_page_bytes)
    except FetchError as exc:
        raise VersionUnavailable(
            _("the {language} version could not be fetched: {error}").format(
                language=version.language, error=exc
            )
        ) from None
    body = response.body or b""
    page = await asyncio.to_thread(
        extract_page,
        body,
        response.url,
        profile.extract,
        language=_primary(version.language),
        encoding=response.charset,
    )
    if not page.markdown.strip():
        raise VersionUnavailable(
            _("the {language} version has no text to show").format(language=version.language)
        )
    item = FeedItem(url=version.url, title=page.title)
    release = Release(
        id=release_id(item, profile.site_origin),
        url=version.url,
        title=page.title or version.url,
        published=page.published,
        language=page.language or _primary(version.language),
        section=section_label(profile, item),
        tags=list(page.tags),
        summary=clean_line(page.text, limit=280),
        markdown=page.markdown,
        text=page.text,
        contacts=list(page.contacts),
        language_links=list(page.language_links),
    )
    state = response.fetch_state(version.url, content_hash=digest(body))
    database = paths.database_path(data_dir, profile.id)

    def store_it() -> Release:
        with Store.open(database) as store:
            store.apply_batch([release], (), [state])
            return store.get_release(release.id) or release

    try:
        stored = await asyncio.to_thread(store_it)
    except StoreError as exc:
        raise VersionUnavailable(
            _("the {language} version could not be stored: {error}").format(
                language=version.language, error=exc
            )
        ) from None
    log.info("fetched the %s version %s into %s", version.language, version.url, database)
    return FetchedVersion(stored, profile)
