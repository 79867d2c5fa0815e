"""The real command line, measured whole-process from outside: a headlines sync of each feed shape
against `newsboat -x reload` (wall and CPU time, alternately in one run), the unchanged re-sync,
and the start-up of `search`, `show`, `contacts` and `profiles` above a bare `python -c pass`.

Each run is `newsroom-tui sync --no-pages --no-sections --profile bench.toml --data-dir D` (the
console script of the virtual environment, the benchmark profile written as a TOML file) and
newsboat with its own urls file, config and cache under the work directory. CPU time is the
child's user + system time (`RUSAGE_CHILDREN` around `subprocess.run`), so it counts every thread
of the process and nothing of the server, which runs in its own process.
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import Stat, bench_profile_toml, log

SHAPE_SIZES = (1_000, 10_000)
TARGET_WALL = {1_000: 1.5, 10_000: 1.0}
"""newsroom-tui / newsboat whole-process wall time, at most (issue: <= 1.0 at 10k, 1.5 at 1k)."""
TARGET_CPU = 1.5
TARGET_RESYNC = 0.300
TARGET_STARTUP = 0.150
"""Seconds above a bare `python -c pass` for search, show, contacts and profiles."""
SHAPE_LABELS = {
    "plain": "RSS 2.0, plain-text descriptions",
    "html": "RSS 2.0 like Drupal's (escaped HTML, category domain, dc:creator, content ns)",
    "atom": "Atom 1.0 (summary and content type=html)",
}


def console_script() -> str:
    """The `newsroom-tui` console script next to this interpreter."""
    candidate = Path(sys.executable).with_name("newsroom-tui")
    return str(candidate) if candidate.exists() else "newsroom-tui"


@dataclass(frozen=True, slots=True)
class Timed:
    wall: float
    cpu: float
    returncode: int
    stderr: str


def timed(command: list[str], env: dict[str, str] | None = None, timeout: float = 900) -> Timed:
    """Whole-process wall time and the child's CPU time (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        command,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return Timed(wall, cpu, done.returncode, done.stderr[-500:])


@dataclass
class ShapeFigures:
    shape: str
    n: int
    wall: Stat = field(default_factory=Stat)
    cpu: Stat = field(default_factory=Stat)
    resync: Stat = field(default_factory=Stat)
    newsboat_wall: Stat = field(default_factory=Stat)
    newsboat_cpu: Stat = field(default_factory=Stat)
    wall_ratio: Stat = field(default_factory=Stat)
    cpu_ratio: Stat = field(default_factory=Stat)
    resync_responses: dict[str, int] = field(default_factory=dict)
    newsboat_items: int = 0
    errors: list[str] = field(default_factory=list)


def _env(work: Path) -> dict[str, str]:
    return {
        **os.environ,
        "NEWSROOM_TUI_CONFIG_DIR": str(work / "config"),
        "NEWSROOM_TUI_LOG_DIR": str(work / "log"),
    }


def measure_shape(shape: str, n: int, runs: int, newsboat: Any, work: Path) -> ShapeFigures:
    """`runs` alternations of a fresh newsroom-tui headlines sync and a fresh newsboat reload of
    the same feed, then an unchanged re-sync of each."""
    from benchmarks import newsboat as nb
    from benchmarks.server import BenchServer

    figures = ShapeFigures(shape, n)
    base = work / f"shape-{shape}-{n}"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    env = _env(base)
    with BenchServer(n, shape=shape) as server:
        profile = base / "bench.toml"
        profile.write_text(bench_profile_toml(server.base_url), encoding="utf-8")
        data = base / "data"
        command = [
            console_script(),
            "sync",
            "--no-pages",
            "--no-sections",
            "--profile",
            str(profile),
            "--data-dir",
            str(data),
        ]
        for run in range(runs):
            shutil.rmtree(data, ignore_errors=True)
            fresh = timed(command, env)
            if fresh.returncode != 0:
                figures.errors.append(f"sync exited {fresh.returncode}: {fresh.stderr.strip()}")
                break
            figures.wall.add(fresh.wall)
            figures.cpu.add(fresh.cpu)
            server.reset()
            again = timed(command, env)
            figures.resync.add(again.wall)
            figures.resync_responses = server.stats()
            if newsboat is not None:
                nb_dir = base / "newsboat"
                nb.prepare(nb_dir, server.feed_url)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                reload = nb.reload(newsboat, nb_dir)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                figures.newsboat_wall.add(reload.seconds)
                figures.newsboat_cpu.add(cpu)
                figures.newsboat_items = reload.items
                figures.wall_ratio.add(fresh.wall / reload.seconds)
                figures.cpu_ratio.add(fresh.cpu / max(cpu, 1e-6))
            log(
                f"{shape} {n:,} run {run + 1}: newsroom-tui {fresh.wall:.2f} s "
                f"(CPU {fresh.cpu:.2f} s)"
                + (
                    f", newsboat {figures.newsboat_wall.samples[-1]:.2f} s "
                    f"(CPU {figures.newsboat_cpu.samples[-1]:.2f} s)"
                    if newsboat is not None
                    else ""
                )
            )
    shutil.rmtree(base, ignore_errors=True)
    return figures


