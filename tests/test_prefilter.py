"""The prefilter never hides a match: for every bundled pattern and example, it agrees with the regex."""

from __future__ import annotations

import re

import regex

from conftest import EXAMPLES

from invitecheck.prefilter import required_literals
from invitecheck.loaders import load_path
from invitecheck.rules import bundled_rules


def test_required_literals():
    assert required_literals(r"\bpatient\s+champions?\b") == {"champion"}
    assert required_literals(r"\b(?:patient|carer)\s+heroes\b") == {"heroes"}
    assert required_literals(r"\b(?:travel|taxi)\s+costs?\b") == {"cost"}
    assert required_literals(r"\b(?:a|b)\b") is None  # too short to be worth it
    assert required_literals(r"\p{Lu}+") is None  # regex-only syntax: no prefilter


def _rule_patterns():
    patterns = []
    for rule in bundled_rules():
        compiled = rule.compiled
        if isinstance(compiled, dict):
            patterns += [p for group in compiled.values() if isinstance(group, list) for p in group]
        elif isinstance(compiled, list):
            patterns += [p[0] if isinstance(p, tuple) else p for p in compiled]
    return [p for p in patterns if hasattr(p, "needs")]


def test_prefilter_agrees_with_the_patterns_on_every_example():
    patterns = _rule_patterns()
    assert len(patterns) > 25  # most phrase lists now live in the vocabulary, checked by the CaseFree test below
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix not in (".eml", ".txt", ".md"):
            continue
        doc = load_path(str(path))
        lowered = doc.text.lower()
        for pattern in patterns:
            truly = regex.search(pattern.source, doc.text, regex.IGNORECASE | regex.MULTILINE) is not None
            if truly and pattern.needs is not None:
                assert any(word in lowered for word in pattern.needs), (pattern.source, path.name)


# -- our own patterns: CaseFree gives exactly what re.IGNORECASE gives ------------------

TRICKY = [
    "Please reply ASAP, by Close Of Play on MONDAY 12 JUNE.",
    "İstanbul meeting on Friday 3 March: reply by COB, or within 48 HOURS.",  # 'İ' changes length when lower-cased
    "We will reply as soon as possible. Could you let us know today?",
    "ſunday the 5th of May 2024, and the KELVIN sign \u212a; reply by ſunday or by frıday.",
    "Let us know ASAP please. The meeting is TODAY. Sent: Monday 3 June 2024 10:15:00",
    "",
]


def _case_free_patterns():
    import importlib
    import pkgutil

    import invitecheck
    from invitecheck.prefilter import CaseFree

    found = {}
    for info in pkgutil.walk_packages(invitecheck.__path__, "invitecheck."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for index, item in enumerate(values):
                if isinstance(item, CaseFree):
                    found[f"{info.name}.{name}[{index}]"] = item
    return found


def _texts():
    from conftest import SHARED

    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".eml", ".txt", ".md"):
            yield path.name, load_path(str(path)).text
    corpus = SHARED / "corpora" / "emails"
    if corpus.is_dir():  # the real emails too, when ../shared is here
        for path in sorted(corpus.rglob("*"))[:400]:
            if path.is_file():
                yield path.name, path.read_bytes()[:20000].decode("utf-8", "replace")
    yield from (("tricky", text) for text in TRICKY)


def test_case_free_patterns_match_exactly_what_ignorecase_matches():
    """The fast path, the case-insensitive path, and Python's own re all agree."""
    from invitecheck.prefilter import lowered

    patterns = _case_free_patterns()
    assert len(patterns) > 20
    for name, text in _texts():
        lower = lowered(text)
        for where, pattern in patterns.items():
            fast = [m.span() for m in pattern.finditer(text, lower)]
            slow = [m.span() for m in pattern.insensitive.finditer(text)]
            reference = [m.span() for m in re.finditer(pattern.pattern, text, pattern.flags | re.IGNORECASE)]
            assert fast == slow == reference, (where, name)


def test_rule_patterns_find_the_same_in_lower_cased_text():
    from invitecheck.prefilter import lowered

    patterns = [p for p in _rule_patterns() if p.lowered is not None]
    assert len(patterns) > 20  # the phrase lists of fact-driven rules are CaseFree patterns in invitecheck/facts, tested above
    for name, text in _texts():
        lower = lowered(text)
        if lower is None:
            continue
        for pattern in patterns:
            fast = [m.span() for m in pattern.lowered.finditer(lower)]
            slow = [m.span() for m in pattern.insensitive.finditer(text)]
            assert fast == slow, (pattern.source, name)
