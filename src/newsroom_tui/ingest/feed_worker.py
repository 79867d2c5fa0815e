"""A big feed read on the other core: parsed, and its summaries converted, in a forked child.

A headlines sync of a 10,000-item feed spends its time in three parts of about the same size:
parsing the feed, converting each summary to Markdown and text, and storing the releases. In one
process they take the interpreter's lock in turn. Here a child process, forked once the feed's
body is in hand, parses it (`feeds.parse_feed_detailed`) and sends the items back; then, for a
headlines sync, it converts the summaries (`markdown_text.summary_fields`) in chunks while the
syncing process stores the releases of the chunks before: the conversion and the store run side
by side.

Only a fork: the child starts with every module imported and the body in memory (a fresh
interpreter would spend ~0.25 s importing before it could start). And only from a process with
one thread (the command line's sync): a child forked from a threaded process (the reader syncs
from a thread) can inherit locks other threads held. Anywhere else, for a feed under
`WORKER_MIN_BYTES`, or when the child fails in any way (killed, an error the parse did not
expect, a value that does not cross the pipe), the work is done in this process as before, with
the same results: the child only ever saves time. The child never touches the syncing process's
files, sockets or database, and ends with `os._exit`.

The pipe carries frames of `marshal` data (plain tuples of strings and numbers, between two
processes of the same interpreter; nothing is kept): ("feed", ParsedFeed's fields, items),
("feed-error", message) for a body that is not a readable feed, ("summaries", chunk),
("end",).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import marshal
import os
import signal
import struct
import threading
from datetime import datetime
from typing import Any

from newsroom_tui.ingest.feeds import FeedError, ParsedFeed, parse_feed_detailed
from newsroom_tui.models import FeedItem

log = logging.getLogger(__name__)

WORKER_MIN_BYTES = 256_000
"""Smaller feeds (under ~200 items of a newsroom's shape) are read in the syncing process: the
fork (~10 ms) and the pipe would cost about what the second core saves."""
SUMMARY_CHUNK = 250
"""Summaries converted and sent together (the store takes them in batches of 500)."""
_HEADER = struct.Struct("<Q")

SummaryKey = tuple[str, str]
"""(item URL, summary HTML): what a converted summary was made from."""


class WorkerFailed(Exception):
    """The child gave no answer (killed, an unexpected error): do the work in this process."""


def can_fork() -> bool:
    """Whether this process may fork a feed worker: a platform with fork, and no thread but
    this one (the command line; never the reader, whose sync runs in a thread)."""
    return (
        hasattr(os, "fork")
        and threading.current_thread() is threading.main_thread()
        and threading.active_count() == 1
    )


def _item_tuple(item: FeedItem) -> tuple[Any, ...]:
    published = item.published.isoformat() if item.published is not None else None
    return (item.url, item.guid, item.title, item.summary_html, published, item.tags, item.source)


def _item(values: tuple[Any, ...]) -> FeedItem:
    url, guid, title, summary_html, published, tags, source = values
    return FeedItem(
        url=url,
        guid=guid,
        title=title,
        summary_html=summary_html,
        published=datetime.fromisoformat(published) if published is not None else None,
        tags=tags,
        source=source,
    )


def _child(fd: int, body: bytes, url: str, convert: bool) -> None:
    """The forked child's work; always ends the process."""
    status = 0
    gc.freeze()  # the parent's objects: never scanned (nor copied by touching them) here
    # The parent's handlers and wake-up pipe are its event loop's: Ctrl-C simply ends the child.
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        with os.fdopen(fd, "wb") as out:

            def send(frame: tuple[Any, ...]) -> None:
                data = marshal.dumps(frame)
                out.write(_HEADER.pack(len(data)))
                out.write(data)
                out.flush()

            try:
                parsed = parse_feed_detailed(body, url)
            except FeedError as exc:
                send(("feed-error", str(exc)))
                return
            items = parsed.items
            send(
                (
                    "feed",
                    parsed.title,
                    parsed.dropped_links,
                    parsed.refused,
                    parsed.duplicates,
                    parsed.malformed,
                    [_item_tuple(item) for item in items],
                )
            )
            if convert:
                from newsroom_tui.extraction.summaries import summary_fields

                for start in range(0, len(items), SUMMARY_CHUNK):
                    chunk: list[Any] = []
                    for item in items[start : start + SUMMARY_CHUNK]:
                        try:
                            chunk.append(summary_fields(item.summary_html, item.url))
                        except Exception:  # noqa: BLE001 - the syncing process converts it again
                            chunk.append(None)
                    send(("summaries", start, chunk))
            send(("end",))
    except BaseException:  # noqa: BLE001 - the parent sees the pipe end early and does the work
        status = 1
    finally:
        os._exit(status)


class FeedWorker:
    """One forked child reading one feed (see the module docstring)."""

    def __init__(
        self,
        pid: int,
        reader: asyncio.StreamReader,
        transport: asyncio.BaseTransport,
        convert: bool,
    ) -> None:
        self.pid = pid
        self.convert = convert
        self.reader = reader
        self.transport = transport
        self.items: list[FeedItem] = []
        self.summaries: dict[SummaryKey, tuple[str, str, str]] = {}
        self.expected: set[SummaryKey] = set()
        """What the child converts (a summary a later source changed is converted here)."""
        self.finished = False
        """No more summaries will come (all sent, or the child is gone)."""
        self.arrived = asyncio.Event()
        self.receiving: asyncio.Task[None] | None = None
        self.reaped = False

    @classmethod
    async def start(cls, body: bytes, url: str, *, convert: bool) -> FeedWorker | None:
        """The child forked to read `body`; None when this process may not fork (`can_fork`)
        or the fork fails."""
        if not can_fork():
            return None
        loop = asyncio.get_running_loop()
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError as exc:
            os.close(read_fd)
            os.close(write_fd)
            log.info("feed worker not started: %s", exc)
            return None
        if pid == 0:  # the child
            os.close(read_fd)
            _child(write_fd, body, url, convert)
        os.close(write_fd)
        reader = asyncio.StreamReader(limit=2**20)
        try:
            transport, _ = await loop.connect_read_pipe(
                lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(read_fd, "rb", 0)
            )
        except (OSError, ValueError) as exc:
            log.info("feed worker not usable: %s", exc)
            worker = cls(pid, reader, _NoTransport(), convert)
            worker.close()
            return None
        return cls(pid, reader, transport, convert)

    async def _frame(self) -> tuple[Any, ...]:
        try:
            size = _HEADER.unpack(await self.reader.readexactly(_HEADER.size))[0]
            frame = marshal.loads(await self.reader.readexactly(size))
        except (asyncio.IncompleteReadError, EOFError, ValueError, TypeError) as exc:
            raise WorkerFailed("the feed worker stopped") from exc
        if not isinstance(frame, tuple) or not frame:
            raise WorkerFailed("the feed worker sent something else")
        return frame

    async def parsed(self) -> ParsedFeed:
        """The feed as `parse_feed_detailed` reads it: raises FeedError as it does, and
        WorkerFailed when the child gave no answer (then parse it here)."""
        frame = await self._frame()
        if frame[0] == "feed-error":
            self.finished = True
            raise FeedError(frame[1])
        if frame[0] != "feed":
            raise WorkerFailed("the feed worker sent something else")
        _, title, dropped, refused, duplicates, malformed, rows = frame
        self.items = [_item(row) for row in rows]
        if self.convert:
            self.expected = {(item.url, item.summary_html) for item in self.items}
        else:
            self.finished = True
        self.receiving = asyncio.create_task(self._receive())
        return ParsedFeed(
            items=self.items,
            title=title,
            dropped_links=dropped,
            refused=[tuple(pair) for pair in refused],
            duplicates=duplicates,
            malformed=malformed,
        )

    async def _receive(self) -> None:
        """The converted summaries, as they come (read at once, so the child never waits for a
        full pipe)."""
        try:
            while True:
                frame = await self._frame()
                if frame[0] != "summaries":
                    break
                _, start, chunk = frame
                for item, fields in zip(self.items[start:], chunk, strict=False):
                    if fields is not None:
                        self.summaries[(item.url, item.summary_html)] = fields
                self.arrived.set()
        except WorkerFailed as exc:
            log.info("%s; the rest of its summaries are converted here", exc)
        finally:
            self.finished = True
            self.arrived.set()

    async def summary(self, item: FeedItem) -> tuple[str, str, str] | None:
        """The item's summary as the child converted it (waiting for it when it is yet to
        come); None when the child did not convert it (then convert it here)."""
        key = (item.url, item.summary_html)
        if key not in self.expected:
            return None
        while True:
            fields = self.summaries.get(key)
            if fields is not None or self.finished:
                return fields
            self.arrived.clear()
            await self.arrived.wait()

    def close(self) -> None:
        """Stop the child (when it is still working) and collect its exit status."""
        if self.receiving is not None and not self.receiving.done():
            self.receiving.cancel()
        self.finished = True
        self.arrived.set()  # nothing waits for a summary from a stopped child
        self.transport.close()
        if self.reaped:
            return
        self.reaped = True
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


class _NoTransport(asyncio.BaseTransport):
    def close(self) -> None:
        pass
