"""`invitecheck explain RULE`: a rule's documentation, written from its YAML and its kind's contract."""

from __future__ import annotations

from .kinds import KINDS
from .ruledocs import SCOPE_WORDS
from .rules import Rule


def _shown(value) -> str:
    """An option's value, short: long lists and tables are counted, not printed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        text = ", ".join(f"{key} {item}" for key, item in value.items())
        if not value:
            return "none"
        return text if len(value) <= 6 and len(text) <= 100 else f"{len(value)} entries"
    if isinstance(value, list):
        if not value:
            return "none"
        text = ", ".join(str(item) for item in value)
        return text if len(value) <= 6 and len(text) <= 60 else f"{len(value)} entries"
    return str(value)


def explain_lines(rule: Rule, switched_off_by: str = "", page: str = "") -> list[str]:
    """The lines `explain` prints; ``switched_off_by`` names a configuration that turns the rule off."""
    contract = KINDS[rule.kind].CONTRACT
    lines = [
        f"{rule.id}: {rule.title}",
        f"Severity {rule.severity}, weight {rule.weight}, kind {rule.kind}; reads {SCOPE_WORDS[rule.scope]}.",
        f"{contract.doc}",
    ]
    if switched_off_by:
        lines.append(f"It is switched off by {switched_off_by}.")
    lines += [
        "",
        "Why it matters:",
        f"  {rule.why}",
        "",
        f"Guidance: {rule.source}",
    ]
    if page:
        lines.append(f"Rule page: {page}")
    if rule.bundled:
        from .measured import described, figure

        lines += ["", "How sure:", f"  {described(figure(rule.id))}"]
    if contract.options:
        lines += ["", f"Settings (kind '{rule.kind}'; set them in the rule file, or in the configuration file):"]
        for name, option in contract.options.items():
            value = rule.options.get(name, option.default)
            default = " (the default)" if value == option.default and not option.required else ""
            lines.append(f"  {name}: {_shown(value)}{default}. {option.doc[0].upper()}{option.doc[1:]}.")
    lines += ["", "Its message and suggestion may use: " + ", ".join("{" + p + "}" for p in contract.placeholders) + "."]
    lines.append("A rule of this kind can read: " + ", ".join(SCOPE_WORDS[s] for s in contract.scopes) + ".")
    for label, key in (("Fails on", "fail"), ("Passes on", "pass")):
        if rule.examples.get(key):
            lines += ["", f"{label}:"]
            for example in rule.examples[key]:
                lines.append("  - " + example.strip().replace("\n", "\n    "))
    return lines
