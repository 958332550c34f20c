"""Facts: what an invitation says, worked out once and read by every rule.

:func:`facts_for` gives the :class:`Facts` of an invitation, memoised on it. Each family
(asks, times, places, people, money, access, commitment, promises) is its own small module and is
worked out when first read, and so is each fact of a family (see :mod:`.record`): a rule
set that never asks about money never looks for it, and one that asks only whether
expenses are explained never looks for the amount paid.
Every fact carries its evidence: :class:`~invitecheck.facts.evidence.Evidence` spans,
offsets into the invitation's text.

Rules name facts as ``family.field`` (``people.person_route``); :data:`NAMES` lists them
all and :func:`lookup` reads one.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from . import access, asks, commitment, money, people, places, promises, structure, times
from .evidence import Evidence, first_evidence

FAMILIES = {
    "asks": asks, "times": times, "places": places, "people": people,
    "money": money, "access": access, "commitment": commitment, "promises": promises,
}


class Facts:
    """The facts of one invitation. Each family is a typed record, found when first read."""

    def __init__(self, doc, sent: date) -> None:
        self.doc = doc
        self.sent = sent

    @cached_property
    def region(self) -> structure.Region:
        return structure.region(self.doc)

    @cached_property
    def thread(self) -> structure.Region:
        """The region and any earlier message of the sender's that an Outlook reply quotes:
        what is asked, the time, money and access offers are read there."""
        return structure.thread(self.doc)

    @cached_property
    def asks(self) -> asks.Asks:
        return asks.Asks(self.doc, self.thread, self)

    @cached_property
    def times(self) -> times.Times:
        return times.Times(self.doc, self.region, self)

    @cached_property
    def places(self) -> places.Places:
        return places.Places(self.doc, self.region, self)

    @cached_property
    def people(self) -> people.People:
        return people.People(self.doc, self.region, self)

    @cached_property
    def money(self) -> money.Money:
        return money.Money(self.doc, self.thread, self)

    @cached_property
    def access(self) -> access.Access:
        return access.Access(self.doc, self.thread, self)

    @cached_property
    def commitment(self) -> commitment.Commitment:
        return commitment.Commitment(self.doc, self.thread, self)

    @cached_property
    def promises(self) -> promises.Promises:
        return promises.Promises(self.doc, self.region, self)


def facts_for(doc, sent: date) -> Facts:
    """The invitation's facts for this send date, worked out once."""
    return doc.memo(("facts", sent), lambda: Facts(doc, sent))


def of_result(result) -> Facts | None:
    """The facts of a checked file, for the reply, the reader's report and the audit."""
    if result.invitation is None or not result.sent:
        return None
    return facts_for(result.invitation, date.fromisoformat(result.sent))


NAMES: frozenset[str] = frozenset(
    f"{family}.{name}"
    for family, module in FAMILIES.items()
    for name in module.RECORD.names()
)


def lookup(facts: Facts, name: str):
    """The value of one named fact ("money.hedged"): evidence, a list of evidence, or a value."""
    family, _, field_name = name.partition(".")
    return getattr(getattr(facts, family), field_name)


__all__ = ["Evidence", "Facts", "NAMES", "facts_for", "first_evidence", "lookup", "of_result"]
