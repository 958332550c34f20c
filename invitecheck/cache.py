"""What one run works out that the next can read back instead: invitecheck's start-up cache.

Starting a check is mostly spent on invitecheck's own data, not on the
invitation: Python's regular-expression parser and compiler (written in Python)
read a few hundred patterns, and PyYAML reads the rules, the vocabulary and the
classifier. Each answer depends only on a pattern's or a file's text and on the
code that works it out, so a run keeps them in one file in the user's cache
folder, in five kinds of entry:

- ``words``: the words a pattern cannot match without (``prefilter.required_literals``);
- ``lead``: the test on the characters a match can begin with (``prefilter.lead``);
- ``opening``: a pattern rewritten so that re searches it fastest (``prefilter.searchable``);
- ``program``: one of invitecheck's own patterns compiled for ``re`` (``programs.compile``);
- ``yaml``: a YAML file's data with its line numbers, keyed by a hash of its text
  (``rules.load_yaml``; the rules, the vocabulary, the classifier, a configuration).

The file is named by a hash of the code that makes its entries (this file,
prefilter.py, programs.py and rules.py), of PyYAML's, and of invitecheck's and
Python's versions: a new release, a change to any of them or another Python
starts a new file. A changed rule, vocabulary or configuration is a new text,
so a new entry. The file is only a hint: one that cannot be read, is not what
invitecheck writes, or whose first line (a SHA-256 of the rest) does not match
(half written, or edited) is ignored, and each user checks the shape of the
entry it reads, falling back to working it out. It holds patterns and rule
data, never any text that was checked. It is written only when a run learnt
something new, in one step (a temporary file renamed over it), and a cache
folder that cannot be written to is left alone. The entries are kept as JSON
would keep them (lists, mappings with text keys, text, numbers) but written with
``marshal``, which reads them back several times faster than ``json`` (and,
unlike ``pickle``, never runs code as it reads); its format belongs to one
Python version, which is in the file's name.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
from importlib.util import find_spec
from pathlib import Path

UNKNOWN = object()  # recall()'s answer for something not seen before
KINDS = ("words", "lead", "opening", "program", "yaml")
MAX_ENTRIES = 20_000  # past this (after many edits to one's own rules), the file starts afresh
_MAKERS = ("cache.py", "prefilter.py", "programs.py", "rules.py")  # the code whose answers it keeps

_known: dict[str, dict] | None = None  # read from the file when first needed
_learnt: dict[str, dict] = {kind: {} for kind in KINDS}


def cache_folder() -> Path:
    """invitecheck's folder in the user's cache folder (XDG_CACHE_HOME on Linux)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "invitecheck"


def _pyyaml() -> bytes:
    """PyYAML's own __init__.py (which holds its version), found without importing it."""
    try:
        spec = find_spec("yaml")
        return Path(spec.origin).read_bytes() if spec and spec.origin else b""
    except (ImportError, OSError, ValueError):
        return b""


def cache_file() -> Path:
    from . import __version__

    here = Path(__file__).parent
    code = b"".join((here / name).read_bytes() for name in _MAKERS) + _pyyaml()
    key = hashlib.sha256(code + f"\0{__version__}\0{sys.version}".encode()).hexdigest()[:16]
    return cache_folder() / f"start-{key}.marshal"


def _read() -> dict[str, dict]:
    """The entries in the file, or none: line one is the SHA-256 of the rest."""
    try:
        data = cache_file().read_bytes()
        check, _, body = data.partition(b"\n")
        if check.decode("ascii") != hashlib.sha256(body).hexdigest():
            return {}
        stored = marshal.loads(body)
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(stored, dict):
        return {}
    return {kind: stored[kind] for kind in KINDS if isinstance(stored.get(kind), dict)}


def recall(kind: str, key: str):
    """What was remembered for this key, or UNKNOWN. The caller checks its shape."""
    global _known
    if _known is None:
        _known = _read()
    learnt = _learnt[kind]
    if key in learnt:
        return learnt[key]
    return _known.get(kind, {}).get(key, UNKNOWN)


def remember(kind: str, key: str, value) -> None:
    """Keep a plain JSON value (lists, mappings with text keys, text, numbers) for the next run."""
    _learnt[kind][key] = value


def save() -> None:
    """Write what this run learnt, with what was known before; quietly nothing when that fails."""
    global _known
    if not any(_learnt.values()):
        return
    known = _known or {}
    entries = {kind: {**known.get(kind, {}), **_learnt[kind]} for kind in KINDS}
    if sum(map(len, entries.values())) > MAX_ENTRIES:
        entries = {kind: dict(_learnt[kind]) for kind in KINDS}
    entries = json.loads(json.dumps(entries))  # as JSON keeps them: lists, not tuples; text keys
    body = marshal.dumps(entries)
    path = cache_file()
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass
        return
    _known = entries
    for learnt in _learnt.values():
        learnt.clear()
