"""swap: a mapping of pattern to better wording; each match is a finding that suggests it."""

from ..document import Invitation
from .base import FAIL, PASS, Context, Finding, Outcome, compile_pattern, format_message, matches, without_overlaps, words
from ..rules import RuleError, gather

FIELDS = {"swap": ((dict,), True, None)}


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
    spans = doc.spans(rule.scope)
    for pattern, better in rule.compiled:
        for m in matches([pattern], doc, spans):
            if m.end() > m.start():
                message = format_message(rule.message, match=words(doc, m), suggestion=better)
                findings.append(Finding(m.start(), m.end(), message, f"Try: {better}" if better else rule.suggestion))
    findings = without_overlaps(findings)
    return Outcome(FAIL if findings else PASS, findings)
