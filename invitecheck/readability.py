"""Plain English, measured: what the metric kind sets limits on.

The Flesch reading ease (higher is easier; 60 and above is plain English) and
the Flesch-Kincaid grade (a US school grade: add five for a reading age), with
syllables counted by pyphen's British English hyphenation dictionary, as
textstat 0.7 does (read lazily, see invitecheck/syllables.py). (textstat itself
is not used: its current releases download a pronouncing dictionary over the
network at run time, and invitecheck never makes network calls; its older
releases need pkg_resources, which fresh environments no longer have.) Average sentence length and overall length are
counted too. Only the sender's own words are measured: not the sign-off, not a
quoted earlier message, not the paragraphs of a bilingual notice in its other language. The limits are a rule's data (rules/plain-english.yaml).
"""

from __future__ import annotations

import re

from . import programs
from .document import Invitation
from .fields import Fields
from .facts import structure
from .syllables import syllables

# An address is tried only where a word starts ((?<!\S)): tried at every position, a
# long run without spaces was rescanned to its end from each one.
URL_OR_EMAIL_RE = programs.compile(r"(?=[hw][tw][tw])(?:https?://|www\.)\S+|(?<!\S)\S+@\S+")
URL_ONLY_RE = programs.compile(r"(?=[hw][tw][tw])(?:https?://|www\.)\S+")  # no "@" in the text: no email address, no word to try one at


def _without_links(text: str) -> str:
    """Each web or email address in the text as the one word "link"; the pattern is run only
    when the text has what every address needs ("://", "www." or "@")."""
    if "@" in text:
        return URL_OR_EMAIL_RE.sub("link", text)
    if "://" in text or "www." in text:
        return URL_ONLY_RE.sub("link", text)
    return text


def _prose(doc: Invitation) -> tuple[str, int]:
    """The sender's own words, without the sign-off, quoted thread, links and list bullets."""
    from .facts.structure import words_end

    start = doc.body.start
    end = words_end(doc)
    text = doc.text[start:end]
    # A bilingual notice is judged on its English: paragraphs in another language are
    # blanked out, line breaks kept, so that offsets still point into the text.
    for span in structure.other_language(doc):
        a, b = max(span.start, start) - start, min(span.end, end) - start
        if a < b:
            text = text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]
    return text, start


LIST_ITEM_RE = programs.compile(r"^\s*(?:[-*•·]|\d+[.)]|[a-z]\)|[A-Za-z][\w ()/'’-]{0,30}:)(?:\s|$)")
SENTENCE_STOP_RE = programs.compile(r"[.!?][)\"'’”]*\s*$")
# A row of a table or a rota: "| Ward 7 | Wednesday 13 January | 10:00 to 13:00 |", or columns
# lined up with tabs or runs of spaces. Each row stands alone; none is part of a sentence.
TABLE_ROW_RE = programs.compile(r"^\s*\||\S(?:\t| {3,})\S")
# A word is a token with a letter or a digit in it: "|", "---" and "–" are not words. The pattern opens
# with its first character's set, which re skips ahead to, and looks behind it for a space or the start
# ("(?<!\S)[^\w\s]+(?!\S)", which re tried at every place: the same matches, in half the time).
NOT_A_WORD_RE = programs.compile(r"[^\w\s](?<!\S.)[^\w\s]*(?!\S)")


# A letterhead, heading, address or "Date: 10 December 2026" line: short, with no sentence in it and no
# list bullet. The length of what there is to read is counted without these.
LABEL_LINE_RE = programs.compile(r"^(?![ \t]*(?:[-*•·]|\d+[.)])[ \t])[ \t]*([^\n.!?]{1,50}[^\n.!?,;:])[ \t]*$", re.M)


def _label_lines(text: str) -> list[str]:
    """LABEL_LINE_RE.findall(text), each line tried on its own: a match never crosses a line break, and a
    line with a stop in it or more than 51 characters between its spaces cannot match, so it is passed
    over (re tried the pattern at every place of every line, backtracking through each long line)."""
    found = []
    for line in text.split("\n"):
        if len(line.strip(" \t")) > 51 or "." in line or "!" in line or "?" in line:
            continue
        label = LABEL_LINE_RE.match(line)
        if label is not None:
            found.append(label.group(1))
    return found


