"""The prefilter never hides a match: for every bundled pattern and example, it agrees with the regex."""

from __future__ import annotations

import re

import regex

from conftest import EXAMPLES

from invitecheck import prefilter
from invitecheck.prefilter import CaseFree, Rare, lead, openings, required_literals, with_lead, work_out_requirement
from invitecheck.loaders import load_path
from invitecheck.rules import bundled_rules


def test_required_literals():
    assert required_literals(r"\bpatient\s+champions?\b") == {"champion"}
    assert required_literals(r"\b(?:patient|carer)\s+heroes\b") == {"heroes"}
    assert required_literals(r"\b(?:travel|taxi)\s+costs?\b") == {"cost"}
    assert required_literals(r"\b(?:a|b)\b") is None  # too short to be worth it
    assert required_literals(r"\p{Lu}+") is None  # regex-only syntax: no prefilter


def test_a_requirement_keeps_which_words_go_together():
    # "not" and "paid" together, or "voluntary": a text with "paid" alone is skipped.
    assert work_out_requirement(r"\bnot\s+paid\b|\bvoluntary\b") == ("\0|", (("\0&", ("not", "paid")), "voluntary"))
    assert work_out_requirement(r"\b(?:a|an|the)\s+(?:meeting|panel)s?\b") == ("\0|", ("meeting", "panel"))
    assert work_out_requirement(r"\b(?:held|run)\s+at\s+(?:the\s+)?(?:hall|centre)\b") == (
        "\0&", (("\0|", ("held", "run")), "at", ("\0|", ("hall", "centre"))))
    assert work_out_requirement(r"\b(?:pay|\d+)\s+now") == "now"  # the branch with no word is left out of the 'and'
    assert work_out_requirement(r"\bpay\b|\d+") is None  # a branch that needs no word: nothing can be said
    assert work_out_requirement(r"\p{Lu}+") is None  # regex-only syntax


def test_the_test_made_from_a_requirement_says_which_texts_hold_its_words():
    needed = work_out_requirement(r"\b(?:held|run)\s+at\s+(?:the\s+)?(?:hall|centre)\b|\bnot\s+paid\b")
    holds = prefilter.test_for(needed)
    assert holds("it is held at the hall") and holds("run at the centre") and holds("this is not paid")
    assert not holds("held at the library") and not holds("we meet at the hall") and not holds("paid, free of charge")
    assert prefilter.test_for("voluntary")("voluntary work") and not prefilter.test_for("voluntary")("volunteers")


def test_a_pattern_is_skipped_only_where_no_match_can_be():
    """Every window of a text: the prefilter's answer never hides a match re.IGNORECASE finds there."""
    text = ("This role is NOT paid.\nIt is Voluntary work; paid travel is not offered, and not\npaid later. "
            "Ab ab abab abc, ab ab ab ab ab ab ab xabc ab abababc.")
    lower = text.lower()
    for source in (r"\bnot\s+paid\b|\bvoluntary\b", r"\b(?:is|are)\s+(?:not\s+)?(?:paid|offered)\b",
                   r"(?<!xab)\b(?:abab|ab)c", r"\b(?:ab\s+)?abc\b"):  # words inside words; more places than it tries one by one
        pattern, reference = CaseFree(source), re.compile(source, re.IGNORECASE)
        for start in range(0, len(text) + 1, 3):
            for end in range(start, len(text) + 1, 2):
                found = pattern.search(text, lower, start, end)
                expected = reference.search(text, start, end)
                assert (found and found.span()) == (expected and expected.span()), (source, start, end)
                everything = [m.span() for m in pattern.finditer(text, lower, start, end)]
                assert everything == [m.span() for m in reference.finditer(text, start, end)], (source, start, end)
    assert not CaseFree(r"\bnot\s+paid\b|\bvoluntary\b").possible(lower, 0, 10)


def test_a_search_begins_only_where_a_match_can():
    assert openings(r"\b(?:online|virtual)\s+only\b") == ("online", "virtual")
    assert openings(r"(?<!\bpeople\s)\b(?:travel|go)\s+to\b") == ("go", "travel")
    assert openings(r"\b(?:the\s+)?end\s+of\b") == ("end", "the")  # "the" may be left out
    assert openings(r"\b\d+\s+pounds\b") is None  # any digit
    assert openings(r"\b(?:the\s+)?") is None  # a match may be empty
    assert openings(r"\p{Lu}+") is None  # regex-only syntax


