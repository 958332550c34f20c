"""The Invitation: one message as its reader sees it, whatever format it came in.

Every loader turns its input into an :class:`Invitation`. The invitation's
``text`` is the *reader's view*: a few header lines (``From:``, ``Date:``,
``Subject:``, ``Attachments:``), a blank line, then the body. For a text or
Markdown draft the view is the file itself, so line numbers match the file;
for an email it is the message as a mail client would show it, so line numbers
count from its ``From:`` line. Rules search the view by offsets, and every
offset maps back to a 1-based line and column with :meth:`Invitation.position`,
and to where it is in the file with :meth:`Invitation.file_position`.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Callable

from . import cached_re as re  # re, compiling from the start-up cache
from datetime import datetime

from .fields import Fields, Record, replace
from .prefilter import CaseFree, case_free
from .suppressions import Suppressions

SCOPES = ("subject", "body", "signature", "all")


class Span(Fields):
    """A half-open range ``[start, end)`` of character offsets into the view."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end

    def __bool__(self) -> bool:
        return self.end > self.start


class Attachment(Fields):
    """A file attached to a message, or one a draft says is attached.

    - ``size``: bytes; None when only declared in a draft;
    - ``inline``: an inline image such as a logo, not a document;
    - ``text``: what a .docx, .pdf or text attachment says, when it could be read.
    """

    __slots__ = ("name", "content_type", "size", "inline", "text")

    def __init__(self, name: str, content_type: str = "application/octet-stream", size: int | None = None,
                 inline: bool = False, text: str | None = None) -> None:
        self.name, self.content_type, self.size, self.inline, self.text = name, content_type, size, inline, text

    @property
    def is_document(self) -> bool:
        """Something a reader would call 'the attachment': not an inline image, not empty."""
        if self.size == 0:
            return False
        return not (self.inline and self.content_type.startswith("image/"))


