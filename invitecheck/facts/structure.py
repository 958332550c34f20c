"""Structure: which part of the text is the sender's own invitation.

A forward is judged on what was forwarded: the region starts after the forwarded message's
header block, and :func:`forward` gives who sent it. Otherwise the region runs from the
start of the body to the end of the sender's words: before a
quoted earlier message, an Outlook reply's "From: … Sent: …" block, or a disclaimer
("If you are not the intended recipient … notify the sender immediately").
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache

from ..address import split_sender
from ..fields import Fields
from ..document import SIGNATURE_LINE_MAX, VALEDICTION_RE, Span, forwarded_marker
from ..vocabulary import pattern, words

# An Outlook reply or forward quotes the earlier message under a header block.
OUTLOOK_QUOTE_RE = re.compile(r"^[ \t]*From:[^\n]*\n[ \t]*Sent:[^\n]*\n(?:[ \t]*(?:To|Cc|Subject):[^\n]*\n){1,3}", re.M)
# One of invitecheck's case-free patterns (prefilter.CaseFree): not run at all where the text lacks its words
DISCLAIMER_RE = pattern(
    r"^[^\n]{0,80}\b(?:intended\s+recipient|notify\s+the\s+sender\s+immediately|this\s+e-?mail\s+(?:and\s+any\s+(?:files|attachments)\s+)?(?:is|are|may\s+be)\s+(?:confidential|privileged))",
)


FORWARD_SUBJECT_RE = pattern(r"[ \t]*(?:{vocab:forward_subject_prefix})[ \t]*:")
# The header block a forward quotes: "From: … / Date: … / Subject: … / To: …", one line each.
FORWARD_HEADER_LINE_RE = re.compile(r"[ \t>]*(?P<label>From|Date|Sent|Subject|To|Cc):[ \t]*(?P<value>[^\n]{0,300})\n", re.I)


class Forward(Fields):
    """Who sent the message that was forwarded (``span``: the forwarded From line's value), and where its header block ends."""

    __slots__ = ("name", "address", "span", "header_end")

    def __init__(self, name: str, address: str, span: Span | None, header_end: int) -> None:
        self.name, self.address, self.span, self.header_end = name, address, span, header_end


def forward(doc) -> Forward | None:
    """The forwarded message's sender, when the invitation is a forward ('---------- Forwarded message')."""
    return doc.memo(("forward",), lambda: _forward(doc))


def _forward(doc) -> Forward | None:
    marker = forwarded_marker(doc.text, doc.body.start, doc.body.end)
    if marker is None:
        # Outlook marks a forward only in the subject ("FW: …") and puts the forwarded message's
        # From / Sent / To / Subject block under the forwarder's note
        subject = doc.subject_text
        if not subject or FORWARD_SUBJECT_RE.match(subject, subject.lower()) is None:
            return None
        block = OUTLOOK_QUOTE_RE.search(doc.text, doc.body.start, doc.body.end)
        if block is None:
            return None
        position = block.start()
    else:
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


class Sender(Fields):
    """Who sent the invitation: the From line's name, address and span, or for a forward, those of the
    forwarded message's From line (the forwarder only passed it on: their own address is no way to
    reach whoever wrote it)."""

    __slots__ = ("name", "address", "span")

    def __init__(self, name: str, address: str, span: Span | None) -> None:
        self.name, self.address, self.span = name, address, span


def sender(doc) -> Sender:
    forwarded = forward(doc)
    if forwarded is not None and (forwarded.name or forwarded.address):
        return Sender(forwarded.name, forwarded.address, forwarded.span)
    return Sender(doc.sender_name, doc.sender_address, doc.sender_span)


class Region(Fields):
    """The sender's own invitation: offsets into the text, and whether it is a forward (judged on what was forwarded)."""

    __slots__ = ("start", "end", "forwarded")

    def __init__(self, start: int, end: int, forwarded: bool = False) -> None:
        self.start, self.end, self.forwarded = start, end, forwarded


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
    disclaimer = DISCLAIMER_RE.search(doc.text, doc.lowered, start, end)
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
    # "... so I can sort chairs. Need help getting in, just say. Dawn": sentences, with the name after them
    sentences = len(SENTENCE_STOP_RE.findall(joined))
    return ((len(joined) > 40 and joined.endswith((".", "!", "?"))) or (len(joined) > 80 and sentences >= 2)
            or any(len(line) > SIGNATURE_LINE_MAX for line in lines))


SENTENCE_STOP_RE = re.compile(r"[a-z][.!?](?=\s)")


def search(doc, where: Region, pattern, start: int | None = None, end: int | None = None):
    """The first match of a CaseFree pattern inside the region."""
    return pattern.search(doc.text, doc.lowered, where.start if start is None else start, where.end if end is None else end)


def finditer(doc, where: Region, pattern):
    return pattern.finditer(doc.text, doc.lowered, where.start, where.end)


BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str, start: int, end: int):
    """(start, end) of each paragraph between start and end: text between blank lines."""
    for gap in BLANK_LINE_RE.finditer(text, start, end):
        if text[start : gap.start()].strip():
            yield start, gap.start()
        start = gap.end()
    if text[start:end].strip():
        yield start, end
