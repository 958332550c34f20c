"""Text from a message made safe to show on a terminal.

An email can carry terminal control codes in its Subject, From or body: codes that
clear the screen, set the window title, move the cursor (and so print a fake
"Score 100/100"), or make an OSC 8 link. Every reporter and the reply pass message
and rule text through :func:`printable` before it is shown. Newlines and tabs are
kept; every other C0 and C1 control character, and DEL, is removed. Bidirectional
overrides and isolates (which can make text read in a different order from the one
it is written in) are removed too.
"""

from __future__ import annotations

from . import cached_re as re  # re, compiling from the start-up cache

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters except tab (09) and newline (0a)
    "\u202a-\u202e\u2066-\u2069]"  # bidi embeddings, overrides and isolates
)


def printable(text: str) -> str:
    """TEXT without control characters (except newline and tab) or bidi overrides."""
    return _UNSAFE.sub("", text) if text else text


def rich_text(text: str, style: str = ""):
    """Message or rule text for rich: a Text, so never read as markup, with control codes removed.

    Given to rich as a plain string, a Subject of '[/]' would stop the report with a
    markup error, and '[link=…]' would become a clickable link.
    """
    from rich.text import Text

    return Text(printable(text), style=style)
