"""For the person who received it: the plain-words report and the reply."""

from __future__ import annotations

from conftest import EXAMPLES

from invitecheck.readability import WORD_RE, flesch
from invitecheck.rules import bundled_rules


def test_reader_report_is_plain_and_has_no_rule_ids(run):
    out = run("check", EXAMPLES / "champion.eml", "--for", "reader")
    text = out.stdout
    assert "It does not say who sent it, so you do not know who to ask." in text
    assert "You have 6 days to reply (until Sunday 18 June 2017). That is short notice." in text
    assert "It talks about an attachment ('in the attachments'), but the attachment is not there." in text
    assert "it does not say if your travel and other costs are paid" in text
    assert "What you could ask them:" in text and "invitecheck reply" in text
    for rule in bundled_rules():
        assert rule.id not in text
    assert out.exit_code == 1


def test_reader_report_when_nothing_is_missing(run):
    out = run("check", EXAMPLES / "good-panel-invitation.eml", "--for", "reader")
    assert "This invitation tells you what you need to know" in out.stdout
    assert "What is missing" not in out.stdout


def test_reader_words_are_easy_to_read():
    """Every sentence a reader sees: a reading age of 14 or under, and reading ease of 60 or more."""
    texts = []
    for rule in bundled_rules():
        for key in ("says", "ask"):
            value = rule.reader.get(key)
            texts += list(value.values()) if isinstance(value, dict) else [value] if value else []
    assert len(texts) >= 25
    sentences = [s for t in texts for s in t.replace("?", ".").split(".") if len(s.split()) >= 3]
    words = [w for s in sentences for w in WORD_RE.findall(s)]
    ease, grade = flesch(words, len(sentences))
    assert ease >= 60, ease
    assert grade + 5 <= 14, grade
    for text in texts:
        longest = max(len(s.split()) for s in text.replace("?", ".").split("."))
        assert longest <= 20, text


def test_reply_asks_for_exactly_what_is_missing(run):
    out = run("reply", EXAMPLES / "champion.eml")
    assert out.exit_code == 0
    lines = out.stdout.splitlines()
    assert lines[0] == "Subject: Re: Opportunity: become a Patient Champion"
    assert "Hello," in lines  # no person named, so no name invented
    asks = [line for line in lines if line.startswith("- ")]
    assert "- Could you tell me the name of the person I should contact, and their email address or phone number?" in asks
    assert "- Could you give me at least two weeks to reply? I need time to check my plans and arrange any help I need." in asks
    assert "- Could you send me the form or document the email mentions? It was not included." in asks
    assert any("Which costs will you pay" in a for a in asks)
    assert not any("email address or phone number for someone" in a for a in asks)  # not asked twice
    assert len(asks) == len(set(asks))
    assert lines[-1] == "Best wishes,"


def test_reply_names_the_sender_when_known(run):
    out = run("reply", EXAMPLES / "conference-travel.eml")
    assert "Dear Chloe Marsh," in out.stdout
    assert "Which costs will you pay" in out.stdout


def test_reply_when_nothing_is_missing_says_so(run):
    out = run("reply", EXAMPLES / "good-panel-invitation.eml")
    assert out.exit_code == 0
    assert "There is nothing you need to ask for." in out.stdout
    assert "Dear" not in out.stdout


def test_reply_to_a_file_and_own_template(run, tmp_path):
    template = tmp_path / "tone.yaml"
    template.write_text(
        'subject: "About: {subject}"\ngreeting_named: "Hi {name},"\ngreeting: "Hi,"\n'
        'opening: "Thanks for writing{about}. A few questions:"\nclosing: "Cheers."\nsign_off: "Sam"\n'
        'nothing_missing: "All good."\n'
    )
    target = tmp_path / "reply.txt"
    out = run("reply", EXAMPLES / "conference-travel.eml", "--template", template, "-o", target)
    assert out.exit_code == 0 and out.stdout == ""
    text = target.read_text()
    assert text.startswith("Subject: About: Your travel for the Self-Care Conference\n\nHi Chloe Marsh,")
    assert text.rstrip().endswith("Cheers.\n\nSam")


def test_reply_errors_are_plain(run, tmp_path):
    out = run("reply", tmp_path / "missing.eml")
    assert out.exit_code == 2 and "missing.eml: no such file" in out.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("greting: Hi\n")
    out = run("reply", EXAMPLES / "champion.eml", "--template", bad)
    assert out.exit_code == 2 and "bad.yaml: unknown key 'greting'" in out.stderr


WORST = """Subject: Become a Patient Champion!
From: Administrator <no-reply@example.nhs.uk>
Date: 4 March 2024

Dear [Name],

We take patient participation extremely seriously. We are looking for Patient Champions to join our PPI panel, which
will be meeting in person at the Town Hall in accordance with the requirements of the integrated commissioning
framework and the statutory obligations placed upon the organisation in respect of engagement with stakeholders.
We would like to invite you to a workshop. The first meeting is on Monday 12 March 2024.

Please read the attached role description and send in the application form below by close of play.

Administrator
"""


