"""People and routes: who sent it, who signs, who can be reached, and how.

A named person's own email address or phone number is told apart from a team inbox
("engagement@"), a switchboard and a no-reply address. "name [at] domain" is read as an
address; a name only inside "firstname.lastname@" still names a person.
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache

from ..document import PHONE_RE, email_matches
from ..fields import Fields
from ..vocabulary import fragment, pattern
from .evidence import Evidence, of
from .record import Record, fact
from . import structure
from .structure import search

NO_REPLY_RE = re.compile(rf"^(?:{fragment('no_reply_local')})\b", re.I)
TEAM_LOCAL_RE = re.compile(rf"^(?:{fragment('team_local')})$", re.I)
SWITCHBOARD_RE = pattern("{vocab:switchboard}")
ORGANISATION_LEAD_RE = re.compile(fragment("organisation_address_lead"), re.I)
NOT_MONITORED_RE = pattern("{vocab:not_monitored}")
ME_RE = re.compile(r"\b(?:ring|call|phone|contact|text|reach)\s+me\b|\bmy\s+(?:number|phone|mobile|direct\s+line)\b|\b(?:tel|telephone|phone|mobile|direct\s+line)\s*:")
# "From: 07700 900 462" heading a text message: the number it came from is the named sender's own.
FROM_LINE_RE = re.compile(r"[ \t]*(?:\*\*)?from:", re.I)
AT_ADDRESS_RE = re.compile(r"\b([\w.+'-]+)\s*[\[(]\s*at\s*[\])]\s*([\w-]+(?:\s*(?:\.|[\[(]\s*dot\s*[\])])\s*[\w-]+)+)", re.I)
# "helen.mbeki", "h.mbeki", "mbeki_h": a first name and a surname
PERSONAL_LOCAL_RE = re.compile(r"^[a-z][a-z'-]*[._-][a-z][a-z'-]+\d*$", re.I)
# "please reply to this email", "just reply"
# "reply to this email", "Reply YES to this text" (a text message asks for a one-word answer)
REPLY_TO_THIS_RE = pattern(r"\breply(?:ing)?\s+(?:to\s+)?(?:this\s+(?:email|e-mail|message|text)|me|us|directly)\b|\breply\s+\S{1,12}\s+to\s+this\s+(?:email|e-mail|message|text)\b|\bjust\s+reply\b|\bhit\s+reply\b")
POST_RE = pattern(r"\b(?:post|send|return|write)\b(?:[^.\n]|\n(?![ \t]*\n)){0,60}\b(?:to|at)\b(?:[^.\n]|\n(?![ \t]*\n)){0,80}{vocab:postcode}|\bfreepost\b|\bprepaid\s+envelope\b")
# A named contact: "telephone Sharon Byrne on …", "Name: Sharon Byrne" (a first name and a surname, capitals as written)
CONTACT_NAME_RE = pattern(r"\b(?:{vocab:contact_lead})[ \t]*(?:\*\*|__)?(?P<name>(?-i:[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2}))\b")
# A UK mobile number: "07700 900431", "+44 7700 900431"
MOBILE_RE = re.compile(r"(?:\+44[ \t]*(?:\(0\)[ \t]*)?|0)7\d")
TURN_UP_RE = pattern(r"\bno\s+need\s+to\s+(?:book|register|reply|let\s+us\s+know)\b|\bjust\s+(?:turn\s+up|come\s+along|drop\s+in|pop\s+in)\b|\bno\s+booking\s+(?:is\s+)?(?:needed|required)\b")


# A line of a form to fill in: "Name: ____", "1. Why are you interested?".
# A line that is a field to fill in. Written so that no two parts can share the same
# characters (blanks before a digit or letter, blanks at the end of a line): with
# ^\s* in front of .*, and \s* on both sides of an optional part, a long line of
# blanks was split every possible way, with the square of its length.
FIELD_LINE = re.compile(
    r"^(?:[^\S\n]*(?:\d+[.)]\s+\S.{2,}\?\s*$|[A-Za-z][\w ()/'’-]{1,40}:[^\S\n]*(?:(?:_+|\.{3,})[^\S\n]*)?$)"
    r"|.*_{3,}|.*\.{5,}|.*(?:☐|□|\[\s?\]|\(\s?\)))",
    re.M,
)


class Address(Fields):
    """An email address in the text, and whose it is: "person", "team" or "no-reply"."""

    __slots__ = ("evidence", "address", "kind")

    def __init__(self, evidence: Evidence, address: str, kind: str) -> None:
        self.evidence, self.address, self.kind = evidence, address, kind


def kind_of(address: str, names: frozenset[str] = frozenset()) -> str:
    """"person", "team" or "no-reply". One word ("helen@") is a person's only when someone of that name is named."""
    local = address.split("@", 1)[0]
    if NO_REPLY_RE.match(local):
        return "no-reply"
    if TEAM_LOCAL_RE.match(local) or any(TEAM_LOCAL_RE.match(part) for part in re.split(r"[._-]", local)):
        return "team"  # "engagement@", "marlshire.engagement@", "ppg.brooklane@"
    if PERSONAL_LOCAL_RE.match(local) or local.lower().rstrip("0123456789") in names:
        return "person"
    # "priya.k@" beside a sign-off from Priya: a named person's name and an initial
    if names and any(len(part) > 1 and part.lower() in names for part in re.split(r"[._-]", local)):
        return "person"
    if names and _joined_name(local.lower().rstrip("0123456789"), names):
        return "person"
    return "team"


