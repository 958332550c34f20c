"""invitecheck on a template repository: configuration, machine formats, exit policy, suppressions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

BAD = """Subject: Become a Patient Champion
From: Administrator <admin@example.nhs.uk>
Date: 4 March 2024

Dear Patient,

Apply to be a Patient Champion by Friday.

Administrator
"""

WARNING_ONLY = """Subject: Join our reading panel
From: Helen Mbeki <helen.mbeki@example.nhs.uk>
Date: 4 March 2024

Don't worry, it is easy. Would you read our new leaflets at home? Reply to me
by 29 March 2024 if you would like to.
We can send them in large print or easy read.

Kind regards,
Helen Mbeki
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A template repository, with the current folder inside it."""
    (tmp_path / "templates" / "reminders").mkdir(parents=True)
    (tmp_path / "templates" / "panel.txt").write_text(WARNING_ONLY)
    (tmp_path / "templates" / "reminders" / "soon.txt").write_text(WARNING_ONLY.replace("29 March 2024", "11 March 2024"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- configuration ------------------------------------------------------------


def test_config_is_found_by_walking_up(run, repo, monkeypatch):
    (repo / ".invitecheck.yaml").write_text("disable: [respectful-wording]\n")
    monkeypatch.chdir(repo / "templates")
    out = run("check", "panel.txt", "--format", "json")
    assert "respectful-wording" not in [c["rule"] for c in out.result("panel.txt")["checks"]]
    out = run("check", "panel.txt", "--format", "json", "--no-config")
    assert "respectful-wording" in [c["rule"] for c in out.result("panel.txt")["checks"]]


def test_pyproject_table_is_used_when_there_is_no_yaml(run, repo):
    (repo / "pyproject.toml").write_text('[tool.invitecheck]\ndisable = ["respectful-wording"]\nfail_under = 50\n')
    out = run("check", "templates/panel.txt", "--format", "json")
    assert "respectful-wording" not in [c["rule"] for c in out.result("panel.txt")["checks"]]


def test_config_option_names_the_file(run, repo):
    (repo / "strict.yaml").write_text("fail_on: warning\n")
    assert run("check", "templates/panel.txt", "--format", "json").exit_code == 0
    assert run("check", "templates/panel.txt", "--format", "json", "--config", "strict.yaml").exit_code == 1


def test_rule_settings_enable_and_extra_rules(run, repo):
    (repo / "house").mkdir()
    (repo / "house" / "jargon.yaml").write_text(
        "id: no-jargon\ntitle: No jargon\nkind: forbid\nseverity: info\nweight: 5\nmessage: jargon\n"
        "why: Readers do not know acronyms.\nsource: https://example.org\npatterns: ['\\bICB\\b']\n"
        "examples: {fail: ['The ICB'], pass: ['The board']}\n"
    )
    (repo / ".invitecheck.yaml").write_text(
        "rules: [house]\nenable: [notice-period, no-jargon]\nsettings:\n  notice-period: {min_days: 30, severity: warning, weight: 50}\n"
    )
    out = run("check", "templates/panel.txt", "--format", "json")
    checks = {c["rule"]: c for c in out.result("panel.txt")["checks"]}
    assert set(checks) == {"notice-period", "no-jargon"}
    notice = checks["notice-period"]
    assert (notice["status"], notice["severity"], notice["weight"]) == ("fail", "warning", 50)
    assert "allow at least 30" in notice["findings"][0]["message"]


def test_per_file_overrides_by_glob(run, repo):
    (repo / ".invitecheck.yaml").write_text(
        "per_file:\n  - files: ['templates/reminders/*.txt']\n    settings:\n      notice-period: {min_days: 7}\n"
    )
    out = run("check", "templates", "--format", "json")
    assert out.check("panel.txt", "notice-period")["status"] == "pass"
    assert out.check("soon.txt", "notice-period")["status"] == "pass"  # 7 days allowed here
    (repo / ".invitecheck.yaml").write_text("")
    out = run("check", "templates", "--format", "json")
    assert out.check("soon.txt", "notice-period")["status"] == "fail"


def test_exclude_and_sent_from_config(run, repo):
    (repo / ".invitecheck.yaml").write_text("exclude: ['templates/reminders']\nsent: 2024-03-25\n")
    out = run("check", "templates", "--format", "json")
    assert [r["path"].rsplit("/", 1)[-1] for r in out.json["results"]] == ["panel.txt"]
    result = out.result("panel.txt")
    assert (result["sent"], result["sent_from"]) == ("2024-03-25", "configuration")
    out = run("check", "templates", "--format", "json", "--exclude", "templates/panel.txt", "--no-config")
    assert [r["path"].rsplit("/", 1)[-1] for r in out.json["results"]] == ["soon.txt"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("colour: blue\n", ".invitecheck.yaml, line 1: unknown key 'colour' in the configuration"),
        ("disable: [no-such-rule]\n", "there is no rule called 'no-such-rule'"),
        ("disable: [respectful-wordin]\n", "did you mean 'respectful-wording'?"),
        ("fail_on: sometimes\n", "'fail_on' must be one of error, warning, info, never"),
        ("settings:\n  notice-period: {min_dayz: 3}\n", "settings for 'notice-period': 'min_dayz' cannot be set"),
        ("sent: 2024-02-31\n", "'sent' must be a real date"),
        ("per_file:\n  - files: ['*.txt']\n    colour: red\n", "unknown key 'colour' in a per_file entry"),
        ("rules: [\n", ".invitecheck.yaml, line 2"),
    ],
)
def test_bad_config_is_one_sentence_and_exit_2(run, repo, text, expected):
    (repo / ".invitecheck.yaml").write_text(text)
    out = run("check", "templates/panel.txt")
    assert out.exit_code == 2
    assert expected in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_init_writes_a_starter_and_never_overwrites(run, repo):
    out = run("init")
    assert out.exit_code == 0
    text = (repo / ".invitecheck.yaml").read_text()
    assert text.startswith("# invitecheck configuration")
    assert run("check", "templates/panel.txt", "--format", "json").exit_code in (0, 1)  # the starter is valid
    (repo / ".invitecheck.yaml").write_text("disable: []\n")
    again = run("init")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert (repo / ".invitecheck.yaml").read_text() == "disable: []\n"


# -- exit policy --------------------------------------------------------------


def test_fail_on_levels(run, repo):
    path = "templates/panel.txt"  # only a warning fails
    assert run("check", path, "--fail-on", "error").exit_code == 0
    assert run("check", path, "--fail-on", "warning").exit_code == 1
    assert run("check", path, "--fail-on", "info").exit_code == 1
    bad = repo / "bad.txt"
    bad.write_text(BAD)
    assert run("check", bad, "--fail-on", "never").exit_code == 0
    assert run("check", bad, "--fail-on", "never", "--fail-under", "50").exit_code == 1
    assert run("check", path, "--fail-on", "sometimes").exit_code == 2


# -- formats ------------------------------------------------------------------


def test_line_format(run, repo):
    (repo / "bad.txt").write_text(BAD)
    out = run("check", "bad.txt", "--format", "line")
    lines = out.stdout.splitlines()
    assert "bad.txt:1:19: warning respectful-wording: 'Patient Champion' can read as patronising or labelling." in lines
    assert any(line.startswith("bad.txt:2:7: error named-sender: ") for line in lines)
    assert lines == sorted(lines, key=lambda l: (int(l.split(":")[1]), int(l.split(":")[2])))


def test_github_format(run, repo):
    (repo / "bad.txt").write_text(BAD)
    out = run("check", "bad.txt", "--format", "github")
    lines = out.stdout.splitlines()
    notice = next(line for line in lines if "notice-period" in line)
    assert notice.startswith("::error file=bad.txt,line=7,col=")
    assert ",title=invitecheck notice-period%3A Enough time to reply or take part::" in notice
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def _sarif(run, repo) -> dict:
    (repo / "bad.txt").write_text(BAD)
    out = run("check", "bad.txt", "templates/panel.txt", "missing.txt", "--format", "sarif")
    assert out.exit_code == 2
    return json.loads(out.stdout)


def test_sarif_essentials(run, repo):
    data = _sarif(run, repo)
    assert data["version"] == "2.1.0"
    [sarif_run] = data["runs"]
    driver = sarif_run["tool"]["driver"]
    rule_ids = [r["id"] for r in driver["rules"]]
    assert "named-sender" in rule_ids
    named = driver["rules"][rule_ids.index("named-sender")]
    assert named["helpUri"].startswith("https://") and "Administrator" in named["help"]["text"]
    result = next(r for r in sarif_run["results"] if r["ruleId"] == "named-sender")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "bad.txt"
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (2, 7)
    assert result["level"] == "error"
    assert driver["rules"][result["ruleIndex"]]["id"] == "named-sender"
    notification = sarif_run["invocations"][0]["toolExecutionNotifications"][0]
    assert "missing.txt: no such file" in notification["message"]["text"]
    assert sarif_run["invocations"][0]["executionSuccessful"] is False


SARIF_SCHEMA = SHARED / "reference" / "sarif-schema-2.1.0.json"


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason="../shared/reference/sarif-schema-2.1.0.json is not here")
def test_sarif_validates_against_the_official_schema(run, repo):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(_sarif(run, repo))


def test_output_is_identical_whatever_the_number_of_workers(repo):
    for n in range(40):
        (repo / "templates" / f"copy-{n:02}.txt").write_text(WARNING_ONLY if n % 2 else BAD)
    outputs = []
    for jobs in ("1", "2"):
        completed = subprocess.run([sys.executable, "-m", "invitecheck", "check", "templates", "--format", "json", "--jobs", jobs],
                                   capture_output=True, timeout=300)
        outputs.append(completed.stdout)
    assert outputs[0] == outputs[1]
    paths = [r["path"] for r in json.loads(outputs[0])["results"]]
    assert paths == sorted(paths) and len(paths) == 42


# -- suppressions -------------------------------------------------------------


SUPPRESSED = """Subject: Join our panel
From: Helen Mbeki <helen.mbeki@example.nhs.uk>
Date: 4 March 2024

