"""Text from Word and PDF files: a .docx draft, or an attachment whose contents
confirm (or not) that it is the document the invitation promises.

Every reader here is bounded (size and pages) and never raises: a document that
cannot be read gives None, and the caller says what it could not do.
"""

from __future__ import annotations

import gc
import io
import zipfile

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_PDF_PAGES = 20
MAX_TEXT = 20_000
# A Word file is a zip: python-docx inflates every part into memory and parses its
# XML into a tree, so a 4 MB zip bomb took 8 GB. The sizes in the zip's directory
# are checked first; zipfile never inflates a part past its stated size, so they
# are a true cap. A long report's document.xml is a few megabytes.
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024  # every part together
MAX_XML_PART_BYTES = 10 * 1024 * 1024  # one XML part, such as word/document.xml
# Only the first MAX_TEXT characters of an attachment are wanted, and python-docx parses all of
# its XML first (1.5 s for 10 MB): an attachment's document.xml may be 2 MB, a hundred pages or so.
MAX_ATTACHMENT_XML_BYTES = 2 * 1024 * 1024
# python-docx takes about a tenth of a millisecond a paragraph; sixty pages are a
# few thousand, so the paragraphs past this many are not read (the report says so).
MAX_DOCX_PARAGRAPHS = 20_000


class TooBig(ValueError):
    """A zip whose parts would unpack to more than the limits."""


def check_unzipped_sizes(archive: zipfile.ZipFile, xml_limit: int = MAX_XML_PART_BYTES) -> None:
    """Refuse a zip whose directory says it unpacks to more than the limits, before inflating anything."""
    total = 0
    for item in archive.infolist():
        total += item.file_size
        if item.filename.lower().endswith((".xml", ".rels")) and item.file_size > xml_limit:
            raise TooBig(f"its part {item.filename} unpacks to {item.file_size // (1024 * 1024):,} MB, more than the {xml_limit // (1024 * 1024)} MB limit")
    if total > MAX_UNZIPPED_BYTES:
        raise TooBig(f"it unpacks to {total // (1024 * 1024):,} MB, more than the {MAX_UNZIPPED_BYTES // (1024 * 1024)} MB limit")


def docx_paragraphs(data: bytes, xml_limit: int = MAX_XML_PART_BYTES) -> list[str]:
    """The lines of a Word document in reading order: paragraphs, and table rows as 'cell | cell'.

    At most MAX_DOCX_PARAGRAPHS of them; TooBig when the zip would unpack past the limits.
    """
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_unzipped_sizes(archive, xml_limit)
    try:
        return _paragraphs(docx.Document(io.BytesIO(data)), Paragraph, Table)
    finally:
        # python-docx's objects refer to each other, so a document's XML tree (tens of MB for
        # a long one) waits for the cycle collector, which a run of lxml allocations does not
        # wake: an email of 100 Word attachments held 3.4 GB. Collect it now.
        gc.collect()


def _paragraphs(document, Paragraph, Table) -> list[str]:
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if len(lines) >= MAX_DOCX_PARAGRAPHS:
            break
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text
            if not lines and text.strip() and not text.lower().startswith("subject:") and _style_name(paragraph) == "title":
                text = "Subject: " + text
            lines.append(text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    if not cells or cell.text != cells[-1]:  # merged cells repeat
                        cells.append(cell.text)
                lines.append(" | ".join(cells))
    return lines


def _style_name(paragraph) -> str:
    """A paragraph's style, in lower case; looked up only for the first (it is slow)."""
    return (paragraph.style.name if paragraph.style is not None else "").lower()


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


# pypdf reads about 300 KB of a page's drawing instructions a second, and a PDF's are
# compressed: a 2 KB attachment took 7 s, a 15 KB one 16 s. A page of text needs a few KB
# of them, so a PDF's pages are read until their instructions (and the forms they draw)
# come to MAX_PDF_CONTENT_BYTES, and at most MAX_PDF_OPERATIONS of them are followed
# (a form drawn over and over is read again each time).
MAX_PDF_CONTENT_BYTES = 128 * 1024
MAX_PDF_OPERATIONS = 50_000


class _Enough(Exception):
    """Stops pypdf when a PDF has had its share of reading."""


def _content_bytes(page) -> int:
    """How many bytes of drawing instructions a page has, its forms (XObjects) included."""
    contents = page.get_contents()
    size = len(contents.get_data()) if contents is not None else 0
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    for reference in (xobjects.get_object().values() if xobjects is not None else ()):
        form = reference.get_object()
        if form.get("/Subtype") == "/Form":
            size += len(form.get_data())
    return size


def _pdf_text(reader) -> str:
    budget, operations, pages = MAX_PDF_CONTENT_BYTES, [0], []

    def count(*_ignored) -> None:
        operations[0] += 1
        if operations[0] > MAX_PDF_OPERATIONS:
            raise _Enough

    for page in reader.pages[:MAX_PDF_PAGES]:
        budget -= _content_bytes(page)
        if budget < 0:
            break
        try:
            pages.append(page.extract_text(visitor_operand_before=count) or "")
        except _Enough:
            break
        if sum(len(p) for p in pages) > MAX_TEXT:
            break
    return "\n".join(pages)[:MAX_TEXT]


def extract_text(name: str, content_type: str, data: bytes) -> str | None:
    """The readable text of an attachment, or None when it is not a document we can read."""
    if not data or len(data) > MAX_DOCUMENT_BYTES:
        return None
    lower = name.lower()
    try:
        if lower.endswith(".docx") or "wordprocessingml" in content_type or is_docx(data):
            return "\n".join(docx_paragraphs(data, MAX_ATTACHMENT_XML_BYTES))[:MAX_TEXT]
        if lower.endswith(".pdf") or content_type == "application/pdf" or data.startswith(b"%PDF"):
            import logging

            from pypdf import PdfReader

            logging.getLogger("pypdf").setLevel(logging.ERROR)
            return _pdf_text(PdfReader(io.BytesIO(data)))
        if lower.endswith((".txt", ".md", ".csv")) or content_type.startswith("text/plain"):
            from .text import decode_bytes

            return decode_bytes(data)[:MAX_TEXT]
    except Exception:  # a broken document is a document we cannot read, not a crash
        return None
    return None
