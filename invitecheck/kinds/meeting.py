"""meeting: an invitation to a meeting or event says when (date and time) and where
(a place, or how to join online).

Applicable when the reader is invited to a meeting, session, workshop, event,
focus group, interview or the like; lists whatever of date, time and place is missing.
"""

from __future__ import annotations

import re

from .. import dates
from ..prefilter import CaseFree
from ..document import URL_RE, Invitation
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Outcome, format_message, in_body

CONTRACT = Contract(
    doc="Fails when a meeting or event lacks its date, time, or place or way to join.",
    placeholders=("match", "missing"),
    scopes=("body",),
)

EVENT_RE = CaseFree(
    r"\b(?:(?:invite|inviting|invitation)\s+(?:you\s+)?to\s+(?:a|an|our|the)\s+|join\s+us\s+(?:at|for)\s+(?:a|an|our|the)\s+|"
    r"(?:come|attend)\s+(?:to\s+|along\s+to\s+)?(?:a|an|our|the)\s+|take\s+part\s+in\s+(?:a|an|our|the|one|two|three|four|\d+)\s+)"
    r"(?:[\w'’-]+\s+){0,3}?(?P<what>meeting|session|workshop|event|focus\s+group|listening\s+event|forum|conference|"
    r"interview|panel|open\s+day|drop[-\s]in|café|cafe|webinar|seminar|training|away\s+day|agm|annual\s+general\s+meeting)s?\b"
    r"|\b(?P<what2>(?:the|our|next)\s+(?:[\w'’-]+\s+){0,2}?(?:meeting|session|workshop|event|focus\s+group|forum|webinar|agm|annual\s+general\s+meeting))\b(?:[^.\n]{0,80}?)\s+"
    r"(?:is|will\s+be|takes\s+place|will\s+take\s+place)\b")
RELATIVE_DAY_RE = CaseFree(r"\b(?:today|tonight|tomorrow)\b")
TIME_RE = CaseFree(r"\b(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d{2}\b|noon|midday|half\s+past|o['’]clock)")
PLACE_RE = CaseFree(
    r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b)|\bvenue\b|\broom\s+\w+|\b(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w'’&-]+\s+){0,4}"
    r"(?-i:Hall|House|Centre|Center|Hospital|Infirmary|Library|Hotel|Offices?|Building|Suite|Church|Chapel|Caf[eé]|Pavilion|"
    r"Institute|University|College|School|Theatre|Museum|Club|Surgery|Practice|Clinic|Street|Road|Lane|Square|Headquarters|HQ|Hospice|Campus)\b"
    r"|\b(?:zoom|microsoft\s+teams|teams|google\s+meet|skype|webex|video\s+call|online|virtual(?:ly)?|by\s+(?:tele)?phone|phone\s+call|"
    r"joining\s+(?:link|details|instructions)|link\s+to\s+join)\b"
    r"|^[^\S\n]*(?:where|venue|location|place|address)\s*:"  # not ^\s*, which ran over blank lines from every line start
    r"|\b(?:waiting|meeting|community|committee|board|function|seminar|training|conference)\s+room\b", re.M)


def prepare(options):
    return None


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    end = doc.message_end
    event = in_body(EVENT_RE, doc, end)
    if event is None:
        return Outcome(NOT_APPLICABLE, note="it does not invite people to a meeting or event")
    missing = []
    if not (dates.dates_in(doc, ctx.sent, doc.body.start, end) or in_body(RELATIVE_DAY_RE, doc, end)):
        missing.append("the date")
    if not in_body(TIME_RE, doc, end):
        missing.append("the time")
    if not (in_body(PLACE_RE, doc, end) or URL_RE.search(doc.text, doc.body.start, end)):
        missing.append("where it is, or how to join")
    if not missing:
        return Outcome(PASS)
    group = "what" if event.group("what") else "what2" if event.group("what2") else None
    what = " ".join(doc.text[event.start(group) : event.end(group)].split()) if group else "meeting"
    what = re.sub(r"^(?:the|our|next)\s+", "", what, flags=re.I)
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " or " + missing[-1]
    message = format_message(rule.message, match=what, missing=listed)
    return Outcome(FAIL, [Finding(event.start(), event.end(), message, rule.suggestion, {"missing": listed})])
