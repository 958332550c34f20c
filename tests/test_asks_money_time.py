"""Asks, money and commitment in the shapes real invitations take, as the four rules that read them report it."""

from __future__ import annotations

from datetime import date

import pytest

from invitecheck.engine import Settings, check_invitation
from invitecheck.facts import facts_for
from invitecheck.loaders.text import load_text
from invitecheck.rules import bundled_rules

RULES = {rule.id: rule for rule in bundled_rules()}
SENT = date(2024, 3, 4)


def load(text: str):
    return load_text((text if text.startswith("From:") else "\n" + text).encode("utf-8"), "case.txt")


def check(rule_id: str, text: str):
    return check_invitation(load(text), [RULES[rule_id]], Settings(sent=SENT, today=SENT)).checks[0]


# -- role-and-time: each kind of ask gets the pieces it needs, and the suggestion names them ---

def test_an_interview_panel_is_a_one_off_and_needs_only_how_long_it_takes():
    record = check("role-and-time", "We need a patient representative for an interview panel on 3 May at Ashgrove House.")
    assert record.status == "fail"
    assert record.findings[0].message.endswith("does not say how long it takes.")
    assert "how often" not in record.findings[0].message
    assert record.findings[0].suggestion.startswith("Say how long it takes from start to finish")
    assert check("role-and-time", "We need a patient representative for an interview panel on 3 May, 9am to 1pm.").status == "pass"


def test_an_ongoing_role_suggestion_names_what_is_missing():
    record = check("role-and-time", "We are recruiting two lay members to join our safety committee, which meets monthly for two hours.")
    assert record.findings[0].message.endswith("does not say for how long in all.")
    assert record.findings[0].suggestion.startswith("Add what is missing (for how long in all)")


def test_a_rate_of_pay_is_not_how_long_a_meeting_lasts():
    record = check("role-and-time", "Join our safety committee: meetings are monthly, for a term of two years. We pay £20 an hour.")
    assert record.status == "fail"
    assert record.findings[0].message.endswith("does not say how long each time.")


def test_a_survey_that_says_how_long_it_takes_is_not_a_role():
    assert check("role-and-time", "Please fill in our survey; it takes about five minutes.").status == "not-applicable"


@pytest.mark.parametrize("text", [
    "I can't make Thursday's Quality Committee. Could you attend in my place? It is at Trust HQ.",
    "Would anyone be able to cover the carers' forum for me on Tuesday? It meets at the Civic Hall.",
    "The rota for this summer's ward visits is open: please sign up for one or more slots.",
    "We'd love some patients to walk round the new outpatients building with us on 3 May.",
    "We would like to watch you try an early version of our booking screens.",
    "Would you be willing to be interviewed about your stay on the ward?",
    "Can you spare two hours to help us plan the new waiting area?",
])
def test_asks_for_time_in_the_shapes_real_invitations_take(text):
    record = check("payment-for-time", text)
    assert record.status == "fail", record.note
    assert record.findings[0].message.endswith("does not say whether people are paid for their time.")


def test_sparing_ten_minutes_for_a_survey_is_not_an_ask_for_time():
    assert check("payment-for-time", "Could you spare ten minutes to answer our online survey?").status == "not-applicable"


# -- expenses-explained -------------------------------------------------------------------------

def test_free_parking_alone_does_not_explain_costs_and_the_message_says_why():
    record = check("expenses-explained", "The tasting session is at the Civic Hall, Leeds LS1 1UR. Parking is free for tasters.")
    assert record.status == "fail"
    assert "says only that parking is paid for ('Parking is free')" in record.findings[0].message
    assert check("expenses-explained", "The tasting session is at the Civic Hall, Leeds LS1 1UR. Parking is free, "
                                       "and we repay bus and train fares on the day.").status == "pass"


@pytest.mark.parametrize("text, want", [
    ("Join our Patient Participation Group: it meets every other month on a Tuesday evening.", "fail"),
    ("Just a reminder that our next PPG meeting is on Tuesday 26 March at 6pm.", "fail"),
    ("Join our virtual panel: we email you a question four times a year.", "not-applicable"),
    ("We need two patient reviewers to read our grant application summary at home.", "not-applicable"),
])
def test_expenses_apply_to_a_group_or_meeting_not_said_to_be_online(text, want):
    assert check("expenses-explained", text).status == want


# -- an Outlook reply: the sender's own earlier message still counts, nobody else's does -----

REPLY = """From: Connor Whitfield <connor.whitfield@example.ac.uk>
Date: 4 March 2024
Subject: RE: Parents wanted

Hi Ama, I've attached the application form. Send it back to me by 29 March.
Connor

From: {quoted}
Sent: 01 March 2024 10:03
To: Parents Network <parents@example.org.uk>
Subject: Parents wanted

We are looking for parents to join a research advisory group that meets online four times a year for two
hours, over the three years of the study. Members are paid £50 per meeting and we can point you to free
benefits advice.
"""


