"""What every kind shares: its contract, findings, outcomes, bounded pattern matching, messages."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any, Iterator

import re

from .. import programs
from ..document import Invitation, Span
from ..fields import Fields, Record
from ..rules import RuleError, gather
from ..prefilter import lowercase_safe, required_literals, searchable

# A user's pattern gets this long on one text before it is stopped. The
# `regex` engine enforces it, so a catastrophic pattern cannot hang a run.
# The bundled rules' patterns are ours (tests/test_startup.py compiles them all,
# and the hostile-input tests run them): they compile for the standard `re`,
# whose programs the start-up cache keeps, so a plain check never imports `regex`.
# A bundled pattern `re` cannot read (a look-behind of varying width) stays on `regex`.
MATCH_TIMEOUT_SECONDS = 1.0
MAX_PATTERNS = 500
MAX_PATTERN_LENGTH = 2000

PASS, FAIL, NOT_APPLICABLE = "pass", "fail", "not-applicable"

ALL_SCOPES = ("body", "subject", "signature", "all")


class Option(Fields):
    """One field a kind adds to a rule file: its types, its default and a one-line doc."""

    __slots__ = ("types", "doc", "default", "required")

    def __init__(self, types: tuple[type, ...], doc: str, default: Any = None, required: bool = False) -> None:
        self.types, self.doc, self.default, self.required = types, doc, default, required


class Contract(Fields):
    """What a kind promises the people who write rules with it.

    - ``doc``: one line, what a rule of this kind checks;
    - ``options``: the fields it adds to a rule file, each an :class:`Option`;
    - ``placeholders``: the ``{names}`` its message, suggestion and reader text
      may use (the loader refuses any other);
    - ``scopes``: the scopes it honours (the loader refuses any other); the first
      is the default when a rule gives none.

    Every kind module defines one as ``CONTRACT``; the loader, ``explain`` and
    the README's kind table all read it.
    """

    __slots__ = ("doc", "options", "placeholders", "scopes")

    def __init__(self, doc: str, options: dict[str, Option] | None = None, placeholders: tuple[str, ...] = ("match",),
                 scopes: tuple[str, ...] = ("body",)) -> None:
        self.doc, self.options, self.placeholders, self.scopes = doc, {} if options is None else options, placeholders, scopes


class PatternTimeout(Exception):
    """A pattern ran past MATCH_TIMEOUT_SECONDS on one text."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


class Finding(Record):
    _fields = ("start", "end", "message", "suggestion", "values")

    def __init__(self, start: int, end: int, message: str, suggestion: str = "", values: dict | None = None) -> None:
        self.start, self.end = start, end  # offsets into the Invitation's text
        self.message, self.suggestion = message, suggestion
        # Details for the reader's report and the reply ("days", "date", "variant" …).
        self.values = {} if values is None else values


class Outcome(Record):
    _fields = ("status", "findings", "note", "evidence", "data")

    def __init__(self, status: str, findings: list[Finding] | None = None, note: str = "", evidence: str = "",
                 data: dict | None = None) -> None:
        self.status = status
        self.findings = [] if findings is None else findings
        self.note = note  # why the rule was not applicable, or what it saw
        self.evidence = evidence  # what confirmed a pass, shown to the reader ("Doc1.docx is the application form: …")
        self.data = {} if data is None else data  # facts for summaries, such as the days of notice


class Context(Fields):
    """What a check needs besides the invitation: the resolved send date, where it
    came from ("--sent", "Date header", "today"), and the parts of the text the
    rule's scope covers (the engine works them out)."""

    __slots__ = ("sent", "sent_from", "spans")

    def __init__(self, sent: date, sent_from: str, spans: tuple[Span, ...] = ()) -> None:
        self.sent, self.sent_from, self.spans = sent, sent_from, spans


