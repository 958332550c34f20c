"""Dates and deadlines in prose, resolved against the date a message was sent.

British conventions come first: ``12/06/2023`` is 12 June (``12/25/2026``, which
can only be American order, is 25 December). A date written without a year is the
next such date from YEARLESS_PAST_WEEKS before the send date, so one a few days
before it has passed; a bare weekday ("the closing date is Sunday", "by Friday") is
the next such day after it.
Phrases that give no real time at all ("by close of play", "today",
"within 48 hours", "as soon as possible") are found separately, as *instant*
deadlines.

Everything here is pure: text and a send date in, :class:`DateMention` out.
The patterns are explicit rather than dateutil's fuzzy parser, which fills in
missing parts from today and reads stray numbers as days; python-dateutil reads
the whole dates given on their own (a Date header, --sent).
"""

from __future__ import annotations

import bisect
import calendar
from itertools import chain
from . import cached_re as re  # re, compiling from the start-up cache
from datetime import date, datetime, timedelta

from .fields import Fields
from .spans import Taken
from .prefilter import CaseFree, case_free, lowered
from .vocabulary import expand, listed, pattern


def _numbered(name: str, first: int) -> dict[str, int]:
    """Each name in a vocabulary list of calendar names, by its first three letters, numbered from first."""
    return {word[:3]: number for number, word in enumerate(listed(name), first)}


_MONTH_NUMBERS = _numbered("month_name", 1)  # "jan": 1 … "dec": 12
_MONTH_SHORT_NAMES = set(_MONTH_NUMBERS) | {"sept"}  # "jan" … "dec": a month's name cut short (and "may")
_WEEKDAY_NUMBERS = _numbered("weekday", 0)  # "mon": 0 … "sun": 6


def month_number(name: str) -> int:
    """'March', 'mar.' and 'Sept' give 3, 3 and 9."""
    return _MONTH_NUMBERS[case_free(name).rstrip(".")[:3]]


def weekday_number(name: str) -> int:
    """'Tuesday', 'tues.' and 'Thurs' give 1, 1 and 3 (Monday is 0)."""
    return _WEEKDAY_NUMBERS[case_free(name).rstrip(".")[:3]]


_NUMBER_NAMES = listed("number_name")  # "one" … "thirty", in order


def count_number(word: str) -> int:
    """'3', 'three' and 'twenty-one' give 3, 3 and 21; 'a' and 'an' give 1."""
    word = case_free(word)
    return int(word) if word.isdigit() else _NUMBER_NAMES.index(word) + 1 if word in _NUMBER_NAMES else 1


# A full name ends at its last letter ("on 12 March." ends before the full stop); a short
# form may take a point ("12 Sept.", "Tues.").
_MONTH = r"(?P<month>{vocab:month_name}|{vocab:month_abbreviation}\.?)"
_WEEKDAY = r"(?P<weekday>{vocab:weekday}|{vocab:weekday_abbreviation}\.?)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# "12-14 March" (a range: read as its first day), "12th & 19th Jan" (two days: read as both)
_RANGE = rf"(?:\s*(?P<link>{{vocab:day_range_link}})\s*(?P<second>\d{{1,2}}){_ORD})?"

# The day-and-month patterns start at the digits or the month name, where the
# regex engine can jump straight to candidates; a weekday just before ("Monday
# 12 June") is looked for afterwards, in the few characters before the match.
# A leading (?=\d) lets Python's engine skip to the next digit instead of trying
# the look-behind at every position: half the time.
DAY_MONTH_RE = pattern(
    rf"(?=\d)(?<![\w/])(?P<day>\d{{1,2}}){_ORD}{_RANGE}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?![\w/])", 0
)
MONTH_DAY_RE = pattern(
    rf"\b{_MONTH}\s+(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}(?!\d|:)(?:,?\s+{_YEAR})?\b", 0
)
# A list of days before a day and its month, each perhaps with its weekday: "(the 3rd, )10th and 17th of March",
# "(Tuesday 3, Wednesday 4 and )Thursday 5 March"; matched on a window ending where the date starts
_LISTED_DAY = r"(?:(?:{vocab:weekday}|{vocab:weekday_abbreviation})\.?,?\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?"
DAY_LIST_BEFORE_RE = pattern(rf"(?<![\w/.£$€:-])(?:{_LISTED_DAY}(?:{{vocab:day_list_link}})){{1,8}}$", 0)
DAY_LIST_CHARS = 120
# … or after a month and its day: "Jan 12th & 19th", "March 3rd, 10th and 17th" (each with its ordinal: "May 12, 14 people" is none)
DAY_LIST_AFTER_RE = pattern(
    r"(?:(?:{vocab:day_list_link})(?:(?:{vocab:weekday}|{vocab:weekday_abbreviation})\.?,?\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b){1,8}", 0)
# Cheap tests of whether a list may be there at all (a comma, "&", "and" or "or" beside the date), before the patterns above
_LIST_LINK_BEFORE_RE = re.compile(r"(?:[,&]|\band|\bor)\s*$", re.I)
_LIST_LINK_AFTER_RE = re.compile(r"\s*(?:[,&]|and\b|or\b)", re.I)
LISTED_DAY_RE = pattern(r"(?:(?P<weekday>{vocab:weekday}|{vocab:weekday_abbreviation})\.?,?\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?", 0)
# "3rd March 2027 (Wednesday)": the weekday may follow, in brackets
WEEKDAY_IN_BRACKETS_RE = pattern(rf"[ \t]*\({_WEEKDAY}\)", 0)
WEEKDAY_BEFORE_RE = pattern(rf"\b{_WEEKDAY},?\s+(?:the\s+)?$", 0)
# "Thursday 5 – Friday 6 June", "Tues 5th & Weds 6th January": the first day takes the month (and year) after the second
FIRST_OF_TWO_DAYS_RE = pattern(
    rf"\b{_WEEKDAY},?\s+(?:the\s+)?(?P<first>(?P<day>\d{{1,2}}){_ORD})\s*(?:{{vocab:day_range_link}})\s*"
    rf"(?:(?:{{vocab:weekday}}|{{vocab:weekday_abbreviation}})\.?,?\s+)?(?:the\s+)?(?P<second>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?![\w/])", 0)
