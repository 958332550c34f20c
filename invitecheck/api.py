"""invitecheck as a library: check one message and get the record the JSON output gives.

    from pathlib import Path
    from invitecheck.api import check_message

    result = check_message(Path("examples/champion.eml"))   # a file
    result = check_message(raw_bytes, name="invitation.eml")  # an email or draft, as bytes
    result = check_message("Dear Sam, ...")                   # a draft's text

    result["score"], [c["rule"] for c in result["checks"] if c["status"] == "fail"]
    result["reader"]["asks"]    # what the person who received it could ask for
    result["reader"]["reply"]   # the reply `invitecheck reply` would write, or None

A `str` is always the text of an invitation, never a file name: pass a
`pathlib.Path` for a file. For text and bytes `check_message` is a pure function
of its arguments: no files are read (the bundled rules are loaded once and
kept, unchanged), nothing is written, and the same input always gives the same
result. That makes it safe to run anywhere, on many machines at once: see
"Archives too big for one machine" in the README.
"""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache

from .engine import FileResult, Settings, check_invitation, check_path
from .loaders import LoadError, load_bytes
from .rules import Rule, load_rules


@lru_cache(maxsize=1)
def _bundled() -> tuple[Rule, ...]:
    return tuple(load_rules())  # in the command line's order: heaviest first


def check_message(message: str | bytes | os.PathLike, name: str | None = None, rules: list[Rule] | None = None,
                  sent: date | None = None, today: date | None = None) -> dict:
    """Check one invitation: the JSON result for it, with a "reader" part added.

    `message` is the invitation's text (str), its bytes (an email, a draft, a
    Word file), or a path (`pathlib.Path`) to read, of any kind `invitecheck
    check` reads. `name` is the path shown in the result (the file's own for a
    path). `today` is the send date used when the message has none; pass it for
    results that do not change from day to day. A message that cannot be read
    gives {"path": …, "error": "one sentence"}, never an exception.
    """
    from .reply import reader_values

    if not isinstance(message, (str, bytes, bytearray, os.PathLike)):
        raise TypeError(f"check_message takes text (str), bytes or a path (pathlib.Path), not {type(message).__name__}")
    chosen = list(rules or _bundled())
    settings = Settings(sent=sent, sent_from_cli=sent is not None, today=today or date.today())
    if isinstance(message, os.PathLike):
        result = check_path(os.fspath(message), chosen, settings)
        if name is not None:
            result.path = name
    else:
        data = message.encode("utf-8") if isinstance(message, str) else bytes(message)
        label = name or "message"
        try:
            result = check_invitation(load_bytes(data, label, None, settings.limits), chosen, settings)
        except LoadError as error:
            result = FileResult(path=label, error=str(error))
    record = result.to_dict()
    if result.error is None:
        record["reader"] = reader_values(result, chosen)
    return record
