"""invitecheck's own patterns compiled for ``re``, from the program a previous run remembered.

``re.compile`` parses a pattern and turns it into a program for the regular-
expression engine (both steps in Python, and most of the cost), then hands the
program to the engine, written in C, which checks it and builds the Pattern.
The program depends only on the pattern, the flags and Python's version, so it
is kept in the start-up cache (cache.py) and the next run goes straight to the
last step. These are the steps of ``re._compiler.compile`` in Python 3.10 to
3.13. Anything unexpected (another Python's internals, an entry of the wrong
shape, a program the engine refuses) falls back to ``re.compile`` itself.
"""

from __future__ import annotations

import re
import warnings

try:  # Python 3.11+
    import re._compiler as _compiler
    import re._constants as _constants
    import re._parser as _parser
except ImportError:  # Python 3.10
    import sre_compile as _compiler
    import sre_constants as _constants
    import sre_parse as _parser
import _sre

from . import cache


def parse(source: str, flags: int = 0):
    """re's parse of a pattern; re.error, not a FutureWarning, for a pattern re would read otherwise.

    re warns (FutureWarning) about "[[" and "--", "&&", "~~" or "||" inside a set: "[[:alpha:]]" is
    a POSIX class to the regex module and to most tools, but to re it is a set of ":ahlp[" then a
    "]". Such a warning must never reach a user, and re must not read the pattern its own way:
    re.error sends it to the regex module (a rule's pattern), or to "cannot say" (the prefilter).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        try:
            return _parser.parse(source, flags)
        except FutureWarning as warning:
            raise re.error(f"{warning} (re reads this differently from other tools)") from None


def compile(source: str, flags: int = 0) -> re.Pattern:
    """re.compile(source, flags), from the remembered program when there is one (text patterns only).

    A pattern re would read differently from other tools ("[[:alpha:]]", see parse) raises re.error."""
    if not isinstance(source, str):
        return re.compile(source, flags)
    flags = int(flags)
    key = f"{flags}:{source}"
    stored = cache.recall("program", key)
    if stored is not cache.UNKNOWN:
        try:
            return _built(source, flags, *stored)
        except Exception:  # not what this module writes, or a program the engine refuses
            pass
    try:
        compiled, program = _compiled(source, flags)
    except re.error:
        raise
    except Exception:  # anything unexpected in Python's internals: the plain way, which raises re.error
        parse(source, flags)
        return re.compile(source, flags)
    cache.remember("program", key, program)
    return compiled


def _built(source: str, flags: int, final_flags: int, code: str, groups: int, groupindex: dict, indexgroup: list) -> re.Pattern:
    if final_flags & flags != flags:
        raise ValueError("the flags do not match")
    # The engine checks the program (in C) and refuses one that is not well formed.
    return _sre.compile(source, final_flags, list(map(int, code.split(","))), groups - 1, groupindex, tuple(indexgroup))


def _skipping_to_lead(tree, flags: int, code: list) -> list:
    """The code of a pattern that opens with a lead ("(?=[\\dat])\\b(?:…)", see prefilter.lead), told
    that its matches begin with one of the lead's characters, so that re's own loop passes over
    every other place as it does for a pattern that opens with a set, instead of starting the
    pattern there to test the lead. The same matches: the lead is still tested where the set lets
    re stop. Other code is returned as it is: re._compiler finds no such set for a lookahead."""
    flags = tree.state.flags | flags  # as re._compiler uses them: with UNICODE, \d is any digit
    items = tree.data
    if flags & re.IGNORECASE or not items or items[0][0] is not _constants.ASSERT or len(code) < 5:
        return code
    direction, sub = items[0][1]
    if direction != 1 or len(sub.data) != 1 or sub.data[0][0] is not _constants.IN:
        return code
    if code[0] != _constants.INFO or code[1] != 4 or code[2] != 0 or code[3] == 0:
        return code  # re found something better (a literal prefix), or a match may be empty
    charset, cased = _compiler._optimize_charset(sub.data[0][1])
    if cased:
        return code
    chars: list = []
    _compiler._compile_charset(charset, flags, chars)
    return [code[0], 4 + len(chars), _constants.SRE_INFO_CHARSET, code[3], code[4]] + chars + code[5:]


def _compiled(source: str, flags: int) -> tuple[re.Pattern, list]:
    """The pattern, and its program as plain data: [flags, code, groups, group index, index group].

    The code is kept as one text of numbers ("17,4,0,…"): the cache file is read whole at
    start-up, and one text is read much faster than a list of thousands of numbers."""
    tree = parse(source, flags)
    code = _skipping_to_lead(tree, flags, _compiler._code(tree, flags))
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = [flags | tree.state.flags, ",".join([str(int(item)) for item in code]), tree.state.groups, groupindex, indexgroup]
    return _built(source, flags, *program), program
