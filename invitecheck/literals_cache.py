"""The words each pattern needs, remembered from one run to the next.

Working out which words a pattern cannot match without
(``prefilter.required_literals``) means parsing it with Python's own parser,
and a check asks that of a few hundred patterns: about a tenth of the CPU a
one-file check takes. The answer depends only on the pattern's text and on the
code that works it out, so invitecheck keeps the answers in the user's cache
folder, in a file whose name is a hash of that code, invitecheck's version and
Python's version (a new release or a change to prefilter.py starts a new file).

The file is a hint, never trusted blindly: a file that cannot be read, is not
what invitecheck writes, or whose own hash does not match its entries (half
written, or edited) is ignored, and so is any entry that is not a list of
words. It holds patterns, which are rule data, and never any text that was
checked. It is written only when a run learnt something new, in one step
(a temporary file renamed over it), and a cache folder that cannot be written
to is left alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

UNKNOWN = object()  # recall()'s answer for a pattern not seen before

_known: dict[str, list[str] | None] | None = None  # read from the file when first needed
_learnt: dict[str, list[str] | None] = {}


def cache_folder() -> Path:
    """invitecheck's folder in the user's cache folder (XDG_CACHE_HOME on Linux)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "invitecheck"


def cache_file() -> Path:
    from . import __version__, prefilter

    code = Path(prefilter.__file__).read_bytes()
    key = hashlib.sha256(code + f"\0{__version__}\0{sys.version}".encode()).hexdigest()[:16]
    return cache_folder() / f"pattern-words-{key}.json"


def _digest(entries: dict) -> str:
    return hashlib.sha256(json.dumps(entries, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


def _read() -> dict[str, list[str] | None]:
    try:
        stored = json.loads(cache_file().read_text(encoding="utf-8"))
        entries = stored["entries"]
        if not isinstance(entries, dict) or stored.get("check") != _digest(entries):
            return {}
    except (OSError, ValueError, TypeError, KeyError):
        return {}
    return {
        source: words for source, words in entries.items()
        if words is None or (isinstance(words, list) and words and all(isinstance(w, str) and w for w in words))
    }


def recall(source: str):
    """The words remembered for this pattern (a list, or None for 'cannot say'), or UNKNOWN."""
    global _known
    if _known is None:
        _known = _read()
    if source in _learnt:
        return _learnt[source]
    return _known.get(source, UNKNOWN)


def remember(source: str, words) -> None:
    _learnt[source] = None if words is None else sorted(words)


def remember_list(key: str, words: list[str] | None) -> None:
    """Remember words in the order given (a prefilter requirement, whose order is its meaning)."""
    _learnt[key] = None if words is None else list(words)


def save() -> None:
    """Write what this run learnt, with what was known before; quietly nothing when that fails."""
    global _known
    if not _learnt:
        return
    entries = {**(_known or {}), **_learnt}
    path = cache_file()
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps({"entries": entries, "check": _digest(entries)}), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass
        return
    _known = entries
    _learnt.clear()
