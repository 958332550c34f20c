"""attachments: what the text promises is really there.

The promises are facts (``promises.made``, see facts/promises.py); this kind judges each:

- "attached", "enclosed", "please find attached", "see the attachments": the
  message has a non-empty attachment; where the promise names a document ("the
  attached role description") an attachment plausibly matching it by file name.
- something "below" or "the following" (a form, a link, details): the text after
  the promise actually contains it. A form has fields, blanks or questions, or
  a link to an online form; a link is a web address.
- a link given where it is offered ("join on Zoom at https://…"): kept at once.

A kept promise other than an attachment is quoted as the evidence for a pass.

Not applicable when nothing is promised.
"""

from __future__ import annotations

from itertools import islice

from .. import cached_re as re  # re, compiling from the start-up cache

from ..document import URL_RE, Invitation
from ..facts import facts_for, structure
from ..facts.people import FIELD_LINE
from ..vocabulary import word_groups, words
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Outcome, format_message, inside

CONTRACT = Contract(
    doc="Fails when something promised ('attached', 'the form below') is not there.",
    placeholders=("match", "problem", "promise"),
    scopes=("body",),
)


def prepare(options):
    return None


PAST_SIGNATURE_RE = re.compile(r"\b(?:bottom|end|foot)\s+of\s+this\b|\b(?:below|after|under)\s+my\s+(?:name|signature)\b", re.I)
DIGIT_RE = re.compile(r"\d")
LABEL_LINE_RE = re.compile(r"\s*[\w ()/'’-]{2,30}:\s*\S")  # its blanks and the label's overlap only within the label's 30
LIST_LINE_RE = re.compile(r"\s*(?:[-*•]|\d+[.)])\s+\S")
QUESTION_LINE = re.compile(r"\?\s*$", re.M)
FORM_WORDS = tuple(sorted(words("form_word")))
SYNONYMS = word_groups("document_synonyms")
GENERIC_WORDS = words("generic_document_word")
OPAQUE_WORDS = words("opaque_file_word")


def _words_in_order(text: str) -> list[str]:
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w]


def _words(text: str) -> set[str]:
    return set(_words_in_order(text))


def _key_words(doc_phrase: str) -> set[str]:
    return {w for w in _words(doc_phrase) if w not in GENERIC_WORDS and len(w) > 1}


def _plausible(doc_phrase: str, file_name: str) -> bool:
    keys = _key_words(doc_phrase)
    if not keys:
        return True
    stem = file_name.rsplit(".", 1)[0]
    names = _words(stem)
    meaningful = {w for w in names if not w.isdigit() and w not in OPAQUE_WORDS and not re.fullmatch(r"v?\d+|image\d+|scan\d+|doc\d+", w)}
    if not meaningful:
        return True  # "Doc1.docx": cannot tell, so do not cry wolf
    for key in keys:
        group = next((g for g in SYNONYMS if key in g), {key})
        if names & group or any(k in stem.lower() for k in group if len(k) > 3):
            return True
    return False


def _groups_to_match(phrase: str) -> list:
    """The word groups (synonyms) of a promised document's key words, the ones to find in an attachment first:
    words that name a kind of document before others ("job description" before "read"), and the last words of
    the phrase first, where English puts its head noun. In the order of the phrase, never of a set, so that
    the answer is the same on every run (a set's order changes with Python's hash seed)."""
    words = [w for w in dict.fromkeys(_words_in_order(phrase)) if w not in GENERIC_WORDS and len(w) > 1]
    named = [(next((g for g in SYNONYMS if w in g), None), w) for w in reversed(words)]
    return [g for g, _ in named if g is not None] + [{w} for g, w in named if g is None]


def _content_says(phrase: str, attachment) -> str | None:
    """The first line of the attachment's text that names the promised document, if any."""
    if not attachment.text:
        return None
    groups = _groups_to_match(phrase)
    for line in attachment.text.split("\n"):
        words = _words(line)
        if line.strip() and all(words & group for group in groups[:2]):
            return " ".join(line.split())[:80]
    return None


