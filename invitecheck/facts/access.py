"""Access: offers to meet access needs ("step-free", "in whatever format suits you")."""

from __future__ import annotations

from dataclasses import dataclass

from ..vocabulary import pattern
from .evidence import Evidence, of
from .structure import search

OFFER_RE = pattern("{vocab:access_offer}")


@dataclass(frozen=True)
class Access:
    offer: Evidence | None  # the first offer of help with access


RECORD = Access


def find(doc, where, facts) -> Access:
    return Access(of(search(doc, where, OFFER_RE)))
