"""Python's ``re``, with ``compile`` reading the start-up cache: ``from . import cached_re as re``.

Everything is the standard module's (flags, ``Match``, ``sub``, ``escape`` …) except
``compile``, which is :func:`invitecheck.programs.compile`: the same Pattern, built from
the program a previous run remembered instead of parsing the pattern again. It is for
the modules that compile many patterns as they are imported (the facts, the dates, the
document); importing it this way changes nothing else in them.
"""

from re import *  # noqa: F401,F403 - the whole standard interface

from .programs import compile  # noqa: F401 - the one difference
