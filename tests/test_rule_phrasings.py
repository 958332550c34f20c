"""The five rules on many phrasings, written to vary the wording rather than to fit the rules.

Each case is a short draft and the status one rule should give it. Together
they are the per-rule agreement table reported in the issue notes: when a rule
changes, these show what it gained or lost.
"""

from __future__ import annotations

from datetime import date

import pytest

from invitecheck.engine import Settings, check_invitation
from invitecheck.loaders.text import load_text
from invitecheck.rules import bundled_rules

RULES = {rule.id: rule for rule in bundled_rules()}


def status(rule_id: str, text: str, sent: str = "4 March 2024") -> str:
    if not text.startswith(("From:", "Subject:", "Date:", "Attachments:")):
        text = "\n" + text
    draft = f"Date: {sent}\n{text}" if "Date:" not in text else text
    doc = load_text(draft.encode("utf-8"), "case.txt")
    return check_invitation(doc, [RULES[rule_id]], Settings(today=date(2024, 3, 4))).checks[0].status


SENDER = [
    ("From: Helen Mbeki <helen.mbeki@example.nhs.uk>\n\nWould you join us?", "pass"),
    ("From: Dr. Sarah O'Connor <s.oconnor@example.ac.uk>\n\nWould you join us?", "pass"),
    ("From: sarah.oconnor@example.nhs.uk\n\nWould you join us?", "pass"),
    ("From: \"Okafor, Amara\" <a.okafor@example.nhs.uk>\n\nWould you join us?", "pass"),
    ("From: PPI Team <ppi@example.ac.uk>\n\nWould you join us?\n\nWarm wishes,\n\nSarah\nPPI Officer", "pass"),
    ("From: Research Office <research@example.ac.uk>\n\nJoin us.\n\nThanks so much,\nPriya", "pass"),
    ("From: Engagement <engage@example.org>\n\nJoin us.\n\nBest,\nTom", "pass"),
    ("From: Engagement <engage@example.org>\n\nJoin us.\n\nYours sincerely\n\n\nMrs J. Smith\nHead of Patient Experience", "pass"),
    ("From: Engagement <engage@example.org>\n\nJoin us.\n\nSam Patel | Engagement Lead\nNorth Trust", "pass"),
    ("From: Engagement <engage@example.org>\n\nMy name is Aisha and I lead our carers' work.", "pass"),
    ("From: Engagement <engage@example.org>\n\nFor more information, contact Helen on 0113 496 0000.", "pass"),
    ("From: Engagement <engage@example.org>\n\nQuestions? Contact: Helen Mbeki, helen@example.org", "pass"),
    ("From: Helen from Healthwatch <info@healthwatch.example.org>\n\nJoin us.", "pass"),
    ("From: Communications <comms@example.nhs.uk>\n\nSent on behalf of Dr Jane Doe, Chair of the Patient Panel.", "pass"),
    ("From: no-reply@example.nhs.uk\n\nJoin us.\n\nKind regards,\nDr Ben Carter\nClinical Lead", "pass"),
    ("From: Administrator <admin@example.nhs.uk>\n\nJoin us.\n\nAdministrator", "fail"),
    ("From: NHS Engagement <engagement@example.nhs.uk>\n\nJoin us.\n\nNHS Engagement Team", "fail"),
    ("From: info@charity.example.org\n\nJoin us.\n\nThe Team", "fail"),
    ("From: Research Study <study@example.ac.uk>\n\nJoin us.\n\nThank you", "fail"),
    ("From: PPG <ppg@example.nhs.uk>\n\nJoin us.\n\nKind regards,\nPatient Participation Group", "fail"),
    ("From: PALS <pals@example.nhs.uk>\n\nJoin us.\n\nRegards,\nPALS", "fail"),
    ("From: Healthwatch Kirklees <info@hwk.example.org>\n\nJoin us.\n\nKind regards\nThe Healthwatch Team", "fail"),
    ("From: Involvement Hub <noreply@example.nhs.uk>\n\nJoin us at our event.\n\nThe Involvement Hub", "fail"),
    ("From: Mid Shire ICB <no-reply@icb.example.nhs.uk>\n\nJoin us.\n\nMid Shire ICB", "fail"),
    ("From: Age UK Leeds <hello@ageuk.example.org>\n\nJoin us.\n\nBest wishes,\nEveryone at Age UK Leeds", "fail"),
    ("Join us at our listening event.\n\nThanks,\nThe Engagement Team", "fail"),
]

