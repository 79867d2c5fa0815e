"""Which newsrooms the reader shows and `sync --all` syncs: the built-in ones the settings enable
(`newsrooms = [...]`, default iom-fr), every user profile, and the one the reader was opened on,
first."""

from __future__ import annotations

import logging
from pathlib import Path

from newsroom_tui import paths
from newsroom_tui.profiles import Profile, ProfileError, load_profile, user_profile_ids
from newsroom_tui.settings import Settings

log = logging.getLogger(__name__)


def enabled_profiles(
    settings: Settings, home: Profile | None = None, *, check_css: bool = False
) -> tuple[list[Profile], list[str]]:
    """The enabled newsrooms' profiles, `home` first, and one line for each that could not be
    loaded (an invalid user profile is left out, not fatal)."""
    found: dict[str, Profile] = {}
    problems: list[str] = []
    if home is not None:
        found[home.id] = home
    for ref in (*settings.newsrooms, *user_profile_ids()):
        if ref in found:
            continue
        try:
            profile = load_profile(ref, check_css=check_css)
        except ProfileError as exc:
            log.info("newsroom %s left out: %s", ref, exc)
            problems.append(f"newsroom {ref} left out: {exc}")
            continue
        found.setdefault(profile.id, profile)
    return list(found.values()), problems


def database_paths(profiles: list[Profile], data_dir: Path) -> dict[str, Path]:
    """Each newsroom's database (one file per profile, as ever)."""
    return {p.id: paths.database_path(data_dir, p.id) for p in profiles}
