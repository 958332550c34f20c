"""consistency: the dates agree with each other and with the send date.

- a date no calendar has ("31 April 2026", "30 February", "29 February" in a year without one);
- a weekday that does not match its date ("Monday 12 June 2024" when it is a Wednesday),
  or the day a meeting "tomorrow" falls on ("tmrw (Fri)" sent on a Wednesday);
- a deadline after the meeting or event it is for (not a survey's or a consultation's closing date: "can't
  make it? fill in our survey instead, open until 31 January"; nor a second deadline when one comes before the event:
  "first-round comments by 20 November, final comments by 4 December");
- "next Friday" where it could mean this week's Friday or next week's.

A deadline already past when the invitation was sent belongs to ``notice``
(one finding, from one rule, for one date).
"""

from __future__ import annotations

from .. import dates
from ..document import Invitation
from ..facts import facts_for
from ..vocabulary import pattern
from .base import ALL_SCOPES, FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Outcome, format_message, inside

CONTRACT = Contract(
    doc="Fails on a date no calendar has ('31 April'), a weekday that does not match its date, a deadline after its event, or 'next Friday' where this week's and next week's Friday are both to come.",
    placeholders=("match", "problem"),
    scopes=ALL_SCOPES,
)

SURVEY_DEADLINE_RE = pattern("{vocab:survey_deadline}")
SENTENCE_WINDOW = 160


def _survey_deadline(doc: Invitation, dated) -> bool:
    """The deadline closes a survey named earlier in its sentence ("our online survey … is open until 31
    January"), not the reply date for a meeting."""
    start = dated.evidence.start
    return SURVEY_DEADLINE_RE.search(doc.text, doc.lowered, max(doc.body.start, start - SENTENCE_WINDOW), start) is not None


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def prepare(options):
    return None


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    # The dates written out in full, with their roles (times facts), inside the rule's scope.
    times = facts_for(doc, ctx.sent).times.with_thread  # a reply about a meeting: the dates of the message it quotes too
    written = [d for d in times.subject_dates + times.dates if inside(d.evidence, ctx.spans, doc.message_end)]
    mentions = [d for d in written if d.how == "date"]
    # "tmrw (Fri)": the weekday named for a meeting today or tomorrow, against the day it was sent (when that is known)
    day = times.meeting_day
    if day is not None and day.stated_weekday is not None and ctx.sent_from != "today" and inside(day.evidence, ctx.spans, doc.message_end):
        mentions.append(day)
    # "next Friday" sent on a Wednesday: this week's Friday or next week's
    ambiguous = [(d, other) for d in written if d.how == "weekday"
                 and (other := dates.next_weekday_other_reading(d.evidence.words(doc), d.date, ctx.sent)) is not None]
    impossible = [d for d in times.impossible_dates if inside(d.evidence, ctx.spans, doc.message_end)]
    if not mentions and not ambiguous and not impossible:
        return Outcome(NOT_APPLICABLE, note="no dates")
    findings = []

    def report(dated, problem: str) -> None:
        start, end = dated.evidence.start, dated.evidence.end
        findings.append(Finding(start, end, format_message(rule.message, match=dated.evidence.words(doc), problem=problem), rule.suggestion))

    for d in impossible:
        report(d, d.problem)
    for m in mentions:
        if m.stated_weekday is not None and m.stated_weekday != m.date.weekday():
            if m is day:
                report(m, f"sent on {dates.describe(ctx.sent)}, it means {dates.describe(m.date)}, not a {WEEKDAY_NAMES[m.stated_weekday]}")
            else:
                report(m, f"{m.date.day} {m.date:%B %Y} is a {WEEKDAY_NAMES[m.date.weekday()]}, not a {WEEKDAY_NAMES[m.stated_weekday]}")
    for d, other in ambiguous:
        report(d, f"it could mean {dates.describe(other)} or {dates.describe(d.date)}")
    in_scope = set(mentions)  # a set: a text may hold thousands of dates, and a list made this quadratic
    events = [e for e in times.named_events if e in in_scope]  # upcoming: a past date is history, not an event
    if events:
        first_event = min(events, key=lambda e: e.date)
        # "first-round comments by 20 November, final comments by 4 December": where one deadline comes before
        # the event, that is the one for it, and a later one is for another stage, not a contradiction
        staged = any(m.role == "deadline" and m.date <= first_event.date for m in mentions)
        for m in mentions:
            if m.role == "deadline" and m.date > first_event.date and not staged and not _survey_deadline(doc, m):
                report(m, f"the deadline, {dates.describe(m.date)}, is after the event on {dates.describe(first_event.date)}")
    findings.sort(key=lambda f: f.start)
    return Outcome(FAIL if findings else PASS, findings)
