"""User rule files: validated, refused with one sentence naming the file, and bounded."""

from __future__ import annotations

import time

import pytest

GOOD_RULE = """id: no-jargon
title: No NHS jargon
kind: forbid
severity: warning
weight: 5
scope: body
message: "'{match}' is jargon"
why: Readers do not know these acronyms.
source: https://service-manual.nhs.uk/content/a-to-z-of-nhs-health-writing
patterns: ["\\\\bICS\\\\b", "\\\\bPCN\\\\b"]
examples:
  fail: ["The PCN meets monthly."]
  pass: ["The group meets monthly."]
"""

DRAFT = "From: Helen Mbeki <h@example.org>\nDate: 4 March 2024\n\nThe PCN and the ICS would like to hear from you.\n"


def write(tmp_path, text, name="rule.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_user_rule_runs_alongside_bundled_ones(run, draft, tmp_path):
    rule = write(tmp_path, GOOD_RULE)
    out = run("check", draft(DRAFT), "--rules", rule, "--format", "json", "--force")
    check = out.check("draft.txt", "no-jargon")
    assert check["status"] == "fail"
    assert [(f["line"], f["column"], f["message"]) for f in check["findings"]] == [(4, 5, "'PCN' is jargon"), (4, 17, "'ICS' is jargon")]
    from invitecheck.rules import bundled_rules

    assert len(out.result("draft.txt")["checks"]) == len(bundled_rules()) + 1


def test_rules_folder(run, draft, tmp_path):
    folder = tmp_path / "house-rules"
    folder.mkdir()
    write(folder, GOOD_RULE, "jargon.yaml")
    out = run("rules", "--rules", folder)
    assert "no-jargon" in out.stdout


@pytest.mark.parametrize(
    "change, expected",
    [
        (("patterns:", "patern:"), "rule.yaml, line 10: unknown field 'patern'"),  # and 'patterns' is missing
        (("kind: forbid", "kind: forbidden"), "rule.yaml, line 3: unknown kind 'forbidden'"),
        (("weight: 5", "weight: five"), "rule.yaml, line 5: 'weight' must be a whole number"),
        (("severity: warning", "severity: fatal"), "rule.yaml, line 4: severity must be one of error, warning, info"),
        (("id: no-jargon", "id: No Jargon"), "rule.yaml, line 1: the id 'No Jargon' must be lower-case words"),
        (('"\\\\bICS\\\\b"', '"(unclosed"'), "rule.yaml, line 10: the pattern '(unclosed' in 'patterns' does not compile"),
        (("title: No NHS jargon\n", ""), "rule.yaml: the field 'title' is missing"),
        (("scope: body", "scope: footer"), "rule.yaml, line 6: scope must be one of subject, body, signature, all"),
        (("weight: 5", "weight: 5\nweight: 6"), "rule.yaml, line 6: the key 'weight' appears twice"),
        (("id: no-jargon", "id: !!python/object/apply:os.system ['echo hacked']"), "it asks YAML to build a Python object"),
        (("message: \"'{match}' is jargon\"", "message: [unclosed"), "rule.yaml, line "),
    ],
)
def test_bad_rule_file_is_one_plain_sentence_and_exit_2(run, draft, tmp_path, change, expected):
    rule = write(tmp_path, GOOD_RULE.replace(*change))
    out = run("check", draft(DRAFT), "--rules", rule)
    assert out.exit_code == 2
    assert expected in out.stderr
    assert "Traceback" not in out.stderr
    # One sentence a problem: a misspelt field is also a missing one.
    assert len(out.stderr.strip().splitlines()) == (2 if change[1] == "patern:" else 1)


def test_missing_rule_path(run, draft):
    out = run("check", draft(DRAFT), "--rules", "nowhere.yaml")
    assert out.exit_code == 2 and "nowhere.yaml: no such rule file or folder" in out.stderr


def test_catastrophic_pattern_cannot_hang_the_run(run, draft, tmp_path):
    rule = write(tmp_path, GOOD_RULE.replace('["\\\\bICS\\\\b", "\\\\bPCN\\\\b"]', '["(a+)+b", "(x+x+)+y"]'))
    text = DRAFT + "a" * 60 + "\n" + "x" * 5000 + "\n"
    started = time.monotonic()
    out = run("check", draft(text), "--rules", rule, "--format", "json", "--force")
    elapsed = time.monotonic() - started
    assert elapsed < 20  # bounded by the one-second match timeout, not exponential
    result = out.result("draft.txt")
    assert any("took too long" in note for note in result["notes"])
    assert out.check("draft.txt", "no-jargon")["status"] == "not-applicable"
    # The other rules still ran.
    assert out.check("draft.txt", "named-sender")["status"] == "pass"
