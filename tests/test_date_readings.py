"""Dates a reader could see read wrongly (December 2026): what the report says about each.

Each test failed on the code before its fix.
"""

from __future__ import annotations

from datetime import date

import pytest

from invitecheck.dates import find_dates, find_impossible_dates

WED_2_DEC_2026 = date(2026, 12, 2)
HEAD = "Subject: Join our patient panel\nFrom: Helen Mbeki <helen.mbeki@example.nhs.uk>\nDate: {sent}\n\n"
SIGN_OFF = "\nHelen Mbeki\n"


def _report(run, draft, sent: str, body: str) -> dict:
    out = run("check", draft(HEAD.format(sent=sent) + body + SIGN_OFF), "--format", "json", "--no-config")
    return {check["rule"]: check for check in out.result("draft.txt")["checks"]}


# --- a date without a year, a few days before the send date, has passed ---------------------------

def test_a_yearless_deadline_days_before_sending_is_reported_as_passed_not_next_year(run, draft):
    # Read as 29 November 2027, after the January meeting: dates-consistent blamed the order of the
    # dates and notice-period passed. The form was sent three days after its own closing date.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. The first meeting is on Thursday 14 January 2027 at 2pm.\n"
                     "Please reply by 29 November to helen.mbeki@example.nhs.uk.\n")
    notice = report["notice-period"]
    assert notice["status"] == "fail"
    assert [(f["line"], f["message"]) for f in notice["findings"]] == [
        (6, "The date '29 November' had already passed when it was sent (3 days earlier).")]
    assert report["dates-consistent"]["status"] == "pass"


@pytest.mark.parametrize("text, sent, expected", [
    ("Please reply by 29 November.", WED_2_DEC_2026, date(2026, 11, 29)),  # three days before: passed
    ("Please reply by 7 October.", WED_2_DEC_2026, date(2026, 10, 7)),  # eight weeks before: still passed
    ("Please reply by 6 October.", WED_2_DEC_2026, date(2027, 10, 6)),  # more than eight weeks: next year
    ("Please reply by 5 January.", date(2026, 12, 20), date(2027, 1, 5)),  # across the year end
    ("Please reply by 5 January.", date(2027, 2, 20), date(2027, 1, 5)),  # a stale template, seven weeks on
    ("Please reply by 2 December.", WED_2_DEC_2026, date(2026, 12, 2)),  # the send date itself
])
def test_a_yearless_date_up_to_eight_weeks_before_sending_is_this_years(text, sent, expected):
    assert [m.date for m in find_dates(text, sent)] == [expected]


# --- header lines after the first are headers too --------------------------------------------------

def test_a_quoted_header_date_on_a_later_line_is_a_timestamp_not_a_date_to_act_by():
    text = ("Please reply by 20 December 2026.\n\n"
            "> From: Sam Patel <sam@example.org>\n> Date: Monday 30 November 2026\n> Subject: Panel\n"
            "> Sent: 1 December 2026\n")
    assert [m.text for m in find_dates(text, WED_2_DEC_2026)] == ["20 December 2026"]


def test_a_date_label_in_the_invitation_is_still_the_event_date():
    text = "Join our panel.\n\nDate: Thursday 14 January 2027\nTime: 2pm to 4pm\n"
    assert [m.date for m in find_dates(text, WED_2_DEC_2026)] == [date(2027, 1, 14)]


# --- a month name does not take the full stop after it ----------------------------------------------

@pytest.mark.parametrize("text, quoted", [
    ("The meeting is on 12 March.", "12 March"),
    ("The meeting is on March 12.", "March 12"),
    ("The meeting is on 12 Mar. in the hall", "12 Mar."),  # an abbreviation keeps its point
    ("The meeting is on 12 Sept. in the hall", "12 Sept."),
])
def test_a_full_month_name_ends_the_date(text, quoted):
    assert [m.text for m in find_dates(text, WED_2_DEC_2026)] == [quoted]


def test_a_disagreeing_weekday_is_quoted_without_the_full_stop(run, draft):
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. Reply to helen.mbeki@example.nhs.uk.\n"
                     "The first meeting is on Monday 16 March.\n")
    assert [(f["line"], f["message"]) for f in report["dates-consistent"]["findings"]] == [
        (6, "'Monday 16 March': 16 March 2027 is a Tuesday, not a Monday.")]


# --- more readings ---------------------------------------------------------------------------------

def test_a_weekday_with_an_ordinal_day_is_that_day_not_the_next_such_weekday(run, draft):
    # "Tuesday 3rd" was read as the next Tuesday (8 December), ignoring the 3rd.
    found = find_dates("Please reply by Tuesday 3rd.", date(2026, 10, 26))
    assert [(m.text, m.date) for m in found] == [("Tuesday 3rd", date(2026, 11, 3))]
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. Reply to helen.mbeki@example.nhs.uk.\n"
                     "The first meeting is on Tuesday 3rd at 2pm.\n")
    assert [(f["line"], f["message"]) for f in report["dates-consistent"]["findings"]] == [
        (6, "'Tuesday 3rd': 3 December 2026 is a Thursday, not a Tuesday.")]


