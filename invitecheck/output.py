"""Where reports go: standard output, or a file written whole or not at all.

A report to a regular file is written beside it under a temporary name and
renamed into place, so a reader never sees half a report. The file gets the
permissions a user expects: a new one those the umask gives any new file, an
existing one keeps its own. Anything else (/dev/null, /dev/stdout, a named pipe,
a terminal) is written in place: renaming over it would replace a device with a
plain file. A report is never written over one of the files being checked, nor
inside a folder or mailbox being read.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile

# A file name that is not valid UTF-8 (kept by Python as lone surrogates) is
# written as a \udcff-style escape: valid UTF-8 that a JSON reader turns back
# into the same name.
ENCODING_ERRORS = "backslashreplace"


class OutputError(Exception):
    """A report that cannot be written where asked. The message is one plain sentence."""


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def refuse_input_as_output(output: str, inputs: list[str]) -> None:
    """Refuse an --output that is an input file, or lies inside an input folder or Maildir."""
    target = os.path.realpath(output)
    for path in inputs:
        if path == "-":
            continue
        real = os.path.realpath(path)
        if real == target:
            raise OutputError(f"--output {output} is one of the files being checked; choose another name so it is not overwritten")
        if os.path.isdir(real) and _inside(target, real):
            raise OutputError(f"--output {output} is inside {path}, which is being read; write the report somewhere else")


def write_atomically(path: str, text: str) -> None:
    with Sink(path) as out:
        out.write(text)


def _new_file_mode() -> int:
    """The permissions the umask gives a new file (mkstemp's own are always 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class Sink:
    """Standard output; a regular file renamed into place when the writing has finished; or,
    for anything that is not a regular file, the target itself."""

    def __init__(self, output: str | None) -> None:
        self.output = output
        self.temporary = None

    def _failed(self, error: OSError) -> OutputError:
        return OutputError(f"--output {self.output}: could not be written ({error.strerror or error})")

    def __enter__(self):
        if not self.output:
            return sys.stdout
        try:
            existing = os.stat(self.output)
        except FileNotFoundError:
            existing = None
        except OSError as error:
            raise self._failed(error) from None
        try:
            if existing is not None and not stat.S_ISREG(existing.st_mode):
                if stat.S_ISDIR(existing.st_mode):
                    raise OutputError(f"--output {self.output} is a folder; give a file name")
                self.file = open(self.output, "w", encoding="utf-8", errors=ENCODING_ERRORS, newline="")
                return self.file
            self.target = os.path.realpath(self.output)  # a link to a report is followed, not replaced
            handle, self.temporary = tempfile.mkstemp(prefix=".invitecheck-", dir=os.path.dirname(self.target))
            os.chmod(self.temporary, stat.S_IMODE(existing.st_mode) if existing else _new_file_mode())
            if existing and os.geteuid() == 0:  # root rewriting a user's report leaves it theirs
                os.chown(self.temporary, existing.st_uid, existing.st_gid)
        except OSError as error:
            if self.temporary:
                os.unlink(self.temporary)
            raise self._failed(error) from None
        self.file = os.fdopen(handle, "w", encoding="utf-8", errors=ENCODING_ERRORS, newline="")
        return self.file

    def __exit__(self, kind, value, traceback) -> None:
        if not self.output:
            sys.stdout.flush()
            return
        try:
            self.file.close()
        except OSError as error:
            if self.temporary:
                os.unlink(self.temporary)
            raise self._failed(error) from None
        if isinstance(value, OSError) and not isinstance(value, OutputError):
            # a write that failed (a full disk, /dev/full): one sentence, and no half-written report left behind
            if self.temporary:
                os.unlink(self.temporary)
            raise self._failed(value) from None
        if self.temporary is None:
            return
        if kind is None:
            try:
                os.replace(self.temporary, self.target)
            except OSError as error:
                os.unlink(self.temporary)
                raise self._failed(error) from None
        else:
            os.unlink(self.temporary)
