"""Cheap matching: most patterns can skip most texts, and case costs nothing.

- required_literals: from the parsed pattern, the set of literal strings of which
  every match must contain at least one ("champion" for
  `\\bpatient\\s+champions?\\b`). If none is in the text, the pattern cannot
  match and is not run. Patterns the standard parser cannot read (`regex`-only
  syntax) simply have no prefilter.
- case_free, lowered and lowercase_safe: a lower-cased copy of the text that
  keeps every offset, and whether a pattern may run over it case-sensitively
  and find what IGNORECASE finds (two to three times faster with Python's re).
- lead: a lookahead on the characters a match can begin with, put in front of
  a pattern that re cannot skip ahead in by itself (one that opens with \\b or
  a lookbehind): every other position is then turned down by one cheap test.
- CaseFree: all three, for invitecheck's own patterns in dates.py, the facts and the kinds.
"""

from __future__ import annotations

try:  # Python 3.11+
    import re._constants as _c
except ImportError:  # Python 3.10
    import sre_constants as _c

import re
import sys

import _sre

from . import cache, programs

_REPEATS = {op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
# Where a match must begin: at the start of a line ("^" without MULTILINE is the text's start, one of them).
_ANCHORS = {_c.AT_BEGINNING: "(?m:^)", _c.AT_BEGINNING_STRING: "(?m:^)"}
_GLOBAL_FLAGS_RE = programs.compile(r"\(\?[a-zA-Z]+\)")


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings, one of which every match contains; None when that cannot be said.

    Remembered between runs (see cache.py): parsing is the slow part.
    """
    known = cache.recall("words", pattern)
    if known is None or (isinstance(known, list) and known and all(isinstance(w, str) and w for w in known)):
        return None if known is None else frozenset(known)
    found = work_out_literals(pattern)
    cache.remember("words", pattern, None if found is None else sorted(found))
    return found


def work_out_literals(pattern: str) -> frozenset[str] | None:
    """required_literals(pattern), worked out from the parsed pattern."""
    try:
        tree = programs.parse(pattern, re.IGNORECASE)
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


# -- requirement: which words a match needs, with "and" and "or" ----------------------------
#
# required_literals gives one set of words, one of which every match holds: for
# "\\bnot\\s+paid\\b|\\bvoluntary\\b" it is {"paid", "voluntary"}, true of nearly every
# invitation that mentions payment. The requirement keeps the structure: ("not" and
# "paid") or "voluntary". A word is a string; ("&", parts) needs every part, ("|", parts)
# any one. Words shorter than MIN_WORD are left out (nearly every text has them), and
# so is any part that could match without a word.

MIN_WORD = 2
MAX_WORDS = 400  # a requirement with more words than this costs more to test than it saves
_AND, _OR, _CLOSE = "\0&", "\0|", "\0)"  # how a requirement is written in the cache (words are never these)


def requirement(pattern: str):
    """What every match of the pattern needs (see above), or None when nothing can be said.

    Remembered between runs with the words (cache.py), under its own key.
    """
    key = _AND + pattern
    known = cache.recall("words", key)
    if known is not cache.UNKNOWN:
        found = _read_requirement(known)
        if found is not _UNREADABLE:
            return found
    found = work_out_requirement(pattern)
    cache.remember("words", key, None if found is None else _written(found))
    return found


def work_out_requirement(pattern: str):
    """requirement(pattern), worked out from the parsed pattern."""
    try:
        tree = programs.parse(pattern, re.IGNORECASE)
    except Exception:  # regex-only syntax, or anything else the standard parser refuses
        return None
    found = _needed_sequence(list(tree))
    if found is None or _count_words(found) > MAX_WORDS:
        return None
    return found


def _combine(op: str, parts: list):
    """One requirement from several: nested ones of the same kind flattened, repeats dropped."""
    flat: list = []
    for part in parts:
        for item in (part[1] if isinstance(part, tuple) and part[0] == op else (part,)):
            if item not in flat:
                flat.append(item)
    flat = _without_repeats(op, flat)
    return flat[0] if len(flat) == 1 else (op, tuple(flat))


def _without_repeats(op: str, flat: list) -> list:
    """Words whose test another already makes, left out: each costs a look through the text.

    "join" or "joining": a text without "join" has no "joining", so "join" alone is
    looked for (and "take" and "part" or "part": "part"). "paid" and "id": "paid" alone.
    """
    words = [item for item in flat if isinstance(item, str)]
    if op == _OR:
        def implied(item) -> bool:  # its text holds one of the other words, so that word is there too
            found = [item] if isinstance(item, str) else [w for w in item[1] if isinstance(w, str)] if item[0] == _AND else []
            return any(word != item and word in text for word in words for text in found)
        return [item for item in flat if not implied(item)]
    return [item for item in flat if not (isinstance(item, str) and any(item != word and item in word for word in words))]


def _needed_sequence(items):
    parts, run = [], ""
    for op, value in items:
        if op is _c.LITERAL:
            run += chr(value).lower()
            continue
        if len(run) >= MIN_WORD:
            parts.append(run)
        run = ""
        found = _needed_node(op, value)
        if found is not None:
            parts.append(found)
    if len(run) >= MIN_WORD:
        parts.append(run)
    return _combine(_AND, parts) if parts else None


def _needed_node(op, value):
    if op is _c.SUBPATTERN:
        return _needed_sequence(list(value[-1]))
    if _ATOMIC is not None and op is _ATOMIC:
        return _needed_sequence(list(value))
    if op is _c.BRANCH:
        branches = []
        for branch in value[1]:
            found = _needed_sequence(list(branch))
            if found is None:
                return None  # a branch that needs no word: the whole needs none
            branches.append(found)
        return _combine(_OR, branches)
    if op in _REPEATS:
        low, _, sub = value
        return _needed_sequence(list(sub)) if low >= 1 else None
    return None


def _count_words(found) -> int:
    return 1 if isinstance(found, str) else sum(_count_words(part) for part in found[1])


def _written(found) -> list[str]:
    if isinstance(found, str):
        return [found]
    return [found[0]] + [word for part in found[1] for word in _written(part)] + [_CLOSE]


_UNREADABLE = object()


def _read_requirement(words):
    """A requirement from how the cache writes it; _UNREADABLE when it is not one."""
    if words is None:
        return None
    if not isinstance(words, list) or not all(isinstance(word, str) and word for word in words):
        return _UNREADABLE
    try:
        found, rest = _parse_written(words)
    except (IndexError, ValueError):
        return _UNREADABLE
    return _UNREADABLE if rest else found


def _parse_written(words: list[str]):
    head, rest = words[0], words[1:]
    if head == _CLOSE:
        raise ValueError("a close with nothing open")
    if head not in (_AND, _OR):
        return head, rest
    parts = []
    while rest[0] != _CLOSE:  # IndexError when it never closes
        part, rest = _parse_written(rest)
        parts.append(part)
    if not parts:
        raise ValueError("an empty requirement")
    return (head, tuple(parts)), rest[1:]


def test_for(found):
    """A function of the lower-cased text that says whether it holds what the requirement needs.

    Made once per pattern from the requirement's words, without compiling any code: the
    words of each "and" or "or" are tested first, one substring search each, then its
    parts that are themselves an "and" or an "or". Each search that settles the answer
    (a word found for an "or", a word missing for an "and") is moved to the front of its
    list, so the next text tries first the part that settled the last one: the answer
    is the same in any order, and the substring searches that run to the end of a text
    without settling anything are most of what these tests cost.
    """
    if isinstance(found, str):
        return lambda text: found in text
    joiner, parts = found
    words = [part for part in parts if isinstance(part, str)]
    tests = [test_for(part) for part in parts if not isinstance(part, str)]
    if joiner == _OR:
        def either(text: str) -> bool:
            for word in words:
                if word in text:
                    if word is not words[0]:
                        _to_front(words, word)
                    return True
            for test in tests:
                if test(text):
                    if test is not tests[0]:
                        _to_front(tests, test)
                    return True
            return False

        return either

    def every(text: str) -> bool:
        for word in words:
            if word not in text:
                if word is not words[0]:
                    _to_front(words, word)
                return False
        for test in tests:
            if not test(text):
                if test is not tests[0]:
                    _to_front(tests, test)
                return False
        return True

    return every


def _to_front(items: list, item) -> None:
    """Move item to the front of items (it is in them once)."""
    items.remove(item)
    items.insert(0, item)


# -- openings: the words every match begins with --------------------------------------
#
# "\\b(?:online|virtual)\\s+only\\b" can begin only where "online" or "virtual" does: its
# search starts at the first of them, not at the start of the text. Zero-width
# tests in front (\\b, ^, a lookbehind) are passed over: re reads the characters
# before the place a search starts from, so they hold there as they would anywhere.

MAX_OPENINGS = 40  # each is looked for once per search: more cost more than they save


def openings(pattern: str) -> tuple[str, ...] | None:
    """Lower-case words one of which every match begins with, or None when that cannot be said.

    Remembered between runs with the words (cache.py), under its own key.
    """
    key = "\0^" + pattern
    known = cache.recall("words", key)
    if known is None or (isinstance(known, list) and known and all(isinstance(w, str) and w and "\0" not in w for w in known)):
        return None if known is None else tuple(known)
    found = work_out_openings(pattern)
    cache.remember("words", key, None if found is None else list(found))
    return found


def work_out_openings(pattern: str) -> tuple[str, ...] | None:
    """openings(pattern), worked out from the parsed pattern."""
    try:
        tree = programs.parse(pattern, re.IGNORECASE)
    except Exception:  # regex-only syntax, or anything else the standard parser refuses
        return None
    found = _opening_words(list(tree))
    if not found or len(found) > MAX_OPENINGS:
        return None
    return tuple(sorted(found))


def _opening_words(items) -> set[str] | None:
    index = 0
    while index < len(items) and items[index][0] in _ZERO_WIDTH:
        index += 1
    if index == len(items):
        return None
    run = ""
    while index < len(items) and items[index][0] is _c.LITERAL:
        run += chr(items[index][1]).lower()
        index += 1
    if run:
        return {run}
    op, value = items[index]
    if op is _c.SUBPATTERN:
        return _opening_words(list(value[-1]))
    if _ATOMIC is not None and op is _ATOMIC:
        return _opening_words(list(value))
    if op is _c.BRANCH:
        words: set[str] = set()
        for branch in value[1]:
            found = _opening_words(list(branch))
            if not found:
                return None
            words |= found
        return words
    if op in _REPEATS:
        found = _opening_words(list(value[2]))
        if value[0] >= 1 or not found:
            return found
        rest = _opening_words(items[index + 1 :])  # "(?:the\\s+)?end": "the" or "end"
        return found | rest if rest else None
    return None


# How many places a search tries one by one before it lets re look everywhere after them.
MAX_TRIES = 6


# -- lead: the characters a match can begin with ----------------------------------------


class _Anything(Exception):
    """A match may begin with almost any character: no lead is worth having."""


def lead(pattern: str, flags: int = 0) -> str:
    """A lookahead that holds wherever a match of the pattern can begin, or '' when it would not help.

    re skips quickly to a pattern's first character when the pattern opens with
    one (or with a set of them); a pattern that opens with \\b, ^ or a lookbehind
    is tried in full at every position. In front of such a pattern, ``(?=[…])``
    on the characters its matches begin with turns most positions down at once.
    It never changes a match: every match begins with one of those characters.
    '' when re already skips ahead, when a match could be empty, or when a
    match may begin with a space or any letter (\\w): the test would pass nearly everywhere.
    """
    if _GLOBAL_FLAGS_RE.match(pattern):
        return ""  # "(?x)…" must stay at the very start
    ignorecase = bool(flags & re.IGNORECASE)
    folded: set[str] = set()  # characters at a place that ignores case
    exact: set[str] = set()  # characters at a place that does not: "(?-i:[A-Z])"; and "^" for a match at a line's start
    try:
        items = list(programs.parse(pattern, flags))
        if not items or _skips_ahead(items, ignorecase) or _opening(items, ignorecase, folded, exact):
            return ""
    except _Anything:
        return ""
    except Exception:  # regex-only syntax, or anything else the standard parser refuses
        return ""
    tests = []
    if folded:  # "(?i:\bcontact)" outside IGNORECASE: its first letter may be "C" or "c", so the test ignores case too
        test = "[" + "".join(sorted(folded)) + "]"
        tests.append(test if ignorecase else "(?i:" + test + ")")
    anchors = sorted(exact & set(_ANCHORS.values()))
    exact -= set(anchors)
    if not (folded or exact):
        return ""  # only "^": the pattern tests that first itself
    if exact:
        test = "[" + "".join(sorted(exact)) + "]"
        tests.append("(?-i:" + test + ")" if ignorecase else test)
    tests += anchors
    return "(?=" + "|".join(tests) + ")"


def with_lead(pattern: str, flags: int = 0) -> str:
    """The pattern with its lead in front, when it has one (see lead); the lead is remembered between runs."""
    key = f"{int(flags)}:{pattern}"
    test = cache.recall("lead", key)
    if not isinstance(test, str):
        test = lead(pattern, flags)
        cache.remember("lead", key, test)
    return test + "(?:" + pattern + ")" if test else pattern


def searchable(pattern: str, flags: int = 0) -> str:
    """The pattern as re searches it fastest, with the same matches and groups: opening with a choice of its
    first characters (starting_with_characters), or else with its lead in front (with_lead). Working it out
    parses and compiles the pattern twice, so the answer is remembered between runs."""
    key = f"{int(flags)}:{pattern}"
    written = cache.recall("opening", key)
    if not isinstance(written, str):
        written = starting_with_characters(pattern, flags) or with_lead(pattern, flags)
        cache.remember("opening", key, written)
    return written


def _flags(ignorecase: bool, av) -> bool:
    """Whether a group (?i:…) or (?-i:…) ignores case."""
    add, remove = av[1], av[2]
    return bool((ignorecase or add & re.IGNORECASE) and not remove & re.IGNORECASE)


def _skips_ahead(items, ignorecase: bool) -> bool:
    """Does re skip ahead to this pattern's first character by itself (it opens with a character or a set)?"""
    op, av = items[0]
    while op is _c.SUBPATTERN and av[-1]:
        ignorecase = _flags(ignorecase, av)
        op, av = list(av[-1])[0]
    if op is _c.LITERAL or op is _c.IN:
        return not ignorecase or not _cased((op, av))  # with IGNORECASE, re skips ahead only to characters that have no case
    if op is _c.BRANCH:
        firsts = [list(branch)[0] if branch else None for branch in av[1]]
        return all(first and first[0] is _c.LITERAL and not (ignorecase and _cased(first)) for first in firsts)
    return False


def _opening(items, ignorecase: bool, folded: set, exact: set) -> bool:
    """Add the characters a match of this sequence can begin with; True when it can match nothing."""
    for op, av in items:
        if op is _c.AT and av in _ANCHORS:
            exact.add(_ANCHORS[av])  # "^[ \t]*Venue:" begins where a line does, whatever comes next
            return False
        if op not in _ZERO_WIDTH and not _opening_node(op, av, ignorecase, folded, exact):
            return False
    return True


def _opening_node(op, av, ignorecase: bool, folded: set, exact: set) -> bool:
    """Add the characters this piece can begin with; True when it can match nothing."""
    into = folded if ignorecase else exact
    if op is _c.LITERAL:
        into.add(_member(av))
        return False
    if op is _c.IN:
        for kind, value in av:
            if kind is _c.LITERAL:
                into.add(_member(value))
            elif kind is _c.RANGE:
                into.add(_member(value[0]) + "-" + _member(value[1]))
            elif kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
                into.add(r"\d")
            else:  # \w, \s, a negated set …
                raise _Anything
        return False
    if op is _c.SUBPATTERN:
        return _opening(av[-1], _flags(ignorecase, av), folded, exact)
    if _ATOMIC is not None and op is _ATOMIC:
        return _opening(av, ignorecase, folded, exact)
    if op is _c.BRANCH:
        return any([_opening(branch, ignorecase, folded, exact) for branch in av[1]])  # a list: every branch adds its characters
    if op in _REPEATS:
        low, _, sub = av
        return _opening(sub, ignorecase, folded, exact) or low == 0
    raise _Anything  # any character, a character but one, a back-reference …


def _member(code: int) -> str:
    if chr(code).isspace():
        raise _Anything  # spaces begin matches nearly everywhere
    return re.escape(chr(code))


# -- starts: a pattern re can skip ahead in by itself --------------------------------------
#
# re finds where a match may begin in one of two ways. A pattern that opens with a
# character, or with a choice of characters each opening a branch, gets a table of
# those characters, and re steps over every other position in a tight loop. Any other
# pattern (one that opens with \\b or a lookbehind, as most of ours do) is tried in
# full at every position: with a lead in front, each such try fails at once, but
# still costs a call. ``starting_with_characters`` writes a pattern the first way
# when it can: "\\b(?:our|the)\\s+" becomes "(?:o(?<!\\wo)ur|t(?<!\\wt)he)\\s+". Each branch
# opens with its first character; the tests that stood before it (\\b, \\B, a
# lookbehind) follow it, looking one character further back. Branches keep their
# order, so the same match is found, with the same groups.

MAX_STARTS = 120  # branches once written out: more cost more to try than a skipped position saves
MAX_SET = 16  # characters of a set written out one by one
_FLAG_LETTERS = ((re.IGNORECASE, "i"), (re.LOCALE, "L"), (re.MULTILINE, "m"), (re.DOTALL, "s"),
                 (re.VERBOSE, "x"), (re.ASCII, "a"))
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
               _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}
