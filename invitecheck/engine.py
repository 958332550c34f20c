"""The engine: (invitation, rules, settings) -> result records. Pure, no output.

One list of :class:`FileResult` records feeds every output format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from . import scoring
from .document import Attachment, Invitation
from .fields import Record
from .kinds import KINDS
from .kinds.base import FAIL, NOT_APPLICABLE, PASS, Context, PatternTimeout
from .loaders import Limits, LoadError, load_path
from .measured import figure
from .rules import Rule
from .suppressions import MAX_DIRECTIVES

EXCERPT_WIDTH = 120
# Findings listed for one file: a text that trips a rule thousands of times (9,529
# in one file) would bury the report; the rest are counted in a note.
MAX_FINDINGS_PER_CHECK = 25
MAX_FINDINGS_PER_FILE = 200
FORCE_HINT = "To check it anyway, use --force, or set all_invitations: true in the configuration."


@dataclass
class Settings:
    sent: date | None = None  # overrides the Date header
    sent_from_cli: bool = False  # a --sent on the command line beats a per_file 'sent' 
    attachments: tuple[str, ...] = ()  # --attach: files that go with a draft
    today: date = field(default_factory=date.today)
    limits: Limits = field(default_factory=Limits)
    # Rules read at most this many characters of one invitation (about 60 pages);
    # the report says when a text was cut.
    max_text: int = 200_000
    debug: bool = False  # let internal errors raise, with their traceback
    # Score only what looks like an involvement invitation (classify.py); --force and
    # the configuration's all_invitations turn this off.
    only_invitations: bool = False
    notes: tuple[str, ...] = ()  # said in every file's report: where the rules in use came from


@dataclass
class FindingRecord:
    """One finding. ``line`` and ``column`` count the reader's view (what the human report
    shows); ``file_line`` and ``file_column`` point into the file, as ``position`` says
    (see ``locate.POSITIONS``): machine formats use those. They are worked out when first
    read (from ``where``), as only the machine formats need them, and for an email that
    means finding the view's lines in the .eml file."""

    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    suggestion: str
    highlight: tuple[int, int]  # the matched words, as offsets into the excerpt
    start: int = 0  # the matched words, as offsets into the invitation's text
    end: int = 0
    values: dict = field(default_factory=dict)  # details for the reader's report and the reply
    # Gives (file_line, file_column, file_end_line, file_end_column, position); None: the view is the file.
    where: Callable[[], tuple[int, int, int, int, str]] | None = field(default=None, repr=False, compare=False)

    @property
    def file_place(self) -> tuple[int, int, int, int, str]:
        """(line, column, end line, end column, position) in the file, worked out once."""
        place = self.__dict__.get("_file_place")
        if place is None:
            where = self.where
            place = where() if where is not None else (self.line, self.column, self.end_line, self.end_column, "line")
            self._file_place, self.where = place, None
        return place

    def __getstate__(self) -> dict:
        """For another process (a worker's results): the place is worked out here, where the invitation is."""
        self.file_place  # noqa: B018 (worked out and kept)
        return {**self.__dict__, "where": None}

    @property
    def file_line(self) -> int:
        return self.file_place[0]

    @property
    def file_column(self) -> int:
        return self.file_place[1]

    @property
    def file_end_line(self) -> int:
        return self.file_place[2]

    @property
    def file_end_column(self) -> int:
        return self.file_place[3]

    @property
    def position(self) -> str:
        return self.file_place[4]

    def to_dict(self) -> dict:
        file_line, file_column, file_end_line, file_end_column, position = self.file_place
        return {
            "message": self.message, "line": file_line, "column": file_column,
            "end_line": file_end_line, "end_column": file_end_column, "position": position,
            "view_line": self.line, "view_column": self.column,
            "excerpt": self.excerpt, "suggestion": self.suggestion,
        }


