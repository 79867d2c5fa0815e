"""The extraction of one release as a task for sync's worker processes (or its threads).

Module-level functions with plain data in and out. A worker process imports the module of the
function it is sent, so these live apart from `sync`: a worker imports the parsers and nothing of
the network or storage layers (httpx, feedparser, the store), ~0.1 s of CPU less per worker.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from newsroom_tui.extraction.extract import extract_page
from newsroom_tui.extraction.markdown import summary_to_markdown
from newsroom_tui.models import ExtractedPage
from newsroom_tui.process_settings import tune_process
from newsroom_tui.profiles import ExtractSettings
from newsroom_tui.sanitise import clean_line


def extract_release(
    body: bytes,
    url: str,
    settings: ExtractSettings,
    language: str,
    fallback: datetime | None,
    encoding: str | None,
    summary_html: str,
    summary_url: str,
) -> tuple[ExtractedPage, str]:
    """One release's page extracted, and its feed summary as one line (for build_release).

    The page's body HTML is left out of the answer: a release does not keep it, and it would be
    a third of what a worker process sends back.
    """
    page = extract_page(
        body, url, settings, language=language, fallback_date=fallback, encoding=encoding
    )
    page.body_html = ""
    summary = ""
    if summary_html:
        summary = clean_line(summary_to_markdown(summary_html, summary_url).text, limit=2000)
    return page, summary


def extract_batch(
    calls: list[Callable[[], tuple[ExtractedPage, str]]],
) -> list[tuple[bool, Any]]:
    """Several extraction calls in one task: (True, result) or (False, exception) for each, so
    one page's failure stays that page's. An exception that cannot be pickled back to the
    syncing process is sent as a ValueError with its message."""
    answers: list[tuple[bool, Any]] = []
    for call in calls:
        try:
            answers.append((True, call()))
        except Exception as exc:  # noqa: BLE001 - re-raised by the caller awaiting this page
            try:
                pickle.dumps(exc)
            except Exception:  # noqa: BLE001 - any failure to pickle: send the text instead
                exc = ValueError(f"{type(exc).__name__}: {exc}")
            answers.append((False, exc))
    return answers


def exit_with_parent(parent: int) -> None:
    """Worker initializer: the process-wide settings (`tune_process`), and the worker ends when
    the syncing process (pid `parent`) is gone.

    A sync killed outright (SIGKILL, power cut of the terminal) cannot shut its pool down; its
    workers would wait for tasks forever, reparented to init. A worker's own parent is the
    syncing process, or the fork server, which ends with the syncing process: either way the
    worker exits when its parent changes, or when the syncing process no longer exists.
    """
    tune_process()
    started_by = os.getppid()

    def watch() -> None:
        while os.getppid() == started_by and _exists(parent):
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _exists(pid: int) -> bool:
    if os.name != "posix":  # no signal 0 there (os.kill would end the process): parent only
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, as another user's (the pid was reused)
        return True
    return True


def warm_worker() -> bool:
    """A worker's first task: its imports are done by the time it answers, so pages are sent
    only to a worker ready for them."""
    return True
