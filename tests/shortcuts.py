"""What the tests of the speed shortcuts share: a mark for the tests that check a shortcut is in
use, skipped when NEWSROOM_TUI_NO_SPEEDUPS turns them all off (`make test` runs the extraction
and feed tests once that way)."""

from __future__ import annotations

import pytest

from newsroom_tui import speedups

needs_speedups = pytest.mark.skipif(
    not speedups.ENABLED, reason=f"the speed shortcuts are off ({speedups.ENV_VAR})"
)