<!-- invitecheck-disable respectful-wording -->
Don't worry, it is easy to become a Patient Champion.
<!-- invitecheck-enable -->
Please reply by 29 March 2024. <!-- invitecheck-disable-line notice-period -->
<!-- invitecheck-disable-next-line expenses-explained -->
Nothing on this line needs it.
The sufferers group is open to all.

Kind regards,
Helen Mbeki
"""


def test_markdown_suppressions(run, draft):
    out = run("check", draft(SUPPRESSED, "draft.md"), "--format", "json")
    result = out.result("draft.md")
    wording = out.check("draft.md", "respectful-wording")
    assert [f["line"] for f in wording["findings"]] == [11]  # "sufferers", outside the region
    assert result["suppressed"] == 2  # "Don't worry" and "Patient Champion"
    messages = [(w["line"], w["message"]) for w in result["warnings"]]
    assert (8, "The suppression of notice-period matched no finding: remove it.") in messages
    assert (9, "The suppression of expenses-explained matched no finding: remove it.") in messages
    human = run("check", draft(SUPPRESSED, "draft.md"))
    assert "2 findings suppressed by comments in the file." in human.stdout
    assert "Warning: line 8:" in human.stdout


def test_plain_text_suppressions_and_status(run, draft):
    text = BAD.replace("Apply to be", "# invitecheck: disable-next-line=respectful-wording\nApply to be")
    text = text.replace("Subject: Become a Patient Champion", "Subject: Join us")
    out = run("check", draft(text), "--format", "json")
    assert out.check("draft.txt", "respectful-wording")["status"] == "pass"
    assert out.result("draft.txt")["suppressed"] == 1
    everything = draft("# invitecheck: disable\n" + BAD.split("\n\n", 1)[1], "all.txt")
    out = run("check", everything, "--format", "json")
    assert all(c["status"] != "fail" for c in out.result("all.txt")["checks"])


def test_unknown_rule_in_a_suppression_is_a_warning(run, draft):
    out = run("check", draft("<!-- invitecheck-disable-line no-such-rule -->\nHello\n", "d.md"), "--format", "json", "--force")
    assert any("no rule is called that" in w["message"] for w in out.result("d.md")["warnings"])


# -- rule tests for teams -----------------------------------------------------


def test_test_rules_reports_examples_that_misbehave(run, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(
        "id: no-jargon\ntitle: No jargon\nkind: forbid\nseverity: info\nweight: 5\nmessage: jargon\n"
        "why: x\nsource: https://example.org\npatterns: ['\\bICB\\b']\nexamples: {fail: ['The ICB'], pass: ['The board']}\n"
    )
    out = run("test-rules", good)
    assert out.exit_code == 0 and "2 examples behave as labelled" in out.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text().replace("pass: ['The board']", "pass: ['The ICB board']"))
    out = run("test-rules", bad)
    assert out.exit_code == 1
    assert "no-jargon: the pass example 'The ICB board' gave fail" in out.stdout


def test_bundled_rules_pass_test_rules(run):
    from invitecheck.rules import bundled_folder

    assert run("test-rules", bundled_folder()).exit_code == 0


# -- pre-commit -----------------------------------------------------------------


ROOT = Path(__file__).resolve().parent.parent


def _docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(path)


def _readme_pre_commit_snippet() -> dict:
    import re

    import yaml

    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### pre-commit", 1)[1]
    return yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_blocks_a_bad_template_and_passes_a_good_one(tmp_path):
    """The README's snippet, pointed at this checkout: README.md and requirements.txt are
    never checked, Word drafts are, and a failing template blocks the commit."""
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("this checkout is not a git repository")
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("this checkout has no commits")
    templates = tmp_path / "templates"
    subprocess.run(["git", "init", "-q", str(templates)], check=True)
    config = _readme_pre_commit_snippet()
    config["repos"][0].update(repo=str(ROOT), rev=head.stdout.strip())
    for hook in config["repos"][0]["hooks"]:
        hook.pop("files", None)  # the hook's own choice of files, not the README's optional limit
    (templates / ".pre-commit-config.yaml").write_text(json.dumps(config))
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    (templates / "good.txt").write_text(WARNING_ONLY)
    (templates / "README.md").write_text("# Our invitation templates\n\nEdit them here.\n")
    (templates / "requirements.txt").write_text("invitecheck\n")
    _docx(templates / "good.docx", WARNING_ONLY)
    subprocess.run(["git", "add", "."], cwd=templates, check=True)
    good = subprocess.run([pre_commit, "run", "--all-files", "--verbose"], cwd=templates, capture_output=True, text=True,
                          env=env, timeout=900)
    if good.returncode != 0 and "invitecheck" not in good.stdout:
        pytest.skip(f"pre-commit could not install the hook here: {good.stdout[-300:]}{good.stderr[-300:]}")
    assert good.returncode == 0, good.stdout
    _docx(templates / "bad.docx", BAD)
    subprocess.run(["git", "add", "."], cwd=templates, check=True)
    bad = subprocess.run([pre_commit, "run", "--all-files"], cwd=templates, capture_output=True, text=True, env=env, timeout=900)
    assert bad.returncode == 1
    assert "bad.docx:" in bad.stdout and "error named-sender" in bad.stdout
    assert "README.md" not in bad.stdout and "requirements.txt" not in bad.stdout
