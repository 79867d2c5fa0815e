"""Pilot tests for the reader's contacts directory read in a thread: `D` shows the directory at
once with a "reading" line, keys keep working while the contacts are read (the first read of a
directory never built builds it), and the newest filter typed meanwhile is what is shown."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from newsroom_tui.models import DirectoryContact
from newsroom_tui.screens.contacts_directory import ContactsDirectoryScreen
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.screens.reader_service import ReaderService
from uifixtures import notifications, record_notifications, sample_app, settle, shown_text

SIZE = (140, 40)


async def until(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    """Let the app run until `condition` holds (bounded: a test that waits forever fails)."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app never got there")


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[str]]:
    """Each read of the directory waits until the test opens the gate; the filters read."""
    opened = threading.Event()
    asked: list[str] = []
    read = ReaderService.contacts_directory

    def gated(self: ReaderService, filter_text: str = "") -> list[DirectoryContact]:
        asked.append(filter_text)
        assert threading.current_thread() is not threading.main_thread()
        if not opened.wait(timeout=60):
            raise AssertionError("the test never opened the gate")
        return read(self, filter_text)

    monkeypatch.setattr(ReaderService, "contacts_directory", gated)
    return opened, asked


def _names(screen: ContactsDirectoryScreen) -> list[str]:
    table = screen.query_one("#directory-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_d_reads_the_directory_in_a_thread_and_keys_work_meanwhile(
    tmp_path: Path, gate: tuple[threading.Event, list[str]]
) -> None:
    opened, asked = gate
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, ContactsDirectoryScreen))
        screen = app.screen
        assert isinstance(screen, ContactsDirectoryScreen)
        await until(pilot, lambda: asked == [""])
        status = screen.query_one("#directory-status", Static)
        assert screen.reading
        assert "Reading the contacts" in shown_text(status)
        await pilot.press(*"dupont")  # typed while the read goes on: the box takes it
        assert screen.query_one("#directory-filter", Input).value == "dupont"
        assert asked == [""]  # one read at a time
        opened.set()
        await settle(pilot)
        assert asked == ["", "dupont"]
        assert not screen.reading
        assert _names(screen) == ["Jeanne Dupont"]
        assert "matching" in shown_text(status)


async def test_closing_the_directory_during_its_read_leaves_the_reader_as_it_was(
    tmp_path: Path, gate: tuple[threading.Event, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    record_notifications(monkeypatch)
    opened, asked = gate
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await until(pilot, lambda: asked == [""])
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("j")  # the reader answers while the read goes on
        opened.set()
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.release_list.cursor == 1
        assert not [n for n in notifications(app) if "contacts" in n.lower()]
        assert app.is_running