class Pattern:
    """A rule's pattern, matched case-insensitively and in bounded time.

    A pattern written without capital letters or inline flags also gets a
    case-sensitive twin, run over the lower-cased text: the same matches, found
    in about half the time.

    Compiling is the slow part of starting a check, and a text needs few of the
    patterns (most lack a word the text has; see ``possible``). So each form is
    compiled when first used; ``check()`` compiles now, which the loader does
    for every rule but the bundled ones (see ``compiled_when_used``).
    """

    __slots__ = ("source", "bundled", "_insensitive", "_lowered", "_safe", "_needs")

    def __init__(self, source: str, bundled: bool = False) -> None:
        self.source, self.bundled = source, bundled
        self._insensitive = self._lowered = self._safe = None
        self._needs = False  # not worked out yet

    def _compile(self, flags: int):
        """A bundled pattern for `re` (from the start-up cache); a user's, or one `re` cannot read, for `regex`."""
        if self.bundled:
            source = searchable(self.source, flags)  # re skips to where a match can begin
            try:
                return programs.compile(source, flags)
            except re.error:
                pass
        import regex  # about 50 million instructions to import: only for the patterns that need it

        return regex.compile(self.source, flags)

    def check(self) -> None:
        """Compile the form a check will use, so that a bad pattern is reported now."""
        if self.lowered is None:
            self.insensitive  # noqa: B018 (compiled for its error)

    @property
    def needs(self) -> frozenset[str] | None:
        """Words it cannot match without, or None."""
        if self._needs is False:
            self._needs = required_literals(self.source)
        return self._needs

    @property
    def lowered(self):
        """The case-sensitive twin for lower-cased text, or None when lower-casing could change a match."""
        if self._safe is None:
            self._safe = lowercase_safe(self.source)
        if self._safe and self._lowered is None:
            self._lowered = self._compile(re.MULTILINE)
        return self._lowered

    @property
    def insensitive(self):
        # For a pattern with a lower-case twin, needed only for the rare text where lower-casing moves offsets.
        if self._insensitive is None:
            self._insensitive = self._compile(re.IGNORECASE | re.MULTILINE)
        return self._insensitive

    @property
    def groups(self) -> int:
        return (self.lowered or self.insensitive).groups

    @property
    def pattern(self) -> str:
        return self.source

    def choose(self, doc: Invitation):
        """The compiled pattern and the text to run it over."""
        if self.lowered is not None:
            lowered = doc.lowered
            if lowered is not None:
                return self.lowered, lowered
        return self.insensitive, doc.text

    def possible(self, doc: Invitation) -> bool:
        """False when the text lacks every word the pattern needs (so it cannot match)."""
        if self.needs is None:
            return True
        return doc.contains_any(self.needs)


# Set while the bundled rules load: their patterns compile when first used. Every
# one of them is compiled by tests/test_startup.py, so none can fail later; a
# user's rule is compiled as it loads, so a bad pattern is reported then.
_COMPILE_WHEN_USED: ContextVar[bool] = ContextVar("compile_when_used", default=False)


@contextmanager
def compiled_when_used():
    """Within this, patterns are compiled when first used, not when their rule loads."""
    token = _COMPILE_WHEN_USED.set(True)
    try:
        yield
    finally:
        _COMPILE_WHEN_USED.reset(token)


def compile_pattern(text: str, field_name: str) -> Pattern:
    if not isinstance(text, str) or not text:
        raise _field_error(field_name, f"each pattern in '{field_name}' must be non-empty text")
    if len(text) > MAX_PATTERN_LENGTH:
        raise _field_error(field_name, f"a pattern in '{field_name}' is longer than {MAX_PATTERN_LENGTH} characters")
    bundled = _COMPILE_WHEN_USED.get()
    pattern = Pattern(text, bundled)
    if not bundled:
        import regex

        try:
            pattern.check()
        except (regex.error, OverflowError, RecursionError) as error:
            raise _field_error(field_name, f"the pattern '{text}' in '{field_name}' does not compile ({error})") from None
    return pattern


