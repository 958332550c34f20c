"""The README's tables say what the code does: the rule tables match rules/*.yaml,
and the kind table matches each kind's contract."""

from __future__ import annotations

import re

from conftest import ROOT

from invitecheck.kinds import KINDS
from invitecheck.rules import bundled_rules

README = (ROOT / "README.md").read_text(encoding="utf-8")
RULE_ROW_RE = re.compile(r"^\| `([a-z0-9-]+)` \| (error|warning|info) \| (\d+) \|", re.M)


def kind_table() -> str:
    """The README's kind table, written from the contracts (paste it in when a contract changes)."""
    rows = ["| kind | what it checks | its options (default) | placeholders | scopes |", "| --- | --- | --- | --- | --- |"]
    for name, module in KINDS.items():
        contract = module.CONTRACT
        options = ", ".join(
            f"`{option}`" + ("" if spec.required or spec.default in (None, [], {}, False) else f" ({spec.default})")
            for option, spec in contract.options.items()
        ) or "none"
        placeholders = " ".join("`{" + p + "}`" for p in contract.placeholders)
        rows.append(f"| `{name}` | {contract.doc} | {options} | {placeholders} | {', '.join(contract.scopes)} |")
    return "\n".join(rows)


def test_readme_rule_tables_match_the_bundled_rules():
    rows = {rule_id: (severity, int(weight)) for rule_id, severity, weight in RULE_ROW_RE.findall(README)}
    bundled = {rule.id: (rule.severity, rule.weight) for rule in bundled_rules()}
    assert rows == bundled


def test_readme_weight_total_matches():
    total = sum(rule.weight for rule in bundled_rules())
    found = re.search(r"of the (\d+) points", README)
    assert found and int(found.group(1)) == total


def test_readme_kind_table_matches_the_contracts():
    table = kind_table()
    assert table in README, "The README's kind table is out of date; paste this in:\n\n" + table
