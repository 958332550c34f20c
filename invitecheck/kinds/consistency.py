"""consistency: the dates agree with each other and with the send date.

- a weekday that does not match its date ("Monday 12 June 2024" when it is a Wednesday);
- a deadline after the meeting or event it is for.

A deadline already past when the invitation was sent belongs to ``notice``
(one finding, from one rule, for one date).
"""

from __future__ import annotations

import re

from .. import dates
from ..document import Invitation
from ..facts.times import at_a_time
from .base import ALL_SCOPES, FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Outcome, format_message

CONTRACT = Contract(
    doc="Fails on a weekday that does not match its date, a deadline already past, or a deadline after its event.",
    placeholders=("match", "problem"),
    scopes=ALL_SCOPES,
)

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEADLINE_BEFORE_RE = re.compile(
    r"\b(?:by|before|deadline|closing\s+date|closes|close|due|no\s+later\s+than|until|rsvp|reply|respond|apply|register|book)\b(?:[^.!?\n]|\n(?![ \t]*\n)){0,25}$",
    re.I,
)
EVENT_BEFORE_RE = re.compile(
    r"\b(?:meeting|meets|session|workshop|event|focus\s+group|forum|conference|interview|panel|held|takes\s+place|"
    r"taking\s+place|join\s+us|come\s+along|drop[-\s]in|webinar|training)\b(?:[^.!?\n]|\n(?![ \t]*\n)){0,40}$",
    re.I,
)


def prepare(options):
    return None


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    # Each date with the start of its part of the text, so the look-back stays inside it.
    placed = [(m, span.start) for span in ctx.spans
              for m in dates.dates_in(doc, ctx.sent, span.start, min(span.end, doc.message_end)) if m.how == "date"]
    mentions = [m for m, _ in placed]
    if not mentions:
        return Outcome(NOT_APPLICABLE, note="no dates")
    findings = []
    for m in mentions:
        if m.stated_weekday is not None and m.stated_weekday != m.date.weekday():
            problem = f"{m.date.day} {m.date:%B %Y} is a {WEEKDAY_NAMES[m.date.weekday()]}, not a {WEEKDAY_NAMES[m.stated_weekday]}"
            findings.append(Finding(m.start, m.end, format_message(rule.message, match=m.text, problem=problem), rule.suggestion))
    deadlines, events = [], []
    for m, part_start in placed:
        before = doc.text[max(part_start, m.start - 60) : m.start]
        if DEADLINE_BEFORE_RE.search(before):
            deadlines.append(m)
        elif EVENT_BEFORE_RE.search(before) or at_a_time(doc, m.end):  # "Wednesday 12 May, 2pm to 5pm"
            events.append(m)
    upcoming = [e for e in events if e.date >= ctx.sent]
    if upcoming:
        first_event = min(upcoming, key=lambda e: e.date)
        for m in deadlines:
            if m.date > first_event.date:
                problem = f"the deadline, {dates.describe(m.date)}, is after the event on {dates.describe(first_event.date)}"
                findings.append(Finding(m.start, m.end, format_message(rule.message, match=m.text, problem=problem), rule.suggestion))
    findings.sort(key=lambda f: f.start)
    return Outcome(FAIL if findings else PASS, findings)
