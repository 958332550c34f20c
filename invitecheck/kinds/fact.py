"""fact: a rule that is a plain judgement over the invitation's facts.

    applies_when: asks.time          # every one must hold (omit: it always applies)
    unless: places.online_only       # any one holding makes it not applicable
    requires: people.person_route    # any one holding passes
    checklist:                       # or named pieces, each required; the missing ones are reported
      - {piece: how long each time, fact: commitment.duration}
      - {piece: how often, fact: commitment.frequency, when: asks.ongoing}
    reasons:                         # what fills {why}: the first whose 'when' holds
      - {when: people.sender_no_reply, says: "replies go to a no-reply address"}
      - {says: "there is no email address or phone number"}
    suggestions:                     # the suggestion that fits the case (else 'suggestion');
      - {when: places.online_only, says: "…", variant: online}   # 'variant' picks the reader's words
      - {when: [money.paid, not money.amount], says: "…", variant: amount}   # a list: all must hold

A rule that does not apply still passes when what it asks for is said anyway
("Offers to meet access needs" is true of a survey that offers them), unless
``pass_when_said: false``. ``not_applicable_when`` names facts any one of which keep
it not applicable all the same (costs said for work done at home).

A condition is a fact's name (``family.field``, see :mod:`invitecheck.facts`), ``not``
before a name, or ``{fact: name, at_least: n}`` / ``{fact: name, at_most: n}`` for a
number or a count. The message may use {match} (the words that made it apply), {a_match} (the
same after 'a' or 'an', as it is said: "an online event"), {missing}
(the missing pieces joined by "or", for "does not say …"), {needed} (joined by "and", for
"add …") and {why}.
"""

from __future__ import annotations

from ..facts import NAMES, facts_for, first_evidence, lookup
from ..fields import Fields
from ..rules import RuleError
from ..wording import with_article
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Option, Outcome, format_message, scope_start

CONTRACT = Contract(
    doc="Judges the invitation's facts: applies when 'applies_when' holds, fails when what it 'requires' (or a 'checklist' piece) is missing.",
    options={
        "applies_when": Option((str, list), "facts that must all hold for the rule to apply (none: it always applies)"),
        "unless": Option((str, list), "facts any one of which makes the rule not applicable"),
        "requires": Option((str, list), "facts any one of which passes the rule"),
        "checklist": Option((list,), "named pieces, each {piece, fact, when}; the missing ones fill {missing}"),
        "reasons": Option((list,), "what fills {why}: the first entry {says, when} whose 'when' holds"),
        "suggestions": Option((list,), "the suggestion that fits the case: the first entry {says, when, variant} whose 'when' holds"),
        "not_applicable": Option((str,), "the reason the report gives when it does not apply", "it does not apply to this invitation"),
        "pass_when_said": Option((bool,), "pass where it does not apply but what it asks for is said anyway", True),
        "not_applicable_when": Option((str, list), "facts any one of which keep a rule that does not apply from passing when what it asks for is said"),
        "anchor": Option((str, list), "facts whose first evidence, where there is one, the finding points at and {match} quotes, before the words that made it apply"),
    },
    placeholders=("match", "a_match", "missing", "needed", "why"),
    scopes=("body",),
)


class Condition(Fields):
    """A fact, and what it must be: true (or, with ``negate``, false), or a count or number within bounds."""

    __slots__ = ("name", "negate", "at_least", "at_most")

    def __init__(self, name: str, negate: bool = False, at_least: float | None = None, at_most: float | None = None) -> None:
        self.name, self.negate, self.at_least, self.at_most = name, negate, at_least, at_most

    def value(self, facts):
        return lookup(facts, self.name)

    def holds(self, facts) -> bool:
        value = self.value(facts)
        if self.at_least is not None or self.at_most is not None:
            if value is None:
                return False
            number = len(value) if isinstance(value, (list, tuple)) else value
            result = (self.at_least is None or number >= self.at_least) and (self.at_most is None or number <= self.at_most)
        else:
            result = bool(value)
        return result != self.negate


