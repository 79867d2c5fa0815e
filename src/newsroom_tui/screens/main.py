"""MainScreen: section tree | release list | article and contacts, with search, filters and sync.

The screen is the only place that talks to the store from the UI: widgets post messages, the
screen answers them with store calls (cheap: a COUNT and a page of rows) and updates the widgets;
the release list reads through a `Listing`, the command palette through `PaletteSource`. The slow
work (sync, facet counts, the network probe, marking a whole list read) is ReaderService's, run
in thread workers.

Layout: while a release is open the article gets most of the width (the tree steps aside below
WIDE_WIDTH columns; `t` brings it back at any width), a site section hides the list, `z` shows the
article alone, and below NARROW_WIDTH columns the list sits above the article. The keys that act
on a release are in release_actions.py.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable
from urllib.parse import urldefrag

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Footer

from newsroom_tui.models import DirectoryContact, Facets, SearchHit, SyncProgress, SyncReport
from newsroom_tui.profiles import MenuNode, Profile
from newsroom_tui.query import Query, QueryError, parse_query
from newsroom_tui.screens.history import DocumentHistory, Visit
from newsroom_tui.screens.listing import ORDER_LABELS, ORDERS, Listing, Order, usable_order
from newsroom_tui.screens.reader_service import ReaderService, SyncFailed
from newsroom_tui.screens.release_actions import ReleaseActions
from newsroom_tui.screens.sync_log import (
    SyncLogScreen,
    SyncRecord,
    offline_at_start,
    status_summary,
    sync_notification,
    was_offline,
)
from newsroom_tui.storage.store import TEXT_COUNT_CAP, StoreError
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.contacts_panel import ContactsPanel
from newsroom_tui.widgets.filter_line import FilterLine, ListState
from newsroom_tui.widgets.find_bar import FindBar
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.search_bar import SearchBar
from newsroom_tui.widgets.search_snippet import SearchSnippet
from newsroom_tui.widgets.section_tree import NEWSROOM_KEY, SectionTree
from newsroom_tui.widgets.sync_status import SyncStatus, describe_sync_time

if TYPE_CHECKING:
    from pathlib import Path

    from textual.widget import Widget

    from newsroom_tui.storage.store import Store

log = logging.getLogger(__name__)

NARROW_WIDTH = 100
"""Below this many columns the list sits above the article and the tree is hidden."""
WIDE_WIDTH = 160
"""From this many columns the tree stays beside an open release."""
EMPTY_HELP = [
    "No releases cached yet.",
    "",
    "Press r to sync this newsroom in the background (reading goes on meanwhile),",
    "or try the bundled demo newsroom: newsroom-tui --demo",
]
NOTHING_OPEN = [
    "Highlight a release in the list (j / k or the arrows) and press enter to read it here.",
    "",
    "n and p open the next and previous release, z reads it full screen,",
    "? lists every key.",
]
FACET_GROUPS = {"year": "Years", "tag": "Tags", "section-facet": "Sections"}


@runtime_checkable
class LongLivedFreezer(Protocol):
    """An app that can keep what is alive now out of the garbage collector's passes."""

    def freeze_long_lived(self) -> None: ...


