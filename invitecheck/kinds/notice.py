"""notice: enough calendar days between sending and the first thing the reader must do.

Finds every date the reader must act by or turn up on (see ``dates.py``),
resolved against the send date. The earliest must be at least ``min_days``
after sending. Phrases that allow no real time ("by close of play", "today",
"within 48 hours", "as soon as possible") fail outright. Not applicable when
there is no date to act by. In a newsletter, only the dates in the items that
ask something of the reader count. A reminder to members of their group's next meeting
(or a reply or welcome about a group's regular meetings, any of which they may come to)
passes unless it sets a deadline of its own or asks them to something new.
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache

from .. import dates
from ..document import Invitation
from ..facts import NAMES, facts_for, first_evidence, lookup, structure
from ..facts.asks import INVITATION_RE  # "join us", "everyone is welcome": an item that invites
from ..facts.times import is_deadline, is_promise  # a past date counts only when written as a deadline
from ..rules import RuleError
from ..vocabulary import pattern
from ..wording import plural
from .base import ALL_SCOPES, FAIL, NOT_APPLICABLE, PASS, Context, Contract, Option, Finding, Outcome, format_message

PAST_MESSAGE = "The date '{match}' had already passed when it was sent ({detail})."
# The facts that say the reader already knows the meeting, so only a deadline or something new asked needs notice
ALREADY_KNOWN = ["asks.reminder", "asks.open_meeting"]

CONTRACT = Contract(
    doc="Fails when the first deadline or meeting is fewer than min_days after sending, or a reply is wanted at once.",
    options={
        "min_days": Option((int,), "the fewest days allowed between sending and the first date", default=14),
        # A date to act by that had gone before the invitation was sent is not "too soon": it is past.
        "past_message": Option((str,), "the message for a date to act by that had passed before sending", default=PAST_MESSAGE),
        # A reminder to members of their group's next meeting, or a reply or welcome about a group's regular meetings
        "already_known": Option((list,), "facts that say the reader already knows the meeting: then only a deadline, or something new asked, needs notice", default=ALREADY_KNOWN),
    },
    # {days}, {notice} ("6 days"), {date}, {phrase} and {min_days} fill the reader's words for each variant.
    placeholders=("match", "detail", "days", "notice", "date", "phrase", "min_days"),
    scopes=ALL_SCOPES,
)

def _in_the_ask(doc: Invitation, sent, mentions: list) -> list:
    """In a newsletter, only the dates in an item that asks something of the reader: the
    Christmas card sale 'until 14 December' is not the research panel's deadline."""
    items = structure.newsletter_items(doc)
    if not items:
        return mentions
    asks = facts_for(doc, sent).asks.items
    # An item asks when an ask is found in it, or it asks people to book a place ("Book a place here") or
    # invites them ("Join us in the chapel … Everyone is welcome"): the asks are found once each, so a
    # second item's focus group is found by its booking.
    asking = [item for item in items if any(item.start <= ask.evidence.start < item.end for ask in asks)
              or BOOK_A_PLACE_RE.search(doc.text, doc.lowered, item.start, item.end) is not None
              or INVITATION_RE.search(doc.text, doc.lowered, item.start, item.end) is not None]
    if not asking:
        return mentions
    first = items[0].start
    return [m for m in mentions if m.start < first or any(item.start <= m.start < item.end for item in asking)]


ONLY_IF_NEEDED_RE = pattern("{vocab:only_if_needed}")
BOOK_A_PLACE_RE = pattern("{vocab:book_a_place}")
SENTENCE_END_RE = re.compile(r"[.!?]\s|\n[ \t]*\n")


def _only_if_needed(doc: Invitation, start: int) -> bool:
    """"If you need someone to cover your caring, tell me by Wednesday": a deadline in the same
    sentence as "if you need", for the readers who want help only."""
    left = max(doc.body.start, start - 160)
    ends = [m.end() for m in SENTENCE_END_RE.finditer(doc.text, left, start)]
    return ONLY_IF_NEEDED_RE.search(doc.text, doc.lowered, ends[-1] if ends else left, start) is not None


REMINDER_WORD_RE = pattern("{vocab:reminder_word}")


def _reminded(doc: Invitation, start: int) -> bool:
    """"Just a reminder that the meeting is tomorrow at 10am": the people it goes to were invited before, so
    a meeting today or tomorrow asks no notice of them (the subject, or the sentence before the day, says so)."""
    subject = doc.subject
    if subject is not None and REMINDER_WORD_RE.search(doc.text, doc.lowered, subject.start, subject.end) is not None:
        return True
    left = max(doc.body.start, start - 160)
    ends = [m.end() for m in SENTENCE_END_RE.finditer(doc.text, left, start)]
    return REMINDER_WORD_RE.search(doc.text, doc.lowered, ends[-1] if ends else left, start) is not None


NEW_EVENT_RE = pattern(r"\b(?:{vocab:new_event})\b")
MEMBERS_MEETING_RE = pattern("{vocab:members_meeting}")


def _new_event(doc: Invitation, start: int) -> bool:
    """"Also, the practice has asked for two members to join a walk-round on Friday 6 June": in a reminder
    to members, a date in a sentence that asks them to something new (and not their group's own meeting)
    needs its own notice."""
    left = max(doc.body.start, start - 200)
    ends = [m.end() for m in SENTENCE_END_RE.finditer(doc.text, left, start)]
    begin = ends[-1] if ends else left
    after = SENTENCE_END_RE.search(doc.text, start, min(doc.message_end, start + 200))
    stop = after.start() + 1 if after else min(doc.message_end, start + 200)
    return NEW_EVENT_RE.search(doc.text, doc.lowered, begin, stop) is not None \
        and MEMBERS_MEETING_RE.search(doc.text, doc.lowered, begin, stop) is None


