"""readability: plain English, measured.

The Flesch reading ease (higher is easier; 60 and above is plain English) and
the Flesch-Kincaid grade (a US school grade: add five for a reading age), with
syllables counted by pyphen's British English hyphenation dictionary, as
textstat 0.7 does. (textstat itself is not used: its current releases download
a pronouncing dictionary over the network at run time, and invitecheck never
makes network calls; its older releases need pkg_resources, which fresh
environments no longer have.) Average sentence length and overall length are
counted too. Only the sender's own words are measured: not the sign-off, not a
quoted earlier message. Each threshold is an option.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Invitation
from ..rules import RuleError
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Finding, Outcome, format_message

FIELDS = {
    "min_reading_ease": ((int, float), False, 50),
    "max_grade": ((int, float), False, 10),
    "max_sentence_words": ((int, float), False, 20),
    "max_words": ((int,), False, 400),
    "min_words": ((int,), False, 40),  # below this the measures say little
}

# An address is tried only where a word starts ((?<!\S)): tried at every position, a
# long run without spaces was rescanned to its end from each one.
URL_OR_EMAIL_RE = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)\S+@\S+")


def prepare(options):
    problems = [RuleError(f"'{name}' must be between -100 and 200", field=name)
                for name in ("min_reading_ease", "max_grade", "max_sentence_words") if not -100 <= options[name] <= 200]
    if problems:
        raise RuleError.joined(problems)
    return None


def _prose(doc: Invitation) -> tuple[str, int]:
    """The sender's own words, without the sign-off, quoted thread, links and list bullets."""
    start = doc.body.start
    end = doc.signature.start if doc.signature and doc.signature.start > start else doc.message_end
    return doc.text[start:end], start


LIST_ITEM_RE = re.compile(r"^\s*(?:[-*•·]|\d+[.)]|[A-Za-z][\w ()/'’-]{0,30}:)(?:\s|$)")


def _sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, words) for each sentence.

    A line break inside a wrapped paragraph is a space, so a sentence that an
    email client wrapped over three lines is still one sentence; a blank line,
    a list item or a 'Label:' line starts afresh.
    """
    units: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            units.append((start, start))  # a paragraph break
            continue
        if units and units[-1][1] > units[-1][0] and not LIST_ITEM_RE.match(line) and not text[units[-1][0]:units[-1][1]].rstrip().endswith(":"):
            units[-1] = (units[-1][0], end)
        else:
            units.append((start, end))
    found = []
    for unit_start, unit_end in units:
        for match in re.finditer(r"[^.!?]+(?:[.!?]+|$)", text[unit_start:unit_end]):
            words = len(URL_OR_EMAIL_RE.sub("link", match.group(0)).split())
            if words >= 3:  # headings and fields are not sentences
                lead = len(match.group(0)) - len(match.group(0).lstrip())
                found.append((unit_start + match.start() + lead, unit_start + match.end(), words))
    return found


WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_DICTIONARY = None


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    global _DICTIONARY
    if _DICTIONARY is None:
        import pyphen

        _DICTIONARY = pyphen.Pyphen(lang="en_GB")
    return max(1, len(_DICTIONARY.positions(word.lower())) + 1)


def flesch(words: list[str], sentence_count: int) -> tuple[float, float]:
    """(reading ease, grade) from the words and the number of sentences."""
    per_sentence = len(words) / max(1, sentence_count)
    per_word = sum(syllables(w) for w in words) / max(1, len(words))
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return ease, grade


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    options = rule.options
    prose, offset = _prose(doc)
    clean = URL_OR_EMAIL_RE.sub("link", prose)
    words = len(clean.split())
    sentences = _sentences(prose)
    if words < options["min_words"] or not sentences:
        return Outcome(NOT_APPLICABLE, note="too short to measure")
    ease, grade = flesch(WORD_RE.findall(clean), len(sentences))
    average = sum(n for _, _, n in sentences) / len(sentences)
    longest = max(sentences, key=lambda s: s[2])
    problems = []
    if round(ease) < options["min_reading_ease"]:
        problems.append(f"reading ease {ease:.0f} (aim for {options['min_reading_ease']} or more)")
    if round(grade) > options["max_grade"]:
        age = f"about {grade + 5:.0f}" if grade + 5 <= 21 else "beyond university level"
        problems.append(f"reading age {age} (aim for {options['max_grade'] + 5:.0f} or under)")
    if round(average) > options["max_sentence_words"]:
        problems.append(f"sentences average {average:.0f} words (aim for {options['max_sentence_words']} or fewer)")
    if words > options["max_words"]:
        problems.append(f"{words} words (aim for {options['max_words']} or fewer)")
    note = f"reading ease {ease:.0f}, grade {grade:.1f}, {average:.0f} words a sentence, {words} words"
    if not problems:
        return Outcome(PASS, note=note)
    start, end = offset + longest[0], offset + longest[1]
    while start < end and doc.text[start].isspace():
        start += 1
    message = format_message(rule.message, problems="; ".join(problems), words=longest[2])
    return Outcome(FAIL, [Finding(start, end, message, rule.suggestion)], note)
