"""How `--help` shows the commands: flags as flags, arguments as `PATH...`.

typer draws a required argument with its Python type (`PATH <str>`) and, in
the usage line, as `{paths}...`, which reads as if it were something to type.
The two classes here keep typer's layout and correct only those two things.
(typer is kept below 0.29, which coerces every option through pydantic and so
adds about a tenth of a second to every run: see pyproject.toml.)
"""

from __future__ import annotations

import copy

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


def _without_type_label(kind):
    """The argument's type, drawn without a label: `PATH`, not `PATH <str>`."""
    shown = copy.copy(kind)  # the type object is shared with options, which keep their labels
    shown.get_metavar = lambda param=None, ctx=None: ""
    return shown


def _show_flags_as_flags(params) -> None:
    for param in params:
        if isinstance(param, TyperArgument) and param.type.get_metavar(param=param, ctx=None) is None:
            param.type = _without_type_label(param.type)


def _usage_pieces(command, ctx) -> list[str]:
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.params:
        if isinstance(param, TyperArgument):
            name = (param.metavar or param.name).upper() + ("..." if param.nargs != 1 else "")
            pieces.append(name if param.required else f"[{name}]")
    return pieces


class Command(TyperCommand):
    """A command whose help shows `check [OPTIONS] PATH...` and flags without a value."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        _show_flags_as_flags(params)
        return params

    def collect_usage_pieces(self, ctx) -> list[str]:
        return _usage_pieces(self, ctx)


class Group(TyperGroup):
    """The top-level `invitecheck` group, with its flags (`--version`) shown as flags."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        _show_flags_as_flags(params)
        return params
