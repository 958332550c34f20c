"""The GitHub Action (action.yml) and the generated rule pages that SARIF links to (issue 13, item 9)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, ROOT
from invitecheck.ruledocs import pages

DOCS = ROOT / "docs" / "rules"


def test_rule_pages_are_up_to_date():
    expected = pages()
    found = {path.name: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}
    stale = sorted(name for name in expected if found.get(name) != expected[name])
    extra = sorted(set(found) - set(expected))
    assert not stale and not extra, (
        f"docs/rules is out of date (stale: {stale}, no longer a rule: {extra}); "
        "run: python -m invitecheck.ruledocs")


def test_every_sarif_rule_links_to_its_page(run):
    out = run("check", EXAMPLES / "champion.eml", "--format", "sarif", "--no-config")
    rules = out.json["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) == 16
    for rule in rules:
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
        assert (DOCS / f"{rule['id']}.md").is_file()


def test_a_users_own_rule_links_to_its_own_guidance(run, tmp_path):
    house = tmp_path / "no-jargon.yaml"
    house.write_text(Path(ROOT / "rules" / "jargon-explained.yaml").read_text()
                     .replace("id: jargon-explained", "id: no-jargon"))
    out = run("check", EXAMPLES / "champion.eml", "--format", "sarif", "--no-config", "--rules", house)
    rule = next(r for r in out.json["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "no-jargon")
    assert rule["helpUri"] == yaml.safe_load(house.read_text())["source"]


# -- action.yml ---------------------------------------------------------------------

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())


def test_action_is_a_composite_that_uploads_sarif():
    assert ACTION["runs"]["using"] == "composite"
    uses = [step.get("uses", "") for step in ACTION["runs"]["steps"]]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    for step in ACTION["runs"]["steps"]:
        assert "${{ inputs." not in step.get("run", ""), "inputs must reach scripts through env, not be pasted in"


def _check_step() -> dict:
    return next(step for step in ACTION["runs"]["steps"] if step.get("id") == "check")


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_action_check_step_writes_sarif_annotations_and_the_exit_code(tmp_path):
    step = _check_step()
    outputs = tmp_path / "github_output"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_OUTPUT": str(outputs), "PATHS": str(EXAMPLES / "champion.eml"),
           "ARGS": "--no-config", "SARIF_FILE": str(tmp_path / "invitecheck.sarif")}
    done = subprocess.run(["bash", "-c", step["run"]], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0  # the last step fails the job, after the upload
    assert outputs.read_text().strip() == "exit-code=1"
    sarif = json.loads((tmp_path / "invitecheck.sarif").read_text())
    assert sarif["runs"][0]["results"]
    assert "::error file=" in done.stdout
    for name in ACTION["inputs"]:
        assert name in ("paths", "args", "sarif-file", "upload", "python-version")
