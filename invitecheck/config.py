"""Project configuration: `.invitecheck.yaml`, or `[tool.invitecheck]` in `pyproject.toml`.

Found by walking up from the current folder; `--config FILE` names one and
`--no-config` ignores them all. Command-line options win over the file, and a
`per_file` entry wins over the file's top level for the files it matches.

Every key is checked: an unknown key is an error naming the file and the key.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from .fields import Fields, replace
from .rules import Rule, RuleError, configure_rule, load_yaml, read_settings_text
from .selection import matches
from .sent import YEARS, believable
from .suggest import unknown_rule

CONFIG_NAMES = (".invitecheck.yaml", ".invitecheck.yml")
FAIL_ON = ("error", "warning", "info", "never")

STARTER = """\
# invitecheck configuration. Every key is optional; delete what you do not need.
# Command-line options override these. See the README for more.

# Extra rule files or folders, relative to this file.
rules: []

# Run only these rules (leave out to run them all) ...
# enable: [named-sender, notice-period]
# ... or switch some off.
disable: []

# Change a rule's severity, weight or options.
settings:
  notice-period:
    min_days: 14
  # respectful-wording:
  #   severity: error

# Files and folders not to check: gitignore-style patterns, relative to this file
# (.gitignore is respected too).
exclude: []

# Exit with status 1 when any file scores below this (0-100) ...
# fail_under: 80
# ... or when any check of this severity or worse fails: error, warning, info or never.
fail_on: error

# The date your drafts will be sent, for the notice-period rule (else today).
# sent: 2024-03-04

# Every file checked is an invitation: score it even if it does not look like one
# (a template with placeholders, say), so that none is ever passed over in CI.
# all_invitations: true

# Different settings for some files, matched by gitignore-style patterns.
# per_file:
#   - files: ["templates/reminders/*.txt"]
#     settings:
#       notice-period: {min_days: 7}
"""

# The same starter as a table for pyproject.toml (TOML, not YAML: `init pyproject.toml` adds it at the end).
STARTER_TOML = """\

[tool.invitecheck]
# invitecheck configuration. Every key is optional; delete what you do not need.
# Command-line options override these. See the README for more.
rules = []        # extra rule files or folders, relative to this file
# enable = ["named-sender", "notice-period"]   # run only these ...
disable = []      # ... or switch some off
exclude = []      # files and folders not to check (gitignore-style patterns)
fail_on = "error" # error, warning, info or never
# fail_under = 80
# sent = 2024-03-04
# all_invitations = true   # score every file, even one that does not look like an invitation

[tool.invitecheck.settings]
notice-period = {min_days = 14}
# respectful-wording = {severity = "error"}

