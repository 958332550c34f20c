"""More ways in: Outlook .msg, Word .docx drafts, and the contents of attachments."""

from __future__ import annotations

import io
from email.message import EmailMessage

import pytest

from conftest import SHARED

OUTLOOK = SHARED / "corpora" / "outlook" / "spamscope-mail_outlook_1.msg"


def make_docx(paragraphs: list[str], title: str | None = None, table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    if title:
        document.add_heading(title, level=0)  # level 0 is the Title style
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(text: str) -> bytes:
    """A small, valid one-page PDF whose text pypdf can read."""
    content = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def email_with(name: str, data: bytes, maintype: str, subtype: str, body: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Helen Mbeki <helen.mbeki@example.nhs.uk>"
    message["To"] = "sam@example.org"
    message["Date"] = "Mon, 04 Mar 2024 09:30:00 +0000"
    message["Subject"] = "Join our panel"
    message.set_content(body)
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


# -- Word drafts ----------------------------------------------------------------


def test_docx_draft_title_is_the_subject_and_paragraphs_are_lines(run, tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(make_docx(
        ["From: Administrator <admin@example.nhs.uk>", "Date: 4 March 2024", "", "Become a Patient Champion today.",
         "The closing date is Friday."],
        title="Patient Champions wanted",
        table=[["When", "Tuesday 12 March 2024, 2pm"], ["Where", "Civic Hall"]],
    ))
    out = run("check", path, "--format", "json", "--force")
    result = out.result("draft.docx")
    assert result["subject"] == "Patient Champions wanted"
    assert result["sender"].startswith("Administrator")
    wording = out.check("draft.docx", "respectful-wording")["findings"]
    assert [(f["line"], f["excerpt"]) for f in wording] == [
        (1, "Subject: Patient Champions wanted"), (5, "Become a Patient Champion today.")]
    assert out.check("draft.docx", "notice-period")["status"] == "fail"


def test_docx_first_line_subject(run, tmp_path):
    path = tmp_path / "plain.docx"
    path.write_bytes(make_docx(["Subject: Reading panel", "", "Would you read our leaflets?"]))
    assert run("check", path, "--format", "json", "--force").result("plain.docx")["subject"] == "Reading panel"


def test_broken_docx_is_one_sentence(run, tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    out = run("check", path, "--format", "json")
    assert out.exit_code == 2
    assert "broken.docx: this is not a Word .docx document" in out.result("broken.docx")["error"]


# -- attachments' contents ----------------------------------------------------------


BODY = "Dear Sam,\n\nPlease complete the attached application form and send it back to me by 29 March 2024.\n\nKind regards,\nHelen Mbeki\n"


def test_attachment_contents_confirm_the_promised_document(run, tmp_path):
    form = make_docx(["Application form", "Name: ______", "Why you would like to join: ______"])
    path = tmp_path / "panel.eml"
    path.write_bytes(email_with("pack.docx", form, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", BODY))
    out = run("check", path, "--format", "json")
    check = out.check("panel.eml", "attachments-present")
    assert check["status"] == "pass"
    assert check["evidence"] == "pack.docx is the application form: its text says 'Application form'"
    human = run("check", path)
    assert "✓ What it promises is there: pack.docx is the application form" in human.stdout


def test_attachment_contents_show_a_wrong_document(run, tmp_path):
    agenda = make_docx(["Agenda for the March meeting", "1. Welcome", "2. Minutes"])
    path = tmp_path / "panel.eml"
    path.write_bytes(email_with("pack.docx", agenda, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", BODY))
    check = run("check", path, "--format", "json").check("panel.eml", "attachments-present")
    assert check["status"] == "fail"
    assert "none of the attachments (pack.docx) looks like the application form; pack.docx begins 'Agenda for the March meeting" in check["findings"][0]["message"]


def test_pdf_attachment_text_is_read(run, tmp_path):
    pdf = make_pdf("Patient panel application form")
    path = tmp_path / "panel.eml"
    path.write_bytes(email_with("scan-0042-final.pdf", pdf, "application", "pdf", BODY.replace("scan", "")))
    check = run("check", path, "--format", "json").check("panel.eml", "attachments-present")
    assert check["status"] == "pass"
    assert "its text says 'Patient panel application form'" in check.get("evidence", "")


def test_attach_option_reads_the_file(run, draft, tmp_path):
    form = tmp_path / "leaflet.docx"
    form.write_bytes(make_docx(["Role description: patient reader", "You will read one leaflet a month."]))
    path = draft("Date: 4 March 2024\n\nPlease read the attached role description.\n")
    check = run("check", path, "--format", "json", "--force", "--attach", form).check("draft.txt", "attachments-present")
    assert check["status"] == "pass"
    assert "leaflet.docx is the role description" in check["evidence"]


def test_unreadable_attachment_is_not_a_crash(run, tmp_path):
    path = tmp_path / "panel.eml"
    path.write_bytes(email_with("form.pdf", b"%PDF-1.4 broken beyond repair", "application", "pdf", BODY))
    out = run("check", path, "--format", "json")
    assert out.check("panel.eml", "attachments-present")["status"] == "pass"  # the name says it is the form


# -- Outlook ----------------------------------------------------------------------


@pytest.mark.skipif(not OUTLOOK.is_file(), reason="../shared/corpora/outlook is not here")
def test_outlook_msg_is_read_like_an_email(run):
    out = run("check", OUTLOOK, "--format", "json", "--force")
    result = out.result(OUTLOOK.name)
    assert "error" not in result
    assert result["sent"] == "2017-09-18" and result["sent_from"] == "Date header"
    assert result["subject"].startswith("Newsletter Prüfung Personalwesen")
    assert "w-vwa.de" in result["sender"]


def test_not_an_outlook_file(run, tmp_path):
    path = tmp_path / "fake.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    out = run("check", path, "--format", "json")
    assert out.exit_code == 2
    assert out.result("fake.msg")["error"].startswith(f"{path}: could not be read as an Outlook message")


def test_html_draft(run, tmp_path):
    path = tmp_path / "draft.html"
    path.write_text("<html><body><p>Subject: Join us</p><p>Become a <b>Patient Champion</b>.</p></body></html>")
    out = run("check", path, "--format", "json")
    result = out.result("draft.html")
    assert result["subject"] == "Join us"
    assert out.check("draft.html", "respectful-wording")["findings"][0]["excerpt"] == "Become a Patient Champion."


def test_parse_defects_are_reported(run, tmp_path):
    path = tmp_path / "broken.eml"
    path.write_bytes(b"From: a@example.org\nSubject: x\nContent-Type: multipart/mixed; boundary=\"zz\"\n\n--zz\nContent-Type: text/plain\n\nHello")
    result = run("check", path, "--format", "json", "--force").result("broken.eml")
    assert result["defects"], result
