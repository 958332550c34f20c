"""The Python API: check_message takes text, bytes or a path, and returns the JSON record plus the reader's values."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import EXAMPLES, ROOT, run_readme_python

from invitecheck.api import check_message

DAY = date(2024, 3, 4)


def test_text_bytes_and_path_give_the_same_checks():
    data = (EXAMPLES / "champion.eml").read_bytes()
    from_bytes = check_message(data, name="champion.eml", today=DAY)
    from_path = check_message(EXAMPLES / "champion.eml", name="champion.eml", today=DAY)
    from_text = check_message(data.decode("utf-8"), name="champion.eml", today=DAY)
    assert from_bytes == from_path == from_text
    assert from_bytes["score"] == 20


def test_the_record_is_what_json_gives_plus_reader(run):
    record = check_message(EXAMPLES / "champion.eml", name=str(EXAMPLES / "champion.eml"))
    from_cli = run("check", EXAMPLES / "champion.eml", "--format", "json").result("champion.eml")
    reader = record.pop("reader")
    assert record == from_cli
    assert reader["asks"] and reader["reply"].startswith("Subject: Re: Opportunity: become a Patient Champion")
    assert {"rule", "says", "ask"} == set(reader["points"][0])
    replied = run("reply", EXAMPLES / "champion.eml").stdout
    assert reader["reply"] == replied


def test_a_path_is_read_by_its_kind_and_named_by_itself():
    result = check_message(EXAMPLES / "good-panel-invitation.eml")
    assert result["path"].endswith("good-panel-invitation.eml") and result["score"] == 100
    assert result["reader"]["reply"] is None and result["reader"]["points"] == []


def test_unreadable_input_is_an_error_record_not_an_exception(tmp_path):
    missing = check_message(tmp_path / "missing.eml")
    assert (missing["path"], missing["error"]) == (str(tmp_path / "missing.eml"), f"{tmp_path / 'missing.eml'}: no such file")
    assert "checks" not in missing and "reader" not in missing
    assert "error" in check_message(b"%PDF-1.4 binary", name="scan.txt")
    with pytest.raises(TypeError, match="text \\(str\\), bytes or a path"):
        check_message(42)


def test_readme_python_example_runs(tmp_path):
    lines = run_readme_python("## Using it from Python", tmp_path).splitlines()
    assert lines[0] == "20 Not ready to send"
    assert lines[1] == "['attachments-present', 'expenses-explained', 'named-sender']" and lines[2].startswith("Could you")
    assert lines[3].startswith("draft.txt ")
    assert lines[4] == "Subject: Re: Our panel"
    # The comments in the example say what it prints: keep them true.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "# 20 Not ready to send" in readme and "# Subject: Re: Our panel" in readme
