"""The Textual app: stylesheets, global keys, the two app-wide actions (copy, open a link), and
`build_app`, the one factory the CLI and the tests share."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from newsroom_tui import i18n, paths
from newsroom_tui.i18n import N_, _
from newsroom_tui.process_settings import tune_process
from newsroom_tui.profiles import Profile
from newsroom_tui.screens.interface_words import PALETTE_PLACEHOLDER, translated_commands
from newsroom_tui.screens.key_order import OrderedInputApp
from newsroom_tui.settings import Settings
from newsroom_tui.speedups import gc_tuning

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.dom import DOMNode

    from newsroom_tui.storage.store import Store

log = logging.getLogger(__name__)


def _stylesheets() -> list[str | PurePath]:
    """app.tcss first, then the other sheets of styles/ (dialogs, contacts) in name order."""
    folder = paths.styles_dir()
    others = sorted(p for p in folder.glob("*.tcss") if p.name != "app.tcss")
    return [folder / "app.tcss", *others]


def _newsroom_commands() -> type[Provider]:
    from newsroom_tui.commands import NewsroomCommands

    return NewsroomCommands


class NewsroomApp(OrderedInputApp):
    """Opens the store for one profile and shows the reader (keys are handled one at a time, in
    order: see screens/key_order.py)."""

    CSS_PATH = _stylesheets()
    TITLE = "newsroom-tui"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        *App.COMMANDS,
        _newsroom_commands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", N_("Help"), id="help"),
        Binding("q", "quit", N_("Quit"), id="quit"),
    ]

    def __init__(
        self,
        profile: Profile,
        database_path: Path,
        *,
        offline_hint: bool = False,
        probe_network: bool = False,
        settings: Settings | None = None,
        newsrooms: list[Profile] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.newsrooms = newsrooms or [profile]
        """The newsrooms shown, `profile` (the home one) first."""
        self.profile = profile
        self.database_path = database_path
        self.offline_hint = offline_hint
        self.probe_network = probe_network
        self.store: Store | None = None
        self.other_stores: dict[str, Store] = {}

    def _open_other_stores(self) -> dict[str, Store]:
        """The other newsrooms' caches (one that cannot be opened is left out, said in a line)."""
        from newsroom_tui.storage.store import Store, StoreError

        opened: dict[str, Store] = {}
        for newsroom in self.newsrooms:
            if newsroom.id == self.profile.id or newsroom.id in opened:
                continue
            path = paths.database_path(self.database_path.parent.parent, newsroom.id)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                opened[newsroom.id] = Store.open(path)
            except (OSError, StoreError) as exc:
                log.error("cannot open %s", path, exc_info=exc)
                self.notify(
                    _("The {id} newsroom is left out: {error}").format(id=newsroom.id, error=exc),
                    markup=False,
                    severity="warning",
                    timeout=15,
                )
        return opened

    def on_mount(self) -> None:
        from newsroom_tui.screens.main import MainScreen
        from newsroom_tui.storage.store import Store, StoreError

        self.freeze_long_lived()
        self._apply_keymap()
        try:
            self.database_path.parent.mkdir(parents=True, exist_ok=True)
            self.store = Store.open(self.database_path)
        except (OSError, StoreError) as exc:
            log.error("cannot open %s", self.database_path, exc_info=exc)
            self.notify(
                _("Cannot open the cache: {error}").format(error=exc),
                markup=False,
                severity="error",
                timeout=30,
            )
            return
        if self.store.recovered_from is not None:
            self.notify(
                _("The cache was damaged; the old file was moved to {path}").format(
                    path=self.store.recovered_from
                ),
                markup=False,
                severity="warning",
                timeout=20,
            )
        self._apply_theme(self.store.get_meta("theme"))
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        from newsroom_tui.newsrooms.multistore import MultiStore

        self.other_stores = self._open_other_stores()
        shown = [p for p in self.newsrooms if p.id == self.profile.id or p.id in self.other_stores]
        stores = {self.profile.id: self.store, **self.other_stores}
        # Pushed once the app's start-up is over: Textual batches everything until then, and a
        # frame drawn inside that batch is computed and thrown away (~50-100 ms), so the rows
        # reached the terminal with a second frame.
        self.call_later(
            self._push_reader,
            MainScreen(
                MultiStore(stores, self.profile.id),
                self.profile,
                self.database_path,
                offline_hint=self.offline_hint,
                probe_network=self.probe_network,
                settings=self.settings,
                newsrooms=shown,
            ),
        )

    def _push_reader(self, screen: Screen[object]) -> None:
        self.push_screen(screen)

    def _apply_keymap(self) -> None:
        """The user's keys (config.toml's [keys]); an unknown binding id is one warning."""
        from newsroom_tui.key_bindings import BINDING_IDS
        from newsroom_tui.settings import SettingsError, check_binding_ids

        try:
            check_binding_ids(self.settings, BINDING_IDS)
        except SettingsError as exc:
            self.notify(str(exc), markup=False, severity="warning", timeout=20)
        known = {k: v for k, v in self.settings.keys.items() if k in BINDING_IDS}
        if known:
            self.set_keymap(known)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """A key of the user's keymap that another binding had: the keymap wins; say which
        binding lost it."""
        for binding in clashed_bindings:
            self.notify(
                _("The key {key} was also bound to {action}; the settings' [keys] take it").format(
                    key=binding.key, action=binding.description or binding.action
                ),
                markup=False,
                severity="warning",
                timeout=15,
            )

    def _apply_theme(self, remembered: str | None) -> None:
        """The theme of the settings, else the one chosen last time."""
        wanted = self.settings.theme
        if wanted and wanted not in self.available_themes:
            known = ", ".join(sorted(self.available_themes))
            self.notify(
                _("Unknown theme {name} in the settings (themes: {known})").format(
                    name=repr(wanted), known=known
                ),
                markup=False,
                severity="warning",
                timeout=15,
            )
            wanted = None
        theme = wanted or remembered
        if theme and theme in self.available_themes:
            self.theme = theme

    @property
    def browser_command(self) -> tuple[str, ...]:
        """The settings' browser argv ('' : the system's opener)."""
        return self.settings.browser

    def freeze_long_lived(self) -> None:
        """Move every object alive now (modules, classes, parsed stylesheets, the screen's widgets)
        out of the garbage collector's reach: a full collection would otherwise walk them again
        (~90,000 objects, 40-100 ms) whenever opening an article triggers one."""
        gc_tuning.freeze_long_lived()

    def _theme_changed(self, _: object) -> None:
        from newsroom_tui.storage.store import StoreError

        if self.store is not None:
            try:
                self.store.set_meta("theme", self.theme)
            except StoreError as exc:  # a read-only cache: the theme is not remembered
                log.info("theme not remembered: %s", exc)

    def copy_text(self, text: str, what: str) -> None:
        """Copy through OSC 52 and the system tool, and say exactly what was copied."""
        from newsroom_tui.clipboard import copy_to_system

        self.copy_to_clipboard(text)
        copy_to_system(text)
        self.notify(_("Copied {what}: {text}").format(what=what, text=text), markup=False)

    def open_link(self, url: str) -> None:
        """Open `url` in the browser if the allowlist accepts it; else say why in one line (and
        offer to copy it when no browser can be started). A site served from another address (the
        demo on a free port) is opened there."""
        from newsroom_tui.screens.links import open_link

        open_link(self, self.profile.fetch_address(url))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        return translated_commands(super().get_system_commands(screen))

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the interface language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            palette = CommandPalette(id="--command-palette", placeholder=_(PALETTE_PLACEHOLDER))
            self.push_screen(palette)

    def action_help(self) -> None:
        from newsroom_tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.settings.keys))

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()
        for store in self.other_stores.values():
            store.close()


def build_app(
    profile: Profile,
    data_dir: Path,
    *,
    demo: bool = False,
    offline_hint: bool = False,
    probe_network: bool = False,
    ui_lang: str | None = None,
    settings: Settings | None = None,
    newsrooms: list[Profile] | None = None,
) -> NewsroomApp:
    """The reader for `profile` over the database in `data_dir` (shared by the CLI and tests).

    `probe_network` checks at start whether the newsroom's host can be reached, to say "offline"
    before any sync (the CLI asks for it; tests leave the network alone). `ui_lang` sets the
    interface language for the process (the CLI has already set it from --ui-lang, the setting
    or the locale).
    """
    tune_process()
    if ui_lang is not None:
        i18n.use_language(ui_lang)
    app = NewsroomApp(
        profile,
        paths.database_path(data_dir, profile.id),
        offline_hint=offline_hint,
        probe_network=probe_network,
        settings=settings,
        newsrooms=newsrooms,
    )
    if demo:
        app.sub_title = _("demo")
    return app
