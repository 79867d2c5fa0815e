"""How hard the random tests try.

`make test` runs each property test with a quarter of its examples (at least 25), which keeps
the suite quick enough to run before every commit; `make test-deep` (NEWSROOM_TUI_TEST_DEPTH=
deep) runs them all, as written, for changes to the parsers, the speed shortcuts and the store.
"""

from __future__ import annotations

import os

DEEP = os.environ.get("NEWSROOM_TUI_TEST_DEPTH") == "deep"


def examples(written: int) -> int:
    """The examples a property test runs: all `written` in a deep run, else a quarter of them."""
    return written if DEEP else max(25, written // 4)
