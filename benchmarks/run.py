"""`python -m benchmarks.run` (`make bench`): every figure of issue 6, written to BENCHMARKS.md.

Measurements (see BENCHMARKS.md for the figures and how each is taken):
1. feed ingest (newsroom-tui feed only vs `newsboat -x reload`, alternated) and unchanged re-sync;
2. full sync with article pages, and where its time goes (fetch, parse, convert, contacts, store);
3. search latency per query class; 4. reader start-up, key presses, search keystrokes, opening a
typical and a 300 KB release; 4b. the same as a person sees it, through the real console script in
a pseudo-terminal (`terminal`); 5. peak RSS; 6. database size.
Search across several newsrooms (3b, `newsrooms`) runs only when `--only` names it; every report
shows its last recorded figures.

This module is the command line: it runs the measurements of `ingest`, `search` and `reader` over
the databases of `database`, and `report` writes them. Everything that imports Textual or is timed
as a whole process runs in a child process (`python -m benchmarks.run --child NAME --params JSON`,
dispatched by CHILDREN below), which prints one `RESULT {json}` line (`common`). The loopback
server runs in its own process too.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.common import (
    CACHE,
    DEFAULT_SIZES,
    FULL_SYNC_BUDGET,
    INGEST_SIZES,
    REPORT,
    ROOT,
    log,
    run_child,
)
from benchmarks.database import BuiltDatabase, build_database
from benchmarks.ingest import (
    child_feed_ingest,
    child_full_sync,
    child_profile_ingest,
    child_stages,
    measure_full_sync,
    measure_ingest,
    measure_stages,
    profile_ingest,
)
from benchmarks.reader import child_profile_reader, child_reader_session, measure_reader
from benchmarks.report import Results, machine_info, profiling_notes, write_report
from benchmarks.search import measure_search

CHILDREN: dict[str, Callable[[dict[str, Any]], None]] = {
    "feed_ingest": child_feed_ingest,
    "full_sync": child_full_sync,
    "stages": child_stages,
    "reader_session": child_reader_session,
    "profile_ingest": child_profile_ingest,
    "profile_reader": child_profile_reader,
}


# --- main ------------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted(
            {int(part.replace("_", "").replace(",", "")) for part in text.split(",") if part}
        )
    except ValueError:
        raise argparse.ArgumentTypeError(
            "sizes: comma-separated integers, e.g. 1000,10000"
        ) from None
    if not sizes or min(sizes) < 10:
        raise argparse.ArgumentTypeError("sizes: each at least 10")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description="Run the benchmarks and write BENCHMARKS.md."
    )
    parser.add_argument("--sizes", type=_sizes, help="e.g. 1000,10000 (default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true", help="one run each, fewer repetitions")
    parser.add_argument("--runs", type=int, help="runs per figure (default 3, quick 1)")
    parser.add_argument(
        "--out", type=Path, default=REPORT, help="report path (default BENCHMARKS.md)"
    )
    parser.add_argument("--no-newsboat", action="store_true", help="skip the newsboat comparison")
    parser.add_argument(
        "--only",
        default="ingest,shapes,sync,search,startup,reader,terminal",
        help="comma-separated subset of ingest,shapes,sync,search,startup,reader,terminal;"
        " newsrooms (search across three newsrooms of 100,000: ~5 min more the first time)"
        " only when named",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    return parser


def _newsboat(args: argparse.Namespace, results: Results) -> Any:
    """newsboat for the comparisons (installed when absent), or None: not wanted, or not to be
    had, which the report says once."""
    if args.no_newsboat:
        return None
    from benchmarks import newsboat as nb

    newsboat, why = nb.ensure_newsboat()
    if newsboat is None:
        note = f"newsboat comparison skipped: {why}"
        if note not in results.notes:
            results.notes.append(note)
        return None
    results.newsboat_version = newsboat.version
    return newsboat


def _run_ingest(
    args: argparse.Namespace, results: Results, sizes: list[int], runs: int, work: Path
) -> None:
    newsboat = _newsboat(args, results)
    for n in sizes:
        if n not in INGEST_SIZES and n > min(INGEST_SIZES):
            continue
        log(f"feed ingest at {n:,}")
        figures = attempt(
            results, f"feed ingest at {n:,}", partial(measure_ingest, n, runs, newsboat, work)
        )
        if figures is not None:
            results.ingest[n] = figures
    if results.ingest:
        n = max(results.ingest)
        profile = attempt(results, "profiling the ingest", lambda: profile_ingest(n, work))
        if profile is not None:
            results.profiles["ingest"] = profile
            results.profiles_n["ingest"] = n
    if 100_000 in sizes:
        results.notes.append(
            "Feed ingest is measured at 1k and 10k only: a single 100,000-item feed "
            "(~67 MB) is not a realistic source."
        )


def _run_shapes(
    args: argparse.Namespace, results: Results, sizes: list[int], runs: int, work: Path
) -> None:
    """The real command line's headlines sync of each feed shape, alternated with newsboat."""
    from benchmarks.generate import FEED_SHAPES
    from benchmarks.shapes import SHAPE_SIZES, measure_shape

    newsboat = _newsboat(args, results)
    wanted = [n for n in SHAPE_SIZES if n in sizes or n <= max(sizes)] or [min(sizes)]
    for n in wanted:
        for shape in FEED_SHAPES:
            log(f"feed shape {shape} at {n:,}")
            figures = attempt(
                results,
                f"{shape} feed at {n:,}",
                partial(measure_shape, shape, n, max(3, runs), newsboat, work),
            )
            if figures is not None:
                results.shapes[(shape, n)] = figures


