"""Commitment: how long each time, how often, and for how long in all."""

from __future__ import annotations

import re
from itertools import chain

from ..vocabulary import fragment, pattern, rare_pattern, rare_time_pattern
from .evidence import Evidence, of
from .record import Record, fact

DURATION_RE = rare_time_pattern("{vocab:duration}")
# Where a part has no unit word, the time ranges are the only durations it can hold (see _durations)
DURATION_UNIT_RE = re.compile(fragment("duration_unit"))
TIME_RANGE_RE = rare_time_pattern("{vocab:time_range}")
FREQUENCY_RE = pattern("{vocab:frequency}")
TERM_RE = pattern("{vocab:term}")
TERM_MORE_RE = pattern("{vocab:term_more}")  # looked for only when TERM_RE finds nothing
# Without its "\w+ o'clock" (tried at every letter) where the text has no "clock" (see Rare)
DURATION_MORE_RE = rare_pattern("{vocab:duration_more}", {"clock": (r"\w+\s+o['’]clock",)})
NOT_A_DURATION_BEFORE_RE = re.compile(fragment("not_a_duration_before"), re.I)


def _durations(text: str, lower: str | None, start: int, end: int):
    """DURATION_RE.finditer(text, lower, start, end). Every branch of the duration but the time range
    needs a unit word, so in a part with none of them ("10am to 12.30" is all it can hold) the time
    range is looked for alone: the same matches, without trying the number words at every "a" and "one"."""
    if lower is not None and not DURATION_UNIT_RE.search(lower, start, end):
        return TIME_RANGE_RE.finditer(text, lower, start, end)
    return DURATION_RE.finditer(text, lower, start, end)


def _duration(doc, where) -> Evidence | None:
    """The first duration that is not a rate of pay ("£20 an hour", "£110 for a full day") or an age range ("aged 16 to 25")."""
    for found in chain(_durations(doc.text, doc.lowered, where.start, where.end),
                       DURATION_MORE_RE.finditer(doc.text, doc.lowered, where.start, where.end)):
        if not NOT_A_DURATION_BEFORE_RE.search(doc.text, max(where.start, found.start() - 16), found.start()):
            return of(found)
    return None


class Commitment(Record):
    @fact
    def duration(self) -> Evidence | None:
        """"two hours", "90 minutes", "one and a half hours", "10am–12.30"."""
        return _duration(self.doc, self.region)

    @fact
    def frequency(self) -> Evidence | None:
        """"monthly", "four times a year", "six sessions over"."""
        return self.first(FREQUENCY_RE)

    @fact
    def term(self) -> Evidence | None:
        """"for two years", "a three-year term"."""
        return self.first(TERM_RE) or self.first(TERM_MORE_RE)


RECORD = Commitment
