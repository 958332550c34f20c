"""How far a send date can be believed.

A send date (from --sent, the configuration, a draft's Date line or an email's Date
header; read by ``dates.parse_written_date``) must fall in a believable range of
years: a Date header of 9999 would otherwise overflow when notice is counted, and
one of 0001 would be read as 2001.
"""

from __future__ import annotations

from . import cached_re as re  # re, compiling from the start-up cache
from .vocabulary import fragment

FIRST_YEAR, LAST_YEAR = 1900, 2999
YEARS = f"{FIRST_YEAR} to {LAST_YEAR}"


def believable(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


_TOKENS_RE = re.compile(r"[\s,]+")
_LONG_NUMBER_RE = re.compile(r"\d{3,}")


def written_year(header: str) -> int | None:
    """The year as written in a Date header ('Fri, 01 Jan 0001 …' -> 1), which the email
    library would turn into 2001; None when no year of three or more digits is written."""
    for token in _TOKENS_RE.split(header[:200]):
        if _LONG_NUMBER_RE.fullmatch(token):
            return int(token)
    return None


# A draft's send date written in its text rather than in a header at the top: "Date: 4 December
# 2026" under a heading, "Received: Mon 11 Jan 2027, 09:12" in a copied text message, "Sent: …" at
# the bottom of a letter. The value is a whole date with its year.
SENT_LINE_RE = re.compile(
    r"^[ \t>*_]*(?P<label>Date|Dated|Sent|Received)[*_]*:[*_ \t]*(?P<value>[^\n]{6,60}?)[ \t*_]*$", re.M | re.I)
YEAR_RE = re.compile(r"\b(?:19|2\d)\d\d\b")
CLOCK_RE = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)\b|\b\d{1,2}[:.]\d\d\b", re.I)
# An earlier message quoted below the draft's own words: Outlook's line of underscores over its From: line,
# or "-----Original Message-----". The Sent: or Date: line under it is when that earlier message went.
QUOTED_MESSAGE_RE = re.compile(r"^[ \t]*(?:_{10,}[ \t]*\n[ \t>*]*From[*_]*:|-{2,}[ \t]*Original Message[ \t]*-{2,})", re.M | re.I)
# "Date: Wednesday 3 February 2027" beside "Time:" or "Where:" is when the meeting is, not when it was sent.
EVENT_LABEL_RE = re.compile(r"^[ \t>*_-]*(?:time|times|when|where|venue|place|location|address)[*_]*:", re.I)


# A copied text message's time stamp on a line of its own near the top, under the sender's name:
# "Mon 25 Jan 2027, 18:02". One clock time in 24 hours and nothing else: an event's line gives a
# range or am/pm ("Saturday 20 February 2027, 10am to 1pm").
STAMP_LINE_RE = re.compile(
    r"^[ \t]*(?P<value>(?:[A-Z][a-z]{2,8},?[ \t]+)?\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+(?:19|2\d)\d\d)"
    r",?[ \t]+(?:at[ \t]+)?(?:[01]?\d|2[0-3]):[0-5]\d[ \t]*$", re.M)
STAMP_LINES = 4  # the stamp is among the first lines of the text


