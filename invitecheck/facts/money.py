"""Money: payment for time (an amount, voluntary, not said), expenses (covered, not
covered, or only hedged) and benefits advice.

"Unpaid carers" describes people, not the role; "expenses may be available" is a hedge
and explains nothing.
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache

from ..vocabulary import pattern
from .earliest import Earliest
from .evidence import Evidence, of
from .record import Record, fact
from .structure import headed_parts, search

PAYMENT_RE = Earliest.of("payment")  # faster one alternative at a time (see earliest.py)
AMOUNT_RE = Earliest.of("payment_amount")
VOLUNTARY_RE = pattern("{vocab:voluntary}")
BENEFITS_RE = pattern("{vocab:benefits}")
COVERED_RE = pattern("{vocab:expenses_covered}")
NOT_COVERED_RE = pattern("{vocab:expenses_not_covered}")
EXPENSES_WORD_RE = pattern("{vocab:expenses_word}")
HEDGE_RE = pattern("{vocab:hedge}")
PAY_HEDGE_RE = pattern("{vocab:hedge_maybe}")
FOR_COSTS_RE = pattern("{vocab:amount_for_costs}")
FOR_TIME_RE = pattern("{vocab:amount_for_time}")
TIME_AS_PAY_RE = pattern("{vocab:time_as_pay}")
SUM_NOT_FOR_TIME_RE = pattern("{vocab:sum_not_for_time}")
# the cost named just after a sum: "£3 for parking", "£10 towards your fares" (not "£100, plus travel")
COST_AFTER_RE = pattern(r"[\d,.]*\s*(?:(?:for|towards|on|in)\s+)?(?:your\s+|the\s+|a\s+)?{vocab:amount_for_costs}")
PARKING_RE = pattern(r"\bparking\b")
# "Taking part is voluntary and you can withdraw": a choice, not an answer about pay
VOLUNTARY_CHOICE_RE = pattern("{vocab:voluntary_choice}")
# "the usual £50 for the half day": pay the reader already has, so its terms are known
PAY_AS_BEFORE_RE = pattern("{vocab:pay_as_before}")
OTHER_COST_RE = pattern("{vocab:cost_other_than_parking}")
OPPORTUNITY_HEADING_RE = pattern("{vocab:opportunity_heading}")
# A sentence ends at a full stop, a blank line, or the end of a short labelled line with no full stop
# ("Where: TBC (somewhere in town)"), which is not read with the sentence under it
SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n[ \t]*\n|^[ \t]*(?:[-*•][ \t]*)?(?:\*\*|__)?[A-Z][\w'’/ -]{0,30}:[^\n]{0,60}\n", re.M)
# A line break ends a clause ("Parking: £3" over "Payment: £40 a session"), except where the words
# run on in lower case: a line wrapped mid-sentence ("we offer £40 for" / "your time") is one clause.
CLAUSE_END_RE = re.compile(r"[.!?;](?=\s)|\n(?![ \t]*[a-z])")
SUM_RE = re.compile(r"£|\d")
EXPENSES_SAID_RE = pattern("{vocab:expenses_said}")


def _around(doc, where, start: int, end: int, ends_re, reach: int) -> tuple[int, int]:
    """The stretch start..end is in: from the last ENDS_RE before it to the first after it, at most REACH
    characters either side."""
    text = doc.text
    left = max(where.start, start - reach)
    ends = [m.end() for m in ends_re.finditer(text, left, start)]
    right = ends_re.search(text, end, min(where.end, end + reach))
    return (ends[-1] if ends else left), (right.start() if right else min(where.end, end + reach))


def _sentence(doc, where, start: int, end: int) -> tuple[int, int]:
    return _around(doc, where, start, end, SENTENCE_END_RE, 200)


def _hedged(doc, where, found) -> bool:
    a, b = _sentence(doc, where, found.start(), found.end())
    return search(doc, where, HEDGE_RE, a, b) is not None


def _parking_only(doc, found) -> bool:
    """"Parking is free": it helps drivers only, and says nothing of fares."""
    start, end = found.start(), found.end()
    return PARKING_RE.search(doc.text, doc.lowered, start, end) is not None and OTHER_COST_RE.search(doc.text, doc.lowered, start, end) is None


def _clause(doc, where, start: int, end: int) -> tuple[int, int]:
    """The clause (up to a full stop, semicolon or line end) the words are in: "Parking costs £3;"."""
    return _around(doc, where, start, end, CLAUSE_END_RE, 160)


def _for_costs(doc, found, a: int, b: int) -> bool:
    """A sum of money said of costs, not of time, in the clause a..b: "parking costs £3, and we refund
    it", "£10 towards fares" (but "we pay £100, plus travel" and "£25 an hour, and free parking" are pay
    for time)."""
    if SUM_RE.match(doc.text, found.start()) is None:
        return False
    named = (FOR_COSTS_RE.search(doc.text, doc.lowered, a, found.start()) is not None
             or COST_AFTER_RE.match(doc.text, doc.lowered, found.end(), b) is not None)
    return named and FOR_TIME_RE.search(doc.text, doc.lowered, a, b) is None


def _pay_hedged(doc, a: int, b: int) -> bool:
    """Pay left open in the clause a..b: "a payment of £30 may be possible", "we hope to offer a
    voucher". (A clause about how pay may affect benefits is advice, not a hedge.)"""
    return (PAY_HEDGE_RE.search(doc.text, doc.lowered, a, b) is not None
            and BENEFITS_RE.search(doc.text, doc.lowered, a, b) is None)


