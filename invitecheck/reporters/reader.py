"""The report for the person who received an invitation: plain words, no rule ids."""

from __future__ import annotations

import shlex
import textwrap

from ..measured import often_wrong
from ..printable import printable
from ..reply import READER_ALL_THERE, reader_asks, reader_points


def render(results, rules, **options) -> str:
    out = []
    for result in results:
        out.append(result.path)
        out.append("=" * min(len(result.path), 70))
        if result.error:
            out += [f"We could not read this file: {result.error.split(': ', 1)[-1]}.", ""]
            continue
        if result.skipped:
            out += [f"This was not checked: {result.skipped}.",
                    f"If it is an invitation to take part, run: invitecheck check --force --for reader {result.path}", ""]
            continue
        sender = result.sender if result.sender != "(no sender given)" else "no sender given"
        out.append(f"From: {sender}")
        if result.subject:
            out.append(f"About: {result.subject}")
        points = reader_points(result, rules)
        if not points:
            out += ["", *textwrap.wrap(READER_ALL_THERE, 80), ""]
            continue
        out += ["", "What is missing or unclear:"]
        measured = {check.rule: check.measured for check in result.checks}
        for rule, says, _ in points:
            out.append(f"  * {says}")
            warning = often_wrong(measured.get(rule))
            if warning:
                out += textwrap.wrap(warning, 80, initial_indent="    ", subsequent_indent="    ")
        asks = reader_asks(points)
        if asks:
            out += ["", "What you could ask them:"]
            out += [f"  * {ask}" for ask in asks]
            out += ["", f"For a reply you can send, run: invitecheck reply {shlex.quote(result.path)}"]
        out.append("")
    return printable("\n".join(out)) + "\n"