def _attachment_problem(doc: Invitation, promise, confirmed: list[str]) -> str | None:
    documents = [a for a in doc.attachments if a.is_document]
    if not doc.attachments_declared:
        return "but no attachments are listed for this draft: add an 'Attachments:' line at the top, or use --attach"
    if not documents:
        empty = [a.name for a in doc.attachments if a.size == 0]
        if empty:
            return f"but the attachment {', '.join(empty)} is empty"
        return "but the message has no attachments"
    missing = [phrase for phrase in promise.documents if _document_missing(phrase, documents, confirmed)]
    if not missing:
        return None
    names = ", ".join(a.name for a in documents[:5])
    read = next((a for a in documents if a.text and a.text.strip()), None)
    seen = f"; {read.name} begins '{' '.join(read.text.split())[:60]}'" if read else ""
    return f"but none of the attachments ({names}) looks like the {' or the '.join(p.lower() for p in missing)}{seen}"


def _document_missing(phrase: str, documents, confirmed: list[str]) -> bool:
    """Is no attachment plausibly this promised document?"""
    if not _key_words(phrase):
        return False
    for attachment in documents:
        says = _content_says(phrase, attachment)
        if says:
            confirmed.append(f"{attachment.name} is the {phrase.lower()}: its text says '{says}'")
            return False
    return not any(_plausible(phrase, a.name) for a in documents)


def _at_most_two(matches) -> int:
    """How many of the matches there are, counting no further than two."""
    return sum(1 for _ in islice(matches, 2))


def _no_form_line_before(doc: Invitation, stop: int) -> bool:
    """Is there no form line (FIELD_LINE) anywhere in the text before STOP? Worked out once for each STOP:
    then no stretch ending there holds one either, so a text with thousands of promises is not searched to
    its end again for each one (that took half a minute on 200,000 characters)."""
    return doc.memo(("no form line before", stop), lambda: FIELD_LINE.search(doc.text, 0, stop) is None)


def _below_problem(doc: Invitation, promise, stop: int) -> str | None:
    thing, start, end = promise.thing, promise.evidence.start, promise.evidence.end
    after = doc.text[end:stop]

    def has_url() -> bool:  # "Below is a link to the survey: https://…" puts the address inside the promise itself
        until = max(stop, end)
        return bool(doc.urls(start, until))

    def fields() -> int:  # only "two or more" matters: counting stops there
        return 0 if _no_form_line_before(doc, stop) else _at_most_two(FIELD_LINE.finditer(after))

    # A plain-text part that lost its links: the HTML part still has them.
    html_links = bool(doc.html_links)
    if thing.startswith("download"):  # "in the downloads section": a file or a link to the page that has it
        return None if doc.attachments or doc.urls(doc.body.start, stop) or html_links else "but there is no attachment, and no link to a page with downloads"
    if re.search(r"\b(?:link|button|website|url|click|here)\b", thing):
        return None if has_url() or html_links else "but there is no web address after it"
    if any(word in thing for word in FORM_WORDS):
        if html_links or has_url() or fields() >= 2:
            return None
        return "but nothing below it looks like a form: no questions or spaces to fill in, and no link to one"
    if "question" in thing:
        return None if QUESTION_LINE.search(after) or fields() >= 2 else "but there are no questions after it"
    # details, information, dates, a list …: anything of substance after it. A sign-off
    # ("Greenway Surgery") is not the promised details: short lines without a number,
    # a link or a "Label:" do not count.
    substantial = any(len(line.split(None, 4)) >= 4 or URL_RE.search(line) or DIGIT_RE.search(line) or LABEL_LINE_RE.match(line)
                      or LIST_LINE_RE.match(line) for line in after.split("\n"))
    return None if substantial else "but nothing follows it"


