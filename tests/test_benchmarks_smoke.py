"""A tiny run of the benchmark code (N=50) so it never rots: results are asserted, never timings."""

from __future__ import annotations

import io
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from benchmarks import run
from benchmarks.common import bench_profile, database_path, db_bytes
from benchmarks.database import BuiltDatabase
from benchmarks.generate import COMMON_WORD, LARGE_INDEX, RARE_WORD, Newsroom
from benchmarks.ingest import IngestFigures, SyncFigures
from benchmarks.report import Results, profiling_notes, write_report
from benchmarks.search import SEARCH_CLASSES, measure_search
from benchmarks.server import serve_in_thread

from newsroom_tui.ingest.feeds import parse_feed_detailed
from newsroom_tui.ingest.sync import run_sync
from newsroom_tui.query import Query, parse_query
from newsroom_tui.storage.store import Store

N = 50


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), response.headers.get("ETag", "")
    except urllib.error.HTTPError as exc:
        return exc.code, b"", exc.headers.get("ETag", "")


def test_generator_is_deterministic_and_realistic() -> None:
    a, b = Newsroom(N), Newsroom(N)
    assert a.page_html(7) == b.page_html(7)
    release = a.release(7)
    words = release.text.split()
    assert 700 <= len(words) <= 1300
    assert COMMON_WORD in release.text
    assert any(ch in release.text for ch in "éèàç")
    assert (
        "## " in release.markdown and "| --- |" in release.markdown and "\n- " in release.markdown
    )
    assert "Pour plus d'informations, veuillez contacter" in release.markdown
    assert release.contacts and release.contacts[0].emails[0].endswith("@iom.int")
    assert len(a.release(LARGE_INDEX).markdown.encode()) > 250_000
    assert sum(RARE_WORD in Newsroom(2000).release(i).text for i in (11, 12, 1008)) == 2


def test_feed_parses_from_bytes() -> None:
    data = Newsroom(N).feed_xml("http://127.0.0.1:1")
    parsed = feedparser.parse(io.BytesIO(data))
    assert not parsed.bozo
    assert len(parsed.entries) == N
    assert parsed.entries[0].link.startswith("http://127.0.0.1:1/fr/news/")
    assert "OIM" in parsed.entries[0].title
    engine = parse_feed_detailed(data, "http://127.0.0.1:1/fr/rss.xml")
    assert len(engine.items) == N
    assert engine.items[0].guid == "oim-bench-000000"


def test_server_sync_resync_and_search(tmp_path: Path) -> None:
    newsroom = Newsroom(N)
    with serve_in_thread(newsroom) as server:
        status, body, etag = _get(server.feed_url)
        assert status == 200 and body.startswith(b"<?xml") and etag
        assert _get(server.feed_url, {"If-None-Match": etag})[0] == 304
        page_url = server.base_url + newsroom.meta(3).path
        status, page, _ = _get(page_url)
        assert status == 200 and b'class="field--type-text-with-summary"' in page
        assert _get(server.base_url + "/fr/news/nope-999")[0] == 404
        assert server.stats() == {"feed_200": 1, "feed_304": 1, "page_200": 1, "other_404": 1}
        server.reset()

        profile = bench_profile(server.base_url)
        store = Store.open(tmp_path / "data" / "bench.sqlite")
        report = run_sync(profile, store, sections=False)
        assert report.new == N and not report.failed
        assert store.count(Query()) == N
        assert server.stats() == {"feed_200": 1, "page_200": N}
        release = store.get_release("oim-bench-000003")
        assert release is not None and COMMON_WORD in release.text
        assert release.contacts and release.contacts[0].emails

        server.reset()
        again = run_sync(profile, store, sections=False)
        assert again.new == 0 and again.extracted == 0
        assert server.stats() == {"feed_304": 1}
        store.close()


def test_search_classes_run_on_a_small_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = database_path(data_dir)
    store = Store.open(path)
    newsroom = Newsroom(N)
    store.apply_batch([newsroom.release(i) for i in range(N)])
    store.close()
    database = BuiltDatabase(data_dir, path, 0.0, False, db_bytes(path))
    figures = measure_search(N, database, reps=2)
    assert set(figures.classes) == {name for name, _ in SEARCH_CLASSES}
    for _query, newest, relevance, _total in figures.classes.values():
        assert len(newest.samples) == 2 and relevance.samples
    assert figures.classes["very common word"][3] == N
    for _name, template in SEARCH_CLASSES:
        parse_query(template.format(section="section:x", year=2021))


