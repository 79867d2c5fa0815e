"""Kill a syncing newsroom-tui at random moments and check what the cache kept.

The parent (a test) serves a small newsroom from tests/sitekit.py on 127.0.0.1. Every round it
publishes a new *generation* of the site (each page and feed item carries the marker `GEN<g>`),
starts a child process that syncs it into the same database, waits for the child to say it is
ready, and SIGKILLs it after a delay drawn from a seeded RNG. Because every release changes in
every generation and sync writes releases in batches of exactly `BATCH_SIZE` (one transaction
each), the number of releases carrying the current generation's marker must always be a multiple
of `BATCH_SIZE` or the whole site: anything else is a torn batch.

Run as `python crashharness.py DB PROFILE` it is the child: open the store, print "ready", sync.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitekit import Site

RELEASES = 110
"""Releases on the site: two full batches and a short one."""


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
        current = con.execute(
            "SELECT count(*) FROM releases WHERE markdown LIKE ?", (f"%GEN{gen:04d}%",)
        ).fetchone()[0]
        read = {r[0] for r in con.execute("SELECT id FROM release_state WHERE read = 1")}
        starred = {r[0] for r in con.execute("SELECT id FROM release_state WHERE starred = 1")}
    finally:
        con.close()
    return CacheState(integrity, fts, int(total), int(current), read, starred)


@dataclass
class Child:
    """One syncing child process."""

    process: subprocess.Popen[bytes]

    @classmethod
    def start(cls, db: Path, profile: Path, *, timeout: float = 30.0) -> Child:
        process = subprocess.Popen(
            [sys.executable, __file__, str(db), str(profile)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=Path(__file__).parent,
        )
        assert process.stdout is not None
        line = process.stdout.readline()  # the child prints "ready" once the store is open
        if line.strip() != b"ready":
            process.kill()
            _, err = process.communicate(timeout=timeout)
            raise AssertionError(f"child did not start: {line!r} {err.decode(errors='replace')}")
        return cls(process)

    def kill_after(self, delay: float) -> bool:
        """SIGKILL after `delay` seconds unless it finished first; True when it was killed."""
        try:
            self.process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            return True
        self.process.communicate()
        return False

    def finish(self, timeout: float = 60.0) -> tuple[int, str]:
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, (out + err).decode(errors="replace")


def timed_sync(db: Path, profile: Path) -> float:
    """Seconds one uninterrupted child sync takes after it is ready (for choosing kill delays)."""
    child = Child.start(db, profile)
    start = time.monotonic()
    code, output = child.finish()
    assert code == 0, output
    return time.monotonic() - start


def draw_delays(seed: int, count: int, longest: float) -> list[float]:
    rng = random.Random(seed)
    return [rng.uniform(0.0, longest) for _ in range(count)]


def _child_main(db: str, profile_path: str) -> int:
    from newsroom_tui.profiles import load_profile
    from newsroom_tui.store import Store
    from newsroom_tui.sync import sync_profile

    profile = load_profile(profile_path)
    store = Store.open(Path(db))
    if store.recovered_from is not None:
        print(f"recovered from {store.recovered_from}", file=sys.stderr, flush=True)
        return 3
    print("ready", flush=True)
    report = asyncio.run(sync_profile(profile, store, sections=False, backoff=0.01))
    store.close()
    print(f"done {report.new} {report.updated} {len(report.failed)}", flush=True)
    return 0 if not report.failed else 1


if __name__ == "__main__":
    raise SystemExit(_child_main(sys.argv[1], sys.argv[2]))