class Invitation(Record):
    """An invitation as read, ready for the rules (a plain class, not a dataclass: see fields.py)."""

    _fields = ("path", "source_format", "text", "body", "subject", "sender_span", "sender_name", "sender_address", "sent",
               "attachments", "attachments_declared", "html_links", "defects", "notes", "suppressions", "places",
               "find_places", "role_words", "_memo", "_line_starts", "_signature")
    _hidden = ("find_places", "_memo", "_line_starts", "_signature")  # left out of its repr

    def __init__(self, path: str, source_format: str, text: str, body: Span, subject: Span | None = None,
                 sender_span: Span | None = None, sender_name: str = "", sender_address: str = "",
                 sent: datetime | None = None, attachments: list[Attachment] | None = None,
                 attachments_declared: bool = True, html_links: list[str] | None = None, defects: list[str] | None = None,
                 notes: list[str] | None = None, suppressions: Suppressions | None = None, places: list | None = None,
                 find_places: Callable[[], list] | None = None, role_words: frozenset[str] = frozenset(),
                 _memo: dict | None = None, _line_starts: list[int] | None = None, _signature: Span | None = None) -> None:
        self.path = path
        self.source_format = source_format  # "email", "text", "markdown"
        self.text, self.body, self.subject = text, body, subject
        self.sender_span = sender_span  # the value of the From line, where there is one
        self.sender_name, self.sender_address, self.sent = sender_name, sender_address, sent
        self.attachments = [] if attachments is None else attachments
        # Drafts only know their attachments if they declare them.
        self.attachments_declared = attachments_declared
        # Web addresses in an email's HTML part when the body was read from its
        # plain-text part, which sometimes drops them.
        self.html_links = [] if html_links is None else html_links
        self.defects = [] if defects is None else defects
        self.notes = [] if notes is None else notes
        self.suppressions = Suppressions() if suppressions is None else suppressions
        # Where each line of the view is in the file (locate.Place), when the view is not the file itself;
        # or worked out by find_places when first needed (see file_position): only machine formats need it.
        self.places, self.find_places = places, find_places
        # Words the configuration marks as roles or teams (named-sender's role_words): the facts,
        # the rule and the reply all read the sender's name with them.
        self.role_words = role_words
        self._memo = {} if _memo is None else _memo
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]  # worked out afresh, always
        self._signature = _signature

    def __getstate__(self) -> dict:
        """For another process (a worker sending back a file it checked for the reader's report or HTML):
        where each line is in the file is worked out here, and the memo of shared work (which holds
        pattern matches, which cannot be sent) is left behind, to be worked out again if it is read."""
        self.file_position(0)  # finds the places now, if they are still to be found
        return {**self.__dict__, "find_places": None, "_memo": {}}

    def truncated(self, limit: int) -> "Invitation":
        """The invitation cut to its first ``limit`` characters, for rules that must finish in time."""
        def clip(span: Span | None) -> Span | None:
            return None if span is None else Span(min(span.start, limit), min(span.end, limit))

        return replace(self, text=self.text[:limit], body=clip(self.body), subject=clip(self.subject),
                       sender_span=clip(self.sender_span), _line_starts=[], _signature=None, _memo={})

    @property
    def links(self) -> list[str]:
        """The web addresses in the body, found when first asked for."""
        return self.memo(("links",), lambda: [self.text[start:end] for start, end in self.urls(self.body.start, self.body.end)])

    def urls(self, start: int = 0, end: int = sys.maxsize) -> list[tuple[int, int]]:
        """Where each web address is between start and end, as URL_RE.finditer(text, start, end) finds them.

        The whole text is searched once (over its lower-cased copy) and each part reads its share: an
        address that lies wholly in the part is found the same way in either search. Only when one runs
        across start or end (the part's own search would cut it short, or begin inside it) is the part
        searched on its own."""
        spans = self._memo.get(("urls",))
        if spans is None:
            spans = self._memo[("urls",)] = [m.span() for m in URL_FAST.finditer(self.text, self.lowered)]
        if any(s < start < e or s < end < e for s, e in spans):
            return [m.span() for m in URL_RE.finditer(self.text, start, end)]
        return [(s, e) for s, e in spans if start <= s and e <= end]

    @property
    def lower_text(self) -> str:
        """The text in lower case, made once."""
        text = self._memo.get(("lower",))  # read by nearly every search: no call to memo()
        if text is None:
            text = self._memo[("lower",)] = case_free(self.text)
        return text

    @property
    def lowered(self) -> str | None:
        """The lower-cased text when that keeps every offset (it nearly always does)."""
        text = self._memo.get(("lower",)) or self.lower_text
        return text if len(text) == len(self.text) else None

    def contains_any(self, words: frozenset[str]) -> bool:
        """Does the lower-cased text contain any of these strings? Remembered: many patterns need the same words."""
        known = self._memo.get(words)
        if known is None:
            lowered = self.lower_text
            known = self._memo[words] = any(word in lowered for word in words)
        return known

    def memo(self, key: tuple, compute):
        """Work several rules share (the dates in the text, say), done once per invitation."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # -- positions --------------------------------------------------------

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset into the view."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    @property
    def has_places(self) -> bool:
        """Are the view's lines elsewhere in the file (so that file_position has work to do)?"""
        return bool(self.places) or self.find_places is not None

    def file_position(self, offset: int) -> tuple[int, int, str]:
        """Where a character of the view is in the file: (line, column, how); see ``locate.POSITIONS``."""
        line, column = self.position(offset)
        if self.source_format == "docx":
            return line, column, "paragraph"
        if self.source_format == "outlook":
            return line, column, "message"
        if self.find_places is not None:  # found now, when first asked for
            find, self.find_places = self.find_places, None
            try:
                self.places = find()
            except Exception:  # noqa: BLE001 (a report is being written: the view's own lines are the fallback)
                self.places = None
        places = self.places
        if not places or line > len(places):
            return line, column, "line"
        place = places[line - 1]
        if place.how != "line":
            return place.line, 1, place.how
        return (*place.at(column), "line")

    def line_span(self, offset: int) -> Span:
        """The whole line holding ``offset``, without its newline."""
        line, _ = self.position(offset)
        # The next line's start, not a search for the newline: on one long line of many dates
        # each search ran to the line's end, and the work grew with the square of the line.
        starts = self._line_starts
        return Span(starts[line - 1], starts[line] - 1 if line < len(starts) else len(self.text))

    # -- parts ------------------------------------------------------------

    @property
    def subject_text(self) -> str:
        return self.text[self.subject.start : self.subject.end] if self.subject else ""

    @property
    def body_text(self) -> str:
        return self.text[self.body.start : self.body.end]

    @property
    def message_end(self) -> int:
        """Where the sender's own words end: before any quoted earlier message (found once)."""
        return self.memo(("message_end",), self._find_message_end)

    def _find_message_end(self) -> int:
        start, end, lower = self.body.start, self.body.end, self.lowered
        if (lower is not None and self.text.find("--", start, end) < 0 and self.text.find("\n>", start, end) < 0
                and lower.find("wrote:", start, end) < 0):
            return end  # every match has "--", "\n>" or "wrote:" (re tried the pattern at every place)
        for match in QUOTED_THREAD_RE.finditer(self.text, start, end):
            if match.group().startswith(">") and own_prose_follows(self.text, match.start(), self.body.end):
                continue  # a quote box on a web page, or a passage quoted in the middle: the sender's words go on
            return match.start()
        return self.body.end

    @property
    def signature(self) -> Span:
        if self._signature is None:
            forward = forwarded_marker(self.text, self.body.start, self.message_end)
            start = forward.end() if forward else self.body.start
            self._signature = find_signature(self.text, Span(start, self.message_end))
        return self._signature

    def spans(self, scope: str) -> list[Span]:
        """The parts of the view a rule with this scope reads."""
        if scope == "subject":
            return [self.subject] if self.subject else []
        if scope == "body":
            return [self.body]
        if scope == "signature":
            return [self.signature] if self.signature else []
        return ([self.subject] if self.subject else []) + [self.body]


