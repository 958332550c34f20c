"""GitHub Actions workflow commands: one annotation per finding, on the file's own lines."""

from __future__ import annotations

from ..locate import position_words

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, rules) -> str:
    lines = []
    for result in results:
        path = _escape_property(result.path)
        if result.error:
            lines.append(f"::error file={path},title=invitecheck%3A unreadable::{_escape_data(result.error)}")
            continue
        if result.skipped:
            lines.append(f"::notice file={path},title=invitecheck%3A skipped::{_escape_data(result.skipped_sentence)}")
            continue
        for check in result.checks:
            for f in check.findings:
                title = _escape_property(f"invitecheck {check.rule}: {check.title}")
                where = position_words(f.position, f.file_line)
                message = f.message + (f" {where}" if where else "") + (f" {f.suggestion}" if f.suggestion else "")
                lines.append(
                    f"::{LEVEL[check.severity]} file={path},line={f.file_line},col={f.file_column},"
                    f"endLine={f.file_end_line},endColumn={f.file_end_column},title={title}::{_escape_data(message)}"
                )
        for warning in result.warnings:
            lines.append(f"::warning file={path},line={warning['line']},title=invitecheck unused-suppression::{_escape_data(warning['message'])}")
    return "\n".join(lines) + ("\n" if lines else "")