class CheckRecord(Record):
    """One rule's result for one file: its status, findings, note and evidence. ``measured``, for a
    bundled rule that failed, is how often its failures were right on invitations it was never
    tuned on (see ``measured.py``): every format shows it from here."""

    _fields = ("rule", "title", "status", "severity", "weight", "findings", "note", "evidence", "data", "measured")

    def __init__(self, rule: str, title: str, status: str, severity: str, weight: int,
                 findings: list[FindingRecord] | None = None, note: str = "", evidence: str = "",
                 data: dict | None = None, measured: dict | None = None) -> None:
        self.rule, self.title, self.status, self.severity, self.weight = rule, title, status, severity, weight
        self.findings = [] if findings is None else findings
        self.note, self.evidence = note, evidence
        self.data = {} if data is None else data
        self.measured = measured

    def to_dict(self) -> dict:
        data = {"rule": self.rule, "title": self.title, "status": self.status,
                "severity": self.severity, "weight": self.weight,
                "findings": [f.to_dict() for f in self.findings]}
        if self.note:
            data["note"] = self.note
        if self.evidence:
            data["evidence"] = self.evidence
        if self.data:
            data["data"] = self.data
        if self.measured:
            data["measured"] = self.measured
        return data


class FileResult(Record):
    """One file's result, the record every output format reads. source_format is what the file was read
    as ("email", "text", "docx" …: what its line numbers count); skipped, why it was not scored (it does
    not look like an invitation); defects, what the email parser found broken in the message; suppressed,
    the findings hidden by inline suppressions; warnings, stale suppressions ({"line": n, "message": "…"});
    invitation, kept for reporters that show the text."""

    _fields = ("path", "error", "score", "verdict", "sender", "sent", "sent_from", "subject", "source_format",
               "skipped", "checks", "notes", "defects", "suppressed", "warnings", "invitation")

    def __init__(self, path: str, error: str | None = None, score: int | None = None, verdict: str | None = None,
                 sender: str = "", sent: str | None = None, sent_from: str = "", subject: str = "",
                 source_format: str = "", skipped: str | None = None, checks: list[CheckRecord] | None = None,
                 notes: list[str] | None = None, defects: list[str] | None = None, suppressed: int = 0,
                 warnings: list[dict] | None = None, invitation: Invitation | None = None) -> None:
        self.path, self.error, self.score, self.verdict = path, error, score, verdict
        self.sender, self.sent, self.sent_from, self.subject = sender, sent, sent_from, subject
        self.source_format, self.skipped = source_format, skipped
        self.checks = [] if checks is None else checks
        self.notes = [] if notes is None else notes
        self.defects = [] if defects is None else defects
        self.suppressed = suppressed
        self.warnings = [] if warnings is None else warnings
        self.invitation = invitation

    def to_dict(self) -> dict:
        if self.error is not None:
            return {"path": self.path, "status": "unreadable", "error": self.error}
        if self.skipped is not None:
            return {"path": self.path, "status": "skipped", "reason": self.skipped}
        return {"path": self.path, "status": "checked", "score": self.score, "verdict": self.verdict,
                "sender": self.sender, "sent": self.sent, "sent_from": self.sent_from,
                "subject": self.subject, "checks": [c.to_dict() for c in self.checks],
                "suppressed": self.suppressed, "warnings": self.warnings, "notes": self.notes,
                "defects": self.defects[:20]}

    @property
    def skipped_sentence(self) -> str:
        """What every format says about a file it did not score."""
        return f"Not checked: {self.skipped}. {FORCE_HINT}"

    @property
    def failed(self) -> list[CheckRecord]:
        return [c for c in self.checks if c.status == "fail"]


