"""Helpers for the UI tests: a temporary data directory filled through the real store, the one
way to wait for the app (`settle`), and every notification the app showed (`notifications`).

Releases are plain `Release` objects with fixed dates, written with `Store.apply_batch`, so the
app under test reads exactly what a sync would have written; snapshots stay deterministic.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from textual.app import App
from textual.content import Content
from textual.notifications import Notification
from textual.widgets import Static
from textual.worker import WorkerCancelled, WorkerState

from newsroom_tui import browser, paths
from newsroom_tui.app import NewsroomApp, build_app
from newsroom_tui.models import Contact, Release, SectionPage
from newsroom_tui.profiles import Profile, load_profile
from newsroom_tui.storage.store import Store

if TYPE_CHECKING:
    import pytest
    from textual.notifications import SeverityLevel
    from textual.pilot import Pilot

BASE = "https://www.iom.int/fr/"
HOSTILE_TITLES = ["[b]x[/b]", "[/b] Breaking", "[@click=app.quit]Read[/]"]


def profile() -> Profile:
    return load_profile("iom-fr")


def release(
    number: int,
    title: str,
    *,
    published: datetime | None = None,
    section: str = "Communiqués",
    tags: tuple[str, ...] = (),
    markdown: str = "",
    contacts: tuple[Contact, ...] = (),
) -> Release:
    when = published or datetime(2024, 6, 1, 9, 0, tzinfo=UTC) - timedelta(days=number)
    body = markdown or f"# {title}\n\nParagraphe {number} du communiqué.\n"
    return Release(
        id=f"r{number:06d}",
        url=f"{BASE}news/release-{number}",
        title=title,
        published=when,
        language="fr",
        section=section,
        tags=list(tags),
        summary=f"Résumé {number}",
        markdown=body,
        text=body,
        contacts=list(contacts),
    )


SAMPLE_MARKDOWN = """# Sécurité des migrants

L'OIM renforce la **sécurité** des migrants en Méditerranée.

## Contexte

