"""Regenerates docs/screenshot.svg: the reader on the demo newsroom, a release open.

Run with `make screenshot`. The demo site is served on 127.0.0.1 and synced through the real
pipeline into a temporary data directory, exactly as `newsroom-tui --demo` does.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from newsroom_tui import paths
from newsroom_tui.app import build_app
from newsroom_tui.demo.server import SiteServer, demo_profile
from newsroom_tui.ingest.sync import sync_profile
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.storage.store import Store

TARGET = Path(__file__).with_name("screenshot.svg")
QUERY = "securite"


async def shoot(data: Path) -> str:
    with SiteServer(paths.demo_site_dir()) as server:
        profile = demo_profile(server.base_url)
        with Store.open(paths.database_path(data, profile.id)) as store:
            await sync_profile(profile, store)
        app = build_app(profile, data, demo=True)
        async with app.run_test(size=(140, 42)) as pilot:
            await pilot.pause()
            await pilot.press("slash", *QUERY, "enter")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause(0.5)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            return app.export_screenshot(title="newsroom-tui")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        svg = asyncio.run(shoot(Path(tmp)))
    TARGET.write_text(svg, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
