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


# --- 4. a date without a year takes the year the text's other dates give ---------------------------

@pytest.mark.parametrize("text, sent, expected", [
    # sent in February 2026 about a panel in 2027: the welcome session is January 2027's, not last month's
    ("The panel meets on 9 March 2027 and 13 April 2027. A welcome session is on 12 January.", date(2026, 2, 2),
     [date(2027, 3, 9), date(2027, 4, 13), date(2027, 1, 12)]),
    # an undated draft, read as sent today, about meetings in 2026: its reply date is 2026's too
    ("The panel meets on Thursday 12 March 2026. Please reply by 20 February.", date(2026, 12, 4),
     [date(2026, 3, 12), date(2026, 2, 20)]),
    # across the year's end, each keeps the year nearest the others
    ("Sessions on 14 December 2026 and 11 January 2027. Reply by 30 November.", date(2026, 11, 2),
     [date(2026, 12, 14), date(2027, 1, 11), date(2026, 11, 30)]),
    # a report's date is no reason to move an invitation into the past
    ("Our report of 3 March 2026 is out. Join us on 12 January.", date(2026, 11, 2), [date(2026, 3, 3), date(2027, 1, 12)]),
])
def test_a_yearless_date_takes_the_year_of_the_dates_given_in_full(text, sent, expected):
    assert [m.date for m in find_dates(text, sent)] == expected


def test_a_yearless_date_before_a_2027_panel_is_not_read_as_history(run, draft):
    # "12 January" was read as 12 January 2026, three weeks before it was sent: history, so the notice
    # counted from the March meeting and the welcome session did not count.
    report = _report(run, draft, "2 February 2026",
                     "Please join our carers' panel. It meets on Tuesday 9 March 2027 at Hill House, Leeds LS1 4AB, 2pm to 4pm.\n"
                     "A welcome session is on 12 January, before the first meeting. Please reply by 20 February.\n")
    assert report["notice-period"]["note"] == "earliest date: Friday 20 February 2026, 18 days after sending"
    assert report["dates-consistent"]["status"] == "pass"


# --- 5. "tonight, 6pm to 8pm" is when an event is, not a demand ---------------------------------------

def test_an_event_tonight_with_its_time_is_not_a_demand_for_an_instant_reply(run, draft):
    report = _report(run, draft, "2 November 2026",
                     "Our carers' cafe meeting is tonight, 6pm to 8pm, at Hill House, Leeds LS1 4AB.\n"
                     "You can send questions to the panel this evening at 7 when we go live.\n")
    assert report["reply-time-realistic"]["status"] == "pass"
    # a meeting the same day still gives no notice
    assert _findings(report["notice-period"]) == [
        (5, "'tonight' is too soon: Monday 2 November 2026 is the day it was sent; allow at least 14 days.")]


def test_reply_tonight_is_still_a_demand(run, draft):
    report = _report(run, draft, "2 November 2026", "For our panel on 10 December, please reply tonight.\n")
    assert _findings(report["reply-time-realistic"]) == [(5, "'tonight' asks for an answer with no time to give one.")]
    report = _report(run, draft, "2 November 2026", "For our panel on 10 December, please reply by 5pm tonight.\n")
    assert _findings(report["reply-time-realistic"]) == [(5, "'by 5pm tonight' asks for an answer with no time to give one.")]


def test_a_meeting_tomorrow_at_its_time_is_short_notice_not_a_demand(run, draft):
    report = _report(run, draft, "2 November 2026", "Please come to our carers' panel. The meeting is tomorrow at 10am at Hill House.\n")
    assert report["reply-time-realistic"]["status"] == "pass"
    assert report["notice-period"]["status"] == "fail"


# --- 7. "Date: TBC" on a draft: no send date yet ----------------------------------------------------

BODY_2027 = ("Please join our carers' panel on 10 March 2027 at Hill House, Leeds LS1 4AB, 10am to 12pm.\n"
             "Please reply by 20 January 2027 to rhian.okafor@example.nhs.uk.\n\nRhian Okafor\n")