_AT = {_c.AT_BEGINNING: "^", _c.AT_BEGINNING_STRING: r"\A", _c.AT_END: "$", _c.AT_END_STRING: r"\Z",
       _c.AT_BOUNDARY: r"\b", _c.AT_NON_BOUNDARY: r"\B"}
_WORD_RE = programs.compile(r"\w")


class _Cannot(Exception):
    """The pattern cannot be written to open with its characters."""


def starting_with_characters(pattern: str, flags: int = 0) -> str:
    """The same pattern opening with a choice of characters (see above), or '' when it cannot be.

    With IGNORECASE, re builds no table of letters, so each letter a match can begin with is
    written in every case re folds together ("p" and "P"; "k", "K" and the Kelvin sign), in a
    group that does not ignore case, and what follows it ignores case again."""
    if flags & re.ASCII or _GLOBAL_FLAGS_RE.match(pattern):
        return ""
    try:
        tree = programs.parse(pattern, flags)
        names = {number: name for name, number in tree.state.groupdict.items()}
        items = list(tree)
        if _skips_ahead(items, bool(flags & re.IGNORECASE)):
            return ""
        try:
            starts, tail = _starts(items, flags)
            if len(starts) > MAX_STARTS:
                return ""
            written = _choice(starts, names, flags) + "".join(_source(x, names) for x in tail)
        except _Cannot:
            written = _one_set_first(items, flags, names, [])
        compiled, original = re.compile(written, flags), re.compile(pattern, flags)
    except (_Cannot, re.error, RecursionError):
        return ""
    except Exception:  # regex-only syntax, or anything else the standard parser refuses
        return ""
    if compiled.groupindex != original.groupindex or compiled.groups != original.groups:
        return ""  # a group written twice, or renumbered
    return written


