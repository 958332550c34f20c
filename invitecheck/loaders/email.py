"""RFC 822 email (``.eml``) through mail-parser.

The sent date is read from the ``Date`` header in the sender's own offset:
mail-parser's ``.date`` is converted to UTC, which would turn a Monday-evening
email from New Zealand into a Monday morning, or a Sunday into a Saturday.
"""

from __future__ import annotations

import base64
import logging
import binascii
import re
import email
import email.header
import email.utils
from datetime import datetime
from functools import partial

import mailparser

# mail-parser logs a warning for every part type it does not handle, and raw headers
# (terminal codes and all) at error level when it cannot decode them. The report says
# what matters (the message's defects), so none of it reaches standard error.
_MAILPARSER_LOG = logging.getLogger("mailparser")
_MAILPARSER_LOG.addHandler(logging.NullHandler())
_MAILPARSER_LOG.propagate = False

from .. import programs
from ..address import split_sender
from ..dates import parse_written_date, year_in_full
from ..document import Attachment, Invitation, render
from ..fields import Record
from ..locate import email_places
from ..sent import believable, written_year
from . import LoadError, Limits, shown
from .text import decode_bytes, normalise_newlines


HREF_RE = programs.compile(r"""href\s*=\s*["']?((?:https?://|www\.)[^"'\s>]+)""", re.I)
# A part labelled text/plain that is really a web page: some mailing tools send their HTML that way
HTML_DOCUMENT_RE = re.compile(r"\s{0,200}(?:<!doctype\s+html\b|<html\b)", re.I)


def _html_sent_as_plain(parts: _Parts) -> None:
    """Read a 'plain' part that is an HTML document as the HTML it is, when the message has no other HTML
    (so a reader sees its words, not its tags and '&pound;')."""
    if parts.plain and not parts.html and all(HTML_DOCUMENT_RE.match(part) for part in parts.plain):
        parts.html, parts.plain = parts.plain, []


def _header(message, name: str) -> str:
    raw = message.get(name) if message is not None else None
    if raw is None:
        return ""
    value = _eight_bit(raw)
    try:
        return str(email.header.make_header(email.header.decode_header(value)))
    except Exception:  # malformed encoded words: show them as they are
        return value


def _eight_bit(raw) -> str:
    """A header's raw value as text. Unencoded UTF-8 in a header (RFC 6532: 'From: Zoë Smith')
    reaches us as bytes of an unknown charset, which str() would show as '��': they are read
    as UTF-8, or else as Windows-1252, like a body without a charset."""
    if not isinstance(raw, email.header.Header):
        return str(raw)
    try:
        chunks = email.header.decode_header(raw)
    except Exception:
        return str(raw)
    text = []
    for value, charset in chunks:
        if isinstance(value, str):
            text.append(value)
        elif charset in (None, "unknown-8bit"):
            text.append(decode_bytes(value))
        else:
            try:
                text.append(value.decode(charset, errors="replace"))
            except LookupError:
                text.append(decode_bytes(value))
    return "".join(text)


def _sent_date(raw: str) -> tuple[datetime | None, str | None]:
    if not raw.strip():
        return None, None
    quoted = shown(raw)
    try:
        sent = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        try:
            sent = parse_written_date(raw, fuzzy=True)
        except (ValueError, OverflowError):
            return None, f"The Date header '{quoted}' is not a real date, so today is used as the send date."
    year = written_year(raw) or sent.year
    if not believable(year) or not believable(sent.year):
        return None, f"The Date header '{quoted}' is in the year {year}, which cannot be right, so today is used as the send date."
    if not year_in_full(raw, sent.year):  # "Wed, 4 Mar 1 10:00:00": read as 2001
        return None, f"The Date header '{quoted}' does not give its year in full, so today is used as the send date."
    return sent, None


# An invitation has a handful of attachments. Reading a Word file's text takes up to a second
# or two (its XML is parsed whole), so an email of hundreds of them took minutes: the text of
# the first MAX_READ_ATTACHMENTS is read, and the report says when there were more.
MAX_READ_ATTACHMENTS = 10


