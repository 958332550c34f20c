"""The date finder on its own: phrasings people write, resolved against a send date."""

from __future__ import annotations

from datetime import date

import pytest

from invitecheck.dates import describe, find_dates, find_instant_deadlines

MON_12_JUNE_2017 = date(2017, 6, 12)


@pytest.mark.parametrize(
    "text, sent, expected",
    [
        ("The closing date is 12 June 2023.", date(2023, 6, 1), date(2023, 6, 12)),
        ("Apply by 12th June.", date(2023, 6, 1), date(2023, 6, 12)),
        ("Apply by June 12.", date(2023, 6, 1), date(2023, 6, 12)),
        ("Meeting on Monday 12 June.", date(2023, 6, 1), date(2023, 6, 12)),
        ("Reply by 12/06/2023.", date(2023, 6, 1), date(2023, 6, 12)),  # day first
        ("Reply by 03/04/2024.", date(2024, 3, 1), date(2024, 4, 3)),
        ("Reply by 2023-06-12.", date(2023, 6, 1), date(2023, 6, 12)),
        ("Send it by 5pm on 3rd August.", date(2023, 6, 1), date(2023, 8, 3)),
        ("The deadline is 5 January.", date(2023, 12, 18), date(2024, 1, 5)),  # December to January
        ("The deadline is 3 June.", date(2023, 6, 3), date(2023, 6, 3)),  # on the send date itself
        ("The closing date for applications is Sunday.", MON_12_JUNE_2017, date(2017, 6, 18)),
        ("Please reply by Friday.", MON_12_JUNE_2017, date(2017, 6, 16)),
        ("Please reply by Monday.", MON_12_JUNE_2017, date(2017, 6, 19)),  # the next Monday, not today
        ("Please reply within 5 days.", MON_12_JUNE_2017, date(2017, 6, 17)),
        ("Please reply within two weeks.", MON_12_JUNE_2017, date(2017, 6, 26)),
        ("The event is on 12-14 July 2017.", MON_12_JUNE_2017, date(2017, 7, 12)),
        ("Thursday, 9th of November 2023", date(2023, 10, 1), date(2023, 11, 9)),
        ("Wed 5 Feb", date(2025, 1, 10), date(2025, 2, 5)),
        # Eight days before sending, not a year on because 12 June 2023 is a Monday: the wrong weekday
        # is for dates-consistent to report (see test_date_readings).
        ("Monday 12 June", date(2022, 6, 20), date(2022, 6, 12)),
        ("Friday 8 January", date(2026, 12, 20), date(2027, 1, 8)),  # across the year end
        ("by 29 February", date(2023, 12, 1), date(2024, 2, 29)),  # sent 1 March 2023 there is none: see test_date_readings
        ("Sept. 4th", date(2023, 1, 1), date(2023, 9, 4)),
        ("Please reply by Monday 30 November.", date(2026, 12, 3), date(2026, 11, 30)),  # its weekday says it has just gone
        ("Our next meeting is a week on Friday.", MON_12_JUNE_2017, date(2017, 6, 23)),  # the Friday after this one
        ("The panel meets a fortnight on Tuesday.", MON_12_JUNE_2017, date(2017, 6, 27)),
        ("Come to our launch event on 14 November.", date(2023, 11, 1), date(2023, 11, 14)),  # an event, not a launch date gone by
    ],
)
def test_resolves(text, sent, expected):
    found = find_dates(text, sent)
    assert found, f"no date found in {text!r}"
    assert found[0].date == expected


@pytest.mark.parametrize(
    "text",
    [
        "Reply by 31/02/2024.",  # no such day
        "the 45th of June",
        "We meet every Friday.",
        "Meetings are on the first Tuesday of the month.",
        "Our office is open Monday to Friday.",
        "We have been running since 3 May 2019.",
        "You may 2 or 3 times a year be asked.",
        "Call 0113 496 0123 or text 07700 900461.",
        "Version 1.2.2024 of the form",
        "Room 12, floor 3",
        # a promise of payment is no deadline for the reader
        "We pay expenses within ten working days of the meeting.",
        "You will be reimbursed within two weeks.",
    ],
)
def test_does_not_invent_dates(text):
    assert find_dates(text, date(2024, 1, 1)) == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Please let us know your travel requirements by close of play.", "by close of play"),
        ("We need your answer by the end of the day.", "by the end of the day"),
        ("Please reply today.", "today"),
        ("Please confirm your attendance by 12 noon today.", "by 12 noon today"),
        ("The meeting is tomorrow.", "tomorrow"),  # with its time ("tomorrow at 10am") it is notice-period's: see test_dates_as_written
        ("Please reply within 48 hours.", "within 48 hours"),
        ("If you can help, please reply as soon as possible.", "as soon as possible"),
        ("Reply ASAP please", "ASAP"),
        ("Please respond by return.", "by return"),
        ("Send me your details by COP.", "COP"),
    ],
)
def test_instant_deadlines(text, phrase):
    assert [m.text for m in find_instant_deadlines(text)] == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "We will reply as soon as possible.",
        "We'll pay your expenses as soon as possible after the meeting.",
        "Sign up today for our newsletter and hear about events.",
        "Today, more people than ever live with diabetes.",
        "The working day ends at 5pm, and the meeting finishes by then.",
    ],
)
def test_not_instant_deadlines(text):
    assert find_instant_deadlines(text) == []


def test_describe():
    assert describe(date(2023, 9, 10)) == "Sunday 10 September 2023"


def test_letters_that_case_folding_treats_specially_are_read_not_crashed_on():
    # 'ſ' (long s) and 'ı' (dotless i) match s and i case-insensitively; 'İ' grows when lower-cased.
    for prefix in ("", "İ "):
        found = find_dates(prefix + "Reply by ſunday or by frıday, on 3 ſeptember, within two weekſ.", date(2024, 1, 1))
        assert [m.date for m in found] == [date(2024, 1, 7), date(2024, 1, 5), date(2024, 9, 3), date(2024, 1, 15)]


@pytest.mark.parametrize("text", ["Our booster clinics run on Saturday mornings in April.", "The café is open on Tuesday afternoons."])
def test_a_weekday_that_recurs_is_not_one_date(text):
    assert find_dates(text, date(2027, 3, 2)) == []


def test_a_weekday_morning_is_one_date():
    found = find_dates("Please reply by Saturday morning.", date(2027, 3, 2))
    assert [mention.date for mention in found] == [date(2027, 3, 6)]


def test_a_promise_of_payment_leaves_the_readers_own_deadline():
    found = find_dates("We will pay you within ten days. Please reply within three weeks.", date(2024, 1, 1))
    assert [m.text for m in found] == ["within three weeks"]