def test_the_opener_finds_where_the_first_of_its_words_begins():
    assert prefilter.any_of(["join", "joining", "be", "become", "able"]) == "(?:able|be|join)"  # "be" begins "become"
    assert prefilter.any_of(["accessible", "accessibility", "another"]) == "a(?:ccessib(?:ility|le)|nother)"
    text = "we are able to become members; joining is easy, as is another way in"
    words = ["joining", "become", "able", "another", "accessibility", "is"]
    slow = re.compile("|".join(sorted(words, key=len, reverse=True)))
    fast = re.compile(prefilter.any_of(words))
    for start in range(len(text)):
        found, expected = fast.search(text, start), slow.search(text, start)
        assert (found and found.start()) == (expected and expected.start()), start


def test_lead_tests_the_characters_a_match_can_begin_with():
    # A pattern that opens with \b or a lookbehind is tried at every position; the lead turns most down at once.
    assert lead(r"\b(?:pay|honorari(?:um|a))\b") == "(?=[hp])"
    assert lead(r"(?<!\bpeople\s)\b(?:travel|go)\s+to\b") == "(?=[gt])"
    assert lead(r"\b\d+\s?pounds\b") == r"(?=[\d])"
    assert lead(r"\bat\s+(?-i:[A-Z][a-z]+)", re.IGNORECASE) == "(?=[a])"
    assert lead(r"\b(?-i:[A-Z]{2})\b", re.IGNORECASE) == "(?=(?-i:[A-Z]))"  # capitals only, whatever the flags
    # A group that ignores case in a pattern that does not: "Contact" begins with a capital too.
    assert lead(r"(?i:\b(?:contact|call))\s+(?-i:[A-Z])") == "(?=(?i:[c]))"
    # A match that may begin where a line does: "Where: online" on its own line, or "held online".
    assert lead(r"\bheld\s+online\b|^[ \t]*where[ \t]*:[ \t]*online", re.MULTILINE) == "(?=[h]|(?m:^))"
    # No lead where it cannot help or cannot be said.
    assert lead("payment") == ""  # re already skips ahead to the 'p'
    assert lead(r"\b(?:pay)?") == ""  # a match may be empty
    assert lead(r"\b[ \t]*venue:") == ""  # a space can begin a match
    assert lead(r"^[ \t]*venue:", re.MULTILINE) == ""  # only '^', which the pattern tests first itself
    assert lead(r"\b\w+ment\b") == ""  # so can any letter
    assert lead(r"(?x) \b pay") == ""  # global flags must stay at the start


def test_a_pattern_with_a_lead_finds_exactly_what_it_found_without():
    text = "We pay £25. People travel to Leeds; you travel to Leeds.\nPAYMENT is made. Honoraria paid.\n  People paid"
    sources = (r"\b(?:pay|honorari(?:um|a))\b", r"(?<!\bpeople\s)\b(?:travel|go)\s+to\s+(?-i:[A-Z][a-z]+)", r"(?<![\w£])£\d+",
               r"\bpaid\b|^[ \t]*(?:people|payment)\b")
    for source in sources:
        pattern = CaseFree(source, re.MULTILINE)
        reference = [m.span() for m in re.finditer(source, text, re.IGNORECASE | re.MULTILINE)]
        assert [m.span() for m in pattern.finditer(text, text.lower())] == reference
        assert [m.span() for m in pattern.insensitive.finditer(text)] == reference
        assert reference


def test_a_pattern_that_ignores_case_opens_with_its_first_letters_in_every_case():
    # re skips ahead only to characters it can tell apart without ignoring case: each letter is written
    # in every case re folds together, and what follows ignores case again.
    written = prefilter.starting_with_characters(r"\b(?:tbc|dear)\b", re.IGNORECASE)
    assert written.startswith("(?-i:(?:t") and "T(?i:" in written and "D(?i:" in written
    assert prefilter.starting_with_characters(r"\bkit\b", re.IGNORECASE).count(r"\u212a") == 1  # the Kelvin sign is a k
    assert prefilter.starting_with_characters(r"(?-i:\bTBC\b)", re.IGNORECASE).startswith("(?-i:(?:T(?i:(?-i:")  # capitals only
    assert prefilter.starting_with_characters(r"\bcafé\b", re.IGNORECASE)  # only the first letter is written out
    assert prefilter.starting_with_characters(r"\bécrit\b", re.IGNORECASE) == ""  # a first letter beyond ASCII is not
    text = "TBC, tbc, Tbc, ask ASK \u212aelvin; \u0130nsert \u0131nsert INSERT NAME, \u017f\u017f; Dear [Name]"
    for source in (r"\b(?:tbc|ask|kelvin|insert)\b", r"(?-i:\bTBC\b)|\binsert\s+(?-i:[A-Z]+)", r"\bss|\bdear\s+\[\w+\]"):
        written = prefilter.starting_with_characters(source, re.IGNORECASE | re.MULTILINE)
        assert written and written != source
        assert ([m.span() for m in re.finditer(written, text, re.IGNORECASE | re.MULTILINE)]
                == [m.span() for m in re.finditer(source, text, re.IGNORECASE | re.MULTILINE)])


