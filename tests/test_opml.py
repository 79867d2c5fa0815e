"""OPML import and export: a user profile per feed outline (never overwriting one), hostile OPML
refused in one line, and a round trip through export and import that syncs from loopback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.cli import main
from newsroom_tui.opml import MAX_OPML_BYTES, OpmlError, read_opml
from newsroom_tui.profiles import load_profile
from newsroomsites import Newsroom
from sitekit import Site


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="Agencies">
    <outline type="rss" text="Norland Water Board" xmlUrl="https://water.example.org/feed.xml"
             htmlUrl="https://water.example.org/news" language="fr"/>
    <outline type="rss" title="Harbour Office" text="ignored" xmlUrl="https://harbour.example.net/rss"/>
  </outline>
  <outline type="rss" text="Trap" xmlUrl="javascript:alert(1)"/>
  <outline type="rss" text="IOM FR" xmlUrl="https://other.example.org/rss"/>
  <outline type="rss" text="Spacey" xmlUrl="https://bad host.example.org/rss"/>
</body></opml>
"""


def write(tmp_path: Path, text: str | bytes, name: str = "feeds.opml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_import_makes_a_profile_per_feed_and_overwrites_none(tmp_path: Path) -> None:
    code, out, err = run("profiles", "import-opml", str(write(tmp_path, OPML)))
    assert code == 0, err
    assert "2 profiles created, 3 left out" in out
    water = load_profile("norland-water-board")
    assert water.name == "Norland Water Board"
    assert water.language == "fr"
    assert water.sources.feeds == ("https://water.example.org/feed.xml",)
    assert water.base_url == "https://water.example.org/news"
    harbour = load_profile("harbour-office")
    assert harbour.base_url == "https://harbour.example.net/"
    assert harbour.language == "en"
    lines = err.splitlines()
    assert any("Trap: feed refused: not an http(s) link" in line for line in lines)
    assert any("a profile 'iom-fr' exists already: not overwritten" in line for line in lines)
    assert any("Spacey: feed refused" in line for line in lines)
    assert not (paths.user_profiles_dir() / "iom-fr.toml").exists()
    # again: everything exists now, nothing is rewritten
    before = (paths.user_profiles_dir() / "harbour-office.toml").read_text(encoding="utf-8")
    code, out, err = run("profiles", "import-opml", str(write(tmp_path, OPML)))
    assert code == 1
    assert "0 profiles created" in out
    assert "'harbour-office' exists already" in err
    after = (paths.user_profiles_dir() / "harbour-office.toml").read_text(encoding="utf-8")
    assert after == before


@pytest.mark.parametrize(
    ("document", "words"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2'
            ' "&lol;&lol;&lol;">]><opml><body><outline text="&lol2;" xmlUrl="https://a.example/"/>'
            "</body></opml>",
            "declares a DOCTYPE or entities",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><opml/>',
            "declares a DOCTYPE",
        ),
        ("<opml><body><outline", "not well-formed XML"),
        ('<?xml version="1.0"?><rss/>', "not OPML"),
        ("<opml>" + "<outline/>" * 2001 + "</opml>", "more than 2,000 outlines"),
    ],
)
def test_hostile_opml_is_one_line(tmp_path: Path, document: str, words: str) -> None:
    code, _, err = run("profiles", "import-opml", str(write(tmp_path, document)))
    assert code == 2
    (line,) = err.splitlines()
    assert words in line
    assert not paths.user_profiles_dir().exists() or not list(paths.user_profiles_dir().iterdir())


def test_a_huge_file_is_refused_unread() -> None:
    with pytest.raises(OpmlError, match="larger than"):
        read_opml(b" " * (MAX_OPML_BYTES + 1))


def test_export_then_import_round_trips_and_syncs(tmp_path: Path) -> None:
    config = paths.config_dir() / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("newsrooms = []\n", encoding="utf-8")
    with Site() as site:
        alpha = Newsroom(site, "alpha", "Alpha & Co <News>")
        alpha.add("A release from the round trip")
        alpha.publish()
        target = tmp_path / "out.opml"
        code, _, err = run("profiles", "export-opml", str(target))
        assert code == 0, err
        feeds, problems = read_opml(target.read_bytes())
        assert problems == []
        assert [(f.title, f.url) for f in feeds] == [("Alpha & Co <News>", site.url("/rss.xml"))]
        # a fresh config directory: import what was exported, then sync it from loopback
        (paths.user_profiles_dir() / "alpha.toml").unlink()
        code, out, err = run("profiles", "import-opml", str(target))
        assert code == 0, err
        assert out.startswith("alpha-co-news ")
        code, out, err = run(
            "sync", "--profile", "alpha-co-news", "--data-dir", str(tmp_path / "data")
        )
        assert code == 0, err
        assert out.startswith("1 new")


def test_export_leaves_out_listing_only_newsrooms_with_a_line() -> None:
    config = paths.config_dir() / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('newsrooms = ["demo"]\n', encoding="utf-8")
    folder = paths.user_profiles_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cards.toml").write_text(
        'id = "cards"\nname = "Cards only"\nlanguage = "en"\nbase_url = "https://c.example.org/"\n'
        '[sources]\ndiscover = false\n[sources.listing]\nurl = "news?page={page}"\n',
        encoding="utf-8",
    )
    code, out, err = run("profiles", "export-opml")
    assert code == 0
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    feeds, _ = read_opml(out.encode())
    demo = load_profile("demo")
    assert [(f.title, f.url) for f in feeds] == [(demo.name, demo.resolve("fr/rss.xml"))]
    assert "newsroom-tui: cards: no feed (it reads an HTML listing): left out" in err
