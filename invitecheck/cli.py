"""The command line: wiring only. Logic lives in the engine, rules and reporters.

Heavy modules are imported inside the commands, so that ``--version`` and
``--help`` start fast.
"""

from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Check patient and public involvement invitations: who sent it, time to reply, "
    "what is attached, respectful wording and expenses.",
)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
SCOPE_WORDS = {"subject": "the subject", "body": "the body", "signature": "the sign-off", "all": "the subject and the body"}


def _fail(message: str) -> None:
    typer.echo(f"invitecheck: {message}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"invitecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and stop."),
) -> None:
    """Check patient and public involvement invitations."""


def _parse_sent(value: str):
    from dateutil import parser as dateparser

    try:
        return dateparser.parse(value, dayfirst=True).date()
    except (ValueError, OverflowError, dateparser.ParserError):
        _fail(f"--sent '{value}' is not a real date; write it like 2024-03-04 or 4 March 2024")


def _load_rules(paths: List[str]):
    from .rules import RuleError, load_rules

    try:
        return load_rules(paths)
    except RuleError as error:
        _fail(str(error))


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Invitations to check: .eml, .txt or .md files, folders, or - for standard input."),
    format: str = typer.Option("human", "--format", "-f", help="Output format: human or json."),
    sent: Optional[str] = typer.Option(None, "--sent", help="The date the invitation is or was sent, like 2024-03-04. Overrides the email's Date header; drafts without one use today."),
    rules: List[str] = typer.Option([], "--rules", help="An extra rule file or folder of rule files. Repeatable."),
    attach: List[str] = typer.Option([], "--attach", help="A file that will be attached to a draft. Repeatable."),
    fail_under: Optional[int] = typer.Option(None, "--fail-under", min=0, max=100, help="Exit with status 1 when any file scores below this."),
) -> None:
    """Check invitations and print a scored report with the evidence for each finding.

    Exit status: 0 when every file passed; 1 when any file has an error-severity
    failure or scores under --fail-under; 2 when a file or rule could not be read.
    """
    from .engine import Settings, check_path
    from .loaders import expand_paths
    from .reporters import FORMATS, render

    if format not in FORMATS:
        _fail(f"unknown format '{format}'; choose one of {', '.join(FORMATS)}")
    settings = Settings(sent=_parse_sent(sent) if sent else None, attachments=tuple(attach))
    loaded = _load_rules(rules)
    results = [check_path(path, loaded, settings) for path in expand_paths(paths)]
    if not results:
        _fail("no invitations found in " + ", ".join(paths) + " (looked for .eml, .txt and .md files)")

    sys.stdout.write(render(format, results, loaded, color=_use_colour()) if format == "human" else render(format, results, loaded))
    sys.stdout.flush()
    for result in results:
        if result.error:
            typer.echo(result.error, err=True)
    if any(r.error for r in results):
        raise typer.Exit(EXIT_BAD_INPUT)
    failing = any(
        any(c.severity == "error" for c in r.failed) or (fail_under is not None and r.score < fail_under)
        for r in results
    )
    raise typer.Exit(EXIT_FAILED if failing else EXIT_OK)


@app.command("rules")
def list_rules(
    rules: List[str] = typer.Option([], "--rules", help="An extra rule file or folder to list too."),
) -> None:
    """List every rule: id, severity, weight and title."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for column in ("Rule", "Severity", "Weight", "Title"):
        table.add_column(column, justify="right" if column == "Weight" else "left")
    for rule in _load_rules(rules):
        table.add_row(rule.id, rule.severity, str(rule.weight), rule.title)
    Console(no_color=not _use_colour(), highlight=False, width=max(100, Console().width)).print(table)


@app.command()
def explain(
    rule_id: str = typer.Argument(..., metavar="RULE", help="The rule's id, such as named-sender."),
    rules: List[str] = typer.Option([], "--rules", help="An extra rule file or folder to look in too."),
) -> None:
    """Explain a rule: why it matters, where the guidance is, and examples."""
    loaded = {rule.id: rule for rule in _load_rules(rules)}
    rule = loaded.get(rule_id)
    if rule is None:
        _fail(f"there is no rule called '{rule_id}'; 'invitecheck rules' lists them")
    lines = [
        f"{rule.id}: {rule.title}",
        f"Severity {rule.severity}, weight {rule.weight}, kind {rule.kind}; reads {SCOPE_WORDS[rule.scope]}.",
        "",
        "Why it matters:",
        f"  {rule.why}",
        "",
        f"Guidance: {rule.source}",
    ]
    for label, key in (("Fails on", "fail"), ("Passes on", "pass")):
        if rule.examples.get(key):
            lines += ["", f"{label}:"]
            for example in rule.examples[key]:
                lines.append("  - " + example.strip().replace("\n", "\n    "))
    typer.echo("\n".join(lines))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("invitecheck: stopped.\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # never show a traceback to a user
        sys.stderr.write(f"invitecheck: something went wrong inside invitecheck ({type(error).__name__}: {error}); please report it.\n")
        sys.exit(EXIT_BAD_INPUT)
