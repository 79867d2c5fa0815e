"""ReleaseList: a virtual list of releases that only ever loads the rows on screen.

Built on ScrollView's Line API: the virtual height is the number of rows the list shows, and
`render_line` asks a small row cache, which loads the visible window (plus a margin) from its
`RowSource` (the screen's read interface over the store) with one `rows(offset, limit)`. 100,000
releases cost one count and one window. A store error while loading rows blanks them and is
posted once as `LoadFailed`. Every string shown comes from the network, so lines are built from
Text/Segments, never markup.

Row markers, left to right: ▶ the release open in the article, ● unread, ★ starred; ✎ at the end
of the row: changed since it was first stored.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsroom_tui.i18n import N_
from newsroom_tui.local_formats import format_short_date, short_date_width
from newsroom_tui.models import ReleaseRow
from newsroom_tui.sanitise import clean_line, clean_title
from newsroom_tui.storage.errors import StoreError

if TYPE_CHECKING:
    from newsroom_tui.query import Query

MARGIN = 16
"""Rows loaded above and below the visible window, so small moves need no query."""
MAX_ROWS = 2_000
"""Rows kept in the cache (the oldest loaded are dropped first)."""
MAX_LINES = 400
"""Rendered lines kept; the whole cache is dropped when it grows past this."""
SECTION_WIDTH = 18
NEWSROOM_WIDTH = 8
"""The newsroom column of a list that spans newsrooms (profile ids, cut to this)."""
SECTION_FROM = 90
"""The section column shows in rows at least this wide (narrower, the title needs the room)."""
OPEN_MARK = "▶"
UNREAD_MARK = "●"
STARRED_MARK = "★"
UPDATED_MARK = "✎"


class RowSource(Protocol):
    """What the list reads: one listing (a query in one order), as the screen provides it.

    Each method may raise StoreError.
    """

    @property
    def query(self) -> Query: ...

    def count(self) -> int: ...

    def rows(self, offset: int, limit: int) -> list[ReleaseRow]: ...

    def index_of(self, release_id: str) -> int | None: ...


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


def _luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = color.get_truecolor()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


BLACK = Color.from_rgb(0, 0, 0)
WHITE = Color.from_rgb(255, 255, 255)


@functools.lru_cache(maxsize=64)
def readable_on(background: Color) -> Color:
    """Black or white, whichever contrasts more with `background` (WCAG contrast ratio)."""
    lum = _luminance(background)
    return BLACK if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else WHITE


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
    """The releases of one listing, loaded a screenful at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", N_("Down"), show=False),
        Binding("k,up", "cursor_up", N_("Up"), show=False),
        Binding("g,home", "first", N_("First"), show=False),
        Binding("G,end", "last", N_("Last"), show=False),
        Binding("pagedown", "page_down", N_("Page down"), show=False),
        Binding("pageup", "page_up", N_("Page up"), show=False),
        Binding("enter", "open", N_("Open")),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "release-list--cursor",
        "release-list--cursor-blurred",
        "release-list--open",
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

    class LoadFailed(Message):
        """Rows could not be read (shown blank); `error` says why in one line."""

        def __init__(self, release_list: ReleaseList, error: StoreError) -> None:
            super().__init__()
            self.release_list = release_list
            self.error = error

        @property
        def control(self) -> ReleaseList:
            return self.release_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._source: RowSource | None = None
        self._count = 0
        self._failed = False
        """A load failed since the last `show` (reported once, not on every repaint)."""
        self.open_id: str | None = None
        """The release open in the article: its row carries OPEN_MARK."""
        self.show_section = True
        """Whether rows end with a section column (the screen turns it off when every release
        listed is in the same section)."""
        self.show_newsroom = False
        """Each row names its newsroom (a list that spans newsrooms)."""
        self._rows: OrderedDict[int, ReleaseRow] = OrderedDict()
        self._terms: tuple[str, ...] = ()
        self._lines: dict[tuple[int, int, bool, bool, Style], Strip] = {}
        """Rendered rows by (index, width, under the cursor, focused, base style): a key press
        or a repaint re-renders only the rows that changed."""
        self.empty_message = ""
        """Shown when the query matches nothing (plain text)."""
        self._paint: tuple[Style, int] | None = None
        """The style and width of the paint under way (see render_lines)."""

    # --- data ------------------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return self._count

    @property
    def query_shown(self) -> Query | None:
        return self._source.query if self._source is not None else None

    @property
    def source(self) -> RowSource | None:
        return self._source

    def show(
        self,
        source: RowSource,
        *,
        terms: Iterable[str] = (),
        keep_id: str | None = None,
        empty_message: str = "",
    ) -> None:
        """List `source`; keep the cursor on `keep_id` when it is still listed.

        Raises StoreError when the count or the position cannot be read (nothing changes then).
        """
        count = source.count()
        index = source.index_of(keep_id) if keep_id else None
        self._source = source
        self._terms = tuple(t for t in terms if t)
        self.empty_message = empty_message
        self._failed = False
        self._rows.clear()
        self._lines.clear()
        self._count = count
        self.virtual_size = Size(0, self._count)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = index if index is not None else 0
        self.refresh()

    def set_open(self, release_id: str | None) -> None:
        """Mark the row of the release open in the article (and unmark the previous one)."""
        if release_id == self.open_id:
            return
        changed = {self.open_id, release_id} - {None}
        self.open_id = release_id
        # Only the two rows whose mark changed are drawn again (a whole list costs ~10 ms).
        for index, row in self._rows.items():
            if row.id in changed:
                self._forget_lines(index)
                self.refresh_line(index)

    def set_show_newsroom(self, show: bool) -> None:
        """Show each row's newsroom (a list that spans newsrooms)."""
        if show != self.show_newsroom:
            self.show_newsroom = show
            self._lines.clear()
            self.refresh()

    def set_show_section(self, show: bool) -> None:
        if show != self.show_section:
            self.show_section = show
            self._lines.clear()
            self.refresh()

    def row_at(self, index: int) -> ReleaseRow | None:
        """The row at `index`, loading the visible window around it if needed (None when it
        cannot be read)."""
        if self._source is None or not 0 <= index < self._count:
            return None
        row = self._rows.get(index)
        if row is None:
            self._load_window(index)
            row = self._rows.get(index)
        return row

    def cached_rows(self) -> list[ReleaseRow]:
        """The rows loaded so far (for changing flags in place after a bulk change)."""
        return list(self._rows.values())

    def _load_window(self, index: int) -> None:
        """One read for the screenful around `index` (deep OFFSETs cost a scan each)."""
        assert self._source is not None
        top = int(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if not top <= index < top + height:
            top = index
        start = max(0, min(index, top) - MARGIN)
        end = min(self._count, max(index, top + height) + MARGIN)
        try:
            rows = self._source.rows(start, end - start)
        except StoreError as exc:
            if not self._failed:
                self._failed = True
                self.post_message(self.LoadFailed(self, exc))
            return
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

    def update_rows(self, release_ids: set[str], **changes: Any) -> None:
        """`update_row` for many releases at once (one repaint)."""
        for row in self._rows.values():
            if row.id in release_ids:
                for name, value in changes.items():
                    setattr(row, name, value)
        self._lines.clear()
        self.refresh()

    # --- cursor ----------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        clamped = max(0, min(new, self._count - 1)) if self._count else 0
        if clamped != new:
            self.cursor = clamped
            return
        self._scroll_to_cursor()
        self.refresh()
        row = self.row_at(new)
        if row is not None:
            self.post_message(self.ReleaseHighlighted(self, row.id, new))

    def _scroll_to_cursor(self) -> None:
        top = int(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        """A smaller list (a resized terminal, a pane that shrank) keeps the cursor in view."""
        self._scroll_to_cursor()

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

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style and width are the same for every line of one paint: worked out
        # once here (the style walks every ancestor's styles: a third of a row's cost).
        self._paint = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def render_line(self, y: int) -> Strip:
        base, width = self._paint or (self.rich_style, self.scrollable_content_region.width)
        index = int(self.scroll_offset.y) + y
        if self._count == 0:
            if y == 1 and self.empty_message:
                style = base + self.get_component_rich_style("release-list--empty")
                text = Text(" " + self.empty_message, style=style, no_wrap=True)
                text.truncate(width, overflow="ellipsis", pad=True)
                return Strip(list(text.render(self.app.console)), width)
            return Strip.blank(width, base)
        key = (index, width, index == self.cursor, self.has_focus, base)
        # (rows open or not, and the section column, are dropped from the cache when they change)
        cached = self._lines.get(key)
        if cached is not None:
            return cached
        row = self.row_at(index)
        if row is None:
            return Strip.blank(width, base)
        text = self._row_text(row, width)
        # The cursor's colours go over every span (a match, a marker, the date): the whole row
        # is highlighted, in the theme's block-cursor colours (dimmer while not focused).
        cursor = None
        if index == self.cursor:
            cursor = self.get_component_rich_style(
                "release-list--cursor" if self.has_focus else "release-list--cursor-blurred"
            )
            if cursor.bgcolor is not None:
                cursor += Style(color=readable_on(cursor.bgcolor))
        segments = Segment.apply_style(text.render(self.app.console), base, cursor)
        strip = Strip(list(segments), width)
        if len(self._lines) >= MAX_LINES:
            self._lines.clear()
        self._lines[key] = strip
        return strip

    def _row_text(self, row: ReleaseRow, width: int) -> Text:
        """One row as plain text with styled spans: open mark, unread dot, star, date, title,
        section (when shown), updated mark."""
        style_of = self.get_component_rich_style
        marker = style_of("release-list--marker")
        text = Text(no_wrap=True, end="")
        is_open = row.id == self.open_id
        text.append(OPEN_MARK if is_open else " ", style_of("release-list--open"))
        text.append(f"{UNREAD_MARK} " if not row.read else "  ", marker)
        text.append(f"{STARRED_MARK} " if row.starred else "  ", marker)
        date = format_short_date(row.published.date()) if row.published else "   —"
        text.append(date.ljust(short_date_width()), style_of("release-list--date"))
        text.append(" ")
        if self.show_newsroom and row.newsroom:
            newsroom = clean_line(row.newsroom, limit=NEWSROOM_WIDTH)
            text.append(newsroom.ljust(NEWSROOM_WIDTH) + " ", style_of("release-list--section"))
        show_section = self.show_section and width >= SECTION_FROM
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
        text.append(f" {UPDATED_MARK}" if row.updated else "  ", marker)
        text.truncate(width, pad=True)
        return text
