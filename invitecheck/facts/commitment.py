"""Commitment: how long each time, how often, and for how long in all."""

from __future__ import annotations

from ..vocabulary import pattern
from .evidence import Evidence
from .record import Record, fact

DURATION_RE = pattern("{vocab:duration}")
FREQUENCY_RE = pattern("{vocab:frequency}")
TERM_RE = pattern("{vocab:term}")


class Commitment(Record):
    @fact
    def duration(self) -> Evidence | None:
        """"two hours", "90 minutes", "one and a half hours", "10am–12.30"."""
        return self.first(DURATION_RE)

    @fact
    def frequency(self) -> Evidence | None:
        """"monthly", "four times a year", "six sessions over"."""
        return self.first(FREQUENCY_RE)

    @fact
    def term(self) -> Evidence | None:
        """"for two years", "a three-year term"."""
        return self.first(TERM_RE)


RECORD = Commitment
