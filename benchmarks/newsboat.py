"""newsboat as the reference for feed ingest: install it if absent, run `newsboat -x reload`.

Each run gets its own urls file, config and cache in a temporary directory (`-u urls -c cache.db
-C config`), so a "fresh" run starts from an empty cache and an "unchanged" run reuses it. The
figure is the whole process's wall time, as for newsroom-tui's ingest.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

INSTALL_TIMEOUT = 600.0
RUN_TIMEOUT = 600.0


@dataclass(frozen=True, slots=True)
class Newsboat:
    path: str
    version: str


def _version(path: str) -> str:
    try:
        done = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown version"
    first = (done.stdout or done.stderr).strip().splitlines()
    return first[0] if first else "unknown version"


def _apt(*args: str) -> bool:
    apt = shutil.which("apt-get")
    if apt is None:
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        done = subprocess.run(
            [apt, *args],
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            env=env,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def ensure_newsboat() -> tuple[Newsboat | None, str]:
    """newsboat, installed from the Debian package when absent; else None and the reason."""
    path = shutil.which("newsboat")
    if path is None:
        if shutil.which("apt-get") is None:
            return None, "newsboat is not installed and apt-get is not available"
        if not _apt("install", "-y", "newsboat"):
            _apt("update")
            _apt("install", "-y", "newsboat")
        path = shutil.which("newsboat")
        if path is None:
            return None, "newsboat is not installed and `apt-get install -y newsboat` failed"
    return Newsboat(path, _version(path)), ""


@dataclass(frozen=True, slots=True)
class NewsboatRun:
    seconds: float
    """Whole-process wall time."""
    items: int
    """Items in newsboat's cache after the run."""
    returncode: int


def prepare(work: Path, feed_url: str) -> None:
    """A fresh urls file, an empty config and no cache in `work`."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    (work / "urls").write_text(feed_url + "\n", encoding="utf-8")
    (work / "config").write_text("", encoding="utf-8")


def reload(newsboat: Newsboat, work: Path) -> NewsboatRun:
    """`newsboat -x reload` over `work`'s urls, config and cache; wall time of the process."""
    env = {
        **os.environ,
        "HOME": str(work),
        "XDG_CONFIG_HOME": str(work),
        "XDG_DATA_HOME": str(work),
    }
    command = [
        newsboat.path,
        "-x",
        "reload",
        "-u",
        str(work / "urls"),
        "-c",
        str(work / "cache.db"),
        "-C",
        str(work / "config"),
    ]
    start = time.perf_counter()
    done = subprocess.run(
        command,
        capture_output=True,
        env=env,
        timeout=RUN_TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    seconds = time.perf_counter() - start
    return NewsboatRun(seconds, count_items(work / "cache.db"), done.returncode)


def count_items(cache: Path) -> int:
    if not cache.exists():
        return 0
    con = sqlite3.connect(f"{cache.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM rss_item").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        con.close()
