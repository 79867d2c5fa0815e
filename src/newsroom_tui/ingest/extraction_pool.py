"""Where a sync's pages are extracted: a small thread pool, and worker processes for big syncs.

Extraction (parsing HTML, Markdown, contacts) is CPU work; it runs off the event loop so fetching
goes on meanwhile. A sync with more than POOL_MIN_PAGES pages also starts worker processes (forked
from a fork server that imported the parsers once, or spawned where there is none), so parsing
uses the other cores; pages go to them several per task (PAGES_PER_TASK), each page keeping its
own answer or error. When the processes break (a worker killed, a start-up failure, something
that does not pickle), the sync goes on in threads. The task a worker runs is in
`release_extraction` (plain data in and out), imported when processes start: a sync that
extracts nothing (headlines only, every page unchanged) never imports the parsers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from multiprocessing.context import BaseContext
from typing import Any

from newsroom_tui.models import ExtractedPage
from newsroom_tui.sanitise import clean_line

log = logging.getLogger(__name__)

EXTRACT_THREADS = 2
POOL_MIN_PAGES = 100
"""A sync with more release pages than this also extracts in worker processes (the other cores);
smaller ones stay in threads: starting the workers (~0.3-0.6 s of CPU each to import the parsers)
costs more than it saves on a few dozen pages (the 44-page demo sync took 0.6 s in threads and
1.6-1.9 s with two workers started at 40 pages, on a loaded 2-core machine)."""
EXTRACT_PROCESSES = max(1, min(4, os.cpu_count() or 1))
PAGES_PER_TASK = 4
"""Pages sent to a worker process in one task (see ExtractionPool._dispatch)."""

Extraction = Callable[[], tuple[ExtractedPage, str]]
"""One page's extraction, ready to run in a thread or (pickled) in a worker process."""


def _reason(exc: BaseException) -> str:
    return clean_line(str(exc), limit=200) or type(exc).__name__


@contextlib.contextmanager
def extraction_pool() -> Iterator[ExtractionPool]:
    """The threads (and, once wanted, the worker processes) of one sync; stopped at the end."""
    with ThreadPoolExecutor(EXTRACT_THREADS, thread_name_prefix="extract") as threads:
        pool = ExtractionPool(threads)
        try:
            yield pool
        finally:
            pool.shutdown()


def pool_context() -> BaseContext:
    """How worker processes start: forked from a fork server where the platform has one (Linux,
    macOS), else spawned.

    The fork server is a fresh single-threaded interpreter that imports the parsers once; each
    worker forks from it ready to extract, in ~10 ms instead of ~0.25 s of CPU to start an
    interpreter and import the parsers and the parent's main module (a sync of 1,000 pages
    spent ~0.5 ms per page on that with two workers). The server stays for the next sync. Never
    a fork of the syncing process itself: the Textual app syncs from a thread, and a forked child
    of a threaded process can inherit locks held by other threads.
    """
    try:
        context = multiprocessing.get_context("forkserver")
    except ValueError:
        return multiprocessing.get_context("spawn")
    context.set_forkserver_preload(["newsroom_tui.ingest.release_extraction"])
    return context


