"""require: at least one of `patterns` must be present."""

from ..document import Invitation
from .base import ALL_SCOPES, FAIL, PASS, Context, Contract, Option, Finding, Outcome, any_match, compile_patterns, format_message, scope_start

CONTRACT = Contract(
    doc="Fails when none of its patterns is found.",
    options={"patterns": Option((list,), "the patterns, one of which must appear", required=True)},
    placeholders=("match",),
    scopes=ALL_SCOPES,
)


def prepare(options):
    return compile_patterns(options["patterns"], "patterns")


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    spans = ctx.spans
    if any_match(rule.compiled, doc, spans):
        return Outcome(PASS)
    start = scope_start(doc, spans)
    end = doc.line_span(start).end
    return Outcome(FAIL, [Finding(start, end, format_message(rule.message, match=""), rule.suggestion)])
