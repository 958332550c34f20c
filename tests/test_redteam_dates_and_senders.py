"""Defects the red team found in how dates, senders and long lines are read (December 2026).

Each test fails on the code before its fix: the date a user would see, the sender's
name in the report, or a check that took minutes on one ordinary-looking line.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from invitecheck.api import check_message
from invitecheck.dates import find_dates

HEAD = "Subject: Join our panel\nFrom: Helen Mbeki <helen.mbeki@example.nhs.uk>\nDate: 4 March 2024\n\n"
PANEL = "Please join our patient panel on 12 June 2024. Reply to helen.mbeki@example.nhs.uk.\n"


# --- --sent, a draft's Date line and an email's Date header must give a whole date --------------

@pytest.mark.parametrize("value", ["2025", "March", "12.30", "1/2", "4 March"])
def test_a_send_date_missing_its_day_month_or_year_is_refused_not_filled_from_today(run, draft, value):
    # dateutil filled the missing parts from today: '--sent 2025' was read as today's day in 2025.
    out = run("check", draft("Subject: Join our panel\n\n" + PANEL), "--sent", value)
    assert out.exit_code == 2
    assert out.stderr.strip() == f"invitecheck: --sent '{value}' is not a real date; write it like 2024-03-04 or 4 March 2024"


def test_an_impossible_send_date_is_one_plain_sentence(run, draft):
    out = run("check", draft("Subject: Join our panel\n\n" + PANEL), "--sent", "2025-02-30")
    assert out.exit_code == 2 and out.stdout == ""
    assert out.stderr.strip() == "invitecheck: --sent '2025-02-30' is not a real date; write it like 2024-03-04 or 4 March 2024"


def test_a_draft_date_line_without_a_year_is_refused(run, draft):
    out = run("check", draft("Subject: Join our panel\nDate: 4 March\n\n" + PANEL), "--format", "json")
    assert out.exit_code == 2
    assert "the Date line '4 March' is not a date I can read" in out.result("draft.txt")["error"]


def test_an_email_date_header_without_a_year_is_noted_and_today_used(run, tmp_path):
    path = tmp_path / "x.eml"
    path.write_text("From: Helen Mbeki <helen.mbeki@example.nhs.uk>\nSubject: Join our panel\nDate: March\n\n" + PANEL)
    out = run("check", path, "--format", "json", "--force")
    result = out.result("x.eml")
    assert result["sent_from"] == "today"
    assert any("The Date header 'March' is not a real date" in note for note in result["notes"])


# --- dates in the text ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["People aged 16 to 25 may apply.", "Ages 18-25 may join.", "1 in 4 may need help.",
                                  "The other 5 may come later."])
def test_may_the_verb_after_a_number_is_not_a_date_in_may(text):
    assert find_dates(text, date(2025, 1, 1)) == []


def test_a_day_in_may_with_an_ordinal_or_capital_is_still_a_date():
    assert [m.date for m in find_dates("Reply by 4th may.", date(2025, 1, 1))] == [date(2025, 5, 4)]
    assert [m.date for m in find_dates("Reply by 4 May.", date(2025, 1, 1))] == [date(2025, 5, 4)]


@pytest.mark.parametrize("text, sent, expected", [
    ("It was set up on 31/12/99.", date(2025, 1, 1), date(1999, 12, 31)),  # not 2099
    ("Reply by 4/3/25.", date(2025, 1, 1), date(2025, 3, 4)),
    ("Reply by 4/1/01.", date(2000, 12, 20), date(2001, 1, 4)),
])
def test_a_two_digit_year_is_in_the_century_nearest_the_send_date(text, sent, expected):
    assert [m.date for m in find_dates(text, sent)] == [expected]


def test_a_weekday_that_fits_only_the_date_just_gone_is_that_date(run, draft):
    # Sent on Monday 12 June 2017: 'Friday 9 June' was three days before. It was read as
    # 9 June 2018 (a Saturday), so notice-period passed and dates-consistent blamed the weekday.
    path = draft("Subject: Join our patient panel\nFrom: Helen Mbeki <helen.mbeki@example.nhs.uk>\nDate: 12 June 2017\n\n"
                 "Please apply to join our patient panel. The closing date is Friday 9 June.\n"
                 "Reply to helen.mbeki@example.nhs.uk.\n\nHelen Mbeki\n")
    out = run("check", path, "--format", "json")
    notice = out.check("draft.txt", "notice-period")
    assert notice["status"] == "fail"
    assert "had already passed when it was sent (3 days earlier)" in notice["findings"][0]["message"]
    assert out.check("draft.txt", "dates-consistent")["status"] == "pass"


def test_a_date_across_the_year_end_is_next_year():
    found = find_dates("The event is on Thursday 8 January.", date(2025, 12, 20))
    assert [m.date for m in found] == [date(2026, 1, 8)]


# --- the sender, as people write the From line ---------------------------------------------------

def _eml(from_line: bytes, subject: bytes = b"Join our panel") -> bytes:
    return (b"From: " + from_line + b"\nSubject: " + subject + b"\nDate: Mon, 4 Mar 2024 10:00:00 +0000\n\n" + PANEL.encode())


def test_unencoded_utf8_in_email_headers_is_read_as_utf8():
    # RFC 6532 allows UTF-8 in headers; they were shown as 'Zo\ufffd\ufffd Smith'.
    result = check_message(_eml("Zoë Smith <zoe@example.org>".encode(), "Café panel 患者".encode()), name="x.eml")
    assert result["sender"] == "Zoë Smith <zoe@example.org>"
    assert result["subject"] == "Café panel 患者"


def test_latin1_bytes_in_an_email_header_are_read_not_replaced():
    result = check_message(_eml(b"Zo\xeb Smith <zoe@example.org>"), name="x.eml")
    assert result["sender"] == "Zoë Smith <zoe@example.org>"


@pytest.mark.parametrize("from_line, name, address", [
    ("Mbeki, Helen <helen.mbeki@nhs.net>", "Mbeki, Helen", "helen.mbeki@nhs.net"),
    ("Helen Mbeki [NHS England] <helen.mbeki@nhs.net>", "Helen Mbeki [NHS England]", "helen.mbeki@nhs.net"),
    ('"Mbeki, Helen" <helen.mbeki@nhs.net>', "Mbeki, Helen", "helen.mbeki@nhs.net"),
    ("helen.mbeki@nhs.net", "", "helen.mbeki@nhs.net"),
])
def test_a_from_line_with_a_comma_or_brackets_keeps_its_address(from_line, name, address):
    # parseaddr gave ('', 'Mbeki') for an unquoted comma, and ('', '') for brackets.
    from invitecheck.address import split_sender

    assert split_sender(from_line) == (name, address)
    for data, label in ((_eml(from_line.encode()), "x.eml"), (HEAD.replace("Helen Mbeki <helen.mbeki@example.nhs.uk>", from_line) + PANEL, "x.txt")):
        result = check_message(data, name=label)
        assert address in result["sender"], (label, result["sender"])


# --- long lines that took minutes ----------------------------------------------------------------

@pytest.mark.parametrize("motif", ["AB ", "0113 ", "1 March "])
def test_a_long_line_of_one_repeated_phrase_is_checked_in_proportion_to_its_length(motif):
    # 60,000 characters of 'AB ' took 11 s (jargon-explained split the whole line for every
    # word on it), of '0113 ' 11 s (each phone number read the rest of its line), and
    # 80,000 of '1 March ' 20 s (each date was compared with every date before it);
    # at the 200,000 characters the rules read, minutes. Now a second or so.
    text = HEAD + motif * (120_000 // len(motif)) + "\n"
    started = time.process_time()
    check_message(text, name="long.txt", sent=date(2024, 3, 4), today=date(2024, 3, 4))
    assert time.process_time() - started < 8


# --- an email of many Word attachments -------------------------------------------------------------

def _email_with_word_attachments(count: int, document: bytes) -> bytes:
    import base64

    from hostile_shapes import HEADERS

    encoded = base64.encodebytes(document)
    parts = [HEADERS + b'Content-Type: multipart/mixed; boundary="q"\n\n--q\nContent-Type: text/plain\n\n'
             b"Please fill in the attached application form and join our panel.\n"]
    for n in range(count):
        parts.append(b'--q\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\n'
                     b'Content-Disposition: attachment; filename="form%d.docx"\nContent-Transfer-Encoding: base64\n\n' % n + encoded)
    return b"".join(parts) + b"--q--\n"


def test_only_the_first_ten_attachments_are_opened_and_the_report_says_so():
    # 100 Word attachments of 9.5 MB of XML each (3.9 MB of email) took 3 minutes and 3.4 GB.
    from hostile_shapes import docx_text

    result = check_message(_email_with_word_attachments(12, docx_text(["Application form", "Your name:"])), name="x.eml")
    assert "The email has 12 attachments; only the first 10 were opened to see what they are." in result["notes"]
    assert next(c for c in result["checks"] if c["rule"] == "attachments-present")["status"] == "pass"


def test_an_attachment_whose_xml_unpacks_past_2_mb_is_not_read_but_a_draft_is():
    from hostile_shapes import _W, _docx

    from invitecheck.loaders.documents import docx_paragraphs, extract_text

    paragraph = b"<w:p><w:r><w:t>Application form</w:t></w:r></w:p>"
    document = _docx(_W + paragraph * (3_000_000 // len(paragraph)) + b"</w:body></w:document>")
    assert extract_text("form.docx", "", document) is None
    assert docx_paragraphs(document)[0] == "Application form"


def test_a_word_document_read_leaves_no_tree_waiting_for_the_cycle_collector():
    import gc

    from hostile_shapes import docx_text

    from invitecheck.loaders.documents import docx_paragraphs

    gc.collect()
    gc.disable()  # as when a run of lxml allocations does not wake the collector
    try:
        assert docx_paragraphs(docx_text(["Application form"])) == ["Application form"]
        left = [o for o in gc.get_objects() if type(o).__name__ == "DocumentPart" and str(type(o).__module__).startswith("docx.")]
    finally:
        gc.enable()
    assert left == []


@pytest.mark.parametrize("shape", ["pdf_long_page", "pdf_repeated_form"])
def test_a_small_pdf_attachment_full_of_drawing_instructions_is_read_in_bounded_time(shape):
    # A 5 KB PDF of a page with 3 MB of instructions took 20 s to read; a 1 KB one drawing a
    # form 10,000 times did not finish in two minutes. As an --attach file or one of ten
    # attachments, each held up the whole check.
    import hostile_shapes

    from invitecheck.loaders.documents import extract_text

    name, data = getattr(hostile_shapes, shape)()
    assert len(data) < 6000
    started = time.process_time()
    extract_text(name, "application/pdf", data)
    assert time.process_time() - started < 5


def test_an_ordinary_pdf_attachment_is_still_read():
    import hostile_shapes

    from invitecheck.loaders.documents import extract_text

    name, data = hostile_shapes.pdf_long_page(2_000)
    assert extract_text(name, "application/pdf", data).startswith("Application form")


@pytest.mark.parametrize("content", ["", "\n\n   \n"])
def test_a_reply_to_an_empty_file_is_refused_in_one_sentence(run, draft, content):
    # It wrote 'Thank you for your invitation. Before I decide …' to nobody about nothing.
    path = draft(content, "empty.txt")
    out = run("reply", path)
    assert out.exit_code == 2 and out.stdout == ""
    assert out.stderr.strip() == f"invitecheck: {path}: it is empty, so there is nothing to check."


# --- email headers that took minutes --------------------------------------------------------------

WORDS = "=?utf-8?q?a?= " * 50_000


@pytest.mark.parametrize("data, words", [
    ("From: a@example.org\nSubject: " + WORDS + "\n\nPlease join our panel.\n", "50,000 encoded words"),
    ('From: a@example.org\nSubject: x\nContent-Type: multipart/mixed; boundary="q"\n\n--q\nContent-Type: text/plain\n\n'
     'Please join our panel.\n--q\nContent-Type: application/pdf\nContent-Disposition: attachment; filename="' + WORDS + '"\n\nxx\n--q--\n',
     "50,000 encoded words"),
    ("From: a@example.org\nTo: " + "x@example.org, " * 100_000 + "\nSubject: x\n\nPlease join our panel.\n", "100,001 addresses"),
])
def test_headers_of_thousands_of_encoded_words_or_addresses_are_refused_in_one_sentence(tmp_path, data, words):
    # 100,000 encoded words in a Subject took 70 s (the email library's decoder slows with their
    # square), 50,000 in an attachment's name 7 s; 300,000 addresses in To took 14 s.
    from pathlib import Path

    path = tmp_path / "x.eml"
    path.write_text(data)
    started = time.process_time()
    result = check_message(Path(path), name="x.eml")
    assert time.process_time() - started < 3
    assert result["error"].startswith(f"{path}: the email")
    assert words in result["error"] and "more than the limit of" in result["error"]


def test_a_header_folded_over_many_lines_is_read_in_proportion_to_its_length(tmp_path):
    # Each folded line was added to a growing string: 300,000 of them took 3 s in locate.py alone.
    from pathlib import Path

    path = Path(tmp_path / "x.eml")
    path.write_text("From: a@example.org\nSubject: x\nX-Note: a\n" + " y\n" * 600_000 + "\nPlease join our panel.\n")
    started = time.process_time()
    result = check_message(path)
    assert time.process_time() - started < 6
    assert "error" not in result


def test_an_empty_send_date_is_refused_not_read_as_today(run, draft):
    # A script's empty variable (--sent "$DAY") was silently today.
    out = run("check", draft("Subject: Join our panel\n\n" + PANEL), "--sent", "")
    assert out.exit_code == 2
    assert out.stderr.strip() == "invitecheck: --sent '' is not a real date; write it like 2024-03-04 or 4 March 2024"


@pytest.mark.parametrize("text, expected", [
    ("The venue is 2 May Street, Leeds.", []),
    ("Park at 1 Mar Rd.", []),
    ("We meet on 2 May. Street parking is free.", [date(2025, 5, 2)]),
    ("We meet on 4 March at the Civic Hall.", [date(2025, 3, 4)]),
])
def test_a_street_named_after_a_month_is_an_address_not_a_date(text, expected):
    assert [m.date for m in find_dates(text, date(2025, 1, 1))] == expected


@pytest.mark.parametrize("line", ["3 December 2026 / Dyddiad: 3 Rhagfyr 2026", "3 December 2026 (draft 2)",
                                  "3/12/2026 - second draft", "3 December 2026 | Rhagfyr"])
def test_a_draft_date_line_with_a_note_or_a_translation_after_the_date_is_read(run, draft, line):
    """A bilingual Date line, or one with a note after the date, gives the date; the file is checked."""
    out = run("check", draft(f"Date: {line}\nSubject: Join our panel\n\nJoin us on Tuesday 8 December 2026.\n" + PANEL),
              "--format", "json", "--force")
    assert out.exit_code in (0, 1), out.stdout + out.stderr
    notice = out.check("draft.txt", "notice-period")
    assert notice["status"] == "fail" and "5 days" in str(notice)  # 3 to 8 December


def test_an_impossible_date_with_a_note_after_it_is_still_refused(run, draft):
    out = run("check", draft("Date: 31/02/2027 (draft)\nSubject: Join our panel\n\n" + PANEL), "--format", "json")
    assert out.exit_code == 2
    assert "the Date line '31/02/2027 (draft)' is not a date I can read" in out.result("draft.txt")["error"]
