"""How `--help` shows the commands: flags as flags, arguments as `PATH...`.

Recent typer versions draw every option with its Python type (`--debug <bool>`)
and a required argument as `{paths}...`, which reads as if flags took values.
The two classes here keep typer's layout and correct only those two things.
"""

from __future__ import annotations

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


def _no_type(ctx=None) -> None:
    return None


def _one_value(shown):
    """A repeatable option takes one value each time: '<str>', not '<list[str]>'."""

    def display(ctx=None):
        label = shown(ctx)
        return label.replace("list[", "").replace("]>", ">") if label else label

    return display


def _show_flags_as_flags(params) -> None:
    for param in params:
        if isinstance(param, TyperArgument) or (isinstance(param, TyperOption) and param.is_flag):
            param.display_type_rich = _no_type  # the name alone says it: no '<bool>' or '<list[str]>'
        elif isinstance(param, TyperOption) and param.multiple and "display_type_rich" not in vars(param):
            param.display_type_rich = _one_value(param.display_type_rich)


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
