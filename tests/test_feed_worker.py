"""A big feed read by a forked child (`ingest.feed_worker`): the same items and summaries as the
syncing process makes itself, the same one-line error for a body that is not a feed, the work
done here again when the child dies, no fork from a threaded process, and a headlines sync that
stores the same rows with the child as without it.

The child is forked only from a process with one thread, so the worker is driven from a fresh
interpreter (`python -c`), which reports what it got as JSON."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from benchmarks.common import bench_profile, bench_profile_toml
from benchmarks.generate import Newsroom
from benchmarks.server import BenchServer

from newsroom_tui.extraction.summaries import summary_fields
from newsroom_tui.ingest import feed_worker, sync
from newsroom_tui.ingest.feeds import FeedError, parse_feed_detailed
from newsroom_tui.storage.store import Store

FEED_URL = "https://newsroom.example.org/fr/rss.xml"

DRIVER = """
import asyncio, json, os, signal, sys
from newsroom_tui.ingest.feed_worker import FeedWorker, WorkerFailed
from newsroom_tui.ingest.feeds import FeedError

async def main(path, url, mode):
    body = open(path, "rb").read()
    worker = await FeedWorker.start(body, url, convert=True)
    assert worker is not None, "a single-threaded process forks"
    if mode == "kill-before":
        os.kill(worker.pid, signal.SIGKILL)
    try:
        try:
            parsed = await worker.parsed()
        except FeedError as exc:
            return {"error": str(exc)}
        except WorkerFailed:
            return {"failed": True}
        if mode == "kill-after":
            os.kill(worker.pid, signal.SIGKILL)
        summaries = [await worker.summary(item) for item in parsed.items]
        items = [
            [i.url, i.guid, i.title, i.summary_html, i.published.isoformat() if i.published
             else None, i.tags, i.source] for i in parsed.items
        ]
        return {
            "feed": [parsed.title, parsed.dropped_links, parsed.refused, parsed.duplicates,
                     parsed.malformed],
            "items": items,
            "summaries": summaries,
        }
    finally:
        worker.close()

