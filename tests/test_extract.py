"""Article extraction on IOM-shaped fixture pages and on hostile pages."""

from __future__ import annotations

import dataclasses
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsroom_tui.extraction.extract import decode_html, extract_page
from newsroom_tui.extraction.selectors import css_to_xpath
from newsroom_tui.profiles import ExtractSettings, load_profile

PAGES = Path(__file__).parent / "fixtures" / "pages"
SUFFIXES = (
    " | Organisation internationale pour les migrations",
    " | International Organization for Migration",
    " | Organización Internacional para las Migraciones",
)
IOM = ExtractSettings(
    body=("div.narrow-content div.field--type-text-with-summary",),
    title=("h1.page-title", "h1"),
    date=("div.date",),
    drop=("div.social-share",),
    title_suffixes=SUFFIXES,
)
HEURISTIC = dataclasses.replace(IOM, body=(), title=())


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def test_french_release_by_selector() -> None:
    url = "https://www.iom.int/fr/news/au-sahel-des-familles-deplacees"
    result = extract_page(page("iom-fr-release.html"), url, IOM, language="en")
    assert result.url == url
    assert result.title == "Au Sahel, des familles déplacées retrouvent un accès à l’eau potable"
    assert result.language == "fr"
    assert result.published == datetime(2024, 3, 15, 8, 30, tzinfo=UTC)  # meta, +01:00
    assert result.tags == [
        "Afrique de l’Ouest et du Centre",
        "Eau, assainissement et hygiène",
        "Eau",
        "Niger",
    ]
    assert result.notes == []
    md = result.markdown
    assert md.startswith("Niamey – Plus de 42 000 personnes déplacées")
    assert "\n## Des installations gérées par les communautés\n" in md
    assert (
        "\n- quatre mini-réseaux alimentés par des panneaux solaires, avec 26 bornes-fontaines ;\n"
        in md
    )
    assert (
        "| Commune | Forages réhabilités | Personnes desservies |\n| --- | --- | --- |\n| Ouallam | 14 | 16 200 |"
        in md
    )
    assert (
        "[programmes eau, assainissement et hygiène](https://www.iom.int/fr/eau-assainissement-et-hygiene)"
        in md
    )
    assert "[Matrice de suivi des déplacements](https://dtm.iom.int/niger)" in md
    assert md.endswith("Courriel : cbenitezruiz@iom.int")
    for absent in (
        "Qui sommes-nous",
        "Partager",
        "Tous droits réservés",
        "Articles connexes",
        "secret-tracker",
        "injected-by-script",
        "max-width",
        "Aller au contenu",
    ):
        assert absent not in md
        assert absent not in result.text
    assert "Au Sahel, des familles" not in md  # the h1 is outside the body
    assert result.text.startswith("Niamey – Plus de 42 000")
    assert "##" not in result.text and "](" not in result.text
    assert 'href="mailto:jbmoreldiallo@iom.int"' in result.body_html
    assert "<script" not in result.body_html


def test_english_release_title_suffix_time_and_relative_links() -> None:
    result = extract_page(
        page("iom-en-release.html"), "https://www.iom.int/news/new-reception-centre", IOM
    )
    assert result.title == "New Reception Centre Opens for Returning Migrants in Coastal Town"
    assert result.language == "en"  # from lang="en-GB"
    assert result.published == datetime(2024, 7, 8, 12, 0, tzinfo=UTC)  # <time datetime>
    assert "[country office](https://www.iom.int/where-we-work/elmswick)" in result.markdown
    assert (
        "![The new centre's courtyard](https://www.iom.int/sites/default/files/centre.jpg)"
        in result.markdown
    )
    assert (
        "1. Beds for 300 people, with separate areas for families;\n2. A clinic" in result.markdown
    )
    assert "\n### What the centre offers\n" in result.markdown
    for absent in ("Share on LinkedIn", "Who we are", "Footer text", "tracking-secret-en"):
        assert absent not in result.markdown


