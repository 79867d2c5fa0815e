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

from newsroom_tui.models import SyncReport
from newsroom_tui.sanitise import clean_line

Severity = Literal["information", "warning", "error"]


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def cache_phrase(cached: int) -> str:
    """How the cache stands, for a message about being offline."""
    if cached:
        return f"the {_plural(cached, 'cached release')} {'is' if cached == 1 else 'are'} shown"
    return "nothing is cached yet"


def offline_at_start(cached: int) -> str:
    """The start-up notification when the newsroom's host cannot be reached."""
    return f"Offline: the newsroom cannot be reached; {cache_phrase(cached)}."


def was_offline(report: SyncReport) -> bool:
    """True when every source failed, i.e. the newsroom could not be reached at all."""
    return bool(report.failed) and report.sources_ok == 0


def sync_notification(report: SyncReport, cached: int) -> tuple[str, Severity]:
    """The one notification for a finished sync, and its severity. `cached`: releases in the
    cache after it."""
    changes = f"{report.new:,} new, {report.updated:,} updated"
    if report.cancelled:
        return f"Sync stopped: {changes} kept.", "warning"
    if was_offline(report):
        unreachable = _plural(len(report.failed), "source")
        return (
            f"Offline: {unreachable} unreachable; {cache_phrase(cached)}. L: sync log",
            "warning",
        )
    if report.failed:
        failed = _plural(len(report.failed), "source")
        return f"Sync done: {changes}; {failed} failed. L: sync log", "warning"
    return f"Sync done: {changes}.", "information"


def status_summary(report: SyncReport) -> str:
    """The short form for the header line."""
    if report.cancelled:
        return "sync stopped"
    if was_offline(report):
        return "offline: nothing reached"
    summary = f"{report.new} new, {report.updated} updated"
    if report.failed:
        summary += f", {len(report.failed)} failed"
    return summary


@dataclass(frozen=True, slots=True)
class SyncRecord:
    """One sync of this session: when it ended, its report, and the cache size after it."""

    finished: datetime
    report: SyncReport
    cached: int


def _record_lines(record: SyncRecord) -> list[Content]:
    report = record.report
    message, _ = sync_notification(report, record.cached)
    lines = [
        Content.styled(f"Sync ended {record.finished:%Y-%m-%d %H:%M:%S}", "bold"),
        Content(message.removesuffix(" L: sync log")),
        Content(
            f"{report.new:,} new · {report.updated:,} updated · {report.unchanged:,} unchanged"
            f" · {_plural(report.sections, 'section page')} updated"
            f" · {_plural(report.sources_ok, 'source')} answered"
            f" · {_plural(len(report.failed), 'source')} failed"
        ),
    ]
    by_host: dict[str, list[tuple[str, str]]] = {}
    for failure in report.failed:
        host = urlsplit(failure.url).netloc or "(no host)"
        by_host.setdefault(host, []).append((failure.url, failure.reason))
    for host, failures in by_host.items():
        lines.append(Content(""))
        lines.append(
            Content.styled(clean_line(host, limit=120), "bold")
            + Content(f" — {_plural(len(failures), 'failure')}")
        )
        for url, reason in failures:
            lines.append(Content("  ✗ ") + Content(clean_line(url, limit=300)))
            lines.append(Content.styled("    " + clean_line(reason, limit=300), "dim"))
    return lines


class SyncLogScreen(ModalScreen[None]):
    """The syncs of this session, newest first, each with every failed source and why."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,ctrl+l", "close", "Close"),
        Binding("j,down", "scroll_log(1)", "Down", show=False),
        Binding("k,up", "scroll_log(-1)", "Up", show=False),
    ]

    def __init__(self, records: list[SyncRecord], last_sync: str) -> None:
        super().__init__()
        self.records = records
        self.last_sync = last_sync

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="sync-log"):
            yield Static("Sync log", markup=False, classes="sync-log-heading")
            if not self.records:
                yield Static(
                    f"No sync has run since the reader started ({self.last_sync}). "
                    "Press r to sync.",
                    markup=False,
                )
            for record in reversed(self.records):
                yield Static(Content("\n").join(_record_lines(record)), classes="sync-log-entry")
            yield Static("escape, q or ctrl+l closes the log", markup=False, id="sync-log-footer")

    def on_mount(self) -> None:
        self.query_one("#sync-log", VerticalScroll).focus()

    def action_scroll_log(self, lines: int) -> None:
        self.query_one("#sync-log", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
