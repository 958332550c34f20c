"""Reading invitations: emails, drafts, encodings, sniffing, and the line/column map."""

from __future__ import annotations

import base64
from datetime import date

import pytest

from invitecheck.loaders import LoadError, load_bytes, load_path, looks_like_email
from invitecheck.loaders.email import load_email
from invitecheck.loaders.html import html_to_text
from invitecheck.loaders.text import load_text

EMAIL = b"""From: Helen Mbeki <helen@example.nhs.uk>
To: sam@example.org
Date: Mon, 12 Jun 2017 23:30:00 -0500
Subject: =?utf-8?q?Join_our_panel_=E2=80=93_paid?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XX"

--XX
Content-Type: text/plain; charset="utf-8"

Dear Sam,
Please see the attached role description.
--XX
Content-Type: application/pdf; name="role.pdf"
Content-Disposition: attachment; filename="role.pdf"
Content-Transfer-Encoding: base64

""" + base64.b64encode(b"%PDF-1.4 " + b"x" * 991) + b"""
--XX--
"""


def test_email_fields():
    doc = load_email(EMAIL, "panel.eml")
    assert (doc.sender_name, doc.sender_address) == ("Helen Mbeki", "helen@example.nhs.uk")
    assert doc.subject_text == "Join our panel – paid"
    assert doc.body_text.startswith("Dear Sam,")
    [attachment] = doc.attachments
    assert (attachment.name, attachment.content_type, attachment.size) == ("role.pdf", "application/pdf", 1000)


def test_sent_date_keeps_the_senders_offset():
    # 23:30 on Monday in New York is Tuesday in UTC: the reader saw Monday.
    doc = load_email(EMAIL, "panel.eml")
    assert doc.sent.date() == date(2017, 6, 12)
    assert doc.sent.strftime("%A") == "Monday"


def test_email_view_lines_are_what_the_reader_sees():
    doc = load_email(EMAIL, "panel.eml")
    lines = doc.text.split("\n")
    assert lines[0] == "From: Helen Mbeki <helen@example.nhs.uk>"
    assert lines[2] == "Subject: Join our panel – paid"
    offset = doc.text.index("attached role")
    line, column = doc.position(offset)
    assert lines[line - 1][column - 1 :].startswith("attached role")


def test_html_only_email_becomes_readable_text_with_line_breaks():
    raw = (
        b"From: a@example.org\r\nDate: Tue, 3 Oct 2023 10:00:00 +0100\r\nSubject: x\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<html><head><style>p{color:red}</style></head><body><p>Dear friend,</p><p>Join us<br>on Friday.</p>"
        b"<ul><li>Tea</li><li>Cake</li></ul><a href='https://example.org/apply'>Apply here</a></body></html>"
    )
    doc = load_email(raw, "x.eml")
    body = doc.body_text
    assert "color" not in body
    assert "Dear friend,\n\nJoin us\non Friday." in body
    assert "- Tea\n- Cake" in body
    assert "Apply here (https://example.org/apply)" in body
    assert "https://example.org/apply" in doc.links
    assert any("HTML was converted" in note for note in doc.notes)


def test_html_form_fields_are_drawn_as_blanks():
    text = html_to_text("<form><label>Name</label><input type='text'><input type='checkbox'> Yes</form>")
    assert "__________" in text and "[ ]" in text


def test_bad_charset_and_invalid_bytes_are_replaced_not_fatal():
    raw = b"From: a@example.org\nSubject: x\nContent-Type: text/plain; charset=no-such-charset\n\nCaf\xe9 \xff\xfe ok\n"
    doc = load_email(raw, "x.eml")
    assert "ok" in doc.body_text


def test_broken_date_header_falls_back_with_a_note():
    doc = load_email(b"From: a@example.org\nDate: Mon, 99 Foo 20233\nSubject: x\n\nHello\n", "x.eml")
    assert doc.sent is None
    assert any("not a real date" in note for note in doc.notes)


def test_draft_headers_and_body():
    doc = load_text(b"Subject: Hello\nFrom: Helen Mbeki <h@example.org>\nDate: 4/3/2024\nAttachments: a.pdf, b.docx\n\nBody line\n", "d.txt")
    assert doc.subject_text == "Hello"
    assert doc.sender_name == "Helen Mbeki"
    assert doc.sent.date() == date(2024, 3, 4)  # day first, British style
    assert [a.name for a in doc.attachments] == ["a.pdf", "b.docx"]
    assert doc.attachments_declared
    assert doc.body_text == "Body line\n"
    assert doc.position(doc.text.index("Body")) == (6, 1)


