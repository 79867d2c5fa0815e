"""newsroom-tui: a terminal reader for an organisation's newsroom."""

import warnings

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/newsroom-tui/newsroom-tui"

# BeautifulSoup warns about markup that looks like a URL or a file name and about XML parsed as
# HTML. Both are ordinary for text from the network, and a warning is printed on stderr, which is
# the reader's terminal (and the sync workers'), so they are silenced for every process that
# imports the package. Matched by message: importing bs4 here would slow every start.
warnings.filterwarnings("ignore", message=r"The input passed in on this line looks more like a")
warnings.filterwarnings("ignore", message=r"It looks like you're using an HTML parser to parse")
