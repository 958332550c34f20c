"""Earliest: a vocabulary entry's alternatives searched one by one, the earliest match first.

One pattern made of many alternatives ("£25", "honorarium", "we pay you", "is paid" …)
tries every alternative at almost every position of the text. Searched one at a time,
each alternative is skipped when its words are not in the text at all, and the others
jump straight to their first word; the first match in the text is the same (at one
position, the alternative listed first wins, as in the single pattern). It pays only for
some entries (payment: about half the time; most others cost more this way): measure
before using it.
"""

from __future__ import annotations

import heapq
import sys

from ..vocabulary import fragment, pattern


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern: "a|(?:b|c)|d" -> ["a", "(?:b|c)", "d"]."""
    parts, depth, start, i, in_set = [], 0, 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            if source[i + 1 : i + 2] == "]":
                i += 1  # "[]…]": the first ] is part of the set
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


class Earliest:
    """Searched like one CaseFree pattern: search() and finditer() over (text, lower, start, end)."""

    def __init__(self, sources: list[str]) -> None:
        self.patterns = [pattern(source) for source in sources]

    @classmethod
    def of(cls, name: str) -> "Earliest":
        """A vocabulary entry, one pattern per alternative."""
        return cls(alternatives(fragment(name)[3:-1]))

    def search(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        best = None
        for regex in self.patterns:
            found = regex.search(text, lower, start, end)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best

    def finditer(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        """Every alternative's matches, in the order of the text (they may overlap)."""
        streams = [regex.finditer(text, lower, start, end) for regex in self.patterns]
        return heapq.merge(*streams, key=lambda found: found.start())  # at one position, the alternative listed first