@pytest.mark.parametrize("value", ["TBC", "to be confirmed", "[date]", "[insert date]", "XX/XX/XXXX"])
def test_a_draft_whose_date_line_is_not_filled_in_is_read_as_undated(run, draft, value):
    # It was refused: "the Date line 'TBC' is not a date I can read", exit status 2.
    path = draft(f"Subject: Carers' panel\nFrom: Rhian Okafor <rhian.okafor@example.nhs.uk>\nDate: {value}\n\n{BODY_2027}")
    out = run("check", path, "--no-config", "-f", "json", "--sent", "2026-12-01")
    result = out.result("draft.txt")
    assert "error" not in result and result["sent"] == "2026-12-01"
    assert f"The Date line says '{value}', so it has no send date yet." in result["notes"]
    checks = {c["rule"]: c for c in result["checks"]}
    assert checks["notice-period"]["note"] == "earliest date: Wednesday 20 January 2027, 50 days after sending"
    assert checks["no-placeholders"]["status"] == "pass"  # the draft's own Date line is not the message


def test_a_sent_line_left_as_a_placeholder_is_undated_too_and_judged_from_today(run, draft):
    path = draft(f"Subject: Carers' panel\nFrom: Rhian Okafor <rhian.okafor@example.nhs.uk>\nSent: [date]\n\n{BODY_2027}")
    result = run("check", path, "--no-config", "-f", "json").result("draft.txt")
    assert result["sent_from"] == "today" and "error" not in result


# --- 8. a letter's own date line, under its letterhead, is when it was sent ---------------------------

LETTERHEAD = "Larkfield Surgery\n12 Station Road\nLeeds LS1 4AB\n\n"
LETTER_BODY = ("Please come to our patient group meeting on 10 November 2026 at Larkfield Surgery, 6pm to 8pm.\n"
               "Reply to Rhian Okafor, rhian.okafor@example.nhs.uk, 0113 496 0000.\n\nRhian Okafor\nPractice Manager\n")


@pytest.mark.parametrize("line", ["4 November 2026", "Wednesday 4th November 2026", "04/11/2026"])
def test_a_letters_date_line_above_its_greeting_is_the_send_date(run, draft, line):
    # It was read as sent today, so the meeting six days after the letter was "history" and notice-period did not apply.
    path = draft(f"{LETTERHEAD}{line}\n\nDear patient,\n\n{LETTER_BODY}")
    result = run("check", path, "--no-config", "-f", "json").result("draft.txt")
    assert result["sent"] == "2026-11-04"
    notice = next(c for c in result["checks"] if c["rule"] == "notice-period")
    assert [(f["line"], f["message"]) for f in notice["findings"]] == [
        (9, "'10 November 2026' is too soon: Tuesday 10 November 2026 is 6 days after it was sent on Wednesday 4 November 2026; "
            "allow at least 14 days.")]


def test_a_date_alone_on_a_line_further_down_is_an_events_not_the_send_date(run, draft):
    path = draft(f"{LETTERHEAD}Dear patient,\n\nPlease come to our patient group meeting, 6pm to 8pm, on:\n\n"
                 "10 November 2026\n\nReply to Rhian Okafor, rhian.okafor@example.nhs.uk.\n\nRhian Okafor\n")
    result = run("check", path, "--no-config", "-f", "json", "--sent", "2026-10-01").result("draft.txt")
    assert result["sent_from"] == "--sent"
    result = run("check", path, "--no-config", "-f", "json").result("draft.txt")
    assert result["sent_from"] == "today"


# --- a place just after a time ---------------------------------------------------------------------

def test_the_place_after_a_time_is_quoted_as_the_place(run, draft):
    # It quoted 'pm at Hill House' as where people must travel to.
    report = _report(run, draft, "2 November 2026",
                     "Please join our carers' panel on 10 December, 10am to 12pm at Hill House.\nPlease reply by 20 November.\n")
    assert _findings(report["expenses-explained"]) == [
        (5, "It asks people to come in person ('Hill House') but does not say how travel and other costs are paid.")]


def test_a_reminder_of_a_meeting_tonight_asks_for_no_notice_and_no_instant_reply(run, draft):
    report = _report(run, draft, "2 November 2026",
                     "Just a reminder that our carers' cafe meeting is tonight, 6pm to 8pm, at Hill House, Leeds LS1 4AB.\n")
    assert report["notice-period"]["status"] == "not-applicable"
    assert report["reply-time-realistic"]["status"] == "pass"


# --- deadlines written with the hour or the end of the day before the date --------------------------

@pytest.mark.parametrize("deadline", [
    "by 12 noon, Friday 11 December",
    "by close of play on Friday 11 December",
    "by the end of the day, 11.59pm on 11 December",
])
def test_a_deadline_after_the_hour_or_the_end_of_the_day_is_still_a_deadline(run, draft, deadline):
    # Each was read as a second event, so a deadline after the meeting it was for went unreported.
    report = _report(run, draft, "2 November 2026",
                     f"The focus group is on Thursday 10 December at Hill House, 2pm to 4pm.\nPlease reply {deadline}.\n")
    assert [message.split(":")[0] for _, message in _findings(report["dates-consistent"])] == [
        f"'{deadline.split(', ')[-1].split(' on ')[-1]}'"]