def _skipped_note(count: int) -> list[str]:
    if count <= MAX_READ_ATTACHMENTS:
        return []
    return [f"The email has {count:,} attachments; only the first {MAX_READ_ATTACHMENTS} were opened to see what they are."]


def _attachment(item: dict, read: bool = True) -> Attachment:
    payload = item.get("payload") or ""
    if item.get("binary"):
        try:
            data = base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError):
            data = b""
    else:
        data = payload.encode("utf-8", "replace")
    disposition = (item.get("content-disposition") or "").lower()
    inline = disposition.startswith("inline") or (bool(item.get("content-id")) and "attachment" not in disposition)
    name = str(item.get("filename") or "unnamed")
    content_type = str(item.get("mail_content_type") or "application/octet-stream").lower()
    from .documents import extract_text  # only for an email with attachments

    text = None if content_type.startswith("image/") or not read else extract_text(name, content_type, data)
    return Attachment(name=name, content_type=content_type, size=len(data), inline=inline, text=text)


class _Parts(Record):
    _fields = ("message", "plain", "html", "attachments", "defects", "notes")

    def __init__(self, message: object, plain: list[str], html: list[str], attachments: list[Attachment],
                 defects: list[str], notes: list[str]) -> None:
        self.message, self.plain, self.html = message, plain, html
        self.attachments, self.defects, self.notes = attachments, defects, notes


def _with_mailparser(data: bytes) -> _Parts:
    mail = mailparser.parse_from_bytes(data)
    defects = []
    for item in mail.defects or []:
        if isinstance(item, dict):
            for values in item.values():
                defects.extend(str(v) for v in values)
        else:
            defects.append(str(item))
    return _Parts(mail.message, list(mail.text_plain), list(mail.text_html),
                  [_attachment(item, read=n < MAX_READ_ATTACHMENTS) for n, item in enumerate(mail.attachments)], defects,
                  _skipped_note(len(mail.attachments)))


def _with_stdlib(data: bytes) -> _Parts:
    """Python's own parser: a fallback for the rare message that mail-parser cannot take."""
    from .documents import extract_text

    message = email.message_from_bytes(data)
    plain, html, attachments = [], [], []
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        name = part.get_filename()
        kind = part.get_content_type()
        if name or part.get_content_disposition() == "attachment":
            read = len(attachments) < MAX_READ_ATTACHMENTS
            attachments.append(Attachment(str(name or "unnamed"), kind, len(payload), part.get_content_disposition() == "inline",
                                          extract_text(str(name or ""), kind, payload) if read else None))
        elif kind in ("text/plain", "text/html"):
            text = decode_bytes(payload, part.get_content_charset())
            (plain if kind == "text/plain" else html).append(text)
    defects = [type(d).__name__ for d in message.defects]
    return _Parts(message, plain, html, attachments, defects,
                  ["mail-parser could not read this message's structure, so Python's own email parser read it."]
                  + _skipped_note(len(attachments)))


_PART_RE = re.compile(rb"^content-type[ \t]*:", re.I | re.M)
# A boundary is at most 70 characters (RFC 2046); the window of 200 bounds the pattern.
_BOUNDARY_RE = re.compile(rb'boundary[ \t]*=[ \t]*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))', re.I)
_DASHES_RE = re.compile(rb"^--([^\r\n]*)", re.M)


def count_parts(data: bytes) -> int:
    """How many MIME parts the email has, counted before parsing it.

    Parts are counted by their Content-Type lines and by the boundary lines that
    start them, whichever is more: a part needs no Content-Type line.
    """
    typed = len(_PART_RE.findall(data))
    boundaries = {quoted or bare for quoted, bare in _BOUNDARY_RE.findall(data)}
    if not boundaries:
        return typed
    delimited = sum(1 for rest in _DASHES_RE.findall(data) if rest.rstrip() in boundaries)
    return max(typed, delimited)


def _depth(message, limit: int) -> int:
    """How deeply multiparts nest, without recursion."""
    deepest, stack = 0, [(message, 0)]
    while stack:
        part, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            break
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend((child, depth + 1) for child in payload)
    return deepest


