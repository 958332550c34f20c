"""Facts: what an invitation says, worked out once and read by every rule.

:func:`facts_for` gives the :class:`Facts` of an invitation, memoised on it. Each family
(asks, times, places, people, money, access, commitment) is its own small module and is
worked out when first read, so a rule set that never asks about money never looks for it.
Every fact carries its evidence: :class:`~invitecheck.facts.evidence.Evidence` spans,
offsets into the invitation's text.

Rules name facts as ``family.field`` (``people.person_route``); :data:`NAMES` lists them
all and :func:`lookup` reads one.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cached_property

from . import access, asks, commitment, money, people, places, structure, times
from .evidence import Evidence, first_evidence

FAMILIES = {
    "asks": asks, "times": times, "places": places, "people": people,
    "money": money, "access": access, "commitment": commitment,
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
    def asks(self) -> asks.Asks:
        return asks.find(self.doc, self.region, self)

    @cached_property
    def times(self) -> times.Times:
        return times.find(self.doc, self.region, self)

    @cached_property
    def places(self) -> places.Places:
        return places.find(self.doc, self.region, self)

    @cached_property
    def people(self) -> people.People:
        return people.find(self.doc, self.region, self)

    @cached_property
    def money(self) -> money.Money:
        return money.find(self.doc, self.region, self)

    @cached_property
    def access(self) -> access.Access:
        return access.find(self.doc, self.region, self)

    @cached_property
    def commitment(self) -> commitment.Commitment:
        return commitment.find(self.doc, self.region, self)


def facts_for(doc, sent: date) -> Facts:
    """The invitation's facts for this send date, worked out once."""
    return doc.memo(("facts", sent), lambda: Facts(doc, sent))


def of_result(result) -> Facts | None:
    """The facts of a checked file, for the reply, the reader's report and the audit."""
    if result.invitation is None or not result.sent:
        return None
    return facts_for(result.invitation, date.fromisoformat(result.sent))


NAMES: frozenset[str] = frozenset(
    f"{family}.{item.name}"
    for family, module in FAMILIES.items()
    for item in dataclasses.fields(module.RECORD)
)


def lookup(facts: Facts, name: str):
    """The value of one named fact ("money.hedged"): evidence, a list of evidence, or a value."""
    family, _, field_name = name.partition(".")
    return getattr(getattr(facts, family), field_name)


__all__ = ["Evidence", "Facts", "NAMES", "facts_for", "first_evidence", "lookup", "of_result"]
