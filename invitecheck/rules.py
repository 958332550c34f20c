"""Rules from YAML: one rule per file, validated field by field.

Every problem is refused with one sentence naming the file, and the line where
there is one: unknown fields, unknown kinds, wrong types, patterns that do not
compile. All the problems of a file (and of every file given) are reported at
once, one a line, so a rule's author fixes them in one go. Only ``yaml.SafeLoader`` is used, so a rule file cannot build Python
objects.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import cache, programs
from .document import SCOPES
from .fields import Fields, replace

SEVERITIES = ("error", "warning", "info")
ID_RE = programs.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WEB_ADDRESS_RE = programs.compile(r"https?://[^\s]+$", re.IGNORECASE)
FIELD_BASE_RE = programs.compile(r"[.\[]")  # where a placeholder's field name ends: {sender.name}, {a[0]}
MAX_RULE_FILE_BYTES = 1024 * 1024


class RuleError(Exception):
    """A rule file that cannot be used. The message names the file and the problem.

    One error can carry several problems (``problems``), one a line, so that a
    rule file's every mistake is reported at once. A kind's ``prepare`` may set
    ``field`` (the field at fault) and ``item`` (which pattern in it: a list
    index or a mapping key), so the loader can name the line.
    """

    def __init__(self, message: str = "", field: str | None = None, item: Any = None, problems: list[RuleError] | None = None):
        self.problems = problems or [self]
        super().__init__("\n".join(str(p) for p in problems) if problems else message)
        self.field = field
        self.item = item

    @classmethod
    def joined(cls, errors: list[RuleError]) -> RuleError:
        """One error holding every problem of ``errors``."""
        problems = [problem for error in errors for problem in error.problems]
        return problems[0] if len(problems) == 1 else cls(problems=problems)


def gather(pairs, make, mark_item: bool = True) -> list:
    """``make(key, value)`` for every pair; the RuleErrors of all of them raised together.

    With ``mark_item``, each problem remembers its key (a list index, a mapping
    key) as ``item``, so the loader can name its line.
    """
    made, problems = [], []
    for key, value in pairs:
        try:
            made.append(make(key, value))
        except RuleError as error:
            if mark_item:
                for problem in error.problems:
                    problem.item = key
            problems.append(error)
    if problems:
        raise RuleError.joined(problems)
    return made


class Rule(Fields):
    """A rule as read from its YAML file (a plain class, not a dataclass: see fields.py); copied with
    fields.replace, never changed."""

    __slots__ = ("id", "title", "kind", "severity", "weight", "scope", "message", "why", "source", "examples",
                 "suggestion", "reader", "options", "compiled", "path", "replaces", "bundled")

    def __init__(self, id: str, title: str, kind: str, severity: str, weight: int, scope: str, message: str, why: str,
                 source: str, examples: dict[str, list[str]], suggestion: str = "", reader: dict[str, Any] | None = None,
                 options: dict[str, Any] | None = None, compiled: Any = None, path: str = "", replaces: str = "",
                 bundled: bool = False) -> None:
        self.id, self.title, self.kind, self.severity, self.weight, self.scope = id, title, kind, severity, weight, scope
        self.message, self.why, self.source, self.examples, self.suggestion = message, why, source, examples, suggestion
        self.reader = {} if reader is None else reader  # {"says": …, "ask": …}
        self.options = {} if options is None else options  # the kind's own fields
        self.compiled = compiled  # what the kind prepared from its options (compiled patterns)
        self.path = path
        self.replaces = replaces  # the bundled rule's file, when a user rule takes its id
        self.bundled = bundled  # shipped with invitecheck, options as shipped (set by bundled_rules, never by a user's file)


# field name -> (types, required)
COMMON_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "id": ((str,), True),
    "title": ((str,), True),
    "kind": ((str,), True),
    "severity": ((str,), True),
    "weight": ((int,), True),
    "scope": ((str,), False),
    "message": ((str,), True),
    "why": ((str,), True),
    "source": ((str,), True),
    "examples": ((dict,), True),
    "suggestion": ((str,), False),
    # Plain words for the person who received it: what is wrong ("says", a text or a
    # mapping of variants) and what to ask the sender for ("ask").
    "reader": ((dict,), False),
}

TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false", list: "a list", dict: "a mapping"}


class _Mapping(dict):
    """A dict that remembers the line of each key, and of each item of a list value."""

    lines: dict[str, int]
    item_lines: dict[str, list[int]]


@lru_cache(maxsize=1)
def _loaders():
    """(LibYAML's safe loader when PyYAML has it, the pure-Python one), each refusing duplicate
    keys and recording key lines. PyYAML is imported here, when a YAML text is not in the cache."""
    import yaml

    def construct_mapping(loader, node: yaml.MappingNode, deep: bool = False) -> _Mapping:
        loader.flatten_mapping(node)
        mapping = _Mapping()
        mapping.lines, mapping.item_lines = {}, {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
            if key in mapping:
                raise yaml.constructor.ConstructorError(None, None, f"the key '{key}' appears twice", key_node.start_mark)
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.lines[str(key)] = key_node.start_mark.line + 1
            if isinstance(value_node, yaml.SequenceNode):
                mapping.item_lines[str(key)] = [item.start_mark.line + 1 for item in value_node.value]
        return mapping

    class Loader(yaml.SafeLoader):
        """SafeLoader that refuses duplicate keys and records key lines."""

    class FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        """The same, with LibYAML's parser (when PyYAML has it): about four times faster."""

    for loader in (FastLoader, Loader):
        loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
        # Dates stay text (read where they are used), so "2024-02-31" is a clear error there
        # rather than a crash inside YAML.
        loader.yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
    return FastLoader, Loader


def load_yaml(text: str, where: str) -> Any:
    """Parse YAML safely; errors become one sentence naming ``where`` and the line.

    A text read before is taken from the start-up cache (see cache.py), keyed by
    a hash of the text, without importing PyYAML. Otherwise LibYAML parses; when
    it refuses, the pure-Python parser reads the text again for its clearer
    message ("found character '\\t' that cannot start any token").
    """
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    stored = cache.recall("yaml", key)
    if stored is not cache.UNKNOWN:
        try:
            return _from_plain(stored)
        except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
            pass  # not what _plain writes: parsed afresh
    data = _parsed(text, where)
    try:
        cache.remember("yaml", key, _plain(data))
    except (TypeError, RecursionError):
        pass  # a value JSON cannot hold as it is (a set, binary data): parsed each time
    return data


def _parsed(text: str, where: str) -> Any:
    import yaml

    fast, careful = _loaders()
    try:
        return _bounded(yaml.load(text, Loader=fast), where)  # noqa: S506 - a SafeLoader
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        pass
    try:
        data = yaml.load(text, Loader=careful)  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f", line {mark.line + 1}" if mark else ""
        problem = (error.problem or error.context or "it is not valid YAML").strip()
        if "could not determine a constructor" in problem:
            problem = "it asks YAML to build a Python object, which is not allowed"
        raise RuleError(f"{where}{line}: {problem}") from None
    except yaml.YAMLError as error:
        raise RuleError(f"{where}: it is not valid YAML ({str(error).splitlines()[0]})") from None
    except RecursionError:
        raise RuleError(f"{where}: it is nested too deeply") from None
    except (ValueError, TypeError, OverflowError) as error:
        if "digits" in str(error):  # Python's own limit on turning text into a whole number
            raise RuleError(f"{where}: it holds a number too long to read (more than 4,300 digits)") from None
        raise RuleError(f"{where}: it holds a value that cannot be read ({error})") from None
    return _bounded(data, where)


# More values than any rule, vocabulary or configuration holds (the vocabulary has a few
# thousand), and far fewer than a "billion laughs" file, whose anchors and aliases ("&a",
# "*a") nest to stand for millions of copies of one value from a few lines of text.
MAX_YAML_VALUES = 100_000


class _TooMany(Exception):
    pass


def _bounded(data: Any, where: str) -> Any:
    """DATA, or RuleError when it stands for more than MAX_YAML_VALUES values once every alias is
    counted where it is used (what reading it, or keeping it in the cache, would walk through),
    or when an alias stands inside itself. Counted once for each distinct list or mapping."""
    counted: dict[int, int] = {}

    def count(value: Any) -> int:
        if not isinstance(value, (list, dict)):
            return 1
        known = counted.get(id(value))
        if known is not None:
            if known < 0:
                raise RuleError(f"{where}: an alias (*name) stands inside the value it names, so it never ends")
            return known
        counted[id(value)] = -1  # being counted
        total = 1
        for item in (value.items() if isinstance(value, dict) else value):
            total += count(item[1]) + 1 if isinstance(value, dict) else count(item)
            if total > MAX_YAML_VALUES:
                raise _TooMany
        counted[id(value)] = total
        return total

    try:
        count(data)
    except _TooMany:
        raise RuleError(f"{where}: it stands for more than {MAX_YAML_VALUES:,} values (anchors and aliases "
                        f"repeated inside each other), which is far more than any rule or configuration needs") from None
    except RecursionError:
        raise RuleError(f"{where}: it is nested too deeply") from None
    return data


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """YAML data as plain JSON: a mapping becomes {"m": [[key, value] …], "l": its key lines, "i": its list items' lines}."""
    if type(value) is _Mapping:
        return {"m": [[key, _plain(item)] for key, item in value.items()], "l": dict(value.lines),
                "i": {key: list(lines) for key, lines in value.item_lines.items()}}
    if type(value) is list:
        return [_plain(item) for item in value]
    if type(value) in _SCALARS:
        return value
    raise TypeError(f"{type(value).__name__} is not kept in the cache")


def _from_plain(value: Any) -> Any:
    """What _plain was given, checking the shape as it goes."""
    if type(value) is list:
        return [_from_plain(item) for item in value]
    if type(value) is dict:
        mapping = _Mapping()
        for key, item in value["m"]:
            if type(key) not in _SCALARS:
                raise TypeError("a key must be plain")
            mapping[key] = _from_plain(item)
        lines, item_lines = value["l"], value["i"]
        if not (all(type(line) is int for line in lines.values())
                and all(type(each) is list and all(type(line) is int for line in each) for each in item_lines.values())):
            raise TypeError("lines are whole numbers")
        mapping.lines, mapping.item_lines = dict(lines), {key: list(each) for key, each in item_lines.items()}
        return mapping
    if type(value) in _SCALARS:
        return value
    raise TypeError("not YAML data")


class NotAFile(OSError):
    """A settings file that is a device, a pipe or a socket: /dev/zero would never end, a FIFO never start."""


def read_settings_text(path: Path | str, limit: int, encoding: str = "utf-8-sig") -> str:
    """The text of a small file the user names (a rule, a configuration, a template, a classifier).

    Opened without blocking and checked with fstat before anything is read, so a device or a
    pipe is refused (NotAFile, an OSError) instead of read for ever; a file larger than LIMIT
    bytes gives NotAFile too, with a reason that says so.
    """
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(0, "it is a folder, not a file" if stat.S_ISDIR(info.st_mode)
                           else "it is a device, a pipe or a socket, not an ordinary file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise NotAFile(0, f"it is larger than {limit // (1024 * 1024)} MB")
    return data.decode(encoding)


def load_yaml_mapping(where: str, known: tuple[str, ...], what: str) -> dict:
    """A small YAML settings file (a reply template, a classifier): a mapping with only known keys."""
    try:
        text = read_settings_text(where, MAX_RULE_FILE_BYTES, "utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "it is not UTF-8 text"
        raise RuleError(f"{where}: could not be read ({reason})") from None
    data = load_yaml(text, where)
    if not isinstance(data, dict):
        raise RuleError(f"{where}: {what} must be a mapping of keys such as '{known[0]}:'")
    for key in data:
        if key not in known:
            raise RuleError(f"{where}: unknown key '{key}' (known keys: {', '.join(known)})")
    return data


def _type_ok(value: Any, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def _line_of(data: Any, field: str | None, item: Any = None) -> int | None:
    """The line of a field, or of one item in it (a pattern in a list, a key in a mapping)."""
    if not field:
        return None
    value = data.get(field)
    if isinstance(item, int) and item < len(getattr(data, "item_lines", {}).get(field, [])):
        return data.item_lines[field][item]
    if item is not None and isinstance(value, dict) and str(item) in getattr(value, "lines", {}):
        return value.lines[str(item)]
    return getattr(data, "lines", {}).get(field)


def rule_from_mapping(data: Any, where: str) -> Rule:
    """A Rule from a rule file's mapping; every problem in it is reported at once, each with its line."""
    from .kinds import KINDS

    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a mapping of fields such as 'id:' and 'kind:'")
    problems: list[tuple[int, str]] = []

    def problem(key: str | None, text: str, item: Any = None) -> None:
        line = _line_of(data, key, item)
        problems.append((line or 0, f"{where}, line {line}: {text}" if line else f"{where}: {text}"))

    kind_name = data.get("kind")
    kind = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None and kind_name is not None:  # a missing 'kind' is said once, with the other missing fields
        problem("kind", f"unknown kind '{kind_name}' (known kinds: {', '.join(sorted(KINDS))})")
    contract = kind.CONTRACT if kind else None
    fields = {**COMMON_FIELDS, **({name: (option.types, option.required) for name, option in contract.options.items()} if contract else {})}

    if kind is not None:  # with an unknown kind, which fields it takes is unknown too
        for key in data:
            if key not in fields:
                problem(str(key), f"unknown field '{key}' for a rule of kind '{kind_name}' (known fields: {', '.join(fields)})")
    usable = set()  # the fields present with the right type
    for key, (types, required) in fields.items():
        if key not in data:
            if required:
                problem(None, f"the field '{key}' is missing")
        elif not _type_ok(data[key], types):
            problem(key, f"'{key}' must be {TYPE_NAMES.get(types[0], types[0].__name__)}")
        else:
            usable.add(key)

    if "id" in usable and not ID_RE.match(data["id"]):
        problem("id", f"the id '{data['id']}' must be lower-case words joined by hyphens, like 'named-sender'")
    if "severity" in usable and data["severity"] not in SEVERITIES:
        problem("severity", f"severity must be one of {', '.join(SEVERITIES)}, not '{data['severity']}'")
    scope = data.get("scope", contract.scopes[0] if contract else "body")
    if "scope" in usable and scope not in SCOPES:
        problem("scope", f"scope must be one of {', '.join(SCOPES)}, not '{scope}'")
    elif contract and isinstance(scope, str) and scope not in contract.scopes:
        problem("scope", f"a rule of kind '{kind_name}' cannot read scope '{scope}' (it reads {_either(contract.scopes)})")
    if "weight" in usable and not 0 <= data["weight"] <= 1000:
        problem("weight", "weight must be between 0 and 1000")
    examples = data["examples"] if "examples" in usable else {}
    for key, value in examples.items():
        if key not in ("pass", "fail"):
            problem("examples", f"examples take 'pass' and 'fail' lists, not '{key}'")
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem("examples", f"examples '{key}' must be a list of texts")

    reader = (data["reader"] or {}) if "reader" in usable else {}
    for key, value in reader.items():
        if key not in ("says", "ask", "skip_if"):
            problem("reader", f"'reader' takes 'says', 'ask' and 'skip_if', not '{key}'")
        elif key == "skip_if":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problem("reader", "'reader' 'skip_if' must be a list of rule ids")
        elif not isinstance(value, (str, dict)) or (isinstance(value, dict) and not all(isinstance(v, str) for v in value.values())):
            problem("reader", f"'reader' '{key}' must be text, or a mapping of variants to text")

    if "source" in usable and not WEB_ADDRESS_RE.match(data["source"].strip()):
        # It becomes a link in the HTML report: a javascript: or data: address would run there.
        problem("source", "'source' must be a web address starting with https:// or http://")
    if contract:
        for key in ("message", "suggestion"):
            if key in usable:
                for text in placeholder_problems(data[key], contract.placeholders, key):
                    problem(key, text)
        for key, value in reader.items():
            for text in ([value] if isinstance(value, str) else value.values() if isinstance(value, dict) else []):
                for each in placeholder_problems(text, contract.placeholders, f"reader {key}"):
                    problem("reader", each)

    options, compiled = {}, None
    # The kind prepares its options (compiles patterns) only when they are all there with the right types.
    if contract and all(name in usable or (name not in data and not option.required) for name, option in contract.options.items()):
        options = {name: data.get(name, option.default) for name, option in contract.options.items()}
        try:
            compiled = _prepare(kind, options)
        except RuleError as error:
            for each in error.problems:
                problem(getattr(each, "field", None), str(each), getattr(each, "item", None))

    if problems:
        raise RuleError.joined([RuleError(text) for _, text in sorted(problems, key=lambda p: p[0])])

    return Rule(
        id=data["id"],
        title=data["title"].strip(),
        kind=kind_name,
        severity=data["severity"],
        weight=data["weight"],
        scope=scope,
        message=data["message"].strip(),
        why=" ".join(data["why"].split()),
        source=data["source"].strip(),
        examples={"pass": list(examples.get("pass", [])), "fail": list(examples.get("fail", []))},
        suggestion=data.get("suggestion", "").strip(),
        reader=dict(reader),
        options=options,
        compiled=compiled,
        path=where,
    )


def _prepare(kind, options: dict):
    """The kind's compiled form of its options, each {vocab:name} in a pattern replaced first."""
    from .vocabulary import expand_options

    expanded = {}
    for name, value in options.items():
        try:
            expanded[name] = expand_options(value)
        except RuleError as error:
            error.field = name
            raise
    return kind.prepare(expanded)


def _either(names) -> str:
    names = [f"'{name}'" for name in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def placeholder_problems(text: str, allowed: tuple[str, ...], field_name: str) -> list[str]:
    """What is wrong with the ``{names}`` in a message: any the rule's kind does not fill in."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return [f"the {field_name} has a '{{' or '}}' that does not make a placeholder (write '{{{{' or '}}}}' for a brace itself)"]
    found = []
    for _, name, _, _ in parts:
        if name is None:
            continue
        base = FIELD_BASE_RE.split(name, maxsplit=1)[0]
        if base in allowed:
            continue
        close = difflib.get_close_matches(base, allowed, n=1)
        hint = f"; did you mean '{{{close[0]}}}'?" if close else ""
        known = ", ".join("{" + a + "}" for a in allowed) or "none"
        found.append(f"the {field_name} uses the placeholder '{{{name}}}', which this kind does not fill in{hint} (it fills in: {known})")
    return found


def load_rule_file(path: Path, shown: str | None = None) -> Rule:
    where = shown or str(path)
    try:
        if path.stat().st_size > MAX_RULE_FILE_BYTES:
            raise RuleError(f"{where}: the rule file is larger than 1 MB")
        text = read_settings_text(path, MAX_RULE_FILE_BYTES)
    except UnicodeDecodeError:
        raise RuleError(f"{where}: the rule file is not UTF-8 text") from None
    except OSError as error:
        raise RuleError(f"{where}: could not be read ({error.strerror or error})") from None
    return rule_from_mapping(load_yaml(text, where), where)


def _rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def bundled_folder() -> Path:
    """Where the bundled rules are: inside the installed package, or rules/ in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "bundled_rules"
    return installed if installed.is_dir() else here.parent / "rules"


def bundled_rules() -> list[Rule]:
    from .kinds.base import compiled_when_used  # bundled patterns compile when a text needs them

    with compiled_when_used():
        return [replace(load_rule_file(path, f"rules/{path.name}"), bundled=True) for path in _rule_files(bundled_folder())]


def load_rules(extra: list[str] | tuple[str, ...] = (), include_bundled: bool = True) -> list[Rule]:
    """The bundled rules, then each ``--rules`` file or folder.

    A user rule with the same id as a bundled one replaces it, and says so (``replaces``).
    """

    bundled = {rule.id: rule for rule in bundled_rules()} if include_bundled else {}
    rules = dict(bundled)
    problems = []  # every file's problems are reported together
    for item in extra:
        path = Path(item)
        if path.is_dir():
            files = _rule_files(path)
        elif path.is_file():
            files = [path]
        else:
            problems.append(RuleError(f"{item}: no such rule file or folder"))
            continue
        for file in files:
            try:
                rule = load_rule_file(file)
            except RuleError as error:
                problems.append(error)
                continue
            if rule.id in bundled:
                rule = replace(rule, replaces=bundled[rule.id].path)
            rules[rule.id] = rule
    if problems:
        raise RuleError.joined(problems)
    # Heaviest first, so reports lead with what matters most.
    return sorted(rules.values(), key=lambda rule: (-rule.weight, rule.id))


def configure_rule(rule: Rule, changes: dict) -> Rule:
    """A copy of the rule with a configuration's changes: severity, weight, or the kind's own options."""

    from .kinds import KINDS

    kind = KINDS[rule.kind]
    allowed = ("severity", "weight", *kind.CONTRACT.options)
    options = dict(rule.options)
    updates: dict[str, Any] = {}
    for key, value in changes.items():
        if key not in allowed:
            raise RuleError(f"'{key}' cannot be set (it takes {', '.join(allowed)})")
        if key == "severity":
            if value not in SEVERITIES:
                raise RuleError(f"severity must be one of {', '.join(SEVERITIES)}, not '{value}'")
            updates["severity"] = value
        elif key == "weight":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
                raise RuleError("weight must be a whole number between 0 and 1000")
            updates["weight"] = value
        else:
            types = kind.CONTRACT.options[key].types
            if not _type_ok(value, types):
                raise RuleError(f"'{key}' must be {TYPE_NAMES.get(types[0], types[0].__name__)}")
            options[key] = value
    if options == rule.options:
        return replace(rule, **updates)
    # Other options make another rule than the one measured on the held-out sets (measured.py): no "How sure".
    return replace(rule, options=options, compiled=_prepare(kind, options), bundled=False, **updates)
