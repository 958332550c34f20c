"""acronyms: every abbreviation a reader may not know is spelled out.

Any word written in capitals (two to five letters, such as PPG, ICB or NIHR,
with or without a plural 's'), and any term in the rule's ``jargon`` list
(mixed-case ones such as PROMs or EoI), fails unless the text spells it out
somewhere:

- the words before it in brackets start with its letters, in order:
  "Patient Participation Group (PPG)", "National Institute for Health and Care
  Research (NIHR)" (small words, and extra words such as 'and Care', may sit
  between the letters);
- words after it in brackets or after a dash or colon: "PPI (patient and public
  involvement)", "PPI - patient and public involvement" (after a dash or colon, the
  words must start with its letters or in small letters: "Hexley PCN — Patient
  Bulletin" is a name and a title);
- anywhere in the text, words whose first letters are its letters:
  "our Patient Participation Group … the PPG";
- "PPG stands for" or "PPG means".

Not acronyms, so never findings: abbreviations everyone knows (``known``: NHS,
GP, UK …); capitals that are ordinary words (``not_acronyms``: URGENT, NOTE …);
a run of two or more words in capitals (a heading, a venue such as "ST MARY'S
CHURCH HALL", or shouting); a word in capitals alone on its line ("MONEY") where other
headings are in capitals; postcodes and anything with a digit in it; roman
numerals; web and email addresses; the short lines of the sign-off, and any
quoted earlier message but the sender's own (a reply's reader has the sender's first
ask in front of them); paragraphs in another language (the Welsh half of a
bilingual notice: its English half is judged).
"""

from __future__ import annotations

import re

from .. import programs
from ..document import Invitation, email_matches
from ..facts import structure
from ..facts.structure import words_end
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Option, Outcome, format_message

CONTRACT = Contract(
    doc="Fails on each abbreviation (PPG, ICB, NIHR …) that the text does not spell out.",
    options={
        "known": Option((list,), "abbreviations every reader knows, which need no spelling out (NHS, GP …)", default=[]),
        "not_acronyms": Option((list,), "ordinary words people write in capitals (URGENT, NOTE …)", default=[]),
        "jargon": Option((list,), "more terms to look for, such as mixed-case ones (PROMs, EoI)", default=[]),
    },
    placeholders=("match",),
    scopes=("body", "subject", "all"),
)