# "14 Jan 27", "5 June '27": two digits after a month's short name (or after an apostrophe) are its year, unless they are
# an hour ("14 Jan 10:30", "14 Jan 10-12") or a count ("14 Jan 27 people")
SHORT_YEAR_AFTER_RE = re.compile(r",?[ \t]+(?P<year>['’]\d{2}|\d{2}(?![\w:]|\.\d|[ \t]*(?:[-–—]|to\b)[ \t]*\d|[ \t]+(?!at\b)[A-Za-z]))")
# Dates that begin with their day's digits, found in one pass (where re skips ahead to digits):
# - "12/06/2023", "12.6.23", "12-06-2023": all in numbers, day first;
# - "12-May-2027", "12/May/27": a month's name between dashes or slashes, with its year;
# - "by 12/5", "Wed 12/5", "Date: 20/12": a day and month without a year, read only after a word like
#   "by" or a weekday ("24/7" and "1/2 of" are no dates);
# - "by the 12th", "the closing date is the 20th of next month": a day of the month with no month
#   ("the" is looked for just before).
DIGITS_FIRST_RE = pattern(
    r"(?=\d)(?<![\w/.])(?:(?<!-)(?P<numeric>\d{1,2})(?P<sep>[/.\-])(?P<number_month>\d{1,2})(?P=sep)(?P<number_year>\d{4}|\d{2})(?![\d/]|\.\d)"
    rf"|(?<!-)(?P<dashed>\d{{1,2}})[-/]{_MONTH}[-/](?P<year>\d{{4}}|\d{{2}})(?![\w/]|[.\-]\d)"
    r"|(?<![-£$])(?!24/7\b)(?P<day>\d{1,2})/(?P<month_number>\d{1,2})(?![\w/%]|[.,]\d|[ \t]+(?:of|days?|hours?|hrs?|weeks?|months?|years?)\b)"
    r"|(?P<nth>\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?P<which>this|next|the)\s+month)?\b(?![ \t]+(?!at\b|by\b)[a-z]))", 0)
# "12th and 19th January" names two days; "12-14" and "12 to 14" a range, "1st or 2nd" a choice (read as the first)
_TWO_DAYS_LINKS = {"and", "&"}
THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.I)
SHORT_DATE_LEAD_RE = pattern(r"\b(?:{vocab:short_date_lead})\s*$", 0)
ISO_RE = re.compile(r"(?=\d)(?<![\d/-])(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d/-])")
# A weekday may open a bracket: "tmrw (Fri 4th)".
# "Saturdays", "Monday to Friday" and "on Saturday mornings" recur: they are not one date
_WEEKDAY_AFTER = r"\b(?!s\b|\s*(?:{vocab:day_range_link})\s*(?:{vocab:weekday_abbreviation})|\s+(?:{vocab:part_of_day})s\b)"
WEEKDAY_RE = pattern(r"(?<=\s|:|\()(?P<weekday>{vocab:weekday})" + _WEEKDAY_AFTER, 0)
# A short name counts with its capital only ("by Tues", "on Sat"; not "on the sun deck"):
# matched in the text as written, only where str.find has found "Mon", "Tue" … (a regex
# scan for the capitals cost as much as the scan for the full names).
_SHORT_WEEKDAYS = [name[:1].upper() + name[1:] for name in listed("weekday_abbreviation")]
_SHORT_WEEKDAY_STEMS = sorted({name[:3] for name in _SHORT_WEEKDAYS})
# "sponsored by Sun Life": a short name before a capitalised word is part of a name.
SHORT_WEEKDAY_RE = re.compile(
    r"(?<=\s|:|\()(?P<weekday>" + "|".join(_SHORT_WEEKDAYS) + ")(?i:" + expand(_WEEKDAY_AFTER) + r")(?![ \t]+[A-Z][a-z])"
)


def _short_weekdays(text: str, start: int, end: int):
    """SHORT_WEEKDAY_RE's matches in text[start:end], in no particular order."""
    for stem in _SHORT_WEEKDAY_STEMS:
        at = text.find(stem, start, end)
        while at != -1:
            found = SHORT_WEEKDAY_RE.match(text, at, end)
            if found:
                yield found
            at = text.find(stem, at + 3, end)


# "by Tuesday 3rd": a weekday and a day of the month, with no month; "Tuesday 2nd and
# Wednesday 3rd March" leaves the first to the month that follows.
# "Tuesday 3rd", "Tuesday the 3rd", "Tuesday (8th)"
DAY_AFTER_WEEKDAY_RE = re.compile(r"\.?,?\s+\(?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)\b\)?", re.I)
MONTH_SOON_AFTER_RE = pattern(r"(?:[^.!?\n]|\n(?![ \t]*\n)){0,40}?\b(?:{vocab:month})\b", 0)
# "on Tuesday in the week commencing 8 March", "by Friday, w/c 30 November": the weekday of that week
WEEK_OF_AFTER_RE = pattern(r",?[ \t]+(?:in[ \t]+)?(?:the[ \t]+)?(?:{vocab:week_of})[ \t]+", 0)
# "this sat (5th)": a short weekday in small letters, just before a day of the month (looked for only there)
LOWER_SHORT_WEEKDAY_BEFORE_RE = re.compile(
    r"(?<![\w])(?P<weekday>" + "|".join(listed("weekday_abbreviation")) + r")\.?,?[ \t]+\(?$")
