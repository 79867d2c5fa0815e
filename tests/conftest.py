"""Shared test setup: every test runs with its own data, config and log directories, so no test
ever touches the real user directories; the test processes get the process-wide settings the
CLI and the app apply (tune_process)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom_tui.process_settings import tune_process

GC_THRESHOLDS = (20_000, 20, 20)
"""The collector's thresholds in the test processes (CPython's are 700, 10, 10). A test process
builds hundreds of apps, each leaving ~20,000 objects in cycles: at the default thresholds the
collector ran about 5,000 times for 32 UI tests and took a fifth of their CPU time; at these,
about 150 times and half of that. Only when the collector runs changes: every cycle is still
collected, and the apps' own collector settings (speedups/gc_tuning.py) apply as written."""


def pytest_configure(config: pytest.Config) -> None:
    tune_process()
    gc.set_threshold(*GC_THRESHOLDS)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--soak", action="store_true", help="run the long fault-injection variants")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--soak"):
        return
    skip = pytest.mark.skip(reason="soak variant: run with --soak")
    for item in items:
        if "soak" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def kept_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every notification an app shows is kept for the test (see uifixtures.notifications)."""
    from uifixtures import record_notifications

    record_notifications(monkeypatch)


@pytest.fixture(autouse=True)
def hermetic_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the data, config and log directories at a fresh temporary folder."""
    root = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEWSROOM_TUI_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("NEWSROOM_TUI_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("NEWSROOM_TUI_LOG_DIR", str(root / "logs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "xdg-config"))
    return root


@pytest.fixture(autouse=True)
def english_interface(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale (the CLI processes tests
    start too), and a test that changes the language leaves English behind."""
    from newsroom_tui import i18n

    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.use_language("en")
    yield
    i18n.use_language("en")


@pytest.fixture(autouse=True)
def textual_render_caches_emptied() -> Iterator[None]:
    """After each test, empty the one Textual cache that keeps whole widgets' rendered lines:
    `StylesCache.get_inner_outer` is an lru_cache on a method, so it holds up to 1,024 of the
    style caches it was called on, each with its lines. A test process builds hundreds of apps;
    kept, those lines (~13,000 objects per app) make every full garbage collection slower, up to
    a second each. Emptying it changes nothing an app shows (the next call computes the same
    two styles again)."""
    yield

    styles_cache = sys.modules.get("textual._styles_cache")
    if styles_cache is not None:
        cached = getattr(styles_cache.StylesCache, "get_inner_outer", None)
        cache_clear = getattr(cached, "cache_clear", None)
        if cache_clear is not None:
            cache_clear()
