"""Watches: saved searches kept in `watches.toml` in the config directory, a file people can edit.

    [[watch]]
    name = "Climate in the Sahel"
    query = 'climat sahel newsroom:iom-fr'

A watch's query is the search syntax (filters included). After a sync, the releases it stored
that match a watch are announced (`new_matches`); the reader lists a watch like a section, with
its unread count. A file that cannot be used is a `WatchError` with one line naming the file,
the watch and the key; a watch whose query does not parse is refused the same way.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsroom_tui import paths
from newsroom_tui.i18n import ngettext

if TYPE_CHECKING:
    from newsroom_tui.query import Query

log = logging.getLogger(__name__)

WATCHES_FILENAME = "watches.toml"
MAX_WATCHES = 200
MAX_NAME = 80
MAX_FILE_BYTES = 1_000_000


class WatchError(Exception):
    """A watches file or watch that cannot be used; str() is one line."""


@dataclass(frozen=True, slots=True)
class Watch:
    name: str
    query_text: str

    @property
    def query(self) -> Query:
        """The parsed query (checked when the watch was read)."""
        from newsroom_tui.query import parse_query

        return parse_query(self.query_text)


@dataclass(frozen=True, slots=True)
class WatchNews:
    """What a sync brought a watch: how many new releases match it, and the newest's title."""

    watch: Watch
    new: int
    newest_title: str = ""


def watches_path() -> Path:
    return paths.config_dir() / WATCHES_FILENAME


def _check_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise WatchError("a watch needs a name")
    if len(cleaned) > MAX_NAME:
        raise WatchError(f"a watch's name has at most {MAX_NAME} characters")
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in cleaned):
        raise WatchError("a watch's name cannot hold control characters")
    return cleaned


def _check_query(text: str, where: str) -> str:
    # The query language is imported only when there are watches (a sync checks the file).
    from newsroom_tui.query import QueryError, parse_query

    try:
        parse_query(text)
    except QueryError as exc:
        raise WatchError(f"{where}: query: {exc}") from None
    return text.strip()


def load_watches(path: Path | None = None) -> list[Watch]:
    """The watches of `path` (default: watches.toml in the config directory); none when the file
    does not exist. Raises WatchError (one line)."""
    path = path or watches_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise WatchError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise WatchError(f"{path}: larger than {MAX_FILE_BYTES:,} bytes")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        raise WatchError(f"{path}: invalid TOML: {exc}") from None
    return parse_watches(data, str(path))


def parse_watches(data: Mapping[str, Any], source: str) -> list[Watch]:
    unknown = [key for key in data if key != "watch"]
    if unknown:
        raise WatchError(f"{source}: {unknown[0]}: unknown key (a file of [[watch]] tables)")
    items = data.get("watch", [])
    if not isinstance(items, list):
        raise WatchError(f"{source}: watch: expected [[watch]] tables")
    if len(items) > MAX_WATCHES:
        raise WatchError(f"{source}: more than {MAX_WATCHES} watches")
    found: dict[str, Watch] = {}
    for index, item in enumerate(items):
        where = f"{source}: watch[{index}]"
        if not isinstance(item, dict):
            raise WatchError(f"{where}: expected a table with name and query")
        for key in item:
            if key not in ("name", "query"):
                raise WatchError(f"{where}: {key}: unknown key (keys: name, query)")
        name, query = item.get("name"), item.get("query")
        if not isinstance(name, str):
            raise WatchError(f"{where}: name: expected a string")
        if not isinstance(query, str):
            raise WatchError(f"{where}: query: expected a string")
        try:
            name = _check_name(name)
        except WatchError as exc:
            raise WatchError(f"{where}: name: {exc}") from None
        if name.casefold() in found:
            raise WatchError(f"{where}: name: {name!r} is used twice")
        found[name.casefold()] = Watch(name, _check_query(query, where))
    return list(found.values())


