"""Score and verdict: pure functions of the checks.

The score is the weighted share of applicable checks that passed, 0 to 100.
When no check applies the score is 100: there was nothing to get wrong.
"""

from __future__ import annotations

READY, NEEDS_WORK, NOT_READY = "Ready to send", "Needs some work", "Not ready to send"


def score(checks) -> int:
    applicable = [c for c in checks if c.status != "not-applicable"]
    total = sum(c.weight for c in applicable)
    if total == 0:
        return 100
    passed = sum(c.weight for c in applicable if c.status == "pass")
    return round(100 * passed / total)


def verdict(checks, value: int) -> str:
    """In words: an error-severity failure or a score under 60 means not ready."""
    failed = [c for c in checks if c.status == "fail"]
    if value < 60 or any(c.severity == "error" for c in failed):
        return NOT_READY
    if value < 85 or any(c.severity == "warning" for c in failed):
        return NEEDS_WORK
    return READY


LEVELS = {"info": 0, "warning": 1, "error": 2}


def fails_policy(result, fail_on: str, fail_under: int | None) -> bool:
    """Does this file fail the run? A failed check at or above ``fail_on``, or a score under ``fail_under``."""
    if result.score is None:  # not scored: skipped, or unreadable (which has its own exit status)
        return False
    if fail_under is not None and result.score < fail_under:
        return True
    if fail_on == "never":
        return False
    return any(LEVELS[c.severity] >= LEVELS[fail_on] for c in result.failed)
