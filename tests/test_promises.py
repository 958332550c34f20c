"""Promised documents are checked each on its own, and the finding names the one that is missing."""

from __future__ import annotations

from datetime import date

from invitecheck.engine import Settings, check_invitation
from invitecheck.loaders.text import load_text
from invitecheck.rules import bundled_rules

RULE = next(rule for rule in bundled_rules() if rule.id == "attachments-present")


def _check(text: str):
    doc = load_text(text.encode("utf-8"), "draft.txt")
    return check_invitation(doc, [RULE], Settings(today=date(2024, 3, 4))).checks[0]


def test_the_missing_one_of_two_promised_documents_is_named():
    check = _check("Attachments: panel-agenda.pdf\n\nPlease find attached the agenda and the terms of reference.\n")
    assert check.status == "fail"
    message = check.findings[0].message
    assert "looks like the terms of reference" in message
    assert "the agenda" not in message.split("looks like", 1)[1]


def test_a_list_of_three_documents_names_each_missing_one():
    check = _check("Attachments: role-profile.docx\n\n"
                   "I have attached the role profile, the application form and the expenses policy.\n")
    message = check.findings[0].message
    assert "the application form or the expenses policy" in message


def test_terms_and_conditions_stay_one_document():
    check = _check("Attachments: terms-and-conditions.pdf\n\nThe terms and conditions document is attached.\n")
    assert check.status == "pass", [f.message for f in check.findings]
