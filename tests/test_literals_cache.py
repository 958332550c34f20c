"""The words each pattern needs are remembered between runs, and the file that holds them is only a hint."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from invitecheck import literals_cache, prefilter

PATTERN = r"\bpatient\s+champions?\b"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder, and nothing read or learnt yet in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(literals_cache, "_known", None)
    monkeypatch.setattr(literals_cache, "_learnt", {})
    return tmp_path


def _parse_refused(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the pattern was parsed again")

    monkeypatch.setattr(prefilter, "work_out_literals", refuse)


def test_a_second_run_reads_the_words_instead_of_parsing_the_pattern(fresh, monkeypatch):
    assert prefilter.required_literals(PATTERN) == {"champion"}
    literals_cache.save()
    assert literals_cache.cache_file().is_file()
    monkeypatch.setattr(literals_cache, "_known", None)  # as a new process starts
    _parse_refused(monkeypatch)
    assert prefilter.required_literals(PATTERN) == {"champion"}


@pytest.mark.parametrize("content", [
    "not json",
    '{"entries": {"\\\\bpatient\\\\s+champions?\\\\b": ["zzz"]}, "check": "edited"}',
    '{"entries": {"\\\\bpatient\\\\s+champions?\\\\b": 7}}',
    "[]",
])
def test_a_damaged_or_edited_file_is_ignored(fresh, content):
    path = literals_cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    assert prefilter.required_literals(PATTERN) == {"champion"}  # worked out afresh, not 'zzz'


def test_an_entry_that_is_not_a_list_of_words_is_ignored(fresh):
    entries = {PATTERN: [""], r"\bother\b": None}
    path = literals_cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"entries": entries, "check": literals_cache._digest(entries)}), encoding="utf-8")
    assert prefilter.required_literals(PATTERN) == {"champion"}
    assert prefilter.required_literals(r"\bother\b") is None  # a well-formed 'cannot say' is kept


def _check(env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invitecheck", "check", str(EXAMPLES / "gp-ppg-meeting.txt"), "--no-config",
                           "--format", "json"], capture_output=True, text=True, env=env, timeout=120)


def test_checks_with_and_without_the_file_give_the_same_report(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = _check(env)
    assert list((tmp_path / "invitecheck").glob("pattern-words-*.json"))
    second = _check(env)
    assert first.returncode == second.returncode and first.stdout == second.stdout and not second.stderr


def test_a_cache_folder_that_cannot_be_written_to_changes_nothing(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    done = _check({**os.environ, "XDG_CACHE_HOME": str(blocked)})
    assert done.returncode in (0, 1) and not done.stderr
    assert json.loads(done.stdout)["results"]


def test_a_second_run_reads_a_patterns_requirement_with_its_and_and_or(fresh, monkeypatch):
    source = r"\bnot\s+paid\b|\bvoluntary\b"
    needed = prefilter.requirement(source)
    assert needed == ("\0|", (("\0&", ("not", "paid")), "voluntary"))
    literals_cache.save()
    monkeypatch.setattr(literals_cache, "_known", None)  # as a new process starts

    def refuse(*args, **kwargs):
        raise AssertionError("the pattern was parsed again")

    monkeypatch.setattr(prefilter, "work_out_requirement", refuse)
    assert prefilter.requirement(source) == needed


def test_a_damaged_requirement_in_the_cache_is_worked_out_afresh(fresh, monkeypatch):
    source = r"\bnot\s+paid\b|\bvoluntary\b"
    for damaged in (["\0|", "voluntary"], ["\0)"], ["\0&", "\0)"]):  # never closed; a close alone; empty
        monkeypatch.setattr(literals_cache, "_known", {"\0&" + source: damaged})
        monkeypatch.setattr(literals_cache, "_learnt", {})
        assert prefilter.requirement(source) == ("\0|", (("\0&", ("not", "paid")), "voluntary"))
