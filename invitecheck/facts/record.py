"""Record: one family of facts, each fact worked out when it is first read.

A rule reads only some of a family's facts, and a checklist stops at its first
missing piece: "the amount paid" is never looked for in an invitation that does
not pay, nor "how often" for a one-off group. Each fact is a ``fact`` of the
family's record; what several facts share is a ``fact`` whose name starts with
"_", not one rules can name.
"""

from __future__ import annotations

from .evidence import Evidence, of
from .structure import thread


class fact:
    """One fact of a family: worked out when first read, then remembered on the record.

    functools.cached_property does the same, but takes a lock on every first read
    (Python 3.11): a cost here, where a check reads some sixty facts once each.
    """

    def __init__(self, compute) -> None:
        self.compute, self.name, self.__doc__ = compute, compute.__name__, compute.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, record, owner=None):
        if record is None:
            return self
        value = record.__dict__[self.name] = self.compute(record)  # read from the record's __dict__ from now on
        return value


class Record:
    """The facts of one family for one invitation: ``region`` is the part that is the sender's own words."""

    def __init__(self, doc, region, facts) -> None:
        self.doc, self.region, self.facts = doc, region, facts
        self.lowered = doc.lowered  # the lower-cased text every search runs over, looked up once

    @classmethod
    def names(cls) -> list[str]:
        """The facts rules can name, in the order the record declares them."""
        return [name for klass in reversed(cls.__mro__) for name, value in vars(klass).items()
                if isinstance(value, fact) and not name.startswith("_")]

    def search(self, pattern, start: int | None = None, end: int | None = None):
        """The first match of a CaseFree pattern in the region (or between start and end)."""
        region = self.region
        return pattern.search(self.doc.text, self.lowered, region.start if start is None else start, region.end if end is None else end)

    def first(self, pattern) -> Evidence | None:
        """Where a CaseFree pattern first matches in the region, as evidence."""
        return of(pattern.search(self.doc.text, self.lowered, self.region.start, self.region.end))

    @fact
    def _thread(self):
        """The same family's facts over the whole thread, for a reply about a meeting that quotes the
        invitation (see structure.thread); None otherwise."""
        asks = self.facts.asks
        if not (asks.event or asks.stand_in):  # only a reply about a meeting it names, or asks someone to stand in at
            return None
        wider = thread(self.doc)  # with the sender's own earlier message that it quotes
        return type(self)(self.doc, wider, self.facts) if wider.end > self.region.end else None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{name}={getattr(self, name)!r}' for name in self.names())})"
