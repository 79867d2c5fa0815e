"""Documents in the article: opening a release or a site section, the history behind back and
forward, and links, which open inside the reader when they point at a cached release or section
and go to the browser (through the allowlist) otherwise."""

from __future__ import annotations

from urllib.parse import urldefrag

from textual import on

from newsroom_tui.i18n import _
from newsroom_tui.models import Release
from newsroom_tui.profiles import MenuNode, Profile
from newsroom_tui.screens.history import DocumentHistory, Visit
from newsroom_tui.screens.reader_layout import ReaderLayout
from newsroom_tui.settings import Settings
from newsroom_tui.storage.errors import StoreError
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.contacts_panel import ContactsPanel
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.section_tree import NEWSROOM_SEPARATOR, SectionTree


class ReaderDocuments(ReaderLayout):
    """What the article shows, and how the reader moves between documents."""

    profile: Profile
    settings: Settings
    open_section_key: str | None
    history: DocumentHistory
    _started: bool

    @on(SectionTree.SectionSelected)
    def _section_selected(self, event: SectionTree.SectionSelected) -> None:
        prefix = f"{event.newsroom}{NEWSROOM_SEPARATOR}" if event.newsroom else ""
        self._remember("selected", f"{prefix}section:{event.node.key}")
        self.section_scope(event.newsroom or self.store.home)
        self.show_section(event.node)

    def section_scope(self, newsroom: str) -> None:
        """The newsroom whose section is shown becomes the one the keys act on."""

    def open_section(self, key: str) -> None:
        """Select the site section with this menu key (used by the command palette)."""
        newsroom = self.profile.id
        prefix = "" if newsroom == self.store.home else f"{newsroom}{NEWSROOM_SEPARATOR}"
        self.query_one(SectionTree).select_key(f"{prefix}section:{key}")

    def show_section(self, node: MenuNode, *, record: bool = True) -> None:
        qualified = self.store.qualify(self.profile.id, node.key)
        try:
            page = self.store.get_section(qualified)
        except StoreError as exc:
            self.report_error(_("Could not read the section page"), exc)
            return
        self._close_find()
        self.open_release_id = None
        self.open_section_key = node.key
        self.release_list.set_open(None)
        if record:
            self.history.visit(Visit("section", qualified))
        # The list steps aside for a page the user chose (not for the one remembered at start).
        self.site_page = self._started
        self._update_layout()
        contacts = self.query_one(ContactsPanel)
        if page is None:
            lines = [node.description, ""] if node.description else []
            lines += [node.url or "", "", _("This page is not cached yet: press r to sync.")]
            self.article.show_message(node.label, lines)
            contacts.show([], node.label)
            self.after_first_paint()
            return
        self.article.show_section(page)
        contacts.show(list(page.contacts), page.title)
        self.after_first_paint()

    def after_first_paint(self) -> None:
        """Start what waits for the first paint (the screen's)."""

    @on(ReleaseList.ReleaseOpened)
    def _release_opened(self, event: ReleaseList.ReleaseOpened) -> None:
        self.open_release(event.release_id)
        if self.settings.reading_mode and not self.reading_mode and self.open_release_id:
            self.action_reading_mode()

    def open_release(self, release_id: str, *, record: bool = True) -> None:
        try:
            release = self.store.get_release(release_id)
        except StoreError as exc:
            self.report_error(_("Could not open the release"), exc)
            return
        if release is None:
            self.notify(_("That release is no longer cached."), markup=False, severity="warning")
            return
        if not release.read:
            try:
                self.store.set_read([release_id], True)
            except StoreError as exc:  # a read-only cache: reading goes on, unmarked
                self.report_error(_("Could not mark the release read"), exc)
            else:
                release.read = True
                self.release_list.update_row(release_id, read=True)
                self.adjust_unread(release_id, -1)
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
        self.release_shown(release)

    def release_shown(self, release: Release, newsroom: str = "") -> None:
        """The article now shows `release` (from the cache of `newsroom`, '' for this one's);
        the language versions and edit marker build on it (screens/release_versions)."""

    def _show_visit(self, visit: Visit) -> None:
        if visit.kind == "release":
            self.open_release(visit.key, record=False)
            return
        newsroom, key = self.store.split(visit.key)
        self.section_scope(newsroom)
        node = next((n for n in self.profile.menu_nodes() if n.key == key), None)
        if node is not None:
            self.show_section(node, record=False)

    def action_back(self) -> None:
        visit = self.history.back()
        if visit is None:
            self.notify(_("Nothing to go back to."), markup=False)
            return
        self._show_visit(visit)

    def action_forward(self) -> None:
        visit = self.history.forward()
        if visit is None:
            self.notify(_("Nothing to go forward to."), markup=False)
            return
        self._show_visit(visit)

    def action_step(self, step: int) -> None:
        if not self.release_list.move_and_open(step):
            self.notify(_("No more releases this way."), markup=False)

    def action_turn_page(self, step: int) -> None:
        """Next or previous page of a long article."""
        if step > 0:
            self.article.action_next_page()
        else:
            self.article.action_previous_page()

    def action_open_link(self, number: int) -> None:
        link = self.article.link(number)
        if link is None:
            self.notify(_("No link {number} in this document.").format(number=number), markup=False)
            return
        self.follow_link(link.url)

    @on(ArticleView.LinkRequested)
    def _link_requested(self, event: ArticleView.LinkRequested) -> None:
        self.follow_link(event.url)

    def follow_link(self, url: str) -> None:
        """A cached release or site section opens here (back returns); anything else goes to
        the browser, through the allowlist."""
        page = urldefrag(url)[0]
        candidates = list(dict.fromkeys([page, page.rstrip("/"), page.rstrip("/") + "/"]))
        try:
            for candidate in candidates:
                release_id = self.store.release_id_for_url(candidate, self.profile.id)
                if release_id is not None:
                    self.open_release(release_id)
                    return
            qualified = next(
                (
                    k
                    for c in candidates
                    if (k := self.store.section_key_for_url(c, self.profile.id))
                ),
                None,
            )
            section_key = None if qualified is None else self.store.split(qualified)[1]
        except StoreError as exc:
            self.report_error(_("Could not look the link up"), exc)
            section_key = None
        for node in self.profile.menu_nodes():
            resolved = self.profile.resolve(node.url) if node.url else ""
            if node.key == section_key or (resolved and resolved in candidates):
                self.show_section(node)
                return

        from newsroom_tui.screens.links import open_link

        open_link(self.app, url)
