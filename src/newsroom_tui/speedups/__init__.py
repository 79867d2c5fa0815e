"""Shortcuts that mirror a library's internals for speed, and the one switch that turns them off.

Each shortcut gives exactly what the library gives, is held to it by a differential test, and
steps aside by itself when the installed library is not the version it mirrors; README.md here
lists them with their measured gains. Setting `NEWSROOM_TUI_NO_SPEEDUPS=1` in the environment
turns every one of them off (the libraries then do all the work): to compare, or to rule a
shortcut out when something looks wrong. Sync's worker processes inherit the setting.
"""

from __future__ import annotations

import os

ENV_VAR = "NEWSROOM_TUI_NO_SPEEDUPS"


def _enabled_by_environment() -> bool:
    return os.environ.get(ENV_VAR, "").strip() in ("", "0")


ENABLED = _enabled_by_environment()
"""Whether the shortcuts run: read from the environment when the package is first imported.
Every shortcut asks at each call, so tests can switch them off for a comparison."""
