"""One environment variable turns every speed shortcut off, in a fresh process as the CLI, the app
and the sync workers start; unset, they are all on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

SCRIPT = """
import json
from newsroom_tui import speedups
from newsroom_tui.speedups import feed_xml, gc_tuning, markdownify_walk, soup_tree
from newsroom_tui.speedups.sniffio_entry import record_missing_sniffio

try:
    feed_xml.read_rss(b'<rss version="2.0"><channel><title>t</title></channel></rss>', "", "")
    feed = True
except feed_xml.Declined:
    feed = False
with gc_tuning.collector_paused():
    import gc
    paused = not gc.isenabled()
print(json.dumps({
    "enabled": speedups.ENABLED,
    "soup_tree": soup_tree._FAST,
    "markdownify_walk": markdownify_walk.active(),
    "feed_xml": feed,
    "gc": paused,
    "sniffio": record_missing_sniffio(),
}))
"""


def _state(value: str | None) -> dict[str, bool]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSROOM_TUI_NO_SPEEDUPS"}
    if value is not None:
        env["NEWSROOM_TUI_NO_SPEEDUPS"] = value
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, env=env
    )
    state: dict[str, bool] = json.loads(done.stdout)
    return state


@pytest.mark.parametrize("value", ["1", "yes"])
def test_the_variable_turns_every_shortcut_off(value: str) -> None:
    state = _state(value)
    assert not any(state.values()), state


@pytest.mark.parametrize("value", [None, "", "0"])
def test_without_it_every_shortcut_is_on(value: str | None) -> None:
    state = _state(value)
    if not state["sniffio"]:  # on only where sniffio is not installed
        import importlib.util

        assert importlib.util.find_spec("sniffio") is not None
        state.pop("sniffio")
    assert all(state.values()), state
