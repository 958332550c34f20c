"""Small pieces of plain English shared by every message a person reads."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 day', '2 days', '0 days'; give the plural when it is not the noun plus 's' ('1 query', '2 queries')."""
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"


def with_article(words: str) -> str:
    """'an online event', 'a one-off workshop', 'a user group', 'a focus group': 'a' or 'an' as it is said."""
    from .vocabulary import pattern

    takes_an = pattern("{vocab:takes_an}")
    first = words.split(None, 1)[0].lower() if words.strip() else ""
    last = words.split()[-1].lower() if words.strip() else ""
    if last.endswith("s") and not last.endswith(("ss", "us", "is")) and first not in ("a", "an"):
        return words  # "interviews", "focus groups": no article before a plural
    if first in ("a", "an", "the", "our", "your", "their", "this", "that", "these", "those", "my"):
        # the words found have their own: "an online workshop", "Our listening event" (mid-sentence now)
        return first + words.lstrip()[len(first):]
    return ("an " if takes_an.match(words.lower(), None, 0, len(words)) else "a ") + words
