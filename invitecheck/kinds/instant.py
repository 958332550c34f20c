"""instant: a demand for an instant reply ("by close of play", "today", "within 48 hours",
"as soon as possible", "by return") is a finding on its own. Passes when there is none."""

from __future__ import annotations

from .. import dates
from ..document import Invitation
from .base import ALL_SCOPES, FAIL, PASS, Context, Contract, Finding, Outcome, format_message

CONTRACT = Contract(
    doc="Fails on each demand for an instant reply: 'by close of play', 'today', 'within 48 hours'.",
    placeholders=("match",),
    scopes=ALL_SCOPES,
)


def prepare(options):
    return None


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    findings = []
    for span in ctx.spans:
        stop = min(span.end, doc.message_end)
        if span.start >= stop:
            continue
        for instant in dates.instants_in(doc, span.start, stop):
            findings.append(Finding(instant.start, instant.end, format_message(rule.message, match=instant.text), rule.suggestion))
    return Outcome(FAIL if findings else PASS, findings)
