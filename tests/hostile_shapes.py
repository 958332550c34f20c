"""Small hostile files from the red team's report (issue 14), built on demand.

Each builder takes a size and returns (file name, bytes). The tests run them at
a size that would take minutes if the work grew with the square of the input;
benchmarks/run.py --hostile-only times them at the sizes in the report.
"""

from __future__ import annotations

import io
import zipfile

HEADERS = b"From: Helen Mbeki <helen.mbeki@example.nhs.uk>\nSubject: Join our panel\nDate: Mon, 4 Mar 2024 10:00:00 +0000\n"


def html_anchors(count: int = 20_000) -> tuple[str, bytes]:
    """An .html draft holding '<a ' thousands of times (60 KB at 20,000)."""
    return "anchors.html", b"<a " * count


def html_email_anchors(count: int = 20_000) -> tuple[str, bytes]:
    """The same, as the only part of an HTML email."""
    return "anchors.eml", HEADERS + b"Content-Type: text/html; charset=utf-8\n\n" + b"<a " * count


PROSE = (b"We would like your help with our new leaflets for patients and carers. Would you read one a month "
         b"and tell us what is not clear? It takes about half an hour, and you can do it at home. We pay for "
         b"your time. Reply to this email if you would like to join us. ")


def html_form_blanks(count: int = 20_000) -> tuple[str, bytes]:
    """An .html draft of one long line: a word, then a form's blank, thousands of times."""
    return "blanks.html", b"<p>" + b"word<input>" * count + b"</p>"


