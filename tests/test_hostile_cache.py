"""Cache faults seen from the user's side: the CLI and the reader on a damaged, busy, read-only,
full or too-new database. (tests/test_store.py covers Store itself; here the promise is one line
naming the path, no traceback, and reading going on.)"""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from crashharness import profile_toml, publish
from newsroom_tui import paths
from newsroom_tui.app import build_app
from newsroom_tui.cli import main
from newsroom_tui.query import Query
from newsroom_tui.storage.migrations import CURRENT_VERSION
from newsroom_tui.storage.store import Store, StoreReadOnly
from newsroom_tui.widgets.release_list import ReleaseList
from sitekit import Site
from uifixtures import notices, notifications, open_store, profile, sample_app, settle

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def run_cli_process(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsroom_tui", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Site, Path]]:
    with Site() as s:
        publish(s, 1, count=12)
        toml = tmp_path / "crash.toml"
        toml.write_text(profile_toml(s), encoding="utf-8")
        yield s, toml


def _db(data_dir: Path) -> Path:
    return paths.database_path(data_dir, "crash")


def _damage(db: Path) -> None:
    db.write_text("<!doctype html><html><body>502 Bad Gateway</body></html>\n")


# --- corrupt -------------------------------------------------------------------------------------


def test_cli_on_a_corrupt_database_says_where_it_went(
    tmp_path: Path, site: tuple[Site, Path]
) -> None:
    _, toml = site
    data = tmp_path / "data"
    assert run_cli("sync", "--profile", str(toml), "--data-dir", str(data))[0] == 0
    _damage(_db(data))
    code, out, err = run_cli("search", "--profile", str(toml), "--data-dir", str(data))
    assert code == 0
    moved = list(_db(data).parent.glob("*.corrupt-*"))
    assert len(moved) == 1
    lines = [line for line in err.splitlines() if "moved to" in line]
    assert len(lines) == 1 and str(moved[0]) in lines[0]
    assert "Traceback" not in err
    assert out.strip() == "no results"  # a fresh, empty database
    # and the next sync fills it again
    code, _, err = run_cli("sync", "--profile", str(toml), "--data-dir", str(data))
    assert code == 0 and "moved to" not in err


async def test_reader_on_a_corrupt_database_says_where_it_went(tmp_path: Path) -> None:
    data = tmp_path / "data"
    sample_app(data)  # fills the cache
    db = paths.database_path(data, profile().id)
    _damage(db)
    app = build_app(profile(), data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        moved = list(db.parent.glob("*.corrupt-*"))
        assert len(moved) == 1
        messages = notifications(app)
        assert any("moved to" in m and str(moved[0]) in m for m in messages), messages
        assert app.screen.query_one(ReleaseList).count == 0
        assert app.is_running


# --- two at once, busy ---------------------------------------------------------------------------


def test_two_cli_syncs_at_once_both_finish(tmp_path: Path, site: tuple[Site, Path]) -> None:
    _, toml = site
    data = tmp_path / "data"
    argv = [sys.executable, "-m", "newsroom_tui", "sync", "--profile", str(toml)]
    argv += ["--data-dir", str(data)]
    first = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    second = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    results = [p.communicate(timeout=60) for p in (first, second)]
    for process, (_out, err) in zip((first, second), results, strict=True):
        assert process.returncode == 0, err.decode()
        assert b"Traceback" not in err
    with Store.open(_db(data)) as store:
        assert store.count(Query()) == 12


def test_cli_says_busy_when_the_lock_outlasts_the_timeout(
    tmp_path: Path, site: tuple[Site, Path]
) -> None:
    _, toml = site
    data = tmp_path / "data"
    with Store.open(_db(data)):
        pass
    holder = sqlite3.connect(_db(data), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO meta(key, value) VALUES ('holder', 'x')")
    try:
        done = run_cli_process("sync", "--profile", str(toml), "--data-dir", str(data))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert "busy" in last and str(_db(data)) in last


# --- read-only, full, too new --------------------------------------------------------------------


def _immutable(*targets: Path) -> bool:
    """Root ignores file modes; the immutable attribute holds even for root."""
    if os.geteuid() != 0:
        for target in targets:
            target.chmod(0o555 if target.is_dir() else 0o444)
        return True
    done = subprocess.run(["chattr", "+i", *map(str, targets)], capture_output=True, check=False)
    return done.returncode == 0


def _mutable(*targets: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", *map(str, targets)], capture_output=True, check=False)
    for target in targets:
        target.chmod(0o755 if target.is_dir() else 0o644)


def test_cli_on_a_read_only_database_reads_and_refuses_sync_in_one_line(
    tmp_path: Path, site: tuple[Site, Path]
) -> None:
    _, toml = site
    data = tmp_path / "data"
    assert run_cli("sync", "--profile", str(toml), "--data-dir", str(data))[0] == 0
    db = _db(data)
    with Store.open(db) as store:  # checkpoint: the data must be in the main file
        store._con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    side = [p for p in (Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]
    if not _immutable(db, *side, db.parent):
        pytest.skip("cannot make a file read-only here (root without chattr)")
    try:
        code, out, err = run_cli(
            "search", "communique", "--profile", str(toml), "--data-dir", str(data)
        )
        assert code == 0 and "of 12 results" in out
        code, out, err = run_cli("sync", "--profile", str(toml), "--data-dir", str(data))
    finally:
        _mutable(db, *side, db.parent)
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("newsroom-tui:")]
    assert len(errors) == 1 and "Traceback" not in err
    assert str(db) in errors[0] and "read-only" in errors[0]


def test_full_disk_is_one_line_naming_the_path_and_reading_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "full.sqlite"
    with Store.open(db) as store:
        store.set_meta("x", "1")
        pages = store._con.execute("PRAGMA page_count").fetchone()[0]
        store._con.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full now
        with pytest.raises(StoreReadOnly) as info:
            store.set_meta("big", "x" * 200_000)
        message = str(info.value)
        assert str(db) in message and "full" in message and "\n" not in message
        assert store.get_meta("x") == "1"
        assert store.get_meta("big") is None


def test_cli_refuses_to_sync_into_a_newer_database(tmp_path: Path, site: tuple[Site, Path]) -> None:
    _, toml = site
    data = tmp_path / "data"
    assert run_cli("sync", "--profile", str(toml), "--data-dir", str(data))[0] == 0
    con = sqlite3.connect(_db(data))
    con.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    con.close()
    code, out, _ = run_cli("search", "--profile", str(toml), "--data-dir", str(data))
    assert code == 0 and "of 12 results" in out
    code, _, err = run_cli("sync", "--profile", str(toml), "--data-dir", str(data))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("newsroom-tui:")]
    assert len(errors) == 1 and "Traceback" not in err
    assert "newer newsroom-tui" in errors[0] and str(_db(data)) in errors[0]
    con = sqlite3.connect(_db(data))
    assert con.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION + 1
    con.close()


async def test_reader_on_a_read_only_cache_reads_and_says_why_a_star_failed(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    app = sample_app(data)
    db = paths.database_path(data, profile().id)
    with open_store(data) as store:
        store._con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    side = [p for p in (Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]
    if not _immutable(db, *side, db.parent):
        pytest.skip("cannot make a file read-only here (root without chattr)")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert app.screen.query_one(ReleaseList).count == 8
            await pilot.press("s")
            await settle(pilot)
            errors = [str(n.message) for n in notices(app) if n.severity == "error"]
            assert any(str(db) in m and "read-only" in m for m in errors), errors
            # reading goes on: a release opens although it cannot be marked read
            await pilot.press("enter")
            await settle(pilot)
            title = str(app.screen.query_one("#article-title", Static).render())
            assert title == "Sécurité des migrants en Méditerranée"
            assert app.is_running
    finally:
        _mutable(db, *side, db.parent)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 400 KB tmpfs mounted under tmp_path (root only): a disk that really fills up."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tiny filesystem needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


def test_cli_on_a_full_disk_says_so_in_one_line_and_reading_goes_on(
    tiny_disk: Path, tmp_path: Path
) -> None:
    data = tiny_disk / "data"
    with Site() as site:
        publish(site, 1, count=8)
        toml = tmp_path / "full.toml"
        toml.write_text(profile_toml(site), encoding="utf-8")
        code, _, err = run_cli("sync", "--profile", str(toml), "--data-dir", str(data))
        assert code == 0, err
        # fill what is left of the disk, then ask for more releases (each page ~8 KB of text)
        ballast = tiny_disk / "ballast"
        with contextlib.suppress(OSError), ballast.open("wb", buffering=0) as handle:
            while True:
                handle.write(b"\0" * 4096)
        publish(site, 2, count=60)
        code, _, err = run_cli("sync", "--profile", str(toml), "--data-dir", str(data))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("newsroom-tui:")]
    assert len(errors) == 1 and "Traceback" not in err, err
    assert str(_db(data)) in errors[0] and "full" in errors[0]
    code, out, _ = run_cli("search", "--profile", str(toml), "--data-dir", str(data))
    assert code == 0 and "of 8 results" in out
