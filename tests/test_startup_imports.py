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
                "newsroom_tui.models",  # the store's reads are in newsroom_tui.records
                "_hashlib",
            ),
        ),
        (("show", "some-release"), ("newsroom_tui.query", "newsroom_tui.storage.directory")),
        (
            ("contacts", "Diallo"),
            ("newsroom_tui.query", "newsroom_tui.storage.search", "newsroom_tui.models"),
        ),
    ],
)
def test_a_short_command_loads_only_what_it_uses(
    tmp_path: Path, argv: tuple[str, ...], not_loaded: tuple[str, ...]
) -> None:
    data = ["--profile", "demo", "--data-dir", str(tmp_path)] if argv[0] != "profiles" else []
    loaded_by(*argv, *data)  # a first run creates the database (its migrations load more)
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


def test_an_unchanged_re_sync_loads_no_feed_reader(tmp_path: Path) -> None:
    """The second headlines sync of an unchanged feed gets a 304: it stores nothing new and
    loads neither the feed readers nor the query language (no watches) nor the demo's server."""
    from crashharness import profile_toml, publish
    from sitekit import Site

    with Site() as site:
        publish(site, 1, count=3)
        toml = tmp_path / "p.toml"
        toml.write_text(profile_toml(site), encoding="utf-8")
        argv = ("sync", "--no-pages", "--no-sections", "--profile", str(toml))
        first = loaded_by(*argv, "--data-dir", str(tmp_path / "data"))
        assert "newsroom_tui.ingest.feeds" in first  # the probe sees a feed being read
        again = loaded_by(*argv, "--data-dir", str(tmp_path / "data"))
        assert ("/rss.xml", 304) in site.statuses
    assert "newsroom_tui.ingest.sync" in again
    unused = (
        "newsroom_tui.ingest.feeds",
        "newsroom_tui.speedups.feed_xml",
        "lxml",
        "feedparser",
        "bs4",
        "newsroom_tui.query",
        "newsroom_tui.demo.server",
    )
    assert sorted(m for m in unused if m in again) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "migrants", "--limit", "3"],
        ["search", "-sahel", "x"],
        ["search", "--limit", "zero"],
        ["search", "--nope"],
        ["show"],
        ["show", "abc", "--lang", "fr", "--diff"],
        ["contacts", "--csv", "--json"],
        ["profiles", "check"],
        ["profiles", "show", "iom-fr"],
        ["--profile", "sync", "search", "x"],
        ["--ui-lang", "fr", "search", "--order", "bad"],
        ["--data-dir", "/x", "show", "id", "--json"],
        ["sync", "--every", "10s"],
        ["--demo", "search", "x"],
    ],
)
def test_the_named_command_s_parser_alone_reads_as_the_whole_parser(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """build_parser(only=...) gives the same arguments, usage and errors as the whole parser."""
    from newsroom_tui import cli, i18n

    def parse(only: str | None) -> tuple[object, str, str]:
        i18n.use_language(i18n.choose_language(i18n.option_in_argv(argv), None))
        with i18n.argparse_speaking():
            parser = cli.build_parser(only=only)
            try:
                parsed = parser.parse_args(cli._dash_words_as_query(argv))
                result: object = sorted(vars(parsed).items())
            except SystemExit as exc:
                result = exc.code
        captured = capsys.readouterr()
        return result, captured.out, captured.err

    only = cli._command_in(argv)
    assert only is not None and only in argv  # each of these names its command
    assert parse(only) == parse(None)
