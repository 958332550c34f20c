"""Start-up: a file brings in only the libraries it needs. Not timed (see benchmarks/run.py --startup-only)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES

# Libraries for other kinds of file: Word, PDF, Outlook (and what they bring), and dask.
FOR_OTHER_FILES = ("docx", "lxml", "pypdf", "extract_msg", "olefile", "compressed_rtf", "RTFDE", "bs4", "dask")

PROBE = """
import json, sys
sys.argv = ["invitecheck", "check", sys.argv[1], "--no-config"]
from invitecheck.cli import app
try:
    app()
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def _imported(path) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=120)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_checking_a_draft_imports_no_email_word_pdf_or_outlook_library():
    imported = _imported(EXAMPLES / "gp-ppg-meeting.txt")
    assert "invitecheck" in imported  # the probe ran a check
    assert not imported & {*FOR_OTHER_FILES, "mailparser"}, imported & {*FOR_OTHER_FILES, "mailparser"}


@pytest.mark.parametrize("name", ["conference-travel.eml", "information-sheet-draft.md"])
def test_checking_an_email_or_markdown_imports_no_word_pdf_or_outlook_library(name):
    imported = _imported(EXAMPLES / name)
    assert "invitecheck" in imported
    assert not imported & set(FOR_OTHER_FILES), imported & set(FOR_OTHER_FILES)


def test_an_email_with_a_pdf_attached_reads_it():
    """The other side: the PDF library is there when a file needs it."""
    assert "pypdf" in _imported(EXAMPLES / "good-panel-invitation.eml")


@pytest.mark.parametrize("name", ["gp-ppg-meeting.txt", "conference-travel.eml"])
def test_reading_the_options_does_not_import_pydantic(name):
    """typer 0.29 builds a pydantic validator for every option (about 0.1 s a run); pyproject keeps typer below it."""
    imported = _imported(EXAMPLES / name)
    assert "invitecheck" in imported
    assert "pydantic" not in imported


def test_syllables_are_counted_without_importing_pyphen():
    """pyphen parses its whole dictionary before the first word; invitecheck/syllables.py reads only what a text needs."""
    imported = _imported(EXAMPLES / "conference-travel.eml")  # long enough to be measured
    assert "invitecheck" in imported
    assert "pyphen" not in imported
