"""Words for the person who received an invitation: what is missing, and a reply to send.

Pure functions of a checked result and the rules: nothing here reads files
except the reply template, and nothing is invented. A sentence appears only
because a check failed, and the sender is named only when a name was found.
"""

from __future__ import annotations

import re
from pathlib import Path

from .kinds.base import _Keep, format_message
from .printable import printable
from .facts import of_result, structure
from .kinds.sender import TITLES
from .rules import RuleError, load_yaml_mapping

TEMPLATE_KEYS = ("subject", "greeting_named", "greeting", "opening", "closing", "sign_off", "nothing_missing")
DEFAULT_TEMPLATE = Path(__file__).parent / "templates" / "reply.yaml"
# What the reader's report says when no check failed.
READER_ALL_THERE = ("This invitation tells you what you need to know: who sent it, when to reply, "
                    "what it includes, and how costs and access work.")
# "Invitation: Carers' panel" is about "Carers' panel"; "Re:" and "Fwd:" say nothing either.
SUBJECT_LABEL_RE = re.compile(r"^(?:(?:re|fwd?|fw|invitation|invite|reminder)\s*:\s*)+", re.I)


def load_template(path: str | None = None) -> dict:
    """The reply's wording: the bundled template, with any keys a template of your own sets."""
    chosen = {}
    for where in filter(None, (str(DEFAULT_TEMPLATE), path)):
        data = load_yaml_mapping(where, TEMPLATE_KEYS, "a reply template")
        wrong = [key for key, value in data.items() if not isinstance(value, str)]
        if wrong:
            raise RuleError(f"{where}: the key '{wrong[0]}' is not text")
        chosen.update(data)
    return chosen


def greeting_name(name: str) -> str:
    """How to address someone: 'Dr Tom Okafor' is 'Dr Okafor'; a name with no title stays whole."""
    title = TITLES.match(name)
    words = name[title.end():].split() if title else []
    if title and len(words) > 1:
        return f"{title.group(0).strip()} {words[-1]}"
    return name


def about(subject: str) -> str:
    """What the invitation is about, from its subject, without labels such as 'Invitation:'."""
    return SUBJECT_LABEL_RE.sub("", subject).strip() or subject


def where_to_reply(result) -> str:
    """A sentence saying where to send the reply, when replying to the sender will not reach anyone; else ''.

    Read from the invitation's facts (who sent it, the addresses and numbers it gives), not from any rule."""
    facts = of_result(result)
    if facts is None:
        return ""
    doc, people = facts.doc, facts.people
    address = structure.sender(doc).address  # for a forward, who sent what was forwarded
    if address and not people.sender_no_reply:
        return ""
    came = f"The invitation came from {address}, which does not take replies" if address else "The invitation gives no address it came from"
    addresses = [a.address for a in people.addresses if a.kind != "no-reply"]
    if addresses:
        return f"{came}. Send this to {addresses[0]}, the address it gives."
    phone = people.phone or people.switchboard
    if phone:
        return f"{came}, and it gives no other email address. You could ring {phone.words(doc)} and ask these questions instead."
    return f"{came}, and it gives no other email address or phone number. You could ask the organisation's main office or website how to reach the team."


def _variant(text, values: dict) -> str:
    if isinstance(text, dict):
        return text.get(values.get("variant", ""), text.get("default", ""))
    return text or ""


def _fill(template: str, **values) -> str:
    return template.format_map(_Keep(values))


def reader_points(result, rules) -> list[tuple[str, str, str]]:
    """(rule id, what is wrong, what to ask for) for each failed check, in the report's order.

    A rule's ask is left out when a rule it names in `skip_if` failed too, so the
    reply does not ask for the same thing twice.
    """
    by_id = {rule.id: rule for rule in rules}
    failed = {check.rule for check in result.checks if check.status == "fail"}
    points = []
    for check in result.checks:
        if check.status != "fail" or check.rule not in by_id:
            continue
        reader = by_id[check.rule].reader
        values = check.findings[0].values if check.findings else {}
        says = format_message(_variant(reader.get("says"), values), **values) if reader.get("says") else check.title
        ask = format_message(_variant(reader.get("ask"), values), **values) if reader.get("ask") else ""
        if failed & set(reader.get("skip_if") or []):
            ask = ""
        points.append((check.rule, says, ask))
    return points


def reader_asks(points) -> list[str]:
    """The questions to ask, each once, in order."""
    asks = []
    for _, _, ask in points:
        if ask and ask not in asks:
            asks.append(ask)
    return asks


def reader_values(result, rules, template: dict | None = None) -> dict:
    """What the reader's report and the reply are made from, and the reply itself.

    The "reader" part of the JSON record (with --for reader) and of the Python API.
    """
    points = reader_points(result, rules)
    facts = of_result(result)
    name = facts.people.sender_name if facts is not None else ""
    return {
        "sender_name": name,
        "reply_to": where_to_reply(result),
        "points": [{"rule": rule, "says": says, "ask": ask} for rule, says, ask in points],
        "asks": reader_asks(points),
        "reply": reply_text(result, rules, template or load_template(), name),
    }


def reply_text(result, rules, template: dict, name: str) -> str | None:
    """A short reply asking for what is missing; None when nothing is.

    When the sender's address does not take replies, the reply starts with a note
    saying where to send it instead.
    """
    asks = reader_asks(reader_points(result, rules))
    if not asks:
        return None
    about_words = f" about '{about(result.subject)}'" if result.subject else ""
    name = greeting_name(name)
    note = where_to_reply(result)
    lines = [f"Note: {note}", ""] if note else []
    if result.subject:
        lines += ["Subject: " + _fill(template["subject"], subject=result.subject), ""]
    lines.append(_fill(template["greeting_named"], name=name) if name else template["greeting"])
    lines += ["", _fill(template["opening"], about=about_words), ""]
    lines += [f"- {ask}" for ask in asks]
    lines += ["", template["closing"], "", template["sign_off"], ""]
    return printable("\n".join(lines))
