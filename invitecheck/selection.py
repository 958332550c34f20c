"""Which files `check` reads.

One meaning for every pattern: gitignore-style (pathspec), whether it comes from
`--exclude` (relative to the current folder) or the configuration's `exclude` and
`per_file` (relative to the configuration file). Folders are walked with the
repository's `.gitignore` files respected, as git itself would. A file named on
the command line but excluded is skipped, not an error (ruff's --force-exclude),
so that pre-commit and editors can pass every changed file.

pathspec is imported only when there is a pattern or a .gitignore to read, so
checking one named file costs nothing more at start-up.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from .fields import Record
from .walk import find_files


@lru_cache(maxsize=256)
def compiled(patterns: tuple[str, ...]) -> Any:
    """A pathspec.GitIgnoreSpec for the patterns (or lines of a .gitignore file)."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def relative_to(path: str, base: Path | str) -> str | None:
    """PATH relative to BASE with forward slashes, or None when it is outside BASE."""
    absolute, folder = os.path.abspath(path), os.path.abspath(base)
    if absolute == folder:
        return "."
    if not absolute.startswith(folder.rstrip(os.sep) + os.sep):
        return None
    return Path(os.path.relpath(absolute, folder)).as_posix()


def matches(path: str, base: Path | str, patterns: tuple[str, ...], is_dir: bool = False) -> bool:
    """Does a gitignore-style pattern, relative to BASE, match PATH?"""
    if not patterns:
        return False
    rel = relative_to(path, base)
    if rel is None or rel == ".":
        return False
    return compiled(tuple(patterns)).match_file(rel + ("/" if is_dir else ""))


def _repository_root(folder: str) -> str | None:
    for candidate in [Path(folder).resolve(), *Path(folder).resolve().parents]:
        if (candidate / ".git").exists():
            return str(candidate)
    return None


class GitIgnores(Record):
    """The .gitignore files of the repository a path is in (none outside a repository, as in git)."""

    _fields = ("_specs", "_roots")

    def __init__(self, _specs: dict[str, Any] | None = None, _roots: dict[str, str | None] | None = None) -> None:
        self._specs = {} if _specs is None else _specs
        self._roots = {} if _roots is None else _roots

    def _spec(self, folder: str) -> Any:
        if folder not in self._specs:
            lines: list[str] = []
            for name in (".gitignore", os.path.join(".git", "info", "exclude")):
                try:
                    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
                        lines += handle.read().splitlines()
                except OSError:
                    pass
            self._specs[folder] = compiled(tuple(lines)) if lines else None
        return self._specs[folder]

    def _root(self, folder: str) -> str | None:
        if folder not in self._roots:
            self._roots[folder] = _repository_root(folder)
        return self._roots[folder]

    def ignored(self, path: str, is_dir: bool) -> bool:
        parent = os.path.dirname(os.path.abspath(path))
        root = self._root(parent)
        if root is None:
            return False
        folders = [parent]
        while folders[-1] != root and os.path.dirname(folders[-1]) != folders[-1]:
            folders.append(os.path.dirname(folders[-1]))
        verdict = False
        for folder in reversed(folders):  # the repository root first; a deeper .gitignore has the last word
            spec = self._spec(folder)
            if spec is None:
                continue
            rel = Path(os.path.relpath(os.path.abspath(path), folder)).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                verdict = result.include
        return verdict


class Selection(Record):
    """Exclude patterns from the configuration and the command line, and the .gitignore files."""

    _fields = ("config_patterns", "config_base", "config_name", "cli_patterns", "gitignores")

    def __init__(self, config_patterns: tuple[str, ...] = (), config_base: Path = Path("."),
                 config_name: str = "the configuration", cli_patterns: tuple[str, ...] = (),
                 gitignores: GitIgnores | None = None) -> None:
        self.config_patterns, self.config_base, self.config_name = config_patterns, config_base, config_name
        self.cli_patterns = cli_patterns
        self.gitignores = GitIgnores() if gitignores is None else gitignores

    def excluded_by(self, path: str, is_dir: bool = False) -> str | None:
        """What excludes PATH ('--exclude' or the configuration's name), or None."""
        if matches(path, ".", self.cli_patterns, is_dir):
            return "--exclude"
        if matches(path, self.config_base, self.config_patterns, is_dir):
            return self.config_name
        return None

    def _skip_when_walking(self, path: str, is_dir: bool) -> bool:
        return self.excluded_by(path, is_dir) is not None or self.gitignores.ignored(path, is_dir)

    def files(self, paths: list[str]) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
        """(the files to check, the named files skipped with what excluded them, the paths that
        gave nothing to check with why: see walk.py)."""
        chosen: list[str] = []
        skipped: list[tuple[str, str]] = []
        problems: list[tuple[str, str]] = []
        for path in paths:
            if path != "-":
                reason = self.excluded_by(path, os.path.isdir(path))
                if reason:
                    skipped.append((path, reason))
                    continue
            found = find_files([path], skip=self._skip_when_walking)
            chosen += found.files
            problems += found.problems
        return chosen, skipped, problems
