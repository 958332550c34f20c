"""contact: the reader can reach a named person: an email address or a phone number in
the text, or a reply to a named sender's own (not no-reply) address."""

from __future__ import annotations

import re

from ..document import EMAIL_RE, PHONE_RE, Invitation
from .base import FAIL, PASS, Context, Contract, Finding, Outcome, format_message, scope_start
from .sender import ROLE_WORDS, is_person_name

CONTRACT = Contract(
    doc="Fails when no named person can be reached by their own email address or phone number.",
    placeholders=("why",),
    scopes=("body",),
)

NO_REPLY_RE = re.compile(r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer-daemon|bounce|notifications?)\b", re.I)


def prepare(options):
    return None


def reachable_addresses(doc: Invitation) -> list[str]:
    return [m.group(0) for m in EMAIL_RE.finditer(doc.text, doc.body.start, doc.message_end) if not NO_REPLY_RE.match(m.group(0))]


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    if reachable_addresses(doc) or PHONE_RE.search(doc.text, doc.body.start, doc.message_end):
        return Outcome(PASS)
    sender_is_person = bool(doc.sender_name) and is_person_name(doc.sender_name, 2, ROLE_WORDS)
    if sender_is_person and doc.sender_address and not NO_REPLY_RE.match(doc.sender_address):
        return Outcome(PASS, note="replying reaches the named sender")
    why = "it comes from a no-reply address" if doc.sender_address and NO_REPLY_RE.match(doc.sender_address) else "no email address or phone number is given"
    start = doc.sender_span.start if doc.sender_span else scope_start(doc, [doc.body])
    end = doc.sender_span.end if doc.sender_span else doc.line_span(start).end
    return Outcome(FAIL, [Finding(start, end, format_message(rule.message, why=why), rule.suggestion)])
