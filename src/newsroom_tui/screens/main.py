"""MainScreen: section tree | release list | article and contacts, with search, filters and sync.

The screen is the only place that talks to the store from the UI: widgets post messages, the
screen answers them with store calls (cheap: a COUNT and a page of rows) and updates the widgets;
the release list reads through a `Listing`, the command palette through `PaletteSource`. The slow
work (sync, facet counts, the network probe, marking a whole list read) is ReaderService's, run
in thread workers.

The screen is built in layers, each in its own module: release_actions.py (the keys that act on
a release or on the whole list), reader_layout.py (which panes show), documents.py (what the
article shows, history and links), reader_sync.py (syncing), and here the list, its filters,
search and find, and the bindings of all of them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.widgets import Footer

from newsroom_tui import paths
from newsroom_tui.i18n import N_, _
from newsroom_tui.local_formats import format_number
from newsroom_tui.models import DirectoryContact, Facets, SearchHit
from newsroom_tui.profiles import MenuNode, Profile
from newsroom_tui.query import Query, QueryError, parse_query
from newsroom_tui.sanitise import clean_line
from newsroom_tui.screens.history import DocumentHistory
from newsroom_tui.screens.listing import ORDER_LABELS, ORDERS, Listing, Order, usable_order
from newsroom_tui.screens.reader_layout import NARROW_WIDTH, WIDE_WIDTH
from newsroom_tui.screens.reader_service import ReaderService
from newsroom_tui.screens.release_versions import ReleaseVersionActions
from newsroom_tui.settings import Settings
from newsroom_tui.storage.store import TEXT_COUNT_CAP, StoreError
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.contacts_panel import ContactsPanel
from newsroom_tui.widgets.filter_line import FilterLine, ListState
from newsroom_tui.widgets.find_bar import FindBar
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.search_bar import SearchBar
from newsroom_tui.widgets.search_snippet import SearchSnippet
from newsroom_tui.widgets.section_tree import (
    EVERYTHING_KEY,
    NEWSROOM_KEY,
    NEWSROOM_SEPARATOR,
    NewsroomMenu,
    SectionTree,
)
from newsroom_tui.widgets.sync_status import SyncStatus

if TYPE_CHECKING:
    from pathlib import Path

    from newsroom_tui.newsrooms.multistore import MultiStore
    from newsroom_tui.screens.sync_log import SyncRecord
    from newsroom_tui.watches import Watch

log = logging.getLogger(__name__)

__all__ = ["NARROW_WIDTH", "WIDE_WIDTH", "MainScreen"]

EMPTY_HELP = [
    N_("No releases cached yet."),
    "",
    N_("Press r to sync this newsroom in the background (reading goes on meanwhile),"),
    N_("or try the bundled demo newsroom: newsroom-tui --demo"),
]
NOTHING_OPEN = [
    N_("Highlight a release in the list (j / k or the arrows) and press enter to read it here."),
    "",
    N_("n and p open the next and previous release, z reads it full screen,"),
    N_("? lists every key."),
]
FACET_GROUPS = {"year": N_("Years"), "tag": N_("Tags"), "section-facet": N_("Sections")}


def translated_lines(lines: list[str]) -> list[str]:
    return [_(line) if line else "" for line in lines]


@runtime_checkable
class LongLivedFreezer(Protocol):
    """An app that can keep what is alive now out of the garbage collector's passes."""

    def freeze_long_lived(self) -> None: ...