NOTICE = [
    ("The closing date is Friday 29 March 2024.", "pass"),
    ("Expressions of interest by 5pm, 28th March.", "pass"),
    ("Deadline: 28.03.24", "pass"),
    ("Please reply by the 3rd of April.", "pass"),
    ("The panel meets on April 3rd, 2024.", "pass"),
    ("Please reply within 14 days.", "pass"),
    ("Let us know in three weeks' time.", "pass"),
    ("The consultation runs from 5 March to 30 April 2024.", "pass"),
    ("There is no closing date; we welcome new members at any time.", "not-applicable"),
    ("Our group meets on the first Monday of every month.", "not-applicable"),
    ("We met on 12 February 2024 and agreed the plan.", "not-applicable"),
    ("Please apply by Friday.", "fail"),
    ("Applications close on Sunday.", "fail"),
    ("Deadline for applications: 8 March 2024", "fail"),
    ("Please reply by 11/03/2024.", "fail"),
    ("The meeting is on Tuesday 12 March at 2pm; please let me know by Friday 29 March if you can come.", "fail"),
    ("Please send your details by close of play.", "fail"),
    ("We need your answer by the end of the day.", "fail"),
    ("Could you reply by return?", "fail"),
    ("Please get back to me today if you can.", "fail"),
    ("Please confirm within 48 hours.", "fail"),
    ("We would be grateful if you could respond ASAP.", "fail"),
    ("Please reply within 5 working days.", "fail"),
    ("The workshop is next Tuesday.", "fail"),
    ("Closing date: 1 March 2024", "fail"),  # already past on the send date
    ("We will get back to you as soon as possible.", "not-applicable"),
]

ATTACHMENTS = [
    ("Attachments: role-description.pdf\n\nPlease read the attached role description.", "pass"),
    ("Attachments: JD_PatientRep_2024.docx\n\nThe job description is attached.", "pass"),
    ("Attachments: Doc1.docx\n\nPlease find attached the application form.", "pass"),
    ("Attachments: leaflet.pdf\n\nI have enclosed a leaflet about the study.", "pass"),
    ("Attachments: EOI form.docx\n\nYou'll find the expression of interest form attached.", "pass"),
    ("Attachments: info.pdf\n\nSee attached.", "pass"),
    ("Please fill in the form below.\n\nName: ______\nPhone: ______\nBest time to call: ______", "pass"),
    ("To register, use the link below:\nhttps://example.org/register", "pass"),
    ("Below is a link to the survey: https://example.org/s", "pass"),
    ("The details are below.\n\nDate: Tuesday 12 March\nTime: 2pm to 4pm\nPlace: Room 4", "pass"),
    ("Please answer the following questions:\n1. Have you used the service?\n2. What went well?", "pass"),
    ("Our group is attached to the renal unit.", "not-applicable"),
    ("There are no strings attached: you can leave at any time.", "not-applicable"),
    ("Blood pressure below 140/90 is normal.", "not-applicable"),
    ("Following the meeting we will send you the notes.", "not-applicable"),
    ("Please read the attached role description.", "fail"),
    ("Attachments: agenda.pdf\n\nPlease read the attached role description.", "fail"),
    ("Attachments: agenda.pdf\n\nPlease complete the enclosed consent form.", "fail"),
    ("Attachments:\n\nPlease see the attached leaflet.", "fail"),
    ("Please follow the instructions in the attachments.", "fail"),
    ("Please send in the application form below.\n\nThank you.", "fail"),
    ("Click the link below to sign up.\n\nMany thanks,\nJo", "fail"),
    ("Please use the following link to book your place.\n\nThanks", "fail"),
    ("To apply, click here.", "fail"),
]

