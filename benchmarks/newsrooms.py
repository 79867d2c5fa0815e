"""Search across several newsrooms: three databases of N releases each, read as one (MultiStore).

`python -m benchmarks.newsrooms [--n 100000] [--reps 60]` builds the three databases once (in
benchmarks/.cache/newsrooms-*, through Store.apply_batch) and measures what the reader does for a
search under "All newsrooms" (the count, the first window of the merged list and the passage of
the highlighted release) and what `search --all` does (20 hits with snippets, merged), per
query class. Target: p95 <= 30 ms at 100,000 releases per newsroom.

The releases are lighter than those of benchmarks/generate.py (a title and ~150 words drawn from
its vocabulary, a tag, a section), so three newsrooms of 100,000 build in minutes; the search
cost is the index's, whose size follows the number of releases and words.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.common import Stat
from benchmarks.database import _engine_key
from benchmarks.generate import COMMON_WORD, RARE_EVERY, RARE_WORD, vocabulary

CACHE = Path(__file__).parent / ".cache"
VERSION = 1
NEWSROOMS = ("iom-fr", "iom-en", "iom-es")
TARGET_MS = 30.0
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


def build(n: int) -> dict[str, Path]:
    """The three databases (built once, kept in the cache)."""
    from newsroom_tui.storage.store import Store

    folder = CACHE / f"newsrooms-n{n}-v{VERSION}-e{_engine_key()}"
    done = folder / "built.json"
    paths = {name: folder / name / "newsroom.sqlite3" for name in NEWSROOMS}
    if done.exists():
        return paths
    for stale in CACHE.glob(f"newsrooms-n{n}-*"):
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


def measure(n: int, reps: int) -> dict[str, dict[str, float]]:
    from newsroom_tui.newsrooms.multistore import MergedWindows, MultiStore
    from newsroom_tui.query import parse_query

    paths = build(n)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.newsrooms")
    parser.add_argument("--n", type=int, default=100_000, help="releases per newsroom")
    parser.add_argument("--reps", type=int, default=60)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = measure(args.n, args.reps)
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