# An email's headers hold a handful of addresses and encoded words (=?utf-8?q?…?=). The
# email library takes time with the square of the encoded words in a header (100,000 in one
# Subject took 70 s, 50,000 in an attachment's name 7 s), and mail-parser reads every address
# in the message's To and Cc (300,000 took 14 s). Encoded words are counted in the whole file
# (a body has none: quoted-printable writes '=' as '=3D'), addresses in the message's own headers.
MAX_ENCODED_WORDS = 5_000
MAX_HEADER_ADDRESSES = 10_000
_BLANK_LINE_RE = re.compile(rb"\r?\n\r?\n")


def check_headers(data: bytes, path: str) -> None:
    """Refuse an email whose headers hold too many encoded words or addresses."""
    words = data.count(b"=?")
    if words > MAX_ENCODED_WORDS:
        raise LoadError(f"{path}: the email holds {words:,} encoded words (=?…?=), more than the limit of {MAX_ENCODED_WORDS:,}")
    blank = _BLANK_LINE_RE.search(data)
    end = blank.start() if blank else len(data)
    addresses = data.count(b"@", 0, end)
    if addresses > MAX_HEADER_ADDRESSES:
        raise LoadError(f"{path}: the email's headers hold {addresses:,} addresses, more than the limit of {MAX_HEADER_ADDRESSES:,}")


def load_email(data: bytes, path: str, limits: Limits = Limits()) -> Invitation:
    check_headers(data, path)
    parts_count = count_parts(data)
    if parts_count > limits.max_parts:
        raise LoadError(f"{path}: the email has {parts_count} MIME parts, more than the limit of {limits.max_parts} (see --max-parts)")
    try:
        parts = _with_mailparser(data)
    except RecursionError:
        raise LoadError(f"{path}: the message is nested too deeply to read") from None
    except Exception:  # mail-parser raises several types on broken input
        try:
            parts = _with_stdlib(data)
        except Exception as error:
            reason = str(error).strip().split("\n")[0][:120] or type(error).__name__
            raise LoadError(f"{path}: could not be read as an email ({reason})") from None

    _html_sent_as_plain(parts)
    message = parts.message
    if message is not None and _depth(message, limits.max_depth) > limits.max_depth:
        raise LoadError(f"{path}: the email's parts are nested more than {limits.max_depth} levels deep")
    name, address = split_sender(_header(message, "From"))
    subject = _header(message, "Subject")
    date_raw = _header(message, "Date")
    sent, date_note = _sent_date(date_raw)

    notes = list(parts.notes)
    html_links: list[str] = []
    if parts.plain:
        body = "\n\n".join(part.strip("\n") for part in parts.plain) + "\n"
        for html in parts.html:
            html_links += HREF_RE.findall(html)
    elif parts.html:
        from .html import html_to_text  # only for an email without a plain-text version

        body = html_to_text("\n".join(parts.html))
        notes.append("The message has no plain-text version; its HTML was converted to text.")
    else:
        body = "\n"
        notes.append("The message has no readable text.")
    body = normalise_newlines(body).replace("\x00", "\ufffd")
    if date_note:
        notes.append(date_note)

    headers = [("From", f"{name} <{address}>" if name and address else (name or address))]
    if date_raw:
        headers.append(("Date", date_raw))
    headers.append(("Subject", subject))
    documents = [a.name for a in parts.attachments if a.is_document]
    if documents:
        headers.append(("Attachments", ", ".join(documents)))
    text, spans, body_span = render(headers, body)
    # Where each line of the view is in the file: looked for only if a machine format asks.
    places = partial(email_places, data, text, body_span.start, headers, from_html=not parts.plain and bool(parts.html))

    return Invitation(
        path=path,
        source_format="email",
        text=text,
        body=body_span,
        subject=spans.get("Subject"),
        sender_span=spans.get("From") or None,
        sender_name=name.strip(),
        sender_address=address.strip(),
        sent=sent,
        attachments=parts.attachments,
        attachments_declared=True,
        defects=parts.defects,
        notes=notes,
        html_links=html_links,
        find_places=places,
    )
