"""conditional: if any `when` pattern is present, one of `then` must be present too.

`unless` (optional) lists patterns that make the rule not applicable even when
a `when` pattern matched: "online only", say, for a rule about travel costs.
`not_applicable` (optional) says in plain words why the rule did not apply,
for the report's n/a rows: "it does not ask anyone to come in person".

`variants` (optional) names kinds of invitation for the reader's words: a mapping
of a name to `when` (and optional `unless`) patterns. The first that applies is
the failure's `variant`, which picks the rule's `reader` wording: an online
meeting is asked about captions, not step-free access.
"""

from ..document import Invitation
from ..rules import RuleError
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Finding, Outcome, any_match, compile_fields, first_match, format_message, words

FIELDS = {
    "when": ((list,), True, None),
    "then": ((list,), True, None),
    "unless": ((list,), False, []),
    "not_applicable": ((str,), False, "nothing in it calls for this check"),
    "variants": ((dict,), False, {}),
}


def prepare(options):
    variants = {}
    for name, spec in options["variants"].items():
        if not isinstance(spec, dict) or set(spec) - {"when", "unless"} or "when" not in spec:
            raise RuleError(f"the variant '{name}' must be a mapping with 'when' patterns (and, if you like, 'unless')", field="variants")
        variants[name] = compile_fields({"when": spec["when"], "unless": spec.get("unless")}, {"when": True, "unless": False})
    return {**compile_fields(options, {"when": True, "then": True, "unless": False}), "variants": variants}


def _variant(rule, doc: Invitation, spans) -> dict:
    for name, patterns in rule.compiled["variants"].items():
        if any_match(patterns["when"], doc, spans) and not any_match(patterns["unless"], doc, spans):
            return {"variant": name}
    return {}


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    spans = doc.spans(rule.scope)
    if not any_match(rule.compiled["when"], doc, spans) or any_match(rule.compiled["unless"], doc, spans):
        return Outcome(NOT_APPLICABLE, note=rule.options.get("not_applicable", FIELDS["not_applicable"][2]))
    if any_match(rule.compiled["then"], doc, spans):
        return Outcome(PASS)
    trigger = first_match(rule.compiled["when"], doc, spans)  # the earliest, to point at
    message = format_message(rule.message, match=words(doc, trigger))
    return Outcome(FAIL, [Finding(trigger.start(), trigger.end(), message, rule.suggestion, _variant(rule, doc, spans))])
