"""httpcore without sniffio's import search: the absence of sniffio recorded in `sys.modules`.

httpcore 1.0 runs `import sniffio` for every lock and cancellation shield of every request (to
tell asyncio from trio). sniffio is optional, and when it is not installed each of those imports
searches sys.path and fails: ~40 µs, several times per request, a third of the CPU of fetching a
page. Recording the absence (None: the import fails at once) spares the search; httpcore then
assumes asyncio, which is what runs here. Applied by `tune_process()`, not at import.
"""

from __future__ import annotations

import importlib.util
import sys

from newsroom_tui import speedups


def record_missing_sniffio() -> bool:
    """Record that sniffio is not installed (when it is not, and the shortcuts are on); True
    when the entry is in place afterwards."""
    if not speedups.ENABLED:
        return False
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]
    return "sniffio" in sys.modules and sys.modules["sniffio"] is None
