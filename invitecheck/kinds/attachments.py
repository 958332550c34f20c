"""attachments: what the text promises is really there.

- "attached", "enclosed", "please find attached", "see the attachments": the
  message has a non-empty attachment; where the promise names a document ("the
  attached role description") an attachment plausibly matching it by file name.
- something "below" or "the following" (a form, a link, details): the text after
  the promise actually contains it. A form has fields, blanks or questions, or
  a link to an online form; a link is a web address.

Not applicable when nothing is promised.
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache

from ..document import URL_RE, Invitation
from ..facts.people import FIELD_LINE
from ..prefilter import CaseFree
from .base import FAIL, NOT_APPLICABLE, PASS, Context, Contract, Finding, Outcome, format_message

CONTRACT = Contract(
    doc="Fails when something promised ('attached', 'the form below') is not there.",
    placeholders=("match", "problem", "promise"),
    scopes=("body",),
)


def prepare(options):
    return None


_DOC_NOUN = (
    r"(?:application(?:\s+form|\s+pack)?|(?:expression\s+of\s+interest|eoi|registration|booking|consent|expenses?|claim|reply|feedback|nomination)\s+form|form|"
    r"role\s+(?:description|profile|outline|specification)|job\s+description|person\s+specification|"
    r"(?:participant\s+|patient\s+)?information(?:\s+(?:sheet|pack|leaflet))?|leaflet|flyer|poster|brochure|booklet|guide|guidance|"
    r"agenda|minutes|programme|timetable|schedule|map|directions|terms\s+of\s+reference|letter|invitation|"
    r"questionnaire|survey|report|summary|document(?:s|ation)?|paperwork|papers|pack|file|files|details|instructions|slides|presentation|policy|cv|"
    r"checklist|timesheet|copy|(?:reply|tear[-\s]off|response)\s+slip)"
)
ATTACH_PROMISES = [
    CaseFree(rf"\b(?:the|our|an?|this|your|my)\s+(?P<doc>(?:[\w’'-]{{1,40}}\s+){{0,3}}?{_DOC_NOUN})\s+(?:is|are|has\s+been|have\s+been|was|were)\s+(?:also\s+)?(?:attached|enclosed)\b"),
    CaseFree(rf"\b(?:attached|enclosed)\s+(?:(?:is|are)\s+)?(?:(?:the|our|a|an|your|my|some)\s+)?(?P<doc>(?:[\w’'-]{{1,40}}\s+){{0,2}}?{_DOC_NOUN})\b"),
    CaseFree(rf"\bplease\s+(?:find|see)\s+(?:attached|enclosed)\b(?:[:,]?\s+(?:(?:the|our|a|an|your|my|some)\s+)?(?P<doc>(?:[\w’'-]{{1,40}}\s+){{0,2}}?{_DOC_NOUN})\b)?"),
    CaseFree(rf"\b(?:i|we|i've|we've|i’ve|we’ve)\s+(?:have\s+|also\s+|have\s+also\s+)?(?:attached|enclosed|attach|enclose)\b(?:\s+(?:(?:the|our|a|an|your|my|some)\s+)?(?P<doc>(?:[\w’'-]{{1,40}}\s+){{0,2}}?{_DOC_NOUN})\b)?"),
    CaseFree(r"\b(?:see|read|find|follow|in|open|check|review|complete|return|within)\s+(?:the\s+|our\s+)?(?:attached|attachments?|enclosed)\b"),
    CaseFree(r"\battached\s+(?:is|are|you\s+will\s+find|please\s+find)\b|\bas\s+attached\b"),
    CaseFree(rf"\b(?P<doc>{_DOC_NOUN})\s*,?\s+(?:which|that)\s+(?:is|are|has\s+been|have\s+been|I\s+have|we\s+have|I['’]ve|we['’]ve)\s+(?:also\s+)?(?:attached|enclosed)\b"),
    # "You'll find the application form attached", "Role description attached."
    CaseFree(rf"\b(?:(?:the|our|a|an|your)\s+)?(?P<doc>(?:[\w’'-]{{1,40}}\s+){{0,2}}?{_DOC_NOUN})\s+attached\b(?!\s+to\b)"),
    # "the expression of interest form (attached)"
    CaseFree(rf"\b(?:(?:the|our|a|an|your)\s+)?(?P<doc>(?:[\w’'-]{{1,40}}\s+){{0,2}}?{_DOC_NOUN})\s*\((?:also\s+)?(?:attached|enclosed)\)"),
    # a reply slip is always a paper enclosure: "send back the reply slip", or part of one
    # ("the reply slip in the role description")
    CaseFree(rf"\b(?:the|a|your|this)\s+(?P<doc>(?:reply|tear[-\s]off|response)\s+slip)\b(?:\s+(?:in|on|at\s+the\s+end\s+of)\s+(?:the|our|your)\s+(?P<within>(?:[\w’'-]{{1,40}}\s+){{0,2}}?{_DOC_NOUN})\b)?"),
]
NOT_A_PROMISE = CaseFree(r"strings\s+attached|attached\s+to\s+(?:the|our|a|an|this|it|them)|attached\s+(?:hospital|unit|ward|practice)|no\s+attachments?|without\s+(?:an?\s+)?attachments?")

_THING = r"(?:application\s+|registration\s+|booking\s+|online\s+|consent\s+|expression\s+of\s+interest\s+|feedback\s+|reply\s+|short\s+|sign[- ]up\s+|nomination\s+)?(?:form|link|questionnaire|survey|questions|details|information|instructions|address|dates|times|table|list|agenda|timetable|programme|button|website|url)"
BELOW_PROMISES = [
    CaseFree(rf"\b(?P<thing>{_THING})\s+(?:(?:is|are)\s+)?(?:(?:given|set\s+out|shown|listed|included|provided|attached|pasted|copied|contained)\s+)?below\b"),
    CaseFree(r"\b(?:see|read|find|listed|set\s+out|shown|click|use|follow|complete|fill\s+in|fill\s+out|answer|return|send\s+in|sign\s+up|register|mentioned|described|explained|outlined|detailed|given)\b(?P<between>(?:[^.\n]|\n(?![ \t]*\n)){0,40}?)\bbelow\b"),
    CaseFree(r"\bbelow\s+(?:is|are|you\s+will\s+find|you’ll\s+find|you'll\s+find)\b(?P<between>(?:[^.\n]|\n(?![ \t]*\n)){0,40})"),
    CaseFree(r"\bclick\s+(?:on\s+)?(?P<thing>here|this\s+link|the\s+link)\b"),
    CaseFree(r"\b(?:the|this)\s+following\s+(?P<thing>(?:web\s*)?link|form|questions?|details|information|address|dates|website|url)\b"),
    CaseFree(r"\b(?P<thing>link|form|questionnaire|survey)\s+(?:that\s+|which\s+)?follows\b"),
    # "fill in the short form at https://…", "apply here:", "in the downloads section"
    CaseFree(r"\b(?P<thing>(?:short\s+|online\s+|application\s+|registration\s+)?(?:form|survey|questionnaire))\s+(?:at|on\s+our\s+website)\b"),
    CaseFree(r"\b(?:apply|register|sign\s+up|book|find\s+out\s+more|read\s+more|complete\s+(?:it|the\s+\w+))\s+(?P<thing>here)\s*:"),
    CaseFree(r"\bin\s+the\s+(?P<thing>downloads?)\s+(?:section|area|tab|page)\b"),
]
# "the link above": what is promised comes before the promise.
ABOVE_PROMISES = [
    CaseFree(r"\b(?P<thing>(?:web\s*)?link|form|address|details|information|questions|dates)\s+(?:(?:is|are)\s+)?(?:(?:given|shown|listed|set\s+out|mentioned)\s+)?above\b"),
    CaseFree(r"\b(?:see|use|follow|click|complete)\s+(?:the\s+)?(?P<thing>(?:web\s*)?link|form|address|details)\s+above\b"),
]
DIGIT_RE = re.compile(r"\d")
LABEL_LINE_RE = re.compile(r"\s*[\w ()/'’-]{2,30}:\s*\S")  # its blanks and the label's overlap only within the label's 30
LIST_LINE_RE = re.compile(r"\s*(?:[-*•]|\d+[.)])\s+\S")
QUESTION_LINE = re.compile(r"\?\s*$", re.M)
FORM_WORDS = ("form", "questionnaire", "survey", "application", "registration", "sign-up", "sign up", "booking", "nomination")

SYNONYMS = [
    {"application", "apply", "form", "eoi", "expression", "interest", "nomination"},
    {"role", "job", "description", "profile", "jd", "spec", "specification", "person", "outline"},
    {"information", "info", "sheet", "pis", "participant", "leaflet", "flyer", "poster", "brochure", "booklet", "guide"},
    {"agenda", "programme", "program", "schedule", "timetable"},
    {"map", "directions", "location", "venue", "travel"},
    {"expenses", "expense", "claim", "reimbursement", "payment"},
    {"consent"}, {"minutes", "notes"}, {"terms", "reference", "tor"}, {"slides", "presentation", "ppt", "pptx"},
    {"questionnaire", "survey", "questions"}, {"letter", "invitation", "invite"}, {"report", "summary"},
    {"policy"}, {"cv", "resume"}, {"checklist"}, {"timesheet"}, {"registration", "register", "booking"},
]
GENERIC_WORDS = {"document", "documents", "documentation", "file", "files", "paperwork", "papers", "pack", "details",
                 "information", "copy", "the", "our", "a", "an", "your", "my", "some", "this", "short", "brief",
                 "full", "further", "more", "relevant", "following", "two", "three", "both", "all", "new", "updated",
                 "latest", "draft", "final", "instructions"}
OPAQUE_WORDS = {"doc", "docx", "pdf", "document", "scan", "scanned", "image", "img", "file", "attachment", "untitled",
                "copy", "final", "draft", "version", "v", "new", "odt", "rtf", "txt", "xlsx", "xls", "jpg", "png"}


def _words(text: str) -> set[str]:
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return {w for w in re.split(r"[^a-z0-9]+", text.lower()) if w}


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


def _content_says(phrase: str, attachment) -> str | None:
    """The first line of the attachment's text that names the promised document, if any."""
    if not attachment.text:
        return None
    keys = _key_words(phrase)
    groups = [next((g for g in SYNONYMS if key in g), {key}) for key in keys]
    for line in attachment.text.split("\n"):
        words = _words(line)
        if line.strip() and all(words & group for group in groups[:2]):
            return " ".join(line.split())[:80]
    return None


