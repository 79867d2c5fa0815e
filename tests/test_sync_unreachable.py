"""A host that cannot be reached is tried once per sync: its later pages fail at once with the
same one line. The sync knows it from the error's type (HostUnreachable), never from the
message's wording, so rewording a message cannot turn the fail-fast off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsroom_tui.ingest import fetch
from newsroom_tui.ingest.fetch import Fetcher, FetchErrorKind, HostUnreachable
from newsroom_tui.ingest.sync import sync_profile
from newsroom_tui.profiles import load_profile_file
from newsroom_tui.storage.store import Store
from sitekit import Site, closed_port_url

ITEMS = 40
CONCURRENCY = 2


def profile_text(site: Site) -> str:
    return (
        f'id = "unreachable"\nname = "U"\nlanguage = "fr"\nbase_url = "{site.base}/"\n'
        f"[fetch]\nconcurrency = {CONCURRENCY}\nretries = 0\ndeadline = 10\n"
        '[sources]\nfeeds = ["/rss.xml"]\ndiscover = false\n'
    )


@pytest.mark.parametrize("reworded", [False, True], ids=["as-is", "reworded"])
async def test_an_unreachable_host_is_tried_once_whatever_its_message_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reworded: bool
) -> None:
    if reworded:
        original = fetch._connection_error

        def reword(exc: Any, settings: Any) -> fetch.FetchError:
            error = original(exc, settings)
            if isinstance(error, HostUnreachable):
                return HostUnreachable("personne ne répond à cette adresse")
            return error

        monkeypatch.setattr(fetch, "_connection_error", reword)
    attempts: list[str] = []
    real_one = Fetcher._one

    async def counted(self: Fetcher, url: str, *args: Any) -> Any:
        attempts.append(url)
        return await real_one(self, url, *args)

    monkeypatch.setattr(Fetcher, "_one", counted)
    dead = closed_port_url("")
    with Site() as site:
        items = "".join(
            f"<item><title>N{n}</title><link>{dead}/news/{n}</link><guid>g{n}</guid></item>"
            for n in range(ITEMS)
        )
        site.put(
            "/rss.xml",
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title>{items}'
            "</channel></rss>",
            "application/rss+xml",
        )
        toml = tmp_path / "p.toml"
        toml.write_text(profile_text(site), encoding="utf-8")
        with Store.open(tmp_path / "db.sqlite") as store:
            report = await sync_profile(load_profile_file(toml), store, sections=False)
    to_dead = [url for url in attempts if url.startswith(dead)]
    # Only the pages already in flight when the first refusal came back were sent (one per
    # concurrent worker at most); all the others failed without a request.
    assert 1 <= len(to_dead) <= 2 * CONCURRENCY, to_dead
    assert len(report.failed) == ITEMS
    reasons = {failure.reason for failure in report.failed}
    assert reasons == {"personne ne répond à cette adresse" if reworded else "connection refused"}


async def test_the_kind_of_a_refused_connection_is_typed() -> None:
    async with Fetcher() as fetcher:
        with pytest.raises(HostUnreachable) as info:
            await fetcher.get(closed_port_url("/x"), max_bytes=100)
    assert info.value.kind is FetchErrorKind.CONNECTION