def no_spaces(size: int = 100_000) -> tuple[str, bytes]:
    """A draft of ordinary prose, then 100 KB without spaces: Chinese prose with its punctuation."""
    return "no-spaces.txt", b"Subject: Join our panel\n\n" + PROSE + ("\u60a3\u8005\uff0c" * (size // 9)).encode("utf-8") + b"\n"


def token(size: int = 100_000) -> tuple[str, bytes]:
    """Ordinary prose, then a pasted token of letters, dots and hyphens: every position could start an address."""
    return "token.txt", b"Subject: Join our panel\n\n" + PROSE + b"a.b-" * (size // 4) + b"\n"


def pumped(motif: str, size: int = 100_000) -> tuple[str, bytes]:
    """Ordinary prose with the words the patterns look for, then MOTIF repeated to SIZE bytes, then a sign-off.

    The motifs are the ones that made a bundled pattern backtrack (a run of blanks
    or blank lines, 'a-a-a-', ', , ,'): each position of the run started a scan to its end.
    """
    run = motif * (size // len(motif.encode("utf-8")))
    text = ("Subject: Join our panel\n\n" + PROSE.decode() + "Please see the attached form. Complete the form below. "
            "The venue is given below. Reply by Friday 1 March 2024.\n" + run + " 1/3/2024 attached 4 March 2024 "
            + run + "\nKind regards,\n" + run + "Helen Mbeki\n")
    return "pumped.txt", text.encode("utf-8")


def unterminated_suppressions(size: int = 400_000) -> tuple[str, bytes]:
    """A .md of '<!-- invitecheck-disable' over and over, never closed."""
    piece = b"<!-- invitecheck-disable "
    return "unterminated.md", piece * (size // len(piece))


def digits_date_header(digits: int = 1_000_000) -> tuple[str, bytes]:
    """An email whose Date header is a million digits."""
    return "digits-date.eml", b"From: Helen Mbeki <helen.mbeki@example.nhs.uk>\nSubject: Join\nDate: " + b"1" * digits + b"\n\nHello\n"


def digits_date_draft(digits: int = 1_000_000) -> tuple[str, bytes]:
    """A draft whose Date: line is a million digits."""
    return "digits-date.txt", b"Subject: Join\nDate: " + b"1" * digits + b"\n\nHello\n"


def _docx(document_xml: bytes, name: str = "word/document.xml") -> bytes:
    """A minimal Word document around the given document.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Default Extension="xml" ContentType="application/xml"/>'
                         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                         "</Types>")
        archive.writestr("_rels/.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                         "</Relationships>")
        archive.writestr(name, document_xml)
    return buffer.getvalue()


_W = b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'


def docx_text(lines: list[str]) -> bytes:
    """A small, ordinary Word document, one paragraph a line."""
    body = b"".join(b"<w:p><w:r><w:t>" + line.encode("utf-8").replace(b"&", b"&amp;").replace(b"<", b"&lt;") + b"</w:t></w:r></w:p>" for line in lines)
    return _docx(_W + body + b"</w:body></w:document>")


def docx_empty_paragraphs(count: int = 3_000_000) -> tuple[str, bytes]:
    """A Word document of millions of empty paragraphs (290 KB at 3 million)."""
    return "empty-paragraphs.docx", _docx(_W + b"<w:p/>" * count + b"</w:body></w:document>")


def docx_bomb(megabytes: int = 1000) -> tuple[str, bytes]:
    """A Word zip bomb: document.xml inflates to this many megabytes of blank space (about 1 MB of zip a GB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        base = zipfile.ZipFile(io.BytesIO(_docx(b"")))
        for item in base.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item.filename, base.read(item))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(_W)
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return "bomb.docx", buffer.getvalue()


def write_mbox_long_line(path, megabytes: int) -> None:
    """Write an mbox with an ordinary message, then one whose body is a single line of MEGABYTES MB."""
    with open(path, "wb") as handle:
        handle.write(b"From a@example.org Mon Mar  4 10:00:00 2024\n" + HEADERS + b"\nPlease join our panel.\n\n")
        handle.write(b"From b@example.org Mon Mar  4 10:00:00 2024\n" + HEADERS + b"\n")
        chunk = b"x" * (1024 * 1024)
        for _ in range(megabytes):
            handle.write(chunk)
        handle.write(b"\n\nFrom c@example.org Mon Mar  4 10:00:00 2024\n" + HEADERS + b"\nThe last message.\n")


def headerless_parts(count: int = 3_200_000) -> tuple[str, bytes]:
    """An email of millions of MIME parts with no Content-Type line (22 MB at 3.2 million)."""
    return "headerless-parts.eml", (HEADERS + b'Content-Type: multipart/mixed; boundary="q"\n\n'
                                    + b"--q\n\nx\n" * count + b"--q--\n")


def many_dates(size: int = 190_000) -> tuple[str, bytes]:
    """A draft of one sentence with a date, repeated: thousands of dates (each was compared with every other)."""
    sentence = b"Please join our panel on 12 May 2027 at 10am. "
    return "many-dates.txt", sentence * (size // len(sentence))


def many_promises(size: int = 190_000) -> tuple[str, bytes]:
    """A draft of one line promising an attachment and a form below, thousands of times and never keeping the
    promise (each promise searched the rest of the text)."""
    sentence = b"Please see the attached agenda and the enclosed form below. "
    return "many-promises.txt", sentence * (size // len(sentence))


def many_promises_above(size: int = 190_000) -> tuple[str, bytes]:
    """A draft of short lines pointing to a link and a form "above" that are not there (each searched all the
    text before it)."""
    sentence = b"Use the link above or the form above to reply.\n"
    return "many-promises-above.txt", sentence * (size // len(sentence))


def many_demands(size: int = 190_000) -> tuple[str, bytes]:
    """A draft of thousands of lines demanding a reply "by tomorrow" (each was compared with every other, and
    every "tomorrow" with every demand)."""
    line = b"Reply by tomorrow.\n"
    return "many-demands.txt", b"Subject: Join our panel\n\n" + line * (size // len(line))


def many_findings(count: int = 10_000) -> tuple[str, bytes]:
    """A draft with thousands of unfilled placeholders: one finding each."""
    return "many-findings.txt", b"Subject: Join our panel\n\n" + b"Dear [Name], " * count + b"\n"


ORDINARY = b"""Subject: Join our reading panel
From: Helen Mbeki <helen.mbeki@example.nhs.uk>
Date: 4 March 2024

Would you read our new leaflets at home? Reply to me by 29 March 2024.
We can send them in large print or easy read. We pay \xc2\xa320 for each one.

Kind regards,
Helen Mbeki
Patient Experience Manager, 0113 496 0000
"""


def ordinary() -> tuple[str, bytes]:
    return "ordinary.txt", ORDINARY


# The shapes of the report that fit in memory as bytes, at the report's sizes.
WORST = {
    "ordinary invitation": ordinary,
    "HTML draft, '<a ' x 20,000": html_anchors,
    "HTML-only email, '<a ' x 20,000": html_email_anchors,
    "HTML line of 20,000 form blanks": html_form_blanks,
    "100 KB without spaces": no_spaces,
    "100 KB token 'a.b-'": token,
    "400 KB unterminated suppressions": unterminated_suppressions,
    "Date header of 1M digits": digits_date_header,
    "draft Date line of 1M digits": digits_date_draft,
    ".docx of 3M empty paragraphs": docx_empty_paragraphs,
    ".docx zip bomb (1 GB inflated)": docx_bomb,
    "3.2M headerless MIME parts": headerless_parts,
    "10,000 findings": many_findings,
    "190 KB of dated sentences": many_dates,
    "190 KB of broken promises": many_promises,
    "190 KB of lines pointing above": many_promises_above,
    "190 KB of 'reply by tomorrow'": many_demands,
}


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given numbered objects (1 is the catalogue), with its cross-reference table."""
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    import zlib

    packed = zlib.compress(data, 9)
    return b"<< " + extra + b" /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"


_PDF_TEXT = b"BT /F1 12 Tf 72 712 Td (Application form) Tj ET\n"
_PDF_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_long_page(size: int = 3_000_000) -> tuple[str, bytes]:
    """A 5 KB PDF whose one page packs SIZE bytes of drawing instructions ('(x) Tj' over and over)."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
    return "long-page.pdf", _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
                                  _stream(_PDF_TEXT + b"(x) Tj\n" * (size // 7)), _PDF_FONT])


def pdf_repeated_form(times: int = 10_000, size: int = 50_000) -> tuple[str, bytes]:
    """A 1 KB PDF whose page draws one form of SIZE bytes of instructions TIMES times."""
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>")
    form = _stream(_PDF_TEXT + b"(x) Tj\n" * (size // 7), b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>")
    return "repeated-form.pdf", _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
                                      _stream(b"/X1 Do\n" * times), _PDF_FONT, form])