# "the agenda and the terms of reference", "the role profile, the application form": each
# promised document is checked on its own. A piece counts only when it ends in a document
# noun, so "terms and conditions" stays one.
DOC_NOUN_END_RE = re.compile(rf"(?:^|\s){_DOC_NOUN}$", re.I)
LIST_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.I)
ARTICLE_RE = re.compile(r"^(?:the|our|a|an|your|my|some)\s+", re.I)
MORE_DOCS_RE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:the|our|a|an|your|my)\s+)?(?P<doc>(?:[\w’'-]{{1,40}}\s+){{0,2}}?{_DOC_NOUN})\b", re.I)


def promised_documents(text: str, match: re.Match) -> list[str]:
    """Each document a promise names: 'the agenda and the terms of reference' -> both."""
    within = match.groupdict().get("within")
    if within:  # "the reply slip in the role description": the role description is what must be there
        return [within.strip()]
    phrase = (match.groupdict().get("doc") or "").strip()
    if not phrase:
        return []
    pieces: list[str] = []
    for piece in LIST_SPLIT_RE.split(phrase):
        piece = ARTICLE_RE.sub("", piece.strip())
        if pieces and not DOC_NOUN_END_RE.search(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} and {piece}"
        elif piece:
            pieces.append(piece)
    if pieces and not DOC_NOUN_END_RE.search(pieces[-1]) and len(pieces) > 1:
        pieces[-2:] = [f"{pieces[-2]} and {pieces[-1]}"]
    position = match.end()
    for _ in range(5):  # "attached are the agenda, the minutes and the terms of reference"
        more = MORE_DOCS_RE.match(text, position)
        if more is None:
            break
        pieces.append(ARTICLE_RE.sub("", more["doc"].strip()))
        position = more.end()
    return pieces


def _attachment_problem(doc: Invitation, match: re.Match, confirmed: list[str]) -> str | None:
    documents = [a for a in doc.attachments if a.is_document]
    if not doc.attachments_declared:
        return "but no attachments are listed for this draft: add an 'Attachments:' line at the top, or use --attach"
    if not documents:
        empty = [a.name for a in doc.attachments if a.size == 0]
        if empty:
            return f"but the attachment {', '.join(empty)} is empty"
        return "but the message has no attachments"
    missing = [phrase for phrase in promised_documents(doc.text, match) if _document_missing(phrase, documents, confirmed)]
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


def _below_problem(doc: Invitation, match: re.Match, stop: int) -> str | None:
    thing = (match.groupdict().get("thing") or match.groupdict().get("between") or "").lower()
    after = doc.text[match.end() : stop]
    # "Below is a link to the survey: https://…" puts the address inside the promise itself.
    has_url = bool(URL_RE.search(doc.text, match.start(), max(stop, match.end())))
    fields = len(FIELD_LINE.findall(after))
    # A plain-text part that lost its links: the HTML part still has them.
    html_links = bool(doc.html_links)
    if thing.startswith("download"):  # "in the downloads section": a file or a link to the page that has it
        return None if doc.attachments or URL_RE.search(doc.text, doc.body.start, stop) or html_links else "but there is no attachment, and no link to a page with downloads"
    if re.search(r"\b(?:link|button|website|url|click|here)\b", thing):
        return None if has_url or html_links else "but there is no web address after it"
    if any(word in thing for word in FORM_WORDS):
        if has_url or html_links or fields >= 2:
            return None
        return "but nothing below it looks like a form: no questions or spaces to fill in, and no link to one"
    if "question" in thing:
        return None if QUESTION_LINE.search(after) or fields >= 2 else "but there are no questions after it"
    # details, information, dates, a list …: anything of substance after it. A sign-off
    # ("Greenway Surgery") is not the promised details: short lines without a number,
    # a link or a "Label:" do not count.
    substantial = any(len(line.split()) >= 4 or URL_RE.search(line) or DIGIT_RE.search(line) or LABEL_LINE_RE.match(line)
                      or LIST_LINE_RE.match(line) for line in after.split("\n"))
    return None if substantial else "but nothing follows it"


def _above_problem(doc: Invitation, match: re.Match) -> str | None:
    """'the link above': the promised thing is in the text before the promise."""
    thing = (match.groupdict().get("thing") or "").lower()
    before = doc.text[doc.body.start : match.start()]
    if "link" in thing:
        return None if URL_RE.search(before) or doc.html_links else "but there is no web address before it"
    if "form" in thing:
        return None if URL_RE.search(before) or doc.html_links or len(FIELD_LINE.findall(before)) >= 2 else "but nothing above it looks like a form"
    return None


ATTACH_ANCHOR_RE = CaseFree(r"attach|enclos|slip")
BELOW_ANCHOR_RE = CaseFree(r"below|follow|click|(?:form|survey|questionnaire)\s+(?:at|on\s+our)|here\s*:|download")
ABOVE_ANCHOR_RE = CaseFree(r"above")
WINDOW = 160  # characters either side of a key word: longer than any promise phrase


def _windows(doc: Invitation, anchor: CaseFree, start: int, end: int) -> list[tuple[int, int]]:
    """Merged spans of text around each key word."""
    spans: list[tuple[int, int]] = []
    for m in anchor.finditer(doc.text, doc.lowered, start, end):
        a, b = max(start, m.start() - WINDOW), min(end, m.end() + WINDOW)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def check(rule, doc: Invitation, ctx: Context) -> Outcome:
    end = doc.message_end
    signature = doc.signature
    promises: list[tuple[re.Match, str]] = []
    taken: list[tuple[int, int]] = []

    def seen(m: re.Match) -> bool:
        return any(m.start() < b and a < m.end() for a, b in taken)

    # Look for the key words first, then try the promise phrases only in a
    # window around each: most text is nowhere near "attached" or "below".
    kinds = ((ATTACH_PROMISES, ATTACH_ANCHOR_RE, "attachment"), (BELOW_PROMISES, BELOW_ANCHOR_RE, "below"), (ABOVE_PROMISES, ABOVE_ANCHOR_RE, "above"))
    for regexes, anchor, what in kinds:
        if not any(regex.possible(doc.lowered) for regex in regexes):
            continue
        for start, stop in _windows(doc, anchor, doc.body.start, end):
            for regex in regexes:
                for m in regex.finditer(doc.text, doc.lowered, start, stop):
                    if seen(m):
                        continue
                    if what == "attachment" and NOT_A_PROMISE.search(doc.text, doc.lowered, max(doc.body.start, m.start() - 20), m.end() + 25):
                        continue
                    taken.append(m.span())
                    promises.append((m, what))
    if not promises:
        return Outcome(NOT_APPLICABLE, note="it does not mention an attachment, form or link")

    findings, confirmed = [], []
    for m, what in sorted(promises, key=lambda p: p[0].start()):
        if what == "attachment":
            problem = _attachment_problem(doc, m, confirmed)
        elif what == "above":
            problem = _above_problem(doc, m)
        else:
            stop = signature.start if signature and signature.start > m.end() else end
            problem = _below_problem(doc, m, stop)
        if problem:
            quoted = " ".join(doc.text[m.start() : m.end()].split())
            message = format_message(rule.message, match=quoted, problem=problem)
            findings.append(Finding(m.start(), m.end(), message, rule.suggestion, {"variant": what, "promise": quoted}))
    return Outcome(FAIL if findings else PASS, findings, evidence="; ".join(confirmed))