WORDING = [
    ("Become a Patient Champion!", "fail"),
    ("Our patient heroes make this possible.", "fail"),
    ("We take your feedback extremely seriously.", "fail"),
    ("Patients are at the centre of everything we do.", "fail"),
    ("Don't worry if you haven't done this before.", "fail"),
    ("We'll explain it in layman's terms.", "fail"),
    ("We want to hear from stroke sufferers.", "fail"),
    ("Are you suffering from long COVID?", "fail"),
    ("Do you suffer from arthritis?", "fail"),
    ("She became a victim of a stroke at 40.", "fail"),
    ("The venue is suitable for those confined to a wheelchair.", "fail"),
    ("This group is for the elderly.", "fail"),
    ("We support the disabled and their carers.", "fail"),
    ("The service protects the vulnerable.", "fail"),
    ("The mentally handicapped were once housed here.", "fail"),
    ("Our panel includes able-bodied and disabled members.", "fail"),
    ("Our group champions the voice of carers.", "pass"),
    ("We welcome people with lived experience of stroke.", "pass"),
    ("You might be recovering from a heart attack.", "pass"),
    ("We work with disabled people and older people.", "pass"),
    ("The disabled toilet is on the ground floor.", "pass"),
    ("We work with vulnerable adults and their families.", "pass"),
    ("The elderly care team runs the clinic.", "pass"),
    ("Victims of crime can get support from our partners.", "pass"),
    ("The Patient Experience Champion award goes to our ward staff.", "pass"),
    ("She is a wheelchair user and a member of our panel.", "pass"),
]

EXPENSES = [
    ("The panel meets at the Civic Hall, Leeds LS1 1UR. Tea and cake will be served.", "fail"),
    ("Please let us know your travel requirements so we can book them.", "fail"),
    ("The meeting will be held face to face in Room 3.", "fail"),
    ("Join us at St James's Hospital for a listening event.", "fail"),
    ("Venue: Bolton Library, Le Mans Crescent", "fail"),
    ("The workshop is in person at our offices in Exeter.", "fail"),
    ("Come along to our drop-in at the community centre.", "fail"),
    ("The meeting is at the Town Hall. We pay travel expenses.", "pass"),
    ("The panel meets in person. Travel costs will be reimbursed within 30 days.", "pass"),
    ("We meet face to face and can pay for taxis where needed.", "pass"),
    # Free parking alone helps drivers only: the labellers' calls in tests/invitations/README.md judge it not enough.
    ("Held at the Civic Centre. Free parking is available on site.", "fail"),
    ("We meet at the hospital and will refund your bus fare.", "pass"),
    ("We meet at the University. We pay £25 an hour plus travel.", "pass"),
    ("The meeting is in person. We are sorry that we cannot cover travel costs.", "pass"),
    ("Please complete our online survey.", "not-applicable"),
    ("Read the leaflet and email us your comments.", "not-applicable"),
    ("The meeting is on Zoom; we will send the link.", "not-applicable"),
    ("We can cover this on our conference call.", "not-applicable"),
    ("There is no need to attend in person: everything is done by email.", "not-applicable"),
]