# "every Friday", "the first Tuesday of the month": a pattern of days, not one date
STREET_AFTER_RE = pattern(r"[ \t]+{vocab:street_word}\b", 0)  # "2 May Street" is an address
RECURRING_BEFORE_RE = pattern(r"\b(?:{vocab:recurring_lead})\s+(?:the\s+)?$", 0)
# A bare weekday counts only after words like these: "by Friday", "closing date is Sunday", "Date: Monday".
WEEKDAY_LEAD_RE = pattern(r"(?:\b(?:{vocab:weekday_lead})\s+(?:(?:the|this)\s+)?(?:coming\s+)?|:\s*)$", 0)
# A time of day may stand between: "by 5pm Friday", "by 12 noon Friday", "by midnight on Sunday".
TIME_BEFORE_RE = pattern(r"(?:\b\d{1,2}\s*)?(?:{vocab:clock_time}|\bmidnight)[\s,]+(?:on\s+)?$", 0)
# "a week on Friday", "Friday week": the Friday after the coming one
# "this Friday" in an email sent on a Friday is that day ("this coming Friday" and "by Friday" are a week on)
THIS_BEFORE_RE = re.compile(r"\bthis\s+$", re.I)
# "next Friday" in an email sent on a Wednesday: many UK readers take the Friday of next week, others the
# coming one; it is read as the Friday of next week, and dates-consistent asks for the date
NEXT_BEFORE_RE = re.compile(r"\bnext\s+$", re.I)
A_WEEK_ON_RE = re.compile(r"\ba\s+(?P<unit>week|fortnight)\s+on\s+$", re.I)
WEEK_AFTER_RE = re.compile(r"[ \t]+week\b", re.I)
NEXT_WEEK_AFTER_RE = re.compile(r",?[ \t]+(?:of[ \t]+)?next[ \t]+week\b", re.I)  # "by Friday next week", "Friday of next week"
_COUNT = r"(?P<count>\d{1,3}|an?|{vocab:number_name})"
_UNIT = r"(?:working\s+|calendar\s+|business\s+)?(?P<unit>days?|weeks?|fortnights?)"
RELATIVE_RES = [
    # "within five working days of the call" counts from another day, not from the day it was sent
    pattern(rf"\bwithin\s+(?:the\s+next\s+)?{_COUNT}\s+{_UNIT}\b(?!\s+(?:of|after)\s+(?!(?:this|receiving|getting|today)\b))", 0),
    pattern(rf"\bin\s+{_COUNT}\s+{_UNIT}(?:['’]s?)?\s+time\b", 0),
    # "reply in two weeks", "in a fortnight": weeks only ("delivered in two days" is how long something takes;
    # "in a week or two" is no day at all)
    pattern(rf"\bin\s+(?:the\s+next\s+)?{_COUNT}\s+(?P<unit>weeks?|fortnights?)\b(?!['’]|\s+time\b|\s+(?:of|after|before|or)\b)", 0),
    CaseFree(r"\b(?:within|in)\s+(?:the\s+next\s+)?(?P<count>)(?P<unit>fortnight)\b"),
]
# "by the end of next week", "the deadline is the end of this month", "by the end of January": without "by"
# or "before", read only after a word like "deadline is" (as a bare weekday is)
END_OF_RE = pattern(
    r"\bend\s+of\s+(?:(?P<which>this|the|next)\s+(?P<unit>week|month)"
    r"|(?P<month>{vocab:month_name}|{vocab:month_abbreviation}\.?)(?:,?\s+(?P<year>\d{4}))?)\b", 0)
# "twice in four weeks", "six sessions in six weeks": how often, not a date
HOW_OFTEN_BEFORE_RE = pattern(r"\b(?:once|twice|times|(?:{vocab:event_noun})s?)\s+$", 0)
BY_THE_BEFORE_RE = re.compile(r"\b(?:(?P<by>by|before)\s+)?(?:the\s+)?$", re.I)  # looked for just before "end of"

# Phrases that ask for a reply with no real time allowed (vocabulary: close_of_play, asap …).
# Each is its own pattern, tried in this order: where two cover the same words, the first keeps them.
INSTANT_RES = [
    pattern(r"\b(?:by|before|until|no\s+later\s+than)\s+(?:(?:{vocab:instant_hour})\s+)?(?:{vocab:instant_day})\b", 0),
    pattern(r"\b{vocab:close_of_play}\b", 0),
    pattern(r"\b{vocab:end_of_day}\b", 0),
    pattern("{vocab:close_of_play_letters}", 0),
    pattern(r"\b{vocab:by_return}\b", 0),
    pattern(r"\b{vocab:within_hours}\b", 0),
    pattern(r"\b(?:{vocab:demand_verb})\b(?:[^.!?\n]|\n(?![ \t]*\n)){0,60}?\b(?P<phrase>{vocab:asap})", 0),
    pattern(r"\b(?P<phrase>{vocab:asap_short})\b\s*,?\s*(?:please\b|[.!]?\s*$)", re.M),
    # … and "Please reply by midday.", "confirm by 5pm": an hour and no day is today's (unless its paragraph names a day: see _HOUR_ONLY)
    pattern(r"\b(?:{vocab:answer_verb})\b(?:[^.!?\n]|\n(?![ \t]*\n)){0,40}?\b(?P<phrase>{vocab:instant_day}\b"
            r"|(?P<hour>(?:by|before|no\s+later\s+than)\s+(?:{vocab:instant_hour}))(?=[ \t]*(?:[.!]|$)))", re.M),
    pattern(r"\b(?:{vocab:meeting_word})\s+(?:is|will\s+be|takes\s+place|starts)\s+(?P<phrase>{vocab:relative_day})\b", 0),
]
# "The closing date is 20 November. Send it by 5pm.": the hour is that day's (looked for in the paragraph before the hour)
_DAY_NAMED_RE = pattern(r"\b(?:{vocab:month}|{vocab:weekday}|{vocab:weekday_abbreviation})\b|\b\d{1,2}/\d{1,2}\b", 0)
_PARAGRAPH_START_RE = re.compile(r"\n[ \t]*\n")
# These two find a day near a word such as "reply" or "meeting"; when the day's time of day follows ("tonight,
# 6pm to 8pm", "this evening at 7"), it is when something happens, not how soon to answer ("reply by 5pm tonight"
# and "reply tonight" are still demands).
_DAY_OF_AN_EVENT = set(INSTANT_RES[-2:])
EVENT_TIME_AFTER_RE = pattern(
    r"[ \t]*,?[ \t]*(?:(?:at|from)[ \t]+)?(?:{vocab:time_range}|{vocab:clock_time})"
    r"|[ \t]*,?[ \t]*(?:at|from)[ \t]+\d{1,2}\b(?![:.]?\d)(?=[ \t]*(?:$|[^\w \t%]|(?:on|in|at|for|sharp|prompt|until|till|to|when)\b))", re.M)
_OUR_PROMISE_RE = pattern("{vocab:our_promise}", 0)
# Matched only where a promise ends, and a promise is looked for in the 200 characters
# before a demand, so its leading \s+ runs at most that far.
_POLITE_ASK_RE = pattern("{vocab:polite_ask}", 0)
_SENTENCE_START_RE = re.compile(r"(?:[.!?]\s|\n\s*\n|^)", re.M)

# A date after these words is history or paperwork, not something to act on (vocabulary: history_lead).
# A span of time after these words, in the same sentence, is a promise of payment (vocabulary: payment_promise,
# thank_you_promise).
_PAYMENT_PROMISE_RE = pattern(r"\b(?:{vocab:payment_promise}|{vocab:thank_you_promise})\b(?:[^.!?\n]|\n(?![ \t]*\n)){0,60}$", 0)
# A number straight after a reference label is the reference, not a date: "Case no. 12/05/27", "Ticket #12/05/27"
# (vocabulary: reference_label)
_REFERENCE_BEFORE_RE = pattern(r"\b(?:{vocab:reference_label})\.?(?:[ \t]*(?:no\b\.?|number\b|#))?[ \t]*:?[ \t]*#?$", 0)
_NOT_A_DEADLINE_RE = pattern(r"(?:\b(?:{vocab:history_lead})\b(?:[^.\n]|\n(?![ \t]*\n)){0,25})$", 0)


