"""Search across several newsrooms: three databases of N releases each, read as one (MultiStore).

`python -m benchmarks.newsrooms [--n 100000] [--reps 60]` builds the three databases once (in
benchmarks/.cache/newsrooms-*, through Store.apply_batch) and measures what the reader does for a
search under "All newsrooms" (the count, the first window of the merged list and the passage of
the highlighted release) and what `search --all` does (20 hits with snippets, merged), per
query class. Target: p95 <= 30 ms at 100,000 releases per newsroom.

`--record` keeps the figures, with the machine and its load, in benchmarks/newsrooms.json, from
which every BENCHMARKS.md is written (report_newsrooms, newsrooms_targets): this run takes ~5
minutes more the first time (the databases), so `make bench` does it only when asked
(`--only newsrooms`), and a report written without it keeps the last recorded figures.

The releases are lighter than those of benchmarks/generate.py (a title and ~150 words drawn from
its vocabulary, a tag, a section), so three newsrooms of 100,000 build in minutes; the search
cost is the index's, whose size follows the number of releases and words.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import Stat
from benchmarks.database import _engine_key
from benchmarks.generate import COMMON_WORD, RARE_EVERY, RARE_WORD, vocabulary

CACHE = Path(__file__).parent / ".cache"
FIGURES = Path(__file__).parent / "newsrooms.json"
"""The last recorded run (`--record`): what BENCHMARKS.md shows."""
VERSION = 1
NEWSROOMS = ("iom-fr", "iom-en", "iom-es")
TARGET_MS = 30.0
TARGET_N = 100_000
"""Releases per newsroom the target is set at."""
NEWEST = datetime(2026, 6, 30, 9, 0, tzinfo=UTC)
SPAN = timedelta(days=3650)
TAGS = ("Afrique", "Asie", "Europe", "Amériques", "Climat", "Santé", "Retour", "Données")
SECTIONS = ("Communiqués de presse", "Articles", "Déclarations")

QUERIES: tuple[tuple[str, str], ...] = (
    ("rare word", RARE_WORD),
    ("very common word", COMMON_WORD),
    ("two words", "santé climat"),
    ("two-letter prefix", "mi*"),
    ("accent-folded word", "securite"),
    ("filters: tag + year + unread", "tag:Climat year:2024 is:unread"),
    ("word + tag + unread", "securite tag:Europe is:unread"),
    ("no search (the All list)", ""),
)


def _release(newsroom: str, index: int, n: int, rng: random.Random, words: list[str]) -> object:
    from newsroom_tui.models import Release

    when = NEWEST - SPAN * (index / n) - timedelta(seconds=rng.randrange(0, 3600))
    body_words = [words[min(len(words) - 1, int(rng.paretovariate(1.1)) - 1)] for _ in range(150)]
    if index % RARE_EVERY == 0:
        body_words.append(RARE_WORD)
    if index % 3 == 0:
        body_words.append(COMMON_WORD)
    text = " ".join(body_words)
    title = " ".join(rng.choice(words[:2000]) for _ in range(7)).capitalize()
    return Release(
        id=f"{newsroom[-2:]}{index:09d}",
        url=f"https://bench.example.org/{newsroom}/news/{index}",
        title=title,
        published=when,
        language=newsroom[-2:],
        section=SECTIONS[index % len(SECTIONS)],
        tags=[TAGS[index % len(TAGS)], TAGS[(index // 7) % len(TAGS)]],
        summary=title,
        markdown=f"# {title}\n\n{text}\n",
        text=text,
    )


def build(n: int, cache: Path = CACHE) -> dict[str, Path]:
    """The three databases (built once, kept in the cache)."""
    from newsroom_tui.storage.store import Store

    folder = cache / f"newsrooms-n{n}-v{VERSION}-e{_engine_key()}"
    done = folder / "built.json"
    paths = {name: folder / name / "newsroom.sqlite3" for name in NEWSROOMS}
    if done.exists():
        return paths
    for stale in cache.glob(f"newsrooms-n{n}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    common, _ = vocabulary()
    words = list(common)
    for number, (name, path) in enumerate(paths.items()):
        start = time.perf_counter()
        path.parent.mkdir(parents=True, exist_ok=True)
        rng = random.Random(1000 + number)
        with Store.open(path) as store:
            for first in range(0, n, 2000):
                batch = [
                    _release(name, i, n, rng, words) for i in range(first, min(n, first + 2000))
                ]
                store.apply_batch(batch)  # type: ignore[arg-type]
            unread = [f"{name[-2:]}{i:09d}" for i in range(n) if i % 4 == 0]
            store.set_read(unread, True)
        print(
            f"built {name}: {n:,} releases in {time.perf_counter() - start:.0f} s", file=sys.stderr
        )
    done.write_text(json.dumps({"n": n}))
    return paths


def measure(n: int, reps: int, cache: Path = CACHE) -> dict[str, dict[str, float]]:
    from newsroom_tui.newsrooms.multistore import MergedWindows, MultiStore
    from newsroom_tui.query import parse_query

    paths = build(n, cache)
    results: dict[str, dict[str, float]] = {}
    with MultiStore.open(paths, NEWSROOMS[0], check=False) as multi:
        for name, text in QUERIES:
            reader, cli = Stat(), Stat()
            total = 0

            def reader_search(text: str = text) -> int:
                query = parse_query(text)
                windows = MergedWindows(multi, query)
                count = windows.count()
                rows = windows.rows(0, 40)
                if rows and not query.is_empty_text:
                    multi.snippet(query, rows[0].id)
                return count

            for _ in range(3):
                total = reader_search()
                multi.search(parse_query(text), limit=20)
            for _ in range(reps):
                start = time.perf_counter()
                reader_search()
                reader.add(time.perf_counter() - start)
                start = time.perf_counter()
                multi.search(parse_query(text), limit=20)
                cli.add(time.perf_counter() - start)
            results[name] = {
                "query": text,  # type: ignore[dict-item]
                "total": total,
                "reader_p50_ms": reader.median * 1000,
                "reader_p95_ms": reader.percentile(0.95) * 1000,
                "cli_p50_ms": cli.median * 1000,
                "cli_p95_ms": cli.percentile(0.95) * 1000,
            }
    return results


def _load() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def record(n: int, reps: int, *, figures: Path = FIGURES, cache: Path = CACHE) -> dict[str, Any]:
    """Measure and keep the figures (with the machine and its load) where the report reads them."""
    from benchmarks.report import machine_info

    machine = machine_info()
    results = measure(n, reps, cache)
    kept = {
        "recorded": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "n": n,
        "reps": reps,
        "newsrooms": list(NEWSROOMS),
        "machine": machine,
        "load_after": _load(),
        "classes": results,
    }
    figures.write_text(json.dumps(kept, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return kept


def _kept(figures: Path) -> dict[str, Any] | None:
    try:
        kept = json.loads(figures.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return kept if isinstance(kept, dict) and kept.get("classes") else None


def _worst(kept: dict[str, Any]) -> tuple[float, str]:
    return max(
        (max(row["reader_p95_ms"], row["cli_p95_ms"]), name)
        for name, row in kept["classes"].items()
    )


def newsrooms_targets(figures: Path = FIGURES) -> list[tuple[str, str, str, bool | None]]:
    """The report's target row: (target, measured, at what size, met?)."""
    target = f"search across {len(NEWSROOMS)} newsrooms p95 <= 30 ms for every query class"
    kept = _kept(figures)
    if kept is None:
        return [(target, "n/a", f"{len(NEWSROOMS)} × {TARGET_N:,}", None)]
    worst, name = _worst(kept)
    size = f"{len(kept['newsrooms'])} × {kept['n']:,}"
    if kept["n"] != TARGET_N:
        size += " only"  # the report says: not measured at the target size
    return [(target, f"worst p95 {worst:.1f} ms, {name}", size, worst <= TARGET_MS)]


