"""FilterLine: the line above the release list saying what it shows and how many.

"23 of 1,204 — Years › 2025 · unread only · “migrants” · oldest first · esc clears" (the count
first, so a narrow pane cuts the filters, not the count). Every filter that narrows the list is
named here, so a list remembered from the last run (a year, a tag, unread only) never looks like
missing releases. Tag and section names are network text: the line is built as Content, never
markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static

from newsroom_tui.i18n import _, ngettext
from newsroom_tui.local_formats import format_number
from newsroom_tui.sanitise import clean_line
from newsroom_tui.screens.interface_words import content_from


def count_text(count: int, capped: bool = False) -> str:
    """'1,204' ('1 204', '1.204'), or '10,000+' when the count stopped at a cap."""
    return format_number(count) + ("+" if capped else "")


@dataclass(frozen=True, slots=True)
class ListState:
    """What narrows the list and how many releases it holds."""

    place: str = ""
    """The facet chosen in the tree ('Years › 2025'), '' for the whole newsroom."""
    unread_only: bool = False
    search: str = ""
    order: str = ""
    """'' for newest first (the default), else 'oldest first' or 'by relevance'."""
    count: int = 0
    capped: bool = False
    total: int | None = None
    """Releases in the cache (None until known)."""

    @property
    def narrowed(self) -> bool:
        return bool(self.place or self.unread_only or self.search)

    def describe(self) -> Content:
        parts: list[Content] = []
        if self.place:
            parts.append(Content(clean_line(self.place, limit=80)))
        if self.unread_only:
            parts.append(Content.styled(_("unread only"), "bold"))
        if self.search:
            search = clean_line(self.search, limit=80)
            parts.append(content_from(_("“{search}”"), search=search))
        if self.order:
            parts.append(Content(self.order))
        shown = count_text(self.count, self.capped)
        if self.narrowed and self.total is not None:
            amount = _("{shown} of {total}").format(shown=shown, total=count_text(self.total))
        else:
            many = 2 if self.capped else self.count
            amount = ngettext("{count} release", "{count} releases", many).format(count=shown)
        head = Content(" · ").join(parts) if parts else Content(_("all cached"))
        line = Content.styled(amount, "bold") + Content(" — ") + head
        if self.narrowed:
            line += Content.styled(" · " + _("esc clears"), "dim")
        return line


class FilterLine(Static):
    """One line: the list's filters, search and order, and its count."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.state = ListState()

    def show(self, state: ListState) -> None:
        self.state = state
        self.set_class(state.narrowed, "-narrowed")
        # One line high whatever it says (styles/app.tcss): no layout pass for a new text.
        self.update(state.describe(), layout=False)