PUNCTUATION_ONLY_HINTS = ("|", "- ", "– ", "—", "•", "* ", "·", "/ ")


def _count_words(text: str) -> int:
    count = len(text.split())
    if any(hint in text for hint in PUNCTUATION_ONLY_HINTS):  # looked for only where one may be
        count -= len(NOT_A_WORD_RE.findall(text))
    return count


# A sentence ends at '.', '!' or '?' followed by a space or the end: the dots inside
# "helen.mbeki@example.nhs.uk", "www.example.org" or "10.30am" do not end it. A dot is
# taken one at a time and the group always ends at a stop or the end, so nothing backtracks.
SENTENCE_RE = programs.compile(r"(?:[^.!?]+|[.!?](?=[^\s.!?]))+(?:[.!?]+|$)")


def _sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, words) for each sentence.

    A line break inside a wrapped paragraph is a space, so a sentence that an
    email client wrapped over three lines is still one sentence; a blank line,
    a list item or a 'Label:' line starts afresh, and so does a line starting
    with a capital after a short line with no punctuation at its end (a heading,
    a date, a line of an address). Each row of a table or rota stands alone.
    """
    units: list[tuple[int, int]] = []
    offset, previous, previous_row = 0, "", False
    has_rows = "|" in text or "\t" in text or "   " in text  # read line by line only where a row may be
    lines = text.split("\n")
    listed = _unmarked_list_lines(lines) if ":" in text else set()
    for i, line in enumerate(lines):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            units.append((start, start))  # a paragraph break
            previous, previous_row = "", False
            continue
        is_row = has_rows and bool(TABLE_ROW_RE.search(line))
        # The unit so far ends with the previous line (not blank), so it ends with ':' when that line does.
        if (units and units[-1][1] > units[-1][0] and not is_row and not previous_row and i not in listed and not LIST_ITEM_RE.match(line)
                and not _after_a_heading(previous, line) and not previous.rstrip().endswith(":")):
            units[-1] = (units[-1][0], end)
        else:
            units.append((start, end))
        previous, previous_row = line, is_row
    found = []
    # A sentence has a link or a punctuation-only token only when the whole text has what one needs.
    links = "@" in text or "://" in text or "www." in text
    hints = any(hint in text for hint in PUNCTUATION_ONLY_HINTS)
    for unit_start, unit_end in units:
        for match in SENTENCE_RE.finditer(text, unit_start, unit_end):
            sentence = match.group(0)
            plain = _without_links(sentence) if links else sentence
            words = _count_words(plain) if hints else len(plain.split())
            if words >= 3:  # headings and fields are not sentences
                lead = len(sentence) - len(sentence.lstrip())
                found.append((match.start() + lead, match.end(), words))
    return found


def _unmarked_list_lines(lines: list[str]) -> set[int]:
    """The lines of a list with no bullets: two or more lines after one ending with ':' ("Members will be
    asked to:") and at most one blank line, up to the next blank line, none of them ending a sentence. A sentence wrapped over lines
    after "Please note:" ends with a full stop, so its lines are read as one."""
    listed: set[int] = set()
    i = 0
    while i < len(lines):
        if lines[i].rstrip().endswith(":"):
            first = i + 1
            if first < len(lines) and not lines[first].strip():
                first += 1  # "… asked to:", a blank line, then the list
            j = first
            while j < len(lines) and lines[j].strip():
                j += 1
            block = range(first, j)
            if len(block) >= 2 and not any(SENTENCE_STOP_RE.search(lines[k]) for k in block):
                listed.update(block)
            i = max(j, i + 1)
        else:
            i += 1
    return listed


def _after_a_heading(previous: str, line: str) -> bool:
    """A line starting with a capital after a short line with no punctuation at its end."""
    return len(previous.strip()) < 60 and not previous.rstrip().endswith((".", ",", ";", ":", "-", "–")) and line.lstrip()[:1].isupper()


WORD_RE = programs.compile(r"[^\W\d_][\w'’-]*")


def flesch(words: list[str], sentence_count: int) -> tuple[float, float]:
    """(reading ease, grade) from the words and the number of sentences."""
    per_sentence = len(words) / max(1, sentence_count)
    per_word = sum(map(syllables, words)) / max(1, len(words))
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return ease, grade


class Measures(Fields):
    """What the metric kind can set limits on, for the sender's own words: the average
    ``sentence_words``, ``section_words`` (the words in the longest part under one heading),
    and ``longest``, the (start, end, words) of the longest sentence as offsets into the text."""

    __slots__ = ("reading_ease", "grade", "sentence_words", "words", "sentences", "longest", "section_words")

    def __init__(self, reading_ease: float, grade: float, sentence_words: float, words: int, sentences: int,
                 longest: tuple[int, int, int], section_words: int | None = None) -> None:
        self.reading_ease, self.grade, self.sentence_words = reading_ease, grade, sentence_words
        self.words, self.sentences, self.longest = words, sentences, longest
        self.section_words = words if section_words is None else section_words

    @property
    def longest_sentence(self) -> int:
        """The words in the longest sentence: one of 70 words loses a reader however short the rest are."""
        return self.longest[2]


def _words_read(text: str) -> int:
    """The words there are to read: letterhead, heading and label lines not counted."""
    return _count_words(text) - _count_words(" ".join(_label_lines(text)))


# A heading written straight over its text, as drafts typed in a word processor have them: in capitals
# ("MEETINGS"), numbered ("3. What members do"), in bold ("**Meetings**") or as a short label ("Meetings:")
NUMBERED_HEADING_RE = re.compile(r"\d{1,2}[.)]?[ \t]+[A-Z][^\n.!?:;,]{0,46}[^\n.!?:;,\s]")
BOLD_HEADING_RE = re.compile(r"(?:\*\*|__)[^\n*_.!?]{2,48}(?:\*\*|__):?")
LABEL_HEADING_RE = re.compile(r"[A-Z][^\n.!?:;,]{1,40}:")
LIST_ITEM_RE = re.compile(r"[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]")


def _heading_over_text(line: str, below: str) -> bool:
    """A short line in a heading's form, with its text on the very next line (which is not another item of a list)."""
    if not below.strip() or LIST_ITEM_RE.match(below) or len(line.split()) > 8:
        return False
    if NUMBERED_HEADING_RE.fullmatch(line) or BOLD_HEADING_RE.fullmatch(line) or LABEL_HEADING_RE.fullmatch(line):
        return True
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and not any(c.islower() for c in letters) and bool(_label_lines(line))


def _is_heading(lines: list[str], i: int) -> bool:
    """A heading that starts a part of a page: "## Payment", or a short line with no sentence in it standing
    alone between blank lines ("Time" or "How to apply" in a page pasted as plain text), or a heading in
    capitals, numbered, in bold or as a label, after a blank line and straight over its text."""
    line = lines[i].strip(" \t")
    if line.startswith("#"):
        return line.lstrip("#")[:1] in (" ", "\t")
    if not line or (i > 0 and lines[i - 1].strip()) or i + 1 >= len(lines):
        return False
    if lines[i + 1].strip():
        return _heading_over_text(line, lines[i + 1])
    return bool(_label_lines(lines[i]))


def _section_words(text: str, words: int) -> int:
    """The words in the longest part of the text under one heading: a page in parts, each under its
    heading, lets a reader go straight to the part they want; one long run of text does not."""
    if "\n\n" not in text and "#" not in text:
        return words
    lines = text.split("\n")
    starts = [i for i in range(len(lines)) if _is_heading(lines, i)]
    if not starts:
        return words
    bounds = [0, *starts, len(lines)]
    return max(_words_read("\n".join(lines[a:b])) for a, b in zip(bounds, bounds[1:]))


def measure(doc: Invitation, min_words: int) -> Measures | None:
    """The measures, or None when the text is too short for them to mean much."""
    prose, offset = _prose(doc)
    clean = _without_links(prose)
    words = _words_read(clean)
    sentences = _sentences(prose)
    if words < min_words or not sentences:
        return None
    ease, grade = flesch(WORD_RE.findall(clean), len(sentences))
    average = sum(n for _, _, n in sentences) / len(sentences)
    start, end, count = max(sentences, key=lambda s: s[2])
    return Measures(ease, grade, average, words, len(sentences), (offset + start, offset + end, count),
                    _section_words(clean, words))
