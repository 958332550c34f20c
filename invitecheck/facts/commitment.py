"""Commitment: how long each time, how often, and for how long in all."""

from __future__ import annotations

from dataclasses import dataclass

from ..vocabulary import pattern
from .evidence import Evidence, of
from .structure import search

DURATION_RE = pattern("{vocab:duration}")
FREQUENCY_RE = pattern("{vocab:frequency}")
TERM_RE = pattern("{vocab:term}")


@dataclass(frozen=True)
class Commitment:
    duration: Evidence | None  # "two hours", "90 minutes", "one and a half hours", "10am–12.30"
    frequency: Evidence | None  # "monthly", "four times a year", "six sessions over"
    term: Evidence | None  # "for two years", "a three-year term"


RECORD = Commitment


def find(doc, where, facts) -> Commitment:
    return Commitment(of(search(doc, where, DURATION_RE)), of(search(doc, where, FREQUENCY_RE)), of(search(doc, where, TERM_RE)))
