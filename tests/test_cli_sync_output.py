"""`newsroom-tui sync` through the real console script: the summary (or JSON) on stdout, progress
and failures on stderr, a bar per phase ending at its true count on a terminal, plain lines to a
pipe, and the exit codes 0 (every source answered), 1 (some failed) and 3 (nothing reachable)."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_tui.demo.server import DEMO_PORT_ENV
from sitekit import Site, closed_port_url

SCRIPT = Path(sys.executable).parent / "newsroom-tui"
SUMMARY = re.compile(r"\d+ new, \d+ updated, \d+ unchanged, \d+ failed; \d+ section pages")


def console(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def free_demo_port(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        monkeypatch.setenv(DEMO_PORT_ENV, str(probe.getsockname()[1]))


def write_profile(folder: Path, base: str, *, feeds: str = '["rss.xml"]') -> Path:
    path = folder / "site.toml"
    path.write_text(
        f'id = "site"\nname = "Site"\nlanguage = "fr"\nbase_url = "{base}"\n'
        f"[sources]\nfeeds = {feeds}\ndiscover = false\n",
        encoding="utf-8",
    )
    return path


def feed(base: str, paths: list[str]) -> str:
    items = "".join(
        f"<item><title>Communiqué {n}</title><link>{base.rstrip('/')}{p}</link>"
        f"<guid>g-{n}</guid><pubDate>Tue, 12 Mar 2024 10:00:00 GMT</pubDate></item>"
        for n, p in enumerate(paths)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )


def test_to_a_pipe_the_summary_is_stdout_and_progress_plain_lines_on_stderr(
    tmp_path: Path, free_demo_port: None
) -> None:
    done = console("sync", "--profile", "demo", data=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "44 new, 0 updated, 0 unchanged, 0 failed; 19 section pages\n"
    assert done.stderr.splitlines() == [
        "sources: 2 to do",
        "releases: 44 to do",
        "sections: 18 to do",
    ]
    again = console("sync", "--profile", "demo", "--json", data=tmp_path)
    assert again.returncode == 0
    assert json.loads(again.stdout) == {
        "new": 0,
        "updated": 0,
        "unchanged": 0,
        "sections": 0,
        "failed": [],
        "offline": False,
        "cancelled": False,
        "watches": [],
    }


def test_on_a_terminal_each_phase_bar_ends_at_its_count(
    tmp_path: Path, free_demo_port: None
) -> None:
    master, slave = os.openpty()
    process = subprocess.Popen(
        [str(SCRIPT), "sync", "--profile", "demo", "--data-dir", str(tmp_path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        close_fds=True,
    )
    os.close(slave)
    terminal = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        assert ready, "the sync wrote nothing for a minute"
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        terminal += chunk
    os.close(master)
    stdout, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert stdout.decode() == "44 new, 0 updated, 0 unchanged, 0 failed; 19 section pages\n"
    # What the terminal shows: each \r\x1b[K starts the line again; a newline keeps it.
    shown = []
    for line in terminal.decode().replace("\r\n", "\n").split("\n"):
        shown.append(line.split("\r\x1b[K")[-1])
    assert [s for s in shown if s] == [
        "sources   [##############################] 2/2",
        "releases  [##############################] 44/44",
        "sections  [##############################] 18/18",
    ]
    assert shown[-1] == ""  # the last bar ends its line
    assert "done" not in terminal.decode()


def test_a_failed_page_is_one_line_on_stderr_and_exit_1(tmp_path: Path) -> None:
    with Site() as site:
        site.put("/rss.xml", feed(site.base, ["/a", "/b", "/c"]), "application/rss+xml")
        site.put("/a", "<h1>A</h1><p>Texte A</p>")
        site.put("/c", "<h1>C</h1><p>Texte C</p>")  # /b is missing: 404
        profile = write_profile(tmp_path, site.base)
        missing = site.url("/b")
        done = console("sync", "--profile", str(profile), "--no-sections", data=tmp_path)
    assert done.returncode == 1
    assert SUMMARY.fullmatch(done.stdout.strip()) and done.stdout.startswith("3 new")
    failures = [line for line in done.stderr.splitlines() if "failed" in line]
    assert failures == [f"newsroom-tui: failed: {missing}: HTTP 404 Not Found"]
    assert "offline" not in done.stderr


def test_a_site_that_answers_only_errors_is_not_offline(tmp_path: Path) -> None:
    with Site() as site:
        site.error("/rss.xml", 500)
        profile = write_profile(tmp_path, site.base)
        feed_url = site.url("/rss.xml")
        done = console("sync", "--profile", str(profile), data=tmp_path)
    assert done.returncode == 1
    assert f"newsroom-tui: failed: {feed_url}: HTTP 500" in done.stderr
    assert "offline" not in done.stderr


def test_nothing_reachable_is_exit_3_offline(tmp_path: Path) -> None:
    base = closed_port_url("/")
    profile = write_profile(tmp_path, base, feeds='["rss.xml", "other.xml"]')
    done = console("sync", "--profile", str(profile), "--json", data=tmp_path)
    assert done.returncode == 3
    report = json.loads(done.stdout)
    assert report["offline"] is True and len(report["failed"]) == 2
    lines = done.stderr.splitlines()
    failed = [line for line in lines if line.startswith("newsroom-tui: failed: ")]
    assert [line.split(": ")[2] for line in failed] == [base + "rss.xml", base + "other.xml"]
    assert lines[-1] == (
        "newsroom-tui: offline: no source could be reached (no network, or the site is down)"
    )


def test_a_headlines_only_sync_does_not_need_the_page_selectors(tmp_path: Path) -> None:
    """`--no-pages --no-sections` runs no page selector, so an invalid one does not stop it (nor
    cost the compiling); any sync that reads pages still names it."""
    with Site() as site:
        site.put("/rss.xml", feed(site.base, ["/a", "/b"]), "application/rss+xml")
        site.put("/a", "<h1>A</h1><p>Texte A</p>")
        site.put("/b", "<h1>B</h1><p>Texte B</p>")
        profile = write_profile(tmp_path, site.base)
        profile.write_text(
            profile.read_text(encoding="utf-8") + '[extract]\nbody = ["div[["]\n', encoding="utf-8"
        )
        headlines = console(
            "sync", "--profile", str(profile), "--no-pages", "--no-sections", data=tmp_path
        )
        with_pages = console("sync", "--profile", str(profile), "--no-sections", data=tmp_path)
    assert headlines.returncode == 0, headlines.stderr
    assert headlines.stdout.startswith("2 new")
    assert with_pages.returncode == 2
    assert "extract.body[0]" in with_pages.stderr and "invalid CSS selector" in with_pages.stderr