def test_reply_for_an_invitation_that_fails_nearly_everything(run, draft):
    path = draft(WORST)
    result = run("check", path, "--format", "json").result("draft.txt")
    failed = {c["rule"] for c in result["checks"] if c["status"] == "fail"}
    assert len(failed) >= 13, failed
    reply = run("reply", path).stdout
    from invitecheck.rules import bundled_rules

    rules = {r.id: r for r in bundled_rules()}
    for rule_id in failed:
        ask = rules[rule_id].reader.get("ask")
        ask = ask.get("default") if isinstance(ask, dict) else ask
        skipped = set(rules[rule_id].reader.get("skip_if") or []) & failed
        variants = list(ask.values()) if isinstance(ask, dict) else [ask] if ask else []  # a rule may word it by case
        if variants and not skipped and not any("{" in text for text in variants):
            assert any(text in reply for text in variants), rule_id
    assert reply.startswith("Note: The invitation came from no-reply@example.nhs.uk, which does not take replies, and it gives "
                            "no other email address or phone number.")
    assert "\n\nSubject: Re: Become a Patient Champion!\n\nHello," in reply


NO_REPLY = """Subject: Invitation: Carers' online panel
From: Involvement Hub <no-reply@example.nhs.uk>
Date: 4 March 2024

Dear carer,

We would like to invite you to our online workshop on Zoom on Tuesday 2 April 2024 at 7pm.
Questions? Email panel.team@example.nhs.uk.

Dr Tom Okafor
Clinical Lead
"""


def test_reply_to_a_no_reply_sender_says_where_to_send_it(run, draft):
    reply = run("reply", draft(NO_REPLY)).stdout
    assert reply.startswith("Note: The invitation came from no-reply@example.nhs.uk, which does not take replies. "
                            "Send this to panel.team@example.nhs.uk, the address it gives.\n\n")
    by_phone = run("reply", draft(NO_REPLY.replace("Email panel.team@example.nhs.uk", "Ring 0113 496 0000"))).stdout
    assert "You could ring 0113 496 0000 and ask these questions instead." in by_phone


def test_reply_to_a_named_sender_has_no_note(run):
    assert "Note:" not in run("reply", EXAMPLES / "conference-travel.eml").stdout


def test_reply_greets_by_title_and_surname_and_drops_subject_labels(run, draft):
    reply = run("reply", draft(NO_REPLY)).stdout
    assert "Dear Dr Okafor," in reply and "Tom" not in reply
    assert "Thank you for your invitation about 'Carers' online panel'." in reply
    assert "Subject: Re: Invitation: Carers' online panel" in reply


def test_reply_about_an_online_meeting_asks_about_captions_not_steps(run, draft):
    reply = run("reply", draft(NO_REPLY)).stdout
    assert "will there be captions" in reply and "step-free" not in reply
    report = run("check", draft(NO_REPLY), "--for", "reader").stdout
    assert "such as captions" in report and "step-free" not in report
    in_person = run("reply", EXAMPLES / "conference-travel.eml").stdout
    assert "is it step-free" in in_person


def test_reply_template_with_only_a_greeting_keeps_the_rest(run, tmp_path):
    template = tmp_path / "tone.yaml"
    template.write_text('greeting_named: "Hi {name},"\n')
    out = run("reply", EXAMPLES / "conference-travel.eml", "--template", template)
    assert out.exit_code == 0, out.stderr
    assert "Hi Chloe Marsh," in out.stdout and out.stdout.rstrip().endswith("Best wishes,")
    bad = tmp_path / "bad.yaml"
    bad.write_text("greeting: [1, 2]\n")
    out = run("reply", EXAMPLES / "champion.eml", "--template", bad)
    assert out.exit_code == 2 and "bad.yaml: the key 'greeting' is not text" in out.stderr


def test_reader_html_is_the_readers_version(run, tmp_path):
    for_sender, for_reader = tmp_path / "sender.html", tmp_path / "reader.html"
    run("check", EXAMPLES / "champion.eml", "--format", "html", "-o", for_sender)
    out = run("check", EXAMPLES / "champion.eml", "--format", "html", "--for", "reader", "-o", for_reader)
    assert out.exit_code == 1
    page, sender_page = for_reader.read_text(), for_sender.read_text()
    assert page != sender_page
    assert "What is missing or unclear" in page and "What you could ask them" in page and "A reply you could send" in page
    assert "It does not say who sent it, so you do not know who to ask." in page
    assert "\nHello,\n" in page  # the reply, with no name found to greet
    assert "Score" not in page and "Severity" not in page
    for rule in bundled_rules():
        assert rule.id not in page
    assert "<mark" in page  # the invitation, with the problems marked
    good = tmp_path / "good.html"
    run("check", EXAMPLES / "good-panel-invitation.eml", "--format", "html", "--for", "reader", "-o", good)
    assert "This invitation tells you what you need to know" in good.read_text()


def test_reader_json_adds_the_plain_words_and_the_reply(run):
    plain = run("check", EXAMPLES / "conference-travel.eml", "--format", "json").result("conference-travel.eml")
    out = run("check", EXAMPLES / "conference-travel.eml", "--format", "json", "--for", "reader")
    result = out.result("conference-travel.eml")
    reader = result.pop("reader")
    assert result == plain and "reader" not in plain
    assert reader["sender_name"] == "Chloe Marsh"
    assert reader["reply"] == run("reply", EXAMPLES / "conference-travel.eml").stdout
    # 'by close of play' is reply-time-realistic's alone (one owner per piece of evidence)
    assert "It asks you to answer 'by close of play'. That gives you no real time." in [p["says"] for p in reader["points"]]


def test_reader_is_refused_for_tool_formats(run):
    for format in ("line", "sarif", "github"):
        out = run("check", EXAMPLES / "champion.eml", "--format", format, "--for", "reader")
        assert out.exit_code == 2 and out.stdout == ""
        assert f"--for reader gives plain words for a person, so it works with --format human, html or json; --format {format} is for tools" in out.stderr