def _database(results: Results, n: int) -> BuiltDatabase | None:
    """The benchmark database of N releases (built once per run, or taken from the cache), or
    None when it could not be built (recorded in the results)."""
    database = results.databases.get(n) or attempt(
        results, f"building the {n:,} database", partial(build_database, n)
    )
    if database is not None:
        results.databases[n] = database
    return database


def _run_startup(args: argparse.Namespace, results: Results, sizes: list[int], work: Path) -> None:
    from benchmarks.shapes import measure_startup

    n = max(sizes)
    database = _database(results, n)
    if database is None:
        return
    log(f"command start-up at {n:,}")
    figures = attempt(
        results,
        "command start-up",
        partial(measure_startup, n, database.data_dir, work / "startup", 5 if args.quick else 11),
    )
    if figures is not None:
        results.startup = figures


def _run_newsrooms(args: argparse.Namespace, results: Results) -> None:
    """Search across several newsrooms, recorded where every report reads it (newsrooms.json)."""
    from benchmarks.newsrooms import TARGET_N, record

    n = max(args.sizes) if args.sizes else TARGET_N
    log(f"search across newsrooms of {n:,}")
    attempt(results, "search across newsrooms", partial(record, n, 20 if args.quick else 60))


def _run_terminal(args: argparse.Namespace, results: Results, sizes: list[int], work: Path) -> None:
    """The reader through the real console script in a pty, at the largest size."""
    from benchmarks.terminal import measure_terminal

    n = max(sizes)
    database = _database(results, n)
    if database is None:
        return
    log(f"reader in a terminal at {n:,}")
    results.terminal = attempt(
        results,
        "the reader in a terminal",
        partial(measure_terminal, n, database, work, 3 if args.quick else 7),
    )


def _run_sync(results: Results, sizes: list[int], runs: int, work: Path) -> None:
    rate = 0.0
    for n in sizes:
        if results.syncs and not rate:
            break
        if rate and n / rate > FULL_SYNC_BUDGET:
            results.notes.append(
                f"Full sync at {n:,} skipped: at the measured {rate:,.0f} releases/s it "
                f"would take ~{n / rate:,.0f} s per run (budget {FULL_SYNC_BUDGET:.0f} s)."
            )
            continue
        log(f"full sync at {n:,}")
        sync_runs = runs if n <= 1_000 else max(1, min(runs, 2))
        figures = attempt(
            results, f"full sync at {n:,}", partial(measure_full_sync, n, sync_runs, work)
        )
        if figures is None:
            break
        results.syncs[n] = figures
        rate = figures.rate.median
        if not results.stages:
            log(f"sync stages at {n:,}")
            stages = attempt(results, "sync stages", partial(measure_stages, n, work))
            if stages is not None:
                results.stages = stages
                results.stages_n = n


