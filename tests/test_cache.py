"""The start-up cache (invitecheck/cache.py): what one run works out about patterns and YAML
files, read back by the next. It is only a hint: whatever is in it, a check says the same."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from invitecheck import __version__, cache, prefilter, programs, rules

PATTERN = r"\bpatient\s+champions?\b"


def _as_a_new_run(monkeypatch):
    monkeypatch.setattr(cache, "_known", None)


def _refuse(monkeypatch, module, name):
    def refuse(*args, **kwargs):
        raise AssertionError(f"{name} ran again")

    monkeypatch.setattr(module, name, refuse)


def _write(entries: dict) -> None:
    body = marshal.dumps(entries)
    path = cache.cache_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


RULE = """id: my-rule
title: Mine
kind: forbid
severity: warning
weight: 1
message: 'no {match}'
why: because
source: https://example.org/why
patterns: ['dummy words']
examples:
  fail: ['dummy words']
  pass: ['other words']
"""


# -- a second run reads instead of working out ----------------------------------------------


def test_a_second_run_reads_the_words_the_lead_and_the_program(fresh, monkeypatch):
    pattern = prefilter.CaseFree(PATTERN)
    assert prefilter.required_literals(PATTERN) == {"champion"}
    first = pattern.fast
    cache.save()
    assert cache.cache_file().is_file()
    _as_a_new_run(monkeypatch)
    for module, name in ((prefilter, "work_out_literals"), (prefilter, "lead"), (programs, "_compiled")):
        _refuse(monkeypatch, module, name)
    again = prefilter.CaseFree(PATTERN)
    assert prefilter.required_literals(PATTERN) == {"champion"}
    second = again.fast
    assert (second.pattern, second.flags, second.groups) == (first.pattern, first.flags, first.groups)
    text = "become a patient champion, or patient  champions"
    assert [m.span() for m in second.finditer(text)] == [m.span() for m in first.finditer(text)] == [(9, 25), (30, 48)]


def test_a_second_run_reads_a_yaml_file_without_parsing_it(fresh, monkeypatch):
    first = rules.load_yaml(RULE, "mine.yaml")
    cache.save()
    _as_a_new_run(monkeypatch)
    _refuse(monkeypatch, rules, "_parsed")
    second = rules.load_yaml(RULE, "mine.yaml")
    assert second == first
    assert second.lines == first.lines and second.item_lines == first.item_lines  # the lines each problem names
    assert second.lines["patterns"] == 9 and second.item_lines["patterns"] == [9]
    assert second["examples"].lines == {"fail": 11, "pass": 12}


def test_yaml_the_cache_cannot_hold_is_parsed_each_time(fresh):
    text = "id: x\nbinary: !!binary aGVsbG8=\n"
    assert rules.load_yaml(text, "odd.yaml")["binary"] == b"hello"
    assert not cache._learnt["yaml"]


# -- what the cache holds never changes an answer --------------------------------------------


def test_a_changed_rule_file_is_read_afresh(tmp_path, run):
    mine = tmp_path / "mine.yaml"
    draft = tmp_path / "draft.txt"
    draft.write_text("Dear all,\nPlease join our panel on dummy words and other words.\nSam Patel, 0113 496 0000\n", encoding="utf-8")
    mine.write_text(RULE, encoding="utf-8")
    before = run("check", draft, "--no-config", "--rules", mine, "--select", "my-rule", "--format", "json")
    mine.write_text(RULE.replace("'no {match}'", "'changed {match}'"), encoding="utf-8")
    after = run("check", draft, "--no-config", "--rules", mine, "--select", "my-rule", "--format", "json")
    messages = [[f["message"] for c in json.loads(out.stdout)["results"][0]["checks"] for f in c["findings"]] for out in (before, after)]
    assert messages == [["no dummy words"], ["changed dummy words"]]


def test_a_changed_configuration_is_read_afresh(tmp_path, run):
    config = tmp_path / ".invitecheck.yaml"
    draft = EXAMPLES / "champion.eml"
    config.write_text("settings:\n  named-sender: {severity: info}\n", encoding="utf-8")
    first = json.loads(run("check", draft, "--config", config, "--format", "json").stdout)
    config.write_text("settings:\n  named-sender: {severity: warning}\n", encoding="utf-8")
    second = json.loads(run("check", draft, "--config", config, "--format", "json").stdout)
    severity = [{c["rule"]: c["severity"] for c in out["results"][0]["checks"]}["named-sender"] for out in (first, second)]
    assert severity == ["info", "warning"]


def test_a_new_release_or_changed_code_uses_a_new_file(fresh, monkeypatch):
    name = cache.cache_file().name
    monkeypatch.setattr("invitecheck.__version__", __version__ + ".1")
    assert cache.cache_file().name != name
    monkeypatch.setattr("invitecheck.__version__", __version__)
    monkeypatch.setattr(cache, "_MAKERS", cache._MAKERS[:-1])  # as if rules.py had no say
    assert cache.cache_file().name != name


@pytest.mark.parametrize("content", [
    b"not marshal",
    b"0000\n{\"words\": {}}",  # a first line that is not the hash of the rest
    b"[]",
    b"",
    hashlib.sha256(b"not marshal").hexdigest().encode() + b"\nnot marshal",  # the right hash, but not what marshal writes
])
def test_a_damaged_or_edited_file_is_ignored(fresh, content):
    path = cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert prefilter.required_literals(PATTERN) == {"champion"}
    assert rules.load_yaml("a: 1\n", "a.yaml") == {"a": 1}


def test_entries_of_the_wrong_shape_are_ignored(fresh):
    source = prefilter.lead(PATTERN, re.MULTILINE) + "(?:" + PATTERN + ")"
    _write({
        "words": {PATTERN: [""], r"\bother\b": None},
        "lead": {f"{int(re.MULTILINE)}:{PATTERN}": 7},
        "program": {f"{int(re.MULTILINE)}:{source}": [0, "1,2,3", 1, {}, [None]]},  # a program the engine refuses
        "yaml": {hashlib.sha256(b"a: 1\n").hexdigest(): {"m": [["a", 2]], "l": {"a": "one"}, "i": {}}},
    })
    assert prefilter.lead(PATTERN, re.MULTILINE)  # so a wrong lead would show
    assert prefilter.required_literals(PATTERN) == {"champion"}
    assert prefilter.required_literals(r"\bother\b") is None  # a well-formed 'cannot say' is kept
    assert prefilter.with_lead(PATTERN, re.MULTILINE) == source
    compiled = programs.compile(source, re.MULTILINE)
    assert compiled.search("our patient champion").group() == "patient champion"
    assert rules.load_yaml("a: 1\n", "a.yaml") == {"a": 1}


def test_a_program_from_the_cache_is_the_pattern_re_compiles():
    """Every one of invitecheck's own patterns in the vocabulary, compiled from its remembered program."""
    from invitecheck import vocabulary

    for name in vocabulary.names():
        source = vocabulary.fragment(name)
        for flags in (re.MULTILINE, re.IGNORECASE | re.MULTILINE):
            made, program = programs._compiled(source, flags)
            again = programs._built(source, flags, *json.loads(json.dumps(program)))
            plain = re.compile(source, flags)
            for compiled in (made, again):
                assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == \
                    (plain.pattern, plain.flags, plain.groups, plain.groupindex), name


