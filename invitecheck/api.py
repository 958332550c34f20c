"""invitecheck as a library: check one message, given as bytes, and get a result dict.

    from invitecheck.api import check_message
    result = check_message(open("invitation.eml", "rb").read(), name="invitation.eml")
    result["score"], [c["rule"] for c in result["checks"] if c["status"] == "fail"]

`check_message` is a pure function of its arguments: no files are read (the
bundled rules are loaded once and kept, unchanged), nothing is written, and the
same bytes always give the same result. That makes it safe to run anywhere, on
many machines at once: see "Archives too big for one machine" in the README.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from .engine import Settings, check_invitation, FileResult
from .loaders import LoadError, load_bytes
from .rules import Rule, bundled_rules


@lru_cache(maxsize=1)
def _bundled() -> tuple[Rule, ...]:
    return tuple(bundled_rules())


def check_message(data: bytes, name: str = "message", rules: list[Rule] | None = None,
                  sent: date | None = None, today: date | None = None) -> dict:
    """Check one message (an email, or a draft's text as bytes); the JSON result for it.

    `today` is the send date used when the message has none; pass it for results
    that do not change from day to day.
    """
    settings = Settings(sent=sent, sent_from_cli=sent is not None, today=today or date.today())
    try:
        doc = load_bytes(data, name, None, settings.limits)
    except LoadError as error:
        return FileResult(path=name, error=str(error)).to_dict()
    return check_invitation(doc, list(rules or _bundled()), settings).to_dict()
