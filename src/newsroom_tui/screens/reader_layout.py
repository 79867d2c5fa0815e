"""The reader's layout, from its state: which panes show, and where the focus goes when the one it
was on steps aside.

While a release is open the article gets most of the width (the section menu steps aside below
WIDE_WIDTH columns; `t` brings it back at any width); a site section hides the list; `z` shows the
article alone; below NARROW_WIDTH columns the list sits above the article. The stylesheet
(styles/app.tcss) draws each state from the classes set here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.events import Resize

from newsroom_tui.screens.release_actions import ReleaseActions
from newsroom_tui.widgets.find_bar import FindBar
from newsroom_tui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from textual.widget import Widget

NARROW_WIDTH = 100
"""Below this many columns the list sits above the article."""
WIDE_WIDTH = 160
"""From this many columns the section menu stays beside an open release."""


class ReaderLayout(ReleaseActions):
    """Layout state and the keys that change it (t, z)."""

    tree_choice: bool | None
    """The section menu shown (True) or hidden (False) with `t`; None: as the width says."""
    reading_mode: bool
    site_page: bool
    """A site section is shown and the list steps aside for it."""

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
        self._set_layout_classes()
        self._keep_focus_shown()

    def _set_layout_classes(self) -> None:
        """The layout classes from the state (the screen's compose sets them before its
        widgets are styled: setting them after restyles every widget of the screen)."""
        width = self.app.size.width
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.set_class(self.open_release_id is not None and not self.site_page, "-release-open")
        self.set_class(self.site_page, "-site-page")
        self.set_class(self.reading_mode, "-reading-mode")
        self.set_class(self._tree_shown(width), "-tree")

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

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    def _close_find(self) -> None:
        bar = self.find_bar
        if bar.display:
            refocus = self.focused is bar.input
            bar.close()
            if refocus:
                self.set_focus(self.article)
        self.article.clear_find()
