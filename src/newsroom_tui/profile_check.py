"""`profiles check`: what each of a profile's selectors finds on one page, then what the real
extraction (and, when the profile has one, the listing reader) makes of that page.

Selectors are run one by one (a profile lists several per field, the first that matches wins),
so a profile's author sees which one is used and which never match: the extract ones through the
selector engine extraction uses (extraction/selectors), the listing ones on the card tree the
listing reader walks. The lines are plain text for a terminal: every value from the page goes
through `clean_line`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from newsroom_tui.extraction.extract import decode_html, extract_page
from newsroom_tui.extraction.selectors import PageSelector, element_text, element_value
from newsroom_tui.ingest.listing import parse_listing
from newsroom_tui.profiles import Profile
from newsroom_tui.sanitise import clean_line

SHOWN = 70
"""Characters of a found value shown."""


@dataclass(frozen=True, slots=True)
class SelectorFinding:
    """What one selector found on the page."""

    key: str
    """The profile key, e.g. `extract.body[1]` or `sources.listing.title`."""
    selector: str
    matches: int
    found: str
    """A short description of the first match ('' when nothing matched)."""
    cards: int | None = None
    """For a selector run inside each listing card: how many cards there were."""

    def line(self) -> str:
        where = f"{self.key} {self.selector!r}: "
        if not self.matches:
            return where + ("no match" if self.cards is None else "in no card")
        if self.cards is not None:
            count = f"in {self.matches} of {self.cards} cards"
        else:
            count = "1 match" if self.matches == 1 else f"{self.matches} matches"
        return where + count + (f"; {self.found}" if self.found else "")


def _short(text: str) -> str:
    line = clean_line(" ".join(text.split()), limit=SHOWN + 1)
    return f'"{line[:SHOWN]}…"' if len(line) > SHOWN else f'"{line}"'


def _select(root: Tag, selector: str) -> list[Tag]:
    return [el for el in root.select(selector) if isinstance(el, Tag)]


def _extract_findings(page: PageSelector, profile: Profile) -> Iterator[SelectorFinding]:
    settings = profile.extract
    for name in ("title", "date"):
        for index, selector in enumerate(getattr(settings, name)):
            found = page.select(selector, limit=None)
            shown = f"the first is {_short(element_value(found[0]))}" if found else ""
            yield SelectorFinding(f"extract.{name}[{index}]", selector, len(found), shown)
    for index, selector in enumerate(settings.body):
        found = page.select(selector, limit=None)
        text = " ".join(element_text(found[0]).split()) if found else ""
        shown = f"the first has {len(text):,} characters of text" if found else ""
        yield SelectorFinding(f"extract.body[{index}]", selector, len(found), shown)
    for index, selector in enumerate(settings.drop):
        found = page.select(selector, limit=None)
        shown = "removed where it is inside the body" if found else ""
        yield SelectorFinding(f"extract.drop[{index}]", selector, len(found), shown)


def _listing_findings(soup: BeautifulSoup, profile: Profile) -> Iterator[SelectorFinding]:
    listing = profile.sources.listing
    if listing is None:
        return
    matches = _select(soup, listing.item)
    cards = [
        m.parent if listing.card_is_parent and isinstance(m.parent, Tag) else m for m in matches
    ]
    what = "each one's parent is a card" if listing.card_is_parent else "each one is a card"
    yield SelectorFinding(
        "sources.listing.item", listing.item, len(matches), what if matches else ""
    )
    if not matches:
        return  # not a listing page: the card selectors have nothing to look in
    for name in ("link", "title", "date", "tag"):
        selector = getattr(listing, name)
        if not selector:
            continue
        hits = [found for card in cards if (found := card.select_one(selector)) is not None]
        shown = ""
        if hits:
            first = hits[0]
            value = first.get("href") if name == "link" else element_value(first)
            shown = f"the first is {_short(str(value or ''))}"
        yield SelectorFinding(f"sources.listing.{name}", selector, len(hits), shown, len(cards))


def check_page(profile: Profile, data: bytes, url: str, charset: str | None = None) -> list[str]:
    """The report's lines for one page: each selector's finding, then the extraction's result
    (and the listing's, when the profile has a listing)."""
    text = decode_html(data, charset)
    soup = BeautifulSoup(text, "lxml")
    lines = [f"page: {clean_line(url, limit=300)} ({len(data):,} bytes)"]
    title_tag = soup.find("title")
    if isinstance(title_tag, Tag):
        raw = " ".join(title_tag.get_text().split())
        suffix = next((s for s in profile.extract.title_suffixes if raw.endswith(s.strip())), None)
        lines.append(
            f"<title>: {_short(raw)}" + (f"; title_suffixes removes {suffix!r}" if suffix else "")
        )
    selectors = PageSelector(text, [])
    lines += [finding.line() for finding in _extract_findings(selectors, profile)]
    page = extract_page(data, url, profile.extract, language=profile.language, encoding=charset)
    day = page.published.date().isoformat() if page.published else "no date"
    used = next(
        (
            f"extract.body[{i}]"
            for i, selector in enumerate(profile.extract.body)
            if selectors.select(selector)
        ),
        "the heuristic (no extract.body selector matched)",
    )
    lines.append(
        f"extracted: title {_short(page.title)}; {day}; body {len(page.text):,} characters"
        f" from {used}; {len(page.contacts)} contact(s)"
    )
    lines += [f"note: {clean_line(note, limit=300)}" for note in page.notes]
    listing = profile.sources.listing
    if listing is not None:
        lines += [finding.line() for finding in _listing_findings(soup, profile)]
        items = parse_listing(data, url, listing, encoding=charset)
        if items:
            first = items[0]
            when = first.published.date().isoformat() if first.published else "no date"
            lines.append(
                f"listed: {len(items)} release(s); first: {_short(first.title)}, {when},"
                f" {clean_line(first.url, limit=300)}"
            )
        else:
            lines.append("listed: no release (sources.listing finds no card with a link here)")
    return lines


def describe(profile: Profile) -> list[str]:
    """What the profile is and where it looks for releases, in a few lines."""
    sources = profile.sources
    lines = [
        f"profile {clean_line(profile.id)!r} ({clean_line(profile.name)}), language"
        f" {clean_line(profile.language)}: valid",
        f"base_url: {clean_line(profile.base_url)}",
    ]
    if sources.feeds:
        lines.append("feeds: " + ", ".join(clean_line(profile.resolve(f)) for f in sources.feeds))
    if sources.probe_feeds:
        lines.append(
            "probe_feeds: " + ", ".join(clean_line(profile.resolve(f)) for f in sources.probe_feeds)
        )
    if sources.discover:
        lines.append(f"feed discovery on: {clean_line(profile.resolve(profile.news_url))}")
    if sources.listing is not None:
        lines.append(f"listing: {clean_line(profile.resolve(sources.listing.url))}")
    menu = sum(1 for _ in profile.menu_nodes())
    lines.append(f"menu: {menu} entr{'y' if menu == 1 else 'ies'}")
    return lines
