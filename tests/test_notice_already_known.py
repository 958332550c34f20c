"""notice-period's 'already_known': the facts that say the reader already knows the meeting are data in the rule file."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from conftest import ROOT

from invitecheck.engine import Settings, check_invitation
from invitecheck.loaders.text import load_text
from invitecheck.rules import RuleError, rule_from_mapping

RULE = yaml.safe_load((ROOT / "rules" / "notice-period.yaml").read_text(encoding="utf-8"))
REMINDER = ("From: Priya Nair <priya.nair@example.org.uk>\nDate: 2 June 2025\nSubject: Renal forum\n\n"
            "Dear forum members,\n\nA gentle reminder that we get together again on Monday 9 June 2025 from 1pm "
            "to 3pm in the Lister Room at St Anne's Hospital.\n\nPriya Nair\n")


def _status(rule, text: str) -> str:
    doc = load_text(text.encode("utf-8"), "draft.txt")
    return check_invitation(doc, [rule], Settings(today=date(2025, 6, 2))).checks[0].status


def test_a_reminder_to_members_passes_with_the_bundled_facts():
    assert RULE["already_known"] == ["asks.reminder", "asks.open_meeting"]
    assert _status(rule_from_mapping(RULE, "notice-period.yaml"), REMINDER) == "pass"


def test_with_no_facts_named_a_reminder_needs_the_full_notice():
    assert _status(rule_from_mapping({**RULE, "already_known": []}, "notice-period.yaml"), REMINDER) == "fail"


def test_a_fact_that_does_not_exist_is_one_plain_sentence():
    with pytest.raises(RuleError, match="'already_known' names the fact 'asks.reminders', which does not exist"):
        rule_from_mapping({**RULE, "already_known": ["asks.reminders"]}, "notice-period.yaml")
