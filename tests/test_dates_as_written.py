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


# --- 2. every date of a list, each with its role; a second deadline is no contradiction ------------

@pytest.mark.parametrize("text, expected", [
    ("Our sessions are on Jan 12th & 19th.", [date(2027, 1, 12), date(2027, 1, 19)]),
    ("Our sessions are on 12th and 19th January.", [date(2027, 1, 12), date(2027, 1, 19)]),
    ("The walks are on the 3rd, 10th and 17th of March.", [date(2027, 3, 3), date(2027, 3, 10), date(2027, 3, 17)]),
    ("Come on Tuesday 2, Wednesday 3 or Thursday 4 March 2027.", [date(2027, 3, 2), date(2027, 3, 3), date(2027, 3, 4)]),
    ("We meet on March 3rd, 10th and 17th.", [date(2027, 3, 3), date(2027, 3, 10), date(2027, 3, 17)]),
])
def test_every_day_of_a_list_takes_the_month_written_once(text, expected):
    # "the 3rd" was read as this month's (3 November), the 19th after "Jan 12th &" not at all.
    assert [m.date for m in find_dates(text, date(2026, 11, 2))] == expected


def test_a_list_of_march_days_gives_no_false_alarm_about_notice(run, draft):
    report = _report(run, draft, "2 November 2026",
                     "Join our carers' walks on the 3rd, 10th and 17th of March at Hill House, Leeds LS1 4AB, 10am to 12pm.\n"
                     "Please reply by 20 November.\n")
    assert report["notice-period"]["status"] == "pass"
    assert report["notice-period"]["note"] == "earliest date: Friday 20 November 2026, 18 days after sending"


def test_a_final_deadline_after_the_event_is_no_contradiction_when_a_first_one_comes_before_it(run, draft):
    body = ("The workshop is on Friday 27 November at Hill House, Leeds LS1 4AB, 10am to 12pm.\n"
            "Please send your first comments by 20 November and your final comments by 4 December.\n")
    assert _report(run, draft, "2 November 2026", body)["dates-consistent"]["status"] == "pass"
    # one deadline, after the event it is for, is still reported
    body = ("The workshop is on Friday 27 November at Hill House, Leeds LS1 4AB, 10am to 12pm.\n"
            "Please reply by 4 December.\n")
    assert _findings(_report(run, draft, "2 November 2026", body)["dates-consistent"]) == [
        (6, "'4 December': the deadline, Friday 4 December 2026, is after the event on Friday 27 November 2026.")]
