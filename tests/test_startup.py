"""Start-up: a file brings in only the libraries it needs. Not timed (see benchmarks/run.py --startup-only)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES

# Libraries for other kinds of file: Word, PDF, Outlook (and what they bring), and dask.
FOR_OTHER_FILES = ("docx", "lxml", "pypdf", "extract_msg", "olefile", "compressed_rtf", "RTFDE", "bs4", "dask")

PROBE = """
import json, sys
sys.argv = ["invitecheck", "check", sys.argv[1], "--no-config"]
from invitecheck.cli import app
try:
    app()
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def _imported(path, env=None) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=120, env=env)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _modules(path, env=None) -> set[str]:
    """Every module (and submodule) a check of this file imported."""
    probe = PROBE.replace('name.split(".")[0] for name in sys.modules', "name for name in sys.modules") \
        .replace("import app", "import main").replace("    app()", "    main()")  # main() saves the cache as it ends
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=120, env=env)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


# What a plain email's human report never needs: PyYAML once the rules are in the start-up cache,
# rich's syntax highlighting, Markdown and the libraries behind them, and the Word, PDF and HTML readers;
# rich's pretty-printing, emoji table and live display (the report has none); the other formats' reporters,
# explain and the rule docs; TOML (read only for a pyproject.toml), CSV, XML and zip readers; and a pool of
# workers, which one file does not need; and the `regex` module, which only a user's own rule patterns need
# (the bundled ones compile for `re`). Without colour (here, to a pipe) the report is plain text drawn by
# reporters/plain.py, so rich's console, tables, styles and cell-width tables are not imported either.
NOT_FOR_A_PLAIN_EMAIL = {"rich.console", "rich.table", "rich.text", "rich.style", "rich.segment", "rich.cells",
                         "fractions", "regex", "yaml", "pygments", "markdown_it", "rich.syntax", "rich.markdown", "rich.progress",
                         "rich.traceback", "invitecheck.loaders.documents", "invitecheck.loaders.html",
                         "invitecheck.reporters.json", "invitecheck.reporters.sarif", "invitecheck.reporters.html",
                         "invitecheck.audit", "invitecheck.reply", "invitecheck.reporters.reader", "dateutil.parser",
                         "rich.pretty", "rich._emoji_codes", "rich.live", "invitecheck.reporters.line",
                         "invitecheck.reporters.github", "invitecheck.reporters.statistics", "invitecheck.explain",
                         "invitecheck.ruledocs", "tomllib", "csv", "xml", "zipfile", "html.parser", "multiprocessing",
                         "concurrent.futures"}


def test_a_second_check_of_a_plain_email_imports_only_what_it_needs(tmp_path):
    """The first run parses the YAML files and keeps them in the cache folder; the next reads them there."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = _modules(EXAMPLES / "conference-travel.eml", env)
    assert "invitecheck.engine" in first and "yaml" in first  # the probe ran a check, and parsed the rules
    assert "regex" not in first  # nor on a first run: the bundled rules' patterns compile for re
    second = _modules(EXAMPLES / "conference-travel.eml", env)
    assert "invitecheck.engine" in second and "invitecheck.reporters.plain" in second
    assert not second & NOT_FOR_A_PLAIN_EMAIL, second & NOT_FOR_A_PLAIN_EMAIL


NO_EVAL = """
import builtins, os, sys
real_eval = builtins.eval
def watched(*args, **kwargs):
    caller = sys._getframe(1).f_code.co_filename
    if os.sep + "invitecheck" + os.sep in caller:  # Python's own (namedtuple, typing) may
        raise AssertionError(f"eval in {caller}")
    return real_eval(*args, **kwargs)
builtins.eval = watched
sys.argv = ["invitecheck", "check", sys.argv[1], "--no-config"]
from invitecheck.cli import main
try:
    main()
except SystemExit as done:
    sys.stderr.write(f"exit {done.code}")
"""


def test_a_check_compiles_no_code_with_eval(tmp_path):
    """invitecheck's own code compiles nothing as it checks (the prefilter's tests on a text's words were once
    made with eval: 88 compiles a run, about 8 ms)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    for _ in range(2):  # a first run, and one that reads the start-up cache
        done = subprocess.run([sys.executable, "-c", NO_EVAL, str(EXAMPLES / "conference-travel.eml")],
                              capture_output=True, text=True, timeout=120, env=env)
        assert done.stderr.endswith("exit 1"), done.stderr[-2000:]
        assert "expenses-explained" in done.stdout