def stamp_line(text: str, start: int = 0):
    """(the send date, where its value starts) from a copied text message's time stamp line among
    the first lines, or None."""
    from .dates import parse_written_date

    head_end = start
    for _ in range(STAMP_LINES):
        head_end = text.find("\n", head_end) + 1
        if head_end == 0:
            head_end = len(text)
            break
    match = STAMP_LINE_RE.search(text, start, head_end)
    if match is None:
        return None
    try:
        when = parse_written_date(match["value"], fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return (when, match.start("value")) if believable(when.year) else None


# A letter's own date: a date alone on its line near the top, under the letterhead and above the greeting
# ("4 November 2026", "Wednesday 4th November 2026", "04/11/2026"). A date alone further down, or with no
# greeting after it, is an event's ("Please join us on:\n\n10 November 2026").
LETTER_DATE_LINE_RE = re.compile(
    r"^[ \t]*(?P<value>(?:[A-Z][a-z]{2,8}\.?,?[ \t]+)?(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+(?:19|2\d)\d\d"
    r"|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+(?:19|2\d)\d\d|\d{1,2}[/.]\d{1,2}[/.](?:19|2\d)\d\d))[ \t]*$", re.M)
LETTER_HEAD_LINES = 15  # the date is among the letter's first lines …
GREETING_WITHIN_LINES = 10  # … and its greeting ("Dear Ms Whitaker") soon after it
_GREETING_LINE_RE = re.compile(rf"^[ \t]*(?:{fragment('greeting_word')})\b", re.I | re.M)


def letter_date_line(text: str, start: int = 0):
    """(the send date, where its value starts) from a letter's own date line under its letterhead, or None."""
    from .dates import parse_written_date

    lines = text[start:].split("\n", LETTER_HEAD_LINES + GREETING_WITHIN_LINES)[: LETTER_HEAD_LINES + GREETING_WITHIN_LINES]
    offset = start
    for index, line in enumerate(lines[:LETTER_HEAD_LINES]):
        if _GREETING_LINE_RE.match(line):
            return None  # the letter has begun: a date below the greeting is not the letter's
        match = LETTER_DATE_LINE_RE.match(line)
        if match and any(_GREETING_LINE_RE.match(after) for after in lines[index + 1 : index + 1 + GREETING_WITHIN_LINES]):
            try:
                when = parse_written_date(match["value"], fuzzy=True)
            except (ValueError, OverflowError):
                return None
            return (when, offset + match.start("value")) if believable(when.year) else None
        offset += len(line) + 1
    return None


# A web page's own date among its first lines: "**Posted 17 November 2026 | News | Larkfield Hospice**",
# "Published on: 3 May 2026". A page pasted or drafted for the web is sent when it is posted.
POSTED_LINE_RE = re.compile(
    rf"^[ \t>*_#]*(?:{fragment('posted_label')})[*_]*:?[*_ \t]*(?P<value>[^\n|]{{6,40}}?)(?=[ \t*_]*(?:[|\u2022\u00b7]|$))",
    re.M | re.I)
POSTED_LINES = 6


def posted_line(text: str, start: int = 0):
    """(the send date, where its value starts) from a web page's 'Posted …' or 'Published …' line among
    its first lines, or None."""
    from .dates import parse_written_date

    head_end = start
    for _ in range(POSTED_LINES):
        head_end = text.find("\n", head_end) + 1
        if head_end == 0:
            head_end = len(text)
            break
    match = POSTED_LINE_RE.search(text, start, head_end)
    if match is None or not YEAR_RE.search(match["value"]):
        return None
    try:
        when = parse_written_date(match["value"].strip(" *_"), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return (when, match.start("value")) if believable(when.year) else None


def written_sent_line(text: str, start: int = 0):
    """(the send date, where its value starts) from a 'Date:', 'Sent:' or 'Received:' line in a
    draft's text, or None.

    'Sent:' and 'Received:' say when the message went. 'Date:' does too, unless the line
    gives a time of day or sits within two lines of a 'Time:', 'When:' or 'Where:' line: then
    it is the date of the meeting. A line in an earlier message quoted below is that message's.
    """
    from .dates import parse_written_date

    lines = text.split("\n")
    quoted = QUOTED_MESSAGE_RE.search(text, start)
    for match in SENT_LINE_RE.finditer(text, start, quoted.start() if quoted else len(text)):
        value = match["value"].strip(" *_")
        if not YEAR_RE.search(value):
            continue
        if match["label"].lower() in ("date", "dated"):
            if CLOCK_RE.search(value):
                continue
            row = text.count("\n", 0, match.start())
            if any(EVENT_LABEL_RE.match(line) for line in lines[max(0, row - 2) : row + 3]):
                continue
        try:
            when = parse_written_date(value, fuzzy=True)
        except (ValueError, OverflowError):
            continue
        if believable(when.year):
            return when, match.start("value")
    return None
