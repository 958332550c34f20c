"""The bundled examples get the statuses written in examples/expected.yaml."""

from __future__ import annotations

import pytest
import yaml

from conftest import EXAMPLES

EXPECTED = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))


def test_there_are_at_least_twenty_examples_and_each_is_labelled():
    files = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".eml", ".txt", ".md"))
    assert len(files) >= 20
    assert sorted(EXPECTED) == files


@pytest.fixture(scope="module")
def report():
    from typer.testing import CliRunner

    from invitecheck.cli import app
    import json

    result = CliRunner().invoke(app, ["check", str(EXAMPLES), "--format", "json"])
    assert result.exit_code == 1  # some examples are bad on purpose
    return {r["path"].split("examples/", 1)[1]: r for r in json.loads(result.stdout)["results"]}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_statuses(report, name):
    """Only the rules an entry lists are asserted: a new rule needs no edit here
    (its cases live in tests/fixtures/<rule-id>/)."""
    got = {c["rule"]: c["status"] for c in report[name]["checks"]}
    expected = EXPECTED[name] or {}
    unknown = set(expected) - set(got)
    assert not unknown, f"expected.yaml names rules that did not run: {sorted(unknown)}"
    assert {rule: got[rule] for rule in expected} == expected


def test_story_of_the_champion_email_fails_every_rule_with_evidence(report):
    result = report["champion.eml"]
    assert result["verdict"] == "Not ready to send"
    assert result["score"] == 20
    failed = {c["rule"] for c in result["checks"] if c["status"] == "fail"}
    assert {"named-sender", "notice-period", "attachments-present", "respectful-wording", "expenses-explained"} <= failed
    assert result["sent"] == "2017-06-12"
    notice = next(c for c in result["checks"] if c["rule"] == "notice-period")
    finding = notice["findings"][0]
    assert finding["excerpt"].endswith("The closing date for applications is Sunday.")
    assert "Sunday 18 June 2017 is 6 days after it was sent" in finding["message"]
    attachments = next(c for c in result["checks"] if c["rule"] == "attachments-present")
    messages = " ".join(f["message"] for f in attachments["findings"])
    assert "no attachments" in messages and "nothing below it looks like a form" in messages


def test_good_invitation_scores_full_marks(report):
    result = report["good-panel-invitation.eml"]
    assert result["score"] == 100
    assert result["verdict"] == "Ready to send"