# "NIHR-funded" is NIHR used as a word; "SKIN-CHECK" and "COVID-19" are names, not acronyms.
# (?=[A-Z][A-Z&]): the two characters every match begins with, so that re turns down at once
# each capital that begins an ordinary word ("The", "We")
CAPITALS_RE = programs.compile(r"(?=[A-Z][A-Z&])(?<![\w&/.@-])([A-Z](?:[A-Z]|&[A-Z]){1,4})(s?)(?![\w&/@]|-[A-Z\d]|\.\w)")
CAPITAL_WORD_RE = programs.compile(r"[A-Z][A-Z'’&.-]*[A-Z]\b|\b[A-Z]\b")
ROMAN_RE = programs.compile(r"^(?=[IVXLC]+$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
WORD_RE = programs.compile(r"[A-Za-z][\w'’-]*")
SMALL_WORDS = frozenset("and of for the in on to with at by a an or & de".split())


def prepare(options):
    known = {str(k).upper() for k in options.get("known") or []}
    words = {str(k).upper() for k in options.get("not_acronyms") or []}
    jargon = [str(term) for term in options.get("jargon") or [] if str(term).upper() not in known]
    listed = programs.compile(_first_letters(jargon) + r"(?<![\w&/-])(" + "|".join(re.escape(t) for t in sorted(jargon, key=len, reverse=True)) + r")s?(?![\w&/-])") if jargon else None
    return {"known": known, "ignore": known | words, "listed": listed}


def _first_letters(terms: list[str]) -> str:
    """A lookahead for the characters the terms begin with ("(?=[EHLPT])"), so that re turns down at once
    every other place; nothing when a term is empty."""
    firsts = {term[:1] for term in terms}
    return "" if "" in firsts else "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


def _letters(acronym: str) -> list[str]:
    return [c.lower() for c in acronym if c.isalpha()]


def _initials_in_order(words: list[str], letters: list[str]) -> bool:
    """Do these words' first letters hold the acronym's letters in order, the first word
    giving the first letter and the last word the last? Extra words may sit between."""
    if len(words) < 2 or words[0][0].lower() != letters[0] or words[-1][0].lower() != letters[-1]:
        return False
    i = 0
    for word in words:
        if i < len(letters) and word[0].lower() == letters[i]:
            i += 1
    return i == len(letters)


def _letters_within(words: list[str], letters: list[str]) -> bool:
    """Does each word give, in turn, its first letter and then perhaps more of its own letters, in order,
    until the acronym's letters are used up? "Neonatal Unit (NNU)": N, n (from within 'Neonatal'), U."""
    if not words:
        return not letters
    if not letters or words[0][0].lower() != letters[0]:
        return False
    rest, i = words[0][1:].lower(), 1
    # each way of taking 0, 1, 2 … more letters from within this word, in order
    while True:
        if _letters_within(words[1:], letters[i:]):
            return True
        if i >= len(letters):
            return False
        found = rest.find(letters[i])
        if found < 0:
            return False
        rest, i = rest[found + 1 :], i + 1


def _spelled_before(text: str, start: int, letters: list[str]) -> bool:
    """'National Institute for Health and Care Research (NIHR)': the words just before the bracket;
    'Neonatal Unit (NNU)': a letter may come from inside a word, after that word's first letter."""
    words = WORD_RE.findall(text[max(0, start - 160) : start])
    longest = min(len(words), 2 * len(letters) + 3)
    if any(_initials_in_order(words[-k:], letters) for k in range(2, longest + 1)):
        return True
    return any(_letters_within(words[-k:], letters) for k in range(2, len(letters)))


def _spelled_anywhere(words: list[str], letters: list[str]) -> bool:
    """Consecutive words whose first letters are exactly the letters, small words aside."""
    for i, word in enumerate(words):
        if word[0].lower() != letters[0] or word.lower() in SMALL_WORDS:
            continue
        j, matched = i, 0
        while j < len(words) and matched < len(letters):
            current = words[j]
            if current.lower() in SMALL_WORDS and matched:
                j += 1
                continue
            if len(current) < 3 or current[0].lower() != letters[matched]:
                break
            matched += 1
            j += 1
        if matched == len(letters):
            return True
    return False


def _dash_spells_out(following: str, letters: list[str]) -> bool:
    """"PPI - patient and public involvement", "ICB: the body that plans local care": after a dash or colon,
    words that begin with its letters, or a plain description that starts in small letters. "Hexley PCN —
    Patient Bulletin" is a name and then a title, not the abbreviation spelled out."""
    words = WORD_RE.findall(following.replace("-", " "))  # "Patient-Led Assessments of …" gives P and L
    if words and words[0][0].islower():
        return True
    return any(_initials_in_order(words[:k], letters) for k in range(2, len(words) + 1))


def explained(text: str, acronym: str, words: list[str] | None = None) -> bool:
    """Does the text spell the acronym out anywhere? (See the module's docstring for how.)"""
    letters = _letters(acronym)
    if len(letters) < 2:
        return True
    escaped = re.escape(acronym)
    for match in re.finditer(r"\(\s*" + escaped + r"s?\s*\)", text):
        if _spelled_before(text, match.start(), letters):
            return True
    for match in re.finditer(r"\b" + escaped + r"s?\s*(?P<how>\(\s*|[-–—:]\s+|,?\s+(?:stands\s+for|means|is\s+short\s+for)\s+)(?P<words>[A-Za-z][a-z]+(?:(?:\s+|-)[\w-]+){1,8})", text):
        how = match["how"].strip(" ,\t\n")
        if how in ("", "(") or how[0].isalpha() or _dash_spells_out(match["words"], letters):
            return True
    return _spelled_anywhere(words if words is not None else WORD_RE.findall(text), letters)


NEIGHBOUR = 60  # longer than any word in capitals that could make a run


def _shouted(text: str, start: int, end: int, known: set[str]) -> bool:
    """Is the word part of a run of two or more words in capitals on its line (a heading, a name)?
    A known abbreviation beside it ("NHS ICB") does not make a run."""
    # Only the words either side matter: a window of NEIGHBOUR characters each way, not the
    # whole line (splitting a long line for every word on it took minutes).
    line_start = text.rfind("\n", max(0, start - NEIGHBOUR), start) + 1
    line_start = max(line_start, start - NEIGHBOUR)
    if text[end : end + 2] in ("'S", "’S"):
        end += 2  # "WOMEN'S HEALTH UNIT": the possessive is part of the word, and the run goes on after it
    line_end = text.find("\n", end, end + NEIGHBOUR)
    line_end = min(len(text), end + NEIGHBOUR) if line_end == -1 else line_end
    before = text[line_start:start].split()
    after = text[end:line_end].split()
    # Known abbreviations inside the run are passed over: "TEACHING HOSPITALS NHS TRUST" and
    # "FLU AND COVID JABS" are headings however NHS and COVID sit in them.
    for side in (reversed(before), after):
        for neighbour in side:
            word = neighbour.strip(",.;:!?()'\"’*_#")
            if word in known:
                continue
            if len(word) >= 2 and word.isupper() and any(c.isalpha() for c in word) and not any(c.isdigit() for c in word):
                return True
            break
    return False


# A heading in capitals: a line of two or more words, all in capitals ("WHEN AND WHERE", "TO BOOK").
CAPITALS_HEADING_RE = programs.compile(r"^[ \t]*[A-Z][A-Z'’&]*(?:[ \t]+[A-Z][A-Z'’&]*)+[ \t]*:?[ \t]*$", re.M)
LONE_WORD_RE = programs.compile(r"[ \t]*:?[ \t]*(?:\n|$)")


def _lone_heading(text: str, start: int, end: int, headings: list[bool], span_start: int, span_end: int) -> bool:
    """Is the word alone on its line ("MONEY") where the text heads its parts in capitals ("HELP TO TAKE
    PART")? Then it is one more heading, not an abbreviation."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not LONE_WORD_RE.match(text, end):
        return False
    if not headings:  # worked out once, and only when a word stands alone on its line
        headings.append(CAPITALS_HEADING_RE.search(text, span_start, span_end) is not None)
    return headings[0]


def _unreadable(doc: Invitation, start: int, end: int) -> list[tuple[int, int]]:
    """Web and email addresses in the part, and paragraphs in another language (the Welsh
    half of a bilingual notice is judged on its English): no acronyms are looked for there."""
    skip = doc.urls(start, end) + [m.span() for m in email_matches(doc.text, start, end)]
    return skip + [(span.start, span.end) for span in structure.other_language(doc)]


def _parts(doc: Invitation, ctx: Context) -> list[tuple[int, int]]:
    """Where to look: each part of the rule's scope up to the sign-off (organisation names there, "NHS Mid
    Shire ICB", are names, not prose), and, in a reply, the sender's own earlier message that it quotes
    ("would you be able to stand in for me at the PPG network meeting?"): the reader has it in front of them."""
    parts = [(span.start, min(span.end, doc.message_end, max(span.start, words_end(doc)))) for span in ctx.spans]
    own, wider = structure.region(doc), structure.thread(doc)
    if wider.end > own.end and any(span.start <= own.start < span.end for span in ctx.spans):
        parts.append((own.end, wider.end))
    return parts


def _candidates(rule, doc: Invitation, ctx: Context) -> dict[str, int]:
    """Each acronym in the rule's parts of the text, with where it is first used."""
    compiled = rule.compiled
    seen: dict[str, int] = {}
    for span_start, end in _parts(doc, ctx):
        skip = _unreadable(doc, span_start, end)
        headings: list[bool] = []
        found = [(m.group(1), m.start(1), m.end(2)) for m in CAPITALS_RE.finditer(doc.text, span_start, end)
                 if m.group(1) not in compiled["ignore"] and not ROMAN_RE.match(m.group(1))
                 and not _shouted(doc.text, m.start(), m.end(), compiled["known"])
                 and not _lone_heading(doc.text, m.start(), m.end(), headings, span_start, end)]
        if compiled["listed"] is not None:
            found += [(m.group(1), m.start(1), m.end()) for m in compiled["listed"].finditer(doc.text, span_start, end)]
        for acronym, start, stop in found:
            if any(a <= start < b for a, b in skip):
                continue
            if start < seen.get(acronym, len(doc.text)):
                seen[acronym] = start
    return seen


BRACKETED_RE = programs.compile(r"\(\s*([A-Z](?:[A-Z]|&[A-Z]){1,4})s?\s*\)")
# "BSL (British Sign Language)": the known abbreviation, then its words in brackets (the look back
# for a letter before it comes after its first capital, so that re jumps from capital to capital)
SPELLED_AFTER_RE = programs.compile(r"([A-Z](?<![\w&/-][A-Z])(?:[A-Z]|&[A-Z]){1,4})s?\s*\(\s*([A-Z][\w'’-]*(?:\s+[\w'’-]+){1,8})\s*\)")


def _known_spelled_out(rule, doc: Invitation, ctx: Context) -> str:
    """A known abbreviation spelled out before it in brackets, "British Sign Language (BSL)", or after it,
    "BSL (British Sign Language)", or ''."""
    known = rule.compiled["known"]
    for span in ctx.spans:
        end = min(span.end, doc.message_end, max(span.start, words_end(doc)))
        for m in BRACKETED_RE.finditer(doc.text, span.start, end):
            if m.group(1) in known and _spelled_before(doc.text, m.start(), _letters(m.group(1))):
                return m.group(1)
        for m in SPELLED_AFTER_RE.finditer(doc.text, span.start, end):
            if m.group(1) in known and _initials_in_order(WORD_RE.findall(m.group(2)), _letters(m.group(1))):
                return m.group(1)
    return ""


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    seen = _candidates(rule, doc, ctx)
    if not seen:
        spelled = _known_spelled_out(rule, doc, ctx)
        if spelled:  # "British Sign Language (BSL)": an abbreviation the writer took care to explain
            return Outcome(PASS, note=f"abbreviations: {spelled} (spelled out)")
        return Outcome(NOT_APPLICABLE, note="no abbreviations")
    first = min(span.start for span in ctx.spans)
    text = doc.text[first : doc.message_end]
    words = WORD_RE.findall(text)
    findings = []
    for acronym, start in sorted(seen.items(), key=lambda kv: kv[1]):
        if not explained(text, acronym, words):
            findings.append(Finding(start, start + len(acronym), format_message(rule.message, match=acronym),
                                    format_message(rule.suggestion, match=acronym), {"acronym": acronym}))
    return Outcome(FAIL if findings else PASS, findings, note=f"abbreviations: {', '.join(seen)}")
