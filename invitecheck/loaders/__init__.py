"""Input formats. Each loader turns bytes into an :class:`~invitecheck.document.Invitation`.

``load_path`` picks the loader by suffix, or by sniffing when the file has no
known suffix: RFC 822 headers at the top mean email, anything else is text.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

MAX_FILE_BYTES = 25 * 1024 * 1024
SUFFIXES = {".eml": "email", ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".text": "text"}
FOLDER_SUFFIXES = (".eml", ".txt", ".md")


class LoadError(Exception):
    """A file that cannot be checked. The message is one plain sentence naming the file."""


# Header names a draft may use; anything else at the top means a real email.
_DRAFT_HEADERS = {"subject", "from", "date", "sent", "to", "cc", "attachment", "attachments"}
_HEADER_LINE = re.compile(rb"^([!-9;-~]+):[ \t]?")


def looks_like_email(data: bytes) -> bool:
    head = data[:8192].lstrip(b"\r\n\xef\xbb\xbf")
    if head.startswith(b"From "):  # an mbox separator
        return True
    names = []
    for line in head.splitlines()[:40]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue  # a folded header continues
        match = _HEADER_LINE.match(line)
        if not match:
            return False
        names.append(match.group(1).decode("ascii", "replace").lower())
    return bool(names) and any(name not in _DRAFT_HEADERS for name in names)


def load_bytes(data: bytes, path: str, kind: str | None = None):
    from .email import load_email
    from .text import load_text

    if len(data) > MAX_FILE_BYTES:
        raise LoadError(f"{path}: the file is {len(data) // (1024 * 1024)} MB, larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
    if kind is None:
        kind = "email" if looks_like_email(data) else "text"
    if kind == "email":
        return load_email(data, path)
    return load_text(data, path, source_format=kind)


def load_path(path: str):
    """Read one file (or ``-`` for standard input) into an Invitation."""
    if path == "-":
        return load_bytes(sys.stdin.buffer.read(), "-")
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".msg":
        raise LoadError(f"{path}: Outlook .msg files are not supported yet; save the message as .eml or text")
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise LoadError(f"{path}: the file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise LoadError(f"{path}: permission denied") from None
    except OSError as error:
        raise LoadError(f"{path}: could not be read ({error.strerror or error})") from None
    return load_bytes(data, path, SUFFIXES.get(suffix))


def expand_paths(paths: list[str]) -> list[str]:
    """Files to check: folders are searched recursively for drafts and emails, in sorted order.

    A path that does not exist is kept, so that it is reported as an error.
    """
    found: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            inside = []
            for root, dirs, files in os.walk(path):  # does not follow symlinks, so no loops
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                inside += [os.path.join(root, name) for name in files
                           if name.lower().endswith(FOLDER_SUFFIXES) and not name.startswith(".")]
            found += sorted(inside)
        else:
            found.append(path)
    return found