def compile_patterns(items, field_name: str, required: bool = True) -> list[Pattern]:
    if items is None:
        items = []
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list):
        raise _field_error(field_name, f"'{field_name}' must be a list of patterns")
    if required and not items:
        raise _field_error(field_name, f"'{field_name}' needs at least one pattern")
    if len(items) > MAX_PATTERNS:
        raise _field_error(field_name, f"'{field_name}' has more than {MAX_PATTERNS} patterns")
    # Every bad pattern is reported, not only the first.
    return gather(enumerate(items), lambda index, item: compile_pattern(item, field_name))


def compile_fields(options: dict, fields: dict[str, bool]) -> dict[str, list[Pattern]]:
    """Several pattern fields (name -> required) at once, with the problems of all of them."""
    made = gather(fields.items(), lambda name, required: compile_patterns(options[name], name, required=required), mark_item=False)
    return dict(zip(fields, made))


def _field_error(field_name: str, message: str) -> RuleError:
    return RuleError(message, field=field_name)


def _attempts(patterns: list[Pattern], doc: Invitation, spans: list[Span]):
    """(pattern, compiled, text, span) for each pattern that could match here, span by span."""
    for pattern in patterns:
        if pattern.possible(doc):
            compiled, text = pattern.choose(doc)
            for span in spans:
                yield pattern, compiled, text, span


def _bounded(compiled) -> dict:
    """The time limit for a search: `regex` takes one; `re` (a bundled pattern) does not."""
    return {} if type(compiled) is re.Pattern else {"timeout": MATCH_TIMEOUT_SECONDS}


def matches(patterns: list[Pattern], doc: Invitation, spans: list[Span]) -> Iterator:
    """Every match of every pattern in the spans, each search bounded in time.

    Take a match's words from ``doc.text[m.start():m.end()]``: the match itself
    may have been found in the lower-cased text.
    """
    for pattern, compiled, text, span in _attempts(patterns, doc, spans):
        try:
            yield from compiled.finditer(text, span.start, span.end, **_bounded(compiled))
        except TimeoutError:
            raise PatternTimeout(pattern.source) from None


def _search(pattern: Pattern, compiled, text: str, span: Span):
    try:
        return compiled.search(text, span.start, span.end, **_bounded(compiled))
    except TimeoutError:
        raise PatternTimeout(pattern.source) from None


def first_match(patterns: list[Pattern], doc: Invitation, spans: list[Span]):
    best = None
    for attempt in _attempts(patterns, doc, spans):
        found = _search(*attempt)
        if found and (best is None or found.start() < best.start()):
            best = found
    return best


def any_match(patterns: list[Pattern], doc: Invitation, spans: list[Span]) -> bool:
    """Does any pattern match? Stops at the first that does."""
    return any(_search(*attempt) for attempt in _attempts(patterns, doc, spans))


def in_body(pattern, doc: Invitation, end: int):
    """The first match of one of our own CaseFree patterns between the body's start and ``end``."""
    return pattern.search(doc.text, doc.lowered, doc.body.start, end)


def words(doc: Invitation, match) -> str:
    """The matched words as the invitation has them (not lower-cased)."""
    return doc.text[match.start() : match.end()]


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, **values) -> str:
    """Fill a rule's message; quoted text is put on one line."""
    values = {key: " ".join(str(value).split()) for key, value in values.items()}
    try:
        return template.format_map(_Keep(values))
    except (ValueError, IndexError, AttributeError):
        return template


def without_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep the first, longest finding where several cover the same words."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def inside(evidence, spans, end: int) -> bool:
    """Is a fact's evidence inside one of a rule's spans (and before ``end``, where the sender's words stop)?"""
    return evidence.end <= end and any(span.start <= evidence.start and evidence.end <= span.end for span in spans)


def scope_start(doc: Invitation, spans: list[Span]) -> int:
    """Where an 'is missing' finding points: the first non-blank character of the scope."""
    if not spans:
        return doc.body.start
    start = spans[-1].start if len(spans) > 1 else spans[0].start  # the body, when both
    text = doc.text
    while start < len(text) and text[start].isspace():
        start += 1
    return min(start, len(text))
