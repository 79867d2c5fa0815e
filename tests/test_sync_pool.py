"""Extraction in worker processes: the same releases as in threads, only for big syncs, threads
again when the processes break, and `python -m newsroom_tui` safe to re-import in a worker."""

from __future__ import annotations

import logging
import runpy
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from benchmarks.common import bench_profile
from benchmarks.generate import Newsroom
from benchmarks.server import ThreadServer, serve_in_thread

from newsroom_tui.ingest import extraction_pool, release_extraction, sync
from newsroom_tui.models import FetchState, Release, SectionPage
from newsroom_tui.storage.store import BatchResult, Store

N = 45


class RecordingStore(Store):
    """A real store that also keeps every release it was given."""

    releases: list[Release]

    def apply_batch(
        self,
        releases: Sequence[Release],
        sections: Sequence[SectionPage] = (),
        fetch_states: Sequence[FetchState] = (),
    ) -> BatchResult:
        self.releases.extend(releases)
        return super().apply_batch(releases, sections, fetch_states)


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadServer]:
    with serve_in_thread(Newsroom(N)) as running:
        yield running


def _sync(server: ThreadServer, path: Path) -> list[Release]:
    store = RecordingStore.open(path)
    assert isinstance(store, RecordingStore)
    store.releases = []
    try:
        report = sync.run_sync(bench_profile(server.base_url), store, sections=False)
    finally:
        store.close()
    assert report.new == N and not report.failed
    return sorted(store.releases, key=lambda r: r.id)


class CountingPool(ProcessPoolExecutor):
    started = 0
    submitted = 0
    pages = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        CountingPool.started += 1
        super().__init__(*args, **kwargs)

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        CountingPool.submitted += 1
        if fn is release_extraction.extract_batch:
            CountingPool.pages += len(args[0])
        return super().submit(fn, *args, **kwargs)


class BrokenPool:
    """Stands for a pool whose workers died."""

    started = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        type(self).started += 1

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        raise BrokenProcessPool("a worker died")

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        return None


class DeadOnArrivalPool(BrokenPool):
    """A pool whose workers die while starting: the warm-up task fails."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(BrokenProcessPool("worker exited at start-up"))
        return future


def _patient(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait for the workers' warm-up instead of using threads meanwhile, so every page of this
    small sync goes to the processes."""
    original = extraction_pool.ExtractionPool._executor

    def patient(self: extraction_pool.ExtractionPool) -> Any:
        executor = original(self)
        if self.processes is not None and not self.ready:
            wait(self.warming)
            executor = original(self)
        return executor

    monkeypatch.setattr(extraction_pool.ExtractionPool, "_executor", patient)


