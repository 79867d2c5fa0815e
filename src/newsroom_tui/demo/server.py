"""The demo newsroom served from a directory on 127.0.0.1 (the loopback core in `loopback`).

It behaves like a polite real site so the sync exercises its real code paths: HTTP/1.1 keep-alive,
Content-Length, a Content-Type with charset, a strong ETag (hash of the bytes) and Last-Modified,
304 answers to conditional requests, 404 for anything missing or outside the root. Listing pages
with a `page=N` query are stored as `<path>/page-N.html`; `/a/b` is served from `a/b`, `a/b.html`
or `a/b/index.html`. No Textual imports: this is core code.
"""

from __future__ import annotations

import argparse
import mimetypes
import os
import posixpath
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from newsroom_tui import paths
from newsroom_tui.demo.loopback import Exchange, LoopbackServer, Resource, http_date, strong_etag
from newsroom_tui.profiles import Profile, load_profile_file

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
}
"""Content types by suffix; others come from `mimetypes`."""
_REVALIDATE = {"Cache-Control": "no-cache"}


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One answered request, for tests that count what a sync asked for."""

    method: str
    path: str
    """The request target as sent (path and query)."""
    status: int


def _content_type(path: Path) -> str:
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


class StaticSite:
    """Maps request targets to files under one root, never outside it; caches by mtime."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._cache: dict[Path, tuple[float, Resource]] = {}
        self._lock = threading.Lock()

    def file_for(self, target: str) -> Path | None:
        """The file that answers `target` (path and query), or None."""
        parts = urlsplit(target)
        raw_path = unquote(parts.path)
        if "\x00" in raw_path or "\\" in raw_path or not raw_path.startswith("/"):
            return None
        segments = raw_path.split("/")
        if any(segment in ("..", ".") for segment in segments):
            return None
        clean = posixpath.normpath(raw_path).lstrip("/")
        base = self.root / clean if clean not in ("", ".") else self.root
        candidates: list[Path] = []
        if base.is_dir():
            page = parse_qs(parts.query).get("page", [None])[0]
            if page is not None:
                if not page.isdigit() or len(page) > 6:
                    return None
                candidates.append(base / f"page-{int(page)}.html")
            else:
                candidates += [base / "index.html", base / "page-0.html"]
        if not raw_path.endswith("/"):
            candidates += [base.with_name(base.name + ".html"), base]
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved.is_file() and resolved.is_relative_to(self.root):
                return resolved
        return None

    def lookup(self, target: str) -> Resource | None:
        path = self.file_for(target)
        if path is None:
            return None
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        with self._lock:
            cached = self._cache.get(path)
            if cached is not None and cached[0] == mtime:
                return cached[1]
        try:
            body = path.read_bytes()
        except OSError:
            return None
        resource = Resource(
            body, _content_type(path), strong_etag(body), http_date(mtime), headers=_REVALIDATE
        )
        with self._lock:
            self._cache[path] = (mtime, resource)
        return resource


class SiteServer:
    """Serve a directory on 127.0.0.1 on a free port (or the one given), in a daemon thread.

    >>> with SiteServer(paths.demo_site_dir()) as server:  # doctest: +SKIP
    ...     httpx.get(server.base_url + "fr/rss.xml")
    """

    def __init__(
        self, root: Path | str | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.root = Path(root) if root is not None else paths.demo_site_dir()
        if not self.root.is_dir():
            raise FileNotFoundError(f"no site directory at {self.root}")
        self.site = StaticSite(self.root)
        self._requests: list[RequestRecord] = []
        self._lock = threading.Lock()
        self._server = LoopbackServer(
            self._answer, observe=self._record, host=host, port=port, name="demo-site"
        )

    def _answer(self, exchange: Exchange) -> None:
        resource = self.site.lookup(exchange.target)
        if resource is None:
            exchange.send_body(404, b"Not found\n", "text/plain; charset=utf-8")
        else:
            exchange.serve(resource)

    def _record(self, exchange: Exchange, status: int) -> None:
        with self._lock:
            self._requests.append(RequestRecord(exchange.command or "", exchange.target, status))

    @property
    def running(self) -> bool:
        return self._server.running

    @property
    def port(self) -> int:
        return self._server.port

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:PORT/`, with the trailing slash relative profile URLs need."""
        return self._server.origin + "/"

    @property
    def requests(self) -> list[RequestRecord]:
        """A copy of the requests answered so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    def start(self) -> SiteServer:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


DEMO_PORT = 47151
"""The demo's usual port ($NEWSROOM_TUI_DEMO_PORT overrides it). Links in synced pages carry the
server's address, so serving the demo on the same port each time keeps a re-sync at "unchanged"
instead of "updated"."""
DEMO_PORT_ENV = "NEWSROOM_TUI_DEMO_PORT"


def demo_port() -> int:
    """The port the demo is served on when it is free."""
    value = os.environ.get(DEMO_PORT_ENV, "")
    return int(value) if value.isdigit() and 0 < int(value) < 65536 else DEMO_PORT


def start_demo_server(
    root: Path | str | None = None, preferred_port: int | None = None
) -> SiteServer:
    """Serve the demo newsroom on its usual port, or on a free one when that port is taken."""
    try:
        return SiteServer(root, port=preferred_port or demo_port()).start()
    except OSError:
        return SiteServer(root, port=0).start()


def demo_profile(base_url: str) -> Profile:
    """The built-in demo profile with its relative URLs resolved against `base_url`.

    Read from the package itself, so a user profile called "demo" cannot shadow it.
    """
    import dataclasses

    profile = load_profile_file(paths.builtin_profiles_dir() / "demo.toml")
    return dataclasses.replace(profile, origin="built-in").rebased(base_url)


def serve_forever_cli(argv: list[str] | None = None) -> int:
    """`python -m newsroom_tui.demo.server [--port N] [--root DIR]`: serve the demo by hand."""
    parser = argparse.ArgumentParser(
        prog="python -m newsroom_tui.demo.server", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)"
    )
    parser.add_argument(
        "--root", default=None, help="directory to serve (default: the demo newsroom)"
    )
    args = parser.parse_args(argv)
    try:
        server = SiteServer(args.root, port=args.port).start()
    except (OSError, FileNotFoundError) as exc:
        print(f"cannot serve: {exc}", file=sys.stderr)
        return 1
    print(
        f"Serving {server.root} at {server.base_url} (news: {server.base_url}fr/news); Ctrl-C stops."
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(serve_forever_cli())
