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


@pytest.fixture
def below(tmp_path, monkeypatch):
    """Work in drafts/, a folder below TMP_PATH, where the configuration is written."""
    here = tmp_path / "drafts"
    here.mkdir()
    (here / "draft.txt").write_text(PANEL)
    monkeypatch.chdir(here)
    return tmp_path


def test_a_broken_pyproject_of_another_tool_in_a_parent_folder_does_not_block_a_run(run, below):
    tmp_path = below
    (tmp_path / "pyproject.toml").write_text("[tool.black\nline-length = = 88\n")
    out = run("check", "draft.txt", "-f", "json")
    assert out.exit_code in (0, 1), out.stderr
    (tmp_path / "pyproject.toml").write_text("[tool.invitecheck]\ndisable = [\n")
    out = run("check", "draft.txt", "-f", "json")
    assert out.exit_code == 2 and "pyproject.toml: it is not valid TOML" in out.stderr


def test_a_parent_configuration_that_turns_rules_off_says_so_in_the_report(run, below, monkeypatch):
    tmp_path = below
    (tmp_path / ".invitecheck.yaml").write_text("disable: [notice-period, plain-english]\n")
    out = run("check", "draft.txt", "-f", "json")
    notes = out.result("draft.txt")["notes"]
    assert f"The configuration {tmp_path / '.invitecheck.yaml'}, in a folder above this one, turns off 2 rules: notice-period, plain-english." in notes
    out = run("check", "draft.txt")
    assert "turns off 2 rules" in out.stdout
    monkeypatch.chdir(tmp_path)  # the configuration of the folder you are in is no surprise
    assert not any("turns off" in n for n in run("check", "drafts/draft.txt", "-f", "json").result("draft.txt")["notes"])


def test_a_user_rule_that_takes_a_bundled_rules_id_says_so_in_the_report(run, tmp_path):
    rule = tmp_path / "mine.yaml"
    rule.write_text("id: named-sender\ntitle: Mine\nkind: forbid\nseverity: info\nweight: 1\nscope: body\n"
                    "message: m\nwhy: w\nsource: https://example.org\npatterns: ['zzz']\nexamples: {fail: ['zzz'], pass: ['ok']}\n")
    draft = tmp_path / "draft.txt"
    draft.write_text(PANEL)
    out = run("check", draft, "--no-config", "--rules", rule, "-f", "json")
    assert f"The rule 'named-sender' comes from {rule}, in place of the bundled rule of that name." in out.result("draft.txt")["notes"]


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n", b"\xef\xbb\xbf \n", "\n \n".encode("utf-16")])
def test_an_empty_file_is_bad_input_in_one_sentence_and_the_others_are_still_checked(run, tmp_path, content):
    # It was "Not checked: it does not look like an involvement invitation (it has no text)", exit 0.
    empty = tmp_path / "blank.txt"
    empty.write_bytes(content)
    draft = tmp_path / "draft.txt"
    draft.write_text(PANEL)
    out = run("check", empty, draft, "--no-config", "-f", "json")
    assert out.exit_code == 2
    assert out.stderr.strip() == f"{empty}: it is empty, so there is nothing to check."
    assert out.result("blank.txt")["error"] == f"{empty}: it is empty, so there is nothing to check."
    assert out.result("draft.txt")["status"] == "checked"