def test_an_ordinal_weekday_before_a_later_month_is_left_to_the_month():
    # Not this month's 2nd: the month after the second day is the first one's too.
    found = find_dates("We meet on Tuesday 2nd and Wednesday 3rd March.", WED_2_DEC_2026)
    assert [m.date for m in found] == [date(2027, 3, 2), date(2027, 3, 3)]


def test_a_date_in_us_order_that_can_only_be_us_order_is_read():
    assert [m.date for m in find_dates("Please reply by 12/25/2026.", WED_2_DEC_2026)] == [date(2026, 12, 25)]


@pytest.mark.parametrize("text, expected", [
    ("Please reply by Tues.", date(2026, 12, 8)),
    ("Please reply by Fri 11th.", date(2026, 12, 11)),
    ("The closing date is Thurs.", date(2026, 12, 3)),
])
def test_a_short_weekday_name_is_a_weekday(text, expected):
    assert [m.date for m in find_dates(text, WED_2_DEC_2026)] == [expected]


@pytest.mark.parametrize("text", ["We wed on the sun deck.", "Come along, mon ami, on sat nav.", "The day is sponsored by Sun Life."])
def test_short_weekday_names_in_lower_case_are_words(text):
    assert find_dates(text, WED_2_DEC_2026) == []


# --- named-sender reads its words from the vocabulary -----------------------------------------------

TEAM_HEAD = "Subject: Join our patient panel\nFrom: Involvement Team <involvement@example.nhs.uk>\nDate: 2 December 2026\n\n"


def _sender(run, draft, body: str) -> dict:
    out = run("check", draft(TEAM_HEAD + body + "\nThe Involvement Team\n"), "--format", "json", "--no-config")
    return out.check("draft.txt", "named-sender")


def test_a_contact_introduced_by_any_contact_verb_is_the_named_person(run, draft):
    # named-sender knew "call" and "phone" but not "telephone" or "text", which the contact facts knew.
    check = _sender(run, draft, "Please join our patient panel. To apply, telephone Sharon Byrne on 0113 496 0000.\n")
    assert (check["status"], check["note"]) == ("pass", "named contact: Sharon Byrne")


def test_a_word_in_capitals_to_text_back_is_not_a_name(run, draft):
    check = _sender(run, draft, "Please join our patient panel. Reply to involvement@example.nhs.uk.\n"
                                "Text STOP to 07700 900461 to stop these messages.\n")
    assert check["status"] == "fail"


@pytest.mark.parametrize("text, quoted, expected", [
    ("Please reply by 5pm Friday.", "Friday", date(2026, 12, 4)),  # a time between "by" and the day
    ("Please reply by 12 noon Friday.", "Friday", date(2026, 12, 4)),
    ("Please reply by midnight Sunday.", "Sunday", date(2026, 12, 6)),
    ("Please reply by 17:00, Friday.", "Friday", date(2026, 12, 4)),
    ("Please reply by Friday week.", "Friday week", date(2026, 12, 11)),  # the Friday after the coming one
])
def test_a_weekday_after_a_time_or_before_week_is_read(text, quoted, expected):
    assert [(m.text, m.date) for m in find_dates(text, WED_2_DEC_2026)] == [(quoted, expected)]


def test_a_deadline_at_a_time_on_a_weekday_days_away_is_too_soon(run, draft):
    # "by 5pm Friday" gave no date at all, so notice-period had nothing to measure.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. Reply to helen.mbeki@example.nhs.uk by 5pm Friday.\n")
    assert [(f["line"], f["message"]) for f in report["notice-period"]["findings"]] == [
        (5, "'Friday' is too soon: Friday 4 December 2026 is 2 days after it was sent on Wednesday 2 December 2026; "
            "allow at least 14 days.")]


def test_a_wrong_weekday_does_not_move_a_yearless_date_a_year_on(run, draft):
    # 29 November 2026 is a Sunday and 29 November 2027 a Monday: the weekday moved the date a year
    # on, so a closing date three days gone passed notice-period and its wrong weekday went unsaid.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. Reply to helen.mbeki@example.nhs.uk by Monday 29 November.\n")
    assert [(f["line"], f["message"]) for f in report["notice-period"]["findings"]] == [
        (5, "The date 'Monday 29 November' had already passed when it was sent (3 days earlier).")]
    assert [(f["line"], f["message"]) for f in report["dates-consistent"]["findings"]] == [
        (5, "'Monday 29 November': 29 November 2026 is a Sunday, not a Monday.")]


# --- dates written in shorter ways (December 2026) -------------------------------------------------

@pytest.mark.parametrize("text, quoted, expected", [
    # day first, the year worked out from the send date as for "12 May"
    ("Please reply by 12/5.", "12/5", date(2027, 5, 12)),
    ("Please reply by 29/11.", "29/11", date(2026, 11, 29)),  # three days before sending: passed
    ("The closing date is Wed 12/5.", "Wed 12/5", date(2027, 5, 12)),
    ("Date: 20/12\nTime: 2pm", "20/12", date(2026, 12, 20)),
    # a two-digit year after a month's short name
    ("The meeting is on 14 Jan 28.", "14 Jan 28", date(2028, 1, 14)),
    ("The meeting is on 14 Jan '28 at 2pm.", "14 Jan '28", date(2028, 1, 14)),
    ("Reply by 12/5/27.", "12/5/27", date(2027, 5, 12)),
    ("Reply by 12.5.2027.", "12.5.2027", date(2027, 5, 12)),
    ("Reply by 12-May-2028.", "12-May-2028", date(2028, 5, 12)),
    ("Reply by 12-May-28.", "12-May-28", date(2028, 5, 12)),
    ("Reply by Wed 12th May.", "Wed 12th May", date(2027, 5, 12)),
    # a day of the month with no month: this month's, or next month's once it has gone
    ("Please reply by the 12th.", "the 12th", date(2026, 12, 12)),
    ("Please reply by the 1st, at the latest.", "the 1st", date(2027, 1, 1)),
    ("The closing date is the 20th of next month.", "the 20th of next month", date(2027, 1, 20)),
])
def test_dates_written_short_are_read(text, quoted, expected):
    assert [(m.text, m.date) for m in find_dates(text, WED_2_DEC_2026)] == [(quoted, expected)]