def test_a_week_on_friday_is_quoted_whole_and_is_a_deadline(run, draft):
    report = _report(run, draft, "2 November 2026",
                     "The focus group is on Thursday 10 December at Hill House, 2pm to 4pm.\nPlease reply by a week on Friday.\n")
    assert _findings(report["notice-period"]) == [
        (6, "'a week on Friday' is too soon: Friday 13 November 2026 is 11 days after it was sent on Monday 2 November 2026; "
            "allow at least 14 days.")]


# --- 3. "w/c 9 March": a week named by its first day ----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Interviews will be on Tuesday in the week commencing 8 March.", [date(2027, 3, 9), date(2027, 3, 8)]),
    ("The group meets on Thursday, the week of 8 March.", [date(2027, 3, 11), date(2027, 3, 8)]),
    ("Please reply by Friday w/c 30 November.", [date(2026, 12, 4), date(2026, 11, 30)]),
])
def test_a_weekday_in_a_named_week_is_that_weeks_day_not_the_coming_one(text, expected):
    # "Tuesday" was read as the Tuesday after sending (3 November), four months before the week it names.
    assert [m.date for m in find_dates(text, date(2026, 11, 2))] == expected


def test_a_weekday_in_a_named_week_gives_no_false_alarm_about_notice(run, draft):
    report = _report(run, draft, "2 November 2026",
                     "Interviews will be on Tuesday in the week commencing 8 March at Hill House, 2pm to 4pm.\n"
                     "Please reply by 20 November.\n")
    assert report["notice-period"]["note"] == "earliest date: Friday 20 November 2026, 18 days after sending"
    assert report["dates-consistent"]["status"] == "pass"


# --- an hour with no day, as a reply date, is today's ------------------------------------------------

def test_reply_by_an_hour_with_no_day_is_a_demand_for_an_instant_reply(run, draft):
    report = _report(run, draft, "2 November 2026", "Please join our carers' panel on 10 December.\n\nPlease reply by midday.\n")
    assert _findings(report["reply-time-realistic"]) == [(7, "'by midday' asks for an answer with no time to give one.")]
    # the hour of a day named in its paragraph is that day's
    report = _report(run, draft, "2 November 2026",
                     "Please join our carers' panel on 10 December. The closing date is 20 November. Reply by 5pm.\n")
    assert report["reply-time-realistic"]["status"] == "pass"


def test_a_time_said_in_words_of_the_day_is_a_time(run, draft):
    # "at 7 in the evening" was no time of day, so when-and-where said the meeting had none.
    report = _report(run, draft, "2 November 2026",
                     "Please come to our carers' panel meeting on Thursday 10 December at 7 in the evening at Hill House, "
                     "Leeds LS1 4AB.\nPlease reply by 20 November.\n")
    assert report["when-and-where"]["status"] == "pass", report["when-and-where"]


def test_a_consultations_closing_date_after_its_drop_in_is_no_contradiction(run, draft):
    # The drop-in is one way to answer the consultation; its closing date is not the drop-in's reply date.
    report = _report(run, draft, "2 November 2026",
                     "We would like your views on our draft visiting policy. You can talk it through with us at a drop-in "
                     "on Tuesday 8 December 2026, 6pm to 7pm, on Zoom.\n\nThe consultation closes on Friday 18 December 2026.\n")
    assert report["dates-consistent"]["status"] == "pass"


# --- a short weekday in small letters, with its day of the month --------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("the quiz night is this sat (5th) at the Hub", [date(2026, 12, 5)]),
    ("see you fri 4th!", [date(2026, 12, 4)]),
])
def test_a_short_weekday_in_small_letters_with_its_day_is_a_date(text, expected):
    # A text message's "sat (5th)" was no date, so two days' notice went unreported.
    assert [m.date for m in find_dates(text, date(2026, 12, 3))] == expected


def test_a_text_message_for_this_sat_gives_too_little_notice(run, draft):
    report = _report(run, draft, "3 December 2026", "hi Jo, our carers' cafe is this sat (5th) 11-1 at the Hub, can u come?\n")
    assert _findings(report["notice-period"]) == [
        (5, "'sat (5th)' is too soon: Saturday 5 December 2026 is 2 days after it was sent on Thursday 3 December 2026; "
            "allow at least 14 days.")]
