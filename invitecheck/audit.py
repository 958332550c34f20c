"""Auditing a mailbox: one small record per message, and a summary built as they stream past.

The summary keeps counts, each organisation's scores and the few best and worst
invitations, never the messages themselves, so memory stays flat however large
the mailbox.
"""

from __future__ import annotations

import heapq
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .classify import Classifier
from .facts import of_result
from .engine import Settings, check_invitation
from .printable import printable
from .loaders import LoadError, load_bytes, load_path
from .rules import Rule
from .sources import Item

# Webmail and NHSmail addresses are shared by many organisations: for these the
# organisation is taken from the signature instead.
SHARED_DOMAINS = {
    "nhs.net", "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.co.uk",
    "yahoo.com", "yahoo.co.uk", "btinternet.com", "icloud.com", "me.com", "aol.com", "mail.com", "protonmail.com",
    "virginmedia.com", "sky.com", "talktalk.net",
}
ORGANISATION_RE = re.compile(
    r"\b(?:NHS|Trust|ICB|CCG|Healthwatch|Council|University|Hospital|Hospitals|Practice|Surgery|Charity|Foundation|"
    r"Partnership|Alliance|Network|Hospice|Infirmary|College|Institute|Society|Association|Centre|Service|Services|Group)\b"
)
MESSAGE_ID_RE = re.compile(rb"^message-id:[ \t]*(<[^>\r\n]{1,500}>)", re.I | re.M)
HEADER_BYTES = 64 * 1024  # a Message-ID is looked for in the headers, within this many bytes
FEW = 3  # an organisation with fewer invitations than this is ranked after the others
NAMED_UNREADABLE = 100  # how many unreadable messages are named in the summary
NOTICE_BUCKETS = ("instant (today, close of play…)", "under 7 days", "7 to 13 days", "14 to 27 days", "28 days or more", "no date given")
TOP = 5


def organisation(doc) -> tuple[str, str]:
    """(domain, organisation): the sender's domain, or for a shared one the organisation in the signature."""
    domain = doc.sender_address.rsplit("@", 1)[-1].lower().strip(">") if "@" in doc.sender_address else ""
    if domain and domain not in SHARED_DOMAINS:
        return domain, domain
    sig = doc.signature
    for line in reversed(doc.text[sig.start : sig.end].split("\n")):
        for part in reversed(re.split(r"\s*[,|]\s*", line.strip())):
            if ORGANISATION_RE.search(part) and not re.search(r"\d|@", part) and len(part) <= 80:
                return domain, part
    return domain, domain or "(unknown sender)"


def notice_bucket(record: dict) -> str:
    if record.get("instant"):
        return NOTICE_BUCKETS[0]
    days = record.get("notice_days")
    if days is None:
        return NOTICE_BUCKETS[5]
    if days < 7:
        return NOTICE_BUCKETS[1]
    if days < 14:
        return NOTICE_BUCKETS[2]
    if days < 28:
        return NOTICE_BUCKETS[3]
    return NOTICE_BUCKETS[4]


def message_id(data: bytes) -> str | None:
    """The Message-ID in a message's headers (before the first blank line), or None."""
    head = data[:HEADER_BYTES]
    end = min((i for i in (head.find(b"\n\n"), head.find(b"\r\n\r\n")) if i >= 0), default=len(head))
    found = MESSAGE_ID_RE.search(head, 0, end)
    return found.group(1).decode("ascii", "replace") if found else None


def _head(item: Item) -> bytes:
    if item.data is not None:
        return item.data
    try:
        with open(item.name, "rb") as handle:
            return handle.read(HEADER_BYTES)
    except OSError:
        return b""


def audit_record(item: Item, rules: list[Rule], settings: Settings, classifier: Classifier, everything: bool) -> dict:
    """The audit's record of one message. Never raises: a message that cannot be read says why."""
    if item.error:
        return {"name": item.name, "status": "unreadable", "error": item.error}
    try:
        # A message cut from an mbox is an email, even with only the headers a draft may have
        # (From, Subject, Date): as a draft, an unreadable Date header refused the whole message.
        doc = load_bytes(item.data, item.name, "email", settings.limits) if item.data is not None else load_path(item.name, settings.limits)
        invitation, why = classifier.classify(doc)
        base = {"name": item.name, "subject": doc.subject_text[:200], "message_id": message_id(_head(item)),
                "date": doc.sent.date().isoformat() if doc.sent else None}
        if not invitation and not everything:
            return {**base, "status": "skipped", "reason": why}
        result = check_invitation(doc, rules, settings)
        domain, org = organisation(doc)
        times = of_result(result).times  # the facts, not a rule's data: disabling a rule changes nothing here
        return {
            **base, "status": "invitation" if invitation else "other", "sender": result.sender, "domain": domain,
            "organisation": org, "score": result.score, "verdict": result.verdict,
            "checks": {c.rule: c.status for c in result.checks},
            "failed": [c.title for c in result.failed],
            "notice_days": times.notice_days, "instant": bool(times.instants),
        }
    except LoadError as error:
        return {"name": item.name, "status": "unreadable", "error": str(error)}
    except RecursionError:
        return {"name": item.name, "status": "unreadable", "error": f"{item.name}: the message is nested too deeply to read"}
    except Exception as error:  # one bad message must not stop a year's audit
        return {"name": item.name, "status": "unreadable",
                "error": f"{item.name}: could not be checked because of an internal error ({type(error).__name__}: {error})"}


