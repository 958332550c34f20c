"""The facts layer, the vocabulary and the 'fact' kind: what a user sees from each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from invitecheck.engine import Settings, check_invitation
from invitecheck.facts import facts_for
from invitecheck.loaders.text import load_text
from invitecheck.rules import RuleError, bundled_rules, load_rule_file

RULES = {rule.id: rule for rule in bundled_rules()}
SENT = date(2024, 3, 4)


def facts(text: str):
    return facts_for(load_text(("\n" + text).encode("utf-8"), "case.txt"), SENT)


def check(rule_id: str, text: str):
    if not text.startswith("From:"):
        text = "\n" + text
    doc = load_text(text.encode("utf-8"), "case.txt")
    return check_invitation(doc, [RULES[rule_id]], Settings(sent=SENT, today=SENT)).checks[0]


# -- the vocabulary --------------------------------------------------------------

RULE_TEMPLATE = """id: my-rule
title: Mine
kind: forbid
severity: warning
weight: 1
message: "x"
why: "y"
source: "https://example.org/why"
examples: {{}}
patterns:
  - "{pattern}"
"""


def test_a_rule_pattern_can_use_a_vocabulary_entry(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(RULE_TEMPLATE.format(pattern="\\\\b(?:{vocab:online})\\\\b"), encoding="utf-8")
    rule = load_rule_file(path)
    doc = load_text(b"\nThe meeting is on Zoom.", "case.txt")
    assert check_invitation(doc, [rule], Settings(sent=SENT)).checks[0].status == "fail"


def test_an_unknown_vocabulary_name_is_a_load_error_naming_file_and_line(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(RULE_TEMPLATE.format(pattern="{vocab:onlin}"), encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rule_file(path)
    assert str(error.value).startswith(f"{path}, line 10:"), str(error.value)
    assert "no entry 'onlin'" in str(error.value)


def test_an_unknown_fact_name_is_a_load_error(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    text = RULE_TEMPLATE.replace("{{}}", "{}").replace("kind: forbid", "kind: fact").replace('patterns:\n  - "{pattern}"\n', "requires: money.expense\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rule_file(path)
    assert "line 10" in str(error.value) and "money.expense" in str(error.value)


# -- facts, each with its evidence -------------------------------------------------

def test_facts_are_worked_out_once_per_invitation():
    doc = load_text(b"\nJoin our panel.", "case.txt")
    assert facts_for(doc, SENT) is facts_for(doc, SENT)


def test_evidence_points_at_the_words():
    text = "Questions? Email helen.mbeki@example.org."
    found = facts(text)
    evidence = found.people.person_email
    assert found.doc.text[evidence.start : evidence.end] == "helen.mbeki@example.org"


@pytest.mark.parametrize("text, kind", [
    ("Email engagement@example.nhs.uk with questions.", "team"),
    ("Email helen.mbeki@example.nhs.uk with questions.", "person"),
    ("Email no-reply@example.nhs.uk with questions.", "no-reply"),
    ("Email helen [at] example.org with questions.", "team"),
    ("Questions? Email Helen Mbeki: helen [at] example.org", "person"),
    ("Email helen.mbeki [at] example [dot] org with questions.", "person"),
])
def test_addresses_are_told_apart(text, kind):
    assert [a.kind for a in facts(text).people.addresses] == [kind]


def test_a_switchboard_is_not_a_persons_phone():
    found = facts("For questions ring the switchboard on 0113 243 3144.")
    assert found.people.switchboard and not found.people.phone


@pytest.mark.parametrize("text, expected", [
    ("Travel expenses will be reimbursed.", "stated"),
    ("Expenses may be available.", "hedged"),
    ("We may be able to cover travel costs.", "hedged"),
    ("We are sorry that we cannot cover travel costs.", "stated"),
    ("Tea and cake will be served.", "none"),
])
def test_expenses_covered_hedged_or_not_said(text, expected):
    money = facts(text).money
    got = "stated" if money.expenses else "hedged" if money.expenses_hedged else "none"
    assert got == expected


def test_unpaid_carers_are_people_not_a_role():
    assert facts("We want to hear from unpaid carers.").money.voluntary is None


@pytest.mark.parametrize("text, pieces", [
    ("Meetings last one and a half hours.", {"duration"}),
    ("We meet four times a year for two hours.", {"duration", "frequency"}),
    ("It is a three-year term; meetings are monthly, 10am–12.30.", {"duration", "frequency", "term"}),
])
def test_commitment(text, pieces):
    found = facts(text).commitment
    assert {name for name in ("duration", "frequency", "term") if getattr(found, name)} == pieces


@pytest.mark.parametrize("text, mode", [
    ("Join our panel. Meetings are on Zoom.", "online"),
    ("Join our panel at the Civic Hall, Leeds LS1 1UR.", "in person"),
    ("Join our panel; meetings are hybrid.", "hybrid"),
])
def test_the_mode_of_an_ask(text, mode):
    assert facts(text).asks.mode == mode


def test_venue_tbc_is_not_a_place():
    found = facts("Join us for a workshop.\nVenue: TBC\n")
    assert found.places.to_be_confirmed and not found.places.venue


def test_where_online_on_zoom_is_online_only():
    assert facts("Join us for a workshop on 5 May.\nWhere: online, on Zoom\n").places.online_only


# -- how-to-respond ------------------------------------------------------------------

def test_how_to_respond_applies_to_every_invitation():
    assert check("how-to-respond", "Come along to our café on any Thursday morning.").status == "fail"
    assert check("how-to-respond", "Come along to our café on Thursdays; no need to book.").status == "pass"


def test_how_to_respond_please_email_a_name_with_no_address_fails():
    record = check("how-to-respond", "To take part, please email Zahra.")
    assert record.status == "fail"
    assert "there is no email address" in record.findings[0].message


def test_how_to_respond_says_replies_go_to_a_no_reply_address():
    record = check("how-to-respond", "From: Panel <no-reply@example.org>\n\nPlease apply by 29 March 2024.")
    assert record.findings[0].message == "It asks people to 'apply', but replies go to a no-reply address."


# -- contact-details -------------------------------------------------------------------

def test_contact_details_says_when_it_saw_only_a_team_address():
    record = check("contact-details", "From: Events <events@example.org>\n\nJoin our panel. Questions to events@example.org.\n\nMegan Hall\nProducer")
    assert record.status == "fail"
    assert "'events@example.org', is a team address" in record.findings[0].message


def test_contact_details_a_named_persons_own_address_or_phone_passes():
    assert check("contact-details", "From: Events <events@example.org>\n\nJoin us. Questions to megan.hall@example.org.").status == "pass"
    assert check("contact-details", "From: Events <events@example.org>\n\nJoin us. Ring Megan on 0113 496 0000.\n\nMegan Hall").status == "pass"


def test_contact_details_a_switchboard_alone_is_not_a_person():
    record = check("contact-details", "From: Events <no-reply@example.org>\n\nJoin us. Ring the switchboard on 0113 243 3144.")
    assert record.status == "fail"


# -- payment-for-time ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "We are recruiting people for a focus group about our website.",
    "We invite you to a listening event about community nursing on 12 March 2024.",
    "We are looking for people to take part in interviews about their care.",
    "We are looking for a co-applicant for our research bid.",
])
def test_payment_applies_to_any_ask_for_time_beyond_a_survey(text):
    record = check("payment-for-time", text)
    assert record.status == "fail"
    assert "does not say whether people are paid for their time" in record.findings[0].message


def test_payment_names_what_is_missing_when_paid():
    record = check("payment-for-time", "Join our panel. We pay £25 an hour.")
    assert record.findings[0].message.endswith("does not say where to get advice on how payment may affect benefits.")


def test_payment_unpaid_carers_and_a_survey_only():
    assert check("payment-for-time", "We want to hear from unpaid carers: please fill in our survey.").status == "not-applicable"


# -- expenses-explained ------------------------------------------------------------------

def test_expenses_a_hedge_does_not_count_and_the_message_says_so():
    record = check("expenses-explained", "The group meets at the Civic Hall, Leeds LS1 1UR. Expenses may be available.")
    assert record.status == "fail"
    assert "only hedges about costs ('Expenses')" in record.findings[0].message


@pytest.mark.parametrize("text, want", [
    ("Filming will be at our London office on 14 March.", "fail"),
    ("Our café is open every Thursday at St Mark's Church Hall, Halifax HX1 3AB. We pay bus fares.", "pass"),
    ("There is no need to attend in person: everything is done by email.", "not-applicable"),
    ("Join our workshop on 5 May.\nWhere: online, on Zoom\n", "not-applicable"),
])
def test_expenses_applies_to_anything_people_may_travel_to(text, want):
    assert check("expenses-explained", text).status == want


# -- role-and-time -------------------------------------------------------------------------

def test_role_and_time_names_the_missing_pieces_and_not_the_verb():
    record = check("role-and-time", "We're looking for people to join our reading panel, which meets monthly.")
    message = record.findings[0].message
    assert message == "It asks for people's time ('our reading panel') but does not say how long each time or for how long in all."


def test_role_and_time_a_one_off_group_needs_only_how_long_it_takes():
    assert check("role-and-time", "We invite you to a focus group on 5 May; it lasts one and a half hours.").status == "pass"
    assert check("role-and-time", "We invite you to a focus group on 5 May.").status == "fail"


# -- when-and-where ------------------------------------------------------------------------

def test_when_and_where_venue_tbc_is_not_a_place():
    record = check("when-and-where", "We invite you to a listening event on 12 March 2024, 2pm to 4pm.\n\nVenue: TBC\n")
    assert record.findings[0].message == "It invites people to a listening event but does not give the place."


def test_when_and_where_applies_whenever_a_meeting_is_named():
    record = check("when-and-where", "Please send your travel requirements by close of play today.\n\nThe conference is at the Royal Horticultural Halls, London SW1P 2PB.")
    assert record.status == "fail"
    assert "does not give the date or the time" in record.findings[0].message


def test_when_and_where_a_recurring_cafe_gives_its_day():
    assert check("when-and-where", "Our carers' café is open every Thursday from 10am to 12 noon at St Mark's Church Hall.").status == "pass"


def test_when_and_where_suggestion_fits_an_online_meeting():
    record = check("when-and-where", "Join us for an online session on Zoom on Tuesday 12 March 2024.")
    assert record.status == "fail"
    # the suggestion names what is missing: the time and how to join, not an address
    suggestion = record.findings[0].suggestion
    assert "the time" in suggestion and "joining details" in suggestion and "address" not in suggestion


def test_when_and_where_on_zoom_with_no_link_is_missing_how_to_join():
    record = check("when-and-where", "Our next forum is on Thursday 14 March 2024, 7pm to 8pm. You can join using the Zoom link below.")
    assert record.status == "fail"
    assert record.findings[0].message == ("It invites people to a forum but does not give the joining details "
                                          "(a link, a dial-in, or when they will be sent).")


@pytest.mark.parametrize("text, words", [
    ("Our next forum is on Thursday 14 March 2024, 7pm. We'll meet on Zoom; we will email you the joining link the day before.",
     "we will email you the joining link"),
    ("Our next forum is on Thursday 14 March 2024, 7pm, on Teams: https://teams.example.com/meet/1", "https://teams.example.com/meet/1"),
    ("Our next forum is on Thursday 14 March 2024, 7pm, by phone: we'll ring you at home.", "by phone"),
    ("Our next forum is on Thursday 14 March 2024, 7pm, on Zoom. To join, email sam.patel@example.org.", "To join, email"),
])
def test_how_to_join_an_online_meeting(text, words):
    assert facts(text).places.where.words(facts(text).doc) == words


@pytest.mark.parametrize("text, words", [
    ("Join us on 5 May, 10-12, at the library.", "10-12"),
    ("Join us on 5 May, 10am–12.30, at the library.", "10am–12.30"),
    ("Join us on 5 May from 1.30 till 3 at the library.", "1.30 till 3"),
])
def test_times_of_day_in_the_ways_people_write_them(text, words):
    found = facts(text)
    assert found.times.clock.words(found.doc) == words


def test_a_promise_of_the_senders_is_not_a_deadline():
    found = facts("Join our panel. We will reply to everyone within ten days. Please apply by 29 March 2024.")
    assert [(d.evidence.words(found.doc), d.role) for d in found.times.dates] == [
        ("within ten days", "promise"), ("29 March 2024", "deadline")]
    assert found.times.notice_days == 25


def test_a_time_of_day_with_a_date_is_no_instant_demand():
    assert facts("Please apply by the end of the day, 11.59pm on 22 March 2024.").times.instants == []
    assert facts("Please apply by the end of the day.").times.instants


def test_a_range_of_days_is_not_a_time():
    assert facts("The festival runs 10-12 May at the library.").times.clock is None


# -- access-support ------------------------------------------------------------------------

def test_access_no_step_free_suggestion_for_a_zoom_meeting():
    record = check("access-support", "Our carers' panel meets online on Zoom once a month. Would you like to join?")
    assert record.status == "fail"
    assert "step-free" not in record.findings[0].suggestion and "captions" in record.findings[0].suggestion
    assert record.findings[0].values["variant"] == "online"


@pytest.mark.parametrize("offer", ["We can send papers in whatever format suits you.", "Tell us about any access requirements.",
                                   "The papers come in another format if you ask.", "Let us know what would help you take part."])
def test_access_offers_in_the_ways_people_write_them(offer):
    assert check("access-support", f"Come along to our workshop at the Civic Hall. {offer}").status == "pass"


def test_asks_are_recognised_in_their_usual_forms():
    assert facts("We are holding a workshop on urgent care on 25 July.").asks.event
    assert facts("Our Food Panel tastes the meals. It meets four times a year.").asks.role
    assert facts("We're redesigning our website and need people to try it out.").asks.one_off
    assert facts("We are starting a carers' reference group.").asks.role


# -- consumers read facts, not a rule's data --------------------------------------------------

def test_the_audit_still_knows_the_notice_with_notice_period_turned_off():
    from invitecheck.audit import audit_record
    from invitecheck.classify import load_classifier
    from invitecheck.sources import Item
    from conftest import EXAMPLES

    rules = [rule for rule in bundled_rules() if rule.id != "notice-period"]
    record = audit_record(Item(str(EXAMPLES / "champion.eml")), rules, Settings(), load_classifier(), True)
    assert record["notice_days"] is not None and record["notice_days"] < 7


def test_the_reply_greets_the_sender_found_by_the_facts(tmp_path: Path):
    from typer.testing import CliRunner

    from invitecheck.cli import app

    draft = tmp_path / "draft.txt"
    draft.write_text("From: Events <events@example.org>\nDate: 4 March 2024\n\nJoin our panel.\n\nKind regards,\nMegan Hall\nProducer\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["reply", str(draft)])
    assert "Megan" in out.stdout.split("\n\n")[0] or "Megan" in out.stdout[:200]


def test_an_instant_demand_is_scored_once():
    from invitecheck.engine import check_text

    result = check_text("\nPlease send your travel requirements by close of play.", [RULES["notice-period"], RULES["reply-time-realistic"]],
                        Settings(sent=SENT))
    flagged = [c.rule for c in result.checks for f in c.findings if "close of play" in f.excerpt[f.highlight[0]:f.highlight[1]]]
    assert flagged == ["reply-time-realistic"]


def test_a_team_address_with_a_place_name_is_still_a_team_address():
    assert [a.kind for a in facts("Email marlshire.engagement@example.nhs.uk or ppg.brooklane@example.org.").people.addresses] == ["team", "team"]


def test_a_practice_phone_number_is_not_a_named_persons():
    record = check("contact-details", "From: Brook Lane Surgery <surgery@example.org>\n\nJoin our group. Ring the surgery on 0113 496 0100.\n\nBest wishes,\nDr Ann Lee\nGP Partner")
    assert record.status == "fail"
    assert check("contact-details", "From: Brook Lane Surgery <surgery@example.org>\n\nJoin our group. Ring me on 0113 496 0100.\n\nBest wishes,\nDr Ann Lee\nGP Partner").status == "pass"


# -- each fact is worked out only when a rule reads it ----------------------------------

def worked_out(record) -> set[str]:
    return {name for name in record.names() if name in vars(record)}


def test_a_fact_is_worked_out_only_when_read():
    found = facts("Join our focus group at the Civic Hall. We pay £25 and cover your travel costs.")
    assert found.money.expenses is not None
    assert worked_out(found.money) == {"expenses"}  # the amount, benefits and the rest are never looked for
    assert found.money.paid is not None
    assert worked_out(found.money) == {"expenses", "payment", "voluntary", "paid"}


def test_a_checklist_stops_looking_once_it_knows_enough():
    # A one-off focus group: role-and-time asks how long it takes, never how often or for how long in all.
    text = "Please join our focus group on Zoom for 90 minutes on Tuesday 12 March at 2pm."
    doc = load_text(("\n" + text).encode("utf-8"), "case.txt")
    result = check_invitation(doc, [RULES["role-and-time"]], Settings(sent=SENT, today=SENT))
    assert result.checks[0].status == "pass"
    commitment = facts_for(doc, SENT).commitment
    assert worked_out(commitment) == {"duration"}


def test_people_and_places_share_one_search_for_a_link():
    found = facts("Book at https://example.org/book or come to the Civic Hall.")
    assert found.people.link == found.places.link is not None
    assert found.people.link.words(found.doc) == "https://example.org/book"


def test_the_facts_of_a_long_invitation_take_well_under_a_second():
    import time

    from invitecheck.facts import NAMES, lookup

    paragraph = ("We are looking for people to join our patient panel, which meets every month at the Civic Hall. "
                 "People who come to the hospital by bus can claim travel costs. Call Helen on 0113 496 0000.\n\n")
    found = facts(paragraph * 400)  # about 90,000 characters
    started = time.process_time()
    for name in NAMES:
        lookup(found, name)
    assert time.process_time() - started < 2.0  # about 0.2 s on the two-core development machine


# -- promises, and the kinds that read the times facts -------------------------------

def test_each_promised_document_is_its_own_fact_with_its_words():
    found = facts("Please find attached the agenda and the terms of reference.\n\nThe form below is for your reply.\n\n"
                  "Kind regards,\nHelen").promises
    attached = found.attachments[0]
    assert attached.documents == ("agenda", "terms of reference")
    assert [p.thing for p in found.below] == ["form"]
    assert found.made == found.attachments + found.below  # in the order the text makes them
    assert found.below[0].evidence.words(found.doc) == "form below"


def test_a_demand_in_the_subject_line_is_reported_where_it_is():
    result = check("reply-time-realistic", "From: Helen Mbeki <h@example.org>\nSubject: Reply by close of play please\n\n"
                   "Would you join our panel? It meets on Wednesday 20 March 2024.\n")
    assert result.status == "fail"
    assert [f.excerpt for f in result.findings] == ["Subject: Reply by close of play please"]


def test_a_deadline_after_the_meeting_it_is_for_names_both_dates():
    result = check("dates-consistent", "The panel meets on 20 March 2024. Please reply by 25 March 2024.\n")
    assert result.status == "fail"
    assert "the deadline, Monday 25 March 2024, is after the event on Wednesday 20 March 2024" in result.findings[0].message


def test_a_forwarded_messages_own_date_line_is_not_a_date_of_the_invitation():
    text = ("From: Sam <sam@example.org>\nSubject: Fwd: panel\n\nFor your interest.\n\n"
            "---------- Forwarded message ---------\nFrom: Helen Mbeki <h@example.org>\nDate: Friday 1 March 2024 1:17 PM\n"
            "Subject: panel\nTo: Sam <sam@example.org>\n\nWould you like to join our patient panel?\n")
    assert check("dates-consistent", text).status == "not-applicable"