# A second set, written after the rules and measured before any change for it
# (52 of 60 agreed; see the notes on issue 3), then kept as regression cases.
SENDER += [
 ("From: Lewisham Patient Voice <voice@lpv.example.org>\n\nHi all,\nWe're recruiting for our board.\n\nCheers,\nMo Farah-Ali\nVolunteer Coordinator", "pass"),
 ("From: \"Dr R. Singh\" <rsingh@example.ac.uk>\n\nDear participant,\nthank you for your interest.", "pass"),
 ("From: Kidney Research Network <krn@example.org>\n\nDear supporter,\nPlease take part.\n\nWith thanks\n\nProfessor Alan Whitby\nChair", "pass"),
 ("From: Trust Membership Office <members@example.nhs.uk>\n\nDear member,\nNominations are open.\n\nMembership Office\nSouth Trust", "fail"),
 ("From: Notifications <notifications@survey.example.com>\n\nYou have been invited to complete a survey.", "fail"),
 ("From: Jo <jo@example.org>\n\nHi, fancy joining us?\n\nJo", "pass"),
 ("From: CCG Comms <comms@ccg.example.nhs.uk>\n\nDear Resident,\nWe are reviewing services.\n\nYours faithfully\n\nThe Communications and Engagement Team", "fail"),
 ("From: Patient Involvement <involve@example.nhs.uk>\n\nPlease join.\n\nIf you have questions, ring Bev Adams on 01632 960123.", "pass"),
 ("From: Research Design Service <rds@example.ac.uk>\n\nPlease join.\n\nBest regards\nRDS South West", "fail"),
 ("From: Maternity Voices <mvp@example.org>\n\nHello!\nJoin us for coffee.\n\nLove,\nThe MVP crew", "fail"),
 ("From: \"WILLIAMS, Gareth (NHS WALES)\" <gareth.williams@wales.example.nhs.uk>\n\nPlease join.", "pass"),
 ("From: Clinical Trials Unit <ctu@example.ac.uk>\n\nPlease join.\n\nKind regards,\n\nCTU Admin", "fail"),
]
NOTICE += [
 ("Date: 1 May 2024\n\nPlease return your form by Wednesday 8th May.", "fail"),
 ("Date: 1 May 2024\n\nThe session takes place on 30/05/2024 at 10:00.", "pass"),
 ("Date: 1 May 2024\n\nReplies needed no later than 3 May.", "fail"),
 ("Date: 1 May 2024\n\nWe'd love to see you at our AGM on Thursday 20th June 2024.", "pass"),
 ("Date: 1 May 2024\n\nIf you could let me know by tomorrow that would be great.", "fail"),
 ("Date: 1 May 2024\n\nResponses by Friday 10 May please.", "fail"),
 ("Date: 28 November 2024\n\nThe first meeting is on 9 January.", "pass"),
 ("Date: 28 November 2024\n\nPlease reply by 2 December.", "fail"),
 ("Date: 1 May 2024\n\nWe need to finalise numbers by lunchtime today.", "fail"),
 ("Date: 1 May 2024\n\nYou can join the group whenever you like.", "not-applicable"),
 ("Date: 1 May 2024\n\nPlease reply at your earliest convenience.", "fail"),
 ("Date: 1 May 2024\n\nThe deadline for applications is midnight on 31 May 2024.", "pass"),
]
ATTACHMENTS += [
 ("Attachments: Participant Information Sheet v3.pdf\n\nI attach the participant information sheet for you to read.", "pass"),
 ("Attachments: flyer.jpg\n\nPlease share the attached poster with your members.", "pass"),
 ("Please read the information sheet which is attached.", "fail"),
 ("Please download the form from our website: https://example.org/form", "not-applicable"),
 ("To book, fill in the booking form below and return it to me.\n\nKind regards,\nAnn", "fail"),
 ("Full details are given below.\n\nWhen: 5 June, 2pm\nWhere: Town Hall", "pass"),
 ("Please see the attached.", "fail"),
 ("Attachments: Agenda 12 June.docx, Minutes May.docx\n\nPlease find attached the agenda and minutes.", "pass"),
 ("Attachments: poster.pdf\n\nPlease read the enclosed application pack.", "fail"),
 ("Click on the link below to watch our short video.\nhttps://video.example.org/intro", "pass"),
 ("As mentioned below, we pay for your time.\n\nWe pay £20 an hour.", "pass"),
 ("If you are interested, complete the short questionnaire below.\n\n1. Your name?\n2. Why are you interested?", "pass"),
]
WORDING += [
 ("Calling all diabetics: we need your views!", "fail"),
 ("We are inviting cancer victims and their families.", "fail"),
 ("Come and join our fabulous Patient Champions network.", "fail"),
 ("Your voice is at the heart of everything we do.", "pass"),
 ("Please don't hesitate to contact me.", "pass"),
 ("We value the views of older people and disabled people.", "pass"),
 ("She has lived with MS for ten years.", "pass"),
 ("The group is for people suffering with anxiety.", "fail"),
 ("This role suits people who are housebound.", "pass"),
 ("He's been wheelchair bound since the accident.", "fail"),
 ("We ensure patients are treated as equal partners.", "fail"),
 ("Our Carer Champion, Jo, will meet you on arrival.", "pass"),
]
EXPENSES += [
 ("The focus group is at The Hive, Worcester WR1 3PD. Lunch is provided.", "fail"),
 ("We'll be meeting at the Quaker Meeting House. Reasonable out-of-pocket expenses will be reimbursed.", "pass"),
 ("You'll need to travel to Birmingham for the training day.", "fail"),
 ("Sessions are online via Microsoft Teams.", "not-applicable"),
 ("Interviews will be held at the hospital. We cannot pay for travel.", "pass"),
 ("Please post your completed questionnaire back to us in the prepaid envelope.", "not-applicable"),
 ("The event is at Manchester Central. Train tickets can be booked for you by our team and paid for in advance.", "pass"),
 ("Join us in person at our Bristol office.", "fail"),
 ("We meet monthly at Leeds Civic Hall and cover travel and parking costs.", "pass"),
 ("It's a phone interview lasting about 30 minutes.", "not-applicable"),
 ("The workshop is face-to-face. Parking is free for attendees.", "fail"),  # parking alone: see above
 ("Come to our open day at the Research Centre, Oxford OX3 7LE.", "fail"),
]