def _starts(items, flags):
    """(starts, tail): the sequence as a choice of (first character, the flags at it, what follows it)
    triples, then tail."""
    tests = []  # zero-width tests before the first character: moved after it
    index = 0
    while index < len(items) and (items[index][0] is _c.AT or (items[index][0] is _c.ASSERT_NOT or items[index][0] is _c.ASSERT) and items[index][1][0] < 0):
        tests.append(items[index])
        index += 1
    if index == len(items):
        raise _Cannot
    op, av = items[index]
    rest = items[index + 1:]
    if op is _c.LITERAL:
        pairs, tail = [(av, flags, [])], rest
    elif op is _c.BRANCH:
        pairs = []
        for branch in av[1]:
            inner, inner_tail = _starts(list(branch), flags)
            pairs += [(c, at, after + inner_tail) for c, at, after in inner]
        tail = rest
    elif op is _c.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
        inner, inner_tail = _starts(list(av[3]), flags)
        if inner_tail:
            pairs, tail = [(c, at, after + inner_tail) for c, at, after in inner], rest
        else:
            pairs, tail = inner, rest
    elif op is _c.SUBPATTERN and av[0] is None and not (av[1] | av[2]) & ~re.IGNORECASE:
        # (?-i:…) or (?i:…): what follows the first character is written in a group with the same flags
        add, remove = av[1], av[2]
        inner_flags = (flags | add) & ~remove
        inner, inner_tail = _starts(list(av[3]), inner_flags)
        pairs = [(c, at, [("flagged", (add, remove, after + inner_tail))]) for c, at, after in inner]
        tail = rest
    elif op is _c.IN and all(kind is _c.LITERAL or kind is _c.RANGE for kind, _ in av):
        chars = [c for kind, value in av for c in ([value] if kind is _c.LITERAL else range(value[0], value[1] + 1))]
        if len(chars) > MAX_SET:
            raise _Cannot
        pairs, tail = [(c, flags, []) for c in chars], rest
    elif op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
        # x{2,5} is x then x{1,4}; x? is "x then the rest" or "the rest", in the order the repeat tries them
        low, high, sub = av
        inner, inner_tail = _starts(list(sub), flags)
        more = [] if high is not _c.MAXREPEAT and high <= 1 else [
            (op, (max(low - 1, 0), high if high is _c.MAXREPEAT else high - 1, sub))]
        once = [(c, at, after + inner_tail + more) for c, at, after in inner]
        if low >= 1:
            pairs, tail = once, rest
        else:
            if not rest:
                raise _Cannot  # it could match nothing
            skipped, skipped_tail = _starts(rest, flags)
            skipped = [(c, at, after + skipped_tail) for c, at, after in skipped]
            once = [(c, at, after + rest) for c, at, after in once]
            pairs, tail = (once + skipped if op is _c.MAX_REPEAT else skipped + once), []
    else:
        raise _Cannot
    return [(c, at, [_moved(test, c, flags) for test in tests] + after) for c, at, after in pairs], tail


