"""Auditing a mailbox: mbox, Maildir and folders; the classifier; the summary and its formats."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, SHARED

from invitecheck.audit import Summary, organisation
from invitecheck.classify import load_classifier
from invitecheck.loaders import load_bytes, load_path
from invitecheck.sources import iter_mbox

NOT_INVITATIONS = {
    "newsletter.eml": b"From: News <news@example.org>\nSubject: Our March newsletter\n\nHere is what we did this month: new car park, new menu.\n",
    "receipt.eml": b"From: Shop <orders@example.com>\nSubject: Your order\n\nThank you for your order. Your order confirmation is below.\n",
    "away.eml": b"From: Sam <sam@example.org>\nSubject: Automatic reply: Panel\n\nI am out of the office until Monday. For patient panel queries please contact Helen.\n",
    "bounce.eml": b"From: MAILER-DAEMON@example.org\nSubject: Undeliverable: Join our panel\n\nDelivery Status Notification (Failure). Join our patient panel.\n",
}


def mbox_of(paths, extra: dict[str, bytes] | None = None) -> bytes:
    out = []
    messages = [Path(p).read_bytes() for p in paths] + list((extra or {}).values())
    for data in messages:
        data = data.replace(b"\r\n", b"\n")
        body = b"\n".join(b">" + line if line.startswith(b"From ") else line for line in data.split(b"\n"))
        out.append(b"From someone@example.org Mon Jan  1 00:00:00 2024\n" + body.rstrip(b"\n") + b"\n\n")
    return b"".join(out)


@pytest.fixture
def mailbox(tmp_path):
    emails = sorted(EXAMPLES.glob("*.eml"))
    path = tmp_path / "inbox.mbox"
    path.write_bytes(mbox_of(emails, NOT_INVITATIONS))
    return path, len(emails)


def test_classifier_on_the_examples_and_on_other_mail():
    classifier = load_classifier()
    examples = [p for p in sorted(EXAMPLES.iterdir()) if p.suffix in (".eml", ".txt", ".md")]
    recognised = [p.name for p in examples if classifier.classify(load_path(str(p)))[0]]
    assert len(recognised) == len(examples)  # a reminder to confirm and a drop-in café included
    assert "champion.eml" in recognised and "good-panel-invitation.eml" in recognised
    for name, data in NOT_INVITATIONS.items():
        invitation, why = classifier.classify(load_bytes(data, name))
        assert not invitation, name
        assert why


ASKED_IN_OTHER_WORDS = {
    # a rota to sign up to, a meeting in someone's place: no "join", "take part" or "would you like to"
    "rota.txt": "From: Mia Kowalczyk <mia.kowalczyk@example.nhs.uk>\nSubject: Ward visits rota, spring\n\n"
                "Here is the rota of ward visits for patient representatives this spring. Put your name against "
                "any two visits that suit you. Each visit is about an hour.\n\nMia Kowalczyk\nPatient Experience Lead\n",
    "stand-in.txt": "From: Raj Patel <raj.patel@example.org>\nSubject: Thursday's PPG meeting\n\n"
                    "I cannot make Thursday's patient group meeting at the surgery. Could anyone attend in my place "
                    "and take notes?\n\nRaj\n",
}


def test_classifier_sees_the_asks_the_rules_see():
    """An invitation the rules would judge is never passed over as "not an invitation": the classifier also
    reads the facts layer's asks, for a message about health or care."""
    classifier = load_classifier()
    for name, text in ASKED_IN_OTHER_WORDS.items():
        invitation, why = classifier.classify(load_bytes(text.encode(), name))
        assert invitation, (name, why)
    # a pharmacy's survey about its opening hours and repeat prescriptions is about care
    poster = (b"QUAYSIDE PHARMACY\n\nHOW ARE WE DOING?\n\nWe are thinking about opening on Sunday mornings and changing how "
              b"repeat prescriptions are collected. The survey has 8 questions and takes about 5 minutes.\n"
              b"Online: https://www.example.co.uk/survey\n\nQuestions? Ask for Priya Shah, Pharmacist\n")
    invitation, why = classifier.classify(load_bytes(poster, "poster.txt"))
    assert invitation, why
    # health words and no ask at all is still not an invitation
    invitation, why = classifier.classify(load_bytes(b"Subject: Clinic closed\n\nThe hospital clinic is closed on Monday for training.\n", "closed.txt"))
    assert not invitation and why == "it does not ask the reader to take part"


def test_mbox_is_streamed_message_by_message(tmp_path):
    path = tmp_path / "two.mbox"
    path.write_bytes(b"From a Mon Jan 1 2024\nSubject: one\n\nFirst\n>From the start\n\nFrom b Mon Jan 1 2024\nSubject: two\n\nSecond\n")
    items = list(iter_mbox(path, 1024 * 1024))
    assert [i.name.rsplit("#", 1)[1] for i in items] == ["1", "2"]
    assert b"From the start" in items[0].data and b">From" not in items[0].data
    big = list(iter_mbox(path, 10))
    assert all("larger than" in i.error for i in big)


