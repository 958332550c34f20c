"""A configured role_words for named-sender is seen by the rule, the facts and the reply alike."""

from __future__ import annotations

from invitecheck.fields import replace
from datetime import date

from invitecheck.api import check_message
from invitecheck.rules import load_rules

TEXT = ("From: Sunny Meadows <hello@sunnymeadows.example.org>\nDate: 4 March 2024\nSubject: Join our panel\n\n"
        "Dear all,\n\nPlease join our patient panel. Reply to this email to take part.\n\nSunny Meadows\n")


def _rules(role_words):
    rules = load_rules()
    return [replace(rule, compiled=frozenset(role_words)) if rule.id == "named-sender" else rule for rule in rules]


def _named_sender(record):
    return next(check for check in record["checks"] if check["rule"] == "named-sender")


def test_without_configured_role_words_the_name_reads_as_a_person():
    record = check_message(TEXT, "draft.txt", rules=_rules(set()), today=date(2024, 3, 4))
    assert _named_sender(record)["status"] == "pass"
    assert record["reader"]["sender_name"] == "Sunny Meadows"


def test_configured_role_words_reach_the_facts_and_the_reply():
    record = check_message(TEXT, "draft.txt", rules=_rules({"meadows"}), today=date(2024, 3, 4))
    assert _named_sender(record)["status"] == "fail"
    assert record["reader"]["sender_name"] == ""  # the reply does not greet "Sunny Meadows" as a person
