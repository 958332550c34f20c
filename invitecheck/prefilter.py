"""Cheap matching: most patterns can skip most texts, and case costs nothing.

- required_literals: from the parsed pattern, the set of literal strings of which
  every match must contain at least one ("champion" for
  `\\bpatient\\s+champions?\\b`). If none is in the text, the pattern cannot
  match and is not run. Patterns the standard parser cannot read (`regex`-only
  syntax) simply have no prefilter.
- case_free, lowered and lowercase_safe: a lower-cased copy of the text that
  keeps every offset, and whether a pattern may run over it case-sensitively
  and find what IGNORECASE finds (two to three times faster with Python's re).
- CaseFree: both, for invitecheck's own patterns in dates.py and the kinds.
"""

from __future__ import annotations

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

import re
import sys

from . import literals_cache

_REPEATS = {op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None}


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings, one of which every match contains; None when that cannot be said.

    Remembered between runs (see literals_cache.py): parsing is the slow part.
    """
    known = literals_cache.recall(pattern)
    if known is not literals_cache.UNKNOWN:
        return None if known is None else frozenset(known)
    found = work_out_literals(pattern)
    literals_cache.remember(pattern, found)
    return found


def work_out_literals(pattern: str) -> frozenset[str] | None:
    """required_literals(pattern), worked out from the parsed pattern."""
    try:
        tree = _parser.parse(pattern, re.IGNORECASE)
    except Exception:  # regex-only syntax, or anything else the standard parser refuses
        return None
    found = _sequence(list(tree))
    if not found or min(len(s) for s in found) < 3:
        return None  # too short to be worth testing
    return frozenset(found)


def _better(a: set | None, b: set | None) -> set | None:
    """The more selective of two requirements: the one whose shortest string is longest, then the one with fewer strings."""
    if not b:
        return a
    if not a:
        return b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


def _sequence(items) -> set | None:
    best, run = None, ""
    for op, value in items:
        if op is _c.LITERAL:
            run += chr(value).lower()
            continue
        if run:
            best, run = _better(best, {run}), ""
        best = _better(best, _node(op, value))
    if run:
        best = _better(best, {run})
    return best


def _node(op, value) -> set | None:
    if op is _c.SUBPATTERN:
        return _sequence(list(value[-1]))
    if op is _c.BRANCH:
        union: set = set()
        for branch in value[1]:
            needed = _sequence(list(branch))
            if not needed:
                return None
            union |= needed
        return union
    if op in _REPEATS:
        low, _, sub = value
        return _sequence(list(sub)) if low >= 1 else None
    return None


_ESCAPE_RE = re.compile(r"\\.")
_GROUP_NAME_RE = re.compile(r"\(\?P(?:<\w+>|=\w+\)|>\w+\))")  # (?P<name>, (?P=name), (?P>name)
_PROPERTY_RE = re.compile(r"\\[pPN]\{")  # \p{Lu}, \N{…}: letter case that lower-casing would change
_FLAG_GROUP_RE = re.compile(r"\(\?[abefiLmprsuVwx0-9-]+[:)]")


def lowercase_safe(source: str) -> bool:
    """Can the pattern run case-sensitively over lower-cased text and find the same matches?

    Yes when it has no capital letters (outside escapes such as \\S), no
    inline flags and no Unicode property or named character.
    """
    if _FLAG_GROUP_RE.search(source) or _PROPERTY_RE.search(source):
        return False
    plain = _GROUP_NAME_RE.sub("", _ESCAPE_RE.sub("", source))
    return plain == plain.lower()


# Letters that IGNORECASE matches to an ASCII letter but lower() leaves alone.
_FOLD = {ord("ı"): "i", ord("ſ"): "s"}


def case_free(text: str) -> str:
    """The text as IGNORECASE sees it: lower case, with the dotless i and the long s folded."""
    lower = text.lower()
    if "ı" in lower or "ſ" in lower:
        lower = lower.translate(_FOLD)
    return lower


def lowered(text: str) -> str | None:
    """case_free(text), or None when lower-casing would move offsets (a rare 'İ')."""
    lower = case_free(text)
    return lower if len(lower) == len(text) else None


class CaseFree:
    """One of invitecheck's own case-insensitive patterns, made cheap.

    It runs over lower-cased text without the IGNORECASE flag (two to three
    times faster), and is not run at all when the text lacks every word it
    needs. Callers pass both texts; ``lower`` is None when offsets would move.
    Matches found in the lower-cased text quote it in lower case: take the
    words from the original text by offset.
    """

    __slots__ = ("_insensitive", "_fast", "_safe", "_needs", "pattern", "flags")

    def __init__(self, source: str, flags: int = 0) -> None:
        # Nothing is compiled until the pattern is first used: a check imports
        # every kind, and many of their patterns are never needed for one file.
        self.pattern, self.flags = source, flags
        self._fast = self._insensitive = self._safe = None
        self._needs = False

    @property
    def fast(self) -> re.Pattern | None:
        """The pattern without IGNORECASE, for lower-cased text; None when lower-casing could change a match."""
        if self._safe is None:
            self._safe = lowercase_safe(self.pattern)
            self._fast = re.compile(self.pattern, self.flags) if self._safe else None
        return self._fast

    @property
    def needs(self):
        if self._needs is False:
            self._needs = required_literals(self.pattern)
        return self._needs

    @property
    def groupindex(self):
        return (self.fast or self.insensitive).groupindex

    @property
    def insensitive(self) -> re.Pattern:
        # Compiled when first needed: for most patterns, only a text that
        # lower-casing would lengthen needs it.
        if self._insensitive is None:
            self._insensitive = re.compile(self.pattern, self.flags | re.IGNORECASE)
        return self._insensitive

    def possible(self, lower: str | None, start: int = 0, end: int = sys.maxsize) -> bool:
        """False when lower[start:end] lacks every word the pattern needs: a match there would hold one."""
        return lower is None or self.needs is None or any(lower.find(word, start, end) >= 0 for word in self.needs)

    def _pick(self, text: str, lower: str | None):
        if lower is not None and self.fast is not None:
            return self.fast, lower
        return self.insensitive, text

    def search(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        if not self.possible(lower, start, end):
            return None
        compiled, subject = self._pick(text, lower)
        return compiled.search(subject, start, end)

    def match(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        compiled, subject = self._pick(text, lower)
        return compiled.match(subject, start, end)

    def finditer(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        if not self.possible(lower, start, end):
            return iter(())
        compiled, subject = self._pick(text, lower)
        return compiled.finditer(subject, start, end)