class MainScreen(ReleaseActions):
    """The reader."""

    AUTO_FOCUS = "#releases"
    """The list has the focus from the start (focusing it later restyles the screen twice)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search"),
        Binding("escape", "escape", "Back", show=False),
        # In the search and find boxes, enter and escape act at once (before any key typed after
        # them is routed), so a burst like "/migrants⏎jj" moves in the results, not in the box.
        Binding("enter", "submit_input", "Done", show=False, priority=True),
        Binding("escape", "leave_input", "Leave", show=False, priority=True),
        Binding("n", "step(1)", "Next"),
        Binding("p", "step(-1)", "Prev", show=False),
        Binding("u", "toggle_unread", "Unread"),
        Binding("s", "star", "Star"),
        Binding("m", "toggle_read", "Read/unread", show=False),
        Binding("A", "mark_all_read", "Mark all read", show=False),
        Binding("U", "undo_mark_read", "Undo mark all read", show=False),
        Binding("S", "cycle_order", "Sort", show=False),
        Binding("o", "open_in_browser", "Browser", show=False),
        Binding("y", "copy_url", "Copy URL", show=False),
        Binding("c", "copy_email", "Copy email", show=False),
        Binding("C", "copy_all_emails", "All emails", show=False),
        Binding("x", "copy_menu", "Copy menu", show=False),
        Binding("D", "open_directory", "Contacts", show=False),
        Binding("r", "sync", "Sync"),
        Binding("L", "sync_log", "Sync log", show=False),
        Binding("t", "toggle_tree", "Sections", show=False),
        Binding("z", "reading_mode", "Read"),
        Binding("ctrl+f", "find", "Find", show=False),
        Binding("backspace,alt+left", "back", "Back", show=False),
        Binding("alt+right", "forward", "Forward", show=False),
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
        self.offline_hint = offline_hint
        self.probe_network = probe_network
        self.facet_key = NEWSROOM_KEY
        self.facet_filters: dict[str, object] = {}
        self.facet_place = ""
        self.search: Query | None = None
        self.unread_only = store.get_meta("unread_only") == "1"
        self.order: Order = "newest"
        self.open_release_id: str | None = None
        self.open_section_key: str | None = None
        self.history = DocumentHistory()
        self.read_undo: list[str] = []
        self.sync_records: list[SyncRecord] = []
        self.total: int | None = None
        """Releases in the cache (from the last facet count; None before it)."""
        self.sections_in_cache = 0
        """How many sections the cached releases belong to (a section column only when > 1)."""
        self.tree_choice: bool | None = None
        """The tree shown (True) or hidden (False) with `t`; None: as the width says."""
        self.reading_mode = False
        self.site_page = False
        """A site section is shown and the list steps aside for it."""
        self._select_when_facets_arrive: str | None = None
        self._listed = False
        self._started = False

    def compose(self) -> ComposeResult:
        yield SyncStatus(self.profile.name, id="status")
        with Horizontal(id="columns"):
            yield SectionTree(self.profile.menu, id="sections")
            with Container(id="panes"):
                with Vertical(id="middle"):
                    yield SearchBar(id="search")
                    yield FilterLine(id="filters")
                    yield ReleaseList(id="releases")
                    yield SearchSnippet(id="snippet")
                with Vertical(id="reading"):
                    yield ArticleView(id="article")
                    yield FindBar(id="find")
                    yield ContactsPanel(id="contacts")
        yield Footer(compact=True)

    @property
    def status(self) -> SyncStatus:
        return self.query_one(SyncStatus)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    def on_mount(self) -> None:
        self.query_one(FindBar).display = False
        self.article.show_placeholder("No release open", NOTHING_OPEN)
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
        self._update_layout()

    def _after_first_paint(self) -> None:
        """Load the article's Markdown machinery, then keep what was built so far (it lives as
        long as the screen) out of the garbage collector's full passes."""
        self._started = True
        self.article.prepare_body()
        if isinstance(self.app, LongLivedFreezer):
            self.call_after_refresh(self.app.freeze_long_lived)

    # --- layout ----------------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._update_layout()

    def _tree_shown(self, width: int) -> bool:
        if self.reading_mode:
            return False
        if self.tree_choice is not None:
            return self.tree_choice
        release_open = self.open_release_id is not None and not self.site_page
        return width >= NARROW_WIDTH and (not release_open or width >= WIDE_WIDTH)

    def _update_layout(self) -> None:
        """Set the layout classes from the state, and keep the focus on something shown."""
        width = self.app.size.width
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.set_class(self.open_release_id is not None and not self.site_page, "-release-open")
        self.set_class(self.site_page, "-site-page")
        self.set_class(self.reading_mode, "-reading-mode")
        self.set_class(self._tree_shown(width), "-tree")
        self._keep_focus_shown()

    def _shown(self, widget: Widget) -> bool:
        """Whether `widget` is shown in the layout the state asks for (the stylesheet applies
        it at the next refresh; focus moves must not wait for that)."""
        chain = [widget, *widget.ancestors]
        if any(node.id == "sections" for node in chain):
            return self._tree_shown(self.app.size.width)
        if any(node.id == "middle" for node in chain):
            return not (self.reading_mode or self.site_page)
        if any(node.id == "contacts" for node in chain):
            return not self.reading_mode
        if any(node.id == "find" for node in chain):
            return bool(self.find_bar.display)
        return True

    def _keep_focus_shown(self) -> None:
        focused = self.focused
        if focused is None or not self._shown(focused):
            middle_shown = not (self.reading_mode or self.site_page)
            self.set_focus(self.release_list if middle_shown else self.article)

    def action_toggle_tree(self) -> None:
        shown = self._tree_shown(self.app.size.width)
        self.tree_choice = not shown
        if self.reading_mode and not shown:
            self.reading_mode = False
        self._update_layout()
        if self.tree_choice:
            self.set_focus(self.query_one(SectionTree))

    def action_reading_mode(self) -> None:
        """The article alone (z again or escape brings the rest back)."""
        self.reading_mode = not self.reading_mode
        if self.reading_mode:
            self.set_focus(self.article)
        self._update_layout()

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
            empty = "No release matches this search (esc clears it)."
        elif self.unread_only:
            empty = "No unread release here (u shows all)."
        elif self.total == 0:
            empty = "No releases cached yet: press r to sync, or try newsroom-tui --demo."
        else:
            empty = "No release here."
        listing = Listing(self.store, query, self.order)
        release_list = self.release_list
        release_list.set_show_section(query.section is None and self.sections_in_cache > 1)
        try:
            release_list.show(listing, terms=terms, keep_id=keep_id, empty_message=empty)
        except StoreError as exc:
            self.report_error("Could not list releases", exc)
        self._show_filters()
        if not self._listed:
            # The list is what the reader looks at first: the rest waits until it is painted,
            # and for whatever else was waiting for that paint.
            self._listed = True
            self.call_after_refresh(self.call_later, self._after_first_paint)

    def _show_filters(self) -> None:
        release_list = self.release_list
        source = release_list.source
        query = self.current_query()
        order = source.order if isinstance(source, Listing) else "newest"
        count = release_list.count
        self.query_one(FilterLine).show(
            ListState(
                place=self.facet_place,
                unread_only=self.unread_only,
                search=self.search.text if self.search is not None else "",
                order="" if order == "newest" else ORDER_LABELS[order],
                count=count,
                # a text count stops at the cap; it is exact when the cache holds no more
                capped=query.match_expression() is not None
                and count >= TEXT_COUNT_CAP
                and (self.total is None or self.total > count),
                total=self.total,
            )
        )

    def refresh_counts(self) -> None:
        self._refresh_unread()
        self._refresh_facets()

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
        self.set_class(facets.total == 0, "-empty-cache")
        sections = len(facets.sections)
        if sections != self.sections_in_cache:
            self.sections_in_cache = sections
            query = self.current_query()
            self.release_list.set_show_section(query.section is None and sections > 1)
        tree = self.query_one(SectionTree)
        tree.set_facets(facets)
        waiting, self._select_when_facets_arrive = self._select_when_facets_arrive, None
        if waiting is not None:
            tree.select_key(waiting)
        if facets.total == 0 and self.open_release_id is None:
            self.article.show_message("Welcome", EMPTY_HELP)
        self._show_filters()

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

    def _cached_count(self) -> int:
        """Releases in the cache now (0 when it cannot be read)."""
        try:
            return self.store.count(Query())
        except StoreError as exc:
            log.info("cannot count the cache: %s", exc)
            return 0

    def _say_offline(self) -> None:
        self.status.set_online(False)
        self.notify(
            offline_at_start(self._cached_count()), markup=False, severity="warning", timeout=10
        )

    @work(thread=True, exclusive=True, group="probe", exit_on_error=False)
    def _probe_network(self) -> None:
        if not self.service.host_reachable():
            self.app.call_from_thread(self._probed_offline)

    def _probed_offline(self) -> None:
        if not self.status.syncing:
            self._say_offline()

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
        group = FACET_GROUPS.get(event.kind)
        self.facet_place = f"{group} › {event.value or '—'}" if group else ""
        self._remember("selected", event.key)
        if self.site_page:
            self.site_page = False
            self._update_layout()
        self.refresh_list()

    @on(SectionTree.SectionSelected)
    def _section_selected(self, event: SectionTree.SectionSelected) -> None:
        self._remember("selected", f"section:{event.node.key}")
        self.show_section(event.node)

    def open_section(self, key: str) -> None:
        """Select the site section with this menu key (used by the command palette)."""
        self.query_one(SectionTree).select_key(f"section:{key}")

    def show_section(self, node: MenuNode, *, record: bool = True) -> None:
        try:
            page = self.store.get_section(node.key)
        except StoreError as exc:
            self.report_error("Could not read the section page", exc)
            return
        self._close_find()
        self.open_release_id = None
        self.open_section_key = node.key
        self.release_list.set_open(None)
        if record:
            self.history.visit(Visit("section", node.key))
        # The list steps aside for a page the user chose (not for the one remembered at start).
        self.site_page = self._started
        self._update_layout()
        contacts = self.query_one(ContactsPanel)
        if page is None:
            lines = [node.description, ""] if node.description else []
            lines += [node.url or "", "", "This page is not cached yet: press r to sync."]
            self.article.show_message(node.label, lines)
            contacts.show([], node.label)
            return
        self.article.show_section(page)
        contacts.show(list(page.contacts), page.title)

    @on(ReleaseList.LoadFailed)
    def _rows_failed(self, event: ReleaseList.LoadFailed) -> None:
        self.report_error("Could not read the list", event.error)

    @on(SearchBar.QueryChanged)
    def _search_changed(self, event: SearchBar.QueryChanged) -> None:
        self._apply_search(event.query)

    def _apply_search(self, query: Query | None) -> None:
        if query == self.search:
            return  # already shown (enter applies the search before its message arrives)
        self.search = query
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
        self.set_focus(self.release_list)

    # --- the search and find boxes ---------------------------------------------------------------

    def _focused_input(self) -> str | None:
        """'search' or 'find' when one of those boxes has the focus."""
        focused = self.focused
        if focused is self.query_one(SearchBar).input:
            return "search"
        if focused is self.find_bar.input:
            return "find"
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("submit_input", "leave_input"):
            return self._focused_input() is not None
        return True

    def _show_list(self) -> None:
        """Bring the list back (after a site section or the reading mode)."""
        if self.site_page or self.reading_mode:
            self.site_page = self.reading_mode = False
            self._update_layout()

    def action_focus_search(self) -> None:
        # At once, not after a refresh: the keys typed right after `/` must reach the box.
        self._show_list()
        self.set_focus(self.query_one(SearchBar).input)

    def action_submit_input(self) -> None:
        """Enter in the search box: search now and move to the results (unless the query is
        malformed: the box keeps the focus and shows why). In the find box: back to the
        article, where n / N step through the matches."""
        if self._focused_input() == "find":
            self.set_focus(self.article)
            return
        search = self.query_one(SearchBar)
        search.run_search()
        text = search.value
        try:
            query = parse_query(text) if text.strip() else None
        except QueryError:
            return
        self._apply_search(query)
        self.set_focus(self.release_list)

    def action_leave_input(self) -> None:
        """Escape in the search box: clear it and go back to the list. In the find box: close
        it and clear the highlights."""
        if self._focused_input() == "find":
            self._close_find()
            self.set_focus(self.article)
            return
        self._clear_search()
        self.set_focus(self.release_list)

    def _clear_search(self) -> bool:
        search = self.query_one(SearchBar)
        if search.value:
            search.input.value = ""
            search.run_search()
        cleared = self.search is not None
        self._apply_search(None)
        return cleared

    def action_escape(self) -> None:
        """One step back: out of the reading mode, the find, a site section; then the search;
        then the facet and unread-only."""
        if self.reading_mode:
            self.reading_mode = False
            self._update_layout()
        elif self.find_bar.display:
            self._close_find()
        elif self.site_page:
            self._show_list()
            self.set_focus(self.release_list)
        elif self._clear_search():
            pass
        elif self.facet_key != NEWSROOM_KEY or self.unread_only:
            if self.unread_only:
                self.unread_only = False
                self._remember("unread_only", "0")
            if self.facet_key != NEWSROOM_KEY:
                self.query_one(SectionTree).select_key(NEWSROOM_KEY)
            else:
                self.refresh_list()

    def action_find(self) -> None:
        """Find in the article (ctrl+f): type to highlight, enter to step with n / N."""
        bar = self.find_bar
        bar.open()
        self.set_focus(bar.input)
        if bar.value:
            self.article.find(bar.value)

    def _close_find(self) -> None:
        bar = self.find_bar
        if bar.display:
            refocus = self.focused is bar.input
            bar.close()
            if refocus:
                self.set_focus(self.article)
        self.article.clear_find()

    @on(FindBar.FindChanged)
    def _find_changed(self, event: FindBar.FindChanged) -> None:
        self.article.find(event.text)

    @on(ArticleView.FindUpdated)
    def _find_updated(self, event: ArticleView.FindUpdated) -> None:
        if not self.article.find_text:
            self.find_bar.show_count("")
        elif event.total:
            self.find_bar.show_count(f"{event.current + 1} of {event.total}")
        else:
            self.find_bar.show_count("no match")

    def action_toggle_unread(self) -> None:
        self.unread_only = not self.unread_only
        self._remember("unread_only", "1" if self.unread_only else "0")
        current = self.release_list.current_row
        self.refresh_list(keep_id=current.id if current else None)

    def action_cycle_order(self) -> None:
        """Newest first, oldest first, then by relevance while words are searched."""
        query = self.current_query()
        index = ORDERS.index(usable_order(self.order, query))
        for step in range(1, len(ORDERS) + 1):
            candidate = ORDERS[(index + step) % len(ORDERS)]
            if usable_order(candidate, query) == candidate:
                self.order = candidate
                break
        current = self.release_list.current_row
        self.refresh_list(keep_id=current.id if current else None)

    # --- documents -------------------------------------------------------------------------------

    @on(ReleaseList.ReleaseOpened)
    def _release_opened(self, event: ReleaseList.ReleaseOpened) -> None:
        self.open_release(event.release_id)

    def open_release(self, release_id: str, *, record: bool = True) -> None:
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
        self._close_find()
        self.open_release_id = release_id
        self.open_section_key = None
        if record:
            self.history.visit(Visit("release", release_id))
        self.site_page = False
        self._update_layout()
        self.release_list.set_open(release_id)
        self.article.show_release(release)
        self.query_one(ContactsPanel).show(list(release.contacts), release.title)

    def _show_visit(self, visit: Visit) -> None:
        if visit.kind == "release":
            self.open_release(visit.key, record=False)
            return
        node = next((n for n in self.profile.menu_nodes() if n.key == visit.key), None)
        if node is not None:
            self.show_section(node, record=False)

    def action_back(self) -> None:
        visit = self.history.back()
        if visit is None:
            self.notify("Nothing to go back to.", markup=False)
            return
        self._show_visit(visit)

    def action_forward(self) -> None:
        visit = self.history.forward()
        if visit is None:
            self.notify("Nothing to go forward to.", markup=False)
            return
        self._show_visit(visit)

    def action_step(self, step: int) -> None:
        if not self.release_list.move_and_open(step):
            self.notify("No more releases this way.", markup=False)

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
        self.follow_link(link.url)

    @on(ArticleView.LinkRequested)
    def _link_requested(self, event: ArticleView.LinkRequested) -> None:
        self.follow_link(event.url)

    def follow_link(self, url: str) -> None:
        """A cached release or site section opens here (back returns); anything else goes to
        the browser, through the allowlist."""
        page, _ = urldefrag(url)
        candidates = list(dict.fromkeys([page, page.rstrip("/"), page.rstrip("/") + "/"]))
        try:
            for candidate in candidates:
                release_id = self.store.release_id_for_url(candidate)
                if release_id is not None:
                    self.open_release(release_id)
                    return
            section_key = next(
                (k for c in candidates if (k := self.store.section_key_for_url(c))), None
            )
        except StoreError as exc:
            self.report_error("Could not look the link up", exc)
            section_key = None
        for node in self.profile.menu_nodes():
            resolved = self.profile.resolve(node.url) if node.url else ""
            if node.key == section_key or (resolved and resolved in candidates):
                self.show_section(node)
                return
        from newsroom_tui.screens.links import open_link

        open_link(self.app, url)

    # --- contacts directory and palette ----------------------------------------------------------

    def action_open_directory(self) -> None:
        self.open_directory("")

    def open_directory(self, filter_text: str) -> None:
        from newsroom_tui.screens.contacts_directory import ContactsDirectoryScreen

        self.app.push_screen(ContactsDirectoryScreen(self.store, filter_text))

    def palette_sections(self) -> tuple[MenuNode, ...]:
        return self.profile.menu

    def palette_releases(self, query: Query, limit: int) -> list[SearchHit]:
        try:
            return self.store.search(query, limit=limit).hits
        except StoreError as exc:
            self.report_error("Could not search the releases", exc)
            return []

    def palette_contacts(self) -> list[DirectoryContact]:
        try:
            return self.store.contacts_directory("")
        except StoreError as exc:
            self.report_error("Could not read the contacts", exc)
            return []

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
        cached = self._cached_count()
        self.sync_records.append(SyncRecord(datetime.now(), report, cached))
        self.status.set_online(not was_offline(report))
        self.status.set_last_sync(self.store.get_meta("last_sync"))
        self.status.finish_sync(status_summary(report))
        message, severity = sync_notification(report, cached)
        self.notify(message, markup=False, severity=severity, timeout=8)
        self._refresh_facets()
        current = self.release_list.current_row
        self.refresh_list(keep_id=current.id if current else None)

    def action_sync_log(self) -> None:
        last = describe_sync_time(self.store.get_meta("last_sync"))
        self.app.push_screen(SyncLogScreen(list(self.sync_records), last))

    def on_unmount(self) -> None:
        self.service.cancel()
