"""Promises: documents, forms and links the invitation says are there.

- "attached", "enclosed", "please find attached", "the reply slip": a promised
  attachment, with each document it names ("the agenda and the terms of
  reference" names two);
- "the form below", "click here", "apply here:", "in the downloads section": a
  promise of something after it;
- "the link above": a promise of something before it.
- "join on Zoom at https://…", "book a slot here: https://…": a link given where it
  is offered, a promise made and kept at once.

The words are the vocabulary's (document_noun, promised_thing, …); this module gives
them the shapes of a sentence. Whether each promise is kept is the attachments kind's
judgement, against what is really attached or written.
"""

from __future__ import annotations

from .. import cached_re as re  # re, compiling from the start-up cache

from ..fields import Fields
from ..spans import Taken
from ..vocabulary import fragment, pattern
from .evidence import Evidence
from .record import Record, fact
from .structure import forward

_DOC = r"(?P<doc>(?:[\w’'-]{{1,40}}\s+){{0,{most}}}?{{vocab:document_noun}})"
_ARTICLE = r"(?:the|our|a|an|your|my|some)"

ATTACHMENT_PROMISES = [
    # "The terms of reference for the committee are attached"
    pattern(r"\b(?:the|our|an?|this|your|my|their|his|her|its)\s+" + _DOC.format(most=3) + r"(?:\s+(?:of|on|about|for)\s+(?:the|our|these|this)\s+[\w’'-]{1,40})?"
            r"\s+(?:is|are|has\s+been|have\s+been|was|were)\s+(?:also\s+)?(?:attached|enclosed)\b", 0),
    # "Terms of reference are attached": a document named without "the", at the start of a sentence or after "and"
    pattern(r"\b(?P<doc>{vocab:document_noun})\s+(?:is|are|has\s+been|have\s+been)\s+(?:also\s+)?(?:attached|enclosed)\b", 0),
    pattern(r"\b(?:attached|enclosed)\s+(?:(?:is|are)\s+)?(?:" + _ARTICLE + r"\s+)?" + _DOC.format(most=2) + r"\b", 0),
    pattern(r"\bplease\s+(?:find|see)\s+(?:attached|enclosed)\b(?:[:,]?\s+(?:" + _ARTICLE + r"\s+)?" + _DOC.format(most=2) + r"\b)?", 0),
    pattern(r"\b(?:i|we|i've|we've|i’ve|we’ve)\s+(?:have\s+|also\s+|have\s+also\s+)?(?:attached|enclosed|attach|enclose)\b(?:\s+(?:" + _ARTICLE + r"\s+)?" + _DOC.format(most=2) + r"\b)?", 0),
    pattern(r"\b(?:{vocab:attachment_pointer})\s+(?:the\s+|our\s+)?(?:attached|attachments?|enclosed)\b", 0),
    pattern(r"\battached\s+(?:is|are|you\s+will\s+find|please\s+find)\b|\bas\s+attached\b", 0),
    pattern(r"\b(?P<doc>{vocab:document_noun})\s*,?\s+(?:which|that)\s+(?:is|are|has\s+been|have\s+been|I\s+have|we\s+have|I['’]ve|we['’]ve)\s+(?:also\s+)?(?:attached|enclosed)\b", 0),
    # "You'll find the application form attached", "Role description attached", "the summary of the
    # proposals attached", "the information sheet attached to this email" (not "the group is attached to the unit")
    pattern(r"\b(?:(?:the|our|a|an|your)\s+)?" + _DOC.format(most=2) + r"(?:\s+(?:of|on|about|for)\s+(?:the|our|these|this)\s+[\w’'-]{1,40})?"
            r"\s+attached\b(?!\s+to\b(?!\s+(?:this|the|my|our)\s+(?:e-?mail|message|letter)\b))", 0),
    # "the expression of interest form (attached)", "the job description (attached, 3 pages)"
    pattern(r"\b(?:(?:the|our|a|an|your)\s+)?" + _DOC.format(most=2) + r"\s*\((?:also\s+)?(?:attached|enclosed)(?:[,;][^()\n]{0,30})?\)", 0),
    # a reply slip is always a paper enclosure: "send back the reply slip", or part of one
    # ("the reply slip in the role description")
    pattern(r"\b(?:the|a|your|this)\s+(?P<doc>{vocab:reply_slip})\b(?:\s+(?:in|on|at\s+the\s+end\s+of)\s+(?:the|our|your)\s+(?P<within>(?:[\w’'-]{1,40}\s+){0,2}?{vocab:document_noun})\b)?", 0),
]
NOT_A_PROMISE = pattern("{vocab:not_a_promise}", 0)
# "the agenda is attached below": the document is in the message, not a separate file
IN_THIS_MESSAGE = pattern(r"\s+(?:{vocab:in_this_message})\b", 0)

