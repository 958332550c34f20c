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
