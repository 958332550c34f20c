"""Where a finding is in the file is worked out only when a machine format reads it."""

from __future__ import annotations

from datetime import date

from conftest import EXAMPLES

from invitecheck.engine import Settings, check_invitation
from invitecheck.loaders import load_path
from invitecheck.rules import load_rules


def _wording_finding(doc):
    result = check_invitation(doc, load_rules(), Settings(today=date(2024, 3, 4)))
    return next(f for check in result.checks if check.rule == "respectful-wording" for f in check.findings)


def test_an_emails_lines_in_the_file_are_found_only_when_a_machine_format_asks():
    doc = load_path(str(EXAMPLES / "champion.eml"))
    assert doc.places is None and doc.find_places is not None  # not at load
    finding = _wording_finding(doc)
    assert doc.places is None  # nor by the check: the human report counts the view's lines
    assert (finding.line, finding.file_line, finding.file_column, finding.position) == (3, 4, 32, "line")
    assert doc.places is not None and finding.to_dict()["line"] == 4


def test_when_the_lines_cannot_be_found_a_finding_points_at_the_views_own():
    doc = load_path(str(EXAMPLES / "champion.eml"))

    def broken():
        raise ValueError("an email the line finder cannot read")

    doc.find_places = broken
    finding = _wording_finding(doc)
    assert (finding.file_line, finding.file_column, finding.position) == (finding.line, finding.column, "line")


def test_a_finding_sent_from_a_worker_process_keeps_its_place_in_the_file():
    import pickle

    finding = _wording_finding(load_path(str(EXAMPLES / "champion.eml")))
    copy = pickle.loads(pickle.dumps(finding))  # what --jobs does with each result
    assert (copy.file_line, copy.file_column, copy.position) == (4, 32, "line")
