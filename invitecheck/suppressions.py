"""Inline suppressions in drafts, in the style of linters' disable comments.

Markdown or HTML-style::

    <!-- invitecheck-disable respectful-wording -->   … until …   <!-- invitecheck-enable -->
    <!-- invitecheck-disable-line notice-period -->
    <!-- invitecheck-disable-next-line notice-period, expenses-explained -->

Plain text::

    # invitecheck: disable=respectful-wording
    # invitecheck: enable
    # invitecheck: disable-line=notice-period
    # invitecheck: disable-next-line=notice-period

With no rule ids, a directive covers every rule. The directive text is blanked
out of the text the rules read (so its rule names are never matched), keeping
every other offset, line and column as they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DIRECTIVE_RE = re.compile(
    r"<!--\s*invitecheck-(?P<html>disable-next-line|disable-line|disable|enable)\b(?P<html_rules>[^>]*?)-->"
    r"|#[ \t]*invitecheck:[ \t]*(?P<plain>disable-next-line|disable-line|disable|enable)\b(?:[ \t]*=[ \t]*(?P<plain_rules>[\w\-, \t]*))?[ \t]*$",
    re.I | re.M,
)


@dataclass
class Directive:
    action: str  # disable, enable, disable-line, disable-next-line
    rules: tuple[str, ...]  # empty: every rule
    line: int
    used: bool = False


@dataclass
class Region:
    rule: str  # "*" for every rule
    first: int
    last: int  # inclusive; a very large number when never re-enabled
    directive: Directive


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)

    def covering(self, rule_id: str, line: int) -> Directive | None:
        for region in self.regions:
            if region.first <= line <= region.last and region.rule in ("*", rule_id):
                return region.directive
        return None

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if not d.used and d.action != "enable"]


def _rule_ids(text: str | None) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,]+", (text or "").strip()) if part)


def extract(text: str) -> tuple[str, Suppressions]:
    """Find the directives, and return the text with them blanked out."""
    if "invitecheck" not in text:
        return text, Suppressions()
    directives: list[Directive] = []
    pieces: list[str] = []
    last = 0
    for match in DIRECTIVE_RE.finditer(text):
        action = (match["html"] or match["plain"]).lower()
        rules = _rule_ids(match["html_rules"] if match["html"] else match["plain_rules"])
        line = text.count("\n", 0, match.start()) + 1
        directives.append(Directive(action, rules, line))
        pieces.append(text[last : match.start()])
        pieces.append(re.sub(r"[^\n]", " ", match.group(0)))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces), Suppressions(directives, _regions(directives))


def _regions(directives: list[Directive]) -> list[Region]:
    endless = 10**9
    regions: list[Region] = []
    open_regions: list[Region] = []
    for directive in directives:
        targets = directive.rules or ("*",)
        if directive.action == "disable-line":
            regions += [Region(rule, directive.line, directive.line, directive) for rule in targets]
        elif directive.action == "disable-next-line":
            regions += [Region(rule, directive.line + 1, directive.line + 1, directive) for rule in targets]
        elif directive.action == "disable":
            for rule in targets:
                region = Region(rule, directive.line, endless, directive)
                open_regions.append(region)
                regions.append(region)
        else:  # enable: closes the matching open regions
            for region in list(open_regions):
                if "*" in targets or region.rule in targets:
                    region.last = directive.line
                    open_regions.remove(region)
    return regions