# A third set, written later in the same way (46 of 50 agreed before changes).
SENDER += [
 ("From: Patient Engagement <engagement@trust.example.nhs.uk>\n\nPlease join us.\n\nWarm regards\n\nJames O'Brien-Smith | Patient Engagement Lead | Tel 01234 567890", "pass"),
 ("From: noreply@surveys.example.com\n\nSent on behalf of Kent Healthwatch. Please complete our survey.", "fail"),
 ("From: Research Office <ro@example.ac.uk>\n\nPlease join us.\n\nBest wishes,\nDr. A. Khan", "pass"),
 ("From: Involvement <inv@example.org>\n\nPlease join us.\n\nThanks,\nLucy (Involvement Officer)", "pass"),
 ("From: Involvement Team <inv@example.org>\n\nHello, my name is Sarah and I'm the Involvement Officer here.", "pass"),
 ("From: Involvement <inv@example.org>\n\nPlease join us.\n\nRegards,\nPPI Lead", "fail"),
 ("From: The Research Team <research@example.ac.uk>\n\nPlease join us.\n\nThe Research Team\nUniversity of Bristol", "fail"),
 ("From: MARY JONES <mary.jones@example.org>\n\nPlease join us.", "pass"),
 ("From: Research <r@example.org>\n\nPlease join us.\n\nMany thanks\n\nEmma\n\nEmma Clarke\nResearch Nurse", "pass"),
 ("From: Healthwatch Leeds <info@hwleeds.example.org>\n\nPlease join us.\n\nHealthwatch Leeds team", "fail"),
]
NOTICE += [
 ("Date: 4 March 2024\n\nClosing date: 22.03.2024", "pass"),
 ("Date: 4 March 2024\n\nThe deadline for expressions of interest is midday on 12 March.", "fail"),
 ("Date: 4 March 2024\n\nThe focus group will be held on the 19th of March.", "pass"),
 ("Date: 4 March 2024\n\nWe'd like responses within the next fortnight.", "pass"),
 ("Date: 4 March 2024\n\nPlease RSVP by the end of next week.", "fail"),
 ("Date: 4 March 2024\n\nApplications close at 5pm on Thursday 7th March 2024.", "fail"),
 ("Date: 4 March 2024\n\nReply by 1st April, please.", "pass"),
 ("Date: 4 March 2024\n\nSessions run throughout April and May.", "not-applicable"),
 ("Date: 4 March 2024\n\nPlease could you confirm by COB Wednesday?", "fail"),
 ("Date: 4 March 2024\n\nPlease respond by Friday 15th.", "fail"),
]
ATTACHMENTS += [
 ("Attachments: flyer.pdf\n\nI've attached a flyer you might like to share.", "pass"),
 ("See the poster attached.", "fail"),
 ("Attachments: Role pack.pdf\n\nDetails of the role are in the attached pack.", "pass"),
 ("The link to the survey is here: https://example.org/s", "not-applicable"),
 ("Please find the details below:\nDate: 12 March\nVenue: Civic Hall", "pass"),
 ("Complete the short form via the link below.\n\nThanks,\nJo", "fail"),
 ("Attachments: ToR_v2.docx\n\nI enclose a copy of our terms of reference.", "pass"),
 ("Attachments: notes.pdf\n\nYou can read more in the attached document.", "pass"),
 ("Further information below.\n\nKind regards,\nJo", "fail"),
 ("Attachments: agenda.docx\n\nPlease read the enclosed agenda before the meeting.", "pass"),
]
WORDING += [
 ("We are recruiting Patient Champions for our stroke unit.", "fail"),
 ("Are you a carer for someone suffering with dementia?", "fail"),
 ("We're inviting service users to a focus group.", "pass"),
 ("We especially want to hear from the elderly and the housebound.", "fail"),
 ("Patients are at the heart of what we do.", "fail"),
 ("Our Experts by Experience volunteers lead the sessions.", "pass"),
 ("This group is for people living with HIV.", "pass"),
 ("We want to hear from diabetics in Bradford.", "fail"),
 ("Don't worry if you've never done this before.", "fail"),
 ("The project champions co-production across the region.", "pass"),
]
EXPENSES += [
 ("The meeting is at County Hall, Matlock DE4 3AG. Lunch provided.", "fail"),
 ("The group meets at our office in Hull; we reimburse reasonable travel expenses.", "pass"),
 ("Interviews will take place by phone.", "not-applicable"),
 ("Parking is free at the venue and we pay bus fares.", "pass"),
 ("We'll meet at the Town Hall. Travel costs can be claimed back using our expenses form.", "pass"),
 ("Join us in person or online for our listening event.", "fail"),
 ("The panel meets face to face. We will cover reasonable out of pocket expenses.", "pass"),
 ("The workshop is at the Guildhall. Unfortunately we're unable to offer travel expenses.", "pass"),
 ("The conference is at the ICC in Birmingham on 3 May.", "fail"),
 ("Please fill in the questionnaire and post it back in the freepost envelope.", "not-applicable"),
]

