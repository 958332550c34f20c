"""One line per finding, for editors and grep: ``path:line:col: severity rule-id: message``."""

from __future__ import annotations

from ..printable import printable


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
    # Each line is one finding: a newline inside a message would start a fake one.
    return "\n".join(printable(line).replace("\n", " ") for line in lines) + ("\n" if lines else "")
