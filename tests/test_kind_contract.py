"""The kind contract: options, placeholders and scopes declared by every kind, and enforced.

A rule writer who mistypes a placeholder, or asks a kind for a scope it cannot
read, is told at load time, naming the file and line; the engine makes every
kind read only the parts of the text its rule's scope covers.
"""

from __future__ import annotations

import pytest

from invitecheck.document import SCOPES
from invitecheck.kinds import KINDS
from invitecheck.kinds.base import Contract, Option

from test_rule_files import GOOD_RULE, write  # the same rule file, with one pattern and a neutral id

RULE = GOOD_RULE.replace("id: no-jargon", "id: house-rule").replace('"\\\\bICS\\\\b", ', "")
DRAFT = "From: Helen Mbeki <h@example.org>\nDate: 4 March 2024\nSubject: PCN views wanted\n\nWe would like to hear from you.\n"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kind_declares_its_contract(name):
    contract = KINDS[name].CONTRACT
    assert isinstance(contract, Contract)
    assert contract.doc and "\n" not in contract.doc
    assert contract.scopes and set(contract.scopes) <= set(SCOPES)
    assert all(isinstance(option, Option) and option.doc for option in contract.options.values())
    assert all(placeholder.isidentifier() for placeholder in contract.placeholders)


def test_a_misspelt_placeholder_is_refused_with_file_line_and_a_suggestion(run, draft, tmp_path):
    rule = write(tmp_path, RULE.replace("kind: forbid", "kind: conditional").replace(
        'patterns: ["\\\\bPCN\\\\b"]', 'when: ["meet"]\nthen: ["monthly"]').replace(
        "message: \"'{match}' is jargon\"", "message: \"There is a {probelm} with '{mtach}'\""))
    out = run("check", draft(DRAFT), "--rules", rule)
    assert out.exit_code == 2
    assert "Traceback" not in out.stderr
    # Every problem of the file at once, one a line, each with its line number.
    assert out.stderr.strip().splitlines() == [
        f"invitecheck: {rule}, line 7: the message uses the placeholder '{{probelm}}', which this kind does not fill in (it fills in: {{match}})",
        f"invitecheck: {rule}, line 7: the message uses the placeholder '{{mtach}}', which this kind does not fill in; did you mean '{{match}}'? (it fills in: {{match}})",
    ]


def test_did_you_mean_names_the_closest_placeholder(tmp_path):
    from invitecheck.rules import RuleError, load_rule_file

    text = RULE.replace("kind: forbid", "kind: attachments").replace('patterns: ["\\\\bPCN\\\\b"]\n', "").replace(
        "message: \"'{match}' is jargon\"", "message: \"'{match}': {probelm}\"")
    with pytest.raises(RuleError, match=r"line 7: .*'\{probelm\}'.*did you mean '\{problem\}'\?"):
        load_rule_file(write(tmp_path, text))


@pytest.mark.parametrize("field, text", [
    ("suggestion", "suggestion: \"Say {what} instead\"\n"),
    ("reader says", "reader:\n  says: \"It says {matchh}\"\n"),
])
def test_placeholders_are_checked_in_suggestions_and_reader_text_too(tmp_path, field, text):
    from invitecheck.rules import RuleError, load_rule_file

    with pytest.raises(RuleError, match=f"the {field} uses the placeholder"):
        load_rule_file(write(tmp_path, RULE + text))


def test_a_stray_brace_is_refused(tmp_path):
    from invitecheck.rules import RuleError, load_rule_file

    with pytest.raises(RuleError, match="line 7: the message has a '\\{' or '\\}' that does not make a placeholder"):
        load_rule_file(write(tmp_path, RULE.replace("is jargon", "is {jargon")))


def test_a_scope_the_kind_cannot_read_is_refused(run, draft, tmp_path):
    rule = write(tmp_path, RULE.replace("kind: forbid", "kind: sender").replace('patterns: ["\\\\bPCN\\\\b"]\n', "").replace(
        "message: \"'{match}' is jargon\"", "message: \"No person named in '{sender}'\""))
    out = run("check", draft(DRAFT), "--rules", rule)
    assert out.exit_code == 2
    assert "rule.yaml, line 6: a rule of kind 'sender' cannot read scope 'body' (it reads 'all')" in out.stderr


