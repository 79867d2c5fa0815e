"""The demo newsroom's content, read from the data files in `content/` (one Markdown file per
press release in `content/releases/`, one per menu page in `content/sections/`; their format is
described in `content/README.md`), and the HTML each release's body and contacts become.

Everything in those files is fiction written for this project: the organisation "OIM (démo)", its
people, offices, phone numbers and events are invented.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsroom_tui.extraction.dates import format_date

CONTENT = Path(__file__).resolve().parent / "content"
"""The data files."""
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
    """A release from its file's text (header and body, see content/README.md)."""
    meta, rest = _header_and_body(source)
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
    sources = [_read(path) for path in sorted((CONTENT / "releases").glob("*.md"))]
    items = sorted(
        (parse_release(s) for s in sources), key=lambda r: (r.published, r.num), reverse=True
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


def sections() -> list[Section]:
    """The pages of the site's menu, in menu order (their files' order)."""
    out = []
    for path in sorted((CONTENT / "sections").glob("*.md")):
        meta, rest = _header_and_body(_read(path))
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


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _header_and_body(source: str) -> tuple[dict[str, str], str]:
    """The `key: value` lines between the opening `---` lines, and the text after them."""
    lines = source.split("\n")
    if lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        raise ValueError("a content file opens with a `---` header block")
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return meta, "\n".join(lines[end + 1 :]).strip()
