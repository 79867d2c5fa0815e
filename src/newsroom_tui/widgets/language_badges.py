"""LanguageBadges: the languages a release exists in, under the article's title ("fr en es").

The language shown is highlighted; a version in a cache (this newsroom's or another's) is plain;
one the page links but no cache holds yet is dim (`L` fetches it when online). Hidden when the
page links no other version: none are guessed.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from newsroom_tui.i18n import _
from newsroom_tui.versions.languages import LanguageVersion

SHOWN = "bold reverse"
CACHED = "$text-primary"
LINKED = "$foreground-muted italic"


def badges(versions: list[LanguageVersion], newsroom: str = "") -> Content:
    """The badges as styled text (language tags are checked when read: letters, digits, -);
    `newsroom` names the other newsroom whose cache the release shown comes from."""
    parts: list[Content] = []
    for version in versions:
        style = SHOWN if version.current else CACHED if version.cached else LINKED
        parts.append(Content(f" {version.language} ").stylize(style))
    hint = "  " + _("L: next language")
    if newsroom:
        hint = "  " + _("from the {newsroom} cache").format(newsroom=newsroom) + " ·" + hint
    return Content(" ").join(parts) + Content.styled(hint, "$foreground-muted")


class LanguageBadges(Static):
    """The release's language versions as badges (see the module docstring)."""

    DEFAULT_CLASSES = "-empty"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.versions: list[LanguageVersion] = []
        self.newsroom = ""

    def show_versions(self, versions: list[LanguageVersion], newsroom: str = "") -> None:
        self.versions = list(versions)
        self.newsroom = newsroom
        self.set_class(not versions and not newsroom, "-empty")
        if versions:
            self.update(badges(versions, newsroom))
        elif newsroom:
            cache = _("from the {newsroom} cache").format(newsroom=newsroom)
            self.update(Content.styled(cache, "$foreground-muted"))
        else:
            self.update("")