def _joined_name(local: str, names: frozenset[str]) -> bool:
    """"jbloggs@", "jobloggs@", "bloggsj@" beside Jo Bloggs: a named person's name run together with an
    initial or their other name."""
    for name in names:
        if len(name) < 3 or name not in local:
            continue
        rest = local.replace(name, "", 1)
        if not rest or (len(rest) == 1 and rest.isalpha()) or rest in names:
            return True
    return False


def _kind_here(doc, start: int, address: str, names: frozenset[str]) -> str:
    """The address's kind, where the words before it may give it as the organisation's ("email the practice at …")."""
    kind = kind_of(address, names)
    if kind == "person" and ORGANISATION_LEAD_RE.search(doc.text, max(0, start - 40), start):
        return "team"
    return kind


def _addresses(doc, where, names: frozenset[str]) -> list[Address]:
    found = [Address(Evidence(m.start(), m.end()), m.group(0), _kind_here(doc, m.start(), m.group(0), names))
             for m in email_matches(doc.text, where.start, where.end)]
    lower = doc.lower_text
    bracketed = "at]" in lower or "at )" in lower or "at)" in lower or "at ]" in lower  # cheap test before the pattern
    for m in (AT_ADDRESS_RE.finditer(doc.text, where.start, where.end) if bracketed else ()):
        domain = re.sub(r"\s*(?:[\[(]\s*dot\s*[\])]|\.)\s*", ".", m.group(2))
        address = f"{m.group(1)}@{domain}"
        found.append(Address(Evidence(m.start(), m.end()), address, kind_of(address, names)))
    return sorted(found, key=lambda a: a.evidence.start)


def _phones(doc, where, names: frozenset[str]) -> tuple[Evidence | None, Evidence | None, Evidence | None]:
    """(any phone number, a switchboard, a named person's own number: their name near it, or 'me')."""
    phone = switchboard = own = None
    for m in PHONE_RE.finditer(doc.text, where.start, where.end):
        line = doc.line_span(m.start())
        if search(doc, where, SWITCHBOARD_RE, max(where.start, line.start, m.start() - 60), m.start()):
            switchboard = switchboard or of(m)
            continue
        phone = phone or of(m)
        # "telephone Sharon Byrne on …", "Helen Mbeki, 0113 …", "ring me on …": the name before it or on its line
        # (at most 120 characters after it: the rest of a very long line is not near, and
        # reading all of it for every number on it took minutes)
        near = doc.text[max(where.start, m.start() - 120) : min(line.end, m.end() + 120)].lower()
        if own is None and (any(re.search(rf"\b{re.escape(name)}\b", near) for name in names) or ME_RE.search(near)
                            or (names and FROM_LINE_RE.match(doc.text, line.start))
                            or (names and _mobile_at_the_end(doc, where, m))):
            own = of(m)
    return phone, switchboard, own


def _mobile_at_the_end(doc, where, found) -> bool:
    """A mobile number that ends the message ("… Thanks x 07700 900431"): the sender signing off with their own."""
    return MOBILE_RE.match(doc.text, found.start()) is not None and not doc.text[found.end() : where.end].strip(" \t\n.!")


def _name_words(doc, sender_name: str) -> frozenset[str]:
    """The words of the sender's name, lower-cased: "helen", "mbeki"; a two-letter first name too ("Jo",
    "Ed"), but not an initial or a title ("Dr", "Ms")."""
    from ..kinds.sender import TITLES

    return frozenset(w.lower().strip(".,'’") for w in sender_name.split()
                     if len(w.strip(".,'’")) > 2 or (len(w) == 2 and w.isalpha() and w.istitle() and not TITLES.match(w + " ")))


def _contact_words(doc, where) -> frozenset[str]:
    """The words of the names of people to contact ("telephone Sharon Byrne on …"), lower-cased; not teams or roles."""
    from ..kinds.sender import NOT_NAME_WORDS, ROLE_WORDS

    found = set()
    for m in CONTACT_NAME_RE.finditer(doc.text, doc.lowered, where.start, where.end):
        parts = [w.lower() for w in doc.text[m.start("name") : m.end("name")].split()]
        if not any(w in ROLE_WORDS or w.rstrip("s") in ROLE_WORDS or w in NOT_NAME_WORDS for w in parts):
            found.update(w.strip("'’") for w in parts if len(w) > 2)
    return frozenset(found)


