"""Automatic sync: the reader syncs every newsroom on the settings' interval and shows the next
sync in the header; `sync --every` runs headless until SIGTERM or Ctrl-C, which stop it between
two batches (the cache stays whole). Real console script, real loopback servers."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from newsroom_tui import paths
from newsroom_tui.app import build_app
from newsroom_tui.profiles import load_profile
from newsroom_tui.query import Query
from newsroom_tui.settings import Settings
from newsroom_tui.storage.store import Store
from newsroom_tui.widgets.sync_status import SyncStatus
from newsroomsites import Newsroom
from sitekit import Site
from uifixtures import settle

SCRIPT = Path(sys.executable).parent / "newsroom-tui"


@pytest.fixture
def newsroom() -> Iterator[Newsroom]:
    settings = paths.config_dir() / "config.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("newsrooms = []\n", encoding="utf-8")
    with Site() as site:
        alpha = Newsroom(site, "alpha", "Alpha Agency")
        for n in range(3):
            alpha.add(f"Release number {n}")
        alpha.publish()
        yield alpha


class Running:
    """The console script running, its output read line by line in threads (so a wait for a
    line never blocks on the other stream)."""

    def __init__(self, data: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [str(SCRIPT), "sync", *args, "--profile", "alpha", "--data-dir", str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        self.lines: dict[str, queue.Queue[str]] = {"out": queue.Queue(), "err": queue.Queue()}
        self.seen: dict[str, list[str]] = {"out": [], "err": []}
        self.pumps: dict[str, threading.Thread] = {}
        for name, pipe in (("out", self.proc.stdout), ("err", self.proc.stderr)):
            pump = threading.Thread(target=self._pump, args=(name, pipe), daemon=True)
            pump.start()
            self.pumps[name] = pump

    def _pump(self, name: str, pipe: IO[str] | None) -> None:
        assert pipe is not None
        for line in pipe:
            self.lines[name].put(line)

    def line(self, stream: str, wanted: str, timeout: float = 60) -> str:
        """The next line of `stream` containing `wanted` (waited for, bounded)."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines[stream].get(timeout=left)
            except queue.Empty:
                break
            self.seen[stream].append(line)
            if wanted in line:
                return line
        raise AssertionError(f"no line with {wanted!r} in {self.seen[stream]}")

    def rest(self, stream: str) -> str:
        """Everything `stream` said (after the process ended and its pipe was read to the end)."""
        self.proc.wait(timeout=60)
        self.pumps[stream].join(timeout=60)
        assert not self.pumps[stream].is_alive(), f"the {stream} pipe never closed"
        while True:
            try:
                self.seen[stream].append(self.lines[stream].get_nowait())
            except queue.Empty:
                return "".join(self.seen[stream])


def test_sync_every_runs_until_sigterm_and_exits_cleanly(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    running = Running(tmp_path, "--all", "--every", "30m")
    try:
        line = running.line("out", "alpha: ")
        assert "alpha: 3 new, 0 updated" in line
        running.line("err", "next sync in 30m")
        running.proc.send_signal(signal.SIGTERM)
        err = running.rest("err")
    finally:
        running.proc.kill()
    assert running.proc.returncode == 0
    assert "stopped (SIGTERM); every batch stored is complete" in err
    assert "Traceback" not in err
    with Store.open(paths.database_path(tmp_path, "alpha"), check=True) as store:
        assert store.unread_count() == 3


def test_ctrl_c_during_a_sync_stops_it_between_batches(newsroom: Newsroom, tmp_path: Path) -> None:
    for n in range(3, 40):
        newsroom.add(f"Release number {n}")
    newsroom.publish()
    slow = f"/news/{newsroom.items[-1].slug}"
    newsroom.site.slow_drip(slow, interval=0.2, total=100_000)
    running = Running(tmp_path, "--every", "1h")
    try:
        for _ in range(3000):  # until the sync is fetching the slow page
            if newsroom.site.count(slow) or running.proc.poll() is not None:
                break
            time.sleep(0.01)
        assert newsroom.site.count(slow) == 1
        running.proc.send_signal(signal.SIGINT)
        err = running.rest("err")
        out = running.rest("out")
    finally:
        running.proc.kill()
    assert running.proc.returncode == 0, err
    assert "stopped (SIGINT)" in err and "Traceback" not in err
    assert "alpha: " in out
    with Store.open(paths.database_path(tmp_path, "alpha"), check=True) as store:
        stored = store.count(Query())
        assert stored < 40  # stopped before the end, with whole batches only
        for item in newsroom.items[:stored]:
            release = store.release_by_url(newsroom.site.url(f"/news/{item.slug}"))
            if release is not None:
                assert release.title == item.title and release.markdown


def test_every_refuses_a_bad_duration(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(SCRIPT), "sync", "--every", "5s", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "between 1m and 7d" in done.stderr


async def test_the_reader_syncs_on_the_interval_and_shows_the_next_sync(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    app = build_app(load_profile("alpha"), tmp_path, settings=Settings(sync_every=0.3))
    async with app.run_test(size=(130, 30)) as pilot:
        await settle(pilot)
        status = app.screen.query_one(SyncStatus)
        assert status.next_sync is not None
        assert "next " in str(status.query_one("#status-next").render())
        for _ in range(1000):  # the interval's sync: waited for, not slept on
            if newsroom.site.count("/rss.xml") >= 1 and not status.syncing:
                break
            await pilot.pause(0.02)
        await settle(pilot)
        assert app.screen.auto_syncs >= 1  # type: ignore[attr-defined]
        with Store.open(paths.database_path(tmp_path, "alpha")) as store:
            assert store.unread_count() == 3
        assert "last sync " in str(status.query_one("#status-sync").render())
