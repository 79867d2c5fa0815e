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
from newsroom_tui.sanitise import clean_line

FACET_PREFIX = "facet:"
MIN_LABEL = 8
"""Narrower than this, labels are left to be cut at the edge."""
NEWSROOM_KEY = f"{FACET_PREFIX}all"
EVERYTHING_KEY = "newsrooms:all"
"""The "All newsrooms" node (shown when several newsrooms are)."""
NEWSROOM_SEPARATOR = "::"
FACET_KINDS = ("year", "tag", "section-facet")


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
    """'section' (a site page), 'all' (the newsroom), 'year', 'tag', 'section-facet', 'group',
    'everything' (all newsrooms) or 'watch' (a saved search)."""
    value: str = ""
    menu: MenuNode | None = None
    newsroom: str = ""
    """The newsroom the node belongs to, '' for the home newsroom (the one opened)."""

    @property
    def key(self) -> str:
        """Stable identifier remembered between runs."""
        if self.kind == "everything":
            return EVERYTHING_KEY
        if self.kind == "watch":
            return f"watch:{self.value}"
        if self.kind == "section" and self.menu is not None:
            key = f"section:{self.menu.key}"
        elif self.kind == "all":
            key = NEWSROOM_KEY
        else:
            key = f"{FACET_PREFIX}{self.kind}:{self.value}"
        return f"{self.newsroom}{NEWSROOM_SEPARATOR}{key}" if self.newsroom else key


@dataclass(frozen=True, slots=True)
class NewsroomMenu:
    """One newsroom of the tree: its id, its name and its site menu."""

    id: str
    name: str
    menu: tuple[MenuNode, ...]


