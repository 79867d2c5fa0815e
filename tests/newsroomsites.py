"""Small newsrooms served on 127.0.0.1 for the tests of several newsrooms, watches and OPML: a
feed and its release pages on a real loopback server (sitekit.Site), and a user profile for each
in the config directory (user profiles are always among the enabled newsrooms).

Invented organisations, people and addresses only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from newsroom_tui import paths
from sitekit import Site

START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Item:
    slug: str
    title: str
    body: str
    published: datetime


def page(item: Item) -> str:
    return (
        f"<html><head><title>{item.title}</title></head><body><h1>{item.title}</h1>"
        f'<time datetime="{item.published.isoformat()}"></time>'
        f"<article><p>{item.body}</p><p>For more information, please contact Lina Berg,"
        f" lberg@example.org</p></article></body></html>"
    )


def feed(site: Site, items: list[Item]) -> str:
    entries = "".join(
        f"<item><title>{i.title}</title><link>{site.url('/news/' + i.slug)}</link>"
        f"<guid>{site.url('/news/' + i.slug)}</guid>"
        f"<pubDate>{format_datetime(i.published, usegmt=True)}</pubDate></item>"
        for i in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>n</title>{entries}</channel></rss>'


class Newsroom:
    """One newsroom on its own loopback server, with a user profile named `profile_id`."""

    def __init__(self, site: Site, profile_id: str, name: str, language: str = "en") -> None:
        self.site = site
        self.id = profile_id
        self.name = name
        self.language = language
        self.items: list[Item] = []
        self.write_profile()
        self.publish()

    def write_profile(self) -> Path:
        folder = paths.user_profiles_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.id}.toml"
        path.write_text(
            f'id = "{self.id}"\nname = "{self.name}"\nlanguage = "{self.language}"\n'
            f'base_url = "{self.site.url("/")}"\n'
            '[sources]\nfeeds = ["rss.xml"]\ndiscover = false\n',
            encoding="utf-8",
        )
        return path

    def add(self, title: str, body: str = "", *, days: int | None = None) -> Item:
        number = len(self.items)
        when = START + timedelta(days=number if days is None else days, hours=len(self.id))
        item = Item(f"{self.id}-{number}", title, body or f"{title}. Text of the release.", when)
        self.items.append(item)
        self.site.put(f"/news/{item.slug}", page(item))
        return item

    def publish(self) -> None:
        self.site.put("/rss.xml", feed(self.site, self.items), "application/rss+xml")
