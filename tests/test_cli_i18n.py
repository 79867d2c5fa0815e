"""The CLI in English, French and Spanish: summaries, results, errors, progress and argparse's
help, chosen by --ui-lang on any command or by the locale, over the demo newsroom synced once."""

from __future__ import annotations

import io
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom_tui.cli import main
from newsroom_tui.demo.server import DEMO_PORT_ENV


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo newsroom synced once through the French CLI (on a free port)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = os.environ.get(DEMO_PORT_ENV)
    os.environ[DEMO_PORT_ENV] = str(port)
    data = tmp_path_factory.mktemp("cli-i18n")
    try:
        code, out, err = run(
            "sync", "--ui-lang", "fr", "--profile", "demo", "--data-dir", str(data)
        )
        assert code == 0, err
        assert out.startswith("44 nouveaux, 0 modifiés, 0 inchangés, 0 en échec ; "), out
        # progress on a pipe: one plain line per phase, in French
        assert "communiqués : 44 à traiter" in err.splitlines()
        yield data
    finally:
        if before is None:
            del os.environ[DEMO_PORT_ENV]
        else:
            os.environ[DEMO_PORT_ENV] = before


def demo(data: Path, *argv: str) -> tuple[int, str, str]:
    return run(*argv, "--profile", "demo", "--data-dir", str(data))


@pytest.mark.parametrize(
    ("lang", "summary", "unchanged"),
    [
        ("en", "0 new, 0 updated, ", "; nothing changed"),
        ("fr", "0 nouveaux, 0 modifiés, ", " ; rien n'a changé"),
        ("es", "0 nuevos, 0 modificados, ", "; nada cambió"),
    ],
)
def test_the_sync_summary_speaks_the_language(
    synced: Path, lang: str, summary: str, unchanged: str
) -> None:
    code, out, _ = demo(synced, "sync", "--no-sections", "--ui-lang", lang)
    assert code == 0
    assert out.startswith(summary) and out.rstrip().endswith(unchanged), out


@pytest.mark.parametrize(
    ("lang", "count", "day"),
    [
        ("en", "5 of 5 results", "unknown date"),
        ("fr", "5 sur 5 résultats", "date inconnue"),
        ("es", "5 de 5 resultados", "fecha desconocida"),
    ],
)
def test_search_counts_in_the_language(synced: Path, lang: str, count: str, day: str) -> None:
    code, out, _ = demo(synced, "search", "--ui-lang", lang, "--lang", "es", "--limit", "50")
    assert code == 0
    assert out.strip().endswith(count)
    assert day not in out  # the demo's releases are dated


def test_the_locale_chooses_when_no_option_is_given(
    synced: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    code, out, _ = demo(synced, "search", "--lang", "es", "--limit", "50")
    assert code == 0 and out.strip().endswith("5 de 5 resultados")
    monkeypatch.setenv("LC_MESSAGES", "fr_FR.UTF-8")
    code, out, _ = demo(synced, "search", "--lang", "es", "--limit", "50")
    assert out.strip().endswith("5 sur 5 résultats")
    code, out, _ = demo(synced, "search", "--lang", "es", "--limit", "50", "--ui-lang", "en")
    assert out.strip().endswith("5 of 5 results")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "newsroom-tui: no release with the id or URL 'nope'"),
        ("fr", "newsroom-tui: aucun communiqué n'a l'identifiant ou l'URL 'nope'"),
        ("es", "newsroom-tui: ningún comunicado tiene el identificador o la URL 'nope'"),
    ],
)
def test_errors_are_one_line_in_the_language(synced: Path, lang: str, message: str) -> None:
    code, out, err = demo(synced, "show", "nope", "--ui-lang", lang)
    assert (code, out) == (1, "")
    assert err.startswith(message) and err.count("\n") == 1


@pytest.mark.parametrize(
    ("lang", "written", "contacts"),
    [
        ("en", "44 releases written to", "contacts"),
        ("fr", "44 communiqués écrits dans", "contacts"),
        ("es", "44 comunicados escritos en", "contactos"),
    ],
)
def test_export_and_contacts_summaries(
    synced: Path, tmp_path: Path, lang: str, written: str, contacts: str
) -> None:
    code, out, _ = demo(synced, "export", str(tmp_path / lang), "--ui-lang", lang)
    assert code == 0 and out.startswith(written)
    code, out, _ = demo(synced, "contacts", "--ui-lang", lang)
    last = out.splitlines()[-1]
    assert code == 0 and last.split()[1] == contacts and int(last.split()[0]) >= 40


@pytest.mark.parametrize(
    ("lang", "usage", "help_line", "heading"),
    [
        ("en", "usage: ", "show this help message and exit", "options:"),
        ("fr", "utilisation : ", "afficher cette aide et quitter", "options:"),
        ("es", "uso: ", "mostrar esta ayuda y salir", "opciones:"),
    ],
)
def test_argparse_help_in_the_language(
    capsys: pytest.CaptureFixture[str], lang: str, usage: str, help_line: str, heading: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--ui-lang", lang, "sync", "--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(usage + "newsroom-tui sync")
    assert help_line in text and f"\n{heading}\n" in text


@pytest.mark.parametrize(
    ("lang", "error"),
    [
        ("en", "newsroom-tui: error: unrecognized arguments: --bogus"),
        ("fr", "newsroom-tui : erreur : arguments non reconnus : --bogus"),
        ("es", "newsroom-tui: error: argumentos no reconocidos: --bogus"),
    ],
)
def test_usage_errors_in_the_language(
    capsys: pytest.CaptureFixture[str], lang: str, error: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["sync", "--bogus", "--ui-lang", lang])
    assert exited.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == error
    assert "LANGUAGE" not in os.environ  # argparse's language does not outlive the parse


def test_profiles_accept_the_option_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "list", "--ui-lang", "es"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["demo", "fr", "integrado"]
