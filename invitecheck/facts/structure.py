"""Structure: which part of the text is the sender's own invitation.

The region runs from the start of the body to the end of the sender's words: before a
quoted earlier message, an Outlook reply's "From: … Sent: …" block, or a disclaimer
("If you are not the intended recipient … notify the sender immediately").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An Outlook reply or forward quotes the earlier message under a header block.
OUTLOOK_QUOTE_RE = re.compile(r"^[ \t]*From:[^\n]*\n[ \t]*Sent:[^\n]*\n(?:[ \t]*(?:To|Cc|Subject):[^\n]*\n){1,3}", re.M)
FORWARDED_RE = re.compile(r"^[ \t>]*-{2,}[ \t]*(?:Forwarded message|Begin forwarded message)", re.M | re.I)
DISCLAIMER_RE = re.compile(
    r"^[^\n]{0,80}\b(?:intended\s+recipient|notify\s+the\s+sender\s+immediately|this\s+e-?mail\s+(?:and\s+any\s+(?:files|attachments)\s+)?(?:is|are|may\s+be)\s+(?:confidential|privileged))",
    re.M | re.I,
)


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    forwarded: bool = False  # the invitation is a forward: judged on what was forwarded


def region(doc) -> Region:
    start, end = doc.body.start, doc.message_end
    forward = FORWARDED_RE.search(doc.text, start, doc.body.end)
    if forward is not None:
        return Region(start, doc.body.end, True)  # the forwarder's note and what was forwarded
    quote = OUTLOOK_QUOTE_RE.search(doc.text, start + 1, end)
    if quote is not None and doc.text[start : quote.start()].strip():
        end = quote.start()
    disclaimer = DISCLAIMER_RE.search(doc.text, start, end)
    if disclaimer is not None and disclaimer.start() > start + (end - start) // 3:
        end = disclaimer.start()
    return Region(start, end)


def search(doc, where: Region, pattern, start: int | None = None, end: int | None = None):
    """The first match of a CaseFree pattern inside the region."""
    return pattern.search(doc.text, doc.lowered, where.start if start is None else start, where.end if end is None else end)


def finditer(doc, where: Region, pattern):
    return pattern.finditer(doc.text, doc.lowered, where.start, where.end)