def test_a_rule_without_a_scope_gets_its_kinds_first_scope(tmp_path):
    from invitecheck.rules import load_rule_file

    text = RULE.replace("kind: forbid", "kind: sender").replace("scope: body\n", "").replace('patterns: ["\\\\bPCN\\\\b"]\n', "")
    assert load_rule_file(write(tmp_path, text)).scope == "all"


@pytest.mark.parametrize("kind, fields, message", [
    ("forbid", 'patterns: ["\\\\bPCN\\\\b"]', "'{match}'"),
    ("swap", 'swap: {"\\\\bPCN\\\\b": "primary care network"}', "'{match}'"),
    ("conditional", 'when: ["\\\\bPCN\\\\b"]\nthen: ["primary care network"]', "'{match}'"),
    ("conditional", 'when: ["(?-i:\\\\b([A-Z]{3})\\\\b)"]\nthen: ["(?-i:[A-Z]\\\\w+ [A-Z]\\\\w+ [A-Z]\\\\w+ \\\\(([A-Z]{3})\\\\))"]\npair: true', "'{match}'"),
    ("acronyms", "known: [NHS]", "'{match}'"),
])
def test_the_engine_applies_scope(run, draft, tmp_path, kind, fields, message):
    """The acronym is only in the subject: a body rule does not see it; a subject rule does."""
    base = RULE.replace("kind: forbid", f"kind: {kind}").replace('patterns: ["\\\\bPCN\\\\b"]', fields).replace(
        "message: \"'{match}' is jargon\"", f'message: "{message} is jargon"').replace("examples:\n  fail: [\"The PCN meets monthly.\"]\n", "examples:\n")
    path = draft(DRAFT)
    body = run("check", path, "--rules", write(tmp_path, base), "--format", "json", "--force").check("draft.txt", "house-rule")
    subject = run("check", path, "--force", "--rules", write(tmp_path, base.replace("scope: body", "scope: subject"), "subject.yaml"),
                  "--format", "json", "--force").check("draft.txt", "house-rule")
    assert body["status"] != "fail"
    assert subject["status"] == "fail"
    assert subject["findings"][0]["line"] == 3


def test_dates_consistent_reads_only_its_scope(run, draft, tmp_path):
    text = "From: Helen Mbeki <h@example.org>\nDate: 4 March 2024\nSubject: Panel on Monday 12 March 2024\n\nJoin our panel.\n"
    rule = (tmp_path / "rule.yaml")
    bundled = (__import__("invitecheck.rules", fromlist=["bundled_folder"]).bundled_folder() / "dates-consistent.yaml").read_text()
    rule.write_text(bundled.replace("scope: body", "scope: all"))
    path = draft(text)
    assert run("check", path, "--format", "json", "--force").check("draft.txt", "dates-consistent")["status"] == "not-applicable"
    check = run("check", path, "--rules", rule, "--format", "json", "--force").check("draft.txt", "dates-consistent")
    assert check["status"] == "fail" and "is a Tuesday, not a Monday" in check["findings"][0]["message"]


def test_conditional_pairs_captures(run, draft, tmp_path):
    fields = ('when: ["(?-i:\\\\b([A-Z]{3,4})\\\\b)"]\n'
              'then: ["(?-i:(?:[A-Z]\\\\w+ (?:and |of )?){2,4}\\\\(([A-Z]{3,4})\\\\))"]\n'
              "pair: true\nexceptions: [NHS]")
    rule = write(tmp_path, RULE.replace('patterns: ["\\\\bPCN\\\\b"]', fields).replace("kind: forbid", "kind: conditional")
                 .replace("examples:\n  fail: [\"The PCN meets monthly.\"]\n", "examples:\n"))
    text = ("From: Helen Mbeki <h@example.org>\nDate: 4 March 2024\n\nThe Primary Care Network (PCN) and the NHS "
            "want to hear from you. The PCN and the ICB meet monthly, and so does the PPG.\n")
    check = run("check", draft(text), "--rules", rule, "--format", "json", "--force").check("draft.txt", "house-rule")
    assert check["status"] == "fail"
    assert [f["message"] for f in check["findings"]] == ["'ICB' is jargon", "'PPG' is jargon"]


