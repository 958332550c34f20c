"""Dates and times with their role: a deadline to act by, an event, or history.

A past date counts as a deadline only when written as one ("closing date: 1 June"). A
promise of payment ("we pay within ten working days") is no deadline. Instant demands
("by close of play", "ASAP") are found here once, for whichever rule owns them.
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache
from dataclasses import dataclass

from .. import dates
from ..vocabulary import fragment, pattern
from .evidence import Evidence, of
from .record import Record, fact

DEADLINE_BEFORE_RE = re.compile(rf"\b(?:{fragment('deadline_lead')})\s*:?\s*(?:on\s+)?(?:the\s+)?$", re.I)
CLOCK_RE = pattern("{vocab:clock_time}|{vocab:time_range}")
# "the meeting is on", "held on", "join us on": a meeting or event named just before a date
EVENT_BEFORE_RE = pattern(r"\b(?:{vocab:event_lead})\b(?:[^.!?\n]|\n(?![ \t]*\n)){0,40}$", 0)
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
    how: str = "date"  # "date" written out, "weekday" ("by Friday") or "relative" ("within two weeks")
    stated_weekday: int | None = None  # "Monday 12 June": the weekday as written (0 is Monday)


def is_deadline(doc, start: int, part_start: int | None = None) -> bool:
    before = doc.text[max(doc.body.start if part_start is None else part_start, start - 40) : start]
    return bool(DEADLINE_BEFORE_RE.search(before))


class Times(Record):
    def _dated(self, part) -> list:
        doc, sent = self.doc, self.facts.sent
        found = []
        for mention in dates.dates_in(doc, sent, part.start, part.end):
            deadline = is_deadline(doc, mention.start, part.start)
            role = "deadline" if deadline else "event" if mention.date >= sent else "history"
            found.append(Dated(Evidence(mention.start, mention.end), mention.date, role, mention.how, mention.stated_weekday))
        return found

    def _parts(self) -> list:
        """(part, its dates): the subject line's, then the invitation's."""
        subject = [(self.doc.subject, self.subject_dates)] if self.doc.subject else []
        return subject + [(self.region, self.dates)]

    @fact
    def dates(self) -> list:
        """Every date, as Dated records."""
        return self._dated(self.region)

    @fact
    def subject_dates(self) -> list:
        """Every date in the subject line, as Dated records."""
        return self._dated(self.doc.subject) if self.doc.subject else []

    @fact
    def deadlines(self) -> list:
        """The dates written as deadlines, or still to come."""
        return [d for d in self.dates if d.date > self.facts.sent or d.role == "deadline"]

    @fact
    def named_events(self) -> list:
        """The dates a meeting or event is named on, in the subject or the invitation: "the meeting is on 20 March" (Dated)."""
        return [d for part, dated in self._parts() for d in dated if d.role == "event"
                and self.search(EVENT_BEFORE_RE, max(part.start, d.evidence.start - 60), d.evidence.start)]

    @fact
    def instants(self) -> list:
        """Demands with no real time, in the subject or the invitation: "by close of play", "ASAP" (Evidence)."""
        parts = ([self.doc.subject] if self.doc.subject else []) + [self.region]
        return [Evidence(i.start, i.end) for part in parts for i in dates.instants_in(self.doc, part.start, part.end)]

    @fact
    def event_date(self) -> Evidence | None:
        """A date (or "today", "tomorrow") a meeting could be on."""
        doc, where = self.doc, self.region
        found = next((d.evidence for d in self.dates if d.role == "event"), None)
        if found is None:
            # "by close of play today" is a demand, not the day of a meeting; "the meeting is tomorrow" is its day.
            demands = [i for i in self.instants if i.words(doc).lower() not in ("today", "tomorrow", "tonight")]
            found = next((of(m) for m in RELATIVE_DAY_RE.finditer(doc.text, doc.lowered, where.start, where.end)
                          if not any(d.start <= m.start() <= d.end + 1 for d in demands)), None) or self.first(RECURRING_RE)
        return found or (self.dates[0].evidence if self.dates else None)

    @fact
    def clock(self) -> Evidence | None:
        """A time of day: "2pm", "10-12", "10am–12.30"."""
        return self.first(CLOCK_RE)

    @fact
    def notice_days(self) -> int | None:
        """Days from sending to the earliest deadline."""
        notice = min(self.deadlines, key=lambda d: d.date) if self.deadlines else None
        return (notice.date - self.facts.sent).days if notice else None


RECORD = Times
