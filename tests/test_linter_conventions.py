"""What users of ruff, flake8 and yamllint expect: rule selection, quiet and statistics output,
colour switches, -V, shell completion, 'did you mean', honest --help, and rules/explain/init
that follow the configuration."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES

CHAMPION = EXAMPLES / "champion.eml"
GOOD = EXAMPLES / "good-panel-invitation.eml"


def _rules_run(out) -> list[str]:
    return [c["rule"] for c in out.result("champion.eml")["checks"]]


# -- choosing rules on the command line (item 17) ------------------------------


def test_select_runs_only_the_named_rules(run):
    out = run("check", CHAMPION, "--format", "json", "--no-config", "--select", "named-sender", "--select", "notice-period")
    assert sorted(_rules_run(out)) == ["named-sender", "notice-period"]


def test_ignore_leaves_a_rule_out_and_adds_to_the_configuration(run, tmp_path, monkeypatch):
    (tmp_path / ".invitecheck.yaml").write_text("disable: [plain-english]\n")
    monkeypatch.chdir(tmp_path)
    out = run("check", CHAMPION, "--format", "json", "--ignore", "respectful-wording")
    ran = _rules_run(out)
    assert "respectful-wording" not in ran and "plain-english" not in ran and "named-sender" in ran


def test_select_overrides_the_configurations_enable(run, tmp_path, monkeypatch):
    (tmp_path / ".invitecheck.yaml").write_text("enable: [named-sender]\n")
    monkeypatch.chdir(tmp_path)
    out = run("check", CHAMPION, "--format", "json", "--select", "notice-period")
    assert _rules_run(out) == ["notice-period"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_a_mistyped_rule_id_suggests_the_right_one(run, option):
    out = run("check", CHAMPION, option, "notice-perod", "--no-config")
    assert out.exit_code == 2
    assert out.stderr.strip() == (f"invitecheck: {option}: there is no rule called 'notice-perod' "
                                  "(did you mean 'notice-period'?); 'invitecheck rules' lists them")


def test_a_mistyped_format_and_explain_suggest_the_right_one(run):
    out = run("check", CHAMPION, "--format", "sarf")
    assert out.exit_code == 2 and "unknown format 'sarf' (did you mean 'sarif'?)" in out.stderr
    out = run("explain", "named-sendr", "--no-config")
    assert out.exit_code == 2 and "did you mean 'named-sender'?" in out.stderr
    out = run("check", CHAMPION, "--fail-on", "warnings")
    assert out.exit_code == 2 and "--fail-on 'warnings' (did you mean 'warning'?)" in out.stderr
    out = run("audit", EXAMPLES, "--format", "cvs")
    assert out.exit_code == 2 and "(did you mean 'csv'?)" in out.stderr


# -- quiet and statistics -----------------------------------------------------


def test_quiet_shows_only_problems(run):
    full = run("check", CHAMPION, GOOD, "--no-config")
    quiet = run("check", CHAMPION, GOOD, "--no-config", "--quiet")
    assert full.exit_code == quiet.exit_code == 1
    assert "good-panel-invitation.eml" in full.stdout and "good-panel-invitation.eml" not in quiet.stdout
    assert "✗ FAIL" in quiet.stdout and "named-sender" in quiet.stdout
    assert "✓ pass" not in quiet.stdout and "– n/a" not in quiet.stdout and "Summary" not in quiet.stdout
    assert run("check", GOOD, "--no-config", "-q").stdout.strip() == ""


def test_statistics_counts_findings_per_rule(run):
    out = run("check", CHAMPION, GOOD, "--no-config", "--statistics")
    assert out.exit_code == 1
    lines = out.stdout.split("\n\n")[0].splitlines()  # a rule a line, then what the held-out figures mean
    assert "named-sender" in out.stdout and "A named person sent it (in 1 file)" in out.stdout
    counts = [int(line.split()[0]) for line in lines]
    assert counts == sorted(counts, reverse=True) and len(lines) == 9  # champion.eml fails 9 checks


# -- colour -------------------------------------------------------------------


def _human(env_changes: dict, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(env_changes)
    done = subprocess.run([sys.executable, "-m", "invitecheck", "check", str(CHAMPION), "--no-config", *args],
                          capture_output=True, text=True, env=env)
    return done.stdout


def test_force_color_colours_a_pipe_and_no_color_wins():
    assert "\x1b[" not in _human({})
    assert "\x1b[" in _human({"FORCE_COLOR": "1"})
    assert "\x1b[" not in _human({"FORCE_COLOR": "1"}, "--no-color")
    assert "\x1b[" not in _human({"FORCE_COLOR": "1", "NO_COLOR": "1"})


# -- version, completion, help (items 17 and 18) --------------------------------


def test_short_version_flag(run):
    from invitecheck import __version__

    assert run("-V").stdout.strip() == f"invitecheck {__version__}"


SCRIPT = os.path.join(os.path.dirname(sys.executable), "invitecheck")


def test_shell_completion_script_is_offered():
    done = subprocess.run([SCRIPT, "--show-completion", "bash"], capture_output=True, text=True,
                          env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert done.returncode == 0 and "_INVITECHECK_COMPLETE" in done.stdout


@pytest.mark.parametrize("words, expected", [("invitecheck check --select notice", "notice-period"),
                                             ("invitecheck check --format s", "sarif")])
def test_shell_completion_completes_rule_ids_and_formats(words, expected):
    env = {**os.environ, "_INVITECHECK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "3"}
    done = subprocess.run([SCRIPT], capture_output=True, text=True, env=env)
    assert done.stdout.split() == [expected]


@pytest.mark.parametrize("command", [[], ["check"], ["audit"], ["rules"], ["explain"], ["reply"], ["init"], ["test-rules"]])
def test_help_shows_flags_as_flags(run, command):
    out = run(*command, "--help")
    assert out.exit_code == 0
    for wrong in ("<bool>", "<list[str]>", "{paths}", "{"):
        assert wrong not in out.stdout, f"{wrong} in the help of {command}"


def test_check_help_usage_line(run):
    out = run("check", "--help")
    assert "Usage: invitecheck check [OPTIONS] PATH..." in " ".join(out.stdout.split()) or "check [OPTIONS] PATH..." in out.stdout
    flags = [line for line in out.stdout.splitlines() if "--no-config" in line or "--debug" in line or "--quiet" in line]
    assert len(flags) == 3 and all("<" not in line.split("│")[1] for line in flags)


# -- rules and explain follow the configuration (item 10) --------------------------

HOUSE_RULE = """\
id: no-jargon
title: No NHS jargon
kind: forbid
severity: warning
weight: 5
message: "'{match}' is jargon"
why: People outside the NHS do not know its acronyms.
source: https://service-manual.nhs.uk/content/a-to-z-of-nhs-health-writing
patterns: ["\\\\bICB\\\\b"]
examples:
  fail: ["The ICB would like your views."]
  pass: ["The integrated care board would like your views."]
