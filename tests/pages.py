"""The HTML pages the extraction tests run on: the test fixtures and the demo newsroom's site."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent

HTML_FILES = sorted((ROOT / "fixtures").rglob("*.html")) + sorted(
    (ROOT.parent / "src" / "newsroom_tui" / "demo" / "site").rglob("*.html")
)
"""Every fixture page, then every page of the demo site, in a stable order."""
