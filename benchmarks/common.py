"""What every benchmark shares: paths and sizes, the bench profile, child processes and their
`RESULT` lines, a median-and-range statistic, and the sampling profiler's helpers."""

from __future__ import annotations

import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
REPORT = ROOT / "BENCHMARKS.md"
ANALYSIS = Path(__file__).resolve().parent / "analysis.md"
"""Hand-written: what the profiles showed and what was changed. Copied into every report, so a
re-run keeps it; it names the run its figures come from."""
DEFAULT_SIZES = (1_000, 10_000, 100_000)
PROFILE_ID = "bench"
READ_EVERY = 10
READ_SHARE = 3
"""Releases whose index % READ_EVERY < READ_SHARE are marked read in the databases (30 %)."""
SCREEN = (120, 40)
FILTER_YEAR = 2021
INGEST_SIZES = (1_000, 10_000)
FULL_SYNC_BUDGET = 75.0
"""Seconds one full sync may take; a size predicted to need more is skipped (said in the report)."""


# --- small helpers -----------------------------------------------------------------------------


@dataclass
class Stat:
    """Samples of one figure: shown as median (min-max, runs)."""

    samples: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.samples.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")

    def percentile(self, fraction: float) -> float:
        if not self.samples:
            return float("nan")
        ordered = sorted(self.samples)
        index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
        return ordered[index]

    @property
    def low(self) -> float:
        return min(self.samples) if self.samples else float("nan")

    @property
    def high(self) -> float:
        return max(self.samples) if self.samples else float("nan")

    def show(self, scale: float = 1.0, digits: int = 0, unit: str = "") -> str:
        if not self.samples:
            return "n/a"

        def f(value: float) -> str:
            return f"{value * scale:,.{digits}f}"

        text = f"{f(self.median)}{unit}"
        if len(self.samples) > 1:
            text += f" ({f(self.low)}–{f(self.high)}, {len(self.samples)} runs)"
        return text


def log(message: str) -> None:
    stamp = datetime.now().strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


def bench_profile_data(base_url: str) -> dict[str, Any]:
    """The benchmark newsroom's profile (IOM's selectors, one feed, no discovery or listing)."""
    base = base_url.rstrip("/")
    return {
        "id": PROFILE_ID,
        "name": "OIM (banc d'essai)",
        "language": "fr",
        "base_url": base + "/fr/",
        "news_url": "news",
        "sources": {"feeds": [base + "/fr/rss.xml"], "discover": False},
        "extract": {
            "body": ["div.narrow-content div.field--type-text-with-summary"],
            "title": ["h1.page-title", "h1"],
            "date": ["div.date"],
            "drop": ["div.social-share", "nav", "aside", "div.field--name-field-tags"],
            "title_suffixes": [" | Organisation internationale pour les migrations"],
        },
        "fetch": {"max_feed_bytes": 200_000_000},
        "menu": [{"label": "Communiqués de presse", "url": "news", "newsroom": True}],
    }


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def bench_profile_toml(base_url: str) -> str:
    """The benchmark profile as a TOML file's text, for the real command line (`--profile`)."""
    data = bench_profile_data(base_url)
    lines: list[str] = []
    tables: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append(f"\n[{key}]")
            tables.extend(f"{k} = {_toml_value(v)}" for k, v in value.items())
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for entry in value:
                tables.append(f"\n[[{key}]]")
                tables.extend(f"{k} = {_toml_value(v)}" for k, v in entry.items())
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines + tables) + "\n"


def bench_profile(base_url: str = "http://127.0.0.1/") -> Any:
    from newsroom_tui.profiles import parse_profile

    return parse_profile(bench_profile_data(base_url), "benchmarks/run.py")


def database_path(data_dir: Path) -> Path:
    from newsroom_tui import paths

    return paths.database_path(data_dir, PROFILE_ID)


def db_bytes(path: Path) -> int:
    """The database's size on disk after a WAL checkpoint."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    total = 0
    for suffix in ("", "-wal"):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            total += candidate.stat().st_size
    return total


def peak_rss_mb() -> float:
    """This process's peak RSS in MB.

    `VmHWM` from /proc when there is one: Linux carries `ru_maxrss` across `execve`, so a child
    forked from a large parent would report the parent's size; VmHWM belongs to the new program.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def release_guid(index: int) -> str:
    return f"oim-bench-{index:06d}"


# --- child processes ---------------------------------------------------------------------------


def run_child(
    name: str, params: dict[str, Any], timeout: float = 900.0
) -> tuple[dict[str, Any], float]:
    """Run `--child name` and return its RESULT and the whole process's wall time."""
    params = {**params, "spawn": time.time()}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--child", name, "--params", json.dumps(params)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :]), wall
    tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
    raise RuntimeError(f"child {name} failed (exit {done.returncode}):\n" + "\n".join(tail))


def emit(result: dict[str, Any]) -> None:
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()


def count_calls(module: Any, name: str, counter: dict[str, int]) -> None:
    """Wrap `module.name` so calls made through the module attribute are counted."""
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        counter[name] = counter.get(name, 0) + 1
        return original(*args, **kwargs)

    setattr(module, name, counted)


def short_path(path: str) -> str:
    for marker in ("site-packages/", "/src/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path.rsplit("/", 1)[-1]


def hot_spots(root: Any, top: int = 8) -> dict[str, list[list[Any]]]:
    """Top functions by self time, and newsroom_tui functions by inclusive time (outermost)."""
    own: dict[str, float] = {}
    ours: dict[str, float] = {}

    def walk(frame: Any, seen: frozenset[str]) -> None:
        path = frame.file_path or ""
        key = f"{short_path(path)}:{frame.function}"
        if not frame.is_synthetic:
            own[key] = own.get(key, 0.0) + max(0.0, frame.total_self_time)
        if "newsroom_tui" in path and key not in seen:
            ours[key] = ours.get(key, 0.0) + frame.time
            seen = seen | {key}
        for child in frame.children:
            walk(child, seen)

    walk(root, frozenset())
    total = root.time or 1.0

    def best(table: dict[str, float]) -> list[list[Any]]:
        ranked = sorted(table.items(), key=lambda kv: -kv[1])[:top]
        return [[name, seconds, seconds / total] for name, seconds in ranked]

    return {"total": [["total", total, 1.0]], "self": best(own), "ours": best(ours)}


def profiled(work: Callable[[], Any]) -> tuple[Any, dict[str, list[list[Any]]]]:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001, async_mode="disabled")
    profiler.start()
    try:
        result = work()
    finally:
        session = profiler.stop()
    root = session.root_frame()
    return result, hot_spots(root) if root is not None else {}
