"""instant: a demand for an instant reply ("by close of play", "today", "within 48 hours",
"as soon as possible", "by return") is a finding on its own. Passes when there is none.

The demands are a fact (``times.instants``, found once per invitation); this kind reports
those inside the rule's scope.
"""

from __future__ import annotations

from ..document import Invitation
from ..facts import facts_for
from .base import ALL_SCOPES, FAIL, PASS, Context, Contract, Finding, Outcome, format_message, inside

CONTRACT = Contract(
    doc="Fails on each demand for an instant reply: 'by close of play', 'today', 'within 48 hours'.",
    placeholders=("match",),
    scopes=ALL_SCOPES,
)


def prepare(options):
    return None


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    findings = [Finding(demand.start, demand.end, format_message(rule.message, match=demand.words(doc)), rule.suggestion)
                for demand in facts_for(doc, ctx.sent).times.instants if inside(demand, ctx.spans, doc.message_end)]
    return Outcome(FAIL if findings else PASS, findings)