@pytest.mark.parametrize("text, quoted", [
    ("Our helpline is 24/7.", []),
    ("Our helpline is on 24/7/365.", []),
    ("The share is 1/2 of the places.", []),
    ("The session is 1/2 day.", []),
    ("Join us on the 12th floor.", []),
    ("It is the 12th annual meeting.", []),
    ("The meeting is on 14 Jan 10:30.", ["14 Jan"]),  # a time, not a year
    ("The meeting is on 14 Jan 27 people came.", ["14 Jan"]),
    ("The meeting is on 14 Jan 10-12.", ["14 Jan"]),  # hours
])
def test_numbers_that_only_look_like_short_dates_or_years_are_not_read_as_them(text, quoted):
    assert [m.text for m in find_dates(text, WED_2_DEC_2026)] == quoted


def test_a_deadline_written_day_and_month_only_is_measured_for_notice(run, draft):
    # "by 12/5" gave no date at all: notice-period found nothing to measure.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. Reply to helen.mbeki@example.nhs.uk by 8/12.\n")
    assert [(f["line"], f["message"]) for f in report["notice-period"]["findings"]] == [
        (5, "'8/12' is too soon: Tuesday 8 December 2026 is 6 days after it was sent on Wednesday 2 December 2026; "
            "allow at least 14 days.")]


@pytest.mark.parametrize("text, quoted, expected", [
    # numbers as words come from the vocabulary's number_name, in order: every one up to thirty is read
    ("Please reply within twenty-eight days.", "within twenty-eight days", date(2026, 12, 30)),
    ("Please reply within fifteen days.", "within fifteen days", date(2026, 12, 17)),
    ("Please reply in twelve days' time.", "in twelve days' time", date(2026, 12, 14)),
    # a choice of two days is read from the first: it was read as the second
    ("We meet on 1st or 2nd February.", "1st or 2nd February", date(2027, 2, 1)),
])
def test_more_spans_and_choices_of_days_are_read(text, quoted, expected):
    assert [(m.text, m.date) for m in find_dates(text, WED_2_DEC_2026)] == [(quoted, expected)]


# --- ways UK invitations write dates and times (December 2026) ---------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the first of two days before one month: it was not read, so an event's first day was lost
    ("The conference is on Thursday 3 – Friday 4 June.", [("Thursday 3", date(2027, 6, 3)), ("Friday 4 June", date(2027, 6, 4))]),
    ("Join us Sat 9th - Sun 10th January 2027.", [("Sat 9th", date(2027, 1, 9)), ("Sun 10th January 2027", date(2027, 1, 10))]),
    ("We meet on Tues 5th & Weds 6th January.", [("Tues 5th", date(2027, 1, 5)), ("Weds 6th January", date(2027, 1, 6))]),
    ("The course runs on 5/6 January.", [("5/6 January", date(2027, 1, 5))]),
    ("The workshop is w/c 11/1.", [("11/1", date(2027, 1, 11))]),
    ("The survey is week commencing 11/1.", [("11/1", date(2027, 1, 11))]),
])
def test_two_days_written_together_are_read_from_the_first(text, expected):
    assert [(m.text, m.date) for m in find_dates(text, WED_2_DEC_2026)] == expected


def test_a_weekday_that_does_not_fit_the_first_of_two_days_is_reported(run, draft):
    # "Thursday 5 – Friday 6 June" copied from a 2025 flyer: 5 June 2027 is a Saturday.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. Reply to helen.mbeki@example.nhs.uk.\n"
                     "The conference is on Thursday 5 – Friday 6 June 2027.\n")
    assert [(f["line"], f["message"]) for f in report["dates-consistent"]["findings"]] == [
        (6, "'Thursday 5': 5 June 2027 is a Saturday, not a Thursday."),
        (6, "'Friday 6 June 2027': 6 June 2027 is a Sunday, not a Friday.")]


@pytest.mark.parametrize("text, quoted, expected", [
    ("The deadline is the end of next week.", "the end of next week", date(2026, 12, 11)),
    ("Closing date: end of this month.", "end of this month", date(2026, 12, 31)),
    ("Please reply by the end of January.", "by the end of January", date(2027, 1, 31)),
    ("Please reply by end of February 2027.", "by end of February 2027", date(2027, 2, 28)),
])
def test_the_end_of_a_week_or_month_is_read_after_any_deadline_word(text, quoted, expected):
    assert [(m.text, m.date) for m in find_dates(text, WED_2_DEC_2026)] == [(quoted, expected)]