def _one_set_first(items, flags, names, tests) -> str:
    """The sequence written to open with its first character's set, when that is one set (not a
    choice of branches): "(?<![\\w&/-])([A-Z]…)" becomes "([A-Z](?<![\\w&/-][A-Z])…)", and
    "(?=\\d)(?<![\\d/])(?P<year>\\d{4})" becomes "(?P<year>\\d(?<=\\d)(?<![\\d/]\\d)\\d{3})". A
    capturing group may hold the set, as it stays where it was; the tests in front move after it."""
    index = 0
    while index < len(items) and items[index][0] in _ZERO_WIDTH:
        tests = tests + [items[index]]
        index += 1
    if index == len(items):
        raise _Cannot
    op, av = items[index]
    rest = "".join(_source(x, names) for x in items[index + 1:])
    if op is _c.SUBPATTERN and av[0] is not None and not av[1] and not av[2]:
        inner = _one_set_first(list(av[3]), flags, names, tests)
        opener = f"(?P<{names[av[0]]}>" if av[0] in names else "("
        return opener + inner + ")" + rest
    if op is _c.LITERAL or op is _c.IN:
        first, more = (op, av), ""
    elif (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] in (_c.LITERAL, _c.IN):
        low, high, sub = av
        first = sub[0]
        if high is not _c.MAXREPEAT and high <= 1:
            more = ""
        else:
            more = _source((op, (low - 1, high if high is _c.MAXREPEAT else high - 1, sub)), names)
    else:
        raise _Cannot
    written = _source(first, names)
    if first[0] is _c.IN and any(kind is _c.NEGATE for kind, _ in first[1]):
        raise _Cannot  # a set of nearly every character: re would gain nothing
    if flags & re.IGNORECASE and _cased(first):
        raise _Cannot  # with case ignored, re builds no table of letters
    moved = "".join(_moved_over(test, first, written, flags) for test in tests)
    return written + moved + more + rest


