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

from . import cached_re as re  # re, compiling from the start-up cache
from .fields import Record

# A directive's list of rule ids is at most MAX_RULES_CHARS long. The bound is a
# window: an unclosed '<!-- invitecheck-disable' is scanned that far for its '-->',
# not to the end of the file, so the pattern takes time in proportion to the text.
MAX_RULES_CHARS = 300
DIRECTIVE_RE = re.compile(
    r"<!--\s*invitecheck-(?P<html>disable-next-line|disable-line|disable|enable)\b(?P<html_rules>[^>]{0,%d}?)-->"
    r"|#[ \t]*invitecheck:[ \t]*(?P<plain>disable-next-line|disable-line|disable|enable)\b(?:[ \t]*=[ \t]*(?P<plain_rules>[\w\-, \t]{0,%d}))?[ \t]*$"
    % (MAX_RULES_CHARS, MAX_RULES_CHARS),
    re.I | re.M,
)
# A draft needs a handful; past this many, the rest are ignored and the report says so
# (each finding is looked up among them, and each unused one is a warning).
MAX_DIRECTIVES = 200


# Plain classes rather than dataclasses, which cost about 2 million instructions each to make
# as the module is imported (fields.py).
class Directive(Record):
    _fields = ("action", "rules", "line", "used")

    def __init__(self, action: str, rules: tuple[str, ...], line: int, used: bool = False) -> None:
        self.action = action  # disable, enable, disable-line, disable-next-line
        self.rules = rules  # empty: every rule
        self.line = line
        self.used = used


class Region(Record):
    _fields = ("rule", "first", "last", "directive")

    def __init__(self, rule: str, first: int, last: int, directive: Directive) -> None:
        self.rule = rule  # "*" for every rule
        self.first = first
        self.last = last  # inclusive; a very large number when never re-enabled
        self.directive = directive


class Suppressions(Record):
    _fields = ("directives", "regions", "ignored")

    def __init__(self, directives: list[Directive] | None = None, regions: list[Region] | None = None, ignored: int = 0) -> None:
        self.directives = [] if directives is None else directives
        self.regions = [] if regions is None else regions
        self.ignored = ignored  # directives past MAX_DIRECTIVES

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
    last, line, ignored = 0, 1, 0
    for match in DIRECTIVE_RE.finditer(text):
        if len(directives) == MAX_DIRECTIVES:
            ignored += 1
            continue
        action = (match["html"] or match["plain"]).lower()
        rules = _rule_ids(match["html_rules"] if match["html"] else match["plain_rules"])
        line += text.count("\n", last, match.start())  # counted from the last directive, not the top
        directives.append(Directive(action, rules, line))
        pieces.append(text[last : match.start()])
        pieces.append(re.sub(r"[^\n]", " ", match.group(0)))
        line += match.group(0).count("\n")
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces), Suppressions(directives, _regions(directives), ignored)


def _regions(directives: list[Directive]) -> list[Region]:
    endless = 10**9
    regions: list[Region] = []
    open_regions: dict[str, list[Region]] = {}  # by rule, so an enable looks only at its own rules
    for directive in directives:
        targets = directive.rules or ("*",)
        if directive.action == "disable-line":
            regions += [Region(rule, directive.line, directive.line, directive) for rule in targets]
        elif directive.action == "disable-next-line":
            regions += [Region(rule, directive.line + 1, directive.line + 1, directive) for rule in targets]
        elif directive.action == "disable":
            for rule in targets:
                region = Region(rule, directive.line, endless, directive)
                open_regions.setdefault(rule, []).append(region)
                regions.append(region)
        else:  # enable: closes the matching open regions
            for rule in list(open_regions) if "*" in targets else targets:
                for region in open_regions.pop(rule, []):
                    region.last = directive.line
    return regions
