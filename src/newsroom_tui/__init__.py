"""newsroom-tui: a terminal reader for an organisation's newsroom."""

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/newsroom-tui/newsroom-tui"
