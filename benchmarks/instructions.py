"""The rules and the engine's cost per message as instructions counted by valgrind, not time.

    python benchmarks/instructions.py                                   # this copy
    python benchmarks/instructions.py --against ../perf-base/.venv/bin/python   # and another

On a machine shared with other work, CPU time moves by a fifth from one run to the
next; the instructions a check executes do not (to within about half a percent).
Each copy checks the files run.py --engine-only uses, once to compile its patterns,
then once more, freshly loaded, inside functools.reduce: callgrind counts only
what runs inside that call (--toggle-collect), so loading, imports and compiling
are left out. Needs valgrind; takes a few minutes a copy (valgrind is about fifty
times slower than the check).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child() -> None:
    """Run under valgrind by the Python under test: check every file, the second time inside reduce."""
    import functools
    from datetime import date

    sys.path.insert(0, str(HERE))
    from run import engine_files

    from invitecheck.engine import Settings, check_invitation
    from invitecheck.loaders import load_path
    from invitecheck.rules import load_rules

    files = engine_files()
    rules, settings = load_rules(), Settings(today=date(2024, 3, 4))
    for doc in [load_path(path, settings.limits) for path in files]:
        check_invitation(doc, rules, settings)  # compiles the patterns: not counted
    docs = [load_path(path, settings.limits) for path in files]
    functools.reduce(lambda _, doc: check_invitation(doc, rules, settings), docs, None)
    print("files", len(files))


def count(python: str) -> tuple[float, str]:
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--collect-atstart=no",
         "--toggle-collect=functools_reduce", python, __file__, "--child"],
        capture_output=True, text=True, cwd=tempfile.gettempdir())
    files = re.search(r"^files (\d+)$", done.stdout, re.M)
    collected = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not files or not collected:
        sys.exit(f"{python} could not be measured: {done.stderr.strip()[-500:]}")
    where = subprocess.run([python, "-c", "import invitecheck, os; print(os.path.dirname(os.path.dirname(invitecheck.__file__)))"],
                           capture_output=True, text=True, cwd=tempfile.gettempdir()).stdout.strip()
    return int(collected.group(1)) / int(files.group(1)), where


def main() -> None:
    if sys.argv[1:] == ["--child"]:
        child()
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", metavar="PYTHON", help="also count the invitecheck this Python imports")
    args = parser.parse_args()
    pythons = {"this copy": sys.executable, **({"--against": args.against} if args.against else {})}
    counted = {label: count(python) for label, python in pythons.items()}
    for label, (instructions, where) in counted.items():
        print(f"instructions  {label:<10} {instructions / 1e6:.2f} million a message  [{where}]")
    if args.against:
        print(f"instructions  this copy costs {counted['this copy'][0] / counted['--against'][0]:.2f}x the other's")


if __name__ == "__main__":
    main()