def test_a_pattern_whose_first_character_is_one_set_opens_with_it():
    # The set may be inside a capturing group, which stays where it was; the tests in front move after it.
    assert prefilter.starting_with_characters(r"(?<![\w&/-])([A-Z]{2,5})s?") == r"([A-Z](?<![\w\x26\x2f\x2d][A-Z])(?:[A-Z]){1,4})(?:s){0,1}"
    assert prefilter.starting_with_characters(r"\b\d+\s+pounds") == r"[\d](?<!\w[\d])(?:[\d]){0,}(?:[\s]){1,}pounds"
    assert prefilter.starting_with_characters(r"\b[\d£]+") == ""  # \b reads differently before a digit and a '£'
    text = "On 2024-03-04 and 2024/3/4, not 2024-03/04 or 12024-03-04; PPI and PROMs, A&E, not NHS-wide"
    for source in (r"(?=\d)(?<![\d/-])(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d/-])",
                   r"(?<![\w&/.@-])([A-Z](?:[A-Z]|&[A-Z]){1,4})(s?)(?![\w&/@]|-[A-Z\d]|\.\w)", r"\b\d+\b"):
        written = prefilter.starting_with_characters(source, re.MULTILINE)
        assert written and written != source
        assert ([(m.span(), m.groups()) for m in re.finditer(written, text, re.MULTILINE)]
                == [(m.span(), m.groups()) for m in re.finditer(source, text, re.MULTILINE)])


def test_every_character_that_ignoring_case_matches_an_ascii_letter_is_written_out():
    import sys

    for letter in "abcdefghijklmnopqrstuvwxyz":
        pattern = re.compile(letter, re.IGNORECASE)
        folded = {chr(c) for c in range(sys.maxunicode + 1) if pattern.fullmatch(chr(c))}
        assert folded == {chr(c) for c in prefilter._cases(ord(letter), True)}, letter


def test_a_pattern_that_ignores_case_only_in_a_group_finds_the_same_with_its_lead():
    # The lead was "(?=[c])": a search with it in front missed "Contact Sam" and "CALL Sam".
    source = r"(?i:\b(?:contact|call))\s+(?P<name>(?-i:[A-Z][a-z]+))"
    text = "Contact Sam Patel, or call Femi. CALL Dawn. contact lowercase"
    expected = [m["name"] for m in re.finditer(source, text)]
    assert expected == ["Sam", "Femi", "Dawn"]
    assert [m["name"] for m in re.finditer(with_lead(source), text)] == expected


def _rule_patterns():
    patterns = []
    for rule in bundled_rules():
        compiled = rule.compiled
        if isinstance(compiled, dict):
            patterns += [p for group in compiled.values() if isinstance(group, list) for p in group]
        elif isinstance(compiled, list):
            patterns += [p[0] if isinstance(p, tuple) else p for p in compiled]
    return [p for p in patterns if hasattr(p, "needs")]


def test_prefilter_agrees_with_the_patterns_on_every_example():
    patterns = _rule_patterns()
    assert len(patterns) > 25  # most phrase lists now live in the vocabulary, checked by the CaseFree test below
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix not in (".eml", ".txt", ".md"):
            continue
        doc = load_path(str(path))
        lowered = doc.text.lower()
        for pattern in patterns:
            truly = regex.search(pattern.source, doc.text, regex.IGNORECASE | regex.MULTILINE) is not None
            if truly and pattern.needs is not None:
                assert any(word in lowered for word in pattern.needs), (pattern.source, path.name)


# -- our own patterns: CaseFree gives exactly what re.IGNORECASE gives ------------------

TRICKY = [
    "Please reply ASAP, by Close Of Play on MONDAY 12 JUNE.",
    "İstanbul meeting on Friday 3 March: reply by COB, or within 48 HOURS.",  # 'İ' changes length when lower-cased
    "We will reply as soon as possible. Could you let us know today?",
    "ſunday the 5th of May 2024, and the KELVIN sign \u212a; reply by ſunday or by frıday.",
    "Let us know ASAP please. The meeting is TODAY. Sent: Monday 3 June 2024 10:15:00",
    "",
]


