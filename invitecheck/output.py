"""Where reports go: standard output, or a file written whole or not at all.

A report file is written beside its target under a temporary name and renamed
into place, so a reader never sees half a report, and it is never written over
one of the files being checked.
"""

from __future__ import annotations

import os
import sys
import tempfile


class OutputError(Exception):
    """A report that cannot be written where asked. The message is one plain sentence."""


def refuse_input_as_output(output: str, files: list[str]) -> None:
    target = os.path.realpath(output)
    for path in files:
        if path != "-" and os.path.realpath(path) == target:
            raise OutputError(f"--output {output} is one of the files being checked; choose another name so it is not overwritten")


def write_atomically(path: str, text: str) -> None:
    with Sink(path) as out:
        out.write(text)


class Sink:
    """Standard output, or a file renamed into place when the writing has finished."""

    def __init__(self, output: str | None) -> None:
        self.output = output

    def __enter__(self):
        if not self.output:
            return sys.stdout
        folder = os.path.dirname(os.path.abspath(self.output))
        try:
            handle, self.temporary = tempfile.mkstemp(prefix=".invitecheck-", dir=folder)
        except OSError as error:
            raise OutputError(f"--output {self.output}: could not be written ({error.strerror or error})") from None
        self.file = os.fdopen(handle, "w", encoding="utf-8", newline="")
        return self.file

    def __exit__(self, kind, value, traceback) -> None:
        if not self.output:
            sys.stdout.flush()
            return
        self.file.close()
        if kind is None:
            try:
                os.replace(self.temporary, self.output)
            except OSError as error:
                os.unlink(self.temporary)
                raise OutputError(f"--output {self.output}: could not be written ({error.strerror or error})") from None
        else:
            os.unlink(self.temporary)