def test_spanish_release_title_suffix_and_json_ld_graph_date() -> None:
    result = extract_page(
        page("iom-es-release.html"), "https://www.iom.int/es/news/ferias", IOM, language="fr"
    )
    assert (
        result.title
        == "Ferias de empleo acercan oportunidades a personas refugiadas en la frontera sur"
    )
    assert result.language == "es"
    assert result.published == datetime(2023, 11, 21, 21, 45, tzinfo=UTC)
    assert result.markdown.startswith("Tapachula (México) – Más de 1.200 personas")
    assert "Quiénes somos" not in result.markdown and "Pie de página" not in result.markdown


def test_heuristic_body_on_windows_1252_page() -> None:
    result = extract_page(
        page("heuristic-page.html"), "https://www.iom.int/fr/rapport", HEURISTIC, language="fr"
    )
    assert result.title == "Rapport annuel : la mobilité au cœur du développement"
    assert result.language == "fr"  # no lang attribute: the argument
    assert result.published == datetime(
        2025, 2, 3, tzinfo=UTC
    )  # "lundi 3 février 2025" via div.date
    assert "Genève – Le rapport annuel publié aujourd'hui" in result.markdown
    assert "trente-deux pays" in result.markdown
    assert result.markdown.endswith("acquises à l'étranger.")
    for absent in (
        "Accueil",
        "Lien un",
        "Partager cet article",
        "Mentions légales",
        "script-secret",
        "lettre d'information",
        "style-secret",
    ):
        assert absent not in result.markdown
        assert absent not in result.text
    assert result.notes == []


def test_heuristic_when_profile_selectors_do_not_match_is_noted() -> None:
    settings = dataclasses.replace(HEURISTIC, body=("div.does-not-exist",))
    result = extract_page(page("heuristic-page.html"), "https://www.iom.int/fr/rapport", settings)
    assert result.notes == ["no body selector matched: main text found by heuristic"]
    assert "Genève – Le rapport annuel" in result.markdown


def test_heuristic_on_french_release_drops_share_nav_footer_and_repeated_title() -> None:
    result = extract_page(page("iom-fr-release.html"), "https://www.iom.int/fr/news/x", HEURISTIC)
    assert result.title == "Au Sahel, des familles déplacées retrouvent un accès à l’eau potable"
    assert "Niamey – Plus de 42 000" in result.markdown
    for absent in (
        "Partager",
        "Qui sommes-nous",
        "Tous droits réservés",
        "Articles connexes",
        "# Au Sahel",
    ):
        assert absent not in result.markdown


def test_title_sources_in_order() -> None:
    html = (
        "<html><head><title>Du titre | Organisation internationale pour les migrations</title>"
        '<meta property="og:title" content="De og | International Organization for Migration">'
        '</head><body><h1 class="page-title">Du h1</h1><p>x</p></body></html>'
    )
    assert extract_page(html, "https://a.example/", IOM).title == "Du h1"
    assert extract_page(html, "https://a.example/", HEURISTIC).title == "De og"
    no_og = html.replace("og:title", "og:other")
    assert extract_page(no_og, "https://a.example/", HEURISTIC).title == "Du titre"
    only_suffix = "<title> | Organisation internationale pour les migrations</title>"
    assert extract_page(only_suffix, "https://a.example/", HEURISTIC).title == ""


DATED = (
    '<html><head><meta property="article:published_time" content="2021-01-01T00:00:00Z">'
    '<script type="application/ld+json">{"@graph": [{"datePublished": "2023-03-03"}]}</script>'
    '</head><body><time datetime="2022-02-02">2 février 2022</time><div class="date">4 avril 2024</div>'
    "<p>Texte.</p></body></html>"
)


