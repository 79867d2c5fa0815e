"""The user's settings: `config.toml` in the config directory, every key optional.

Read with tomllib into a frozen `Settings`; a wrong key or a value of the wrong type is a
`SettingsError` whose message is one line naming the file and the dotted key. Nothing here
imports Textual: the reader applies the theme and the key bindings, the CLI the sync interval.

    newsrooms = ["iom-fr", "iom-en"]   # built-in newsrooms shown (user profiles always are)
    theme = "nord"
    browser = ["firefox", "--new-tab"] # argv; the URL is added as the last argument

    [reader]
    reading_mode = false               # open releases in the reading mode
    order = "newest"                   # newest, oldest or relevance

    [sync]
    every = "30m"                      # background sync in the reader; "off" (default)

    [notifications]
    desktop = false                    # announce watches through `command` too
    command = ["notify-send"]          # argv; the title and the text are added

    [keys]                             # binding id = key(s), as in Textual's keymap
    sort = "O"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsroom_tui import paths
from newsroom_tui.lazy_re import lazy_compile

SETTINGS_FILENAME = "config.toml"
ORDERS = ("newest", "oldest", "relevance")
DEFAULT_NEWSROOMS = ("iom-fr",)
MIN_SYNC_EVERY = 60.0
"""The shortest interval accepted between two automatic syncs, in seconds (be polite)."""
MAX_SYNC_EVERY = 7 * 24 * 3600.0
_DURATION = lazy_compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 60.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_PROFILE_ID = lazy_compile(r"^[a-z0-9][a-z0-9_-]*$")
_KEY_NAME = lazy_compile(r"^[A-Za-z0-9_+\-,. ]+$")

KNOWN_KEYS: dict[str, tuple[str, ...]] = {
    "": ("newsrooms", "theme", "browser", "ui_lang", "reader", "sync", "notifications", "keys"),
    "reader": ("reading_mode", "order"),
    "sync": ("every",),
    "notifications": ("desktop", "command"),
}


class SettingsError(Exception):
    """A settings file that cannot be used; str() is one line naming the file and the key."""

    def __init__(self, source: str, key: str, message: str) -> None:
        self.source = source
        self.key = key
        self.message = message
        where = f"{source}: {key}: " if key else f"{source}: "
        super().__init__(where + message)


@dataclass(frozen=True, slots=True)
class Settings:
    """What config.toml says (the defaults when it is absent)."""

    newsrooms: tuple[str, ...] = DEFAULT_NEWSROOMS
    """The built-in newsrooms shown in the reader and synced by `sync --all` (user profiles
    always are)."""
    theme: str | None = None
    """A Textual theme name; None: the one last chosen in the reader."""
    browser: tuple[str, ...] = ()
    """The command that opens links (argv, the URL appended); empty: the system's opener."""
    reading_mode: bool = False
    """Open releases in the reading mode (the article alone)."""
    order: str = "newest"
    """The list's order at start: newest, oldest or relevance (while words are searched)."""
    sync_every: float = 0.0
    """Seconds between two background syncs in the reader; 0: never."""
    desktop_notifications: bool = False
    """Announce new releases of watches through `notify_command` as well."""
    notify_command: tuple[str, ...] = ("notify-send",)
    """The desktop notification command (argv; the title and the text are appended)."""
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> key(s) (Textual's keymap)."""
    ui_lang: str | None = None
    """The interface language (en, fr or es); None: the locale's (see i18n)."""
    source: str = ""
    """The file read ('' for the defaults)."""


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILENAME


def parse_duration(text: str) -> float:
    """'30m', '2h', '90s', '1d', '45' (minutes) as seconds; 'off' or '0' as 0. Raises
    ValueError with one line."""
    lowered = text.strip().lower()
    if lowered in ("off", "never", "0", ""):
        return 0.0
    match = _DURATION.match(lowered)
    if not match:
        raise ValueError(f"expected a duration like 30m, 2h or off, got {text!r}")
    seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if seconds == 0:
        return 0.0
    if not MIN_SYNC_EVERY <= seconds <= MAX_SYNC_EVERY:
        raise ValueError(f"must be between 1m and 7d (or off), got {text!r}")
    return seconds


def format_duration(seconds: float) -> str:
    """30m, 2h, 1d, 90s: the shortest exact form."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{int(seconds)}s"


def _type_name(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:40]}{'…' if len(text) > 40 else ''}"


class _Table:
    def __init__(self, source: str, table: dict[str, Any], prefix: str) -> None:
        self.source = source
        self.table = table
        self.prefix = prefix
        known = KNOWN_KEYS[prefix.rstrip(".")]
        for name in table:
            if name not in known:
                listed = ", ".join(known)
                raise self.fail(name, f"unknown key (known here: {listed})")

    def fail(self, name: str, message: str) -> SettingsError:
        return SettingsError(self.source, f"{self.prefix}{name}", message)

    def get(self, name: str, kind: type, what: str) -> Any:
        if name not in self.table:
            return None
        value = self.table[name]
        if isinstance(value, bool) and kind is not bool:
            raise self.fail(name, f"expected {what}, got {value!r}")
        if not isinstance(value, kind):
            raise self.fail(name, f"expected {what}, got {_type_name(value)}")
        return value

    def argv(self, name: str) -> tuple[str, ...] | None:
        value = self.get(name, list, "a list of strings (a command and its arguments)")
        if value is None:
            return None
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip() or "\x00" in item:
                raise self.fail(f"{name}[{index}]", f"expected a non-empty string, got {item!r}")
        return tuple(value)

    def sub(self, name: str) -> _Table:
        value = self.get(name, dict, "a table")
        return _Table(self.source, value or {}, f"{self.prefix}{name}.")


def parse_settings(data: dict[str, Any], source: str) -> Settings:
    """Settings from a parsed TOML document; raises SettingsError (one line)."""
    top = _Table(source, data, "")
    values: dict[str, Any] = {"source": source}
    newsrooms = top.get("newsrooms", list, "a list of profile ids")
    if newsrooms is not None:
        for index, item in enumerate(newsrooms):
            if not isinstance(item, str) or not _PROFILE_ID.match(item):
                raise top.fail(
                    f"newsrooms[{index}]",
                    f"expected a profile id (lowercase letters, digits, - and _), got {item!r}",
                )
        values["newsrooms"] = tuple(dict.fromkeys(newsrooms))
    theme = top.get("theme", str, "a theme name")
    if theme is not None:
        if not theme.strip():
            raise top.fail("theme", "must not be empty")
        values["theme"] = theme.strip()
    ui_lang = top.get("ui_lang", str, "en, fr or es")
    if ui_lang is not None:
        if ui_lang not in ("en", "fr", "es"):
            raise top.fail("ui_lang", f"expected en, fr or es, got {ui_lang!r}")
        values["ui_lang"] = ui_lang
    browser = top.argv("browser")
    if browser is not None:
        values["browser"] = browser
    reader = top.sub("reader")
    reading_mode = reader.get("reading_mode", bool, "true or false")
    if reading_mode is not None:
        values["reading_mode"] = reading_mode
    order = reader.get("order", str, "newest, oldest or relevance")
    if order is not None:
        if order not in ORDERS:
            raise reader.fail("order", f"expected newest, oldest or relevance, got {order!r}")
        values["order"] = order
    sync = top.sub("sync")
    every = sync.table.get("every")
    if every is not None:
        if isinstance(every, bool) or not isinstance(every, (str, int)):
            raise sync.fail(
                "every", f"expected a duration like 30m or off, got {_type_name(every)}"
            )
        try:
            values["sync_every"] = parse_duration(str(every))
        except ValueError as exc:
            raise sync.fail("every", str(exc)) from None
    notifications = top.sub("notifications")
    desktop = notifications.get("desktop", bool, "true or false")
    if desktop is not None:
        values["desktop_notifications"] = desktop
    command = notifications.argv("command")
    if command is not None:
        values["notify_command"] = command
    keys_table = top.get("keys", dict, "a table of binding id = key")
    if keys_table is not None:
        keys: dict[str, str] = {}
        for name, key in keys_table.items():
            if not isinstance(key, str) or not key.strip() or not _KEY_NAME.match(key):
                raise SettingsError(
                    source, f"keys.{name}", f'expected key names like "O" or "ctrl+o", got {key!r}'
                )
            keys[name] = key.strip()
        values["keys"] = keys
    return Settings(**values)


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path` (default: config.toml in the config directory); the defaults when
    the file does not exist. Raises SettingsError (one line)."""
    path = path or settings_path()
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise SettingsError(source, "", f"cannot read: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsError(source, "", "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(source, "", f"invalid TOML: {exc}") from None
    except RecursionError:
        raise SettingsError(source, "", "invalid TOML: nested too deeply") from None
    return parse_settings(data, source)


def check_binding_ids(settings: Settings, known: dict[str, str]) -> None:
    """Refuse a [keys] entry that names no binding of the reader (`known`: id -> what it does)."""
    for name in settings.keys:
        if name not in known:
            listed = ", ".join(sorted(known))
            raise SettingsError(
                settings.source or SETTINGS_FILENAME,
                f"keys.{name}",
                f"no such binding (ids: {listed})",
            )
