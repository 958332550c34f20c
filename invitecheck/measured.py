"""How sure a finding is: each bundled rule's figures on invitations it was never tuned on.

``measured.json`` beside this module is written by
``python benchmarks/accuracy.py tests/invitations/holdout*/ --write-measured invitecheck/measured.json``
(never by hand; tests/test_measured.py fails when it is stale). For each rule it gives, over the
held-out invitations: of the files the tool failed on that rule (``of``), how many a careful
reader failed too (``right``); and of the reader's failures (``failures``), how many the tool
found (``found``). It is JSON, read once and only when a bundled rule fails, so a check of a
plain email does not import PyYAML for it.

A user's own rules have no figure, and nor has a rule with fewer than ``MIN_FAILURES`` failures
on the held-out invitations: a figure of 2 out of 3 says too little to be worth a reader's trust.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).with_name("measured.json")
MIN_FAILURES = 5  # fewer of the tool's failures on the held-out invitations than this: no figure
OFTEN_WRONG = 0.75  # right less often than this: a patient is told to read that part themselves

_data: dict | None = None


def _load_all() -> dict:
    global _data
    if _data is None:
        try:
            data = json.loads(DATA.read_text(encoding="utf-8"))
            _data = {"rules": dict(data["rules"]), "measured_on": str(data["measured_on"]), "sets": list(data["sets"])}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            _data = {"rules": {}, "measured_on": "", "sets": []}  # no figures shipped: findings are shown without one
    return _data


def when_and_where() -> str:
    """When the figures were measured and on which sets, in a sentence (for the rule pages)."""
    data = _load_all()
    if not data["sets"]:
        return ""
    sets = ", ".join(f"`{name}/`" for name in data["sets"])
    return f"Measured on {data['measured_on']} over the held-out sets {sets} in tests/invitations/."


def figure(rule_id: str) -> dict | None:
    """A bundled rule's figures ({"right", "of", "found", "failures", "invitations"}), or None
    when it failed too few held-out invitations to say."""
    counts = _load_all()["rules"].get(rule_id)
    if not counts or counts.get("of", 0) < MIN_FAILURES:
        return None
    return {"right": counts["right"], "of": counts["of"], "found": counts["found"],
            "failures": counts["failures"], "invitations": counts["files"]}


def share(measured: dict) -> float:
    """How often the rule's failures were right."""
    return measured["right"] / measured["of"]


def how_sure(measured: dict) -> str:
    """The line under a finding in the report, one line at 80 columns. A rule that is nearly always
    right says it too, in the same words: no line at all would read as 'not measured'."""
    return f"How sure: right {measured['right']} of {measured['of']} times on {measured['invitations']} invitations we never tuned on."


def often_wrong(measured: dict | None) -> str:
    """For the person who received the invitation: a plain warning where the check is often wrong."""
    if measured is None or share(measured) >= OFTEN_WRONG:
        return ""
    return (f"This check is often wrong: in our tests it was right only {measured['right']} times out of "
            f"{measured['of']}, so read that part of the invitation yourself.")


def described(measured: dict | None) -> str:
    """The rule's figures in a sentence, for `explain` and the rule pages."""
    if measured is None:
        return (f"Not measured: it failed fewer than {MIN_FAILURES} of the invitations it was never tuned on, "
                "too few to say how often it is right.")
    return (f"On {measured['invitations']} invitations it was never tuned on, its failures were right "
            f"{measured['right']} of {measured['of']} times ({100 * share(measured):.0f}%), and it found "
            f"{measured['found']} of the {measured['failures']} failures a careful reader marked.")
