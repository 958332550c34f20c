"""Without colour, the human report is drawn as plain text by reporters/plain.py, without rich's
console and tables (a sixth of a single check's instructions). It must be, character for
character, what rich draws from the same blocks: what the report was before, at every width."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import EXAMPLES
from invitecheck.engine import FileResult, Settings, check_invitation, check_path
from invitecheck.loaders import load_bytes
from invitecheck.reporters import human, plain
from invitecheck.rules import load_rules

WIDTHS = (60, 61, 67, 72, 80, 90, 100, 120, 160, 200)
SETTINGS = Settings(today=date(2026, 12, 3))


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def examples(rules):
    results = []
    for path in sorted(p for p in EXAMPLES.iterdir() if p.name != "expected.yaml"):
        results.append(check_path(str(path), rules, SETTINGS))
        results[-1].path = f"examples/{path.name}"  # as a user names it (a path wider than the rule is rich's to cut)
    return results


def _both(results, width: int, quiet: bool = False) -> tuple[str | None, str]:
    """The plain drawing (None where it declines) and rich's, of the same report."""
    blocks = human.blocks(results, width, plain=True, quiet=quiet)
    return plain.draw(blocks, width), human.rich_drawing(blocks, width, color=False)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_example_is_drawn_as_rich_draws_it(examples, width):
    for result in examples:
        for quiet in (False, True):
            drawn, by_rich = _both([result], width, quiet)
            assert drawn is not None, result.path  # the examples are all plain drawing's to draw
            assert drawn == by_rich, (result.path, width, quiet)


@pytest.mark.parametrize("width", (60, 80, 100, 160))
def test_a_report_on_many_files_with_its_summary_is_drawn_as_rich_draws_it(examples, width):
    drawn, by_rich = _both(examples, width)
    assert "Summary" in by_rich and drawn == by_rich


def _draft(rules, text: str, name: str = "draft.txt") -> FileResult:
    return check_invitation(load_bytes(text.encode("utf-8"), name, None, SETTINGS.limits), rules, SETTINGS)


INVITATION = ("Subject: {subject}\nFrom: Helen Mbeki <helen@example.org>\nDate: 4 March 2024\n\nDear Sam,\n\n"
              "Would you join our patients' panel{middle} on Tuesday 9 April 2024, 2pm to 4pm, at the Civic Hall?\n\n"
              "Please reply by 29 March 2024 to helen@example.org.\n\nHelen Mbeki\n")


@pytest.mark.parametrize("subject, middle, name", [
    ("Our panel 患者会议", "", "draft.eml"),  # wide characters: rich measures them
    ("Our\tpanel", "", "draft.eml"),  # a tab: rich expands it
    ("Our panel [bold]", "", "draft.eml"),  # rich reads a plain string as markup (the subject is not one)
    ("Our panel", " (e\u0301t\u00e9)", "draft.eml"),  # a combining accent takes no cell
    ("Our panel", "", "a-very-long-folder-name/" * 4 + "draft.eml"),  # a path wider than the rule: cut with '…'
])
def test_what_plain_text_cannot_promise_is_left_to_rich(rules, subject, middle, name):
    result = _draft(rules, INVITATION.format(subject=subject, middle=middle), name)
    for width in (60, 80):
        blocks = human.blocks([result], width, plain=True)
        by_rich = human.rich_drawing(blocks, width, color=False)
        assert human.render([result], [], color=False, width=width) == by_rich
    if "\t" in subject or "\u0301" in middle or "患" in subject or len(name) > 60:
        assert plain.draw(human.blocks([result], 60, plain=True), 60) is None


def test_every_character_plain_text_draws_is_one_cell_and_no_space_for_rich():
    from rich.cells import cell_len

    accepted = [chr(code) for code in range(0x3000) if not plain._NOT_ONE_CELL.search(chr(code))]
    assert "é" in accepted and "✓" in accepted and "—" in accepted and "\u00ad" not in accepted
    for character in accepted:
        assert cell_len(character) == 1, hex(ord(character))
        assert character == " " or not character.isspace(), hex(ord(character))


@pytest.mark.parametrize("columns", [None, "72", "0", "wide"])
def test_the_width_is_the_one_rich_would_choose(monkeypatch, columns):
    from rich.console import Console

    monkeypatch.delenv("TERM", raising=False)
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert plain.terminal_width() == Console().width


def test_a_wrapped_word_longer_than_a_line_is_folded_as_rich_folds_it():
    from rich.text import Text

    for text in ("a " + "x" * 70 + " b", " " * 12 + "lead", "short words that wrap over several lines here", "word   " * 20):
        for width in (5, 11, 20, 64):
            assert plain.wrap(text, width) == [line.plain for line in Text(text).wrap(_console(), width)], (text, width)


def _console():
    from rich.console import Console

    return Console(width=80)
