"""Where newsroom-tui keeps its files. Getters return paths and never create directories."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

APP_NAME = "newsroom-tui"
DATA_ENV = "NEWSROOM_TUI_DATA_DIR"
CONFIG_ENV = "NEWSROOM_TUI_CONFIG_DIR"
LOG_ENV = "NEWSROOM_TUI_LOG_DIR"
DB_FILENAME = "newsroom.sqlite3"


def _platformdirs() -> ModuleType:
    """platformdirs, imported only when a directory is not given by an option or the
    environment (the import pulls in shutil, tempfile and more: ~10 ms of every start)."""
    import platformdirs

    return platformdirs


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user data directory (database, demo data): `override`, then $NEWSROOM_TUI_DATA_DIR."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser()
    return Path(_platformdirs().user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user config directory (user profiles): $NEWSROOM_TUI_CONFIG_DIR overrides."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(_platformdirs().user_config_dir(APP_NAME, appauthor=False))


def user_profiles_dir() -> Path:
    return config_dir() / "profiles"


def log_dir() -> Path:
    """Where tracebacks go. $NEWSROOM_TUI_LOG_DIR overrides; else next to the data when that is overridden."""
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env).expanduser()
    if os.environ.get(DATA_ENV):
        return data_dir() / "logs"
    return Path(_platformdirs().user_log_dir(APP_NAME, appauthor=False))


def database_path(data: Path, profile_id: str) -> Path:
    """One database per profile, so the demo never mixes with a real newsroom."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in profile_id) or "default"
    return data / safe / DB_FILENAME


def package_dir() -> Path:
    return Path(__file__).resolve().parent


def styles_dir() -> Path:
    """The Textual stylesheets: packaged copy in a wheel, else `styles/` at the repository root."""
    packaged = package_dir() / "styles"
    if packaged.is_dir():
        return packaged
    return package_dir().parent.parent / "styles"


def builtin_profiles_dir() -> Path:
    return package_dir() / "profiles"


def demo_site_dir() -> Path:
    return package_dir() / "demo" / "site"
