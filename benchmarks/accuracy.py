"""How often invitecheck agrees with a careful reader, rule by rule.

    python benchmarks/accuracy.py tests/invitations/dev
    python benchmarks/accuracy.py examples --labels examples/expected.yaml
    python benchmarks/accuracy.py tests/invitations/dev --json    # the figures as JSON
    python benchmarks/accuracy.py tests/invitations/holdout*/ --write-measured invitecheck/measured.json

`--write-measured` writes the figures every finding shows ("How sure"): for each
rule, over all the folders given (the held-out ones, never tuned on), how many of
the tool's failures the reader also failed (right of them), and how many of the
reader's failures the tool found. Only the held-out folders give honest figures.

A labelled folder holds invitations and a `labels.yaml` giving, for each file,
the status a careful reader gave each rule (`pass`, `fail` or `not-applicable`),
decided by reading the invitation before the tool was run. A rule missing from
an entry is not counted.

It runs `invitecheck check FOLDER --format json` once (with `--force` where the
installed version has it, so that a file the classifier would skip is still
judged) and prints, for each rule:

- agreement: the share of labelled files where the tool's status equals the label;
- failures found: of the files the reader failed, how many the tool failed;
- false alarms: files the tool failed that the reader passed or found not applicable;

then the same over all rules, and the invitations the reader found excellent
(no rule failed) that the tool calls "Not ready to send" or fails on any rule.

Nothing here is part of the test suite: it measures, it does not assert.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

STATUSES = ("pass", "fail", "not-applicable")


def run_tool(folder: Path) -> dict[str, dict]:
    """The tool's JSON result for each file in the folder, by file name."""
    base = [sys.executable, "-m", "invitecheck", "check", str(folder), "--format", "json", "--no-config"]
    help_text = subprocess.run([sys.executable, "-m", "invitecheck", "check", "--help"],
                               capture_output=True, text=True).stdout
    if "--force" in help_text:
        base.append("--force")
    done = subprocess.run(base, capture_output=True, text=True)
    if done.returncode not in (0, 1, 2) or not done.stdout.strip():
        sys.exit(f"invitecheck failed on {folder} (exit {done.returncode}): {done.stderr.strip()[:500]}")
    results = json.loads(done.stdout)["results"]
    return {Path(r["path"]).name: r for r in results}


def statuses(result: dict) -> dict[str, str]:
    return {c["rule"]: c["status"] for c in result.get("checks", [])}


def measure(labels: dict[str, dict[str, str]], results: dict[str, dict]) -> dict:
    per_rule: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    disagreements: list[tuple[str, str, str, str]] = []
    excellent_flagged: list[tuple[str, str]] = []
    missing = sorted(name for name in labels if name not in results)
    for name, expected in sorted(labels.items()):
        if name not in results:
            continue
        got = statuses(results[name])
        for rule, want in expected.items():
            if want not in STATUSES:
                sys.exit(f"labels: {name}: {rule} has '{want}', not one of {', '.join(STATUSES)}")
            have = got.get(rule, "(not run)")
            counts = per_rule[rule]
            counts["files"] += 1
            counts["agree"] += have == want
            if want == "fail":
                counts["failures"] += 1
                counts["found"] += have == "fail"
            elif have == "fail":
                counts["false_alarms"] += 1
            if have != want:
                disagreements.append((name, rule, want, have))
        if all(v != "fail" for v in expected.values()):
            failed = sorted(r for r, s in got.items() if s == "fail" and r in expected)
            verdict = results[name].get("verdict", "")
            if failed or verdict == "Not ready to send":
                excellent_flagged.append((name, f"{verdict}; fails {', '.join(failed) or 'nothing'}"))
    total = defaultdict(int)
    for counts in per_rule.values():
        for key, value in counts.items():
            total[key] += value
    excellent = sum(1 for e in labels.values() if all(v != "fail" for v in e.values()))
    return {"per_rule": {r: dict(c) for r, c in sorted(per_rule.items())}, "total": dict(total),
            "excellent": excellent, "excellent_flagged": excellent_flagged,
            "disagreements": disagreements, "missing": missing}


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:3.0f}%" if whole else "   –"