def test_checking_a_draft_imports_no_email_word_pdf_or_outlook_library():
    imported = _imported(EXAMPLES / "gp-ppg-meeting.txt")
    assert "invitecheck" in imported  # the probe ran a check
    assert not imported & {*FOR_OTHER_FILES, "mailparser"}, imported & {*FOR_OTHER_FILES, "mailparser"}


@pytest.mark.parametrize("name", ["conference-travel.eml", "information-sheet-draft.md"])
def test_checking_an_email_or_markdown_imports_no_word_pdf_or_outlook_library(name):
    imported = _imported(EXAMPLES / name)
    assert "invitecheck" in imported
    assert not imported & set(FOR_OTHER_FILES), imported & set(FOR_OTHER_FILES)


def test_an_email_with_a_pdf_attached_reads_it():
    """The other side: the PDF library is there when a file needs it."""
    assert "pypdf" in _imported(EXAMPLES / "good-panel-invitation.eml")


@pytest.mark.parametrize("name", ["gp-ppg-meeting.txt", "conference-travel.eml"])
def test_reading_the_options_does_not_import_pydantic(name):
    """typer 0.29 builds a pydantic validator for every option (about 0.1 s a run); pyproject keeps typer below it."""
    imported = _imported(EXAMPLES / name)
    assert "invitecheck" in imported
    assert "pydantic" not in imported


def test_syllables_are_counted_without_importing_pyphen():
    """pyphen parses its whole dictionary before the first word; invitecheck/syllables.py reads only what a text needs."""
    imported = _imported(EXAMPLES / "conference-travel.eml")  # long enough to be measured
    assert "invitecheck" in imported
    assert "pyphen" not in imported


def _patterns(value):
    """Every Pattern in a rule's compiled data (dicts, lists, tuples of them)."""
    from invitecheck.kinds.base import Pattern

    if isinstance(value, Pattern):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item)
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            yield from _patterns(item)


def _compiled(pattern) -> bool:
    return pattern._lowered is not None or pattern._insensitive is not None


def test_every_bundled_pattern_compiles_in_both_forms():
    """The bundled rules' patterns compile when first used, so this is where a bad one would show."""
    from invitecheck.prefilter import searchable
    from invitecheck.rules import bundled_rules

    patterns = [p for rule in bundled_rules() for p in _patterns(rule.compiled)]
    assert len(patterns) > 30
    for pattern in patterns:
        pattern.check()
        # as written, or written to open with its first characters (prefilter.searchable)
        assert pattern.insensitive.pattern in (pattern.source, searchable(pattern.source, re.IGNORECASE | re.MULTILINE))


def test_a_check_compiles_only_the_patterns_its_text_can_match():
    from invitecheck.api import check_message
    from invitecheck.rules import bundled_rules

    rules = bundled_rules()
    patterns = [p for rule in rules for p in _patterns(rule.compiled)]
    assert not any(_compiled(p) for p in patterns)  # nothing compiled as the rules load
    check_message(EXAMPLES / "gp-ppg-meeting.txt", rules=rules)
    used = sum(map(_compiled, patterns))
    assert 0 < used < len(patterns) / 2, (used, len(patterns))


def test_a_users_rule_with_a_bad_pattern_is_still_refused_as_it_loads(tmp_path, run):
    (tmp_path / "mine.yaml").write_text(
        "id: my-rule\ntitle: Mine\nkind: forbid\nseverity: warning\nweight: 1\nmessage: no\nwhy: because\n"
        "patterns: ['(unclosed']\nexamples:\n  fail: ['x']\n  pass: ['y']\n", encoding="utf-8")
    out = run("check", EXAMPLES / "gp-ppg-meeting.txt", "--no-config", "--rules", tmp_path / "mine.yaml")
    assert out.exit_code == 2
    assert "the pattern '(unclosed' in 'patterns' does not compile" in out.stderr


def _invitations():
    from invitecheck.loaders import load_path

    folders = [EXAMPLES, EXAMPLES.parent / "tests" / "invitations" / "dev"]
    for path in sorted(p for folder in folders for p in folder.iterdir() if p.suffix in (".eml", ".txt", ".md")):
        yield path.name, load_path(str(path))


def test_the_classifier_skips_patterns_without_changing_a_verdict():
    """A classifier pattern is compiled only when the text has a word it needs; the verdicts are those of running every pattern."""
    from invitecheck.classify import load_classifier
    from invitecheck.loaders import load_path

    skipping = load_classifier()
    for name, doc in _invitations():
        every = load_classifier()
        for pattern in (*every.asks, *every.topics, *every.not_):
            pattern.search = (lambda p: lambda text, timeout, lower=None: p.compiled.search(text))(pattern)
        assert skipping.classify(doc) == every.classify(doc), name
    one = load_classifier()
    assert one.classify(load_path(str(EXAMPLES / "conference-travel.eml"))) == (True, "")
    patterns = (*one.asks, *one.topics, *one.not_)
    compiled = sum(p._compiled is not None for p in patterns)
    assert compiled < len(patterns) / 3, (compiled, len(patterns))


