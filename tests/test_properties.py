"""Property-based tests: whatever the input, no exception escapes, offsets map inside the
text, and resolved dates are real dates."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invitecheck.dates import find_dates, find_instant_deadlines
from invitecheck.engine import Settings, check_invitation
from invitecheck.loaders import LoadError, load_bytes
from invitecheck.loaders.email import load_email
from invitecheck.loaders.text import load_text
from invitecheck.rules import bundled_rules

RULES = bundled_rules()

# Text that looks a little like an invitation: words, dates, numbers, headers, odd characters.
PIECES = st.sampled_from([
    "Please reply by ", "Friday", "12 June", "31/02/2024", "2024-13-45", "the 45th of June", " on ", "\n",
    "Kind regards,\n", "Helen Mbeki", "attached", "the form below", "https://example.org", "close of play",
    "Subject: ", "From: ", "Date: ", "Attachments: a.pdf\n", "£20", "ASAP", "<!-- invitecheck-disable -->",
    "# invitecheck: disable-line=notice-period", "\r\n", "\x00", "é", "🙂", "\u2028", "9999", "May 2", "Sept. 4th",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=40).map("".join))
SENT = st.dates(min_value=date(1900, 1, 1), max_value=date(9998, 12, 31))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, sent=SENT)
def test_date_finder_never_fails_and_stays_in_bounds(text, sent):
    for mention in find_dates(text, sent):
        assert 0 <= mention.start < mention.end <= len(text)
        assert isinstance(mention.date, date)
        assert mention.date.year >= 1900
    for instant in find_instant_deadlines(text):
        assert 0 <= instant.start <= instant.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(data=st.one_of(st.binary(max_size=600), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_text_loader_never_fails_and_positions_map_back(data):
    try:
        doc = load_text(data, "draft.txt")
    except LoadError:
        return  # e.g. a Date: line that is not a date: a clear per-file error
    lines = doc.text.split("\n")
    for offset in range(0, len(doc.text) + 1, max(1, len(doc.text) // 25)):
        line, column = doc.position(offset)
        assert 1 <= line <= len(lines)
        assert 1 <= column <= len(lines[line - 1]) + 1
        assert sum(len(l) + 1 for l in lines[: line - 1]) + column - 1 == offset


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=600),
    st.lists(st.sampled_from([b"From: a@b.c\n", b"Content-Type: multipart/mixed; boundary=x\n", b"--x\n", b"--x--\n",
                              b"Content-Transfer-Encoding: base64\n", b"\n", b"SGVsbG8=\n", b"Date: Mon, 4 Mar 2024\n",
                              b"Subject: =?utf-8?b?w6k=?=\n", b"charset=\"x-bad\"\n", b"\xff\xfe", b"body text\n"]),
             max_size=30).map(b"".join),
))
def test_email_loader_never_fails(data):
    try:
        doc = load_email(data, "message.eml")
    except LoadError:
        return
    assert doc.body.start <= doc.body.end <= len(doc.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_every_finding_points_inside_the_text(text):
    try:
        doc = load_bytes(text.encode("utf-8", "surrogatepass"), "draft.txt", kind="text")
    except LoadError:
        return
    result = check_invitation(doc, RULES, Settings(today=date(2024, 3, 4)))
    lines = doc.text.split("\n")
    assert 0 <= result.score <= 100
    for check in result.checks:
        assert check.status in ("pass", "fail", "not-applicable")
        for finding in check.findings:
            assert 1 <= finding.line <= len(lines)
            assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
            assert (finding.end_line, finding.end_column) >= (finding.line, finding.column)
