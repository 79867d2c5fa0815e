"""Kill a syncing newsroom-tui at random moments and check what the cache kept.

The parent (a test) serves a small newsroom from tests/sitekit.py on 127.0.0.1. Every round it
publishes a new *generation* of the site (each page and feed item carries the marker `GEN<g>`),
starts a child process that syncs it into the same database, waits for the child to say it is
ready, and SIGKILLs it after a delay drawn from a seeded RNG. Because every release changes in
every generation and sync writes releases in batches of exactly `BATCH_SIZE` (one transaction
each; `BATCH` here), the number of releases carrying the current generation's marker must always
be a multiple of the batch size or the whole site: anything else is a torn batch.

Run as `python crashharness.py DB PROFILE` it is the zygote: it reads "go" lines and forks one
child per line that opens the store, prints "ready <pid>" and syncs.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import select
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitekit import Site

RELEASES = 35
"""Releases on the site: three full batches and a short one."""
BATCH = 10
"""The children sync with this batch size (releases.BATCH_SIZE, 50, made smaller): more batch
boundaries for the kills to land between, in a site small enough to sync dozens of times quickly."""


def profile_toml(site: Site) -> str:
    return f"""id = "crash"
name = "Crash newsroom"
language = "fr"
base_url = "{site.base}/"
news_url = "{site.base}/news"

[fetch]
concurrency = 4
deadline = 10
retries = 0

[sources]
feeds = ["{site.base}/rss.xml"]
discover = false

[extract]
body = ["div.body"]
title = ["h1"]
"""


def _page(gen: int, number: int) -> str:
    words = " ".join(f"mot{(number * 7 + k) % 41}" for k in range(60))
    return (
        f'<html lang="fr"><head><meta charset="utf-8"><title>Communiqué {number}</title>'
        f'<meta property="article:published_time" content="2024-03-{1 + number % 28:02d}T10:{number % 60:02d}:00Z">'
        f'</head><body><h1>Communiqué {number} GEN{gen:04d}</h1><div class="body">'
        f"<p>Texte GEN{gen:04d} du communiqué {number}. {words}</p></div></body></html>"
    )


def publish(site: Site, gen: int, count: int = RELEASES) -> None:
    """Serve generation `gen` of the newsroom: a feed and `count` release pages."""
    items = "".join(
        f"<item><title>Communiqué {n} GEN{gen:04d}</title><link>{site.base}/news/{n}</link>"
        f"<guid isPermaLink='false'>release-{n}</guid>"
        f"<pubDate>Fri, {1 + n % 28:02d} Mar 2024 10:00:00 GMT</pubDate>"
        f"<category>Tag{n % 5}</category></item>"
        for n in range(count)
    )
    site.put(
        "/rss.xml",
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>C</title>'
        f"<link>{site.base}/news</link>{items}</channel></rss>",
        "application/rss+xml; charset=utf-8",
    )
    for n in range(count):
        site.put(f"/news/{n}", _page(gen, n))


@dataclass
class CacheState:
    """What a check of the database found."""

    integrity: str
    fts: bool
    total: int
    current: int
    read: set[str] = field(default_factory=set)
    starred: set[str] = field(default_factory=set)


def inspect(db: Path, gen: int) -> CacheState:
    """Open the database as a plain SQLite client (recovering the WAL) and look at it."""
    con = sqlite3.connect(db, timeout=10)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        try:
            con.execute("INSERT INTO release_fts(release_fts) VALUES ('integrity-check')")
            fts = True
        except sqlite3.DatabaseError:
            fts = False
        total = con.execute("SELECT count(*) FROM releases").fetchone()[0]
        current = con.execute(  # the title changes with the body, in the same upsert
            "SELECT count(*) FROM releases WHERE title LIKE ?", (f"%GEN{gen:04d}%",)
        ).fetchone()[0]
        read = {r[0] for r in con.execute("SELECT id FROM release_state WHERE read = 1")}
        starred = {r[0] for r in con.execute("SELECT id FROM release_state WHERE starred = 1")}
    finally:
        con.close()
    return CacheState(integrity, fts, int(total), int(current), read, starred)


class Zygote:
    """A process that has imported the engine once and forks one syncing child per round.

    Forking from a single-threaded process that has already paid for the imports makes a round
    cost the sync alone (a fresh interpreter takes ~0.7 s to import httpx, lxml and feedparser),
    so the default run can afford its dozen kills. The children are killed by pid; the zygote reaps
    them and reports `exit <pid> <status>`.
    """

    def __init__(
        self, db: Path, profile: Path, log: Path, *, env: dict[str, str] | None = None
    ) -> None:
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, __file__, str(db), str(profile)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            cwd=Path(__file__).parent,
            env=env,
        )
        self._buffer = b""
        self.transcript: list[str] = []

    def _line(self, deadline: float) -> str | None:
        """The next line the zygote or its child printed, or None at the deadline."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    raise AssertionError(f"the zygote died: {self.errors()}")
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        self.transcript.append(line.decode(errors="replace"))
        return self.transcript[-1]

    def _expect(self, word: str, timeout: float) -> list[str]:
        """The numbers after `word` in the next line that carries it (a child killed while
        writing can leave a partial line in front of it)."""
        deadline = time.monotonic() + timeout
        pattern = re.compile(rf"{word}((?: -?\d+)+)$")
        while True:
            line = self._line(deadline)
            if line is None:
                raise AssertionError(
                    f"no {word!r} within {timeout} s; read {self.transcript[-6:]}; {self.errors()}"
                )
            found = pattern.search(line)
            if found:
                return found.group(1).split()

    def errors(self) -> str:
        self._log.flush()
        return Path(self._log.name).read_text(errors="replace")[-2000:]

    def start(self, timeout: float = 60.0) -> int:
        """Fork one syncing child; its pid once it is ready."""
        assert self.process.stdin is not None
        self.process.stdin.write(b"go\n")
        self.process.stdin.flush()
        return int(self._expect("ready", timeout)[0])

    def kill(self, pid: int, timeout: float = 60.0) -> int:
        """SIGKILL a child started with `start`; its wait status."""
        os.kill(pid, signal.SIGKILL)
        return int(self._expect("exit", timeout)[1])

    def sync(self, kill_after: float | None = None, timeout: float = 60.0) -> tuple[bool, int]:
        """One child sync, SIGKILLed after `kill_after` s unless it ended first.

        Returns (killed, wait status).
        """
        pid = self.start(timeout)
        limit = time.monotonic() + (timeout if kill_after is None else kill_after)
        while True:
            line = self._line(limit)
            if line is None:
                break
            found = re.search(r"exit (\d+) (-?\d+)$", line)
            if found:
                return False, int(found.group(2))
        try:
            return True, self.kill(pid, timeout)
        except ProcessLookupError:  # it ended (and was reaped) between the deadline and the kill
            return False, int(self._expect("exit", timeout)[1])

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        assert self.process.stdout is not None
        self.process.stdout.close()
        self._log.close()

    def __enter__(self) -> Zygote:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def tagged_processes(tag: str) -> set[int]:
    """Pids of live processes whose environment carries NEWSROOM_CRASH_TAG=<tag>."""
    found: set[int] = set()
    needle = f"NEWSROOM_CRASH_TAG={tag}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.add(int(entry.name))
        except OSError:
            continue
    return found


