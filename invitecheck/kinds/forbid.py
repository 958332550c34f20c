"""forbid: any of `patterns` present is a finding."""

from ..document import Invitation
from .base import FAIL, PASS, Context, Finding, Outcome, compile_patterns, format_message, matches, without_overlaps, words

# field: (types, required, default)
FIELDS = {"patterns": ((list,), True, None)}


def prepare(options):
    return compile_patterns(options["patterns"], "patterns")


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    findings = [
        Finding(m.start(), m.end(), format_message(rule.message, match=words(doc, m)), rule.suggestion)
        for m in matches(rule.compiled, doc, doc.spans(rule.scope))
        if m.end() > m.start()
    ]
    findings = without_overlaps(findings)
    return Outcome(FAIL if findings else PASS, findings)