def test_audit_of_an_mbox(run, mailbox):
    path, emails = mailbox
    out = run("audit", path, "--format", "json", "--jobs", "1")
    assert out.exit_code == 0
    data = out.json
    assert data["messages"] == emails + len(NOT_INVITATIONS)
    assert data["invitations"] + data["skipped"] + data["unreadable"] == data["messages"]
    assert data["skipped"] >= len(NOT_INVITATIONS)
    assert data["invitations"] >= emails - 2
    orgs = {row["organisation"]: row for row in data["league"]}
    assert orgs["trainingprogramme.example.nhs.uk"]["median_score"] == 20
    assert "A named person sent it" in orgs["trainingprogramme.example.nhs.uk"]["most_common_failings"]
    assert data["worst"][0]["subject"] == "Opportunity: become a Patient Champion"
    assert data["best"][0]["score"] == 100
    assert sum(data["notice"].values()) == data["invitations"]
    assert data["notice"]["under 7 days"] >= 1


def test_audit_all_scores_everything(run, mailbox):
    path, emails = mailbox
    data = run("audit", path, "--format", "json", "--all", "--jobs", "1").json
    assert data["skipped"] == 0
    assert data["invitations"] + data["others_checked"] == emails + len(NOT_INVITATIONS)


def test_audit_csv_has_one_row_per_invitation(run, mailbox, tmp_path):
    path, _ = mailbox
    target = tmp_path / "audit.csv"
    assert run("audit", path, "--format", "csv", "-o", target, "--jobs", "1").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    summary = run("audit", path, "--format", "json", "--jobs", "1").json
    assert len(rows) == summary["invitations"]
    champion = next(r for r in rows if r["subject"] == "Opportunity: become a Patient Champion")
    assert champion["date"] == "2017-06-12" and champion["score"] == "20"
    assert champion["named-sender"] == "fail" and champion["organisation"] == "trainingprogramme.example.nhs.uk"


def test_audit_in_parallel_gives_the_same_summary(run, mailbox):
    path, _ = mailbox
    one = run("audit", path, "--format", "json", "--jobs", "1").json
    two = run("audit", path, "--format", "json", "--jobs", "2").json
    assert one == two


def test_audit_of_a_maildir_and_a_folder(run, tmp_path):
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    shutil.copy(EXAMPLES / "champion.eml", maildir / "cur" / "1.eml:2,S")
    shutil.copy(EXAMPLES / "good-panel-invitation.eml", maildir / "new" / "2.eml")
    (maildir / "new" / "3").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    data = run("audit", maildir, "--format", "json", "--jobs", "1").json
    assert (data["messages"], data["invitations"], data["unreadable"]) == (3, 2, 1)
    assert list(data["unreadable_reasons"].values()) == [1]
    folder = run("audit", EXAMPLES, "--format", "json", "--jobs", "1").json
    assert folder["messages"] == len([p for p in EXAMPLES.iterdir() if p.suffix in (".eml", ".txt", ".md")])


def test_audit_human_report(run, mailbox):
    path, _ = mailbox
    out = run("audit", path, "--jobs", "1")
    for words in ("Audit of", "Invitations by organisation", "Notice given", "Worst invitations", "Best invitations",
                  "Opportunity: become a Patient Champion"):
        assert words in out.stdout


def test_audit_errors(run, tmp_path):
    out = run("audit", tmp_path / "nowhere.mbox")
    assert out.exit_code == 2 and "nowhere.mbox: no such file or folder" in out.stderr
    bad = tmp_path / "classifier.yaml"
    bad.write_text("asks: ['(']\n")
    out = run("audit", EXAMPLES, "--classifier", bad)
    assert out.exit_code == 2 and "classifier.yaml: a pattern in 'asks' does not compile" in out.stderr


def test_organisation_from_the_signature_for_shared_domains():
    doc = load_bytes(b"From: Helen Mbeki <helen.mbeki@nhs.net>\nSubject: x\n\nJoin us.\n\nKind regards,\nHelen Mbeki\n"
                     b"Patient Experience Manager, Leeds Teaching Hospitals NHS Trust\n0113 496 0000\n", "x.eml")
    assert organisation(doc) == ("nhs.net", "Leeds Teaching Hospitals NHS Trust")
    own = load_bytes(b"From: Helen <helen@leedsth.nhs.uk>\nSubject: x\n\nJoin us.\n", "x.eml")
    assert organisation(own) == ("leedsth.nhs.uk", "leedsth.nhs.uk")


def test_summary_keeps_only_a_few_records():
    summary = Summary()
    for n in range(2000):
        summary.add({"name": str(n), "status": "invitation", "organisation": f"org{n % 3}", "score": n % 101,
                     "failed": ["A"], "notice_days": n % 40, "instant": False, "date": None, "subject": str(n)})
    data = summary.to_dict()
    assert len(data["worst"]) == 5 and len(data["best"]) == 5
    assert [e["score"] for e in data["worst"]] == [0] * 5
    assert [e["score"] for e in data["best"]] == [100] * 5


