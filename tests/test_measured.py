"""How sure: every finding of a bundled rule shows how often that rule's failures were right on
invitations it was never tuned on (invitecheck/measured.json, written by benchmarks/accuracy.py).

The figures asserted here are read from the shipped file, never written in the test."""

from __future__ import annotations

import importlib.util
import json

from conftest import EXAMPLES, ROOT

from invitecheck.measured import DATA, MIN_FAILURES, OFTEN_WRONG

WRITE = ("python benchmarks/accuracy.py tests/invitations/holdout*/ --write-measured invitecheck/measured.json, "
         "then python -m invitecheck.ruledocs, and put the new 'How sure' lines in the README's samples "
         "(tests/test_readme.py shows which)")
SHIPPED = json.loads(DATA.read_text(encoding="utf-8"))
RULES = SHIPPED["rules"]


def _accuracy():
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_figures_are_those_the_held_out_sets_give_now():
    """Measured only: the held-out folders are run, never read here (about 15 seconds)."""
    accuracy = _accuracy()
    folders = sorted(path for path in (ROOT / "tests" / "invitations").glob("holdout*") if path.is_dir())
    assert folders
    everything = {}
    for folder in folders:
        labels = accuracy.yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8")) or {}
        everything[str(folder)] = accuracy.measure(labels, accuracy.run_tool(folder))
    now = json.loads(accuracy.measured_file(everything))
    assert now["sets"] == SHIPPED["sets"], f"invitecheck/measured.json was measured on other sets: run {WRITE}"
    assert now["rules"] == SHIPPED["rules"], f"invitecheck/measured.json is stale: run {WRITE}"


def _measured(rule: str) -> dict | None:
    counts = RULES.get(rule)
    return counts if counts and counts["of"] >= MIN_FAILURES else None


def _finding_lines(report: str, rule: str) -> list[str]:
    """The lines of the human report from the first finding of `rule` to the blank line after it."""
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split()[1:3] in (["error", rule], ["warning", rule], ["info", rule]))
    end = lines.index("", start)
    return lines[start:end]


def test_a_finding_of_a_bundled_rule_says_how_sure_it_is(run):
    out = run("check", EXAMPLES / "champion.eml", "--no-config")
    failed = [c["rule"] for c in run("check", EXAMPLES / "champion.eml", "--no-config", "--format", "json").result("champion.eml")["checks"]
              if c["status"] == "fail" and c["findings"]]
    shown = [rule for rule in failed if _measured(rule)]
    assert shown  # the example fails rules that have figures
    for rule in shown:
        counts = RULES[rule]
        assert (f"    How sure: right {counts['right']} of {counts['of']} times on {counts['files']} invitations "
                "we never tuned on.") in _finding_lines(out.stdout, rule), rule


def test_a_rule_with_too_few_held_out_failures_says_nothing(run, monkeypatch):
    """A figure of 3 out of 4 says too little: the finding is shown without one. (The shipped
    figures, with one rule's held-out failures made too few.)"""
    from invitecheck import measured

    example = EXAMPLES / "involvement-hub-noreply.eml"
    rule = "how-to-respond"
    before = run("check", example, "--no-config", "--format", "json").check(example.name, rule)
    assert before["status"] == "fail"  # the example fails it
    data = measured._load_all()
    rules = {**data["rules"], rule: {**data["rules"][rule], "of": MIN_FAILURES - 1}}
    monkeypatch.setattr(measured, "_data", {**data, "rules": rules})
    after = run("check", example, "--no-config", "--format", "json").check(example.name, rule)
    assert after["status"] == "fail" and "measured" not in after
    report = run("check", example, "--no-config").stdout
    assert not any("How sure" in line for line in _finding_lines(report, rule))
    assert "Not measured: it failed fewer than 5" in " ".join(run("explain", rule).stdout.split())


ANYTHING = (
    "From: Priya Shah <priya.shah@trust.example.nhs.uk>\nSubject: Join our Patient Champion panel\n\n"
    "Dear friend,\n\nWe are looking for a Patient Champion to join our panel.\n"
)
OWN_RULE = (
    'id: {id}\ntitle: No champions\nkind: swap\nseverity: warning\nweight: 5\nmessage: "{{match}} again"\n'
    "why: Because.\nsource: https://example.org/why\nswap:\n  \"Patient Champion\": \"partner\"\nexamples: {{}}\n"
)


