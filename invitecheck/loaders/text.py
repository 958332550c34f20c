"""Plain-text and Markdown drafts, and the byte-to-text decoding every loader shares.

A draft may start with header lines, then the body::

    Subject: Join our patient panel
    From: Helen Mbeki <helen.mbeki@example.nhs.uk>
    Date: 4 March 2024
    Attachments: role-description.pdf, application-form.docx

    Dear ...

Without a Date line at the top, a 'Date:', 'Sent:' or 'Received:' line further down gives
the send date (see ``sent.written_sent_line``), and so does a copied text message's time
stamp line near the top, "Mon 25 Jan 2027, 18:02" (``sent.stamp_line``), and so does a letter's own
date line under its letterhead, above "Dear …" (``sent.letter_date_line``), and so does a web page's
"Posted 17 November 2026" line at its top (``sent.posted_line``).
"""

from __future__ import annotations

import codecs
import re

from .. import programs
from ..address import split_sender
from ..dates import YearNotInFull, parse_written_date
from ..document import Attachment, Invitation, Span
from ..sent import YEARS, believable, letter_date_line, posted_line, stamp_line, written_sent_line
from ..suppressions import extract as extract_suppressions
from ..vocabulary import fragment
from . import LoadError, shown

# "**From:** Helen Mbeki" in Markdown is the same header line in bold.
DRAFT_HEADER_RE = programs.compile(r"^(?:\*\*|__)?(Subject|From|Date|Sent|To|Cc|Attachments?)(?::(?:\*\*|__)|(?:\*\*|__)?:)[ \t]*(.*)$", re.I)


# "Date: TBC", "Sent: [date]": no send date yet
_DATE_UNKNOWN_RE = re.compile(fragment("date_unknown"), re.I)

# A short line with no colon, such as "Text message" or "SMS", above a draft's header lines
TITLE_LINE_RE = re.compile(r"[^:\n]{1,40}")
# The phone number after the name on a text message's From line
TRAILING_PHONE_RE = re.compile(r"[ \t,(]*(?:\+44[ \t]?|0)[\d \t()-]{9,14}\d\)?[ \t]*$")


def _title_above_headers(first: str, second: str) -> bool:
    """Is the first line a title ("Text message") over the draft's From or Sent line?"""
    header = DRAFT_HEADER_RE.match(second)
    return (header is not None and header.group(1).lower() in ("from", "sent", "date")
            and TITLE_LINE_RE.fullmatch(first.strip()) is not None and DRAFT_HEADER_RE.match(first) is None)


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Bytes to text: honour a BOM or UTF-16, else UTF-8, else the declared or Windows-1252.

    Bytes that are invalid in the chosen charset are replaced, never fatal.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    head = data[:200]
    if len(head) >= 4 and head.count(b"\x00") * 3 >= len(head):
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        codec = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(charset or "cp1252", errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# What may follow the date on a Date line: a translation ("/ Dyddiad: …"), a note ("(draft 2)", "- second draft").
# Compiled only when a Date line is not a date on its own (rarely), so not as every run starts.
_AFTER_THE_DATE = r"\s+(?:[/|(]|[-\u2013\u2014]\s)|\s*;"


def _date_line(value: str):
    """The date a draft's Date line gives: the whole line, or else the date before a translation or a note."""
    try:
        return parse_written_date(value)
    except (ValueError, OverflowError):
        head = re.split(_AFTER_THE_DATE, value, maxsplit=1)[0]
        if head == value:
            raise
        return parse_written_date(head)


def load_text(data: bytes, path: str, source_format: str = "text") -> Invitation:
    text = normalise_newlines(decode_bytes(data)).replace("\x00", "\ufffd")
    text, suppressions = extract_suppressions(text)
    headers: dict[str, tuple[str, int]] = {}
    offset = 0
    spans: dict[str, Span] = {}
    lines = text.split("\n")
    if len(lines) > 1 and _title_above_headers(lines[0], lines[1]):
        offset = len(lines[0]) + 1  # "Text message" above "From: Lorna Fitch 07700 900771"
        lines = lines[1:]
    for line in lines:
        match = DRAFT_HEADER_RE.match(line)
        if not match:
            break
        name = match.group(1).lower().rstrip("s") if match.group(1).lower().startswith("attachment") else match.group(1).lower()
        headers[name] = (match.group(2).strip(), offset + match.start(2))
        if name in ("subject", "from"):
            spans[name] = Span(offset + match.start(2), offset + match.end(2))
        offset += len(line) + 1
    body_start = min(offset, len(text))
    if headers and text[body_start : body_start + 1] == "\n":
        body_start += 1

    sender_name, sender_address = split_sender(headers.get("from", ("", 0))[0])
    if "@" not in sender_address and "@" not in sender_name:  # "From: Ollie Grant": a name, no address
        sender_name, sender_address = headers.get("from", ("", 0))[0], ""
        phone = TRAILING_PHONE_RE.search(sender_name)
        if phone is not None and phone.start() > 0:  # "From: Lorna Fitch 07700 900771": the name, then the number
            sender_name = sender_name[: phone.start()]

    sent = None
    date_value = (headers.get("date") or headers.get("sent") or ("", 0))[0]
    undecided = bool(date_value) and _DATE_UNKNOWN_RE.fullmatch(date_value.strip(" *_")) is not None
    if undecided:  # "Date: TBC", "Sent: [date]": a draft not yet sent has no send date
        date_value = ""
    if date_value:
        unreadable = LoadError(f"{path}: the Date line '{shown(date_value)}' is not a date I can read, such as 4 March 2024")
        try:
            sent = _date_line(date_value)
        except YearNotInFull:
            raise LoadError(f"{path}: the Date line '{shown(date_value)}' does not give its year in full, such as 4 March 2024") from None
        except (ValueError, OverflowError):
            raise unreadable from None
        if not believable(sent.year):
            raise LoadError(f"{path}: the Date line '{shown(date_value)}' is in the year {sent.year}; give a date in the years {YEARS}")

    if sent is None and not undecided:  # no Date line at the top: one under a heading, at the bottom, or 'Received:'
        found = (written_sent_line(text, body_start) or stamp_line(text, body_start) or letter_date_line(text, body_start)
                 or posted_line(text, body_start))
        if found is not None:
            sent = found[0]

    declared = "attachment" in headers
    attachments = []
    if declared:
        names = [n.strip() for n in re.split(r"[,;]", headers["attachment"][0]) if n.strip()]
        attachments = [Attachment(name=n) for n in names if n.lower() not in ("none", "-", "n/a")]

    doc = Invitation(
        path=path,
        source_format=source_format,
        text=text,
        body=Span(body_start, len(text)),
        subject=spans.get("subject"),
        sender_span=spans.get("from"),
        sender_name=sender_name.strip(),
        sender_address=sender_address.strip(),
        sent=sent,
        attachments=attachments,
        attachments_declared=declared,
        suppressions=suppressions,
    )
    if undecided:
        written = (headers.get("date") or headers.get("sent"))[0]
        doc.notes.append(f"The Date line says '{shown(written)}', so it has no send date yet.")
    return doc