def test_report_has_every_section(tmp_path: Path) -> None:
    results = Results(datetime.now(UTC), [N], 1, True, {"CPU count": "2"})
    ingest = IngestFigures(N)
    for stat in (ingest.fresh, ingest.fresh_inside, ingest.resync, ingest.newsboat, ingest.ratios):
        stat.add(0.5)
    ingest.resync_responses = {"feed_304": 1}
    ingest.resync_parses = 0
    results.ingest[N] = ingest
    sync = SyncFigures(N, resync_responses={"feed_304": 1}, resync_extracted=0)
    sync.seconds.add(0.1)
    sync.wall.add(0.5)
    sync.rss.add(80.0)
    sync.cpu_ms.add(5.25)
    sync.server_cpu_ms.add(1.5)
    results.syncs[N] = sync
    results.stages = {
        "pages": N,
        "page_kb": 11.0,
        "feed_fetch": 0.01,
        "feed_parse": 0.01,
        "page_fetch": 0.1,
        "extract": 0.5,
        "store": 0.1,
        "extract_shares": {"convert to Markdown (markdownify)": 1.0},
    }
    results.stages_n = N
    results.databases[N] = BuiltDatabase(tmp_path, tmp_path / "x", 1.0, False, 1_500_000)
    out = tmp_path / "BENCHMARKS.md"
    write_report(results, out, profiling_notes(results))
    text = out.read_text(encoding="utf-8")
    for heading in (
        "# Benchmarks",
        "## Machine",
        "## Targets",
        "## 1. Feed ingest",
        "## 2. Full sync with article pages",
        "### Where the time goes",
        "## 3. Search latency",
        "## 4. The reader",
        "## 5. Peak memory (RSS)",
        "## 6. Database size",
        "## Profiling notes",
        "## How it was measured",
    ):
        assert heading in text, heading
    assert "| unchanged re-sync: one 304 per source, no parsing |" in text
    assert "| 5.25 ms | 1.50 ms |" in text  # CPU per release: the sync's, then the server's


def test_report_keeps_the_hand_written_analysis(tmp_path: Path) -> None:
    results = Results(datetime.now(UTC), [N], 1, True, {"CPU count": "2"})
    analysis = tmp_path / "analysis.md"
    analysis.write_text("## What was found\n\n- the index writes were interleaved\n")
    out = tmp_path / "BENCHMARKS.md"
    write_report(results, out, analysis=analysis)
    text = out.read_text(encoding="utf-8")
    assert "## What was found\n\n- the index writes were interleaved" in text
    assert text.index("## 6. Database size") < text.index("## What was found")
    write_report(results, out, analysis=tmp_path / "absent.md")
    assert "What was found" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["1000,10000", "1_000", "100000"])
def test_sizes_option(text: str) -> None:
    assert run.build_parser().parse_args(["--sizes", text]).sizes


def test_the_reader_in_a_terminal_shows_each_release_whole(tmp_path: Path) -> None:
    """Through the real console script in a pty: rows on the first frame, each opened release's
    title and first paragraph in one frame (never a new title over the previous body), G."""
    from benchmarks.terminal import measure_terminal, report_terminal, terminal_targets

    data_dir = tmp_path / "data"
    path = database_path(data_dir)
    store = Store.open(path)
    newsroom = Newsroom(N)
    store.apply_batch([newsroom.release(i) for i in range(N)])
    store.close()
    database = BuiltDatabase(data_dir, path, 0.0, False, db_bytes(path))
    figures = measure_terminal(N, database, tmp_path / "work", reps=1)
    assert figures.errors == []
    assert len(figures.first_frame_cold.samples) == len(figures.first_frame_warm.samples) == 1
    assert figures.opens == 4 and len(figures.open_release.samples) == 4
    # none before the article's hold limit ran out (a machine too busy to parse the body within
    # it gets the header first, by design; the benchmark's target counts every torn frame)
    assert figures.open_torn == figures.open_torn_late, figures.open_torn
    assert len(figures.key_end.samples) == 3
    lines: list[str] = []
    report_terminal(figures, None, lines.append)
    assert any("torn" in line or "old body" in line for line in lines)
    assert len(terminal_targets(figures)) == 3


def test_newsrooms_benchmark_records_what_the_report_shows(tmp_path: Path) -> None:
    from benchmarks.newsrooms import NEWSROOMS, QUERIES, newsrooms_targets, record

    figures = tmp_path / "newsrooms.json"
    kept = record(N, 2, figures=figures, cache=tmp_path / "cache")
    assert list(kept["classes"]) == [name for name, _ in QUERIES]
    assert kept["classes"]["no search (the All list)"]["total"] == len(NEWSROOMS) * N
    assert all(row["reader_p95_ms"] > 0 for row in kept["classes"].values())
    ((_, measured, size, ok),) = newsrooms_targets(figures)
    assert size == f"3 × {N} only" and measured.startswith("worst p95") and ok is not None
    results = Results(datetime.now(UTC), [N], 1, True, {"CPU count": "2"})
    out = tmp_path / "BENCHMARKS.md"
    write_report(results, out, newsrooms=figures)
    text = out.read_text(encoding="utf-8")
    section = text[text.index("## 3b. Search across several newsrooms") :]
    assert "| word + tag + unread | `securite tag:Europe is:unread` |" in section
    assert "not measured at the target size" in text.split("## 1.")[0]
    write_report(results, out, newsrooms=tmp_path / "absent.json")
    text = out.read_text(encoding="utf-8")
    assert "Not recorded yet" in text and "| search across 3 newsrooms" in text


def test_command_start_up_runs_every_command(tmp_path: Path) -> None:
    """Each timed command finds the benchmark newsroom and exits 0 (a failing one would be
    timed as a failure, not as a start-up)."""
    from benchmarks.shapes import measure_startup, startup_commands

    data_dir = tmp_path / "data"
    store = Store.open(database_path(data_dir))
    newsroom = Newsroom(N)
    store.apply_batch([newsroom.release(i) for i in range(N)])
    store.close()
    figures = measure_startup(N, data_dir, tmp_path / "config", reps=1)
    assert figures.errors == []
    assert set(figures.commands) == set(startup_commands(data_dir))
    assert len(figures.bare.samples) == 1
    assert len(figures.directory_rebuilt.samples) == 1  # the directory grouped again, saved
