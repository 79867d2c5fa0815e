"""The reader's garbage-collector settings: long-lived objects frozen out of the collector's
reach, and no automatic collection while a document is being shown (one full collection a moment
after it instead).

A full collection walks every tracked object: with Textual's widgets, parsed stylesheets and the
modules loaded, ~90,000 objects, 40-100 ms, and it falls wherever allocations trigger it, often in
the middle of a frame. Neither setting changes what is shown, only when the collector runs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from newsroom_tui import speedups

_freezes_left = 2
"""`gc.freeze` runs at start and after the first paint of the process's first reader only: tests
build many apps in one process, and each later freeze would keep earlier apps' garbage forever."""


def freeze_long_lived() -> None:
    """Move every object alive now (modules, classes, parsed stylesheets, the screen's widgets)
    out of the collector's reach (twice per process at most)."""
    global _freezes_left
    if speedups.ENABLED and _freezes_left > 0:
        _freezes_left -= 1
        gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection inside the block; the collector runs again after it, and
    the caller calls `collect()` once the reader is idle.

    Showing a document mounts hundreds of widgets and drops the previous document's, and the
    collector's full passes (20-100 ms, growing with the widgets alive) would otherwise fall in
    the middle of it, on top of a layout frame. A full collection right after the block fell
    just as badly: before the document's first frame was laid out, or while Textual's output
    thread was still writing it (a collection holds the GIL throughout), 20-40 ms on each
    opening. The reader collects a moment later instead (Textual pauses the collector while
    scrolling for the same reason).
    """
    paused = speedups.ENABLED and gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def collect() -> None:
    """One full collection (what `collector_paused` leaves for a quiet moment)."""
    if speedups.ENABLED:
        gc.collect()
