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

try:  # Python 3.11+
    import re._compiler as _compiler
    import re._parser as _parser
except ImportError:  # Python 3.10
    import sre_compile as _compiler
    import sre_parse as _parser
import _sre

from . import cache


def compile(source: str, flags: int = 0) -> re.Pattern:
    """re.compile(source, flags), from the remembered program when there is one (text patterns only)."""
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
    except Exception:  # anything unexpected in Python's internals: the plain way, which raises re.error
        return re.compile(source, flags)
    cache.remember("program", key, program)
    return compiled


def _built(source: str, flags: int, final_flags: int, code: str, groups: int, groupindex: dict, indexgroup: list) -> re.Pattern:
    if final_flags & flags != flags:
        raise ValueError("the flags do not match")
    # The engine checks the program (in C) and refuses one that is not well formed.
    return _sre.compile(source, final_flags, list(map(int, code.split(","))), groups - 1, groupindex, tuple(indexgroup))


def _compiled(source: str, flags: int) -> tuple[re.Pattern, list]:
    """The pattern, and its program as plain data: [flags, code, groups, group index, index group].

    The code is kept as one text of numbers ("17,4,0,…"): the cache file is read whole at
    start-up, and one text is read much faster than a list of thousands of numbers."""
    tree = _parser.parse(source, flags)
    code = _compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = [flags | tree.state.flags, ",".join([str(int(item)) for item in code]), tree.state.groups, groupindex, indexgroup]
    return _built(source, flags, *program), program