CORPORA = SHARED / "corpora" / "emails"


@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is not here")
def test_audit_of_the_corpora_finds_few_invitations(run):
    data = run("audit", CORPORA, "--format", "json", "--jobs", "2").json
    assert data["messages"] >= 250  # the files with an email suffix
    assert data["invitations"] <= data["messages"] // 50  # other people's test mail is almost never an invitation


def _copy(name: str, ident: str, date: str | None = None) -> bytes:
    """An example email with a Message-ID of its own (and a Date, if given)."""
    lines = (EXAMPLES / name).read_bytes().split(b"\n")
    lines = [line for line in lines if not line.lower().startswith(b"message-id:") and not (date and line.startswith(b"Date:"))]
    extra = [f"Message-ID: <{ident}>".encode()] + ([f"Date: {date}".encode()] if date else [])
    return b"\n".join(extra + lines)


def test_audit_counts_a_copy_of_a_message_once(run, tmp_path):
    champion = (EXAMPLES / "champion.eml").read_bytes()
    path = tmp_path / "copies.mbox"
    path.write_bytes(mbox_of([], {"a": champion, "b": champion, "c": champion}))
    data = run("audit", path, "--format", "json", "--jobs", "1").json
    assert (data["messages"], data["duplicates"], data["invitations"]) == (3, 2, 1)
    human = " ".join(run("audit", path, "--jobs", "1").stdout.split())
    assert "3 messages: 1 invitation," in human and "2 copies of a message already counted (the same Message-ID)" in human


def test_audit_of_one_message_says_message(run, tmp_path):
    path = tmp_path / "one.mbox"
    path.write_bytes(mbox_of([EXAMPLES / "champion.eml"]))
    assert "1 message: 1 invitation, 0 skipped" in run("audit", path, "--jobs", "1").stdout


def test_audit_names_the_messages_it_could_not_read(run, tmp_path):
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    shutil.copy(EXAMPLES / "champion.eml", maildir / "cur" / "1.eml")
    (maildir / "new" / "broken").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    data = run("audit", maildir, "--format", "json", "--jobs", "1").json
    assert [entry["name"] for entry in data["unreadable_messages"]] == [str(maildir / "new" / "broken")]
    assert data["unreadable_messages"][0]["error"].startswith(str(maildir / "new" / "broken") + ": ")
    human = run("audit", maildir, "--jobs", "1").stdout
    assert "The messages that could not be read:" in human and str(maildir / "new" / "broken") in human


def test_audit_of_a_folder_reads_files_without_a_suffix(run, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(EXAMPLES / "champion.eml", folder / "1")
    shutil.copy(EXAMPLES / "good-panel-invitation.eml", folder / "2.eml")
    (folder / "notes.csv").write_text("a,b\n")
    data = run("audit", folder, "--format", "json", "--jobs", "1").json
    assert (data["messages"], data["invitations"]) == (2, 2)


def test_league_puts_problems_first_with_dates_and_counts(run, tmp_path):
    messages = {f"poor{n}": _copy("champion.eml", f"poor{n}@x", f"Mon, {day} Jun 2017 10:00:00 +0100")
                for n, day in enumerate(("5", "12", "26"))}  # three poor invitations from one organisation
    messages.update({f"good{n}": _copy("good-panel-invitation.eml", f"good{n}@x") for n in range(3)})
    messages["once"] = _copy("conference-travel.eml", "once@x")  # one invitation only
    path = tmp_path / "league.mbox"
    path.write_bytes(mbox_of([], messages))
    data = run("audit", path, "--format", "json", "--jobs", "1").json
    league = data["league"]
    assert [row["organisation"] for row in league] == [
        "trainingprogramme.example.nhs.uk", "leedsth.example.nhs.uk", "selfcare-conference.example.org"]
    # The lowest median of those with enough invitations to judge comes first; one invitation comes last.
    assert (league[0]["first_date"], league[0]["last_date"], league[0]["invitations"]) == ("2017-06-05", "2017-06-26", 3)
    assert all(isinstance(row["median_score"], float) for row in league)
    human = run("audit", path, "--jobs", "1").stdout
    human = " ".join(human.split())
    assert "2017-06-05 to 2017-06-26" in human and "the lowest scores first" in human
    assert "one or two invitations say little about an organisation" in human


def test_audit_progress_shows_on_a_terminal_even_when_the_report_is_redirected(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    path = tmp_path / "big.mbox"
    path.write_bytes(mbox_of(sorted(EXAMPLES.glob("*.eml")) * 8))
    leader, follower = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "invitecheck", "audit", str(path), "--format", "json", "--jobs", "1"],
                          stdout=subprocess.PIPE, stderr=follower, timeout=300, env={**os.environ, "COLUMNS": "100"})
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert done.returncode == 0 and b'"messages"' in done.stdout
    assert b"%" in shown and (b"Reading messages" in shown or b"messages," in shown), shown[-500:]
