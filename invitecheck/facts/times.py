"""Dates and times with their role: a deadline to act by, an event, or history.

A past date counts as a deadline only when written as one ("closing date: 1 June"). A
promise of payment ("we pay within ten working days") is no deadline. Instant demands
("by close of play", "ASAP") are found here once, for whichever rule owns them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import dates
from ..vocabulary import fragment, pattern
from .evidence import Evidence, of
from .structure import search

DEADLINE_BEFORE_RE = re.compile(rf"\b(?:{fragment('deadline_lead')})\s*:?\s*(?:on\s+)?(?:the\s+)?$", re.I)
CLOCK_RE = pattern("{vocab:clock_time}|{vocab:time_range}")
RELATIVE_DAY_RE = pattern(r"\b(?:{vocab:relative_day})\b")
# A meeting that recurs: "every Thursday", "the first Tuesday of each month", "on Thursdays"
RECURRING_RE = pattern(
    r"\b(?:every|each)\s+(?:{vocab:weekday})\b|\b(?:first|second|third|fourth|last)\s+(?:{vocab:weekday})\s+(?:of|in)\s+(?:each|every|the)\s+month\b"
    r"|\bon\s+(?:{vocab:weekday})s\b")


@dataclass(frozen=True)
class Dated:
    evidence: Evidence
    date: object  # datetime.date
    role: str  # "deadline", "event" or "history"


@dataclass(frozen=True)
class Times:
    dates: list  # every date, as Dated records
    deadlines: list  # the dates written as deadlines, or still to come
    event_date: Evidence | None  # a date (or "today", "tomorrow") a meeting could be on
    clock: Evidence | None  # a time of day: "2pm", "10-12", "10am–12.30"
    instants: list  # demands with no real time: "by close of play", "ASAP" (Evidence)
    notice_days: int | None  # days from sending to the earliest deadline


RECORD = Times


def is_deadline(doc, start: int) -> bool:
    before = doc.text[max(doc.body.start, start - 40) : start]
    return bool(DEADLINE_BEFORE_RE.search(before))


def find(doc, where, facts) -> Times:
    sent = facts.sent
    found = []
    for mention in dates.dates_in(doc, sent, where.start, where.end):
        deadline = is_deadline(doc, mention.start)
        role = "deadline" if deadline else "event" if mention.date >= sent else "history"
        found.append(Dated(Evidence(mention.start, mention.end), mention.date, role))
    upcoming = [d for d in found if d.date > sent or d.role == "deadline"]
    notice = min(upcoming, key=lambda d: d.date) if upcoming else None
    instants = [Evidence(i.start, i.end) for i in dates.instants_in(doc, where.start, where.end)]
    # "by close of play today" is a demand, not the day of a meeting; "the meeting is tomorrow" is its day.
    demands = [i for i in instants if i.words(doc).lower() not in ("today", "tomorrow", "tonight")]
    relative = next((of(m) for m in RELATIVE_DAY_RE.finditer(doc.text, doc.lowered, where.start, where.end)
                     if not any(d.start <= m.start() <= d.end + 1 for d in demands)), None)
    event_date = next((d.evidence for d in found if d.role == "event"), None) or relative or of(search(doc, where, RECURRING_RE))
    return Times(
        dates=found, deadlines=upcoming, event_date=event_date or (found[0].evidence if found else None),
        clock=of(search(doc, where, CLOCK_RE)), instants=instants,
        notice_days=(notice.date - sent).days if notice else None,
    )