def print_table(title: str, figures: dict, show_disagreements: bool) -> None:
    print(f"\n{title}")
    print(f"{'rule':<22} {'files':>5} {'agree':>6} {'fails found':>12} {'false alarms':>13}")
    rows = list(figures["per_rule"].items()) + [("ALL RULES", figures["total"])]
    for rule, c in rows:
        found = f"{c.get('found', 0)}/{c.get('failures', 0)} {pct(c.get('found', 0), c.get('failures', 0))}"
        print(f"{rule:<22} {c.get('files', 0):>5} {pct(c.get('agree', 0), c.get('files', 0)):>6} "
              f"{found:>12} {c.get('false_alarms', 0):>13}")
    print(f"excellent invitations (no failure labelled): {figures['excellent']}; "
          f"failed or 'Not ready to send' by the tool: {len(figures['excellent_flagged'])}")
    for name, why in figures["excellent_flagged"]:
        print(f"  {name}: {why}")
    if figures["missing"]:
        print(f"labelled but not in the tool's results: {', '.join(figures['missing'])}")
    if show_disagreements:
        print("disagreements (file, rule, label, tool):")
        for row in figures["disagreements"]:
            print("  " + "  ".join(row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="labelled folders")
    parser.add_argument("--labels", type=Path, help="the labels file (default: FOLDER/labels.yaml)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--disagreements", action="store_true", help="list every disagreement")
    parser.add_argument("--write-measured", type=Path, metavar="FILE",
                        help="write each rule's figures over all the folders, for the reports' 'How sure' (invitecheck/measured.json)")
    args = parser.parse_args()
    everything = {}
    for folder in args.folders:
        labels_path = args.labels or folder / "labels.yaml"
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8")) or {}
        figures = measure(labels, run_tool(folder))
        everything[str(folder)] = figures
        if not args.json:
            print_table(f"{folder} ({len(labels)} labelled files)", figures, args.disagreements)
    if args.json:
        print(json.dumps(everything, indent=1))
    if args.write_measured:
        args.write_measured.write_text(measured_file(everything), encoding="utf-8")
        print(f"Wrote {args.write_measured}.", file=sys.stderr)


def measured_rules(everything: dict) -> dict[str, dict[str, int]]:
    """Each rule's figures summed over the folders: right (the tool failed it and so did the reader)
    of (the tool failed it, where the reader labelled the rule), found of failures (the reader's),
    and the labelled files."""
    rules: dict[str, dict[str, int]] = defaultdict(lambda: {"right": 0, "of": 0, "found": 0, "failures": 0, "files": 0})
    for figures in everything.values():
        for rule, counts in figures["per_rule"].items():
            summed = rules[rule]
            summed["right"] += counts.get("found", 0)
            summed["of"] += counts.get("found", 0) + counts.get("false_alarms", 0)
            summed["found"] += counts.get("found", 0)
            summed["failures"] += counts.get("failures", 0)
            summed["files"] += counts.get("files", 0)
    return dict(sorted(rules.items()))


def measured_file(everything: dict) -> str:
    """The shipped figures, as JSON (read without PyYAML, which a check of a plain email does not import)."""
    sets = sorted(Path(folder).name for folder in everything)
    data = {
        "about": "Written by `python benchmarks/accuracy.py tests/invitations/holdout*/ --write-measured "
                 "invitecheck/measured.json`, never by hand: each bundled rule's figures on the held-out "
                 "invitations, which the rules were never tuned on.",
        "measured_on": date.today().isoformat(),
        "sets": sets,
        "rules": measured_rules(everything),
    }
    # One rule a line, so a change of figures reads as a change of lines.
    rules = ",\n".join(f"  {json.dumps(rule)}: {json.dumps(counts)}" for rule, counts in data.pop("rules").items())
    head = ",\n".join(f" {json.dumps(key)}: {json.dumps(value)}" for key, value in data.items())
    return f'{{\n{head},\n "rules": {{\n{rules}\n }}\n}}\n'


if __name__ == "__main__":
    main()
