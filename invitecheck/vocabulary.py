"""The vocabulary: every phrase list and pattern fragment, defined once in vocabulary.yaml.

``fragment("online")`` gives an entry as a regular-expression fragment (a non-capturing
group); ``expand(pattern)`` replaces each ``{vocab:name}`` inside a pattern by its
fragment. An unknown name raises :class:`UnknownName`, which a rule loader turns into
one sentence naming the rule file and line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from . import programs
from .prefilter import Branches, CaseFree, Rare
from .rules import RuleError, load_yaml

PATH = Path(__file__).with_name("vocabulary.yaml")
REFERENCE_RE = programs.compile(r"\{vocab:([a-z0-9_]+)\}")


class UnknownName(RuleError):
    """A pattern names a vocabulary entry that does not exist."""


@lru_cache(maxsize=1)
def _entries() -> dict[str, str | tuple[str, ...]]:
    where = "invitecheck/vocabulary.yaml"
    data = load_yaml(PATH.read_text(encoding="utf-8"), where)
    if not isinstance(data, dict):
        raise RuleError(f"{where}: the vocabulary must be a mapping of names to patterns")
    lines = getattr(data, "lines", {})
    entries = {}
    for name, value in data.items():
        if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            entries[name] = tuple(value)
        elif isinstance(value, str) and value:
            entries[name] = value
        else:
            line = f", line {lines[name]}" if name in lines else ""
            raise RuleError(f"{where}{line}: the entry '{name}' must be a pattern or a list of patterns")
    return entries


def names() -> list[str]:
    return sorted(_entries())


def expand(pattern: str, _seen: tuple[str, ...] = ()) -> str:
    """The pattern with every {vocab:name} replaced by that entry, as a non-capturing group."""
    if "{vocab:" not in pattern:
        return pattern
    entries = _entries()

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in entries:
            raise UnknownName(f"the pattern uses {{vocab:{name}}}, but the vocabulary has no entry '{name}'")
        if name in _seen:
            raise RuleError(f"the vocabulary entry '{name}' uses itself")
        return "(?:" + "|".join(_alternatives(name, _seen + (name,))) + ")"

    return REFERENCE_RE.sub(replace, pattern)


def _alternatives(name: str, seen: tuple[str, ...]) -> list[str]:
    """An entry's alternatives, expanded. A list item that is only another list entry
    ("{vocab:join_verb}") gives that entry's alternatives in its place, with no group of
    its own: the same matches, and the prefilter still sees every word (a group such as
    "as soon as possible|asap" would be read as needing only "as")."""
    value = _entries()[name]
    found: list[str] = []
    for item in value if isinstance(value, tuple) else (value,):
        whole = REFERENCE_RE.fullmatch(item)
        inner = whole.group(1) if whole else None
        if inner is not None and inner not in seen and isinstance(_entries().get(inner), tuple):
            found += _alternatives(inner, seen + (inner,))
        else:
            found.append(expand(item, seen))
    return found


@lru_cache(maxsize=None)
def fragment(name: str) -> str:
    return expand("{vocab:" + name + "}")


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A list entry of plain words ("sender_role_words") as a set, for whole-word look-ups."""
    return frozenset(word.lower() for word in fragment(name)[3:-1].split("|"))


@lru_cache(maxsize=None)
def listed(name: str) -> tuple[str, ...]:
    """A list entry of plain words in the order written ("month_name": January first), lower case."""
    return tuple(word.lower() for word in fragment(name)[3:-1].split("|"))


@lru_cache(maxsize=None)
def pattern(source: str, flags: int = re.MULTILINE) -> CaseFree:
    """One of invitecheck's own patterns, written with {vocab:…} references, compiled once."""
    return CaseFree(expand(source), flags)


# The branches of time_range and clock_time that can begin almost anywhere ("\\w+ o'clock"
# at any word, "\\d{0,2}\\s*noon" at any space), each with the word it cannot match without.
RARE_TIME_BRANCHES = {
    "clock": (r"\w+\s+o['’]clock(?:\s+in\s+the\s+\w+)?", r"\w+\s+o['’]clock"),
    "noon": (r"\d{0,2}\s*noon",),
}


def rare_time_pattern(source: str, flags: int = re.MULTILINE) -> Rare:
    """pattern(source), run without RARE_TIME_BRANCHES where the text lacks their words (see Rare)."""
    return Rare(expand(source), flags, RARE_TIME_BRANCHES)


def rare_pattern(source: str, rare: dict, flags: int = re.MULTILINE) -> Rare:
    """pattern(source), run without the branches in ``rare`` where the text lacks their words (see Rare).

    ``rare`` maps a word, or a tuple of words, to branches of source (each written as in
    source, with its {vocab:…} references, and none of them the first) that cannot match
    without it (without one of them).
    """
    return Rare(expand(source), flags, {words: tuple(expand(branch) for branch in written) for words, written in rare.items()})


def branch_pattern(name: str, rare: dict, flags: int = re.MULTILINE) -> Branches:
    """rare_pattern("{vocab:name}", rare), each of the list entry's alternatives searched on its own
    (see Branches), each without the rare branches it holds where the text lacks their words."""
    written = {words: tuple(expand(branch) for branch in branches) for words, branches in rare.items()}
    parts = []
    for source in _alternatives(name, (name,)):
        held = {words: kept for words, branches in written.items() if (kept := tuple(b for b in branches if "|" + b in source))}
        parts.append(Rare(source, flags, held) if held else CaseFree(source, flags))
    return Branches(rare_pattern("{vocab:" + name + "}", rare, flags), parts)


def expand_options(value):
    """A rule's options with every pattern's {vocab:…} expanded (lists and mappings walked)."""
    if isinstance(value, str):
        return expand(value)
    if isinstance(value, list):
        return [expand_options(item) for item in value]
    if isinstance(value, dict):
        return {key: expand_options(item) for key, item in value.items()}
    return value


@lru_cache(maxsize=None)
def word_groups(name: str) -> tuple[frozenset[str], ...]:
    """A list entry whose items are groups of plain words ("document_synonyms"), each as a set."""
    return tuple(frozenset(item.lower().split()) for item in fragment(name)[3:-1].split("|"))
