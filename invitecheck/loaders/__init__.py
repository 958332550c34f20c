"""Input formats. Each loader turns bytes into an :class:`~invitecheck.document.Invitation`.

``load_path`` picks the loader by suffix, or by sniffing when the file has no
known suffix: RFC 822 headers at the top mean email, anything else is text.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from functools import partial
from pathlib import Path

from ..fields import Fields

MAX_FILE_BYTES = 25 * 1024 * 1024
# What each suffix is read as. Folders are searched for exactly these: the one list
# that `check --help`, the "no invitations found" error and the README give.
SUFFIXES = {".eml": "email", ".msg": "outlook", ".txt": "text", ".text": "text", ".md": "markdown",
            ".markdown": "markdown", ".docx": "docx", ".html": "html", ".htm": "html"}
FOLDER_SUFFIXES = tuple(SUFFIXES)
SUFFIX_LIST = ", ".join(FOLDER_SUFFIXES[:-1]) + " or " + FOLDER_SUFFIXES[-1]  # ".eml, .msg, … or .htm"
_LARGEST = sys.maxsize // 2  # the most bytes one read may ask for, with room for the "+ 1" past a limit
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class LoadError(Exception):
    """A file that cannot be checked. The message is one plain sentence naming the file."""


class Limits(Fields):
    """How much of a file invitecheck will read. Going past one is a clear per-file error.

    An invitation is a few kilobytes; the defaults leave room for attachments and
    long threads while keeping any one file from taking over a run.
    """

    __slots__ = ("max_file_bytes", "max_parts", "max_depth")

    def __init__(self, max_file_bytes: int = MAX_FILE_BYTES, max_parts: int = 1000, max_depth: int = 50) -> None:
        # A limit larger than any file can be (--max-file-size 99999999999999999999999) means
        # "no limit"; it is held at the largest size a read can ask for, so it never overflows.
        self.max_file_bytes = min(max_file_bytes, _LARGEST)  # a whole file, attachments included
        self.max_parts = min(max_parts, _LARGEST)  # MIME parts in one email
        self.max_depth = min(max_depth, _LARGEST)  # multiparts inside multiparts


def shown(value: str, width: int = 60) -> str:
    """A value from the file as a message quotes it: on one line, cut with '…' when long."""
    value = " ".join(value[: width * 4].split())
    return value if len(value) <= width else value[: width - 1] + "…"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _too_big(path: str, size: int, limit: int) -> str:
    """'the file is 31 MB, more than the 25 MB limit'; no size when it would read '25 MB, more
    than the 25 MB limit' (standard input is read only to just past the limit)."""
    if _megabytes(size) == _megabytes(limit):
        return f"{path}: the file is more than the {_megabytes(limit)} limit (see --max-file-size)"
    return f"{path}: the file is {_megabytes(size)}, more than the {_megabytes(limit)} limit (see --max-file-size)"


# Files that are plainly not text, by their first bytes.
MAGIC = [
    (b"%PDF", "a PDF"), (b"PK\x03\x04", "a zip file (a Word .docx is one)"),
    (b"\xd0\xcf\x11\xe0", "an Outlook .msg or old Office file"), (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"), (b"RIFF", "a sound or video file"),
    (b"\x1f\x8b", "a gzip file"), (b"BZh", "a bzip2 file"),
]


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) >= 4 and head.count(b"\x00") * 3 >= len(head)):
        return None  # empty, or UTF-16
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return "binary data" if control > len(head) // 10 else None


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


def sniff(data: bytes) -> str:
    """What a file with no known suffix is, from its first bytes."""
    from .documents import is_docx

    if data.startswith(OLE_MAGIC):
        return "outlook"
    if is_docx(data):
        return "docx"
    return "email" if looks_like_email(data) else "text"


def _empty(data: bytes) -> bool:
    """No bytes, or only blanks and line breaks (in any encoding a draft may have: a BOM, UTF-16)."""
    if not data.strip():
        return True
    if len(data) > 4096:
        return False  # not decoded twice: a longer file of UTF-16 blanks is left to the classifier ("it has no text")
    from .text import decode_bytes

    return not decode_bytes(data).strip()


