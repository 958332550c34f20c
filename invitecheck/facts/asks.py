"""Asks: what the reader is asked to do, each with its kind and mode.

Kinds: "role" (an ongoing role or membership), "one-off" (a focus group, an interview,
user testing), "event" (a particular meeting or event), "survey", "reading" (reading or
reviewing documents) and "response" (apply, reply, register …). Modes: "in person",
"online", "hybrid", "at home" or "not said".
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache

from ..fields import Fields
from ..vocabulary import fragment, pattern, rare_pattern
from .evidence import Evidence, of
from .record import Record, fact
from .structure import search

_GAP = r"(?:[^.\n]|\n(?![ \t]*\n)){0,60}?"
# "Our reading panel … It meets four times a year"
_ROLE_MEETS = r"\b(?:our|the)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun4>(?:{vocab:group_noun}))\b(?:[^\n]|\n(?![ \t]*\n)){0,120}?\b(?:it|which)\s+meets\b"
ROLE_RE = rare_pattern(
    r"\b(?:{vocab:join_verb}|{vocab:seeking}|{vocab:role_sought}|setting\s+up|starting|launching|forming|creating|(?:has|have)\s+(?:established|set\s+up)|recruit(?:ing)?\s+(?:new\s+)?(?:members|people))\b" + _GAP + r"\b(?P<noun>(?:{vocab:group_noun}|{vocab:role_noun})s?)\b"
    # "looking for people who have had a stroke to help us review our booklets"
    r"|\b{vocab:seeking}\s+(?:[\w'’-]+\s+){0,3}?(?:people|volunteers|patients|carers|members\s+of\s+the\s+public)\b(?:[^.\n]|\n(?![ \t]*\n)){0,60}?\bto\s+(?:help\s+(?:us\s+)?)?"
    r"(?P<noun2>(?:read|review|test|check|comment\s+on)\s+(?:[\w'’-]+\s+){0,3}(?:{vocab:reading_noun}|booklets?|website|app|materials?))\b"
    # "Our carers' voice panel meets online …" (not "Our youth forum is looking for your views": a say, not a place)
    r"|\b(?:our|the)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun3>(?:{vocab:group_noun}))(?:\s+\([\w\s]{2,12}\))?\s+(?:meets(?!\s+next)|will\s+meet|is\s+looking(?!\s+(?:{vocab:views_sought}))|is\s+recruiting|needs(?!\s+(?:{vocab:views_sought}))|is\s+an?|is\s+open\s+to|is\s+where)\b"
    # "I'm writing to invite you to our Carers' Strategy Group" (a forum you are invited to is an event)
    r"|\b(?:invite|inviting)\s+you\s+to\s+(?:join\s+)?(?:our|the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun5>(?!forum)(?:{vocab:group_noun}))\b"
    r"|" + _ROLE_MEETS,
    {"meets": (_ROLE_MEETS,)},  # looked for only where the text says "meets"
)
# Rarer shapes, looked for only when the usual ones are not there (each search of a whole
# invitation costs time): "Lay members will be expected to attend meetings", "the appointment
# of lay members", "Expressions of interest are invited for the role of public governor"
ROLE_MORE_RE = pattern(
    r"\b(?:appointment|appointing|recruitment)\s+of\s+(?:new\s+|two\s+|three\s+|\d+\s+)?(?P<noun7>(?:{vocab:role_noun})s?)\b"
    r"|\b(?:for|as)\s+the\s+(?P<noun8>role)\s+of\b"
    # "The Patient Safety Partner role involves going to …"
    r"|\b(?P<noun9>role)\s+(?:involves|includes|will\s+involve|would\s+involve)\b"
    r"|{vocab:role_offered}"
)
# Rarer still, each searched on its own when none of those is there: "Could you give an hour a week?",
# "Volunteer drivers needed"
ROLE_BY_TIME_RES = (pattern("{vocab:regular_time_ask}"), pattern("{vocab:role_wanted}"))
# "Lay members will be expected to attend": found from "will be expected to" (a cheap search),
# then the role named just before it
EXPECTED_RE = pattern(r"\b(?:will|would)\s+(?:be\s+(?:expected|asked)\s+to|need\s+to|attend|meet|join)\b")
ROLE_BEFORE_RE = re.compile(r"\b((?:" + fragment("role_noun") + r")s?)\s+$", re.I)
# "we need people to try it out"
_TRY_IT = r"\b(?:need|want|looking\s+for|recruiting|seeking)\s+(?:[\w'’-]+\s+){0,3}?(?:people|volunteers|patients|carers)\s+to\s+(?P<noun2>(?:try|test|trial)\s+(?:it|them|(?:our|the|a)\s+(?:new\s+)?[\w'’-]+)(?:\s+out)?)"
ONE_OFF_RE = rare_pattern(
    r"\b(?:{vocab:invite_verb}|{vocab:seeking}|series\s+of|help\s+(?:us\s+)?(?:with|by|in|at|(?:to\s+)?(?:shape|design|plan|improve|develop))|holding|running|hosting|organising|putting\s+on|sign\s+up\s+(?:to|for))\b" + _GAP + r"\b(?P<noun>{vocab:one_off_noun})\b"
    r"|" + _TRY_IT,
    {("try", "test", "trial"): (_TRY_IT,)},  # looked for only where the text has its words
)
# "Interviews are by telephone and take about 40 minutes", "It is a one-to-one video call", "an interview panel"
# "sit on the lay panel for our new Director of Public Health", "our service user panel for this post"
# (looked for only where the text has 'new', 'next', 'post' or 'vacancy')
_PANEL_FOR_A_POST = (r"(?P<noun8>{vocab:selection_group})\s+(?:for|to\s+(?:choose|appoint|select|interview|fill))\s+"
                     r"(?:(?:our|the|a|an)\s+(?:new|next)\s+(?:[\w'’-]+\s+){0,3}?(?:{vocab:staff_post})|this\s+(?:post|vacancy))\b")
# "Lay panel member needed for Ward Manager (Ward 12) interviews" (looked for only where the text has 'needed', 'wanted' or 'required')
_NEEDED_FOR = (r"\b(?:{vocab:needed_person})\s+(?:needed|wanted|required)\s+(?:for|on|at)\s+"
               r"(?:(?:[\w'’-]+|\([^()\n]{1,30}\))\s+){0,5}?(?P<noun16>{vocab:one_off_noun})\b")
# "We are running a patient feedback group at the practice on Thursday 4 February": a group held on one date
_HELD_ON_A_DATE = r"\b(?:holding|running|hosting)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun10>group)\b(?=[^.\n]{0,60}?{vocab:one_off_dated})"
ONE_OFF_MORE_RE = rare_pattern(
    r"\b(?P<noun5>(?:focus\s+groups?|interviews?|workshops?|discussion\s+groups?|walk-?\s?rounds?|filming|recording))\s+(?:are|is|will\s+be|will\s+take|take|takes|last|lasts)\b"
    r"|\b(?P<noun4>{vocab:one_off_named})\b"
    # "three co-design workshops of about two and a half hours each"
    r"|\b(?P<noun15>{vocab:one_off_noun})\s+(?:of|lasting|each\s+lasting)\s+(?:about\s+|around\s+|roughly\s+|up\s+to\s+|approximately\s+)?(?:{vocab:duration})"
    # "Each conversation lasts about an hour"
    r"|\b(?P<noun14>(?:conversations?|chats?))\s+(?:will\s+)?(?:last|lasts|take|takes)\b"
    # "Sessions last about an hour"
    r"|\b(?P<noun6>sessions?)\s+(?:last|lasts|will\s+last|take|takes|will\s+take)\b"
    # "We are interviewing for a new matron, and we want a parent or carer on the panel"
    r"|\b(?:{vocab:staff_selection})\b[^.\n]{0,120}?\b(?:{vocab:wanted_on})\s+(?P<noun7>{vocab:selection_group})\b"
    r"|" + _HELD_ON_A_DATE
    + r"|" + _PANEL_FOR_A_POST
    + r"|" + _NEEDED_FOR,
    {("new", "next", "post", "vacancy"): (_PANEL_FOR_A_POST,), ("needed", "wanted", "required"): (_NEEDED_FOR,),
     ("holding", "running", "hosting"): (_HELD_ON_A_DATE,)},
)
# "we'd love some patients to walk round with us", "we would like to watch you try an early version"
# (one pattern each: one whose words are not in the invitation is not run)
ASKED_FOR_TIME_RES = [pattern("{vocab:" + name + "}") for name in
                      ("asked_for_time", "asked_to_try", "asked_to_spare_time", "asked_to_talk")]
# The lead-in of a request ("looking for "), left out of the words a message quotes
ASK_LEAD_IN_RE = pattern(r"(?:{vocab:ask_lead_in})\s+(?:to\s+)?")
# Any one-off named, longest first ("interview panel", not "interview"): what a bare "the panel" may point back to
ONE_OFF_THING_RE = pattern(r"\b(?:{vocab:one_off_named}|{vocab:one_off_noun})\b")
FREQUENCY_RE = pattern("{vocab:frequency}")
TIME_ASK_ROLE_RE = pattern("{vocab:time_ask_role_more}")
TIME_ASK_GATHERING_RE = pattern("{vocab:time_ask_gathering_more}")
GROUP_NOUN_RE = re.compile(r"(?:" + fragment("group_noun") + r")\b", re.I)
SURVEY_NOUN_RE = pattern(r"\b(?:{vocab:survey_noun})s?\b")
STAND_IN_RE = pattern("{vocab:stand_in}")
MEMBER_ALREADY_RE = pattern("{vocab:member_already}")
ROTA_RE = pattern("{vocab:rota}")
ONE_OFF_DATED_RE = pattern("{vocab:one_off_dated}")
CHOOSING_STAFF_RE = pattern("{vocab:choosing_staff}")
TIME_TO_SUIT_RE = pattern("{vocab:time_to_suit}")
APPLICANT_INTERVIEW_RE = pattern("{vocab:applicant_interview}")
ALSO_RECRUITING_RE = pattern("{vocab:also_recruiting}")
PANEL_END_RE = re.compile(r"(?:panel|assessment\s+centre)$", re.I)
ONE_OFF_WORD_RE = pattern(r"\b(?:{vocab:one_off_word})\b")
STANDING_POOL_RE = pattern("{vocab:standing_pool}")
# A Markdown heading that names a group: "# St Aldric's Children's Hospital Youth Forum"
GROUP_HEADING_RE = re.compile(r"^\#{1,2}[ \t]+((?:[\w'’-]+[ \t]+){0,6}?(?:" + fragment("group_noun") + r"))[ \t]*$", re.I | re.M)
# "## Volunteer role: Lived Experience Reviewer (from home)", "Paid role: Lived Experience Adviser"
ROLE_HEADING_RE = re.compile(r"^[ \t]*(?:\#{1,3}[ \t]+)?(?:\*\*|__)?((?:(?:volunteer|voluntary|paid|unpaid|lay|new)[ \t]+)?role)[ \t]*:[ \t]*\S", re.I | re.M)
# A Markdown heading that opens with a role: "# Lay member, Quality and Safety Committee", "## Volunteer ward companion"
TITLED_ROLE_RE = re.compile(r"^\#{1,3}[ \t]+(?:\*\*|__)?((?:[\w'’-]+[ \t]+){0,2}?(?:" + fragment("role_noun") + r"))\b", re.I | re.M)
SIGN_UP_RE = pattern(r"\bsign\s+up\b|\bnew\s+members\b")
SUBJECT_ONE_OFF_RE = pattern(r"\b(?:{vocab:one_off_named})\b")
# A one-off that people gather for: "citizens' jury", "focus group", "workshop"
GATHERING_RE = re.compile(r"\b(?:(?:" + fragment("event_noun") + r")s?|jur(?:y|ies))\b", re.I)
# "three co-design workshops": gatherings counted, each a particular meeting even before its date is fixed
COUNTED_RE = re.compile(r"\b(?:two|three|four|five|six|\d+)\s+(?:[\w'’-]+\s+){0,2}?$", re.I)
GROUP_MEETING_RE = pattern(r"\b(?:{vocab:group_noun})\s+(?:meeting|session)s?\b")
DATE_TO_HOUR_CHARS = 40  # the hour given just after the date, on its line or the next
SENTENCE_RE = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")
# "a 15-minute talk at our conference", "run a stall at the open day"
_EVENT_TALK = r"\b(?:speak|speaking|talk|present|presentation|stall)\b[^.\n]{0,40}?\bat\s+(?:our|the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?P<what4>{vocab:event_noun})\b"
# a Markdown heading that names an event: "# Carers' listening event"
_EVENT_HEADING = r"^\#{1,3}[ \t]+(?:[\w'’-]+[ \t]+){0,4}?(?P<what6>{vocab:event_noun})[ \t]*$"
EVENT_RE = rare_pattern(
    r"\b(?:(?:invite|invited|inviting|invitation)\s+(?:you\s+)?to\s+(?:a|an|our|the)\s+|"
    # "inviting people who have used the service to a focus group"
    # "invites people living with dementia, and the family and friends who support them, to a listening event"
    r"(?:invites?|inviting)\s+(?:{vocab:invitee_word})\b[^.\n]{0,100}?\bto\s+(?:a|an|our|the)\s+|join\s+us\s+(?:at|for|on)\s+(?:a|an|our|the)\s+|"
    r"(?:come|attend)\s+(?:to\s+|along\s+to\s+)?(?:a|an|our|the)\s+|(?:views|thoughts|experiences?|stories)\s+at\s+(?:a|an|our|the)\s+|take\s+part\s+in\s+(?:a|an|our|the|one|two|three|four|\d+)\s+|"
    r"(?:holding|running|hosting|organising|arranging|putting\s+on|planning(?:\s+is)?|plan\s+to\s+(?:hold|run|host|have)|{vocab:event_lead_more}|{vocab:event_lead_there})\s+(?:a|an|our|the|two|three|four|\d+)\s+)"
    # (not "each meeting" or "every session": a pattern, not a particular meeting)
    r"(?:(?!(?:each|every)\b)[\w'’-]+\s+){0,5}?(?P<what>{vocab:event_noun}|focus\s+group|interview|panel)s?\b"
    # (not "take part in our interview study": the study, not a meeting)
    r"(?!\s+(?:{vocab:event_noun_as_modifier})\b)"
    # "our new ward manager interviews on Tuesday 5 January" (not "at the last forum": one that has been; nor "we want the forum to be a welcoming space",
    # nor "the forum is voluntary" or "the forum is an open group": what a standing forum is; "the forum is on …" is a meeting)
    r"|\b(?P<what2>(?:the|our|next)\s+(?!(?:{vocab:past_meeting_word})\b)(?:[\w'’-]+\s+){0,3}?(?:{vocab:event_noun}))s?\b(?!\s+(?:{vocab:event_noun_as_modifier})\b)(?!\s+to\s+be\b)(?!(?<=forum)\s+is\s+(?!(?:on|at|in|held|being|taking|from|next|this|today|tomorrow)\b))(?:[^.\n]{0,80}?)\s+"
    r"(?:is|will\s+be|takes\s+place|will\s+take\s+place|on\s+(?:{vocab:weekday}|\d{1,2}(?:st|nd|rd|th)?\s+(?:{vocab:month})))\b"
    r"|" + _EVENT_TALK
    # "Workshop: Wednesday 16 February", "When: 7 April", "First meeting: 6 October"
    + r"|^[ \t]*(?:[•*-][ \t]*)?(?:\*\*|__)?(?P<what3>(?:(?:first|next)\s+)?(?:{vocab:event_noun}|tasting\s+session|interviews?)|when)[ \t]*:"
    r"|" + _EVENT_HEADING,
    {("speak", "talk", "present", "stall"): (_EVENT_TALK,), "#": (_EVENT_HEADING,),
     ("book", "regist", "sign up"): ("{vocab:event_lead_more}",), "there will": ("{vocab:event_lead_there}",)},  # each looked for only where its words are
    re.M,
)
# Looked for only when EVENT_RE finds nothing: a heading "Listening event" with its date on the
# next line, found from the date line (a cheap search), then the heading above it
THANKS_BEFORE_RE = re.compile(r"\bthank(?:s|\s+you)\s+for\s+$", re.I)
# "Just a reminder that our next Patient Participation Group meeting is …"
REMINDER_RE = pattern(r"\b(?:reminder|remind\s+you)\s+(?:that\s+|of\s+)?(?:our|the)\s+(?:[\w'’-]+\s+){0,5}?(?P<what7>{vocab:event_noun})\b")
REMINDER_OF_NEXT_RE = pattern("{vocab:reminder_of_next}")
NOT_ASKED_TO_RE = pattern("{vocab:not_asked_to}")
HYPOTHETICAL_RE = pattern("{vocab:hypothetical_lead}")
IN_PASSING_RE = pattern("{vocab:meeting_in_passing}")
JOIN_US_DATED_RE = pattern("{vocab:join_us_dated}")
HYPOTHETICAL_AFTER_RE = pattern("{vocab:hypothetical_after}")
RECURRING_AFTER_RE = pattern("{vocab:recurring_after}")
REMINDER_WORD_RE = pattern("{vocab:reminder_word}")
NEXT_MEETING_RE = pattern("{vocab:next_meeting}")
KNOWN_MEETING_RE = pattern("{vocab:known_meeting}")
GROUP_MEETS_RE = pattern("{vocab:group_meets}")
ANSWERED_OR_WELCOMED_RE = pattern("{vocab:answered_or_welcomed}")
COME_ANY_TIME_RE = pattern("{vocab:come_any_time}")
DATE_LINE_RE = pattern(r"\n[ \t]*(?:{vocab:weekday}|\d{1,2}(?:st|nd|rd|th)?\s+(?:{vocab:month}))\b")
EVENT_HEADING_RE = re.compile(r"[ \t]*(?:[\w'’-]+[ \t]+){0,3}?(" + fragment("event_noun") + r")[ \t]*$", re.I)
# A heading of its own a paragraph or two above the date line: "Young people's listening event: help at
# school and college" (a bulletin's item, an HTML page's <h2>), ending with its noun or going on after a
# colon or dash. A line with no full stop, a blank line above and below it.
EVENT_ITEM_HEADING_RE = re.compile(
    r"[ \t]*(?:[\w'’-]+[ \t]+){0,4}?(" + fragment("event_noun") + r")s?(?:[ \t]*[:\u2013\u2014-][ \t]+[^\n.!?]{0,80})?[ \t]*$", re.I)
ITEM_HEADING_BACK = 800  # how far above the date line its heading may be
SURVEY_RE = pattern(r"\b(?:fill\s+in|complete|answer|take|do|respond\s+to|share\s+your\s+views\s+(?:in|through|via))\s+(?:our|the|a|this|an|my)\s+(?:[\w-]+\s+){0,3}?(?:{vocab:survey_noun})\b|\b(?:{vocab:survey_noun})\b")
READING_RE = pattern(r"\b(?:read|review(?:ing)?|watch|look\s+at|comment(?:ing)?\s+on|give\s+(?:us\s+)?(?:your\s+)?(?:views|feedback|comments)\s+on)\s+(?:the|our|a|this|these|some)\s+(?:[\w-]+\s+){0,2}?(?:{vocab:reading_noun})\b")
READING_AT_HOME_RE = pattern("{vocab:reading_at_home}")
MEMBERS_READ_AT_HOME_RE = pattern("{vocab:members_read_at_home}")
# "read the short summary": a read said to be short asks no more time than a short survey
SHORT_READ_RE = pattern(r"\b(?:{vocab:short_read})\b")
PUBLIC_CONSULTATION_RE = pattern("{vocab:public_consultation}")
RESPONSE_RE = pattern(r"\b(?:{vocab:reply_verb})\b")
REACH_NAMED_RE = pattern("{vocab:reach_named}")
INVITATION_RE = pattern(r"\b(?:{vocab:invite_verb}|{vocab:seeking}|get\s+involved|have\s+your\s+say|come\s+along|drop\s+in|pop\s+in|all\s+welcome|everyone\s+is\s+welcome)\b")
# A one-off ask for time beyond a survey: these take real time and skill.
TIME_EVENT_RE = pattern(r"\b(?:{vocab:time_event})\b")
# "Come along and have your say", "share your experiences": a meeting that asks for views asks for time
VIEWS_ASKED_RE = pattern("{vocab:views_asked}")
IN_PERSON_RE = pattern("{vocab:in_person}")
ONLINE_RE = pattern(r"\b(?:{vocab:online})\b")
AT_HOME_RE = pattern(r"\b(?:{vocab:at_home})\b")
NOT_TRAVEL_RE = pattern(r"\b(?:{vocab:at_home})\b|{vocab:no_travel}")
DONE_AT_HOME_RE = pattern("{vocab:done_at_home}")
# evidence of a place that is a meeting there ("the panel also meets twice a year at the Civic Hall"), not an address
MEETS_THERE_RE = re.compile(r"\b(?:meet|meets|meeting|meetings|held|hosted|come|attend)\b", re.I)
ONLINE_TOPIC_RE = pattern("{vocab:online_topic}")
HYBRID_RE = pattern(r"\bhybrid\b|\bin\s+person\s+or\s+online\b|\bonline\s+or\s+in\s+person\b")


class Ask(Fields):
    """What the reader is asked to do: its kind and the words that ask it."""

    __slots__ = ("kind", "evidence")

    def __init__(self, kind: str, evidence: Evidence) -> None:
        self.kind, self.evidence = kind, evidence


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
    group = next(name for name in match.re.groupindex if name.startswith("noun") and match.start(name) >= 0)
    start = match.start(group)
    lead = DETERMINER_RE.search(doc.text, match.start(), start) if group != "noun2" else None
    return Evidence(lead.start() if lead else start, match.end(group))


LEADING_RE = re.compile(r"(?:(?:the|our|next)\s+)+", re.I)


def _event(doc, match) -> Evidence | None:
    """The meeting or event named: "listening event", "annual patient forum"."""
    if match is None:
        return None
    group = next(name for name in ("what", "what2", "what3", "what4", "what6", "what7") if name in match.re.groupindex and match.start(name) >= 0)
    start, end = match.start(group), match.end(group)
    lead = LEADING_RE.match(doc.text, start, end)
    return Evidence(lead.end() if lead else start, end)


PLURAL_AFTER_RE = re.compile(r"[ \t]+(?:sessions|meetings|events|groups|mornings|afternoons|evenings)\b", re.I)


def _recurring(doc, lowered: str, match) -> bool:
    """"Come to our advisory meetings: ten a year, each 2 hours": meetings (plural) and how often
    they are, a pattern rather than a particular meeting."""
    if "what2" in match.re.groupindex and match.start("what2") >= 0:
        # "The panel meeting is held every month", "Our AGM is held every September" (not "is on 5 March, and monthly after")
        line_end = doc.text.find("\n", match.end())
        end = min(match.end() + 40, len(doc.text) if line_end == -1 else line_end)
        return (RECURRING_AFTER_RE.search(doc.text, lowered, match.end(), end) is not None
                and DAY_AFTER_RE.search(doc.text, lowered, match.start("what2"), end) is None)
    if "what" not in match.re.groupindex or match.start("what") < 0:
        return False
    after = match.end()
    if after == match.end("what"):
        plural = PLURAL_AFTER_RE.match(doc.text, after)  # "our drop-in sessions, held every Wednesday"
        if plural is None:
            # one meeting said to come round again, with no date: "our annual members' meeting, held each
            # September", "our monthly coffee mornings", "our AGM every autumn"
            line_end = doc.text.find("\n", after)
            end = min(after + 40, len(doc.text) if line_end == -1 else line_end)
            return (RECURRING_AFTER_RE.search(doc.text, lowered, max(match.start(), match.start("what") - 12), end) is not None
                    and DAY_AFTER_RE.search(doc.text, lowered, match.start(), end) is None)
        after = plural.end()
    line_end = doc.text.find("\n", after)
    end = min(after + 60, len(doc.text) if line_end == -1 else line_end)
    # (how often may come just before them, too: "our monthly coffee mornings")
    return FREQUENCY_RE.search(doc.text, lowered, max(match.start(), match.start("what") - 12), end) is not None


def _sentence(doc, where, evidence: Evidence) -> tuple[int, int]:
    """The sentence (or paragraph) the evidence is in, inside the region."""
    left = max(where.start, evidence.start - 300)
    ends = [m.end() for m in SENTENCE_RE.finditer(doc.text, left, evidence.start)]
    right = SENTENCE_RE.search(doc.text, evidence.end, min(where.end, evidence.end + 300))
    return (ends[-1] if ends else left), (right.start() if right else min(where.end, evidence.end + 300))


def _same_thing(text: str, earlier: Evidence, later: Evidence) -> bool:
    """"the panel" after "the interview panel": a bare "the" and the same last word point back to it."""
    words = text[later.start : later.end].lower().split()
    return (len(words) == 2 and words[0] == "the"
            and text[earlier.start : earlier.end].lower().split()[-1].rstrip("s") == words[1].rstrip("s"))


# "the session is relaxed", "the workshop is a chance to …": what a meeting is like, not when it is
DESCRIBED_RE = re.compile(r"s?[ \t]+(?:is|are)[ \t]+(?!(?:on|at|in|held|being|taking|from|next|this|today|tomorrow|due|planned|booked)\b)", re.I)
EVENTS_ELSEWHERE_RE = pattern("{vocab:events_elsewhere}")
DAY_AFTER_RE = pattern(r"\b(?:{vocab:weekday})\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:{vocab:month})\b")
LINK_START_RE = re.compile(r"<?(?:https?://|www\.)", re.I)


def _in_link(text: str, at: int) -> bool:
    """The words at `at` are part of a web address ("…/meetup-join/eastfield-forum"), not an ask."""
    if at == 0 or text[at - 1].isspace():
        return False
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at)) + 1
    return LINK_START_RE.match(text, start, at) is not None


def _item_heading(text: str, start: int, end: int) -> Evidence | None:
    """The nearest heading above a date line (a short line standing alone, with no full stop), if it
    names an event: "Young people's listening event: help at school and college". Another heading
    nearer the date ("Easter opening hours") ends the search."""
    lines = text[start:end].split("\n")
    whole_first = start == 0 or text[start - 1] == "\n"  # else the first piece is the end of a line
    offset = end
    for index in range(len(lines) - 1, -1 if whole_first else 0, -1):
        line = lines[index]
        offset -= len(line) + (1 if index else 0)
        stripped = line.strip()
        if not stripped:
            continue
        above_blank = index == 0 or not lines[index - 1].strip()
        alone = index + 1 < len(lines) and not lines[index + 1].strip() and above_blank
        if not alone or len(stripped) > 100 or stripped[-1] in ".!?,;":
            continue
        line_start = offset + 1 if index else start
        heading = EVENT_ITEM_HEADING_RE.match(text, line_start, line_start + len(line))
        return Evidence(heading.start(1), heading.end(1)) if heading is not None else None
    return None


class Asks(Record):
    @fact
    def role(self) -> Evidence | None:
        """A role, group or membership asked for (ongoing unless its sentence makes it a one-off)."""
        return (_what(self.doc, self._role_match or self.search(ROLE_MORE_RE)) or self._expected_role or self._role_by_time
                or _event(self.doc, self._event_match[1]) or self._group_page or self._role_heading or self._titled_role)

    @fact
    def _role_match(self):
        """The first ask to join, not a thank-you for having joined ("Thank you for joining our panel last year")."""
        text = self.doc.text
        for found in ROLE_RE.finditer(text, self.lowered, self.region.start, self.region.end):
            if _in_link(text, found.start()):
                continue
            if not THANKS_BEFORE_RE.search(text, max(self.region.start, found.start() - 16), found.start()):
                return found
        return None

    @fact
    def one_off(self) -> Evidence | None:
        """A one-off group, interview, test or visit."""
        return _what(self.doc, self.search(ONE_OFF_RE) or self.search(ONE_OFF_MORE_RE)) or self._subject_one_off

    @fact
    def _subject_one_off(self) -> Evidence | None:
        """A one-off named in the subject line ("Subject: Interview panel - Head of Patient Experience, 12 Jan")
        above a body that gives its details ("Thanks for saying yes to the lay panel. Details: …")."""
        subject = self.doc.subject
        if subject is None:
            return None
        return of(SUBJECT_ONE_OFF_RE.search(self.doc.text, self.lowered, subject.start, subject.end))

    @fact
    def _event_match(self):
        """(the first particular meeting or event named, the first meetings named with how often they are):
        "Come to our advisory meetings: ten a year" is a pattern of meetings, so a role, not one meeting."""
        own = self.facts.region
        found = self.search(EVENT_RE, own.start, own.end)
        recurring = None
        while found is not None:
            if (self.search(NOT_ASKED_TO_RE, max(own.start, found.start() - 30), found.start()) is None and not self._described(found)
                    and not self._elsewhere(found) and not self._hypothetical(found)):
                if not _recurring(self.doc, self.lowered, found):
                    break
                recurring = recurring or found
            found = self.search(EVENT_RE, found.end(), own.end)  # "Nobody has to come to a meeting": none is named
        return found, recurring

    def _hypothetical(self, found) -> bool:
        """"You may also be invited to a focus group", "Sometimes we hold online workshops": a meeting that may
        happen, with no day given in its sentence, is not a particular meeting."""
        text, own = self.doc.text, self.region
        # its sentence, found cheaply: back to a full stop or a blank line, on to the next
        left, right = max(own.start, found.start() - 150), min(own.end, found.end() + 150)
        start = max(text.rfind(". ", left, found.start()), text.rfind("\n\n", left, found.start())) + 1 or left
        stops = [at for at in (text.find(". ", found.end(), right), text.find("\n\n", found.end(), right)) if at >= 0]
        end = min(stops, default=right)
        if self.search(HYPOTHETICAL_RE, start, found.end()) is None and self.search(HYPOTHETICAL_AFTER_RE, found.end(), end) is None:
            return False
        return self.search(DAY_AFTER_RE, found.end(), end) is None

    def _elsewhere(self, found) -> bool:
        """"Share your views at our consultation events, listed on our website": events (plural) named only as
        a kind, to be found elsewhere or held all over: no particular one."""
        if "what" not in found.re.groupindex or found.start("what") < 0 or found.end() == found.end("what"):
            return False  # not a plural
        return self.search(EVENTS_ELSEWHERE_RE, found.end(), min(self.region.end, found.end() + 60)) is not None

    def _described(self, found) -> bool:
        """"Join our panel … The session is relaxed", "we can phone you after the meeting instead": a role's
        meetings described or named in passing, not a particular meeting named (no day follows, and the
        invitation asks people to join a group). A page headed with a
        group's name ("# Carers' Forum") that asks people to join it names the group, not a meeting of it,
        unless a date follows the heading; so does a heading over a meeting said to come round again."""
        if "what6" in found.re.groupindex and found.start("what6") >= 0:
            after = found.end("what6")
            # (a pattern of days such as "the first Saturday of every month" is not a day: a date is)
            # and a heading over a meeting that comes round ("# Carers' café … our monthly coffee mornings") names its pattern
            if any(d.role == "event" and after <= d.evidence.start < after + 300 for d in self.facts.times.dates):
                return False
            return ((self._role_match is not None and GROUP_NOUN_RE.match(self.doc.text, found.start("what6")) is not None)
                    or self.search(FREQUENCY_RE, after, min(self.region.end, after + 300)) is not None)
        if "what2" not in found.re.groupindex or found.start("what2") < 0:
            return False
        text, after = self.doc.text, found.end("what2")
        if self._role_match is None:
            return False
        # "… or phone you after the meeting instead": any of a role's meetings, said in passing
        in_passing = self.search(IN_PASSING_RE, max(self.region.start, found.start("what2") - 16), found.start("what2")) is not None
        if not in_passing and DESCRIBED_RE.match(text, after) is None:
            return False
        return self.search(DAY_AFTER_RE, after, min(self.region.end, after + 100)) is None

    @fact
    def event(self) -> Evidence | None:
        """A particular meeting or event is named."""
        own = self.facts.region  # the sender's words now: a meeting in a quoted message is not named again
        return (_event(self.doc, self._event_match[0]) or self._event_heading
                or _event(self.doc, self.search(REMINDER_RE, own.start, own.end)))

    @fact
    def meeting(self) -> Evidence | None:
        """A particular meeting to come to: one named, or one to go to in someone's place ("could you
        step in on the panel on Tuesday"), or a rota of visits on dates it gives: when and where it is matter."""
        return self.event or self.stand_in or self._dated_rota or self._dated_one_off or self._dated_ask or self._join_us_dated

    @fact
    def _join_us_dated(self) -> Evidence | None:
        """"Join us on Tuesday 16 April 2024 to talk about …": a meeting on a day, though it is not named."""
        if not any(d.role == "event" for d in self.facts.times.dates):
            return None  # (no date a meeting could be on: not worth a search of the whole text)
        own = self.facts.region
        return of(self.search(JOIN_US_DATED_RE, own.start, own.end))

    @fact
    def _dated_one_off(self) -> Evidence | None:
        """A one-off that gives the dates it sits on ("a place on the citizens' jury … sits for four
        full days: Saturday 23 and Saturday 30 January"): each is a particular meeting. Only a gathering:
        filming on 14 March or test sessions from 30 September are fitted around the person."""
        one_off = self.one_off
        if one_off is None or GATHERING_RE.search(self.doc.text, one_off.start, one_off.end) is None:
            return None
        # an interview at a time that suits each person, or the interview of people who apply for a role
        # ("Informal interviews will be in the week beginning …"): no particular meeting
        if self.search(TIME_TO_SUIT_RE) is not None:
            return None
        start, end = _sentence(self.doc, self.region, one_off)
        if self.role is not None and self.search(APPLICANT_INTERVIEW_RE, start, end) is not None:
            return None
        if any(d.role == "event" for d in self.facts.times.dates):
            return one_off
        # "three co-design workshops of about two hours, across March, dates to be confirmed": counted
        # gatherings are particular meetings; interviews are fitted around each person
        text = self.doc.text
        counted = COUNTED_RE.search(text, max(self.region.start, one_off.start - 30), one_off.start)
        return one_off if counted is not None and "interview" not in text[one_off.start : one_off.end].lower() else None

    @fact
    def _dated_ask(self) -> Evidence | None:
        """People asked in plain words ("We'd like about eight people") on a day and at an hour the page gives
        ("Thursday 11 February 2027 / 6.30pm to 8pm"): they are asked to a particular meeting."""
        times = self.facts.times
        clock = times.clock  # the cheap tests first: most invitations give no date with its hour
        if clock is None or not any(d.role == "event" and 0 <= clock.start - d.evidence.end <= DATE_TO_HOUR_CHARS for d in times.dates):
            return None
        return self.asked_for_time if self.ongoing is None else None

    @fact
    def _dated_rota(self) -> Evidence | None:
        """A rota or schedule that lists its visits' dates ("Ward 3: Tuesday 9 April"): each is a particular
        visit. A rota to sign up to online, with no dates given, names none."""
        rota = self.rota
        if rota is None or not any(d.role == "event" for d in self.facts.times.dates):
            return None
        return rota

    @fact
    def reminder(self) -> Evidence | None:
        """A reminder to members of their group's next meeting ("A reminder that our next forum
        meeting is …"): they know it is coming, so it is not a fresh invitation."""
        own = self.facts.region
        found = self.search(REMINDER_OF_NEXT_RE, own.start, own.end)
        subject = self.doc.subject
        if found is None and subject is not None and self.search(REMINDER_WORD_RE, subject.start, subject.end) is not None:
            found = self.search(NEXT_MEETING_RE, own.start, own.end) or self.search(GROUP_MEETS_RE, own.start, own.end)
            # "Subject: Reminder" and "Our next forum is on …", "The forum is on Wednesday …"
        if found is None and self.stand_in is None:
            # "Ahead of our meeting on Tuesday, here is the agenda", "a quick note before Thursday's forum",
            # "as agreed at our last meeting, we meet next on …": a meeting the members already know of
            # (not "could you stand in for me tomorrow? Same room as usual": that is a new ask)
            found = self.search(KNOWN_MEETING_RE, own.start, own.end)
        return of(found)

    @fact
    def open_meeting(self) -> Evidence | None:
        """A reply to someone who asked about a group, or a welcome to someone who has joined it, where the
        group meets regularly and they may come to whichever meeting suits them ("We meet every other
        Wednesday … come whenever you can: there is no need to let us know"): the next date is one of many,
        not a date they must keep. The words that leave them free to choose are the evidence."""
        own = self.facts.region
        if self.search(ANSWERED_OR_WELCOMED_RE, own.start, own.end) is None or self.facts.commitment.frequency is None:
            return None
        return of(self.search(COME_ANY_TIME_RE, own.start, own.end))

    @fact
    def _expected_role(self) -> Evidence | None:
        """"Lay members will be expected to attend meetings": the role before "will be expected to"."""
        text = self.doc.text
        for found in EXPECTED_RE.finditer(text, self.lowered, self.region.start, self.region.end):
            role = ROLE_BEFORE_RE.search(text, max(self.region.start, found.start() - 40), found.start())
            if role is not None:
                return Evidence(role.start(1), role.end(1))
        return None

    @fact
    def _role_heading(self) -> Evidence | None:
        """A listing headed with the role it offers: "## Volunteer role: Lived Experience Reviewer"."""
        own, lowered = self.facts.region, self.lowered
        if lowered is not None and lowered.find("role", own.start, own.end) < 0:
            return None  # no "role" at all: not worth trying the pattern at every line
        found = ROLE_HEADING_RE.search(self.doc.text, own.start, own.end)
        return Evidence(found.start(1), found.end(1)) if found else None

    @fact
    def _role_by_time(self) -> Evidence | None:
        """A role asked for by the time it takes again and again ("Could you give an hour a week?"), or wanted
        in a listing's few words ("Volunteer drivers needed")."""
        own = self.facts.region
        return next((of(found) for regex in ROLE_BY_TIME_RES if (found := self.search(regex, own.start, own.end)) is not None), None)

    @fact
    def _titled_role(self) -> Evidence | None:
        """A page headed with a role ("# Lay member, Quality and Safety Committee") that says how often or for
        how long: a role description, even when it asks no more than "apply by emailing"."""
        own = self.facts.region
        if self.doc.text.find("#", own.start, own.end) < 0:
            return None  # no "#" at all: no Markdown heading
        text, found = self.doc.text, None
        at = text.find("#", own.start, own.end)
        while at >= 0 and found is None:  # tried only where a line starts with "#", not at every place
            if at == own.start or text[at - 1] == "\n":
                found = TITLED_ROLE_RE.match(text, at, own.end)
            at = text.find("\n#", at + 1, own.end)
            at = at + 1 if at >= 0 else -1
        if found is None:
            return None
        commitment = self.facts.commitment  # (worked out only for a page with such a heading)
        return None if commitment.frequency is None and commitment.term is None else Evidence(found.start(1), found.end(1))

    @fact
    def _group_page(self) -> Evidence | None:
        """A web page headed with a group's name ("# St Aldric's Youth Forum") that asks people to sign up:
        it asks them to join the group."""
        own = self.facts.region
        if self.doc.text.find("#", own.start, own.end) < 0:
            return None  # no "#" at all: no Markdown heading
        heading = GROUP_HEADING_RE.search(self.doc.text, own.start, own.end)
        if heading is None or self.search(SIGN_UP_RE, heading.end(), own.end) is None:
            return None
        return Evidence(heading.start(1), heading.end(1))

    @fact
    def _event_heading(self) -> Evidence | None:
        """A heading "Listening event" with its date on the line below."""
        text = self.doc.text
        own = self.facts.region
        for found in DATE_LINE_RE.finditer(text, self.lowered, own.start, own.end):
            line_start = text.rfind("\n", own.start, found.start()) + 1
            heading = EVENT_HEADING_RE.match(text, max(line_start, own.start), found.start())
            if heading is not None:
                return Evidence(heading.start(1), heading.end(1))
            heading = _item_heading(text, max(own.start, found.start() - ITEM_HEADING_BACK), found.start())
            if heading is not None:
                return heading
        return None

    @fact
    def asked_for_time(self) -> Evidence | None:
        """People asked to give time in their own words: "we'd love some patients to walk round with us"
        (not "could you spare ten minutes to fill in our survey")."""
        for regex in ASKED_FOR_TIME_RES:
            for found in regex.finditer(self.doc.text, self.lowered, self.region.start, self.region.end):
                start, end = _sentence(self.doc, self.region, of(found))
                if self.search(SURVEY_NOUN_RE, start, end) is None:
                    # quoted from what is asked: "people to help shape", not "looking for people to help shape"
                    lead = ASK_LEAD_IN_RE.match(self.doc.text, self.lowered, found.start(), found.end())
                    return Evidence(lead.end() if lead else found.start(), found.end())
        return None

    @fact
    def stand_in(self) -> Evidence | None:
        """Asked to go to a meeting in someone's place: "could you attend in my place"."""
        return self.first(STAND_IN_RE)

    @fact
    def rota(self) -> Evidence | None:
        """A rota or schedule of visits or sessions to sign up to."""
        return self.first(ROTA_RE)

    @fact
    def survey(self) -> Evidence | None:
        return self.first(SURVEY_RE)

    @fact
    def reading(self) -> Evidence | None:
        """Something to read, check or watch: "read the draft leaflet", "members read draft letters at home"."""
        return self.first(READING_RE) or self.first(READING_AT_HOME_RE)

    @fact
    def response(self) -> Evidence | None:
        """Asked to apply, reply, register …"""
        own = self.facts.region
        return of(self.search(RESPONSE_RE, own.start, own.end) or self.search(REACH_NAMED_RE, own.start, own.end))

    @fact
    def items(self) -> list:
        """Every Ask found, one per kind, in the order of the text."""
        return sorted((Ask(kind, evidence) for kind, evidence in (
            ("role", self.ongoing), ("one-off", self.one_off or self.rota or self._one_off_role or self.asked_for_time),
            ("event", self.event or self.stand_in),
            ("survey", self.survey), ("reading", self.reading), ("response", self.response),
        ) if evidence is not None), key=lambda ask: ask.evidence.start)

    @fact
    def any(self) -> Evidence | None:
        """The reader is asked to do something: this is an invitation."""
        found = [e for e in (self.role, self.one_off, self.event, self.response) if e is not None]
        end = min((e.start for e in found), default=self.region.end)
        # only the earliest matters: a survey, a document to read or an invitation is looked for before it
        for regex in (SURVEY_RE, READING_RE, INVITATION_RE):
            earlier = self.search(regex, self.region.start, end)
            if earlier is not None:
                found.append(of(earlier))
                end = earlier.start()
        # the rarer shapes are looked for only when none of the usual ones is there
        return min(found, key=lambda e: e.start, default=None) or self._other_time

    @fact
    def _other_time(self) -> Evidence | None:
        """Time asked for in a rarer shape: a rota, a meeting in someone's place, people asked in plain words."""
        return self.rota or self.stand_in or self.asked_for_time

    @fact
    def _one_off_role(self) -> Evidence | None:
        """A role for a one-off: "a patient representative for an interview panel", "a one-off role",
        "a stakeholder panel on Tuesday 17 February"."""
        role = self.role
        if role is None:
            return None
        start, end = _sentence(self.doc, self.region, role)
        if self.search(STANDING_POOL_RE, start, end) is not None:
            return None  # "a pool of patients who can sit on interview panels": membership of the pool lasts
        one_off = self.one_off
        if (one_off is not None and start <= one_off.start < end) or self.search(ONE_OFF_WORD_RE, start, end) is not None:
            return role
        # "Interview panel - Director of Nursing … be part of our service user panel for this post": a one-off
        # named earlier, and another in the role's own sentence
        if one_off is not None and one_off.start < start and self.search(ONE_OFF_MORE_RE, start, end) is not None:
            return role
        # "the interview panel … sit on the panel with me": "the panel" is the one-off named before it
        if one_off is not None and one_off.end <= role.start and _same_thing(self.doc.text, one_off, role):
            return role
        # "would you sit on the interview panel? … The panel meets in the Board Room": any one-off named before
        if self._names_earlier_one_off(role):
            return role
        # "Help us choose our next Director of Nursing … sit on our stakeholder panel": the panel that chooses
        if PANEL_END_RE.search(self.doc.text, role.start, role.end) and self.search(CHOOSING_STAFF_RE) is not None:
            return role
        # "to join a stakeholder panel on Tuesday 17 February": a group joined on one date
        if ONE_OFF_DATED_RE.match(self.doc.text, self.lowered, role.end, max(role.end, min(end, role.end + 120))) is not None:
            return role
        return None

    def _names_earlier_one_off(self, role: Evidence) -> bool:
        """A bare "the panel" whose last word ends a one-off named before it ("the interview panel")."""
        text = self.doc.text
        words = text[role.start : role.end].lower().split()
        if len(words) != 2 or words[0] != "the":
            return False
        return any(_same_thing(text, of(found), role)
                   for found in ONE_OFF_THING_RE.finditer(text, self.lowered, self.region.start, role.start))

    @fact
    def _reading_role(self) -> Evidence | None:
        """A role that is reading: "two patient reviewers to read our summary"."""
        role = self.role
        if role is None:
            return None
        start, end = _sentence(self.doc, self.region, role)
        return role if self.search(READING_RE, start, end) is not None else None

    @fact
    def ongoing(self) -> Evidence | None:
        """A role or membership that lasts: how often and for how long matter. A reminder to members of
        their next meeting ("members will be asked to comment") asks for that meeting, not for the role, and
        so does asking someone to stand in at one meeting of a committee."""
        if self._one_off_role is not None or self.reminder is not None or self.stand_in is not None or self._trailed_role:
            return None
        return self.role

    @fact
    def _trailed_role(self) -> bool:
        """A role trailed after the meeting the invitation is about ("Join us on 28 January … After the event we
        are also recruiting volunteers"): the meeting is what is asked now, and its length is what matters."""
        role, event = self.role, self.event
        if role is None or event is None or event.start >= role.start:
            return False
        start, end = _sentence(self.doc, self.region, role)
        return self.search(ALSO_RECRUITING_RE, start, min(self.region.end, end + 200)) is not None

    @fact
    def role_or_one_off(self) -> Evidence | None:
        """Time is asked for: how long each time matters."""
        return self.role or self.one_off or self.rota or self.asked_for_time

    @fact
    def time(self) -> Evidence | None:
        """Time asked for beyond a short survey (reading done at home among it): payment matters. A meeting or
        event counts when it is one that takes real time (a workshop, a listening morning) or when people are
        asked there for their views or experiences ("come along and have your say"), not in a survey's sentence.
        A reminder to members of their group's
        next meeting asks for no new time (they agreed the terms when they joined), unless it asks someone
        to stand in or sign up to a rota. A fellow member asked to stand in ("as the other patient rep")
        already knows what the group asks and whether it pays."""
        if self.stand_in is not None and self.first(MEMBER_ALREADY_RE) is not None:
            return None
        if self.reminder is not None:
            return self._other_time
        found = self.role or self.one_off
        if found is not None:
            return found
        event = self.event
        if event is not None and (self.search(TIME_EVENT_RE, event.start, min(self.region.end, event.end + 40)) is not None
                                  or self.search(GROUP_MEETING_RE, max(self.region.start, event.start - 40), event.end) is not None
                                  or self._unsurveyed(VIEWS_ASKED_RE) is not None):
            return event
        # "Members read draft letters at home … each batch takes about an hour": reading done as a role
        return self._other_time or self.first(MEMBERS_READ_AT_HOME_RE) or self._time_more

    @fact
    def _time_more(self) -> Evidence | None:
        """Time asked for in the rarer shapes only payment needs (looked for last): "to be a co-applicant",
        "new faces always welcome", "our reading panel … email Ravi to join", "talk to a small group of
        patients". Not in a sentence about a survey."""
        return self._gathering_more or self._unsurveyed(TIME_ASK_ROLE_RE)

    @fact
    def _gathering_more(self) -> Evidence | None:
        """People asked to a gathering in a rarer shape: "new faces always welcome", "bring people together"."""
        return self._unsurveyed(TIME_ASK_GATHERING_RE)

    def _unsurveyed(self, regex) -> Evidence | None:
        for found in regex.finditer(self.doc.text, self.lowered, self.region.start, self.region.end):
            start, end = _sentence(self.doc, self.region, of(found))  # from the group named to the ask to join
            if self.search(SURVEY_NOUN_RE, start, end) is None:
                group = GROUP_NOUN_RE.match(self.doc.text, found.start(), found.end())  # "panel … email Ravi to join": quote the group
                return Evidence(found.start(), group.end()) if group is not None else of(found)
        return None

    @fact
    def attend(self) -> Evidence | None:
        """Something to come to or join: a role, a one-off, a meeting or event, a rota, a meeting in someone's place."""
        return self.role or self.one_off or self.event or self._other_time

    @fact
    def attend_or_read(self) -> Evidence | None:
        """Something to come to, join or read: access matters."""
        return self.attend or self.reading

    @fact
    def time_asked(self) -> Evidence | None:
        """Something to come to or join, or something to read not said to be short: "read the short
        summary and tell us what you think" asks no more of people's time than a short survey, and nor does
        reading a public consultation's document to answer its questions."""
        reading = None if self.attend is not None else self.reading
        if reading is not None and (self.search(SHORT_READ_RE, reading.start, reading.end) is not None
                                    or self.search(PUBLIC_CONSULTATION_RE) is not None):
            return None
        return self.attend or reading

    @fact
    def travel(self) -> Evidence | None:
        """Something people may have to travel to: named as in person, or something to attend that is not said to be online or at home."""
        places = self.facts.places
        if places.in_person is not None:
            return None if self._address_only else places.in_person
        attend = (self.event or self.one_off or (self.role if self._reading_role is None else None) or self._other_time
                  or self._gathering_more)  # "We meet monthly at the Community Hub … New faces always welcome!"
        if attend is None or places.online_only is not None:
            return None
        online = places.online if self.region == self.facts.region else of(self.search(ONLINE_RE))  # the same search, done once
        if online is not None and ONLINE_TOPIC_RE.match(self.doc.text, self.lowered, online.start, self.region.end) is not None:
            online = self._online_way  # "online appointments" is what is talked about: look for a way of meeting
        return attend if online is None and self.search(NOT_TRAVEL_RE) is None else None

    @fact
    def done_at_home(self) -> Evidence | None:
        """The work is done at home: "you read each leaflet at home", "there are no meetings and no travel"."""
        return self.first(DONE_AT_HOME_RE)

    @fact
    def _address_only(self) -> bool:
        """The work is done at home and the only place named is an address (the office under "Contact us",
        "the Readers' Panel at Brookvale Hospital"): nobody is asked to go there. A meeting named, or
        "in person", still means travel."""
        places = self.facts.places
        if self.event is not None or self.one_off is not None or places._named_in_person is not None or self.done_at_home is None:
            return False
        found = places.in_person
        return MEETS_THERE_RE.search(self.doc.text, found.start, found.end) is None

    @fact
    def _online_way(self) -> Evidence | None:
        """"online", "on Zoom" as a way of meeting, not a topic ("the new online booking system")."""
        text = self.doc.text
        for found in ONLINE_RE.finditer(text, self.lowered, self.region.start, self.region.end):
            if ONLINE_TOPIC_RE.match(text, self.lowered, found.start(), self.region.end) is None:
                return of(found)
        return None

    @fact
    def survey_only(self) -> Evidence | None:
        """Nothing asked but a survey."""
        return self.survey if (self.survey and not self.attend_or_read) else None

    @fact
    def mode(self) -> str:
        """"in person", "online", "hybrid", "at home" or "not said"."""
        return _mode(self.doc, self.region, self.facts)


RECORD = Asks
