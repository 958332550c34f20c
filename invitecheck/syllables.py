"""Syllables for the readability scores, from pyphen's British English hyphenation patterns.

A word has one syllable more than it has hyphenation points. pyphen finds the
points from about 14,000 patterns, and parses every one of them before it
answers for the first word (about a tenth of a second; a check needs a few
hundred words). This reads the same dictionary file without importing pyphen,
keys each pattern line by its letters, and parses a pattern only when a word
looks it up, as pyphen does. The points are pyphen's own:
``pyphen.Pyphen(lang="en_GB").positions(word)``, which tests/test_syllables.py
compares against, pattern by pattern and word by word.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from . import cached_re as re  # re, compiling from the start-up cache

LEFT, RIGHT = 2, 2  # pyphen's defaults: no point closer than this to either end of a word
_DIGITS = b"0123456789"
_PIECES_RE = re.compile(r"(\d?)(\D?)")  # pyphen's own split of a pattern into (value, letter)
_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_IGNORED_LINE = re.compile("^(?:%s).*(?:\n|$)" % "|".join(map(re.escape, _IGNORED)), re.M)  # a line starting with one


def dictionary_path() -> Path:
    """pyphen's British English dictionary file, found without importing pyphen."""
    spec = importlib.util.find_spec("pyphen")
    return Path(spec.origin).parent / "dictionaries" / "hyph_en_GB.dic"


class Patterns:
    """The pattern lines of a hyph_*.dic file by their letters, each parsed when first used."""

    def __init__(self, path: Path) -> None:
        encoding, _, text = path.read_bytes().partition(b"\n")
        # Every line stripped, the empty ones and the settings and comments left out: each step
        # over all 14,000 lines at once (about a third of the time of a loop over them).
        joined = "\n".join(filter(None, map(str.strip, text.decode(encoding.decode().strip()).split("\n"))))
        joined = _IGNORED_LINE.sub("", joined).strip("\n")
        lines = joined.split("\n")
        if "^^" in joined or "/" in joined:
            raise ValueError(f"{path.name} uses pattern syntax this reader does not handle")
        # Each line keyed by its letters: the digits taken out of all the lines at once, as bytes
        # (a digit is one byte in UTF-8, never part of a letter's), ten times faster than str.translate.
        letters = joined.encode("utf-8").translate(None, _DIGITS).decode("utf-8").split("\n")
        self._lines = dict(zip(letters, lines))
        self.maxlen = max(map(len, self._lines))
        self._parsed: dict[str, tuple[int, tuple[int, ...]] | None] = {}

    def get(self, letters: str) -> tuple[int, tuple[int, ...]] | None:
        """(offset, values) as pyphen stores them, or None when no pattern has these letters."""
        if letters not in self._parsed:
            line = self._lines.get(letters)
            self._parsed[letters] = None if line is None else _parse(line)
        return self._parsed[letters]

    def positions(self, word: str) -> list[int]:
        """The hyphenation points of a word (pyphen's HyphDict.positions, without its extra data)."""
        word = word.lower()
        pointed = f".{word}."
        references = [0] * (len(pointed) + 1)
        for i in range(len(pointed) - 1):
            stop = min(i + self.maxlen, len(pointed)) + 1
            for j in range(i + 1, stop):
                pattern = self.get(pointed[i:j])
                if not pattern:
                    continue
                offset, values = pattern
                where = slice(i + offset, i + offset + len(values))
                references[where] = map(max, values, references[where])
        return [i - 1 for i, reference in enumerate(references) if reference % 2]


def _parse(line: str) -> tuple[int, tuple[int, ...]] | None:
    """A pattern such as 'a1b' as (offset of its first non-zero value, the values up to its last); None if all are zero."""
    values = tuple(int(value or "0") for value, _ in _PIECES_RE.findall(line))
    if max(values) == 0:
        return None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, values[start:end]


_PATTERNS: Patterns | None = None


def patterns() -> Patterns:
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = Patterns(dictionary_path())
    return _PATTERNS


def hyphenation_points(word: str) -> list[int]:
    """pyphen.Pyphen(lang="en_GB").positions(word): the points at least LEFT and RIGHT letters from each end."""
    right = len(word) - RIGHT
    return [i for i in patterns().positions(word) if LEFT <= i <= right]


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """How many syllables a word has: one more than its hyphenation points, and at least one."""
    return max(1, len(hyphenation_points(word.lower())) + 1)