# [[tool.invitecheck.per_file]]
# files = ["templates/reminders/*.txt"]
# settings = {notice-period = {min_days = 7}}
"""


class ConfigError(Exception):
    """A configuration that cannot be used. The message names the file and the problem."""


class Overrides(Fields):
    """Rule choices: which rules run, and what is changed in each."""

    __slots__ = ("enable", "disable", "settings")

    def __init__(self, enable: tuple[str, ...] | None = None, disable: tuple[str, ...] = (),
                 settings: dict[str, dict] | None = None) -> None:
        self.enable, self.disable = enable, disable
        self.settings = {} if settings is None else settings


class PerFile(Fields):
    """A per_file entry: the files it is for, its rule choices, and their send date."""

    __slots__ = ("files", "overrides", "sent")

    def __init__(self, files: tuple[str, ...], overrides: Overrides, sent: date | None = None) -> None:
        self.files, self.overrides, self.sent = files, overrides, sent


_NO_OVERRIDES = Overrides()


class Config(Fields):
    __slots__ = ("path", "base", "rules", "overrides", "exclude", "fail_under", "fail_on", "sent", "per_file",
                 "all_invitations")

    def __init__(self, path: str | None = None, base: Path = Path("."), rules: tuple[str, ...] = (),
                 overrides: Overrides = _NO_OVERRIDES, exclude: tuple[str, ...] = (), fail_under: int | None = None,
                 fail_on: str | None = None, sent: date | None = None, per_file: tuple[PerFile, ...] = (),
                 all_invitations: bool = False) -> None:
        self.path, self.base, self.rules, self.overrides, self.exclude = path, base, rules, overrides, exclude
        self.fail_under, self.fail_on, self.sent, self.per_file = fail_under, fail_on, sent, per_file
        self.all_invitations = all_invitations  # score every file, even one that does not look like an invitation

    def matching(self, path: str) -> list[PerFile]:
        """The per_file entries whose gitignore-style `files` patterns match PATH."""
        return [entry for entry in self.per_file if matches(path, self.base, entry.files)]


# -- finding and reading ------------------------------------------------------


def find_config(start: Path | None = None) -> Path | None:
    """The nearest .invitecheck.yaml, or pyproject.toml with [tool.invitecheck], walking up."""
    folder = (start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def _toml():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib


def _pyproject_table(path: Path) -> dict | None:
    tomllib = _toml()
    try:
        text = read_settings_text(path, 16 * 1024 * 1024, "utf-8")  # never a pipe or a device, which would not end
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError):
        return None
    except tomllib.TOMLDecodeError as error:
        if "tool.invitecheck" not in text:  # another tool's broken file is not ours to refuse
            return None
        raise ConfigError(f"{path}: it is not valid TOML ({error})") from None
    table = data.get("tool", {}).get("invitecheck")
    return table if isinstance(table, dict) else None


def write_starter(path: Path) -> str:
    """Write a starter configuration at path and say what was done; never overwrite one.

    A pyproject.toml gets a [tool.invitecheck] table added at its end; any other
    name gets the YAML starter, and must end .yaml or .yml so that it is read as YAML.
    """
    if path.name == "pyproject.toml":
        if path.exists():
            if not path.is_file():  # a pipe would block the writing for ever, a folder cannot take it
                raise ConfigError(f"{path}: is not an ordinary file, so no table was added to it")
            if _pyproject_table(path) is not None:
                raise ConfigError(f"{path} already has a [tool.invitecheck] table; it was left as it is")
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(STARTER_TOML)
            return f"Added a [tool.invitecheck] table to {path}."
        text, mode = STARTER_TOML.lstrip("\n"), "x"
    elif path.suffix in (".yaml", ".yml"):
        if path.exists():
            raise ConfigError(f"{path} already exists; it was left as it is")
        text, mode = STARTER, "x"
    else:
        raise ConfigError(f"{path}: a configuration file must be YAML (ending .yaml or .yml) or a pyproject.toml")
    with open(path, mode, encoding="utf-8") as handle:
        handle.write(text)
    return f"Wrote {path}."


def load_config(path: Path) -> Config:
    where = str(path)
    try:
        if path.name == "pyproject.toml":
            data = _pyproject_table(path) or {}
        else:
            if path.stat().st_size > 1024 * 1024:
                raise ConfigError(f"{where}: the configuration file is larger than 1 MB")
            try:
                data = load_yaml(read_settings_text(path, 1024 * 1024), where)
            except RuleError as error:
                raise ConfigError(str(error)) from None
    except FileNotFoundError:
        raise ConfigError(f"{where}: no such configuration file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{where}: the configuration file is not UTF-8 text") from None
    except OSError as error:
        raise ConfigError(f"{where}: could not be read ({error.strerror or error})") from None
    if data is None:
        data = {}
    return parse_config(data, where, path.parent)


TOP_KEYS = ("rules", "enable", "disable", "settings", "exclude", "fail_under", "fail_on", "sent", "per_file", "all_invitations")
PER_FILE_KEYS = ("files", "enable", "disable", "settings", "sent")


def _at(data: Any, key: str, where: str) -> str:
    lines = getattr(data, "lines", {})
    return f"{where}, line {lines[key]}" if key in lines else where


def _strings(data: dict, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{_at(data, key, where)}: '{key}' must be a list of names")
    return tuple(value)


def _sent(data: dict, where: str) -> date | None:
    value = data.get("sent")
    if isinstance(value, str):
        from .dates import parse_written_date

        try:
            value = parse_written_date(value).date()
        except (ValueError, OverflowError):
            pass
    if value is None:
        return value
    if isinstance(value, date):
        if not believable(value.year):
            raise ConfigError(f"{_at(data, 'sent', where)}: 'sent' is in the year {value.year}; give a date in the years {YEARS}")
        return value
    raise ConfigError(f"{_at(data, 'sent', where)}: 'sent' must be a real date written like 2024-03-04")


def _overrides(data: dict, where: str) -> Overrides:
    settings = data.get("settings", {}) or {}
    if not isinstance(settings, dict) or not all(isinstance(v, dict) for v in settings.values()):
        raise ConfigError(f"{_at(data, 'settings', where)}: 'settings' must map rule ids to their changes, like 'notice-period: {{min_days: 21}}'")
    return Overrides(
        enable=_strings(data, "enable", where) if "enable" in data else None,
        disable=_strings(data, "disable", where),
        settings={str(k): dict(v) for k, v in settings.items()},
    )


def _check_keys(data: dict, known: tuple[str, ...], where: str, what: str) -> None:
    for key in data:
        if str(key).replace("-", "_") not in known:
            raise ConfigError(f"{_at(data, str(key), where)}: unknown key '{key}' in {what} (known keys: {', '.join(known)})")


def parse_config(data: Any, where: str, base: Path) -> Config:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the configuration must be a mapping of keys such as 'rules:' and 'disable:'")
    normalised = type(data)()
    if hasattr(data, "lines"):
        normalised.lines = {k.replace("-", "_"): v for k, v in data.lines.items()}
    _check_keys(data, TOP_KEYS, where, "the configuration")
    for key, value in data.items():
        normalised[str(key).replace("-", "_")] = value
    data = normalised

    fail_under = data.get("fail_under")
    if fail_under is not None and (isinstance(fail_under, bool) or not isinstance(fail_under, int) or not 0 <= fail_under <= 100):
        raise ConfigError(f"{_at(data, 'fail_under', where)}: 'fail_under' must be a whole number from 0 to 100")
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{_at(data, 'fail_on', where)}: 'fail_on' must be one of {', '.join(FAIL_ON)}")

    all_invitations = data.get("all_invitations", False)
    if not isinstance(all_invitations, bool):
        raise ConfigError(f"{_at(data, 'all_invitations', where)}: 'all_invitations' must be true or false")

    per_file = []
    entries = data.get("per_file", []) or []
    if not isinstance(entries, list):
        raise ConfigError(f"{_at(data, 'per_file', where)}: 'per_file' must be a list of entries with 'files:'")
    for entry in entries:
        if not isinstance(entry, dict) or "files" not in entry:
            raise ConfigError(f"{_at(data, 'per_file', where)}: each 'per_file' entry needs 'files:' (a glob or a list of globs)")
        _check_keys(entry, PER_FILE_KEYS, where, "a per_file entry")
        per_file.append(PerFile(_strings(entry, "files", where), _overrides(entry, where), _sent(entry, where)))

    rules = tuple(str((base / item)) for item in _strings(data, "rules", where))
    return Config(
        path=where, base=base, rules=rules, overrides=_overrides(data, where),
        exclude=_strings(data, "exclude", where), fail_under=fail_under, fail_on=fail_on,
        sent=_sent(data, where), per_file=tuple(per_file), all_invitations=all_invitations,
    )


# -- applying rule choices ----------------------------------------------------


def apply_overrides(rules: list[Rule], overrides: Overrides, where: str) -> list[Rule]:
    """The rules with enable/disable and per-rule settings applied."""
    known = {rule.id for rule in rules}
    for rule_id in [*(overrides.enable or ()), *overrides.disable, *overrides.settings]:
        if rule_id not in known:
            raise ConfigError(unknown_rule(rule_id, sorted(known), where))
    chosen = [r for r in rules if (overrides.enable is None or r.id in overrides.enable) and r.id not in overrides.disable]
    result = []
    for rule in chosen:
        changes = overrides.settings.get(rule.id)
        if changes:
            try:
                rule = configure_rule(rule, changes)
            except RuleError as error:
                raise ConfigError(f"{where}: settings for '{rule.id}': {error}") from None
        result.append(rule)
    return result


def with_cli(config: Config, **changes) -> Config:
    """The configuration with command-line options laid over it (None means 'not given')."""
    return replace(config, **{k: v for k, v in changes.items() if v is not None})


def with_rule_choices(config: Config, select=(), ignore=()) -> Config:
    """The configuration with --select (only these rules) and --ignore (not these) laid over it."""
    overrides = config.overrides
    return replace(config, overrides=replace(
        overrides, enable=tuple(select) if select else overrides.enable, disable=overrides.disable + tuple(ignore),
    ))