def _set_members(item) -> list[int] | None:
    """The characters of a literal or a set of literals and ranges, or None for a set with categories."""
    op, av = item
    if op is _c.LITERAL:
        return [av]
    chars = []
    for kind, value in av:
        if kind is _c.LITERAL:
            chars.append(value)
        elif kind is _c.RANGE and value[1] - value[0] < 256:
            chars.extend(range(value[0], value[1] + 1))
        else:
            return None
    return chars


def _cased(item) -> bool:
    chars = _set_members(item)
    if chars is None:
        return not (item[0] is _c.IN and all(kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT for kind, value in item[1]))
    return any(_sre.unicode_iscased(c) for c in chars)


def _word_set(item, flags: int) -> bool:
    """True when every character of the set is a word character (\\w), False when none is; else _Cannot."""
    chars = _set_members(item)
    if chars is None:
        if item[0] is _c.IN and all(kind is _c.CATEGORY and value in (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD) for kind, value in item[1]):
            return True
        raise _Cannot
    word = {bool(re.match(r"\w", chr(c), re.ASCII if flags & re.ASCII else 0)) for c in chars}
    if len(word) != 1:
        raise _Cannot
    return word.pop()


def _moved_over(test, first, written: str, flags: int) -> str:
    """The zero-width test that held before the set's character, as it reads after it."""
    op, av = test
    if op is _c.AT:
        if av is _c.AT_BOUNDARY or av is _c.AT_NON_BOUNDARY:
            holds_after_word = (av is _c.AT_BOUNDARY) != _word_set(first, flags)
            return ("(?<=" if holds_after_word else "(?<!") + r"\w" + written + ")"
        if av is _c.AT_BEGINNING and flags & re.MULTILINE:
            return r"(?<![^\n]" + written + ")"
        raise _Cannot
    direction, sub = av
    if direction > 0:  # a lookahead: it reads the set's own character, so only one of one character is moved
        sub = list(sub)
        if len(sub) != 1 or sub[0][0] not in (_c.LITERAL, _c.IN):
            raise _Cannot
        return ("(?<=" if op is _c.ASSERT else "(?<!") + _source(sub[0], None) + ")"
    return ("(?<=" if op is _c.ASSERT else "(?<!") + "".join(_source(x, None) for x in sub) + written + ")"


# Beyond its two cases, the characters IGNORECASE matches an ASCII letter with (re's own
# simple case folding; tests/test_prefilter.py checks every code point).
_FOLDED_WITH = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _cases(c: int, ignorecase: bool) -> list[int]:
    """The characters that match c where it stands: c itself, or with IGNORECASE every case of it."""
    char = chr(c)
    if not ignorecase or not _sre.unicode_iscased(c):
        return [c]
    if not (char.isascii() and char.isalpha()):
        raise _Cannot  # a letter beyond ASCII: its cases are not written out
    lower = char.lower()
    return [ord(x) for x in lower + lower.upper() + _FOLDED_WITH.get(lower, "")]