def _case_free_patterns():
    import importlib
    import pkgutil

    import invitecheck
    from invitecheck.prefilter import CaseFree

    found = {}
    for info in pkgutil.walk_packages(invitecheck.__path__, "invitecheck."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for index, item in enumerate(values):
                if isinstance(item, CaseFree):
                    found[f"{info.name}.{name}[{index}]"] = item
    return found


def _texts():
    from conftest import SHARED

    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".eml", ".txt", ".md"):
            yield path.name, load_path(str(path)).text
    corpus = SHARED / "corpora" / "emails"
    if corpus.is_dir():  # the real emails too, when ../shared is here
        for path in sorted(corpus.rglob("*"))[:400]:
            if path.is_file():
                yield path.name, path.read_bytes()[:20000].decode("utf-8", "replace")
    yield from (("tricky", text) for text in TRICKY)


def test_case_free_patterns_match_exactly_what_ignorecase_matches():
    """The fast path, the case-insensitive path, and Python's own re all agree."""
    from invitecheck.prefilter import lowered

    patterns = _case_free_patterns()
    assert len(patterns) > 20
    for name, text in _texts():
        lower = lowered(text)
        for where, pattern in patterns.items():
            fast = [m.span() for m in pattern.finditer(text, lower)]
            slow = [m.span() for m in pattern.insensitive.finditer(text)]
            reference = [m.span() for m in re.finditer(pattern.pattern, text, pattern.flags | re.IGNORECASE)]
            assert fast == slow == reference, (where, name)


def test_rule_patterns_find_the_same_in_lower_cased_text():
    from invitecheck.prefilter import lowered

    patterns = [p for p in _rule_patterns() if p.lowered is not None]
    assert len(patterns) > 20  # the phrase lists of fact-driven rules are CaseFree patterns in invitecheck/facts, tested above
    for name, text in _texts():
        lower = lowered(text)
        if lower is None:
            continue
        for pattern in patterns:
            fast = [m.span() for m in pattern.lowered.finditer(lower)]
            slow = [m.span() for m in pattern.insensitive.finditer(text)]
            assert fast == slow, (pattern.source, name)


def test_a_pattern_run_without_its_rare_branches_finds_the_same_times_and_durations():
    from invitecheck.facts.commitment import DURATION_RE
    from invitecheck.facts.times import CLOCK_RE

    texts = ["The meeting runs from ten o'clock in the morning to 12 noon.", "Come at 12 noon for two hours.",
             "It lasts about 90 minutes, 2pm to 3.30pm, on a Tuesday.", "Drop in at seven O\u2019CLOCK.",
             "Please reply by Friday. Coffee at half past ten."]
    texts += [load_path(path).text for path in sorted(EXAMPLES.iterdir()) if path.suffix in {".eml", ".txt", ".md"}]
    for text in texts:
        lower = text.lower()
        for rare in (CLOCK_RE, DURATION_RE):
            for start, end in ((0, len(text)), (len(text) // 3, len(text)), (0, len(text) // 2)):
                full = [m.span() for m in rare.full.finditer(text, lower, start, end)]
                assert [m.span() for m in rare.finditer(text, lower, start, end)] == full
    # Where the text lacks "clock" and "noon", the branches that could begin at any word are left out.
    assert CLOCK_RE._for("from 2pm to 4pm", 0, 15) is CLOCK_RE.plain
    assert CLOCK_RE._for("from ten o'clock", 0, 16) is CLOCK_RE.full
    assert CLOCK_RE.search("at ten o'clock", "at ten o'clock").group(0) == "ten o'clock"


def test_a_part_without_unit_words_finds_the_same_durations_from_its_time_ranges_alone():
    from invitecheck.facts.commitment import DURATION_RE, TIME_RANGE_RE, _durations

    texts = ["Come from 10am to 12.30pm.", "It runs 10 till 4, about two hours.", "A half-day session, 9-1.",
             "It takes 90 mins, from ten o'clock to 12 noon.", "Aged 16 to 25, 3 to 5pm on Tuesday.", "See you at three."]
    texts += [load_path(path).text for path in sorted(EXAMPLES.iterdir()) if path.suffix in {".eml", ".txt", ".md"}]
    looked_for_alone = 0
    for text in texts:
        lower = text.lower()
        for start, end in ((0, len(text)), (len(text) // 3, len(text)), (0, len(text) // 2)):
            spans = [m.span() for m in _durations(text, lower, start, end)]
            assert spans == [m.span() for m in DURATION_RE.finditer(text, lower, start, end)], text[start:end]
            looked_for_alone += spans == [m.span() for m in TIME_RANGE_RE.finditer(text, lower, start, end)] and not any(
                word in lower[start:end] for word in ("hour", "min", "hr", "day"))
    assert looked_for_alone > 0


def test_a_rare_branch_that_is_not_in_the_pattern_is_an_error():
    try:
        Rare(r"\b(?:noon|midday)\b", 0, {"clock": (r"\w+\s+o'clock",)})
    except ValueError as error:
        assert "not in the pattern" in str(error)
    else:
        raise AssertionError("a missing branch was accepted")
