"""Places and joining: venues, rooms, postcodes in addresses, links and dial-in details.

"Venue: TBC" is not a place; "Where: online, on Zoom" is online, not a venue. A postcode
in a letterhead or a signature says where the sender works, not where to go. Saying
"online" or "on Zoom" does not tell people how to join: a link, a dial-in, or a
promise to send the link does.
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache

from ..vocabulary import fragment, listed, pattern, rare_pattern
from .evidence import Evidence, of
from .record import Record, fact
from .structure import search, words_end

_NOT_A_PLACE = r"(?!(?:{vocab:month_name}|{vocab:weekday}|zoom|teams|microsoft|google)\b)"
# "… of the Renal Unit, Westgate General Hospital (use the Harley Road entrance)": a name
# ending in a venue word, then a comma, the line's end, a table cell's edge or a bracketed note
VENUE_RE = pattern(
    r"\b(?:at|in)\s+(?:the\s+)?(?:lounge\s+of\s+the\s+|(?-i:[A-Z][\w'’&-]+\s+)*?)(?-i:(?:[A-Z][\w'’&-]+\s+){0,4}(?:{vocab:venue_word}))\b"
    r"|(?-i:\b[A-Z][\w'’&-]+\s+(?:{vocab:venue_word}))\b(?=[ \t]*(?:,|\n|$|\||\((?!s\))))"
    # a name in capitals, on its own line or after "at" or "in": "ST ANNE'S CHURCH HALL"
    r"|(?:^[ \t]*|\b(?:at|in)[ \t]+(?:the[ \t]+)?)(?-i:(?:[A-Z][A-Z'’&-]+[ \t]+){1,5})(?-i:(?=[A-Z]{2,}\b))(?:{vocab:venue_word})\b"
    r"|(?-i:\bTrust\s+(?:HQ|Headquarters)\b)"
    # a place named with its street: "at the Hub on Wesley St", "at the Old Forge off Mill Lane"
    r"|\b(?:at|in)\s+the\s+(?-i:[A-Z][\w'’&-]+(?:\s+[A-Z][\w'’&-]+){0,3})\s+(?:on|in|off)\s+(?-i:(?:[A-Z][\w'’-]+\s+){1,3}(?:{vocab:street_word}))\b",
    re.M,
)
# a place said in words, then its street address: "At the pharmacy, 14 Mill Lane", "at the ICB offices, 2 Mill Street" (looked for only when nothing else says where)
STREET_ADDRESS_RE = pattern(r"\b(?:at|in)\s+the\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?(?:\*\*|__)?,\s+(?:\d{1,4}[a-z]?\s+)?(?-i:(?:[A-Z][\w'’-]+\s+){1,3}(?:{vocab:street_word}))\b")
ROOM_RE = pattern("{vocab:room}")
LABEL_RE = pattern(r"^[ \t]*(?:{vocab:place_label})[ \t]*:[ \t]*(?P<value>[^\n]*)", re.M)
UNKNOWN_RE = re.compile(rf"^\s*(?:{fragment('place_unknown')})\b", re.I)
ONLINE_RE = pattern(r"\b(?:{vocab:online})\b")
ONLINE_VALUE_RE = re.compile(rf"^\s*(?:{fragment('online')})\b", re.I)
BY_PHONE_RE = pattern(r"\b(?:{vocab:by_phone})\b")
JOIN_PROMISE_RE = pattern(r"\b(?:{vocab:join_promise})\b")
SIGN_UP_FIRST_RE = pattern(r"\b(?:{vocab:sign_up_first})\b")
# The three together, for one pass over the text when only whether one is there matters
JOIN_WORDS_RE = pattern(r"\b(?:{vocab:join_promise}|{vocab:by_phone}|{vocab:sign_up_first})\b")
# Said to be online only: each branch but the first two needs one of _ONLINE_WORDS, and
# is looked for only where the text has one (no two branches can begin at one place,
# so their order does not matter).
_ONLINE_WORDS = listed("online_only_word")
_ONLINE_ONLY_BRANCHES = (
    r"\b(?:online|virtual|remote)\s+(?:only|{vocab:online_event_noun})s?\b",
    r"\b(?:{vocab:online_event_subject})s?\b(?:[^.\n]|\n(?![ \t]*\n)){0,40}\b(?:will\s+be|is|are|take\s+place|takes\s+place|happen|run|meets?|will\s+meet)\s+(?:held\s+)?(?:online|virtual(?:ly)?|on\s+zoom|on\s+teams|on\s+microsoft\s+teams|by\s+video)\b",
    r"^[ \t]*(?:where|venue|location|place)[ \t]*:[ \t]*(?:online|zoom|teams|microsoft\s+teams|virtual)",
)
ONLINE_ONLY_RE = rare_pattern(
    r"\b(?:no|don['’]t|do\s+not|won['’]t|will\s+not)\s+need\s+to\s+(?:attend|come|travel|meet)\b"
    r"|\bno\s+need\s+to\s+(?:attend|come|travel|meet)\b"
    + "".join("|" + branch for branch in _ONLINE_ONLY_BRANCHES),
    {_ONLINE_WORDS: _ONLINE_ONLY_BRANCHES},
)
DIAL_IN_RE = pattern(r"\b(?:dial[-\s]in|meeting\s+id|passcode|conference\s+id)\b")
IN_PERSON_RE = pattern("{vocab:in_person}")
NEEDLESS_RE = re.compile(r"\b(?:no|not|n['’]t)\s+(?:need|have)\s+to\s+(?:attend|come|meet|travel)?\s*$", re.I)
# a postcode that ends an address: at a line's end, before a comma, or before "on Friday …" in a sentence
POSTCODE_RE = pattern("{vocab:postcode}(?=[ \t]*(?:$|[,.;)]|on[ \t]+|at[ \t]+\\d|from[ \t]+\\d))", re.M)
# "write to Femi Adeyemi, …, Eastby EB1 2AA": an address to post something to, not a place to go
POSTAL_LEAD_RE = re.compile(rf"\b(?:{fragment('postal_lead')})\b", re.I)
GREETING_RE = re.compile(r"^[ \t]*(?:dear|hello|hi|good\s+(?:morning|afternoon))\b", re.I | re.M)
# Travel asked for, in the ways invitations say it (expenses matter whenever it holds).
TRAVEL_RES = [  # one pattern per form, so each is skipped when its words are absent
    pattern(
    # "… meets at the village hall", "6-7pm at the surgery" (the place is the evidence after a time: "Hill House", not "pm at Hill House")
    r"\b(?:held|hosted|meet|meets|meeting|is|are|taking\s+place|takes?\s+place|will\s+be|join\s+us|come\s+along|come)\s+(?:at|in)\s+(?:the\s+)?(?:[a-z][\w'’&-]+\s+){0,4}(?:{vocab:venue_word}|room)\b"
    r"|(?<=\d)[ap]m\s+(?:at|in)\s+(?P<place>(?:the\s+)?(?:[a-z][\w'’&-]+\s+){0,4}(?:{vocab:venue_word}|room)\b)",
        re.M,
    ),
    pattern(
    r"\b(?:be|is|are|held)\s+at\s+(?:our|the)\s+(?:[\w'’-]+\s+){0,2}(?:office|offices|headquarters|building|site|premises|studio)\b",
        re.M,
    ),
    pattern(
    r"\bat\s+(?:the\s+|our\s+)(?-i:(?:[A-Z][\w'’&-]+\s+){0,3}(?:Headquarters|HQ|Hall|Centre|Center|Library|Hotel|Church|Chapel|Pavilion|Theatre|Museum|Club|Hospice|Stadium|Arena|Guildhall))\b",
        re.M,
    ),
    pattern(
    r"\b(?:we|group|panel|committee|forum)\s+(?:will\s+)?meets?\b(?:[^.\n]|\n(?![ \t]*\n)){0,30}?\b(?:at|in)\s+" + _NOT_A_PLACE + r"(?-i:[A-Z][a-z]+)",
        re.M,
    ),
    pattern(
    r"\b(?:workshops?|meetings?|sessions?|events?|focus\s+groups?|panels?|interviews?|forums?|conferences?|visits?|groups?|days?|caf[eé]s?)\s+(?:will\s+be\s+|are\s+|is\s+|takes?\s+place\s+|is\s+taking\s+place\s+)?(?:held\s+)?(?:at|in)\s+(?:the\s+|our\s+)?" + _NOT_A_PLACE + r"(?-i:[A-Z][a-z]+)",
        re.M,
    ),
    pattern(
    r"\btravel\s+(?:requirements|arrangements|details|plans)\b",
        re.M,
    ),
    pattern(
    r"(?<!\bpeople\s)(?<!\bpatients\s)(?<!\bthey\s)(?<!\bhow\s)(?<!\bwho\s)(?<!\bothers\s)\b(?:come|travel)\s+(?:to|into)\s+(?:the\s+|our\s+)?(?:hospital|office|offices|centre|venue|meeting|event|session|building|site|london|city)\b",
        re.M,
    ),
    pattern(
    r"(?<!\bpeople\s)(?<!\bpatients\s)(?<!\bthey\s)(?<!\bhow\s)(?<!\bwho\s)(?<!\bothers\s)\b(?:travel|come|get|go)\s+(?:in\s+)?to\s+" + _NOT_A_PLACE + r"(?-i:[A-Z][a-z]+)",
        re.M,
    ),
    pattern(
    # (not "our online drop-in on Zoom")
    r"(?<!online\s)(?<!online-)(?<!virtual\s)(?<!zoom\s)(?<!teams\s)\bdrop[-\s]in\b",
        re.M,
    ),
    pattern(
    r"(?<!video[ -])(?<!tele)(?<!web)\bconference\b(?!\s+(?:call|calls|line|number|bridge|id|link))",
        re.M,
    ),
    pattern(
    r"\b(?:attend|join\s+us)\s+(?:at|in)\s+(?:our\s+)?(?:offices?|headquarters|building|site|hospital)\b",
        re.M,
    ),
    pattern(
    r"\bparking\s+(?:is|will\s+be)\s+(?:available|free|limited|provided)\b|\b(?:free|on-?site|visitor|disabled|blue\s+badge)\s+parking\b|\bcar\s+park\b",
        re.M,
    ),
    pattern(
    r"\bvenues?\b",
        re.M,
    ),
]


def _label(doc, where) -> tuple[Evidence | None, Evidence | None]:
    """(a place given on a 'Venue:' line, 'Venue: TBC')."""
    for m in LABEL_RE.finditer(doc.text, doc.lowered, where.start, where.end):
        value = m.group("value") if doc.lowered is None else doc.text[m.start("value") : m.end("value")]
        if UNKNOWN_RE.match(value):
            return None, of(m)
        if ONLINE_VALUE_RE.match(value):
            continue  # "Where: online, on Zoom" is a way of meeting, not a venue
        if value.strip():
            return Evidence(m.start("value"), m.end("value")), None
        line_end = doc.text.find("\n", m.end() + 1)
        nxt = doc.text[m.end() + 1 : line_end if line_end != -1 else where.end].strip()
        if nxt and not UNKNOWN_RE.match(nxt):
            return of(m), None  # the venue on the line below
    return None, None


def _postcode(doc, where, start: int) -> Evidence | None:
    signature = doc.signature
    for m in POSTCODE_RE.finditer(doc.text, doc.lowered, start, where.end):
        line = doc.line_span(m.start())
        if signature and signature.start <= m.start() < signature.end and line.end - line.start < 60 and not _continues(doc, line):
            continue  # an address line in the sign-off: where the sender works
        if _postal(doc, start, m.start()):
            continue  # "write to … EB1 2AA": where to send comments, not where to go
        return of(m)
    return None


def _postal(doc, start: int, position: int) -> bool:
    """The address ending at `position` is one to post things to: "write to", "freepost" before it in its paragraph."""
    lead_start = max(start, position - 200)
    blank = doc.text.rfind("\n\n", lead_start, position)
    return POSTAL_LEAD_RE.search(doc.text, blank + 2 if blank >= 0 else lead_start, position) is not None


def _continues(doc, line) -> bool:
    """The line carries on a sentence from a long line above ("… at Unit 4,\nHarbour Park, SA2 6PL."): not a sign-off."""
    above = doc.text.rfind("\n", 0, max(0, line.start - 1))
    previous = doc.text[above + 1 : max(0, line.start - 1)]
    return len(previous) >= 60 and not previous.rstrip().endswith((".", "!", "?", ":"))


def _first(doc, where, patterns) -> Evidence | None:
    """The first pattern's match, in the list's order (the commonest forms first): one is enough. Where the
    pattern names the place ("10am to 12pm at Hill House"), the evidence is the place."""
    match = next((m for m in (search(doc, where, p) for p in patterns) if m is not None), None)
    if match is not None and "place" in match.re.groupindex and match.group("place") is not None:
        return Evidence(match.start("place"), match.end("place"))
    return of(match)


class Places(Record):
    @fact
    def _after_letterhead(self) -> int:
        """Where the letter starts: after its greeting ("Dear Mrs Achterberg,"), if it has one."""
        greeting = GREETING_RE.search(self.doc.text, self.region.start, self.region.end)
        return greeting.end() if greeting else self.region.start

    @fact
    def _labelled(self) -> tuple[Evidence | None, Evidence | None]:
        return _label(self.doc, self.region)

    @fact
    def venue(self) -> Evidence | None:
        """A named place: "the Civic Hall", "Trust HQ", a "Venue:" line; not a letterhead above the greeting."""
        return self._labelled[0] or of(self.search(VENUE_RE, self._after_letterhead))

    @fact
    def room(self) -> Evidence | None:
        """"Room 3", "the boardroom"."""
        return self.first(ROOM_RE)

    @fact
    def postcode(self) -> Evidence | None:
        """A postcode in an address in the invitation (not a letterhead)."""
        return _postcode(self.doc, self.region, self._after_letterhead)

    @fact
    def online(self) -> Evidence | None:
        """"online", "on Zoom", a joining link promised."""
        return self.first(ONLINE_RE)

    @fact
    def link(self) -> Evidence | None:
        """A web address."""
        urls = self.doc.urls(self.region.start, self.region.end)
        return Evidence(*urls[0]) if urls else None

    @fact
    def dial_in(self) -> Evidence | None:
        """"meeting ID", "dial-in"."""
        return self.first(DIAL_IN_RE)

    @fact
    def join_promise(self) -> Evidence | None:
        """"We will email you the joining link", "details to follow"."""
        return self.first(JOIN_PROMISE_RE)

    @fact
    def sign_up_first(self) -> Evidence | None:
        """People apply, book or register first, and the joining details come with the reply: "to join, email me"."""
        return self.first(SIGN_UP_FIRST_RE)

    @fact
    def by_phone(self) -> Evidence | None:
        """Meeting by telephone: "by phone", "we will ring you"."""
        return self.first(BY_PHONE_RE)

    @fact
    def joining(self) -> Evidence | None:
        """How to join from afar: a link (one in an HTML email's buttons too), a dial-in, a phone call, or the
        details promised: said, or coming with the reply to those who sign up first."""
        return (self.link or self.dial_in or self.first(JOIN_WORDS_RE)
                or (Evidence(self.region.start, self.region.start) if self.doc.html_links else None))

    @fact
    def to_be_confirmed(self) -> Evidence | None:
        """"Venue: TBC"."""
        return self._labelled[1]

    @fact
    def remote(self) -> Evidence | None:
        """Met from afar ("online", "on Zoom", "by phone") and no place named: how to join is what people need."""
        return None if (self.venue or self.room or self.postcode) else self.online

    @fact
    def where(self) -> Evidence | None:
        """People know where to be: a venue, a room or an address; or how to join (saying "on Zoom" is not enough).
        "Venue: TBC" says the place is not known yet: a centre named elsewhere (the sender's own, under their
        name) is not where the meeting is."""
        if self.to_be_confirmed is not None and self._labelled[0] is None:
            return self.joining
        return (self.venue or self.room or self.postcode or self.joining or (self._thread.where if self._thread else None)
                or of(self.search(STREET_ADDRESS_RE, self._after_letterhead)))

    @fact
    def place(self) -> Evidence | None:
        """Where to be, for a meeting not said to be online: a venue, a room or an address (the sender's earlier
        message may give it). A web address or "details will be sent" is how to join from afar, not a place:
        "Workshop, 9 March, 2pm to 4pm: book at www…" does not say where to go."""
        if self.to_be_confirmed is not None and self._labelled[0] is None:
            return None
        return (self.venue or self.room or self.postcode or (self._thread.place if self._thread else None)
                or of(self.search(STREET_ADDRESS_RE, self._after_letterhead)))

    @fact
    def _named_in_person(self) -> Evidence | None:
        named = self.first(IN_PERSON_RE)
        if named and NEEDLESS_RE.search(self.doc.text, max(self.region.start, named.start - 40), named.start):
            return None  # "there is no need to attend in person"
        return named

    @fact
    def _said_online_only(self) -> Evidence | None:
        return self.first(ONLINE_ONLY_RE)

    @fact
    def in_person(self) -> Evidence | None:
        """People must travel: named in person, a venue, a room, an address."""
        if self._said_online_only is not None and self._named_in_person is None:
            return None  # plainly online, and in person is not named
        found = self._named_in_person or _first(self.doc, self.region, TRAVEL_RES)
        if found is not None:
            return found
        place = self.room or self.postcode
        # "Room 3.14, Wilson Building" under the sender's name, when the meetings are by video call: the office it is sent from
        if place is not None and self.online is not None and place.start >= words_end(self.doc):
            return None
        return place

    @fact
    def online_only(self) -> Evidence | None:
        """Plainly online: nobody need travel."""
        return self._said_online_only if self.in_person is None else None


RECORD = Places