def test_your_own_rules_say_nothing_of_how_sure(run, draft, tmp_path):
    """A rule of your own has no figure, even when it takes a bundled rule's id."""
    for rule_id in ("no-champions", "respectful-wording"):
        rule = tmp_path / f"{rule_id}.yaml"
        rule.write_text(OWN_RULE.format(id=rule_id), encoding="utf-8")
        path = draft(ANYTHING)
        human = run("check", path, "--no-config", "--rules", rule)
        lines = _finding_lines(human.stdout, rule_id)
        assert any(line.strip() == "Patient Champion again" for line in lines)
        assert not any("How sure" in line for line in lines)
        check = run("check", path, "--no-config", "--rules", rule, "--format", "json").check(path.name, rule_id)
        assert check["status"] == "fail" and "measured" not in check
    assert _measured("respectful-wording")  # the bundled one has figures: its findings say so
    bundled = run("check", path, "--no-config")
    assert any("How sure" in line for line in _finding_lines(bundled.stdout, "respectful-wording"))


def test_json_gives_the_figures_on_each_failed_check_of_a_bundled_rule(run):
    result = run("check", EXAMPLES / "champion.eml", "--no-config", "--format", "json").result("champion.eml")
    with_figures = 0
    for check in result["checks"]:
        counts = _measured(check["rule"])
        if check["status"] == "fail" and counts:
            assert check["measured"] == {"right": counts["right"], "of": counts["of"], "found": counts["found"],
                                         "failures": counts["failures"], "invitations": counts["files"]}
            with_figures += 1
        else:
            assert "measured" not in check
    assert with_figures


def test_sarif_ranks_each_result_by_how_often_its_rule_was_right(run):
    sarif = json.loads(run("check", EXAMPLES / "champion.eml", "--no-config", "--format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    assert results
    for item in results:
        counts = _measured(item["ruleId"])
        if counts:
            assert item["rank"] == round(100 * counts["right"] / counts["of"], 1)
            assert 0 <= item["rank"] <= 100
            assert item["properties"]["measured"]["of"] == counts["of"]
        else:
            assert "rank" not in item


def test_the_reader_is_told_to_read_it_themselves_only_where_a_check_is_often_wrong(run):
    out = run("check", EXAMPLES / "conference-travel.eml", "--no-config", "--for", "reader").stdout
    checks = run("check", EXAMPLES / "conference-travel.eml", "--no-config", "--format", "json").result("conference-travel.eml")["checks"]
    failed = [c["rule"] for c in checks if c["status"] == "fail"]
    often_wrong = [rule for rule in failed if _measured(rule) and RULES[rule]["right"] / RULES[rule]["of"] < OFTEN_WRONG]
    assert often_wrong  # the example fails a check that is often wrong
    text = " ".join(out.split())
    assert text.count("This check is often wrong") == len(often_wrong)
    for rule in often_wrong:
        assert f"it was right only {RULES[rule]['right']} times out of {RULES[rule]['of']}, so read that part of the invitation yourself" in text
    assert "How sure" not in out and "never tuned" not in out  # the reader sees no figure for checks that are usually right


def test_explain_and_statistics_give_the_share_of_real_failures_found(run):
    rule = max((r for r in RULES if _measured(r)), key=lambda r: RULES[r]["of"])
    counts = RULES[rule]
    explained = " ".join(run("explain", rule).stdout.split())
    assert (f"its failures were right {counts['right']} of {counts['of']} times" in explained
            and f"it found {counts['found']} of the {counts['failures']} failures a careful reader marked" in explained)
    statistics = run("check", EXAMPLES / "champion.eml", "--no-config", "--statistics").stdout
    lines = [line for line in statistics.splitlines() if "  " in line]
    assert lines
    for line in lines:
        shown = line.split()[1]
        counts = _measured(shown)
        figures = f"right {counts['right']} of {counts['of']}, found {counts['found']} of {counts['failures']}" if counts else "right "
        assert (figures in line) == bool(counts), line


def test_a_bundled_rule_with_its_options_changed_says_nothing_of_how_sure(run, tmp_path):
    """The figures were measured on the rules as shipped: a notice period of 30 days is not the rule
    we measured, so its findings carry no figure. A new severity or weight judges the same way, so the
    figure stays."""
    example = EXAMPLES / "past-deadline.txt"
    assert _measured("notice-period")
    shipped = run("check", example, "--no-config", "--format", "json").check(example.name, "notice-period")
    assert shipped["status"] == "fail" and shipped["measured"]["right"] == RULES["notice-period"]["right"]
    for settings, keeps in (("{min_days: 30}", False), ("{severity: warning, weight: 25}", True)):
        config = tmp_path / f"{keeps}.yaml"
        config.write_text(f"settings:\n  notice-period: {settings}\n", encoding="utf-8")
        check = run("check", example, "--config", config, "--format", "json").check(example.name, "notice-period")
        assert check["status"] == "fail"
        assert ("measured" in check) is keeps, settings
        human = run("check", example, "--config", config).stdout
        assert any("How sure" in line for line in _finding_lines(human, "notice-period")) is keeps, settings
