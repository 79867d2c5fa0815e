"""The reader's screen imports what its first frame needs and not the screens and helpers of keys
pressed later (checked in a fresh interpreter; see benchmarks/analysis.md, "Fifth round: the
reader"). A module that slips back onto the start-up path fails here."""

from __future__ import annotations

import json
import subprocess
import sys

LATER = (
    "newsroom_tui.screens.copy_menu",  # x, or the contacts panel's copy menu
    "newsroom_tui.extraction.contact_formats",  # the copy menu's vCard and "Name <email>"
    "newsroom_tui.screens.links",  # o, a numbered link, a link to another site
    "newsroom_tui.browser",
    "newsroom_tui.screens.release_changes",  # v
    "newsroom_tui.versions.changes",
    "newsroom_tui.screens.sync_log",  # the end of a sync, ctrl+l
    "newsroom_tui.screens.contacts_directory",  # D
    "newsroom_tui.screens.help",  # ?
    "newsroom_tui.commands",  # ctrl+p
)

LOADED = (
    "import json, sys\n"
    "import newsroom_tui.app, newsroom_tui.screens.main\n"
    "print(json.dumps(sorted(sys.modules)))\n"
)


def test_the_reader_s_screen_leaves_what_later_keys_use_for_later() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "newsroom_tui.screens.main" in loaded
    assert "newsroom_tui.screens.contact_text" in loaded  # the contacts panel shows with it
    assert sorted(set(LATER) & loaded) == []
