"""The audit's summary, for people (rich) or for tools (JSON)."""

from __future__ import annotations

import io
import json

from .. import __version__
from ..printable import rich_text as _text


def render(format: str, path: str, summary: dict, color: bool = False) -> str:
    if format == "json":
        return json.dumps({"version": __version__, "path": path, **summary}, indent=2, ensure_ascii=False) + "\n"
    return _human(path, summary, color)



def _human(path: str, summary: dict, color: bool) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=110, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.rule(_text(f"Audit of {path}", style="bold"), align="left")
    line = (f"{summary['messages']:,} messages: {summary['invitations']:,} invitations, "
            f"{summary['skipped']:,} skipped (not invitations), {summary['unreadable']:,} could not be read")
    if summary["others_checked"]:
        line += f", {summary['others_checked']:,} other messages checked (--all)"
    console.print(line + ".")
    for reason, count in summary["unreadable_reasons"].items():
        console.print(_text(f"  could not be read ({count}): {reason}", style="dim"))

    if summary["league"]:
        table = Table(title="Invitations by organisation", title_justify="left", show_edge=False, header_style="bold")
        table.add_column("Organisation")
        table.add_column("Invitations", justify="right")
        table.add_column("Median score", justify="right")
        table.add_column("Most common failings")
        for row in summary["league"][:30]:
            median = row["median_score"]
            table.add_row(_text(row["organisation"]), f"{row['invitations']:,}", f"{median:g}", _text("; ".join(row["most_common_failings"]) or "none"))
        console.print()
        console.print(table)
        if len(summary["league"]) > 30:
            console.print(Text(f"… and {len(summary['league']) - 30} more organisations (--format csv lists every invitation).", style="dim"))

        total = sum(summary["notice"].values()) or 1
        notice = Table(title="Notice given (from sending to the first date to act on)", title_justify="left", show_edge=False, header_style="bold")
        notice.add_column("Notice")
        notice.add_column("Invitations", justify="right")
        notice.add_column("Share")
        for bucket, count in summary["notice"].items():
            notice.add_row(bucket, f"{count:,}", "█" * round(30 * count / total) + f" {100 * count / total:.0f}%")
        console.print()
        console.print(notice)

        for title, key in (("Worst invitations", "worst"), ("Best invitations", "best")):
            table = Table(title=title, title_justify="left", show_edge=False, header_style="bold")
            for column in ("Score", "Date", "Organisation", "Subject"):
                table.add_column(column, justify="right" if column == "Score" else "left")
            for entry in summary[key]:
                table.add_row(str(entry["score"]), entry["date"] or "", _text(entry["organisation"] or ""), _text(entry["subject"] or "(no subject)"))
            console.print()
            console.print(table)
    else:
        console.print("No involvement invitations were found. Use --all to score every message.")
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))
