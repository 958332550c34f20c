"""A From line split into a name and an address, as people really write them.

Python's parseaddr follows RFC 5322 strictly: an unquoted comma or square bracket in the
name ('From: Mbeki, Helen <helen.mbeki@nhs.net>', as Outlook shows and people paste it, or
'Helen Mbeki [NHS] <…>') makes it give up the name and return a word as the address. A
line that ends in one <address> is read as the name before it and that address.
"""

from __future__ import annotations

from . import cached_re as re  # re, compiling from the start-up cache
from email.utils import parseaddr

# One <address> at the end, the name before it; bounded, so a long line costs no more than its length.
_NAME_THEN_ADDRESS_RE = re.compile(r"(?P<name>[^<>]*)<(?P<address>[^<>@\s]+@[^<>\s]+)>\s*")


def split_sender(value: str) -> tuple[str, str]:
    """(name, address) of a From line; either may be ''."""
    name, address = parseaddr(value)
    written = _NAME_THEN_ADDRESS_RE.fullmatch(value.strip())
    if written and address != written["address"]:
        return written["name"].strip().strip('"').strip(), written["address"]
    return name, address
