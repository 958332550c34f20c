"""RFC 822 email (``.eml``) through mail-parser.

The sent date is read from the ``Date`` header in the sender's own offset:
mail-parser's ``.date`` is converted to UTC, which would turn a Monday-evening
email from New Zealand into a Monday morning, or a Sunday into a Saturday.
"""

from __future__ import annotations

import base64
import binascii
import email.header
import email.utils
from datetime import datetime

import mailparser
from dateutil import parser as dateparser

from ..document import Attachment, Invitation, render
from . import LoadError
from .html import html_to_text
from .text import normalise_newlines


def _header(message, name: str) -> str:
    raw = message.get(name) if message is not None else None
    if raw is None:
        return ""
    try:
        return str(email.header.make_header(email.header.decode_header(str(raw))))
    except Exception:  # malformed encoded words: show them as they are
        return str(raw)


def _sent_date(raw: str) -> tuple[datetime | None, str | None]:
    if not raw.strip():
        return None, None
    try:
        return email.utils.parsedate_to_datetime(raw), None
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return dateparser.parse(raw, fuzzy=True), None
    except (ValueError, OverflowError, dateparser.ParserError):
        return None, f"The Date header '{raw[:60]}' is not a real date, so today is used as the send date."


def _attachment(item: dict) -> Attachment:
    payload = item.get("payload") or ""
    if item.get("binary"):
        try:
            size = len(base64.b64decode(payload, validate=False))
        except (binascii.Error, ValueError):
            size = len(payload) * 3 // 4
    else:
        size = len(payload.encode("utf-8", "replace"))
    disposition = (item.get("content-disposition") or "").lower()
    inline = disposition.startswith("inline") or (bool(item.get("content-id")) and "attachment" not in disposition)
    return Attachment(
        name=str(item.get("filename") or "unnamed"),
        content_type=str(item.get("mail_content_type") or "application/octet-stream").lower(),
        size=size,
        inline=inline,
    )


def load_email(data: bytes, path: str) -> Invitation:
    try:
        mail = mailparser.parse_from_bytes(data)
    except Exception as error:  # mail-parser raises several types on broken input
        reason = str(error).strip().split("\n")[0][:120] or type(error).__name__
        raise LoadError(f"{path}: could not be read as an email ({reason})") from None

    message = mail.message
    name, address = email.utils.parseaddr(_header(message, "From"))
    subject = _header(message, "Subject")
    date_raw = _header(message, "Date")
    sent, date_note = _sent_date(date_raw)

    if mail.text_plain:
        body = "\n\n".join(part.strip("\n") for part in mail.text_plain) + "\n"
        notes = []
    elif mail.text_html:
        body = html_to_text("\n".join(mail.text_html))
        notes = ["The message has no plain-text version; its HTML was converted to text."]
    else:
        body = "\n"
        notes = ["The message has no readable text."]
    body = normalise_newlines(body).replace("\x00", "\ufffd")
    if date_note:
        notes.append(date_note)

    attachments = [_attachment(item) for item in mail.attachments]
    headers = [("From", f"{name} <{address}>" if name and address else (name or address))]
    if date_raw:
        headers.append(("Date", date_raw))
    headers.append(("Subject", subject))
    documents = [a.name for a in attachments if a.is_document]
    if documents:
        headers.append(("Attachments", ", ".join(documents)))
    text, spans, body_span = render(headers, body)

    defects = []
    for item in mail.defects or []:
        if isinstance(item, dict):
            for values in item.values():
                defects.extend(str(v) for v in values)
        else:
            defects.append(str(item))

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
        attachments=attachments,
        attachments_declared=True,
        defects=defects,
        notes=notes,
    )
