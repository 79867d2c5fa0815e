"""Process-wide settings, applied by one explicit call, `tune_process()`, from each entry point:
the CLI, the app factory and sync's worker processes. Importing a module of the package changes
nothing in the process (a test checks it).
"""

from __future__ import annotations

import warnings

from newsroom_tui.speedups.sniffio_entry import record_missing_sniffio


def tune_process() -> None:
    """Apply the settings; calling it again changes nothing.

    - BeautifulSoup warns about markup that looks like a URL or a file name and about XML parsed
      as HTML. Both are ordinary for text from the network, and a warning is printed on stderr,
      which is the reader's terminal (and the sync workers'): they are silenced. Matched by
      message: importing bs4 here would slow every start.
    - sniffio's absence is recorded for httpcore (a speed shortcut: `speedups.sniffio_entry`).

    The garbage collector is tuned by the reader itself, when its long-lived objects exist
    (`speedups.gc_tuning`).
    """
    # filterwarnings replaces an identical filter rather than adding a second one.
    warnings.filterwarnings("ignore", message=r"The input passed in on this line looks more like a")
    warnings.filterwarnings("ignore", message=r"It looks like you're using an HTML parser to parse")
    record_missing_sniffio()
