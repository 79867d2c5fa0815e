"""SectionTree: the organisation's site menu from the profile, plus the newsroom and its facets.

Site-section nodes post `SectionSelected` (the screen shows the cached page); the newsroom node and
its facet children (years, tags, sections the store knows) post `FacetSelected` (the screen fills
the release list). Labels are Text objects: menu labels and tags are network text, never markup.
A label too long for the tree keeps its start and its end (where sibling labels such as
"Directrice générale adjointe chargée de …" differ) with an ellipsis between.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from newsroom_tui.i18n import N_, _
from newsroom_tui.local_formats import format_number
from newsroom_tui.models import Facets
from newsroom_tui.profiles import MenuNode

FACET_PREFIX = "facet:"
MIN_LABEL = 8
"""Narrower than this, labels are left to be cut at the edge."""
NEWSROOM_KEY = f"{FACET_PREFIX}all"


def shorten_middle(text: Text, width: int) -> Text:
    """`text` in `width` cells: its start, an ellipsis, and its end (unchanged when it fits)."""
    if text.cell_len <= width or width < 3:
        return text
    head = (width - 1) * 2 // 5
    tail = width - 1 - head
    shortened = text[:head]
    shortened.append("…")
    shortened.append_text(text[len(text) - tail :])
    while shortened.cell_len > width and tail > 1:  # wide characters
        tail -= 1
        shortened = text[:head]
        shortened.append("…")
        shortened.append_text(text[len(text) - tail :])
    return shortened


@dataclass(frozen=True, slots=True)
class Entry:
    """What a tree node stands for."""

    kind: str
    """'section' (a site page), 'all' (the newsroom), 'year', 'tag', 'section-facet' or 'group'."""
    value: str = ""
    menu: MenuNode | None = None

    @property
    def key(self) -> str:
        """Stable identifier remembered between runs."""
        if self.kind == "section" and self.menu is not None:
            return f"section:{self.menu.key}"
        if self.kind == "all":
            return NEWSROOM_KEY
        return f"{FACET_PREFIX}{self.kind}:{self.value}"


class SectionTree(Tree[Entry]):
    """The site menu and the newsroom facets."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]

    class SectionSelected(Message):
        """A site-section node was chosen: show its cached page."""

        def __init__(self, tree: SectionTree, node: MenuNode) -> None:
            super().__init__()
            self.tree = tree
            self.node = node

        @property
        def control(self) -> SectionTree:
            return self.tree

    class FacetSelected(Message):
        """The newsroom or one of its facets was chosen: list its releases.

        `kind` is 'all', 'year', 'tag' or 'section-facet'; `value` the year, tag or section.
        """

        def __init__(self, tree: SectionTree, kind: str, value: str, key: str) -> None:
            super().__init__()
            self.tree = tree
            self.kind = kind
            self.value = value
            self.key = key

        @property
        def control(self) -> SectionTree:
            return self.tree

    def __init__(self, menu: tuple[MenuNode, ...], *, id: str | None = None) -> None:
        super().__init__(Text(_("menu")), Entry("group"), id=id)
        self._menu = menu
        self._newsroom_label = _("Newsroom")
        self.unread: int | None = None
        """The unread count shown on the newsroom node (None until the store was asked)."""
        self._newsroom: TreeNode[Entry] | None = None
        self.show_root = False
        self.guide_depth = 2
        self._add_menu_nodes()

    def _add_menu_nodes(self) -> None:
        has_newsroom = False
        for menu_node in self._menu:
            has_newsroom |= self._add_menu(self.root, menu_node)
        if not has_newsroom:
            self._newsroom = self.root.add(Text(_("Newsroom")), Entry("all"), expand=True)
        self.root.expand()

    def _add_menu(self, parent: TreeNode[Entry], menu_node: MenuNode) -> bool:
        if menu_node.newsroom:
            self._newsroom_label = menu_node.label
            self._newsroom = parent.add(Text(menu_node.label), Entry("all"), expand=True)
            return True
        entry = Entry("section", menu_node.key, menu_node)
        if not menu_node.children:
            parent.add_leaf(Text(menu_node.label), entry)
            return False
        node = parent.add(Text(menu_node.label), entry)
        found = False
        for child in menu_node.children:
            found |= self._add_menu(node, child)
        return found

    def set_facets(self, facets: Facets) -> None:
        """Show the unread count on the newsroom node and rebuild its facet children."""
        newsroom = self._newsroom
        if newsroom is None:
            return
        self.set_unread(facets.unread)
        expanded = {n.data.key for n in newsroom.children if n.data and n.is_expanded}
        newsroom.remove_children()
        groups: list[tuple[str, str, list[tuple[str, int]]]] = [
            (_("Years"), "year", [(str(y), n) for y, n in facets.years]),
            (_("Tags"), "tag", list(facets.tags)),
            (_("Sections"), "section-facet", list(facets.sections)),
        ]
        for title, kind, values in groups:
            if not values:
                continue
            group_entry = Entry("group", kind)
            group = newsroom.add(Text(title), group_entry, expand=group_entry.key in expanded)
            for value, count in values:
                leaf = Text(value or "—")
                leaf.append(f" {format_number(count)}", "dim")
                group.add_leaf(leaf, Entry(kind, value))

    def adjust_unread(self, delta: int) -> None:
        """Count one release read (-1) or unread (+1) without asking the store again."""
        if self.unread is not None:
            self.set_unread(max(0, self.unread + delta))

    def set_unread(self, unread: int) -> None:
        """Update the unread count on the newsroom node (cheap: no facet rebuild)."""
        self.unread = unread
        if self._newsroom is None:
            return
        label = Text(self._newsroom_label)
        if unread:
            label.append(f" ({unread})", "italic")
        self._newsroom.set_label(label)

    def render_label(self, node: TreeNode[Entry], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        available = self.scrollable_content_region.width - depth * self.guide_depth
        if available >= MIN_LABEL:
            label = shorten_middle(label, available)
        return label

    def entries(self) -> Iterator[TreeNode[Entry]]:
        stack = [self.root]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def select_key(self, key: str) -> bool:
        """Move to the node remembered as `key` (expanding its parents) and select it."""
        for node in self.entries():
            if node.data is not None and node.data.kind != "group" and node.data.key == key:
                parent = node.parent
                while parent is not None:
                    parent.expand()
                    parent = parent.parent
                self.move_cursor(node)
                self._announce(node)
                return True
        return False

    def _on_tree_node_selected(self, event: Tree.NodeSelected[Entry]) -> None:
        event.stop()
        self._announce(event.node)

    def _announce(self, node: TreeNode[Entry]) -> None:
        entry = node.data
        if entry is None or entry.kind == "group":
            return
        if entry.kind == "section" and entry.menu is not None:
            self.post_message(self.SectionSelected(self, entry.menu))
        else:
            self.post_message(self.FacetSelected(self, entry.kind, entry.value, entry.key))
