"""The interface language: its choice, the catalogues (complete, in step with their compiled
form, placeholders kept), argparse's own words, and the local dates and numbers."""

from __future__ import annotations

import argparse
import gettext
import inspect
import re
import string
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import newsroom_tui
from newsroom_tui import i18n
from newsroom_tui.argparse_messages import MESSAGES, PLURAL_MESSAGES
from newsroom_tui.local_formats import (
    format_date,
    format_decimal,
    format_number,
    format_short_date,
    short_date_width,
)

PACKAGE = Path(newsroom_tui.__file__).parent
TRANSLATED = ("fr", "es")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extracted() -> dict[str | tuple[str, str], str]:
    """Every message of the code, as `make catalogues` extracts it, with where it was found."""
    found: dict[str | tuple[str, str], str] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        key: str | tuple[str, str] = message if isinstance(message, str) else tuple(message[:2])  # type: ignore[assignment]
        found.setdefault(key, f"{filename}:{line}")
    return found


def catalogue(lang: str):  # type: ignore[no-untyped-def]
    path = PACKAGE / "locale" / lang / "LC_MESSAGES" / "newsroom_tui.po"
    with path.open("rb") as po:
        return read_po(po, locale=lang)


# --- the choice of language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("fr_FR.UTF-8", "fr"),
        ("fr-CA", "fr"),
        ("es_MX.utf8", "es"),
        ("en_GB", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
        ("de_DE.UTF-8", None),
        ("", None),
        (None, None),
    ],
)
def test_locale_names_are_read_as_languages(value: str | None, expected: str | None) -> None:
    assert i18n.normalise(value) == expected


def test_the_option_wins_then_the_setting_then_the_locale_then_english() -> None:
    env = {"LC_ALL": "", "LC_MESSAGES": "es_ES.UTF-8", "LANG": "fr_FR.UTF-8"}
    assert i18n.choose_language("fr", "es", env) == "fr"
    assert i18n.choose_language(None, "fr", env) == "fr"
    assert i18n.choose_language(None, None, env) == "es"  # LC_MESSAGES before LANG
    assert i18n.choose_language(None, None, {**env, "LC_ALL": "fr_BE"}) == "fr"
    assert i18n.choose_language(None, None, {"LANG": "fr_FR.UTF-8"}) == "fr"
    assert i18n.choose_language(None, None, {}) == "en"
    # a locale of a language not offered here is English, not the next variable's language
    assert i18n.choose_language(None, None, {"LC_ALL": "de_DE", "LANG": "fr_FR"}) == "en"


def test_the_option_is_found_before_the_parser_exists() -> None:
    assert i18n.option_in_argv(["search", "--ui-lang", "fr", "x"]) == "fr"
    assert i18n.option_in_argv(["--ui-lang=es", "sync"]) == "es"
    assert i18n.option_in_argv(["--ui-lang", "fr", "--ui-lang", "es"]) == "es"
    assert i18n.option_in_argv(["search", "--", "--ui-lang", "fr"]) is None
    assert i18n.option_in_argv(["sync"]) is None


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        i18n.use_language("de")


def test_the_chosen_language_translates_and_english_is_the_message_itself() -> None:
    i18n.use_language("fr")
    assert i18n.language() == "fr"
    assert i18n._("no results") == "aucun résultat"
    i18n.use_language("es")
    assert i18n._("no results") == "ningún resultado"
    i18n.use_language("en")
    assert i18n._("no results") == "no results"
    assert i18n.N_("no results") == "no results"


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("fr", {0: "contact", 1: "contact", 2: "contacts"}),  # French: 0 is singular
        ("es", {0: "contactos", 1: "contacto", 2: "contactos"}),
        ("en", {0: "contacts", 1: "contact", 2: "contacts"}),
    ],
)
def test_plural_forms_follow_each_language(lang: str, counts: dict[int, str]) -> None:
    i18n.use_language(lang)
    for n, word in counts.items():
        assert i18n.ngettext("{count} contact", "{count} contacts", n).format(count=n) == (
            f"{n} {word}"
        )


def test_a_missing_catalogue_leaves_the_text_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    i18n.use_language("fr")
    assert i18n._("no results") == "no results"


def test_the_cli_picks_the_language_from_the_locale_in_a_real_process() -> None:
    def usage_error(**env: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "newsroom_tui", "search", "--limit", "0"],
            capture_output=True,
            text=True,
            check=False,
            env={"PATH": "/usr/bin:/bin", **env},
        )
        assert result.returncode == 2
        return result.stderr.splitlines()[-1]

    assert usage_error(LANG="fr_FR.UTF-8").endswith("argument --limit : doit valoir au moins 1")
    assert usage_error(LANG="fr_FR.UTF-8", LC_ALL="es_ES.UTF-8").endswith(
        "argumento --limit: debe ser al menos 1"
    )
    assert usage_error(LANG="C.UTF-8").endswith("argument --limit: must be at least 1")