def _costs_paid(doc, found, a: int, b: int) -> bool:
    """Words without a sum that say costs are paid, not time: "travel expenses will be paid" (but "your
    time and travel will be paid" is pay for time)."""
    if SUM_RE.match(doc.text, found.start()) is not None:
        return False
    text, lowered = doc.text, doc.lowered
    return (FOR_COSTS_RE.search(text, lowered, a, found.start()) is not None
            and TIME_AS_PAY_RE.search(text, lowered, a, b) is None)


def _paid(doc, where, found) -> bool:
    """The words say time is paid: not a sum for costs, nor costs said to be paid, nor a hedged offer."""
    a, b = _clause(doc, where, found.start(), found.end())
    if SUM_NOT_FOR_TIME_RE.search(doc.text, doc.lowered, a, b) is not None:
        return False  # "enter the prize draw for a £50 voucher", "we raised £2 million"
    return not _for_costs(doc, found, a, b) and not _costs_paid(doc, found, a, b) and not _pay_hedged(doc, a, b)


def _voluntary(doc, where):
    """The first words that say plainly time is unpaid: not a hedge ("still finding out whether it can be
    paid or has to be voluntary"), nor a choice ("taking part is voluntary; you can withdraw at any time")."""
    for found in VOLUNTARY_RE.finditer(doc.text, doc.lowered, where.start, where.end):
        a, b = _sentence(doc, where, found.start(), found.end())
        if _pay_hedged(doc, a, b):
            continue
        c, d = _clause(doc, where, found.start(), found.end())
        if VOLUNTARY_CHOICE_RE.search(doc.text, doc.lowered, c, d) is not None:
            continue
        return of(found)
    return None


def _pay_for_time(doc, where, regex):
    """The first words that say time is paid, or how much: not a sum for costs, nor a hedged offer.
    The first match is looked for alone (finditer's first, without merging every alternative's
    matches): it is usually the answer, or there is none."""
    first = regex.search(doc.text, doc.lowered, where.start, where.end)
    if first is None or _paid(doc, where, first):
        return of(first)
    for found in regex.finditer(doc.text, doc.lowered, where.start, where.end):
        if _paid(doc, where, found):
            return of(found)
    return None


HEADING_LINE_RE = re.compile(r"[ \t]*(?:\#{1,6}[ \t]+)?(?:\*\*|__)?[\w'’&/ ,-]{1,60}?(?:\*\*|__)?[ \t]*$")


def _heading(doc, found) -> bool:
    """The words are a heading of their own ("## Payment and expenses", "Travel expenses"): a line of
    a few words with no full stop, colon or figure."""
    text = doc.text
    start = text.rfind("\n", 0, found.start()) + 1
    end = text.find("\n", found.end())
    end = len(text) if end == -1 else end
    return end - start <= 60 and HEADING_LINE_RE.fullmatch(text, start, end) is not None


def _expenses(doc, where) -> tuple[Evidence | None, Evidence | None, Evidence | None]:
    """(stated, hedged, parking only): the first plain statement of how costs are met, the first
    hedge, and the first promise that covers parking and nothing else."""
    hedge = parking = None
    for regex in (COVERED_RE, NOT_COVERED_RE):
        for found in regex.finditer(doc.text, doc.lowered, where.start, where.end):
            if regex is COVERED_RE and _heading(doc, found):
                continue  # "## Payment and expenses": a heading names the subject, it covers nothing
            if regex is COVERED_RE and _hedged(doc, where, found):
                hedge = hedge or of(found)
                continue
            if regex is COVERED_RE and _parking_only(doc, found):
                parking = parking or of(found)
                continue
            return of(found), None, None
    if hedge is None:
        word = search(doc, where, EXPENSES_WORD_RE)
        while word is not None and _heading(doc, word):  # "## Payment and expenses" says nothing of them itself
            word = search(doc, where, EXPENSES_WORD_RE, word.end())
        if word is not None and _hedged(doc, where, word):
            hedge = of(word)
        elif word is not None:
            a, b = _sentence(doc, where, word.start(), word.end())
            if EXPENSES_SAID_RE.search(doc.text, doc.lowered, a, b) is None:
                return None, of(word), None  # "Travel expenses: please ask", "Reasonable expenses.": named, not explained
            return of(word), None, None  # "travel expenses: we reimburse …" said some other way
    return None, hedge, parking


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


