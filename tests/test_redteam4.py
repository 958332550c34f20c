"""Defects anyone can trigger, found by the fourth red team: each is reproduced here the way a user
would meet it, and what the user sees is asserted."""

from __future__ import annotations

from pathlib import Path

from tests.test_hostile import GOOD


def _draft(tmp_path: Path, text: str = GOOD, name: str = "draft.eml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_huge_file_size_limit_is_taken_as_no_limit(run, tmp_path):
    path = _draft(tmp_path)
    for args in ((path,), ("-",)):
        result = run("check", *args, "--max-file-size", "99999999999999999999999", "--format", "json",
                     input=GOOD if args == ("-",) else None)
        assert result.exit_code in (0, 1), result.stdout
        only = result.json["results"][0]
        assert not only.get("error"), only.get("error")
        assert only["checks"]


def test_a_huge_file_size_limit_in_an_audit_is_taken_as_no_limit(run, tmp_path):
    mbox = tmp_path / "box.mbox"
    mbox.write_text("From a@example.org Mon Mar  4 10:00:00 2024\n" + GOOD, encoding="utf-8")
    result = run("audit", mbox, "--all", "--max-file-size", "99999999999999999999999")
    assert result.exit_code in (0, 1)
    assert "0 could not be read" in result.stdout