BELOW_PROMISES = [
    pattern(r"\b(?P<thing>{vocab:promised_thing})\s+(?:(?:is|are)\s+)?(?:(?:{vocab:set_out})\s+)?below\b", 0),
    pattern(r"\b(?:{vocab:below_pointer})\b(?P<between>(?:[^.\n]|\n(?![ \t]*\n)){0,40}?)\bbelow\b", 0),
    pattern(r"\bbelow\s+(?:is|are|you\s+will\s+find|you’ll\s+find|you'll\s+find)\b(?P<between>(?:[^.\n]|\n(?![ \t]*\n)){0,40})", 0),
    # "Papers are attached below as text", "a copy is pasted below", "the minutes from May are below my name",
    # "the agenda is at the bottom of this email", "details from my original note to Derek are below"
    pattern(r"\b(?P<thing>{vocab:document_noun})(?:\s+(?:from|for|of)\s+(?:[\w’'-]{1,30}\s+){0,4}?[\w’'-]{1,30})?\s+(?:is|are)\s+(?:(?:also|now)\s+)?(?:(?:{vocab:set_out})\s+)?(?:{vocab:in_this_message})\b", 0),
    pattern(r"\bclick\s+(?:on\s+)?(?P<thing>{vocab:click_target})\b", 0),
    # "as you said in your last email (below)": the earlier message quoted under the reply (not "drop me a
    # line on the email below" or "at the email below": an address under the sign-off)
    pattern(r"\b(?<!\bon\s)(?<!\bat\s)(?:your|my|our|the)\s+(?:last\s+|earlier\s+|previous\s+|original\s+)?(?P<thing>e-?mail|message)(?=\s+\(?below\b)", 0),
    pattern(r"\b(?:the|this)\s+following\s+(?P<thing>{vocab:following_thing})\b", 0),
    pattern(r"\b(?P<thing>link|form|questionnaire|survey)\s+(?:that\s+|which\s+)?follows\b", 0),
    # "fill in the short form at https://…", "apply here:", "book your place here:", "in the downloads section"
    pattern(r"\b(?P<thing>(?:short\s+|online\s+|application\s+|registration\s+)?(?:form|survey|questionnaire))\s+(?:at(?!{vocab:in_another_document}|{vocab:given_out_in_person})|on\s+our\s+website)\b", 0),
    pattern(r"\b(?:{vocab:apply_here})(?:\s+(?:the|our|a|an|your)\s+[\w-]{1,20})?\s+(?P<thing>here)\s*:", 0),
    pattern(r"\bin\s+the\s+(?P<thing>downloads?)\s+(?:section|area|tab|page)\b", 0),
    # "Download the role description here, then …": the link should be where "here" is
    pattern(r"\bdownload\s+(?:the|our|a|an|your)\s+(?:[\w’'-]{1,30}\s+){0,3}?(?P<thing>here)\b", 0),
    # "Download the role description (PDF, 2 pages)": a file or a link to one should be there ("download the
    # form from our website: https://…" says where it is, and so does "download the role description and an
    # application form from our website")
    pattern(r"\b(?P<thing>download)\s+(?:the|our|a|an|your)\s+(?:[\w’'-]{1,30}\s+){0,3}?{vocab:document_noun}\b"
            r"(?!(?:\s+(?:and|or)\s+(?:(?:the|our|a|an|your)\s+)?(?:[\w’'-]{1,30}\s+){0,2}?{vocab:document_noun})?\s+(?:here|from|at|on|via)\b)", 0),
]
# "the link above": what is promised comes before the promise.
ABOVE_PROMISES = [
    pattern(r"\b(?P<thing>{vocab:above_thing})\s+(?:(?:is|are)\s+)?(?:(?:given|shown|listed|set\s+out|mentioned)\s+)?above\b", 0),
    pattern(r"\b(?:see|use|follow|click|complete)\s+(?:the\s+)?(?P<thing>(?:web\s*)?link|form|address|details)\s+above\b", 0),
]
# The key words of each kind of promise: the phrases are tried only near one of them.
ATTACHMENT_ANCHOR = pattern(r"attach|enclos|slip", 0)
BELOW_ANCHOR = pattern(r"below|underneath|(?:bottom|end|foot)\s+of\s+this|(?:after|under)\s+my\s+(?:name|signature)|follow|click|(?:form|survey|questionnaire)\s+(?:at|on\s+our)|here\s*:|download", 0)
ABOVE_ANCHOR = pattern(r"above", 0)
# "Join on Zoom at https://…", "book a slot here: https://…": a link given where it is offered.
LINK_OFFER = pattern(r"\b(?:{vocab:link_offer})\b", 0)
FORM_OFFER = pattern(r"\b(?:{vocab:form_offer})", 0)
SENTENCE_END_RE = re.compile(r"[.!?](?=\s)")
# A web address written bare: "healthwatch.example.org/pharmacy" (see _bare_addresses)
BARE_TAIL_RE = pattern(r"\.(?:org|com|net|uk|info|wales|scot)/", 0)
BARE_HEAD_RE = re.compile(r"(?<![^\s(<])[\w-]+(?:\.[\w-]+)*$")
BARE_REST_RE = re.compile(r"(?:[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?])?")
LINK_START_RE = re.compile(r"https?://|www\.", re.I)
LEAD = 100  # characters before a web address that can offer it
WINDOW = 160  # characters either side of a key word: longer than any promise phrase