def test_a_pattern_with_a_lead_finds_the_same_when_re_skips_to_its_characters():
    """A pattern that opens with its lead ("(?=[\\dat])…", prefilter.lead) is compiled with the lead's
    characters as the set re's own loop skips ahead to: each vocabulary pattern written with its lead
    finds what re.compile finds, digits other than 0 to 9 included."""
    from invitecheck import vocabulary

    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(EXAMPLES.iterdir()) if path.suffix in (".eml", ".txt", ".md")]
    texts += ["From \u0661\u0660 to \u0661\u0662, \uff12 hours at \u0663pm", "Meet at 10am\u201312.30pm for two hours, about 90 mins.", ""]
    told = 0
    for name in vocabulary.names():
        source = prefilter.with_lead(vocabulary.fragment(name), re.MULTILINE)
        made, program = programs._compiled(source, re.MULTILINE)
        plain = re.compile(source, re.MULTILINE)
        told += source.startswith("(?=[") and bool(int(program[1].split(",")[2]) & programs._constants.SRE_INFO_CHARSET)
        for text in texts + [text.lower() for text in texts]:
            assert [m.span() for m in made.finditer(text)] == [m.span() for m in plain.finditer(text)], name
    assert told > 5


def _check(env, *extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invitecheck", "check", str(EXAMPLES / "conference-travel.eml"), "--no-config",
                           *extra], capture_output=True, text=True, env=env, timeout=120)


def test_checks_with_and_without_the_file_give_the_same_report(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "COLUMNS": "100"}
    first = _check(env)
    assert list((tmp_path / "invitecheck").glob("start-*.marshal"))
    second = _check(env)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and not second.stderr
    assert "Travel and other costs are explained" in second.stdout


def test_a_cache_folder_that_cannot_be_written_to_changes_nothing(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    done = _check({**os.environ, "XDG_CACHE_HOME": str(blocked)}, "--format", "json")
    assert done.returncode in (0, 1) and not done.stderr
    assert json.loads(done.stdout)["results"]