def _choice(starts, names, flags: int = 0) -> str:
    """The triples as one choice of characters. Branches that open with different characters
    cannot both match at one place, so each character's branches are put together (in
    their order), with the tests they all open with written once. With IGNORECASE the
    choice is made with case kept (each letter in all its cases), and what follows each
    character ignores case again."""
    ignorecase = bool(flags & re.IGNORECASE)
    by_char: dict[int, list[list[str]]] = {}
    for c, at, rest in starts:
        written_rest = [_source(x, names) for x in rest]
        for variant in _cases(c, bool(at & re.IGNORECASE)):
            by_char.setdefault(variant, []).append(written_rest)
    if len(by_char) > MAX_STARTS:
        raise _Cannot
    written = []
    for c, rests in by_char.items():
        common = []
        while rests[0] and all(rest and rest[0] == rests[0][0] and rest[0].startswith("(?<") for rest in rests):
            common.append(rests[0][0])
            rests = [rest[1:] for rest in rests]
        inner = ["".join(rest) for rest in rests]
        body = inner[0] if len(inner) == 1 else "(?:" + "|".join(inner) + ")"
        after = "".join(common) + body
        written.append(_char(c) + ("(?i:" + after + ")" if ignorecase and after else after))
    choice = "(?:" + "|".join(written) + ")"
    return "(?-i:" + choice + ")" if ignorecase else choice


def _moved(test, c: int, flags: int):
    """The zero-width test that held before character c, as it reads after it."""
    op, av = test
    char = _char(c)
    if op is _c.AT:
        if av is _c.AT_BOUNDARY or av is _c.AT_NON_BOUNDARY:
            ascii_only = bool(flags & re.ASCII)
            word = bool(re.match(r"\w", chr(c), re.ASCII if ascii_only else 0))
            holds_after_word = (av is _c.AT_BOUNDARY) != word  # \b before a word character: none before it
            return ("raw", ("(?<=" if holds_after_word else "(?<!") + r"\w" + char + ")")
        if av is _c.AT_BEGINNING and flags & re.MULTILINE:
            return ("raw", r"(?<![^\n]" + char + ")")  # a line's start: no character before it but a line break
        raise _Cannot  # the rest: left to the lead
    direction, sub = av
    return ("raw", ("(?<=" if op is _c.ASSERT else "(?<!") + "".join(_source(x, None) for x in sub) + char + ")")


def _char(c: int) -> str:
    ch = chr(c)
    if ch.isascii() and ch.isalnum():
        return ch
    return f"\\x{c:02x}" if c < 0x100 else (f"\\u{c:04x}" if c < 0x10000 else f"\\U{c:08x}")


def _flag_letters(value: int) -> str:
    return "".join(letter for flag, letter in _FLAG_LETTERS if value & flag)


def _source(item, names) -> str:
    op, av = item
    if op == "raw":
        return av
    if op == "flagged":
        add, remove, sub = av
        inner = "".join(_source(x, names) for x in sub)
        return "(?" + _flag_letters(add) + ("-" + _flag_letters(remove) if remove else "") + ":" + inner + ")" if inner else ""
    if op is _c.LITERAL:
        return _char(av)
    if op is _c.NOT_LITERAL:
        return "[^" + _char(av) + "]"
    if op is _c.ANY:
        return "."
    if op is _c.IN:
        parts = []
        for kind, value in av:
            if kind is _c.NEGATE:
                parts.append("^")
            elif kind is _c.LITERAL:
                parts.append(_char(value))
            elif kind is _c.RANGE:
                parts.append(_char(value[0]) + "-" + _char(value[1]))
            elif kind is _c.CATEGORY and value in _CATEGORIES:
                parts.append(_CATEGORIES[value])
            else:
                raise _Cannot
        return "[" + "".join(parts) + "]"
    if op is _c.AT and av in _AT:
        return _AT[av]
    if op is _c.BRANCH:
        return "(?:" + "|".join("".join(_source(x, names) for x in branch) for branch in av[1]) + ")"
    if op is _c.SUBPATTERN:
        group, add, remove, sub = av
        inner = "".join(_source(x, names) for x in sub)
        if group is None:
            if add or remove:
                return "(?" + _flag_letters(add) + ("-" + _flag_letters(remove) if remove else "") + ":" + inner + ")"
            return "(?:" + inner + ")"
        if names is None:
            raise _Cannot  # a group inside a lookbehind that moves
        return f"(?P<{names[group]}>{inner})" if group in names else "(" + inner + ")"
    if op in _REPEATS:
        low, high, sub = av
        inner = "(?:" + "".join(_source(x, names) for x in sub) + ")"
        count = "{%d,%s}" % (low, "" if high is _c.MAXREPEAT else high)
        suffix = "?" if op is _c.MIN_REPEAT else ("+" if op is getattr(_c, "POSSESSIVE_REPEAT", None) else "")
        return inner + count + suffix
    if op is _c.ASSERT or op is _c.ASSERT_NOT:
        direction, sub = av
        opener = {(_c.ASSERT, 1): "(?=", (_c.ASSERT, -1): "(?<=", (_c.ASSERT_NOT, 1): "(?!", (_c.ASSERT_NOT, -1): "(?<!"}[(op, direction)]
        return opener + "".join(_source(x, names) for x in sub) + ")"
    if op is _c.GROUPREF:
        if names is None:
            raise _Cannot
        return f"(?P={names[av]})" if av in names else f"(?:\\{av})"
    if _ATOMIC is not None and op is _ATOMIC:
        return "(?>" + "".join(_source(x, names) for x in av) + ")"
    raise _Cannot


