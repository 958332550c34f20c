"""The report for the person who received an invitation: plain words, no rule ids."""

from __future__ import annotations

from ..reply import reader_points


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
            out += ["", "This invitation tells you what you need to know: who sent it, when to reply,",
                    "what it includes, and how costs and access work.", ""]
            continue
        out += ["", "What is missing or unclear:"]
        out += [f"  * {says}" for says, _ in points]
        asks = []
        for _, ask in points:
            if ask and ask not in asks:
                asks.append(ask)
        if asks:
            out += ["", "What you could ask them:"]
            out += [f"  * {ask}" for ask in asks]
            out += ["", f"For a reply you can send, run: invitecheck reply {result.path}"]
        out.append("")
    return "\n".join(out) + "\n"
