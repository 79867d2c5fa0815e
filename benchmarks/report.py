"""The report: targets and verdicts, every table of BENCHMARKS.md, how each figure is measured,
and the profiling notes."""

from __future__ import annotations

import os
import platform
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.common import ANALYSIS, REPORT, SCREEN, Stat
from benchmarks.database import BuiltDatabase
from benchmarks.ingest import IngestFigures, SyncFigures
from benchmarks.newsrooms import FIGURES as NEWSROOMS_FIGURES
from benchmarks.newsrooms import newsrooms_targets, report_newsrooms
from benchmarks.reader import ReaderFigures
from benchmarks.search import SearchFigures
from benchmarks.shapes import ShapeFigures, StartupFigures
from benchmarks.shapes import report as report_shapes
from benchmarks.shapes import target_rows as shape_targets
from benchmarks.terminal import TerminalFigures, report_terminal, terminal_targets

TARGETS = {
    "ingest_ratio": 1.0,
    "sync_rate": 300.0,
    "search_p95_ms": 30.0,
    "startup_ms": 500.0,
    "key_ms": 100.0,
    "keystroke_ms": 100.0,
    "open_ms": 100.0,
    "block_ms": 100.0,
    "rss_mb": 150.0,
}


# --- the report ------------------------------------------------------------------------------


@dataclass
class Results:
    started: datetime
    sizes: list[int]
    runs: int
    quick: bool
    machine: dict[str, str] = field(default_factory=dict)
    databases: dict[int, BuiltDatabase] = field(default_factory=dict)
    ingest: dict[int, IngestFigures] = field(default_factory=dict)
    syncs: dict[int, SyncFigures] = field(default_factory=dict)
    stages: dict[str, Any] = field(default_factory=dict)
    stages_n: int = 0
    search: dict[int, SearchFigures] = field(default_factory=dict)
    reader: dict[int, ReaderFigures] = field(default_factory=dict)
    shapes: dict[tuple[str, int], ShapeFigures] = field(default_factory=dict)
    """The real command line's headlines sync per (feed shape, N), against newsboat."""
    startup: StartupFigures | None = None
    terminal: TerminalFigures | None = None
    """The reader through the real console script in a pty (benchmarks/terminal.py)."""
    newsboat_version: str = ""
    profiles: dict[str, Any] = field(default_factory=dict)
    """pyinstrument hot spots: 'ingest' and 'reader' (see profiling_notes)."""
    profiles_n: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    elapsed: float = 0.0


