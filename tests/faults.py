"""Failures injected into a real sync, chosen by the URL they concern (`?fault=KIND`).

The sync's worker processes import this module when they are sent `extract_with_faults` (a
reference by name), so the extraction faults reach the processes as well as the threads; the
faults of the syncing process (fetching, feed and listing parsing) wrap the real functions with
monkeypatch. Every URL without a fault goes through the real code unchanged.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from newsroom_tui.ingest.release_extraction import extract_release
from newsroom_tui.models import ExtractedPage

FETCH_FAULTS = ("fetch-error", "fetch-overflow", "fetch-group", "fetch-runtime")
"""Raised by the fetcher for the item's page: its typed error, then three it never expected."""
EXTRACT_FAULTS = ("parser", "extraction", "recursion", "lookup")
"""Raised while the item's page is extracted (in a thread or a worker process)."""
STORE_FAULTS = ("date-out-of-range", "unencodable-title")
"""Extraction succeeds but yields a value the real store refuses when it writes the release."""
ITEM_FAULTS = FETCH_FAULTS + EXTRACT_FAULTS + STORE_FAULTS

FAR_FUTURE = datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-14)))
"""In UTC, year 10000: the store's year column cannot hold it."""


def fault_of(url: str) -> str | None:
    try:
        values = parse_qs(urlsplit(url).query).get("fault")
    except ValueError:
        return None
    return values[0] if values else None


def extraction_fault(fault: str | None) -> Exception | None:
    if fault == "parser":
        return etree.ParserError("Document is empty")
    if fault == "extraction":
        return RuntimeError("the extraction step failed")
    if fault == "recursion":
        return RecursionError("maximum recursion depth exceeded")
    if fault == "lookup":
        return KeyError("body")
    return None


def extract_with_faults(
    body: bytes, url: str, *args: Any, **kwargs: Any
) -> tuple[ExtractedPage, str]:
    """extract_release, failing as the page's URL asks."""
    fault = fault_of(url)
    error = extraction_fault(fault)
    if error is not None:
        raise error
    page, summary = extract_release(body, url, *args, **kwargs)
    if fault == "date-out-of-range":
        page.published = FAR_FUTURE
    elif fault == "unencodable-title":
        page.title = "Titre \ud800 coupé"
    return page, summary


def fetch_fault(fault: str | None) -> BaseException | None:
    from newsroom_tui.ingest.fetch import FetchError, FetchErrorKind

    if fault == "fetch-error":
        return FetchError("HTTP 503 Service Unavailable", kind=FetchErrorKind.HTTP, status=503)
    if fault == "fetch-overflow":
        return OverflowError("connect(): port must be 0-65535.")
    if fault == "fetch-group":
        return ExceptionGroup(
            "unhandled errors in a TaskGroup", [OSError(99, "Cannot assign requested address")]
        )
    if fault == "fetch-runtime":
        return RuntimeError("the connection pool is closed")
    return None