# (?=[hw][tw][tw]): the three letters every address begins with ("htt", "www"), so that re turns
# down at once the many places that begin with only one of them
URL_RE = re.compile(r"(?=[hw][tw][tw])(?:https?://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]", re.I)
# The same addresses over the lower-cased text, where re skips straight to an "h" or a "w" and a text
# without "http" or "www." is not searched at all (see CaseFree)
URL_FAST = CaseFree(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]")
# The part before the @ is at most 64 characters (RFC 5321). The bound is a window:
# unbounded, every start in a long run such as 'a.b-a.b-…' scanned to its end.
EMAIL_RE = re.compile(r"\b[\w.+'-]{1,64}@[\w-]+(?:\.[\w-]+)+\b")


def email_matches(text: str, start: int = 0, end: int = sys.maxsize):
    """EMAIL_RE.finditer(text, start, end), begun where a match can first begin: a match has
    its "@" within 65 characters of its start, so none begins more than 64 before the first "@"."""
    at = text.find("@", start, end)
    if at < 0:
        return iter(())
    return EMAIL_RE.finditer(text, max(start, at - 64), end)

PHONE_RE = re.compile(r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")

# "---------- Forwarded message ---------" (Gmail, Outlook) or "Begin forwarded message:" on a line of
# its own (Apple Mail): what follows is the invitation that was forwarded, judged as the invitation
# (its sign-off is the sign-off; the forwarder's note is not).
FORWARDED_RE = re.compile(r"^[ \t>]*(?:-{2,}[ \t]*(?:Forwarded message|Begin forwarded message)|Begin forwarded message:[ \t]*$)", re.M | re.I)


def forwarded_marker(text: str, start: int, end: int):
    """FORWARDED_RE.search(text, start, end), run only where the text has "orwarded message", as every
    match does (re tries the pattern at every place, and few invitations are forwards)."""
    if text.find("orwarded message", start, end) < 0 and text.find("ORWARDED MESSAGE", start, end) < 0:
        return None
    return FORWARDED_RE.search(text, start, end)

# The start of an earlier message quoted below the sender's own words.
QUOTED_THREAD_RE = re.compile(
    r"^(?:-{2,}\s*Original Message\s*-{2,}"
    r"|On .{5,120}wrote:\s*$"
    r"|>.*\n>)",
    re.M | re.I,
)

# A line of the sender's own prose: not quoted, and long enough to be a sentence rather than a
# mailing list's footer or a signature line.
OWN_PROSE_LINE_RE = re.compile(r"^[ \t]*[^>\s][^\n]{59,}$", re.M)
QUOTED_LINE_RE = re.compile(r"^>[^\n]*(?:\n|$)", re.M)


def own_prose_follows(text: str, start: int, end: int) -> bool:
    """Does a line of unquoted prose follow the run of '>' lines at ``start``?

    In a reply, the quoted earlier message runs to the end (a short sign-off or list footer at
    most). A Markdown quote box ('> **Next meeting: …**') or a passage quoted in the middle of a
    message has the sender's own words after it.
    """
    position = start
    while (line := QUOTED_LINE_RE.match(text, position, end)) is not None and line.end() > position:
        position = line.end()
    return OWN_PROSE_LINE_RE.search(text, position, end) is not None


VALEDICTION_RE = re.compile(
    r"^[ \t]*(?:(?:with\s+)?(?:very\s+|many\s+|kind(?:est)?\s+|warm(?:est)?\s+|best\s+|good\s+)*"
    r"(?:regards|wishes|thanks|thank\s+you|cheers)"
    r"|yours(?:\s+(?:sincerely|faithfully|truly))?"
    r"|sincerely|best|all\s+the\s+best|take\s+care|love|(?:thanks|thank\s+you)\s+again"
    r"|(?:speak|talk)\s+(?:to\s+you\s+)?soon|see\s+you\s+(?:soon|there|then)|hope\s+to\s+see\s+you(?:\s+there)?)"
    r"[ \t]*[,.!]?[ \t]*(?P<rest>[^\n]*)$",
    re.I | re.M,
)


SIGNATURE_LINE_MAX = 100  # characters: longer lines are prose, not a sign-off


def find_signature(text: str, span: Span) -> Span:
    """The sign-off block at the end of the sender's words.

    From the last valediction ("Kind regards", "Best wishes" …) to the end; or
    from a ``-- `` delimiter; otherwise the short lines at the end, at most six.
    """
    last = None
    for match in VALEDICTION_RE.finditer(text, span.start, span.end):
        # A valediction line is short; "Thanks to everyone who came last year" is not one.
        if len(match.group("rest")) <= 40:
            last = match
    if last is not None:
        return Span(last.start(), span.end)
    delimiter = None
    for match in re.finditer(r"^-- ?$", text[span.start : span.end], re.M):
        delimiter = match
    if delimiter is not None:
        return Span(span.start + delimiter.start(), span.end)
    # Otherwise the short lines at the end, up to six: a sign-off is short lines, and the
    # long one-line paragraphs of a page pasted from a website are not one.
    start, kept, position = None, 0, span.end
    while kept < 6 and position > span.start:
        line_start = text.rfind("\n", span.start, position - 1) + 1 if position - 1 > span.start else span.start
        line_start = max(line_start, span.start)
        line = text[line_start:position].strip()
        if line:
            if len(line) > SIGNATURE_LINE_MAX:
                break
            start, kept = line_start, kept + 1
        position = line_start
    return Span(span.end, span.end) if start is None else Span(start, span.end)


def render(headers: list[tuple[str, str]], body: str) -> tuple[str, dict[str, Span], Span]:
    """Build the reader's view from header lines and a body.

    Returns the text, the span of each header's value and the span of the body.
    """
    parts: list[str] = []
    spans: dict[str, Span] = {}
    offset = 0
    for name, value in headers:
        value = " ".join(value.split())
        line = f"{name}: {value}\n"
        spans[name] = Span(offset + len(name) + 2, offset + len(line) - 1)
        parts.append(line)
        offset += len(line)
    if parts:
        parts.append("\n")
        offset += 1
    parts.append(body)
    return "".join(parts), spans, Span(offset, offset + len(body))
