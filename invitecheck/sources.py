"""Where an audit's messages come from: an mbox file, a Maildir, or a folder.

Messages are streamed one at a time, never all in memory: an mbox is read line
by line and cut at its "From " separator lines.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from .fields import Fields
from .walk import FOLDER_SUFFIXES, find_files


class Item(Fields):
    """One message to check: its name ("inbox.mbox#12" or a file's path); its bytes for an mbox (None
    means "read the file at name"); why it cannot be read, found while streaming (too big); and for an
    mbox, how far into the file this message ends (for progress)."""

    __slots__ = ("name", "data", "error", "read_to")

    def __init__(self, name: str, data: bytes | None = None, error: str = "", read_to: int = 0) -> None:
        self.name, self.data, self.error, self.read_to = name, data, error, read_to


def is_maildir(path: Path) -> bool:
    try:
        return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()
    except OSError:  # a folder that cannot be searched is reported by the folder search
        return False


def is_mbox(path: Path) -> bool:
    if not path.is_file():
        return False
    with open(path, "rb") as handle:
        return handle.read(5) == b"From "


LINE_PIECE = 64 * 1024


def iter_mbox(path: Path, max_bytes: int) -> Iterator[Item]:
    """Messages from an mbox file. '>From ' escapes in bodies are undone (mboxrd)."""
    number, lines, size, too_big = 0, [], 0, False

    read = 0

    def finish():
        name = f"{path}#{number}"
        if too_big:
            return Item(name, None, f"{name}: the message is larger than the {max_bytes // (1024 * 1024)} MB limit (see --max-file-size)", read)
        return Item(name, b"".join(lines), read_to=read)

    with open(path, "rb") as handle:
        previous_blank, at_line_start = True, True
        while True:
            # A line is read in pieces of at most LINE_PIECE bytes: one line of a
            # gigabyte is never held whole, and counts against max_bytes as it comes.
            line = handle.readline(LINE_PIECE)
            if not line:
                break
            read += len(line)
            starts_line, at_line_start = at_line_start, line.endswith(b"\n")
            if starts_line and line.startswith(b"From ") and previous_blank:
                if number:
                    yield finish()
                number += 1
                lines, size, too_big = [], 0, False
            elif number:
                if starts_line and line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                    line = line[1:]
                size += len(line)
                if size > max_bytes:
                    too_big = True
                    lines = []
                elif not too_big:
                    lines.append(line)
            previous_blank = starts_line and line in (b"\n", b"\r\n")
        if number:
            yield finish()


def iter_items(path: str, max_bytes: int) -> Iterator[Item]:
    """Every message at PATH: an mbox file, a Maildir, or a folder (searched recursively)."""
    p = Path(path)
    if is_maildir(p):
        for sub in ("cur", "new"):
            try:
                names = sorted(os.listdir(p / sub))
            except OSError as error:
                yield Item(str(p / sub), None, f"{p / sub}: could not be searched ({error.strerror or error}), so nothing in it was checked")
                continue
            for name in names:
                if not name.startswith("."):
                    yield Item(str(p / sub / name))
    elif p.is_dir():
        found = find_files([path], unsuffixed=True)
        for file in found.files:
            yield Item(file)
        for where, problem in found.problems:
            yield Item(where, None, problem)
    elif is_mbox(p):
        yield from iter_mbox(p, max_bytes)
    else:
        yield Item(path)


__all__ = ["Item", "iter_items", "iter_mbox", "is_maildir", "is_mbox", "FOLDER_SUFFIXES"]
