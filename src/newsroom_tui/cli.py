"""The command line: a thin layer over the engine. Every command takes --profile and --data-dir.

Exit codes: 0 success, 1 some sources failed (the rest was synced) or the thing asked for was
not found, 2 usage or profile errors, 3 a sync that could reach nothing (offline). Results go to
stdout; progress, failures and errors to stderr, one line each; tracebacks go to the log file.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newsroom_tui import __version__, i18n, paths
from newsroom_tui.i18n import _, ngettext
from newsroom_tui.lazy_re import lazy_compile
from newsroom_tui.local_formats import format_number
from newsroom_tui.logfile import get_logger, setup_logging
from newsroom_tui.process_settings import tune_process
from newsroom_tui.profiles import (
    Profile,
    ProfileError,
    check_selectors,
    list_profiles,
    load_profile,
    profile_file,
)
from newsroom_tui.sanitise import clean_body, clean_line, clean_text, clean_title
from newsroom_tui.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from typing import TypeAlias

    from newsroom_tui.models import Release, SyncProgress, SyncReport
    from newsroom_tui.newsrooms.multistore import MultiStore
    from newsroom_tui.newsrooms.sync_all import NewsroomSync
    from newsroom_tui.storage.store import Store
    from newsroom_tui.watches import WatchNews

log = get_logger(__name__)

SEARCH_FLAGS = {
    "section": "section",
    "tag": "tag",
    "lang": "lang",
    "since": "since",
    "until": "until",
    "year": "year",
    "unread": "is",
    "starred": "is",
}
"""`search` flags and the filter key each one stands for."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_OFFLINE = 3
DEMO_PROFILE = "demo"


class CliError(Exception):
    """An expected failure: its message is printed as one line; `code` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


# --- arguments -----------------------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--profile",
        metavar="ID_OR_FILE",
        default=default,
        help=_("newsroom profile: a built-in or user profile id, or a TOML file (default: iom-fr)"),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=_(
            "where the database lives (default: the user data directory, or $NEWSROOM_TUI_DATA_DIR)"
        ),
    )
    _ui_lang_option(parser, default)


def _ui_lang_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--ui-lang",
        metavar="LANG",
        choices=i18n.LANGUAGES,
        default=default,
        help=_(
            "the interface language: en, fr or es (default: the ui_lang setting, else the"
            " locale: LC_ALL, LC_MESSAGES, LANG)"
        ),
    )


_Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _subparser(sub: _Commands, name: str, help_text: str) -> argparse.ArgumentParser:
    """A command's parser, with its help line as the description of its own --help."""
    parser = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
    _help_option(parser)
    return parser


def _help_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))


def _sync_parser(sub: _Commands) -> None:
    p = _subparser(sub, "sync", _("fetch new and changed releases and section pages"))
    _common(p, top=False)
    p.add_argument("--no-sections", action="store_true", help=_("skip the site's menu pages"))
    p.add_argument(
        "--no-pages",
        action="store_true",
        help=_(
            "headlines only: store new items from their feed summaries; a later sync fetches"
            " their pages"
        ),
    )
    p.add_argument("--json", action="store_true", help=_("print the summary as JSON"))
    p.add_argument(
        "--all",
        action="store_true",
        help=_(
            "sync every enabled newsroom (config.toml's newsrooms and the user profiles):"
            " different servers at once, one server's newsrooms in turn"
        ),
    )
    p.add_argument(
        "--every",
        metavar="DURATION",
        type=_duration,
        help=_(
            "sync again every DURATION (30m, 2h; at least 1m) until Ctrl-C or SIGTERM, which"
            " stop it between two batches"
        ),
    )


