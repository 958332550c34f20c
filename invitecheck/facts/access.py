"""Access: offers to meet access needs ("step-free", "in whatever format suits you")."""

from __future__ import annotations

from ..vocabulary import pattern
from .evidence import Evidence
from .record import Record, fact

OFFER_RE = pattern("{vocab:access_offer}")
OFFER_MORE_RE = pattern("{vocab:access_offer_more}")  # looked for only when OFFER_RE finds nothing


class Access(Record):
    @fact
    def offer(self) -> Evidence | None:
        """The first offer of help with access."""
        return self.first(OFFER_RE) or self.first(OFFER_MORE_RE)


RECORD = Access
