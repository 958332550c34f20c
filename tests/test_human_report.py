"""The terminal report is drawn at the terminal's width, with a short window around each match
and the carets under the matched words, at any width."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES

LONG = ("Subject: Our panel\nFrom: Helen Mbeki <helen@example.org>\nDate: 4 March 2024\n\n"
        "Dear Sam,\n\n"
        + "We have been working with local people for many years on all sorts of questions about services, " * 2
        + "and now we would like you to become one of our Patient Champions for the coming year, " 
        + "which means coming to four meetings at the Civic Hall in Leeds and telling us what you think of our plans.\n\n"
        "Please reply by 29 March 2024 to helen@example.org or ring 0113 496 0000.\n\nHelen Mbeki\n")


def _quotes(text: str) -> list[tuple[str, str]]:
    """(quoted line, caret line) for each finding in the report."""
    lines = text.splitlines()
    return [(lines[i], lines[i + 1]) for i, line in enumerate(lines[:-1]) if line.startswith("    │ ") and "^" in lines[i + 1]]


def _marked(quote: str, carets: str) -> str:
    start = carets.index("^")
    return quote[start : start + carets.count("^")]


@pytest.mark.parametrize("columns", [80, 200])
def test_report_is_drawn_at_the_terminal_width(run, draft, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    out = run("check", draft(LONG), EXAMPLES / "champion.eml")
    lines = out.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert len(lines[0]) == columns  # the rule under the file name spans the width
    quotes = _quotes(out.stdout)
    assert len(quotes) >= 5
    for quote, carets in quotes:
        assert len(quote) <= columns and len(carets) <= columns
        assert carets.strip() == "^" * len(carets.strip())
        assert _marked(quote, carets).strip() and "…" not in _marked(quote, carets)
    # The match far along the draft's long line: a short window around it, the carets under its words.
    # (The draft alone: the champion email also says 'Patient Champions', near the start of a line,
    # and which file comes first depends on where the temporary folder is.)
    # (role-and-time may also quote 'our Patient Champions' as the role asked for: the title's own finding is wanted)
    champion = next(((q, c) for q, c in _quotes(run("check", draft(LONG)).stdout) if _marked(q, c) == "Patient Champions"), None)
    assert champion is not None
    if columns == 80:
        assert champion[0].startswith("    │ …") and champion[0].endswith("…")


def test_the_long_line_is_shown_whole_where_it_fits(run, draft, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = run("check", EXAMPLES / "champion.eml")
    quote, carets = next((q, c) for q, c in _quotes(out.stdout) if "Sunday" in _marked(q, c))
    assert "The closing date for applications is Sunday." in quote and "…" not in quote


def test_a_narrow_terminal_still_gets_a_readable_width(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "30")
    out = run("check", EXAMPLES / "champion.eml")
    assert max(len(line) for line in out.stdout.splitlines()) <= 60
    assert max(len(line) for line in out.stdout.splitlines()) == 60 and "expenses-explained" in out.stdout and "respectful-wording" in out.stdout


def test_window_keeps_wide_characters_aligned():
    from rich.cells import cell_len

    from invitecheck.reporters.human import window

    excerpt = "会議のご案内 " * 10 + "Patient Champion" + " です" * 20
    a = excerpt.index("Patient")
    text, start, end = window(excerpt, a, a + len("Patient Champion"), 40)
    assert text[start:end] == "Patient Champion" and cell_len(text) <= 40
    assert text.startswith("…") and text.endswith("…")
