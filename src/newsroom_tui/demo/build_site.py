"""Generate the static demo newsroom (`site/`) from its content (`content.py` reads the data files
in `content/`): release and menu pages in IOM's markup, the listing pages, the RSS feed.

Run `python -m newsroom_tui.demo.build_site` after editing the content; the output is committed
and a test checks it matches.
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
from collections.abc import Iterable
from email.utils import format_datetime
from pathlib import Path

from newsroom_tui import paths
from newsroom_tui.demo.content import (
    ORG_NAME,
    PAGE_SIZE,
    PRESS_RELEASE,
    SITE_NAME,
    Release,
    Section,
    display_date,
    releases,
    sections,
    slugify,
)

# --- page templates -------------------------------------------------------------------------------

_MENU_LINKS = (
    ("/fr/qui-sommes-nous", "Qui sommes-nous"),
    ("/fr/notre-travail", "Notre travail"),
    ("/fr/ou-travaillons-nous", "Où travaillons-nous"),
    ("/fr/agir", "Agir"),
    ("/fr/donnees-et-recherche", "Données et recherche"),
    ("/fr/agenda-2030", "Agenda 2030"),
    ("/fr/news", "Communiqués de presse"),
)


def _e(text: str) -> str:
    """Escape for text and double-quoted attributes (apostrophes stay readable)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def page(
    *,
    lang: str,
    title: str,
    canonical: str,
    main: str,
    head_extra: str = "",
) -> str:
    menu = "\n".join(
        f'      <li><a href="{href}">{_e(label)}</a></li>' for href, label in _MENU_LINKS
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>{_e(title)} | {ORG_NAME[lang]}</title>
  <meta property="og:title" content="{_e(title)}">
  <meta property="og:site_name" content="{SITE_NAME}">
  <link rel="canonical" href="{canonical}">
{head_extra}  <script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"page": "{canonical}", "demo": true}});</script>
</head>
<body class="path-node">
  <a class="skip-link" href="#main-content">Aller au contenu principal</a>
  <header class="site-header" role="banner">
    <a class="site-logo" href="/fr/">{SITE_NAME} — site de démonstration</a>
    <form class="search-form" action="/fr/search" method="get"><input type="search" name="keys" aria-label="Rechercher"><button>Rechercher</button></form>
    <div class="language-switcher"><a href="/fr/" hreflang="fr">Français</a> <a href="/" hreflang="en">English</a> <a href="/es/" hreflang="es">Español</a></div>
  </header>
  <nav class="main-menu" aria-label="Menu principal">
    <ul>
{menu}
    </ul>
  </nav>
  <main id="main-content" role="main">
{main}
  </main>
  <footer class="site-footer" role="contentinfo">
    <p>{SITE_NAME} est une organisation fictive : ce site sert à démontrer newsroom-tui. Aucun des faits, noms, numéros ou adresses n'est réel.</p>
    <ul class="footer-links"><li><a href="/fr/agir">Agir</a></li><li><a href="/fr/news">Médias</a></li><li><a href="/fr/rss.xml">RSS</a></li></ul>
  </footer>
  <script>document.querySelectorAll(".share a").forEach(function (a) {{ a.addEventListener("click", function () {{ window.dataLayer.push({{"share": a.textContent}}); }}); }});</script>