@pytest.mark.parametrize("text", [
    "Read about it at https://example.org/news/panel_12.05.2027 before you reply.",
    "Book at https://example.org/events?date=12-05-2027 please.",
    "See www.example.org/2027-05-12/panel for the papers.",
])
def test_a_date_inside_a_web_address_is_not_a_date_to_act_by(text):
    assert find_dates(text, WED_2_DEC_2026) == []


@pytest.mark.parametrize("text", [
    "Call 01632 960 001 or 07700 900461.", "Tel: 0113 496 0000 (ext. 12/34).", "Our ref: 12/05/2027.",
    "See version 12.05.2027 of the form.", "REF 2027/05/12", "Funding for the 2025/26 financial year.",
])
def test_phone_numbers_and_references_are_not_dates(text):
    assert find_dates(text, WED_2_DEC_2026) == []


def test_a_meeting_at_quarter_past_the_hour_has_its_time(run, draft):
    # "at quarter past six" was no time, so when-and-where said the time was missing.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel meeting on Thursday 14 January 2027 at quarter past six at "
                     "Leeds Civic Hall, LS1 1UR. Reply to helen.mbeki@example.nhs.uk.\n")
    assert report["when-and-where"]["status"] == "pass"


def test_a_meeting_tonight_has_no_notice_at_all(run, draft):
    # "tonight" is the send date, and a date on the send date was passed over as the message's own:
    # notice-period said there was no date to act by, while "tomorrow" failed it.
    report = _report(run, draft, "2 December 2026",
                     "Please join us tonight at 6pm for our patient panel meeting at Leeds Civic Hall, LS1 1UR.\n"
                     "Reply to helen.mbeki@example.nhs.uk.\n")
    assert [(f["line"], f["message"]) for f in report["notice-period"]["findings"]] == [
        (5, "'tonight' is too soon: Wednesday 2 December 2026 is the day it was sent; allow at least 14 days.")]


@pytest.mark.parametrize("time", ["1800hrs", "18:00-20:00", "6pm-8pm", "from 6 to 8pm", "half six"])
def test_a_meeting_time_written_the_uk_way_is_a_time(run, draft, time):
    report = _report(run, draft, "2 December 2026",
                     f"Please join our patient panel meeting on Thursday 14 January 2027 at {time} at "
                     "Leeds Civic Hall, LS1 1UR. Reply to helen.mbeki@example.nhs.uk.\n")
    assert report["when-and-where"]["status"] == "pass"


@pytest.mark.parametrize("text, expected", [
    ("Please read the information sheet v1.2.2027 before you reply.", []),  # a version number, not 1 February
    ("The meeting is on 5th June '28 at 2pm.", [("5th June '28", date(2028, 6, 5))]),  # an apostrophe marks a year
    ("The meeting is on 5 June 28 members came.", [("5 June", date(2027, 6, 5))]),
])
def test_version_numbers_and_marked_years(text, expected):
    assert [(m.text, m.date) for m in find_dates(text, WED_2_DEC_2026)] == expected


@pytest.mark.parametrize("text", ["Our satisfaction score is 9/10.", "Score: 9/10", "It is 4/5 stars."])
def test_a_score_out_of_ten_is_not_a_date(text):
    assert find_dates(text, WED_2_DEC_2026) == []


# --- readings anyone could trigger (December 2026, fifth pass) ---------------------------------------

FRI_4_DEC_2026 = date(2026, 12, 4)


@pytest.mark.parametrize("label", ["Case no. ", "Case No: ", "Ref: ", "Invoice ", "Claim number ", "Ticket #", "Order no "])
def test_a_number_after_a_reference_label_is_not_a_date(label):
    # "Case no. 12/05/27" was read as 12 May 2027.
    assert find_dates(f"Please quote {label}12/05/27 when you reply.", WED_2_DEC_2026) == []


def test_a_date_after_a_label_with_a_deadline_word_between_is_still_read():
    assert [m.date for m in find_dates("Please send your invoice by 20/1/27.", WED_2_DEC_2026)] == [date(2027, 1, 20)]


def test_a_case_number_that_looks_like_next_week_is_not_the_earliest_date(run, draft):
    # "Case no. 08/12/26" was read as 8 December 2026: notice-period said it was 6 days away.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. Quote case no. 08/12/26 and reply to helen.mbeki@example.nhs.uk "
                     "by 20 January 2027.\n")
    assert report["notice-period"]["status"] == "pass"
    assert report["notice-period"]["note"] == "earliest date: Wednesday 20 January 2027, 49 days after sending"


@pytest.mark.parametrize("text, quoted, expected", [
    ("Please reply in two weeks.", "in two weeks", date(2026, 12, 16)),
    ("Please reply in 2 weeks.", "in 2 weeks", date(2026, 12, 16)),
    ("Please reply in a fortnight.", "in a fortnight", date(2026, 12, 16)),
    ("Please reply in a fortnight's time.", "in a fortnight's time", date(2026, 12, 16)),
    ("Please reply in three weeks' time.", "in three weeks' time", date(2026, 12, 23)),
])
def test_in_so_many_weeks_counts_from_the_send_date(text, quoted, expected):
    assert [(m.text, m.date) for m in find_dates(text, WED_2_DEC_2026)] == [(quoted, expected)]


