"""require: at least one of `patterns` must be present."""

from ..document import Invitation
from .base import FAIL, PASS, Context, Finding, Outcome, any_match, compile_patterns, format_message, scope_start

FIELDS = {"patterns": ((list,), True, None)}


def prepare(options):
    return compile_patterns(options["patterns"], "patterns")


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    spans = doc.spans(rule.scope)
    if any_match(rule.compiled, doc, spans):
        return Outcome(PASS)
    start = scope_start(doc, spans)
    end = doc.line_span(start).end
    return Outcome(FAIL, [Finding(start, end, format_message(rule.message, match=""), rule.suggestion)])