</body>
</html>
"""


def _share(path: str) -> str:
    return (
        '      <div class="social-share share">Partager : '
        f'<a href="https://twitter.com/intent/tweet?url={path}">X</a> '
        f'<a href="https://www.facebook.com/sharer/sharer.php?u={path}">Facebook</a> '
        f'<a href="https://www.linkedin.com/shareArticle?url={path}">LinkedIn</a> '
        f'<a href="mailto:?subject=OIM%20d%C3%A9mo&amp;body={path}">Email</a></div>\n'
    )


def release_page(release: Release, all_releases: list[Release]) -> str:
    stamp = release.published.isoformat()
    head = ""
    date_html = ""
    if release.mode == "meta":
        head += f'  <meta property="article:published_time" content="{stamp}">\n'
        date_html = f'      <div class="date">{display_date(release.published.date(), release.lang)}</div>\n'
    elif release.mode == "div":
        date_html = f'      <div class="date">{display_date(release.published.date(), release.lang)}</div>\n'
    elif release.mode == "time":
        date_html = (
            f'      <p class="published">Publié le <time datetime="{stamp}">'
            f"{display_date(release.published.date(), release.lang)}</time></p>\n"
        )
    head += "".join(
        f'  <meta property="article:tag" content="{_e(tag)}">\n' for tag in release.tags
    )
    head += '  <link rel="alternate" type="application/rss+xml" title="Communiqués de presse" href="/fr/rss.xml">\n'
    tags = " ".join(f'<a href="/fr/news?tag={slugify(t)}">{_e(t)}</a>' for t in release.tags)
    related = [r for r in all_releases if r.num != release.num and r.lang == release.lang][:3]
    related_html = "".join(f'<li><a href="{r.path}">{_e(r.title)}</a></li>' for r in related)
    main = (
        '    <article class="node node--type-press-release">\n'
        '      <div class="page-header">\n'
        f'        <div class="tag">{PRESS_RELEASE[release.lang]}</div>\n'
        f'        <h1 class="page-title">{_e(release.title)}</h1>\n'
        "      </div>\n"
        f"{date_html}"
        f'      <div class="field--name-field-tags">{tags}</div>\n'
        f"{_share(release.path)}"
        '      <div class="narrow-content">\n'
        '        <div class="field--type-text-with-summary">\n'
        f"{release.body_html}\n"
        "        </div>\n"
        "      </div>\n"
        f'      <aside class="related-content"><h2>À lire aussi</h2><ul>{related_html}</ul></aside>\n'
        "    </article>"
    )
    return page(
        lang=release.lang, title=release.title, canonical=release.path, main=main, head_extra=head
    )


def section_page(section: Section) -> str:
    main = (
        '    <article class="node node--type-page">\n'
        f'      <h1 class="page-title">{_e(section.title)}</h1>\n'
        '      <div class="narrow-content">\n'
        '        <div class="field--type-text-with-summary">\n'
        f"{section.body_html}\n"
        "        </div>\n"
        "      </div>\n"
        "    </article>"
    )
    return page(lang="fr", title=section.title, canonical=section.path, main=main)


def card(release: Release) -> str:
    return (
        '      <div class="card">\n'
        '        <div class="article-detail">\n'
        f'          <div class="tag">{PRESS_RELEASE["fr"]}</div>\n'
        f'          <h5 class="title"><a href="{release.path}">{_e(release.title)}</a></h5>\n'
        f'          <div class="date">{display_date(release.published.date(), "fr")}</div>\n'
        "        </div>\n"
        "      </div>\n"
    )


LISTING_QUERY = "type%5B0%5D=press_release&sort_bef_combine=created_DESC"


def listing_page(items: list[Release], number: int, last: int) -> str:
    cards = "".join(card(r) for r in items) or '      <p class="empty">Aucun résultat.</p>\n'
    pager = []
    if number > 0:
        pager.append(
            f'<a rel="prev" href="/fr/search?{LISTING_QUERY}&amp;page={number - 1}">Précédent</a>'
        )
    if number < last:
        pager.append(
            f'<a rel="next" href="/fr/search?{LISTING_QUERY}&amp;page={number + 1}">Suivant</a>'
        )
    main = (
        '    <h1 class="page-title">Communiqués de presse</h1>\n'
        '    <div class="view-content">\n'
        f"{cards}"
        "    </div>\n"
        f'    <nav class="pager" aria-label="Pagination">{" ".join(pager)}</nav>'
    )
    return page(
        lang="fr",
        title="Recherche",
        canonical=f"/fr/search?{LISTING_QUERY}&amp;page={number}",
        main=main,
    )


def news_page(items: list[Release]) -> str:
    cards = "".join(card(r) for r in items[:PAGE_SIZE])
    main = (
        '    <h1 class="page-title">Communiqués de presse</h1>\n'
        '    <div class="narrow-content"><div class="field--type-text-with-summary">\n'
        "<p>Les communiqués de presse de l'OIM (démo), organisation fictive inventée pour montrer "
        "newsroom-tui. Ils sont publiés en français, en anglais et en espagnol ; "
        f'<a href="/fr/search?{LISTING_QUERY}&amp;page=0">tous les communiqués</a> et le '
        '<a href="/fr/rss.xml">flux RSS</a>.</p>\n'
        "    </div></div>\n"
        '    <div class="view-content">\n'
        f"{cards}"
        "    </div>"
    )
    head = '  <link rel="alternate" type="application/rss+xml" title="OIM (démo) — Communiqués de presse" href="/fr/rss.xml">\n'
    return page(
        lang="fr", title="Communiqués de presse", canonical="/fr/news", main=main, head_extra=head
    )


def rss(items: list[Release]) -> str:
    entries = []
    for r in items:
        categories = "".join(f"      <category>{_e(t)}</category>\n" for t in r.tags)
        entries.append(
            "    <item>\n"
            f"      <title>{_e(r.title)}</title>\n"
            f"      <link>{r.path}</link>\n"
            f"      <description>{_e(r.summary)}</description>\n"
            f"      <pubDate>{format_datetime(r.published)}</pubDate>\n"
            "      <dc:creator>OIM (démo)</dc:creator>\n"
            f"{categories}"
            f'      <guid isPermaLink="false">{r.guid}</guid>\n'
            "    </item>\n"
        )
    newest = format_datetime(items[0].published) if items else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        "  <channel>\n"
        f"    <title>{SITE_NAME} — Communiqués de presse</title>\n"
        "    <link>/fr/news</link>\n"
        "    <description>Les derniers communiqués de presse de l'OIM (démo), organisation fictive.</description>\n"
        "    <language>fr</language>\n"
        f"    <lastBuildDate>{newest}</lastBuildDate>\n"
        + "".join(entries)
        + "  </channel>\n</rss>\n"
    )


def home_page(sections: Iterable[Section]) -> str:
    links = "".join(f'<li><a href="{s.path}">{_e(s.title)}</a></li>' for s in sections)
    main = (
        f'    <h1 class="page-title">{SITE_NAME}</h1>\n'
        '    <div class="narrow-content"><div class="field--type-text-with-summary">\n'
        "<p>Bienvenue sur le site de démonstration de l'OIM (démo), organisation fictive. "
        f'Lire les <a href="/fr/news">communiqués de presse</a>.</p>\n<ul>{links}</ul>\n'
        "    </div></div>"
    )
    return page(lang="fr", title="Accueil", canonical="/fr/", main=main)


def language_home(lang: str, items: list[Release]) -> str:
    """The English or Spanish home page: this demo's menu is French, these only list releases."""
    intro = {
        "en": "IOM (demo) is a fictional organization made up to demonstrate newsroom-tui. Its press releases in English:",
        "es": "La OIM (demo) es una organización ficticia creada para mostrar newsroom-tui. Sus comunicados en español:",
    }[lang]
    links = "".join(
        f'<li><a href="{r.path}">{_e(r.title)}</a></li>' for r in items if r.lang == lang
    )
    main = (
        f'    <h1 class="page-title">{SITE_NAME}</h1>\n'
        '    <div class="narrow-content"><div class="field--type-text-with-summary">\n'
        f"<p>{intro}</p>\n<ul>{links}</ul>\n"
        "    </div></div>"
    )
    return page(
        lang=lang, title=SITE_NAME, canonical="/" if lang == "en" else f"/{lang}/", main=main
    )


# --- building -------------------------------------------------------------------------------------


def build(out_dir: Path) -> dict[str, str]:
    """Write the whole site into `out_dir` (emptied first); returns {relative path: text}."""
    items = releases()
    files: dict[str, str] = {}
    for r in items:
        files[r.path.lstrip("/") + ".html"] = release_page(r, items)
    menu = sections()
    for s in menu:
        files[s.path.lstrip("/") + ".html"] = section_page(s)
    files["fr/index.html"] = home_page(menu)
    files["index.html"] = language_home("en", items)
    files["es/index.html"] = language_home("es", items)
    files["fr/news.html"] = news_page(items)
    files["fr/rss.xml"] = rss([r for r in items if r.in_feed])
    pages = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)]
    pages.append([])  # one empty page past the end, as the real (Drupal) listing answers
    for number, chunk in enumerate(pages):
        files[f"fr/search/page-{number}.html"] = listing_page(chunk, number, len(pages) - 1)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for rel, text in sorted(files.items()):
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the demo newsroom's static site.")
    parser.add_argument("--out", default=str(paths.demo_site_dir()), help="output directory")
    args = parser.parse_args(argv)
    files = build(Path(args.out))
    print(f"wrote {len(files)} files to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