# Machine timestamps and header lines ("Date: Tue, 10 Nov 2020 13:33:08 -0500",
# "> Sent: 1 December 2026", "2010-10-13T07:53:04") record when something happened;
# nobody acts by them. Each line is matched from its own start (re.M: without it, ^
# matched the first line of the text only). "Date:" also heads an event's details
# ("Date: Thursday 14 January\nTime: 2pm"), so it is a header only among other header
# lines (From:, To:, Subject: …) just before or after it.
# [\s>]* rather than \s*>*\s*, whose three ways to split a run of blanks backtracked
# with its square; and it is matched only within HEADER_WINDOW of the line's start.
_HEADER_LINE_RE = re.compile(r"^[ \t>]*(?:sent|received|delivery-date|resent-date|x-[\w-]+)[ \t]*:", re.I | re.M)
_DATE_LINE_RE = re.compile(r"^[ \t>]*date[ \t]*:", re.I | re.M)
_MAIL_HEADER_RE = re.compile(r"^[ \t>]*(?:from|to|cc|subject|sent|reply-to)[ \t]*:", re.I | re.M)
HEADER_WINDOW = 200
# A web address running up to a date, with no space between: the date is part of the address
_IN_A_WEB_ADDRESS_RE = re.compile(r"(?:https?://|\bwww\.)[^\s<>\"]*$", re.I)
# A machine's time stamp gives seconds ("2010-10-13T07:53:04", "13/10/2010 07:53:04"); a person writing a
# deadline or a meeting as ISO does not ("2026-11-20T17:00", "2026-11-20 17:00"): that is a date to read.
# (and a social media post's own stamp: "3 December at 19:45 ·")
_CLOCK_AFTER_RE = re.compile(r"^(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}:\d{2}|T\d{2}:\d{2}:\d{2}|\s+at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]m\s*)?[·•])", re.I)


class _Lines:
    """Where the lines of a text start, worked out when first asked (or an Invitation's): a search back
    for each date's line start ran to the start of a long line, and one line of many dates took seconds."""

    def __init__(self, text: str, starts: list[int] | None) -> None:
        self.text, self.starts = text, starts

    def around(self, offset: int) -> tuple[int, int | None, int | None]:
        """(the start of the line holding offset, the previous line's start, the next line's start)."""
        if self.starts is None:
            self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        starts = self.starts
        index = bisect.bisect_right(starts, offset) - 1
        return starts[index], starts[index - 1] if index else None, starts[index + 1] if index + 1 < len(starts) else None


def _is_header_line(text: str, lines: _Lines, start: int) -> bool:
    line_start, before, after = lines.around(start)
    window = min(start + 1, line_start + HEADER_WINDOW)
    if _HEADER_LINE_RE.match(text, line_start, window):
        return True
    if not _DATE_LINE_RE.match(text, line_start, window):
        return False
    return any(_MAIL_HEADER_RE.match(text, line, line + HEADER_WINDOW) for line in (before, after) if line is not None)


def _is_timestamp(text: str, start: int, end: int, lines: _Lines) -> bool:
    if _is_header_line(text, lines, start) or re.search(r";\s*$", text[max(lines.around(start)[0], start - 3) : start]):
        return True
    return bool(_CLOCK_AFTER_RE.match(text[end : end + 16]))


# A year-first all-number date (2024-03-04, 2024/03/04, 2024.03.04, and ISO's basic form 20240304)
# is ISO order: year, month, day.
_YEAR_FIRST_RE = re.compile(r"^\s*(?:\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)|(?:19|20)\d{6}(?![\d/.-]))")


# A real date is under 40 characters. dateutil's parser slows with the square of a
# value's length (a Date header of a million digits took minutes), so a longer
# value is not a date, and is not given to it.
MAX_DATE_CHARS = 200


def parse_written_date(value: str, fuzzy: bool = False) -> datetime:
    """A whole date given on its own (--sent, a config's sent:, a draft's Date: line).

    British order for day and month ("04/03/2024" is 4 March), except that a
    date that starts with a four-digit year is ISO order: 2024-03-04 is 4 March.
    It must give the day, the month and the year.
    Raises ValueError (or OverflowError) when it is not a date.
    """
    from dateutil import parser as dateparser

    if len(value) > MAX_DATE_CHARS:
        raise ValueError(f"a date is never longer than {MAX_DATE_CHARS} characters")
    year_first = bool(_YEAR_FIRST_RE.match(value))
    # dateutil fills a missing day, month or year from today ('2025' became 3 December 2025,
    # '12.30' 12 December): read with two different fillers, a value that gives both is a whole date.
    read = [dateparser.parse(value, dayfirst=not year_first, yearfirst=year_first, fuzzy=fuzzy, default=filler)
            for filler in _FILLERS]
    if read[0].date() != read[1].date():
        raise ValueError(f"'{value}' does not give a day, a month and a year")
    if not year_in_full(value, read[0].year):
        raise YearNotInFull(f"'{value}' does not give its year in full")
    return read[0]


def year_in_full(value: str, year: int) -> bool:
    """Is the year a date was read as written in it, in four digits or two ("4/3/26")? Not in "4 March 0",
    which dateutil and the email library read as 2000."""
    return str(year) in value or re.search(rf"(?<![\d:]){year % 100:02d}(?![\d:])", value) is not None


class YearNotInFull(ValueError):
    """A date whose year is one digit ("4 March 0"), which dateutil reads as 2000: four digits
    ("4 March 2026") or two ("4/3/26", the century nearest today) give a year a reader can trust."""


_FILLERS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


class DateMention(Fields):
    """A date in the text: where it is, its words, the day it means, and how it was written
    ("date", "weekday", "relative"); stated_weekday is the weekday as written ("Monday 12 June"; 0 is Monday)."""

    __slots__ = ("start", "end", "text", "date", "how", "stated_weekday")

    def __init__(self, start: int, end: int, text: str, date: date, how: str, stated_weekday: int | None = None) -> None:
        self.start, self.end, self.text, self.date, self.how, self.stated_weekday = start, end, text, date, how, stated_weekday


class ImpossibleDate(Fields):
    """A date written out that no calendar has ("31 April 2026", "30 February"), and why."""

    __slots__ = ("start", "end", "text", "problem")

    def __init__(self, start: int, end: int, text: str, problem: str) -> None:
        self.start, self.end, self.text, self.problem = start, end, text, problem