def test_date_sources_in_priority_order() -> None:
    fallback = datetime(2025, 5, 5, tzinfo=UTC)
    steps = [
        (DATED, datetime(2021, 1, 1, tzinfo=UTC)),
        (DATED.replace("article:published_time", "x"), datetime(2022, 2, 2, tzinfo=UTC)),
        (
            DATED.replace("article:published_time", "x").replace("<time datetime", "<time data-x"),
            datetime(2023, 3, 3, tzinfo=UTC),
        ),
        (
            DATED.replace("article:published_time", "x")
            .replace("<time datetime", "<time data-x")
            .replace("datePublished", "dateCreated"),
            datetime(2024, 4, 4, tzinfo=UTC),
        ),
        (
            DATED.replace("article:published_time", "x")
            .replace("<time datetime", "<time data-x")
            .replace("datePublished", "dateCreated")
            .replace('class="date"', 'class="other"'),
            fallback,
        ),
    ]
    for html, expected in steps:
        assert (
            extract_page(html, "https://a.example/", IOM, fallback_date=fallback).published
            == expected
        )


def test_absurd_metadata_date_falls_through_and_naive_fallback_is_utc() -> None:
    html = '<meta property="article:published_time" content="1901-01-01"><p>x</p>'
    result = extract_page(html, "https://a.example/", IOM, fallback_date=datetime(2024, 6, 1, 12))
    assert result.published == datetime(2024, 6, 1, 12, tzinfo=UTC)
    assert extract_page(html, "https://a.example/", IOM).published is None


def test_decoding_prefers_declared_then_meta_then_utf8() -> None:
    latin = '<meta charset="iso-8859-1"><title>Sécurité</title>'.encode("latin-1")
    assert decode_html(latin) == '<meta charset="iso-8859-1"><title>Sécurité</title>'
    assert "Sécurité" in decode_html("<title>Sécurité</title>".encode("cp1252"), "windows-1252")
    assert (
        decode_html(b"<title>S\xc3\xa9curit\xc3\xa9</title>", "no-such-codec")
        == "<title>Sécurité</title>"
    )
    assert decode_html(b"\xff\xfeok") == "\ufffd\ufffdok"
    result = extract_page(
        "<title>Sécurité</title>".encode("cp1252"),
        "https://a.example/",
        HEURISTIC,
        encoding="cp1252",
    )
    assert result.title == "Sécurité"


def test_tags_are_capped_and_deduplicated() -> None:
    metas = "".join(f'<meta property="article:tag" content="Thème {i}">' for i in range(40))
    html = (
        metas
        + '<meta property="article:tag" content="thème 1"><a rel="tag" href="/t">Thème 2</a><p>x</p>'
    )
    tags = extract_page(html, "https://a.example/", IOM).tags
    assert tags == [f"Thème {i}" for i in range(20)]


HOSTILE = """<html lang="fr"><head><title>Page hostile</title></head><body>
<div class="narrow-content"><div class="field--type-text-with-summary">
<p><a href="javascript:alert(document.cookie)">Cliquez ici</a> puis
<a href="http://a.example/x)[x](http://evil.example)">lisez</a>.</p>
<p># not a heading</p>
<p>Texte [fake](http://evil.example) normal.</p>
<script>stolen = "script-secret-hostile";</script>
<p><a href="/fr/relatif">relatif</a></p>
</div></div></body></html>"""


def test_hostile_page_links_and_text() -> None:
    result = extract_page(HOSTILE, "https://www.iom.int/fr/news/hostile", IOM)
    md = result.markdown
    assert md.splitlines() == [
        "Cliquez ici puis [lisez](http://a.example/x%29%5Bx%5D%28http://evil.example%29).",
        "",
        "\\# not a heading",
        "",
        "Texte \\[fake\\](http://evil.example) normal.",
        "",
        "[relatif](https://www.iom.int/fr/relatif)",
    ]
    assert "script-secret-hostile" not in md + result.text + result.body_html