# --- command start-up --------------------------------------------------------------------------


@dataclass
class StartupFigures:
    n: int
    bare: Stat = field(default_factory=Stat)
    commands: dict[str, Stat] = field(default_factory=dict)
    directory_rebuilt: Stat = field(default_factory=Stat)
    """`contacts NAME` when the contact rows changed since the directory was saved (it groups
    every contact row again, then saves the directory)."""
    errors: list[str] = field(default_factory=list)


def startup_commands(data_dir: Path) -> dict[str, list[str]]:
    """The commands timed, each reading the benchmark database of N releases."""
    from benchmarks.common import PROFILE_ID, release_guid

    profile = ["--profile", PROFILE_ID, "--data-dir", str(data_dir)]
    return {
        "search migrants": ["search", "migrants", *profile],
        "show": ["show", release_guid(3), *profile],
        "contacts": ["contacts", "Diallo", *profile],
        "profiles": ["profiles"],
    }


def measure_startup(n: int, data_dir: Path, config_dir: Path, reps: int) -> StartupFigures:
    """Whole-process time of each command, alternated with a bare interpreter start."""
    from benchmarks.common import PROFILE_ID
    from newsroom_tui.paths import database_path

    figures = StartupFigures(n)
    # The benchmark newsroom as a user profile, named by id as a user would (`--profile bench`).
    profiles = config_dir / "profiles"
    profiles.mkdir(parents=True, exist_ok=True)
    (profiles / f"{PROFILE_ID}.toml").write_text(
        bench_profile_toml("http://127.0.0.1:9/"), encoding="utf-8"
    )
    env = {**os.environ, "NEWSROOM_TUI_CONFIG_DIR": str(config_dir)}
    env["NEWSROOM_TUI_LOG_DIR"] = str(config_dir / "log")
    commands = startup_commands(data_dir)
    script = console_script()
    database = database_path(data_dir, PROFILE_ID)
    for _ in range(3 if reps > 5 else 1):
        _forget_saved_directory(database)
        result = timed([script, *commands["contacts"]], env)
        if result.returncode == 0:
            figures.directory_rebuilt.add(result.wall)
        else:
            figures.errors.append(f"contacts exited {result.returncode}: {result.stderr}")
    for _ in range(reps):
        figures.bare.add(timed([sys.executable, "-c", "pass"], env).wall)
        for name, args in commands.items():
            result = timed([script, *args], env)
            if result.returncode != 0:
                figures.errors.append(f"{name} exited {result.returncode}: {result.stderr}")
                continue
            figures.commands.setdefault(name, Stat()).add(result.wall)
    return figures


def _forget_saved_directory(database: Path) -> None:
    """Mark the saved contacts directory out of date, as new contact rows would."""
    con = sqlite3.connect(database)
    try:
        with con:
            con.execute("UPDATE change_counters SET value = -1 WHERE name = 'contact_directory'")
    finally:
        con.close()


# --- report ------------------------------------------------------------------------------------