class ExtractionPool:
    """Where extraction runs: the thread pool, or worker processes once they are ready.

    Worker processes start on the first extraction of a big sync and warm up (import the parsers)
    while pages keep being extracted in threads; pages go to the processes only once every worker
    has answered its warm-up task, so starting them never holds the sync up (see pool_context
    for how they start). When the pool breaks (a worker killed, a
    start-up failure, something that does not pickle), the sync goes on in threads and says so in
    the log, once.
    """

    def __init__(self, threads: ThreadPoolExecutor) -> None:
        self.threads = threads
        self.processes: ProcessPoolExecutor | None = None
        self.warming: list[Future[bool]] = []
        self.ready = False
        self.wanted = False
        self.broken = False
        self.queued: list[tuple[Extraction, asyncio.Future[Any]]] = []
        """Pages waiting for a task to the processes, with the futures their callers await."""
        self.in_flight = 0

    def prepare(self, pages: int) -> int:
        """For a sync of `pages` release pages: worker processes take part only when there are
        more than POOL_MIN_PAGES (they start at the first extraction, so an all-304 re-sync
        never starts them). Returns how many more pages should be waiting for extraction to
        fill every task the processes may hold (0 when extraction stays in threads)."""
        self.wanted = pages > POOL_MIN_PAGES
        return 2 * EXTRACT_PROCESSES * PAGES_PER_TASK if self.wanted else 0

    def _executor(self) -> Executor:
        if not self.wanted or self.broken:
            return self.threads
        if self.processes is None:
            from newsroom_tui.ingest.release_extraction import exit_with_parent, warm_worker

            try:
                self.processes = ProcessPoolExecutor(
                    EXTRACT_PROCESSES,
                    mp_context=pool_context(),
                    initializer=exit_with_parent,
                    initargs=(os.getpid(),),
                )
                # One task per worker: each submit to an idle-less pool starts a worker.
                self.warming = [
                    self.processes.submit(warm_worker) for _ in range(EXTRACT_PROCESSES)
                ]
            except (OSError, ValueError, RuntimeError, BrokenProcessPool) as exc:
                self._give_up(exc)
                return self.threads
        if not self.ready:
            if not all(future.done() for future in self.warming):
                return self.threads
            for future in self.warming:
                error = future.exception()
                if error is not None:
                    self._give_up(error)
                    return self.threads
            self.ready = True
        return self.processes

    def _give_up(self, exc: BaseException) -> None:
        if not self.broken:
            log.warning("extraction processes unavailable, using threads: %s", _reason(exc))
        self.broken = True
        queued, self.queued = self.queued, []
        self._fail(queued, exc)  # their callers go on in threads
        self.shutdown()

    async def run(self, call: Extraction) -> tuple[ExtractedPage, str]:
        loop = asyncio.get_running_loop()
        executor = self._executor()
        if executor is self.threads:
            return await loop.run_in_executor(self.threads, call)
        future: asyncio.Future[tuple[ExtractedPage, str]] = loop.create_future()
        self.queued.append((call, future))
        self._dispatch()
        try:
            return await future
        except (BrokenProcessPool, pickle.PicklingError) as exc:
            self._give_up(exc)
            return await loop.run_in_executor(self.threads, call)

    def _dispatch(self) -> None:
        """Send queued pages to the processes, several per task (each task costs the syncing
        process ~0.4 ms of pickling, locking and waking up, whatever its size). Up to two tasks
        per worker are in flight, so a worker finds its next one ready; a partial batch waits
        while another task runs, and goes when none does."""
        processes = self.processes
        while self.queued and self.in_flight < 2 * EXTRACT_PROCESSES:
            self.queued = [entry for entry in self.queued if not entry[1].done()]
            if not self.queued or (len(self.queued) < PAGES_PER_TASK and self.in_flight):
                return
            batch, self.queued = self.queued[:PAGES_PER_TASK], self.queued[PAGES_PER_TASK:]
            if processes is None:
                self._fail(batch, BrokenProcessPool("extraction processes stopped"))
                continue
            from newsroom_tui.ingest.release_extraction import extract_batch

            try:
                task = processes.submit(extract_batch, [call for call, _ in batch])
            except (BrokenProcessPool, RuntimeError) as exc:
                self._fail(batch, exc)
                continue
            self.in_flight += 1
            task.add_done_callback(partial(self._answered, batch[0][1].get_loop(), batch))

    def _answered(
        self,
        loop: asyncio.AbstractEventLoop,
        batch: list[tuple[Extraction, asyncio.Future[Any]]],
        task: Future[list[tuple[bool, Any]]],
    ) -> None:
        """In the pool's thread: hand the finished task to the event loop."""
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting
            loop.call_soon_threadsafe(self._settle, batch, task)

    def _settle(
        self,
        batch: list[tuple[Extraction, asyncio.Future[Any]]],
        task: Future[list[tuple[bool, Any]]],
    ) -> None:
        """A task's answers to the pages' futures (on the event loop), then the next batch."""
        self.in_flight -= 1
        if task.cancelled():
            self._fail(batch, BrokenProcessPool("extraction task cancelled"))
        elif task.exception() is not None:
            self._fail(batch, task.exception())  # type: ignore[arg-type]
        else:
            for (_, future), (ok, value) in zip(batch, task.result(), strict=True):
                if future.done():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        self._dispatch()

    @staticmethod
    def _fail(
        batch: list[tuple[Extraction, asyncio.Future[Any]]],
        exc: BaseException,
    ) -> None:
        for _, future in batch:
            if not future.done():
                future.set_exception(exc)

    def shutdown(self) -> None:
        """Stop the workers; one still starting up is not waited for (it exits when ready)."""
        processes, self.processes = self.processes, None
        if processes is not None:
            processes.shutdown(wait=self.ready, cancel_futures=True)