def load_docx(data: bytes, path: str):
    from .documents import MAX_DOCX_PARAGRAPHS, docx_paragraphs, is_docx
    from .text import load_text

    if not is_docx(data):
        raise LoadError(f"{path}: this is not a Word .docx document")
    try:
        lines = docx_paragraphs(data)
    except Exception as error:
        reason = str(error).strip().split("\n")[0][:100] or type(error).__name__
        raise LoadError(f"{path}: could not be read as a Word document ({reason})") from None
    doc = load_text("\n".join(lines).encode("utf-8"), path, source_format="docx")
    if len(lines) >= MAX_DOCX_PARAGRAPHS:
        doc.notes.append(f"Only the first {MAX_DOCX_PARAGRAPHS:,} paragraphs of the Word document were read.")
    return doc


def load_bytes(data: bytes, path: str, kind: str | None = None, limits: Limits = Limits()):
    from .text import load_text  # (the email loader brings mail-parser, so it is imported only for an email)

    if len(data) > limits.max_file_bytes:
        raise LoadError(_too_big(path, len(data), limits.max_file_bytes))
    if _empty(data):
        raise LoadError(f"{path}: it is empty, so there is nothing to check.")
    if kind is None:
        kind = sniff(data)
    if kind == "email":
        from .email import load_email

        return load_email(data, path, limits)
    if kind == "docx":
        return load_docx(data, path)
    if kind == "html":
        from .html import html_to_text
        from .text import decode_bytes

        from ..locate import html_places

        doc = load_text(html_to_text(decode_bytes(data)).encode("utf-8"), path, source_format="html")
        doc.find_places = partial(html_places, data, doc.text)  # looked for only if a machine format asks
        return doc
    if kind == "outlook":
        raise LoadError(f"{path}: an Outlook message can only be read from a file, not from standard input")
    binary = _binary_kind(data)
    if binary:
        raise LoadError(f"{path}: this is {binary}, not text, so it cannot be checked")
    return load_text(data, path, source_format=kind)


def read_at_most(handle, limit: int) -> bytes:
    """At most LIMIT + 1 bytes from HANDLE (one past the limit shows it was passed).

    Read a megabyte at a time: a single read(limit + 1) sets aside the whole limit in
    memory first, so a generous --max-file-size would fail before reading anything.
    """
    parts, total = [], 0
    while total <= limit:
        chunk = handle.read(min(limit + 1 - total, 1 << 20))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def read_regular_file(path: str, limit: int) -> bytes:
    """The bytes of a regular file, never more than LIMIT of them.

    A pipe, a device or a socket is refused without reading it: a FIFO named x.eml
    would block for ever and /dev/zero would never end. The file is opened without
    blocking and checked with fstat, so it cannot be swapped between check and read;
    LoadError says what is wrong.
    """
    too_big = f"{path}: the file is more than the {_megabytes(limit)} limit (see --max-file-size)"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise LoadError(f"{path}: permission denied") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LoadError(f"{path}: could not be read (a loop of symbolic links)") from None
        raise LoadError(f"{path}: could not be read ({error.strerror or error})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(f"{path}: is a folder, not a file")
        raise LoadError(f"{path}: is not an ordinary file (it is a device, a pipe or a socket), so it is not read")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise LoadError(_too_big(path, info.st_size, limit))
        try:
            data = read_at_most(handle, limit)  # a file that grows while it is read is still cut at the limit
        except OSError as error:
            raise LoadError(f"{path}: could not be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise LoadError(too_big)
    return data


def load_path(path: str, limits: Limits = Limits()):
    """Read one file (or ``-`` for standard input) into an Invitation."""
    if path == "-":
        return load_bytes(read_at_most(sys.stdin.buffer, limits.max_file_bytes), "-", limits=limits)
    suffix = Path(path).suffix.lower()
    data = read_regular_file(path, limits.max_file_bytes)
    if suffix == ".msg" or (suffix not in SUFFIXES and data.startswith(OLE_MAGIC)):
        from .outlook import load_msg

        return load_msg(path, limits)
    return load_bytes(data, path, SUFFIXES.get(suffix), limits)