class Money(Record):
    @fact
    def payment(self) -> Evidence | None:
        """Says people are paid for their time (not "parking costs £3", not "a payment may be possible")."""
        return _pay_for_time(self.doc, self.region, PAYMENT_RE)

    @fact
    def amount(self) -> Evidence | None:
        """How much: "£25 an hour", "NIHR rates"."""
        return _pay_for_time(self.doc, self.region, AMOUNT_RE)

    @fact
    def voluntary(self) -> Evidence | None:
        """Says plainly the role is unpaid (not a hedge, nor "taking part is voluntary" said of choice)."""
        return _voluntary(self.doc, self.region)

    @fact
    def said(self) -> Evidence | None:
        """Either of those, or pay the reader already has ("Usual rate applies."): whether time is paid is answered."""
        return self.payment or self.voluntary or self.pay_as_before

    @fact
    def paid(self) -> Evidence | None:
        """Paid, and not said to be voluntary."""
        return self.payment if self.voluntary is None else None

    @fact
    def pay_as_before(self) -> Evidence | None:
        """The sum is the one the reader already has: "the usual £50 for the half day", "paid at your usual
        rate", "£12 an hour, same as last time"."""
        amount = self.amount
        if amount is None:
            return None
        a, b = _clause(self.doc, self.region, amount.start, amount.end)
        return of(PAY_AS_BEFORE_RE.search(self.doc.text, self.doc.lowered, a, b))

    @fact
    def new_pay(self) -> Evidence | None:
        """Paid, at a rate not said to be the one the reader already has: pay they know comes with terms
        they know (benefits advice among them)."""
        return None if self.pay_as_before is not None else self.paid

    @fact
    def part_unpaid(self) -> Evidence | None:
        """On a page of several opportunities, each under a heading that names it ("## 1. Leaflet readers",
        "## 2. Focus group: coming home from hospital"), that says pay opportunity by opportunity: the first
        that says nothing on it. Not where pay is said for all of them, before the first or in a part of its own."""
        facts = self.facts
        if facts is None or facts.asks.time is None or "#" not in self.doc.text:
            return None
        text = self.doc.text
        parts = [part for part in headed_parts(self.doc)
                 if OPPORTUNITY_HEADING_RE.match(text, self.lowered, part.start, _line_end(text, part.start)) is not None]
        if len(parts) < 2:
            return None
        said_in = [_pay_for_time(self.doc, part, PAYMENT_RE) or _voluntary(self.doc, part) for part in parts]
        if all(said_in) or not any(said_in):
            return None
        said = self.said  # said somewhere outside the opportunities, it is said of them all
        if said is not None and not any(part.start <= said.start < part.end for part in parts):
            return None
        unpaid = next(part for part, paid in zip(parts, said_in) if not paid)
        heading = OPPORTUNITY_HEADING_RE.match(text, self.lowered, unpaid.start, _line_end(text, unpaid.start))
        start = heading.start() + len(heading.group(0)) - len(heading.group(0).lstrip(" \t#*_0123456789.)"))
        return Evidence(start, heading.end())

    @fact
    def said_of_each(self) -> Evidence | None:
        """Whether time is paid is answered, and for each opportunity on a page that says it part by part."""
        return self.said if self.part_unpaid is None else None

    @fact
    def benefits(self) -> Evidence | None:
        """Advice on how payment may affect benefits."""
        return self.first(BENEFITS_RE)

    @fact
    def _expenses(self) -> tuple[Evidence | None, Evidence | None, Evidence | None]:
        return _expenses(self.doc, self.region)

    @fact
    def expenses(self) -> Evidence | None:
        """How costs are met: covered, or plainly not."""
        return self._expenses[0]

    @fact
    def expenses_hedged(self) -> Evidence | None:
        """Only "expenses may be available" or the like."""
        return self._expenses[1]

    @fact
    def expenses_parking_only(self) -> Evidence | None:
        """Only "parking is free": nothing for people who come by bus, train or taxi."""
        return self._expenses[2]


RECORD = Money
