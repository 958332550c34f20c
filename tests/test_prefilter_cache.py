"""The prefilter's requirements and openings are kept in the start-up cache, and a damaged entry is worked out afresh."""

from __future__ import annotations

from invitecheck import cache, prefilter

SOURCE = r"\bnot\s+paid\b|\bvoluntary\b"
NEEDED = ("\0|", (("\0&", ("not", "paid")), "voluntary"))


def _refuse(*args, **kwargs):
    raise AssertionError("the pattern was parsed again")


def test_a_second_run_reads_a_patterns_requirement_and_openings_instead_of_parsing_it(fresh, monkeypatch):
    assert prefilter.requirement(SOURCE) == NEEDED
    assert prefilter.openings(SOURCE) == ("not", "voluntary")
    cache.save()
    monkeypatch.setattr(cache, "_known", None)  # as a new process starts
    monkeypatch.setattr(cache, "_learnt", {kind: {} for kind in cache.KINDS})
    monkeypatch.setattr(prefilter, "work_out_requirement", _refuse)
    monkeypatch.setattr(prefilter, "work_out_openings", _refuse)
    assert prefilter.requirement(SOURCE) == NEEDED
    assert prefilter.openings(SOURCE) == ("not", "voluntary")


def test_a_damaged_entry_in_the_cache_is_worked_out_afresh(fresh, monkeypatch):
    requirements = (["\0|", "voluntary"], ["\0)"], ["\0&", "\0)"], "voluntary", 3)  # never closed; a close alone; empty; not a list
    opening_words = (["\0|", "voluntary"], [], ["", "not"], "not", 3)
    for requirement, words in zip(requirements, opening_words):
        monkeypatch.setattr(cache, "_known", {"words": {"\0&" + SOURCE: requirement, "\0^" + SOURCE: words}})
        monkeypatch.setattr(cache, "_learnt", {kind: {} for kind in cache.KINDS})
        assert prefilter.requirement(SOURCE) == NEEDED
        assert prefilter.openings(SOURCE) == ("not", "voluntary")