class SectionTree(Tree[Entry]):
    """The site menu and the newsroom facets."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", N_("Down"), show=False),
        Binding("k", "cursor_up", N_("Up"), show=False),
    ]

    class SectionSelected(Message):
        """A site-section node was chosen: show its cached page (`newsroom`: whose)."""

        def __init__(self, tree: SectionTree, node: MenuNode, newsroom: str = "") -> None:
            super().__init__()
            self.tree = tree
            self.node = node
            self.newsroom = newsroom

        @property
        def control(self) -> SectionTree:
            return self.tree

    class FacetSelected(Message):
        """The newsroom or one of its facets was chosen: list its releases.

        `kind` is 'all', 'year', 'tag' or 'section-facet'; `value` the year, tag or section;
        `newsroom` whose ('' for the home newsroom); kind 'everything': every newsroom's.
        """

        def __init__(
            self, tree: SectionTree, kind: str, value: str, key: str, newsroom: str = ""
        ) -> None:
            super().__init__()
            self.tree = tree
            self.kind = kind
            self.value = value
            self.key = key
            self.newsroom = newsroom

        @property
        def control(self) -> SectionTree:
            return self.tree

    def __init__(
        self,
        menu: tuple[MenuNode, ...],
        *,
        id: str | None = None,
        newsrooms: tuple[NewsroomMenu, ...] = (),
    ) -> None:
        """`menu`: the home newsroom's site menu. With `newsrooms` (the home one first, then
        the others), each is a top-level node holding its menu, after an "All newsrooms" node."""
        super().__init__(Text(_("menu")), Entry("group"), id=id)
        self._menu = menu
        self.several = len(newsrooms) > 1
        self._unread: dict[str, int] = {}
        self._newsroom_nodes: dict[str, list[tuple[TreeNode[Entry], str]]] = {}
        """Each newsroom's nodes that show its unread count (its top node, its list node)."""
        self._facet_holder: dict[str, TreeNode[Entry]] = {}
        self._everything: TreeNode[Entry] | None = None
        self._watches: TreeNode[Entry] | None = None
        self.show_root = False
        self.guide_depth = 2
        if self.several:
            self._everything = self.root.add_leaf(Text(_("All newsrooms")), Entry("everything"))
            for index, newsroom in enumerate(newsrooms):
                tag = "" if index == 0 else newsroom.id
                name = clean_line(newsroom.name, limit=120) or newsroom.id
                top = self.root.add(Text(name), Entry("all", newsroom=tag), expand=index == 0)
                self._newsroom_nodes[tag] = [(top, name)]
                self._add_menu_nodes(top, newsroom.menu, tag)
        else:
            self._add_menu_nodes(self.root, menu, "")
        self.root.expand()

    @property
    def unread(self) -> int | None:
        """The unread count shown on the home newsroom's node (None until the store was asked)."""
        return self._unread.get("")

    def _add_menu_nodes(
        self, parent: TreeNode[Entry], menu: tuple[MenuNode, ...], tag: str
    ) -> None:
        has_newsroom = False
        for menu_node in menu:
            has_newsroom |= self._add_menu(parent, menu_node, tag)
        if not has_newsroom:
            if self.several:
                self._facet_holder[tag] = parent
            else:
                node = parent.add(Text(_("Newsroom")), Entry("all", newsroom=tag), expand=True)
                self._newsroom_nodes.setdefault(tag, []).append((node, _("Newsroom")))
                self._facet_holder[tag] = node

    def _add_menu(self, parent: TreeNode[Entry], menu_node: MenuNode, tag: str) -> bool:
        if menu_node.newsroom:
            node = parent.add(Text(menu_node.label), Entry("all", newsroom=tag), expand=True)
            self._newsroom_nodes.setdefault(tag, []).append((node, menu_node.label))
            self._facet_holder[tag] = node
            return True
        entry = Entry("section", menu_node.key, menu_node, newsroom=tag)
        if not menu_node.children:
            parent.add_leaf(Text(menu_node.label), entry)
            return False
        node = parent.add(Text(menu_node.label), entry)
        found = False
        for child in menu_node.children:
            found |= self._add_menu(node, child, tag)
        return found

    def set_facets(self, facets: Facets, newsroom: str = "") -> None:
        """Show the unread count on the newsroom's node and rebuild its facet children."""
        holder = self._facet_holder.get(newsroom)
        if holder is None:
            return
        self.set_unread(facets.unread, newsroom)
        expanded = {n.data.key for n in holder.children if n.data and n.is_expanded}
        for child in list(holder.children):
            if (
                child.data is not None
                and child.data.kind == "group"
                and child.data.value in FACET_KINDS
            ):
                child.remove()
        groups: list[tuple[str, str, list[tuple[str, int]]]] = [
            (_("Years"), "year", [(str(y), n) for y, n in facets.years]),
            (_("Tags"), "tag", list(facets.tags)),
            (_("Sections"), "section-facet", list(facets.sections)),
        ]
        for title, kind, values in groups:
            if not values:
                continue
            group_entry = Entry("group", kind, newsroom=newsroom)
            group = holder.add(Text(title), group_entry, expand=group_entry.key in expanded)
            for value, count in values:
                leaf = Text(value or "—")
                leaf.append(f" {format_number(count)}", "dim")
                group.add_leaf(leaf, Entry(kind, value, newsroom=newsroom))

    def set_watches(self, watches: list[tuple[str, int]]) -> None:
        """The "Watches" node: each saved search with its unread count (none: no node)."""
        if not watches:
            if self._watches is not None:
                self._watches.remove()
                self._watches = None
            return
        if self._watches is None:
            self._watches = self.root.add(
                Text(_("Watches")), Entry("group", "watches"), expand=True
            )
        node = self._watches
        existing = {child.data.value: child for child in node.children if child.data}
        if list(existing) != [name for name, _ in watches]:
            node.remove_children()
            existing = {}
        for name, unread in watches:
            label = Text(name)
            if unread:
                label.append(f" ({unread})", "italic")
            if name in existing:
                existing[name].set_label(label)
            else:
                node.add_leaf(label, Entry("watch", name))

    def adjust_unread(self, delta: int, newsroom: str = "") -> None:
        """Count one release read (-1) or unread (+1) without asking the store again."""
        known = self._unread.get(newsroom)
        if known is not None:
            self.set_unread(max(0, known + delta), newsroom)

    def set_unread(self, unread: int, newsroom: str = "") -> None:
        """Update the unread count on the newsroom's nodes (cheap: no facet rebuild), and the
        sum on "All newsrooms"."""
        self._unread[newsroom] = unread
        for node, base in self._newsroom_nodes.get(newsroom, []):
            label = Text(base)
            if unread:
                label.append(f" ({unread})", "italic")
            node.set_label(label)
        if self._everything is not None:
            total = sum(self._unread.values())
            label = Text(_("All newsrooms"))
            if total:
                label.append(f" ({total})", "italic")
            self._everything.set_label(label)

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
        found = self._move_to_key(key)
        if found is None:
            return False
        message = self._message_for(found)
        if message is not None:
            self.post_message(message)
        return True

    def move_to_key(self, key: str) -> SectionSelected | FacetSelected | None:
        """Move to the node remembered as `key` as `select_key` does, but return the message
        that selecting it posts instead of posting it (None when no such node is shown), for a
        caller that acts on it at once."""
        found = self._move_to_key(key)
        return None if found is None else self._message_for(found)

    def _move_to_key(self, key: str) -> TreeNode[Entry] | None:
        for node in self.entries():
            if node.data is not None and node.data.kind != "group" and node.data.key == key:
                parent = node.parent
                while parent is not None:
                    parent.expand()
                    parent = parent.parent
                self.move_cursor(node)
                return node
        return None

    def _on_tree_node_selected(self, event: Tree.NodeSelected[Entry]) -> None:
        event.stop()
        self._announce(event.node)

    def _announce(self, node: TreeNode[Entry]) -> None:
        message = self._message_for(node)
        if message is not None:
            self.post_message(message)

    def _message_for(self, node: TreeNode[Entry]) -> SectionSelected | FacetSelected | None:
        entry = node.data
        if entry is None or entry.kind == "group":
            return None
        if entry.kind == "section" and entry.menu is not None:
            return self.SectionSelected(self, entry.menu, entry.newsroom)
        return self.FacetSelected(self, entry.kind, entry.value, entry.key, entry.newsroom)
