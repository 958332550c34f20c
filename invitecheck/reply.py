"""Words for the person who received an invitation: what is missing, and a reply to send.

Pure functions of a checked result and the rules: nothing here reads files
except the reply template, and nothing is invented. A sentence appears only
because a check failed, and the sender is named only when a name was found.
"""

from __future__ import annotations

from pathlib import Path

from .kinds.base import _Keep, format_message
from .printable import printable
from .rules import RuleError, load_yaml_mapping

TEMPLATE_KEYS = ("subject", "greeting_named", "greeting", "opening", "closing", "sign_off", "nothing_missing")


def load_template(path: str | None = None) -> dict:
    where = path or str(Path(__file__).parent / "templates" / "reply.yaml")
    data = load_yaml_mapping(where, TEMPLATE_KEYS, "a reply template")
    missing = [key for key in TEMPLATE_KEYS if not isinstance(data.get(key), str)]
    if missing:
        raise RuleError(f"{where}: the key '{missing[0]}' is missing or is not text")
    return data


def _variant(text, values: dict) -> str:
    if isinstance(text, dict):
        return text.get(values.get("variant", ""), text.get("default", ""))
    return text or ""


def _fill(template: str, **values) -> str:
    return template.format_map(_Keep(values))


def reader_points(result, rules) -> list[tuple[str, str]]:
    """(what is wrong, what to ask for) for each failed check, in the report's order.

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
        points.append((says, ask))
    return points


def reply_text(result, rules, template: dict, name: str) -> str | None:
    """A short reply asking for what is missing; None when nothing is."""
    asks = []
    for _, ask in reader_points(result, rules):
        if ask and ask not in asks:
            asks.append(ask)
    if not asks:
        return None
    about = f" about '{result.subject}'" if result.subject else ""
    lines = []
    if result.subject:
        lines += ["Subject: " + _fill(template["subject"], subject=result.subject), ""]
    lines.append(_fill(template["greeting_named"], name=name) if name else template["greeting"])
    lines += ["", _fill(template["opening"], about=about), ""]
    lines += [f"- {ask}" for ask in asks]
    lines += ["", template["closing"], "", template["sign_off"], ""]
    return printable("\n".join(lines))
