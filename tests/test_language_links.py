"""Extraction of a page's language versions: the head's hreflang alternates on fixture pages in
French, English and Spanish (Drupal's absolute URLs, x-default), the language switcher when the
head names none, and nothing guessed where no link exists."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from newsroom_tui.extraction.extract import extract_page
from newsroom_tui.extraction.language_links import MAX_LINKS, language_links, language_tag
from newsroom_tui.models import LanguageLink
from newsroom_tui.profiles import ExtractSettings

PAGES = Path(__file__).parent / "fixtures" / "versions"
SETTINGS = ExtractSettings(
    body=("div.narrow-content div.field--type-text-with-summary",),
    title=("h1.page-title", "h1"),
    title_suffixes=(
        " | Organisation internationale pour les migrations",
        " | International Organization for Migration",
        " | Organización Internacional para las Migraciones",
    ),
)
SITE = "https://www.iom.int"
FR = f"{SITE}/fr/news/port-lune-30-000-personnes-relogees-apres-la-tempete-tropicale-ines"
EN = f"{SITE}/news/port-lune-30000-people-rehoused-after-tropical-storm-ines"
ES = f"{SITE}/es/news/port-lune-30-000-personas-realojadas-tras-la-tormenta-tropical-ines"
THREE = [LanguageLink("fr", FR), LanguageLink("en", EN), LanguageLink("es", ES)]


def extract(name: str, url: str) -> list[LanguageLink]:
    return extract_page((PAGES / name).read_bytes(), url, SETTINGS).language_links


@pytest.mark.parametrize(
    ("name", "url", "language", "title_start"),
    [
        ("release-fr.html", FR, "fr", "Port-Lune : 30 000 personnes"),
        ("release-en.html", EN, "en", "Port-Lune: 30,000 People"),
        ("release-es.html", ES, "es", "Port-Lune: 30.000 personas"),
    ],
)
def test_each_language_version_links_all_three(
    name: str, url: str, language: str, title_start: str
) -> None:
    page = extract_page((PAGES / name).read_bytes(), url, SETTINGS)
    assert page.language == language
    assert page.title.startswith(title_start)
    # Absolute alternates in the head, in the page's order; x-default and the feed are not
    # versions; the slugs differ per language and are taken as given.
    assert page.language_links == THREE
    assert "Mireille Andrian" in page.markdown


def test_the_head_wins_over_the_switcher() -> None:
    """The switcher's links are relative and would resolve against wherever the page was
    fetched from; the head's absolute URLs are taken."""
    links = extract("release-fr.html", "http://127.0.0.1:8000/fr/news/copie")
    assert links == THREE


def test_the_switcher_is_read_when_the_head_names_no_language() -> None:
    page_url = "https://www.iom.int/fr/news/atelier-regional-sur-la-mobilite-climatique"
    links = extract("release-switcher-only.html", page_url)
    # Resolved against the page, fragment dropped, region kept in lower case; the Spanish
    # entry goes to the Spanish home page (no translation) and the javascript: one is refused.
    assert links == [
        LanguageLink("fr", page_url),
        LanguageLink("en-gb", f"{SITE}/news/regional-workshop-on-climate-mobility"),
    ]
    assert links[1].primary == "en"


def test_no_links_no_versions() -> None:
    """A page whose switcher only leads to the language home pages has no versions."""
    assert extract("release-no-links.html", f"{SITE}/fr/news/une-note") == []


def links_of(head: str, body: str = "", base: str = f"{SITE}/fr/news/x") -> list[LanguageLink]:
    root = lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    return language_links(root, base)


def test_hostile_and_odd_alternates() -> None:
    head = (
        '<link rel="alternate" hreflang="en" href="javascript:alert(1)">'
        '<link rel="alternate" hreflang="en" href="http://[::1">'
        '<link rel="alternate" hreflang="en" href="https://www.iom.int:99999/news/x">'
        '<link rel="alternate" hreflang="<script>" href="https://www.iom.int/x">'
        '<link rel="alternate" hreflang="" href="https://www.iom.int/y">'
        '<link rel="ALTERNATE nofollow" hreflang="ES" href="/es/news/y">'
        '<link rel="alternate" hreflang="es" href="https://www.iom.int/es/news/second">'
        '<link rel="stylesheet" hreflang="de" href="/de.css">'
        '<link rel="alternate" hreflang="pt_BR" href="https://www.iom.int/pt-br/news/z">'
        '<link rel="alternate" hreflang="en" href="https://www.iom.int/news/\u202ey">'
    )
    assert links_of(head) == [
        LanguageLink("es", f"{SITE}/es/news/y"),
        LanguageLink("pt-br", f"{SITE}/pt-br/news/z"),
    ]


def test_links_are_capped() -> None:
    head = "".join(
        f'<link rel="alternate" hreflang="l{chr(97 + i // 26)}{chr(97 + i % 26)}"'
        f' href="{SITE}/v/{i}">'
        for i in range(100)
    )
    assert len(links_of(head)) == MAX_LINKS


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("fr", "fr"),
        (" EN ", "en"),
        ("zh-Hans", "zh-hans"),
        ("pt_BR", "pt-br"),
        ("x-default", None),
        ("", None),
        ("f", None),
        ("fr-" + "x" * 40, None),
        (None, None),
    ],
)
def test_language_tags(raw: object, tag: str | None) -> None:
    assert language_tag(raw) == tag
