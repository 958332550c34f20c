"""conditional: if any `when` pattern is present, one of `then` must be present too.

`unless` (optional) lists patterns that make the rule not applicable even when
a `when` pattern matched: "online only", say, for a rule about travel costs.
`not_applicable` (optional) says in plain words why the rule did not apply,
for the report's n/a rows: "it does not ask anyone to come in person".
"""

from ..document import Invitation
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Finding, Outcome, any_match, compile_fields, first_match, format_message, words

FIELDS = {
    "when": ((list,), True, None),
    "then": ((list,), True, None),
    "unless": ((list,), False, []),
    "not_applicable": ((str,), False, "nothing in it calls for this check"),
}


def prepare(options):
    return compile_fields(options, {"when": True, "then": True, "unless": False})


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    spans = doc.spans(rule.scope)
    if not any_match(rule.compiled["when"], doc, spans) or any_match(rule.compiled["unless"], doc, spans):
        return Outcome(NOT_APPLICABLE, note=rule.options.get("not_applicable", FIELDS["not_applicable"][2]))
    if any_match(rule.compiled["then"], doc, spans):
        return Outcome(PASS)
    trigger = first_match(rule.compiled["when"], doc, spans)  # the earliest, to point at
    message = format_message(rule.message, match=words(doc, trigger))
    return Outcome(FAIL, [Finding(trigger.start(), trigger.end(), message, rule.suggestion)])
