"""Every command and sample in the README is true (issue 13, item 8).

The samples are compared with what the tool really prints, and the commands are
run, so the README cannot drift from the tool again. When a change alters what a
sample shows, update the README with the new output.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, ROOT
from invitecheck import __version__

README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def blocks(language: str, after: str | None = None) -> list[str]:
    """The fenced blocks of one language, optionally only those in the section headed AFTER."""
    text = README
    if after is not None:
        text = README.split(after, 1)[1]
        text = re.split(r"^#{2,3} ", text, maxsplit=1, flags=re.M)[0]
    return [body for lang, body in FENCE.findall(text) if lang == language]


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip("\n").split("\n")]


# -- samples of output ------------------------------------------------------------


def test_the_report_sample_is_what_check_prints(run, at_root, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")  # the README says its sample is drawn at 100 columns
    sample = blocks("text", "## What the report looks like")[0]
    shown = _lines(sample)
    assert shown[-1] == "…"
    out = run("check", "examples/champion.eml", "--no-config")
    assert _lines(out.stdout)[: len(shown) - 1] == shown[:-1]


@pytest.mark.parametrize("index", [0, 1])
def test_the_reader_and_reply_samples_are_what_they_print(run, at_root, index):
    sample = [b for b in blocks("text", "## If you received an invitation") if b.startswith("$ invitecheck")][index]
    command, *expected = _lines(sample)
    out = run(*shlex.split(command)[2:], "--no-config")
    assert out.exit_code in (0, 1)
    assert _lines(out.stdout) == expected


def _matches(sample, real, where: str) -> None:
    """Every key and value the sample shows is in the real output; '…' stands for the rest of a string."""
    if isinstance(sample, dict):
        assert isinstance(real, dict), where
        for key, value in sample.items():
            assert key in real, f"{where}.{key} is in the README but not in the output"
            _matches(value, real[key], f"{where}.{key}")
    elif isinstance(sample, list):
        assert isinstance(real, list), where
        for i, item in enumerate(sample):
            if isinstance(item, dict) and "rule" in item:  # a check, found by its rule
                twin = next((r for r in real if r.get("rule") == item["rule"]), None)
            elif isinstance(item, dict) and "path" in item:  # a result, found by its file
                twin = next((r for r in real if r.get("path") == item["path"]), None)
            else:
                twin = real[i] if i < len(real) else None
            assert twin is not None, f"{where}[{i}] is not in the output"
            _matches(item, twin, f"{where}[{i}]")
    elif isinstance(sample, str) and "…" in sample:
        head, _, tail = sample.partition("…")
        assert isinstance(real, str) and real.startswith(head) and real.endswith(tail), f"{where}: {real!r} is not {sample!r}"
    else:
        assert sample == real, f"{where}: the README shows {sample!r}, the tool gives {real!r}"


NEWSLETTER = """From: Riverside Practice <news@riverside.example.org>
Date: Mon, 4 Mar 2024 09:00:00 +0000
Subject: Spring newsletter

News from the practice: our new nurse, Amira, starts in April, and the car park
will be resurfaced in May. The flu clinic in the autumn will be held as usual.
"""


def test_the_json_sample_is_what_check_gives(run, tmp_path, monkeypatch):
    """The sample's three files: the champion story, a newsletter (skipped) and a missing file."""
    sample = json.loads(blocks("json", "### The JSON structure")[0])
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLES / "champion.eml", tmp_path / "examples" / "champion.eml")
    (tmp_path / "newsletter.eml").write_text(NEWSLETTER)
    monkeypatch.chdir(tmp_path)
    out = run("check", "examples/champion.eml", "newsletter.eml", "missing.eml", "--format", "json", "--no-config")
    _matches(sample, out.json, "json")


def test_the_try_it_claims(run, at_root):
    count = int(re.search(r"a report for each of the (\d+) example invitations", README).group(1))
    low, high = map(int, re.search(r"across the \d+ examples, scores run from (\d+) to (\d+)", README).groups())
    out = run("check", "examples/", "--format", "json", "--no-config")
    scores = [r["score"] for r in out.json["results"]]
    assert out.exit_code == 1 and len(scores) == count and (min(scores), max(scores)) == (low, high)
    assert run("check", "examples/good-panel-invitation.eml", "--format", "json", "--no-config").json["results"][0]["score"] == 100