def machine_info() -> dict[str, str]:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = next(
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        ram = f"{int(memory) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        ram = "unknown"
    import textual

    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return {
        "CPU count": str(os.cpu_count()),
        "CPU model": model,
        "Memory": ram,
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "Textual": textual.__version__,
        "OS": platform.platform(),
        "Load average at start": load,
    }


def _ms(value: float) -> str:
    return f"{value * 1000:,.1f} ms"


def _verdict(ok: bool | None) -> str:
    if ok is None:
        return "not measured"
    return "**met**" if ok else "**MISSED**"


def _largest(mapping: dict[int, Any], wanted: int) -> tuple[str, Any]:
    """The figures at `wanted`, else at the largest size measured (its label then ends in "only")."""
    if wanted in mapping:
        return f"{wanted:,}", mapping[wanted]
    if mapping:
        n = max(mapping)
        return f"{n:,} only", mapping[n]
    return f"{wanted:,}", None


def target_rows(results: Results) -> list[tuple[str, str, str, bool | None]]:
    """(target, measured, at what size, met?) for the summary table."""
    rows: list[tuple[str, str, str, bool | None]] = []
    n, ingest = _largest(results.ingest, 10_000)
    if ingest is not None and ingest.ratios.samples:
        rows.append(
            (
                "feed ingest newsroom-tui / newsboat <= 1.0 at 10k",
                f"{ingest.ratios.median:.2f}",
                n,
                ingest.ratios.median <= TARGETS["ingest_ratio"],
            )
        )
    else:
        rows.append(("feed ingest newsroom-tui / newsboat <= 1.0 at 10k", "n/a", "10,000", None))
    resync_ok: bool | None = None
    parts: list[str] = []
    for size, figures in sorted(results.ingest.items()):
        responses = figures.resync_responses
        ok = responses == {"feed_304": 1} and figures.resync_parses == 0
        resync_ok = ok if resync_ok is None else resync_ok and ok
        parts.append(f"feed only {size:,}: {responses}, feed parses {figures.resync_parses}")
    for size, sync_figures in sorted(results.syncs.items()):
        responses = sync_figures.resync_responses
        ok = responses == {"feed_304": 1} and sync_figures.resync_extracted == 0
        resync_ok = ok if resync_ok is None else resync_ok and ok
        parts.append(f"full sync {size:,}: {responses}, extracted {sync_figures.resync_extracted}")
    shown = "; ".join(parts) or "n/a"
    rows.append(("unchanged re-sync: one 304 per source, no parsing", shown, "all", resync_ok))
    if results.syncs:
        size = max(results.syncs)
        rate = results.syncs[size].rate
        rows.append(
            (
                "full sync >= 300 releases/s",
                f"{rate.median:,.0f} releases/s",
                f"{size:,}",
                rate.median >= TARGETS["sync_rate"],
            )
        )
    else:
        rows.append(("full sync >= 300 releases/s", "n/a", "", None))
    n, search = _largest(results.search, 100_000)
    if search is not None:
        worst_name, worst = max(
            ((name, c[1].percentile(0.95)) for name, c in search.classes.items()),
            key=lambda kv: kv[1],
        )
        rows.append(
            (
                "search p95 <= 30 ms for every query class at 100k",
                f"worst p95 {_ms(worst)} ({worst_name})",
                n,
                worst <= TARGETS["search_p95_ms"] / 1000,
            )
        )
    else:
        rows.append(("search p95 <= 30 ms for every query class at 100k", "n/a", "100,000", None))
    n, reader = _largest(results.reader, 100_000)
    if reader is None:
        for label in (
            "reader start-up to first paint <= 500 ms at 100k",
            "list key <= 100 ms at 100k",
            "search keystroke-to-results <= 100 ms at 100k",
            "open a typical release <= 100 ms",
            "300 KB release: no UI block > 100 ms",
            "reader peak RSS <= 150 MB at 100k",
        ):
            rows.append((label, "n/a", n, None))
        return rows
    session = reader.session
    rows.append(
        (
            "reader start-up to first paint <= 500 ms at 100k",
            _ms(reader.startup.median),
            n,
            reader.startup.median <= TARGETS["startup_ms"] / 1000,
        )
    )
    keys = Stat(session.get("key_j", []) + session.get("key_k", []))
    rows.append(
        (
            "list key <= 100 ms at 100k (every j/k press)",
            f"max {_ms(keys.high)}, p95 {_ms(keys.percentile(0.95))}",
            n,
            keys.high <= TARGETS["key_ms"] / 1000 if keys.samples else None,
        )
    )
    whole = Stat([r[0] for runs in session.get("search", {}).values() for r in runs])
    work = Stat([r[1] for runs in session.get("search", {}).values() for r in runs])
    rows.append(
        (
            "search keystroke-to-results <= 100 ms at 100k",
            f"max {_ms(whole.high)} from the key (debounce included); "
            f"max {_ms(work.high)} from the debounce's end",
            n,
            whole.high <= TARGETS["keystroke_ms"] / 1000 if whole.samples else None,
        )
    )
    typical = Stat(
        [r[0] for key in ("open_typical", "open_typical_unread") for r in session.get(key, [])]
    )
    rows.append(
        (
            "open a typical release <= 100 ms (first chunk painted)",
            f"median {_ms(typical.median)}, max {_ms(typical.high)}",
            n,
            typical.high <= TARGETS["open_ms"] / 1000 if typical.samples else None,
        )
    )
    large = Stat([r[2] for r in session.get("open_large", [])])
    rows.append(
        (
            "300 KB release: no UI block > 100 ms",
            f"longest block {_ms(large.high)}",
            n,
            large.high <= TARGETS["block_ms"] / 1000 if large.samples else None,
        )
    )
    rss = session.get("rss_after_scroll_mb")
    rows.append(
        (
            "reader peak RSS <= 150 MB at 100k (after scrolling to the end)",
            f"{rss:.0f} MB" if rss else "n/a",
            n,
            rss <= TARGETS["rss_mb"] if rss else None,
        )
    )
    return rows


def write_report(
    results: Results,
    path: Path = REPORT,
    profiling: Sequence[str] = (),
    analysis: Path = ANALYSIS,
    newsrooms: Path = NEWSROOMS_FIGURES,
) -> None:
    lines: list[str] = []
    add = lines.append
    add("# Benchmarks")
    add("")
    add(
        f"Written by `make bench` (`python -m benchmarks.run`) on "
        f"{results.started.strftime('%Y-%m-%d %H:%M UTC')}; the run took "
        f"{results.elapsed / 60:.1f} min. Sizes: {', '.join(f'{n:,}' for n in results.sizes)}"
        f"{' (quick run)' if results.quick else ''}. Figures are medians with (min–max, runs)."
    )
    add("")
    add("## Machine")
    add("")
    for key, value in results.machine.items():
        add(f"- {key}: {value}")
    add("")
    add("## Targets")
    add("")
    add("| Target | Measured | N | Verdict |")
    add("|---|---|---|---|")
    for target, measured, size, ok in [
        *target_rows(results),
        *shape_targets(results.shapes, results.startup),
        *terminal_targets(results.terminal),
        *newsrooms_targets(newsrooms),
    ]:
        verdict = _verdict(ok)
        if size.endswith(" only") and ok is not None:
            verdict = (
                f"not measured at the target size ({'met' if ok else 'missed'} at {size[:-5]})"
            )
        add(f"| {target} | {measured} | {size} | {verdict} |")
    add("")
    _report_ingest(results, add)
    report_shapes(results.shapes, results.startup, add)
    _report_sync(results, add)
    _report_search(results, add)
    report_newsrooms(add, newsrooms)
    _report_reader(results, add)
    report_terminal(
        results.terminal,
        results.reader.get(results.terminal.n) if results.terminal else None,
        add,
    )
    _report_memory(results, add)
    _report_size(results, add)
    if analysis.exists():
        add(analysis.read_text(encoding="utf-8").strip())
        add("")
    add("## Profiling notes")
    add("")
    for line in profiling or ["(none)"]:
        add(line)
    add("")
    add("## How it was measured")
    add("")
    add(HOW_MEASURED.strip())
    add("")
    if results.notes:
        add("## Notes from this run")
        add("")
        for note in results.notes:
            add(f"- {note}")
        add("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _report_ingest(results: Results, add: Callable[[str], None]) -> None:
    add("## 1. Feed ingest (one N-item RSS feed, no article pages)")
    add("")
    if not results.ingest:
        add("Not measured in this run.")
        add("")
        return
    add(f"newsboat: {results.newsboat_version or 'not available'}.")
    add("")
    add(
        "| N | newsroom-tui fresh (process) | of which the ingest | newsboat fresh (process) "
        "| ratio | newsroom-tui unchanged re-sync | newsboat unchanged | stored / newsboat items |"
    )
    add("|---|---|---|---|---|---|---|---|")
    for n, f in sorted(results.ingest.items()):
        add(
            f"| {n:,} | {f.fresh.show(1000, 0, ' ms')} | {f.fresh_inside.show(1000, 0, ' ms')} "
            f"| {f.newsboat.show(1000, 0, ' ms')} | {f.ratios.show(1, 2)} "
            f"| {f.resync.show(1000, 0, ' ms')} | {f.newsboat_resync.show(1000, 0, ' ms')} "
            f"| {f.stored:,} / {f.newsboat_items:,} |"
        )
    add("")
    for n, f in sorted(results.ingest.items()):
        add(
            f"- {n:,}: unchanged re-sync server responses {f.resync_responses}; feed parses "
            f"{f.resync_parses}, page extractions {f.resync_extractions}. Feed-only path: "
            f"`{f.mode}`. newsboat's unchanged re-sync: {f.newsboat_resync_responses or 'n/a'}."
        )
        for note in f.notes:
            add(f"- {n:,}: {note}")
    add("")


def _report_sync(results: Results, add: Callable[[str], None]) -> None:
    add("## 2. Full sync with article pages")
    add("")
    if not results.syncs:
        add("Not measured in this run.")
    else:
        add(
            "| N | releases/s | sync time (in process) | whole process | CPU per release "
            "| server CPU per release | stored | failures | unchanged re-sync responses |"
        )
        add("|---|---|---|---|---|---|---|---|---|")
        for n, f in sorted(results.syncs.items()):
            add(
                f"| {n:,} | {f.rate.show(1, 0)} | {f.seconds.show(1, 2, ' s')} "
                f"| {f.wall.show(1, 2, ' s')} | {f.cpu_ms.show(1, 2, ' ms')} "
                f"| {f.server_cpu_ms.show(1, 2, ' ms')} | {f.stored:,} | {f.failures} "
                f"| {f.resync_responses} (extracted {f.resync_extracted}) |"
            )
        add("")
        add(
            "CPU per release is the sync process's and its extraction workers' (user + system); "
            "the server's is the benchmark server's own process, which runs on the same 2 cores "
            "(2 cores give 6.7 ms of CPU per release at 300 releases/s, for both)."
        )
    add("")
    stages = results.stages
    if stages:
        n = results.stages_n
        pages = stages["pages"]
        add(f"### Where the time goes ({n:,} releases, each step alone, one after the other)")
        add("")
        add("| Step | Time | Per release | Releases/s if alone |")
        add("|---|---|---|---|")
        for label, key in (
            ("fetch the feed", "feed_fetch"),
            ("parse the feed", "feed_parse"),
            ("fetch the pages (httpx, 4 per host)", "page_fetch"),
            ("extract: parse, clean, Markdown, contacts (one thread)", "extract"),
            ("store (apply_batch, 50 per transaction)", "store"),
        ):
            seconds = stages[key]
            per = seconds / max(1, pages)
            add(
                f"| {label} | {seconds:.2f} s | {per * 1000:.2f} ms | {1 / per if per else 0:,.0f} |"
            )
        add("")
        add(
            f"Pages average {stages['page_kb']:.1f} KB; the server (another process, pages "
            f"rendered up front) spent {stages.get('server_render', 0.0):.2f} s of the page fetch "
            "producing them. Inside "
            "extraction (pyinstrument, sampled):"
        )
        add("")
        for name, share in stages["extract_shares"].items():
            add(f"- {name}: {share * 100:.0f} %")
        add("")


def _report_search(results: Results, add: Callable[[str], None]) -> None:
    add("## 3. Search latency (Store.search, parse_query included, 20 hits with snippets)")
    add("")
    if not results.search:
        add("Not measured in this run.")
        add("")
        return
    add("| N | class | query | matches | p50 | p95 | max | p95 by relevance |")
    add("|---|---|---|---|---|---|---|---|")
    for n, figures in sorted(results.search.items()):
        for name, (query, newest, relevance, total) in figures.classes.items():
            add(
                f"| {n:,} | {name} | `{query}` | {total:,} | {_ms(newest.percentile(0.5))} "
                f"| {_ms(newest.percentile(0.95))} | {_ms(newest.high)} "
                f"| {_ms(relevance.percentile(0.95))} |"
            )
    add("")


def _report_reader(results: Results, add: Callable[[str], None]) -> None:
    add(f"## 4. The reader ({SCREEN[0]}x{SCREEN[1]}, headless)")
    add("")
    if not results.reader:
        add("Not measured in this run.")
        add("")
        return
    add(
        "| N | start-up to first paint | whole process (exit at first paint) | app imported "
        "| j/k key p50 / p95 / max | page down max | g/G max |"
    )
    add("|---|---|---|---|---|---|---|")
    for n, f in sorted(results.reader.items()):
        s = f.session
        keys = Stat(s.get("key_j", []) + s.get("key_k", []))
        add(
            f"| {n:,} | {f.startup.show(1000, 0, ' ms')} | {f.startup_wall.show(1000, 0, ' ms')} "
            f"| {f.imported.show(1000, 0, ' ms')} | {_ms(keys.percentile(0.5))} / "
            f"{_ms(keys.percentile(0.95))} / {_ms(keys.high)} "
            f"| {_ms(Stat(s.get('key_pagedown', [])).high)} | {_ms(Stat(s.get('key_jump', [])).high)} |"
        )
    add("")
    add("Search as you type (last keystroke of the query → list repainted with the results):")
    add("")
    add("| N | typed | matches | from the key (median, max) | after the debounce (median, max) |")
    add("|---|---|---|---|---|")
    for n, f in sorted(results.reader.items()):
        for text, runs in f.session.get("search", {}).items():
            whole = Stat([r[0] for r in runs])
            work = Stat([r[1] for r in runs])
            count = int(runs[0][2]) if runs else 0
            add(
                f"| {n:,} | `{text}` | {count:,} | {_ms(whole.median)}, {_ms(whole.high)} "
                f"| {_ms(work.median)}, {_ms(work.high)} |"
            )
    add("")
    add(
        "Opening a release (enter → first chunk painted; → the article stops loading, i.e. the "
        "whole body, or its first page when the reader pages long articles; longest UI block):"
    )
    add("")
    add("| N | release | first chunk (median, max) | loaded | longest block |")
    add("|---|---|---|---|---|")
    for n, f in sorted(results.reader.items()):
        for label in ("typical", "typical_unread", "large"):
            runs = f.session.get(f"open_{label}", [])
            if not runs:
                continue
            first = Stat([r[0] for r in runs])
            whole = Stat([r[1] for r in runs])
            block = Stat([r[2] for r in runs])
            name = {
                "typical": "typical (~800 words), already read",
                "typical_unread": "typical, unread (opening marks it read)",
                "large": "300 KB, unread",
            }[label]
            add(
                f"| {n:,} | {name} | {_ms(first.median)}, {_ms(first.high)} "
                f"| {_ms(whole.median)} | {_ms(block.high)} |"
            )
    add("")


def _report_memory(results: Results, add: Callable[[str], None]) -> None:
    add("## 5. Peak memory (RSS)")
    add("")
    add("| N | reader after scrolling to the end | reader after the whole session | full sync |")
    add("|---|---|---|---|")
    for n in results.sizes:
        reader = results.reader.get(n)
        sync = results.syncs.get(n)
        scroll = reader.session.get("rss_after_scroll_mb") if reader else None
        end = reader.session.get("rss_end_mb") if reader else None
        add(
            f"| {n:,} | {f'{scroll:.0f} MB' if scroll else 'n/a'} "
            f"| {f'{end:.0f} MB' if end else 'n/a'} "
            f"| {sync.rss.show(1, 0, ' MB') if sync else 'n/a'} |"
        )
    add("")


def _report_size(results: Results, add: Callable[[str], None]) -> None:
    add("## 6. Database size")
    add("")
    add("| N | built by | size | per 1,000 releases | build time |")
    add("|---|---|---|---|---|")
    for n, db in sorted(results.databases.items()):
        add(
            f"| {n:,} | Store.apply_batch (generated releases) | {db.bytes / 1e6:,.1f} MB "
            f"| {db.bytes / 1e6 / (n / 1000):,.1f} MB | {db.seconds:.0f} s"
            f"{' (cached)' if db.cached else ''} |"
        )
    for n, f in sorted(results.syncs.items()):
        if f.db_bytes:
            add(
                f"| {n:,} | full sync over HTTP | {f.db_bytes / 1e6:,.1f} MB "
                f"| {f.db_bytes / 1e6 / (n / 1000):,.1f} MB | see §2 |"
            )
    if results.databases:
        n, db = max(results.databases.items())
        if db.tables:
            add("")
            shown = ", ".join(
                f"{name} {size / 1e6 / (n / 1000):,.1f} MB"
                for name, size in list(db.tables.items())[:6]
            )
            add(f"Where the bytes go, per 1,000 releases (dbstat, {n:,} database): {shown}.")
    add("")


HOW_MEASURED = """
- **Data.** `benchmarks/generate.py` makes N French press releases (~800 words each: dateline
  lead, `##`/`###` headings, paragraphs from a Zipf vocabulary of ~34,000 words, a bulleted list,
  a table, a "Pour plus d'informations, veuillez contacter … Tel : … Email : …@iom.int" block).
  `migrants` is in every release, `zooplancton` in one in 997, the phrase "gestion des frontières"
  in about a third; release 5 is ~300 KB of Markdown. Pages use IOM's markup
  (`div.narrow-content div.field--type-text-with-summary`) inside a site header, menu and footer.
- **Server.** `benchmarks/server.py` in its own process: threaded HTTP/1.1 keep-alive on
  127.0.0.1, strong ETags, 304s, response counts. The feed is built before the server announces
  its URL, and for the full sync every page is rendered too, so the server (which shares the 2
  cores) costs as little CPU as Python's http.server allows; its CPU time is reported.
- **Bytecode.** The sources are compiled once before anything is timed, as installing a package
  does (this machine sets PYTHONDONTWRITEBYTECODE, under which every child would compile them).
- **Feed ingest.** A child process ingests the N-item feed without article pages into an empty
  database; its whole-process wall time (interpreter start and imports included) is compared with
  `newsboat -x reload -u urls -c cache.db -C config` on an empty cache, run alternately with the
  same server. Then both run again unchanged; the server's counts show what newsroom-tui asked for,
  the child counts calls to the feed parser, and the sync reports how many pages it extracted.
- **Full sync.** `run_sync(profile, store, sections=False)` in a child process against the
  server; releases/s = N / the sync's own time. CPU per release is the user + system time of the
  sync process, of its reaped children and of the multiprocessing fork server with the extraction
  workers it forked and reaped (/proc/<pid>/stat), divided by N. A size whose 1k rate predicts
  more than FULL_SYNC_BUDGET seconds is skipped. "Where the time goes" runs the same steps one after the
  other in one process (fetch the feed, parse it, fetch every page with the Fetcher, extract every
  page in one thread, store in batches of 50), and samples extraction with pyinstrument, each
  sample credited to the outermost pipeline step on its stack.
- **Search.** `Store.search(parse_query(text), limit=20)` (newest first, the reader's order)
  repeated on a warm database filled directly through `Store.apply_batch` (30 % of the releases
  marked read); "p95 by relevance" is the same with `order="relevance"`.
- **Reader.** Child processes run `build_app(...)` under `App.run_test(size=(120, 40))`. Start-up
  is from just before the process is spawned (a `python -c` script importing only the reader) to
  the refresh after the release list first has rows (`call_after_refresh`); the process then
  exits at once. The profile is parsed at start-up as the CLI does. Keys are posted to the app as
  `events.Key` (what the terminal driver does; Pilot's own waits sleep in 20 ms steps) and timed
  until their effect is visible (the cursor moved, the list holds a new query) and the next
  refresh has run, polling with `asyncio.sleep(0)`. Search as you type: `/`, the query typed key by
  key, timed from the last key, and from the moment the debounced search started (SearchBar's
  `run_search`, wrapped). Opening a release: `enter` on the list → the article's Markdown widget
  finishes its first `update` and the next refresh has run; "loaded" waits for the chunked
  loading to end; the longest UI block is the largest gap seen by a 2 ms asyncio ticker in the
  app's loop.
- **Memory.** Peak RSS of the reader's process after `G` and paging, before any article is
  opened; again at the end of the session; and of the sync process. Read from `VmHWM` in
  /proc/self/status: `getrusage(RUSAGE_SELF).ru_maxrss` survives `execve` on Linux, so a child
  forked from the (large) benchmark process would report the parent's peak instead of its own.
- **Size.** The SQLite file after `PRAGMA wal_checkpoint(TRUNCATE)`.
"""


def _spots(spots: dict[str, list[list[Any]]], limit: int = 6) -> list[str]:
    lines = []
    for label, key in (("by own time", "self"), ("newsroom_tui code, inclusive", "ours")):
        entries = spots.get(key, [])[:limit]
        if entries:
            shown = "; ".join(
                f"`{name}` {sec * 1000:,.0f} ms ({share * 100:.0f} %)"
                for name, sec, share in entries
            )
            lines.append(f"  - {label}: {shown}")
    return lines


def profiling_notes(results: Results) -> list[str]:
    """What the breakdowns and pyinstrument found, for whoever fixes a missed target."""
    notes: list[str] = []
    ingest = results.profiles.get("ingest")
    if ingest:
        n = results.profiles_n["ingest"]
        notes.append(
            f"- **Feed ingest** ({n:,} items, one thread, each step timed): imports "
            f"{ingest['imports'] * 1000:,.0f} ms, fetch {ingest['fetch'] * 1000:,.0f} ms, parse "
            f"(`parse_feed_detailed`) {ingest['parse'] * 1000:,.0f} ms, summary releases "
            f"(`_Run.summary_release`) {ingest['summaries'] * 1000:,.0f} ms, store in batches of "
            f"{ingest.get('batch', 50)} {ingest['store'] * 1000:,.0f} ms; these times include "
            "the profiler's own overhead. pyinstrument:"
        )
        notes.extend(_spots(ingest.get("hot", {})))
    if results.stages:
        s = results.stages
        pages = max(1, s["pages"])
        notes.append(
            f"- **Full sync** ({results.stages_n:,} releases, each step alone): per release, "
            f"fetching {s['page_fetch'] / pages * 1000:.2f} ms (4 in flight), extraction "
            f"{s['extract'] / pages * 1000:.2f} ms, storing {s['store'] / pages * 1000:.2f} ms; "
            f"300 releases/s on 2 cores leaves ~6.7 ms of CPU per release for everything."
        )
        shares = ", ".join(f"{k} {v * 100:.0f} %" for k, v in s["extract_shares"].items())
        notes.append(f"  - inside extraction (pyinstrument): {shares}.")
    reader = results.profiles.get("reader")
    if reader:
        n = results.profiles_n["reader"]
        for key, label in (
            ("startup", "Reader start-up to first paint"),
            ("keys", "30 `j` presses in the release list"),
            ("open_typical", "Opening a typical unread release, 5 times"),
            ("open_large", "Opening the 300 KB release until its last chunk is shown"),
        ):
            spots = reader.get(key)
            if spots:
                total = spots["total"][0][1]
                notes.append(
                    f"- **{label}** ({n:,} releases, pyinstrument, {total * 1000:,.0f} ms sampled):"
                )
                notes.extend(_spots(spots))
    return notes
