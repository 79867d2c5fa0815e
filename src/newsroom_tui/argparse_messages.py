"""argparse's own messages that a person can meet in the CLI, marked here so the catalogues hold
them: argparse looks them up through the standard gettext functions while
`i18n.argparse_speaking()` points those at the catalogues. A test checks that each is still
argparse's wording on the running Python (a changed message would stay English).
"""

from __future__ import annotations

from newsroom_tui.i18n import N_, ngettext

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"),
)
PLURAL_MESSAGES = (("expected %s argument", "expected %s arguments"),)


def _plural_marks() -> None:
    """Never called: marks the plural messages for extraction."""
    ngettext("expected %s argument", "expected %s arguments", 2)
