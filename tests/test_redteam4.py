"""Defects anyone can trigger, found by the fourth red team: each is reproduced here the way a user
would meet it, and what the user sees is asserted."""

from __future__ import annotations

from pathlib import Path

from test_hostile import GOOD


def _draft(tmp_path: Path, text: str = GOOD, name: str = "draft.eml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_huge_file_size_limit_is_taken_as_no_limit(run, tmp_path):
    path = _draft(tmp_path)
    for args in ((path,), ("-",)):
        result = run("check", *args, "--max-file-size", "99999999999999999999999", "--format", "json",
                     input=GOOD if args == ("-",) else None)
        assert result.exit_code in (0, 1), result.stdout
        only = result.json["results"][0]
        assert not only.get("error"), only.get("error")
        assert only["checks"]


def test_a_huge_file_size_limit_in_an_audit_is_taken_as_no_limit(run, tmp_path):
    mbox = tmp_path / "box.mbox"
    mbox.write_text("From a@example.org Mon Mar  4 10:00:00 2024\n" + GOOD, encoding="utf-8")
    result = run("audit", mbox, "--all", "--max-file-size", "99999999999999999999999")
    assert result.exit_code in (0, 1)
    assert "0 could not be read" in result.stdout


POSIX_RULE = """id: capital-codes
title: No codes in capitals
kind: forbid
severity: warning
weight: 5
scope: body
message: "'{match}' looks like an internal code"
why: Readers do not know our codes.
source: https://example.org/codes
patterns:
  - "\\\\bref[[:upper:]]{2}[[:digit:]]+"
examples:
  fail: ["Quote refAB12 when you reply."]
  pass: ["Quote your name when you reply."]
"""


def test_a_user_rule_with_posix_classes_works_and_warns_nobody(run, tmp_path, recwarn):
    """'[[:upper:]]' is a POSIX class to the regex module; Python's re reads '[[' as a nested set and
    warns. The rule must find what it says, with no FutureWarning, and not be skipped for want of a
    word re misread (']' + digits) nor run over lower-cased text, where no letter is upper case."""
    import warnings

    rule = tmp_path / "codes.yaml"
    rule.write_text(POSIX_RULE, encoding="utf-8")
    draft = _draft(tmp_path, GOOD.replace("Reply to me", "Quote REFQX42 and reply to me"), "draft.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        result = run("check", draft, "--rules", rule, "--format", "json")
        checked = run("test-rules", rule)
    check = result.check("draft.txt", "capital-codes")
    assert check["status"] == "fail"
    assert [f["message"] for f in check["findings"]] == ["'REFQX42' looks like an internal code"]
    assert check["findings"][0]["line"] == 5
    assert checked.exit_code == 0, checked.stdout
    assert not [w for w in recwarn if issubclass(w.category, FutureWarning)]


def test_a_bundled_pattern_with_a_nested_set_is_read_as_regex_reads_it():
    """A vocabulary entry written '[[:alpha:]]' would mean something else to re: it goes to regex."""
    import re
    import warnings

    import pytest

    from invitecheck import prefilter, programs
    from invitecheck.kinds.base import Pattern

    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        with pytest.raises(re.error, match="reads this differently"):
            programs.compile(r"mid[[:alpha:]]dle")
        assert prefilter.work_out_literals(r"mid[[:alpha:]]dle") is None
        pattern = Pattern(r"mid[[:alpha:]]dle", bundled=True)
        assert pattern.insensitive.search("a MIDxDLE b").group() == "MIDxDLE"


def _laughs(prefix: str = "") -> str:
    """Nine lines of YAML whose anchors and aliases stand for a thousand million values."""
    lines = [f"{prefix}l0: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    lines += [f"{prefix}l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def test_a_billion_laughs_configuration_is_refused_quickly_in_one_sentence(run, tmp_path):
    import time

    config = tmp_path / ".invitecheck.yaml"
    config.write_text(_laughs(), encoding="utf-8")
    started = time.perf_counter()
    result = run("check", _draft(tmp_path), "--config", config)
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2
    said = " ".join((result.stdout + result.stderr).split())
    assert f"{config}: it stands for more than 100,000 values" in said
    assert "Traceback" not in said


def test_a_billion_laughs_rule_file_is_refused_quickly_in_one_sentence(run, tmp_path):
    import time

    rule = tmp_path / "laughs.yaml"
    rule.write_text(POSIX_RULE.replace("patterns:\n", _laughs("x_") + "patterns:\n"), encoding="utf-8")
    for args in (("check", _draft(tmp_path), "--rules", rule), ("test-rules", rule)):
        started = time.perf_counter()
        result = run(*args)
        assert time.perf_counter() - started < 10
        assert result.exit_code == 2
        assert "it stands for more than 100,000 values" in " ".join((result.stdout + result.stderr).split())


def test_an_alias_inside_itself_is_one_sentence(run, tmp_path):
    config = tmp_path / ".invitecheck.yaml"
    config.write_text("disable: &loop [one, *loop]\n", encoding="utf-8")
    result = run("check", _draft(tmp_path), "--config", config)
    assert result.exit_code == 2
    said = " ".join((result.stdout + result.stderr).split())
    assert str(config) in said and "Traceback" not in said


PAID = """Subject: Join our reading panel
From: Helen Mbeki <helen.mbeki@example.nhs.uk>
Date: 4 March 2024

Would you join our reading panel? We meet online once a month for an hour, for a year. {pay}
Reply to me by 29 March 2024. We can send papers in large print.

Kind regards,
Helen Mbeki
07700 900123
"""


def _reader_point(run, tmp_path, pay: str) -> dict:
    path = _draft(tmp_path, PAID.format(pay=pay))
    reader = run("check", path, "--for", "reader", "--format", "json").json["results"][0]["reader"]
    return next(p for p in reader["points"] if p["rule"] == "payment-for-time")


def test_a_reader_told_they_are_paid_is_asked_only_about_benefits_advice(run, tmp_path):
    point = _reader_point(run, tmp_path, "We pay £25 for each meeting.")
    assert point["says"] == ("It says you will be paid for your time. But it does not say who can advise you "
                             "on how this might affect any benefits.")
    assert point["ask"] == "Is there someone who can advise me on how the payment might affect any benefits I get?"
    replied = run("reply", _draft(tmp_path, PAID.format(pay="We pay £25 for each meeting."))).stdout
    assert "Will I be paid" not in replied and "advise me on how the payment" in replied


def test_a_reader_told_they_are_paid_but_not_how_much_is_asked_how_much(run, tmp_path):
    point = _reader_point(run, tmp_path, "We will pay you for your time.")
    assert point["says"] == ("It says you will be paid for your time, but not how much. "
                             "Nor does it say who can advise you about benefits.")
    assert point["ask"].startswith("How much will I be paid for my time")
    point = _reader_point(run, tmp_path, "We will pay you for your time; payments can affect benefits, so ask us first.")
    assert point == {"rule": "payment-for-time", "says": "It says you will be paid for your time, but not how much.",
                     "ask": "How much will I be paid for my time?"}


def test_a_reader_not_told_about_pay_is_still_asked_whether_they_are_paid(run, tmp_path):
    point = _reader_point(run, tmp_path, "")
    assert point["says"].startswith("It does not say clearly if you will be paid for your time")
    assert point["ask"].startswith("Will I be paid for my time?")


WRAPPED = """Subject: Join our reading panel
From: Helen Mbeki <helen.mbeki@example.nhs.uk>
Date: 4 March 2024

Would you join our reading panel? We meet at the library once a month for an hour, for a year.
We cover your bus fares and offer £40 for
your time. Payments can affect benefits, so please ask us first.
Reply to me by 29 March 2024.

Kind regards,
Helen Mbeki
07700 900123
"""


def test_a_payment_wrapped_over_two_lines_is_still_pay_for_time(run, tmp_path):
    wrapped = run("check", _draft(tmp_path, WRAPPED), "--format", "json")
    assert wrapped.check("draft.eml", "payment-for-time")["status"] == "pass"
    one_line = run("check", _draft(tmp_path, WRAPPED.replace("for\nyour time", "for your time")), "--format", "json")
    assert one_line.check("draft.eml", "payment-for-time")["status"] == "pass"


def test_a_sum_for_costs_wrapped_over_two_lines_is_still_not_pay(run, tmp_path):
    costs = WRAPPED.replace("We cover your bus fares and offer £40 for\nyour time.", "Parking costs £3 and\nwe refund it.")
    result = run("check", _draft(tmp_path, costs), "--format", "json")
    check = result.check("draft.eml", "payment-for-time")
    assert check["status"] == "fail"
    assert "whether people are paid for their time" in check["findings"][0]["message"]


MEETING_SOON = """Subject: Join our panel
From: Helen Mbeki <helen.mbeki@example.nhs.uk>
Date: Mon, 4 Mar 2024 10:00:00 +0000

Would you come to our panel meeting on Friday 8 March 2024 at 2pm? {reply}

Kind regards,
Helen Mbeki
07700 900123
"""


def _notice_point(run, tmp_path, reply: str) -> dict:
    reader = run("check", _draft(tmp_path, MEETING_SOON.format(reply=reply)), "--for", "reader", "--format", "json")
    return next(p for p in reader.json["results"][0]["reader"]["points"] if p["rule"] == "notice-period")


def test_a_meeting_too_soon_is_not_called_days_to_reply(run, tmp_path):
    point = _notice_point(run, tmp_path, "Please reply by 20 March 2024 about later meetings.")
    assert point["says"] == "The first date it gives, Friday 8 March 2024, is only 4 days after it was sent. That is short notice."
    assert "reply" not in point["says"] and "to reply" not in point["ask"]
    replied = run("reply", _draft(tmp_path, MEETING_SOON.format(reply=""))).stdout
    assert "two weeks' notice" in replied and "two weeks to reply" not in replied


def test_a_reply_deadline_too_soon_is_days_to_reply_until_that_deadline(run, tmp_path):
    text = MEETING_SOON.replace("on Friday 8 March 2024", "on Friday 29 March 2024").format(reply="Please reply by 7 March 2024.")
    reader = run("check", _draft(tmp_path, text), "--for", "reader", "--format", "json")
    point = next(p for p in reader.json["results"][0]["reader"]["points"] if p["rule"] == "notice-period")
    assert point["says"] == "You have 3 days to reply (until Thursday 7 March 2024). That is short notice."


def test_the_reader_is_told_plainly_which_part_of_the_meeting_is_missing(run, tmp_path):
    """'It does not give where it is, or how to join of the meeting' was not English."""
    text = MEETING_SOON.replace("Friday 8 March 2024 at 2pm", "Friday 29 March 2024 at 2pm").format(reply="")
    reader = run("check", _draft(tmp_path, text), "--for", "reader", "--format", "json").json["results"][0]["reader"]
    point = next(p for p in reader["points"] if p["rule"] == "when-and-where")
    assert point["says"] == "It does not give the place of the meeting."


def _role_and_time(run, tmp_path, sentence: str) -> dict:
    text = f"Subject: Help us improve\n\nDear all,\n\n{sentence} Please reply by 29 March 2024 to helen@example.org.\n\nHelen Mbeki\n"
    result = run("check", _draft(tmp_path, text, "ask.txt"), "--sent", "2024-03-04", "--force", "--format", "json",
                 "--select", "role-and-time")
    return result.check("ask.txt", "role-and-time")


def test_role_and_time_quotes_what_is_asked_not_the_lead_in(run, tmp_path):
    check = _role_and_time(run, tmp_path, "We're looking for people with a long-term condition to help shape our clinic.")
    assert check["findings"][0]["message"] == ("It asks for people's time ('people with a long-term condition to help shape') "
                                               "but does not say how long it takes.")
    assert check["findings"][0]["line"] == 5


def test_role_and_time_names_each_missing_part_and_asks_for_all_of_them(run, tmp_path):
    check = _role_and_time(run, tmp_path, "We are recruiting people to join our reading panel.")
    finding = check["findings"][0]
    assert finding["message"].endswith("but does not say how long each time, how often or for how long in all.")
    assert finding["suggestion"].startswith("Add what is missing (how long each time, how often and for how long in all)")
    check = _role_and_time(run, tmp_path, "We are recruiting people to join our reading panel, which meets monthly.")
    finding = check["findings"][0]
    assert finding["message"].endswith("but does not say how long each time or for how long in all.")
    assert finding["suggestion"].startswith("Add what is missing (how long each time and for how long in all)")


FORWARD = """From: Sam Jones <sam.jones@example.com>
To: Alex Reader <alex@example.org>
Subject: Fwd: Join our reading panel
Date: Mon, 4 Mar 2024 12:00:00 +0000

Thought you might be interested in this.

{marker}
From: Involvement Hub <no-reply@example.nhs.uk>
Date: Mon, 4 Mar 2024 at 10:00
Subject: Join our reading panel
To: Sam Jones <sam.jones@example.com>

Would you read our new leaflets at home? Each takes about 20 minutes. Reply by 29 March 2024.
We can send them in large print or easy read.

The Involvement Team
"""
MARKERS = ("---------- Forwarded message ---------", "Begin forwarded message:")


def test_a_forward_is_from_whoever_sent_what_was_forwarded(run, tmp_path):
    import pytest  # noqa: F401 - the markers are checked one by one so a failure names the mail program

    for marker in MARKERS:
        path = _draft(tmp_path, FORWARD.format(marker=marker), "forward.eml")
        result = run("check", path, "--format", "json").json["results"][0]
        assert result["sender"] == "Involvement Hub <no-reply@example.nhs.uk>", marker
        checks = {c["rule"]: c for c in result["checks"]}
        # the forwarder's own name and address reach Sam, not whoever wrote the invitation
        assert checks["named-sender"]["status"] == "fail", marker
        assert checks["named-sender"]["findings"][0]["line"] == 9, marker
        assert checks["contact-details"]["status"] == "fail", marker
        assert checks["contact-details"]["findings"][0]["message"] == (
            "There is no way to reach a person with a question: it comes from a no-reply address."), marker
        reply = run("reply", path).stdout
        assert "Sam Jones" not in reply and "came from no-reply@example.nhs.uk" in reply, marker


def test_a_forward_of_a_named_persons_invitation_names_that_person(run, tmp_path):
    signed = (FORWARD.replace("Involvement Hub <no-reply@example.nhs.uk>", "Helen Mbeki <helen.mbeki@example.nhs.uk>")
              .replace("The Involvement Team", "Helen Mbeki\nPatient Experience Lead"))
    for marker in MARKERS:
        path = _draft(tmp_path, signed.format(marker=marker), "forward.eml")
        result = run("check", path, "--for", "reader", "--format", "json").json["results"][0]
        assert result["sender"] == "Helen Mbeki <helen.mbeki@example.nhs.uk>", marker
        assert result["reader"]["sender_name"] == "Helen Mbeki", marker
        reply = run("reply", path, "--sent", "2024-03-28").stdout  # a day's notice: there is something to ask
        assert "Dear Helen Mbeki," in reply and "Sam" not in reply, marker


def test_a_huge_number_of_jobs_is_held_to_a_few_workers_a_core(run, tmp_path):
    from invitecheck.runner import default_jobs, most_workers

    assert most_workers(99999999999999999999999) == 4 * default_jobs()
    assert most_workers(1) == 1
    for i in range(20):  # enough files for the workers to start (runner.PARALLEL_FROM)
        _draft(tmp_path, GOOD, f"draft{i}.eml")
    result = run("check", tmp_path, "--jobs", "99999999999999999999999", "--format", "json")
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    assert len(result.json["results"]) == 20 and not any("error" in r for r in result.json["results"])


def test_a_configuration_template_or_classifier_that_is_a_pipe_or_device_is_refused_not_read(run, tmp_path):
    import os
    import time

    import pytest

    if not hasattr(os, "mkfifo") or not Path("/dev/zero").exists():
        pytest.skip("needs named pipes and /dev/zero")
    fifo = tmp_path / "settings.yaml"
    os.mkfifo(fifo)
    draft = _draft(tmp_path)
    mbox = tmp_path / "box.mbox"
    mbox.write_text("From a@example.org Mon Mar  4 10:00:00 2024\n" + GOOD, encoding="utf-8")
    for target in (str(fifo), "/dev/zero"):
        for args in (("check", draft, "--config", target), ("reply", draft, "--template", target),
                     ("audit", mbox, "--classifier", target)):
            started = time.perf_counter()
            result = run(*args)
            assert time.perf_counter() - started < 10, args
            assert result.exit_code == 2, args
            said = " ".join((result.stdout + result.stderr).split())
            assert f"{target}: could not be read (it is a device, a pipe or a socket, not an ordinary file)" in said, said


def test_a_report_that_cannot_be_written_is_one_sentence(run, tmp_path):
    """--output /dev/full, or standard output sent there: a full disk is said plainly, not as our bug."""
    import subprocess
    import sys

    import pytest

    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    draft = _draft(tmp_path)
    result = run("check", draft, "--output", "/dev/full")
    assert result.exit_code == 2
    assert "--output /dev/full: could not be written (No space left on device)" in " ".join(result.stderr.split())
    for args in (["check", str(draft)], ["check", str(draft), "--format", "json"], ["rules"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run([sys.executable, "-m", "invitecheck", *args], stdout=full, stderr=subprocess.PIPE,
                                  text=True, timeout=60)
        assert done.returncode == 2, args
        assert "could not be written" in done.stderr and "(No space left on device)" in done.stderr, done.stderr
        assert "something went wrong" not in done.stderr and "Traceback" not in done.stderr and "Exception" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_when_and_where_says_an_before_a_vowel_sound(run, tmp_path):
    def message(sentence: str) -> str:
        path = _draft(tmp_path, f"Subject: Join us\n\n{sentence}\n", "event.txt")
        result = run("check", path, "--sent", "2024-03-04", "--force", "--format", "json", "--select", "when-and-where")
        return result.check("event.txt", "when-and-where")["findings"][0]["message"]

    assert message("Join our online event on 28 March 2024.").startswith("It invites people to an online event but")
    assert message("We are holding an information session on 28 March 2024.").startswith("It invites people to a session but")


def test_named_sender_quotes_the_last_words_from_the_start_of_a_word(run, tmp_path):
    path = _draft(tmp_path, FORWARD.format(marker=MARKERS[0]), "forward.eml")
    message = run("check", path, "--format", "json").check("forward.eml", "named-sender")["findings"][0]["message"]
    assert message.startswith("It comes from 'Involvement Hub' and ends '…takes about 20 minutes. Reply by 29 March 2024.")


def test_a_link_in_a_loop_outside_the_folder_is_one_sentence_in_every_format(run, tmp_path, monkeypatch):
    """SARIF names a file outside the current folder by its absolute address: a link in a loop has
    none once resolved, and that was a RuntimeError inside the SARIF reporter."""
    import os

    import pytest

    if not hasattr(os, "symlink"):
        pytest.skip("needs symbolic links")
    links = tmp_path / "links"
    links.mkdir()
    os.symlink("b.eml", links / "a.eml")
    os.symlink("a.eml", links / "b.eml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for format in ("sarif", "json", "github", "line", "html", "human"):
        result = run("check", links / "a.eml", "--format", format)
        assert result.exit_code == 2, format
        said = " ".join((result.stdout + result.stderr).split())
        assert "a.eml: could not be read (a loop of symbolic links)" in said, format
        assert "something went wrong" not in said, format
    sarif = run("check", links / "a.eml", "--format", "sarif").stdout
    assert (links / "a.eml").as_uri() in sarif


def test_init_never_waits_on_a_pyproject_that_is_a_pipe(run, tmp_path):
    import os

    import pytest

    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    os.mkfifo(tmp_path / "pyproject.toml")
    result = run("init", tmp_path / "pyproject.toml")
    assert result.exit_code == 2
    assert "pyproject.toml: is not an ordinary file, so no table was added to it" in " ".join(result.stderr.split())


def test_init_help_names_the_table_it_adds(run):
    assert "add a [tool.invitecheck] table" in " ".join(run("init", "--help").stdout.replace("│", " ").split())


def test_a_rule_without_a_kind_says_kind_is_missing_once(run, tmp_path):
    rule = tmp_path / "rule.yaml"
    rule.write_text("id: no-kind\ntitle: No kind\n", encoding="utf-8")
    said = run("check", _draft(tmp_path), "--rules", rule).stderr
    assert "the field 'kind' is missing" in said
    assert "unknown kind 'None'" not in said


def test_a_number_too_long_for_python_in_a_configuration_is_plain(run, tmp_path):
    config = tmp_path / ".invitecheck.yaml"
    config.write_text("fail_under: " + "9" * 5000 + "\n", encoding="utf-8")
    said = " ".join(run("check", _draft(tmp_path), "--config", config).stderr.split())
    assert f"{config}: it holds a number too long to read (more than 4,300 digits)" in said
    assert "set_int_max_str_digits" not in said


OUTLOOK_FORWARD = FORWARD.replace("Subject: Fwd:", "Subject: FW:").replace(
    "{marker}\nFrom: Involvement Hub <no-reply@example.nhs.uk>\nDate: Mon, 4 Mar 2024 at 10:00\n"
    "Subject: Join our reading panel\nTo: Sam Jones <sam.jones@example.com>\n",
    "________________________________\nFrom: Involvement Hub <no-reply@example.nhs.uk>\nSent: 04 March 2024 10:00\n"
    "To: Sam Jones <sam.jones@example.com>\nSubject: Join our reading panel\n")


def test_an_outlook_forward_is_from_whoever_sent_what_was_forwarded(run, tmp_path):
    assert "Sent: 04 March 2024" in OUTLOOK_FORWARD and "{marker}" not in OUTLOOK_FORWARD
    path = _draft(tmp_path, OUTLOOK_FORWARD, "forward.eml")
    result = run("check", path, "--format", "json").json["results"][0]
    assert result["sender"] == "Involvement Hub <no-reply@example.nhs.uk>"
    checks = {c["rule"]: c for c in result["checks"]}
    assert checks["named-sender"]["status"] == "fail"
    assert checks["contact-details"]["findings"][0]["message"].endswith("it comes from a no-reply address.")
    # a reply that quotes an Outlook header block is no forward: it is still from whoever replied
    reply = OUTLOOK_FORWARD.replace("Subject: FW:", "Subject: RE:")
    assert run("check", _draft(tmp_path, reply, "reply.eml"), "--format", "json").json["results"][0]["sender"].startswith("Sam Jones")


def test_every_corpus_file_in_the_reader_and_tool_formats_gives_no_warning_or_traceback():
    """The shared corpora (skipped when ../shared is absent) through SARIF, HTML and the reader's report,
    with every Python warning made an error: a result or one sentence for each file."""
    import subprocess
    import sys

    import pytest

    from conftest import SHARED

    corpora = SHARED / "corpora"
    files = sorted(str(p) for p in corpora.rglob("*") if p.is_file() and p.name != "README.md") if corpora.is_dir() else []
    if not files:
        pytest.skip("../shared/corpora is not here")
    for args in (["--format", "sarif"], ["--format", "html"], ["--for", "reader"]):
        done = subprocess.run([sys.executable, "-W", "error", "-m", "invitecheck", "check", "--force", *args, *files],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode in (0, 1, 2), args
        assert "Traceback" not in done.stderr and "Warning" not in done.stderr, (args, done.stderr[-2000:])
        assert "something went wrong" not in done.stderr and "internal error" not in done.stdout + done.stderr, args
