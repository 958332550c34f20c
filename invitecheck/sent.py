"""How far a send date can be believed.

A send date (from --sent, the configuration, a draft's Date line or an email's Date
header; read by ``dates.parse_written_date``) must fall in a believable range of
years: a Date header of 9999 would otherwise overflow when notice is counted, and
one of 0001 would be read as 2001.
"""

from __future__ import annotations

import re

FIRST_YEAR, LAST_YEAR = 1900, 2999
YEARS = f"{FIRST_YEAR} to {LAST_YEAR}"


def believable(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def written_year(header: str) -> int | None:
    """The year as written in a Date header ('Fri, 01 Jan 0001 …' -> 1), which the email
    library would turn into 2001; None when no year of three or more digits is written."""
    for token in re.split(r"[\s,]+", header[:200]):
        if re.fullmatch(r"\d{3,}", token):
            return int(token)
    return None