# "the agenda and the terms of reference", "the role profile, the application form": each
# promised document is its own. A piece counts only when it ends in a document noun, so
# "terms and conditions" stays one.
DOC_NOUN_END_RE = re.compile(rf"(?:^|\s)(?:{fragment('document_noun')})$", re.I)
LIST_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.I)
ARTICLE_RE = re.compile(rf"^{_ARTICLE}\s+", re.I)
# "a claim form in the pack attached": the words before the noun may start with a preposition, and the
# document promised is what follows it
CONTAINER_RE = re.compile(rf"^(?:{fragment('document_container_preposition')})\s+", re.I)
MORE_DOCS_RE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:the|our|a|an|your|my)\s+)?(?P<doc>(?:[\w’'-]{{1,40}}\s+){{0,2}}?(?:{fragment('document_noun')}))\b", re.I)


class Promise(Fields):
    """Something the text says is attached, below or above.

    - ``where``: "attachment", "below", "above" or "given" (a link given where it is offered);
    - ``thing``: below or above, what is promised, in lower case ("form", "link", "here", "downloads" …);
    - ``documents``: an attachment, each document it names ("agenda", "terms of reference").
    """

    __slots__ = ("evidence", "where", "thing", "documents")

    def __init__(self, evidence: Evidence, where: str, thing: str = "", documents: tuple[str, ...] = ()) -> None:
        self.evidence, self.where, self.thing, self.documents = evidence, where, thing, documents


def documents_named(text: str, match: re.Match) -> tuple[str, ...]:
    """Each document a promise names: 'the agenda and the terms of reference' -> both."""
    within = match.groupdict().get("within")
    if within:  # "the reply slip in the role description": the role description is what must be there
        return (within.strip(),)
    phrase = (match.groupdict().get("doc") or "").strip()
    if not phrase:
        return ()
    pieces: list[str] = []
    for piece in LIST_SPLIT_RE.split(phrase):
        piece = ARTICLE_RE.sub("", CONTAINER_RE.sub("", piece.strip()))
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
    return tuple(pieces)


class Promises(Record):
    def _windows(self, anchor, start: int, end: int) -> list[tuple[int, int]]:
        """Merged spans of text around each key word."""
        spans: list[tuple[int, int]] = []
        for m in anchor.finditer(self.doc.text, self.lowered, start, end):
            a, b = max(start, m.start() - WINDOW), min(end, m.end() + WINDOW)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        return spans

    @fact
    def made(self) -> list:
        """Every promise of a document, form or link, in order (Promise)."""
        doc, lower = self.doc, self.lowered
        # From the start of the body: a forwarder's "see attached" promises this message's attachments too.
        start, end = doc.body.start, min(self.region.end, doc.message_end)
        found: list[tuple[re.Match, str]] = []
        taken = Taken()
        # Look for the key words first, then try the promise phrases only in a window
        # around each: most text is nowhere near "attached" or "below".
        for regexes, anchor, where in ((ATTACHMENT_PROMISES, ATTACHMENT_ANCHOR, "attachment"),
                                       (BELOW_PROMISES, BELOW_ANCHOR, "below"), (ABOVE_PROMISES, ABOVE_ANCHOR, "above")):
            if not any(regex.possible(lower) for regex in regexes):
                continue
            for a, b in self._windows(anchor, start, end):
                for regex in regexes:
                    for m in regex.finditer(doc.text, lower, a, b):
                        if taken.overlaps(m.start(), m.end()):
                            continue
                        if where == "attachment" and (NOT_A_PROMISE.search(doc.text, lower, max(start, m.start() - 20), m.end() + 25)
                                                      or IN_THIS_MESSAGE.match(doc.text, lower, m.end())):
                            continue
                        taken.add(m.start(), m.end())
                        found.append((m, where))
        promises = []
        for m, where in found:
            groups = m.groupdict()
            thing = (groups.get("thing") or groups.get("between") or "").lower()
            documents = documents_named(doc.text, m) if where == "attachment" else ()
            promises.append(Promise(Evidence(m.start(), m.end()), where, thing, documents))
        promises += [p for p in self._links_given(start, end) if not taken.overlaps(p.evidence.start, p.evidence.end)]
        forwarded = forward(doc)
        if forwarded is not None and forwarded.span is not None:
            # a forwarder's bare "see below" points at the forwarded message, which is there: no document is promised
            promises = [p for p in promises if not (p.where == "below" and not p.thing.strip() and p.evidence.end <= forwarded.span.start)]
        return sorted(promises, key=lambda p: p.evidence.start)

    def _links_given(self, start: int, end: int) -> list:
        """Each web address given straight after words that offer it ("join on Zoom at https://…",
        "book a slot here: https://…", "fill it in online:" with the address on the next line).
        A web address in the signature, or after words that offer nothing ("Our survey takes
        ten minutes: https://…", "Turn2us (https://…)"), is not a promise."""
        doc, text = self.doc, self.doc.text
        signature = doc.signature
        given = []
        for url_start, url_end in doc.urls(start, end) + self._bare_addresses(start, end):
            if signature and signature.start <= url_start < signature.end:
                continue
            line_start = text.rfind("\n", start, url_start) + 1
            if not text[line_start:url_start].strip():  # the address opens its line: the offer ends the line before
                line_start = text.rfind("\n", start, max(start, line_start - 1)) + 1
            lead_start = max(line_start, url_start - LEAD, start)
            for stop in SENTENCE_END_RE.finditer(text, lead_start, url_start):
                lead_start = stop.end()
            offer = LINK_OFFER.search(text, self.lowered, lead_start, url_start) or self._offered_just_before(lead_start, start)
            if offer:
                given.append(Promise(Evidence(offer.start(), url_end), "given", "link"))
        return given

    def _offered_just_before(self, lead_start: int, start: int):
        """"Fill in our survey. It takes ten minutes: https://…", or the heading "Fill in our survey" on the
        line above: a survey or form offered in the sentence or line just before the one with the address."""
        text = self.doc.text
        paragraph = text.rfind("\n\n", start, lead_start)  # not across a blank line
        from_ = max(start, lead_start - LEAD, paragraph + 2 if paragraph >= 0 else start)
        return FORM_OFFER.search(text, self.lowered, from_, lead_start) if from_ < lead_start else None

    def _bare_addresses(self, start: int, end: int) -> list[tuple[int, int]]:
        """Web addresses written without "https://" or "www." ("healthwatch.example.org/pharmacy", as a post or
        a text gives them): a domain and a path, found from its ".org/" (a cheap search), then back to the space."""
        text, found = self.doc.text, []
        for tail in BARE_TAIL_RE.finditer(text, self.lowered, start, end):
            head = BARE_HEAD_RE.search(text, max(start, tail.start() - 80), tail.start())
            if head is None or "@" in text[head.start() : tail.start()] or LINK_START_RE.match(text, head.start()):
                continue  # an email address, or an address "https://" already finds
            found.append((head.start(), BARE_REST_RE.match(text, tail.end()).end()))
        return found

    @fact
    def attachments(self) -> list:
        """Promised attachments: "please find attached", "the enclosed form" (Promise)."""
        return [p for p in self.made if p.where == "attachment"]

    @fact
    def below(self) -> list:
        """Promises of something after them: "the form below", "click here", "apply here:" (Promise)."""
        return [p for p in self.made if p.where == "below"]

    @fact
    def above(self) -> list:
        """Promises of something before them: "the link above" (Promise)."""
        return [p for p in self.made if p.where == "above"]


RECORD = Promises
