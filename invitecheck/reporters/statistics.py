"""`check --statistics`: how many findings each rule made, most first (as ruff and flake8 count them)."""

from __future__ import annotations


def render(results, rules) -> str:
    findings: dict[str, int] = {}
    files: dict[str, int] = {}
    titles = {rule.id: rule.title for rule in rules}
    for result in results:
        for check in result.failed if not result.error else ():
            findings[check.rule] = findings.get(check.rule, 0) + max(1, len(check.findings))
            files[check.rule] = files.get(check.rule, 0) + 1
    if not findings:
        return "No findings.\n"
    width = len(str(max(findings.values())))
    lines = []
    for rule_id, count in sorted(findings.items(), key=lambda item: (-item[1], item[0])):
        in_files = files[rule_id]
        where = f"in {in_files} file" + ("s" if in_files != 1 else "")
        lines.append(f"{count:>{width}}  {rule_id:<21} {titles.get(rule_id, '')} ({where})")
    return "\n".join(lines) + "\n"