# -- commands ------------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """The files the README's commands name: a draft, a received email, templates, an attachment, a mailbox."""
    draft = blocks("text", "## Using it")[0]
    (tmp_path / "draft.txt").write_text(draft.replace("...\n", "Please reply to me by 29 March 2024.\n"))
    shutil.copy(EXAMPLES / "conference-travel.eml", tmp_path / "received.eml")
    shutil.copytree(EXAMPLES, tmp_path / "templates")
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(tmp_path / "role.pdf", "wb") as handle:
        writer.write(handle)
    mbox = b"".join(b"From someone@example.org Mon Jan  1 00:00:00 2024\n" + path.read_bytes().replace(b"\nFrom ", b"\n>From ") + b"\n"
                    for path in sorted(EXAMPLES.glob("*.eml"))[:5])
    (tmp_path / "inbox.mbox").write_bytes(mbox)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _commands() -> list[str]:
    found = []
    for block in blocks("sh"):
        for line in block.splitlines():
            command = line.split("  #", 1)[0].strip()
            if "invitecheck" in command and "pip install" not in command:
                found.append(command)
    return found


def test_the_readme_has_commands_to_run():
    assert len(_commands()) >= 12


@pytest.mark.parametrize("command", _commands())
def test_every_readme_command_runs(run, workspace, command):
    stdin = None
    if command.startswith("cat "):
        name, _, command = command[4:].partition("|")
        stdin = (workspace / name.strip()).read_text()
    args = shlex.split(command)
    assert args[0] == "invitecheck"
    out = run(*args[1:], "--no-config", input=stdin)
    assert out.exit_code in (0, 1), out.stderr
    assert "went wrong" not in out.stderr
    if "-o" in args:
        assert (workspace / args[args.index("-o") + 1]).stat().st_size > 0


def test_the_configuration_sample_is_valid(run, workspace):
    sample = blocks("yaml", "### Configuration")[0]
    (workspace / "house-rules").mkdir()
    (workspace / ".invitecheck.yaml").write_text(sample)
    out = run("check", "templates/", "--format", "json")
    assert out.exit_code in (0, 1), out.stderr


def test_the_rule_sample_passes_test_rules(run, tmp_path):
    (tmp_path / "no-jargon.yaml").write_text(blocks("yaml", "## Writing a rule")[0])
    out = run("test-rules", tmp_path)
    assert out.exit_code == 0 and "examples behave as labelled" in out.stdout


# -- CI snippets ---------------------------------------------------------------------


def test_the_pre_commit_snippet_names_this_version_and_a_real_hook():
    config = yaml.safe_load(blocks("yaml", "### pre-commit")[0])
    repo = config["repos"][0]
    assert repo["rev"] == f"v{__version__}"  # the release tag the README explains
    hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert {hook["id"] for hook in repo["hooks"]} <= hooks
    assert f"this README describes `v{__version__}`" in README


def test_the_actions_snippet_uses_this_version_and_real_inputs():
    workflow = yaml.safe_load(blocks("yaml", "### GitHub Actions")[0])
    step = next(s for s in workflow["jobs"]["invitecheck"]["steps"] if "invitecheck" in s.get("uses", ""))
    assert step["uses"].endswith(f"@v{__version__}")
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert set(step["with"]) <= set(action["inputs"])
    for name in action["inputs"]:
        assert f"`{name}`" in README


def test_the_unreadable_file_sample_is_what_check_says(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    with open(tmp_path / "huge.eml", "wb") as handle:
        handle.truncate(31 * 1024 * 1024)
    parts = "".join(f"--b\nContent-Type: text/plain\n\npart {i}\n" for i in range(5000))  # and the multipart itself: 5001
    (tmp_path / "bomb.eml").write_text(f"From: a@example.org\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n{parts}--b--\n")
    (tmp_path / "draft.txt").write_text("Subject: Join us\nDate: 31/02/2024\n\nPlease come.\n")
    (tmp_path / "blank.txt").write_text("\n  \n")
    expected = _lines(blocks("text", "## When a file cannot be read")[0])
    out = run("check", *[line.split(":")[0] for line in expected], "--no-config")
    assert out.exit_code == 2
    assert sorted(_lines(out.stderr)) == sorted(expected)
