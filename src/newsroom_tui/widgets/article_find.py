"""Find in the article (ctrl+f): the matches of a text in the page shown, accents and case
ignored, highlighted in place in the Markdown blocks and stepped through with n / N; when the page
shown has none, the next page that has one is shown and searched once it is loaded.

`FindInArticle` is the part of ArticleView that does it; the view provides the page (`pages`,
`page`, `show_page`, `loading_body`) and the Markdown widget (`_body`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Static

from newsroom_tui.widgets.release_list import fold, highlight_spans

if TYPE_CHECKING:
    from textual.widgets import Markdown

FIND_MATCH = "reverse"
FIND_CURRENT = "bold reverse underline"


class FindInArticle(VerticalScroll):
    """Highlights and steps through the matches of `find_text` on the page shown."""

    pages: list[str]
    page: int
    loading_body: bool
    _body: Markdown | None

    class FindUpdated(Message):
        """The find's matches changed: `current` (0-based, -1 for none) of `total` on the page
        shown; `elsewhere` when only other pages have matches."""

        def __init__(self, article: FindInArticle, current: int, total: int) -> None:
            super().__init__()
            self.article = article
            self.current = current
            self.total = total

        @property
        def control(self) -> FindInArticle:
            return self.article

    def init_find(self) -> None:
        self.find_text = ""
        self.find_matches: list[tuple[Static, int, int]] = []
        """(block, start, end) of each match on the page shown, in reading order."""
        self.find_index = -1
        self._find_saved: dict[Static, Content] = {}
        """Blocks highlighted by the find, with their content before it."""
        self._find_direction = 1

    def show_page(self, page: int) -> None:
        raise NotImplementedError

    def _text_blocks(self) -> list[Static]:
        """The blocks of the page shown that hold text, in reading order."""
        if self._body is None:
            return []
        return [
            block
            for block in self._body.query(Static)
            if isinstance(block.content, Content) and block.content.plain.strip()
        ]

    def _unhighlight(self) -> None:
        for block, original in self._find_saved.items():
            if block.is_attached:
                block.update(original, layout=False)
        self._find_saved.clear()

    def find(self, text: str) -> None:
        """Highlight the matches of `text` ('' clears) and move to the first one from the top
        of the page (or to the next page that has one)."""
        self.find_text = text
        self._find_on_page(1)

    def clear_find(self) -> None:
        self.find_text = ""
        self._unhighlight()
        self.find_matches, self.find_index = [], -1

    def _find_on_page(self, direction: int, turn: bool = True) -> None:
        """Find on the page shown; with none there and `turn`, show the next page that has one
        (its text matched; its rendering is searched once it is loaded)."""
        self._unhighlight()
        self.find_matches, self.find_index = [], -1
        self._find_direction = direction
        if self.find_text and not self.loading_body:
            for block in self._text_blocks():
                content = block.content
                assert isinstance(content, Content)
                spans = sorted(highlight_spans(content.plain, [self.find_text]))
                if spans:
                    self._find_saved[block] = content
                    self.find_matches.extend((block, start, end) for start, end in spans)
            if not self.find_matches and turn and self._turn_to_match(direction):
                return  # that page loads, then finds again
            if self.find_matches:
                self.find_index = 0 if direction > 0 else len(self.find_matches) - 1
        self._paint_matches()

    def _turn_to_match(self, direction: int) -> bool:
        """Show the next page (in `direction`, wrapping) whose text has a match."""
        needle = fold(self.find_text)
        count = len(self.pages)
        for step in range(1, count):
            page = (self.page + direction * step) % count
            if needle in fold(self.pages[page]):
                self.show_page(page)
                return True
        return False

    def _paint_matches(self) -> None:
        by_block: dict[Static, list[tuple[int, int, bool]]] = {}
        for index, (block, start, end) in enumerate(self.find_matches):
            by_block.setdefault(block, []).append((start, end, index == self.find_index))
        for block, spans in by_block.items():
            content = self._find_saved[block]
            for start, end, current in spans:
                content = content.stylize(FIND_CURRENT if current else FIND_MATCH, start, end)
            block.update(content, layout=False)
        if 0 <= self.find_index < len(self.find_matches):
            block, start, _ = self.find_matches[self.find_index]
            self.call_after_refresh(self._scroll_to_match, block, start)
        self.post_message(self.FindUpdated(self, self.find_index, len(self.find_matches)))

    def _scroll_to_match(self, block: Static, start: int) -> None:
        if not block.is_attached:
            return
        region = block.virtual_region
        content = block.content
        length = len(content.plain) if isinstance(content, Content) else 0
        line = int(region.height * start / length) if length else 0
        target = Region(region.x, region.y + min(line, max(0, region.height - 1)), 1, 1)
        self.scroll_to_region(target, animate=False, center=True, immediate=True)

    def action_find_step(self, step: int) -> None:
        """The next (1) or previous (-1) match; past the last one, the next page with one."""
        if not self.find_matches:
            self._find_on_page(step)
            return
        index = self.find_index + step
        if not 0 <= index < len(self.find_matches):
            self._find_direction = step
            if len(self.pages) > 1 and self._turn_to_match(step):
                return
            index %= len(self.find_matches)
        self.find_index = index
        self._paint_matches()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_step":
            return bool(self.find_text)  # else n / N are the reader's keys
        return True
