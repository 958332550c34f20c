"""payment: where involvement is more than a one-off survey, say whether people are paid
for their time, how much, and where to get advice on benefits; or say plainly that it is
voluntary.

Not applicable when the only ask is a survey or questionnaire.
"""

from __future__ import annotations


from ..prefilter import CaseFree
from ..document import Invitation
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Outcome, format_message, in_body, words

CONTRACT = Contract(
    doc="Fails when an ask for people's time does not say whether, or how much, it pays.",
    placeholders=("match", "problem"),
    scopes=("body",),
)

ONGOING_RE = CaseFree(
    r"\b(?:join|joining|become|apply|applying|take\s+part\s+in|taking\s+part\s+in|sit\s+on|attend|be\s+part\s+of|"
    r"come\s+(?:along\s+)?to|invite\s+you\s+to|looking\s+for|recruiting|seeking|setting\s+up|register\s+(?:your\s+)?interest|participat(?:e|ion)\s+in|contribute\s+to|series\s+of)\b(?:[^.\n]|\n(?![ \t]*\n)){0,60}?\b(?:panel|group|committee|board|forum|network|partnership|advisory|steering|reference\s+group|focus\s+group|"
    r"workshops?|interviews?|meetings?|sessions?|co-?design|co-?production|members?|membership|role|representative|"
    r"reviewers?|lay\s+(?:member|reviewer|representative)|public\s+contributors?|patient\s+partners?)\b")
SURVEY_ONLY_RE = CaseFree(r"\b(?:survey|questionnaire|poll)\b")
PAID_RE = CaseFree(
    r"£\s?\d[\d,.]*|\b\d+\s?(?:pounds|gbp)\b|\bpaid\s+(?:for\s+(?:your|their)\s+time|at\s+(?:a|the)\s+rate)|\bpay(?:ment)?\s+(?:you\s+)?for\s+your\s+time\b|"
    r"\b(?:involvement|participation)\s+payments?\b|\bhonorari(?:um|a)\b|\bvouchers?\b|\bpayment\s+(?:of|is|will\s+be)\b|\bwe\s+(?:will\s+)?pay\s+(?:you|people|members)\b|"
    r"\bthank[-\s]you\s+payment\b|\bfee\b")
AMOUNT_RE = CaseFree(r"£\s?\d|\b\d+\s?(?:pounds|gbp)\b|\bnihr\s+(?:payment\s+)?rates?\b|\b(?:hourly|daily|half[-\s]day)\s+rate\b")
VOLUNTARY_RE = CaseFree(
    r"\b(?:voluntary|unpaid|not\s+paid|no\s+payment|without\s+payment|volunteer\s+role|are\s+volunteers|cannot\s+(?:offer\s+)?pay(?:ment)?|"
    r"(?:unable|not\s+able)\s+to\s+(?:offer\s+)?pay(?:ment)?|do(?:es)?\s+not\s+(?:offer\s+)?pay)\b")
BENEFITS_RE = CaseFree(r"\bbenefits?\b|\buniversal\s+credit\b|\bbenefit\s+advice\b|\bwelfare\s+rights\b|\bcitizens\s+advice\b")


def prepare(options):
    return None


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    end = doc.message_end
    ongoing = in_body(ONGOING_RE, doc, end)
    if ongoing is None:
        note = "a survey only" if in_body(SURVEY_ONLY_RE, doc, end) else "no ongoing involvement"
        return Outcome(NOT_APPLICABLE, note=note)
    if in_body(VOLUNTARY_RE, doc, end):
        return Outcome(PASS, note="says it is voluntary")
    paid = in_body(PAID_RE, doc, end)
    if paid is None:
        problem = "it does not say whether people are paid for their time"
        anchor = ongoing
    elif not in_body(AMOUNT_RE, doc, end):
        problem = "it says people are paid but not how much"
        anchor = paid
    elif not in_body(BENEFITS_RE, doc, end):
        problem = "it gives the payment but not where to get advice on how it may affect benefits"
        anchor = paid
    else:
        return Outcome(PASS)
    message = format_message(rule.message, match=words(doc, anchor), problem=problem)
    return Outcome(FAIL, [Finding(anchor.start(), anchor.end(), message, rule.suggestion)])