# "your last email (below)": the earlier message, quoted anywhere under the reply (often past the signature)
EARLIER_MESSAGE = ("email", "e-mail", "message")
QUOTED_HEADER_RE = re.compile(r"^[ \t]*(?:>|-{2,}[ \t]*(?:original|forwarded)\s+message|(?:\*\*)?from:|on\b[^\n]{0,120}\bwrote:[ \t]*$)", re.I | re.M)


def _quoted_problem(doc: Invitation, stop: int) -> str | None:
    return None if QUOTED_HEADER_RE.search(doc.text, stop) else "but no earlier message is quoted below it"


def _short(quoted: str) -> str:
    return quoted if len(quoted) <= 70 else quoted[:67] + "…"


# Every form line (FIELD_LINE) holds one of these: a question mark, a label's colon, a blank, a box.
FORM_SIGNS = ("?", ":", "___", ".....", "[", "(", "\u2610", "\u25a1")


def _form_above(doc: Invitation, start: int) -> bool:
    """Does the body hold two or more form lines before START? Two need a line break between them (each begins a
    line or the text), and a form line holds one of FORM_SIGNS; where the text before START has neither, it
    is not searched (thousands of "the form above" each searched all the text before them)."""
    body = doc.body.start
    first_signs = doc.memo(("form signs",), lambda: [(doc.text.find(sign, body), len(sign)) for sign in FORM_SIGNS])
    if not any(0 <= at and at + size <= start for at, size in first_signs):
        return False
    before = doc.text[body:start]
    return "\n" in before and _at_most_two(FIELD_LINE.finditer(before)) >= 2


def _above_problem(doc: Invitation, promise) -> str | None:
    """'the link above': the promised thing is in the text before the promise."""
    thing = promise.thing
    start = promise.evidence.start
    link_before = bool(doc.urls(doc.body.start, start))  # the web addresses, found once per invitation
    if "link" in thing:
        return None if link_before or doc.html_links else "but there is no web address before it"
    if "form" in thing:
        if link_before or doc.html_links:
            return None
        return None if _form_above(doc, start) else "but nothing above it looks like a form"
    return None


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    end = doc.message_end
    signature = doc.signature
    promises = [p for p in facts_for(doc, ctx.sent).promises.made if inside(p.evidence, ctx.spans, end)]
    if not promises:
        return Outcome(NOT_APPLICABLE, note="it does not mention an attachment, form or link")

    findings, confirmed = [], []
    quoted_own = structure.thread(doc).end
    for promise in promises:
        start, stop = promise.evidence.start, promise.evidence.end
        quoted = promise.evidence.words(doc)
        if promise.where == "given":  # the link is right there
            problem = None
        elif promise.where == "attachment":
            problem = _attachment_problem(doc, promise, confirmed)
        elif promise.where == "above":
            problem = _above_problem(doc, promise)
        else:
            # "below my name", "at the bottom of this email": past the signature; else up to it
            # (the words may follow the promise: "the short form at the bottom of this page")
            past_signature = PAST_SIGNATURE_RE.search(doc.text, start, min(end, stop + 30))
            limit = signature.start if signature and signature.start > stop and not past_signature else end
            if quoted_own > structure.region(doc).end:  # a reply's "details from my note to Derek are below": the sender's own earlier message, quoted
                limit = max(limit, quoted_own)
            problem = _below_problem(doc, promise, limit) if promise.thing not in EARLIER_MESSAGE else _quoted_problem(doc, stop)
        if not problem and promise.where != "attachment":
            confirmed.append(f"'{_short(quoted)}' is there")
        if problem:
            message = format_message(rule.message, match=quoted, problem=problem)
            findings.append(Finding(start, stop, message, rule.suggestion, {"variant": promise.where, "promise": quoted}))
    return Outcome(FAIL if findings else PASS, findings, evidence="; ".join(confirmed))
