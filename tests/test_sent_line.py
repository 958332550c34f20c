"""A draft's send date written in its text, not in a header at the top (sent.written_sent_line)."""

from datetime import date

from invitecheck.loaders.text import load_text


def sent_of(text: str):
    doc = load_text(text.encode("utf-8"), "draft.md")
    return doc.sent.date() if doc.sent else None


def test_a_date_line_under_a_heading_is_the_send_date():
    assert sent_of("# Visit rota\n\nDate: 4 December 2026\n\nPlease reply by 21 December.\n") == date(2026, 12, 4)


def test_a_received_line_in_a_copied_text_message_is_the_send_date():
    assert sent_of("Text message\nFrom: 07700 900111 (Marcia)\nReceived: Mon 11 Jan 2027, 09:12\n\nHi\n") == date(2027, 1, 11)


def test_the_date_of_a_meeting_beside_its_time_is_not_the_send_date():
    assert sent_of("# Come to our group\n\nDate: Wednesday 3 February 2027\nTime: 11am to 1pm\nWhere: The Hub\n") is None


def test_a_date_line_with_a_time_of_day_is_a_meeting():
    assert sent_of("# Come to our group\n\nDate: Wednesday 3 February 2027, 2pm to 4pm\n") is None


def test_page_last_reviewed_is_not_a_send_date():
    assert sent_of("# Maternity voices\n\nWe meet monthly.\n\nPage last reviewed: 3 December 2026\n") is None