PROSE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def other_language(doc) -> tuple[Span, ...]:
    """Paragraphs of prose in another language: the Welsh half of a bilingual notice.

    A paragraph of ten words or more, mostly in small letters (prose, not a letterhead or
    a list of names), in which fewer than one word in twelve is an everyday English word,
    in a text that has a letter beyond ASCII somewhere.
    """
    return doc.memo(("other_language",), lambda: _other_language(doc))


def _other_language(doc) -> tuple[Span, ...]:
    body = doc.text[doc.body.start : doc.body.end]
    # Welsh, Polish, Urdu … all write letters beyond ASCII somewhere ('â', 'ŵ', 'ł'): a text with
    # none is not read paragraph by paragraph (nearly every invitation, at no cost).
    if body.isascii() or not any(ch.isalpha() for ch in set(body) if ord(ch) > 127):
        return ()
    english = words("english_word")
    # The commonest, counted fast: a paragraph with enough of these is English without reading it word by word.
    quick = (" the ", " and ", " to ", " you ", " we ", " of ", " for ", " your ", " in ", " on ", " is ", " or ", " at ", " by ")
    lowered = doc.lower_text
    found = []
    for start, end in paragraphs(doc.text, doc.body.start, doc.body.end):
        text = doc.text[start:end]
        rough = len(text.split())
        if rough < 10:
            continue
        # Most paragraphs are English and say so at once (" the ", " and " …): no need to read them word by word.
        part = " " + lowered[start:end].replace("\n", " ") + " "
        if 12 * sum(part.count(word) for word in quick) >= rough:
            continue
        tokens = PROSE_WORD_RE.findall(text)
        if len(tokens) < 10:
            continue
        lower = sum(token[0].islower() for token in tokens)
        common = sum(token.lower() in english for token in tokens)
        if 2 * lower >= len(tokens) and 12 * common < len(tokens):
            found.append(Span(start, end))
    return tuple(found)


# "3. Help shape our research" on a line of its own after a blank line: an item of a newsletter.
# The first line of the text is tried on its own (FIRST_ITEM_HEADING_RE), so that the search for the
# others opens with "\n", which re skips ahead to ("(?:\A|\n…)" was tried at every place).
ITEM_HEADING_RE = re.compile(r"\n[ \t]*\n[ \t]*(\d{1,2}[.)][ \t]+\S[^\n]{0,70})\n[ \t]*\S")
FIRST_ITEM_HEADING_RE = re.compile(r"[ \t]*(\d{1,2}[.)][ \t]+\S[^\n]{0,70})\n[ \t]*\S")


# "Join our Leaflet Readers' Group" as an HTML bulletin's heading reads: a short line of its own after a blank
# line, with no full stop or comma at its end, and text below it
PLAIN_HEADING_RE = re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*([^\s\d][^\n]{0,60}[^\s.,;:!?])[ \t]*\n(?:[ \t]*\n)?[ \t]*\S")
NEWSLETTER_RE = pattern("{vocab:newsletter_word}")


def newsletter_items(doc) -> tuple[Span, ...]:
    """The numbered items of a newsletter ("1. Singing for lung health … 4. Christmas card
    sale"), or the headed items of one that calls itself a newsletter or bulletin ("Patient
    Bulletin": "Flu jabs … Join our Readers' Group …"), each from its heading to the next:
    three or more, or none."""
    return doc.memo(("newsletter_items",), lambda: _newsletter_items(doc))


def _newsletter_items(doc) -> tuple[Span, ...]:
    own = region(doc)
    first = FIRST_ITEM_HEADING_RE.match(doc.text, 0, own.end) if own.start == 0 else None  # as "\A" found it
    starts = [first.start(1)] if first else []
    starts += [m.start(1) for m in ITEM_HEADING_RE.finditer(doc.text, first.end() if first else own.start, own.end)]
    if len(starts) < 3 and _calls_itself_a_newsletter(doc, own):
        starts = [m.start(1) for m in PLAIN_HEADING_RE.finditer(doc.text, own.start, own.end)]
    if len(starts) < 3:
        return ()
    return tuple(Span(a, b) for a, b in zip(starts, starts[1:] + [own.end]))


def _calls_itself_a_newsletter(doc, own) -> bool:
    """Its subject or its first line says it is a newsletter or bulletin."""
    first_line = doc.line_span(own.start)
    for span in (doc.subject, first_line):
        if span is not None and NEWSLETTER_RE.search(doc.text, doc.lowered, span.start, span.end) is not None:
            return True
    return False


# A Markdown heading of its own: "## 2. Focus group: leaving hospital" (a page of several opportunities)
MARKDOWN_HEADING_RE = re.compile(r"^[ \t]*#{1,4}[ \t]+\S[^\n]*$", re.M)


def headed_parts(doc) -> tuple[Span, ...]:
    """The parts of a page under its own headings ("## 1. Leaflet readers", "## 2. Focus group"), each from
    its heading to the next, or a newsletter's items: two or more, or none."""
    return doc.memo(("headed_parts",), lambda: _headed_parts(doc))


def _headed_parts(doc) -> tuple[Span, ...]:
    own = region(doc)
    starts = [m.start() for m in MARKDOWN_HEADING_RE.finditer(doc.text, own.start, own.end)] if "#" in doc.text else []
    if len(starts) >= 2:
        return tuple(Span(a, b) for a, b in zip(starts, starts[1:] + [own.end]))
    return newsletter_items(doc)