def _search_parser(sub: _Commands) -> None:
    p = _subparser(sub, "search", _("search the cached releases"))
    _common(p, top=False)
    p.add_argument(
        "query",
        nargs="?",
        default="",
        help=_('words, "phrases", prefix*, -word, AND/OR/NOT, (groups), filters such as tag:X'),
    )
    # Each flag is its filter typed after the query (query.SEARCH_FLAGS): same values, same errors.
    for flag, key in SEARCH_FLAGS.items():
        if key == "is":
            same = _("the same as {filter}").format(filter=f"is:{flag}")
            p.add_argument(f"--{flag}", action="store_true", help=same)
        else:
            same = _("the same as {filter}").format(filter=f"{key}:{key.upper()}")
            p.add_argument(f"--{flag}", metavar=key.upper(), help=same)
    p.add_argument(
        "--limit", type=_positive, default=20, help=_("the most results to print (default: 20)")
    )
    p.add_argument(
        "--order",
        choices=("newest", "relevance"),
        default="newest",
        help=_("newest first (the default) or by relevance"),
    )
    p.add_argument(
        "--all",
        action="store_true",
        help=_("search every enabled newsroom (newsroom:ID in the query picks one)"),
    )
    p.add_argument(
        "--saved",
        metavar="NAME",
        help=_(
            "run the watch (saved search) NAME, across every enabled newsroom; a query given"
            " too narrows it"
        ),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--exclude-word", action="append", default=[], help=argparse.SUPPRESS)


def _show_parser(sub: _Commands) -> None:
    p = _subparser(sub, "show", _("print one release as Markdown"))
    _common(p, top=False)
    p.add_argument(
        "id", metavar="ID_OR_URL", help=_("a release's id (as printed by search) or URL")
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--lang",
        metavar="LANG",
        help=_(
            "print the release's version in this language (as its page links it; fetched and"
            " cached when no newsroom's cache holds it)"
        ),
    )
    which.add_argument(
        "--diff",
        action="store_true",
        help=_("print what changed since the previous version, as a unified diff"),
    )


def _extract_parser(sub: _Commands) -> None:
    p = _subparser(sub, "extract", _("run the extraction pipeline on one page; stores nothing"))
    _common(p, top=False)
    p.add_argument("source", metavar="PATH_OR_URL", help=_("a page's file or address"))
    p.add_argument("--url", help=_("the page's address, to resolve relative links of a local file"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))


def _export_parser(sub: _Commands) -> None:
    p = _subparser(sub, "export", _("write releases as Markdown files with YAML front matter"))
    _common(p, top=False)
    p.add_argument("directory", metavar="DIR", help=_("the folder the files are written to"))
    p.add_argument(
        "releases",
        nargs="*",
        metavar="ID_OR_URL",
        help=_("only these releases (ids as printed by search, or URLs); default: every release"),
    )


def _contacts_parser(sub: _Commands) -> None:
    p = _subparser(sub, "contacts", _("list press contacts across all cached releases"))
    _common(p, top=False)
    p.add_argument("query", nargs="?", default="", help=_("filter by name, office, email or phone"))
    p.add_argument("--all", action="store_true", help=_("the contacts of every enabled newsroom"))
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument(
        "--json", action="store_const", dest="format", const="json", help=_("print JSON")
    )
    fmt.add_argument("--csv", action="store_const", dest="format", const="csv", help=_("print CSV"))
    fmt.add_argument(
        "--vcard", action="store_const", dest="format", const="vcard", help=_("print vCards")
    )


def _profiles_parser(sub: _Commands) -> None:
    p = _subparser(sub, "profiles", _("list, show or check profiles (default: list)"))
    _ui_lang_option(p, argparse.SUPPRESS)
    actions = p.add_subparsers(dest="profiles_command", metavar="ACTION", title=_("actions"))
    q = _subparser(actions, "list", _("list built-in and user profiles"))
    _ui_lang_option(q, argparse.SUPPRESS)
    q = _subparser(actions, "show", _("print a profile's TOML (a start for your own)"))
    _ui_lang_option(q, argparse.SUPPRESS)
    q.add_argument("profile_ref", metavar="ID_OR_FILE", help=_("a profile's id or file"))
    q = _subparser(
        actions,
        "check",
        _("validate a profile and run its selectors on a page, printing what each found"),
    )
    q.add_argument("profile_ref", metavar="FILE_OR_ID", help=_("a profile's file or id"))
    _ui_lang_option(q, argparse.SUPPRESS)
    q.add_argument("--page", metavar="URL_OR_PATH", help=_("a release or listing page to try"))
    q.add_argument("--url", help=_("the page's address, to resolve the links of a local file"))
    q = _subparser(
        actions,
        "import-opml",
        _("make a user profile of each feed of an OPML file (none overwritten)"),
    )
    _ui_lang_option(q, argparse.SUPPRESS)
    q.add_argument("opml_file", metavar="FILE", help=_("an OPML file"))
    q.add_argument(
        "--language", default="en", help=_("the language of feeds whose outline names none")
    )
    q = _subparser(actions, "export-opml", _("write the feeds of the enabled newsrooms as OPML"))
    _ui_lang_option(q, argparse.SUPPRESS)
    q.add_argument("opml_file", metavar="FILE", nargs="?", help=_("default: stdout"))


_COMMAND_PARSERS: dict[str, Callable[[_Commands], None]] = {
    "sync": _sync_parser,
    "search": _search_parser,
    "show": _show_parser,
    "extract": _extract_parser,
    "export": _export_parser,
    "contacts": _contacts_parser,
    "profiles": _profiles_parser,
}
"""Each command's parser, in the order --help lists them."""

_TOP_FLAGS = frozenset(["--demo"])
_TOP_VALUE_OPTIONS = frozenset(["--profile", "--data-dir", "--ui-lang"])


def _command_in(argv: Sequence[str]) -> str | None:
    """The command `argv` names, when that is certain without a parser: the first word after
    the top-level options, if it is a command's name. None (the whole parser is built) for
    anything else: no command, help or version asked for, an option written another way
    (`--profile=X`, an abbreviation), `--`."""
    words = iter(argv)
    for word in words:
        if word in _TOP_VALUE_OPTIONS:
            next(words, None)
        elif word not in _TOP_FLAGS:
            return word if word in _COMMAND_PARSERS else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only` (a command's name), that command's own parser
    alone is built under the top level (see _command_in: building all of them costs a short
    command a few ms, and parsing its arguments needs only its own)."""
    parser = argparse.ArgumentParser(
        prog="newsroom-tui",
        description=_(
            "Read an organisation's newsroom in the terminal. Without a command, opens the reader."
        ),
        add_help=False,
    )
    _help_option(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"newsroom-tui {__version__}",
        help=_("show the program's version number and exit"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("serve the bundled demo newsroom on 127.0.0.1, sync it and open the reader"),
    )
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))
    for name, add in _COMMAND_PARSERS.items():
        if only is None or name == only:
            add(sub)
    return parser


MAX_LIMIT = 1_000_000
"""Largest --limit (a number the database can take; more results than any cache holds)."""


def _duration(text: str) -> float:
    from newsroom_tui.settings import parse_duration

    try:
        seconds = parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError(_("expected a duration like 30m or 2h"))
    return seconds


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("expected a number, got {text!r}").format(text=text)
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    if value > MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            _("must be at most {limit}").format(limit=format_number(MAX_LIMIT))
        )
    return value


_TEXT_ARGUMENTS = ("id", "query", "section", "tag", "lang")
"""Arguments that are looked up in the database as text."""
_SEARCH_VALUE_OPTIONS = frozenset(
    {
        "--profile",
        "--data-dir",
        "--ui-lang",
        "--section",
        "--tag",
        "--lang",
        "--since",
        "--until",
        "--year",
        "--limit",
        "--order",
    }
)
_DASH_WORD = lazy_compile(r"-[^-\d\s]\S*")


def _as_text(value: str) -> str:
    """An argument as text the database can hold: bytes the terminal sent that are not UTF-8
    (kept by Python as lone surrogates) become U+FFFD."""
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _dash_words_as_query(argv: list[str]) -> list[str]:
    """`search -sahel`: a word of the search syntax that starts with '-' (a word to exclude) is
    part of the query, not an unknown option, wherever it stands. argparse would read it as an
    option; it is passed as `--exclude-word=-sahel` instead."""
    command_at = None
    index = 0
    while index < len(argv):
        token = argv[index]
        if token in ("--profile", "--data-dir", "--ui-lang"):
            index += 2
            continue
        if not token.startswith("-"):
            command_at = index
            break
        index += 1
    if command_at is None or argv[command_at] != "search":
        return argv
    result = argv[: command_at + 1]
    tokens = iter(argv[command_at + 1 :])
    for token in tokens:
        if token == "--":
            result += [token, *tokens]
            break
        if token in _SEARCH_VALUE_OPTIONS:
            result += [token, next(tokens, "")]
            continue
        if _DASH_WORD.fullmatch(token) and token != "-h":
            result.append(f"--exclude-word={token}")
            continue
        result.append(token)
    return result


# Characters JSON leaves raw that a terminal may act on (C1, bidi controls, line separators):
# written as \uXXXX escapes, so the data is unchanged and the output is safe to print.
_JSON_UNSAFE = lazy_compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _print_json(payload: object, out: TextIO) -> None:
    import json

    text = json.dumps(payload, ensure_ascii=False, indent=2)
    out.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


# --- shared plumbing -------------------------------------------------------------------------------


@dataclasses.dataclass
class Context:
    profile: Profile
    data_dir: Path
    out: TextIO
    err: TextIO
    settings: Settings = dataclasses.field(default_factory=Settings)

    @property
    def db_path(self) -> Path:
        return paths.database_path(self.data_dir, self.profile.id)

    @contextlib.contextmanager
    def store(self) -> Iterator[Store]:
        from newsroom_tui.storage.store import Store

        store = Store.open(self.db_path)
        try:
            if store.recovered_from is not None:
                print(
                    "newsroom-tui: "
                    + _(
                        "the database was damaged; it was moved to {path} and a new one was created"
                    ).format(path=store.recovered_from),
                    file=self.err,
                )
            yield store
        finally:
            store.close()


@contextlib.contextmanager
def newsroom_stores(
    ctx: Context, *, everything: bool, named: str | None = None
) -> Iterator[MultiStore]:
    """The caches of several newsrooms read as one: every enabled newsroom (`everything`), or
    the one `named` (newsroom:ID), with this command's profile as home. Newsrooms never synced
    are left out (nothing is created for them)."""
    from newsroom_tui.newsrooms.enabled import enabled_profiles
    from newsroom_tui.newsrooms.multistore import MultiStore

    profiles, problems = enabled_profiles(ctx.settings, ctx.profile)
    for line in problems:
        print(f"newsroom-tui: {clean_line(line, limit=400)}", file=ctx.err)
    if named is not None and named not in {p.id for p in profiles}:
        try:
            profiles.append(load_profile(named, check_css=False))
        except ProfileError:
            known = ", ".join(p.id for p in profiles)
            raise CliError(
                _("newsroom:{id} names no profile (enabled: {known})").format(
                    id=named, known=known
                ),
                EXIT_USAGE,
            ) from None
    databases = {ctx.profile.id: ctx.db_path}
    for profile in profiles:
        path = paths.database_path(ctx.data_dir, profile.id)
        wanted = everything or profile.id == named
        if wanted and profile.id not in databases and path.exists():
            databases[profile.id] = path
    with MultiStore.open(databases, ctx.profile.id) as multi:
        yield multi


_CHECKS_SELECTORS = frozenset(["sync", "extract"])
"""Commands that load the profile with its CSS selectors checked (`profiles check` too)."""


def _context(args: argparse.Namespace, out: TextIO, err: TextIO) -> Context:
    # Only the commands that run the profile's CSS selectors on pages check them (compiling
    # them costs more than a search); the reader checks them before it syncs, not at start.
    check_css = args.command in _CHECKS_SELECTORS
    headlines_only = (
        args.command == "sync" and getattr(args, "no_pages", False) and args.no_sections
    )
    settings = load_settings()
    if args.command is None:  # the reader's keys are checked before it starts
        from newsroom_tui.key_bindings import BINDING_IDS
        from newsroom_tui.settings import check_binding_ids

        check_binding_ids(settings, BINDING_IDS)
    profile = load_profile(
        getattr(args, "profile", None), check_css=check_css and not headlines_only
    )
    if headlines_only and profile.sources.listing is not None:
        check_selectors(profile, pages=False)  # a listing's cards are still read
    return Context(profile, paths.data_dir(getattr(args, "data_dir", None)), out, err, settings)


@contextlib.contextmanager
def serving_demo_if_needed(ctx: Context) -> Iterator[Context]:
    """For the built-in demo profile, serve the bundled site on 127.0.0.1 while the block runs."""
    if ctx.profile.id != DEMO_PROFILE:  # nothing to serve: the demo's server is not imported
        yield ctx
        return
    from newsroom_tui.demo.server import serving_demo

    with serving_demo(ctx.profile) as profile:
        yield dataclasses.replace(ctx, profile=profile)


class ProgressPrinter:
    """Progress on stderr: on a terminal, a bar per phase redrawn in place, each left at its
    final count when the next phase starts; to a pipe or file, one plain line per phase."""

    WIDTH = 30
    REDRAW = 0.05
    """Seconds between two redraws of the bar (the last count of a phase is always drawn)."""

    def __init__(self, stream: TextIO) -> None:
        from newsroom_tui.models import SYNC_PHASES, phase_label

        self.phase_label = phase_label
        self.stream = stream
        self.tty = stream.isatty()
        self.phase = ""
        self.drawn_at = 0.0
        self.undrawn: SyncProgress | None = None
        """The phase's latest count when it was not drawn yet (redraws are spaced)."""
        self.label_width = max(9, *(len(phase_label(phase)) for phase in SYNC_PHASES))

    def __call__(self, progress: SyncProgress) -> None:
        if not self.tty:
            if progress.phase != self.phase and progress.phase != "done":
                line = _("{phase}: {count} to do").format(
                    phase=self.phase_label(progress.phase), count=format_number(progress.total)
                )
                self.stream.write(line + "\n")
                self.stream.flush()
            self.phase = progress.phase
            return
        if progress.phase != self.phase and self.phase:
            if self.undrawn is not None:
                self._draw(self.undrawn)
            self.stream.write("\n")  # the finished phase's bar stays, at its last count
        self.phase = progress.phase
        self.undrawn = None
        if progress.phase == "done":
            self.stream.flush()
            return
        now = time.monotonic()
        if progress.done < progress.total and now - self.drawn_at < self.REDRAW:
            self.undrawn = progress
            return
        self.drawn_at = now
        self._draw(progress)

    def _draw(self, progress: SyncProgress) -> None:
        total = max(progress.total, 0)
        filled = self.WIDTH * min(progress.done, total) // total if total else self.WIDTH
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        # \r then erase to the end of the line: a shorter line never keeps the end of a longer one
        label = self.phase_label(progress.phase).ljust(self.label_width)
        self.stream.write(f"\r\x1b[K{label} [{bar}] {progress.done}/{total}")
        self.stream.flush()


def format_report(report: SyncReport) -> str:
    """The sync's summary line."""
    line = _(
        "{new} new, {updated} updated, {unchanged} unchanged, {failed} failed;"
        " {sections} section pages"
    ).format(
        new=format_number(report.new),
        updated=format_number(report.updated),
        unchanged=format_number(report.unchanged),
        failed=format_number(len(report.failed)),
        sections=format_number(report.sections),
    )
    if report.new == report.updated == 0 and not report.failed:
        line += _("; nothing changed")
    return line


def report_json(report: SyncReport) -> dict[str, object]:
    return {
        "new": report.new,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "sections": report.sections,
        "failed": [{"source": f.url, "reason": f.reason} for f in report.failed],
        "offline": report.offline,
        "cancelled": report.cancelled,
    }


def print_failures(report: SyncReport, err: TextIO) -> None:
    """One line per failure on stderr, naming the source and the reason; then one line when
    nothing could be reached at all."""
    for failure in report.failed:
        source, reason = clean_line(failure.url, limit=300), clean_line(failure.reason, limit=300)
        print(
            "newsroom-tui: " + _("failed: {source}: {reason}").format(source=source, reason=reason),
            file=err,
        )
    if report.offline:
        print(
            "newsroom-tui: "
            + _("offline: no source could be reached (no network, or the site is down)"),
            file=err,
        )


def sync_exit_code(report: SyncReport) -> int:
    """0: every source answered; 1: some failed, the rest was synced; EXIT_OFFLINE: nothing
    could be reached."""
    if report.offline:
        return EXIT_OFFLINE
    return EXIT_FAILED if report.failed else EXIT_OK


# --- commands ------------------------------------------------------------------------------------


def cmd_sync(args: argparse.Namespace, ctx: Context) -> int:
    from newsroom_tui.ingest.sync import run_sync

    if args.every:
        return _sync_every(args, ctx)
    if args.all:
        return _sync_all(args, ctx)

    with serving_demo_if_needed(ctx) as live, live.store() as store:
        progress = ProgressPrinter(live.err)
        new_ids = store.collect_new_ids()
        report = run_sync(
            live.profile,
            store,
            progress=progress,
            sections=not args.no_sections,
            pages=not args.no_pages,
        )
    print_failures(report, live.err)
    news = _watch_news(ctx, {ctx.profile.id: new_ids})
    if args.json:
        _print_json(report_json(report) | {"watches": _news_json(news)}, live.out)
    else:
        print(format_report(report), file=live.out)
        _print_news(news, live.out)
    return sync_exit_code(report)


def _watch_news(ctx: Context, new_ids: dict[str, list[str]]) -> list[WatchNews]:
    """What the sync brought each watch (a watches file that cannot be read is one warning);
    the desktop notification too when the settings ask for it."""
    from newsroom_tui.watches import (
        WatchError,
        announcement,
        desktop_notify,
        load_watches,
        new_matches,
    )

    try:
        watches = load_watches()
    except WatchError as exc:
        problem = _("watches not checked: {error}").format(error=clean_line(str(exc), limit=400))
        print(f"newsroom-tui: {problem}", file=ctx.err)
        return []
    if not watches or not any(new_ids.values()):
        return []
    with newsroom_stores(ctx, everything=True) as multi:
        news = new_matches(multi, watches, new_ids)
    if ctx.settings.desktop_notifications:
        for item in news:
            desktop_notify(
                ctx.settings.notify_command, "newsroom-tui", clean_line(announcement(item))
            )
    return news


def _news_json(news: list[WatchNews]) -> list[dict[str, object]]:
    return [{"name": n.watch.name, "query": n.watch.query_text, "new": n.new} for n in news]


def _print_news(news: list[WatchNews], out: TextIO) -> None:
    for item in news:
        title = f": {clean_title(item.newest_title)}" if item.newest_title else ""
        line = ngettext(
            "watch {name}: {count} new release", "watch {name}: {count} new releases", item.new
        ).format(name=clean_line(item.watch.name), count=item.new)
        print(f"{line}{title}", file=out)


class NewsroomProgress:
    """Progress of several newsrooms syncing at once: one plain line per phase, named."""

    def __init__(self, newsroom: str, stream: TextIO) -> None:
        self.newsroom = newsroom
        self.stream = stream
        self.phase = ""

    def __call__(self, progress: SyncProgress) -> None:
        if progress.phase != self.phase and progress.phase != "done":
            self.stream.write(f"{self.newsroom}: {progress.phase}: {progress.total} to do\n")
            self.stream.flush()
        self.phase = progress.phase


def run_sync_all(args: argparse.Namespace, ctx: Context) -> list[NewsroomSync]:
    """Sync every enabled newsroom; Ctrl-C stops them between two batches."""
    import asyncio

    from newsroom_tui.newsrooms.enabled import enabled_profiles
    from newsroom_tui.newsrooms.sync_all import sync_newsrooms

    profiles, problems = enabled_profiles(ctx.settings, ctx.profile, check_css=False)
    for line in problems:
        print(f"newsroom-tui: {clean_line(line, limit=400)}", file=ctx.err)
    return asyncio.run(
        sync_newsrooms(
            profiles,
            ctx.data_dir,
            progress=lambda p: NewsroomProgress(p.id, ctx.err),
            sections=not args.no_sections,
            pages=not args.no_pages,
        )
    )


def _sync_all(args: argparse.Namespace, ctx: Context) -> int:
    from newsroom_tui.newsrooms.sync_all import combined_exit

    results = run_sync_all(args, ctx)
    news = _watch_news(ctx, {r.profile.id: r.new_ids for r in results})
    for result in results:
        newsroom = result.profile.id
        if result.report is not None:
            for failure in result.report.failed:
                source = clean_line(failure.url, limit=300)
                reason = clean_line(failure.reason, limit=300)
                failed = _("failed: {source}: {reason}").format(source=source, reason=reason)
                print(f"newsroom-tui: {newsroom}: {failed}", file=ctx.err)
        elif result.error:
            print(f"newsroom-tui: {newsroom}: {clean_line(result.error, limit=400)}", file=ctx.err)
    if args.json:
        payload = {"newsrooms": [_newsroom_json(r) for r in results], "watches": _news_json(news)}
        _print_json(payload, ctx.out)
    else:
        for result in results:
            line = (
                format_report(result.report)
                if result.report
                else _("not synced: {error}").format(error=result.error)
            )
            print(f"{result.profile.id}: {clean_line(line, limit=500)}", file=ctx.out)
        _print_news(news, ctx.out)
    return combined_exit(results)


def _sync_every(args: argparse.Namespace, ctx: Context) -> int:
    """Sync (every enabled newsroom with --all) now and again every `args.every` seconds until
    SIGINT or SIGTERM. A signal during a sync stops it between two batches (each batch is one
    transaction: nothing is left half-written); between syncs it ends the wait at once."""
    import asyncio
    import signal
    from datetime import datetime

    from newsroom_tui.newsrooms.enabled import enabled_profiles
    from newsroom_tui.newsrooms.sync_all import combined_exit, sync_newsrooms
    from newsroom_tui.settings import format_duration

    if args.all:
        profiles, problems = enabled_profiles(ctx.settings, ctx.profile, check_css=False)
        for line in problems:
            print(f"newsroom-tui: {clean_line(line, limit=400)}", file=ctx.err)
    else:
        profiles = [ctx.profile]
    stopped_by: list[str] = []

    async def forever() -> int:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()

        def on_signal(name: str) -> None:
            stopped_by.append(name)
            stop.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, on_signal, sig.name)
        code = EXIT_OK
        every = format_duration(args.every)
        while not stop.is_set():
            results = await sync_newsrooms(
                profiles,
                ctx.data_dir,
                progress=lambda p: NewsroomProgress(p.id, ctx.err),
                sections=not args.no_sections,
                pages=not args.no_pages,
                cancel=stop,
            )
            code = combined_exit(results)
            news = _watch_news(ctx, {r.profile.id: r.new_ids for r in results})
            when = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
            for result in results:
                line = (
                    format_report(result.report)
                    if result.report
                    else _("not synced: {error}").format(error=result.error)
                )
                print(f"{when} {result.profile.id}: {clean_line(line, limit=500)}", file=ctx.out)
            _print_news(news, ctx.out)
            ctx.out.flush()
            if stop.is_set():
                break
            waiting = _("next sync in {duration} (Ctrl-C stops)").format(duration=every)
            print(f"newsroom-tui: {waiting}", file=ctx.err)
            ctx.err.flush()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=args.every)
        return code

    code = asyncio.run(forever())
    if stopped_by:
        stopped = _("stopped ({signal}); every batch stored is complete").format(
            signal=stopped_by[0]
        )
        print(f"newsroom-tui: {stopped}", file=ctx.err)
        return EXIT_OK
    return code


def _newsroom_json(result: NewsroomSync) -> dict[str, object]:
    payload: dict[str, object] = {"newsroom": result.profile.id}
    if result.report is not None:
        payload |= report_json(result.report)
    payload["error"] = result.error or None
    return payload


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    from newsroom_tui.query import QueryError, parse_query
    from newsroom_tui.records import SNIPPET_CLOSE, SNIPPET_OPEN

    flags: list[tuple[str, str]] = []
    for flag, key in SEARCH_FLAGS.items():
        value = getattr(args, flag)
        if key == "is" and value:
            flags.append((key, flag))
        elif key != "is" and value is not None:
            flags.append((key, value))
    text = " ".join(part for part in (args.query, *args.exclude_word) if part)
    if args.saved is not None:
        from newsroom_tui.watches import WatchError, find_watch, load_watches

        try:
            watch = find_watch(args.saved, load_watches())
        except WatchError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        text = f"{watch.query_text} {text}".strip()
        args.all = True
    try:
        query = parse_query(text, filters=flags)
    except QueryError as exc:
        raise CliError(_("invalid query: {error}").format(error=exc), EXIT_USAGE) from None
    if args.all or query.newsroom is not None:
        with newsroom_stores(ctx, everything=args.all, named=query.newsroom) as multi:
            results = multi.search(query, limit=args.limit, order=args.order)
            misses = multi.filter_misses(query)
            for hit in results.hits:
                hit.id = multi.split(hit.id)[1]
    else:
        with ctx.store() as store:
            results = store.search(query, limit=args.limit, order=args.order)
            misses = store.filter_misses(query)
    across = args.all or query.newsroom is not None
    for line in misses:
        print(f"newsroom-tui: {clean_line(line, limit=400)}", file=ctx.err)
    if args.json:
        payload = {
            "query": text,
            "total": results.total,
            "results": [
                {
                    "id": hit.id,
                    "title": hit.title,
                    "url": hit.url,
                    "published": hit.published.isoformat() if hit.published else None,
                    "section": hit.section,
                    "snippet": hit.snippet.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, ""),
                    "newsroom": hit.newsroom or ctx.profile.id,
                }
                for hit in results.hits
            ],
        }
        _print_json(payload, ctx.out)
        return EXIT_OK
    if not results.hits:
        print(_("no results"), file=ctx.out)
        return EXIT_OK
    for hit in results.hits:
        day = hit.published.date().isoformat() if hit.published else _("unknown date")
        snippet = clean_line(hit.snippet.replace(SNIPPET_OPEN, "«").replace(SNIPPET_CLOSE, "»"))
        ref = _("id: {id}").format(id=clean_line(hit.id))
        where = f"{clean_line(hit.newsroom)}  " if across and hit.newsroom else ""
        print(
            f"{day}  {where}{clean_title(hit.title)}\n    {ref}  {clean_line(hit.url)}"
            f"\n    {snippet}",
            file=ctx.out,
        )
    shown = len(results.hits)
    summary = ngettext(
        "{shown} of {total} result", "{shown} of {total} results", results.total
    ).format(shown=format_number(shown), total=format_number(results.total))
    print(summary, file=ctx.out)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store() as store:
        release = store.find_release(args.id)
        if release is None:
            raise CliError(_not_found(args.id))
        if args.diff:
            return _show_diff(args, ctx, store, release)
        if args.lang:
            release = _language_version(args.lang, ctx, store, release)
    if args.json:
        _print_json(release.to_json(), ctx.out)
        return EXIT_OK
    day = release.published.date().isoformat() if release.published else _("unknown date")
    print(f"# {clean_title(release.title)}\n", file=ctx.out)
    print(f"{day} · {clean_line(release.url)}\n", file=ctx.out)
    print(clean_body(release.markdown.strip() or release.summary), file=ctx.out)
    if release.contacts:
        print("\n## " + _("Contacts") + "\n", file=ctx.out)
        for contact in release.contacts:
            parts = [contact.name, contact.organization, *contact.phones, *contact.emails]
            print("- " + " · ".join(clean_line(p) for p in parts if p), file=ctx.out)
    return EXIT_OK


def _not_found(ref: str) -> str:
    return _("no release with the id or URL {ref} (ids and URLs are printed by `search`)").format(
        ref=repr(clean_line(ref, limit=200))
    )


def _language_version(language: str, ctx: Context, store: Store, release: Release) -> Release:
    """The release's version in `language`: cached here or in another newsroom's cache, else
    fetched and stored (see versions.languages)."""
    import asyncio

    from newsroom_tui.versions.languages import (
        VersionUnavailable,
        fetch_version,
        find_version,
        language_versions,
    )

    versions = language_versions(release, store, ctx.data_dir)
    if not versions:
        raise CliError(_("this release's page links no version in another language"))
    version = find_version(versions, language)
    if version is None:
        linked = " ".join(v.language for v in versions)
        raise CliError(
            _("no {language} version: the page links {linked}").format(
                language=clean_line(language), linked=linked
            )
        )
    if version.release is not None:
        return version.release
    with serving_demo_if_needed(ctx) as live:
        try:
            fetched = asyncio.run(fetch_version(version, live.profile, live.data_dir))
        except VersionUnavailable as exc:
            raise CliError(str(exc)) from None
    print(
        "newsroom-tui: "
        + _("the {language} version was fetched and stored in the {profile} cache").format(
            language=version.language, profile=fetched.profile.id
        ),
        file=ctx.err,
    )
    return fetched.release


def _show_diff(args: argparse.Namespace, ctx: Context, store: Store, release: Release) -> int:
    """What changed between the previous version and the current one; printing it counts as
    seeing the change (the ✎ marker goes)."""
    from newsroom_tui.storage.errors import StoreError
    from newsroom_tui.versions.changes import contact_changes, unified_diff
    from newsroom_tui.versions.delta import DeltaError

    try:
        earlier = store.earlier_versions(release.id, limit=1)
    except DeltaError as exc:
        raise CliError(str(exc)) from None
    if not earlier:
        raise CliError(_("no earlier version of this release is kept: no sync has found it edited"))
    previous = earlier[0]
    when = previous.replaced_at.date().isoformat() if previous.replaced_at else _("unknown date")
    lines = unified_diff(
        previous.title,
        previous.markdown,
        previous.contacts,
        release.title,
        release.markdown,
        release.contacts,
        old_label=_("{id} (until {date})").format(id=release.id, date=when),
        new_label=_("{id} (now)").format(id=release.id),
    )
    if args.json:
        _print_json(
            {
                "id": release.id,
                "url": release.url,
                "replaced_at": previous.replaced_at.isoformat() if previous.replaced_at else None,
                "previous": {
                    "title": previous.title,
                    "markdown": previous.markdown,
                    "contacts": [c.to_json() for c in previous.contacts],
                },
                "contact_changes": [
                    {
                        "change": change.kind,
                        "name": (change.new or change.old).name,  # type: ignore[union-attr]
                        "details": change.details,
                    }
                    for change in contact_changes(previous.contacts, release.contacts)
                ],
                "diff": "\n".join(lines),
            },
            ctx.out,
        )
    else:
        print(clean_body("\n".join(lines)), file=ctx.out)
    try:
        store.mark_edit_seen(release.id)
    except StoreError as exc:  # a read-only cache: the diff was shown all the same
        log.info("not marking %s seen: %s", release.id, exc)
    return EXIT_OK


def cmd_extract(args: argparse.Namespace, ctx: Context) -> int:
    from newsroom_tui.extraction.extract import extract_page

    source: str = args.source
    charset = None
    if source.startswith(("http://", "https://")):
        data, url, charset = _fetch_one(source, ctx.profile)
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CliError(
                _("cannot read {path}: {error}").format(path=source, error=exc.strerror or exc)
            ) from None
        url = args.url or path.resolve().as_uri()
    page = extract_page(
        data, url, ctx.profile.extract, language=ctx.profile.language, encoding=charset
    )
    if args.json:
        payload = {
            "id": None,
            "url": page.url,
            "title": page.title,
            "published": page.published.isoformat() if page.published else None,
            "language": page.language,
            "section": "",
            "tags": page.tags,
            "summary": "",
            "markdown": page.markdown,
            "updated": False,
            "contacts": [c.to_json() for c in page.contacts],
            "notes": page.notes,
        }
        _print_json(payload, ctx.out)
        return EXIT_OK
    print(f"# {page.title}\n", file=ctx.out)
    if page.published:
        print(f"{page.published.isoformat()}\n", file=ctx.out)
    print(page.markdown, file=ctx.out)
    for note in page.notes:
        print(_("note: {note}").format(note=note), file=ctx.err)
    return EXIT_OK


def _fetch_one(url: str, profile: Profile) -> tuple[bytes, str, str | None]:
    """One page: its body, final URL and declared charset."""
    import asyncio

    from newsroom_tui.ingest.fetch import Fetcher, FetchError

    async def get() -> tuple[bytes, str, str | None]:
        async with Fetcher(profile.fetch) as fetcher:
            response = await fetcher.get(url, max_bytes=profile.fetch.max_page_bytes)
        return response.body or b"", response.url, response.charset

    try:
        return asyncio.run(get())
    except FetchError as exc:
        raise CliError(
            _("cannot fetch {url}: {error}").format(url=clean_line(url, limit=200), error=exc)
        ) from None


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from newsroom_tui.export import export_releases

    target = Path(args.directory)
    with ctx.store() as store:
        releases: Iterable[Release] = store.iter_releases()
        if args.releases:
            chosen: dict[str, Release] = {}
            for ref in args.releases:
                release = store.find_release(ref)
                if release is None:
                    raise CliError(_not_found(ref))
                chosen.setdefault(release.id, release)
            releases = chosen.values()
        try:
            count = export_releases(releases, target)
        except OSError as exc:
            raise CliError(
                _("cannot write to {path}: {error}").format(path=target, error=exc.strerror or exc)
            ) from None
    written = ngettext(
        "{count} release written to {path}", "{count} releases written to {path}", count
    )
    print(written.format(count=format_number(count), path=target), file=ctx.out)
    return EXIT_OK


def cmd_contacts(args: argparse.Namespace, ctx: Context) -> int:
    if args.all:
        with newsroom_stores(ctx, everything=True) as multi:
            entries = multi.contacts_directory(args.query)
    else:
        with ctx.store() as store:
            entries = store.contacts_directory(args.query)
    fmt = args.format
    if fmt == "json":
        payload = [
            {
                "name": e.name,
                "organization": e.organization,
                "emails": e.emails,
                "phones": e.phones,
                "releases": e.releases,
                "last_seen": e.last_seen.isoformat() if e.last_seen else None,
                "changed": e.changed,
                "previous": e.previous,
            }
            for e in entries
        ]
        _print_json(payload, ctx.out)
    elif fmt == "csv":
        import csv

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["name", "organization", "emails", "phones", "releases", "last_seen"])
        for e in entries:
            seen = e.last_seen.date().isoformat() if e.last_seen else ""
            row = [
                e.name,
                e.organization,
                "; ".join(e.emails),
                "; ".join(e.phones),
                e.releases,
                seen,
            ]
            writer.writerow([_csv_safe(clean_line(str(v))) for v in row])
        ctx.out.write(buffer.getvalue())
    elif fmt == "vcard":
        from newsroom_tui.extraction.contact_formats import format_vcard
        from newsroom_tui.models import Contact

        for e in entries:
            ctx.out.write(format_vcard(Contact(e.name, e.organization, e.phones, e.emails)))
    else:
        for e in entries:
            mark = " " + _("(changed)") if e.changed else ""
            seen = e.last_seen.date().isoformat() if e.last_seen else "?"
            details = clean_line(" · ".join([*e.emails, *e.phones]))
            name, org = clean_line(e.name), clean_line(e.organization)
            print(f"{name} — {org}{mark}\n    {details}", file=ctx.out)
            releases = ngettext(
                "{count} release, last {date}", "{count} releases, last {date}", e.releases
            ).format(count=format_number(e.releases), date=seen)
            print(f"    {releases}", file=ctx.out)
        count = ngettext("{count} contact", "{count} contacts", len(entries))
        print(count.format(count=format_number(len(entries))), file=ctx.out)
    return EXIT_OK


def _csv_safe(value: str) -> str:
    """Keep spreadsheet programs from treating a cell as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") and not value[1:2].isdigit() else value


def cmd_profiles(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    action = getattr(args, "profiles_command", None)
    if action == "show":
        return _show_profile(args.profile_ref, out)
    if action == "check":
        return _check_profile(args, out, err)
    if action == "import-opml":
        return _import_opml(args, out, err)
    if action == "export-opml":
        return _export_opml(args, out, err)
    kinds = {True: _("built-in"), False: _("user")}
    width = max(9, *(len(kind) for kind in kinds.values()))
    for info in list_profiles():
        kind = kinds[info.builtin]
        name, language = clean_line(info.name), clean_line(info.language)
        print(f"{clean_line(info.id):<12} {language:<3} {kind:<{width}} {name}", file=out)
        if not info.builtin:
            print(f"{'':<12} {clean_line(str(info.origin))}", file=out)
    return EXIT_OK


def _import_opml(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsroom_tui.opml import MAX_OPML_BYTES, OpmlError, import_opml

    path = Path(args.opml_file)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_OPML_BYTES + 1)
    except OSError as exc:
        raise CliError(
            _("cannot read {file}: {error}").format(
                file=clean_line(str(path)), error=exc.strerror or exc
            )
        ) from None
    try:
        report = import_opml(data, str(path), language=args.language)
    except OpmlError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    for line in report.skipped:
        print(f"newsroom-tui: {clean_line(line, limit=400)}", file=err)
    for profile_id, where in report.created:
        print(f"{profile_id}  {clean_line(str(where))}", file=out)
    created = ngettext(
        "{count} profile created", "{count} profiles created", len(report.created)
    ).format(count=len(report.created))
    left_out = ngettext("{count} left out", "{count} left out", len(report.skipped)).format(
        count=len(report.skipped)
    )
    print(f"{created}, {left_out}", file=out)
    return EXIT_OK if report.created or not report.skipped else EXIT_FAILED


def _export_opml(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsroom_tui.newsrooms.enabled import enabled_profiles
    from newsroom_tui.opml import export_opml

    profiles, problems = enabled_profiles(load_settings())
    text, left_out = export_opml(profiles)
    for line in [*problems, *left_out]:
        print(f"newsroom-tui: {clean_line(line, limit=400)}", file=err)
    if args.opml_file:
        try:
            Path(args.opml_file).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(
                _("cannot write {file}: {error}").format(
                    file=args.opml_file, error=exc.strerror or exc
                )
            ) from None
    else:
        out.write(text)
    return EXIT_OK


def _show_profile(ref: str, out: TextIO) -> int:
    path = profile_file(ref)[0]
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(str(path), "", _("cannot read: {error}").format(error=exc)) from None
    out.write(clean_text(text))
    return EXIT_OK


def _check_profile(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsroom_tui.demo.server import serving_demo
    from newsroom_tui.profile_check import check_page, describe

    profile = load_profile(args.profile_ref)
    for line in describe(profile):
        print(line, file=out)
    if not args.page:
        return EXIT_OK
    source: str = args.page
    charset = None
    if source.startswith(("http://", "https://")):
        with serving_demo(profile) as live:
            data, url, charset = _fetch_one(profile.resolve(source), live)
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CliError(
                _("cannot read {path}: {error}").format(path=source, error=exc.strerror or exc)
            ) from None
        url = args.url or path.resolve().as_uri()
    for line in check_page(profile, data, url, charset):
        print(line, file=out)
    return EXIT_OK


def cmd_reader(args: argparse.Namespace, ctx: Context) -> int:
    from newsroom_tui.app import build_app

    if args.demo:
        from newsroom_tui.demo.server import serving_demo
        from newsroom_tui.ingest.sync import run_sync

        with serving_demo(ctx.profile) as profile:
            with dataclasses.replace(ctx, profile=profile).store() as store:
                served = profile.fetch_address(profile.base_url)
                print(_("Syncing the demo newsroom from {url}").format(url=served), file=ctx.err)
                report = run_sync(profile, store, progress=ProgressPrinter(ctx.err))
                print_failures(report, ctx.err)
                print(format_report(report), file=ctx.err)
            build_app(
                profile, ctx.data_dir, demo=True, probe_network=True, settings=ctx.settings
            ).run()
        return EXIT_OK
    from newsroom_tui.newsrooms.enabled import enabled_profiles

    newsrooms, problems = enabled_profiles(ctx.settings, ctx.profile)
    for line in problems:
        print(f"newsroom-tui: {clean_line(line, limit=400)}", file=ctx.err)
    build_app(
        ctx.profile, ctx.data_dir, probe_network=True, settings=ctx.settings, newsrooms=newsrooms
    ).run()
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {
    "sync": cmd_sync,
    "search": cmd_search,
    "show": cmd_show,
    "extract": cmd_extract,
    "export": cmd_export,
    "contacts": cmd_contacts,
}


def _ui_lang_setting() -> str | None:
    """The settings' ui_lang (None when unset or when the file cannot be read: that error is
    reported once the language is chosen)."""
    try:
        return load_settings().ui_lang
    except SettingsError:
        return None


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    tune_process()
    arguments = list(sys.argv[1:] if argv is None else argv)
    i18n.use_language(i18n.choose_language(i18n.option_in_argv(arguments), _ui_lang_setting()))
    with i18n.argparse_speaking():
        parser = build_parser(only=_command_in(arguments))
        args = parser.parse_args(_dash_words_as_query(arguments))
    for name in _TEXT_ARGUMENTS:
        value = getattr(args, name, None)
        if isinstance(value, str):
            setattr(args, name, _as_text(value))
    log_path = setup_logging()
    if args.demo:
        if args.command:
            with i18n.argparse_speaking():
                parser.error(_("--demo opens the reader; use `--profile demo` with a command"))
        args.profile = DEMO_PROFILE
    from newsroom_tui.storage.errors import StoreError

    try:
        if args.command == "profiles":
            return cmd_profiles(args, out, err)
        ctx = _context(args, out, err)
        if args.command is None:
            return cmd_reader(args, ctx)
        return COMMANDS[args.command](args, ctx)
    except ProfileError as exc:
        print("newsroom-tui: " + _("invalid profile: {error}").format(error=exc), file=err)
        return EXIT_USAGE
    except SettingsError as exc:
        problem = _("invalid settings: {error}").format(error=clean_line(str(exc), limit=500))
        print(f"newsroom-tui: {problem}", file=err)
        return EXIT_USAGE
    except CliError as exc:
        print(f"newsroom-tui: {clean_line(str(exc))}", file=err)
        return exc.code
    except StoreError as exc:
        print(f"newsroom-tui: {clean_line(str(exc))}", file=err)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("newsroom-tui: " + _("interrupted"), file=err)
        return 130
    except Exception as exc:
        log.exception("unexpected error")
        detail = clean_line(f"{type(exc).__name__}: {exc}", limit=300)
        if log_path:
            line = _("unexpected error: {error} (details in {path})").format(
                error=detail, path=log_path
            )
        else:
            line = _("unexpected error: {error}").format(error=detail)
        print("newsroom-tui: " + line, file=err)
        return EXIT_FAILED