class MainScreen(ReleaseVersionActions):
    """The reader."""

    AUTO_FOCUS = "#releases"
    """The list has the focus from the start (focusing it later restyles the screen twice)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", N_("Search"), id="search"),
        Binding("escape", "escape", N_("Back"), show=False),
        # In the search and find boxes, enter and escape act at once (before any key typed after
        # them is routed), so a burst like "/migrants⏎jj" moves in the results, not in the box.
        Binding("enter", "submit_input", N_("Done"), show=False, priority=True),
        Binding("escape", "leave_input", N_("Leave"), show=False, priority=True),
        Binding("n", "step(1)", N_("Next"), id="next"),
        Binding("p", "step(-1)", N_("Prev"), show=False, id="previous"),
        Binding("u", "toggle_unread", N_("Unread"), id="unread"),
        Binding("s", "star", N_("Star"), id="star"),
        Binding("m", "toggle_read", N_("Read/unread"), show=False, id="read"),
        Binding("A", "mark_all_read", N_("Mark all read"), show=False, id="mark_all_read"),
        Binding("U", "undo_mark_read", N_("Undo mark all read"), show=False, id="undo_mark_read"),
        Binding("O", "cycle_order", N_("Order"), show=False, id="order"),
        Binding("S", "save_search", N_("Save search"), show=False, id="save_search"),
        Binding("o", "open_in_browser", N_("Browser"), show=False, id="browser"),
        Binding("y", "copy_url", N_("Copy URL"), show=False, id="copy_url"),
        Binding("c", "copy_email", N_("Copy email"), show=False, id="copy_email"),
        Binding("C", "copy_all_emails", N_("All emails"), show=False, id="copy_all_emails"),
        Binding("x", "copy_menu", N_("Copy menu"), show=False, id="copy_menu"),
        Binding("D", "open_directory", N_("Contacts"), show=False, id="contacts"),
        Binding("r", "sync", N_("Sync"), id="sync"),
        Binding("R", "sync_all", N_("Sync all"), show=False, id="sync_all"),
        Binding("ctrl+l", "sync_log", N_("Sync log"), show=False, id="sync_log"),
        Binding("t", "toggle_tree", N_("Sections"), show=False, id="sections"),
        Binding("z", "reading_mode", N_("Read"), id="reading_mode"),
        Binding("ctrl+f", "find", N_("Find"), show=False, id="find"),
        Binding("backspace,alt+left", "back", N_("Back"), show=False, id="back"),
        Binding("alt+right", "forward", N_("Forward"), show=False, id="forward"),
        Binding("L", "next_language", N_("Language"), show=False, id="next_language"),
        Binding("v", "show_changes", N_("Changes"), show=False, id="changes"),
        Binding("full_stop", "turn_page(1)", N_("Next page"), show=False, id="next_page"),
        Binding("comma", "turn_page(-1)", N_("Previous page"), show=False, id="previous_page"),
        *[Binding(str(n), f"open_link({n})", N_("Link"), show=False) for n in range(1, 10)],
    ]

    def __init__(
        self,
        store: MultiStore,
        profile: Profile,
        database_path: Path,
        *,
        offline_hint: bool = False,
        probe_network: bool = False,
        settings: Settings | None = None,
        newsrooms: list[Profile] | None = None,
    ) -> None:
        """`store` reads every newsroom shown (`newsrooms`, `profile`'s first; default: it
        alone); `profile` is the home newsroom, whose database is `database_path`."""
        super().__init__()
        self.settings = settings or Settings()
        self.store = store
        self.home = profile
        self.profiles = {p.id: p for p in (newsrooms or [profile])}
        self.profiles.setdefault(profile.id, profile)
        self.data_dir = database_path.parent.parent
        databases = {n: paths.database_path(self.data_dir, n) for n in self.profiles}
        databases[profile.id] = database_path
        self.services = {
            n: ReaderService(p, databases[n], databases=databases, home=profile.id)
            for n, p in self.profiles.items()
        }
        self.scope: str | None = profile.id
        """The newsroom listed (None: all of them)."""
        self.profile = profile
        """The listed newsroom's profile (the home one for all newsrooms)."""
        self.service = self.services[profile.id]
        """Where the other newsrooms' caches are (`<data>/<profile>/newsroom.sqlite3`)."""
        self.offline_hint = offline_hint
        self.probe_network = probe_network
        self.facet_key = NEWSROOM_KEY
        self.facet_filters: dict[str, object] = {}
        self.facet_place = ""
        self.search: Query | None = None
        self.watches: list[Watch] = []
        self.listed_watch: Watch | None = None
        """The watch listed (a saved search chosen in the tree), or None."""
        self.unread_only = store.get_meta("unread_only") == "1"
        self.order: Order = self.settings.order  # type: ignore[assignment]
        self.open_release_id: str | None = None
        self.open_section_key: str | None = None
        self.history = DocumentHistory()
        self.read_undo: list[str] = []
        self.sync_records: list[SyncRecord] = []
        self.total: int | None = None
        self.facets_by_newsroom: dict[str, Facets] = {}
        """The last facet count of each newsroom."""
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
        self._snippet_of: tuple[Query, str] | None = None
        """The search and release whose snippet is shown under the list."""

    @property
    def several(self) -> bool:
        return len(self.profiles) > 1

    def tag_of(self, newsroom: str | None) -> str:
        """The tree's name for a newsroom ('' for the home one)."""
        return "" if newsroom is None or newsroom == self.home.id else newsroom

    def newsroom_of(self, release_id: str) -> str:
        return self.store.newsroom_of(release_id)

    def _set_scope(self, newsroom: str | None) -> None:
        """List `newsroom` (None: every newsroom); its profile and service answer the keys."""
        if newsroom is not None and newsroom not in self.profiles:
            newsroom = self.home.id
        self.scope = newsroom
        self.profile = self.profiles[newsroom or self.home.id]
        self.service = self.services[newsroom or self.home.id]
        name = self.profile.name if newsroom is not None else _("All newsrooms")
        self.status.set_name(name)
        store = self.store.store(newsroom or self.home.id)
        self.status.set_last_sync(store.get_meta("last_sync"))

    def section_scope(self, newsroom: str) -> None:
        if newsroom == self.scope:
            return
        self._set_scope(newsroom)
        self.facet_filters = {}
        self.facet_key = self._scope_key()
        self.facet_place = clean_line(self.profile.name, limit=80) if self.several else ""
        scoped = self._scope_facets()
        if scoped is not None:
            self.total, self.sections_in_cache = scoped
        self.refresh_list()

    def compose(self) -> ComposeResult:
        self._set_layout_classes()
        yield SyncStatus(self.profile.name, id="status")
        menus = tuple(NewsroomMenu(p.id, p.name, p.menu) for p in self.profiles.values())
        with Horizontal(id="columns"):
            yield SectionTree(
                self.profile.menu, id="sections", newsrooms=menus if self.several else ()
            )
            with Container(id="panes"):
                with Vertical(id="middle"):
                    yield SearchBar(id="search")
                    yield FilterLine(id="filters")
                    yield ReleaseList(id="releases")
                    yield SearchSnippet(id="snippet")
                with Vertical(id="reading"):
                    yield ArticleView(id="article")
                    find = FindBar(id="find")
                    find.display = False
                    yield find
                    yield ContactsPanel(id="contacts")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load_watches()
        self.article.show_placeholder(_("No release open"), translated_lines(NOTHING_OPEN))
        self.status.set_last_sync(self.store.get_meta("last_sync"))
        self.status.set_online(not self.offline_hint)
        if self.offline_hint:
            self._say_offline()
        tree = self.query_one(SectionTree)
        remembered = self.store.get_meta("selected") or NEWSROOM_KEY
        chosen = tree.move_to_key(remembered)
        if chosen is None:
            # A remembered year or tag: its node appears with the facets.
            self._select_when_facets_arrive = remembered
            chosen = tree.move_to_key(NEWSROOM_KEY)
        if isinstance(chosen, SectionTree.FacetSelected):
            # Listed now, so that the first frame has the rows (through the tree's message,
            # they came one frame later).
            self._facet_selected(chosen)
        elif chosen is not None:
            tree.post_message(chosen)
        self._refresh_unread()
        self._update_layout()
        if self.settings.sync_every > 0:
            self.start_auto_sync(self.settings.sync_every)

    def _after_first_paint(self) -> None:
        """Start what the first frame does not show: the facet counts (~0.3 s of queries at
        100,000 releases) and the network probe (which imports the HTTP client), both in
        threads that would otherwise hold the interpreter's lock in turn with the first paint;
        load the article's Markdown machinery; then keep what was built so far (it lives as
        long as the screen) out of the garbage collector's full passes."""
        self._started = True
        self._refresh_facets()
        if self.probe_network and not self.offline_hint:
            self._probe_network()
        self.article.prepare_body()
        if isinstance(self.app, LongLivedFreezer):
            self.call_after_refresh(self.app.freeze_long_lived)

    # --- list contents ---------------------------------------------------------------------------

    def current_query(self) -> Query:
        base = self.listed_watch.query if self.listed_watch is not None else Query()
        query = self.search if self.search is not None else base
        if self.facet_filters:
            query = query.with_filters(**self.facet_filters)
        if self.unread_only:
            query = query.with_filters(unread=True)
        if query.newsroom is None and self.scope is not None:
            query = query.with_filters(newsroom=self.scope)
        return query

    def refresh_list(self, *, keep_id: str | None = None) -> None:
        self._snippet_of = None  # read again for the new listing (a sync may have changed it)
        query = self.current_query()
        terms = query.highlight_terms()
        empty = self._empty_message()
        listing = Listing(self.store, query, self.order)
        release_list = self.release_list
        release_list.set_show_section(query.section is None and self.sections_in_cache > 1)
        release_list.set_show_newsroom(len(self.store.scope(query)) > 1)
        try:
            release_list.show(listing, terms=terms, keep_id=keep_id, empty_message=empty)
        except StoreError as exc:
            self.report_error(_("Could not list releases"), exc)
        else:
            self._show_filter_hints(query)
        self._show_filters()
        self.after_first_paint()

    def after_first_paint(self) -> None:
        """Once the first document shown (the list, or a remembered site section) is painted,
        and whatever else was waiting for that paint, start the rest (`_after_first_paint`)."""
        if not self._listed:
            self._listed = True
            self.call_after_refresh(self.call_later, self._after_first_paint)

    def _empty_message(self) -> str:
        """What the list says when it shows nothing, and how to get something."""
        if self.search is not None:
            return _("No release matches this search (esc clears it).")
        if self.unread_only:
            return _("No unread release here (u shows all).")
        if self.total == 0:
            return _("No releases cached yet: press r to sync, or try newsroom-tui --demo.")
        return _("No release here.")

    def _show_filter_hints(self, query: Query) -> None:
        """Under the search, when it finds nothing: the filter values that match nothing stored
        and the closest ones."""
        if self.search is None:
            return
        notes: list[str] = []
        if self.release_list.count == 0:
            try:
                notes = self.store.filter_misses(query)
            except StoreError as exc:
                log.info("no filter hints: %s", exc)
        self.query_one(SearchBar).show_hints(notes)

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
                order="" if order == "newest" else _(ORDER_LABELS[order]),
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
        counted: dict[str, Facets] = {}
        for newsroom, service in self.services.items():
            try:
                counted[newsroom] = service.count_facets()
            except StoreError as exc:
                self.app.call_from_thread(self.report_error, _("Could not read the facets"), exc)
                return
        self.app.call_from_thread(self._show_all_facets, counted)

    def _show_all_facets(self, counted: dict[str, Facets]) -> None:
        self.facets_by_newsroom = counted
        tree = self.query_one(SectionTree)
        for newsroom, facets in counted.items():
            if newsroom != self.home.id:
                tree.set_facets(facets, self.tag_of(newsroom))
        self._show_facets(counted[self.home.id])

    def _scope_facets(self) -> tuple[int, int] | None:
        """(releases, sections) in the newsrooms listed, from the last facet count."""
        counted = self.facets_by_newsroom
        if not counted:
            return None
        scoped = [counted[n] for n in counted if self.scope is None or n == self.scope]
        sections = {name for f in scoped for name, _ in f.sections}
        return sum(f.total for f in scoped), len(sections)

    def _show_facets(self, facets: Facets) -> None:
        """The home newsroom's facets in the tree; the counts of the newsrooms listed."""
        known_empty = self.total == 0
        scoped = self._scope_facets()
        total, sections = scoped if scoped else (facets.total, len(facets.sections))
        self.total = total
        if total == 0 and not known_empty and self.release_list.count == 0:
            # the cache turns out empty: the list says how to fill it
            self.release_list.empty_message = self._empty_message()
            self.release_list.refresh()
        self.set_class(total == 0, "-empty-cache")
        if sections != self.sections_in_cache:
            self.sections_in_cache = sections
            query = self.current_query()
            self.release_list.set_show_section(query.section is None and sections > 1)
        tree = self.query_one(SectionTree)
        tree.set_facets(facets)
        waiting, self._select_when_facets_arrive = self._select_when_facets_arrive, None
        if waiting is not None:
            tree.select_key(waiting)
        if total == 0 and self.open_release_id is None:
            self.article.show_message(_("Welcome"), translated_lines(EMPTY_HELP))
        self._show_filters()

    def _refresh_unread(self) -> None:
        tree = self.query_one(SectionTree)
        for newsroom in self.profiles:
            try:
                unread = self.store.unread_count(newsroom)
            except StoreError as exc:
                self.report_error(_("Could not count unread releases"), exc)
                return
            tree.set_unread(unread, self.tag_of(newsroom))
        counts: list[tuple[str, int]] = []
        for watch in self.watches:
            try:
                counts.append((watch.name, self.store.count(watch.query.with_filters(unread=True))))
            except StoreError as exc:
                self.report_error(_("Could not count a watch's releases"), exc)
                return
        tree.set_watches(counts)

    @on(SectionTree.FacetSelected)
    def _facet_selected(self, event: SectionTree.FacetSelected) -> None:
        if event.kind == "watch":
            self._watch_selected(event)
            return
        self.listed_watch = None
        newsroom = None if event.kind == "everything" else (event.newsroom or self.home.id)
        if newsroom != self.scope:
            self._set_scope(newsroom)
            if self.total is not None and (scoped := self._scope_facets()) is not None:
                self.total, self.sections_in_cache = scoped
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
        self.facet_place = f"{_(group)} › {event.value or '—'}" if group else ""
        if self.several:
            where = (
                clean_line(self.profile.name, limit=80)
                if newsroom is not None
                else _("All newsrooms")
            )
            self.facet_place = f"{where} › {self.facet_place}" if self.facet_place else where
        self._remember("selected", event.key)
        if self.site_page:
            self.site_page = False
            self._update_layout()
        self.refresh_list()

    def _watch_selected(self, event: SectionTree.FacetSelected) -> None:
        """A watch lists what its saved search finds, in every newsroom unless it names one."""
        watch = next((w for w in self.watches if w.name == event.value), None)
        if watch is None:
            return
        self.listed_watch = watch
        newsroom = watch.query.newsroom
        self._set_scope(newsroom if newsroom in self.profiles else None)
        scoped = self._scope_facets()
        if scoped is not None:
            self.total, self.sections_in_cache = scoped
        self.facet_filters = {}
        self.facet_key = event.key
        self.facet_place = f"{_('Watches')} › {watch.name}"
        self._remember("selected", event.key)
        if self.site_page:
            self.site_page = False
            self._update_layout()
        self.refresh_list()

    @on(ReleaseList.LoadFailed)
    def _rows_failed(self, event: ReleaseList.LoadFailed) -> None:
        self.report_error(_("Could not read the list"), event.error)

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
        """Under the list, where the search matched in the highlighted release (read once per
        search and release: a new search asks for it, and so does the cursor it puts on the
        first row)."""
        line = self.query_one(SearchSnippet)
        query = self.search
        if query is None or query.is_empty_text or release_id is None:
            self._snippet_of = None
            line.hide()
            return
        if self._snippet_of == (query, release_id):
            return
        try:
            line.show(self.store.snippet(query, release_id))
        except StoreError as exc:
            self._snippet_of = None
            self.report_error(_("Could not read the search snippet"), exc)
        else:
            self._snippet_of = (query, release_id)

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
        elif self.facet_key != self._scope_key() or self.unread_only:
            if self.unread_only:
                self.unread_only = False
                self._remember("unread_only", "0")
            if self.facet_key != self._scope_key():
                self.query_one(SectionTree).select_key(self._scope_key())
            else:
                self.refresh_list()

    def _scope_key(self) -> str:
        """The tree key of the listed newsroom's whole list."""
        if self.scope is None:
            return EVERYTHING_KEY
        tag = self.tag_of(self.scope)
        return f"{tag}{NEWSROOM_SEPARATOR}{NEWSROOM_KEY}" if tag else NEWSROOM_KEY

    def action_find(self) -> None:
        """Find in the article (ctrl+f): type to highlight, enter to step with n / N."""
        bar = self.find_bar
        bar.open()
        self.set_focus(bar.input)
        if bar.value:
            self.article.find(bar.value)

    @on(FindBar.FindChanged)
    def _find_changed(self, event: FindBar.FindChanged) -> None:
        self.article.find(event.text)

    @on(ArticleView.FindUpdated)
    def _find_updated(self, event: ArticleView.FindUpdated) -> None:
        if not self.article.find_text:
            self.find_bar.show_count("")
        elif event.total:
            self.find_bar.show_count(
                _("{current} of {total}").format(
                    current=format_number(event.current + 1), total=format_number(event.total)
                )
            )
        else:
            self.find_bar.show_count(_("no match"))

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

    # --- watches ---------------------------------------------------------------------------------

    def load_watches(self) -> None:
        from newsroom_tui.watches import WatchError, load_watches

        try:
            self.watches = load_watches()
        except WatchError as exc:
            self.watches = []
            self.notify(
                _("Watches not read: {error}").format(error=exc),
                markup=False,
                severity="warning",
                timeout=15,
            )

    def _query_as_text(self) -> str:
        """The list's search and filters as the search syntax (what a watch saves)."""
        query = self.current_query()
        parts = [self.search.text if self.search is not None else ""]
        if self.search is None and self.listed_watch is not None:
            parts = [self.listed_watch.query_text]
        for key in ("section", "tag"):
            value = self.facet_filters.get(key)
            if isinstance(value, str) and value:
                parts.append(f'{key}:"{value}"' if " " in value else f"{key}:{value}")
        year = self.facet_filters.get("year")
        if year is not None:
            parts.append(f"year:{year}")
        if self.unread_only and "is:unread" not in parts[0]:
            parts.append("is:unread")
        if self.several and query.newsroom is not None and "newsroom:" not in parts[0]:
            parts.append(f"newsroom:{query.newsroom}")
        return " ".join(p for p in parts if p).strip()

    def action_save_search(self) -> None:
        """Save what the list shows (search and filters) as a watch, under a name asked for."""
        from newsroom_tui.query import parse_query
        from newsroom_tui.screens.save_watch import SaveWatchScreen

        text = self._query_as_text()
        try:
            query = parse_query(text)
        except QueryError as exc:
            self.notify(
                _("This search cannot be saved: {error}").format(error=exc),
                markup=False,
                severity="warning",
            )
            return
        if query.is_empty or (query.expr is None and not query.has_filters):
            self.notify(
                _("Type a search (/) or choose a year, tag or section first: a watch needs one."),
                markup=False,
            )
            return
        suggested = self.search.text if self.search is not None else self.facet_place
        suggested = suggested.split("›")[-1].strip() or text

        def saved(name: str | None) -> None:
            if name:
                self._save_watch(name, text)

        self.app.push_screen(SaveWatchScreen(text, suggested), saved)

    def _save_watch(self, name: str, text: str) -> None:
        from newsroom_tui.watches import WatchError, save_watch

        try:
            watch, replaced = save_watch(name, text)
        except (WatchError, OSError) as exc:
            self.notify(
                _("The watch was not saved: {error}").format(error=exc),
                markup=False,
                severity="error",
            )
            return
        said = _("Watch {name} updated: {query}") if replaced else _("Watch {name} saved: {query}")
        self.notify(said.format(name=repr(watch.name), query=text), markup=False)
        self.load_watches()
        self._refresh_unread()

    # --- contacts directory and palette ----------------------------------------------------------

    def action_open_directory(self) -> None:
        self.open_directory("")

    def open_directory(self, filter_text: str) -> None:
        from newsroom_tui.screens.contacts_directory import ContactsDirectoryScreen

        self.app.push_screen(
            ContactsDirectoryScreen(
                self.store,
                filter_text,
                read_contacts=self.services[self.home.id].contacts_directory,
            )
        )

    def palette_sections(self) -> tuple[MenuNode, ...]:
        return self.profile.menu

    def palette_releases(self, query: Query, limit: int) -> list[SearchHit]:
        if query.newsroom is None and self.scope is not None:
            query = query.with_filters(newsroom=self.scope)
        try:
            return self.store.search(query, limit=limit).hits
        except StoreError as exc:
            self.report_error(_("Could not search the releases"), exc)
            return []

    def palette_contacts(self) -> list[DirectoryContact]:
        try:
            return self.store.contacts_directory("")
        except StoreError as exc:
            self.report_error(_("Could not read the contacts"), exc)
            return []