@pytest.mark.parametrize("text", ["We meet twice in four weeks.", "There are six sessions in six weeks."])
def test_so_many_times_in_so_many_weeks_is_how_often_not_a_date(text):
    assert find_dates(text, WED_2_DEC_2026) == []


def test_a_reply_asked_for_in_a_week_is_too_soon(run, draft):
    # "in a week" gave no date: notice-period had nothing to measure.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. Reply to helen.mbeki@example.nhs.uk in a week.\n")
    assert [(f["line"], f["message"]) for f in report["notice-period"]["findings"]] == [
        (5, "'in a week' is too soon: Wednesday 9 December 2026 is 7 days after it was sent on Wednesday 2 December 2026; "
            "allow at least 14 days.")]


@pytest.mark.parametrize("text, expected", [
    # sent on a Friday, "this Friday" is today (a careful reader would not wait a week) …
    ("Please reply by this Friday.", date(2026, 12, 4)),
    # … while "this coming Friday" and a bare "by Friday" look ahead to the next one
    ("Please reply by this coming Friday.", date(2026, 12, 11)),
    ("Please reply by Friday.", date(2026, 12, 11)),
])
def test_this_friday_in_an_email_sent_on_a_friday_is_that_day(text, expected):
    assert [m.date for m in find_dates(text, FRI_4_DEC_2026)] == [expected]


@pytest.mark.parametrize("time", ["1800-2000", "0930 to 1230", "10 'til 12", "12 midnight"])
def test_more_meeting_times_written_the_uk_way_are_times(run, draft, time):
    report = _report(run, draft, "2 December 2026",
                     f"Please join our patient panel meeting on Thursday 14 January 2027, {time}, at "
                     "Leeds Civic Hall, LS1 1UR. Reply to helen.mbeki@example.nhs.uk.\n")
    assert report["when-and-where"]["status"] == "pass"


@pytest.mark.parametrize("money", ["Tickets cost £25.50.", "Lunch is £3.45.", "Parking is £10-12 a day.",
                                   "Our 2000-2030 strategy is attached.",
                                   # a count after "at" is not "at 1800", a time of day
                                   "We spoke at 1800 people events last year.", "Our hall seats up to 1800.",
                                   "We are looking at 2030 and beyond."])
def test_money_years_and_counts_are_not_the_meeting_time(run, draft, money):
    # "£25.50" was read as a time of day, so a meeting with no time passed when-and-where.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel meeting on Thursday 14 January 2027 at Leeds Civic Hall, LS1 1UR. "
                     f"{money} Reply to helen.mbeki@example.nhs.uk.\n")
    assert [f["message"] for f in report["when-and-where"]["findings"]] == [
        "It invites people to a patient panel meeting but does not give the time."]


@pytest.mark.parametrize("after", ["Sent from my iPhone, 3 December",
                                   "This notice was last reviewed on 3 December 2026."])
def test_a_date_in_a_phone_sign_off_or_a_disclaimer_is_not_a_date_to_act_by(run, draft, after):
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel meeting on Thursday 14 January 2027 at 2pm at Leeds Civic Hall, "
                     f"LS1 1UR. Reply to helen.mbeki@example.nhs.uk.\n\n{after}\n")
    assert report["notice-period"]["status"] == "pass"


def test_a_weekday_in_brackets_after_a_date_is_checked(run, draft):
    # "3rd March 2027 (Tuesday)": the weekday in brackets went unread, so its mistake went unsaid.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel. Reply to helen.mbeki@example.nhs.uk.\n"
                     "The first meeting is on 3rd March 2027 (Tuesday) at 2pm.\n")
    assert [(f["line"], f["message"]) for f in report["dates-consistent"]["findings"]] == [
        (6, "'3rd March 2027 (Tuesday)': 3 March 2027 is a Wednesday, not a Tuesday.")]
    assert [m.stated_weekday for m in find_dates("We meet on 3rd March 2027 (Wednesday).", WED_2_DEC_2026)] == [2]


@pytest.mark.parametrize("text", ["Please quote Ref. no. 12/05/27 when you reply.", "See section 1.2.27 of the terms.",
                                  "As clause 12/5/27 says, travel is paid."])
def test_a_reference_or_section_number_written_with_points_is_not_a_date(text):
    assert find_dates(text, WED_2_DEC_2026) == []


def test_a_week_or_two_is_no_date():
    # read as "in a week", a deadline seven days on, once "in two weeks" was read
    assert find_dates("In a week or two we will send you the papers.", WED_2_DEC_2026) == []


@pytest.mark.parametrize("job", ["If you work a 9-5 job, our evening sessions suit you.", "Many of us have 9 to 5 jobs."])
def test_office_hours_are_not_the_meeting_time(run, draft, job):
    # "9-5 job" was read as the meeting's time of day: a meeting with no time passed when-and-where.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel meeting on Thursday 14 January 2027 at Leeds Civic Hall, LS1 1UR. "
                     f"{job} Reply to helen.mbeki@example.nhs.uk.\n")
    assert [f["message"] for f in report["when-and-where"]["findings"]] == [
        "It invites people to a patient panel meeting but does not give the time."]


@pytest.mark.parametrize("text", ["We met on Monday and agreed the plan.", "I am on leave until Monday.",
                                  "I am on leave until 7 December.", "I am out of the office until Monday 7 December."])
