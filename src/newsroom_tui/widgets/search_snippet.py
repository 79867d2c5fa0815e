"""SearchSnippet: the line under the release list saying where the search matched.

The snippet is network text: it becomes Content with the store's match markers turned into
styled spans, never markup.
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

from newsroom_tui.models import SNIPPET_CLOSE, SNIPPET_OPEN
from newsroom_tui.sanitise import clean_line


def highlighted_snippet(snippet: str) -> Content:
    """A store snippet as Content: the matches (between the store's markers) styled, the rest
    plain text."""
    pieces = re.split(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]", clean_line(snippet, limit=600))
    parts: list[str | tuple[str, str]] = [
        (piece, "bold reverse") if index % 2 else piece
        for index, piece in enumerate(pieces)
        if piece
    ]
    return Content.assemble(*parts)


class SearchSnippet(Static):
    """Hidden until a search matches the highlighted release."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, snippet: str) -> None:
        """Show `snippet` (a store snippet with match markers); an empty one hides the line."""
        self.update(highlighted_snippet(snippet))
        self.display = bool(snippet)

    def hide(self) -> None:
        self.display = False
