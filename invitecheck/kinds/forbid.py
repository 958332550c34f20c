"""forbid: any of `patterns` present is a finding."""

from ..document import Invitation
from .base import ALL_SCOPES, FAIL, PASS, Context, Contract, Option, Finding, Outcome, compile_patterns, format_message, matches, without_overlaps, words

CONTRACT = Contract(
    doc="Fails on each place one of its patterns is found.",
    options={"patterns": Option((list,), "the patterns (regular expressions) that must not appear", required=True)},
    placeholders=("match",),
    scopes=ALL_SCOPES,
)


def prepare(options):
    return compile_patterns(options["patterns"], "patterns")


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    findings = [
        Finding(m.start(), m.end(), format_message(rule.message, match=words(doc, m)), rule.suggestion)
        for m in matches(rule.compiled, doc, ctx.spans)
        if m.end() > m.start()
    ]
    findings = without_overlaps(findings)
    return Outcome(FAIL if findings else PASS, findings)
