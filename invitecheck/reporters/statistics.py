"""`check --statistics`: how many findings each rule made, most first (as ruff and flake8 count them),
and for a bundled rule how sure its failures are and how many real failures it finds (measured.py)."""

from __future__ import annotations


def render(results, rules) -> str:
    findings: dict[str, int] = {}
    files: dict[str, int] = {}
    measured: dict[str, dict] = {}
    titles = {rule.id: rule.title for rule in rules}
    for result in results:
        for check in result.failed if not result.error else ():
            findings[check.rule] = findings.get(check.rule, 0) + max(1, len(check.findings))
            files[check.rule] = files.get(check.rule, 0) + 1
            if check.measured:
                measured[check.rule] = check.measured
    if not findings:
        return "No findings.\n"
    width = len(str(max(findings.values())))
    lines = []
    for rule_id, count in sorted(findings.items(), key=lambda item: (-item[1], item[0])):
        in_files = files[rule_id]
        where = f"in {in_files} file" + ("s" if in_files != 1 else "")
        figure = measured.get(rule_id)
        sure = f"; right {figure['right']} of {figure['of']}, found {figure['found']} of {figure['failures']}" if figure else ""
        lines.append(f"{count:>{width}}  {rule_id:<21} {titles.get(rule_id, '')} ({where}){sure}")
    if measured:
        invitations = max(figure["invitations"] for figure in measured.values())
        lines += ["", f"Right: on {invitations} invitations we never tuned the rules on, of those a rule failed, how many a",
                  "careful reader failed too. Found: of those the reader failed, how many the rule failed."]
    return "\n".join(lines) + "\n"
