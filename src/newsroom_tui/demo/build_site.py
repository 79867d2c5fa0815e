"""Generate the static demo newsroom (`site/`) from the compact content held in this module.

Run `python -m newsroom_tui.demo.build_site` after editing the content; the output is committed
and a test checks it matches. Everything here is fiction written for this project: the
organisation "OIM (démo)", its people, offices, phone numbers and events are invented.

Content format (one string per release, see `_RELEASES`): header lines `key: value` (num, lang,
date, mode, tags, title, optional slug, optional feed), a blank line, then the body: blocks
separated by blank lines; `## ` / `### ` headings, `- ` bulleted and `1. ` numbered lists, `|`
table rows (first row is the header), anything else a paragraph with inline HTML allowed.
`{cf:addr}` becomes a Cloudflare-protected address. Contacts close the body: `@lead`, `@layout`
(inline, br, paras, heading), `@sep`, `@emaillabel`, then one `@c` line per contact:
`name | joiner | office | label number; label number | email, email | style` where style is one of
mailto, mailto-q, text, at, paren, cf.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import html
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path

from newsroom_tui import paths
from newsroom_tui.extraction.dates import format_date

ORG_NAME = {
    "fr": "Organisation internationale pour les migrations",
    "en": "International Organization for Migration",
    "es": "Organización Internacional para las Migraciones",
}
NEWS_PREFIX = {"fr": "/fr/news/", "en": "/news/", "es": "/es/news/"}
PRESS_RELEASE = {"fr": "Communiqué de presse", "en": "Press Release", "es": "Comunicado de prensa"}
DEFAULT_LEAD = {
    "fr": "Pour plus d'informations, veuillez contacter",
    "en": "For more information, please contact",
    "es": "Para más información, por favor contacte a",
}
DEFAULT_SEP = {"fr": " ou ", "en": " or ", "es": " o "}
DEFAULT_EMAIL_LABEL = {"fr": "Email :", "en": "Email:", "es": "Correo electrónico:"}
PAGE_SIZE = 10
FEED_SIZE = 20
SITE_NAME = "OIM (démo)"


@dataclass(frozen=True, slots=True)
class Contact:
    """One press contact as printed in a release; also the ground truth for contact extraction."""

    name: str
    joiner: str
    organization: str
    phones: tuple[tuple[str, str], ...]
    """(label as printed, number as printed)."""
    emails: tuple[str, ...]
    style: str
    """How the addresses are printed: mailto, mailto-q, text, at, paren or cf."""


@dataclass(frozen=True, slots=True)
class ContactsBlock:
    lead: str
    layout: str
    sep: str
    email_label: str
    contacts: tuple[Contact, ...]


@dataclass(frozen=True, slots=True)
class Release:
    num: int
    lang: str
    slug: str
    title: str
    published: dt.datetime
    mode: str
    """Where the page states its date: meta (meta + div.date), div (div.date only) or time."""
    tags: tuple[str, ...]
    body_html: str
    """The whole article body, contacts block included."""
    summary: str
    contacts: ContactsBlock | None
    in_feed: bool = False

    @property
    def guid(self) -> str:
        return f"demo-{self.lang}-{self.num:04d}"

    @property
    def path(self) -> str:
        return NEWS_PREFIX[self.lang] + self.slug


@dataclass(frozen=True, slots=True)
class Section:
    """A page of the site's menu."""

    path: str
    title: str
    body_html: str
    extra: dict[str, str] = field(default_factory=dict)


# --- small text helpers ---------------------------------------------------------------------------