# Near misses written to catch false alarms (7 of 10 agreed before changes: travel and
# parking as topics, and an online conference, used to trigger expenses-explained).
EXPENSES += [
    ("Please fill in our online survey about how people travel to hospital appointments.", "not-applicable"),
    ("We know parking at the hospital is difficult. Tell us about it in our online survey.", "not-applicable"),
    ("I am a researcher at the University of Leeds. Please complete our online questionnaire.", "not-applicable"),
    ("The interviews will be held over the phone or on Zoom, at a time that suits you.", "not-applicable"),
    ("Our conference on patient safety will be online this year.", "not-applicable"),
]
ATTACHMENTS += [("Attachments: consent.pdf\n\nPlease sign the attached consent form.", "pass")]
SENDER += [("From: Research Team <rt@example.ac.uk>\n\nJoin us.\n\nDr Emily Carter, on behalf of the Research Team", "pass")]
NOTICE += [("Last month's meeting on 3 February was great. The next meeting is on 10 April 2024.", "pass")]
WORDING += [
    ("Our work aims to reduce suffering and improve care.", "pass"),
    ("We support victims of domestic abuse.", "pass"),
]

# Demands with no real time are reply-time-realistic's alone (one owner per piece of
# evidence); notice-period judges only dated deadlines, and leaves these alone.
INSTANT_ONLY = {
    "Please send your details by close of play.", "We need your answer by the end of the day.", "Could you reply by return?",
    "Please get back to me today if you can.", "Please confirm within 48 hours.", "We would be grateful if you could respond ASAP.",
    "Date: 1 May 2024\n\nIf you could let me know by tomorrow that would be great.",
    "Date: 1 May 2024\n\nWe need to finalise numbers by lunchtime today.", "Date: 1 May 2024\n\nPlease reply at your earliest convenience.",
    "Date: 4 March 2024\n\nPlease could you confirm by COB Wednesday?",
}

TABLE = (
    [("named-sender", text, want) for text, want in SENDER]
    + [("notice-period", text, want) for text, want in NOTICE if text not in INSTANT_ONLY]
    + [("reply-time-realistic", text, "fail") for text in sorted(INSTANT_ONLY)]
    + [("notice-period", text, "not-applicable") for text in sorted(INSTANT_ONLY)]
    + [("attachments-present", text, want) for text, want in ATTACHMENTS]
    + [("respectful-wording", text, want) for text, want in WORDING]
    + [("expenses-explained", text, want) for text, want in EXPENSES]
)


@pytest.mark.parametrize("rule_id, text, want", TABLE, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(TABLE)])
def test_phrasing(rule_id, text, want):
    assert status(rule_id, text) == want
