"""Is this message an involvement invitation? Phrases from classifier.yaml decide
(they may name vocabulary entries, such as {vocab:seeking}).

Used by `invitecheck audit` so that a year of mail is judged on its invitations,
not on its newsletters and receipts, and by `invitecheck check`, which says
plainly when a file does not look like an invitation instead of scoring it
(``--force``, or ``all_invitations: true`` in the configuration, scores it anyway).
"""

from __future__ import annotations

import functools
from pathlib import Path

import re

from . import programs
from .fields import Fields
from .prefilter import lowered, required_literals
from .rules import RuleError, load_yaml_mapping
from .vocabulary import expand

KEYS = ("min_topics", "asks", "topics", "not")
# Matched at one position only (where the sender's own words end), so a run of dashes is scanned once.
FORWARDED_RE = programs.compile(r"-{2,}\s*Forwarded message", re.IGNORECASE)


class _Lazy:
    """A pattern compiled when first needed: most messages are decided by a few of them,
    and a pattern is not run (or compiled) when the text lacks every word it needs.

    The bundled classifier's patterns are ours and compile for `re` (its programs kept in
    the start-up cache); a user's own classifier file compiles for `regex`, whose searches
    stop after ``timeout`` seconds."""

    def __init__(self, source: str, bundled: bool = False) -> None:
        self.source, self.bundled = source, bundled
        self._compiled = None
        self._needs = False  # not worked out yet

    @property
    def compiled(self):
        if self._compiled is None:
            if self.bundled:
                self._compiled = programs.compile(self.source, re.IGNORECASE | re.MULTILINE)
            else:
                import regex

                self._compiled = regex.compile(self.source, regex.IGNORECASE | regex.MULTILINE)
        return self._compiled

    def search(self, text: str, timeout: float, lower: str | None = None):
        """The first match in text. `lower` is prefilter.lowered(text), to skip a pattern that cannot match."""
        if lower is not None:
            if self._needs is False:
                self._needs = required_literals(self.source)
            if self._needs is not None and not any(word in lower for word in self._needs):
                return None
        if self.bundled:
            return self.compiled.search(text)
        return self.compiled.search(text, timeout=timeout)


class Classifier(Fields):
    """The classifier's phrases: those that ask, those about health or care (at least
    ``min_topics`` of them), and those of other kinds of message."""

    __slots__ = ("min_topics", "asks", "topics", "not_")

    def __init__(self, min_topics: int, asks: tuple, topics: tuple, not_: tuple) -> None:
        self.min_topics, self.asks, self.topics, self.not_ = min_topics, asks, topics, not_

    def classify(self, doc) -> tuple[bool, str]:
        """(is it an invitation, why not) for an Invitation.

        The sender's own words are read, and a message they forward with them
        ("Passing this on" above an invitation); never a reply's quoted thread.
        """
        end = doc.message_end
        if FORWARDED_RE.match(doc.text, end):
            end = doc.body.end
        subject = doc.text[doc.subject.start : doc.subject.end] + "\n" if doc.subject else ""
        text = (subject + doc.text[doc.body.start : end])[:50_000]
        if not text.strip():
            return False, "it has no text"
        lower = lowered(text)  # None in the rare text where lower-casing moves letters
        for pattern in self.not_:
            if pattern.search(text, timeout=1.0, lower=lower):
                return False, "it is another kind of message"
        asks = any(p.search(text, timeout=1.0, lower=lower) for p in self.asks)
        topics = 0
        for pattern in self.topics:  # stop counting once there are enough
            if topics >= self.min_topics:
                break
            topics += bool(pattern.search(text, timeout=1.0, lower=lower))
        if not asks and not (topics >= self.min_topics and _facts_see_an_ask(doc)):
            return False, "it does not ask the reader to take part"
        if topics < self.min_topics:
            return False, "it is not about involvement in health or care"
        return True, ""


def _facts_see_an_ask(doc) -> bool:
    """What the rules see: the facts layer's asks (a rota to sign up to, a meeting in someone's
    place, a role described in a pack, people asked in plain words), so that a file the rules
    would judge is not passed over as "not an invitation". Read only for a message about health
    or care that none of the classifier's own patterns calls an ask."""
    from datetime import date

    from .facts import facts_for

    return facts_for(doc, doc.sent.date() if doc.sent else date.today()).asks.any is not None


@functools.lru_cache(maxsize=1)
def default_classifier() -> Classifier:
    """The bundled classifier, read once per process."""
    return load_classifier()


def load_classifier(path: str | None = None) -> Classifier:
    where = path or str(Path(__file__).parent / "classifier.yaml")
    data = load_yaml_mapping(where, KEYS, "a classifier")

    def patterns(key: str) -> tuple:
        items = data.get(key) or []
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise RuleError(f"{where}: '{key}' must be a list of patterns")
        try:
            found = tuple(_Lazy(expand(i), bundled=not path) for i in items)  # {vocab:name} replaced by the vocabulary's entry
        except RuleError as error:
            raise RuleError(f"{where}: in '{key}': {error}") from None
        if path:  # a user's own file is checked at once; the bundled one is tested
            import regex

            for pattern in found:
                try:
                    pattern.compiled
                except regex.error as error:
                    raise RuleError(f"{where}: a pattern in '{key}' does not compile ({error})") from None
        return found

    minimum = data.get("min_topics", 2)
    if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 0:
        raise RuleError(f"{where}: 'min_topics' must be a whole number")
    return Classifier(minimum, patterns("asks"), patterns("topics"), patterns("not"))