def slugify(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    folded = folded.replace("'", "").replace("’", "")
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > 80:
        slug = slug[:81].rsplit("-", 1)[0]
    return slug


def display_date(day: dt.date, lang: str) -> str:
    """The card and page date as the site prints it ("15 mars 2025", "8 July 2024")."""
    return format_date(dt.datetime(day.year, day.month, day.day), lang)


def plain_text(fragment: str) -> str:
    text = re.sub(r"<[^>]+>", " ", fragment)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def cloudflare_encode(address: str) -> str:
    """The hex Cloudflare puts in `data-cfemail`: a key byte, then each byte XOR the key."""
    key = hashlib.sha256(address.encode()).digest()[0] or 0x5A
    return f"{key:02x}" + "".join(f"{byte ^ key:02x}" for byte in address.encode())


def cloudflare_decode(encoded: str) -> str:
    key = int(encoded[:2], 16)
    return bytes(int(encoded[i : i + 2], 16) ^ key for i in range(2, len(encoded), 2)).decode()


def _cf_html(address: str) -> str:
    return (
        '<a href="/cdn-cgi/l/email-protection" class="__cf_email__" '
        f'data-cfemail="{cloudflare_encode(address)}">[email&#160;protected]</a>'
    )


def _inline(text: str) -> str:
    text = text.replace(" & ", " &amp; ")
    return re.sub(r"\{cf:([^}]+)\}", lambda m: _cf_html(m.group(1)), text)


# --- parsing the compact content ------------------------------------------------------------------


def render_email(address: str, style: str) -> str:
    if style == "mailto":
        return f'<a href="mailto:{address}">{address}</a>'
    if style == "mailto-q":
        return f'<a href="mailto:{address}?subject=Demande%20presse">{address}</a>'
    if style == "text":
        return address
    local, _, domain = address.partition("@")
    if style == "at":
        return f"{local} [at] " + " [dot] ".join(domain.split("."))
    if style == "paren":
        return f"{local} (at) {domain}"
    if style == "cf":
        return _cf_html(address)
    raise ValueError(f"unknown email style {style!r}")


def render_contact(contact: Contact, email_label: str) -> str:
    joiner = ", " if contact.joiner == "," else f" {contact.joiner} "
    parts = [
        f"{contact.name}{joiner}{contact.organization}" if contact.organization else contact.name
    ]
    parts += [f"{label} {number}" for label, number in contact.phones]
    if contact.emails:
        parts.append(
            f"{email_label} " + " ou ".join(render_email(e, contact.style) for e in contact.emails)
        )
    return ", ".join(parts)


def render_contacts(block: ContactsBlock) -> str:
    entries = [render_contact(c, block.email_label) for c in block.contacts]
    if block.layout == "inline":
        return f"<p>{block.lead} {block.sep.join(entries)}.</p>"
    if block.layout == "br":
        return f"<p>{block.lead} :<br>\n" + "<br>\n".join(entries) + "</p>"
    if block.layout == "paras":
        return f"<p>{block.lead} :</p>\n" + "\n".join(f"<p>{e}</p>" for e in entries)
    if block.layout == "heading":
        return f"<h3>{block.lead}</h3>\n" + "\n".join(f"<p>{e}</p>" for e in entries)
    raise ValueError(f"unknown contacts layout {block.layout!r}")


def _parse_contact(line: str) -> Contact:
    fields = [f.strip() for f in line.split("|")]
    if len(fields) != 6:
        raise ValueError(f"contact needs 6 fields: {line!r}")
    name, joiner, org, phones_raw, emails_raw, style = fields
    phones: list[tuple[str, str]] = []
    for item in filter(None, (p.strip() for p in phones_raw.split(";"))):
        cut = item.index("+")
        phones.append((item[:cut].strip(), item[cut:].strip()))
    emails = tuple(e.strip() for e in emails_raw.split(",") if e.strip())
    return Contact(name, joiner, org, tuple(phones), emails, style)


def markup_to_html(text: str) -> str:
    """The body mini-markup as HTML (see the module docstring)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        first = lines[0]
        if first.startswith("### "):
            out.append(f"<h3>{_inline(first[4:])}</h3>")
        elif first.startswith("## "):
            out.append(f"<h2>{_inline(first[3:])}</h2>")
        elif first.startswith("- "):
            items = "".join(f"<li>{_inline(line[2:])}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        elif re.match(r"1\. ", first):
            items = "".join(
                f"<li>{_inline(re.sub(r'^[0-9]+[.] ', '', line))}</li>" for line in lines
            )
            out.append(f"<ol>{items}</ol>")
        elif first.startswith("|"):
            rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
            head = "".join(f"<th>{_inline(cell)}</th>" for cell in rows[0])
            body = "".join(
                "<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>"
                for row in rows[1:]
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        elif first.startswith("<"):
            out.append(_inline(" ".join(lines)))
        else:
            out.append(f"<p>{_inline(' '.join(lines))}</p>")
    return "\n".join(out)


def parse_release(source: str) -> Release:
    head, _, rest = source.strip().partition("\n\n")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    lang = meta["lang"]
    body_lines: list[str] = []
    contact_lines: list[str] = []
    settings: dict[str, str] = {}
    for line in rest.splitlines():
        if line.startswith("@c "):
            contact_lines.append(line[3:])
        elif line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            settings[key] = value
        else:
            body_lines.append(line)
    body = markup_to_html("\n".join(body_lines))
    block = None
    if contact_lines:
        block = ContactsBlock(
            lead=settings.get("lead", DEFAULT_LEAD[lang]),
            layout=settings.get("layout", "inline"),
            sep=settings.get("sep", DEFAULT_SEP[lang]).replace("_", " "),
            email_label=settings.get("emaillabel", DEFAULT_EMAIL_LABEL[lang]),
            contacts=tuple(_parse_contact(line) for line in contact_lines),
        )
        body += "\n" + render_contacts(block)
    first_para = re.search(r"<p>(.*?)</p>", body, re.S)
    summary = plain_text(first_para.group(1)) if first_para else ""
    if len(summary) > 280:
        summary = summary[:280].rsplit(" ", 1)[0] + " …"
    title = meta["title"]
    return Release(
        num=int(meta["num"]),
        lang=lang,
        slug=meta.get("slug") or slugify(title),
        title=title,
        published=dt.datetime.fromisoformat(meta["date"]).replace(tzinfo=dt.UTC),
        mode=meta.get("mode", "meta"),
        tags=tuple(t.strip() for t in meta.get("tags", "").split(";") if t.strip()),
        body_html=body,
        summary=summary,
        contacts=block,
    )


def releases() -> list[Release]:
    """Every release, newest first; the FEED_SIZE newest French ones are marked `in_feed`."""
    items = sorted(
        (parse_release(s) for s in _RELEASES), key=lambda r: (r.published, r.num), reverse=True
    )
    french = [r.num for r in items if r.lang == "fr"][:FEED_SIZE]
    return [dataclasses.replace(r, in_feed=r.num in french) for r in items]


def expected_contacts(release: Release) -> list[dict[str, object]]:
    """The contacts a perfect extractor finds on the release page (the demo's ground truth).

    Names lose a leading French article ("l'Unité de communication" is "Unité de communication").
    """
    if release.contacts is None:
        return []
    return [
        {
            "name": re.sub(r"^(?:l'|la |le )", "", c.name),
            "organization": c.organization,
            "phones": [number for _, number in c.phones],
            "emails": list(c.emails),
        }
        for c in release.contacts.contacts
    ]


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


def sections() -> list[Section]:
    out = []
    for source in _SECTIONS:
        head, _, rest = source.strip().partition("\n\n")
        meta = dict(
            (k.strip(), v.strip())
            for k, _, v in (line.partition(":") for line in head.splitlines())
        )
        body_lines = [line for line in rest.splitlines() if not line.startswith("@")]
        contact_lines = [line[3:] for line in rest.splitlines() if line.startswith("@c ")]
        body = markup_to_html("\n".join(body_lines))
        if contact_lines:
            block = ContactsBlock(
                DEFAULT_LEAD["fr"],
                "inline",
                DEFAULT_SEP["fr"],
                DEFAULT_EMAIL_LABEL["fr"],
                tuple(_parse_contact(line) for line in contact_lines),
            )
            body += "\n" + render_contacts(block)
        out.append(Section(meta["path"], meta["title"], body))
    return out


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


# --- content: sections of the menu ----------------------------------------------------------------

_SECTIONS: list[str] = []

# --- content: press releases ----------------------------------------------------------------------

_RELEASES: list[str] = []

_SECTIONS += [
    """
path: /fr/qui-sommes-nous
title: Qui sommes-nous

<p><strong>L'OIM (démo) est une organisation fictive.</strong> Elle a été inventée pour montrer ce que peut faire newsroom-tui, un lecteur de salle de presse en mode texte ; ses dirigeants, ses bureaux et ses communiqués n'existent pas.</p>

Dans cette fiction, l'OIM (démo) a été créée en 1951 par un petit groupe d'États soucieux d'organiser des migrations sûres, ordonnées et dignes. Elle compte aujourd'hui 140 États membres imaginaires et travaille dans une centaine de pays, en lien avec les gouvernements, les autorités locales, la société civile et les migrants eux-mêmes.

## Notre mission

L'OIM (démo) aide les États à gérer les migrations dans le respect des droits humains, accompagne les personnes déplacées par les conflits et les catastrophes, et favorise les contributions des migrants au développement de leurs pays d'origine et d'accueil.

- Protéger et assister les personnes en situation de vulnérabilité.
- Appuyer les politiques publiques fondées sur des données fiables.
- Soutenir des solutions durables pour les communautés déplacées.

## Notre gouvernance

Le Conseil, qui réunit tous les États membres, se tient chaque année en novembre. Il adopte le budget et fixe les orientations stratégiques. La Directrice générale dirige l'administration avec deux adjointes, l'une chargée de la gestion et des réformes, l'autre des opérations. La <a href="/fr/structure-organisationnelle-de-loim">structure organisationnelle</a> détaille les bureaux du Siège.

Pour suivre l'actualité de l'organisation, consultez nos <a href="/fr/news">communiqués de presse</a>.
""",
    """
path: /fr/structure-organisationnelle-de-loim
title: Structure organisationnelle

<p>La structure de l'OIM (démo), organisation fictive, repose sur trois niveaux : le Siège de Genève, neuf bureaux régionaux et des bureaux de pays. Cette page la décrit telle qu'elle est imaginée pour la démonstration.</p>

## Le Siège

Le Siège définit les politiques, gère les finances et coordonne les grandes opérations. Il comprend le Cabinet de la Directrice générale, deux départements placés sous l'autorité des Directrices générales adjointes et plusieurs bureaux rattachés directement à la Directrice générale.

1. Le Bureau du Chef de Cabinet, qui prépare les décisions et suit leur exécution.
2. Le Bureau des partenariats, de la sensibilisation et de la communication.
3. Le Bureau de la stratégie et de la performance institutionnelle.
4. Le Département de la gestion et des réformes.
5. Le Département des opérations et des situations d'urgence.

## Les bureaux régionaux

Les bureaux régionaux, de Dakar à Bangkok en passant par Panamá, Nairobi et Le Caire, conseillent les bureaux de pays, valident les projets et veillent à la cohérence des interventions dans leur région. Ils accueillent aussi les équipes techniques spécialisées : santé, protection, données, environnement.

## Les bureaux de pays

Les bureaux de pays mettent en œuvre les programmes avec les autorités nationales. Leur taille varie de quelques personnes à plusieurs centaines lorsque survient une crise humanitaire. Voir aussi <a href="/fr/ou-travaillons-nous">Où travaillons-nous</a>.
""",
    """
path: /fr/directrice-generale-de-loim
title: Directrice générale

<p>Hélène Marchetti-Osei est, dans cette fiction, la Directrice générale de l'OIM (démo). Elle a été élue par le Conseil en 2023 pour un mandat de cinq ans. Personnage inventé, elle n'a aucun lien avec une personne réelle.</p>

Avant de rejoindre l'organisation, Hélène Marchetti-Osei a dirigé pendant dix ans une agence nationale de protection civile, puis coordonné la réponse humanitaire d'un organisme régional lors de plusieurs saisons cycloniques. Juriste de formation, elle a enseigné le droit international des migrations et publié deux ouvrages sur la protection des personnes déplacées par les catastrophes.

## Ses priorités

- Sauver des vies et protéger les personnes en déplacement.
- Trouver des solutions durables aux déplacements prolongés.
- Faciliter des voies de migration régulières, sûres et accessibles.
- Moderniser l'organisation et rendre compte de ses résultats.

Dans ses interventions, la Directrice générale insiste sur la nécessité de financements prévisibles et sur la place des migrants dans les décisions qui les concernent. « Une politique migratoire réussie se construit avec les personnes qu'elle vise, pas seulement pour elles », a-t-elle déclaré lors de sa prise de fonctions.

Ses discours et déclarations sont publiés dans la rubrique <a href="/fr/news">Communiqués de presse</a>.
""",
    """
path: /fr/directrice-generale-adjointe-chargee-de-la-gestion-et-des-reformes
title: Directrice générale adjointe chargée de la gestion et des réformes

<p>Ingrid Solberg-Amado, personnage fictif, est la Directrice générale adjointe chargée de la gestion et des réformes de l'OIM (démo). Elle supervise les ressources humaines, les finances, les technologies de l'information et les achats.</p>

Économiste de formation, elle a conduit la réforme budgétaire imaginée pour la démonstration : un budget unique, présenté par résultats, qui permet aux États membres de suivre ce que financent leurs contributions.

## Les chantiers en cours

1. La simplification des procédures d'achat dans les bureaux de pays.
2. Un système de gestion financière commun à tous les bureaux.
3. La parité femmes-hommes à tous les niveaux de responsabilité d'ici 2027.
4. La réduction de l'empreinte carbone des bureaux et des déplacements.

La Directrice générale adjointe présente chaque année au Conseil un rapport sur l'avancement des réformes, accompagné d'indicateurs publiés dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>. Elle préside aussi le comité d'audit interne et le groupe de travail sur la protection contre l'exploitation et les abus sexuels.
""",
    """
path: /fr/directrice-generale-adjointe-chargee-des-operations
title: Directrice générale adjointe chargée des opérations

<p>Nadia Ferreira Balogun, personnage fictif, est la Directrice générale adjointe chargée des opérations de l'OIM (démo). Elle dirige les programmes sur le terrain et la réponse aux situations d'urgence.</p>

Ancienne cheffe de mission dans plusieurs pays touchés par des conflits, elle a coordonné des opérations de distribution d'abris, de gestion de sites de déplacement et d'assistance au retour volontaire. Elle veille à ce que chaque intervention repose sur une analyse des besoins et sur la participation des communautés concernées.

## Domaines placés sous sa responsabilité

- La préparation et la réponse aux urgences.
- La gestion des camps et des sites de déplacement.
- La migration et le développement durable.
- La santé des migrants et la protection.
- Le retour volontaire et la réintégration.

Elle suit aussi le déploiement du <a href="/fr/ce-que-nous-faisons">cadre opérationnel</a> commun à tous les bureaux, qui fixe les normes minimales de qualité et de redevabilité envers les populations affectées.

Elle se rend régulièrement sur le terrain, en particulier dans les pays où l'organisation fictive conduit ses plus grandes opérations.
""",
    """
path: /fr/bureau-du-chef-de-cabinet
title: Bureau du Chef de Cabinet

<p>Le Bureau du Chef de Cabinet de l'OIM (démo) coordonne le travail des bureaux rattachés à la Directrice générale et prépare les réunions de la direction. Il est dirigé par Tomasz Ekwueme, personnage inventé pour cette démonstration.</p>

Le Bureau assure le suivi des décisions de la direction, prépare les sessions du Conseil et du Comité permanent des programmes et des finances, et gère la correspondance officielle avec les États membres. Il accueille aussi le secrétariat des organes directeurs et le service du protocole.

## Ses fonctions

- Préparer l'ordre du jour et les dossiers de la direction.
- Suivre l'exécution des décisions et en rendre compte.
- Coordonner les missions de la Directrice générale.
- Assurer la liaison avec les organes directeurs.

Le Bureau travaille en lien étroit avec le <a href="/fr/bureau-de-la-strategie-et-de-la-performance-institutionnelle">Bureau de la stratégie et de la performance institutionnelle</a> et avec le Bureau des partenariats, de la sensibilisation et de la communication, pour que les décisions soient expliquées clairement aux partenaires comme au public.
""",
    """
path: /fr/bureau-des-partenariats-de-la-sensibilisation-et-de-la-communication
title: Bureau des partenariats, de la sensibilisation et de la communication

<p>Le Bureau des partenariats, de la sensibilisation et de la communication de l'OIM (démo), organisation fictive, entretient les relations avec les donateurs, les organisations partenaires et les médias. Il publie les communiqués de presse, les notes d'information et les récits de terrain.</p>

## Relations avec les médias

L'équipe média répond aux demandes des journalistes, organise les points de presse du mardi et du vendredi à Genève et diffuse les communiqués en français, en anglais et en espagnol. Les communiqués sont disponibles dans la rubrique <a href="/fr/news">Communiqués de presse</a> et par <a href="/fr/rss.xml">flux RSS</a>.

## Partenariats et sensibilisation

- Dialogue avec les États donateurs et les fondations.
- Campagnes de sensibilisation sur la migration sûre.
- Partenariats avec le secteur privé et les universités.
- Gestion de la marque et des publications.

Les demandes de photos, de vidéos et d'entretiens sont traitées dans un délai de deux jours ouvrables.

@c Léa Vandenberghe | au | Bureau des médias de l'OIM à Genève | Tél. : +41 22 717 94 12; Mobile : +41 79 512 38 40 | lvandenberghe@iom.int | mailto
@c Samuel Adjovi | , | OIM Genève | Tél. : +41 22 717 94 31 | mediademo@iom.int | mailto
""",
    """
path: /fr/bureau-de-la-strategie-et-de-la-performance-institutionnelle
title: Bureau de la stratégie et de la performance institutionnelle

<p>Le Bureau de la stratégie et de la performance institutionnelle de l'OIM (démo) élabore le plan stratégique de l'organisation fictive et mesure ses résultats. Il est dirigé par Aïcha Rahmani-Lund, personnage inventé.</p>

Le plan stratégique 2024-2028 imaginé pour la démonstration compte trois objectifs : sauver des vies et protéger les personnes en déplacement, trouver des solutions aux déplacements, faciliter des voies de migration régulières. Chaque objectif est décliné en résultats mesurables, suivis chaque trimestre.

## Comment la performance est mesurée

| Indicateur | Valeur de référence 2023 | Cible 2028 |
| Bureaux utilisant le cadre de résultats commun | 40 % | 100 % |
| Projets évalués de manière indépendante | 12 % | 30 % |
| Délai moyen de déploiement en urgence | 9 jours | 3 jours |

Le Bureau publie un rapport annuel de performance et pilote la gestion des risques institutionnels. Il coordonne aussi les évaluations, dont les résumés sont disponibles dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

Ses équipes accompagnent enfin les bureaux de pays dans la préparation de leurs propres stratégies nationales, alignées sur le plan de l'organisation.
""",
    """
path: /fr/notre-travail
title: Notre travail

<p>L'OIM (démo), organisation fictive, agit à la fois dans l'urgence et sur la durée : elle aide les personnes déplacées, appuie les gouvernements dans la gestion des frontières et des politiques migratoires, et accompagne la contribution des migrants au développement.</p>

Son action s'organise autour de quatre piliers, qui se renforcent mutuellement :

1. La réponse aux crises et la protection des personnes en déplacement.
2. La migration et le développement durable, y compris face au changement climatique.
3. La gouvernance des migrations et la gestion des frontières.
4. La santé des migrants et l'accès aux services essentiels.

Chaque programme est conçu avec les autorités nationales et, autant que possible, avec les communautés concernées. Les résultats sont suivis par le <a href="/fr/bureau-de-la-strategie-et-de-la-performance-institutionnelle">Bureau de la stratégie</a> et publiés chaque année.

Découvrez le détail de nos domaines d'intervention dans <a href="/fr/ce-que-nous-faisons">Ce que nous faisons</a>, et nos alliances dans <a href="/fr/partenariats">Partenariats</a>.

Dans toutes ses activités, l'organisation fictive applique trois principes : ne pas nuire, rendre des comptes aux personnes aidées, et travailler avec les acteurs locaux plutôt qu'à leur place.
""",
    """
path: /fr/ce-que-nous-faisons
title: Ce que nous faisons

<p>Voici, pour la démonstration, les domaines dans lesquels intervient l'OIM (démo). Les chiffres cités sont inventés.</p>

## Urgences et déplacements

Gestion de sites de déplacement, distribution d'abris et d'articles essentiels, suivi des mouvements de population grâce à une matrice de suivi des déplacements imaginaire. En 2025, l'organisation fictive dit avoir aidé 3,1 millions de personnes.

## Retour et réintégration

Aide au retour volontaire, accueil à l'arrivée, soutien psychosocial et projets de réintégration économique, individuels ou communautaires.

## Migration et climat

Appui aux communautés exposées aux sécheresses, aux inondations et à l'élévation du niveau de la mer : adaptation sur place, relocalisation planifiée lorsque c'est inévitable, mobilité de travail saisonnière.

## Santé

Évaluations sanitaires, vaccination, santé mentale et soutien psychosocial, surveillance des maladies aux points d'entrée.

## Migration de travail

- Recrutement éthique et lutte contre les frais abusifs.
- Formation préalable au départ.
- Reconnaissance des compétences et des diplômes.

Pour les dernières nouvelles de ces programmes, voir les <a href="/fr/news">communiqués de presse</a>.
""",
    """
path: /fr/partenariats
title: Partenariats

<p>L'OIM (démo) ne travaille jamais seule. Dans cette fiction, elle s'appuie sur des États membres, des agences sœurs, des organisations non gouvernementales, des universités et des entreprises.</p>

## Avec les États

Les États membres financent la plus grande partie des programmes, souvent par des contributions affectées à un pays ou à un thème. L'organisation encourage des financements pluriannuels et flexibles, qui permettent de réagir vite en cas de crise.

## Avec la société civile

Des centaines d'organisations locales mettent en œuvre des activités aux côtés de l'OIM (démo) : accueil des migrants, assistance juridique, accompagnement des retours. Une consultation annuelle avec les ONG permet d'ajuster les priorités.

## Avec le secteur privé

- Entreprises engagées pour un recrutement éthique.
- Opérateurs de télécommunications pour l'information des migrants.
- Fondations qui financent la recherche et l'innovation.

## Avec les universités

Des partenariats de recherche alimentent la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

Pour proposer un partenariat, écrivez au Bureau des partenariats (voir <a href="/fr/bureau-des-partenariats-de-la-sensibilisation-et-de-la-communication">ses coordonnées</a>).
""",
    """
path: /fr/ou-travaillons-nous
title: Où travaillons-nous

<p>L'OIM (démo), organisation fictive, dispose de neuf bureaux régionaux et d'une centaine de bureaux de pays. La liste ci-dessous est inventée pour la démonstration.</p>

| Région | Bureau régional | Pays couverts |
| Afrique de l'Ouest et du Centre | Dakar | 23 |
| Afrique de l'Est et Corne de l'Afrique | Nairobi | 11 |
| Afrique australe | Pretoria | 15 |
| Moyen-Orient et Afrique du Nord | Le Caire | 17 |
| Asie et Pacifique | Bangkok | 40 |
| Amérique centrale, Amérique du Nord et Caraïbes | Ciudad de Panamá | 22 |
| Amérique du Sud | Buenos Aires | 12 |
| Europe | Bruxelles et Vienne | 50 |

Les bureaux régionaux appuient les bureaux de pays sur les plans technique, financier et administratif. Ils animent aussi les processus consultatifs régionaux sur la migration, où les États échangent leurs pratiques.

Les bureaux de pays travaillent avec les ministères de l'Intérieur, du Travail, de la Santé et des Affaires étrangères, ainsi qu'avec les autorités locales. Leur présence varie : un petit bureau de liaison dans certains pays, une grande opération humanitaire dans d'autres.

Les <a href="/fr/news">communiqués de presse</a> indiquent pour chaque annonce le bureau concerné et ses contacts.
""",
    """
path: /fr/agir
title: Agir

<p>Chacun peut contribuer, à sa mesure, à des migrations plus sûres. Cette page de l'OIM (démo), organisation fictive, présente les façons de s'engager.</p>

## Travailler avec nous

Postes au Siège et sur le terrain, stages, programme de jeunes professionnels : consultez <a href="/fr/travailler-avec-nous">Travailler avec nous</a>.

## S'engager

Bénévolat, campagnes, dons, sensibilisation dans votre école ou votre entreprise : voir <a href="/fr/engagez-vous">Engagez-vous</a>.

## S'informer et informer

- Lire et partager nos <a href="/fr/news">communiqués de presse</a>.
- S'abonner au <a href="/fr/rss.xml">flux RSS</a>.
- Utiliser nos données ouvertes pour vos recherches.

Parler de migration avec justesse est déjà une façon d'agir : nos guides pour les médias rappellent les mots à privilégier et ceux qui stigmatisent.

## Pour les collectivités et les entreprises

Les villes, les écoles et les entreprises peuvent accueillir des stages, parrainer des projets de réintégration ou ouvrir leurs portes à des personnes nouvellement arrivées. Chaque bureau de pays de l'organisation fictive dispose d'un point de contact pour ces partenariats locaux, qui commencent souvent par une simple rencontre.
""",
    """
path: /fr/travailler-avec-nous
title: Travailler avec nous

<p>L'OIM (démo) recrute, dans cette fiction, des profils très variés : logisticiens, médecins, juristes, spécialistes des données, chargés de communication. Aucune offre de cette page n'est réelle.</p>

## Types de contrats

1. Postes internationaux, ouverts à tous les ressortissants des États membres.
2. Postes nationaux, réservés aux ressortissants du pays du bureau.
3. Consultants, pour des missions courtes.
4. Stages de trois à six mois, rémunérés.

## Notre engagement

L'organisation fictive s'engage pour la diversité, l'égalité entre les femmes et les hommes et l'inclusion des personnes handicapées. Elle applique une tolérance zéro face au harcèlement et aux abus.

## Comment postuler

Les candidatures se font en ligne. Chaque offre précise les compétences linguistiques demandées ; le français, l'anglais et l'espagnol sont les trois langues de travail. Les candidats retenus passent un test écrit puis un entretien fondé sur les compétences.

L'OIM (démo) ne demande jamais de frais à aucune étape du recrutement. Signalez toute offre suspecte.

Les candidatures spontanées ne sont pas examinées : seules les réponses à une offre publiée sont prises en compte.
""",
    """
path: /fr/engagez-vous
title: Engagez-vous

<p>Vous souhaitez soutenir les personnes migrantes et déplacées ? Voici, pour la démonstration, ce que propose l'OIM (démo), organisation fictive.</p>

## Devenir bénévole

Les bureaux de pays accueillent des bénévoles pour l'accueil, la traduction, le soutien scolaire ou l'organisation d'événements. Les missions durent de quelques heures à quelques mois.

## Relayer nos campagnes

- « Partir informé » : informer les jeunes sur les risques de la migration irrégulière.
- « Ici aussi » : montrer les contributions des migrants à leur ville.
- « Après la tempête » : soutenir les familles déplacées par les catastrophes.

## Faire un don

Les dons des particuliers financent des kits d'urgence, des bourses de formation et des projets de réintégration. Un reçu est délivré pour chaque don.

## Organiser un événement

Le 18 décembre, Journée internationale des migrants, est l'occasion d'organiser projections, débats et repas partagés. Un kit d'animation est disponible sur demande.

Retrouvez nos actions récentes dans les <a href="/fr/news">communiqués de presse</a>.
""",
    """
path: /fr/donnees-et-recherche
title: Données et recherche

<p>L'OIM (démo), organisation fictive, publie des données et des études pour que les décisions sur les migrations reposent sur des faits. Les jeux de données évoqués ici sont inventés.</p>

## Nos publications

- Le Rapport sur l'état de la migration dans le monde (édition de démonstration, tous les deux ans).
- Des notes d'analyse régionales, chaque trimestre.
- Des études de cas sur le retour, la santé et le climat.

## Nos données

| Jeu de données | Mise à jour | Format |
| Suivi des déplacements | mensuelle | CSV, API |
| Migrants disparus | hebdomadaire | CSV |
| Retours assistés | trimestrielle | XLSX |

## Recherche partenariale

Le programme de recherche associe des universités de chaque région. Les projets en cours portent sur la mobilité climatique en Asie-Pacifique, les transferts de fonds en Afrique de l'Ouest et l'intégration des migrants dans les villes d'Amérique latine.

Toutes les données sont publiées sous licence ouverte, avec une documentation des méthodes. Voir aussi le <a href="/fr/agenda-2030">lien avec l'Agenda 2030</a>.
""",
    """
path: /fr/agenda-2030
title: Agenda 2030

<p>Le Programme de développement durable à l'horizon 2030 reconnaît la contribution des migrants au développement. Cette page présente, pour la démonstration, la manière dont l'OIM (démo), organisation fictive, y contribue.</p>

La cible 10.7 appelle à faciliter une migration ordonnée, sûre, régulière et responsable. Mais la migration touche bien d'autres objectifs : la santé, l'éducation, le travail décent, la réduction des inégalités, l'action climatique et la construction de villes inclusives.

## Nos engagements

1. Intégrer la migration dans les plans nationaux de développement.
2. Mesurer les progrès avec des indicateurs ventilés par statut migratoire.
3. Réduire le coût des transferts de fonds à moins de 3 %.
4. Associer les diasporas aux projets de développement local.

Chaque année, l'OIM (démo) publie un bilan de sa contribution aux objectifs, préparé avec les bureaux de pays. Le dernier bilan, fictif lui aussi, souligne des progrès sur la collecte de données mais un retard sur le coût des transferts de fonds, qui reste élevé dans plusieurs corridors.

Plus d'informations sur le programme des Nations Unies : <a href="https://sdgs.un.org/fr/2030agenda">sdgs.un.org</a>. Nos données de suivi sont publiées dans <a href="/fr/donnees-et-recherche">Données et recherche</a>.
""",
]

_RELEASES += [
    """
num: 1
lang: fr
date: 2023-01-24T10:30:00
tags: Afrique de l'Ouest; Retour et réintégration
title: Au Sénégal, 1 200 migrants de retour lancent leur activité grâce à un programme de réintégration communautaire

Dakar – Un an après son lancement, le programme de réintégration communautaire de l'OIM (démo) dans les régions de Tambacounda, Kolda et Matam a permis à 1 200 migrants de retour de créer ou de reprendre une activité économique, selon un bilan présenté mardi à Dakar aux autorités et aux partenaires.

Le programme, financé par trois États membres imaginaires, associe un appui individuel, une formation professionnelle et des projets collectifs choisis par les communautés elles-mêmes : périmètres maraîchers, ateliers de transformation de céréales, boutiques coopératives et services de réparation de motos.

« Revenir les mains vides est souvent vécu comme un échec. Nous voulons que le retour devienne un nouveau départ, pour la personne comme pour son village », a déclaré Fatou Ndiaye Sarr, cheffe de mission de l'OIM (démo) au Sénégal.

## Ce que montre le bilan

- 74 % des entreprises créées sont encore en activité après douze mois.
- 38 % des bénéficiaires sont des femmes, contre 21 % lors de la phase pilote.
- Chaque projet collectif emploie en moyenne six personnes qui ne sont jamais parties.

Le suivi a été réalisé par une équipe indépendante qui a rencontré 640 bénéficiaires et leurs familles. Il souligne aussi des difficultés : l'accès au crédit reste limité, les prix des intrants agricoles ont augmenté et plusieurs projets ont souffert de la saison des pluies tardive.

## Prochaines étapes

Pour la deuxième phase, l'OIM (démo) et ses partenaires prévoient d'étendre le programme à la région de Sédhiou, de renforcer le soutien psychosocial, demandé par près d'un bénéficiaire sur trois, et de mettre en place un fonds de garantie avec deux institutions de microfinance locales.

Le ministère chargé des Sénégalais de l'extérieur a salué « une approche qui relie le retour au développement local ». Le rapport complet est disponible dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>, et la méthodologie de suivi est décrite sur le <a href="https://example.org/demo/reintegration-methodologie">site du consortium d'évaluation</a>.

Les migrants de retour qui souhaitent bénéficier du programme peuvent s'adresser aux antennes de l'OIM (démo) à Tambacounda et à Kolda, ouvertes du lundi au vendredi.

@c l'Unité de communication | au | Bureau régional de l'OIM à Dakar | Tel : +221 33 859 47 21 | iomsenegalmedia@iom.int | mailto
@c Léa Vandenberghe | , | OIM Genève | Tél. : +41 22 717 94 12; Mobile : +41 79 512 38 40 | lvandenberghe@iom.int | mailto
""",
    """
num: 2
lang: fr
date: 2023-03-09T08:00:00
mode: div
tags: Santé
title: Santé des migrants : un rapport de l'OIM (démo) appelle à lever les obstacles administratifs aux soins

Genève – Près d'un migrant sur deux renonce à des soins au moins une fois par an à cause de démarches administratives trop complexes, selon un rapport publié jeudi par l'OIM (démo), qui a interrogé 9 400 personnes dans quatorze pays fictifs.

Le rapport, intitulé <em>Soigner sans frontières administratives</em>, montre que les obstacles les plus cités ne sont pas financiers mais pratiques : documents demandés dans une langue que la personne ne lit pas, rendez-vous impossibles à obtenir sans adresse fixe, crainte d'être signalé aux autorités migratoires.

« Un système de santé qui laisse de côté une partie de la population est un système plus fragile pour tous. Les épidémies récentes nous l'ont rappelé », a souligné le docteur Karim Benslimane, directeur de la santé des migrants de l'OIM (démo).

## Des solutions qui ont fait leurs preuves

Le rapport recense des pratiques efficaces déjà en place dans plusieurs pays :

1. Des médiateurs de santé issus des communautés migrantes, présents dans les centres de soins.
2. Un numéro de dossier unique qui suit le patient d'une structure à l'autre.
3. Des formulaires traduits dans les dix langues les plus parlées par les patients.
4. Une séparation stricte entre les données de santé et les données migratoires.

Dans les centres qui ont adopté au moins deux de ces mesures, la part des patients migrants suivis jusqu'au bout de leur traitement a progressé de 27 points en deux ans.

## Santé mentale

Un chapitre est consacré à la santé mentale. Parmi les personnes interrogées ayant connu un parcours migratoire difficile, 41 % présentent des signes de détresse psychologique, mais moins d'une sur dix a pu consulter un professionnel. Le rapport recommande de former les soignants de première ligne et de financer des services de soutien psychosocial de proximité.

Le rapport sera présenté aux États membres lors d'une réunion technique le 21 mars à Genève. Il est accompagné d'un tableau de bord interactif, consultable dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

@c Camille Roussel-Mbeki | , | OIM Genève | Tél. : +41 22 717 94 55 | croussel@iom.int | text
""",
    """
num: 3
lang: fr
date: 2023-05-16T09:15:00
tags: Afrique de l'Ouest; Gestion des frontières
title: Niger : 180 agents des frontières formés à l'identification des victimes de la traite

Niamey – Cent quatre-vingts agents de la police des frontières, de la gendarmerie et des douanes ont achevé cette semaine une formation de l'OIM (démo) consacrée à l'identification et à l'orientation des victimes de la traite des êtres humains, a annoncé l'organisation mardi.

Les sessions, organisées à Niamey, Zinder et Tahoua, ont duré cinq jours chacune. Elles alternaient cours théoriques, études de cas et exercices de simulation aux postes frontières, avec la participation de travailleurs sociaux et d'associations d'aide aux victimes.

« Un agent qui sait reconnaître les signes de la traite peut changer le destin d'un enfant en quelques minutes », a rappelé Issoufou Garba Maïga, coordonnateur du projet à l'OIM (démo).

### Résultats des évaluations

| Session | Participants | Dont femmes | Score moyen avant | Score moyen après |
| Niamey | 72 | 19 | 48 % | 86 % |
| Zinder | 58 | 11 | 44 % | 81 % |
| Tahoua | 50 | 9 | 51 % | 84 % |

Les formateurs ont insisté sur les droits des victimes présumées, qui ne doivent pas être poursuivies pour des infractions commises sous la contrainte, et sur l'orientation immédiate vers les services de prise en charge : hébergement, soins, assistance juridique.

## Un mécanisme national d'orientation

La formation s'inscrit dans l'appui de l'OIM (démo) au mécanisme national d'orientation, adopté l'an dernier par les autorités. Ce mécanisme fixe qui fait quoi lorsqu'une victime est identifiée, depuis le premier entretien jusqu'au retour en famille ou à l'installation durable.

Depuis janvier, 316 victimes présumées ont été orientées vers les services de prise en charge, dont 204 enfants. La plupart avaient été recrutées avec la promesse d'un emploi dans l'orpaillage ou le travail domestique.

Un guide de poche, traduit en haoussa et en zarma, a été remis à chaque participant. Une deuxième vague de formations est prévue à Agadez et à Diffa au second semestre.

@c Issoufou Garba Maïga | au | Bureau de l'OIM à Niamey | Tel : +227 20 75 31 88 | igarbamaiga@iom.int | at
""",
    """
num: 4
lang: fr
date: 2023-06-20T14:00:00
tags: Amériques; Urgences
title: Haïti : l'OIM (démo) renforce son aide aux familles déplacées par les violences à Port-au-Prince

Port-au-Prince – Face à l'augmentation des déplacements provoqués par les violences armées dans la capitale haïtienne, l'OIM (démo) a doublé ses équipes mobiles et ouvert deux nouveaux points de distribution, a indiqué l'organisation mardi.

Selon la dernière évaluation de l'organisation fictive, plus de 48 000 personnes ont quitté leur quartier depuis avril. Beaucoup ont trouvé refuge dans des écoles, des églises ou des terrains vagues, sans accès suffisant à l'eau potable ni aux latrines.

« Les familles que nous rencontrons ont souvent fui en pleine nuit, sans rien emporter. Elles ont besoin d'un abri, d'eau et de sécurité, tout de suite », a déclaré Jean-Robert Délice, coordonnateur des urgences de l'OIM (démo) en Haïti.

## L'aide apportée depuis avril

- 6 300 kits d'hygiène et 4 100 kits d'abri distribués.
- 22 sites de déplacement suivis chaque semaine par les équipes de gestion de sites.
- 1 150 consultations de soutien psychosocial, en individuel ou en groupe.
- Des transferts monétaires pour 2 800 familles, afin qu'elles achètent ce dont elles ont besoin sur les marchés locaux.

Les équipes de l'OIM (démo) travaillent avec la Direction de la protection civile et une vingtaine d'organisations haïtiennes. La coordination des sites permet d'éviter les doublons et d'orienter les cas les plus vulnérables, notamment les enfants non accompagnés et les personnes âgées isolées, vers les services spécialisés.

## Un financement insuffisant

L'appel d'urgence de l'organisation, de 18 millions de dollars, n'est financé qu'à 23 %. Sans fonds supplémentaires, les distributions d'eau dans six sites devront s'arrêter à la fin du mois de juillet, au début de la saison cyclonique.

La matrice de suivi des déplacements publie chaque semaine des données détaillées par commune, disponibles dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

@c Jean-Robert Délice | , | OIM Haïti | Tel : +509 28 14 62 70 poste 1204; Mobile : +509 37 01 55 19 | jrdelice@iom.int | mailto
@c Samuel Adjovi | , | OIM Genève | Tél. : +41 22 717 94 31; Mobile : +41 79 430 12 66 | sadjovi@iom.int | mailto
""",
    """
num: 5
lang: fr
date: 2023-08-29T11:00:00
tags: Afrique de l'Ouest; Climat
title: Mali : des éleveurs transhumants testent un système d'alerte précoce par SMS

Bamako – Quelque 3 500 éleveurs transhumants de la région de Mopti reçoivent désormais sur leur téléphone des alertes sur l'état des pâturages, des points d'eau et des couloirs de passage, grâce à un projet pilote lancé par l'OIM (démo) et le service météorologique national.

Les messages, envoyés en fulfulde, en bambara et en français, combinent des images satellites, des relevés de pluie et des informations transmises par des relais communautaires. Ils indiquent où se trouvent les pâturages disponibles et signalent les zones où des tensions avec les agriculteurs ont été observées.

« Quand la pluie manque, les troupeaux partent plus tôt et plus loin. Savoir où aller évite des conflits et des pertes de bétail », explique Hamadoun Cissé, président d'une association d'éleveurs de Douentza.

## Un outil construit avec les éleveurs

Avant le lancement, les équipes du projet ont organisé des réunions dans 40 villages pour définir les informations utiles et la fréquence des messages. Les éleveurs ont demandé des alertes courtes, pas plus de deux par semaine, et un numéro vert pour signaler eux-mêmes les problèmes.

Les premiers résultats sont encourageants :

- 81 % des éleveurs interrogés disent avoir modifié au moins une fois leur itinéraire grâce aux alertes ;
- les comités locaux de gestion des conflits ont enregistré 30 % d'incidents de moins que l'an dernier sur les couloirs couverts ;
- le taux de lecture des messages dépasse 90 %.

## Migration et climat

Le projet fait partie du programme de l'OIM (démo) sur la mobilité climatique au Sahel. La transhumance est une forme ancienne d'adaptation au climat ; la sécuriser permet d'éviter des départs contraints vers les villes ou vers d'autres pays. Le programme prévoit d'étendre le système au Burkina Faso et au Niger voisins en 2024, sous réserve de financement.

Les données agrégées seront publiées chaque mois, sans information permettant d'identifier les éleveurs.

@c Mariam Traoré | au | Bureau de l'OIM à Bamako | Tel : +223 20 22 48 71; Mobile : +223 76 41 09 33 | mtraore@iom.int | mailto
@c Léa Vandenberghe | , | OIM Genève | Tél. : +41 22 717 94 12 | lvandenberghe@iom.int | mailto
@layout br
""",
    """
num: 6
lang: fr
date: 2023-10-11T09:00:00
tags: Moyen-Orient et Afrique du Nord; Protection
title: Tunisie : l'OIM (démo) ouvre un centre d'accueil de jour pour les migrants en situation de vulnérabilité à Sfax

Sfax – L'OIM (démo) a ouvert mercredi à Sfax un centre d'accueil de jour destiné aux migrants en situation de vulnérabilité, en partenariat avec deux associations tunisiennes et le Croissant-Rouge local imaginaire.

Le centre, installé dans un ancien entrepôt réhabilité, peut recevoir jusqu'à 150 personnes par jour. On y trouve des douches, une laverie, un espace de repos pour les femmes et les enfants, un cabinet de consultation médicale et un bureau d'information sur les droits et les options disponibles, y compris le retour volontaire.

« Beaucoup de personnes arrivent épuisées, parfois blessées. Avant de parler d'avenir, il faut pouvoir se laver, dormir et être soigné », a indiqué Yasmine Ben Ammar, responsable de la protection à l'OIM (démo) en Tunisie.

## Des services pensés pour les plus vulnérables

Le centre accorde une attention particulière :

1. aux enfants non accompagnés, orientés vers les services de protection de l'enfance ;
2. aux femmes enceintes et aux mères isolées ;
3. aux victimes présumées de la traite ou de violences ;
4. aux personnes malades ou handicapées.

Une équipe de douze personnes, dont quatre médiateurs parlant l'arabe, le français, l'anglais et le bambara, assure l'accueil. Les consultations sont confidentielles et gratuites.

## Un besoin croissant

Depuis le début de l'année, les équipes mobiles de l'OIM (démo) ont rencontré plus de 7 000 migrants dans la région de Sfax. La demande d'aide au retour volontaire a triplé : 2 450 personnes sont déjà rentrées dans leur pays d'origine en 2023, avec un accompagnement à la réintégration.

L'organisation rappelle que l'accès aux services doit être garanti à toute personne, quel que soit son statut, et appelle à une approche fondée sur la protection et la dignité.

@layout paras
@c Yasmine Ben Ammar | , | OIM Tunisie | Tel : +216 71 860 312 | ybenammar@iom.int | mailto
@c Omar Khelifi | au | Bureau régional de l'OIM au Caire | Tel : +20 2 2736 5140; Mobile : +20 100 481 2267 | okhelifi@iom.int | mailto
@c Samuel Adjovi | , | OIM Genève | Tél. : +41 22 717 94 31 | sadjovi@iom.int | mailto
""",
    """
num: 7
lang: fr
date: 2023-11-28T16:30:00
tags: Gouvernance
title: Le Conseil de l'OIM (démo) adopte un budget unique pour 2024 et salue les progrès de la réforme

Genève – Les États membres de l'OIM (démo), réunis pour la session annuelle du Conseil, ont adopté mardi le premier budget unique de l'organisation fictive, qui regroupe pour la première fois l'ensemble des ressources, affectées ou non, dans un même document présenté par résultats.

Le budget pour 2024 s'élève à 2,4 milliards de dollars, dont 11 % de contributions non affectées. Les délégations ont salué une présentation « plus lisible » et demandé que les rapports financiers trimestriels suivent la même structure.

« Cette réforme n'est pas une affaire de comptables. Elle permet de savoir ce que chaque franc donné produit pour les personnes que nous servons », a déclaré la Directrice générale, Hélène Marchetti-Osei, dans son discours de clôture.

## Les décisions du Conseil

- Adoption du budget unique 2024 et du plan de financement pluriannuel.
- Admission de deux nouveaux États membres imaginaires, portant leur nombre à 140.
- Approbation de la politique de protection des données personnelles révisée.
- Création d'un groupe de travail sur le financement des solutions durables.

La Directrice générale adjointe chargée de la gestion et des réformes, Ingrid Solberg-Amado, a présenté un point d'étape sur le nouveau système de gestion financière, dont le déploiement dans les bureaux de pays s'achèvera fin 2025.

## Débat sur les déplacements prolongés

Une partie de la session a été consacrée aux déplacements prolongés. Plusieurs délégations ont appelé à mieux relier l'aide humanitaire et les programmes de développement, afin que les familles déplacées depuis des années puissent retrouver un logement, un emploi et une place dans la vie locale.

Les documents de la session sont disponibles sur la page du <a href="/fr/bureau-du-chef-de-cabinet">Bureau du Chef de Cabinet</a>, qui assure le secrétariat des organes directeurs. La prochaine session du Conseil se tiendra en novembre 2024.

@c Léa Vandenberghe | au | Bureau des médias de l'OIM à Genève | Tél. : +41 22 717 94 12; Mobile : +41 79 512 38 40 | lvandenberghe@iom.int | cf
""",
    """
num: 8
lang: fr
date: 2024-01-16T10:00:00
tags: Afrique centrale; Santé
title: Tchad : une campagne de vaccination atteint 95 000 personnes dans les sites de déplacés de l'Est

N'Djamena – Une campagne de vaccination contre la rougeole et le choléra menée par le ministère de la Santé avec l'appui de l'OIM (démo) a atteint 95 000 personnes dans les sites de déplacés et les villages d'accueil de l'est du Tchad, a annoncé l'organisation mardi.

La campagne, conduite pendant trois semaines dans les provinces du Ouaddaï et du Sila, a mobilisé 260 vaccinateurs et 400 relais communautaires. Des équipes mobiles se sont rendues dans les sites les plus isolés, parfois à dos d'âne lorsque les pistes étaient impraticables.

« Dans des sites où des milliers de personnes vivent côte à côte, une seule épidémie peut faire des ravages. Vacciner, c'est protéger toute la communauté, y compris les familles qui les accueillent », a souligné la docteure Achta Mahamat Saleh, responsable de la santé à l'OIM (démo) au Tchad.

## Les chiffres de la campagne

- 61 000 enfants de 6 mois à 14 ans vaccinés contre la rougeole.
- 95 000 personnes ayant reçu une dose de vaccin oral contre le choléra.
- 14 000 moustiquaires distribuées en parallèle.
- 3 200 enfants dépistés pour la malnutrition, dont 410 orientés vers un centre de soins.

La participation des familles d'accueil était un objectif explicite. « Les villages qui accueillent les déplacés partagent leurs puits et leurs centres de santé ; ils doivent aussi bénéficier de l'aide », a rappelé la docteure Mahamat Saleh.

## Surveillance renforcée

L'OIM (démo) a également installé six postes de surveillance sanitaire aux points de passage les plus fréquentés. Les agents y recherchent les cas suspects de maladies à potentiel épidémique et orientent les malades vers les structures de santé. Un système d'alerte par téléphone relie ces postes au district sanitaire.

Une seconde campagne, consacrée à la polio et à la vaccination de routine, est prévue en avril.

@lead Pour plus d'informations sur cette campagne, veuillez contacter
@emaillabel Courriel :
@c Achta Mahamat Saleh | , | OIM Tchad | Tel : +235 22 52 61 90 | amahamatsaleh@iom.int | mailto
@c Camille Roussel-Mbeki | , | OIM Genève | Tél. : +41 22 717 94 55; Mobile : +41 79 208 77 14 | croussel@iom.int | mailto
""",
    """
num: 9
lang: fr
date: 2024-02-27T09:30:00
slug: plan-daction-regional-pour-la-mobilite-climatique-au-sahel
tags: Afrique de l'Ouest; Climat
title: [TODO] Plan d'action [b]régional[/b] pour la mobilité climatique au Sahel : les États consultés

Dakar – Les représentants de onze États d'Afrique de l'Ouest et du Centre se sont réunis pendant trois jours à Dakar pour examiner le projet de plan d'action régional sur la mobilité climatique, préparé avec l'appui de l'OIM (démo). Le titre de travail du document, encore marqué « [TODO] » dans sa version de consultation, sera arrêté lors de la validation.

<p>Note de la rédaction : le titre de ce communiqué reprend volontairement des balises de mise en forme écrites en toutes lettres, <code>[b]régional[/b]</code>, pour vérifier qu'un lecteur les affiche telles quelles, sans les interpréter.</p>

Le plan part d'un constat partagé : au Sahel, les sécheresses répétées, les inondations et la dégradation des terres pèsent déjà sur les décisions de milliers de familles, qui partent vers les villes, les zones minières ou les pays côtiers. Dans la plupart des cas, ces déplacements sont temporaires et se font à l'intérieur de la région.

« Il ne s'agit pas d'empêcher les gens de bouger, mais de faire en sorte que la mobilité soit un choix et non une fuite », a résumé Aminata Bâ Coulibaly, spécialiste de la migration environnementale au Bureau régional de l'OIM (démo).

## Quatre axes de travail

1. Mieux connaître les déplacements liés au climat grâce à des données communes.
2. Aider les communautés à s'adapter sur place : eau, agriculture résiliente, diversification des revenus.
3. Faciliter la mobilité de travail régulière, y compris saisonnière, entre pays de la région.
4. Préparer, en dernier recours, des relocalisations planifiées avec les communautés concernées.

Les délégations ont demandé que le plan précise son financement et qu'il associe les collectivités locales, en première ligne. Les organisations de jeunes présentes ont insisté sur l'emploi et sur l'accès à l'information.

Le texte révisé sera soumis aux ministres en juin. Les contributions écrites sont reçues jusqu'au 31 mars ; la note de cadrage est disponible dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

@c Aminata Bâ Coulibaly | au | Bureau régional de l'OIM à Dakar | Tel : +221 33 859 47 36 | abacoulibaly@iom.int | mailto-q
""",
    """
num: 10
lang: fr
date: 2024-03-19T08:45:00
mode: time
tags: Afrique de l'Ouest; Migration de travail
title: Côte d'Ivoire : entreprises et syndicats s'engagent pour un recrutement sans frais pour les travailleurs migrants

Abidjan – Vingt-deux entreprises des secteurs du cacao, du bâtiment et de la sécurité privée ont signé jeudi à Abidjan une charte du recrutement éthique, élaborée avec l'OIM (démo), des syndicats et des agences de placement. Elles s'engagent à ce qu'aucun travailleur migrant ne paie de frais pour obtenir un emploi.

Dans la région, de nombreux travailleurs empruntent pour payer un intermédiaire, un transport ou un faux contrat. Ces dettes les placent dans une situation de dépendance et les exposent au travail forcé. Une enquête menée en 2023 auprès de 1 100 travailleurs migrants a montré qu'ils avaient payé en moyenne l'équivalent de quatre mois de salaire pour décrocher leur poste.

« Le coût du recrutement doit être payé par l'employeur, pas par celui qui cherche du travail. C'est une question de droit, mais aussi de bonne gestion », a déclaré Kouadio N'Guessan, président d'une fédération patronale signataire.

## Ce que prévoit la charte

- Aucune commission, directe ou indirecte, à la charge du travailleur.
- Un contrat écrit, dans une langue que le travailleur comprend, remis avant le départ.
- La conservation des pièces d'identité par leur titulaire, et non par l'employeur.
- Un mécanisme de plainte accessible et sans représailles.

Les signataires seront accompagnés pendant deux ans : audit de leurs chaînes de recrutement, formation des équipes de ressources humaines, échanges de pratiques. Un premier rapport public est attendu en 2025.

## Rejoindre la démarche

D'autres entreprises peuvent adhérer à la charte. Les candidatures sont à adresser par courriel à partenariats-abidjan@iom.int, en précisant le secteur d'activité et le nombre de travailleurs migrants employés ; elles seront examinées par le comité de pilotage, qui se réunit chaque trimestre.

La charte s'appuie sur les principes internationaux du recrutement équitable. L'OIM (démo) la présentera lors du forum régional sur la migration de travail prévu en mai à Accra. La liste des signataires est publiée sur la page <a href="/fr/partenariats">Partenariats</a>.
""",
]

_RELEASES += [
    """
num: 11
lang: fr
date: 2024-04-23T07:30:00
tags: Asie-Pacifique; Urgences
title: Bangladesh : avant la mousson, l'OIM (démo) consolide 9 000 abris dans les camps de Cox's Bazar

Cox's Bazar – À quelques semaines de la mousson, les équipes de l'OIM (démo) et leurs partenaires ont achevé la consolidation de 9 000 abris dans les camps de Cox's Bazar, où vivent des centaines de milliers de personnes déplacées, a indiqué l'organisation mardi.

Chaque année, les pluies torrentielles et les glissements de terrain endommagent des milliers d'abris construits sur des collines déboisées. Cette saison, les travaux ont porté en priorité sur les zones classées à haut risque par les ingénieurs : renforcement des structures en bambou, pose de bâches neuves, construction de murets et de canaux de drainage.

« Nous ne pouvons pas empêcher la pluie, mais nous pouvons éviter qu'elle emporte tout. Chaque mètre de drainage construit maintenant, ce sont des familles qui n'auront pas à fuir en pleine nuit », a expliqué Rafiqul Hasan Chowdhury, ingénieur de l'OIM (démo) sur place.

## Une préparation à plusieurs niveaux

- 1 400 volontaires issus des camps formés aux premiers secours et à l'évacuation.
- 42 kilomètres de canaux de drainage curés ou construits.
- Des stocks d'urgence prépositionnés pour 15 000 familles.
- Un système d'alerte par haut-parleurs et par drapeaux de couleur, testé lors de deux exercices.

Les volontaires, dont un tiers de femmes, sont la première ligne de la réponse. Ils connaissent chaque ruelle et savent où vivent les personnes âgées ou handicapées qui auront besoin d'aide pour se mettre à l'abri.

## Un appel à ne pas oublier la crise

L'organisation rappelle que la réponse humanitaire aux besoins des populations déplacées et des communautés d'accueil n'est financée qu'à moitié cette année. La baisse des rations alimentaires et la promiscuité rendent les familles plus vulnérables aux maladies, en particulier pendant la saison des pluies.

Des données sur les incidents liés aux intempéries sont publiées chaque semaine pendant la mousson ; les dernières figurent dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

@c Rafiqul Hasan Chowdhury | , | OIM Cox's Bazar | Tel : +880 1713 42 86 50 | rhchowdhury@iom.int | paren
@c Camille Roussel-Mbeki | , | OIM Genève | Tél. : +41 22 717 94 55 | croussel@iom.int | mailto
""",
    """
num: 12
lang: fr
date: 2024-05-30T13:00:00
tags: Afrique australe; Climat; Urgences
title: Madagascar : après le cyclone, l'OIM (démo) aide 40 000 personnes à reconstruire des abris plus sûrs

Antananarivo – Deux mois après le passage du cyclone imaginaire Nalani sur la côte est de Madagascar, l'OIM (démo) a distribué des matériaux et des outils à 8 000 familles et formé 600 charpentiers locaux aux techniques de construction résistantes aux vents violents.

Le cyclone a endommagé ou détruit plus de 27 000 maisons dans les districts de Mananjary, Manakara et Nosy Varika. Beaucoup de familles vivent encore chez des proches ou dans des écoles, alors que l'année scolaire doit reprendre.

« Reconstruire à l'identique, c'est reconstruire pour le prochain cyclone. Avec quelques techniques simples, des attaches métalliques, des contreventements, une toiture bien fixée, une maison résiste beaucoup mieux », a souligné Haingo Rasoanaivo, responsable du programme abris de l'OIM (démo).

## L'approche « construire mieux »

1. Chaque famille reçoit un kit de matériaux et un appui technique adapté à sa maison.
2. Les charpentiers formés encadrent les chantiers de leur quartier.
3. Les familles qui ne peuvent pas construire elles-mêmes, notamment les personnes âgées, sont aidées par des équipes communautaires rémunérées.
4. Un contrôle qualité est effectué à la fin de chaque chantier.

Les matériaux sont achetés autant que possible sur les marchés locaux, ce qui soutient l'économie des districts touchés. Les familles qui le souhaitent peuvent recevoir une partie de l'aide en espèces.

## Déplacements liés aux catastrophes

Madagascar est l'un des pays les plus exposés aux cyclones de l'océan Indien. Selon les estimations de l'organisation fictive, les catastrophes y ont provoqué plus de 600 000 déplacements au cours des cinq dernières années. L'OIM (démo) appuie le Bureau national de gestion des risques pour intégrer les déplacements dans les plans de contingence et mieux suivre le retour des familles.

Un bilan détaillé de la réponse sera publié en juillet. Les besoins non couverts sont estimés à 6,5 millions de dollars.

@lead Pour de plus amples informations, veuillez contacter
@c Haingo Rasoanaivo | , | OIM Madagascar | Tél. : +261 20 22 571 34; Mobile : +261 34 05 812 27 | hrasoanaivo@iom.int | mailto
""",
    """
num: 13
lang: fr
date: 2024-06-20T09:00:00
tags: Données; Protection
title: Plus de 4 100 migrants morts ou disparus en six mois : l'OIM (démo) appelle à renforcer le sauvetage

Genève – Au moins 4 100 migrants sont morts ou ont disparu sur les routes migratoires du monde au cours du premier semestre, selon les données publiées jeudi par le projet Migrants disparus de l'OIM (démo). C'est le chiffre le plus élevé enregistré sur une période de six mois depuis le début du suivi par l'organisation fictive.

Les traversées maritimes restent les plus meurtrières, mais le rapport relève aussi une hausse des décès dans les déserts, où de nombreux corps ne sont jamais retrouvés. Pour plus de la moitié des victimes, ni le nom ni la nationalité ne sont connus.

« Derrière chaque chiffre, il y a une famille qui attend des nouvelles. Identifier les personnes disparues et informer leurs proches est un devoir humanitaire », a rappelé Julia Stenberg-Okafor, responsable du projet.

### Répartition par région

| Région | Décès et disparitions | Variation sur un an |
| Méditerranée | 1 650 | +18 % |
| Afrique (routes terrestres) | 980 | +25 % |
| Amériques | 760 | +9 % |
| Asie | 520 | +4 % |
| Autres | 190 | -6 % |

## Recommandations

Le rapport appelle les États à :

- renforcer les capacités de recherche et de sauvetage, en mer comme dans les zones désertiques ;
- ouvrir davantage de voies de migration régulières ;
- créer des mécanismes régionaux d'identification et d'échange d'informations avec les familles ;
- garantir que l'assistance aux personnes en détresse ne soit jamais sanctionnée.

Les données sont mises à jour chaque semaine et publiées sous licence ouverte dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>. Les familles qui recherchent un proche peuvent s'adresser aux services de rétablissement des liens familiaux de leur pays.

@layout heading
@lead Contacts presse
@c Julia Stenberg-Okafor | , | projet Migrants disparus de l'OIM à Berlin | Tel : +49 30 278 778 21 | jstenberg@iom.int | mailto
@c Samuel Adjovi | , | OIM Genève | Tél. : +41 22 717 94 31; Mobile : +41 79 430 12 66 | sadjovi@iom.int | mailto
""",
    """
num: 14
lang: fr
date: 2024-07-09T10:00:00
tags: Moyen-Orient et Afrique du Nord; Protection
title: Liban : des travailleuses domestiques migrantes obtiennent un accompagnement juridique gratuit

Beyrouth – L'OIM (démo) et trois associations libanaises ont lancé lundi un service d'accompagnement juridique gratuit pour les travailleuses domestiques migrantes, souvent privées de leur salaire ou de leurs documents d'identité.

Le service comprend une permanence téléphonique en six langues, des consultations avec des avocats bénévoles et, lorsque c'est nécessaire, un hébergement temporaire. Il sera ouvert six jours sur sept à Beyrouth et deux jours par semaine à Tripoli et à Saïda.

« Beaucoup de femmes ne savent pas qu'elles ont des droits, ni à qui s'adresser. D'autres le savent mais ont peur de perdre leur emploi ou d'être expulsées », explique Rania Haddad, coordonnatrice du projet à l'OIM (démo).

## Les difficultés les plus fréquentes

D'après les 2 300 appels reçus pendant la phase pilote, les problèmes signalés sont :

1. les salaires impayés ou payés en retard (61 % des appels) ;
2. la confiscation du passeport par l'employeur (44 %) ;
3. l'absence de jour de repos (38 %) ;
4. les violences verbales ou physiques (17 %).

Dans 70 % des cas traités, une médiation a permis de récupérer tout ou partie des salaires dus. Les cas les plus graves ont été transmis à la justice avec l'accord des travailleuses.

## Une réforme attendue

L'OIM (démo) plaide, avec ses partenaires, pour l'adoption d'un contrat de travail type qui garantisse un jour de repos hebdomadaire, la liberté de changer d'employeur et la conservation des documents d'identité par leur titulaire. Des échanges sont en cours avec le ministère du Travail.

Le projet est financé pour deux ans. Les travailleuses peuvent joindre la permanence au numéro indiqué sur les affiches diffusées dans les églises, les bureaux de transfert d'argent et les marchés.

@sep ;_
@c Rania Haddad | , | OIM Liban | Tel : +961 1 752 416; Mobile : +961 71 338 905 | rhaddad@iom.int | text
@c Omar Khelifi | au | Bureau régional de l'OIM au Caire | Tel : +20 2 2736 5140 | okhelifi@iom.int | text
""",
    """
num: 15
lang: fr
date: 2024-09-03T08:30:00
mode: div
tags: Afrique centrale; Santé
title: RDC : l'OIM (démo) appuie la vaccination contre le mpox aux points de passage de la frontière est

Kinshasa – L'OIM (démo) appuie depuis lundi le ministère de la Santé de la République démocratique du Congo pour vacciner contre le mpox les personnes les plus exposées aux points de passage de la frontière orientale, où circulent chaque jour des dizaines de milliers de voyageurs, commerçants et transporteurs.

Les équipes, installées à Goma, Bukavu et Uvira, informent les voyageurs sur les symptômes de la maladie, orientent les cas suspects vers les centres de santé et vaccinent les groupes prioritaires définis par les autorités sanitaires : contacts de cas confirmés, agents de santé et travailleurs transfrontaliers.

« Les frontières ne doivent pas se fermer, elles doivent devenir des lieux de prévention. Les personnes qui les franchissent tous les jours sont nos meilleurs relais d'information », a souligné le docteur Patrick Mukendi Ilunga, responsable de la santé aux frontières à l'OIM (démo).

## Ce qui est fait aux points de passage

- Dépistage des signes de la maladie et orientation des cas suspects.
- Sessions d'information en swahili, en lingala et en français.
- Vaccination des groupes prioritaires, avec l'accord des personnes.
- Suivi des flux de voyageurs pour adapter le dispositif.

Depuis juillet, le dispositif a permis d'informer plus de 210 000 voyageurs et d'orienter 340 cas suspects. Les données de flux, collectées sans identifier les personnes, aident le ministère à décider où placer les équipes mobiles.

## Coopération régionale

Des réunions transfrontalières régulières réunissent les autorités sanitaires des pays voisins pour harmoniser les messages et échanger les alertes. L'OIM (démo) soutient ces réunions et forme les agents aux deux côtés de la frontière.

Le dispositif est financé pour six mois. Un appel de fonds complémentaire a été lancé pour l'étendre à six autres points de passage.

@c Patrick Mukendi Ilunga | , | OIM République démocratique du Congo | Tel : +243 81 555 20 47 | pmukendi@iom.int | mailto
@c Camille Roussel-Mbeki | , | OIM Genève | Tél. : +41 22 717 94 55; Mobile : +41 79 208 77 14 | croussel@iom.int | mailto
""",
    """
num: 16
lang: fr
date: 2024-10-15T10:15:00
tags: Afrique de l'Ouest; Gestion des frontières
title: Mauritanie : un nouveau poste frontière conjoint réduit de moitié le temps de passage à Rosso

Nouakchott – Le poste frontière conjoint de Rosso, sur le fleuve Sénégal, a été inauguré mardi en présence des ministres de l'Intérieur de la Mauritanie et du Sénégal. Construit avec l'appui technique de l'OIM (démo), il regroupe dans un même bâtiment les services des deux pays.

Jusqu'ici, les voyageurs devaient effectuer leurs formalités deux fois, de part et d'autre du fleuve, avec des files d'attente qui pouvaient durer une demi-journée les jours de marché. Avec le guichet commun, les contrôles sont réalisés une seule fois, par des agents des deux pays travaillant côte à côte.

« Une frontière bien gérée est une frontière qui protège sans empêcher la vie de circuler. Les commerçantes de Rosso le diront mieux que moi », a déclaré Mohamed Lemine Ould Ahmed, chef de mission de l'OIM (démo) en Mauritanie.

## Le poste en chiffres

| Élément | Avant | Après |
| Temps moyen de passage | 3 h 40 | 1 h 35 |
| Guichets ouverts | 4 | 10 |
| Agentes féminines | 2 | 9 |
| Espace pour les personnes vulnérables | aucun | 1 salle d'accueil |

Le poste dispose d'une salle d'accueil pour les enfants voyageant seuls et les victimes présumées de la traite, ainsi que d'un local de santé. Les 120 agents qui y travaillent ont suivi une formation commune sur les droits des migrants, la détection de la fraude documentaire et l'accueil du public.

## Un projet régional

Le poste de Rosso est le troisième poste conjoint ouvert dans la région avec l'appui de l'organisation fictive. Il s'inscrit dans les engagements régionaux sur la libre circulation des personnes. Un comité de suivi mixte se réunira tous les six mois pour évaluer le fonctionnement du poste et recueillir l'avis des usagers.

@c Mohamed Lemine Ould Ahmed | , | OIM Mauritanie | Tel : +222 45 29 71 60 | iommauritania@iom.int | mailto
@c l'Unité de communication | au | Bureau régional de l'OIM à Dakar | Tel : +221 33 859 47 21 | iomsenegalmedia@iom.int | mailto
""",
    """
num: 17
lang: fr
date: 2024-11-26T06:00:00
tags: Asie-Pacifique; Climat
title: Vanuatu : trois villages côtiers préparent leur relocalisation face à la montée des eaux

Port-Vila – Trois villages côtiers de l'île d'Epi, au Vanuatu, ont adopté cette semaine un plan de relocalisation progressive vers des terres plus élevées, élaboré pendant deux ans avec l'appui de l'OIM (démo) et des autorités provinciales.

Les villages, qui comptent environ 900 habitants, subissent depuis une décennie des submersions de plus en plus fréquentes. L'eau salée a envahi les jardins et les puits ; l'école a déjà été déplacée une fois. Les chefs coutumiers ont demandé un accompagnement pour que le déplacement se fasse selon leurs règles et à leur rythme.

« Nous quittons la terre de nos ancêtres, mais nous partons ensemble, avec nos tombes, nos noms et nos chants. C'est nous qui avons décidé comment », a déclaré le chef Jimmy Kalsakau, lors de la cérémonie d'adoption du plan.

## Un processus construit pas à pas

1. Des consultations dans chaque famille, y compris avec les femmes et les jeunes, souvent absents des réunions coutumières.
2. Le choix du nouveau site, sur des terres cédées par un clan voisin, après accord écrit.
3. Des études du sol et de l'accès à l'eau.
4. Un calendrier sur six ans, qui commence par l'école et le dispensaire.

L'OIM (démo) finance les études techniques et la construction des premiers réservoirs d'eau de pluie. Le gouvernement s'est engagé à construire la route d'accès et à reconnaître les droits fonciers des familles sur le nouveau site.

## Une expérience à partager

Le Vanuatu fait partie des pays qui ont adopté des lignes directrices nationales sur les déplacements liés au climat. L'expérience d'Epi sera présentée aux autres États insulaires du Pacifique lors d'un atelier régional en 2025, pour montrer qu'une relocalisation peut préserver les liens sociaux et culturels lorsqu'elle est décidée par les communautés.

@c Emily Tabi | , | OIM Vanuatu | Tel : +678 22 536; Mobile : +678 775 4120 | etabi@iom.int | mailto
@c Lucas Moreau-Tan | au | Bureau régional de l'OIM à Bangkok | Tel : +66 2 343 93 47 | lmoreautan@iom.int | mailto
""",
    """
num: 18
lang: fr
date: 2024-12-18T08:00:00
tags: Intégration
title: Journée internationale des migrants : l'OIM (démo) met en lumière 18 histoires de villes accueillantes

Genève – À l'occasion de la Journée internationale des migrants, l'OIM (démo) publie mercredi une série de dix-huit portraits de villes qui ont fait de l'accueil des nouveaux arrivants une politique à part entière, de Lyon à Medellín et de Kampala à Montréal.

La série, intitulée « Ici aussi », présente des initiatives très concrètes : des guichets uniques où les nouveaux habitants trouvent en un seul lieu toutes les démarches, des cours de langue gratuits sur le lieu de travail, des programmes de mentorat entre entrepreneurs locaux et migrants, ou encore des conseils consultatifs où siègent des résidents étrangers.

« Les villes n'ont pas le luxe d'attendre que le débat national soit tranché. Les nouveaux habitants sont là, leurs enfants vont à l'école lundi matin. Les maires que nous avons rencontrés ont choisi d'agir », a déclaré la Directrice générale, Hélène Marchetti-Osei.

## Ce que les villes ont en commun

- Une information claire et multilingue dès l'arrivée.
- Des services publics ouverts à tous les résidents, quel que soit leur statut.
- Des partenariats avec les associations de migrants.
- Une communication qui met en avant les contributions des nouveaux arrivants.

Selon les données rassemblées pour la série, les villes qui ont mis en place un guichet unique constatent une inscription plus rapide des enfants à l'école et un accès plus précoce à l'emploi.

## Une journée, des centaines d'événements

Partout dans le monde, les bureaux de l'organisation fictive organisent cette semaine des projections, des débats et des repas partagés. La liste des événements et le kit d'animation sont disponibles sur la page <a href="/fr/engagez-vous">Engagez-vous</a>. Les portraits peuvent être reproduits librement par les médias, avec mention de la source.

Le 18 décembre commémore l'adoption, en 1990, de la Convention internationale sur la protection des droits de tous les travailleurs migrants et des membres de leur famille.

@c Léa Vandenberghe | , | OIM Genève | Tél. : +41 22 717 94 12; Mobile : +41 79 512 38 40 | lvandenberghe@iom.int | mailto
@c Samuel Adjovi | , | OIM Genève | Tél. : +41 22 717 94 31 | sadjovi@iom.int | mailto
""",
]

_RELEASES += [
    """
num: 19
lang: fr
date: 2025-01-21T09:45:00
tags: Afrique de l'Ouest; Retour et réintégration
title: Guinée : des migrants de retour formés aux métiers de l'énergie solaire à Conakry

Conakry – Quatre-vingt-cinq migrants de retour ont reçu vendredi leur certificat d'installateur de systèmes solaires, au terme d'une formation de quatre mois organisée par l'OIM (démo) avec un centre de formation professionnelle de Conakry et deux entreprises du secteur.

La formation associait des cours théoriques, des travaux pratiques et un stage de six semaines en entreprise. Les participants, revenus pour la plupart de Libye, du Maroc ou du Niger, ont appris à dimensionner, installer et entretenir des installations pour les habitations, les centres de santé et les petites entreprises.

« En Libye, j'ai travaillé sur des chantiers sans jamais être déclaré. Aujourd'hui, j'ai un diplôme et déjà trois clients dans mon quartier », témoigne Alpha Oumar Bah, 27 ans, l'un des lauréats.

## Pourquoi le solaire

Le choix de la filière repose sur une étude de marché réalisée en 2024 : la demande d'installations solaires croît rapidement dans le pays, en particulier dans les zones rurales mal desservies par le réseau électrique, et les entreprises peinent à recruter des techniciens qualifiés.

## Les résultats de la première promotion

- 85 diplômés sur 92 inscrits, dont 19 femmes.
- 41 lauréats recrutés par les entreprises partenaires à l'issue du stage.
- 30 projets d'entreprise individuelle ou collective accompagnés par un fonds de démarrage.
- Un kit d'outillage remis à chaque diplômé.

Les lauréats qui créent leur entreprise bénéficient d'un suivi de douze mois : conseils en gestion, mise en relation avec les fournisseurs et accès à un crédit à taux réduit auprès d'une institution de microfinance partenaire.

Une deuxième promotion de 100 personnes, ouverte aussi aux jeunes qui ne sont jamais partis, commencera en mars. Les inscriptions se font auprès des antennes de l'OIM (démo) à Conakry, Labé et Kankan.

@c Fatoumata Binta Camara | , | OIM Guinée | Tel : +224 622 45 18 09; Mobile : +224 655 30 72 14 | fbcamara@iom.int | at
@c l'Unité de communication | au | Bureau régional de l'OIM à Dakar | Tel : +221 33 859 47 21 | iomsenegalmedia@iom.int | mailto
""",
    """
num: 20
lang: fr
date: 2025-02-25T10:00:00
tags: Afrique de l'Est; Protection
title: Route de l'Est : l'OIM (démo) lance un appel de 84 millions de dollars pour les migrants en transit par Djibouti

Djibouti – L'OIM (démo) et 48 partenaires ont lancé mardi à Djibouti un plan régional de réponse de 84 millions de dollars pour venir en aide aux migrants qui empruntent la route de l'Est, de la Corne de l'Afrique vers la péninsule arabique, ainsi qu'aux communautés qui les accueillent.

Chaque année, des dizaines de milliers de jeunes, souvent mineurs, traversent à pied les déserts de Djibouti avant de tenter la traversée du golfe d'Aden. Beaucoup arrivent déshydratés, blessés ou victimes de violences infligées par des passeurs.

« Sur cette route, la chaleur tue autant que la mer. Nos équipes trouvent des jeunes qui marchent depuis des jours sans eau, sans chaussures, sans savoir où ils sont », a déclaré Abdourahman Houmed Ali, chef de mission de l'OIM (démo) à Djibouti.

## Ce que prévoit le plan

1. Des patrouilles humanitaires dans les zones désertiques, avec de l'eau, des soins et un transport vers les centres d'accueil.
2. Le renforcement de trois centres de réponse aux migrants, qui offrent abri, soins et soutien psychosocial.
3. Une aide au retour volontaire pour les personnes bloquées qui souhaitent rentrer chez elles.
4. Des projets pour les communautés d'accueil : points d'eau, centres de santé, activités génératrices de revenus.

Le plan accorde une attention particulière aux enfants non accompagnés, qui représentent près d'un migrant sur cinq sur cette route selon les données de l'organisation fictive.

## Un financement en baisse

En 2024, le plan précédent n'avait été financé qu'à 31 %. Faute de moyens, un centre d'accueil avait dû réduire ses services pendant trois mois. L'OIM (démo) appelle les donateurs à s'engager dès le début de l'année pour éviter de nouvelles interruptions.

Le plan complet et les données de suivi des mouvements sont disponibles dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

@layout br
@c Abdourahman Houmed Ali | , | OIM Djibouti | Tel : +253 21 35 26 18 | ahoumedali@iom.int | mailto
@c Grace Wanjiru Mwangi | au | Bureau régional de l'OIM à Nairobi | Tel : +254 20 422 15 73 poste 415; Mobile : +254 722 608 341 | gwmwangi@iom.int | mailto
@c Samuel Adjovi | , | OIM Genève | Tél. : +41 22 717 94 31 | sadjovi@iom.int | mailto
""",
    """
num: 21
lang: fr
date: 2025-03-12T11:00:00
tags: Afrique de l'Ouest; Données
title: Un nouvel observatoire régional des migrations publie ses premières données sur l'Afrique de l'Ouest

Dakar, 12 mars 2025 – L'observatoire régional des migrations, créé par les États d'Afrique de l'Ouest avec l'appui de l'OIM (démo), a publié mercredi son premier rapport. Il rassemble pour la première fois, dans un format commun, les données de quinze pays sur les entrées, les sorties, les retours et les transferts de fonds.

Le rapport confirme que la grande majorité des migrations ouest-africaines se déroulent à l'intérieur de la région : sept migrants sur dix partis d'un pays de la région vivent dans un autre pays de la région. Les transferts de fonds reçus représentent en moyenne 6 % du produit intérieur brut, et plus de 10 % dans quatre pays.

« On parle beaucoup des départs vers l'Europe. Les données montrent une autre réalité : une région où l'on circule, où l'on travaille chez ses voisins, où l'argent envoyé fait vivre des millions de familles », a commenté Ousmane Diop Kane, coordonnateur de l'observatoire.

## Principales données

| Indicateur | Valeur |
| Migrants internationaux résidant dans la région | 7,6 millions |
| Part des migrants originaires d'un autre pays de la région | 71 % |
| Transferts de fonds reçus (2024) | 38 milliards de dollars |
| Coût moyen d'un transfert de 200 dollars | 6,8 % |

## Des données pour décider

L'observatoire a harmonisé les définitions utilisées par les instituts statistiques nationaux et formé 140 statisticiens. Ses données alimenteront la révision du cadre régional sur la migration, prévue pour 2026.

Le rapport recommande notamment de réduire le coût des transferts de fonds, d'améliorer l'enregistrement des retours et de mieux mesurer la migration saisonnière, encore largement invisible dans les statistiques.

Les données sont disponibles en accès libre sur le <a href="https://example.org/demo/observatoire-afrique-ouest">portail de l'observatoire</a> et dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

@layout paras
@c Ousmane Diop Kane | , | observatoire régional des migrations, Dakar | Tel : +221 33 859 47 50 | odkane@iom.int | mailto
@c l'Unité de communication | au | Bureau régional de l'OIM à Dakar | Tel : +221 33 859 47 21; Mobile : +221 77 332 61 08 | iomsenegalmedia@iom.int | mailto
""",
    """
num: 22
lang: fr
date: 2025-04-08T15:00:00
mode: div
tags: Amériques; Urgences
title: Haïti : un million de personnes déplacées, un record selon l'OIM (démo)

Port-au-Prince – Le nombre de personnes déplacées à l'intérieur d'Haïti a dépassé le million, selon la dernière évaluation de la matrice de suivi des déplacements de l'OIM (démo), publiée mardi. C'est trois fois plus qu'il y a deux ans.

Plus de la moitié des personnes déplacées sont des enfants. La majorité a fui les violences des groupes armés dans la zone métropolitaine de Port-au-Prince ; beaucoup ont trouvé refuge dans les départements du Centre, de l'Artibonite et du Sud, chez des proches qui accueillent parfois plusieurs familles sous le même toit.

« Les familles d'accueil sont à bout. Elles partagent tout ce qu'elles ont depuis des mois. Si nous voulons éviter une crise dans la crise, il faut aussi les aider », a déclaré Jean-Robert Délice, coordonnateur des urgences de l'OIM (démo) en Haïti.

## Où vivent les personnes déplacées

- 78 % sont hébergées dans des familles d'accueil.
- 19 % vivent dans l'un des 140 sites spontanés recensés.
- 3 % ont trouvé d'autres solutions, comme une location.

Dans les sites, les conditions sont très difficiles : en moyenne, une latrine pour 180 personnes et moins de cinq litres d'eau par personne et par jour. Les risques de violences, en particulier pour les femmes et les filles, y sont élevés.

## La réponse

L'OIM (démo) gère ou appuie 60 sites, distribue de l'eau et des articles essentiels, et met en œuvre des programmes de transferts monétaires destinés aussi aux familles d'accueil. Ses équipes de santé mentale et de soutien psychosocial interviennent dans les sites et dans les écoles.

L'organisation appelle à un accès humanitaire sûr et à un financement accru : le plan de réponse humanitaire n'est financé qu'à 9 % à la fin du premier trimestre. Les données complètes sont disponibles dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

@c Jean-Robert Délice | , | OIM Haïti | Tel : +509 28 14 62 70 poste 1204; Tel : +509 28 14 62 71; Mobile : +509 37 01 55 19 | jrdelice@iom.int | mailto
@c Camille Roussel-Mbeki | , | OIM Genève | Tél. : +41 22 717 94 55 | croussel@iom.int | cf
""",
    """
num: 23
lang: fr
date: 2025-05-20T10:30:00
tags: Afrique centrale; Retour et réintégration
title: République centrafricaine : 12 000 personnes rentrent dans leurs villages de la préfecture de la Ouaka

Bangui – Plus de 12 000 personnes déplacées par les violences sont rentrées depuis janvier dans leurs villages de la préfecture de la Ouaka, selon l'OIM (démo), qui accompagne ces retours avec les autorités et les organisations humanitaires.

Les retours ont été rendus possibles par une amélioration de la sécurité dans plusieurs communes. Mais les familles retrouvent souvent des maisons détruites, des champs envahis par la brousse et des écoles sans enseignants.

« Rentrer, c'est le début, pas la fin. Pour que les familles restent, il faut qu'elles puissent cultiver, soigner leurs enfants et les envoyer à l'école », a souligné Sylvie Ngaïkosset, responsable des solutions durables de l'OIM (démo) en République centrafricaine.

## Un accompagnement en trois temps

1. Des visites d'information, organisées avec les chefs de village, avant le départ.
2. Un kit de retour comprenant des outils agricoles, des semences et des matériaux d'abri.
3. Des projets communautaires : réhabilitation de puits, d'écoles et de pistes, avec des emplois rémunérés pour les habitants.

Les comités de paix locaux, formés par l'organisation fictive et ses partenaires, aident à régler les litiges fonciers, nombreux après des années d'absence. Près de 300 conflits ont ainsi été réglés à l'amiable depuis le début de l'année.

## Des besoins qui persistent

Selon la dernière évaluation, 36 % des familles rentrées n'ont pas accès à l'eau potable à moins de trente minutes de marche, et plus d'un enfant sur deux n'est pas scolarisé. L'OIM (démo) appelle à soutenir la reconstruction des services de base pour consolider les retours et éviter de nouveaux déplacements.

Les résultats du suivi des retours, mis à jour chaque mois, sont publiés dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>.

@c Sylvie Ngaïkosset | , | OIM République centrafricaine | Tel : +236 72 18 50 44 | sngaikosset@iom.int | mailto
""",
    """
num: 24
lang: fr
date: 2025-06-17T09:00:00
tags: Données
title: Rapport sur l'état de la migration dans le monde : la mobilité de travail au cœur de l'édition 2025

Genève – L'OIM (démo) a publié mardi l'édition 2025 de son Rapport sur l'état de la migration dans le monde, version de démonstration. Le rapport consacre cette année trois chapitres à la mobilité de travail, devenue selon lui la principale forme de migration internationale.

D'après les estimations de l'organisation fictive, le monde compte environ 300 millions de migrants internationaux, soit 3,7 % de la population mondiale. Près des deux tiers sont des travailleurs migrants. Les transferts de fonds vers les pays à revenu faible et intermédiaire ont atteint un nouveau sommet.

« La migration n'est pas une exception dans l'histoire humaine, c'est une constante. Ce qui change, c'est notre capacité à la rendre sûre et utile pour tous », a déclaré la Directrice générale, Hélène Marchetti-Osei, lors de la présentation du rapport.

## Chiffres clés

| Indicateur | 2020 | 2025 |
| Migrants internationaux | 281 millions | 300 millions |
| Personnes déplacées à l'intérieur de leur pays | 55 millions | 76 millions |
| Transferts de fonds vers les pays à revenu faible et intermédiaire | 540 milliards de dollars | 690 milliards de dollars |

## Ce que le rapport recommande

- Ouvrir davantage de voies de migration régulière adaptées aux besoins des marchés du travail.
- Reconnaître les compétences et les diplômes acquis à l'étranger.
- Lutter contre les frais de recrutement abusifs.
- Mieux protéger les travailleurs saisonniers et les travailleurs domestiques.

Le rapport comprend aussi des chapitres sur la mobilité climatique, la santé des migrants et la désinformation. Il est disponible en français, en anglais et en espagnol dans la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a> ; une version interactive sera mise en ligne en juillet sur <a href="https://example.org/demo/rapport-2025">le site du rapport</a>.

@c Léa Vandenberghe | au | Bureau des médias de l'OIM à Genève | Tél. : +41 22 717 94 12; Mobile : +41 79 512 38 40 | lvandenberghe@iom.int | mailto
@c Julia Stenberg-Okafor | , | OIM Berlin | Tel : +49 30 278 778 21 | jstenberg@iom.int | mailto
""",
    """
num: 25
lang: fr
date: 2025-07-22T08:15:00
mode: div
tags: Afrique de l'Ouest; Protection
title: Niger : l'OIM (démo) secourt 640 migrants abandonnés dans le désert près d'Assamaka

Agadez – Les équipes de recherche et de sauvetage de l'OIM (démo) ont porté secours à 640 migrants abandonnés dans le désert au nord du Niger depuis le début du mois de juin, dans des conditions de chaleur extrême, a annoncé l'organisation mardi.

Les personnes secourues, originaires d'une quinzaine de pays d'Afrique de l'Ouest et du Centre, avaient été laissées sans eau ni vivres à plusieurs dizaines de kilomètres du premier village. Certaines avaient marché pendant plus de vingt-quatre heures sous des températures dépassant 45 degrés.

« Nous arrivons parfois trop tard. Les survivants nous parlent de compagnons de route qu'ils ont dû laisser derrière eux », raconte Moussa Abdou Issaka, chef d'une équipe de sauvetage basée à Agadez.

## Après le sauvetage

Les personnes secourues sont transportées vers le centre de transit de l'OIM (démo) à Agadez, où elles reçoivent :

- des soins médicaux, y compris pour la déshydratation et les blessures ;
- de la nourriture, des vêtements et un lieu pour se reposer ;
- un soutien psychosocial individuel ou en groupe ;
- des informations sur les options possibles, dont le retour volontaire.

Parmi les personnes secourues figuraient 54 enfants, dont 21 non accompagnés, confiés aux services de protection de l'enfance, et plusieurs femmes enceintes.

## Un centre saturé

Le centre de transit, prévu pour 500 personnes, en accueille actuellement plus de 1 100. L'OIM (démo) a installé des tentes supplémentaires et demande des fonds pour accélérer les retours volontaires, dont les délais s'allongent faute de documents de voyage.

L'organisation rappelle que personne ne devrait être abandonné dans le désert, quelles que soient les circonstances, et appelle à la coopération entre les États de la région pour protéger les migrants le long de la route.

@lead Pour plus d'informations, merci de contacter
@c Moussa Abdou Issaka | au | Bureau de l'OIM à Agadez | Tel : +227 20 44 03 71; Mobile : +227 96 28 14 55 | mabdouissaka@iom.int | mailto
@c Issoufou Garba Maïga | au | Bureau de l'OIM à Niamey | Tel : +227 20 75 31 88 | igarbamaiga@iom.int | at
""",
    """
num: 26
lang: fr
date: 2025-09-09T10:00:00
tags: Europe; Intégration
title: Belgique : un programme de mentorat aide 500 personnes réfugiées et migrantes à trouver un emploi qualifié

Bruxelles – Cinq cents personnes réfugiées et migrantes diplômées ont été accompagnées en deux ans par un programme de mentorat professionnel mené par l'OIM (démo) avec une fédération d'entreprises et les services régionaux de l'emploi. Plus de six sur dix ont trouvé un poste correspondant à leur qualification.

Ingénieurs, infirmières, comptables, informaticiens : beaucoup de nouveaux arrivants occupent des emplois très éloignés de leur formation, faute de réseau, de reconnaissance de leurs diplômes ou de maîtrise des codes du recrutement local. Le programme associe chacun d'eux à un mentor du même secteur, pendant six mois.

« Mon mentor ne m'a pas trouvé de travail. Il m'a appris comment on cherche du travail ici, et il m'a présenté les bonnes personnes », résume Dariia Kovalenko, ingénieure en génie civil, aujourd'hui cheffe de projet dans un bureau d'études.

## Comment fonctionne le programme

1. Un entretien pour définir le projet professionnel et évaluer les besoins.
2. L'association avec un mentor bénévole, formé par l'OIM (démo).
3. Des rencontres mensuelles et des ateliers collectifs : CV, entretiens, réseau.
4. Un accompagnement à la reconnaissance des diplômes lorsque c'est nécessaire.

Parmi les participants, 63 % occupent un emploi qualifié six mois après la fin du mentorat, contre 22 % au début. Les mentors disent aussi avoir appris : 80 % d'entre eux ont changé leur regard sur le recrutement de candidats étrangers dans leur entreprise.

## Étendre l'expérience

Forts de ces résultats, les partenaires souhaitent étendre le programme à la Wallonie et aux métiers en pénurie, notamment dans les soins de santé. Les entreprises qui souhaitent proposer des mentors peuvent consulter la page <a href="/fr/engagez-vous">Engagez-vous</a>.

@c Nathalie Verhoeven | au | Bureau de l'OIM pour le Benelux à Bruxelles | Tel : +32 2 287 71 36 | nverhoeven@iom.int | mailto
""",
]

_RELEASES += [
    """
num: 27
lang: fr
date: 2025-10-14T09:30:00
tags: Moyen-Orient et Afrique du Nord; Migration de travail
title: Maroc : un accord pilote ouvre 2 000 emplois saisonniers encadrés dans l'agriculture

Rabat – Le Maroc et un État européen imaginaire ont signé mardi à Rabat, avec l'appui de l'OIM (démo), un accord pilote de migration de travail saisonnière qui permettra à 2 000 travailleurs marocains d'occuper des emplois agricoles encadrés pendant la saison 2026.

L'accord fixe des règles précises : contrats écrits signés avant le départ, salaire identique à celui des travailleurs locaux, logement contrôlé par les autorités, assurance maladie, et retour garanti à la fin de la saison avec la possibilité de revenir l'année suivante.

« Une migration saisonnière bien organisée, c'est un revenu pour les familles, une main-d'œuvre pour les employeurs et des compétences qui reviennent au pays. Mais seulement si les droits sont respectés du début à la fin », a souligné Salma Bennani Idrissi, cheffe de mission de l'OIM (démo) au Maroc.

## Le rôle de l'OIM (démo)

- Appui au recrutement transparent, sans frais pour les travailleurs.
- Formation préalable au départ : droits, conditions de travail, santé, épargne.
- Suivi pendant la saison, avec une permanence téléphonique en arabe et en amazigh.
- Accompagnement au retour, notamment pour investir l'épargne dans des projets locaux.

La sélection donnera la priorité aux candidats issus des provinces rurales les plus touchées par la sécheresse, et au moins 40 % des places seront réservées aux femmes, qui ont souvent été exclues des précédents programmes ou cantonnées aux emplois les moins rémunérés.

## Une évaluation indépendante

L'accord prévoit une évaluation indépendante à la fin de la première saison, portant sur les conditions de travail, les revenus et l'effet sur les communautés d'origine. Si les résultats sont positifs, le programme pourrait être étendu à d'autres secteurs, comme l'hôtellerie.

Les candidatures seront ouvertes en janvier auprès de l'agence nationale pour l'emploi. Les détails du programme seront publiés sur la page <a href="/fr/ce-que-nous-faisons">Ce que nous faisons</a>.

@lead Pour plus d'informations sur l'accord et le recrutement, veuillez contacter
@c Salma Bennani Idrissi | , | OIM Maroc | Tel : +212 537 65 28 19; Mobile : +212 661 48 09 72 | sbennaniidrissi@iom.int | mailto
@c Omar Khelifi | au | Bureau régional de l'OIM au Caire | Tel : +20 2 2736 5140 | okhelifi@iom.int | mailto
""",
    """
num: 28
lang: fr
date: 2025-11-25T17:00:00
tags: Gouvernance
title: Le Conseil de l'OIM (démo) adopte une stratégie sur les solutions durables aux déplacements

Genève – Réunis pour leur session annuelle, les États membres de l'OIM (démo) ont adopté mardi une stratégie institutionnelle sur les solutions durables aux déplacements internes, qui engage l'organisation fictive à consacrer au moins un quart de ses programmes d'urgence à des activités de relèvement dès le début d'une crise.

Selon les données présentées au Conseil, plus de la moitié des personnes déplacées à l'intérieur de leur pays le sont depuis plus de cinq ans. Beaucoup vivent dans des sites conçus comme temporaires, sans perspective de retour, d'installation durable ou de réinstallation ailleurs dans le pays.

« L'aide d'urgence sauve des vies, mais elle ne peut pas être la seule réponse pendant dix ans. Dès le premier jour, nous devons penser au jour où les familles n'auront plus besoin de nous », a déclaré la Directrice générale adjointe chargée des opérations, Nadia Ferreira Balogun.

## Les engagements de la stratégie

1. Intégrer l'analyse des solutions durables dans chaque plan de réponse.
2. Travailler avec les autorités locales sur le logement, les titres fonciers et l'emploi.
3. Mesurer les progrès avec des indicateurs communs aux acteurs humanitaires et de développement.
4. Associer les personnes déplacées et les communautés d'accueil aux décisions.

## Autres décisions

Le Conseil a également approuvé le budget 2026, en hausse de 2 %, et pris note du rapport annuel de performance présenté par le <a href="/fr/bureau-de-la-strategie-et-de-la-performance-institutionnelle">Bureau de la stratégie et de la performance institutionnelle</a>. Plusieurs délégations ont salué la baisse des délais de déploiement en urgence, passés de neuf à cinq jours en deux ans.

Les documents de la session sont publiés sur la page du <a href="/fr/bureau-du-chef-de-cabinet">Bureau du Chef de Cabinet</a>.

@layout br
@c Léa Vandenberghe | au | Bureau des médias de l'OIM à Genève | Tél. : +41 22 717 94 12; Mobile : +41 79 512 38 40 | lvandenberghe@iom.int | mailto
@c Samuel Adjovi | , | OIM Genève | Tél. : +41 22 717 94 31 | sadjovi@iom.int | text
""",
    """
num: 29
lang: fr
date: 2026-01-20T10:00:00
tags: Afrique de l'Ouest; Santé
title: Togo : des agents de santé communautaires formés au suivi des voyageurs le long du corridor Abidjan-Lagos

Lomé – Deux cent dix agents de santé communautaires des villes frontalières du Togo ont été formés au suivi sanitaire des voyageurs le long du corridor Abidjan-Lagos, l'un des axes routiers les plus fréquentés d'Afrique de l'Ouest, dans le cadre d'un programme régional appuyé par l'OIM (démo).

Chaque jour, des milliers de camionneurs, de commerçantes et de voyageurs franchissent les frontières du corridor. Ces mouvements sont essentiels pour l'économie régionale, mais ils peuvent aussi favoriser la propagation de maladies lorsque la surveillance est insuffisante.

« Les agents communautaires connaissent les gares routières, les marchés, les parkings de camions. Ce sont eux qui voient en premier quand quelque chose ne va pas », explique la docteure Afi Mensah-Agbeko, coordonnatrice du programme à l'OIM (démo).

## Contenu de la formation

- Reconnaître les signes des maladies à potentiel épidémique.
- Signaler une alerte par téléphone au district sanitaire, selon une procédure simple.
- Informer les voyageurs sans les stigmatiser.
- Orienter vers les services de santé, y compris pour le VIH et la tuberculose.

Les agents formés sont répartis dans les principaux lieux de passage entre Aflao et Sanvee Condji. Ils sont équipés de téléphones et de fiches de signalement, et supervisés par les équipes des districts sanitaires.

## Un programme sur cinq pays

Le programme couvre la Côte d'Ivoire, le Ghana, le Togo, le Bénin et le Nigeria. Il prévoit des exercices de simulation transfrontaliers chaque année et la mise en place de postes de santé dans les principales gares routières. Les premiers résultats sont attendus à la fin de l'année ; ils seront présentés lors de la réunion régionale des ministres de la Santé.

@emaillabel Courriel :
@c Afi Mensah-Agbeko | , | OIM Togo | Tel : +228 22 21 64 35 | amensahagbeko@iom.int | mailto
@c Camille Roussel-Mbeki | , | OIM Genève | Tél. : +41 22 717 94 55 | croussel@iom.int | mailto
""",
    """
num: 30
lang: fr
date: 2026-03-10T05:30:00
tags: Asie-Pacifique; Climat
title: Fidji : une plateforme régionale pour la mobilité climatique lancée par les États insulaires du Pacifique

Suva – Les ministres de quatorze États et territoires insulaires du Pacifique ont lancé mardi à Suva une plateforme régionale sur la mobilité climatique, avec l'appui de l'OIM (démo). Elle doit permettre aux gouvernements de partager leurs données, leurs pratiques et leurs ressources face aux déplacements liés au changement climatique.

Dans la région, la montée du niveau de la mer, l'érosion côtière, la salinisation des sols et les cyclones plus intenses poussent déjà des communautés à se déplacer. Certains villages ont été relocalisés ; d'autres se préparent à le faire. La migration de travail vers des pays voisins est aussi, pour de nombreuses familles, une manière de diversifier leurs revenus.

« Nous ne voulons pas être présentés comme des victimes. Nous voulons décider nous-mêmes de notre avenir, et pour cela nous avons besoin d'informations, de moyens et de solidarité », a déclaré la ministre tuvaluane imaginaire Seini Taumalolo lors de la session d'ouverture.

## Les missions de la plateforme

1. Rassembler des données comparables sur les déplacements liés aux catastrophes et au climat.
2. Partager les lignes directrices nationales sur les relocalisations planifiées, comme celles appliquées au <a href="/fr/news/vanuatu-trois-villages-cotiers-preparent-leur-relocalisation-face-a-la-montee">Vanuatu</a>.
3. Faciliter l'accès aux financements climatiques pour les projets d'adaptation et de mobilité.
4. Promouvoir des voies de migration de travail régulières dans la région.

La plateforme disposera d'un petit secrétariat à Suva et d'un réseau de points focaux nationaux. Les organisations de la société civile et les représentants des communautés y auront un siège d'observateur.

## Une année d'essai

La première année servira à constituer la base de données régionale et à organiser trois échanges entre communautés ayant vécu une relocalisation. Un rapport sera présenté aux dirigeants de la région lors de leur prochain sommet.

@c Lucas Moreau-Tan | au | Bureau régional de l'OIM à Bangkok | Tel : +66 2 343 93 47; Mobile : +66 81 604 27 38 | lmoreautan@iom.int | mailto
@c Emily Tabi | , | OIM Vanuatu | Tel : +678 22 536 | etabi@iom.int | mailto
""",
    """
num: 31
lang: fr
date: 2026-06-16T10:00:00
mode: time
tags: Afrique centrale; Climat; Urgences
title: Cameroun : après les inondations de Douala, l'OIM (démo) vient en aide à 25 000 personnes

Douala – L'OIM (démo) a commencé lundi à distribuer des kits d'abri et d'hygiène à 25 000 personnes touchées par les inondations qui ont frappé plusieurs quartiers de Douala la semaine dernière, à la suite de pluies exceptionnelles.

Selon les autorités, plus de 6 000 maisons ont été inondées et 9 000 personnes ont dû quitter leur logement. Beaucoup sont hébergées dans des écoles et des églises, d'autres chez des voisins. Les quartiers les plus touchés sont construits dans des zones basses, le long de cours d'eau obstrués par les déchets.

« L'eau est montée en moins d'une heure. Nous avons tout perdu, même les cahiers des enfants », raconte Berthe Ngo Mbock, mère de quatre enfants, hébergée dans une école du quartier de Makèpè.

## La réponse en cours

- 4 200 kits d'abri et 5 000 kits d'hygiène distribués ou en cours de distribution.
- Des pastilles de purification d'eau et des jerricanes pour prévenir le choléra.
- Un recensement des familles hébergées dans les sites collectifs.
- Des équipes de soutien psychosocial dans les écoles qui accueillent des familles.

L'OIM (démo) travaille avec la communauté urbaine de Douala, la protection civile et la Croix-Rouge locale. Les écoles devant rouvrir en septembre, une priorité est de trouver des solutions de logement pour les familles qui y sont hébergées.

## Prévenir les prochaines inondations

Les inondations sont de plus en plus fréquentes à Douala. L'organisation fictive appuie un projet de curage des drains et de cartographie des zones à risque, mené avec les habitants. Elle plaide pour que les familles vivant dans les zones les plus exposées soient aidées à se réinstaller dans de meilleures conditions, avec leur accord.

@c Christelle Eboa Ndjock | , | OIM Cameroun | Tel : +237 222 20 34 86; Mobile : +237 677 51 09 28 | ceboa@iom.int | mailto
""",
    """
num: 32
lang: fr
date: 2026-09-22T09:00:00
tags: Données; Innovation
title: L'OIM (démo) ouvre ses données de déplacement à la recherche avec une nouvelle plateforme en ligne

Genève – L'OIM (démo) a lancé mardi une plateforme de données ouvertes qui donne accès, pour la première fois dans un même endroit, à dix ans de données de suivi des déplacements collectées dans plus de quatre-vingts pays par l'organisation fictive.

La plateforme propose des tableaux téléchargeables, une interface de programmation pour les chercheurs et les développeurs, et des visualisations simples destinées aux journalistes et au grand public. Les données sont agrégées et anonymisées ; aucune information ne permet d'identifier une personne ou une famille.

« Les données que nous collectons appartiennent aussi à ceux qui peuvent les utiliser pour mieux aider. Les ouvrir, avec toutes les précautions nécessaires, c'est multiplier leur utilité », a déclaré Aïcha Rahmani-Lund, directrice du Bureau de la stratégie et de la performance institutionnelle.

## Ce que contient la plateforme

| Jeu de données | Période | Pays | Fréquence |
| Personnes déplacées internes | 2016-2026 | 62 | mensuelle |
| Flux aux points de suivi | 2018-2026 | 41 | hebdomadaire |
| Retours | 2016-2026 | 35 | trimestrielle |
| Migrants disparus | 2014-2026 | mondial | hebdomadaire |

## Protéger les personnes

Avant publication, chaque jeu de données passe par une analyse des risques : les informations trop fines, qui pourraient permettre de localiser des groupes vulnérables, sont regroupées ou retirées. Une politique de protection des données, adoptée par le Conseil, encadre ces choix.

La plateforme est accessible depuis la rubrique <a href="/fr/donnees-et-recherche">Données et recherche</a>. Un guide d'utilisation, des exemples de code et un forum de questions sont disponibles sur <a href="https://example.org/demo/donnees-ouvertes">le site de la plateforme</a>. Des sessions de formation en ligne pour les journalistes auront lieu en octobre.

@layout paras
@c Aïcha Rahmani-Lund | au | Bureau de la stratégie et de la performance institutionnelle de l'OIM à Genève | Tél. : +41 22 717 93 60 | arahmanilund@iom.int | mailto
@c Léa Vandenberghe | , | OIM Genève | Tél. : +41 22 717 94 12; Mobile : +41 79 512 38 40 | lvandenberghe@iom.int | cf
""",
]

_RELEASES += [
    """
num: 33
lang: en
date: 2023-04-18T12:00:00
tags: Middle East and North Africa; Emergencies
title: Egypt: IOM (demo) scales up aid at border crossings as thousands flee fighting in Sudan

Cairo – IOM (demo) has deployed additional teams to two border crossings in southern Egypt, where thousands of people fleeing the fighting in Sudan are arriving every day after journeys of several days in extreme heat.

Most new arrivals are women, children and older people. Many have waited for days on the Sudanese side of the border with little water or shade. Teams of the fictional organization are providing drinking water, food, hygiene items and first aid, and are helping the most vulnerable travellers reach transport to Aswan.

"People arrive exhausted and in shock. Some have lost contact with family members during the journey. Our first job is to make sure they are safe, hydrated and know where to go next," said Omar Khelifi, IOM (demo) Regional Emergency Coordinator.

## The response so far

- Water and food for more than 21,000 people at the crossings.
- Medical screening and referrals for 1,800 people, including 240 children.
- Transport assistance for 3,500 people with specific needs.
- Support for third-country nationals who wish to return to their own countries.

IOM (demo) is also tracking arrivals at the crossings to help the authorities and humanitarian partners plan the response. Figures are published twice a week in the <a href="/fr/donnees-et-recherche">data section</a> of the website.

## Support for host communities

Aswan and the border towns have welcomed new arrivals generously, but local services are under strain. The organization is working with local authorities to support health centres and water systems that serve both the newcomers and the people who host them.

IOM (demo) has appealed for USD 12 million to support arrivals in Egypt over the next six months. The appeal is part of a regional plan that also covers Chad, South Sudan and Ethiopia, described on the <a href="https://example.org/demo/sudan-regional-plan">regional plan page</a>.

@c Omar Khelifi | at | IOM Regional Office in Cairo | Tel: +202-2736 5140; Mobile: +20 100 481 2267 | okhelifi@iom.int | mailto
@c Samuel Adjovi | at | IOM Geneva | Tel: +41 22 717 94 31 | sadjovi@iom.int | mailto
""",
    """
num: 34
lang: en
date: 2023-09-14T15:30:00
tags: Climate; Data
title: New report: climate-related displacement reached a record high in 2022, says IOM (demo)

New York – Disasters linked to weather and climate caused a record number of new displacements in 2022, according to a report released today by IOM (demo) on the sidelines of the United Nations General Assembly.

The report, Moving Against the Tide, estimates that floods, storms, droughts and wildfires triggered more than 31 million internal displacements in the fictional organization's dataset, up from 23 million the year before. Floods alone accounted for more than half of the total.

"These numbers are not a forecast. They are families who lost their homes last year. Adaptation and preparedness must reach the places where people are already on the move," said Hélène Marchetti-Osei, IOM (demo) Director General.

### Key findings

| Hazard | New displacements (millions) | Share of total |
| Floods | 17.2 | 55% |
| Storms | 9.8 | 32% |
| Droughts | 2.6 | 8% |
| Wildfires and other | 1.5 | 5% |

The report notes that many displacements were short-lived, with people returning within weeks. But in places hit by repeated disasters, families are increasingly unable to recover between events and end up displaced for years.

## What the report recommends

1. Invest in early warning systems that reach the last mile, including displaced people.
2. Plan for displacement in national adaptation plans and disaster risk reduction strategies.
3. Support regular migration pathways as a way for people to adapt.
4. Improve data on slow-onset events such as drought and sea-level rise.

The full report and the underlying data are available from the <a href="/fr/donnees-et-recherche">data and research section</a>.

@lead For further information, please contact
@c Julia Stenberg-Okafor | at | IOM Berlin | Tel: +49 30 278 778 21 | jstenberg@iom.int | mailto
@c Daniel Okoro | at | IOM New York | Tel: +1 (212) 555 0134; Mobile: +1 (917) 555 0172 | dokoro@iom.int | text
""",
    """
num: 35
lang: en
date: 2024-08-20T04:00:00
tags: Asia-Pacific; Health
title: Bangladesh: mobile clinics bring health care to 60,000 people in flood-hit districts

Sylhet – Mobile health teams supported by IOM (demo) have provided care to more than 60,000 people in flood-affected districts of north-eastern Bangladesh since the waters began to rise in June, the organization said on Tuesday.

The twelve teams, each made up of a doctor, a nurse, a midwife and a community health worker, travel by boat and on foot to villages cut off by the floods. They treat diarrhoea, skin infections and respiratory illnesses, provide antenatal care and refer serious cases to district hospitals.

"When the roads are under water, the clinic has to come to the people. For pregnant women in particular, a visit from the team can make the difference between a safe delivery and a tragedy," said Dr Nusrat Jahan Rimi, who leads the health programme of the fictional organization in Sylhet.

## Numbers so far

- 61,400 consultations, of which 38 per cent were for children under five.
- 2,900 antenatal visits and 410 referrals to hospital.
- 7,000 hygiene kits and water purification supplies distributed.
- 140 community volunteers trained to spot early signs of cholera.

The teams work closely with the district health authorities, who provide medicines and receive the referred patients. Data collected during consultations, without names, helps the authorities track outbreaks and decide where to send more staff.

## Preparing for the next season

Floods in the region are becoming more frequent and more severe. IOM (demo) is helping communities raise the plinths of health posts and water points above flood level and is pre-positioning medical supplies in high ground locations ahead of the next monsoon.

The mobile clinics are funded until the end of October. The organization is seeking additional funding to maintain them through the recovery period.

@layout heading
@lead Media contacts
@c Nusrat Jahan Rimi | , | IOM Bangladesh | Tel: +880 2 5505 1322 ext. 218; Mobile: +880 1711 24 68 09 | nrimi@iom.int | mailto
@c Lucas Moreau-Tan | at | IOM Regional Office in Bangkok | Tel: +66 2 343 93 47 | lmoreautan@iom.int | mailto
""",
    """
num: 36
lang: en
date: 2025-02-11T07:00:00
tags: East and Horn of Africa; Climate
title: Kenya: as drought returns, IOM (demo) helps pastoralist communities protect water and livelihoods

Nairobi – With rains failing for a second consecutive season in northern Kenya, IOM (demo) is rehabilitating boreholes, supporting livestock health and helping pastoralist families keep their herds alive, the organization said on Tuesday.

In Marsabit and Turkana counties, water points have dried up and pasture is scarce. Families are walking longer distances with their animals, and tensions over access to water are rising. Some households have already moved closer to towns, where they depend on aid.

"Pastoralism is a way of life built on mobility. When drought hits, mobility becomes survival. Our job is to make sure families have choices other than losing everything," said Grace Wanjiru Mwangi, IOM (demo) Regional Programme Officer for climate and migration.

## What IOM (demo) is doing

1. Rehabilitating 45 boreholes and installing solar pumps to reduce fuel costs.
2. Supporting livestock vaccination and feed distributions with county veterinary services.
3. Providing cash transfers to 6,000 households so they can buy food and keep core breeding animals.
4. Working with local peace committees to prevent conflicts over water and pasture.

The organization also runs a displacement tracking system in the affected counties, updated every month, so that the government and partners can see where people are moving and adjust assistance.

## Looking beyond the emergency

Drought cycles in the region are becoming shorter and harsher. IOM (demo) is working with county governments on longer-term measures: community-managed water systems, fodder production, and training for young people in alternative livelihoods, including in towns along migration routes.

"We cannot keep responding to the same crisis every two years with the same tools," Ms Mwangi said.

@c Grace Wanjiru Mwangi | at | IOM Regional Office in Nairobi | Tel: +254 20 422 15 73 ext. 415; Mobile: +254 722 608 341 | gwmwangi@iom.int | mailto
@c Samuel Adjovi | , | IOM Geneva | Tel: +41 22 717 94 31; Mobile: +41 79 430 12 66 | sadjovi@iom.int | mailto
""",
    """
num: 37
lang: en
date: 2025-08-12T02:00:00
mode: div
tags: Asia-Pacific; Return and Reintegration
title: Philippines: returning overseas workers get help to start businesses and find jobs at home

Manila – IOM (demo) and the Philippine authorities on Tuesday opened a one-stop reintegration centre in Manila for overseas workers returning home, offering job matching, business training and psychosocial support under one roof.

Each year, hundreds of thousands of Filipino workers return after contracts abroad. Some come back with savings and skills; others return early after losing their jobs, being exploited or falling ill, and need help to get back on their feet.

"Coming home after years away is not always easy. People have changed, the job market has changed, and sometimes families depend on a salary that has suddenly stopped," said Maria Celeste Villanueva, who manages the centre for the fictional organization.

## Services at the centre

- Skills assessment and certification of experience gained abroad.
- Job matching with employers looking for skilled workers.
- Business training and access to small start-up grants.
- Counselling and referrals for returnees who experienced abuse or exploitation.
- Financial literacy sessions for returnees and their families.

A pilot phase in 2024 supported 1,500 returnees, two thirds of them women who had worked as domestic workers. Six months later, 58 per cent were employed or running a business, according to a follow-up survey.

## Connecting with employers

The centre has signed agreements with 70 local companies in construction, hospitality, health care and manufacturing. Employers value the languages and technical skills returnees bring back, but often do not know how to find them.

The centre is open Monday to Saturday and can also be reached online. Two more centres are planned in Cebu and Davao in 2026.

@c Maria Celeste Villanueva | at | IOM Philippines | Tel: +63 2 8230 1974; Mobile: +63 917 852 4410 | mcvillanueva@iom.int | mailto
""",
    """
num: 38
lang: en
date: 2026-02-17T10:00:00
mode: time
tags: Governance; Data
title: Statement by the IOM (demo) Director General on the first anniversary of the Global Mobility Data Compact

Geneva – One year ago, governments, researchers, technology companies and civil society organizations came together to sign the Global Mobility Data Compact, an imagined agreement to make data on human mobility more useful, more comparable and better protected. Today, we take stock of what has been achieved and of what remains to be done.

The progress is real. Thirty-four countries have aligned their definitions of international migration with the common framework. Eleven have published, for the first time, statistics on internal displacement broken down by age, sex and disability. Several national statistical offices now use administrative data to produce migration estimates every quarter rather than every ten years.

We have also learned that data is only as good as the trust behind it. People on the move share information about themselves because they expect it to help them, not to harm them. That trust must never be taken for granted.

## Three priorities for the coming year

1. Protect personal data. Every dataset published must go through a risk assessment, and information that could expose vulnerable groups must be withheld.
2. Close the gaps. We still know too little about migration within Africa and Asia, about people displaced by slow-onset climate change, and about those who go missing on migration routes.
3. Put data to work. Numbers in a report change nothing unless they reach the people who make decisions, from ministries to mayors to the communities themselves.

IOM (demo) will continue to support countries that want to strengthen their data systems, and we will keep publishing our own data openly, as we do through the platform described in our <a href="/fr/donnees-et-recherche">data and research pages</a>.

I thank all signatories for their commitment. The Compact was never meant to be a document; it was meant to be a habit. One year in, that habit is taking hold.
""",
    """
num: 39
lang: en
date: 2026-05-05T03:30:00
tags: Asia-Pacific; Labour Migration
title: Thailand: employers and recruiters commit to zero recruitment fees for migrant workers in the seafood sector

Bangkok – Thirty-one seafood processing companies and fourteen recruitment agencies signed a commitment in Bangkok on Tuesday to ensure that migrant workers in their supply chains pay no recruitment fees or related costs, in a process facilitated by IOM (demo).

Migrant workers from neighbouring countries make up a large share of the workforce in Thailand's seafood industry. Many borrow heavily to pay brokers, transport and documents before they start work, leaving them in debt for months or even years.

"A worker who starts a job in debt is not free. Ending recruitment fees is the single most effective step an employer can take against forced labour," said Lucas Moreau-Tan, IOM (demo) Regional Labour Mobility Specialist.

## What the signatories commit to

- No fees or costs charged to workers at any stage of recruitment.
- Reimbursement of fees already paid, where they can be documented.
- Written contracts in a language the worker understands, signed before departure.
- Access to a grievance mechanism that protects workers from retaliation.

The companies will undergo independent audits of their recruitment channels, and the results will be published in aggregate form. IOM (demo) will provide training to human resources staff and to the recruitment agencies, and will help set up a helpline for workers in Burmese, Khmer and Lao.

## A regional approach

The commitment builds on similar initiatives in the electronics and garment sectors. Governments in the region have been invited to align their regulations on recruitment with the same standard, so that responsible employers are not undercut by those who pass costs on to workers.

Progress will be reviewed at a regional forum in November.

@c Lucas Moreau-Tan | at | IOM Regional Office in Bangkok | Tel: +66 2 343 93 47; Mobile: +66 81 604 27 38 | lmoreautan@iom.int | text
@c Pimchanok Srisuk | at | IOM Thailand | Tel: +66 2 343 95 10 | psrisuk@iom.int | text
""",
]

_RELEASES += [
    """
num: 40
lang: es
date: 2023-07-25T16:00:00
tags: Américas; Protección
title: Darién: la OIM (demo) refuerza la atención a personas migrantes en las estaciones de recepción

Ciudad de Panamá – La Organización Internacional para las Migraciones (demo) reforzó sus equipos en las estaciones de recepción migratoria de la provincia de Darién, donde llegan cada día cientos de personas tras cruzar a pie la selva que separa Colombia de Panamá.

Las personas llegan agotadas, con heridas en los pies, deshidratadas y, en muchos casos, después de haber sufrido robos o violencia durante el trayecto. Entre ellas hay cada vez más familias con niños pequeños y personas mayores.

«La selva no perdona. Hemos atendido a madres que caminaron seis días cargando a sus hijos, y a personas que vieron morir a otras en el camino», relató Andrea Castillo Moreno, coordinadora de la organización ficticia en Darién.

## Atención brindada desde enero

- Más de 48.000 raciones de alimentos y 90.000 litros de agua potable.
- 6.200 consultas de salud, en coordinación con el Ministerio de Salud.
- Apoyo psicosocial individual y grupal para 3.100 personas.
- Información sobre los riesgos de la ruta y sobre las vías regulares disponibles.

La OIM (demo) también apoya a las comunidades indígenas que viven en la zona y que ven pasar a miles de personas por su territorio, con proyectos de agua y saneamiento que benefician a toda la población.

## Un llamado a la responsabilidad compartida

La organización recuerda que ningún país puede responder solo a estos movimientos y pide reforzar la cooperación regional, ampliar las vías regulares de migración y combatir a las redes de tráfico que se aprovechan de la desesperación de las personas.

Los datos sobre los flujos en la región se publican cada mes en la sección de <a href="/fr/donnees-et-recherche">datos e investigación</a>.

@c Andrea Castillo Moreno | en la | Oficina de la OIM en Panamá | Tel: +507 305 35 87; Cel: +507 6671 2398 | acastillo@iom.int | mailto
@c Diego Fernández Ruiz | en la | Oficina Regional de la OIM en Panamá | Tel: +507 305 35 10 | dfernandez@iom.int | mailto
""",
    """
num: 41
lang: es
date: 2024-04-09T14:00:00
mode: div
tags: Américas; Protección
title: Tapachula: un nuevo centro de orientación ayuda a personas migrantes a conocer sus derechos

Tapachula (México) – La OIM (demo) y el gobierno municipal de Tapachula inauguraron el martes un centro de orientación para personas migrantes, donde se ofrece información sobre trámites migratorios, acceso a servicios de salud y educación, y opciones de empleo formal.

Tapachula, en la frontera sur de México, recibe cada año a decenas de miles de personas de Centroamérica, el Caribe y otras regiones. Muchas pasan meses en la ciudad esperando una respuesta a su solicitud, sin saber a dónde acudir para resolver necesidades básicas.

«La información es la primera forma de protección. Una persona que conoce sus derechos y sus opciones toma mejores decisiones y es menos vulnerable a los engaños», explicó Mariana Gutiérrez Soto, jefa de la suboficina de la organización ficticia en Tapachula.

## Servicios del centro

1. Orientación sobre procedimientos migratorios y de protección internacional.
2. Canalización a servicios de salud, incluida la salud mental.
3. Inscripción de niñas y niños en escuelas locales.
4. Bolsa de empleo en coordinación con empresas de la región.
5. Atención especializada a víctimas de trata y a niñez no acompañada.

El centro cuenta con personal que habla español, inglés, francés y criollo haitiano, y abre de lunes a sábado. Durante su fase piloto atendió a más de 4.000 personas.

## Trabajo con la comunidad de acogida

El centro también organiza actividades culturales y deportivas abiertas a toda la población de Tapachula, para favorecer la convivencia entre residentes y recién llegados. Un consejo consultivo con organizaciones locales acompaña su funcionamiento.

@lead Para mayor información, contactar a
@c Mariana Gutiérrez Soto | en la | Oficina de la OIM en Tapachula | Tel: +52 962 625 43 18 | mgutierrez@iom.int | at
""",
    """
num: 42
lang: es
date: 2025-03-25T15:00:00
tags: Américas; Integración
title: Colombia: 15.000 personas migrantes acceden a empleo formal gracias a un programa de inclusión laboral

Bogotá – Más de 15.000 personas migrantes y refugiadas y miembros de comunidades de acogida consiguieron un empleo formal en los últimos dos años gracias a un programa de inclusión laboral impulsado por la OIM (demo) junto con el servicio público de empleo y más de 300 empresas.

El programa combina la certificación de competencias, la formación técnica en sectores con demanda de trabajadores y el acompañamiento a empresas para que contraten a personas migrantes sin barreras administrativas innecesarias.

«Muchas empresas querían contratar, pero no sabían qué documentos eran válidos ni cómo afiliar a los trabajadores a la seguridad social. Resolver esas dudas abrió miles de puertas», señaló Camilo Restrepo Arango, coordinador del programa en la organización ficticia.

## Resultados principales

| Indicador | Resultado |
| Personas con empleo formal | 15.240 |
| Mujeres entre las personas contratadas | 54 % |
| Empresas participantes | 312 |
| Personas con competencias certificadas | 9.800 |

Los sectores que más contrataron fueron el comercio, la logística, la atención al cliente y la agroindustria. Un tercio de las personas contratadas pertenecen a las comunidades de acogida, lo que contribuye a la convivencia y evita la percepción de competencia por el empleo.

## Próxima fase

La segunda fase del programa se centrará en ciudades intermedias y en el emprendimiento, con capital semilla para negocios liderados por mujeres. También se pondrá en marcha una plataforma en línea para que las empresas publiquen ofertas y consulten la normativa vigente.

Más información sobre los programas de la OIM (demo) en la sección <a href="/fr/ce-que-nous-faisons">Ce que nous faisons</a>.

@c Camilo Restrepo Arango | en la | Oficina de la OIM en Colombia | Tel: +57 601 639 77 44; Cel: +57 310 482 19 06 | crestrepo@iom.int | mailto
@c Diego Fernández Ruiz | en la | Oficina Regional de la OIM en Panamá | Tel: +507 305 35 10 | dfernandez@iom.int | mailto
""",
    """
num: 43
lang: es
date: 2025-12-02T13:00:00
tags: Américas; Retorno y reintegración
title: Honduras: centros de atención al migrante retornado amplían su apoyo psicosocial

Tegucigalpa – Los centros de atención al migrante retornado de Honduras, apoyados por la OIM (demo), ampliaron sus servicios de apoyo psicosocial, que ahora incluyen atención individual, grupos de apoyo y seguimiento en las comunidades de origen.

Cada año, decenas de miles de personas hondureñas son retornadas desde otros países de la región. Muchas llegan después de meses de viaje, detención o separación familiar, y enfrentan al regresar la misma falta de oportunidades que las llevó a partir.

«Volver no siempre es volver a casa. Algunas personas no pueden regresar a su barrio por miedo, otras sienten vergüenza ante la familia. Escucharlas es el primer paso», afirmó Karla Mejía Zelaya, psicóloga y coordinadora del componente psicosocial en la organización ficticia.

## ¿Qué ofrecen los centros?

- Recepción digna a la llegada, con alimentación, llamada telefónica y transporte.
- Atención médica básica y apoyo psicosocial de primera línea.
- Orientación sobre documentos, empleo y formación.
- Derivación a programas de reintegración económica en los municipios.
- Atención especial a niñas, niños y adolescentes retornados.

En 2025, los centros atendieron a más de 38.000 personas. De ellas, 5.600 recibieron atención psicosocial individual y 1.200 participaron en grupos de apoyo en sus comunidades.

## Reintegración en las comunidades

La OIM (demo) trabaja con las municipalidades para que las personas retornadas puedan acceder a programas de empleo y emprendimiento. Los proyectos comunitarios, como la rehabilitación de espacios deportivos o la creación de huertos escolares, benefician tanto a retornados como a vecinos.

@layout heading
@lead Contactos de prensa
@c Karla Mejía Zelaya | en la | Oficina de la OIM en Honduras | Tel: +504 2220 11 83 | kmejia@iom.int | mailto
@c Diego Fernández Ruiz | , | OIM Panamá | Tel: +507 305 35 10; Cel: +507 6120 44 71 | dfernandez@iom.int | mailto
""",
    """
num: 44
lang: es
date: 2026-07-14T15:30:00
tags: Américas; Clima
title: Perú: comunidades andinas se adaptan al retroceso de los glaciares para evitar la migración forzada

Lima – Veinte comunidades andinas de las regiones de Áncash y Cusco participan en un programa de adaptación al cambio climático apoyado por la OIM (demo), que busca garantizar el acceso al agua y a medios de vida sostenibles frente al retroceso acelerado de los glaciares.

En las últimas décadas, los glaciares de la cordillera han perdido buena parte de su superficie. Para las comunidades que dependen del agua de deshielo para la agricultura y el ganado, la disminución del caudal de los ríos en la época seca amenaza su forma de vida, y muchas familias jóvenes migran a las ciudades.

«No queremos que nuestros hijos tengan que irse porque se acabó el agua. Queremos que puedan elegir quedarse», dijo Rosa Quispe Huamán, presidenta de una comunidad campesina de Áncash.

## Acciones del programa

1. Construcción de pequeños reservorios y recuperación de sistemas ancestrales de siembra y cosecha de agua.
2. Riego tecnificado para reducir el consumo de agua.
3. Diversificación de cultivos y mejora de pastos para el ganado.
4. Formación de jóvenes en turismo comunitario y manejo de recursos naturales.

El programa se diseñó con las comunidades, que eligieron las obras prioritarias y aportan mano de obra. Los gobiernos regionales participan en el financiamiento y se comprometen a mantener la infraestructura.

## Movilidad como adaptación

La OIM (demo) reconoce que la migración también puede ser una estrategia de adaptación. Por eso, el programa incluye apoyo a las familias con miembros que trabajan en las ciudades, para que las remesas se inviertan en proyectos productivos en la comunidad de origen.

@lead Para más información, por favor contacte a
@c Lucía Paredes Vargas | en la | Oficina de la OIM en Perú | Tel: +51 1 633 30 52 | lparedes@iom.int | cf
""",
]


if __name__ == "__main__":
    raise SystemExit(main())
