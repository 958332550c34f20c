"""Evidence: where in the invitation's text a fact was seen."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    start: int  # offsets into the invitation's text
    end: int

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
