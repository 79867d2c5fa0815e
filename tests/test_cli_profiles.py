"""`profiles show` and `profiles check` through the real console script, and profiles that leave
out every table with defaults ([sources] included: feeds are then discovered on news_url)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsroom_tui import paths
from newsroom_tui.profiles import load_profile
from sitekit import Site

SCRIPT = Path(sys.executable).parent / "newsroom-tui"

NEWS_PAGE = """<!doctype html><html lang="fr"><head><title>Actualités | Exemple</title>
<link rel="alternate" type="application/rss+xml" href="/flux.xml"></head>
<body><nav>menu</nav><main><h1>Actualités</h1></main></body></html>"""

RELEASE = """<!doctype html><html lang="fr"><head><title>{title} | Exemple</title>
<meta property="article:published_time" content="2025-03-0{n}T09:00:00Z"></head>
<body><nav><a href="/">Accueil</a></nav>
<article><h1 class="titre">{title}</h1><div class="corps"><p>Le texte du communiqué {n}.</p>
<p>Contact presse : Ana Exemple, ana@example.org</p></div>
<div class="partage">Partager</div></article></body></html>"""


def console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, check=False, timeout=120
    )


def feed(base: str) -> str:
    items = "".join(
        f"<item><title>Communiqué {n}</title><link>{base}/communiques/{n}</link>"
        f"<pubDate>Mon, 0{n} Mar 2025 09:00:00 GMT</pubDate></item>"
        for n in (1, 2)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )


def minimal(folder: Path, base: str) -> Path:
    path = folder / "exemple.toml"
    path.write_text(
        f'id = "exemple"\nname = "Exemple"\nlanguage = "fr"\nbase_url = "{base}"\n'
        'news_url = "actualites"\n',
        encoding="utf-8",
    )
    return path


def test_a_profile_without_sources_discovers_feeds_on_news_url(tmp_path: Path) -> None:
    with Site() as site:
        site.put("/actualites", NEWS_PAGE)
        site.put("/flux.xml", feed(site.base), "application/rss+xml")
        for n in (1, 2):
            site.put(f"/communiques/{n}", RELEASE.format(n=n, title=f"Communiqué {n}"))
        profile = minimal(tmp_path, site.base + "/")
        loaded = load_profile(str(profile))
        assert loaded.sources.discover and not loaded.sources.feeds
        assert loaded.sources.listing is None
        done = console("sync", "--profile", str(profile), "--data-dir", str(tmp_path / "d"))
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("2 new, 0 updated, 0 unchanged, 0 failed")
        assert site.count("/flux.xml") == 1
    assert paths.database_path(tmp_path / "d", "exemple").is_file()


def test_profiles_show_prints_the_toml_a_user_profile_can_start_from(tmp_path: Path) -> None:
    shown = console("profiles", "show", "iom-fr")
    assert shown.returncode == 0 and shown.stderr == ""
    builtin = paths.builtin_profiles_dir() / "iom-fr.toml"
    assert shown.stdout == builtin.read_text(encoding="utf-8")
    copy = tmp_path / "mine.toml"
    copy.write_text(shown.stdout.replace('id = "iom-fr"', 'id = "mine"'), encoding="utf-8")
    assert load_profile(str(copy)).id == "mine"
    unknown = console("profiles", "show", "nope")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr.startswith(
        "newsroom-tui: invalid profile: nope: unknown profile (known: "
    )


def test_profiles_check_runs_each_selector_on_a_page(tmp_path: Path) -> None:
    profile = tmp_path / "exemple.toml"
    profile.write_text(
        'id = "exemple"\nname = "Exemple"\nlanguage = "fr"\nbase_url = "https://example.org/"\n'
        "[extract]\n"
        'body = ["div.texte", "div.corps"]\ntitle = ["h1.titre"]\ndrop = ["div.partage", "nav"]\n'
        'title_suffixes = [" | Exemple"]\n',
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text(RELEASE.format(n=4, title="Un \x1b[31mtitre"), encoding="utf-8")
    done = console("profiles", "check", str(profile), "--page", str(page))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "profile 'exemple' (Exemple), language fr: valid"
    assert "feed discovery on: https://example.org/" in lines
    assert "extract.title[0] 'h1.titre': 1 match; the first is \"Un titre\"" in lines
    assert "extract.body[0] 'div.texte': no match" in lines
    assert any(
        line.startswith("extract.body[1] 'div.corps': 1 match; the first has ") for line in lines
    )
    assert "extract.drop[0] 'div.partage': no match" not in lines  # it is there (outside the body)
    assert any(line.startswith("extract.drop[1] 'nav': 1 match") for line in lines)
    extracted = next(line for line in lines if line.startswith("extracted: "))
    assert extracted.startswith('extracted: title "Un titre"; 2025-03-04; body ')
    assert extracted.endswith("from extract.body[1]; 1 contact(s)")
    assert "\x1b" not in done.stdout  # the page's escape is shown as text, never sent


def test_profiles_check_names_the_bad_key_and_exits_2(tmp_path: Path) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text(
        'id = "bad"\nname = "Bad"\nlanguage = "fr"\nbase_url = "https://example.org/"\n'
        '[extract]\nbody = ["div[unclosed"]\n',
        encoding="utf-8",
    )
    done = console("profiles", "check", str(profile))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"newsroom-tui: invalid profile: {profile}: extract.body[0]: ")
    assert done.stderr.count("\n") == 1
    missing = console("profiles", "check", "demo", "--page", str(tmp_path / "nowhere.html"))
    assert missing.returncode == 1
    assert missing.stderr.startswith("newsroom-tui: cannot read ")


def test_the_readme_profiles_are_valid_profiles() -> None:
    import re
    import tomllib

    from newsroom_tui.profiles import check_selectors, parse_profile

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, re.S)
    # the settings' examples (config.toml, watches.toml) say so on their first line
    blocks = [
        b
        for b in blocks
        if not b.startswith("# config.toml") and not b.startswith("# watches.toml")
    ]
    assert len(blocks) >= 2  # the minimal profile and the full reference
    for block in blocks:
        profile = parse_profile(tomllib.loads(block), "README.md")
        check_selectors(profile)
        assert profile.sources.discover