def test_a_users_rule_pattern_is_still_matched_by_regex_in_bounded_time(tmp_path):
    """Only the bundled patterns moved to re: a user's pattern keeps regex's time limit (and its syntax);
    a bundled one re cannot read (a look-behind of varying width) stays on regex too.
    (test_rule_files.py runs a catastrophic user pattern.)"""
    import re

    from invitecheck.kinds.base import compiled_when_used, compile_pattern

    users = compile_pattern(r"\bpatient\s+champions?\b", "patterns")
    assert not isinstance(users.insensitive, re.Pattern)
    assert compile_pattern(r"\p{Lu}\w+", "patterns").insensitive.search("a Champion")
    with compiled_when_used():
        ours = compile_pattern(r"\bpatient\s+champions?\b", "patterns")
        varying = compile_pattern(r"(?<=\b(?:an?|as)\s+)champion", "patterns")
    assert isinstance(ours.insensitive, re.Pattern) and isinstance(ours.lowered, re.Pattern)
    assert not isinstance(varying.insensitive, re.Pattern)
    assert varying.insensitive.search("become a champion")


def test_named_senders_letter_classes_are_regexs_unicode_categories():
    """named-sender's patterns read capitals with re from letters.py; each class holds exactly the characters
    of the regex module's \\p{Lu}, \\p{Ll} and \\p{L}, so a name matches as it did with regex."""
    import re

    import regex

    from invitecheck import letters

    for body, category in ((letters.UPPER, "Lu"), (letters.LOWER, "Ll"), (letters.LETTER, "L")):
        ours, theirs = re.compile(f"[{body}]"), regex.compile(rf"\p{{{category}}}")
        differ = [hex(code) for code in range(sys.maxunicode + 1)
                  if (ours.match(chr(code)) is None) != (theirs.match(chr(code)) is None)]
        assert not differ, (category, differ[:10])
    assert re.fullmatch(f"[{letters.UPPER}]+", "ÉÇŁΣЖ") and not re.match(f"[{letters.UPPER}]", "é")


BUILT = """
import sys
import typer.main
built = []
real = typer.main.get_command_from_info
def counted(*args, **kwargs):
    built.append((args[0] if args else kwargs["command_info"]).callback.__name__)
    return real(*args, **kwargs)
typer.main.get_command_from_info = counted
sys.argv = ["invitecheck", *sys.argv[1:]]
from invitecheck.cli import main
code = 0
try:
    main()
except SystemExit as done:
    code = done.code
sys.stderr.write("built " + " ".join(built))
sys.exit(code)
"""


@pytest.mark.parametrize("arguments, built", [
    (["check", "--format", "json", str(EXAMPLES / "champion.eml")], ["check"]),
    (["rules"], ["list_rules"]),
    (["--version"], None),  # no command named: every command, as --help lists them
    (["chek", "x"], None),  # and a mistyped one is told the names it may have meant
])
def test_typer_builds_only_the_command_that_runs(tmp_path, arguments, built):
    """typer builds every command's options before it runs one: a run names its command first."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", BUILT, *arguments], capture_output=True, text=True, timeout=120, env=env)
    names = done.stderr.rsplit("built", 1)[1].split()
    if built is None:
        assert {"check", "reply", "audit", "explain", "list_rules"} <= set(names)
    else:
        assert names == built


WHOLE_APP = """
import sys
sys.argv = ["invitecheck", *sys.argv[1:]]
from invitecheck.cli import app
app()
"""


@pytest.mark.parametrize("arguments", [["check"], ["chek"], ["check", "--format", "nope", str(EXAMPLES / "champion.eml")],
                                       ["check", "--help"], ["rules", "--bad"]])
def test_a_run_with_one_command_built_reads_as_with_all(arguments):
    """What a user sees from main() (one command built) is what the whole app says."""
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    one = subprocess.run([sys.executable, "-c", BUILT, *arguments], capture_output=True, text=True, timeout=120, env=env)
    whole = subprocess.run([sys.executable, "-c", WHOLE_APP, *arguments], capture_output=True, text=True, timeout=120, env=env)
    assert one.returncode == whole.returncode
    assert one.stdout == whole.stdout and one.stderr.rsplit("built", 1)[0] == whole.stderr
    assert "invitecheck" in one.stdout + one.stderr
