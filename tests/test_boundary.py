"""The headless core never imports Textual: checked in a fresh interpreter per module."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

CORE = [
    "paths",
    "models",
    "profiles",
    "sanitise",
    "fetch",
    "feeds",
    "listing",
    "extract",
    "markdown",
    "dates",
    "contacts",
    "store",
    "query",
    "sync",
    "cli",
    "export",
    "logfile",
    "clipboard",
    "browser",
    "demo.server",
]


@pytest.mark.parametrize("name", CORE)
def test_core_module_does_not_import_textual(name: str) -> None:
    module = f"newsroom_tui.{name}"
    assert importlib.util.find_spec(module) is not None, f"{module} is missing"
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