def test_a_past_meeting_or_the_senders_leave_is_not_a_date_to_act_by(text):
    # "We met on Monday" was read as the coming Monday
    assert find_dates(text, WED_2_DEC_2026) == []


def test_a_date_after_the_senders_leave_in_the_same_sentence_is_still_read():
    text = "I am on leave until 7 December, so please reply to my colleague by 20 January 2027."
    assert [m.text for m in find_dates(text, WED_2_DEC_2026)] == ["20 January 2027"]


# --- readings anyone could trigger (December 2026, sixth pass) ---------------------------------------

@pytest.mark.parametrize("time", ["at 1800 at", "at 1800 on the ground floor of", "at 1830, at"])
def test_a_meeting_at_a_four_figure_time_has_its_time(run, draft, time):
    # "at 1800" was no time of day, so when-and-where said the time was missing.
    report = _report(run, draft, "2 December 2026",
                     f"Please join our patient panel meeting on Thursday 14 January 2027 {time} "
                     "Leeds Civic Hall, LS1 1UR. Reply to helen.mbeki@example.nhs.uk.\n")
    assert report["when-and-where"]["status"] == "pass"


def test_next_friday_sent_midweek_is_next_weeks_and_the_report_asks_which_is_meant(run, draft):
    # Sent on Wednesday 2 December, "next Friday" was read as Friday 4 December and quoted as 'Friday'.
    # Many UK readers take it as the Friday of next week (11 December), others as the coming one: the
    # later day is measured, and dates-consistent says it could be either, so the sender gives the date.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel meeting next Friday at 2pm at Leeds Civic Hall, LS1 1UR.\n"
                     "Reply to helen.mbeki@example.nhs.uk.\n")
    assert [(f["line"], f["message"]) for f in report["notice-period"]["findings"]] == [
        (5, "'next Friday' is too soon: Friday 11 December 2026 is 9 days after it was sent on Wednesday "
            "2 December 2026; allow at least 14 days.")]
    assert [(f["line"], f["message"]) for f in report["dates-consistent"]["findings"]] == [
        (5, "'next Friday': it could mean Friday 4 December 2026 or Friday 11 December 2026.")]


@pytest.mark.parametrize("text, sent, expected", [
    ("The meeting is next Monday.", WED_2_DEC_2026, date(2026, 12, 7)),  # the coming Monday is next week's
    ("The meeting is next Wednesday.", WED_2_DEC_2026, date(2026, 12, 9)),  # a week on from sending
    ("The meeting is next Friday.", date(2026, 12, 4), date(2026, 12, 11)),  # sent on a Friday: a week on
    ("The meeting is next Friday.", date(2026, 12, 5), date(2026, 12, 11)),  # sent on a Saturday: the coming one
])
def test_next_weekday_with_one_reading_is_that_day(text, sent, expected):
    assert [(m.text, m.date) for m in find_dates(text, sent)] == [(text[15:-1], expected)]


def test_next_monday_sent_midweek_is_not_ambiguous(run, draft):
    # The coming Monday is already next week's: one reading, nothing to ask (this passed before, with no reading to doubt)
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel meeting next Monday at 2pm at Leeds Civic Hall, LS1 1UR.\n"
                     "Reply to helen.mbeki@example.nhs.uk.\n")
    assert report["dates-consistent"]["findings"] == []


OUTLOOK_REPLY = (
    "Subject: RE: Patient panel\nFrom: Helen Mbeki <helen.mbeki@example.nhs.uk>\n\nHi Sam,\n\n"
    "Yes, please join our patient panel meeting on Thursday 14 January 2027 at 2pm at Leeds Civic Hall, LS1 1UR.\n"
    "Please reply to helen.mbeki@example.nhs.uk.\n\nHelen Mbeki\n\n{rule}\n"
    "From: Sam Patel <sam@example.org>\nSent: 30 November 2025 10:15\nTo: Helen Mbeki <helen.mbeki@example.nhs.uk>\n"
    "Subject: Patient panel\n\nHi Helen, can I still join the panel?\n\nSam Patel\n")


@pytest.mark.parametrize("rule", ["________________________________", "-----Original Message-----"])
def test_the_sent_line_of_an_earlier_message_quoted_in_a_draft_is_not_its_send_date(run, draft, rule):
    # A pasted Outlook reply with no Date line of its own took the quoted message's "Sent: 30 November 2025"
    # as its send date (reported as from its Date header), so every date in it was measured from a year before.
    out = run("check", draft(OUTLOOK_REPLY.format(rule=rule)), "--format", "json", "--no-config")
    result = out.result("draft.txt")
    assert (result["sent"], result["sent_from"]) == (date.today().isoformat(), "today")


def test_a_sent_line_at_the_foot_of_a_draft_is_still_its_send_date(run, draft):
    out = run("check", draft(OUTLOOK_REPLY.format(rule="Sent: 1 December 2026").split("\nFrom: Sam")[0] + "\n"),
              "--format", "json", "--no-config")
    result = out.result("draft.txt")
    assert result["sent"] == "2026-12-01"


