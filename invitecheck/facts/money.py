"""Money: payment for time (an amount, voluntary, not said), expenses (covered, not
covered, or only hedged) and benefits advice.

"Unpaid carers" describes people, not the role; "expenses may be available" is a hedge
and explains nothing.
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache

from ..vocabulary import pattern
from .evidence import Evidence, of
from .record import Record, fact
from .structure import search

PAYMENT_RE = pattern("{vocab:payment}")
AMOUNT_RE = pattern("{vocab:payment_amount}")
VOLUNTARY_RE = pattern("{vocab:voluntary}")
BENEFITS_RE = pattern("{vocab:benefits}")
COVERED_RE = pattern("{vocab:expenses_covered}")
NOT_COVERED_RE = pattern("{vocab:expenses_not_covered}")
EXPENSES_WORD_RE = pattern("{vocab:expenses_word}")
HEDGE_RE = pattern("{vocab:hedge}")
SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")


def _sentence(doc, where, start: int, end: int) -> tuple[int, int]:
    text = doc.text
    left = max(where.start, start - 200)
    ends = [m.end() for m in SENTENCE_END_RE.finditer(text, left, start)]
    right = SENTENCE_END_RE.search(text, end, min(where.end, end + 200))
    return (ends[-1] if ends else left), (right.start() if right else min(where.end, end + 200))


def _hedged(doc, where, found) -> bool:
    a, b = _sentence(doc, where, found.start(), found.end())
    return search(doc, where, HEDGE_RE, a, b) is not None


def _expenses(doc, where) -> tuple[Evidence | None, Evidence | None]:
    """(stated, hedged): the first plain statement of how costs are met, and the first hedge."""
    hedge = None
    for regex in (COVERED_RE, NOT_COVERED_RE):
        for found in regex.finditer(doc.text, doc.lowered, where.start, where.end):
            if regex is COVERED_RE and _hedged(doc, where, found):
                hedge = hedge or of(found)
                continue
            return of(found), None
    if hedge is None:
        word = search(doc, where, EXPENSES_WORD_RE)
        if word is not None and _hedged(doc, where, word):
            hedge = of(word)
        elif word is not None:
            return of(word), None  # "travel expenses: we reimburse …" said some other way
    return None, hedge


class Money(Record):
    @fact
    def payment(self) -> Evidence | None:
        """Says people are paid for their time."""
        return self.first(PAYMENT_RE)

    @fact
    def amount(self) -> Evidence | None:
        """How much: "£25 an hour", "NIHR rates"."""
        return self.first(AMOUNT_RE)

    @fact
    def voluntary(self) -> Evidence | None:
        """Says plainly the role is unpaid."""
        return self.first(VOLUNTARY_RE)

    @fact
    def said(self) -> Evidence | None:
        """Either of those: whether time is paid is answered."""
        return self.payment or self.voluntary

    @fact
    def paid(self) -> Evidence | None:
        """Paid, and not said to be voluntary."""
        return self.payment if self.voluntary is None else None

    @fact
    def benefits(self) -> Evidence | None:
        """Advice on how payment may affect benefits."""
        return self.first(BENEFITS_RE)

    @fact
    def _expenses(self) -> tuple[Evidence | None, Evidence | None]:
        return _expenses(self.doc, self.region)

    @fact
    def expenses(self) -> Evidence | None:
        """How costs are met: covered, or plainly not."""
        return self._expenses[0]

    @fact
    def expenses_hedged(self) -> Evidence | None:
        """Only "expenses may be available" or the like."""
        return self._expenses[1]


RECORD = Money
