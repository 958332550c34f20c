"""Dates and times with their role: a deadline to act by, an event, or history.

A past date counts as a deadline only when written as one ("closing date: 1 June"). A
promise of payment ("we pay within ten working days") is no deadline. Instant demands
("by close of play", "ASAP") are found here once, for whichever rule owns them.
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache
from datetime import timedelta

from .. import dates
from ..fields import Fields
from ..spans import Touching
from ..vocabulary import fragment, pattern, rare_time_pattern, words
from .evidence import Evidence, of
from .record import Record, fact
from .structure import region

# (the date may be in Markdown bold: "closes on **Sunday 31 January 2027**", or after the hour: "closes at 5pm on Friday 15 January",
# "by 12 noon, Friday 4 December", or after the end of the day: "by close of play on Friday", "by the end of the day, 11.59pm on 11 February")
DEADLINE_BEFORE_RE = re.compile(
    rf"\b(?:{fragment('deadline_lead')})\s*:?\s*(?:(?:{fragment('close_of_play')}|{fragment('end_of_day')})\s*,?\s*)?"
    rf"(?:(?:at\s+)?(?:\d{{1,2}}\s*)?(?:{fragment('clock_time')})\s*,?\s*)?(?:on\s+)?(?:the\s+)?(?:\*\*|__|\*|_)?$", re.I)
CLOCK_RE = rare_time_pattern(r"{vocab:time_range}|{vocab:clock_time}|{vocab:iso_clock}|\b(?:{vocab:time_chosen})\b")  # the whole span where there is one
# A time of day just after a date, on its line: "Wednesday 12 May 2027, 2pm to 5pm", "14 November at 6pm"
# (one run of blanks before the optional word, one after it: two runs side by side split a long run every way)
# ("2026-11-20T17:00": an ISO date-time, its time after the "T")
TIME_AFTER_RE = pattern(r"[ \t]*(?:(?:,|\bat\b|\bfrom\b|-|–)[ \t]*)?(?:{vocab:time_range}|{vocab:clock_time})|t{vocab:iso_clock}")
TIME_AFTER_CHARS = 40  # the time comes just after the date
# The promise in the same clause, with no meeting named between it and the date
# ("we will pay for travel to the meeting on 12 March" still names the meeting's day)
PROMISE_BEFORE_RE = pattern(r"\b(?:{vocab:promise_lead})\b(?:(?!\b(?:{vocab:event_noun})\b)(?:[^.!?\n;]|\n(?![ \t]*\n))){0,40}\Z")
PROMISE_CHARS = 80
OWN_PACE_BEFORE_RE = pattern(r"\b(?:{vocab:own_pace})[\s,]*\Z")
# What may stand between an instant demand and the date that makes it a real deadline: ", 11.59pm on "
# (the time of day must be there: "by close of play on Friday 4 December" is still a demand with no real time)
DATE_LINK_RE = pattern(r"[\s,;:–-]*(?:at\s+)?(?:{vocab:clock_time})[\s,]*(?:on\s+)?(?:the\s+)?")
DATED_CHARS = 30
# "the meeting is on", "held on", "join us on": a meeting or event named just before a date
EVENT_BEFORE_RE = pattern(r"\b(?:{vocab:event_lead})\b(?:[^.!?\n]|\n(?![ \t]*\n)){0,40}$", 0)
RELATIVE_DAY_RE = pattern(r"\b(?:{vocab:relative_day})\b")
# "tmrw (Fri)", "tomorrow, Thursday,": the weekday a relative day means, named straight after it
DAY_NAMED_AFTER_RE = pattern(r"[ \t]*[(,][ \t]*(?P<weekday>{vocab:weekday}|{vocab:weekday_abbreviation})\b\.?[ \t]*[),]?", 0)
# "today", "tonight", "tomorrow" and its short forms ("tmrw")
SAME_OR_NEXT_DAY = words("relative_day")
# A meeting in the same sentence as "today" or "tomorrow": "stand in for you at the group tomorrow"
MEETING_NEAR_RE = pattern(r"\b(?:{vocab:event_noun}|{vocab:group_noun}|meet|come|join|attend|stand\s+in)\b")
NEAR_CHARS = 80
# A meeting that recurs: "every Thursday", "the first Tuesday of each month", "on Thursdays"
RECURRING_RE = pattern(
    r"\b(?:every|each)\s+(?:{vocab:weekday})\b|\b(?:first|second|third|fourth|last)\s+(?:{vocab:weekday})\s+(?:of|in)\s+(?:each|every|the)\s+month\b"
    r"|\bon\s+(?:{vocab:weekday})s\b")


# One meeting's date, for a role that meets again and again: "the first is on", "the next one is on",
# "we meet three times, on …" just before the date …
ONE_MEETING_BEFORE_RE = pattern(r"\b(?:{vocab:event_lead}|meet|first|next|inaugural)\b(?:[^.!?\n]|\n(?![ \t]*\n)){0,60}$", 0)
# … or its time of day soon after it, in the same sentence ("**Wednesday 3 April**\n\n11 o'clock to 1 o'clock")
TIME_SOON_AFTER_RE = rare_time_pattern(r"[^.!?]{0,80}?(?:{vocab:time_range}|{vocab:clock_time})", 0)
ONE_MEETING_CHARS = 70


class Dated(Fields):
    """A date in the text, and what it is.

    - ``date``: a datetime.date;
    - ``role``: "deadline", "event", "history" or "promise" (the sender's: "we pay within ten working days");
    - ``how``: "date" written out, "weekday" ("by Friday") or "relative" ("within two weeks");
    - ``stated_weekday``: "Monday 12 June": the weekday as written (0 is Monday), or None.
    """

    __slots__ = ("evidence", "date", "role", "how", "stated_weekday")

    def __init__(self, evidence: Evidence, date: object, role: str, how: str = "date", stated_weekday: int | None = None) -> None:
        self.evidence, self.date, self.role, self.how, self.stated_weekday = evidence, date, role, how, stated_weekday


class NoSuchDay(Fields):
    """A date written out that no calendar has ("31 April 2026"): its ``evidence`` and the ``problem`` ("there is no 31 April")."""

    __slots__ = ("evidence", "problem")

    def __init__(self, evidence: Evidence, problem: str) -> None:
        self.evidence, self.problem = evidence, problem


def is_deadline(doc, start: int, part_start: int | None = None) -> bool:
    before = doc.text[max(doc.body.start if part_start is None else part_start, start - 40) : start]
    return bool(DEADLINE_BEFORE_RE.search(before)) and not is_promise(doc, start)


def is_promise(doc, start: int) -> bool:
    """The date bounds a promise of the sender's ("we pay within ten working days"), or the time the reader
    takes at their own pace ("whenever suits you within two weeks"): nothing for the reader to do by it."""
    left = max(doc.body.start, start - PROMISE_CHARS)
    return (PROMISE_BEFORE_RE.search(doc.text, doc.lowered, left, start) is not None
            or (doc.lowered.startswith("within", start) and OWN_PACE_BEFORE_RE.search(doc.text, doc.lowered, left, start) is not None))


def at_a_time(doc, end: int) -> bool:
    """A time of day follows the date: the day something happens (a deadline is told by the words before it).

    Only in the sender's own words: "Date: Tue, 4 May 2027 at 10:02" heading a forwarded message is no event.
    """
    where = region(doc)
    stop = min(doc.line_span(end).end, end + TIME_AFTER_CHARS)
    return where.start <= end <= where.end and TIME_AFTER_RE.match(doc.text, doc.lowered, end, stop) is not None


def _date_follows(doc, end: int, starts: list[int]) -> bool:
    """A time of day and a date follow: ", 11.59pm on 11 February"."""
    for start in starts:
        if end <= start <= end + DATED_CHARS:
            link = DATE_LINK_RE.match(doc.text, doc.lowered, end, start)
            if link is not None and link.end() == start:
                return True
    return False


class Times(Record):
    def _dated(self, part) -> list:
        doc, sent = self.doc, self.facts.sent
        found = []
        for mention in dates.dates_in(doc, sent, part.start, part.end):
            if is_promise(doc, mention.start):
                found.append(Dated(Evidence(mention.start, mention.end), mention.date, "promise", mention.how, mention.stated_weekday))
                continue
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
    def impossible_dates(self) -> list:
        """The dates no calendar has, in the subject line or the invitation: "31 April 2026", "30 February" (NoSuchDay)."""
        doc, sent = self.doc, self.facts.sent
        parts = ([doc.subject] if doc.subject else []) + [self.region]
        return [NoSuchDay(Evidence(m.start, m.end), m.problem) for part in parts
                for m in dates.impossible_dates_in(doc, sent, part.start, part.end)]

    @fact
    def deadlines(self) -> list:
        """The dates written as deadlines, or still to come."""
        return [d for d in self.dates if d.role == "deadline" or (d.date > self.facts.sent and d.role != "promise")]

    @fact
    def named_events(self) -> list:
        """The dates a meeting or event is named on, in the subject or the invitation: "the meeting is on 20 March" (Dated)."""
        return [d for part, dated in self._parts() for d in dated if d.role == "event"
                and (self.search(EVENT_BEFORE_RE, max(part.start, d.evidence.start - 60), d.evidence.start)
                     or at_a_time(self.doc, d.evidence.end))]  # "Wednesday 12 May, 2pm to 5pm"

    @fact
    def instants(self) -> list:
        """Demands with no real time, in the subject, a forward's note or the invitation: "by close of play", "ASAP" (Evidence);
        not one a time and a date follow ("by the end of the day, 11.59pm on 11 February" gives them)."""
        doc, where = self.doc, self.region
        # a forward's own note ("Let me know by close of play today") asks the reader too
        note = Evidence(doc.body.start, where.start) if where.forwarded else None
        parts = ([doc.subject] if doc.subject else []) + ([note] if note else []) + [where]
        found = [i for part in parts for i in dates.instants_in(doc, part.start, part.end)]
        if not found:
            return []
        starts = [d.evidence.start for _, dated in self._parts() for d in dated]
        if note is not None:
            starts += [m.start for m in dates.dates_in(doc, self.facts.sent, note.start, note.end)]
        return [Evidence(i.start, i.end) for i in found if not _date_follows(self.doc, i.end, starts)]

    @fact
    def event_date(self) -> Evidence | None:
        """A date (or "today", "tomorrow") a meeting could be on."""
        doc, where = self.doc, self.region
        found = next((d.evidence for d in self.dates if d.role == "event"), None)
        if found is None:
            # "by close of play today" is a demand, not the day of a meeting; "the meeting is tomorrow" is its day.
            demands = Touching(i for i in self.instants if i.words(doc).lower() not in SAME_OR_NEXT_DAY)
            found = next((of(m) for m in RELATIVE_DAY_RE.finditer(doc.text, doc.lowered, where.start, where.end)
                          if not demands.touches(m.start(), m.start(), slack=1)), None) or self.first(RECURRING_RE)
        found = found or next((d.evidence for d in self.dates if d.role not in ("promise", "deadline")), None)
        return found or (self._thread.event_date if self._thread else None)

    @fact
    def meeting_date(self) -> Evidence | None:
        """The date of the meeting asked to: ``event_date``, except for an ongoing role with no particular
        meeting named ("the group meets on the second Thursday", with a closing date, or "Date: 1 March"
        heading the role pack): then only a date that is one meeting's ("the first is on 11 April", "the
        next one is on …", a date with its time after it)."""
        asks = self.facts.asks
        if not any(d.role == "event" for d in self.dates) and asks.attend is None and asks.reminder is None:
            return None  # "The consultation closes on Sunday 31 January": nothing to come to, and a closing date is no meeting's
        if asks.event is not None or asks.ongoing is None or self.named_events:
            return self.event_date
        doc, where = self.doc, self.region
        for dated in self.dates:
            if dated.role != "event":
                continue
            start, end = dated.evidence.start, dated.evidence.end
            if (ONE_MEETING_BEFORE_RE.search(doc.text, doc.lowered, max(where.start, start - ONE_MEETING_CHARS), start)
                    or TIME_SOON_AFTER_RE.match(doc.text, doc.lowered, end, min(where.end, end + 120))):
                return dated.evidence
        return None

    @fact
    def meeting_day(self) -> Dated | None:
        """A meeting "today", "tonight" or "tomorrow" (not a demand such as "by close of play today"): its day."""
        doc, where = self.doc, self.region
        demands = Touching(self.instants)
        for m in RELATIVE_DAY_RE.finditer(doc.text, doc.lowered, where.start, where.end):
            if demands.touches(m.start(), m.end(), slack=1):
                continue  # a demand: reply-time-realistic's
            start = max(where.start, doc.text.rfind(".", 0, m.start()) + 1, m.start() - NEAR_CHARS)
            stop = min(where.end, m.end() + NEAR_CHARS)
            full_stop = doc.text.find(".", m.end(), stop)
            if self.search(MEETING_NEAR_RE, start, full_stop if full_stop != -1 else stop) is None:
                continue
            days = 0 if m.group(0).lower() in ("today", "tonight") else 1  # "tomorrow", "tmrw"
            named = DAY_NAMED_AFTER_RE.match(doc.text, doc.lowered, m.end())  # "tmrw (Fri)": the weekday it means
            stated = dates.weekday_number(named["weekday"]) if named else None
            return Dated(of(m), self.facts.sent + timedelta(days=days), "event", stated_weekday=stated)
        return None

    @fact
    def clock(self) -> Evidence | None:
        """A time of day: "2pm", "10-12", "10am–12.30"; or the reader's choice ("any time that suits you")."""
        return self.first(CLOCK_RE) or (self._thread.clock if self._thread else None)

    @fact
    def with_thread(self):
        """These facts, or, for a reply about a meeting that quotes the invitation, those of the whole thread."""
        return self._thread or self

    @fact
    def notice_days(self) -> int | None:
        """Days from sending to the earliest deadline."""
        notice = min(self.deadlines, key=lambda d: d.date) if self.deadlines else None
        return (notice.date - self.facts.sent).days if notice else None


RECORD = Times
