"""Databases of N generated releases for the search and reader figures, filled through
`Store.apply_batch` and cached in benchmarks/.cache/ (keyed by N, the generator version and the
store's source)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import (
    CACHE,
    READ_EVERY,
    READ_SHARE,
    database_path,
    db_bytes,
    log,
    release_guid,
)
from benchmarks.generate import (
    DEFAULT_SEED,
    GENERATOR_VERSION,
    Newsroom,
)

# --- databases ---------------------------------------------------------------------------------


def _engine_key() -> str:
    """Changes with the store's schema, its FTS definition and the way rows are written (then
    cached databases are rebuilt)."""
    import newsroom_tui.storage.migrations
    import newsroom_tui.storage.writes

    digest = hashlib.sha1()
    for module in (newsroom_tui.storage.migrations, newsroom_tui.storage.writes):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:10]


def _generate_chunk(args: tuple[int, int, int, int]) -> list[Any]:
    n, seed, start, stop = args
    newsroom = Newsroom(n, seed)
    return [newsroom.release(i) for i in range(start, stop)]


@dataclass
class BuiltDatabase:
    data_dir: Path
    path: Path
    seconds: float
    """Time it took to build (0 when it came from the cache... see `cached`)."""
    cached: bool
    bytes: int
    tables: dict[str, int] = field(default_factory=dict)
    """Bytes per table and index (SQLite's dbstat), largest first."""


def table_sizes(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
        ).fetchall()
    except sqlite3.Error:
        return {}
    finally:
        con.close()
    return {str(name): int(size) for name, size in rows}


def build_database(n: int, seed: int = DEFAULT_SEED) -> BuiltDatabase:
    """A database of N generated releases (30 % read), built once through Store.apply_batch."""
    from concurrent.futures import ProcessPoolExecutor

    from newsroom_tui.storage.store import Store

    key = f"db-n{n}-s{seed}-g{GENERATOR_VERSION}-e{_engine_key()}"
    data_dir = CACHE / key
    path = database_path(data_dir)
    meta = data_dir / "built.json"
    if meta.exists() and path.exists():
        info = json.loads(meta.read_text())
        size = db_bytes(path)
        return BuiltDatabase(data_dir, path, info["seconds"], True, size, info.get("tables", {}))
    for stale in CACHE.glob(f"db-n{n}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    log(f"building the {n:,}-release database in {data_dir} (once)")
    start = time.perf_counter()
    store = Store.open(path)
    chunk = 1000
    jobs = [(n, seed, s, min(n, s + chunk)) for s in range(0, n, chunk)]
    with ProcessPoolExecutor(1) as pool:
        for done, releases in enumerate(pool.map(_generate_chunk, jobs), 1):
            store.apply_batch(releases)
            if done % 10 == 0:
                log(f"  {done * chunk:,} / {n:,}")
    store.set_read([release_guid(i) for i in range(n) if i % READ_EVERY < READ_SHARE], True)
    store.close()
    seconds = time.perf_counter() - start
    size = db_bytes(path)
    tables = table_sizes(path)
    meta.write_text(json.dumps({"seconds": seconds, "n": n, "tables": tables}))
    return BuiltDatabase(data_dir, path, seconds, False, size, tables)
