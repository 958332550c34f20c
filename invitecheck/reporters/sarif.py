"""SARIF 2.1.0: one run, the rules in tool.driver.rules, a result per finding.

Paths are relative to the current folder where they can be, with forward
slashes, so code-scanning tools place the annotations on the right files;
regions are the file's own lines (see ``locate``), and a result's
``properties.position`` says when the line is not exact. A bundled rule's result
has a ``rank``: the percentage of its failures that were right on invitations it
was never tuned on (``properties.measured`` gives the counts).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .. import __version__
from ..ruledocs import help_url
from ..locate import position_words

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = path
    if rel.startswith(".."):
        # made absolute without following links: a link in a loop has no resolved path, and is still reported
        return Path(os.path.abspath(path)).as_uri()
    return Path(rel).as_posix()


def _rule(rule) -> dict:
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.why},
        "help": {"text": f"{rule.why}\nGuidance: {rule.source}", "markdown": f"{rule.why}\n\n[Guidance]({rule.source})"},
        "helpUri": help_url(rule),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"weight": rule.weight, "kind": rule.kind},
    }


def render(results, rules) -> str:
    index = {rule.id: i for i, rule in enumerate(rules)}
    sarif_results, notifications = [], []
    for result in results:
        uri = _uri(result.path)
        if result.error:
            notifications.append({"level": "error", "message": {"text": result.error},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
            continue
        if result.skipped:
            notifications.append({"level": "note", "message": {"text": result.skipped_sentence},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                                  "properties": {"status": "skipped", "reason": result.skipped}})
            continue
        for check in result.checks:
            for f in check.findings:
                where = position_words(f.position, f.file_line)
                item = {
                    "ruleId": check.rule,
                    "level": LEVEL[check.severity],
                    "message": {"text": f.message + (f" {where}" if where else "") + (f" {f.suggestion}" if f.suggestion else "")},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": f.file_line, "startColumn": f.file_column, "endLine": f.file_end_line,
                                   "endColumn": max(f.file_end_column, f.file_column), "snippet": {"text": f.excerpt}},
                    }}],
                    "properties": {"score": result.score, "position": f.position},
                }
                if check.rule in index:
                    item["ruleIndex"] = index[check.rule]
                if check.measured:
                    # SARIF's rank (0 to 100): how often the rule's failures were right on invitations it was never tuned on.
                    item["rank"] = round(100 * check.measured["right"] / check.measured["of"], 1)
                    item["properties"]["measured"] = check.measured
                sarif_results.append(item)
        for warning in result.warnings:
            notifications.append({"level": "warning", "message": {"text": warning["message"]},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri},
                                                                      "region": {"startLine": warning["line"]}}}]})
    run = {
        "tool": {"driver": {
            "name": "invitecheck", "version": __version__, "semanticVersion": __version__,
            "rules": [_rule(rule) for rule in rules],
        }},
        "invocations": [{"executionSuccessful": not any(r.error for r in results),
                         "toolExecutionNotifications": notifications}],
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"
