"""The report a person reads, drawn with rich. It reads the same without colour."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..wording import plural

STATUS_LABEL = {"pass": "✓ pass", "fail": "✗ FAIL", "not-applicable": "– n/a"}
STATUS_STYLE = {"pass": "green", "fail": "bold red", "not-applicable": "dim"}
VERDICT_STYLE = {"Ready to send": "bold green", "Needs some work": "bold yellow", "Not ready to send": "bold red"}
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def _sent_words(result) -> str:
    if not result.sent:
        return "unknown"
    day = date.fromisoformat(result.sent)
    source = {"Date header": "from the Date header", "--sent": "from --sent", "configuration": "from the configuration", "today": "no date given, so today"}.get(result.sent_from, result.sent_from)
    return f"{day:%A} {day.day} {day:%B %Y} ({source})"


def _has_problems(result) -> bool:
    return bool(result.error or result.failed or result.warnings)


# What the report's line numbers count, where that is not simply the file's lines.
_FILE_LINES = "; --format line, json, sarif and github number the file's own lines"
LINES_SHOWN = {
    "email": "numbered in the message as shown, from its From: line" + _FILE_LINES,
    "outlook": "numbered in the message as shown, from its From: line",
    "html": "numbered in the text without its markup" + _FILE_LINES,
    "docx": "numbered by paragraph in the Word document",
}


def _file(console: Console, result, plain: bool, quiet: bool = False) -> None:
    console.rule(Text(result.path, style="bold"), align="left")
    if result.error:
        console.print(Text("Could not check: ", style="bold red") + Text(result.error))
        console.print()
        return
    if result.skipped:
        console.print(Text(result.skipped_sentence))
        console.print()
        return
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("From", result.sender)
    head.add_row("Sent", _sent_words(result))
    if result.subject:
        head.add_row("Subject", result.subject)
    head.add_row("Score", Text(f"{result.score}/100 · {result.verdict}", style=VERDICT_STYLE.get(result.verdict, "")))
    if result.source_format in LINES_SHOWN:
        head.add_row("Lines", LINES_SHOWN[result.source_format])
    console.print(head)
    console.print()

    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Result")
    table.add_column("Check")
    table.add_column("Rule", style="dim")
    table.add_column("Severity")
    table.add_column("Points", justify="right")
    for check in result.failed if quiet else result.checks:
        points = "–" if check.status == "not-applicable" else f"{check.weight if check.status == 'pass' else 0}/{check.weight}"
        title = Text(check.title)
        if check.status == "not-applicable" and check.note:
            title.append(f" ({check.note})", style="dim")  # why it did not apply
        table.add_row(
            Text(STATUS_LABEL[check.status], style=STATUS_STYLE[check.status]),
            title, check.rule,
            Text(check.severity, style=SEVERITY_STYLE.get(check.severity, "")), points,
        )
    console.print(table)

    # In reading order, so the report can be followed down the invitation.
    findings = sorted(((check, f) for check in result.checks for f in check.findings), key=lambda cf: (cf[1].line, cf[1].column))
    if findings:
        console.print()
    for check, finding in findings:
        where = Text(f"{finding.line}:{finding.column}", style="bold")
        console.print(where + Text(f"  {check.severity} ", style=SEVERITY_STYLE.get(check.severity, "")) + Text(check.rule, style="dim"))
        a, b = finding.highlight
        quote = Text("    │ ", style="dim") + Text(finding.excerpt[:a]) + Text(finding.excerpt[a:b], style="bold reverse") + Text(finding.excerpt[b:])
        console.print(quote, overflow="fold")
        if plain and b > a:
            console.print(" " * (6 + a) + "^" * (b - a), overflow="crop")
        console.print(Padding(Text(finding.message), (0, 0, 0, 4)))
        if finding.suggestion:
            console.print(Padding(Text("→ " + finding.suggestion, style="green"), (0, 0, 0, 4)))
        console.print()
    for check in () if quiet else result.checks:
        if check.evidence:
            console.print(Text(f"✓ {check.title}: {check.evidence}.", style="green"))
    for warning in result.warnings:
        console.print(Text(f"Warning: line {warning['line']}: {warning['message']}", style="yellow"))
    if result.suppressed:
        console.print(Text(f"{plural(result.suppressed, 'finding')} suppressed by comments in the file.", style="dim"))
    for note in result.notes:
        console.print(Text("Note: " + note, style="dim italic"))
    if result.notes or result.warnings or result.suppressed or not findings or any(c.evidence for c in result.checks):
        console.print()


def _summary(console: Console, results) -> None:
    read = [r for r in results if not r.error and not r.skipped]
    unreadable = sum(1 for r in results if r.error)
    skipped = sum(1 for r in results if r.skipped)
    ready = sum(1 for r in read if r.verdict == "Ready to send")
    console.rule(Text("Summary", style="bold"), align="left")
    line = f"{plural(len(results), 'file')}: {len(read)} checked, {ready} ready to send"
    if skipped:
        line += f", {skipped} not checked (not invitations)"
    if unreadable:
        line += f", {unreadable} could not be read"
    console.print(line)
    if read:
        scores = sorted(r.score for r in read)
        console.print(f"Scores from {scores[0]} to {scores[-1]}; median {scores[len(scores) // 2]}.")
        counts: dict[str, int] = {}
        for r in read:
            for c in r.failed:
                counts[c.title] = counts.get(c.title, 0) + 1
        if counts:
            console.print("Most common problems: " + "; ".join(f"{title} ({n})" for title, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]) + ".")


def render(results, rules, color: bool | None = None, width: int | None = None, quiet: bool = False) -> str:
    """The report. `quiet` shows only problems: files with none, and checks that pass, are left out, and so is the summary."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 100, force_terminal=bool(color),
        no_color=not color, color_system="standard" if color else None,
        highlight=False, emoji=False, soft_wrap=False,
    )
    plain = not color
    for result in results:
        if not quiet or _has_problems(result):
            _file(console, result, plain, quiet)
    if len(results) > 1 and not quiet:
        _summary(console, results)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))
