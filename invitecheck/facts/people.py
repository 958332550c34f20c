"""People and routes: who sent it, who signs, who can be reached, and how.

A named person's own email address or phone number is told apart from a team inbox
("engagement@"), a switchboard and a no-reply address. "name [at] domain" is read as an
address; a name only inside "firstname.lastname@" still names a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import EMAIL_RE, PHONE_RE, URL_RE
from ..vocabulary import fragment, pattern
from .evidence import Evidence, of
from .structure import search

NO_REPLY_RE = re.compile(rf"^(?:{fragment('no_reply_local')})\b", re.I)
TEAM_LOCAL_RE = re.compile(rf"^(?:{fragment('team_local')})$", re.I)
SWITCHBOARD_RE = pattern("{vocab:switchboard}")
ME_RE = re.compile(r"\b(?:ring|call|phone|contact|text|reach)\s+me\b|\bmy\s+(?:number|phone|mobile|direct\s+line)\b|\b(?:tel|telephone|phone|mobile|direct\s+line)\s*:")
AT_ADDRESS_RE = re.compile(r"\b([\w.+'-]+)\s*[\[(]\s*at\s*[\])]\s*([\w-]+(?:\s*(?:\.|[\[(]\s*dot\s*[\])])\s*[\w-]+)+)", re.I)
# "helen.mbeki", "h.mbeki", "mbeki_h": a first name and a surname
PERSONAL_LOCAL_RE = re.compile(r"^[a-z][a-z'-]*[._-][a-z][a-z'-]+\d*$", re.I)
# "please reply to this email", "just reply"
REPLY_TO_THIS_RE = pattern(r"\breply(?:ing)?\s+(?:to\s+)?(?:this\s+(?:email|e-mail|message)|me|us|directly)\b|\bjust\s+reply\b|\bhit\s+reply\b")
POST_RE = pattern(r"\b(?:post|send|return|write)\b(?:[^.\n]|\n(?![ \t]*\n)){0,60}\b(?:to|at)\b(?:[^.\n]|\n(?![ \t]*\n)){0,80}{vocab:postcode}|\bfreepost\b|\bprepaid\s+envelope\b")
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


@dataclass(frozen=True)
class Address:
    evidence: Evidence
    address: str
    kind: str  # "person", "team", "no-reply"


@dataclass(frozen=True)
class People:
    sender_name: str  # the person who sent or signed it, '' when none was found
    sender_person: bool  # the From line or the sign-off names a person
    sender_no_reply: Evidence | None  # the From address is a no-reply address
    addresses: list  # every email address in the text, as Address records
    person_email: Evidence | None  # a named person's own email address
    team_email: Evidence | None  # a team inbox ("engagement@…")
    phone: Evidence | None  # a phone number that is not a switchboard
    switchboard: Evidence | None  # a switchboard or reception number
    person_route: Evidence | None  # a named person can be reached: their email or phone
    team_only: Evidence | None  # only a team address or switchboard
    reply_route: Evidence | None  # any way to respond: address, phone, link, post, form, a reply that is read
    link: Evidence | None  # a web address


RECORD = People


def kind_of(address: str, names: frozenset[str] = frozenset()) -> str:
    """"person", "team" or "no-reply". One word ("helen@") is a person's only when someone of that name is named."""
    local = address.split("@", 1)[0]
    if NO_REPLY_RE.match(local):
        return "no-reply"
    if TEAM_LOCAL_RE.match(local) or any(TEAM_LOCAL_RE.match(part) for part in re.split(r"[._-]", local)):
        return "team"  # "engagement@", "marlshire.engagement@", "ppg.brooklane@"
    if PERSONAL_LOCAL_RE.match(local) or local.lower().rstrip("0123456789") in names:
        return "person"
    return "team"


def _addresses(doc, where, names: frozenset[str]) -> list[Address]:
    found = [Address(Evidence(m.start(), m.end()), m.group(0), kind_of(m.group(0), names))
             for m in EMAIL_RE.finditer(doc.text, where.start, where.end)]
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
        near = doc.text[max(where.start, m.start() - 120) : line.end].lower()
        if own is None and (any(re.search(rf"\b{re.escape(name)}\b", near) for name in names) or ME_RE.search(near)):
            own = of(m)
    return phone, switchboard, own


def _sender(doc) -> tuple[str, bool]:
    from ..kinds.sender import person_name

    name = person_name(doc)
    return name, bool(name)


def _name_words(doc, sender_name: str) -> frozenset[str]:
    """The words of people's names in the text, lower-cased: "helen", "mbeki"."""
    return frozenset(w.lower().strip(".,'’") for w in sender_name.split() if len(w) > 2)


def find(doc, where, facts) -> People:
    sender_name, sender_person = _sender(doc)
    names = _name_words(doc, sender_name)
    addresses = _addresses(doc, where, names)
    sender_kind = kind_of(doc.sender_address, names) if doc.sender_address else ""
    sender_no_reply = None
    if sender_kind == "no-reply":
        sender_no_reply = Evidence(doc.sender_span.start, doc.sender_span.end) if doc.sender_span else Evidence(where.start, where.start)
    person_email = next((a.evidence for a in addresses if a.kind == "person"), None)
    team_email = next((a.evidence for a in addresses if a.kind == "team"), None)
    phone, switchboard, own_phone = _phones(doc, where, names)
    # A named sender's own address: replying reaches them.
    sender_own = None
    if sender_person and sender_kind == "person" and doc.sender_span:
        sender_own = Evidence(doc.sender_span.start, doc.sender_span.end)
    person_phone = own_phone if sender_person else None
    person_route = person_email or person_phone or sender_own
    team_only = None if person_route else (team_email or switchboard or phone)
    if team_only is None and sender_kind == "team" and doc.sender_span:
        team_only = Evidence(doc.sender_span.start, doc.sender_span.end)
    link = of(URL_RE.search(doc.text, where.start, where.end))
    reply_route = (
        next((a.evidence for a in addresses if a.kind != "no-reply"), None) or phone or switchboard or link
        or (Evidence(where.start, where.start) if doc.html_links else None)
        or of(search(doc, where, POST_RE)) or of(search(doc, where, TURN_UP_RE))
        or (Evidence(where.start, where.start) if len(FIELD_LINE.findall(doc.text, where.start, where.end)) >= 2 else None)
        or _reply_reaches_sender(doc, where, sender_kind)
    )
    return People(sender_name, sender_person, sender_no_reply, addresses, person_email, team_email, phone, switchboard,
                  person_route, team_only, reply_route, link)


def _reply_reaches_sender(doc, where, sender_kind: str) -> Evidence | None:
    """Replying works: the From address reads replies, or a draft says 'reply to this email'."""
    if sender_kind and sender_kind != "no-reply" and doc.sender_span:
        return Evidence(doc.sender_span.start, doc.sender_span.end)
    if not sender_kind and doc.source_format != "email":
        return of(search(doc, where, REPLY_TO_THIS_RE))
    return None