"""


@pytest.fixture
def configured(tmp_path, monkeypatch):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "no-jargon.yaml").write_text(HOUSE_RULE)
    (tmp_path / ".invitecheck.yaml").write_text(
        "rules: [house/]\ndisable: [respectful-wording]\nsettings:\n  expenses-explained: {severity: warning, weight: 7}\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_rules_lists_what_the_configuration_runs(run, configured):
    out = run("rules")
    rows = {line.split()[0]: line for line in out.stdout.splitlines() if line.strip() and not line.startswith(("Rule", "─", "━"))}
    assert "no-jargon" in rows
    assert "warning" in rows["expenses-explained"] and " 7 " in rows["expenses-explained"]
    assert "respectful-wording" not in rows
    assert "Switched off by .invitecheck.yaml: respectful-wording." in out.stdout
    bundled = run("rules", "--no-config")
    assert "respectful-wording" in bundled.stdout and "no-jargon" not in bundled.stdout


def test_explain_follows_the_configuration(run, configured):
    out = run("explain", "no-jargon")
    assert out.exit_code == 0 and out.stdout.startswith("no-jargon: No NHS jargon")
    assert "Severity warning, weight 7" in run("explain", "expenses-explained").stdout
    off = run("explain", "respectful-wording")
    assert off.exit_code == 0 and "It is switched off by .invitecheck.yaml." in off.stdout


# -- init into pyproject.toml (item 11) -------------------------------------------


def test_init_adds_a_toml_table_to_pyproject_and_later_runs_read_it(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "templates"\n')
    out = run("init", "pyproject.toml")
    assert out.exit_code == 0 and "Added a [tool.invitecheck] table to pyproject.toml" in out.stdout
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith('[project]\nname = "templates"\n') and "[tool.invitecheck]" in text
    checked = run("check", CHAMPION, "--format", "json")
    assert checked.exit_code == 1 and checked.json["results"][0]["score"] >= 0
    again = run("init", "pyproject.toml")
    assert again.exit_code == 2 and "already has a [tool.invitecheck] table" in again.stderr
    assert (tmp_path / "pyproject.toml").read_text() == text


def test_init_refuses_a_name_it_could_not_read_back(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = run("init", "invitecheck.toml")
    assert out.exit_code == 2 and "must be YAML" in out.stderr and not (tmp_path / "invitecheck.toml").exists()