def timed_sync(zygote: Zygote) -> float:
    """Seconds one uninterrupted child sync takes (for choosing kill delays)."""
    start = time.monotonic()
    killed, status = zygote.sync()
    assert not killed and status == 0, zygote.errors()
    return time.monotonic() - start


def draw_fractions(seed: int, count: int, largest: float) -> list[float]:
    """Kill moments as fractions of a sync's duration, from a seeded RNG (replayable)."""
    rng = random.Random(seed)
    return [rng.uniform(0.0, largest) for _ in range(count)]


def _say(message: str) -> None:
    """One line in one write (atomic on a pipe), so lines of the zygote and its children never
    interleave."""
    os.write(1, f"\n{message}\n".encode())


def _sync_once(db: str, profile: object) -> int:
    from newsroom_tui.ingest.sync import sync_profile
    from newsroom_tui.storage.store import Store

    store = Store.open(Path(db))
    if store.recovered_from is not None:
        print(f"recovered from {store.recovered_from}", file=sys.stderr, flush=True)
        return 3
    _say(f"ready {os.getpid()}")
    report = asyncio.run(sync_profile(profile, store, sections=False, backoff=0.01))  # type: ignore[arg-type]
    store.close()
    _say(f"done {report.new} {report.updated} {len(report.failed)}")
    return 0 if not report.failed else 1


def _zygote_main(db: str, profile_path: str) -> int:
    from newsroom_tui.ingest import releases
    from newsroom_tui.profiles import load_profile

    releases.BATCH_SIZE = BATCH
    profile = load_profile(profile_path)
    for line in sys.stdin:
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _sync_once(db, profile)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        _say(f"exit {pid} {status}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_zygote_main(sys.argv[1], sys.argv[2]))
