"""The command line: wiring only. Logic lives in the engine, rules and reporters.

Heavy modules are imported inside the commands, so that ``--version`` and
``--help`` start fast.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import List, Optional

import typer

from . import __version__
from .usage import Command, Group
from .loaders import SUFFIX_LIST

app = typer.Typer(
    cls=Group,
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Check patient and public involvement invitations: who sent it, time to reply, "
    "what is attached, respectful wording and expenses.",
)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
READER_FORMATS = ("human", "html", "json")  # the formats --for reader changes


def _fail(message: str) -> None:
    from .printable import printable

    typer.echo(printable("\n".join(f"invitecheck: {line}" for line in message.splitlines())), err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"invitecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Show the version and stop."),
) -> None:
    """Check patient and public involvement invitations."""


def _parse_sent(value: str):
    from .dates import YearNotInFull, parse_written_date
    from .sent import YEARS, believable

    try:
        day = parse_written_date(value).date()
    except YearNotInFull:
        _fail(f"--sent '{value[:60]}' does not give its year in full; write it like 2024-03-04 or 4 March 2024")
    except (ValueError, OverflowError):
        _fail(f"--sent '{value[:60]}' is not a real date; write it like 2024-03-04 or 4 March 2024")
    if not believable(day.year):
        _fail(f"--sent '{value[:60]}' is in the year {day.year}; give a date in the years {YEARS}")
    return day


def _load_rules(paths: List[str], include_bundled: bool = True):
    from .rules import RuleError, load_rules

    try:
        return load_rules(paths, include_bundled=include_bundled)
    except RuleError as error:
        _fail(str(error))


def _config(path: Optional[str], ignore: bool):
    from pathlib import Path

    from .config import Config, ConfigError, find_config, load_config

    if ignore:
        return Config()
    try:
        found = Path(path) if path else find_config()
        return load_config(found) if found else Config()
    except ConfigError as error:
        _fail(str(error))


def _use_colour(no_color: bool = False) -> bool:
    """Colour for a terminal; never with --no-color or NO_COLOR; always with FORCE_COLOR (https://no-color.org)."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def _complete_rule_ids(incomplete: str) -> List[str]:
    from .rules import bundled_rules

    return [rule.id for rule in bundled_rules() if rule.id.startswith(incomplete)]


def _complete_formats(incomplete: str) -> List[str]:
    from .reporters import FORMATS

    return [name for name in FORMATS if name.startswith(incomplete)]


def _check_rule_ids(ids: List[str], option: str, known) -> None:
    from .suggest import unknown_rule

    for rule_id in ids:
        if rule_id not in known:
            _fail(f"{option}: " + unknown_rule(rule_id, sorted(known)))


def _check_files(paths, *, sent, rules, attach, exclude, jobs, config, no_config, max_file_size=25, max_parts=1000,
                 max_text=200_000, debug=False, output=None, format="human", keep_text=False, select=(), ignore=(),
                 force=True):
    """The shared pipeline of check and reply: configuration, rules, files, results."""
    from dataclasses import replace

    from .config import ConfigError, with_rule_choices
    from .engine import FileResult, Settings
    from .loaders import Limits
    from .runner import default_jobs, in_order, plan, run
    from .selection import Selection

    project = _config(config, no_config)
    cli_sent = _parse_sent(sent) if sent is not None else None  # an empty --sent "" is an error, not today
    settings = Settings(
        sent=cli_sent or project.sent, sent_from_cli=cli_sent is not None, attachments=tuple(attach),
        limits=Limits(max_file_bytes=max_file_size * 1024 * 1024, max_parts=max_parts), max_text=max_text, debug=debug,
        only_invitations=not (force or project.all_invitations),
    )
    loaded = _load_rules(list(project.rules) + list(rules))
    known = {rule.id for rule in loaded}
    _check_rule_ids(list(select), "--select", known)
    _check_rule_ids(list(ignore), "--ignore", known)
    notes = _rule_notes(project, loaded, found_above=config is None)  # before --select and --ignore
    project = with_rule_choices(project, select, ignore)
    selection = Selection(project.exclude, project.base, _shown_path(project.path or "the configuration"), tuple(exclude))
    files, skipped, problems = selection.files(paths)
    if not files and not problems:
        names = ", ".join(f"{path} (excluded by {reason})" for path, reason in skipped)
        typer.echo(f"invitecheck: nothing to check: {names}", err=True)
        return [], [], project
    if output:
        _refuse(output, list(paths) + files)
    try:
        settings = replace(settings, notes=notes)
        planned, rule_sets = plan(files, loaded, project, settings)
    except ConfigError as error:
        _fail(str(error))
    progress, finish = _progress(len(planned), format)
    try:
        results = run(planned, rule_sets, workers=jobs or default_jobs(), progress=progress, keep_text=keep_text)
    finally:
        finish()
    # Paths that gave nothing to check are results too, so every reporter shows them.
    results = in_order(results + [FileResult(path=path, error=problem) for path, problem in problems])
    all_rules = list({rule.id: rule for rule_set in rule_sets for rule in rule_set}.values())
    return results, all_rules, project


def _rule_notes(project, loaded, found_above: bool) -> tuple[str, ...]:
    """What a report should say about where its rules came from, so nothing applies silently:
    a configuration from a folder above this one that turns rules off, and user rules that
    take a bundled rule's id."""
    from pathlib import Path

    from .config import ConfigError, apply_overrides

    notes = []
    if found_above and project.path and Path(project.path).parent.resolve() != Path.cwd().resolve():
        try:
            kept = {rule.id for rule in apply_overrides(loaded, project.overrides, project.path)}
        except ConfigError:  # reported, in one sentence, when the files are planned
            kept = {rule.id for rule in loaded}
        off = [rule.id for rule in loaded if rule.id not in kept]
        if off:
            notes.append(f"The configuration {project.path}, in a folder above this one, turns off "
                         f"{len(off)} rule{'s' if len(off) != 1 else ''}: {', '.join(sorted(off))}.")
    for rule in loaded:
        if rule.replaces:
            notes.append(f"The rule '{rule.id}' comes from {rule.path}, in place of the bundled rule of that name.")
    return tuple(notes)


def _emit(text: str, output: Optional[str]) -> None:
    from .output import OutputError, write_atomically

    if not output:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader stopped reading (| head): not an error (see main)
        except OSError as error:  # standard output sent to a full disk or /dev/full
            _stdout_lost()
            _fail(f"the report could not be written to standard output ({error.strerror or error})")
        return
    try:
        write_atomically(output, text)
    except OutputError as error:
        _fail(str(error))


def _stdout_lost() -> None:
    """After a failed write, send what is left in standard output's buffer nowhere, so that Python's
    own flush at exit does not fail again with a traceback-like 'Exception ignored' message."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind standard output (a test's runner)
        pass


def _refuse(output: str, files: List[str]) -> None:
    from .output import OutputError, refuse_input_as_output

    try:
        refuse_input_as_output(output, files)
    except OutputError as error:
        _fail(str(error))


@app.command(cls=Command)
def check(
    paths: List[str] = typer.Argument(..., metavar="PATH", help=f"Invitations to check: files, folders (searched for {SUFFIX_LIST} files), or - for standard input."),
    format: str = typer.Option("human", "--format", "-f", autocompletion=_complete_formats, help="Output format: human, json, sarif, github, line or html."),
    audience: str = typer.Option("sender", "--for", help="Who the report is for: 'sender' (the team writing it, the default) or 'reader' (someone who received it: plain words, what to ask for, a reply; with --format human, html or json)."),
    sent: Optional[str] = typer.Option(None, "--sent", help="The date the invitation is or was sent, like 2024-03-04. Overrides the email's Date header; drafts without one use today."),
    rules: List[str] = typer.Option([], "--rules", help="An extra rule file or folder of rule files. Repeatable."),
    select: List[str] = typer.Option([], "--select", autocompletion=_complete_rule_ids, help="Run only this rule (an id such as notice-period). Repeatable; overrides the configuration's 'enable'."),
    ignore: List[str] = typer.Option([], "--ignore", autocompletion=_complete_rule_ids, help="Do not run this rule. Repeatable; adds to the configuration's 'disable'."),
    attach: List[str] = typer.Option([], "--attach", help="A file that will be attached to a draft. Repeatable."),
    fail_under: Optional[int] = typer.Option(None, "--fail-under", min=0, max=100, help="Exit with status 1 when any file scores below this."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit with status 1 when a check of this severity or worse fails: error (the default), warning, info or never."),
    exclude: List[str] = typer.Option([], "--exclude", help="Files or folders not to check: a gitignore-style pattern such as 'drafts/old/' or '*.bak'. Repeatable; adds to the configuration's 'exclude'."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for many files (default: the number of cores)."),
    config: Optional[str] = typer.Option(None, "--config", help="Use this configuration file instead of looking for .invitecheck.yaml."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore any configuration file."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of standard output (never over an input file)."),
    max_file_size: int = typer.Option(25, "--max-file-size", min=1, help="Refuse files larger than this many megabytes."),
    max_parts: int = typer.Option(1000, "--max-parts", min=1, help="Refuse emails with more MIME parts than this."),
    max_text: int = typer.Option(200_000, "--max-text", min=1000, help="Check at most this many characters of each invitation; the report says when a text was cut."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Show only problems: the report leaves out files that pass, checks that pass or do not apply, and the summary."),
    statistics: bool = typer.Option(False, "--statistics", help="Instead of the report, count the findings of each rule."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour, even in a terminal (as does the NO_COLOR variable; FORCE_COLOR forces it)."),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback when invitecheck itself goes wrong."),
    force: bool = typer.Option(False, "--force", help="Score every file, even one that does not look like an involvement invitation (which is otherwise reported as not checked)."),
) -> None:
    """Check invitations and print a scored report with the evidence for each finding.

    A file that does not look like an involvement invitation is reported as not
    checked, and not scored; --force, or all_invitations: true in the
    configuration, scores it anyway.

    Exit status: 0 when every file passed; 1 when any file has a failed check at
    or above --fail-on (error by default) or scores under --fail-under; 2 when a
    file, rule or configuration could not be read.
    """
    from .config import FAIL_ON
    from .reporters import FORMATS, render
    from .scoring import fails_policy
    from .suggest import did_you_mean

    if format not in FORMATS:
        _fail(f"unknown format '{format}'{did_you_mean(format, FORMATS)}; choose one of {', '.join(FORMATS)}")
    if audience not in ("sender", "reader"):
        _fail(f"--for '{audience}'{did_you_mean(audience, ('sender', 'reader'))} is not one of sender, reader")
    if audience == "reader" and format not in READER_FORMATS:
        _fail(f"--for reader gives plain words for a person, so it works with --format human, html or json; "
              f"--format {format} is for tools, which have no reader")
    if fail_on is not None and fail_on not in FAIL_ON:
        _fail(f"--fail-on '{fail_on}'{did_you_mean(fail_on, FAIL_ON)} is not one of {', '.join(FAIL_ON)}")
    results, all_rules, project = _check_files(
        paths, sent=sent, rules=rules, attach=attach, exclude=exclude, jobs=jobs, config=config, no_config=no_config,
        max_file_size=max_file_size, max_parts=max_parts, max_text=max_text, debug=debug, output=output, format=format,
        keep_text=format == "html" or audience == "reader", select=select, ignore=ignore, force=force,
    )
    if statistics:
        report = render("statistics", results, all_rules)
    elif audience == "reader" and format == "human":
        report = render("reader", results, all_rules)
    elif audience == "reader":
        report = render(format, results, all_rules, reader=True)
    elif format == "human":
        report = render(format, results, all_rules, color=_use_colour(no_color) and not output, quiet=quiet)
    else:
        report = render(format, results, all_rules)
    _emit(report, output)
    from .printable import printable

    for result in results:
        if result.error:
            typer.echo(printable(result.error), err=True)
    if any(r.error for r in results):
        raise typer.Exit(EXIT_BAD_INPUT)
    policy_on = fail_on or project.fail_on or "error"
    policy_under = fail_under if fail_under is not None else project.fail_under
    failing = any(fails_policy(r, policy_on, policy_under) for r in results)
    raise typer.Exit(EXIT_FAILED if failing else EXIT_OK)


@app.command(cls=Command)
def reply(
    path: str = typer.Argument(..., help=f"The invitation you received: one {SUFFIX_LIST} file, or - for standard input."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the reply to this file instead of standard output."),
    template: Optional[str] = typer.Option(None, "--template", help="A reply template of your own (see invitecheck/templates/reply.yaml)."),
    sent: Optional[str] = typer.Option(None, "--sent", help="The date it was sent, if the file does not say."),
    rules: List[str] = typer.Option([], "--rules", help="An extra rule file or folder of rule files. Repeatable."),
    config: Optional[str] = typer.Option(None, "--config", help="Use this configuration file."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore any configuration file."),
) -> None:
    """Write a short, polite reply that asks the sender for exactly what is missing.

    When nothing is missing it says so instead. Exit status 0, or 2 when the file
    cannot be read or has no text.
    """
    from .facts import of_result
    from .printable import printable
    from .reply import load_template, reply_text
    from .rules import RuleError

    try:
        chosen = load_template(template)
    except RuleError as error:
        _fail(str(error))
    results, all_rules, _ = _check_files(
        [path], sent=sent, rules=rules, attach=[], exclude=[], jobs=1, config=config, no_config=no_config,
        output=output, keep_text=True,
    )
    if not results:  # the file is excluded by the configuration: said on standard error
        raise typer.Exit(EXIT_OK)
    result = results[0]
    if result.error:
        _fail(result.error)
    doc = result.invitation
    if doc is not None and not (doc.subject_text.strip() or doc.body_text.strip()):
        # An empty file got 'Thank you for your invitation …' asking for a contact.
        _fail(f"{result.path}: it has no text, so there is nothing to reply to")
    facts = of_result(result)
    name = facts.people.sender_name if facts is not None else ""
    text = reply_text(result, all_rules, chosen, name)
    if text is None:
        typer.echo(printable(chosen["nothing_missing"]))
        raise typer.Exit(EXIT_OK)
    _emit(text, output)
    raise typer.Exit(EXIT_OK)


def _progress(total: int, format: str):
    """A progress bar on standard error, only for people watching a terminal."""
    if total < 20 or format != "human" or not (sys.stderr.isatty() and sys.stdout.isatty()):
        return None, lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("Checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task("check", total=total)
    bar.start()
    return (lambda: bar.advance(task)), bar.stop


@app.command(cls=Command)
def init(
    path: str = typer.Argument(".invitecheck.yaml", help="Where to write the starter configuration: a .yaml file, or pyproject.toml to add a \\[tool.invitecheck] table to it."),
) -> None:
    """Write a commented starter configuration. It never overwrites an existing one."""
    from pathlib import Path

    from .config import ConfigError, write_starter

    try:
        done = write_starter(Path(path))
    except ConfigError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"{path}: could not be written ({error.strerror or error})")
    typer.echo(f"{done} Edit it to choose rules, settings and the files to check.")


@app.command("test-rules", cls=Command)
def test_rules(
    paths: List[str] = typer.Argument(..., help="Rule files or folders of rule files."),
) -> None:
    """Run the examples in each rule file and report any that do not behave as labelled.

    Exit status 0 when every example behaves, 1 when any does not, 2 when a rule
    file cannot be read.
    """
    from .engine import Settings, example_mismatches
    from .printable import printable
    from .wording import plural

    loaded = _load_rules(paths, include_bundled=False)
    settings = Settings()
    failures = 0
    for rule in loaded:
        count = len(rule.examples.get("fail", [])) + len(rule.examples.get("pass", []))
        wrong = example_mismatches(rule, settings)
        if not count:
            typer.echo(printable(f"{rule.path}: {rule.id}: no examples to run"))
            continue
        if not wrong:
            typer.echo(printable(f"{rule.path}: {rule.id}: {plural(count, 'example')} {'behaves' if count == 1 else 'behave'} as labelled"))
        for label, text, status in wrong:
            failures += 1
            shown = " ".join(text.split())[:80]
            typer.echo(printable(f"{rule.path}: {rule.id}: the {label} example '{shown}' gave {status}"))
    raise typer.Exit(EXIT_FAILED if failures else EXIT_OK)


@app.command(cls=Command)
def audit(
    path: str = typer.Argument(..., help=f"An mbox file, a Maildir, or a folder (searched for {SUFFIX_LIST} files)."),
    everything: bool = typer.Option(False, "--all", help="Score every message, not only involvement invitations."),
    format: str = typer.Option("human", "--format", "-f", help="Output format: human, json, or csv (one row per invitation)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of standard output."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: the number of cores)."),
    rules: List[str] = typer.Option([], "--rules", help="An extra rule file or folder of rule files. Repeatable."),
    classifier: Optional[str] = typer.Option(None, "--classifier", help="Your own invitation classifier (see invitecheck/classifier.yaml)."),
    config: Optional[str] = typer.Option(None, "--config", help="Use this configuration file."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore any configuration file."),
    max_file_size: int = typer.Option(25, "--max-file-size", min=1, help="Refuse messages larger than this many megabytes."),
) -> None:
    """Audit a whole mailbox: how an organisation's invitations have really been.

    Only involvement invitations are scored (see --all); the rest are counted as
    skipped, and messages that cannot be read are counted with their reasons.
    """
    from pathlib import Path

    from .audit import Summary
    from .classify import load_classifier
    from .config import ConfigError, apply_overrides
    from .engine import Settings
    from .loaders import Limits
    from .rules import RuleError
    from .runner import default_jobs, stream_audit
    from .sources import is_mbox, iter_items
    from .suggest import did_you_mean

    if format not in ("human", "json", "csv"):
        _fail(f"unknown format '{format}'{did_you_mean(format, ('human', 'json', 'csv'))} for an audit; choose one of human, json, csv")
    if not Path(path).exists():
        _fail(f"{path}: no such file or folder")
    project = _config(config, no_config)
    loaded = _load_rules(list(project.rules) + list(rules))
    try:
        loaded = apply_overrides(loaded, project.overrides, project.path or "the configuration")
        chosen = load_classifier(classifier)
    except (ConfigError, RuleError) as error:
        _fail(str(error))
    if output:
        _refuse(output, [path])
    settings = Settings(sent=project.sent, limits=Limits(max_file_bytes=max_file_size * 1024 * 1024))
    progress = _AuditProgress(Path(path).stat().st_size if is_mbox(Path(path)) else None)
    items = progress.reading(iter_items(path, settings.limits.max_file_bytes))
    records = stream_audit(items, (loaded, settings, chosen, everything), workers=jobs or default_jobs())

    from .output import OutputError, Sink

    summary = Summary()
    try:
        with Sink(output) as out:
            _write_audit(out, format, path, records, summary, loaded, progress, colour=_use_colour() and not output)
    except OutputError as error:
        _fail(str(error))
    raise typer.Exit(EXIT_OK)


def _write_audit(out, format: str, path: str, records, summary, rules, progress, colour: bool) -> None:
    """The audit's report: CSV rows as the records come (never held in memory), or the summary at the end."""
    from .audit import csv_header, csv_row

    writer = None
    if format == "csv":
        import csv

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(csv_header(rules))
    progress.start()
    try:
        for record in records:
            summary.add(record)
            if writer is not None and record["status"] in ("invitation", "other"):
                writer.writerow(csv_row(record, rules))
            progress.tick(summary)
    finally:
        progress.stop()
    if writer is None:
        from .reporters.audit import render

        out.write(render(format, path, summary.to_dict(), color=colour))


class _AuditProgress:
    """An audit's progress on standard error, whenever that is a terminal (the report may go
    to a file or a pipe). For an mbox, whose size is known, a bar with the share read and the
    time left; otherwise a running count."""

    def __init__(self, total_bytes: int | None) -> None:
        self.total, self.read_to, self.bar = total_bytes, 0, None

    def reading(self, items):
        """The items, passed on as they are; the last one's place in the mbox is noted."""
        for item in items:
            self.read_to = item.read_to
            yield item

    def start(self) -> None:
        if not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        columns = [TextColumn("{task.description}")]
        columns += [BarColumn(), TaskProgressColumn(), TimeRemainingColumn()] if self.total else [SpinnerColumn(), TimeElapsedColumn()]
        self.bar = Progress(*columns, console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("Reading messages", total=self.total or None)
        self.bar.start()

    def tick(self, summary) -> None:
        if self.bar is not None and summary.messages % 50 == 0:
            words = f"{summary.messages:,} message{'s' if summary.messages != 1 else ''}, {summary.invitations:,} invitation{'s' if summary.invitations != 1 else ''}"
            self.bar.update(self.task, description=words, completed=self.read_to if self.total else None)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _configured_rules(rules: List[str], config: Optional[str], no_config: bool):
    """(the rules that run, with the configuration's settings; the rules it switches off; where it is)."""
    from .config import ConfigError, apply_overrides

    project = _config(config, no_config)
    loaded = _load_rules(list(project.rules) + list(rules))
    where = project.path or "the configuration"
    try:
        running = apply_overrides(loaded, project.overrides, where)
    except ConfigError as error:
        _fail(str(error))
    on = {rule.id for rule in running}
    return running, [rule for rule in loaded if rule.id not in on], _shown_path(where)


def _shown_path(path: str) -> str:
    """A path as a person would type it: relative to the current folder when it is inside it."""
    import os

    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return path if relative.startswith("..") else relative


@app.command("rules", cls=Command)
def list_rules(
    rules: List[str] = typer.Option([], "--rules", help="An extra rule file or folder to list too."),
    config: Optional[str] = typer.Option(None, "--config", help="Use this configuration file instead of looking for .invitecheck.yaml."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore any configuration file: list the rules as they ship."),
) -> None:
    """List the rules that run, as the configuration sets them: id, severity, weight and title."""
    from rich.console import Console
    from rich.table import Table

    from .printable import rich_text

    running, off, where = _configured_rules(rules, config, no_config)
    table = Table(show_edge=False, header_style="bold")
    for column in ("Rule", "Severity", "Weight", "Title"):
        table.add_column(column, justify="right" if column == "Weight" else "left")
    for rule in running:
        table.add_row(rich_text(rule.id), rule.severity, str(rule.weight), rich_text(rule.title))
    console = Console(no_color=not _use_colour(), highlight=False, width=max(100, Console().width))
    console.print(table)
    if off:
        console.print(rich_text(f"Switched off by {where}: {', '.join(rule.id for rule in off)}."))


@app.command(cls=Command)
def explain(
    rule_id: str = typer.Argument(..., metavar="RULE", help="The rule's id, such as named-sender."),
    rules: List[str] = typer.Option([], "--rules", help="An extra rule file or folder to look in too."),
    config: Optional[str] = typer.Option(None, "--config", help="Use this configuration file instead of looking for .invitecheck.yaml."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore any configuration file: explain the rule as it ships."),
) -> None:
    """Explain a rule as the configuration sets it: why it matters, where the guidance is, and examples."""
    from .explain import explain_lines
    from .ruledocs import help_url
    from .suggest import unknown_rule

    running, off, where = _configured_rules(rules, config, no_config)
    loaded = {rule.id: rule for rule in [*running, *off]}
    rule = loaded.get(rule_id)
    if rule is None:
        _fail(unknown_rule(rule_id, sorted(loaded)))
    from .printable import printable

    switched_off = where if rule.id in {r.id for r in off} else ""
    lines = explain_lines(rule, switched_off_by=switched_off, page=help_url(rule))
    typer.echo(printable("\n".join(lines)))


def _command_name(info) -> str:
    return info.name or info.callback.__name__.lower().replace("_", "-")  # as typer names a command


def _app_for(arguments: list[str]) -> typer.Typer:
    """The app with only the command the arguments start with, when they start with one: typer
    builds the options of every command before it runs one (about half of them for `check` alone).
    With no command first (--help, --version, a mistyped name), every command, to list or suggest."""
    import copy

    named = [info for info in app.registered_commands if arguments and _command_name(info) == arguments[0]]
    if not named:
        return app
    only = copy.copy(app)
    only.registered_commands = named
    return only


def main() -> None:
    from .output import ENCODING_ERRORS

    if hasattr(sys.stdout, "reconfigure"):  # a file name that is not UTF-8 must not stop a report
        sys.stdout.reconfigure(errors=ENCODING_ERRORS)
    try:
        _app_for(sys.argv[1:])()
    except KeyboardInterrupt:
        sys.stderr.write("invitecheck: stopped.\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # never show a traceback to a user who did not ask for one
        if "--debug" in sys.argv:
            raise
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO):
            # A full disk or a quota (standard output sent to /dev/full) is not a bug of ours: the files
            # are read before the output is written, and their errors are sentences already.
            _stdout_lost()
            sys.stderr.write(f"invitecheck: the output could not be written ({error.strerror or error}).\n")
            sys.exit(EXIT_BAD_INPUT)
        sys.stderr.write(f"invitecheck: something went wrong inside invitecheck ({type(error).__name__}: {error}); please report it, and run again with --debug to see the details.\n")
        sys.exit(EXIT_BAD_INPUT)
    finally:
        cache = sys.modules.get(f"{__package__}.cache")  # imported only by a run that read patterns or rules
        if cache is not None:
            cache.save()  # what this run worked out about them, for the next
