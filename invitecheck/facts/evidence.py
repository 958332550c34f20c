"""Evidence: where in the invitation's text a fact was seen."""

from __future__ import annotations

from ..fields import Fields


class Evidence(Fields):
    """Where a fact was seen: offsets into the invitation's text."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end

    def words(self, doc) -> str:
        return " ".join(doc.text[self.start : self.end].split())


def of(match) -> Evidence | None:
    return Evidence(match.start(), match.end()) if match is not None else None


def first_evidence(value) -> Evidence | None:
    """The first evidence in a fact's value (evidence itself, a list of it, or a record holding it)."""
    if isinstance(value, Evidence):
        return value
    if isinstance(value, (list, tuple)):
        for item in value:
            found = first_evidence(item)
            if found is not None:
                return found
        return None
    return getattr(value, "evidence", None)