class InstantDeadline(Fields):
    """A demand for an answer with no time to give it ("by close of play"), and where it is."""

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text


def _year_for(day: int, month: int, sent: date, weekday: int | None) -> date | None:
    """A date written without a year: the first (day, month) from YEARLESS_PAST_WEEKS before the
    send date on. A weekday that fits only an earlier date may pick that one; a weekday that fits
    neither is left for dates-consistent to report, not taken as a reason to move a year on."""
    earliest = sent - timedelta(weeks=YEARLESS_PAST_WEEKS)
    year = _yearless_year(day, month, sent)
    try:
        candidate = date(year, month, day)
    except ValueError:
        return None  # "29 February" in a year without one: see no_such_day
    if weekday is not None and candidate.weekday() != weekday:
        # "Friday 9 June" in an email sent on Monday 12 June 2017 is the Friday just gone (a
        # deadline already past), and so is one further back, up to RECENT_PAST_DAYS.
        for year in (sent.year, sent.year - 1):
            try:
                past = date(year, month, day)
            except ValueError:
                continue
            if past < earliest and (sent - past).days <= RECENT_PAST_DAYS and past.weekday() == weekday:
                return past
    return candidate


def _yearless_year(day: int, month: int, sent: date) -> int:
    """The year a date written without one falls in: the first from YEARLESS_PAST_WEEKS before the
    send date on. 29 February sits where it would be, just after 28 February, in every year: a reader
    sent "by 29 Feb" in December 2025 sees a day that February 2026 lacks, not one in 2028."""
    earliest = sent - timedelta(weeks=YEARLESS_PAST_WEEKS)
    for year in (sent.year - 1, sent.year):
        if date(year, month, day if day <= 28 else min(day, calendar.monthrange(year, month)[1])) >= earliest:
            return year
    return sent.year + 1


def no_such_day(day: int, month: int, year: int | None, sent: date) -> str | None:
    """Why a day and a month that look like a date are none ("there is no 31 April"), or None: they are
    one, or are not a day and a month at all (month 13, day 32, a year no invitation gives)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    name = calendar.month_name[month]
    if day > (29 if month == 2 else calendar.monthrange(2000, month)[1]):
        return f"there is no {day} {name}"
    if (month, day) != (2, 29):
        return None
    year = _yearless_year(day, month, sent) if year is None else _full_year(year, sent)
    return None if year is None or calendar.isleap(year) else f"there is no 29 February in {year}"


# A date without a year up to eight weeks before the send date is this year's, already gone:
# "Please reply by 29 November" sent on 2 December is a closing date passed (a template sent
# late), not one eleven months away. Further back it is next year's: "by 5 January" sent on
# 20 December. Measured on the four labelled dev sets (47 dates without a year): every one
# fell 0 to 107 days after sending (one, with its weekday, 3 days before), so no invitation
# there names a date 44 or more weeks ahead without its year, which is what this gives up.
YEARLESS_PAST_WEEKS = 8

# How far back a date without a year, whose weekday fits only a past date, is read as that past date.
RECENT_PAST_DAYS = 183


def _day_of_month(day: int, sent: date, weekday: int) -> date | None:
    """A weekday and a day of the month ("Tuesday 3rd"): this month's 3rd or one of the next two
    months', the first that is a Tuesday; when none is, the first on or after the send date (whose
    weekday dates-consistent then reports as wrong)."""
    candidates = []
    for ahead in range(3):
        year, month = sent.year + (sent.month - 1 + ahead) // 12, (sent.month - 1 + ahead) % 12 + 1
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    for candidate in candidates:
        if candidate.weekday() == weekday:
            return candidate
    return next((c for c in candidates if c >= sent), None)


def _next_day_of_month(day: int, sent: date, next_month: bool) -> date | None:
    """'by the 12th': this month's 12th, or the next month's once this month's has gone (or when it says
    "of next month"); a day a month lacks ("the 31st" in November) is the next month's that has it."""
    for ahead in range(1 if next_month else 0, 4):
        year, month = sent.year + (sent.month - 1 + ahead) // 12, (sent.month - 1 + ahead) % 12 + 1
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= sent:
            return candidate
    return None


def _make(day: int, month: int, year: int | None, sent: date, weekday: int | None) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is None:
        return _year_for(day, month, sent, weekday)
    year = _full_year(year, sent)
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "31 February" is not a date (see no_such_day)


def _full_year(year: int, sent: date) -> int | None:
    """A year as written, in full: "31/12/99" is 1999 and "4/3/25" 2025, the century nearest the send
    date; None for a year no invitation gives."""
    if year < 100:
        year += sent.year - sent.year % 100
        if year > sent.year + 50:
            year -= 100
        elif year <= sent.year - 50:
            year += 100
    return year if 1900 <= year <= 9999 else None


class _Taken:
    """The spans already read as dates: none overlaps another, so they are kept sorted and a
    new span is compared with its neighbour only (a list searched end to end made a text of
    thousands of dates take minutes)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # every span before i starts before end
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _after_a_lead(text: str, lower: str, window: int, position: int) -> bool:
    """A bare weekday is a date after words like "by" or "closing date is", perhaps with a time between."""
    if WEEKDAY_LEAD_RE.search(text, lower, window, position):
        return True
    time = TIME_BEFORE_RE.search(text, lower, window, position)
    return time is not None and WEEKDAY_LEAD_RE.search(text, lower, window, time.start()) is not None


def find_dates(text: str, sent: date, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every calendar date in ``text[start:end]`` that a reader might have to act by or attend.

    Dates written as history ("since 3 May 2019", "the meeting we held on …")
    are left out. Past dates are kept: the caller decides what they mean.
    """
    return read_dates(text, sent, start, end)[0]


def find_impossible_dates(text: str, sent: date, start: int = 0, end: int | None = None) -> list[ImpossibleDate]:
    """The dates in ``text[start:end]`` that no calendar has: "31 April 2026", "31/02/2026", "by 29 Feb"
    sent in a year whose February has 28 days."""
    return read_dates(text, sent, start, end)[1]