def test_an_outlook_reply_reads_the_senders_own_quoted_invitation():
    own = load(REPLY.format(quoted="Connor Whitfield <connor.whitfield@example.ac.uk>"))
    assert facts_for(own, SENT).asks.ongoing is not None
    result = check_invitation(own, [RULES["payment-for-time"], RULES["role-and-time"]], Settings(sent=SENT, today=SENT))
    assert [c.status for c in result.checks] == ["pass", "pass"]


def test_an_outlook_reply_does_not_read_someone_elses_quoted_message():
    other = load(REPLY.format(quoted="Jo Bloggs <jo.bloggs@example.org>"))
    assert facts_for(other, SENT).asks.role is None
    assert facts_for(other, SENT).money.payment is None


# -- shapes from the second development set --------------------------------------------------

def test_nobody_is_paid_says_the_role_is_voluntary():
    text = "Join our committee, which meets monthly. The group is run by volunteers and nobody is paid."
    assert check("payment-for-time", text).status == "pass"


def test_a_reminder_of_a_group_meeting_with_a_long_name_is_a_meeting():
    text = "A quick reminder that our next Patient Participation Group meeting is on Tuesday 19 January, 6pm to 7.30pm."
    assert facts_for(load(text), SENT).asks.event is not None
    # members already know what their group asks of them: role-and-time does not apply to the reminder
    assert facts_for(load(text), SENT).asks.reminder is not None
    assert check("role-and-time", text).status == "not-applicable"


@pytest.mark.parametrize("text", [
    "Join our committee. Term: two years. Meetings: six a year, 10am to 1pm.",
    "Join our panel: it meets every two months for 90 minutes, for an initial year.",
    "Join our group: it meets every two months for 90 minutes, and you can come as often as you like.",
    "Join our group: it will meet three times, each time from 7pm to 8.30pm.",
])
def test_for_how_long_in_all_in_the_ways_people_say_it(text):
    assert check("role-and-time", text).status == "pass"


def test_a_group_that_meets_next_on_a_date_is_a_meeting_not_a_role_to_join():
    text = "Our Carers' Forum meets next on Wednesday 27 January, 10.30am to 12.30pm, at the Carers' Centre."
    assert facts_for(load(text), SENT).asks.ongoing is None
    assert check("role-and-time", text).status == "pass"


# -- payment-for-time: what answers whether time is paid, and what only seems to ---

def test_costs_said_to_be_paid_do_not_answer_whether_time_is_paid():
    record = check("payment-for-time", "Please come to a workshop to plan the new eye clinic at the Civic Centre. "
                                       "Your travel expenses will be paid on the day.")
    assert record.status == "fail"
    assert record.findings[0].message.endswith("does not say whether people are paid for their time.")
    # time and costs together are pay for time
    assert check("payment-for-time", "Please come to a workshop at the Civic Centre. Your time and travel will be paid; "
                                     "we pay £20 an hour and can point you to benefits advice.").status == "pass"


def test_voluntary_said_while_pay_is_still_being_decided_is_no_answer():
    record = check("payment-for-time", "Join our reading group, which meets monthly. I am still waiting to hear whether "
                                       "we can pay members or whether it will need to be voluntary.")
    assert record.status == "fail"
    assert record.findings[0].message.endswith("does not say whether people are paid for their time.")
    assert check("payment-for-time", "Join our reading group, which meets monthly. The role is voluntary.").status == "pass"


def test_the_usual_fee_needs_no_new_benefits_advice_but_a_new_fee_does():
    usual = check("payment-for-time", "Could you go to the advisory group in my place on Friday? The usual £45 for the afternoon.")
    assert usual.status == "pass"
    new = check("payment-for-time", "Could you go to the advisory group in my place on Friday? We pay £45 for the afternoon.")
    assert new.status == "fail"
    assert new.findings[0].message.endswith("does not say where to get advice on how payment may affect benefits.")


# -- payment-for-time applies to a meeting or event where people are asked for their views, not only to workshops ---

def test_a_meeting_where_people_are_asked_to_have_their_say_needs_a_word_on_pay():
    record = check("payment-for-time", "We are holding a public meeting at the Corn Exchange on Monday 10 May, 7pm to 9pm. "
                                       "Come along and have your say on the new clinic.")
    assert record.status == "fail"
    assert record.findings[0].message.startswith("It asks for people's time ('meeting')")


@pytest.mark.parametrize("text", [
    "Please fill in our survey about the new clinic. We will share what you tell us at our next meeting on 3 May at the Civic Centre.",
    "Our AGM is on Thursday 6 May at 7pm in the Guildhall.",
    "Join us for the launch of the new parking scheme on Friday 7 May at 11am at the main entrance.",
    "Just a reminder that our next forum meeting is on Tuesday 4 May at 6pm. Come along and have your say.",
])
def test_a_survey_a_notice_or_a_reminder_still_asks_for_no_time(text):
    assert check("payment-for-time", text).status == "not-applicable"
