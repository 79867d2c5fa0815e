"""Words of the interface written before the language is known, shown in the chosen one:
bindings' descriptions (class attributes, marked with `N_`) and the few words of Textual's own
that the reader shows (the footer's palette key, the palette's system commands).

Every screen of the reader derives from `TranslatedBindings`: the footer and the keys panel read
`Screen.active_bindings`, which it returns with each description and tooltip translated.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Iterable

from textual.app import SystemCommand
from textual.binding import ActiveBinding, Binding
from textual.content import Content
from textual.screen import Screen, ScreenResultType

from newsroom_tui.i18n import N_, _, language

TEXTUAL_WORDS = (
    # the command palette's binding, added by textual.app.App
    N_("palette"),
    N_("Open the command palette"),
    N_("Quit the app and return to the command prompt."),
    # textual.screen.Screen's bindings
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Copy selected text"),
    # textual.app.App.get_system_commands
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
"""Textual's words that the reader shows, for the catalogues (a test checks Textual still uses
each of them)."""

PALETTE_PLACEHOLDER = N_("Search for commands…")

_cache: dict[tuple[int, str], Binding] = {}


def translated_binding(binding: Binding) -> Binding:
    """`binding` with its description and tooltip in the interface language."""
    key = (id(binding), language())
    found = _cache.get(key)
    if found is None or found.action != binding.action:
        found = dataclasses.replace(
            binding,
            description=_(binding.description) if binding.description else "",
            tooltip=_(binding.tooltip) if binding.tooltip else "",
        )
        _cache[key] = found
    return found


class TranslatedBindings(Screen[ScreenResultType]):
    """A screen whose footer (and keys panel) show the bindings in the interface language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return {
            key: ActiveBinding(
                active.node,
                translated_binding(active.binding),
                active.enabled,
                _(active.tooltip) if active.tooltip else "",
            )
            for key, active in super().active_bindings.items()
        }


def translated_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands (the palette's Theme, Quit, Keys…) in the interface language."""
    for command in commands:
        yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)


def content_from(template: str, **values: str) -> Content:
    """A translated `template` ("Copy for {name}") with its fields filled by plain text: network
    text never becomes markup, and the translation may move the fields where its grammar wants."""
    parts: list[Content] = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        if literal:
            parts.append(Content(literal))
        if field is not None:
            parts.append(Content(values[field]))
    return Content("").join(parts)