@pytest.mark.parametrize("period", ["later this month", "early next month", "in the new year", "in spring 2027"])
def test_a_vague_period_is_no_day_to_measure_notice_against(run, draft, period):
    # A decision, pinned (this passed before): "later this month" or "spring 2027" names no day, so no rule
    # measures notice against a day it would have to invent ("later this month" is not the end of the month, nor the day it was sent). The dated meeting
    # is still measured.
    assert find_dates(f"Please reply {period}.", WED_2_DEC_2026) == []
    report = _report(run, draft, "2 December 2026",
                     f"Please join our patient panel meeting on Thursday 10 December 2026 at 2pm at Leeds Civic Hall, "
                     f"LS1 1UR. Please reply to helen.mbeki@example.nhs.uk {period}.\n")
    assert [f["message"] for f in report["notice-period"]["findings"]] == [
        "'Thursday 10 December 2026' is too soon: it is 8 days after it was sent on Wednesday 2 December 2026; "
        "allow at least 14 days."]
    assert report["dates-consistent"]["status"] == "pass"


@pytest.mark.parametrize("said", ["Friday next week", "Friday of next week"])
def test_a_weekday_of_next_week_is_next_weeks(run, draft, said):
    # "by Friday next week", sent on Wednesday 2 December, was read as Friday 4 December and quoted as 'Friday'.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel meeting on Thursday 14 January 2027 at 2pm at Leeds Civic Hall, "
                     f"LS1 1UR.\nPlease reply to helen.mbeki@example.nhs.uk by {said}.\n")
    assert [(f["line"], f["message"]) for f in report["notice-period"]["findings"]] == [
        (6, f"'{said}' is too soon: Friday 11 December 2026 is 9 days after it was sent on Wednesday "
            "2 December 2026; allow at least 14 days.")]
    assert report["dates-consistent"]["findings"] == []


# --- dates no calendar has (December 2026 red team) ------------------------------------------------

def test_a_yearless_29_february_in_a_year_without_one_is_reported_not_read_as_a_far_leap_year(run, draft):
    # Read as 29 February 2028: notice-period passed with "801 days after sending".
    report = _report(run, draft, "20 December 2025",
                     "Please join our patient panel. Reply to helen.mbeki@example.nhs.uk.\n"
                     "Please reply by 29 Feb.\n")
    assert [(f["line"], f["message"]) for f in report["dates-consistent"]["findings"]] == [
        (6, "'29 Feb.': there is no 29 February in 2026.")]
    assert report["notice-period"]["status"] != "pass"
    assert "801" not in (report["notice-period"].get("note") or "")


@pytest.mark.parametrize("text, sent, expected", [
    ("Please reply by 29 Feb.", date(2027, 12, 2), date(2028, 2, 29)),  # the coming February has one
    ("Please reply by 29 Feb.", date(2028, 3, 20), date(2028, 2, 29)),  # three weeks gone: this year's
    ("Please reply by 29 February 2028.", date(2025, 12, 20), date(2028, 2, 29)),  # its year given
])
def test_29_february_in_a_leap_year_is_still_read(text, sent, expected):
    assert [m.date for m in find_dates(text, sent)] == [expected]


@pytest.mark.parametrize("line, quoted, problem", [
    ("The first meeting is on 31 April 2027 at 2pm.", "31 April 2027", "there is no 31 April"),
    ("The first meeting is on 31/02/2027 at 2pm.", "31/02/2027", "there is no 31 February"),
    ("The first meeting is on 30 February at 2pm.", "30 February", "there is no 30 February"),
    ("The first meeting is on Thursday 31 April at 2pm.", "Thursday 31 April", "there is no 31 April"),
    ("The first meeting is on April 31st, 2027 at 2pm.", "April 31st, 2027", "there is no 31 April"),
    ("The first meeting is on 29 February 2027 at 2pm.", "29 February 2027", "there is no 29 February in 2027"),
])
def test_a_date_no_calendar_has_is_quoted_and_the_meeting_has_no_date(run, draft, line, quoted, problem):
    # Dropped in silence: no dates-consistent finding, and "Thursday 31 April" was read as the coming Thursday,
    # so when-and-where passed. The reader cannot tell which day is meant: dates-consistent says why, and
    # when-and-where asks for the date.
    report = _report(run, draft, "2 December 2026",
                     "Please join our patient panel at the Civic Hall, Leeds LS1 1UR. Reply to helen.mbeki@example.nhs.uk.\n"
                     + line + "\n")
    assert [(f["line"], f["message"]) for f in report["dates-consistent"]["findings"]] == [(6, f"'{quoted}': {problem}.")]
    assert [(f["line"], f["message"]) for f in report["when-and-where"]["findings"]] == [
        (6, "It invites people to a first meeting but does not give the date.")]


@pytest.mark.parametrize("text", [
    "Our helpline is open 24/7.", "A 50/50 split of the raffle.", "We won 31-30 on Saturday.",
    "Case no. 31/02/2026", "Ref: 30/02/2027", "See https://example.org/events/31-02-2027 for more.",
])
def test_things_that_only_look_like_impossible_dates_are_not_reported(text):
    assert find_impossible_dates(text, WED_2_DEC_2026) == []


# --- a send date with a year of one digit ----------------------------------------------------------

