"""What a sync did, said once: the one notification that sums a sync up, and the sync log screen
(`ctrl+l`) listing the syncs of this session with each failed source and its reason.

Every sentence is checked against the cache: "cached releases shown" only when there are some.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Literal
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from newsroom_tui.i18n import N_, _, ngettext
from newsroom_tui.local_formats import format_number
from newsroom_tui.models import SyncReport
from newsroom_tui.sanitise import clean_line
from newsroom_tui.screens.interface_words import TranslatedBindings

Severity = Literal["information", "warning", "error"]
LOG_HINT = N_("ctrl+l: sync log")


def _count(template: str, count: int) -> str:
    """`template` (chosen by ngettext for `count`) with the count written out."""
    return template.format(count=format_number(count))


def cache_phrase(cached: int) -> str:
    """How the cache stands, for a message about being offline."""
    if cached:
        return _count(
            ngettext(
                "the {count} cached release is shown",
                "the {count} cached releases are shown",
                cached,
            ),
            cached,
        )
    return _("nothing is cached yet")


def offline_at_start(cached: int) -> str:
    """The start-up notification when the newsroom's host cannot be reached."""
    return _("Offline: the newsroom cannot be reached; {cache}.").format(cache=cache_phrase(cached))


def was_offline(report: SyncReport) -> bool:
    """True when every source failed, i.e. the newsroom could not be reached at all."""
    return bool(report.failed) and report.sources_ok == 0


def sync_notification(report: SyncReport, cached: int) -> tuple[str, Severity]:
    """The one notification for a finished sync, and its severity. `cached`: releases in the
    cache after it."""
    changes = _("{new} new, {updated} updated").format(
        new=format_number(report.new), updated=format_number(report.updated)
    )
    if report.cancelled:
        return _("Sync stopped: {changes} kept.").format(changes=changes), "warning"
    hint = _(LOG_HINT)
    if was_offline(report):
        unreachable = _count(
            ngettext(
                "{count} source unreachable", "{count} sources unreachable", len(report.failed)
            ),
            len(report.failed),
        )
        return (
            _("Offline: {unreachable}; {cache}.").format(
                unreachable=unreachable, cache=cache_phrase(cached)
            )
            + f" {hint}",
            "warning",
        )
    if report.failed:
        failed = _count(
            ngettext("{count} source failed", "{count} sources failed", len(report.failed)),
            len(report.failed),
        )
        done = _("Sync done: {changes}; {failed}.").format(changes=changes, failed=failed)
        return f"{done} {hint}", "warning"
    return _("Sync done: {changes}.").format(changes=changes), "information"


def status_summary(report: SyncReport) -> str:
    """The short form for the header line."""
    if report.cancelled:
        return _("sync stopped")
    if was_offline(report):
        return _("offline: nothing reached")
    numbers = {"new": format_number(report.new), "updated": format_number(report.updated)}
    if report.failed:
        return _("{new} new, {updated} updated, {failed} failed").format(
            failed=format_number(len(report.failed)), **numbers
        )
    return _("{new} new, {updated} updated").format(**numbers)


@dataclass(frozen=True, slots=True)
class SyncRecord:
    """One sync of this session: when it ended, its report, and the cache size after it."""

    finished: datetime
    report: SyncReport
    cached: int


def _record_lines(record: SyncRecord) -> list[Content]:
    report = record.report
    message = sync_notification(report, record.cached)[0]
    ended = _("Sync ended {time}").format(time=f"{record.finished:%Y-%m-%d %H:%M:%S}")
    counts = [
        _("{new} new · {updated} updated · {unchanged} unchanged").format(
            new=format_number(report.new),
            updated=format_number(report.updated),
            unchanged=format_number(report.unchanged),
        ),
        _count(
            ngettext(
                "{count} section page updated", "{count} section pages updated", report.sections
            ),
            report.sections,
        ),
        _count(
            ngettext("{count} source answered", "{count} sources answered", report.sources_ok),
            report.sources_ok,
        ),
        _count(
            ngettext("{count} source failed", "{count} sources failed", len(report.failed)),
            len(report.failed),
        ),
    ]
    lines = [
        Content.styled(ended, "bold"),
        Content(message.removesuffix(" " + _(LOG_HINT))),
        Content(" · ".join(counts)),
    ]
    by_host: dict[str, list[tuple[str, str]]] = {}
    for failure in report.failed:
        host = urlsplit(failure.url).netloc or _("(no host)")
        by_host.setdefault(host, []).append((failure.url, failure.reason))
    for host, failures in by_host.items():
        lines.append(Content(""))
        lines.append(
            Content.styled(clean_line(host, limit=120), "bold")
            + Content(
                " — "
                + _count(
                    ngettext("{count} failure", "{count} failures", len(failures)), len(failures)
                )
            )
        )
        for url, reason in failures:
            lines.append(Content("  ✗ ") + Content(clean_line(url, limit=300)))
            lines.append(Content.styled("    " + clean_line(reason, limit=300), "dim"))
    return lines


class SyncLogScreen(TranslatedBindings[None], ModalScreen[None]):
    """The syncs of this session, newest first, each with every failed source and why."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,ctrl+l", "close", N_("Close")),
        Binding("j,down", "scroll_log(1)", N_("Down"), show=False),
        Binding("k,up", "scroll_log(-1)", N_("Up"), show=False),
    ]

    def __init__(self, records: list[SyncRecord], last_sync: str) -> None:
        super().__init__()
        self.records = records
        self.last_sync = last_sync

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="sync-log"):
            yield Static(_("Sync log"), markup=False, classes="sync-log-heading")
            if not self.records:
                yield Static(
                    _(
                        "No sync has run since the reader started ({last_sync}). Press r to sync."
                    ).format(last_sync=self.last_sync),
                    markup=False,
                )
            for record in reversed(self.records):
                yield Static(Content("\n").join(_record_lines(record)), classes="sync-log-entry")
            yield Static(
                _("escape, q or ctrl+l closes the log"), markup=False, id="sync-log-footer"
            )

    def on_mount(self) -> None:
        self.query_one("#sync-log", VerticalScroll).focus()

    def action_scroll_log(self, lines: int) -> None:
        self.query_one("#sync-log", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
