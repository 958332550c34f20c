"""Every bundled rule's own `examples` behave as labelled: one test per example."""

from __future__ import annotations

from datetime import date

import pytest

from invitecheck.engine import Settings, check_text
from invitecheck.rules import bundled_rules

RULES = bundled_rules()
CASES = [
    pytest.param(rule, label, text, id=f"{rule.id}-{label}-{n}")
    for rule in RULES
    for label in ("fail", "pass")
    for n, text in enumerate(rule.examples.get(label, []))
]


def test_every_rule_has_pass_and_fail_examples():
    for rule in RULES:
        assert rule.examples.get("fail"), f"{rule.id} has no fail examples"
        assert rule.examples.get("pass"), f"{rule.id} has no pass examples"


@pytest.mark.parametrize("rule, label, text", CASES)
def test_rule_example(rule, label, text):
    status = check_text(text, [rule], Settings(today=date(2024, 3, 4))).checks[0].status
    if label == "fail":
        assert status == "fail", f"{rule.id} should fail on: {text!r}"
    else:
        assert status != "fail", f"{rule.id} should not fail on: {text!r}"
