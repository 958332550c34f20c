"""Which files check reads (issue 13, items 6 and 7): one gitignore-style meaning for every
exclude pattern, .gitignore respected when walking folders, and a file named on the command
line but excluded is skipped with exit status 0."""

from __future__ import annotations

import pytest

GOOD = """Subject: Join our reading panel
From: Helen Mbeki <helen.mbeki@example.nhs.uk>
Date: 4 March 2024

Would you read our new leaflets at home? Reply to me by 29 March 2024 if you would like to.
We can send them in large print or easy read.

Kind regards,
Helen Mbeki
"""


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for name in ("templates/panel.txt", "templates/old/archived.txt", "templates/notes.md",
                 "templates/deep/old/also.txt", "build/copy.txt", "scratch.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _checked(out) -> list[str]:
    return sorted(r["path"] for r in out.json["results"])


def test_config_exclude_is_gitignore_style(run, tree):
    (tree / ".invitecheck.yaml").write_text("exclude: ['old/', '*.md', '/scratch.txt']\n")
    out = run("check", ".", "--format", "json")
    assert _checked(out) == ["./build/copy.txt", "./templates/panel.txt"]


def test_command_line_exclude_means_the_same(run, tree):
    out = run("check", ".", "--format", "json", "--exclude", "old/", "--exclude", "*.md", "--exclude", "/scratch.txt")
    assert _checked(out) == ["./build/copy.txt", "./templates/panel.txt"]


def test_config_patterns_are_relative_to_the_config_file(run, tree, monkeypatch):
    (tree / ".invitecheck.yaml").write_text("exclude: ['templates/old']\n")
    monkeypatch.chdir(tree / "templates")
    out = run("check", ".", "--format", "json")
    assert "./old/archived.txt" not in _checked(out) and "./deep/old/also.txt" in _checked(out)


def test_gitignore_is_respected_when_walking_a_repository(run, tree):
    (tree / ".git").mkdir()
    (tree / ".gitignore").write_text("build/\n")
    (tree / "templates" / ".gitignore").write_text("notes.md\n")
    out = run("check", ".", "--format", "json", "--no-config")
    assert _checked(out) == ["./scratch.txt", "./templates/deep/old/also.txt", "./templates/old/archived.txt",
                             "./templates/panel.txt"]


def test_gitignore_means_nothing_outside_a_repository(run, tree):
    (tree / ".gitignore").write_text("build/\n")
    assert "./build/copy.txt" in _checked(run("check", ".", "--format", "json", "--no-config"))


@pytest.mark.parametrize("fmt", ["human", "json", "line"])
def test_a_named_file_excluded_by_the_config_is_skipped_with_status_0(run, tree, fmt):
    (tree / ".invitecheck.yaml").write_text("exclude: ['templates/old/']\n")
    out = run("check", "templates/old/archived.txt", "--format", fmt)
    assert out.exit_code == 0
    assert "nothing to check: templates/old/archived.txt (excluded by .invitecheck.yaml)" in out.stderr
    if fmt == "json":
        assert out.json["results"] == []


def test_excluded_files_are_left_out_of_a_run_with_others(run, tree):
    (tree / ".invitecheck.yaml").write_text("exclude: ['scratch.txt']\n")
    out = run("check", "scratch.txt", "templates/panel.txt", "--format", "json")
    assert out.exit_code == 0 and _checked(out) == ["templates/panel.txt"]
    out = run("check", "--exclude", "templates/", "templates/panel.txt", "--no-config")
    assert out.exit_code == 0 and "nothing to check" in out.stderr and "--exclude" in out.stderr


def test_per_file_uses_the_same_patterns(run, tree):
    (tree / ".invitecheck.yaml").write_text("per_file:\n  - files: ['old/']\n    disable: [respectful-wording]\n")
    out = run("check", "templates", "--format", "json")
    rules = {r["path"]: [c["rule"] for c in r["checks"]] for r in out.json["results"]}
    assert "respectful-wording" not in rules["templates/old/archived.txt"]
    assert "respectful-wording" in rules["templates/panel.txt"]


def test_an_empty_folder_is_still_a_usage_error(run, tmp_path):
    (tmp_path / "empty").mkdir()
    out = run("check", tmp_path / "empty")
    assert out.exit_code == 2 and "no invitations found" in out.stderr


def test_checking_a_named_file_does_not_import_pathspec(tree):
    """Start-up stays lean: patterns are compiled only when there are some (or a .gitignore to read)."""
    import subprocess
    import sys

    code = ("import sys\nfrom invitecheck.cli import main\nsys.argv = ['invitecheck', 'check', 'scratch.txt', '--no-config']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint('pathspec' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tree)
    assert done.stderr.strip().splitlines()[-1] == "False"
