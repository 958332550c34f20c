"""Structure: which part of the text is the sender's own invitation.

A forward is judged on what was forwarded: the region starts after the forwarded message's
header block, and :func:`forward` gives who sent it. Otherwise the region runs from the
start of the body to the end of the sender's words: before a
quoted earlier message, an Outlook reply's "From: … Sent: …" block, or a disclaimer
("If you are not the intended recipient … notify the sender immediately").
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache
from dataclasses import dataclass

from ..address import split_sender
from ..document import FORWARDED_RE, SIGNATURE_LINE_MAX, VALEDICTION_RE, Span

# An Outlook reply or forward quotes the earlier message under a header block.
OUTLOOK_QUOTE_RE = re.compile(r"^[ \t]*From:[^\n]*\n[ \t]*Sent:[^\n]*\n(?:[ \t]*(?:To|Cc|Subject):[^\n]*\n){1,3}", re.M)
DISCLAIMER_RE = re.compile(
    r"^[^\n]{0,80}\b(?:intended\s+recipient|notify\s+the\s+sender\s+immediately|this\s+e-?mail\s+(?:and\s+any\s+(?:files|attachments)\s+)?(?:is|are|may\s+be)\s+(?:confidential|privileged))",
    re.M | re.I,
)


# The header block a forward quotes: "From: … / Date: … / Subject: … / To: …", one line each.
FORWARD_HEADER_LINE_RE = re.compile(r"[ \t>]*(?P<label>From|Date|Sent|Subject|To|Cc):[ \t]*(?P<value>[^\n]{0,300})\n", re.I)


@dataclass(frozen=True)
class Forward:
    """Who sent the message that was forwarded, and where its header block ends."""
    name: str
    address: str
    span: Span | None  # the forwarded From line's value
    header_end: int


def forward(doc) -> Forward | None:
    """The forwarded message's sender, when the invitation is a forward ('---------- Forwarded message')."""
    return doc.memo(("forward",), lambda: _forward(doc))


def _forward(doc) -> Forward | None:
    marker = FORWARDED_RE.search(doc.text, doc.body.start, doc.body.end)
    if marker is None:
        return None
    position = doc.text.find("\n", marker.end(), doc.body.end)
    if position < 0:
        return None
    position += 1
    name = address = ""
    span = None
    for _ in range(8):  # a header block is a handful of lines
        line = FORWARD_HEADER_LINE_RE.match(doc.text, position)
        if line is None:
            break
        if line["label"].lower() == "from" and span is None:
            name, address = split_sender(line["value"])
            if "@" not in address:
                name, address = line["value"].strip(), ""
            span = Span(line.start("value"), line.end("value"))
        position = line.end()
    return Forward(name.strip(), address, span, position)


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    forwarded: bool = False  # the invitation is a forward: judged on what was forwarded


def region(doc) -> Region:
    """The sender's own invitation, worked out once per invitation (the facts and named-sender share it)."""
    return doc.memo(("region",), lambda: _region(doc))


def _region(doc) -> Region:
    start, end = doc.body.start, doc.message_end
    forwarded = forward(doc)
    if forwarded is not None:  # what was forwarded, after its header block: the forwarder's note is not the invitation
        return Region(forwarded.header_end, doc.body.end, True)
    quote = OUTLOOK_QUOTE_RE.search(doc.text, start + 1, end)
    if quote is not None and doc.text[start : quote.start()].strip():
        end = quote.start()
    disclaimer = DISCLAIMER_RE.search(doc.text, start, end)
    if disclaimer is not None and disclaimer.start() > start + (end - start) // 3:
        end = disclaimer.start()
    return Region(start, end)


def thread(doc) -> Region:
    """The sender's own words and any earlier message of theirs that an Outlook reply quotes.

    "I've attached the form for the advisory group" above a quoted invitation the same person
    sent: what that invitation said about the role, the time, payment and access still holds.
    Quoted messages from anybody else are not the sender's words, and the region is unchanged.
    """
    return doc.memo(("thread",), lambda: _thread(doc))


def _thread(doc) -> Region:
    own = region(doc)
    address = doc.sender_address.lower()
    if own.forwarded or not address or own.end >= doc.message_end:
        return own
    end = own.end
    for quote in OUTLOOK_QUOTE_RE.finditer(doc.text, own.end, doc.message_end):
        sender = split_sender(doc.text[quote.start() : doc.text.find("\n", quote.start())].split(":", 1)[1])[1]
        if sender.lower() == address:
            following = OUTLOOK_QUOTE_RE.search(doc.text, quote.end(), doc.message_end)
            end = following.start() if following else doc.message_end
    return Region(own.start, end) if end > own.end else own


def words_end(doc) -> int:
    """Where the sender's own words end: before the sign-off, a quoted earlier message or a
    disclaimer (worked out once)."""
    return doc.memo(("words end",), lambda: min(region(doc).end, _sign_off_start(doc)))


def _sign_off_start(doc) -> int:
    """Where the sign-off begins.

    The signature from a valediction ("Kind regards") or a "-- " line is all sign-off.
    Without one, the signature is the short lines at the end (document.find_signature),
    and a paragraph of prose among them (a sentence, however its lines wrap) ends the
    sign-off: it begins after the last such paragraph. With no words before the
    signature (a one-line draft), there is no sign-off.
    """
    signature, end = doc.signature, doc.message_end
    if not signature or signature.start <= doc.body.start:
        return end
    text = doc.text
    if VALEDICTION_RE.match(text, signature.start) or text.startswith("--", signature.start):
        return signature.start
    start = position = signature.start
    paragraph: list[str] = []  # the non-blank lines read since the last blank one
    for line in text[signature.start : end].split("\n") + [""]:
        position += len(line) + 1
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            if _prose(paragraph):
                start = position - len(line) - 1
            paragraph = []
    return min(start, end)


def _prose(lines: list[str]) -> bool:
    """A paragraph that is a sentence, not a sign-off (a name, a job title, an address, a phone number)."""
    joined = " ".join(" ".join(lines).split()).rstrip("\"'”’)")
    return (len(joined) > 40 and joined.endswith((".", "!", "?"))) or any(len(line) > SIGNATURE_LINE_MAX for line in lines)


def search(doc, where: Region, pattern, start: int | None = None, end: int | None = None):
    """The first match of a CaseFree pattern inside the region."""
    return pattern.search(doc.text, doc.lowered, where.start if start is None else start, where.end if end is None else end)


def finditer(doc, where: Region, pattern):
    return pattern.finditer(doc.text, doc.lowered, where.start, where.end)
