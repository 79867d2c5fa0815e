"""ReleaseList: a virtual list of releases that only ever loads the rows on screen.

Built on ScrollView's Line API: the virtual height is the number of rows the query matches, and
`render_line` asks a small row cache, which loads the visible window (plus a margin) from the store
with one `store.rows(query, offset, limit)`. 100,000 releases cost one COUNT and one window.
Every string shown comes from the network, so lines are built from Text/Segments, never markup.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsroom_tui.models import ReleaseRow
from newsroom_tui.sanitise import clean_line, clean_title

if TYPE_CHECKING:
    from newsroom_tui.query import Query
    from newsroom_tui.storage.store import Store

MARGIN = 16
"""Rows loaded above and below the visible window, so small moves need no query."""
MAX_ROWS = 2_000
"""Rows kept in the cache (the oldest loaded are dropped first)."""
MAX_LINES = 400
"""Rendered lines kept; the whole cache is dropped when it grows past this."""
SECTION_WIDTH = 18


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in base if not unicodedata.combining(c))
    return (kept[:1] or ch).lower()[:1] or ch


def fold(text: str) -> str:
    """Lower-case `text` without accents, one output character per input character."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


def highlight_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of every accent- and case-insensitive occurrence of a term in `text`."""
    terms = list(terms)
    if not terms:
        return []
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        needle = fold(term)
        if not needle:
            continue
        start = folded.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
    return spans


class ReleaseMessage(Message):
    """A message about one release of the list (its id and its position in the results)."""

    def __init__(self, release_list: ReleaseList, release_id: str, index: int) -> None:
        super().__init__()
        self.release_list = release_list
        self.release_id = release_id
        self.index = index

    @property
    def control(self) -> ReleaseList:
        return self.release_list


class ReleaseList(ScrollView, can_focus=True):
    """The releases matching a query, newest first, loaded a screenful at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "open", "Open"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "release-list--cursor",
        "release-list--unread",
        "release-list--read",
        "release-list--date",
        "release-list--section",
        "release-list--marker",
        "release-list--match",
        "release-list--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted row within the query's results."""

    class ReleaseHighlighted(ReleaseMessage):
        """The cursor moved onto a release."""

    class ReleaseOpened(ReleaseMessage):
        """The user asked to read a release (enter or click)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._store: Store | None = None
        self._query: Query | None = None
        self._count = 0
        self._rows: OrderedDict[int, ReleaseRow] = OrderedDict()
        self._terms: tuple[str, ...] = ()
        self._lines: dict[tuple[int, int, bool, bool, Style], Strip] = {}
        """Rendered rows by (index, width, under the cursor, focused, base style): a key press
        or a repaint re-renders only the rows that changed."""
        self.empty_message = ""
        """Shown when the query matches nothing (plain text)."""

    # --- data ------------------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return self._count

    @property
    def query_shown(self) -> Query | None:
        return self._query

    def show(
        self,
        store: Store,
        query: Query,
        *,
        terms: Iterable[str] = (),
        keep_id: str | None = None,
        empty_message: str = "",
    ) -> None:
        """List the releases matching `query`; keep the cursor on `keep_id` when it still matches."""
        self._store = store
        self._query = query
        self._terms = tuple(t for t in terms if t)
        self.empty_message = empty_message
        self._rows.clear()
        self._lines.clear()
        self._count = store.count(query)
        self.virtual_size = Size(0, self._count)
        index = store.index_of(query, keep_id) if keep_id else None
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = index if index is not None else 0
        self.refresh()

    def reload(self) -> None:
        """Forget the cached pages and count again (after a sync changed the store)."""
        if self._store is None or self._query is None:
            return
        current = self.current_row
        self.show(
            self._store,
            self._query,
            terms=self._terms,
            keep_id=current.id if current else None,
            empty_message=self.empty_message,
        )

    def row_at(self, index: int) -> ReleaseRow | None:
        """The row at `index`, loading the visible window around it from the store if needed."""
        if self._store is None or self._query is None or not 0 <= index < self._count:
            return None
        row = self._rows.get(index)
        if row is None:
            self._load_window(index)
            row = self._rows.get(index)
        return row

    def _load_window(self, index: int) -> None:
        """One store query for the screenful around `index` (deep OFFSETs cost a scan each)."""
        assert self._store is not None and self._query is not None
        top = int(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if not top <= index < top + height:
            top = index
        start = max(0, min(index, top) - MARGIN)
        end = min(self._count, max(index, top + height) + MARGIN)
        rows = self._store.rows(self._query, start, end - start)
        for offset, row in enumerate(rows):
            self._rows[start + offset] = row
        if len(self._rows) > MAX_ROWS:
            while len(self._rows) > MAX_ROWS:
                self._rows.popitem(last=False)
            self._lines.clear()  # a line must never outlive its row (update_row mends rows)

    @property
    def current_row(self) -> ReleaseRow | None:
        return self.row_at(self.cursor)

    def update_row(self, release_id: str, **changes: Any) -> None:
        """Change a cached row's flags (read, starred) and repaint it without a reload."""
        for index, row in self._rows.items():
            if row.id == release_id:
                for name, value in changes.items():
                    setattr(row, name, value)
                self._forget_lines(index)
                self.refresh_line(index)

    # --- cursor ----------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        clamped = max(0, min(new, self._count - 1)) if self._count else 0
        if clamped != new:
            self.cursor = clamped
            return
        top = int(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False, immediate=True)
        self.refresh()
        row = self.row_at(new)
        if row is not None:
            self.post_message(self.ReleaseHighlighted(self, row.id, new))

    def _page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self._count - 1

    def action_page_down(self) -> None:
        self.cursor += self._page_height()

    def action_page_up(self) -> None:
        self.cursor -= self._page_height()

    def action_open(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.ReleaseOpened(self, row.id, self.cursor))

    def move_and_open(self, step: int) -> bool:
        """Move the cursor by `step` and open that release; False at either end."""
        target = self.cursor + step
        if not 0 <= target < self._count:
            return False
        self.cursor = target
        self.action_open()
        return True

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = int(self.scroll_offset.y) + offset.y
        if 0 <= index < self._count:
            self.cursor = index
            self.action_open()

    # --- rendering -------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def _forget_lines(self, index: int) -> None:
        for key in [key for key in self._lines if key[0] == index]:
            del self._lines[key]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = int(self.scroll_offset.y) + y
        if self._count == 0:
            if y == 1 and self.empty_message:
                style = base + self.get_component_rich_style("release-list--empty")
                text = Text(" " + self.empty_message, style=style, no_wrap=True)
                text.truncate(width, overflow="ellipsis", pad=True)
                return Strip(list(text.render(self.app.console)), width)
            return Strip.blank(width, base)
        key = (index, width, index == self.cursor, self.has_focus, base)
        cached = self._lines.get(key)
        if cached is not None:
            return cached
        row = self.row_at(index)
        if row is None:
            return Strip.blank(width, base)
        text = self._row_text(row, width)
        style = base
        if index == self.cursor:
            cursor_style = self.get_component_rich_style("release-list--cursor")
            if not self.has_focus:
                cursor_style = Style(bgcolor=cursor_style.bgcolor, dim=True)
            style = base + cursor_style
        segments = Segment.apply_style(text.render(self.app.console), style)
        strip = Strip(list(segments), width)
        if len(self._lines) >= MAX_LINES:
            self._lines.clear()
        self._lines[key] = strip
        return strip

    def _row_text(self, row: ReleaseRow, width: int) -> Text:
        """One row as plain text with styled spans: unread dot, star, date, title, section, updated."""
        style_of = self.get_component_rich_style
        marker = style_of("release-list--marker")
        text = Text(no_wrap=True, end="")
        text.append("● " if not row.read else "  ", marker)
        text.append("★ " if row.starred else "  ", marker)
        date = row.published.strftime("%Y-%m-%d") if row.published else "   —      "
        text.append(date.ljust(10), style_of("release-list--date"))
        text.append(" ")
        show_section = width >= 60
        right = (SECTION_WIDTH + 3) if show_section else 2
        title_width = max(8, width - text.cell_len - right)
        shown = clean_title(row.title)  # the second line of defence: the store may hold anything
        title = Text(shown, no_wrap=True, end="")
        title.stylize(style_of("release-list--unread" if not row.read else "release-list--read"))
        for start, end in highlight_spans(shown, self._terms):
            title.stylize(style_of("release-list--match"), start, end)
        title.truncate(title_width, overflow="ellipsis", pad=True)
        text.append_text(title)
        if show_section:
            label = clean_line(row.section or (row.tags[0] if row.tags else ""), limit=200)
            section = Text(" " + label, style_of("release-list--section"), no_wrap=True, end="")
            section.truncate(SECTION_WIDTH + 1, overflow="ellipsis", pad=True)
            text.append_text(section)
        text.append(" ✎" if row.updated else "  ", marker)
        text.truncate(width, pad=True)
        return text
