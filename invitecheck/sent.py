"""The send date, as a person writes it: on --sent, in the configuration, on a
draft's Date line, or in an email's Date header.

Dates are read day first (4/3/2024 is 4 March), except that an ISO date such as
2024-03-04 is always year-month-day. A send date must fall in a believable range
of years: a Date header of 9999 would otherwise overflow when notice is counted,
and one of 0001 would be read as 2001.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateparser

FIRST_YEAR, LAST_YEAR = 1900, 2999
YEARS = f"{FIRST_YEAR} to {LAST_YEAR}"


def believable(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def read_datetime(text: str) -> datetime:
    """TEXT as a date and time; ValueError (or OverflowError) when it is not one."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return dateparser.parse(text, dayfirst=True)


def read_day(text: str) -> date:
    return read_datetime(text).date()


def written_year(header: str) -> int | None:
    """The year as written in a Date header ('Fri, 01 Jan 0001 …' -> 1), which the email
    library would turn into 2001; None when no year of three or more digits is written."""
    for token in re.split(r"[\s,]+", header[:200]):
        if re.fullmatch(r"\d{3,}", token):
            return int(token)
    return None