class Piece(Fields):
    """One piece of a checklist: the fact that shows it, needed only when ``when`` holds."""

    __slots__ = ("piece", "fact", "when")

    def __init__(self, piece: str, fact: Condition, when: Condition | None) -> None:
        self.piece, self.fact, self.when = piece, fact, when


class AllOf(Fields):
    """Conditions that must all hold (a 'when' written as a list); its evidence is the first one's."""

    __slots__ = ("conditions",)

    def __init__(self, conditions: tuple) -> None:
        self.conditions = conditions

    def value(self, facts):
        return self.conditions[0].value(facts)

    def holds(self, facts) -> bool:
        return all(c.holds(facts) for c in self.conditions)


class Said(Fields):
    """A reason or a suggestion, said when ``when`` holds (``variant`` names it)."""

    __slots__ = ("says", "when", "variant")

    def __init__(self, says: str, when: Condition | None, variant: str = "") -> None:
        self.says, self.when, self.variant = says, when, variant


class Compiled(Fields):
    """A fact rule's options, read once as it loads."""

    __slots__ = ("applies_when", "unless", "requires", "checklist", "reasons", "suggestions", "never", "anchor")

    def __init__(self, applies_when: tuple, unless: tuple, requires: tuple, checklist: tuple, reasons: tuple,
                 suggestions: tuple, never: tuple = (), anchor: tuple = ()) -> None:
        self.applies_when, self.unless, self.requires = applies_when, unless, requires
        self.checklist, self.reasons, self.suggestions = checklist, reasons, suggestions
        self.never, self.anchor = never, anchor


def _error(field: str, message: str) -> RuleError:
    error = RuleError(message)
    error.field = field
    return error


def _condition(item, field: str) -> Condition:
    if isinstance(item, str):
        text = item.strip()
        negate = text.startswith("not ")
        name = text[4:].strip() if negate else text
        bounds = {}
    elif isinstance(item, dict) and "fact" in item and set(item) <= {"fact", "at_least", "at_most"}:
        name, negate = item["fact"], False
        bounds = {key: item[key] for key in ("at_least", "at_most") if key in item}
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in bounds.values()):
            raise _error(field, f"'at_least' and 'at_most' in '{field}' must be numbers")
    else:
        raise _error(field, f"each condition in '{field}' must be a fact's name, or a mapping with 'fact' and 'at_least' or 'at_most'")
    if name not in NAMES:
        raise _error(field, f"'{field}' names the fact '{name}', which does not exist (facts are named like 'money.expenses')")
    return Condition(name, negate, bounds.get("at_least"), bounds.get("at_most"))


def _conditions(value, field: str) -> tuple:
    if value is None:
        return ()
    items = [value] if isinstance(value, (str, dict)) else value
    return tuple(_condition(item, field) for item in items)


def _said(items, field: str) -> tuple:
    said = []
    for item in items or []:
        if not isinstance(item, dict) or not isinstance(item.get("says"), str) or set(item) - {"says", "when", "variant"}:
            raise _error(field, f"each entry of '{field}' takes 'says' (text) and, optionally, 'when' (a fact, or a list of facts that must all hold) and 'variant'")
        when = item.get("when")
        if isinstance(when, list):
            if not when:
                raise _error(field, f"a 'when' in '{field}' that is a list must name at least one fact")
            condition = AllOf(tuple(_condition(each, field) for each in when))
        else:
            condition = _condition(when, field) if "when" in item else None
        said.append(Said(item["says"].strip(), condition, str(item.get("variant", ""))))
    return tuple(said)