def _excerpt(doc: Invitation, start: int, end: int) -> tuple[str, tuple[int, int]]:
    line = doc.line_span(start)
    end = min(end, line.end) if end > start else start
    left, right = line.start, line.end
    if right - left > EXCERPT_WIDTH:
        left = max(line.start, start - EXCERPT_WIDTH // 3)
        right = min(line.end, left + EXCERPT_WIDTH)  # a long match is shown cut, with "…"
    raw = doc.text[left:right]
    stripped = raw.lstrip()
    lead = len(raw) - len(stripped)
    prefix = "…" if left > line.start else ""
    suffix = "…" if right < line.end else ""
    text = prefix + stripped.rstrip() + suffix
    offset = len(prefix) - lead - left
    a = max(len(prefix), start + offset)
    b = max(a, min(end + offset, len(text) - len(suffix)))
    return text, (a, b)


def _file_place(doc: Invitation, start: int, end: int, line: int, column: int, end_line: int, end_column: int) -> tuple[int, int, int, int, str]:
    """Where the words from ``start`` to ``end`` are in the file: (line, column, end line, end column, how)."""
    file_line, file_column, how = doc.file_position(start)
    file_end_line, file_end_column, end_how = doc.file_position(end)
    if how != "line":  # no exact place: the region is that one line
        file_end_line, file_end_column = file_line, file_column
    elif end_how != "line" or file_end_line < file_line:  # the end's line is not known: stop at the start's line
        file_end_line, file_end_column = file_line, file_column + (end_column - column if end_line == line else 1)
    return file_line, file_column, file_end_line, file_end_column, how


def _record(doc: Invitation, finding) -> FindingRecord:
    start, end = finding.start, max(finding.end, finding.start)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    excerpt, highlight = _excerpt(doc, finding.start, finding.end)
    values = {"match": " ".join(doc.text[finding.start : finding.end].split()), **finding.values}
    where = None
    if doc.source_format in ("docx", "outlook") or doc.has_places:
        where = partial(_file_place, doc, start, end, line, column, end_line, end_column)
    return FindingRecord(finding.message, line, column, end_line, end_column, excerpt, finding.suggestion, highlight,
                         finding.start, finding.end, values, where)


def sender_label(doc: Invitation) -> str:
    """Who it is from, as the report shows it: for a forward, who sent what was forwarded."""
    from .facts.structure import sender

    found = sender(doc)
    if found.name and found.address:
        return f"{found.name} <{found.address}>"
    return found.name or found.address or "(no sender given)"


def _attached_file(path: str) -> Attachment:
    """An --attach file: its name, and what it says when it is there to read."""
    from pathlib import Path

    from .loaders.documents import MAX_DOCUMENT_BYTES, extract_text

    file = Path(path)
    try:
        if file.is_file() and file.stat().st_size <= MAX_DOCUMENT_BYTES:
            data = file.read_bytes()
            return Attachment(name=file.name, size=len(data), text=extract_text(file.name, "", data))
    except OSError:
        pass
    return Attachment(name=file.name)


def scoped(ctx: Context, doc: Invitation, rule: Rule) -> Context:
    """The context for one rule: the parts of the text its scope covers.

    The engine applies scope here, so every kind that honours scope (its
    contract lists the scopes it can) reads only these parts.
    """
    return Context(ctx.sent, ctx.sent_from, tuple(doc.spans(rule.scope)))


def check_invitation(doc: Invitation, rules: list[Rule], settings: Settings) -> FileResult:
    if settings.sent is not None:
        ctx = Context(settings.sent, "--sent" if settings.sent_from_cli else "configuration")
    elif doc.sent is not None:
        ctx = Context(doc.sent.date(), "Date header")
    else:
        ctx = Context(settings.today, "today")
    if settings.attachments:
        doc.attachments = doc.attachments + [_attached_file(path) for path in settings.attachments]
        doc.attachments_declared = True

    # A configured role_words (named-sender's option) is seen by the facts and the reply too.
    doc.role_words = frozenset().union(*(rule.compiled for rule in rules if rule.kind == "sender" and rule.compiled))
    checks, notes, suppressed, listed = [], list(doc.notes) + list(settings.notes), 0, 0
    if len(doc.text) > settings.max_text:
        doc = doc.truncated(settings.max_text)
        notes.append(f"Only the first {settings.max_text:,} characters were checked; the rest is longer than any invitation needs (see --max-text).")
    contexts: dict[str, Context] = {}  # one per scope: most rules share "body" or "all"
    for rule in rules:
        rule_ctx = contexts.get(rule.scope)
        if rule_ctx is None:
            rule_ctx = contexts[rule.scope] = scoped(ctx, doc, rule)
        try:
            outcome = KINDS[rule.kind].check(rule, doc, rule_ctx)
        except PatternTimeout as timeout:
            notes.append(f"Rule '{rule.id}' was skipped: its pattern '{timeout.pattern[:60]}' took too long on this text.")
            checks.append(CheckRecord(rule.id, rule.title, NOT_APPLICABLE, rule.severity, rule.weight, note="pattern timed out"))
            continue
        findings, hidden = _unsuppressed(doc, rule.id, [_record(doc, f) for f in outcome.findings])
        suppressed += hidden
        keep = max(0, min(MAX_FINDINGS_PER_CHECK, MAX_FINDINGS_PER_FILE - listed))
        if len(findings) > keep:
            notes.append(f"Rule '{rule.id}' found {len(findings):,} problems; only the first {keep} are listed.")
        findings_shown = findings[:keep]
        listed += len(findings_shown)
        status = PASS if outcome.status == FAIL and hidden and not findings else outcome.status
        measured = _measured(rule) if status == FAIL else None
        checks.append(CheckRecord(rule.id, rule.title, status, rule.severity, rule.weight, findings_shown, outcome.note,
                                  outcome.evidence, outcome.data, measured))

    value = scoring.score(checks)
    warnings = _stale_suppressions(doc, {rule.id for rule in rules})
    return FileResult(
        path=doc.path, score=value, verdict=scoring.verdict(checks, value),
        sender=sender_label(doc), sent=ctx.sent.isoformat(), sent_from=ctx.sent_from,
        subject=doc.subject_text, checks=checks, notes=notes, invitation=doc, source_format=doc.source_format,
        suppressed=suppressed, warnings=warnings, defects=list(doc.defects),
    )


def _measured(rule: Rule) -> dict | None:
    """How often a bundled rule's failures were right on invitations it was never tuned on; a user's rule has no figure."""
    return figure(rule.id) if rule.bundled else None


def _unsuppressed(doc: Invitation, rule_id: str, findings: list[FindingRecord]) -> tuple[list[FindingRecord], int]:
    kept = []
    for finding in findings:
        directive = doc.suppressions.covering(rule_id, finding.line)
        if directive is None:
            kept.append(finding)
        else:
            directive.used = True
    return kept, len(findings) - len(kept)


def _stale_suppressions(doc: Invitation, rule_ids: set[str]) -> list[dict]:
    warnings = []
    if doc.suppressions.ignored:
        line = doc.suppressions.directives[-1].line
        warnings.append({"line": line, "message": f"Only the first {MAX_DIRECTIVES} suppressions are used; the {doc.suppressions.ignored:,} after this line are ignored."})
    for directive in doc.suppressions.directives:
        for name in directive.rules:
            if name not in rule_ids:
                warnings.append({"line": directive.line, "message": f"The suppression names '{name}', but no rule is called that."})
    for directive in doc.suppressions.unused():
        what = "of " + ", ".join(directive.rules) + " " if directive.rules else ""
        warnings.append({"line": directive.line, "message": f"The suppression {what}matched no finding: remove it."})
    return sorted(warnings, key=lambda w: w["line"])


def check_path(path: str, rules: list[Rule], settings: Settings) -> FileResult:
    """Load and check one file; any failure becomes a one-sentence error on this file only."""
    try:
        doc = load_path(path, settings.limits)
        if settings.only_invitations:
            from .classify import default_classifier

            invitation, why = default_classifier().classify(doc)
            if not invitation:
                return FileResult(path=doc.path, skipped=f"it does not look like an involvement invitation ({why})",
                                  subject=doc.subject_text, source_format=doc.source_format)
        return check_invitation(doc, rules, settings)
    except LoadError as error:
        return FileResult(path=path, error=str(error))
    except RecursionError:
        return FileResult(path=path, error=f"{path}: the message is nested too deeply to read")
    except MemoryError:
        return FileResult(path=path, error=f"{path}: the message is too large to read in memory")
    except Exception as error:  # a bug of ours must not stop the other files
        if settings.debug:
            raise
        return FileResult(path=path, error=f"{path}: could not be checked because of an internal error ({type(error).__name__}: {error}); please report it")


def check_text(text: str, rules: list[Rule], settings: Settings, name: str = "example.txt") -> FileResult:
    """Check a draft given as text: how rule examples are run."""
    from .loaders.text import load_text

    return check_invitation(load_text(text.encode("utf-8"), name), rules, settings)


def example_mismatches(rule: Rule, settings: Settings) -> list[tuple[str, str, str]]:
    """The rule's own examples that do not behave as labelled: (label, text, status)."""
    wrong = []
    for label in ("fail", "pass"):
        for text in rule.examples.get(label, []):
            status = check_text(text, [rule], settings).checks[0].status
            if (status == "fail") != (label == "fail"):
                wrong.append((label, text, status))
    return wrong
