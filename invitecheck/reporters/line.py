"""One line per finding, for editors and grep: ``path:line:col: severity rule-id: message``."""

from __future__ import annotations


def render(results, rules) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"{result.path}:1:1: error unreadable: {result.error}")
            continue
        items = [(f.line, f.column, c.severity, c.rule, f.message) for c in result.checks for f in c.findings]
        items += [(w["line"], 1, "warning", "unused-suppression", w["message"]) for w in result.warnings]
        for line, column, severity, rule, message in sorted(items):
            lines.append(f"{result.path}:{line}:{column}: {severity} {rule}: {message}")
    return "\n".join(lines) + ("\n" if lines else "")