def prepare(options) -> Compiled:
    checklist = []
    for item in options.get("checklist") or []:
        if not isinstance(item, dict) or not isinstance(item.get("piece"), str) or "fact" not in item or set(item) - {"piece", "fact", "when"}:
            raise _error("checklist", "each checklist entry takes 'piece' (its name), 'fact' and, optionally, 'when'")
        checklist.append(Piece(item["piece"], _condition(item["fact"], "checklist"),
                               _condition(item["when"], "checklist") if "when" in item else None))
    compiled = Compiled(
        _conditions(options.get("applies_when"), "applies_when"), _conditions(options.get("unless"), "unless"),
        _conditions(options.get("requires"), "requires"), tuple(checklist),
        _said(options.get("reasons"), "reasons"), _said(options.get("suggestions"), "suggestions"),
        _conditions(options.get("not_applicable_when"), "not_applicable_when"),
        _conditions(options.get("anchor"), "anchor"),
    )
    if bool(compiled.requires) == bool(compiled.checklist):
        raise _error("requires", "a rule of kind 'fact' needs either 'requires' or 'checklist' (one of them)")
    return compiled


def _first(said: tuple, facts) -> Said | None:
    return next((s for s in said if s.when is None or s.when.holds(facts)), None)


def _listed(items: list[str], last: str = "or") -> str:
    """"how long each time, how often or for how long in all" (what is not said); with "and", what to add."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def _met(compiled: Compiled, facts) -> bool:
    if compiled.requires:
        return any(c.holds(facts) for c in compiled.requires)
    pieces = [p for p in compiled.checklist if p.when is None or p.when.holds(facts)]
    return bool(pieces) and all(p.fact.holds(facts) for p in pieces)


def check(rule, doc, ctx: Context) -> Outcome:
    compiled: Compiled = rule.compiled
    facts = facts_for(doc, ctx.sent)
    if not all(c.holds(facts) for c in compiled.applies_when) or any(c.holds(facts) for c in compiled.unless):
        # What the rule asks for, said anyway, is a pass: "Offers to meet access needs" is true of a survey that offers them.
        # ("no travel costs, as meetings are online" is no pass: nobody travels)
        if (rule.options.get("pass_when_said", True) and _met(compiled, facts)
                and not any(c.holds(facts) for c in compiled.never)):
            return Outcome(PASS, note="it says this, though the rule need not apply")
        return Outcome(NOT_APPLICABLE, note=rule.options.get("not_applicable") or CONTRACT.options["not_applicable"].default)
    if compiled.requires:
        met = next((c for c in compiled.requires if c.holds(facts)), None)
        if met is not None:
            found = first_evidence(met.value(facts))
            return Outcome(PASS, evidence=found.words(doc) if found else "")
        missing = []
    else:
        missing = [p.piece for p in compiled.checklist if (p.when is None or p.when.holds(facts)) and not p.fact.holds(facts)]
        if not missing:
            return Outcome(PASS)
    reason = _first(compiled.reasons, facts)
    anchor = next((first_evidence(c.value(facts)) for c in compiled.anchor + compiled.applies_when
                   if first_evidence(c.value(facts))), None)
    if anchor is None and reason is not None and reason.when is not None:
        anchor = first_evidence(reason.when.value(facts))
    if anchor is not None:
        start, end = anchor.start, anchor.end
    elif doc.sender_span:
        start, end = doc.sender_span.start, doc.sender_span.end
    else:
        start = scope_start(doc, [doc.body])
        end = doc.line_span(start).end
    suggestion = _first(compiled.suggestions, facts)
    values = {"missing": _listed(missing), "needed": _listed(missing, "and")} if missing else {}
    if suggestion and suggestion.variant:
        values["variant"] = suggestion.variant
    why = reason.says if reason else ""
    if reason and reason.when is not None and "{words}" in why:
        found = first_evidence(reason.when.value(facts))
        why = why.replace("{words}", found.words(doc) if found else "")
    words = " ".join(doc.text[start:end].split())
    message = format_message(rule.message, match=words, a_match=with_article(words), why=why, **values)
    advice = format_message(suggestion.says if suggestion else rule.suggestion, match=words, a_match=with_article(words), why=why, **values)
    return Outcome(FAIL, [Finding(start, end, message, advice, values)])
