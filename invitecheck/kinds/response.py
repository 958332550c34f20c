"""response: there is a clear way to respond: an email address, a phone number, a link,
a postal address, a form that is really there, or a reply to a sender who reads replies.

Applicable when the text asks the reader to respond (apply, reply, register, book,
let us know …); not applicable to an invitation that needs no answer ("just come along").
"""

from __future__ import annotations


from ..prefilter import CaseFree
from ..document import EMAIL_RE, PHONE_RE, URL_RE, Invitation
from .attachments import FIELD_LINE
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Outcome, format_message, in_body, words
from .contact import NO_REPLY_RE

CONTRACT = Contract(
    doc="Fails when an invitation gives no way to reply: no address, number, link or form.",
    placeholders=("match", "why"),
    scopes=("body",),
)

ASK_RE = CaseFree(
    r"\b(?:apply|closing\s+date\s+for\s+applications|(?:send|submit|make|return)\s+(?:in\s+)?(?:an?\s+|your\s+|the\s+)?application|applications?\s+(?:close|should|must|are\s+(?:welcome|invited|open))|reply|respond|response|register|registration|book(?:ing)?\s+(?:a|your)\s+(?:place|slot|session|seat|ticket)|sign\s+up|"
    r"let\s+(?:us|me)\s+know|get\s+in\s+touch|express(?:ion)?s?\s+of\s+interest|express\s+your\s+interest|rsvp|"
    r"confirm\s+(?:your\s+)?(?:attendance|place)|(?:complete|fill\s+in|return)\s+(?:the|our|this)\s+(?:form|survey|questionnaire)|"
    r"send\s+(?:us|me)\s+your|nominate|take\s+part)\b")
REPLY_TO_THIS_RE = CaseFree(r"\breply(?:ing)?\s+(?:to\s+)?(?:this\s+(?:email|e-mail|message)|me|us|directly)\b|\bjust\s+reply\b|\bhit\s+reply\b")
# The words between the verb, 'to' and the postcode are windows of 60 and 80 characters.
POST_RE = CaseFree(r"\b(?:post|send|return|write)\b(?:[^.\n]|\n(?![ \t]*\n)){0,60}\b(?:to|at)\b(?:[^.\n]|\n(?![ \t]*\n)){0,80}(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b)|\bfreepost\b|\bprepaid\s+envelope\b")


def prepare(options):
    return None


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    end = doc.message_end
    ask = in_body(ASK_RE, doc, end)
    if ask is None:
        return Outcome(NOT_APPLICABLE, note="it does not ask for a response")
    text_routes = (
        any(not NO_REPLY_RE.match(m.group(0)) for m in EMAIL_RE.finditer(doc.text, doc.body.start, end))
        or PHONE_RE.search(doc.text, doc.body.start, end)
        or URL_RE.search(doc.text, doc.body.start, end)
        or doc.html_links
        or in_body(POST_RE, doc, end)
        or len(FIELD_LINE.findall(doc.text, doc.body.start, end)) >= 2
    )
    if text_routes:
        return Outcome(PASS)
    # A draft without a From line will be sent from somewhere we cannot see: trust "reply to this email".
    can_reply = (not NO_REPLY_RE.match(doc.sender_address)) if doc.sender_address else doc.source_format != "email"
    if doc.sender_address and can_reply:
        return Outcome(PASS, note="replying reaches the sender")
    if can_reply and in_body(REPLY_TO_THIS_RE, doc, end):
        return Outcome(PASS, note="reply to the sender")
    why = "replies go to a no-reply address" if doc.sender_address and NO_REPLY_RE.match(doc.sender_address) else "there is no email address, phone number, link, postal address or form"
    message = format_message(rule.message, match=words(doc, ask), why=why)
    return Outcome(FAIL, [Finding(ask.start(), ask.end(), message, rule.suggestion)])