print(json.dumps(asyncio.run(main(*sys.argv[1:]))))
"""


def drive(tmp_path: Path, body: bytes, mode: str = "") -> dict[str, Any]:
    path = tmp_path / "feed.xml"
    path.write_bytes(body)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(path), FEED_URL, mode],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def here(body: bytes) -> dict[str, Any]:
    """What this process makes of the feed itself."""
    parsed = parse_feed_detailed(body, FEED_URL)
    return {
        "feed": [
            parsed.title,
            parsed.dropped_links,
            [list(pair) for pair in parsed.refused],
            parsed.duplicates,
            parsed.malformed,
        ],
        "items": [
            [
                i.url,
                i.guid,
                i.title,
                i.summary_html,
                i.published.isoformat() if i.published else None,
                i.tags,
                i.source,
            ]
            for i in parsed.items
        ],
        "summaries": [list(summary_fields(i.summary_html, i.url)) for i in parsed.items],
    }


ODD_ITEMS = """
<item><title>Deux paragraphes</title><link>https://newsroom.example.org/fr/a</link>
<description>&lt;p&gt;Un.&lt;/p&gt;&lt;p&gt;Deux &lt;a href="/fr/b"&gt;lien&lt;/a&gt;.&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;liste&lt;/li&gt;&lt;/ul&gt;</description></item>
<item><title>Lien refusé</title><link>javascript:alert(1)</link></item>
<item><title>Sans résumé</title><link>https://newsroom.example.org/fr/c</link></item>
<item><title>Doublon</title><link>https://newsroom.example.org/fr/c</link></item>
<item><title>Contrôles \u202e\u0007</title><link>https://newsroom.example.org/fr/d</link>
<description>Texte &amp;amp; &lt;b&gt;gras&lt;/b&gt; \u200f fin</description></item>
"""


def _odd_feed() -> bytes:
    document = Newsroom(20).feed_xml("https://newsroom.example.org", shape="html").decode()
    return document.replace("</channel>", ODD_ITEMS + "</channel>").encode()


@pytest.mark.parametrize("shape", ["plain", "html", "atom"])
def test_the_child_reads_the_benchmark_shapes_as_this_process_does(
    tmp_path: Path, shape: str
) -> None:
    body = Newsroom(120).feed_xml("https://newsroom.example.org", shape=shape)
    got = drive(tmp_path, body)
    assert len(got["items"]) == 120
    assert got == here(body)


def test_odd_items_come_back_as_this_process_reads_them(tmp_path: Path) -> None:
    """Summaries the shortcuts decline (the full converter runs in the child), refused and
    duplicate links, no summary, control characters."""
    body = _odd_feed()
    got = drive(tmp_path, body)
    expected = here(body)
    assert got == expected
    assert expected["feed"][1] == 1 and expected["feed"][3] == 1  # one refused, one duplicate
    assert any("- liste" in fields[1] for fields in expected["summaries"])


@pytest.mark.parametrize(
    "body", [b"<html><body>no feed</body></html>", b'{"items": []}', b"<rss", b"\x00\x01"]
)
def test_a_body_that_is_not_a_feed_gives_the_same_one_line_error(
    tmp_path: Path, body: bytes
) -> None:
    try:
        parse_feed_detailed(body, FEED_URL)
        expected: dict[str, Any] | None = None
    except FeedError as exc:
        expected = {"error": str(exc)}
    got = drive(tmp_path, body)
    assert got == expected if expected is not None else "feed" in got


def test_a_child_killed_before_answering_leaves_the_feed_to_this_process(tmp_path: Path) -> None:
    assert drive(tmp_path, Newsroom(30).feed_xml(FEED_URL), "kill-before") == {"failed": True}


def test_a_child_killed_while_converting_leaves_the_rest_to_this_process(tmp_path: Path) -> None:
    """Every summary is the child's (the same as here) or None (converted here); none is lost
    and nothing waits for the dead child."""
    body = Newsroom(400).feed_xml("https://newsroom.example.org", shape="html")
    got = drive(tmp_path, body, "kill-after")
    expected = here(body)
    assert got["items"] == expected["items"]
    for mine, theirs in zip(expected["summaries"], got["summaries"], strict=True):
        assert theirs is None or theirs == mine


def test_a_process_with_another_thread_never_forks() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not feed_worker.can_fork()
    finally:
        release.set()
        other.join()


def _rows(path: Path) -> dict[str, list[Any]]:
    con = sqlite3.connect(path)
    try:
        out: dict[str, list[Any]] = {}
        for table in ("releases", "release_content", "release_tags"):
            columns = [
                row[1]
                for row in con.execute(f"PRAGMA table_info({table})")
                if row[1] not in ("first_seen", "last_seen")
            ]
            rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        out["fts"] = sorted(
            con.execute("SELECT rowid, title, body, contacts FROM release_fts").fetchall()
        )
        return out
    finally:
        con.close()


def test_a_headlines_sync_stores_the_same_rows_with_the_child_as_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line (one thread: the child reads the feed, logged) against a sync in this
    process with the child turned off."""
    n = 400
    with BenchServer(n, shape="html") as server:
        profile = tmp_path / "bench.toml"
        profile.write_text(bench_profile_toml(server.base_url), encoding="utf-8")
        env = {
            **os.environ,
            "NEWSROOM_TUI_CONFIG_DIR": str(tmp_path / "config"),
            "NEWSROOM_TUI_LOG_DIR": str(tmp_path / "log"),
        }
        forked = tmp_path / "forked"
        done = subprocess.run(
            [
                *(sys.executable, "-m", "newsroom_tui", "sync", "--no-pages", "--no-sections"),
                *("--profile", str(profile), "--data-dir", str(forked)),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        log_text = "".join(p.read_text() for p in (tmp_path / "log").rglob("*.log*"))
        assert "read by a worker process" in log_text

        monkeypatch.setattr(feed_worker, "WORKER_MIN_BYTES", 10**12)
        store = Store.open(tmp_path / "here" / "newsroom.sqlite3")
        try:
            report = sync.run_sync(
                bench_profile(server.base_url), store, sections=False, pages=False
            )
        finally:
            store.close()
        assert report.new == n and not report.failed
    [database] = forked.rglob("newsroom.sqlite3")
    theirs, mine = _rows(database), _rows(tmp_path / "here" / "newsroom.sqlite3")
    assert len(mine["releases"]) == n
    assert theirs == mine
