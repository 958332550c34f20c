"""swap: a mapping of pattern to better wording; each match is a finding that suggests it."""

from ..document import Invitation
from .base import ALL_SCOPES, FAIL, PASS, Context, Contract, Option, Finding, Outcome, compile_pattern, format_message, matches, without_overlaps, words
from ..rules import RuleError, gather

CONTRACT = Contract(
    doc="Fails on each place a pattern is found, and suggests the better wording it maps to.",
    options={"swap": Option((dict,), "a mapping of pattern to the better wording to suggest", required=True)},
    placeholders=("match", "suggestion"),
    scopes=ALL_SCOPES,
)


def prepare(options):
    table = options["swap"]
    if not table:
        raise RuleError("'swap' needs at least one pattern", field="swap")
    return gather(table.items(), _entry)  # every bad entry is reported, not only the first


def _entry(pattern, better):
    if not isinstance(better, str):
        raise RuleError(f"the suggestion for '{pattern}' in 'swap' must be text", field="swap")
    return compile_pattern(str(pattern), "swap"), better


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    findings = []
    spans = ctx.spans
    for pattern, better in rule.compiled:
        for m in matches([pattern], doc, spans):
            if m.end() > m.start():
                message = format_message(rule.message, match=words(doc, m), suggestion=better)
                findings.append(Finding(m.start(), m.end(), message, f"Try: {better}" if better else rule.suggestion))
    findings = without_overlaps(findings)
    return Outcome(FAIL if findings else PASS, findings)
