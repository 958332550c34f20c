"""Which files a folder search finds, and the paths named that give nothing to check.

A folder is searched recursively in sorted order for the suffixes in
``loaders.SUFFIXES``, skipping hidden files and folders (and what ``skip`` leaves
out: exclude patterns and .gitignore, see selection.py). Every path named is
accounted for: what cannot be searched, or holds nothing to check, comes back as a
problem (one plain sentence) so that each reporter shows it, machine formats
included. Links found inside a folder are followed only to a file the search itself
would reach; a pull request's ``templates/x.txt -> /proc/self/environ`` is never
read, so its contents never reach a report. A file named on the command line may
still be a link.
"""

from __future__ import annotations

import os

from .fields import Record
from .loaders import FOLDER_SUFFIXES, SUFFIX_LIST


class Found(Record):
    _fields = ("files", "problems")

    def __init__(self, files: list[str] | None = None, problems: list[tuple[str, str]] | None = None) -> None:
        self.files = [] if files is None else files
        self.problems = [] if problems is None else problems  # (path, why it gave nothing to check)


def _why(error: OSError) -> str:
    return "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error)).lower()


def _reachable(link: str, root: str) -> bool:
    """Whether a link inside ROOT (a real path) leads to a file the search would reach itself."""
    target = os.path.realpath(link)
    if os.path.commonpath([target, root]) != root:
        return False
    return not any(part.startswith(".") for part in os.path.relpath(target, root).split(os.sep))


def search_folder(folder: str, found: Found, skip=None, unsuffixed: bool = False) -> None:
    """Add FOLDER's files to FOUND; ``skip(path, is_dir)``, when given, leaves out files and whole folders.

    With `unsuffixed`, files with no suffix at all are taken too (a folder of saved
    messages often names them 1, 2, 3; they are read by their first bytes, as
    `check` reads one named on the command line).
    """
    root = os.path.realpath(folder)
    files_before, problems_before = len(found.files), len(found.problems)

    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        found.problems.append((where, f"{where}: could not be searched ({_why(error)}), so nothing in it was checked"))

    inside = []
    for here, dirs, files in os.walk(folder, onerror=unreadable):  # does not follow links to folders, so no loops
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (skip and skip(os.path.join(here, d), True)))
        for name in files:
            path = os.path.join(here, name)
            wanted = name.lower().endswith(FOLDER_SUFFIXES) or (unsuffixed and "." not in name)
            if name.startswith(".") or not wanted or (skip and skip(path, False)):
                continue
            if os.path.islink(path) and not _reachable(path, root):
                found.problems.append((path, f"{path}: is a link to a file outside {folder}, so it was not read"))
                continue
            inside.append(path)
    found.files += sorted(inside)
    if len(found.files) == files_before and len(found.problems) == problems_before:
        found.problems.append((folder, f"{folder}: no invitations found in this folder (folders are searched for {SUFFIX_LIST} files)"))


def find_files(paths: list[str], skip=None, unsuffixed: bool = False) -> Found:
    """Files to check, in order, and the paths that gave nothing to check.

    A path that does not exist is kept as a file, so that reading it reports the error.
    """
    found = Found()
    for path in paths:
        if path != "-" and os.path.isdir(path):
            search_folder(path, found, skip, unsuffixed)
        else:
            found.files.append(path)
    return found