def _run_local(
    args: argparse.Namespace, results: Results, sizes: list[int], runs: int, only: set[str]
) -> None:
    """Search and reader figures over databases filled directly (no HTTP)."""
    for n in sizes:
        database = _database(results, n)
        if database is None:
            continue
        if "search" in only:
            log(f"search at {n:,}")
            reps = 30 if args.quick else 100
            figures = attempt(
                results, f"search at {n:,}", partial(measure_search, n, database, reps)
            )
            if figures is not None:
                results.search[n] = figures
        if "reader" in only:
            log(f"reader at {n:,}")
            reader = attempt(
                results,
                f"reader at {n:,}",
                partial(measure_reader, n, database, max(2, runs + 2), args.quick),
            )
            if reader is not None:
                results.reader[n] = reader
                for error in reader.session.get("errors", []):
                    results.notes.append(f"reader at {n:,}: {error}")
    if "reader" in only and results.databases:
        n = max(results.databases)
        log(f"profiling the reader at {n:,}")
        data_dir = str(results.databases[n].data_dir)
        profile = attempt(
            results,
            "profiling the reader",
            lambda: run_child("profile_reader", {"data_dir": data_dir, "n": n})[0],
        )
        if profile is not None:
            results.profiles["reader"] = profile
            results.profiles_n["reader"] = n
    if 100_000 in results.databases:
        results.notes.append(
            "The 100k database is filled directly through Store.apply_batch with generated "
            "releases (no HTTP): a full sync at the measured rate would not fit the 15-minute "
            "budget. The 1k and 10k databases for search and the reader are built the same way."
        )


def attempt(results: Results, what: str, work: Callable[[], Any]) -> Any:
    """Run one measurement; a failure becomes a note in the report instead of ending the run."""
    from newsroom_tui.storage.store import StoreError

    try:
        return work()
    except (
        RuntimeError,
        OSError,
        subprocess.SubprocessError,
        ValueError,
        KeyError,
        TimeoutError,
        sqlite3.Error,
        StoreError,
    ) as exc:
        message = " ".join(str(exc).split())[:600] or type(exc).__name__
        results.notes.append(f"{what} failed: {message}")
        log(f"{what} failed: {message}")
        return None


def _compile_sources() -> None:
    """Write the bytecode of newsroom_tui and the benchmarks, as installing a package does.

    With PYTHONDONTWRITEBYTECODE set (or a fresh editable install) every child process would
    compile the sources again: ~40 ms of each start-up that an installed reader does not pay.
    """
    import compileall

    for package in (ROOT / "src" / "newsroom_tui", ROOT / "benchmarks"):
        compileall.compile_dir(package, quiet=1)


def run_all(args: argparse.Namespace) -> Results:
    sizes = args.sizes or ([1_000] if args.quick else list(DEFAULT_SIZES))
    runs = args.runs or (1 if args.quick else 3)
    only = {part.strip() for part in args.only.split(",")}
    results = Results(datetime.now(UTC), sizes, runs, args.quick, machine_info())
    started = time.perf_counter()
    CACHE.mkdir(parents=True, exist_ok=True)
    _compile_sources()
    with tempfile.TemporaryDirectory(prefix="bench-", dir=CACHE) as tmp:
        work = Path(tmp)
        if "ingest" in only:
            _run_ingest(args, results, sizes, runs, work)
        if "shapes" in only:
            _run_shapes(args, results, sizes, runs, work)
        if "sync" in only:
            _run_sync(results, sizes, runs, work)
        if "search" in only or "reader" in only:
            _run_local(args, results, sizes, runs, only)
        if "startup" in only:
            _run_startup(args, results, sizes, work)
        if "newsrooms" in only:
            _run_newsrooms(args, results)
        if "terminal" in only:
            _run_terminal(args, results, sizes, work)
    results.elapsed = time.perf_counter() - started
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.child:
        # The process settings of the CLI and the app (the sniffio entry among them).
        from newsroom_tui.process_settings import tune_process

        tune_process()
        CHILDREN[args.child](json.loads(args.params or "{}"))
        return 0
    results = run_all(args)
    write_report(results, args.out, profiling_notes(results))
    log(f"wrote {args.out} in {results.elapsed / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
