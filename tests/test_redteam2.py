"""Defects the second red team found (round two), each with the test that would have caught it."""

from __future__ import annotations

from invitecheck.audit import _reason

MINIMAL = (b"From helen@example.org Mon Jan  1 00:00:00 2024\n"
           b"From: Helen Mbeki <helen@example.org>\nSubject: Join our reading panel\nDate: {date}\n\n"
           b"Would you join our patient panel on 3 March? We pay \xc2\xa325 for your time.\n\n")


def test_an_mbox_message_with_only_draft_headers_is_read_as_an_email(run, tmp_path):
    # From, Subject and Date are headers a draft may have too: the message was read as a draft,
    # and its unreadable Date header refused the whole message instead of a note.
    mbox = tmp_path / "inbox.mbox"
    mbox.write_bytes(MINIMAL.replace(b"{date}", b"garbage") + MINIMAL.replace(b"{date}", b"Mon, 4 Mar 2024 10:00:00 +0000"))
    data = run("audit", mbox, "--format", "json", "--jobs", "1").json
    assert (data["messages"], data["unreadable"], data["invitations"]) == (2, 0, 2)


def test_unreadable_reasons_keep_their_advice_as_written():
    # 'such as 4 March 2024' was counted as 'such as N March N'; like reasons still count together.
    one = _reason("inbox#1: the Date line 'TBC' is not a date I can read, such as 4 March 2024")
    two = _reason("inbox#2: the Date line '31/02/2024' is not a date I can read, such as 4 March 2024")
    assert one == two == "the Date line '…' is not a date I can read, such as 4 March 2024"
    assert _reason("x#3: the email has 5001 MIME parts, more than 5000") == "the email has N MIME parts, more than N"
    assert _reason("x#4: the Date line '1 May 9999' is in the year 9999; give a date in the years 1900 to 2999") == \
        "the Date line '…' is in the year N; give a date in the years 1900 to 2999"


def test_line_span_is_the_whole_line_on_every_line():
    # line_span now reads the next line's start instead of searching for a newline (which ran to the
    # end of one long line for every date on it): the same spans on first, middle, empty and last lines.
    from invitecheck.document import Invitation, Span

    for text in ("one\n\nthree\n", "one\ntwo", "", "\n", "only", "a\r\nb\n\n"):
        doc = Invitation("x.txt", "text", text, Span(0, len(text)))
        for offset in range(len(text) + 1):
            start = text.rfind("\n", 0, offset) + 1
            end = text.find("\n", start)
            end = len(text) if end == -1 else end
            span = doc.line_span(offset)
            assert (span.start, span.end) == (start, end), (text, offset)
