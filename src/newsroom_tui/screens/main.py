"""MainScreen: section tree | release list | article and contacts, with search, filters and sync.

The screen is the only place that talks to the store from the UI: widgets post messages, the
screen answers them with store calls (cheap: a COUNT and a page of rows) and updates the widgets.
The slow work (sync, facet counts, the network probe) is ReaderService's, run in thread workers.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Footer

from newsroom_tui.models import Facets, SyncProgress, SyncReport
from newsroom_tui.profiles import MenuNode, Profile
from newsroom_tui.query import Query
from newsroom_tui.screens.reader_service import (
    ReaderService,
    SyncFailed,
    sync_summary,
    sync_was_offline,
)
from newsroom_tui.screens.release_versions import ReleaseVersionActions
from newsroom_tui.storage.store import StoreError
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.contacts_panel import ContactsPanel
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.search_bar import SearchBar
from newsroom_tui.widgets.search_snippet import SearchSnippet
from newsroom_tui.widgets.section_tree import NEWSROOM_KEY, SectionTree
from newsroom_tui.widgets.sync_status import SyncStatus

if TYPE_CHECKING:
    from pathlib import Path

    from newsroom_tui.app import NewsroomApp
    from newsroom_tui.storage.store import Store

log = logging.getLogger(__name__)

NARROW_WIDTH = 100
"""Below this many columns the section tree is hidden (toggle it with `t`)."""
EMPTY_HELP = [
    "No releases cached yet.",
    "",
    "Press r to sync this newsroom in the background (reading goes on meanwhile),",
    "or try the bundled demo newsroom: newsroom-tui --demo",
]


class MainScreen(ReleaseVersionActions):
    """The reader."""

    AUTO_FOCUS = "#releases"
    """The list has the focus from the start (focusing it later restyles the screen twice)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search"),
        Binding("escape", "clear_search", "Clear", show=False),
        Binding("n", "step(1)", "Next"),
        Binding("p", "step(-1)", "Prev", show=False),
        Binding("u", "toggle_unread", "Unread only"),
        Binding("s", "star", "Star"),
        Binding("m", "toggle_read", "Read/unread", show=False),
        Binding("o", "open_in_browser", "Browser", show=False),
        Binding("y", "copy_url", "Copy URL", show=False),
        Binding("c", "copy_email", "Copy email"),
        Binding("C", "copy_all_emails", "All emails", show=False),
        Binding("x", "copy_menu", "Copy menu", show=False),
        Binding("D", "open_directory", "Contacts"),
        Binding("r", "sync", "Sync"),
        Binding("t", "toggle_tree", "Sections", show=False),
        Binding("L", "next_language", "Language", show=False),
        Binding("v", "show_changes", "Changes", show=False),
        Binding("full_stop", "turn_page(1)", "Next page", show=False),
        Binding("comma", "turn_page(-1)", "Previous page", show=False),
        *[Binding(str(n), f"open_link({n})", f"Link {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(
        self,
        store: Store,
        profile: Profile,
        database_path: Path,
        *,
        offline_hint: bool = False,
        probe_network: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.profile = profile
        self.service = ReaderService(profile, database_path)
        self.data_dir = database_path.parent.parent
        """Where the other newsrooms' caches are (`<data>/<profile>/newsroom.sqlite3`)."""
        self.offline_hint = offline_hint
        self.probe_network = probe_network
        self.facet_key = NEWSROOM_KEY
        self.facet_filters: dict[str, object] = {}
        self.search: Query | None = None
        self.unread_only = store.get_meta("unread_only") == "1"
        self.open_release_id: str | None = None
        self.total = 0
        """Releases in the cache, from the last facet refresh (facets are too slow per key)."""
        self._select_when_facets_arrive: str | None = None
        self._listed = False

    @property
    def newsroom_app(self) -> NewsroomApp:
        from newsroom_tui.app import NewsroomApp

        assert isinstance(self.app, NewsroomApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield SyncStatus(self.profile.name, id="status")
        with Horizontal(id="columns"):
            yield SectionTree(self.profile.menu, id="sections")
            with Vertical(id="middle"):
                yield SearchBar(id="search")
                yield ReleaseList(id="releases")
                yield SearchSnippet(id="snippet")
            with Vertical(id="reading"):
                yield ArticleView(id="article")
                yield ContactsPanel(id="contacts")
        yield Footer()

    @property
    def release_list(self) -> ReleaseList:
        return self.query_one(ReleaseList)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def status(self) -> SyncStatus:
        return self.query_one(SyncStatus)

    def on_mount(self) -> None:
        self.status.set_last_sync(self.store.get_meta("last_sync"))
        self.status.set_online(not self.offline_hint)
        if self.offline_hint:
            self._say_offline()
        elif self.probe_network:
            self._probe_network()
        tree = self.query_one(SectionTree)
        remembered = self.store.get_meta("selected") or NEWSROOM_KEY
        if not tree.select_key(remembered):
            # A remembered year or tag: its node appears with the facets.
            self._select_when_facets_arrive = remembered
            tree.select_key(NEWSROOM_KEY)
        self._refresh_unread()
        self._refresh_facets()

    def _after_first_paint(self) -> None:
        """Load the article's Markdown machinery, then keep what was built so far (it lives as
        long as the screen) out of the garbage collector's full passes."""
        self.article.prepare_body()
        self.call_after_refresh(self.newsroom_app.freeze_long_lived)

    # --- layout ----------------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def action_toggle_tree(self) -> None:
        self.toggle_class("-show-tree")

    # --- list contents ---------------------------------------------------------------------------

    def current_query(self) -> Query:
        query = self.search if self.search is not None else Query()
        if self.facet_filters:
            query = query.with_filters(**self.facet_filters)
        if self.unread_only:
            query = query.with_filters(unread=True)
        return query

    def refresh_list(self, *, keep_id: str | None = None) -> None:
        query = self.current_query()
        terms = [t.text for group in query.terms for t in group]
        if self.search is not None:
            empty = "No release matches this search."
        elif self.unread_only:
            empty = "No unread release here (u shows all)."
        elif self.total == 0:
            empty = "No releases cached yet: press r to sync, or try newsroom-tui --demo."
        else:
            empty = "No release here."
        try:
            self.release_list.show(
                self.store, query, terms=terms, keep_id=keep_id, empty_message=empty
            )
        except StoreError as exc:
            self.report_error("Could not list releases", exc)
        if not self._listed:
            # The list is what the reader looks at first: the rest waits until it is painted,
            # and for whatever else was waiting for that paint.
            self._listed = True
            self.call_after_refresh(self.call_later, self._after_first_paint)

    @work(thread=True, exclusive=True, group="facets", exit_on_error=False)
    def _refresh_facets(self) -> None:
        """Count years, tags and sections in this thread (too slow for the UI thread), then
        show them."""
        try:
            facets = self.service.count_facets()
        except StoreError as exc:
            self.app.call_from_thread(self.report_error, "Could not read the facets", exc)
            return
        self.app.call_from_thread(self._show_facets, facets)

    def _show_facets(self, facets: Facets) -> None:
        self.total = facets.total
        tree = self.query_one(SectionTree)
        tree.set_facets(facets)
        waiting, self._select_when_facets_arrive = self._select_when_facets_arrive, None
        if waiting is not None:
            tree.select_key(waiting)
        if facets.total == 0 and self.open_release_id is None:
            self.article.show_message("Welcome", EMPTY_HELP)

    def _refresh_unread(self) -> None:
        try:
            unread = self.store.unread_count()
        except StoreError as exc:
            self.report_error("Could not count unread releases", exc)
            return
        self.query_one(SectionTree).set_unread(unread)

    def _remember(self, key: str, value: str) -> None:
        """Keep a bit of UI state in the store; a read-only or too-new cache just forgets it."""
        try:
            self.store.set_meta(key, value)
        except StoreError as exc:
            log.info("not remembering %s: %s", key, exc)

    def _say_offline(self) -> None:
        self.status.set_online(False)
        self.notify(
            "Offline: the newsroom cannot be reached; showing the cached copy.",
            markup=False,
            severity="warning",
        )

    @work(thread=True, exclusive=True, group="probe", exit_on_error=False)
    def _probe_network(self) -> None:
        if not self.service.host_reachable():
            self.app.call_from_thread(self._probed_offline)

    def _probed_offline(self) -> None:
        if not self.status.syncing:
            self._say_offline()

    def report_error(self, what: str, exc: BaseException) -> None:
        """One line on screen, the traceback in the log file."""
        log.error("%s", what, exc_info=exc)
        self.notify(f"{what}: {exc}", markup=False, severity="error")

    @on(SectionTree.FacetSelected)
    def _facet_selected(self, event: SectionTree.FacetSelected) -> None:
        filters: dict[str, object] = {}
        if event.kind == "year" and event.value.isdigit():
            filters["year"] = int(event.value)
        elif event.kind == "tag":
            filters["tag"] = event.value
        elif event.kind == "section-facet":
            filters["section"] = event.value
        self.facet_filters = filters
        self.facet_key = event.key
        self._remember("selected", event.key)
        self.refresh_list()

    @on(SectionTree.SectionSelected)
    def _section_selected(self, event: SectionTree.SectionSelected) -> None:
        self._remember("selected", f"section:{event.node.key}")
        self.show_section(event.node)

    def open_section(self, key: str) -> None:
        """Select the site section with this menu key (used by the command palette)."""
        self.query_one(SectionTree).select_key(f"section:{key}")

    def show_section(self, node: MenuNode) -> None:
        try:
            page = self.store.get_section(node.key)
        except StoreError as exc:
            self.report_error("Could not read the section page", exc)
            return
        self.open_release_id = None
        contacts = self.query_one(ContactsPanel)
        if page is None:
            lines = [node.description, ""] if node.description else []
            lines += [node.url or "", "", "This page is not cached yet: press r to sync."]
            self.article.show_message(node.label, lines)
            contacts.show([], node.label)
            return
        self.article.show_section(page)
        contacts.show(list(page.contacts), page.title)

    @on(SearchBar.QueryChanged)
    def _search_changed(self, event: SearchBar.QueryChanged) -> None:
        self.search = event.query
        self.refresh_list()
        current = self.release_list.current_row
        self._show_snippet(current.id if current else None)

    @on(ReleaseList.ReleaseHighlighted)
    def _release_highlighted(self, event: ReleaseList.ReleaseHighlighted) -> None:
        self._show_snippet(event.release_id)

    def _show_snippet(self, release_id: str | None) -> None:
        """Under the list, where the search matched in the highlighted release."""
        line = self.query_one(SearchSnippet)
        query = self.search
        if query is None or query.is_empty_text or release_id is None:
            line.hide()
            return
        try:
            line.show(self.store.snippet(query, release_id))
        except StoreError as exc:
            self.report_error("Could not read the search snippet", exc)

    @on(SearchBar.Submitted)
    def _search_submitted(self) -> None:
        self.release_list.focus()

    def action_focus_search(self) -> None:
        self.query_one(SearchBar).input.focus()

    def action_clear_search(self) -> None:
        search = self.query_one(SearchBar)
        if search.value:
            search.action_clear()

    def action_toggle_unread(self) -> None:
        self.unread_only = not self.unread_only
        self._remember("unread_only", "1" if self.unread_only else "0")
        current = self.release_list.current_row
        self.refresh_list(keep_id=current.id if current else None)
        self.notify("Unread only" if self.unread_only else "All releases", markup=False)

    # --- releases --------------------------------------------------------------------------------

    @on(ReleaseList.ReleaseOpened)
    def _release_opened(self, event: ReleaseList.ReleaseOpened) -> None:
        self.open_release(event.release_id)

    def open_release(self, release_id: str) -> None:
        try:
            release = self.store.get_release(release_id)
        except StoreError as exc:
            self.report_error("Could not open the release", exc)
            return
        if release is None:
            self.notify("That release is no longer cached.", markup=False, severity="warning")
            return
        if not release.read:
            try:
                self.store.set_read([release_id], True)
            except StoreError as exc:  # a read-only cache: reading goes on, unmarked
                self.report_error("Could not mark the release read", exc)
            else:
                release.read = True
                self.release_list.update_row(release_id, read=True)
                self.query_one(SectionTree).adjust_unread(-1)
        self.open_release_id = release_id
        self.article.show_release(release)
        self.query_one(ContactsPanel).show(list(release.contacts), release.title)
        self.release_shown(release)

    def action_step(self, step: int) -> None:
        if not self.release_list.move_and_open(step):
            self.notify("No more releases this way.", markup=False)

    def action_star(self) -> None:
        row = self.release_list.current_row
        if row is None:
            return
        try:
            self.store.set_starred(row.id, not row.starred)
        except StoreError as exc:
            self.report_error("Could not star the release", exc)
            return
        self.release_list.update_row(row.id, starred=not row.starred)

    def action_toggle_read(self) -> None:
        row = self.release_list.current_row
        if row is None:
            return
        now_read = not row.read
        try:
            self.store.set_read([row.id], now_read)
        except StoreError as exc:
            self.report_error("Could not change the read state", exc)
            return
        self.release_list.update_row(row.id, read=now_read)
        self.query_one(SectionTree).adjust_unread(-1 if now_read else 1)

    def _selected_release_url(self) -> str | None:
        release_id = self.open_release_id
        if release_id is None:
            row = self.release_list.current_row
            release_id = row.id if row else None
        release = self.store.get_release(release_id) if release_id else None
        return release.url if release else None

    def action_open_in_browser(self) -> None:
        url = self._selected_release_url() or self.article.document_url
        if url:
            self.newsroom_app.open_link(url)

    def action_copy_url(self) -> None:
        url = self._selected_release_url() or self.article.document_url
        if url:
            self.newsroom_app.copy_text(url, "release URL")

    def action_turn_page(self, step: int) -> None:
        """Next or previous page of a long article."""
        if step > 0:
            self.article.action_next_page()
        else:
            self.article.action_previous_page()

    def action_open_link(self, number: int) -> None:
        link = self.article.link(number)
        if link is None:
            self.notify(f"No link {number} in this document.", markup=False)
            return
        self.newsroom_app.open_link(link.url)

    @on(ArticleView.LinkRequested)
    def _link_requested(self, event: ArticleView.LinkRequested) -> None:
        self.newsroom_app.open_link(event.url)

    # --- contacts ----------------------------------------------------------------------------------

    def action_copy_email(self) -> None:
        self.query_one(ContactsPanel).action_copy_email()

    def action_copy_all_emails(self) -> None:
        self.query_one(ContactsPanel).action_copy_all_emails()

    def action_copy_menu(self) -> None:
        self.query_one(ContactsPanel).action_copy_menu()

    def action_open_directory(self) -> None:
        from newsroom_tui.screens.contacts_directory import ContactsDirectoryScreen

        self.app.push_screen(ContactsDirectoryScreen(self.store))

    # --- sync ------------------------------------------------------------------------------------

    def action_sync(self) -> None:
        if self.status.syncing:
            self.notify("A sync is already running.", markup=False)
            return
        self.status.start_sync()
        self._sync()

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def _sync(self) -> None:
        """Sync in this thread; progress and the outcome go back to the UI thread."""

        def progress(update: SyncProgress) -> None:
            self.app.call_from_thread(self.status.show_progress, update)

        try:
            report = self.service.sync(progress)
        except SyncFailed as exc:
            self.app.call_from_thread(self._sync_failed, str(exc))
            return
        self.app.call_from_thread(self._sync_finished, report)

    def _sync_failed(self, message: str) -> None:
        self.status.finish_sync("sync failed")
        self.notify(message, markup=False, severity="error")

    def _sync_finished(self, report: SyncReport) -> None:
        self.status.set_online(not sync_was_offline(report))
        self.status.set_last_sync(self.store.get_meta("last_sync"))
        summary = sync_summary(report)
        self.status.finish_sync(summary)
        self.notify(
            f"Sync done: {summary}",
            markup=False,
            severity="warning" if report.failed else "information",
        )
        for failure in report.failed[:8]:
            self.notify(f"{failure.url}: {failure.reason}", markup=False, severity="warning")
        self._refresh_facets()
        current = self.release_list.current_row
        self.refresh_list(keep_id=current.id if current else None)

    def on_unmount(self) -> None:
        self.service.cancel()
