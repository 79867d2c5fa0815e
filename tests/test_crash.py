"""SIGKILL a syncing child at random moments: the cache stays whole, batches are all-or-nothing,
read/starred flags are never lost, and a final sync completes. See tests/crashharness.py."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import pytest

from crashharness import (
    BATCH,
    RELEASES,
    Zygote,
    draw_fractions,
    inspect,
    profile_toml,
    publish,
    tagged_processes,
    timed_sync,
)
from depth import DEEP
from newsroom_tui.ingest.extraction_pool import POOL_MIN_PAGES
from newsroom_tui.storage.store import Store
from sitekit import Site

SEED = 20261128


def _crash_rounds(tmp_path: Path, kills: int) -> None:
    db = tmp_path / "crash.sqlite"
    profile = tmp_path / "crash.toml"
    with Site() as site:
        profile.write_text(profile_toml(site), encoding="utf-8")
        zygote = Zygote(db, profile, tmp_path / "children.log")
        publish(site, 0)
        duration = timed_sync(zygote)
        with Store.open(db) as store:
            ids = [row.id for row in store.iter_releases()]
            assert len(ids) == RELEASES
            read, starred = set(ids[::3]), set(ids[::5])
            store.set_read(read, True)
            for rid in starred:
                store.set_starred(rid, True)
        gen = 1
        publish(site, gen)
        duration = timed_sync(zygote)  # a warm sync that updates every release: the usual work
        # Kill delays are fractions of the latest whole sync's time, a little past it (some
        # children finish: that is fine, and their time updates the estimate, so a machine that
        # speeds up meanwhile still sees kills spread over the whole sync). A machine that slows
        # down finishes no child, so three kills in a row before any batch landed stretch the
        # estimate instead. The rounds go on until `kills` children were killed and at least
        # three kills landed between two batches, within a bound.
        fractions = draw_fractions(SEED, kills * 8, 1.1)
        killed = 0
        history: list[tuple[int, float, int]] = []
        early = 0  # kills in a row before the first batch of the sync landed

        def mid_batch() -> list[int]:
            return [current for _, _, current in history if 0 < current < RELEASES]

        while killed < kills or len(mid_batch()) < 3:
            assert fractions, (
                f"{killed} of {kills} children killed, {len(mid_batch())} between two batches,"
                f" in {len(history)} rounds: {history}"
            )
            gen += 1
            publish(site, gen)
            delay = fractions.pop() * duration
            start = time.monotonic()
            was_killed, _ = zygote.sync(kill_after=delay)
            if not was_killed:
                duration = time.monotonic() - start
            killed += was_killed
            state = inspect(db, gen)
            early = early + 1 if was_killed and state.current == 0 else 0
            if early == 3:
                duration *= 1.5
                early = 0
            history.append((gen, round(delay, 3), state.current))
            where = f"generation {gen}, kill after {delay:.3f} s (seed {SEED})"
            assert state.integrity == "ok", where
            assert state.fts, f"full-text index out of step with the releases: {where}"
            assert state.total == RELEASES, where
            assert state.current % BATCH == 0 or state.current == RELEASES, (
                f"torn batch: {state.current} releases of the current generation; {where}"
            )
            if not was_killed:
                assert state.current == RELEASES, where
            assert read <= state.read, f"read flags lost: {where}"
            assert starred <= state.starred, f"starred flags lost: {where}"
        gen += 1
        publish(site, gen)
        was_killed, status = zygote.sync()
        assert not was_killed and status == 0, zygote.errors()
        zygote.close()
        final = inspect(db, gen)
        assert (final.integrity, final.fts, final.current) == ("ok", True, RELEASES)
        assert read <= final.read and starred <= final.starred
    assert not list(tmp_path.glob("*.corrupt-*")), "a database was moved aside as corrupt"


KILLS = 30 if DEEP else 12
"""Children killed in the ordinary run: 12 (at least three of them between two batches, as
always), 30 in `make test-deep` (tests/depth.py), 300 with --soak."""


def test_sigkill_during_sync_repeatedly(tmp_path: Path) -> None:
    _crash_rounds(tmp_path, kills=KILLS)


@pytest.mark.soak
def test_sigkill_during_sync_soak(tmp_path: Path) -> None:
    _crash_rounds(tmp_path, kills=300)


def test_sigkill_during_a_sync_with_worker_processes_leaves_none_behind(tmp_path: Path) -> None:
    """Above POOL_MIN_PAGES pages sync extracts in spawned worker processes: killing the sync
    must not leave them running (they are found by a tag in their inherited environment)."""
    tag = uuid.uuid4().hex
    db = tmp_path / "crash.sqlite"
    profile = tmp_path / "crash.toml"
    with Site() as site:
        profile.write_text(profile_toml(site), encoding="utf-8")
        publish(site, 1, count=POOL_MIN_PAGES + 30)
        env = {**os.environ, "NEWSROOM_CRASH_TAG": tag}
        with Zygote(db, profile, tmp_path / "children.log", env=env) as zygote:
            pid = zygote.start()
            deadline = time.monotonic() + 60
            while not tagged_processes(tag) - {pid, zygote.process.pid}:
                assert time.monotonic() < deadline, "the sync never started worker processes"
                assert zygote.process.poll() is None, zygote.errors()
                time.sleep(0.05)  # polling /proc for the workers, bounded by the deadline
            zygote.kill(pid)
            deadline = time.monotonic() + 30
            while left := tagged_processes(tag) - {zygote.process.pid}:
                commands = [Path(f"/proc/{p}/cmdline").read_bytes()[:120] for p in left]
                assert time.monotonic() < deadline, f"worker processes left behind: {commands}"
                time.sleep(0.05)
        assert inspect(db, 1).integrity == "ok"