def read_dates(text: str, sent: date, start: int = 0, end: int | None = None,
               line_starts: list[int] | None = None) -> tuple[list[DateMention], list[ImpossibleDate]]:
    """(find_dates, find_impossible_dates), read in one pass. line_starts: where each line of the text
    starts (an Invitation has them), so that a date's line is found without searching back for it."""
    end = len(text) if end is None else end
    lower = lowered(text)
    found: list[DateMention] = []
    impossible: list[ImpossibleDate] = []
    taken = _Taken()
    lines = _Lines(text, line_starts)

    def weekday_before(position: int) -> tuple[int, int | None]:
        """Where a date really starts, and its weekday, if a weekday name comes just before it."""
        found_weekday = WEEKDAY_BEFORE_RE.search(text, lower, max(start, position - 16), position)
        if not found_weekday:
            return position, None
        name = found_weekday["weekday"]
        return found_weekday.start(), weekday_number(name)

    def weekday_after(position: int, weekday: int | None) -> tuple[int, int | None]:
        """Where a date really ends, and its weekday, if a weekday in brackets follows it and none came before."""
        found_weekday = None if weekday is not None else WEEKDAY_IN_BRACKETS_RE.match(text, lower, position, end)
        return (found_weekday.end(), weekday_number(found_weekday["weekday"])) if found_weekday else (position, weekday)

    def add(first: int, last: int, weekday: int | None, when: date | None, how: str, problem: str | None = None) -> None:
        if (when is None and problem is None) or taken.overlaps(first, last):
            return
        taken.add(first, last)
        if _NOT_A_DEADLINE_RE.search(text, lower, max(start, first - 60), first) or _is_timestamp(text, first, last, lines):
            return
        if _REFERENCE_BEFORE_RE.search(text, lower, max(start, first - 30), first):
            return
        if first > start and not text[first - 1].isspace() and _IN_A_WEB_ADDRESS_RE.search(text, max(start, first - 200), first):
            return  # "https://example.org/events?date=12-05-2027": part of an address
        if when is None:
            impossible.append(ImpossibleDate(first, last, text[first:last].strip(), problem))
        else:
            found.append(DateMention(first, last, text[first:last].strip(), when, how, weekday))

    years_given: list[tuple[date, int | None]] = []  # the dates written with their year (and weekday): they say which year the others are in
    yearless: list[tuple[DateMention, int | None]] = []

    def add_day(first: int, last: int, weekday: int | None, day: int, month: int, year: int | None) -> None:
        """A date of a day, a month and perhaps a year; one no calendar has is kept apart ("31 April")."""
        when = _make(day, month, year, sent, weekday)
        before = len(found)
        add(first, last, weekday, when, "date", None if when is not None else no_such_day(day, month, year, sent))
        if len(found) > before:
            (years_given.append((when, weekday)) if year is not None else yearless.append((found[-1], weekday)))

    for match in ISO_RE.finditer(text, start, end):
        add_day(match.start(), match.end(), None, int(match["day"]), int(match["month"]), int(match["year"]))
    short = []  # "by 12/5" and "by the 12th", read once the dates with a month's name have been ("5/6 January")
    for match in DIGITS_FIRST_RE.finditer(text, lower, start, end):
        if match["numeric"]:
            first, weekday = weekday_before(match.start())
            day, month = int(match["numeric"]), int(match["number_month"])
            if month > 12 >= day:  # "12/25/2026" can only be American order: 25 December
                day, month = month, day
            last, weekday = weekday_after(match.end(), weekday)
            add_day(first, last, weekday, day, month, int(match["number_year"]))
        elif match["dashed"]:  # "12-May-2027"
            first, weekday = weekday_before(match.start())
            add_day(first, match.end(), weekday, int(match["dashed"]), month_number(match["month"]), int(match["year"]))
        else:
            short.append(match)
    for regex in (DAY_MONTH_RE, MONTH_DAY_RE):
        for match in regex.finditer(text, lower, start, end):
            month = month_number(match["month"])
            first, weekday = weekday_before(match.start())
            if regex is MONTH_DAY_RE and match["month"].lower() == "may" and not match["year"] and weekday is None:
                # "you may 2 …" is not a date; "May 2nd" needs an ordinal or a capital.
                if not (text[match.start()] == "M" and re.search(r"\d(?:st|nd|rd|th)", match.group(0))):
                    continue
            if regex is DAY_MONTH_RE and not match["year"] and text[match.end() - 1] != "." and STREET_AFTER_RE.match(text, lower, match.end()):
                continue
            if regex is DAY_MONTH_RE and text[match.start("month") : match.end("month")] == "may" and not match["year"] and weekday is None:
                # "aged 18 to 25 may apply", "1 in 4 may need help": the verb, not 4 May.
                if not re.search(r"\d(?:st|nd|rd|th)", match.group(0)):
                    continue
            year = int(match["year"]) if match["year"] else None
            last = match.end()
            if regex is DAY_MONTH_RE and year is None:
                short_year = SHORT_YEAR_AFTER_RE.match(text, last, end)  # "14 Jan 27", "5 June '27"
                if short_year and (short_year["year"][0] in "'’" or case_free(match["month"]).rstrip(".") in _MONTH_SHORT_NAMES):
                    year, last = int(short_year["year"].lstrip("'’")), short_year.end()
            last, weekday = weekday_after(last, weekday)
            # "the 3rd, 10th and 17th of March", "Jan 12th, 19th and 26th": each day of the list takes the month
            listed = (DAY_LIST_BEFORE_RE.search(text, lower, max(start, first - DAY_LIST_CHARS), first)
                      if regex is DAY_MONTH_RE and _LIST_LINK_BEFORE_RE.search(text, max(start, first - 6), first)
                      else DAY_LIST_AFTER_RE.match(text, lower, last, end)
                      if regex is MONTH_DAY_RE and _LIST_LINK_AFTER_RE.match(text, last, end) else None)
            if listed:
                for item in LISTED_DAY_RE.finditer(text, lower, listed.start(), listed.end()):
                    stated = weekday_number(item["weekday"]) if item["weekday"] else None
                    add_day(item.start(), item.end(), stated, int(item["day"]), month, year)
            if regex is DAY_MONTH_RE and match["second"] and case_free(match["link"]) in _TWO_DAYS_LINKS and int(match["day"]) < int(match["second"]):
                # "12th & 19th Jan": the 12th, then the 19th (the weekday before is the first day's, one after the second's)
                first_end = match.start("link")
                while text[first_end - 1].isspace():
                    first_end -= 1
                add_day(first, first_end, weekday if first < match.start() else None, int(match["day"]), month, year)
                add_day(match.start("second"), last, weekday if last > match.end() else None, int(match["second"]), month, year)
                continue
            add_day(first, last, weekday, int(match["day"]), month, year)
    for match in short:
        if match["day"]:  # "by 12/5"
            first, weekday = weekday_before(match.start())
            if weekday is None and not SHORT_DATE_LEAD_RE.search(text, lower, max(start, first - 30), first):
                continue
            day, month = int(match["day"]), int(match["month_number"])
            if month > 12 >= day:  # "12/25" can only be American order
                day, month = month, day
            add_day(first, match.end(), weekday, day, month, None)
        else:  # "by the 12th"
            the = THE_BEFORE_RE.search(text, max(start, match.start() - 12), match.start())
            if the is None:
                # "this sat (5th)", "fri 4th": a short weekday in small letters is a day only with its day of the month
                # (one with a capital, "Sat 5th", is read with the weekdays below)
                short_day = LOWER_SHORT_WEEKDAY_BEFORE_RE.search(text, max(start, match.start() - 8), match.start())
                if short_day and not MONTH_SOON_AFTER_RE.match(text, lower, match.end(), end):
                    weekday = weekday_number(short_day["weekday"])
                    last = match.end() + (text.startswith(")", match.end()) and "(" in short_day.group(0))
                    add(short_day.start(), last, weekday, _day_of_month(int(match["nth"]), sent, weekday), "date")
                continue
            if not _after_a_lead(text, lower, max(start, the.start() - 30), the.start()):
                continue
            which = (match["which"] or "").lower()
            add(the.start(), match.end(), None, _next_day_of_month(int(match["nth"]), sent, which == "next"), "date")
    dated_at = None  # the dates written out, by where they start: for "Tuesday, w/c 8 March"
    for match in chain(WEEKDAY_RE.finditer(text, lower, start, end), _short_weekdays(text, start, end)):
        weekday = weekday_number(match["weekday"])
        two = FIRST_OF_TWO_DAYS_RE.match(text, lower, match.start("weekday"), end)
        if two and int(two["day"]) < int(two["second"]):  # "Thursday 5 – Friday 6 June": the 5th takes June
            year = int(two["year"]) if two["year"] else None
            add_day(two.start(), two.end("first"), weekday, int(two["day"]), month_number(two["month"]), year)
            continue
        day = DAY_AFTER_WEEKDAY_RE.match(text, match.end(), end)
        if day:  # "Tuesday 3rd": a day of the month, unless its month is written after it
            if not MONTH_SOON_AFTER_RE.match(text, lower, day.end(), end):
                add(match.start("weekday"), day.end(), weekday, _day_of_month(int(day["day"]), sent, weekday), "date")
            continue
        week_of = WEEK_OF_AFTER_RE.match(text, lower, match.end(), end)
        if week_of:  # "on Tuesday in the week commencing 8 March": that week's Tuesday
            if dated_at is None:
                dated_at = {m.start: m for m in found if m.how == "date"}
            week = next((dated_at[at] for at in range(week_of.end(), week_of.end() + 13) if at in dated_at), None)
            if week is not None:
                first_day = week.date - timedelta(days=week.date.weekday())
                add(match.start("weekday"), match.end(), None, first_day + timedelta(days=weekday), "date")
                continue
        if not _after_a_lead(text, lower, max(start, match.start() - 30), match.start()):
            continue
        ahead = (weekday - sent.weekday()) % 7 or (0 if THIS_BEFORE_RE.search(text, max(start, match.start() - 6), match.start()) else 7)
        span_start = match.start("weekday")
        following = NEXT_BEFORE_RE.search(text, max(start, match.start() - 6), match.start())
        if following:  # "next Friday": the Friday of next week (see next_weekday_other_reading)
            ahead, span_start = 7 - sent.weekday() + weekday, following.start()
        later = A_WEEK_ON_RE.search(text, max(start, match.start() - 20), match.start())  # "a week on Friday"
        if later:
            ahead += 14 if later["unit"].lower() == "fortnight" else 7
            span_start = later.start()  # the words that give the day: "by a week on Friday" is a deadline
        span_end = match.end()
        week = WEEK_AFTER_RE.match(text, span_end, end)
        of_next_week = NEXT_WEEK_AFTER_RE.match(text, span_end, end)
        if of_next_week and not later and not following:  # "Friday next week": the Friday of next week
            ahead, span_end = 7 - sent.weekday() + weekday, of_next_week.end()
        elif week and not later and not following:
            ahead, span_end = ahead + 7, week.end()
        if taken.overlaps(span_start, span_end):
            continue
        # "first Tuesday of the month" or "every Friday" is a pattern, not a date; "we met on Monday" is history.
        if RECURRING_BEFORE_RE.search(text, lower, max(start, span_start - 20), span_start):
            continue
        if _NOT_A_DEADLINE_RE.search(text, lower, max(start, span_start - 60), span_start):
            continue
        taken.add(span_start, span_end)
        found.append(DateMention(span_start, span_end, text[span_start:span_end], sent + timedelta(days=ahead), "weekday"))
    for match in (m for regex in RELATIVE_RES for m in regex.finditer(text, lower, start, end)):
        count = count_number(match["count"])
        unit = case_free(match["unit"])
        days = count * (14 if unit.startswith("fortnight") else 7 if unit.startswith("week") else 1)
        if HOW_OFTEN_BEFORE_RE.search(text, lower, max(start, match.start() - 20), match.start()):
            continue
        if taken.overlaps(match.start(), match.end()) or _PAYMENT_PROMISE_RE.search(text, lower, max(start, match.start() - 60), match.start()):
            continue  # "we pay expenses within ten working days" gives the reader no deadline
        found.append(DateMention(match.start(), match.end(), text[match.start() : match.end()], sent + timedelta(days=days), "relative"))
    for match in END_OF_RE.finditer(text, lower, start, end):
        by = BY_THE_BEFORE_RE.search(text, max(start, match.start() - 12), match.start())
        first = by.start() if by else match.start()
        if not (by and by["by"]) and not _after_a_lead(text, lower, max(start, first - 30), first):
            continue
        if match["month"]:  # the last day of that month
            day_one = _make(1, month_number(match["month"]), int(match["year"]) if match["year"] else None, sent, None)
            when = day_one and day_one.replace(day=calendar.monthrange(day_one.year, day_one.month)[1])
        elif match["unit"].lower() == "week":  # the Friday of this week, or of next week
            when = sent + timedelta(days=(4 - sent.weekday()) % 7 + (7 if match["which"].lower() == "next" else 0))
        else:
            month = sent.replace(day=1) + timedelta(days=32) if match["which"].lower() == "next" else sent
            when = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        add(first, match.end(), None, when, "relative")
    if years_given and yearless:
        _years_from_the_text(yearless, years_given, sent)
    return _drop_range_starts(text, sorted(found, key=lambda m: m.start)), sorted(impossible, key=lambda m: m.start)


