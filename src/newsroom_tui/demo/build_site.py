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
MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}
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
    month = MONTHS[lang][day.month - 1]
    if lang == "en":
        return f"{day.day} {month} {day.year}"
    if lang == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"


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
    """The contacts a perfect extractor finds on the release page (the demo's ground truth)."""
    if release.contacts is None:
        return []
    return [
        {
            "name": c.name,
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
