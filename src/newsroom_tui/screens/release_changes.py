"""What changed in an edited release (`v`): the words added and removed since the previous
version, highlighted in the paragraphs that changed, and the contacts added, removed or changed.

Everything shown comes from the network through the store, so it is built as Content from plain
strings (never markup) after one more pass of the sanitiser.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from newsroom_tui.i18n import N_, _, ngettext
from newsroom_tui.local_formats import format_number
from newsroom_tui.models import Release, ReleaseVersion
from newsroom_tui.sanitise import clean_body, clean_line, clean_title
from newsroom_tui.screens.interface_words import TranslatedBindings
from newsroom_tui.versions.changes import Changes, Segment, contact_line

ADDED = "$text-success on $success-muted"
REMOVED = "$text-error on $error-muted strike"
NOTE = "$foreground-muted italic"


def _segments(segments: list[Segment]) -> Content:
    parts: list[Content] = []
    previous = "same"
    for segment in segments:
        text = clean_body(segment.text)
        if segment.kind == "added":
            if previous == "removed":  # "30 000 32 500", not "30 00032 500" without colours
                parts.append(Content(" "))
            parts.append(Content(text).stylize(ADDED))
        elif segment.kind == "removed":
            parts.append(Content(text).stylize(REMOVED))
        else:
            parts.append(Content(text))
        previous = segment.kind
    return Content("").join(parts)


def _unchanged(count: int) -> Content:
    text = ngettext("{count} unchanged paragraph", "{count} unchanged paragraphs", count)
    return Content.styled("⋯ " + text.format(count=format_number(count)), NOTE)


def changes_text(changes: Changes) -> Content:
    """The changes as one block of styled text (title, paragraphs, contacts)."""
    lines: list[Content] = []
    if changes.title_changed:
        lines += [Content.styled(_("Title"), "bold"), _segments(changes.title), Content("")]
    for block in changes.blocks:
        if block.unchanged_before:
            lines += [_unchanged(block.unchanged_before), Content("")]
        lines += [_segments(block.segments), Content("")]
    if changes.blocks and changes.unchanged_after:
        lines += [_unchanged(changes.unchanged_after), Content("")]
    if not changes.title_changed and not changes.blocks:
        lines += [Content.styled(_("The title and the text did not change."), NOTE), Content("")]
    if changes.contacts:
        lines.append(Content.styled(_("Contacts"), "bold"))
        for change in changes.contacts:
            if change.kind == "added" and change.new is not None:
                lines.append(Content.styled(f"+ {clean_line(contact_line(change.new))}", ADDED))
            elif change.kind == "removed" and change.old is not None:
                lines.append(Content.styled(f"- {clean_line(contact_line(change.old))}", REMOVED))
            elif change.new is not None:
                lines.append(Content(f"~ {clean_line(change.new.name)}"))
                lines += [Content(f"    {clean_line(detail)}") for detail in change.details]
    return Content("\n").join(lines)


def summary_line(previous: ReleaseVersion, changes: Changes, kept: int) -> str:
    when = previous.replaced_at.strftime("%Y-%m-%d %H:%M") if previous.replaced_at else "?"
    added, removed = changes.counts()
    parts = [_("edited: found by the sync of {time} UTC").format(time=when)]
    words = ngettext(
        "{added} word added, {removed} removed", "{added} words added, {removed} removed", added
    )
    parts.append(words.format(added=format_number(added), removed=format_number(removed)))
    if changes.contacts:
        count = len(changes.contacts)
        text = ngettext("{count} contact change", "{count} contact changes", count)
        parts.append(text.format(count=format_number(count)))
    if kept > 1:
        text = ngettext("{count} earlier version kept", "{count} earlier versions kept", kept)
        parts.append(text.format(count=format_number(kept)))
    return " · ".join(parts)


class ReleaseChangesScreen(TranslatedBindings[None], ModalScreen[None]):
    """The changes between a release and its previous version."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v,q", "dismiss", N_("Close")),
        Binding("j,down", "scroll(1)", N_("Down"), show=False),
        Binding("k,up", "scroll(-1)", N_("Up"), show=False),
        Binding("pagedown,space", "scroll(10)", N_("Page down"), show=False),
        Binding("pageup", "scroll(-10)", N_("Page up"), show=False),
    ]

    def __init__(
        self, release: Release, previous: ReleaseVersion, changes: Changes, kept: int
    ) -> None:
        super().__init__()
        self.release = release
        self.previous = previous
        self.changes = changes
        self.kept = kept

    def compose(self) -> ComposeResult:
        with Vertical(id="changes"):
            yield Static(
                Content(_("What changed") + " · " + clean_title(self.release.title)),
                id="changes-title",
                markup=False,
            )
            yield Static(
                Content(summary_line(self.previous, self.changes, self.kept)),
                id="changes-summary",
                markup=False,
            )
            with VerticalScroll(id="changes-scroll"):
                yield Static(changes_text(self.changes), id="changes-body", markup=False)
            yield Static(
                Content(_("escape or v: close · j / k: scroll")), id="changes-keys", markup=False
            )

    def action_scroll(self, lines: int) -> None:
        self.query_one("#changes-scroll", VerticalScroll).scroll_relative(y=lines, animate=False)
