"""Output that must not harm: message and rule text never reaches a terminal, rich,
a spreadsheet or a web page as anything but text, and reports are written where
and how a user expects."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys

import pytest

ESC = "\x1b"
HOSTILE_SUBJECT = f"[/] Join us [link=https://evil.example]now[/link] {ESC}[2J{ESC}]0;pwned\x07{ESC}[1A Score 100/100"
HOSTILE = (
    f"Subject: {HOSTILE_SUBJECT}\n"
    "From: Helen Mbeki <helen.mbeki@example.org>\n"
    "Date: Mon, 4 Mar 2024 10:00:00 +0000\n\n"
    f"Please join our panel {ESC}]8;;https://evil.example{ESC}\\click{ESC}]8;;{ESC}\\ on 5 March 2024.\u202e gnp.exe\x9b2J\n"
    "Helen Mbeki\n"
)


def _clean(text: str) -> None:
    """No control character but newline and tab, and no bidi override."""
    bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
    assert not bad, bad


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.eml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [["-f", "human"], ["-f", "line"], ["-f", "github"], ["--for", "reader"]])
def test_terminal_codes_and_rich_markup_in_a_message_are_shown_as_plain_text(run, hostile, args):
    out = run("check", hostile, "--no-config", *args)
    assert out.exit_code == 1, out.stderr  # checked, not stopped by a markup error
    _clean(out.stdout)
    if args != ["-f", "line"] and args != ["-f", "github"]:
        # The Subject's square brackets are shown as they are, never read as rich markup.
        assert "[/] Join us [link=https://evil.example]now[/link]" in out.stdout


def test_the_reply_carries_no_terminal_codes(run, hostile):
    out = run("reply", hostile, "--no-config")
    assert out.exit_code == 0
    _clean(out.stdout)
    assert "Subject: Re: [/] Join us" in out.stdout


def test_a_subject_of_markup_does_not_stop_the_report_of_other_files(run, tmp_path):
    (tmp_path / "a.eml").write_text("Subject: [/]\nFrom: a@example.org\n\nHello\n")
    (tmp_path / "b.eml").write_text("Subject: [bold]x[/bold] [link=https://evil.example]y[/link]\nFrom: b@example.org\n\nHello\n")
    out = run("check", tmp_path, "--no-config", "--force")  # scored, though they are not invitations
    assert out.exit_code == 1 and "MarkupError" not in out.stderr
    assert "Subject  [/]" in out.stdout and "[link=https://evil.example]y[/link]" in out.stdout


def test_an_audit_report_shows_hostile_subjects_as_text(run, tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "hostile.eml").write_text(HOSTILE)
    out = run("audit", folder, "--all", "--no-config")
    assert out.exit_code == 0, out.stderr
    _clean(out.stdout)
    assert "[/] Join us" in out.stdout


def test_rule_text_with_markup_and_control_codes_is_listed_and_explained_as_text(run, tmp_path):
    rule = tmp_path / "odd.yaml"
    rule.write_text(
        "id: odd-title\ntitle: \"[/] odd \\e[2J title\"\nkind: forbid\nseverity: info\nweight: 1\nscope: body\n"
        "message: \"'{match}' [bold]x\"\nwhy: Because.\nsource: https://example.org/why\npatterns: ['zzz']\nexamples: {fail: ['zzz'], pass: ['ok']}\n"
    )
    out = run("rules", "--rules", rule)
    assert out.exit_code == 0, out.stderr
    assert "[/] odd [2J title" in out.stdout
    _clean(out.stdout)
    out = run("explain", "odd-title", "--rules", rule)
    assert out.exit_code == 0 and "[/] odd [2J title" in out.stdout
    _clean(out.stdout)


def test_mail_parser_does_not_log_raw_headers_to_standard_error():
    # mail-parser logs a header it cannot decode, raw, at error level, and Python's
    # last-resort handler would print it, terminal codes and all, on standard error.
    code = ("import logging, invitecheck.loaders.email\n"
            "logging.getLogger('mailparser.utils').error('Failed decoding header part: \\x1b[2J')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""


def test_audit_csv_cells_never_run_as_spreadsheet_formulas(run, tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    for n, subject in enumerate(["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "Plain subject"]):
        (folder / f"{n}.eml").write_text(f"Subject: {subject}\nFrom: =cmd|' /C calc'!A0 <a@example.org>\n\nPlease join our panel.\n")
    report = tmp_path / "audit.csv"
    out = run("audit", folder, "--all", "--no-config", "-f", "csv", "-o", report)
    assert out.exit_code == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(report.read_text())))
    assert len(rows) == 5
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    subjects = sorted(row["subject"] for row in rows)
    assert "'=HYPERLINK(\"https://evil.example\",\"x\")" in subjects and "Plain subject" in subjects
    assert all(row["sender"].startswith("'=cmd") for row in rows)


def test_a_rule_source_must_be_a_web_address_and_the_html_page_forbids_scripts(run, tmp_path, hostile):
    rule = tmp_path / "js.yaml"
    rule.write_text("id: js-source\ntitle: T\nkind: forbid\nseverity: info\nweight: 1\nscope: body\n"
                    "message: m\nwhy: w\nsource: \"javascript:alert(document.cookie)\"\npatterns: ['panel']\nexamples: {fail: ['panel'], pass: ['ok']}\n")
    out = run("check", hostile, "--no-config", "--rules", rule)
    assert out.exit_code == 2
    assert "'source' must be a web address starting with https:// or http://" in out.stderr
    out = run("check", hostile, "--no-config", "-f", "html")
    assert "Content-Security-Policy" in out.stdout and "default-src 'none'" in out.stdout
    assert "<script" not in out.stdout.lower()


def test_the_reader_report_quotes_the_path_it_suggests_for_a_reply(run, tmp_path):
    path = tmp_path / "it's; rm -rf ~.eml"
    path.write_text("Subject: Join us\nFrom: a@example.org\n\nPlease join our panel.\n")
    out = run("check", path, "--no-config", "--for", "reader")
    line = next(line for line in out.stdout.splitlines() if "invitecheck reply" in line)
    import shlex
    assert shlex.split(line.split("run: ", 1)[1]) == ["invitecheck", "reply", str(path)]


DRAFT = "Subject: Join our panel\n\nPlease join our panel.\n"  # no sender: fails named-sender


def test_output_to_something_that_is_not_a_regular_file_is_written_in_place(run, tmp_path):
    import threading

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    out = run("check", draft, "--no-config", "-f", "line", "-o", fifo)
    reader.join(timeout=30)
    assert out.exit_code == 1, out.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # not replaced by a plain file
    assert "named-sender" in received[0]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".invitecheck-")]


def test_a_new_report_gets_the_umasks_permissions_and_an_old_one_keeps_its_own(run, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    old = os.umask(0o027)
    try:
        out = run("check", draft, "--no-config", "-f", "json", "-o", tmp_path / "new.json")
    finally:
        os.umask(old)
    assert out.exit_code == 1
    assert stat.S_IMODE(os.stat(tmp_path / "new.json").st_mode) == 0o640
    existing = tmp_path / "existing.json"
    existing.write_text("old report")
    existing.chmod(0o604)
    link = tmp_path / "latest.json"
    link.symlink_to(existing.name)
    run("check", draft, "--no-config", "-f", "json", "-o", link)
    assert stat.S_IMODE(os.stat(existing).st_mode) == 0o604
    assert link.is_symlink() and '"results"' in existing.read_text()


def test_a_report_is_never_written_inside_a_folder_being_read(run, tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "draft.txt").write_text(DRAFT)
    for command in (["check"], ["audit"]):
        out = run(*command, folder, "--no-config", "-o", folder / "report.txt")
        assert out.exit_code == 2
        assert f"is inside {folder}, which is being read" in out.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["draft.txt"]


def test_a_file_name_that_is_not_utf8_does_not_stop_a_report_written_to_a_file(run, tmp_path):
    import json

    folder = tmp_path / "mail"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text(DRAFT)
    (folder / "other.txt").write_text(DRAFT)
    for format in ("json", "human", "line", "sarif", "github", "html"):
        report = tmp_path / f"report.{format}"
        out = run("check", folder, "--no-config", "-f", format, "-o", report)
        assert out.exit_code == 1, (format, out.stderr)
        report.read_bytes().decode("utf-8")  # valid UTF-8
    paths = [r["path"] for r in json.loads((tmp_path / "report.json").read_text())["results"]]
    assert os.path.join(str(folder), name) in paths  # the escape reads back as the same name
    out = run("audit", folder, "--all", "--no-config", "-f", "csv", "-o", tmp_path / "audit.csv")
    assert out.exit_code == 0 and "caf\\udce9.txt" in (tmp_path / "audit.csv").read_text()