def _toml_string(text: str) -> str:
    """A TOML basic string (quotes, backslashes and control characters escaped)."""
    escaped = []
    for ch in text:
        if ch in ('"', "\\"):
            escaped.append("\\" + ch)
        elif ord(ch) < 32 or ord(ch) == 0x7F:
            escaped.append(f"\\u{ord(ch):04x}")
        else:
            escaped.append(ch)
    return '"' + "".join(escaped) + '"'


def write_watches(watches: Sequence[Watch], path: Path | None = None) -> Path:
    """Write the watches (atomically: a crash leaves the old file or the new one)."""
    path = path or watches_path()
    lines = [
        "# Saved searches of newsroom-tui: each [[watch]] has a name and a query in the search",
        "# syntax (filters included). Edit freely; the reader reads this file at start.",
        "",
    ]
    for watch in watches:
        lines += ["[[watch]]", f"name = {_toml_string(watch.name)}"]
        lines += [f"query = {_toml_string(watch.query_text)}", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_text("\n".join(lines), encoding="utf-8")
    os.replace(part, path)
    return path


def save_watch(name: str, query_text: str, path: Path | None = None) -> tuple[Watch, bool]:
    """Add a watch, or replace the one of that name; (the watch, whether it replaced one).
    Raises WatchError."""
    watch = Watch(_check_name(name), _check_query(query_text, "the search"))
    watches = load_watches(path)
    replaced = any(w.name.casefold() == watch.name.casefold() for w in watches)
    kept = [w for w in watches if w.name.casefold() != watch.name.casefold()]
    if len(kept) >= MAX_WATCHES:
        raise WatchError(f"at most {MAX_WATCHES} watches")
    write_watches([*kept, watch], path)
    return watch, replaced


def find_watch(name: str, watches: Sequence[Watch]) -> Watch:
    for watch in watches:
        if watch.name.casefold() == " ".join(name.split()).casefold():
            return watch
    known = ", ".join(w.name for w in watches) or "none saved yet"
    raise WatchError(f"no watch named {name!r} (watches: {known})")


def new_matches(
    stores: Any, watches: Sequence[Watch], new_ids: Mapping[str, Sequence[str]]
) -> list[WatchNews]:
    """For each watch, how many of the releases a sync stored new (`new_ids`: newsroom -> ids
    in its cache) match it, and the newest's title; only the watches with some. `stores` is a
    MultiStore (newsrooms/multistore)."""
    news: list[WatchNews] = []
    for watch in watches:
        query = watch.query
        total, newest, newest_key = 0, "", -1
        for newsroom, ids in new_ids.items():
            if not ids or newsroom not in stores.ids:
                continue
            if query.newsroom is not None and query.newsroom != newsroom:
                continue
            store = stores.store(newsroom)
            matched = store.matching_ids(query, ids)
            total += len(matched)
            if matched:
                key = store.release_key(matched[0]) or 0
                if key > newest_key:
                    release = store.get_release(matched[0])
                    newest, newest_key = (release.title if release else ""), key
        if total:
            news.append(WatchNews(watch, total, newest))
    return news


def announcement(item: WatchNews) -> str:
    """One line for a watch's news: 'Watch "Climate": 2 new releases'."""
    return ngettext(
        "Watch {name}: {count} new release", "Watch {name}: {count} new releases", item.new
    ).format(name=repr(item.watch.name), count=item.new)


def desktop_notify(command: Sequence[str], title: str, text: str) -> bool:
    """Start the desktop notification command (argv: the command, then the title and the text;
    never a shell). False when the command cannot be found or started."""
    if not command:
        return False
    program = shutil.which(command[0])
    if program is None:
        log.info("no %s: desktop notification skipped", command[0])
        return False
    try:
        subprocess.Popen(  # an argument list, no shell
            [program, *command[1:], title, text],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            shell=False,
        )
    except OSError as exc:
        log.info("desktop notification failed: %s", exc)
        return False
    return True
