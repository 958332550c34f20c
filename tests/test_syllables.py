"""Syllables: invitecheck's lazy reading of pyphen's dictionary gives pyphen's own answers."""

from __future__ import annotations

import re

import pyphen

from conftest import EXAMPLES
from invitecheck import syllables


def test_every_pattern_reads_as_pyphen_reads_it():
    ours = syllables.Patterns(syllables.dictionary_path())
    theirs = pyphen.Pyphen(lang="en_GB").hd.patterns
    assert {letters for letters in ours._lines if ours.get(letters)} == set(theirs)
    for letters, (offset, values) in theirs.items():
        assert ours.get(letters) == (offset, tuple(values)), letters


def test_every_word_in_the_examples_has_pyphens_hyphenation_points():
    dictionary = pyphen.Pyphen(lang="en_GB")
    words = set()
    for path in EXAMPLES.iterdir():
        if path.suffix in (".txt", ".md", ".eml", ".html"):
            words |= set(re.findall(r"[^\W\d_][\w'’-]*", path.read_text(encoding="utf-8", errors="replace")))
    assert len(words) > 1000
    for word in words:
        assert syllables.hyphenation_points(word.lower()) == dictionary.positions(word.lower()), word
    assert syllables.syllables("invitation") == 4 and syllables.syllables("the") == 1
