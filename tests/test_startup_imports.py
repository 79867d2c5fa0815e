"""The short commands import only what they use: each is run in a fresh interpreter that then
names the modules it loaded. What is checked here was made lazy for start-up time (see
benchmarks/analysis.md); a module that slips back onto a command's path fails its test."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_tui.lazy_re import lazy_compile

# Loaded by no short command (each has its own reason: the module's docstring or comment says it).
NEVER_AT_START = (
    "email.utils",  # only an RFC 2822 date needs it (extraction.dates)
    "logging.handlers",  # the log file is opened on the first record (logfile)
    "platformdirs",  # the directories come from the environment here (paths)
    "csv",  # `contacts --csv` only
    "difflib",  # a filter value that matches nothing only (storage.filter_values)
    "bs4",
    "soupsieve",
    "markdownify",
    "httpx",
    "newsroom_tui.ingest.sync",
)

LOADED = (
    "import json, sys\n"
    "from newsroom_tui.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}), file=sys.stderr)\n"
)


def loaded_by(*argv: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", LOADED, *argv], capture_output=True, text=True, check=False
    )
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, 1), result.stderr
    return set(report["modules"])


@pytest.mark.parametrize(
    ("argv", "not_loaded"),
    [
        (
            ("profiles",),
            # No database is opened: neither the store nor the pipeline's data classes.
            ("sqlite3", "newsroom_tui.models", "newsroom_tui.storage.store", "newsroom_tui.query"),
        ),
        (
            ("search", "migrants"),
            # The store's other parts are made when used (storage.store's `_part`).
            (
                "newsroom_tui.storage.directory",
                "newsroom_tui.extraction.contact_names",
                "newsroom_tui.storage.versions",
                "newsroom_tui.storage.writes",
                "_hashlib",
            ),
        ),
        (("show", "some-release"), ("newsroom_tui.query", "newsroom_tui.storage.directory")),
        (("contacts", "Diallo"), ("newsroom_tui.query", "newsroom_tui.storage.search")),
    ],
)
def test_a_short_command_loads_only_what_it_uses(
    tmp_path: Path, argv: tuple[str, ...], not_loaded: tuple[str, ...]
) -> None:
    data = ["--profile", "demo", "--data-dir", str(tmp_path)] if argv[0] != "profiles" else []
    modules = loaded_by(*argv, *data)
    assert "newsroom_tui.cli" in modules  # the probe ran the command
    assert sorted(m for m in (*NEVER_AT_START, *not_loaded) if m in modules) == []


def test_importing_the_command_line_and_the_store_compiles_no_pattern() -> None:
    """The modules' patterns are lazy (lazy_re): none is compiled until a command matches one."""
    script = (
        "import sys\n"
        "import newsroom_tui.cli, newsroom_tui.storage.store, newsroom_tui.extraction.contact_names\n"
        "import newsroom_tui.query, newsroom_tui.storage.filter_values\n"
        "from newsroom_tui.lazy_re import _LazyPattern\n"
        "lazy = compiled = 0\n"
        "for name, module in list(sys.modules.items()):\n"
        "    if name.startswith('newsroom_tui'):\n"
        "        for value in vars(module).values():\n"
        "            if isinstance(value, _LazyPattern):\n"
        "                lazy += 1\n"
        "                compiled += 'search' in vars(value)\n"
        "print(lazy, compiled)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    lazy, compiled = map(int, result.stdout.split())
    assert lazy > 30 and compiled == 0


def test_a_lazy_pattern_matches_as_the_compiled_one() -> None:
    source = r"(?P<word>[a-z]+)-(\d+)"
    lazy = lazy_compile(source, re.IGNORECASE)
    compiled = re.compile(source, re.IGNORECASE)
    text = "abc-1 DEF-22 x-"
    assert lazy.search(text).group("word") == "abc"  # type: ignore[union-attr]
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub(r"\2", text) == compiled.sub(r"\2", text) == "1 22 x-"
    assert lazy.fullmatch("Q-7") is not None and lazy.match("-7") is None
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.split(text) == compiled.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups, dict(lazy.groupindex)) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
        dict(compiled.groupindex),
    )


def test_a_lazy_pattern_compiles_once_and_reports_a_bad_pattern_when_used() -> None:
    lazy = lazy_compile(r"[a-")  # nothing is compiled yet, so nothing fails yet
    with pytest.raises(re.error):
        lazy.search("a")
    good = lazy_compile(r"\d+")
    first = good.search
    assert good.search is first and first("x42").group() == "42"  # type: ignore[union-attr]