@dataclass
class Summary:
    """Totals built up one record at a time."""

    messages: int = 0
    duplicates: int = 0  # a Message-ID seen before: counted once, here, and not again
    invitations: int = 0
    others: int = 0  # checked with --all, though not invitations
    skipped: int = 0
    unreadable: int = 0
    unreadable_reasons: Counter = field(default_factory=Counter)
    unreadable_named: list = field(default_factory=list)  # the first NAMED_UNREADABLE: {"name", "error"}
    seen_ids: set = field(default_factory=set)  # hashes of the Message-IDs seen, smaller than the IDs
    scores: dict = field(default_factory=lambda: defaultdict(list))  # organisation -> scores
    failings: dict = field(default_factory=lambda: defaultdict(Counter))  # organisation -> failed titles
    dates: dict = field(default_factory=dict)  # organisation -> [first date, last date] of its invitations
    all_failings: Counter = field(default_factory=Counter)
    notice: Counter = field(default_factory=Counter)
    worst: list = field(default_factory=list)  # heaps of (score, order, record)
    best: list = field(default_factory=list)

    def add(self, record: dict) -> None:
        self.messages += 1
        ident = record.get("message_id")
        if ident:
            key = hash(ident)
            if key in self.seen_ids:
                self.duplicates += 1
                return
            self.seen_ids.add(key)
        status = record["status"]
        if status == "unreadable":
            self.unreadable += 1
            self.unreadable_reasons[_reason(record["error"])] += 1
            if len(self.unreadable_named) < NAMED_UNREADABLE:
                self.unreadable_named.append({"name": record["name"], "error": record["error"]})
            return
        if status == "skipped":
            self.skipped += 1
            return
        if status == "invitation":
            self.invitations += 1
        else:
            self.others += 1
        org = record["organisation"]
        self.scores[org].append(record["score"])
        self.failings[org].update(record["failed"])
        if record.get("date"):
            span = self.dates.setdefault(org, [record["date"], record["date"]])
            span[0], span[1] = min(span[0], record["date"]), max(span[1], record["date"])
        self.all_failings.update(record["failed"])
        self.notice[notice_bucket(record)] += 1
        brief = {k: record.get(k) for k in ("name", "date", "subject", "organisation", "score")}
        score, order = record["score"], self.messages
        # Bounded heaps: the worst keeps the TOP lowest scores, the best the TOP highest.
        if len(self.worst) < TOP:
            heapq.heappush(self.worst, (-score, order, brief))
        elif -score > self.worst[0][0]:
            heapq.heapreplace(self.worst, (-score, order, brief))
        if len(self.best) < TOP:
            heapq.heappush(self.best, (score, order, brief))
        elif score > self.best[0][0]:
            heapq.heapreplace(self.best, (score, order, brief))

    def to_dict(self) -> dict:
        league = []
        for org, scores in self.scores.items():
            first, last = self.dates.get(org, (None, None))
            league.append({
                "organisation": org, "invitations": len(scores), "median_score": float(statistics.median(scores)),
                "first_date": first, "last_date": last,
                "most_common_failings": [title for title, _ in self.failings[org].most_common(3)],
            })
        # Where the problems are: organisations with enough invitations to judge come first, the lowest
        # median first; those with only one or two follow, as one invitation says little about an organisation.
        league.sort(key=lambda row: (row["invitations"] < FEW, row["median_score"], -row["invitations"], row["organisation"]))
        return {
            "messages": self.messages, "duplicates": self.duplicates, "invitations": self.invitations,
            "others_checked": self.others, "skipped": self.skipped, "unreadable": self.unreadable,
            "unreadable_reasons": dict(self.unreadable_reasons.most_common()),
            "unreadable_messages": self.unreadable_named,
            "league": league,
            "most_common_failings": dict(self.all_failings.most_common(10)),
            "notice": {bucket: self.notice.get(bucket, 0) for bucket in NOTICE_BUCKETS},
            "worst": [entry for _, _, entry in sorted(self.worst, key=lambda e: (-e[0], e[1]))],
            "best": [entry for _, _, entry in sorted(self.best, key=lambda e: (-e[0], e[1]))],
        }


def _reason(error: str) -> str:
    """'inbox#3: the email has 5001 MIME parts, more than …' -> 'the email has N MIME parts, more than …'.

    What varies (a quoted value, a number) becomes '…' or N so that like reasons are counted
    together; the advice after ', such as' or '; ' is the same for every message and is kept
    as written ('such as 4 March 2024', not 'such as N March N')."""
    reason = error.split(": ", 1)[-1]
    said, advice = re.match(r"(.*?)((?:, such as |; ).*)?$", reason, re.S).groups()
    said = re.sub(r"\d[\d,.]*", "N", re.sub(r"'[^']*'", "'…'", said))
    return (said + (advice or ""))[:100]


CSV_FIELDS = ("date", "sender", "organisation", "subject", "score", "verdict")


def csv_header(rules: list[Rule]) -> list[str]:
    return [*CSV_FIELDS, *(rule.id for rule in rules), "file"]


def csv_row(record: dict, rules: list[Rule]) -> list:
    checks = record.get("checks", {})
    row = [*(record.get(k) if record.get(k) is not None else "" for k in CSV_FIELDS), *(checks.get(rule.id, "") for rule in rules), record["name"]]
    return [_inert(cell) if isinstance(cell, str) else cell for cell in row]


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP's advice on CSV injection).

    A Subject of '=HYPERLINK(…)' or '@SUM(…)' would otherwise be a formula in the
    spreadsheet the README suggests opening the CSV in; a leading quote keeps it text.
    """
    cell = printable(cell)
    return "'" + cell if cell.startswith(("=", "+", "-", "@", "\t", "\r")) else cell
