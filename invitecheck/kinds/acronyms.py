"""acronyms: jargon a patient may not know is spelled out when first used.

An acronym from the rule's `jargon` list fails unless the text explains it
somewhere: "Patient and Public Involvement (PPI)" or "PPI (patient and public
involvement)". Acronyms in `known` (NHS, GP …) never need explaining. Both lists
are options, so a team can add its own.
"""

from __future__ import annotations

import re

from ..document import Invitation
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Finding, Outcome, format_message

FIELDS = {
    "jargon": ((list,), True, None),
    "known": ((list,), False, []),
}


def prepare(options):
    known = {str(k).upper() for k in options.get("known") or []}
    terms = [str(term) for term in options["jargon"] if str(term).upper() not in known]
    return re.compile(r"(?<![\w&/-])(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")s?(?![\w&/-])") if terms else None


def _initials_before(text: str, start: int, acronym: str) -> bool:
    """Do the words just before '(ACRONYM)' start with its letters?"""
    words = re.findall(r"[A-Za-z][\w'’-]*", text[max(0, start - 120) : start])
    letters = [c.lower() for c in acronym if c.isalpha()]
    significant = [w for w in words if w.lower() not in ("and", "of", "for", "the", "in", "on", "&", "to")]
    tail = "".join(w[0].lower() for w in significant[-len(letters):])
    return tail == "".join(letters)


def explained(text: str, acronym: str) -> bool:
    for match in re.finditer(r"\(\s*" + re.escape(acronym) + r"s?\s*\)", text):
        if _initials_before(text, match.start(), acronym):
            return True
    # "PPI (patient and public involvement)" or "PPI - patient and public involvement"
    return bool(re.search(re.escape(acronym) + r"s?\s*(?:\(|[-–—:]\s*)[A-Za-z][a-z]+(?:\s+\w+){1,6}", text))


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    if rule.compiled is None:
        return Outcome(NOT_APPLICABLE, note="the rule lists no jargon")
    # Organisation names in the sign-off ("NHS Mid Shire ICB") are names, not prose.
    end = doc.signature.start if doc.signature and doc.signature.start > doc.body.start else doc.message_end
    text = doc.text[doc.body.start : doc.message_end]
    seen: dict[str, int] = {}
    for match in rule.compiled.finditer(doc.text, doc.body.start, end):
        seen.setdefault(match.group(1), match.start(1))
    if not seen:
        return Outcome(NOT_APPLICABLE, note="no listed jargon")
    findings = []
    for acronym, start in sorted(seen.items(), key=lambda kv: kv[1]):
        if not explained(text, acronym):
            findings.append(Finding(start, start + len(acronym), format_message(rule.message, match=acronym), rule.suggestion))
    return Outcome(FAIL if findings else PASS, findings)
