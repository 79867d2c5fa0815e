"""From a page's HTML to a release: body, Markdown, dates and press contacts."""
