"""The command palette (ctrl+p): jump to a site section, a release by title, or a press contact.

The palette reads through the screen it was opened on (`PaletteSource`, which the reader's main
screen provides), never the store: on any other screen it offers nothing of the newsroom.

Every title and name comes from the network or a profile, so hits are built as `Content`: the
palette parses plain strings (and help strings) as markup, and Textual's `Matcher.highlight`
does too, so this module highlights matches itself and keeps help texts to its own words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.screen import Screen
from textual.style import Style

from newsroom_tui.i18n import _
from newsroom_tui.models import DirectoryContact, SearchHit
from newsroom_tui.profiles import MenuNode
from newsroom_tui.query import Query, QueryError, parse_query
from newsroom_tui.sanitise import clean_line, clean_title
from newsroom_tui.screens.contacts_directory import as_contact
from newsroom_tui.screens.copy_menu import contact_emails, contact_name, copy_via_app

log = logging.getLogger(__name__)

MAX_RELEASES = 10
MAX_CONTACTS = 10
MIN_QUERY = 2
"""Releases and contacts are searched from this many typed characters on."""


@runtime_checkable
class PaletteSource(Protocol):
    """What the palette reads and does, provided by the screen it was opened on (the main
    screen). The reads report their own errors and return nothing then."""

    def palette_sections(self) -> tuple[MenuNode, ...]: ...

    def palette_releases(self, query: Query, limit: int) -> list[SearchHit]: ...

    def palette_contacts(self) -> list[DirectoryContact]: ...

    def open_section(self, key: str) -> None: ...

    def open_release(self, release_id: str) -> None: ...

    def open_directory(self, filter_text: str) -> None: ...


def _section_path(node: MenuNode, parents: tuple[str, ...]) -> str:
    return " › ".join((*parents, clean_line(node.label, limit=80)))


def _walk(nodes: tuple[MenuNode, ...], parents: tuple[str, ...] = ()) -> list[tuple[str, MenuNode]]:
    """(label path, node) for every menu node, depth first."""
    found: list[tuple[str, MenuNode]] = []
    for node in nodes:
        path = _section_path(node, parents)
        found.append((path, node))
        found += _walk(node.children, (*parents, clean_line(node.label, limit=80)))
    return found


class NewsroomCommands(Provider):
    """Sections of the profile's menu, releases found by the store's search, and contacts."""

    def __init__(self, screen: Screen[Any], match_style: Style | None = None) -> None:
        super().__init__(screen, match_style)
        self._sections: list[tuple[str, MenuNode]] = []
        self._contacts: list[DirectoryContact] = []

    @property
    def _source(self) -> PaletteSource | None:
        screen = self.screen
        return screen if isinstance(screen, PaletteSource) else None

    async def startup(self) -> None:
        source = self._source
        if source is not None:
            self._sections = _walk(source.palette_sections())
            self._contacts = source.palette_contacts()

    def _highlight(self, matcher: Matcher, candidate: str) -> Content:
        """The candidate as plain content with the matched characters styled."""
        content = Content(candidate)
        score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
        if not score:
            return content
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
        return content

    # --- discovery (empty input) ----------------------------------------------------------------

    async def discover(self) -> Hits:
        if self._source is None:
            return
        directory = _("Contacts directory")
        yield DiscoveryHit(
            Content(directory),
            partial(self._open_directory, ""),
            text=directory,
            help=_("Every press contact across the cached releases"),
        )
        for path, node in self._sections:
            if "›" not in path:
                candidate = _("Section: {path}").format(path=path)
                yield DiscoveryHit(
                    Content(candidate),
                    partial(self._open_section, node),
                    text=candidate,
                    help=_("Open this section"),
                )

    # --- search ---------------------------------------------------------------------------------

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for hit in self._section_hits(matcher):
            yield hit
        text = query.strip()
        if len(text) < MIN_QUERY:
            return
        for hit in self._release_hits(matcher, text):
            yield hit
        for hit in self._contact_hits(matcher, text):
            yield hit

    def _section_hits(self, matcher: Matcher) -> list[Hit]:
        hits: list[Hit] = []
        for path, node in self._sections:
            candidate = _("Section: {path}").format(path=path)
            score = matcher.match(candidate)
            if score > 0:
                hits.append(
                    Hit(
                        score,
                        self._highlight(matcher, candidate),
                        partial(self._open_section, node),
                        text=candidate,
                        help=_("Open this section"),
                    )
                )
        return hits

    def _release_hits(self, matcher: Matcher, text: str) -> list[Hit]:
        source = self._source
        if source is None:
            return []
        try:
            query = parse_query(text)
        except QueryError:
            return []
        hits: list[Hit] = []
        for found in source.palette_releases(query, MAX_RELEASES):
            title = clean_title(found.title) or _("(untitled)")
            candidate = _("Release: {title}").format(title=title)
            # The store matched it (accents folded, stems): rank it even when the fuzzy
            # matcher does not see the typed letters in order.
            score = max(matcher.match(candidate), 0.3)
            date = found.published.strftime("%Y-%m-%d") if found.published else _("unknown date")
            hits.append(
                Hit(
                    score,
                    self._highlight(matcher, candidate),
                    partial(self._open_release, found.id),
                    text=candidate,
                    help=_("Open this release ({date})").format(date=date),
                )
            )
        return hits

    def _contact_hits(self, matcher: Matcher, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for entry in self._contacts:
            contact = as_contact(entry)
            emails = contact_emails(contact)
            name = contact_name(contact) or (emails[0] if emails else "")
            label = _("Contact: {name}").format(name=name)
            if emails:
                label += f" <{emails[0]}>"
            score = matcher.match(label)
            if score <= 0:
                continue
            if emails:
                command: Callable[[], object] = partial(self._copy_email, emails[0], name)
                help_text = _("Copy this email")
            else:
                command = partial(self._open_directory, name)
                help_text = _("Show in the contacts directory")
            hits.append(
                Hit(score, self._highlight(matcher, label), command, text=label, help=help_text)
            )
            if len(hits) >= MAX_CONTACTS:
                break
        if self._contacts:
            candidate = _("Contacts directory")
            filtered = _("Contacts directory filtered by {text}").format(
                text=clean_line(text, limit=80)
            )
            hits.append(
                Hit(
                    0.2,
                    Content(filtered),
                    partial(self._open_directory, text),
                    text=f"{candidate}: {text}",
                    help=_("Every contact matching what you typed"),
                )
            )
        return hits

    # --- commands -------------------------------------------------------------------------------

    def _open_section(self, node: MenuNode) -> None:
        source = self._source
        if source is not None:
            source.open_section(node.key)

    def _open_release(self, release_id: str) -> None:
        source = self._source
        if source is not None:
            source.open_release(release_id)

    def _copy_email(self, email: str, name: str) -> None:
        copy_via_app(self.app, email, _("email of {name}").format(name=name))

    def _open_directory(self, filter_text: str) -> None:
        source = self._source
        if source is not None:
            source.open_directory(filter_text)