class People(Record):
    @fact
    def sender_name(self) -> str:
        """The person who sent or signed it, '' when none was found (with the configured role words)."""
        from ..kinds.sender import ROLE_WORDS, person_name

        return person_name(self.doc, ROLE_WORDS | self.doc.role_words)

    @fact
    def sender_person(self) -> bool:
        """The From line or the sign-off names a person."""
        return bool(self.sender_name)

    @fact
    def _names(self) -> frozenset[str]:
        return _name_words(self.doc, self.sender_name)

    @fact
    def _contact_names(self) -> frozenset[str]:
        """The words of the names of people to contact: "telephone Sharon Byrne on …"."""
        return _contact_words(self.doc, self.region)

    @fact
    def _sender_kind(self) -> str:
        """"person", "team" or "no-reply" for the From address ('' when there is none); "no-reply" too when
        the text says replies are not read ("Please do not reply to this email")."""
        address = structure.sender(self.doc).address
        if not address:
            return ""
        kind = kind_of(address, self._names)
        return "no-reply" if kind != "no-reply" and self.first(NOT_MONITORED_RE) else kind

    @fact
    def _sender_span(self) -> Evidence | None:
        span = structure.sender(self.doc).span
        return Evidence(span.start, span.end) if span else None

    @fact
    def _sender_phone(self) -> Evidence | None:
        """A phone number on the From line ("From: Lorna Fitch 07700 900771", as a text message shows it)."""
        span = structure.sender(self.doc).span
        return of(PHONE_RE.search(self.doc.text, span.start, span.end)) if span else None

    @fact
    def sender_no_reply(self) -> Evidence | None:
        """The From address is a no-reply address."""
        if self._sender_kind != "no-reply":
            return None
        return self._sender_span or Evidence(self.region.start, self.region.start)

    @fact
    def addresses(self) -> list:
        """Every email address in the text, as Address records."""
        return _addresses(self.doc, self.region, self._names)

    @fact
    def person_email(self) -> Evidence | None:
        """A named person's own email address."""
        return next((a.evidence for a in self.addresses if a.kind == "person"), None)

    @fact
    def team_email(self) -> Evidence | None:
        """A team inbox ("engagement@…")."""
        return next((a.evidence for a in self.addresses if a.kind == "team"), None)

    @fact
    def _phones(self) -> tuple[Evidence | None, Evidence | None, Evidence | None]:
        return _phones(self.doc, self.region, self._names)

    @fact
    def phone(self) -> Evidence | None:
        """A phone number that is not a switchboard."""
        return self._phones[0]

    @fact
    def switchboard(self) -> Evidence | None:
        """A switchboard or reception number."""
        return self._phones[1]

    @fact
    def person_route(self) -> Evidence | None:
        """A named person can be reached: their email or phone."""
        if self.person_email:
            return self.person_email
        person_phone = self._phones[2] if self.sender_person else None
        if person_phone:
            return person_phone
        if self._phones[0] and self._contact_names:  # a number beside a named contact: looked for only when needed
            person_phone = _phones(self.doc, self.region, self._contact_names)[2]
            if person_phone:
                return person_phone
        if self.sender_person and self._sender_phone:  # a text message from a named person's own number
            return self._sender_phone
        # A named sender's own address: replying reaches them.
        return self._sender_span if self.sender_person and self._sender_kind == "person" else None

    @fact
    def team_only(self) -> Evidence | None:
        """Only a team address or switchboard."""
        team = None if self.person_route else (self.team_email or self.switchboard or self.phone)
        if team is None and self._sender_kind == "team":
            return self._sender_span  # the From address is a team's
        return team

    @fact
    def link(self) -> Evidence | None:
        """A web address (the same as places.link)."""
        return self.facts.places.link

    @fact
    def reply_route(self) -> Evidence | None:
        """Any way to respond: address, phone, link, post, form, a reply that is read."""
        doc, where = self.doc, self.region
        return (
            next((a.evidence for a in self.addresses if a.kind != "no-reply"), None) or self.phone or self.switchboard
            or self._sender_phone or self.link
            or (Evidence(where.start, where.start) if doc.html_links else None)
            or self.first(POST_RE) or self.first(TURN_UP_RE)
            or (Evidence(where.start, where.start) if len(FIELD_LINE.findall(doc.text, where.start, where.end)) >= 2 else None)
            or _reply_reaches_sender(doc, where, self._sender_kind)
        )


RECORD = People


def _reply_reaches_sender(doc, where, sender_kind: str) -> Evidence | None:
    """Replying works: the From address reads replies, or a draft says 'reply to this email'."""
    span = structure.sender(doc).span
    if sender_kind and sender_kind != "no-reply" and span:
        return Evidence(span.start, span.end)
    if not sender_kind and doc.source_format != "email":
        return of(search(doc, where, REPLY_TO_THIS_RE))
    return None