def report_newsrooms(add: Callable[[str], None], figures: Path = FIGURES) -> None:
    """The report's section, from the last recorded run."""
    add("## 3b. Search across several newsrooms (MultiStore, one database each)")
    add("")
    kept = _kept(figures)
    if kept is None:
        add(
            "Not recorded yet: `python -m benchmarks.newsrooms --record` "
            '(or `make bench BENCH_ARGS="--only newsrooms"`).'
        )
        add("")
        return
    machine = kept.get("machine", {})
    add(
        f"Recorded on {kept['recorded']} by `python -m benchmarks.newsrooms --record` (also "
        '`make bench BENCH_ARGS="--only newsrooms"`; other runs keep these figures): '
        f"{len(kept['newsrooms'])} newsrooms of {kept['n']:,} releases each, "
        f"{kept['reps']} runs per class; {machine.get('CPU count', '?')} CPUs, SQLite "
        f"{machine.get('SQLite', '?')}, load average {machine.get('Load average at start', '?')}"
        f' before and {kept.get("load_after", "?")} after. "Reader": a search under "All '
        "newsrooms\" (the count, the first 40 rows of the merged list, the highlighted release's "
        'passage); "search --all": 20 hits with snippets, merged; "matches": the count, which '
        "stops at 10,000 per newsroom for a text search. Target: p95 <= 30 ms."
    )
    add("")
    add(
        "| class | query | matches | reader p50 | reader p95 | search --all p50 | search --all p95 |"
    )
    add("|---|---|---|---|---|---|---|")
    for name, row in kept["classes"].items():
        query = f"`{row['query']}`" if row["query"] else "(none)"
        add(
            f"| {name} | {query} | {int(row['total']):,} | {row['reader_p50_ms']:.1f} ms "
            f"| {row['reader_p95_ms']:.1f} ms | {row['cli_p50_ms']:.1f} ms "
            f"| {row['cli_p95_ms']:.1f} ms |"
        )
    add("")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.newsrooms")
    parser.add_argument("--n", type=int, default=TARGET_N, help="releases per newsroom")
    parser.add_argument("--reps", type=int, default=60)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--record", action="store_true", help=f"keep the figures in {FIGURES.name} for the report"
    )
    args = parser.parse_args(argv)
    results = record(args.n, args.reps)["classes"] if args.record else measure(args.n, args.reps)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"Search across {len(NEWSROOMS)} newsrooms of {args.n:,} releases each ({args.reps} runs)"
    )
    print(f"{'query':<32} {'total':>7}  reader p50 / p95   search --all p50 / p95")
    worst = 0.0
    for name, row in results.items():
        worst = max(worst, row["reader_p95_ms"], row["cli_p95_ms"])
        print(
            f"{name:<32} {int(row['total']):>7}  {row['reader_p50_ms']:6.1f} / {row['reader_p95_ms']:5.1f} ms"
            f"   {row['cli_p50_ms']:6.1f} / {row['cli_p95_ms']:5.1f} ms"
        )
    verdict = "met" if worst <= TARGET_MS else "missed"
    print(f"worst p95 {worst:.1f} ms; target p95 <= {TARGET_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
