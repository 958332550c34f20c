"""conditional: if any `when` pattern is present, one of `then` must be present too.

`unless` (optional) lists patterns that make the rule not applicable even when
a `when` pattern matched: "online only", say, for a rule about travel costs.

With `pair: true` the patterns are paired by what they capture, as Vale's
conditional rules are: each thing a `when` pattern captures (its first group)
must also be captured by some `then` pattern, so an acronym is fine when its
expansion appears ("Integrated Care Board (ICB)"), and each one that is not is
a finding of its own. `exceptions` lists captures that never need a partner.

`not_applicable` (optional) says in plain words why the rule did not apply,
for the report's n/a rows: "it does not ask anyone to come in person".

`variants` (optional) names kinds of invitation for the reader's words: a mapping
of a name to `when` (and optional `unless`) patterns. The first that applies is
the failure's `variant`, which picks the rule's `reader` wording: an online
meeting is asked about captions, not step-free access.
"""

from ..document import Invitation
from ..rules import RuleError
from .base import (
    ALL_SCOPES, FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Option, Outcome, any_match, compile_fields,
    first_match, format_message, matches, words,
)

NOT_APPLICABLE_NOTE = "nothing in it calls for this check"

CONTRACT = Contract(
    doc="Fails when a 'when' pattern is found but no 'then' pattern (with pair: true, each capture needs its partner).",
    options={
        "when": Option((list,), "patterns that make the rule apply", required=True),
        "then": Option((list,), "patterns, one of which must then be found too", required=True),
        "unless": Option((list,), "patterns that make the rule not apply after all", default=[]),
        "not_applicable": Option((str,), "why the rule did not apply, in plain words, for the report", default=NOT_APPLICABLE_NOTE),
        "pair": Option((bool,), "pair 'when' and 'then' by what their first group captures", default=False),
        "exceptions": Option((list,), "with pair: captures that need no partner, such as NHS", default=[]),
        "variants": Option((dict,), "names for kinds of invitation, each with 'when' (and 'unless') patterns, "
                                    "that pick the reader's wording", default={}),
    },
    placeholders=("match",),
    scopes=ALL_SCOPES,
)


def prepare(options):
    compiled = compile_fields(options, {"when": True, "then": True, "unless": False})
    compiled["exceptions"] = {str(item) for item in options["exceptions"] or []}
    compiled["variants"] = {}
    for name, spec in (options["variants"] or {}).items():
        if not isinstance(spec, dict) or set(spec) - {"when", "unless"} or "when" not in spec:
            raise RuleError(f"the variant '{name}' must be a mapping with 'when' patterns (and, if you like, 'unless')", field="variants")
        compiled["variants"][name] = compile_fields({"when": spec["when"], "unless": spec.get("unless")}, {"when": True, "unless": False})
    if options["pair"]:
        for name in ("when", "then"):
            for pattern in compiled[name]:
                if pattern.groups < 1:
                    raise RuleError(f"with 'pair: true' each pattern in '{name}' needs a group in brackets to capture, such as '\\b([A-Z]{{2,}})\\b'", field=name)
    return compiled


def _capture(doc: Invitation, m) -> str:
    """The first group as the invitation has it (the match may come from the lower-cased text)."""
    start, end = m.span(1)
    return doc.text[start:end] if start >= 0 else ""


def _paired(rule, doc: Invitation, ctx: Context) -> Outcome:
    compiled = rule.compiled
    partners = {_capture(doc, m) for m in matches(compiled["then"], doc, list(ctx.spans))}
    findings, seen = [], set()
    for m in sorted(matches(compiled["when"], doc, list(ctx.spans)), key=lambda m: m.start()):
        captured = _capture(doc, m)
        if not captured or captured in seen or captured in compiled["exceptions"]:
            continue
        seen.add(captured)
        if captured not in partners:
            start, end = m.span(1)
            findings.append(Finding(start, end, format_message(rule.message, match=captured), rule.suggestion))
    if not seen:
        return Outcome(NOT_APPLICABLE, note=rule.options["not_applicable"])
    return Outcome(FAIL if findings else PASS, findings)


def _variant(rule, doc: Invitation, spans) -> dict:
    for name, patterns in rule.compiled["variants"].items():
        if any_match(patterns["when"], doc, spans) and not any_match(patterns["unless"], doc, spans):
            return {"variant": name}
    return {}


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    spans = list(ctx.spans)
    if rule.options["pair"]:
        if any_match(rule.compiled["unless"], doc, spans):
            return Outcome(NOT_APPLICABLE, note=rule.options["not_applicable"])
        return _paired(rule, doc, ctx)
    if not any_match(rule.compiled["when"], doc, spans) or any_match(rule.compiled["unless"], doc, spans):
        return Outcome(NOT_APPLICABLE, note=rule.options["not_applicable"])
    if any_match(rule.compiled["then"], doc, spans):
        return Outcome(PASS)
    trigger = first_match(rule.compiled["when"], doc, spans)  # the earliest, to point at
    message = format_message(rule.message, match=words(doc, trigger))
    return Outcome(FAIL, [Finding(trigger.start(), trigger.end(), message, rule.suggestion, _variant(rule, doc, spans))])
