"""Tables in the article keep their columns: each column is as wide as its widest cell and a table
wider than the pane scrolls sideways (left / right, or the mouse), instead of Textual's grid,
which squeezes every cell to fit and cuts it with an ellipsis.

`ArticleMarkdown` is Textual's Markdown widget with this table block in place of its own.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.content import Content
from textual.widgets import Markdown, Static
from textual.widgets._markdown import MarkdownBlock, MarkdownTable

COLUMN_GAP = " │ "
MAX_CELL = 60
"""A cell longer than this many cells is cut with an ellipsis (its column would hide the rest)."""


def table_grid(headers: list[Content], rows: list[list[Content]]) -> Content:
    """The table as lines of text: a header line, a rule, one line per row."""
    columns = max([len(headers), *(len(row) for row in rows)], default=0)
    if columns == 0:
        return Content("")

    def cells(row: list[Content]) -> list[Content]:
        padded = [cell.truncate(MAX_CELL, ellipsis=True) for cell in row]
        return padded + [Content("")] * (columns - len(padded))

    grid = [cells(headers), *(cells(row) for row in rows)]
    widths = [max(1, *(line[c].cell_length for line in grid)) for c in range(columns)]

    def line(row: list[Content]) -> Content:
        return Content(COLUMN_GAP).join(
            cell.pad_right(width - cell.cell_length)
            for cell, width in zip(row, widths, strict=True)
        )

    header = line(grid[0]).stylize("bold")
    rule = Content.styled("─┼─".join("─" * width for width in widths), "dim")
    return Content("\n").join([header, rule, *(line(row) for row in grid[1:])])


class TableText(Static):
    """The table's lines; links in cells go to the Markdown widget like any other link."""

    async def action_link(self, href: str) -> None:
        markdown = self.query_ancestor(Markdown)
        self.post_message(Markdown.LinkClicked(markdown, href))


class TableScroll(HorizontalScroll, can_focus=False):
    """The sideways-scrolling box around one table (scrolled by the article's left / right)."""


class ScrollingTable(MarkdownTable):
    """A Markdown table shown at its natural width inside a sideways-scrolling box."""

    def compose(self) -> ComposeResult:
        headers, rows = self._get_headers_and_rows()
        self._headers, self._rows = headers, rows
        with TableScroll(classes="article-table-scroll"):
            yield TableText(table_grid(headers, rows), classes="article-table", expand=False)

    async def _update_from_block(self, block: MarkdownBlock) -> None:
        if isinstance(block, MarkdownTable):
            headers, rows = block._get_headers_and_rows()
            self._headers, self._rows = headers, rows
            self.query_one(TableText).update(table_grid(headers, rows))
        else:
            await super()._update_from_block(block)


class ArticleMarkdown(Markdown):
    """Markdown with tables that scroll sideways."""

    # Markdown declares BLOCKS as an instance variable, so it cannot be re-declared ClassVar here.
    BLOCKS: dict[str, type[MarkdownBlock]] = {  # noqa: RUF012
        **Markdown.BLOCKS,
        "table_open": ScrollingTable,
    }