def test_english_costs_no_babel_and_no_catalogue() -> None:
    code = (
        "import sys, newsroom_tui.cli as c, newsroom_tui.i18n as i;"
        "print('babel' in sys.modules, i._translations is None)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]


# --- the catalogues ---------------------------------------------------------------------------


def _fields(text: str) -> list[str]:
    """The placeholders of a message: str.format fields and %-style conversions."""
    fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    fields += re.findall(r"%(?:\([a-z_]+\))?[srd]", text)
    return sorted(fields)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_of_the_code_is_translated(lang: str) -> None:
    messages = catalogue(lang)
    missing = []
    for key, where in extracted().items():
        entry = messages.get(key if isinstance(key, str) else key[0])
        if entry is None:
            missing.append(f"{where}: {key!r} is not in the catalogue")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.fuzzy or not all(strings):
            missing.append(f"{where}: {key!r} has no translation")
    assert not missing, f"run `make catalogues` and translate ({lang}):\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for message in catalogue(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = _fields(ids[-1])
        for translated in strings:
            if _fields(translated) != expected and not (
                # a singular may say "one" instead of the count
                len(strings) > 1 and translated is strings[0]
            ):
                wrong.append(f"{ids[0]!r} -> {translated!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalogue_is_in_step_with_the_po(lang: str) -> None:
    def as_key(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    source = {as_key(m.id): as_key(m.string) for m in catalogue(lang) if m.id and not m.fuzzy}
    with i18n.catalogue_path(lang).open("rb") as mo:
        compiled = {as_key(m.id): as_key(m.string) for m in read_mo(mo) if m.id}
    assert compiled == source, "run `make catalogues`"
    with i18n.catalogue_path(lang).open("rb") as mo:
        assert gettext.GNUTranslations(mo).info()["language"] == lang


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogues_use_the_two_plural_forms(lang: str) -> None:
    plural = {"fr": "(n > 1)", "es": "(n != 1)"}[lang]
    assert catalogue(lang).plural_forms == f"nplurals=2; plural={plural};"


def test_the_catalogues_hold_no_message_the_code_no_longer_has() -> None:
    known = {key if isinstance(key, str) else key[0] for key in extracted()}
    for lang in TRANSLATED:
        stale = [
            m.id
            for m in catalogue(lang)
            if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in known
        ]
        assert not stale, f"{lang}: run `make catalogues` to drop {stale}"


def test_argparse_still_words_its_messages_so() -> None:
    source = inspect.getsource(argparse)
    for message in (*MESSAGES, *(m for pair in PLURAL_MESSAGES for m in pair)):
        assert repr(message) in source or repr(message).replace("'", '"') in source, message


# --- dates and numbers ------------------------------------------------------------------------


def test_numbers_use_each_language_s_separators() -> None:
    assert format_number(1204, "en") == "1,204"
    assert format_number(1204, "fr") == "1\u202f204"
    assert format_number(1204, "es") == "1.204"
    assert format_number(1234567, "fr") == "1\u202f234\u202f567"
    assert format_number(999, "es") == "999"
    assert format_decimal(1234.5, 1, "fr") == "1\u202f234,5"
    assert format_decimal(3.25, 2, "en") == "3.25"


def test_dates_are_written_out_in_each_language() -> None:
    day = date(2017, 3, 15)
    assert format_date(day, "en") == "15 March 2017"
    assert format_date(day, "fr") == "15 mars 2017"
    assert format_date(day, "es") == "15 de marzo de 2017"
    assert format_date(date(2024, 8, 1), "fr") == "1er août 2024"
    assert format_short_date(day, "en") == "15 Mar 2017"
    assert format_short_date(date(2024, 2, 3), "fr") == "3 févr. 2024"
    assert format_short_date(date(2024, 12, 24), "es") == "24 dic. 2024"


def test_the_date_column_is_as_wide_as_the_widest_date() -> None:
    for lang in i18n.LANGUAGES:
        widest = max(len(format_short_date(date(2000, month, 28), lang)) for month in range(1, 13))
        assert short_date_width(lang) == widest
        moment = datetime(2000, 9, 28)
        assert len(format_short_date(moment.date(), lang)) <= short_date_width(lang)


def test_the_interface_language_is_the_default() -> None:
    i18n.use_language("es")
    assert format_number(1204) == "1.204"
    assert format_date(date(2017, 3, 15)) == "15 de marzo de 2017"
