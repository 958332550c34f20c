"""readability: the older form of a plain-English rule, one option per limit.

New rules use the ``metric`` kind, whose ``limits`` say the same as data; this
kind turns its options into those limits, so rule files written for it keep
working.
"""

from __future__ import annotations

from ..document import Invitation
from ..rules import RuleError
from . import metric
from .base import Context, Contract, Option, Outcome

CONTRACT = Contract(
    doc="The older form of metric: reading ease, grade, sentence length and length limits as options.",
    options={
        "min_reading_ease": Option((int, float), "the lowest Flesch reading ease allowed", default=50),
        "max_grade": Option((int, float), "the highest Flesch-Kincaid grade allowed (add five for a reading age)", default=10),
        "max_sentence_words": Option((int, float), "the longest average sentence allowed, in words", default=20),
        "max_words": Option((int,), "the most words allowed", default=400),
        "min_words": Option((int,), "texts shorter than this are not measured", default=40),
    },
    placeholders=metric.CONTRACT.placeholders,
    scopes=metric.CONTRACT.scopes,
)


def prepare(options):
    problems = [RuleError(f"'{name}' must be between -100 and 200", field=name)
                for name in ("min_reading_ease", "max_grade", "max_sentence_words") if not -100 <= options[name] <= 200]
    if problems:
        raise RuleError.joined(problems)
    return [
        ("reading_ease", ">=", options["min_reading_ease"]),
        ("grade", "<=", options["max_grade"]),
        ("sentence_words", "<=", options["max_sentence_words"]),
        ("words", "<=", options["max_words"]),
    ]


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    return metric.evaluate(rule, doc, rule.compiled, rule.options["min_words"])
