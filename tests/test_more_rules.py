"""The rules beyond the five, on short phrasings: what each flags and what it leaves alone."""

from __future__ import annotations

import pytest

from test_rule_phrasings import status

CASES = [
    # reply-time-realistic
    ("reply-time-realistic", "Please send your details by close of play.", "fail"),
    ("reply-time-realistic", "Could you let me know within 24 hours?", "fail"),
    ("reply-time-realistic", "We'd be grateful if you could respond today.", "fail"),
    ("reply-time-realistic", "We will pay expenses as soon as possible after the meeting.", "pass"),
    ("reply-time-realistic", "Sign up today for our newsletter.", "pass"),
    # how-to-respond
    ("how-to-respond", "From: Panel <no-reply@example.org>\n\nTo apply, tell us why you are interested.", "fail"),
    ("how-to-respond", "From: Panel <no-reply@example.org>\n\nTo apply, email panel@example.org.", "pass"),
    ("how-to-respond", "From: Panel <no-reply@example.org>\n\nTo apply, ring 0113 496 0000.", "pass"),
    ("how-to-respond", "From: Panel <no-reply@example.org>\n\nPlease complete the form below.\n\nName: ____\nPhone: ____", "pass"),
    ("how-to-respond", "From: Panel <no-reply@example.org>\n\nTo apply, write to us at 1 High Street, Leeds LS1 1AA.", "pass"),
    ("how-to-respond", "From: Helen Mbeki <helen@example.org>\n\nPlease reply if you would like to join.", "pass"),
    ("how-to-respond", "We read every grant application summary with care.", "not-applicable"),
    # contact-details
    ("contact-details", "From: Engagement <no-reply@example.org>\n\nJoin us.\n\nHelen Mbeki\nEngagement Lead", "fail"),
    ("contact-details", "From: Engagement <no-reply@example.org>\n\nJoin us.\n\nHelen Mbeki\n0113 496 0000", "pass"),
    ("contact-details", "From: Engagement <no-reply@example.org>\n\nQuestions to helen.mbeki@example.org please.", "pass"),
    ("contact-details", "From: Sam Patel <sam.patel@example.org>\n\nJoin us.", "pass"),
    ("contact-details", "From: Engagement <no-reply@example.org>\n\nQuestions? Email no-reply@example.org.", "fail"),
    # role-and-time
    ("role-and-time", "We are looking for people to join our reading panel.", "fail"),
    # an ongoing role needs all three: how long each time, how often, for how long in all
    ("role-and-time", "Join our panel: it meets for two hours, four times a year, for two years.", "pass"),
    ("role-and-time", "Join our panel: it meets for two hours, four times a year.", "fail"),
    ("role-and-time", "Join our group for a year. Meetings are monthly, 6pm to 7.30pm.", "pass"),
    ("role-and-time", "Become a member of our board for a two-year term; meetings take about 3 hours.", "fail"),
    ("role-and-time", "Become a member of our board for a two-year term; monthly meetings take about 3 hours.", "pass"),
    # a one-off group needs how long it takes
    ("role-and-time", "We are recruiting people for a 90-minute focus group about our website.", "pass"),
    ("role-and-time", "Please fill in our survey.", "not-applicable"),
    # when-and-where
    ("when-and-where", "We invite you to a focus group on 12 March 2024 at 2pm at Leeds Central Library.", "pass"),
    ("when-and-where", "Join us for an online session on Zoom on Tuesday 12 March 2024, 7pm to 8pm. We will email you the link.", "pass"),
    # "on Zoom" alone does not say how to join (issue 12)
    ("when-and-where", "Join us for an online session on Zoom on Tuesday 12 March 2024, 7pm to 8pm.", "fail"),
    ("when-and-where", "We would like to invite you to a meeting about our plans.", "fail"),
    ("when-and-where", "Join us for a webinar on 12 March 2024.", "fail"),
    ("when-and-where", "The next meeting is on 12 March 2024 at 6pm; the venue is Room 4, Civic Hall.", "pass"),
    ("when-and-where", "Please read our draft plan and email us.", "not-applicable"),
    # access-support
    ("access-support", "The workshop is at the Civic Hall on 12 March.", "fail"),
    ("access-support", "The workshop is at the Civic Hall, which is fully accessible.", "pass"),
    ("access-support", "Come to our workshop. Please tell us about any access needs when you book.", "pass"),
    ("access-support", "Please review our draft leaflet. It is also available in easy read.", "pass"),
    ("access-support", "Please read the papers before the meeting. If you need them in another language, let us know.", "pass"),
    ("access-support", "Please fill in our survey.", "not-applicable"),
    # payment-for-time
    ("payment-for-time", "Join our advisory group, which meets four times a year.", "fail"),
    ("payment-for-time", "Join our advisory group. We offer a £25 voucher for each meeting.", "fail"),  # no benefits pointer
    ("payment-for-time", "Join our advisory group. We pay £25 a meeting. Payments may affect benefits: ask us about free advice.", "pass"),
    ("payment-for-time", "Join our advisory group. The role is unpaid, but we cover expenses.", "pass"),
    ("payment-for-time", "Join our steering committee. This is a voluntary role.", "pass"),
    ("payment-for-time", "Please complete our short online survey.", "not-applicable"),
    # dates-consistent
    ("dates-consistent", "Date: 4 March 2024\n\nThe meeting is on Tuesday 12 March 2024.", "pass"),
    ("dates-consistent", "Date: 4 March 2024\n\nThe meeting is on Friday 12 March 2024.", "fail"),
    # A deadline already gone is notice-period's finding alone (issue 13, item 3).
    ("dates-consistent", "Date: 4 March 2024\n\nPlease apply by 1 March 2024.", "pass"),
    ("notice-period", "Date: 4 March 2024\n\nPlease apply by 1 March 2024.", "fail"),
    ("dates-consistent", "Date: 4 March 2024\n\nThe session takes place on 20 March 2024. Please book by 22 March 2024.", "fail"),
    ("dates-consistent", "Date: 4 March 2024\n\nWe met on 12 February 2024. The next meeting is on 20 March 2024.", "pass"),
    # no-placeholders
    ("no-placeholders", "Dear [First Name],\n\nJoin us.", "fail"),
    ("no-placeholders", "The meeting is at [INSERT VENUE].", "fail"),
    ("no-placeholders", "Contact <name> for details.", "fail"),
    ("no-placeholders", "Time: TBC", "fail"),
    ("no-placeholders", "See reference [1] and the appendix.", "pass"),
    ("no-placeholders", "The meeting is at 2pm in Room 4 [ground floor].", "pass"),
    # jargon-explained
    ("jargon-explained", "Join our PPI group.", "fail"),
    ("jargon-explained", "Your PCN would like to hear from you.", "fail"),
    ("jargon-explained", "Join our patient participation group (PPG).", "pass"),
    ("jargon-explained", "The ICB (integrated care board) is recruiting.", "pass"),
    ("jargon-explained", "Ask your GP, or ring NHS 111.", "not-applicable"),
    ("jargon-explained", "Our PALS team can help.\n\nKind regards,\nJo\nNHS Leeds ICB", "fail"),
    # plain-english
    ("plain-english", "Hello. We want your help. Our leaflets are hard to read. Can you read one a month and tell us what is not clear? It takes half an hour. You do it at home. We pay you £10 each time. We also cover postage. Please reply if you are interested.", "pass"),
]


@pytest.mark.parametrize("rule_id, text, want", CASES, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(CASES)])
def test_rule_case(rule_id, text, want):
    assert status(rule_id, text) == want
