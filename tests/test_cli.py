"""The command line as a user drives it: exit statuses, JSON contract, options."""

from __future__ import annotations

import subprocess
import sys

from invitecheck import __version__

from conftest import EXAMPLES

BAD_DRAFT = """Subject: Become a Patient Champion
From: Administrator <admin@example.nhs.uk>
Date: 4 March 2024

Dear Patient,

Apply to be a Patient Champion by Friday.

Administrator
"""

GOOD_DRAFT = """Subject: Join our reading panel
From: Helen Mbeki <helen.mbeki@example.nhs.uk>
Date: 4 March 2024

Dear Sam,

Would you read our new leaflets at home and tell us what is unclear? Reply
to me by 29 March 2024 if you would like to.
We can send them in large print or easy read. Each takes about 20 minutes.

Kind regards,
Helen Mbeki
"""


def test_json_contract_shape(run, draft):
    out = run("check", draft(BAD_DRAFT), "--format", "json")
    data = out.json
    assert data["version"] == __version__
    result = data["results"][0]
    for key in ("path", "score", "verdict", "sender", "sent", "checks"):
        assert key in result
    check = result["checks"][0]
    assert set(check) >= {"rule", "title", "status", "severity", "weight", "findings"}
    assert check["status"] in ("pass", "fail", "not-applicable")
    finding = out.check("draft.txt", "respectful-wording")["findings"][0]
    assert set(finding) >= {"message", "line", "column", "end_line", "end_column", "excerpt", "suggestion"}


def test_finding_points_at_the_line_and_column_in_the_draft(run, draft):
    out = run("check", draft(BAD_DRAFT), "--format", "json")
    findings = out.check("draft.txt", "respectful-wording")["findings"]
    # The subject (line 1, after "Subject: Become a ") and the body (line 7).
    assert [(f["line"], f["column"]) for f in findings] == [(1, 19), (7, 15)]
    assert findings[1]["excerpt"] == "Apply to be a Patient Champion by Friday."
    assert findings[1]["end_column"] == 15 + len("Patient Champion")
    assert "patient partner" in findings[1]["suggestion"]


def test_exit_status_1_on_error_failure_and_0_when_clean(run, draft):
    assert run("check", draft(BAD_DRAFT), "--format", "json").exit_code == 1
    assert run("check", draft(GOOD_DRAFT, "good.txt"), "--format", "json").exit_code == 0


def test_fail_under(run, draft):
    path = draft(GOOD_DRAFT)
    score = run("check", path, "--format", "json").json["results"][0]["score"]
    assert score == 100
    assert run("check", path, "--fail-under", "100").exit_code == 0
    wordy = draft(GOOD_DRAFT.replace("Would you", "Don't worry, would you"), "wordy.txt")
    out = run("check", wordy, "--format", "json", "--fail-under", "90")
    assert out.json["results"][0]["score"] < 90
    assert out.exit_code == 1
    assert run("check", wordy, "--format", "json").exit_code == 0  # only a warning failed


def test_missing_file_is_reported_and_others_still_checked(run, draft):
    good = draft(GOOD_DRAFT)
    out = run("check", good, "missing.eml", "--format", "json")
    assert out.exit_code == 2
    assert out.result("missing.eml") == {"path": "missing.eml", "status": "unreadable", "error": "missing.eml: no such file"}
    assert out.result("draft.txt")["score"] == 100
    assert "missing.eml: no such file" in out.stderr


def test_sent_overrides_the_date_header(run, draft):
    path = draft(GOOD_DRAFT)
    out = run("check", path, "--format", "json", "--sent", "2024-03-25")
    result = out.result("draft.txt")
    assert result["sent"] == "2024-03-25" and result["sent_from"] == "--sent"
    notice = out.check("draft.txt", "notice-period")
    assert notice["status"] == "fail"
    assert "Friday 29 March 2024 is 4 days after it was sent" in notice["findings"][0]["message"]


def test_impossible_sent_date_is_a_plain_error(run, draft):
    out = run("check", draft(GOOD_DRAFT), "--sent", "2024-02-31")
    assert out.exit_code == 2
    assert "--sent '2024-02-31' is not a real date" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def test_impossible_date_line_in_a_draft_names_the_file(run, draft):
    bad = draft("Date: 31/02/2024\n\nHello", "bad-date.txt")
    good = draft(GOOD_DRAFT, "good.txt")
    out = run("check", bad, good, "--format", "json")
    assert out.exit_code == 2
    assert "bad-date.txt: the Date line '31/02/2024' is not a date" in out.result("bad-date.txt")["error"]
    assert out.result("good.txt")["score"] == 100


def test_standard_input(run):
    out = run("check", "-", "--format", "json", input=BAD_DRAFT)
    assert out.result("-")["sender"].startswith("Administrator")


def test_folder_is_searched_recursively_in_sorted_order(run, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text(GOOD_DRAFT)
    (tmp_path / "one.txt").write_text(GOOD_DRAFT)
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    out = run("check", tmp_path, "--format", "json")
    assert [r["path"].rsplit("/", 2)[-2:] for r in out.json["results"]] == [["b", "two.md"], [tmp_path.name, "one.txt"]]


def test_attach_option_supplies_a_drafts_attachments(run, draft):
    text = GOOD_DRAFT.replace("Would you read", "Please see the attached role description. Would you read")
    path = draft(text)
    assert run("check", path, "--format", "json").check("draft.txt", "attachments-present")["status"] == "fail"
    out = run("check", path, "--format", "json", "--attach", "Role description.pdf")
    assert out.check("draft.txt", "attachments-present")["status"] == "pass"


def test_unknown_format_is_a_usage_error(run, draft):
    out = run("check", draft(GOOD_DRAFT), "--format", "xml")
    assert out.exit_code == 2
    assert "unknown format 'xml'" in out.stderr


def test_rules_lists_every_bundled_rule(run):
    out = run("rules")
    for rule_id in ("named-sender", "notice-period", "attachments-present", "respectful-wording", "expenses-explained"):
        assert rule_id in out.stdout


def test_explain_shows_why_source_and_examples(run):
    out = run("explain", "notice-period")
    assert out.exit_code == 0
    assert "Why it matters" in out.stdout and "https://" in out.stdout and "Fails on" in out.stdout
    missing = run("explain", "no-such-rule")
    assert missing.exit_code == 2 and "there is no rule called 'no-such-rule'" in missing.stderr


def test_version_and_module_entry_point():
    out = subprocess.run([sys.executable, "-m", "invitecheck", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == f"invitecheck {__version__}"


def test_human_report_reads_without_colour(run):
    out = run("check", EXAMPLES / "champion.eml")
    text = out.stdout
    assert "\x1b[" not in text
    for expected in ("Administrator", "Monday 12 June 2017", "20/100 · Not ready to send", "✗ FAIL", "A named person sent it",
                     "15:62", "The closing date for applications is Sunday.", "→ "):
        assert expected in text
    # The matched words are marked with carets when there is no colour.
    lines = text.splitlines()
    quote = next(i for i, line in enumerate(lines) if line.startswith("15:62")) + 1
    caret_line = lines[quote + 1]
    assert caret_line.strip() == "^^^^^^"
    assert lines[quote][caret_line.index("^")] == "S"


def test_several_files_end_with_a_summary(run):
    out = run("check", EXAMPLES / "champion.eml", EXAMPLES / "good-panel-invitation.eml")
    assert "Summary" in out.stdout and "2 files: 2 checked, 1 ready to send" in out.stdout