def target_rows(
    shapes: dict[tuple[str, int], ShapeFigures], startup: StartupFigures | None
) -> list[tuple[str, str, str, bool | None]]:
    rows: list[tuple[str, str, str, bool | None]] = []
    for (shape, n), f in sorted(shapes.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if not f.wall_ratio.samples:
            continue
        limit = TARGET_WALL.get(n, 1.0)
        rows.append(
            (
                f"headlines sync, {shape} feed: wall <= {limit:.1f}x newsboat",
                f"{f.wall_ratio.median:.2f}x",
                f"{n:,}",
                f.wall_ratio.median <= limit,
            )
        )
        if n >= 10_000:
            rows.append(
                (
                    f"headlines sync, {shape} feed: CPU <= {TARGET_CPU:.1f}x newsboat",
                    f"{f.cpu_ratio.median:.2f}x",
                    f"{n:,}",
                    f.cpu_ratio.median <= TARGET_CPU,
                )
            )
    resyncs = [f for f in shapes.values() if f.resync.samples]
    if resyncs:
        worst = max(f.resync.median for f in resyncs)
        rows.append(
            (
                "unchanged re-sync (whole process) <= 300 ms",
                f"worst median {worst * 1000:,.0f} ms",
                "all shapes",
                worst <= TARGET_RESYNC,
            )
        )
    if startup is not None and startup.commands and startup.bare.samples:
        bare = startup.bare.median
        worst_name, worst = max(
            ((name, stat.median - bare) for name, stat in startup.commands.items()),
            key=lambda kv: kv[1],
        )
        rows.append(
            (
                "search/show/contacts/profiles <= 150 ms above python -c pass",
                f"worst {worst_name}: +{worst * 1000:,.0f} ms",
                f"{startup.n:,}",
                worst <= TARGET_STARTUP,
            )
        )
    return rows


def report(
    shapes: dict[tuple[str, int], ShapeFigures],
    startup: StartupFigures | None,
    add: Callable[[str], None],
) -> None:
    add("## 1b. Feed shapes against newsboat (the real command line, whole process)")
    add("")
    if not shapes:
        add("Not measured in this run.")
        add("")
    else:
        add(
            "`newsroom-tui sync --no-pages --no-sections` into an empty data directory against "
            "`newsboat -x reload` with an empty cache, alternately on the same loopback feed; "
            "CPU is user + system time of the whole process (all its threads). Ratios are "
            "newsroom-tui / newsboat, run by run."
        )
        add("")
        add(
            "| feed | N | newsroom-tui wall | CPU | newsboat wall | CPU | wall ratio | CPU ratio "
            "| unchanged re-sync | re-sync responses |"
        )
        add("|---|---|---|---|---|---|---|---|---|---|")
        for (shape, n), f in sorted(shapes.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            add(
                f"| {SHAPE_LABELS.get(shape, shape)} | {n:,} | {f.wall.show(1000, unit=' ms')} "
                f"| {f.cpu.show(1000, unit=' ms')} | {f.newsboat_wall.show(1000, unit=' ms')} "
                f"| {f.newsboat_cpu.show(1000, unit=' ms')} | {f.wall_ratio.show(1, 2)} "
                f"| {f.cpu_ratio.show(1, 2)} | {f.resync.show(1000, unit=' ms')} "
                f"| {f.resync_responses} |"
            )
            for error in f.errors:
                add(f"- {shape} at {n:,}: {error}")
        add("")
    add("## 1c. Command start-up (whole process, at the largest database)")
    add("")
    if startup is None or not startup.bare.samples:
        add("Not measured in this run.")
        add("")
        return
    add(
        f"Each command against the database of {startup.n:,} releases, alternated with "
        f"`python -c pass` ({startup.bare.show(1000, 1, ' ms')})."
    )
    add("")
    add("| command | whole process | above python -c pass (medians) |")
    add("|---|---|---|")
    for name, stat in startup.commands.items():
        above = (stat.median - startup.bare.median) * 1000
        add(f"| `{name}` | {stat.show(1000, 1, ' ms')} | {above:,.1f} ms |")
    add("")
    if startup.directory_rebuilt.samples:
        add(
            "`contacts` reads the directory saved in the database. When the contact rows changed"
            " since it was saved, it is grouped again from every contact row first (a sync does"
            " that at its end once the directory has been used): `contacts` then took"
            f" {startup.directory_rebuilt.show(1000, 0, ' ms')}. The benchmark's releases give"
            " each contact a new phone number in nearly every release, so nearly every contact"
            " row is a variant of its own; real newsrooms repeat their contacts' details."
        )
        add("")
    for error in startup.errors[:5]:
        add(f"- {error}")
    add("")
