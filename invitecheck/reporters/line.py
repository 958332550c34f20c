"""One line per finding, for editors and grep: ``path:line:col: severity rule-id: message``.

Lines and columns are the file's own (see ``locate``); where no exact line
exists the message says what the line is instead.
"""

from __future__ import annotations

from ..locate import position_words


def render(results, rules) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"{result.path}:1:1: error unreadable: {result.error}")
            continue
        if result.skipped:
            lines.append(f"{result.path}:1:1: info skipped: {result.skipped_sentence}")
            continue
        items = [(f.file_line, f.file_column, c.severity, c.rule, _message(f)) for c in result.checks for f in c.findings]
        items += [(w["line"], 1, "warning", "unused-suppression", w["message"]) for w in result.warnings]
        for line, column, severity, rule, message in sorted(items):
            lines.append(f"{result.path}:{line}:{column}: {severity} {rule}: {message}")
    return "\n".join(lines) + ("\n" if lines else "")


def _message(finding) -> str:
    where = position_words(finding.position, finding.file_line)
    return f"{finding.message} {where}" if where else finding.message
