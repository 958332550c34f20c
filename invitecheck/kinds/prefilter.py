"""Words a pattern cannot match without: a cheap test that lets most patterns skip most texts.

From the parsed pattern, the set of literal strings of which every match must
contain at least one ("champion" for `\\bpatient\\s+champions?\\b`). If none is in
the text, the pattern cannot match and is not run. Patterns the standard parser
cannot read (`regex`-only syntax) simply have no prefilter.
"""

from __future__ import annotations

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

import re

_REPEATS = {op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None}


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings, one of which every match contains; None when that cannot be said."""
    try:
        tree = _parser.parse(pattern, re.IGNORECASE)
    except Exception:  # regex-only syntax, or anything else the standard parser refuses
        return None
    found = _sequence(list(tree))
    if not found or min(len(s) for s in found) < 3:
        return None  # too short to be worth testing
    return frozenset(found)


def _better(a: set | None, b: set | None) -> set | None:
    """The more selective of two requirements: the one whose shortest string is longest."""
    if not b:
        return a
    if not a:
        return b
    return b if min(map(len, b)) > min(map(len, a)) else a


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
