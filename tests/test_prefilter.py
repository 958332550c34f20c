"""The prefilter never hides a match: for every bundled pattern and example, it agrees with the regex."""

from __future__ import annotations

import regex

from conftest import EXAMPLES

from invitecheck.kinds.prefilter import required_literals
from invitecheck.loaders import load_path
from invitecheck.rules import bundled_rules


def test_required_literals():
    assert required_literals(r"\bpatient\s+champions?\b") == {"champion"}
    assert required_literals(r"\b(?:patient|carer)\s+heroes\b") == {"heroes"}
    assert required_literals(r"\b(?:travel|taxi)\s+costs?\b") == {"cost"}
    assert required_literals(r"\b(?:a|b)\b") is None  # too short to be worth it
    assert required_literals(r"\p{Lu}+") is None  # regex-only syntax: no prefilter


def test_prefilter_agrees_with_the_patterns_on_every_example():
    patterns = []
    for rule in bundled_rules():
        compiled = rule.compiled
        if isinstance(compiled, dict):
            patterns += [p for group in compiled.values() for p in group]
        elif isinstance(compiled, list):
            patterns += [p[0] if isinstance(p, tuple) else p for p in compiled]
    patterns = [p for p in patterns if hasattr(p, "needs")]
    assert len(patterns) > 80
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix not in (".eml", ".txt", ".md"):
            continue
        doc = load_path(str(path))
        lowered = doc.text.lower()
        for pattern in patterns:
            truly = regex.search(pattern.source, doc.text, regex.IGNORECASE | regex.MULTILINE) is not None
            if truly and pattern.needs is not None:
                assert any(word in lowered for word in pattern.needs), (pattern.source, path.name)