Voir [le rapport](https://www.iom.int/fr/rapport) et [un piège](javascript:alert(1)).

## Contacts

Pour plus d'informations : <https://www.iom.int/fr/contact>
"""


def sample_releases() -> list[Release]:
    contact = Contact("Jeanne Dupont", "OIM Genève", ["+41 22 717 9111"], ["jdupont@iom.int"])
    items = [
        release(
            1,
            "Sécurité des migrants en Méditerranée",
            tags=("Europe",),
            markdown=SAMPLE_MARKDOWN,
            contacts=(contact,),
        ),
        release(2, "L'OIM salue un accord régional", tags=("Afrique",)),
        release(3, "Rapport mondial sur les migrations 2024", section="Données", tags=("Monde",)),
        release(
            4,
            "Aide d'urgence après les inondations",
            published=datetime(2023, 11, 20, 8, 0, tzinfo=UTC),
            tags=("Asie",),
        ),
        release(
            5,
            "Journée internationale des migrants",
            published=datetime(2023, 12, 18, 8, 0, tzinfo=UTC),
        ),
    ]
    for offset, title in enumerate(HOSTILE_TITLES):
        items.append(release(10 + offset, title))
    return items


def sample_sections(prof: Profile) -> list[SectionPage]:
    node = next(n for n in prof.menu_nodes() if n.label == "Qui sommes-nous")
    return [
        SectionPage(
            key=node.key,
            url=node.url or BASE,
            title="Qui sommes-nous",
            markdown="# Qui sommes-nous\n\nCréée en 1951, l'OIM fait partie du système des Nations Unies.\n",
            fetched_at=datetime(2024, 6, 1, 10, 0, tzinfo=UTC),
        )
    ]


def fill(
    data_dir: Path,
    prof: Profile,
    releases: list[Release],
    sections: list[SectionPage] | None = None,
    *,
    last_sync: str | None = "2024-06-01T10:30:00",
) -> Path:
    """Write releases and section pages into the profile's database under `data_dir`."""
    db = paths.database_path(data_dir, prof.id)
    store = Store.open(db)
    try:
        store.apply_batch(releases, sections or [])
        if last_sync:
            store.set_meta("last_sync", last_sync)
    finally:
        store.close()
    return db


def sample_app(data_dir: Path, **kwargs: Any) -> NewsroomApp:
    """The reader over the sample newsroom (releases, a cached section page, a last sync time)."""
    prof = profile()
    fill(data_dir, prof, sample_releases(), sample_sections(prof))
    return build_app(prof, data_dir, **kwargs)


def open_store(data_dir: Path) -> Store:
    return Store.open(paths.database_path(data_dir, profile().id))


SETTLE_ROUNDS = 50
"""Rounds of waiting `settle` allows: each round's messages may start more workers."""


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the app is quiet: the messages queued so far handled, no worker pending or
    running (a handler may start another one: waited for too; one cancelled meanwhile, by an
    exclusive worker that replaced it, is over too)."""
    app = pilot.app
    for _ in range(SETTLE_ROUNDS):
        await pilot.pause()
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        busy = [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        if not busy:
            return
    raise AssertionError(f"the app never settled: {[w.name for w in busy]}")


_NOTICES: WeakKeyDictionary[App[Any], list[Notification]] = WeakKeyDictionary()


def record_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every notification any app shows (Textual drops them from view when they time out,
    which a slow machine reaches before a test looks)."""
    shown = App.notify

    def notify(
        self: App[Any],
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        kept = Notification(message, title, severity, timeout or 0, markup=markup)
        _NOTICES.setdefault(self, []).append(kept)
        shown(self, message, title=title, severity=severity, timeout=timeout, markup=markup)

    monkeypatch.setattr(App, "notify", notify)


def shown_text(widget: Static) -> str:
    """The text a Static shows (its content as plain text)."""
    visual = widget.visual
    assert isinstance(visual, Content), visual
    return visual.plain


def notices(app: App[Any]) -> list[Notification]:
    """The notifications `app` has shown so far, oldest first."""
    return list(_NOTICES.get(app, []))


def notifications(app: App[Any]) -> list[str]:
    """The messages `app` has notified so far, oldest first."""
    return [str(notice.message) for notice in notices(app)]


async def search_settled(app: NewsroomApp, pilot: Pilot[None]) -> None:
    """Wait (bounded) until typed search text has been searched and the list refreshed."""
    from newsroom_tui.widgets.search_bar import SearchBar

    search = app.screen.query_one(SearchBar)
    for _ in range(250):
        if not search.pending:
            break
        await pilot.pause(0.02)
    assert not search.pending, "the search never ran"
    await app.workers.wait_for_complete()
    await pilot.pause()


def record_browser_opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the browser with a recorder that keeps the allowlist: refused URLs get the same
    one-line message, accepted ones are appended to the returned list instead of opened."""
    opened: list[str] = []

    def fake_open(url: str, opener: object = None) -> str | None:
        if browser.safe_url(url) is None:
            return f"Refused to open: {browser.refusal_reason(url)}"
        opened.append(url)
        return None

    monkeypatch.setattr(browser, "open_in_browser", fake_open)
    return opened


async def typed_at_once(app: NewsroomApp, pilot: Pilot[None], data: str) -> None:
    """Send `data` as a terminal would in one read (a burst of keys, a bracketed paste): parsed
    by Textual's own input parser and posted to the app together, with no wait in between; then
    wait (bounded) until every key has been handled."""
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    for event in list(parser.feed(data)):
        app.post_message(event)
    for _ in range(500):
        await pilot.pause()
        if not app.input_pending:
            break
    assert not app.input_pending, "the keys were never all handled"
    await app.workers.wait_for_complete()
    await pilot.pause()
