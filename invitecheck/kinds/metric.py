"""metric: limits on measures of the text, as data (Vale's metric kind).

A rule gives ``limits``, a mapping of measure to condition::

    limits:
      reading_ease: ">= 50"
      grade: "<= 10"

Measures (see invitecheck/readability.py): ``reading_ease`` (Flesch, higher is
easier), ``grade`` (Flesch-Kincaid; add five for a reading age),
``sentence_words`` (the average sentence length), ``longest_sentence`` (the words
in the longest one), ``words``, ``section_words`` (the words in the longest part
under one heading: the whole text when it has no headings) and ``sentences``.
Each value is rounded to a whole number before it is compared. Texts shorter
than ``min_words`` are not measured: they get ``short_texts``, not applicable
unless the rule says ``pass`` (a two-line note is not hard going). The finding points at the
longest sentence and lists every limit missed.
"""

from __future__ import annotations

import operator
import re

from .. import programs
from .. import readability
from ..document import Invitation
from ..rules import RuleError
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Option, Outcome, format_message

CONTRACT = Contract(
    doc="Fails when a measure of the text (reading ease, grade, sentence length, words) is past its limit.",
    options={
        "limits": Option((dict,), "measure -> condition, such as grade: '<= 10'", required=True),
        "min_words": Option((int,), "texts shorter than this are not measured", default=40),
        "short_texts": Option((str,), "what a text too short to measure gets: 'pass' or 'not-applicable'", default="not-applicable"),
    },
    placeholders=("problems", "words"),
    scopes=("body",),  # the sender's own words: the body without its sign-off or a quoted thread
)

MEASURES = ("reading_ease", "grade", "sentence_words", "longest_sentence", "words", "section_words", "sentences")
OPERATORS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt}
CONDITION_RE = programs.compile(r"^\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")


def prepare(options) -> list[tuple[str, str, float]]:
    limits = []
    for name, condition in options["limits"].items():
        if name not in MEASURES:
            raise _error(f"'limits' has an unknown measure '{name}' (known measures: {', '.join(MEASURES)})")
        found = CONDITION_RE.match(str(condition))
        if not found:
            raise _error(f"the limit for '{name}' must be a comparison such as '<= 10' or '>= 50', not '{condition}'")
        value = float(found.group(2))
        if not -100 <= value <= 100_000:
            raise _error(f"the limit for '{name}' must be between -100 and 100000")
        limits.append((name, found.group(1), value))
    if not limits:
        raise _error("'limits' needs at least one measure")
    if options["short_texts"] not in (PASS, NOT_APPLICABLE):
        raise RuleError(f"'short_texts' must be 'pass' or 'not-applicable', not '{options['short_texts']}'", field="short_texts")
    return limits


def _error(message: str) -> RuleError:
    return RuleError(message, field="limits")


def _aim(op: str, limit: float, counted: bool = False) -> str:
    """'aim for 10 or under', 'aim for fewer than 20' …"""
    number = f"{limit:g}"
    less = "fewer" if counted else "under"
    return "aim for " + {
        "<=": f"{number} or {less}", "<": f"{'fewer than' if counted else 'under'} {number}",
        ">=": f"{number} or more", ">": f"more than {number}",
    }[op]


def _problem(name: str, op: str, limit: float, value: float) -> str:
    """The plain words for one missed limit."""
    if name == "reading_ease":
        return f"reading ease {value:.0f} ({_aim(op, limit)})"
    if name == "grade":
        age = f"about {value + 5:.0f}" if value + 5 <= 21 else "beyond university level"
        return f"reading age {age} ({_aim(op, limit + 5)})"
    if name == "sentence_words":
        return f"sentences average {value:.0f} words ({_aim(op, limit, counted=True)})"
    if name == "longest_sentence":
        return f"one sentence runs to {value:.0f} words ({_aim(op, limit, counted=True)})"
    if name == "section_words":
        return f"{value:.0f} words without a heading to break them up ({_aim(op, limit, counted=True)})"
    return f"{value:.0f} {name} ({_aim(op, limit, counted=True)})"


def evaluate(rule, doc: Invitation, limits, min_words: int, short_texts: str = NOT_APPLICABLE) -> Outcome:
    """The outcome of these limits on this invitation (the readability kind uses it too)."""
    measures = readability.measure(doc, min_words)
    if measures is None:
        return Outcome(short_texts, note="too short to measure")
    problems = []
    for name, op, limit in limits:
        value = getattr(measures, name)
        if not OPERATORS[op](round(value), limit):
            problems.append(_problem(name, op, limit, value))
    note = (f"reading ease {measures.reading_ease:.0f}, grade {measures.grade:.1f}, "
            f"{measures.sentence_words:.0f} words a sentence, {measures.words} words")
    if not problems:
        return Outcome(PASS, note=note)
    start, end, count = measures.longest
    while start < end and doc.text[start].isspace():
        start += 1
    message = format_message(rule.message, problems="; ".join(problems), words=count)
    return Outcome(FAIL, [Finding(start, end, message, rule.suggestion)], note)


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    return evaluate(rule, doc, rule.compiled, rule.options["min_words"], rule.options["short_texts"])