def test_draft_without_headers_is_all_body():
    doc = load_text(b"Dear all,\nJoin us.\n", "d.txt")
    assert doc.subject is None and doc.body_text == "Dear all,\nJoin us.\n"
    assert not doc.attachments_declared


@pytest.mark.parametrize(
    "data",
    [
        "Subject: Café\n\nDear José, £20\n".encode("utf-8-sig"),
        "Subject: Café\n\nDear José, £20\n".encode("utf-16"),
        "Subject: Café\n\nDear José, £20\n".encode("utf-16-le"),
        "Subject: Café\n\nDear José, £20\n".encode("latin-1"),
        "Subject: Café\r\n\r\nDear José, £20\r\n".encode("cp1252"),
    ],
)
def test_text_encodings(data):
    doc = load_text(data, "d.txt")
    assert doc.subject_text == "Café"
    assert doc.body_text == "Dear José, £20\n"


def test_sniffing_files_without_a_known_suffix(tmp_path):
    assert looks_like_email(b"Return-Path: <a@b>\nReceived: from x\nSubject: y\n\nbody")
    assert looks_like_email(b"From a@b Mon Jan 1 00:00:00 2024\nSubject: y\n\nbody")
    assert not looks_like_email(b"Subject: draft\nFrom: Helen\n\nbody")
    assert not looks_like_email(b"Dear all,\nJoin us.")
    email_file = tmp_path / "message"
    email_file.write_bytes(EMAIL)
    assert load_path(str(email_file)).source_format == "email"
    draft_file = tmp_path / "notes"
    draft_file.write_bytes(b"Subject: draft\n\nHello")
    assert load_path(str(draft_file)).source_format == "text"


def test_unreadable_paths_are_one_sentence(tmp_path):
    with pytest.raises(LoadError, match=r"nope\.eml: no such file"):
        load_path(str(tmp_path / "nope.eml"))
    folder = tmp_path / "x.eml"
    folder.mkdir()
    with pytest.raises(LoadError, match="is a folder, not a file"):
        load_path(str(folder))
    with pytest.raises(LoadError, match=r"message.msg: no such file"):
        load_path(str(tmp_path / "message.msg"))


def test_size_limit_is_a_clear_error():
    from invitecheck import loaders

    with pytest.raises(LoadError, match=r"huge.txt: the file is 31 MB, more than the 25 MB limit \(see --max-file-size\)"):
        load_bytes(b"x" * (31 * 1024 * 1024), "huge.txt")
    # Just past the limit (as standard input is read), no size that reads '25 MB, more than the 25 MB limit'.
    with pytest.raises(LoadError, match=r"^huge.txt: the file is more than the 25 MB limit \(see --max-file-size\)$"):
        load_bytes(b"x" * (loaders.MAX_FILE_BYTES + 1), "huge.txt")


def test_html_page_sent_as_plain_text_is_read_as_html():
    """Some mailing tools label their HTML 'text/plain': the reader sees the words, not '<p>' and '&pound;',
    so a voucher's value is read and payment-for-time passes."""
    raw = (b"From: Ward News <news@example.org>\nSubject: News\nDate: Thu, 03 Dec 2026 07:00:00 +0000\n"
           b"Content-Type: text/plain; charset=utf-8\n\n"
           b"<html><body><h2>Join our young people's panel</h2>\n"
           b"<p>The panel meets once a month for an hour. Each member gets a &pound;15 voucher for each meeting; "
           b"if you get benefits, ask us first and we will find you free advice.</p></body></html>\n")
    doc = load_email(raw, "news.eml")
    body = doc.text[doc.body.start:doc.body.end]
    assert "<p>" not in body and "&pound;" not in body
    assert "£15 voucher" in body
    assert any("HTML was converted" in note for note in doc.notes)
    from invitecheck.engine import Settings, check_invitation
    from invitecheck.rules import bundled_rules
    rule = [r for r in bundled_rules() if r.id == "payment-for-time"]
    assert check_invitation(doc, rule, Settings(today=date(2026, 12, 3))).checks[0].status == "pass"
