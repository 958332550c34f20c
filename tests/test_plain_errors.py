"""Errors a user meets are plain sentences naming the file and the problem, never an
'internal error', and the rest of the run goes on."""

from __future__ import annotations

import pytest

PANEL = "Please join our panel. Reply by 5 January to Helen Mbeki, helen@example.org.\nHelen Mbeki\n"


@pytest.mark.parametrize("year", ["9999", "0001"])
def test_an_unbelievable_year_in_a_date_header_is_a_note_and_today_is_used(run, tmp_path, year):
    path = tmp_path / "odd.eml"
    path.write_text(f"Subject: Panel\nFrom: Helen Mbeki <helen@example.org>\nDate: Fri, 31 Dec {year} 10:00:00 +0000\n\n{PANEL}")
    out = run("check", path, "--no-config", "-f", "json")
    result = out.result("odd.eml")
    assert "error" not in result and result["sent_from"] == "today"
    assert f"is in the year {int(year)}, which cannot be right, so today is used as the send date." in " ".join(result["notes"])


def test_an_unbelievable_year_on_the_command_line_a_draft_or_the_configuration_is_one_sentence(run, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(PANEL)
    out = run("check", draft, "--no-config", "--sent", "9999-12-30")
    assert out.exit_code == 2
    assert out.stderr.strip() == "invitecheck: --sent '9999-12-30' is in the year 9999; give a date in the years 1900 to 2999"
    dated = tmp_path / "dated.txt"
    dated.write_text("Date: 31 December 9999\n\n" + PANEL)
    out = run("check", dated, draft, "--no-config", "-f", "json")
    assert out.exit_code == 2
    assert out.result("dated.txt")["error"].endswith("the Date line '31 December 9999' is in the year 9999; give a date in the years 1900 to 2999")
    assert "error" not in out.result("draft.txt")
    config = tmp_path / "c.yaml"
    config.write_text("sent: 0001-01-01\n")
    out = run("check", draft, "--config", config)
    assert out.exit_code == 2 and "'sent' is in the year 1; give a date in the years 1900 to 2999" in out.stderr


def test_an_iso_send_date_is_year_month_day(run, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Date: 2024-03-04\n\n" + PANEL)
    assert run("check", draft, "--no-config", "-f", "json").result("draft.txt")["sent"] == "2024-03-04"
    out = run("check", draft, "--no-config", "-f", "json", "--sent", "2024-03-05")
    assert out.result("draft.txt")["sent"] == "2024-03-05"
    out = run("check", draft, "--no-config", "-f", "json", "--sent", "5/3/2024")
    assert out.result("draft.txt")["sent"] == "2024-03-05"  # day first, as in the UK