def test_pair_needs_a_capture_group(tmp_path):
    from invitecheck.rules import RuleError, load_rule_file

    text = RULE.replace("kind: forbid", "kind: conditional").replace('patterns: ["\\\\bPCN\\\\b"]', 'when: ["PCN"]\nthen: ["network"]\npair: true')
    with pytest.raises(RuleError, match="line 10: with 'pair: true' each pattern in 'when' needs a group"):
        load_rule_file(write(tmp_path, text))


METRIC = RULE.replace("kind: forbid", "kind: metric").replace('patterns: ["\\\\bPCN\\\\b"]', "limits:\n  sentence_words: '<= 8'\nmin_words: 5").replace(
    "message: \"'{match}' is jargon\"", 'message: "Hard going: {problems}; the longest sentence has {words} words."').replace(
    "examples:\n  fail: [\"The PCN meets monthly.\"]\n  pass: [\"The group meets monthly.\"]\n", "examples: {}\n")


def test_metric_limits_are_data(run, draft, tmp_path):
    text = ("From: Helen Mbeki <h@example.org>\nDate: 4 March 2024\n\nWe would like to hear from everyone who has used "
            "the clinic this year about how it went for them.\n\nHelen\n")
    check = run("check", draft(text), "--rules", write(tmp_path, METRIC), "--format", "json", "--force").check("draft.txt", "house-rule")
    assert check["status"] == "fail"
    assert check["findings"][0]["message"] == "Hard going: sentences average 20 words (aim for 8 or fewer); the longest sentence has 20 words."


@pytest.mark.parametrize("limits, expected", [
    ("limits:\n  loudness: '<= 8'", "line 10: 'limits' has an unknown measure 'loudness' (known measures: reading_ease, grade"),
    ("limits:\n  grade: 'about 8'", "line 10: the limit for 'grade' must be a comparison such as '<= 10'"),
])
def test_metric_refuses_bad_limits(tmp_path, limits, expected):
    from invitecheck.rules import RuleError, load_rule_file

    with pytest.raises(RuleError, match=expected.replace("(", "\\(").replace(")", "\\)")):
        load_rule_file(write(tmp_path, METRIC.replace("limits:\n  sentence_words: '<= 8'", limits)))


def test_the_older_readability_kind_still_loads_and_agrees_with_metric(tmp_path):
    from invitecheck.engine import Settings, check_text
    from invitecheck.rules import bundled_folder, load_rule_file

    metric = load_rule_file(bundled_folder() / "plain-english.yaml")
    old_text = (bundled_folder() / "plain-english.yaml").read_text()
    start, end = old_text.index("kind: metric"), old_text.index("message:")
    old = load_rule_file(write(tmp_path, old_text[:start] + "kind: readability\nseverity: info\nweight: 5\nscope: body\n"
                               "min_reading_ease: 50\nmax_grade: 10\nmax_sentence_words: 30\nmax_words: 400\nmin_words: 40\n" + old_text[end:]))
    for example in metric.examples["fail"] + metric.examples["pass"]:
        a, b = (check_text(example, [rule], Settings()).checks[0] for rule in (metric, old))
        assert (a.status, [f.message for f in a.findings]) == (b.status, [f.message for f in b.findings])


def test_explain_is_written_from_the_yaml_and_the_contract(run):
    out = run("explain", "notice-period")
    assert "Fails when the first deadline or meeting is fewer than min_days after sending" in out.stdout
    assert "min_days: 14 (the default). The fewest days allowed between sending and the first date." in out.stdout
    assert "Its message and suggestion may use: {match}, {detail}, {days}, {notice}, {date}, {phrase}, {min_days}." in out.stdout
    out = run("explain", "plain-english")
    assert "limits: reading_ease >= 50, grade <= 10, sentence_words <= 30, longest_sentence <= 60, section_words <= 400." in out.stdout
    assert "short_texts: pass. What a text too short to measure gets: 'pass' or 'not-applicable'." in out.stdout
    assert "A rule of this kind can read: the body." in out.stdout