@pytest.mark.parametrize("value", ["4 March 0", "4 March 1", "4/3/1", "4 March 026"])
def test_a_send_date_without_its_year_in_full_is_refused(run, draft, value):
    # '4 March 0' was read as 4 March 2000 and '4 March 1' as 2001.
    out = run("check", draft("Subject: Join our panel\n\nPlease join our panel on 12 June 2027.\n"), "--sent", value)
    assert out.exit_code == 2 and out.stdout == ""
    assert out.stderr.strip() == (f"invitecheck: --sent '{value}' does not give its year in full; "
                                  "write it like 2024-03-04 or 4 March 2024")


@pytest.mark.parametrize("value, expected", [("4/3/26", "2026-03-04"), ("4 March '26", "2026-03-04"), ("4/3/01", "2001-03-04")])
def test_a_send_date_with_a_two_digit_year_is_read_in_the_nearest_century(run, draft, value, expected):
    out = run("check", draft("Subject: Join our panel\n\nPlease join our panel on 12 June 2027.\n"), "--sent", value,
              "--format", "json", "--no-config", "--force")
    assert out.result("draft.txt")["sent"] == expected


@pytest.mark.parametrize("value", ["20260304", "2026-03-04", "2026/03/04", "4 March 2026", "04/03/2026"])
def test_a_send_date_written_year_first_without_separators_is_read_in_iso_order(run, draft, value):
    # '20260304' (ISO 8601's basic form, as many systems export it) was read day first: 3 April 2026.
    out = run("check", draft("Subject: Join our panel\n\nPlease join our panel on 12 June 2027.\n"), "--sent", value,
              "--format", "json", "--no-config", "--force")
    assert out.result("draft.txt")["sent"] == "2026-03-04"


def test_a_draft_date_line_without_its_year_in_full_is_refused(run, draft):
    out = run("check", draft("Subject: Join our panel\nDate: 4 March 1\n\nPlease join our panel on 12 June 2027.\n"),
              "--format", "json")
    assert out.exit_code == 2
    assert "the Date line '4 March 1' does not give its year in full, such as 4 March 2024" in out.result("draft.txt")["error"]


def test_an_email_date_header_without_its_year_in_full_is_noted_and_today_used(run, tmp_path):
    path = tmp_path / "x.eml"
    path.write_text("From: Helen Mbeki <helen.mbeki@example.nhs.uk>\nSubject: Join our panel\n"
                    "Date: Wed, 4 Mar 1 10:00:00 +0000\n\nPlease join our panel on 12 June 2027.\n")
    result = run("check", path, "--format", "json", "--force").result("x.eml")
    assert result["sent_from"] == "today"
    assert any("The Date header 'Wed, 4 Mar 1 10:00:00 +0000' does not give its year in full" in note for note in result["notes"])


# --- two days before one month ---------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The sessions are on 12th & 19th Jan.", [("12th", date(2027, 1, 12)), ("19th Jan.", date(2027, 1, 19))]),
    ("The sessions are on 12th and 19th January.", [("12th", date(2027, 1, 12)), ("19th January", date(2027, 1, 19))]),
    ("Come on 5 & 6 June 2027.", [("5", date(2027, 6, 5)), ("6 June 2027", date(2027, 6, 6))]),
    ("Come on 1st or 2nd June 2027.", [("1st or 2nd June 2027", date(2027, 6, 1))]),  # a choice: its first day
    ("The course runs 12-14 January.", [("12-14 January", date(2027, 1, 12))]),  # a range: its first day
    ("The course runs 12 to 14 January.", [("12 to 14 January", date(2027, 1, 12))]),
])
def test_two_days_before_one_month_are_both_read(text, expected):
    # "12th & 19th Jan" was read as the 12th only.
    assert [(m.text, m.date) for m in find_dates(text, WED_2_DEC_2026)] == expected


# --- a date's line, read from the line index --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a Date: line among header lines is a timestamp, on the first line, a middle one or the last (no newline after)
    ("Date: 1 December 2026\nFrom: Sam <sam@example.org>\nPlease reply by 20 December 2026.", ["20 December 2026"]),
    ("Please reply by 20 December 2026.\n> From: Sam <sam@example.org>\n> Date: 1 December 2026", ["20 December 2026"]),
    ("Please reply by 20 December 2026.\nFrom: Sam\nDate: 1 December 2026\nSubject: Panel\n", ["20 December 2026"]),
    # a Date: line on its own heads the event, wherever it is
    ("Join our panel.\nDate: 14 January 2027", ["14 January 2027"]),
    ("Date: 14 January 2027\nTime: 2pm", ["14 January 2027"]),
    # one long line of many dates: each is read (the line's start was searched for back along it for every date)
    ("Please come on 1 March 2027 or " + "come on 12 March 2027 or " * 2000, ["1 March 2027"] + ["12 March 2027"] * 2000),
])
def test_header_dates_are_told_from_dates_to_act_by_on_every_line(text, expected):
    assert [m.text for m in find_dates(text, WED_2_DEC_2026)] == expected


@pytest.mark.parametrize("text, sent, problem", [
    ("Please reply by 29 February.", date(2023, 3, 1), "there is no 29 February in 2023"),  # a day gone: this year's
    ("Please reply by 29 Feb.", date(2026, 12, 2), "there is no 29 February in 2027"),
    ("Please reply by 31 June.", date(2026, 12, 2), "there is no 31 June"),
])
def test_a_yearless_date_no_calendar_has_says_which(text, sent, problem):
    assert find_dates(text, sent) == []
    assert [m.problem for m in find_impossible_dates(text, sent)] == [problem]