# A date without a year is moved to the year the text's own dates imply only when that puts it this close
# to one of them (half a year): "on 12 January" among dates in March and April 2027 is 12 January 2027.
NEAR_GIVEN_DAYS = 183


def _years_from_the_text(yearless: list, years_given: list[tuple[date, int | None]], sent: date) -> None:
    """Dates written without a year, in a text that gives other dates with theirs ("Tuesday 9 March 2027 …
    a welcome session on 12 January"), take the year that puts them nearest those dates, rather than the
    next from the send date, which may be a guess (an undated draft is read as sent today) or a stale
    template's.

    - A date read as still to come is moved on no further ("reply by 20 February", sent on 2 February).
    - A weekday written with the date keeps only the years it fits.
    - A date is moved into the past only when every date given with its year has passed too, and they are
      days to act on (two or more, or one with its weekday: "Thursday 12 March 2026"): "our report of
      3 March 2026 … join us on 12 January", sent in November 2026, is still next January.
    """
    days = sorted(given for given, _ in years_given)
    stale = days[-1] < sent and (len(days) > 1 or years_given[0][1] is not None)

    def distance(day: date) -> int:
        """Days to the nearest date given with its year (found by bisection: a text may hold thousands)."""
        i = bisect.bisect_left(days, day)
        return min(abs((day - days[j]).days) for j in (i - 1, i) if 0 <= j < len(days))

    for mention, weekday in yearless:
        default = mention.date
        candidates = []
        for year in (default.year - 1, default.year + 1):
            try:
                candidates.append(date(year, default.month, default.day))
            except ValueError:
                continue
        if weekday is not None:
            if default.weekday() == weekday:
                continue  # its weekday confirms the year it was read in
            candidates = [c for c in candidates if c.weekday() == weekday]
        best = min(candidates, key=distance, default=None)
        if best is None or distance(best) > NEAR_GIVEN_DAYS or distance(best) >= distance(default):
            continue
        if best > default and default >= sent:
            continue  # read as still to come, it keeps its year: "reply by 20 February", sent on 2 February
        if best < default and best < sent - timedelta(weeks=YEARLESS_PAST_WEEKS) and not stale:
            continue
        mention.date = best


