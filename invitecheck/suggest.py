"""'Did you mean …?' for a mistyped rule id, format or choice."""

from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a choice is close to the word, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_rule(rule_id: str, known: Iterable[str], where: str = "") -> str:
    """The one sentence for a rule id that does not exist."""
    prefix = f"{where}: " if where else ""
    return f"{prefix}there is no rule called '{rule_id}'{did_you_mean(rule_id, known)}; 'invitecheck rules' lists them"