def prepare(options):
    if options["min_days"] < 0 or options["min_days"] > 365:
        raise RuleError("'min_days' must be between 0 and 365", field="min_days")
    for name in options.get("already_known", ALREADY_KNOWN):
        if not isinstance(name, str) or name not in NAMES:
            raise RuleError(f"'already_known' names the fact '{name}', which does not exist (facts are named like 'asks.reminder')", field="already_known")
    return None


NOTES = {"asks.reminder": "a reminder to members of their next meeting",
         "asks.open_meeting": "one of a group's regular meetings, to come to when it suits"}


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    min_days = rule.options.get("min_days", 14)
    sent = ctx.sent
    findings = []
    spans = [s for s in ctx.spans if s.start < doc.message_end]
    mentions = []
    for span in spans:
        stop = min(span.end, doc.message_end)
        mentions += dates.dates_in(doc, sent, span.start, stop)
    # Demands with no date ("by close of play") belong to the instant kind alone: one owner per piece of evidence.
    # A meeting "tomorrow" is a date too (the facts tell it from a demand such as "by close of play today").
    meeting_day = facts_for(doc, sent).times.meeting_day
    meeting = None  # a meeting "tonight" is on the send date, and still needs notice
    if meeting_day is not None and any(s.start <= meeting_day.evidence.start < s.end for s in spans) \
            and not _reminded(doc, meeting_day.evidence.start):
        words = doc.text[meeting_day.evidence.start : meeting_day.evidence.end]
        meeting = dates.DateMention(meeting_day.evidence.start, meeting_day.evidence.end, words, meeting_day.date, "relative")
        mentions.append(meeting)

    # Past dates are history unless written as a deadline ("closing date: 1 June 2023").
    # A date on the send date itself is usually the date of the message ("Bulletin of
    # 29/11/2015"); it counts when written as a deadline.
    # A date bounding a promise of the sender's ("we pay within ten working days") asks nothing of the reader.
    relevant = [m for m in mentions if (m.date > sent and not is_promise(doc, m.start)) or is_deadline(doc, m.start) or m is meeting]
    relevant = _in_the_ask(doc, sent, relevant)
    # A reminder to members of their group's next meeting: they have known the dates for
    # months, so only a deadline in it ("send agenda items by Friday") needs notice.
    # So is a reply or a welcome to someone about a group that meets regularly, when they may come to
    # whichever meeting suits them. Either way, something new asked of them at short notice still counts.
    standing, known_by = False, ""
    if relevant:
        facts = facts_for(doc, sent)
        for name in rule.options.get("already_known", ALREADY_KNOWN):
            standing = lookup(facts, name)
            if standing:
                known_by = name
                break
    if standing:
        said = first_evidence(standing)  # the words that say so are not a deadline ("before Thursday's forum")
        said_from, said_to = (said.start, said.end) if said is not None else (0, 0)
        # (not the words that say it is their own meeting: "a quick note before Thursday's forum" sets no deadline)
        relevant = [m for m in relevant if not said_from <= m.start < said_to
                    and ((is_deadline(doc, m.start) and not _only_if_needed(doc, m.start)) or (m is not meeting and _new_event(doc, m.start)))]
        if not relevant:
            return Outcome(PASS, note=NOTES.get(known_by, f"the reader already knows the meeting ({known_by})"))
    if not relevant:
        return Outcome(NOT_APPLICABLE, note="no date to act by")
    if relevant:
        first = min(relevant, key=lambda m: (m.date, m.start))
        days = (first.date - sent).days
        for mention in sorted(relevant, key=lambda m: m.start):
            if mention.date != first.date:
                continue
            if days < 0:
                detail = f"{plural(-days, 'day')} earlier"
                message = format_message(rule.options.get("past_message", PAST_MESSAGE), match=mention.text, detail=detail)
                values = {"variant": "past", "days": days, "date": dates.describe(mention.date), "min_days": min_days}
                findings.append(Finding(mention.start, mention.end, message, rule.suggestion, values))
            elif days < min_days:
                # Name the resolved date only when the text did not write it out in full ("by Friday").
                subject = "it" if mention.text == dates.describe(mention.date) else dates.describe(mention.date)
                gap = "the day it was sent" if days == 0 else f"{plural(days, 'day')} after it was sent on {dates.describe(sent)}"
                detail = f"{subject} is {gap}; allow at least {plural(min_days, 'day')}"
                # "You have 4 days to reply" only of a date to reply by, never of the meeting itself.
                variant = "date" if mention is not meeting and is_deadline(doc, mention.start) else "soon"
                values = {"variant": variant, "days": days, "notice": plural(days, "day"), "date": dates.describe(mention.date), "min_days": min_days}
                findings.append(Finding(mention.start, mention.end, format_message(rule.message, match=mention.text, detail=detail), rule.suggestion, values))
        when = f"{plural(days, 'day')} after sending" if days >= 0 else f"{plural(-days, 'day')} before sending"
        note = f"earliest date: {dates.describe(first.date)}, {when}"
        data = {"days": days}
    else:
        note, data = "", {}
    return Outcome(FAIL if findings else PASS, findings, note, data=data)