# Both run on windows of at most 25 characters (see _drop_range_starts).
_RANGE_LINK_RE = pattern(r"\s*(?:{vocab:range_link})\s*$", 0)
_RANGE_OPEN_RE = pattern(r"\b(?:{vocab:range_open})\s+(?:on\s+)?(?:the\s+)?$", 0)


def _drop_range_starts(text: str, found: list[DateMention]) -> list[DateMention]:
    """'From 1 March to 30 April' gives the reader until 30 April: drop the opening date."""
    kept = []
    for mention, following in zip(found, found[1:] + [None]):
        if following is not None and following.date > mention.date:
            between = text[mention.end : following.start]
            opening = text[max(0, mention.start - 25) : mention.start]
            if len(between) <= 12 and _RANGE_LINK_RE.match(between, lowered(between)) and _RANGE_OPEN_RE.search(opening, lowered(opening)):
                continue
        kept.append(mention)
    return kept


def find_instant_deadlines(text: str, start: int = 0, end: int | None = None) -> list[InstantDeadline]:
    """Phrases that demand a reply with no real time: "by close of play", "today", "ASAP"."""
    end = len(text) if end is None else end
    lower = lowered(text)
    found: list[InstantDeadline] = []
    taken = Taken()
    for regex in INSTANT_RES:
        for match in regex.finditer(text, lower, start, end):
            a, b = (match.start("phrase"), match.end("phrase")) if "phrase" in regex.groupindex else match.span()
            if taken.overlaps(a, b):
                continue
            if regex in _DAY_OF_AN_EVENT and EVENT_TIME_AFTER_RE.match(text, lower, b, end):
                continue  # "the talk is tonight, 6pm to 8pm": the event's own time
            if "hour" in regex.groupindex and match["hour"]:
                left = max(start, a - 300)
                paragraph = max((m.end() for m in _PARAGRAPH_START_RE.finditer(text, left, a)), default=left)
                if _DAY_NAMED_RE.search(text, lower, paragraph, a):
                    continue
            sentence_start = max((m.end() for m in _SENTENCE_START_RE.finditer(text, max(start, a - 200), a)), default=max(start, a - 200))
            promise = _OUR_PROMISE_RE.search(text, lower, sentence_start, a)
            if promise and not _POLITE_ASK_RE.match(text, lower, promise.end()):
                continue
            found.append(InstantDeadline(a, b, text[a:b]))
            taken.add(a, b)
    return sorted(found, key=lambda m: m.start)


def next_weekday_other_reading(words: str, when: date, sent: date) -> date | None:
    """The coming day that "next Friday" (read as the Friday of next week) may also mean, where it is a
    different day still to come in the week it was sent: sent on a Wednesday, Friday 4 and Friday 11."""
    coming = when - timedelta(days=7)
    return coming if case_free(words).startswith("next") and coming > sent else None


def describe(day: date) -> str:
    """'Sunday 10 September 2023'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def _reader_text(doc) -> tuple[int, int]:
    """The part of an invitation that dates are looked for in: from the subject to the end of the sender's words."""
    start = doc.subject.start if doc.subject else doc.body.start
    return min(start, doc.body.start), doc.message_end


def dates_in(doc, sent: date, start: int, end: int) -> list[DateMention]:
    """The dates between start and end, found once per invitation however many rules ask."""
    return [m for m in _read_once(doc, sent)[0] if start <= m.start and m.end <= end]


def impossible_dates_in(doc, sent: date, start: int, end: int) -> list[ImpossibleDate]:
    """The dates no calendar has ("31 April") between start and end, read with dates_in's."""
    return [m for m in _read_once(doc, sent)[1] if start <= m.start and m.end <= end]


def _read_once(doc, sent: date) -> tuple[list[DateMention], list[ImpossibleDate]]:
    first, last = _reader_text(doc)
    return doc.memo(("dates", sent), lambda: read_dates(doc.text, sent, first, last, doc._line_starts))


def instants_in(doc, start: int, end: int) -> list[InstantDeadline]:
    """The instant deadlines between start and end, found once per invitation."""
    first, last = _reader_text(doc)
    found = doc.memo(("instants",), lambda: find_instant_deadlines(doc.text, first, last))
    return [m for m in found if start <= m.start and m.end <= end]
