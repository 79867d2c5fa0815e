"""What changed between two versions of a release: words added and removed in its title and
text, contacts added, removed or changed, and the same as a unified diff.

Texts are compared paragraph by paragraph first (lines of the Markdown), then word by word
inside the paragraphs that changed, which keeps the comparison fast on long releases and the
result readable: a corrected figure shows as one word out and one word in.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from newsroom_tui.i18n import _
from newsroom_tui.models import Contact

Kind = Literal["same", "added", "removed"]

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
MAX_WORD_DIFF_TOKENS = 20_000
"""Paragraph pairs longer than this (in tokens) are shown as removed and added whole."""


@dataclass(frozen=True, slots=True)
class Segment:
    kind: Kind
    text: str


@dataclass(slots=True)
class ChangedBlock:
    """A run of paragraphs that changed, as segments; `unchanged_before` paragraphs precede it
    unchanged since the previous block."""

    segments: list[Segment]
    unchanged_before: int = 0


@dataclass(slots=True)
class ContactChange:
    kind: Literal["added", "removed", "changed"]
    old: Contact | None
    new: Contact | None
    details: list[str] = field(default_factory=list)
    """For a changed contact, one line per detail ("phone: +41 … → +41 …")."""


@dataclass(slots=True)
class Changes:
    """The changes from an earlier version to a later one."""

    title: list[Segment]
    """The title word by word (all "same" when it did not change)."""
    blocks: list[ChangedBlock]
    unchanged_after: int
    """Paragraphs after the last changed block, unchanged."""
    contacts: list[ContactChange]

    @property
    def title_changed(self) -> bool:
        return any(segment.kind != "same" for segment in self.title)

    @property
    def empty(self) -> bool:
        return not (self.title_changed or self.blocks or self.contacts)

    def counts(self) -> tuple[int, int]:
        """Words added and removed, over the title and the text."""
        added = removed = 0
        for segment in [*self.title, *(s for b in self.blocks for s in b.segments)]:
            words = len(re.findall(r"\w+", segment.text))
            if segment.kind == "added":
                added += words
            elif segment.kind == "removed":
                removed += words
        return added, removed


def _merge(segments: Iterator[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if merged and merged[-1].kind == segment.kind:
            merged[-1] = Segment(segment.kind, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged


def word_diff(old: str, new: str) -> list[Segment]:
    """`old` turned into `new` as segments of kept, removed and added text (whitespace between
    two changed words goes with them, so a changed phrase reads as one removal and one
    addition)."""
    if old == new:
        return [Segment("same", new)] if new else []
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    if len(a) + len(b) > MAX_WORD_DIFF_TOKENS:
        return _merge(iter([Segment("removed", old), Segment("added", new)]))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    opcodes = matcher.get_opcodes()

    def segments() -> Iterator[Segment]:
        for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
            if tag == "equal":
                between = 0 < index < len(opcodes) - 1 and i2 - i1 == 1 and not a[i1].strip()
                if between:  # one space between two changes: part of both
                    yield Segment("removed", a[i1])
                    yield Segment("added", b[j1])
                else:
                    yield Segment("same", "".join(b[j1:j2]))
                continue
            yield Segment("removed", "".join(a[i1:i2]))
            yield Segment("added", "".join(b[j1:j2]))

    return _regroup(_merge(segments()))


def _regroup(segments: list[Segment]) -> list[Segment]:
    """Removed then added within each run of changes (never interleaved)."""
    out: list[Segment] = []
    run: list[Segment] = []
    for segment in [*segments, Segment("same", "")]:
        if segment.kind == "same":
            removed = "".join(s.text for s in run if s.kind == "removed")
            added = "".join(s.text for s in run if s.kind == "added")
            out.extend(s for s in (Segment("removed", removed), Segment("added", added)) if s.text)
            run = []
            if segment.text:
                out.append(segment)
        else:
            run.append(segment)
    return out


def _paragraphs(markdown: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", markdown.strip()) if p.strip()] if markdown else []


def text_changes(old: str, new: str) -> tuple[list[ChangedBlock], int]:
    """The paragraphs that changed from `old` to `new` (Markdown), word by word, and how many
    unchanged paragraphs follow the last change."""
    a, b = _paragraphs(old), _paragraphs(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks: list[ChangedBlock] = []
    unchanged = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            unchanged += i2 - i1
            continue
        segments: list[Segment] = []
        if tag == "replace" and i2 - i1 == j2 - j1:
            for old_para, new_para in zip(a[i1:i2], b[j1:j2], strict=True):
                if segments:
                    segments.append(Segment("same", "\n\n"))
                segments.extend(word_diff(old_para, new_para))
        else:
            removed = "\n\n".join(a[i1:i2])
            added = "\n\n".join(b[j1:j2])
            if removed:
                segments.append(Segment("removed", removed))
            if removed and added:
                segments.append(Segment("same", "\n\n"))
            if added:
                segments.append(Segment("added", added))
        blocks.append(ChangedBlock(segments, unchanged))
        unchanged = 0
    return blocks, unchanged


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _person(contact: Contact) -> str:
    return _fold(contact.name) or ",".join(sorted(_fold(e) for e in contact.emails))


def _contact_details(old: Contact, new: Contact) -> list[str]:
    details: list[str] = []
    for label, before, after in (
        (_("name"), [old.name], [new.name]),
        (_("office"), [old.organization], [new.organization]),
        (_("phone"), old.phones, new.phones),
        (_("email"), old.emails, new.emails),
    ):
        if [_fold(x) for x in before] != [_fold(x) for x in after]:
            shown_before = ", ".join(x for x in before if x) or _("none")
            shown_after = ", ".join(x for x in after if x) or _("none")
            details.append(
                _("{label}: {before} → {after}").format(
                    label=label, before=shown_before, after=shown_after
                )
            )
    return details


def contact_changes(old: Sequence[Contact], new: Sequence[Contact]) -> list[ContactChange]:
    """Contacts added, removed and changed: the same person is the same name (case and spacing
    aside), or failing that a shared email address."""
    remaining = list(old)
    changes: list[ContactChange] = []
    matched: list[tuple[Contact, Contact]] = []
    unmatched_new: list[Contact] = []
    for contact in new:
        partner = next((c for c in remaining if _person(c) == _person(contact)), None)
        if partner is None:
            emails = {_fold(e) for e in contact.emails}
            partner = next((c for c in remaining if emails & {_fold(e) for e in c.emails}), None)
        if partner is None:
            unmatched_new.append(contact)
            continue
        remaining.remove(partner)
        matched.append((partner, contact))
    for before, after in matched:
        details = _contact_details(before, after)
        if details:
            changes.append(ContactChange("changed", before, after, details))
    changes.extend(ContactChange("added", None, c) for c in unmatched_new)
    changes.extend(ContactChange("removed", c, None) for c in remaining)
    return changes


def changes(
    old_title: str,
    old_markdown: str,
    old_contacts: Sequence[Contact],
    new_title: str,
    new_markdown: str,
    new_contacts: Sequence[Contact],
) -> Changes:
    """Everything that changed from the earlier version to the later one."""
    blocks, after = text_changes(old_markdown, new_markdown)
    return Changes(
        title=word_diff(old_title, new_title),
        blocks=blocks,
        unchanged_after=after,
        contacts=contact_changes(old_contacts, new_contacts),
    )


def contact_line(contact: Contact) -> str:
    parts = [contact.name, contact.organization, *contact.phones, *contact.emails]
    return " · ".join(part for part in parts if part)


def _document(title: str, markdown: str, contacts: Sequence[Contact]) -> list[str]:
    lines = [f"# {title}", "", *markdown.strip().split("\n")]
    if contacts:
        lines += ["", "## Contacts", ""]
        lines += [f"- {contact_line(c)}" for c in contacts]
    return lines


def unified_diff(
    old_title: str,
    old_markdown: str,
    old_contacts: Sequence[Contact],
    new_title: str,
    new_markdown: str,
    new_contacts: Sequence[Contact],
    *,
    old_label: str = "previous",
    new_label: str = "current",
) -> list[str]:
    """The change as a unified diff of the release as `show` prints it (lines, no newlines)."""
    return list(
        difflib.unified_diff(
            _document(old_title, old_markdown, old_contacts),
            _document(new_title, new_markdown, new_contacts),
            fromfile=old_label,
            tofile=new_label,
            lineterm="",
        )
    )
