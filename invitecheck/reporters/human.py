"""The report a person reads. It reads the same without colour.

The report is first put as a list of blocks (a rule under a heading, a grid of the sender, date
and score, the table of checks, a line, an indented paragraph), each text with its style. Rich draws
them in colour; without colour, reporters/plain.py draws them as the same plain text without
importing rich's console and tables, and leaves to rich whatever it cannot promise to draw alike."""

from __future__ import annotations

import io
from datetime import date

from ..measured import how_sure
from ..printable import printable
from ..wording import plural
from .plain import cells


STATUS_LABEL = {"pass": "✓ pass", "fail": "✗ FAIL", "not-applicable": "– n/a"}
STATUS_STYLE = {"pass": "green", "fail": "bold red", "not-applicable": "dim"}
VERDICT_STYLE = {"Ready to send": "bold green", "Needs some work": "bold yellow", "Not ready to send": "bold red"}
QUOTE_MARGIN = "    │ "
MIN_WIDTH = 60  # narrower than this, the table of checks cannot be read
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}
BLANK = ("blank",)


def window(excerpt: str, a: int, b: int, room: int) -> tuple[str, int, int]:
    """At most `room` terminal cells of the excerpt around the matched words [a, b), marked '…'
    where it is cut, and where the matched words now are. A third of the room goes before them,
    so the reader sees what leads up to them; a match longer than the room is cut at its end."""
    if cells(excerpt) <= room:
        return excerpt, a, b
    room = max(room, 10)
    b = max(a, min(b, a + room - 2))
    left = max(0, min(a - (room - (b - a)) // 3, len(excerpt) - room))
    right = len(excerpt)
    while True:
        before = "…" if left > 0 else ""
        after = "…" if right < len(excerpt) else ""
        text = before + excerpt[left:right] + after
        if cells(text) <= room:
            break
        if right > b:
            right -= 1  # trim the end first: the words that lead up to the match help most
        else:
            left += 1
    return text, a - left + len(before), b - left + len(before)


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


def _file(blocks: list, result, plain: bool, width: int, quiet: bool = False) -> None:
    blocks.append(("rule", printable(result.path), "bold"))
    if result.error:
        blocks += [("line", [("Could not check: ", "bold red"), (printable(result.error), "")], False), BLANK]
        return
    if result.skipped:
        blocks += [("line", [(printable(result.skipped_sentence), "")], False), BLANK]
        return
    head = [("From", (printable(result.sender), "")), ("Sent", _sent_words(result))]
    if result.subject:
        head.append(("Subject", (printable(result.subject), "")))
    head.append(("Score", (f"{result.score}/100 · {result.verdict}", VERDICT_STYLE.get(result.verdict, ""))))
    if result.source_format in LINES_SHOWN:
        head.append(("Lines", LINES_SHOWN[result.source_format]))
    blocks += [("grid", head), BLANK]

    rows = [("Result", "Check", "Rule", "Severity", "Points")]
    for check in result.failed if quiet else result.checks:
        points = "–" if check.status == "not-applicable" else f"{check.weight if check.status == 'pass' else 0}/{check.weight}"
        title = [(printable(check.title), "")]
        if check.status == "not-applicable" and check.note:
            title.append((f" ({check.note})", "dim"))  # why it did not apply
        rows.append((
            [(STATUS_LABEL[check.status], STATUS_STYLE[check.status])],
            title, [(printable(check.rule), "")],
            [(check.severity, SEVERITY_STYLE.get(check.severity, ""))], points,
        ))
    blocks.append(("table", rows, max(len(c.rule) for c in result.checks) if result.checks else None))

    # In reading order, so the report can be followed down the invitation.
    findings = sorted(((check, f) for check in result.checks for f in check.findings), key=lambda cf: (cf[1].line, cf[1].column))
    if findings:
        blocks.append(BLANK)
    for check, finding in findings:
        blocks.append(("line", [(f"{finding.line}:{finding.column}", "bold"), (f"  {check.severity} ", SEVERITY_STYLE.get(check.severity, "")),
                                (printable(check.rule), "dim")], False))
        excerpt, a, b = window(finding.excerpt, *finding.highlight, width - len(QUOTE_MARGIN))
        before, words, after = (printable(part) for part in (excerpt[:a], excerpt[a:b], excerpt[b:]))
        blocks.append(("line", [(QUOTE_MARGIN, "dim"), (before, ""), (words, "bold reverse"), (after, "")], True))
        if plain and words:
            blocks.append(("line", [" " * (len(QUOTE_MARGIN) + cells(before)) + "^" * cells(words)], True))
        blocks.append(("indent", printable(finding.message), ""))
        if finding.suggestion:
            blocks.append(("indent", printable("→ " + finding.suggestion), "green"))
        if check.measured:
            blocks.append(("indent", how_sure(check.measured), "dim"))
        blocks.append(BLANK)
    for check in () if quiet else result.checks:
        if check.evidence:
            blocks.append(("line", [(printable(f"✓ {check.title}: {check.evidence}."), "green")], False))
    for warning in result.warnings:
        blocks.append(("line", [(printable(f"Warning: line {warning['line']}: {warning['message']}"), "yellow")], False))
    if result.suppressed:
        blocks.append(("line", [(f"{plural(result.suppressed, 'finding')} suppressed by comments in the file.", "dim")], False))
    for note in result.notes:
        blocks.append(("line", [(printable("Note: " + note), "dim italic")], False))
    if result.notes or result.warnings or result.suppressed or not findings or any(c.evidence for c in result.checks):
        blocks.append(BLANK)


def _summary(blocks: list, results) -> None:
    read = [r for r in results if not r.error and not r.skipped]
    unreadable = sum(1 for r in results if r.error)
    skipped = sum(1 for r in results if r.skipped)
    ready = sum(1 for r in read if r.verdict == "Ready to send")
    blocks.append(("rule", "Summary", "bold"))
    line = f"{plural(len(results), 'file')}: {len(read)} checked, {ready} ready to send"
    if skipped:
        line += f", {skipped} not checked (not invitations)"
    if unreadable:
        line += f", {unreadable} could not be read"
    blocks.append(("line", [line], False))
    if read:
        scores = sorted(r.score for r in read)
        blocks.append(("line", [f"Scores from {scores[0]} to {scores[-1]}; median {scores[len(scores) // 2]}."], False))
        counts: dict[str, int] = {}
        for r in read:
            for c in r.failed:
                counts[c.title] = counts.get(c.title, 0) + 1
        if counts:
            most = "; ".join(f"{title} ({n})" for title, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
            blocks.append(("line", [(printable("Most common problems: " + most + "."), "")], False))


def _rich_text(parts):
    """The parts of a line as one rich Text (a str part is given as it is, read as markup); the
    first part's style is the whole line's, as with rich's Text + Text."""
    from rich.text import Text

    if len(parts) == 1 and isinstance(parts[0], str):
        return parts[0]
    text = Text(parts[0][0], style=parts[0][1])
    for part, style in parts[1:]:
        text.append(Text(part, style=style))
    return text


def _draw_with_rich(blocks, console) -> None:
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    for block in blocks:
        kind = block[0]
        if kind == "rule":
            console.rule(Text(block[1], style=block[2]), align="left")
        elif kind == "grid":
            head = Table.grid(padding=(0, 2))
            head.add_column(style="bold")
            head.add_column()
            for label, value in block[1]:
                head.add_row(label, value if isinstance(value, str) else Text(value[0], style=value[1]))
            console.print(head)
        elif kind == "table":
            header, *rows = block[1]
            table = Table(show_edge=False, pad_edge=False, header_style="bold")
            table.add_column(header[0])
            table.add_column(header[1])
            table.add_column(header[2], style="dim", no_wrap=True, min_width=block[2])
            table.add_column(header[3])
            table.add_column(header[4], justify="right")
            for row in rows:
                table.add_row(*(_rich_text(cell) if not isinstance(cell, str) else cell for cell in row))
            console.print(table)
        elif kind == "line":
            if block[2]:
                console.print(_rich_text(block[1]), overflow="crop", no_wrap=True)
            else:
                console.print(_rich_text(block[1]))
        elif kind == "indent":
            console.print(Padding(Text(block[1], style=block[2]), (0, 0, 0, 4)))
        else:
            console.print()


def blocks(results, width: int, plain: bool, quiet: bool = False) -> list:
    """The report's blocks at `width` columns (`plain`: without colour, so carets mark the matched words)."""
    drawn: list = []
    for result in results:
        if not quiet or _has_problems(result):
            _file(drawn, result, plain, width, quiet)
    if len(results) > 1 and not quiet:
        _summary(drawn, results)
    return drawn


def rich_drawing(report_blocks, width: int, color: bool | None) -> str:
    """The blocks drawn by rich at `width` columns, in colour or not."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=bool(color),
        no_color=not color, color_system="standard" if color else None,
        highlight=False, emoji=False, soft_wrap=False,
    )
    _draw_with_rich(report_blocks, console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def render(results, rules, color: bool | None = None, width: int | None = None, quiet: bool = False) -> str:
    """The report, drawn at `width` columns: by default the terminal's (COLUMNS when set), at least MIN_WIDTH.
    `quiet` shows only problems: files with none, and checks that pass, are left out, and so is the summary.
    Without colour it is drawn as plain text where plain.py can promise rich's own drawing, else by rich."""
    from . import plain as plain_text

    width = max(MIN_WIDTH, width or plain_text.terminal_width() or _rich_width())
    report_blocks = blocks(results, width, not color, quiet)
    if not color:
        drawn = plain_text.draw(report_blocks, width)
        if drawn is not None:
            return drawn
    return rich_drawing(report_blocks, width, color)


def _rich_width() -> int:
    from rich.console import Console

    return Console().width
