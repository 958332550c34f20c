"""Every path named on the command line is accounted for, and a folder search never
reads outside the folder."""

from __future__ import annotations

import json
import os

import pytest

DRAFT = "Subject: Join our panel\nFrom: Helen Mbeki <helen@example.org>\n\nPlease join our online panel.\nHelen Mbeki\n"


@pytest.fixture
def repo(tmp_path):
    """A template repository where a pull request has added links to secrets."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[remote] token = SECRET-IN-GIT\n")
    (tmp_path / "secret.txt").write_text("SECRET-OUTSIDE\n")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "good.txt").write_text(DRAFT)
    (templates / "environ.txt").symlink_to("/proc/self/environ")
    (templates / "git.txt").symlink_to("../.git/config")
    (templates / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (templates / "same.txt").symlink_to("good.txt")  # inside the folder: followed
    return tmp_path


@pytest.mark.parametrize("format", ["json", "sarif", "github", "line", "human"])
def test_a_folder_search_does_not_follow_links_out_of_the_folder(run, repo, format):
    out = run("check", repo / "templates", "--no-config", "-f", format)
    assert out.exit_code == 2
    assert "SECRET" not in out.stdout and "SECRET" not in out.stderr
    for name in ("environ.txt", "git.txt", "outside.txt"):
        assert f"{name}: is a link to a file outside {repo / 'templates'}, so it was not read" in out.stderr
    if format == "json":
        assert out.result("same.txt")["score"] == out.result("good.txt")["score"]
        assert "is a link to a file outside" in out.result("git.txt")["error"]


def test_a_link_to_a_hidden_folder_inside_the_searched_folder_is_not_followed(run, repo):
    (repo / "templates" / "git.txt").unlink()
    (repo / "templates" / "git.txt").symlink_to("../.git/config")
    out = run("check", repo, "--no-config", "-f", "json")
    assert "SECRET-IN-GIT" not in out.stdout
    assert "is a link to a file outside" in out.result("git.txt")["error"]


def test_a_file_named_on_the_command_line_may_be_a_link(run, repo):
    out = run("check", repo / "templates" / "same.txt", "--no-config", "-f", "json")
    assert out.exit_code == 0 and "error" not in out.result("same.txt")


def _unreadable(monkeypatch, folder):
    """Make FOLDER unreadable to the search, as chmod 000 would for a user who is not root."""
    real = os.scandir

    def scandir(path="."):
        if os.path.realpath(path) == os.path.realpath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_an_error_not_a_silent_pass(run, tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text(DRAFT)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "bad.txt").write_text("Please join our panel.\n")
    _unreadable(monkeypatch, locked)
    out = run("check", tmp_path, "--no-config", "-f", "json")
    assert out.exit_code == 2
    assert out.result("locked")["error"] == f"{locked}: could not be searched (permission denied), so nothing in it was checked"
    assert "error" not in out.result("ok.txt")


def test_an_audit_counts_an_unreadable_subfolder_and_goes_on(run, tmp_path, monkeypatch):
    (tmp_path / "ok.eml").write_text(DRAFT)
    locked = tmp_path / "locked"
    locked.mkdir()
    _unreadable(monkeypatch, locked)
    out = run("audit", tmp_path, "--no-config", "--all", "-f", "json", "--jobs", "1")
    assert out.exit_code == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["messages"] == 2 and summary["unreadable"] == 1
    assert any("could not be searched (permission denied)" in reason for reason in summary["unreadable_reasons"])


@pytest.mark.parametrize("format", ["json", "sarif"])
def test_a_path_that_gives_nothing_to_check_is_a_result_in_machine_formats(run, tmp_path, format):
    (tmp_path / "empty").mkdir()
    (tmp_path / "x.eml").mkdir()
    (tmp_path / "good.txt").write_text(DRAFT)
    out = run("check", tmp_path / "empty", tmp_path / "x.eml", tmp_path / "good.txt", "--no-config", "-f", format)
    assert out.exit_code == 2
    if format == "json":
        assert "no invitations found in this folder" in out.result("empty")["error"]
        assert "no invitations found in this folder" in out.result("x.eml")["error"]
        assert "error" not in out.result("good.txt")
    else:
        notes = out.json["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        uris = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes]
        assert any(uri.endswith("/empty") for uri in uris) and any(uri.endswith("/x.eml") for uri in uris)


def test_an_audit_of_a_folder_that_cannot_be_searched_says_so(run, tmp_path, monkeypatch):
    from pathlib import Path

    locked = tmp_path / "locked"
    locked.mkdir()
    real_is_dir = Path.is_dir

    def is_dir(self):
        if self.parent == locked:  # as stat inside a folder without search permission fails
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    _unreadable(monkeypatch, locked)
    out = run("audit", locked, "--no-config", "-f", "json", "--jobs", "1")
    assert out.exit_code == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["unreadable"] == 1
    assert any("could not be searched (permission denied)" in reason for reason in summary["unreadable_reasons"])