def test_process_pool_gives_the_same_releases_as_threads(
    server: ThreadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    CountingPool.started = CountingPool.submitted = CountingPool.pages = 0
    monkeypatch.setattr(extraction_pool, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(extraction_pool, "POOL_MIN_PAGES", 10)
    _patient(monkeypatch)
    in_processes = _sync(server, tmp_path / "processes.sqlite")
    assert CountingPool.started == 1
    assert CountingPool.pages == N  # every page went to the processes
    tasks = CountingPool.submitted - extraction_pool.EXTRACT_PROCESSES  # after the warm-ups
    assert N / extraction_pool.PAGES_PER_TASK <= tasks < N  # several pages per task

    monkeypatch.setattr(extraction_pool, "POOL_MIN_PAGES", 10_000)
    in_threads = _sync(server, tmp_path / "threads.sqlite")
    assert CountingPool.started == 1  # no pool for a sync under the threshold
    assert in_processes == in_threads
    assert all(r.markdown and r.contacts and r.summary for r in in_processes)


def test_broken_pool_falls_back_to_threads_and_logs(
    server: ThreadServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    BrokenPool.started = 0
    monkeypatch.setattr(extraction_pool, "ProcessPoolExecutor", BrokenPool)
    monkeypatch.setattr(extraction_pool, "POOL_MIN_PAGES", 10)
    with caplog.at_level(logging.WARNING, logger="newsroom_tui.ingest.extraction_pool"):
        releases = _sync(server, tmp_path / "broken.sqlite")
    assert BrokenPool.started == 1  # given up once, not restarted for every page
    assert len(releases) == N and all(r.markdown for r in releases)
    assert [r.message for r in caplog.records].count(
        "extraction processes unavailable, using threads: a worker died"
    ) == 1


def test_workers_dying_at_start_up_fall_back_to_threads(
    server: ThreadServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    DeadOnArrivalPool.started = 0
    monkeypatch.setattr(extraction_pool, "ProcessPoolExecutor", DeadOnArrivalPool)
    monkeypatch.setattr(extraction_pool, "POOL_MIN_PAGES", 10)
    with caplog.at_level(logging.WARNING, logger="newsroom_tui.ingest.extraction_pool"):
        releases = _sync(server, tmp_path / "dead.sqlite")
    assert DeadOnArrivalPool.started == 1
    assert len(releases) == N and all(r.markdown for r in releases)
    messages = [r.message for r in caplog.records]
    assert (
        messages.count("extraction processes unavailable, using threads: worker exited at start-up")
        == 1
    )


def test_a_real_pool_is_used_and_stopped(
    server: ThreadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without any fake: the spawned workers extract, and are gone when the sync returns."""
    monkeypatch.setattr(extraction_pool, "POOL_MIN_PAGES", 10)
    _patient(monkeypatch)
    pools: list[extraction_pool.ExtractionPool] = []
    original = extraction_pool.ExtractionPool.shutdown

    def spy(self: extraction_pool.ExtractionPool) -> None:
        if self.processes is not None:
            pools.append(self)
            processes = list(self.processes._processes.values())
            original(self)
            assert processes and not any(p.is_alive() for p in processes)
            return
        original(self)

    monkeypatch.setattr(extraction_pool.ExtractionPool, "shutdown", spy)
    assert len(_sync(server, tmp_path / "real.sqlite")) == N
    assert len(pools) == 1 and pools[0].ready and not pools[0].broken


def test_extracted_pages_pickle() -> None:
    import pickle

    from newsroom_tui.extraction.extract import extract_page

    room = Newsroom(3)
    page = extract_page(
        room.page_html(1).encode(), "http://127.0.0.1/fr/news/x", bench_profile().extract
    )
    assert page.contacts
    assert pickle.loads(pickle.dumps(page)) == page


def test_main_module_does_nothing_when_imported_by_a_worker() -> None:
    """A spawned worker runs the parent's __main__ as `__mp_main__`: it must not start the CLI."""
    namespace = runpy.run_module("newsroom_tui", run_name="__mp_main__")
    assert "main" not in namespace


def test_page_fetch_states_are_read_off_the_event_loop(
    server: ThreadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the loop, a read waits for the store's lock while a batch is written in a thread."""
    import threading

    loop_thread = threading.get_ident()
    on_loop: list[str] = []
    original = Store.get_fetch_state

    def spy(self: Store, url: str) -> FetchState | None:
        if "/news/" in url and threading.get_ident() == loop_thread:
            on_loop.append(url)
        return original(self, url)

    monkeypatch.setattr(Store, "get_fetch_state", spy)
    monkeypatch.setattr(extraction_pool, "POOL_MIN_PAGES", 10_000)
    assert len(_sync(server, tmp_path / "states.sqlite")) == N
    assert on_loop == []


def test_real_pool_from_a_thread_with_its_own_loop(
    server: ThreadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the Textual app syncs: in a worker thread, under asyncio.run of its own."""
    import threading

    monkeypatch.setattr(extraction_pool, "POOL_MIN_PAGES", 10)
    _patient(monkeypatch)
    results: list[list[Release]] = []
    thread = threading.Thread(
        target=lambda: results.append(_sync(server, tmp_path / "thread.sqlite")), name="sync"
    )
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert len(results) == 1 and len(results[0]) == N


def test_a_worker_imports_the_parsers_only() -> None:
    """What a worker process unpickles (the extraction task) pulls in no network or storage code."""
    import subprocess
    import sys

    code = (
        "import sys, pickle, newsroom_tui.ingest.release_extraction as r;"
        "pickle.loads(pickle.dumps(r.extract_release));"
        "print(sorted({m.split('.')[0] for m in sys.modules}))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    for heavy in ("httpx", "httpcore", "feedparser", "sqlite3", "textual"):
        assert f"'{heavy}'" not in loaded
    assert "'lxml'" in loaded and "'markdownify'" in loaded


def test_extraction_task_sends_back_no_body_html() -> None:
    from newsroom_tui.extraction.extract import extract_page
    from newsroom_tui.ingest.release_extraction import extract_release

    room = Newsroom(3)
    body = room.page_html(1).encode()
    settings_ = bench_profile().extract
    page, summary = extract_release(
        body,
        "http://127.0.0.1/fr/news/x",
        settings_,
        "fr",
        None,
        None,
        "<p>R\u00e9sum\u00e9</p>",
        "",
    )
    whole = extract_page(body, "http://127.0.0.1/fr/news/x", settings_, language="fr")
    assert whole.body_html and page.body_html == ""
    assert (page.markdown, page.text, page.contacts) == (whole.markdown, whole.text, whole.contacts)
    assert summary == "R\u00e9sum\u00e9"


def _page_or_error(number: int) -> tuple[Any, str]:
    if number == 7:
        raise ValueError("page 7 is unreadable")
    return (number, f"summary {number}")


class _Unpicklable(Exception):
    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle this")


def _unpicklable_error() -> tuple[Any, str]:
    raise _Unpicklable("held a lock")


def test_a_batch_keeps_each_pages_answer() -> None:
    from functools import partial

    from newsroom_tui.ingest.release_extraction import extract_batch

    answers = extract_batch([partial(_page_or_error, n) for n in (6, 7, 8)])
    assert answers[0] == (True, (6, "summary 6")) and answers[2] == (True, (8, "summary 8"))
    assert answers[1][0] is False and isinstance(answers[1][1], ValueError)
    [(ok, error)] = extract_batch([_unpicklable_error])
    assert not ok and isinstance(error, ValueError) and "held a lock" in str(error)


async def test_pages_go_to_the_processes_in_batches_and_failures_stay_per_page() -> None:
    """The dispatch on its own, with threads standing in for the processes."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    from functools import partial

    submitted: list[int] = []

    class Recording(ThreadPoolExecutor):
        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
            submitted.append(len(args[0]))
            return super().submit(fn, *args, **kwargs)

    with (
        ThreadPoolExecutor(1) as threads,
        Recording(extraction_pool.EXTRACT_PROCESSES) as processes,
    ):
        pool = extraction_pool.ExtractionPool(threads)
        pool.wanted, pool.ready, pool.processes = True, True, processes  # type: ignore[assignment]

        async def one(number: int) -> Any:
            try:
                return await pool.run(partial(_page_or_error, number))
            except ValueError as exc:
                return str(exc)

        results = await asyncio.gather(*(one(n) for n in range(40)))
        pool.processes = None
    assert results[7] == "page 7 is unreadable"
    assert [r for i, r in enumerate(results) if i != 7] == [
        (n, f"summary {n}") for n in range(40) if n != 7
    ]
    assert sum(submitted) == 40 and max(submitted) == extraction_pool.PAGES_PER_TASK
    assert len(submitted) < 40


async def test_pages_queued_for_broken_processes_are_extracted_in_threads() -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    from functools import partial

    with ThreadPoolExecutor(1) as threads:
        pool = extraction_pool.ExtractionPool(threads)
        pool.wanted, pool.ready = True, True
        pool.processes = BrokenPool()  # type: ignore[assignment]
        results = await asyncio.gather(
            *(pool.run(partial(_page_or_error, n)) for n in (1, 2, 3, 4, 5, 6))
        )
    assert results == [(n, f"summary {n}") for n in (1, 2, 3, 4, 5, 6)]
    assert pool.broken and pool.queued == []


def test_workers_fork_from_a_server_that_imported_the_parsers() -> None:
    import multiprocessing
    import os

    context = extraction_pool.pool_context()
    if "forkserver" in multiprocessing.get_all_start_methods():
        assert context.get_start_method() == "forkserver"
        assert "newsroom_tui.ingest.release_extraction" in forkserver_preloads()
    else:
        assert context.get_start_method() == "spawn"
    from newsroom_tui.ingest.release_extraction import _exists

    assert _exists(os.getpid())
    child = multiprocessing.get_context("spawn").Process(target=int)
    child.start()
    child.join()
    assert child.pid is not None and not _exists(child.pid)


def forkserver_preloads() -> list[str]:
    """The modules the process's fork server preloads (multiprocessing keeps them privately)."""
    import multiprocessing.forkserver

    server: Any = multiprocessing.forkserver._forkserver
    return list(server._preload_modules or [])
