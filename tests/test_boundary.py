"""The headless core never imports Textual: the core modules are imported one by one in a fresh
interpreter, which names the first one that brought Textual in.

Core is every module of the package except the interface (app, commands, screens, widgets), so a
new module is checked without being listed here.
"""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import newsroom_tui

INTERFACE = {"newsroom_tui.app", "newsroom_tui.commands", "newsroom_tui.__main__"}
INTERFACE_PACKAGES = ("newsroom_tui.screens", "newsroom_tui.widgets")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(newsroom_tui.__path__, "newsroom_tui."):
        if info.name in INTERFACE or info.name.startswith(INTERFACE_PACKAGES):
            continue
        names.append(info.name)
    return sorted(names)


def test_the_core_is_what_the_design_says() -> None:
    names = core_modules()
    for expected in (
        "storage.store",
        "ingest.sync",
        "ingest.fetch",
        "extraction.extract",
        "extraction.contacts",
        "cli",
        "demo.server",
    ):
        assert f"newsroom_tui.{expected}" in names
    assert not any(name.startswith(INTERFACE_PACKAGES) for name in names)


def test_no_core_module_imports_textual() -> None:
    modules = core_modules()
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    if any(m == 'textual' or m.startswith('textual.') for m in sys.modules):\n"
        "        print(name)\n"
        "        break\n"
        "else:\n"
        f"    print('none of {len(modules)}')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"none of {len(modules)}", (
        f"{result.stdout.strip()} imports Textual"
    )


def test_beautifulsoup_warnings_about_network_text_stay_off_the_terminal() -> None:
    """Markup that looks like a URL or a file name, or XML parsed as HTML, must not make bs4
    print a warning on stderr (the reader's terminal), in any process tuned by tune_process()
    (the CLI, the app and the sync workers call it)."""
    script = (
        "from newsroom_tui.process_settings import tune_process\n"
        "tune_process()\n"
        "from newsroom_tui.speedups.soup_tree import parse_html\n"
        "from newsroom_tui.extraction.markdown import html_to_markdown\n"
        "from bs4 import BeautifulSoup\n"
        "parse_html('https://example.org/page')\n"
        "parse_html('notes.txt')\n"
        "html_to_markdown('https://example.org/other', 'https://example.org/')\n"
        "BeautifulSoup('<?xml version=\"1.0\"?><rss><channel/></rss>', 'lxml')\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "default", "-c", script],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_importing_the_package_changes_no_process_wide_setting() -> None:
    """Warning filters, sys.modules entries and the collector are set by tune_process(), never
    as a side effect of an import; the call sets them, and a second call adds nothing."""
    modules = [*core_modules(), "newsroom_tui.app", "newsroom_tui.screens.main"]
    script = (
        "import gc, sys, warnings\n"
        "before = (list(warnings.filters), gc.get_freeze_count(), gc.isenabled())\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "after = (list(warnings.filters), gc.get_freeze_count(), gc.isenabled())\n"
        "assert after == before, (before, after)\n"
        "assert sys.modules.get('sniffio', 0) is not None\n"
        "from newsroom_tui.process_settings import tune_process\n"
        "tune_process()\n"
        "tuned = list(warnings.filters)\n"
        "assert len(tuned) == len(before[0]) + 2, tuned\n"
        "tune_process()\n"
        "assert list(warnings.filters) == tuned\n"
        "import importlib.util\n"
        "if importlib.util.find_spec('sniffio') is None:\n"
        "    assert 'sniffio' in sys.modules and sys.modules['sniffio'] is None\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "NEWSROOM_TUI_NO_SPEEDUPS"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 0, done.stderr


def _imports_of(module: str) -> set[str]:
    """The package's modules that `module` imports, at any level of its code."""
    spec = pkgutil.resolve_name(module).__spec__
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(name for name in names if name.startswith("newsroom_tui."))
    return found


def test_the_core_imports_form_no_cycle() -> None:
    """A module of the core never needs, even lazily, a module that needs it back."""
    core = set(core_modules())
    graph = {module: _imports_of(module) & core for module in core}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError(" -> ".join([*path[path.index(module) :], module]))
        if module in done:
            return
        for needed in sorted(graph[module]):
            visit(needed, [*path, module])
        done.add(module)

    for module in sorted(core):
        visit(module, [])
    assert done == core and len(core) > 20  # every core module walked


def test_the_sync_recipe_imports_no_parser_until_it_needs_one() -> None:
    """An unchanged re-sync (or a headlines sync) parses no page: importing the sync and the
    command line must not import the HTML parsers, the Markdown converter or the contacts
    reader (they load when a page is extracted or a summary converted), nor the feed readers
    (a feed answered 304 is not read), the query language (no watches to check) or the
    demo's server (another profile)."""
    script = (
        "import sys\n"
        "import newsroom_tui.cli, newsroom_tui.ingest.sync\n"
        "heavy = ('bs4', 'soupsieve', 'markdownify', 'newsroom_tui.extraction.extract',\n"
        "         'newsroom_tui.extraction.contacts', 'newsroom_tui.extraction.markdown',\n"
        "         'newsroom_tui.ingest.listing', 'lxml', 'feedparser',\n"
        "         'newsroom_tui.ingest.feeds', 'newsroom_tui.speedups.feed_xml',\n"
        "         'newsroom_tui.query', 'newsroom_tui.watches', 'newsroom_tui.demo.server')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
