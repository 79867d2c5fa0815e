"""The interface language: `_`, `ngettext` and `N_` for every word shown to a person, and the
choice of language.

English is the source language: its text is the message id, so English needs no catalogue and
costs nothing. French and Spanish come from standard gettext catalogues,
`locale/<lang>/LC_MESSAGES/newsroom_tui.mo` beside this module (compiled from the `.po` files
next to them by `make catalogues`; a test keeps the two in step). The standard library's
`gettext` is imported only when one of them is chosen.

The language is chosen once per process by `use_language()`: the CLI calls it with
`choose_language()` (`--ui-lang`, else the `ui_lang` setting, else `LC_ALL`, `LC_MESSAGES`,
`LANG`, else English) before it builds its parser, and `build_app()` for the reader.

`N_` marks text written where it cannot be translated yet (class attributes such as bindings,
module constants): the text is extracted into the catalogues and translated with `_()` where it
is shown.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path

LANGUAGES = ("en", "fr", "es")
"""The interface languages, English (the source language) first."""
DEFAULT_LANGUAGE = "en"
DOMAIN = "newsroom_tui"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The environment variables that name the locale, the first one set deciding (POSIX order)."""


class Translations(Protocol):
    """What a catalogue provides (gettext.GNUTranslations does)."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


_language = DEFAULT_LANGUAGE
_translations: Translations | None = None


def _(message: str) -> str:
    """`message` in the interface language."""
    if _translations is None:
        return message
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, by the interface language's plural rule."""
    if _translations is None:
        return singular if n == 1 else plural
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark `message` for the catalogues without translating it: `_()` translates it where it
    is shown."""
    return message


def language() -> str:
    """The interface language in use ("en", "fr" or "es")."""
    return _language


def locale_dir() -> Path:
    from pathlib import Path

    return Path(__file__).parent / "locale"


def catalogue_path(lang: str) -> Path:
    """The compiled catalogue of `lang`."""
    return locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def use_language(lang: str, translations: Translations | None = None) -> None:
    """Speak `lang` from now on, in the whole process. `translations` replaces the catalogue
    (tests use it to mark every translated string)."""
    global _language, _translations
    if lang not in LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}")
    if translations is None and lang != DEFAULT_LANGUAGE:
        translations = _load(lang)
    _language, _translations = lang, translations


def _load(lang: str) -> Translations | None:
    """The compiled catalogue of `lang`; None (the text stays English) when it cannot be read,
    which only a damaged installation causes: the log says so."""
    import gettext

    path = catalogue_path(lang)
    try:
        with path.open("rb") as mo:
            return gettext.GNUTranslations(mo)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        import logging

        logging.getLogger(__name__).warning("cannot read the catalogue %s: %s", path, exc)
        return None


def normalise(value: str | None) -> str | None:
    """The interface language a locale name or language tag stands for: "fr_FR.UTF-8" and
    "fr-CA" are "fr"; "C" and "POSIX" are English; None when it names no language offered here."""
    if not value:
        return None
    name = value.split(".", 1)[0].split("@", 1)[0].replace("-", "_").lower()
    if name in ("c", "posix"):
        return DEFAULT_LANGUAGE
    code = name.split("_", 1)[0]
    return code if code in LANGUAGES else None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale names: the first of LC_ALL, LC_MESSAGES and LANG that is set
    decides; a language not offered here (or none) is English."""
    env = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = env.get(variable)
        if value:
            return normalise(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def choose_language(
    option: str | None = None,
    setting: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """`--ui-lang`, else the `ui_lang` setting, else the locale, else English."""
    for chosen in (option, setting):
        lang = normalise(chosen)
        if lang is not None:
            return lang
    return language_from_environment(environ)


def option_in_argv(argv: list[str]) -> str | None:
    """The value of `--ui-lang` in a command line, looked for before the parser is built (its
    help is written in the chosen language). The last one given wins, as for argparse."""
    found = None
    for index, token in enumerate(argv):
        if token == "--":
            break
        if token == "--ui-lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif token.startswith("--ui-lang="):
            found = token.partition("=")[2]
    return found


@contextlib.contextmanager
def argparse_speaking() -> Iterator[None]:
    """argparse's own words (`usage:`, its headings and errors) in the interface language while
    the block runs. argparse asks the standard `gettext.gettext`, which reads the global text
    domain in the language of the `LANGUAGE` variable: both point at these catalogues (which
    hold argparse's messages, see `argparse_messages`) until the block ends."""
    if _language == DEFAULT_LANGUAGE:
        yield
        return
    import gettext

    saved_domain = gettext.textdomain()
    saved_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(locale_dir()))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = _language
    try:
        yield
    finally:
        gettext.textdomain(saved_domain)
        if saved_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = saved_language