def test_deeply_nested_page_becomes_plain_text_with_note() -> None:
    html = (
        '<div class="narrow-content"><div class="field--type-text-with-summary">'
        + "<div>" * 1000
        + "<p>Très profond</p>"
        + "</div>" * 1000
        + "</div></div>"
    )
    result = extract_page(html, "https://a.example/", IOM)
    assert result.markdown == "Très profond"
    assert len(result.notes) == 1 and result.notes[0].startswith("nesting too deep")
    heuristic = extract_page(
        "<p>x</p>" + "<div>" * 1000 + "<p>Très profond encore</p>" + "</div>" * 1000,
        "https://a.example/",
        HEURISTIC,
    )
    assert "Très profond encore" in heuristic.markdown


def test_whitespace_bomb_page_is_fast_and_collapsed() -> None:
    html = (
        '<div class="narrow-content"><div class="field--type-text-with-summary"><p>début'
        + " " * 5_000_000
        + "fin</p></div></div>"
    )
    started = time.monotonic()
    result = extract_page(html.encode(), "https://a.example/", IOM)
    assert time.monotonic() - started < 5.0
    assert result.markdown == "début fin"
    assert result.notes == []


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   ",
        b"\x00\x00\x00",
        b"\xff\xfe\xfd" * 1000,
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>',
        "<html><head><script type='application/ld+json'>{\"datePublished\": [[[[</script></head></html>",
        "<title>" + "t" * 100_000 + "</title>",
        "<html lang='\x1b[31m'><body><p>\x1b]0;x\x07</p></body></html>",
        "</div></p><p><table><td><li>",
        "<time datetime='9999-99-99'>x</time><meta property='article:published_time' content='garbage'>",
    ],
)
def test_malformed_pages_never_raise(data: bytes | str) -> None:
    result = extract_page(data, "https://a.example/", IOM, language="fr")
    assert isinstance(result.markdown, str)
    assert len(result.title) <= 300
    assert result.language == "fr"
    assert "\x1b" not in result.markdown + result.title + result.text


def test_invalid_selector_is_a_note_not_an_error() -> None:
    settings = dataclasses.replace(HEURISTIC, body=("div[[[",))
    result = extract_page(
        "<p>Un paragraphe de texte assez long pour compter.</p>", "https://a.example/", settings
    )
    assert result.notes[0].startswith("invalid CSS selector 'div[[['")
    assert result.markdown == "Un paragraphe de texte assez long pour compter."


def test_complex_selector_uses_soupsieve() -> None:
    settings = dataclasses.replace(HEURISTIC, body=("div.a:not(.b)",))
    html = '<div class="a b"><p>non</p></div><div class="a"><p>oui</p></div>'
    assert extract_page(html, "https://a.example/", settings).markdown == "oui"


def test_css_to_xpath() -> None:
    assert css_to_xpath("div.a > p#b") == (
        "//div[contains(@class, 'a')][css:has-class(@class, 'a')]/p[@id='b']"
    )
    assert css_to_xpath("meta[property='og:title']") == ("//meta[@property][@property='og:title']")
    upper_to_lower = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'"
    assert css_to_xpath("a[rel~=tag]") == (
        f"//a[contains(translate(@rel, {upper_to_lower}), 'tag')]"
        f"[css:has-word(translate(css:joined(@rel), {upper_to_lower}), 'tag')]"
    )
    for unsupported in ("div, p", "a:not(.x)", "p::before", "div >", "> p", "a[x$=y]", ""):
        assert css_to_xpath(unsupported) is None


@pytest.mark.parametrize(
    ("profile_id", "name"),
    [
        ("iom-fr", "iom-fr-release.html"),
        ("iom-en", "iom-en-release.html"),
        ("iom-es", "iom-es-release.html"),
    ],
)
def test_builtin_profiles_extract_their_fixture(profile_id: str, name: str) -> None:
    settings = load_profile(profile_id).extract
    result = extract_page(page(name), "https://www.iom.int/news/x", settings)
    assert " | " not in result.title
    assert result.notes == []
    assert result.published is not None
    assert result.markdown.split(" – ")[0] in (
        "Niamey",
        "Port Elmswick, 8 July",
        "Tapachula (México)",
    )
