"""Money: payment for time (an amount, voluntary, not said), expenses (covered, not
covered, or only hedged) and benefits advice.

"Unpaid carers" describes people, not the role; "expenses may be available" is a hedge
and explains nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import pattern
from .evidence import Evidence, of
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


@dataclass(frozen=True)
class Money:
    payment: Evidence | None  # says people are paid for their time
    amount: Evidence | None  # how much: "£25 an hour", "NIHR rates"
    voluntary: Evidence | None  # says plainly the role is unpaid
    said: Evidence | None  # either of those: whether time is paid is answered
    paid: Evidence | None  # paid, and not said to be voluntary
    benefits: Evidence | None  # advice on how payment may affect benefits
    expenses: Evidence | None  # how costs are met: covered, or plainly not
    expenses_hedged: Evidence | None  # only "expenses may be available" or the like


RECORD = Money


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


def find(doc, where, facts) -> Money:
    payment = of(search(doc, where, PAYMENT_RE))
    voluntary = of(search(doc, where, VOLUNTARY_RE))
    amount = of(search(doc, where, AMOUNT_RE))
    expenses, hedged = _expenses(doc, where)
    return Money(
        payment=payment, amount=amount, voluntary=voluntary, said=payment or voluntary,
        paid=payment if voluntary is None else None, benefits=of(search(doc, where, BENEFITS_RE)),
        expenses=expenses, expenses_hedged=hedged,
    )