_ESCAPE_RE = programs.compile(r"\\.")
_GROUP_NAME_RE = programs.compile(r"\(\?P(?:<\w+>|=\w+\)|>\w+\))")  # (?P<name>, (?P=name), (?P>name)
# \p{Lu}, \N{…}, [[:upper:]] (regex's POSIX classes): letter case that lower-casing would change
_PROPERTY_RE = programs.compile(r"\\[pPN]\{|\[:\^?[a-z]+:\]")
_FLAG_GROUP_RE = programs.compile(r"\(\?[abefiLmprsuVwx0-9-]+[:)]")


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


def any_of(words) -> str:
    """A pattern that finds where the first of the words begins, written as a tree of their letters.

    Only where a match begins is read (the opener's start): "join" is enough for "joining" too,
    and at each place re follows one branch of letters ("a(?:ccessib…|nother)") instead of
    trying every word in turn.
    """
    tree: dict = {}
    for word in sorted(set(words), key=len):
        node = tree
        for char in word:
            if node.get("") is True:
                break  # a shorter word already begins here
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = True
    return _branches(tree)


def _branches(node: dict) -> str:
    if node.get("") is True:
        return ""
    parts = [re.escape(char) + _branches(child) for char, child in sorted(node.items())]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


class CaseFree:
    """One of invitecheck's own case-insensitive patterns, made cheap.

    It runs over lower-cased text without the IGNORECASE flag (two to three
    times faster), is not run at all when the text lacks every word it
    needs, and turns down at once a position no match can begin at (see lead).
    Callers pass both texts; ``lower`` is None when offsets would move.
    Matches found in the lower-cased text quote it in lower case: take the
    words from the original text by offset.
    """

    __slots__ = ("_insensitive", "_fast", "_safe", "_needs", "_test", "_opener", "pattern", "flags")

    def __init__(self, source: str, flags: int = 0) -> None:
        # Nothing is compiled until the pattern is first used: a check imports
        # every kind, and many of their patterns are never needed for one file.
        self.pattern, self.flags = source, flags
        self._fast = self._insensitive = self._safe = self._test = None
        self._needs = self._opener = False

    @property
    def fast(self) -> re.Pattern | None:
        """The pattern without IGNORECASE, for lower-cased text; None when lower-casing could change a match."""
        if self._safe is None:
            self._safe = lowercase_safe(self.pattern)
            self._fast = programs.compile(searchable(self.pattern, self.flags), self.flags) if self._safe else None
        return self._fast

    @property
    def needs(self):
        """The words a match needs (see requirement), or None."""
        if self._needs is False:
            self._needs = requirement(self.pattern)
        return self._needs

    @property
    def groupindex(self):
        return (self.fast or self.insensitive).groupindex

    @property
    def insensitive(self) -> re.Pattern:
        # Compiled when first needed: for most patterns, only a text that
        # lower-casing would lengthen needs it.
        if self._insensitive is None:
            flags = self.flags | re.IGNORECASE
            self._insensitive = programs.compile(searchable(self.pattern, flags), flags)
        return self._insensitive

    def possible(self, lower: str | None, start: int = 0, end: int = sys.maxsize) -> bool:
        """False when lower[start:end] lacks the words the pattern needs (see requirement): no match can be there."""
        test = self._test
        if test is None:
            if self.needs is None:
                return True
            test = self._test = test_for(self.needs)
        if lower is None:
            return True
        return test(lower if start <= 0 and end >= len(lower) else lower[start:end])

    def _pick(self, text: str, lower: str | None):
        if lower is not None and self.fast is not None:
            return self.fast, lower
        return self.insensitive, text

    @property
    def opener(self) -> re.Pattern | None:
        """A pattern that finds the words every match begins with (see openings), or None."""
        if self._opener is False:
            words = openings(self.pattern)
            self._opener = None if words is None else programs.compile(any_of(words))
        return self._opener

    def search(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        if not self.possible(lower, start, end):
            return None
        compiled, subject = self._pick(text, lower)
        opener = self.opener if compiled is self._fast else None  # the words are lower-case: only over lower-cased text
        if opener is None:
            return compiled.search(subject, start, end)
        # The pattern is tried only where a word it begins with is: a few places, not every one.
        for _ in range(MAX_TRIES):
            place = opener.search(subject, start, end)
            if place is None:
                return None
            found = compiled.match(subject, place.start(), end)
            if found is not None:
                return found
            start = place.start() + 1  # a word may begin inside the one just found
        return compiled.search(subject, start, end)  # the words are common here: let re look everywhere

    def match(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        compiled, subject = self._pick(text, lower)
        return compiled.match(subject, start, end)

    def finditer(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        if not self.possible(lower, start, end):
            return iter(())
        compiled, subject = self._pick(text, lower)
        opener = self.opener if compiled is self._fast else None  # the words are lower-case: only over lower-cased text
        if opener is None:
            return compiled.finditer(subject, start, end)
        return _each(compiled, opener, subject, start, end)


def _each(compiled: re.Pattern, opener: re.Pattern, subject: str, start: int, end: int):
    """compiled.finditer(subject, start, end), each match looked for as CaseFree.search does: tried only
    where a word matches begin with is, a few places one by one, then by re everywhere after them."""
    while True:
        for _ in range(MAX_TRIES):
            place = opener.search(subject, start, end)
            if place is None:
                return
            found = compiled.match(subject, place.start(), end)
            if found is not None:
                break
            start = place.start() + 1  # a word may begin inside the one just found
        else:
            yield from compiled.finditer(subject, start, end)  # the words are common here: let re look everywhere
            return
        if found.end() == found.start():  # an empty match: re's own rules for what may follow it
            yield from compiled.finditer(subject, found.start(), end)
            return
        yield found
        start = found.end()


class Rare:
    """A CaseFree pattern whose slowest branches each need a rare word, run without them where the word is not.

    ``branches`` maps a word (or a tuple of words) to the branches (as written in the
    expanded source, each after a "|") that cannot match without it (without one of them): a branch such as
    "\\w+\\s+o['’]clock" can begin at any letter, so no lead or opener can skip
    a position while it is in the pattern. Where the lower-cased text between
    start and end lacks a word, its branches cannot match and the pattern
    without them finds the very same matches, faster; each word's branches are left
    out on their own (a text with "noon" but no "clock" is searched without the
    "o'clock" branches), each such pattern made when a text first needs it.
    """

    __slots__ = ("full", "plain", "words", "pattern", "flags", "_groups", "_without")

    def __init__(self, source: str, flags: int, branches: dict[str, tuple[str, ...]]) -> None:
        for written in branches.values():
            for branch in written:
                if "|" + branch not in source:
                    raise ValueError(f"the branch {branch!r} is not in the pattern")
        self._groups = tuple(((key,) if isinstance(key, str) else tuple(key), tuple(written)) for key, written in branches.items())
        everything = tuple(range(len(self._groups)))
        self.full, self.plain = CaseFree(source, flags), CaseFree(_leave_out(source, self._groups, everything), flags)
        self._without = {everything: self.plain}  # the pattern without the branches of these groups
        self.words = tuple(word for words, _ in self._groups for word in words)
        self.pattern, self.flags = source, flags

    @property
    def groupindex(self):
        return self.full.groupindex

    def _for(self, lower: str | None, start: int, end: int) -> CaseFree:
        if lower is None:
            return self.full
        absent = tuple(index for index, (words, _) in enumerate(self._groups)
                       if not any(lower.find(word, start, end) >= 0 for word in words))
        if not absent:
            return self.full
        found = self._without.get(absent)
        if found is None:
            found = self._without[absent] = CaseFree(_leave_out(self.pattern, self._groups, absent), self.flags)
        return found

    def possible(self, lower: str | None, start: int = 0, end: int = sys.maxsize) -> bool:
        return self.full.possible(lower, start, end)

    def search(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        return self._for(lower, start, end).search(text, lower, start, end)

    def match(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        return self.full.match(text, lower, start, end)

    def finditer(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        return self._for(lower, start, end).finditer(text, lower, start, end)


class Branches:
    """A CaseFree pattern that is a choice of branches (a vocabulary list), each branch searched on its own.

    Alone, a branch opens with its own lead or words, which re skips ahead to, and is not run at all
    where the text lacks the words it needs; the choice of all of them can begin at almost any
    letter, digit or line, and tries every branch at every such place (the rarer durations: about
    six times the cost of their eight branches searched one by one). The matches are the choice's:
    the leftmost match of any branch, the first branch in the list where two begin at the same
    place, the next looked for from where it ends; re reads the characters before the place a
    search starts from, so each branch matches there as it would inside the choice. A match carries
    its own branch's groups. ``whole`` is the choice as one pattern (a CaseFree or a Rare).
    """

    __slots__ = ("whole", "branches", "pattern", "flags")

    def __init__(self, whole, branches) -> None:
        self.whole, self.branches = whole, tuple(branches)
        self.pattern, self.flags = whole.pattern, whole.flags

    @property
    def groupindex(self):
        return self.whole.groupindex

    def possible(self, lower: str | None, start: int = 0, end: int = sys.maxsize) -> bool:
        return any(branch.possible(lower, start, end) for branch in self.branches)

    def search(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        return next(self.finditer(text, lower, start, end), None)

    def match(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        return self.whole.match(text, lower, start, end)

    def finditer(self, text: str, lower: str | None, start: int = 0, end: int = sys.maxsize):
        branches = self.branches
        end = min(end, len(text))
        found = [branch.search(text, lower, start, end) for branch in branches]  # each one's next match, or None
        while True:
            first = None
            for match in found:
                if match is not None and (first is None or match.start() < first.start()):
                    first = match  # on a tie the earlier branch, as the choice tries them in order
            if first is None:
                return
            if first.end() == first.start():  # an empty match: re's own rules for what may follow it
                yield from self.whole.finditer(text, lower, first.start(), end)
                return
            yield first
            start = first.end()
            for index, match in enumerate(found):
                if match is not None and match.start() < start:  # overlapped: look again from here
                    found[index] = branches[index].search(text, lower, start, end)


def _leave_out(source: str, groups, indices) -> str:
    """The source without the branches of the groups at these indices, longest first
    ("o'clock in the …" before "o'clock", a branch before the shorter ones inside it)."""
    for branch in sorted((branch for index in indices for branch in groups[index][1]), key=len, reverse=True):
        source = source.replace("|" + branch, "")
    return source
