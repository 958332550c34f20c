"""Asks: what the reader is asked to do, each with its kind and mode.

Kinds: "role" (an ongoing role or membership), "one-off" (a focus group, an interview,
user testing), "event" (a particular meeting or event), "survey", "reading" (reading or
reviewing documents) and "response" (apply, reply, register …). Modes: "in person",
"online", "hybrid", "at home" or "not said".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import pattern
from .evidence import Evidence, of
from .record import Record, fact
from .structure import search

_GAP = r"(?:[^.\n]|\n(?![ \t]*\n)){0,60}?"
ROLE_RE = pattern(
    r"\b(?:{vocab:join_verb}|{vocab:seeking}|setting\s+up|starting|launching|forming|creating|recruit(?:ing)?\s+(?:new\s+)?(?:members|people))\b" + _GAP + r"\b(?P<noun>(?:{vocab:group_noun}|{vocab:role_noun})s?)\b"
    # "looking for people who have had a stroke to help us review our booklets"
    r"|\b{vocab:seeking}\s+(?:[\w'’-]+\s+){0,3}?(?:people|volunteers|patients|carers|members\s+of\s+the\s+public)\b(?:[^.\n]|\n(?![ \t]*\n)){0,60}?\bto\s+(?:help\s+(?:us\s+)?)?"
    r"(?P<noun2>(?:read|review|test|check|comment\s+on)\s+(?:[\w'’-]+\s+){0,3}(?:{vocab:reading_noun}|booklets?|website|app|materials?))\b"
    # "Our carers' voice panel meets online …"
    r"|\b(?:our|the)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun3>(?:{vocab:group_noun}))\s+(?:meets|will\s+meet|is\s+looking|is\s+recruiting|needs)\b"
    # "I'm writing to invite you to our Carers' Strategy Group" (a forum you are invited to is an event)
    r"|\b(?:invite|inviting)\s+you\s+to\s+(?:join\s+)?(?:our|the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun5>(?!forum)(?:{vocab:group_noun}))\b"
    r"|\b(?:our|the)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun4>(?:{vocab:group_noun}))\b(?:[^\n]|\n(?![ \t]*\n)){0,120}?\b(?:it|which)\s+meets\b"
)
ONE_OFF_RE = pattern(
    r"\b(?:{vocab:invite_verb}|{vocab:seeking}|series\s+of|help\s+(?:us\s+)?(?:with|by)|holding|running|hosting|organising)\b" + _GAP + r"\b(?P<noun>{vocab:one_off_noun})\b"
    # "we need people to try it out"
    r"|\b(?:need|want|looking\s+for|recruiting|seeking)\s+(?:[\w'’-]+\s+){0,3}?(?:people|volunteers|patients|carers)\s+to\s+(?P<noun2>(?:try|test|trial)\s+(?:it|them|(?:our|the|a)\s+(?:new\s+)?[\w'’-]+)(?:\s+out)?)"
)
EVENT_RE = pattern(
    r"\b(?:(?:invite[ds]?|inviting|invitation)\s+(?:you\s+)?to\s+(?:a|an|our|the)\s+|"
    # "inviting people who have used the service to a focus group"
    r"(?:invite|inviting)\s+(?:people|patients|carers|members|parents|residents)\b[^.\n]{0,60}?\bto\s+(?:a|an|our|the)\s+|join\s+us\s+(?:at|for|on)\s+(?:a|an|our|the)\s+|"
    r"(?:come|attend)\s+(?:to\s+|along\s+to\s+)?(?:a|an|our|the)\s+|take\s+part\s+in\s+(?:a|an|our|the|one|two|three|four|\d+)\s+|"
    r"(?:holding|running|hosting|organising|arranging)\s+(?:a|an|our|the|two|three|four|\d+)\s+)"
    r"(?:[\w'’-]+\s+){0,3}?(?P<what>{vocab:event_noun}|focus\s+group|interview|panel)s?\b"
    r"|\b(?P<what2>(?:the|our|next)\s+(?:[\w'’-]+\s+){0,2}?(?:{vocab:event_noun}))\b(?:[^.\n]{0,80}?)\s+"
    r"(?:is|will\s+be|takes\s+place|will\s+take\s+place|on\s+(?:{vocab:weekday}|\d{1,2}(?:st|nd|rd|th)?\s+(?:{vocab:month})))\b"
    # "a 15-minute talk at our conference", "run a stall at the open day"
    r"|\b(?:speak|speaking|talk|present|presentation|stall)\b[^.\n]{0,40}?\bat\s+(?:our|the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?P<what4>{vocab:event_noun})\b"
    # "Workshop: Wednesday 16 February", "When: 7 April", "First meeting: 6 October"
    r"|^[ \t]*(?:[•*-][ \t]*)?(?P<what3>(?:(?:first|next)\s+)?(?:{vocab:event_noun}|tasting\s+session|interviews?)|when)[ \t]*:",
    re.M,
)
SURVEY_RE = pattern(r"\b(?:fill\s+in|complete|answer|take|do|respond\s+to|share\s+your\s+views\s+(?:in|through|via))\s+(?:our|the|a|this|an|my)\s+(?:[\w-]+\s+){0,3}?(?:{vocab:survey_noun})\b|\b(?:{vocab:survey_noun})\b")
READING_RE = pattern(r"\b(?:read|review|look\s+at|comment\s+on|give\s+(?:us\s+)?(?:your\s+)?(?:views|feedback|comments)\s+on)\s+(?:the|our|a|this|these|some)\s+(?:[\w-]+\s+){0,2}?(?:{vocab:reading_noun})\b")
RESPONSE_RE = pattern(r"\b(?:{vocab:reply_verb})\b")
REACH_NAMED_RE = pattern("{vocab:reach_named}")
INVITATION_RE = pattern(r"\b(?:{vocab:invite_verb}|{vocab:seeking}|get\s+involved|have\s+your\s+say|come\s+along|drop\s+in|pop\s+in|all\s+welcome|everyone\s+is\s+welcome)\b")
# A one-off ask for time beyond a survey: these take real time and skill.
TIME_EVENT_RE = pattern(r"\b(?:workshops?|focus\s+groups?|listening\s+events?|interviews?|co-?design|co-?production|user\s+testing|sessions?|forums?)\b")
IN_PERSON_RE = pattern("{vocab:in_person}")
ONLINE_RE = pattern(r"\b(?:{vocab:online})\b")
AT_HOME_RE = pattern(r"\b(?:{vocab:at_home})\b")
HYBRID_RE = pattern(r"\bhybrid\b|\bin\s+person\s+or\s+online\b|\bonline\s+or\s+in\s+person\b")


@dataclass(frozen=True)
class Ask:
    kind: str
    evidence: Evidence


def _mode(doc, where, facts) -> str:
    if search(doc, where, HYBRID_RE):
        return "hybrid"
    online = search(doc, where, ONLINE_RE) is not None
    in_person = search(doc, where, IN_PERSON_RE) is not None or facts.places.venue is not None
    if online and in_person:
        return "hybrid"
    if online:
        return "online"
    if in_person:
        return "in person"
    if search(doc, where, AT_HOME_RE):
        return "at home"
    return "not said"


DETERMINER_RE = re.compile(r"\b(?:our|the|a|an|this|these|new|your|local|one|two|three|four|five|six|\d+)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def _what(doc, match) -> Evidence | None:
    """The thing asked for, not the verb before it: "our reading panel", not "We're looking for"."""
    if match is None:
        return None
    group = next(name for name in ("noun", "noun2", "noun3", "noun4", "noun5") if name in match.re.groupindex and match.start(name) >= 0)
    start = match.start(group)
    lead = DETERMINER_RE.search(doc.text, match.start(), start) if group != "noun2" else None
    return Evidence(lead.start() if lead else start, match.end(group))


LEADING_RE = re.compile(r"(?:(?:the|our|next)\s+)+", re.I)


def _event(doc, match) -> Evidence | None:
    """The meeting or event named: "listening event", "annual patient forum"."""
    if match is None:
        return None
    group = next(name for name in ("what", "what2", "what3", "what4") if match.start(name) >= 0)
    start, end = match.start(group), match.end(group)
    lead = LEADING_RE.match(doc.text, start, end)
    return Evidence(lead.end() if lead else start, end)


class Asks(Record):
    @fact
    def role(self) -> Evidence | None:
        """An ongoing role, group or membership."""
        return _what(self.doc, self.search(ROLE_RE))

    @fact
    def one_off(self) -> Evidence | None:
        """A one-off group, interview or test."""
        return _what(self.doc, self.search(ONE_OFF_RE))

    @fact
    def event(self) -> Evidence | None:
        """A particular meeting or event is named."""
        return _event(self.doc, self.search(EVENT_RE))

    @fact
    def survey(self) -> Evidence | None:
        return self.first(SURVEY_RE)

    @fact
    def reading(self) -> Evidence | None:
        return self.first(READING_RE)

    @fact
    def response(self) -> Evidence | None:
        """Asked to apply, reply, register …"""
        return of(self.search(RESPONSE_RE) or self.search(REACH_NAMED_RE))

    @fact
    def items(self) -> list:
        """Every Ask found, one per kind, in the order of the text."""
        return sorted((Ask(kind, evidence) for kind, evidence in (
            ("role", self.role), ("one-off", self.one_off), ("event", self.event), ("survey", self.survey),
            ("reading", self.reading), ("response", self.response),
        ) if evidence is not None), key=lambda ask: ask.evidence.start)

    @fact
    def any(self) -> Evidence | None:
        """The reader is asked to do something: this is an invitation."""
        invitation = self.first(INVITATION_RE)
        found = (self.role, self.one_off, self.event, self.survey, self.reading, self.response, invitation)
        return min((e for e in found if e is not None), key=lambda e: e.start, default=None)

    @fact
    def ongoing(self) -> Evidence | None:
        """The same as role: how often and for how long matter."""
        return self.role

    @fact
    def role_or_one_off(self) -> Evidence | None:
        """Time is asked for: how long each time matters."""
        return self.role or self.one_off

    @fact
    def time(self) -> Evidence | None:
        """Time asked for beyond a short survey: payment matters."""
        if self.role or self.one_off:
            return self.role or self.one_off
        event = self.event
        if event is not None and self.search(TIME_EVENT_RE, event.start, min(self.region.end, event.end + 40)) is not None:
            return event
        return None

    @fact
    def attend_or_read(self) -> Evidence | None:
        """Something to come to, join or read: access matters."""
        return self.role or self.one_off or self.event or self.reading

    @fact
    def survey_only(self) -> Evidence | None:
        """Nothing asked but a survey."""
        return self.survey if (self.survey and not self.attend_or_read) else None

    @fact
    def mode(self) -> str:
        """"in person", "online", "hybrid", "at home" or "not said"."""
        return _mode(self.doc, self.region, self.facts)


RECORD = Asks
