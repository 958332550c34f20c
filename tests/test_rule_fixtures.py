"""Per-rule fixtures: tests/fixtures/<rule-id>/<status>-<situation>.txt, one parametrised test.

The file name's first word is the status the rule must give (fail, pass or na);
an optional '# invitecheck-fixture: match=…' line names the words the first
finding must quote. See tests/fixtures/README.md.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from invitecheck.engine import Settings, check_invitation
from invitecheck.loaders import load_bytes
from invitecheck.loaders.text import load_text
from invitecheck.rules import bundled_rules

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STATUSES = {"fail": "fail", "pass": "pass", "na": "not-applicable"}
DIRECTIVE_RE = re.compile(r"^# invitecheck-fixture:\s*(\w+)=(.*)\n?", re.M)
CASES = sorted(path for path in FIXTURES.glob("*/*") if path.suffix in (".txt", ".md", ".eml"))
RULES = {rule.id: rule for rule in bundled_rules()}


def test_every_fixture_folder_is_a_rule_and_every_file_names_its_status():
    assert CASES
    for path in CASES:
        assert path.parent.name in RULES, f"{path.parent.name} is not a bundled rule"
        assert path.name.split("-", 1)[0] in STATUSES, f"{path.name} must start with fail-, pass- or na-"


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_fixture(path):
    text = path.read_text(encoding="utf-8")
    expected = dict(DIRECTIVE_RE.findall(text))
    data = DIRECTIVE_RE.sub("", text).encode("utf-8")
    # An email goes through the email loader, as a user's .eml does (quoted-printable and MIME parts decoded)
    doc = load_bytes(data, path.name) if path.suffix == ".eml" else load_text(data, path.name)
    check = check_invitation(doc, [RULES[path.parent.name]], Settings(today=date(2024, 3, 4))).checks[0]
    assert check.status == STATUSES[path.name.split("-", 1)[0]], [f.message for f in check.findings]
    if "match" in expected:
        assert check.findings[0].values["match"] == expected["match"].strip()
