"""A newsroom in three languages on a loopback server, with one user profile per language
(iom-fr, iom-en, iom-es, shadowing the built-ins) in the test's config directory.

The pages are the fixtures of tests/fixtures/versions, their absolute `https://www.iom.int`
addresses pointed at the server. Each language has a feed; the French one also lists a release
that links no other version.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from newsroom_tui import paths
from newsroom_tui.cli import main
from newsroom_tui.models import Release
from newsroom_tui.storage.store import Store
from sitekit import Site

FIXTURES = Path(__file__).parent / "fixtures" / "versions"
SLUGS = {
    "fr": "/fr/news/port-lune-30-000-personnes-relogees-apres-la-tempete-tropicale-ines",
    "en": "/news/port-lune-30000-people-rehoused-after-tropical-storm-ines",
    "es": "/es/news/port-lune-30-000-personas-realojadas-tras-la-tormenta-tropical-ines",
}
LONE = "/fr/news/une-note-sans-traduction"
PREFIX = {"fr": "/fr/", "en": "/", "es": "/es/"}
TITLES = {
    "fr": "Port-Lune : 30 000 personnes relogées après la tempête tropicale Inès",
    "en": "Port-Lune: 30,000 People Rehoused After Tropical Storm Ines",
    "es": "Port-Lune: 30.000 personas realojadas tras la tormenta tropical Inés",
}

PROFILE = """id = "iom-{lang}"
name = "Test newsroom ({lang})"
language = "{lang}"
base_url = "{base}{prefix}"
news_url = "{base}{prefix}news"

[fetch]
deadline = 10.0
retries = 0
connect_timeout = 2.0

[sources]
feeds = ["{base}{prefix}rss.xml"]
discover = false

[extract]
body = ["div.narrow-content div.field--type-text-with-summary"]
title = ["h1.page-title", "h1"]
title_suffixes = [" | Organisation internationale pour les migrations", " | International Organization for Migration", " | Organización Internacional para las Migraciones"]

[[menu]]
label = "News"
url = "{base}{prefix}news"
newsroom = true
"""


def feed(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        "<pubDate>Wed, 12 Feb 2025 08:00:00 GMT</pubDate></item>"
        for path, title in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{entries}</channel></rss>'


def page(lang: str, base: str) -> str:
    text = (FIXTURES / f"release-{lang}.html").read_text(encoding="utf-8")
    return text.replace("https://www.iom.int", base)


@dataclass
class Newsrooms:
    site: Site

    @property
    def base(self) -> str:
        return self.site.base

    def url(self, lang: str) -> str:
        return self.site.url(SLUGS[lang])

    def sync(self, lang: str) -> tuple[int, str, str]:
        return cli("sync", "--no-sections", "--profile", f"iom-{lang}")

    def touch_feed(self, lang: str) -> None:
        """The feed changes (a later build date), so the next sync reads its items again."""
        path = f"{PREFIX[lang]}rss.xml"
        body = self.site.resources[path].body.decode("utf-8")
        stamp = f"<lastBuildDate>{len(body)}</lastBuildDate>"
        self.site.put(path, body.replace("<title>News</title>", f"<title>News</title>{stamp}"))

    def database(self, lang: str) -> Path:
        return paths.database_path(paths.data_dir(), f"iom-{lang}")

    def release(self, lang: str, url: str | None = None) -> Release:
        with Store.open(self.database(lang)) as store:
            found = store.release_by_url(url or self.url(lang))
        assert found is not None, f"{url or self.url(lang)} is not in the iom-{lang} cache"
        return found


def serve_newsrooms(site: Site) -> Newsrooms:
    """Put the three newsrooms on `site` and their profiles in the config directory."""
    base = site.base
    for lang, slug in SLUGS.items():
        site.put(slug, page(lang, base))
        items = [(slug, TITLES[lang])]
        if lang == "fr":
            lone = (FIXTURES / "release-no-links.html").read_text(encoding="utf-8")
            site.put(LONE, lone)
            items.append((LONE, "Une note d'information sans traduction"))
        site.put(f"{PREFIX[lang]}rss.xml", feed(base, items), "application/rss+xml")
        folder = Path(os.environ[paths.CONFIG_ENV]) / "profiles"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"iom-{lang}.toml").write_text(
            PROFILE.format(lang=lang, base=base, prefix=PREFIX[lang]), encoding="utf-8"
        )
    return Newsrooms(site)


def cli(*argv: str) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()
