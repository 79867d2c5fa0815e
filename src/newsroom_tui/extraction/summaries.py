"""A release's fields made from its feed summary (a headlines sync stores thousands of them).

`markdown_text.quick_summary` first, which needs no HTML parser; the full converter
(`markdown.summary_to_markdown`: lxml, BeautifulSoup, markdownify) only for a summary it
declines, imported then. Kept apart from both converters so that neither needs the other back.
"""

from __future__ import annotations

from newsroom_tui.extraction.markdown_text import quick_summary
from newsroom_tui.sanitise import clean_line

SummaryFields = tuple[str, str, str]
"""A release's (summary line, Markdown, text) made from its feed summary."""


def summary_fields(summary_html: str, base_url: str) -> SummaryFields:
    """What a release stored from its feed summary holds: the summary line, the Markdown and
    the text (all empty without a summary). `quick_summary` first; the parsers only for a
    summary it declines."""
    if not summary_html:
        return ("", "", "")
    summary = quick_summary(summary_html, base_url)
    if summary is None:  # markup beyond one paragraph of links and emphasis: the parsers
        from newsroom_tui.extraction.markdown import summary_to_markdown

        summary = summary_to_markdown(summary_html, base_url)
    return (clean_line(summary.text, limit=2000), summary.markdown, summary.text)
