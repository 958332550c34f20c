"""Dates and times read as a person wrote them (December 2026, dates9): what the report says about each.

Each test failed on the code before its fix. The invitations are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from invitecheck.dates import find_dates

HEAD = "Subject: Our carers' panel\nFrom: Rhian Okafor <rhian.okafor@example.nhs.uk>\nDate: {sent}\n\n"
SIGN_OFF = "\nRhian Okafor\nrhian.okafor@example.nhs.uk\n"


def _report(run, draft, sent: str, body: str) -> dict:
    out = run("check", draft(HEAD.format(sent=sent) + body + SIGN_OFF), "--format", "json", "--no-config")
    return {check["rule"]: check for check in out.result("draft.txt")["checks"]}


def _findings(check: dict) -> list:
    return [(f["line"], f["message"]) for f in check["findings"]]


# --- 1. ISO date-times --------------------------------------------------------------------------

def test_an_iso_date_time_is_a_date_and_its_time_of_day():
    # "T17:00" was taken for a machine's time stamp, so the meeting had no date at all.
    sent = date(2026, 11, 2)
    assert [m.date for m in find_dates("The panel meets on 2026-11-20T17:00 in the library.", sent)] == [date(2026, 11, 20)]
    assert [m.date for m in find_dates("Reply by 2026-11-06 17:00, please.", sent)] == [date(2026, 11, 6)]
    # a machine's time stamp, with its seconds, is still no date to act by
    assert find_dates("Logged 2026-11-20T17:00:04 by the server.", sent) == []


def test_an_iso_date_time_deadline_too_soon_is_reported_on_its_line(run, draft):
    report = _report(run, draft, "2 November 2026",
                     "Please join our carers' panel at Hill House, Leeds LS1 4AB.\n"
                     "Please reply by 2026-11-06T17:00 to say if you can come.\n")
    assert _findings(report["notice-period"]) == [
        (6, "'2026-11-06' is too soon: Friday 6 November 2026 is 4 days after it was sent on Monday 2 November 2026; "
            "allow at least 14 days.")]
