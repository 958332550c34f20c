"""invitecheck's speed and memory, measured against baselines taken in the same run.

    python benchmarks/run.py                      # the full set (about ten minutes on two cores)
    python benchmarks/run.py --messages 500 --audit 2000,20000 --skip-peer   # a quick look
    python benchmarks/run.py --startup-only       # checking one email against importing the dependencies
    python benchmarks/run.py --hostile-only       # only the red team's worst files (about a minute)
    python benchmarks/run.py --engine-only --against ../perf-base/.venv/bin/python   # rules+engine CPU, this copy against another

It generates its own corpus from examples/ (varied senders, dates and sizes),
then prints, from one run on one machine:

- floor: messages per second for mail-parser parsing alone;
- check: `invitecheck check --format json` over the same messages as files, with
  one worker and with every core: the cost per message as a ratio to the floor,
  and the parallel speed-up; the same cost less the start-up (a one-file check),
  the same with every rule turned off (reading, reporting and start-up alone);
  and where a serial check's time goes (loading, each rule, records, JSON),
  measured in this process;
- audit: an mbox of each size given to --audit: messages per second and the peak
  resident memory of all its processes together;
- start-up: `invitecheck --version` against `python -c "import typer"`, and
  checking one small file against importing every dependency; and, as CPU time,
  checking one .eml against `import typer, rich, yaml, dateutil, mailparser`,
  also as a first run with no cache folder (`--startup-only` prints only
  these, in a few seconds);
- peer: proselint over the same message bodies as text files (needs
  `pip install proselint`);
- hostile: the red team's worst small files (issue 14; built by
  tests/hostile_shapes.py at the sizes of its report), each checked by a fresh
  `invitecheck check` with its time and peak memory, next to an ordinary
  invitation's;
- engine: the CPU time (time.process_time) the rules and the engine take per
  message over examples/ and tests/invitations/dev, each file freshly loaded,
  best of several passes; with --against PYTHON, the same files are also
  checked by the copy of invitecheck that PYTHON imports (another worktree's
  venv), in alternate rounds, so that the machine's load weighs on both alike
  (`--engine-only` prints only this, in about half a minute).

Figures are wall-clock on a shared machine: run it twice and read the ratios,
not the absolute numbers. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(sys.executable).parent
INVITECHECK = str(BIN / "invitecheck") if (BIN / "invitecheck").exists() else shutil.which("invitecheck")

FIRST = ["Helen", "Sam", "Priya", "Tomasz", "Aisha", "Grace", "Owen", "Fatima", "Ravi", "Chloe", "Marcus", "Eileen"]
LAST = ["Mbeki", "Patel", "Nowak", "Rahman", "Mensah", "Price", "Hussain", "Chauhan", "Marsh", "Webb", "Murphy"]
ORGS = ["leedsth.example.nhs.uk", "icb.example.nhs.uk", "healthwatch.example.org", "kidneycare.example.org.uk",
        "research.example.ac.uk", "ppg.example.nhs.uk", "nhs.net", "hospice.example.org.uk"]
ROLES = ["Administrator", "Engagement Team", "Involvement Hub", "No Reply"]
FILLER = (
    "We want to hear from people with different experiences of local services, including people who do not "
    "usually get involved. You do not need any special knowledge, and we will explain anything that is new. "
    "Meetings are friendly and informal, and you can say as much or as little as you like.\n\n"
)


# -- the corpus -----------------------------------------------------------------------

sys.path.insert(0, str(ROOT / "tests"))
import hostile_shapes  # noqa: E402  (the tests' builders of the red team's files)


def templates() -> list[email.message.EmailMessage]:
    found = []
    for path in sorted((ROOT / "examples").glob("*.eml")):
        found.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
    return found


def make_messages(count: int, seed: int = 1) -> list[bytes]:
    """Varied messages: a template example with a new sender, date and length."""
    rng = random.Random(seed)
    bases = templates()
    start = datetime(2023, 1, 2, 9, 0, tzinfo=timezone.utc)
    out = []
    for n in range(count):
        message = bases[n % len(bases)]
        message = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
        domain = rng.choice(ORGS)
        if rng.random() < 0.25:
            sender = f"{rng.choice(ROLES)} <info@{domain}>"
        else:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            sender = f"{first} {last} <{first.lower()}.{last.lower()}@{domain}>"
        del message["From"]
        message["From"] = sender
        del message["Date"]
        message["Date"] = format_datetime(start + timedelta(hours=rng.randrange(0, 24 * 600)))
        size = rng.choice([0, 0, 1, 3, 8, 20])  # mostly short, some long
        if size and not message.is_multipart() and message.get_content_type() == "text/plain":
            message.set_content(message.get_content() + FILLER * size)
        out.append(message.as_bytes(policy=email.policy.SMTP.clone(linesep="\n")))
    return out


def write_files(messages: list[bytes], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, data in enumerate(messages):
        (folder / f"m{n:06}.eml").write_bytes(data)


def write_mbox(messages: list[bytes], count: int, path: Path) -> None:
    with open(path, "wb") as out:
        for n in range(count):
            data = messages[n % len(messages)]
            body = b"\n".join(b">" + line if line.startswith(b"From ") else line for line in data.split(b"\n"))
            out.write(b"From bench@example.org Mon Jan  1 00:00:00 2024\n" + body.rstrip(b"\n") + b"\n\n")


def bodies(messages: list[bytes], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, data in enumerate(messages):
        message = email.message_from_bytes(data, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain", "html"))
        text = part.get_content() if part is not None else ""
        (folder / f"m{n:06}.txt").write_text(text, encoding="utf-8")


# -- measuring ------------------------------------------------------------------------


def timed(command: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - started


def median_time(command: list[str], runs: int) -> float:
    timed(command)  # warm the file cache
    return statistics.median(timed(command) for _ in range(runs))


# What an installed copy costs: pip writes bytecode when it installs, so the measured
# processes may write and read it too, whatever this shell says.
CACHED_BYTECODE = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
DESIGN_IMPORTS = "import typer, rich, yaml, dateutil, mailparser"  # the design's own dependencies


def cpu_time(command: list[str], env: dict | None = None) -> float:
    """CPU seconds (user and system) one run of the command takes, to the microsecond
    (os.wait4's own count for that process; os.times counts in hundredths of a second)."""
    if not hasattr(os, "wait4"):  # Windows
        before = os.times()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or CACHED_BYTECODE)
        after = os.times()
        return (after.children_user - before.children_user) + (after.children_system - before.children_system)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or CACHED_BYTECODE)
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped above
    return usage.ru_utime + usage.ru_stime


def least_cpu(command: list[str], runs: int, env: dict | None = None) -> float:
    """The least CPU time of several runs: other work on a shared machine only ever adds to it."""
    cpu_time(command, env)  # warm the file cache and write any bytecode
    return min(cpu_time(command, env) for _ in range(runs))


# A first run: a cache folder that cannot be made, so nothing is remembered from run to run.
NO_CACHE = {**CACHED_BYTECODE, "XDG_CACHE_HOME": os.path.join(os.devnull, "no-cache")}


def startup(runs: int) -> None:
    """Checking one email against importing the design's dependencies, as CPU time, so that other
    work on a shared machine counts for less than it would in wall-clock time."""
    one = [INVITECHECK, "check", str(ROOT / "examples" / "conference-travel.eml"), "--no-config"]
    with_pdf = [INVITECHECK, "check", str(ROOT / "examples" / "good-panel-invitation.eml"), "--no-config"]
    imports = least_cpu([PYTHON, "-c", DESIGN_IMPORTS], runs)
    checked = least_cpu(one, runs)
    as_json = least_cpu(one + ["--format", "json"], runs)
    pdf = least_cpu(with_pdf, runs)
    version = least_cpu([INVITECHECK, "--version"], runs)
    first = least_cpu(one, runs, env=NO_CACHE)
    print(f"start-up  CPU: `{DESIGN_IMPORTS}` {imports * 1000:.0f} ms; `invitecheck --version` {version * 1000:.0f} ms "
          f"({version / imports:.2f}x)")
    print(f"start-up  CPU: check one .eml {checked * 1000:.0f} ms, {checked / imports:.2f}x the imports (target at most 1.6x); "
          f"with --format json {as_json * 1000:.0f} ms ({as_json / imports:.2f}x); "
          f"one with a PDF attached {pdf * 1000:.0f} ms ({pdf / imports:.2f}x); "
          f"the .eml with no cache folder (a first run) {first * 1000:.0f} ms ({first / imports:.2f}x)")


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its children, in bytes (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            with open(f"/proc/{current}/task/{current}/children") as handle:
                stack.extend(int(child) for child in handle.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def run_with_peak(command: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    stop.set()
    sampler.join()
    return time.perf_counter() - started, peak


def floor(messages: list[bytes], rounds: int = 3) -> float:
    """mail-parser alone: messages per second (best of a few rounds)."""
    import mailparser

    best = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        for data in messages:
            mailparser.parse_from_bytes(data)
        best = max(best, len(messages) / (time.perf_counter() - started))
    return best


def breakdown(folder: Path) -> tuple[dict[str, float], list[tuple[str, float]]]:
    """Where one serial check spends its time, per message in ms: loading, each rule, records, JSON."""
    import json

    from invitecheck.engine import Settings, check_invitation, scoped
    from invitecheck.kinds import KINDS
    from invitecheck.kinds.base import Context
    from invitecheck.loaders import load_path
    from invitecheck.rules import load_rules

    files = sorted(str(p) for p in folder.iterdir())
    rules, settings = load_rules(), Settings()
    started = time.perf_counter()
    docs = [load_path(path, settings.limits) for path in files]
    load = time.perf_counter() - started
    per_rule = dict.fromkeys((rule.id for rule in rules), 0.0)
    for doc in docs:
        ctx = Context(doc.sent.date() if doc.sent else settings.today, "Date header")
        for rule in rules:
            started = time.perf_counter()
            KINDS[rule.kind].check(rule, doc, scoped(ctx, doc, rule))
            per_rule[rule.id] += time.perf_counter() - started
    docs = [load_path(path, settings.limits) for path in files]  # fresh: no remembered work
    started = time.perf_counter()
    results = [check_invitation(doc, rules, settings) for doc in docs]
    engine = time.perf_counter() - started
    started = time.perf_counter()
    for result in results:
        json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":"))
    output = time.perf_counter() - started
    rules_total = sum(per_rule.values())
    count = len(files) / 1000
    stages = {"load": load / count, "the rules, each alone": rules_total / count,
              "the engine (rules, records, score)": engine / count, "json": output / count}
    top = sorted(((rule, seconds / count) for rule, seconds in per_rule.items()), key=lambda item: -item[1])
    return stages, top


ENGINE_FOLDERS = [ROOT / "examples", ROOT / "tests" / "invitations" / "dev"]
INVITATION_SUFFIXES = {".eml", ".msg", ".txt", ".md", ".docx", ".html", ".htm", ".mbox"}


def engine_files() -> list[str]:
    return [str(path) for folder in ENGINE_FOLDERS for path in sorted(folder.iterdir())
            if path.suffix.lower() in INVITATION_SUFFIXES]


def engine_child(files: list[str], passes: int) -> None:
    """Run in a child process by the Python under test: print the least CPU seconds per message
    the rules and the engine took over the files, each pass on freshly loaded files."""
    from datetime import date

    import invitecheck
    from invitecheck.engine import Settings, check_invitation
    from invitecheck.loaders import load_path
    from invitecheck.rules import load_rules

    rules, settings = load_rules(), Settings(today=date(2024, 3, 4))
    best = None
    for number in range(passes + 1):
        docs = [load_path(path, settings.limits) for path in files]  # fresh: nothing worked out yet
        started = time.process_time()
        for doc in docs:
            check_invitation(doc, rules, settings)
        spent = time.process_time() - started
        if number:  # the first pass compiles the patterns: left out
            best = spent if best is None else min(best, spent)
    print(Path(invitecheck.__file__).parent.parent, best / len(files))


def engine(against: str | None, rounds: int, passes: int) -> None:
    """Rules and engine CPU per message, this copy and (with --against) another, in alternate rounds."""
    files = engine_files()
    pythons = {"this copy": PYTHON}
    if against:
        pythons["--against"] = against
    figures: dict[str, list[float]] = {label: [] for label in pythons}
    trees: dict[str, str] = {}
    for _ in range(rounds):
        for label, python in pythons.items():
            # The child runs this file; from benchmarks/ it imports whichever invitecheck its Python has.
            done = subprocess.run([python, __file__, "--engine-child", str(passes), *files],
                                  capture_output=True, text=True, cwd=tempfile.gettempdir())
            if done.returncode != 0:
                sys.exit(f"{python} could not run the engine figures: {done.stderr.strip()[-500:]}")
            tree, seconds = done.stdout.split()[-2:]
            trees[label] = tree
            figures[label].append(float(seconds))
    print(f"engine  rules+engine CPU per message, {len(files)} files, best of {passes} passes, {rounds} rounds:")
    for label, python in pythons.items():
        runs = ", ".join(f"{value * 1000:.2f}" for value in figures[label])
        print(f"engine  {label:<10} {min(figures[label]) * 1000:.2f} ms (rounds: {runs})  [{trees[label]}]")
    if against:
        ratio = min(figures["this copy"]) / min(figures["--against"])
        print(f"engine  this copy costs {ratio:.2f}x the other's per message")


def hostile(work: Path) -> None:
    """Time and peak memory of checking each of the red team's worst files, and an ordinary one."""
    folder = work / "hostile"
    folder.mkdir()
    print(f"\nhostile {'file':<36} {'size':>9} {'seconds':>8} {'peak MB':>8}  outcome")
    shapes = dict(hostile_shapes.WORST)
    shapes["mbox with one 1 GB line (audit)"] = None
    for label, build in shapes.items():
        if build is None:
            path = folder / "long-line.mbox"
            hostile_shapes.write_mbox_long_line(path, 1024)
            command = [INVITECHECK, "audit", str(path), "--all", "--format", "json", "--jobs", "1", "--no-config"]
        else:
            name, data = build()
            path = folder / name
            path.write_bytes(data)
            command = [INVITECHECK, "check", str(path), "--force", "--format", "json", "--jobs", "1", "--no-config"]
        seconds, peak = run_with_peak(command)
        result = subprocess.run(command, capture_output=True, text=True)
        outcome = {0: "checked", 1: "checked", 2: "refused"}.get(result.returncode, f"exit {result.returncode}")
        print(f"        {label:<36} {path.stat().st_size:>9,} {seconds:>8.2f} {peak / 1e6:>8.0f}  {outcome}")
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=2000, help="messages for the floor, check and peer figures")
    parser.add_argument("--audit", default="10000,100000", help="mbox sizes for the audit figures, comma-separated")
    parser.add_argument("--runs", type=int, default=10, help="repeats for the start-up figures")
    parser.add_argument("--skip-peer", action="store_true", help="leave out proselint")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up figures (a few seconds)")
    parser.add_argument("--hostile-only", action="store_true", help="only the red team's worst files against an ordinary invitation")
    parser.add_argument("--engine-only", action="store_true", help="only the rules+engine CPU per message over examples/ and the dev set")
    parser.add_argument("--against", metavar="PYTHON", help="with --engine-only: also measure the invitecheck this Python imports")
    parser.add_argument("--rounds", type=int, default=3, help="with --engine-only: alternate rounds of child processes")
    parser.add_argument("--passes", type=int, default=5, help="with --engine-only: passes over the files in each child")
    if len(sys.argv) > 2 and sys.argv[1] == "--engine-child":
        engine_child(sys.argv[3:], int(sys.argv[2]))
        return
    args = parser.parse_args()
    if args.engine_only:
        engine(args.against, args.rounds, args.passes)
        return
    if INVITECHECK is None:
        sys.exit("invitecheck is not installed here: pip install . first")
    if args.startup_only:
        startup(args.runs)
        return
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

    work = Path(tempfile.mkdtemp(prefix="invitecheck-bench-"))
    if args.hostile_only:
        try:
            print(f"invitecheck benchmark: the red team's worst files, {cores} cores, Python {sys.version.split()[0]}")
            hostile(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return
    try:
        print(f"invitecheck benchmark: {args.messages} messages, {cores} cores, Python {sys.version.split()[0]}")
        messages = make_messages(args.messages)
        sizes = sorted(len(m) for m in messages)
        print(f"corpus: {len(messages)} messages from {len(templates())} examples, "
              f"{sizes[0]:,} to {sizes[-1]:,} bytes (median {sizes[len(sizes) // 2]:,})")
        write_files(messages, work / "files")

        base = floor(messages)
        print(f"\nfloor   mail-parser alone: {base:,.0f} messages/s")

        serial = timed([INVITECHECK, "check", str(work / "files"), "--format", "json", "--jobs", "1", "--no-config"])
        parallel = timed([INVITECHECK, "check", str(work / "files"), "--format", "json", "--jobs", str(cores), "--no-config"])
        serial_rate, parallel_rate = len(messages) / serial, len(messages) / parallel
        print(f"check   --jobs 1: {serial_rate:,.0f} messages/s, {base / serial_rate:.2f}x the floor's cost per message (target at most 3x)")
        print(f"check   --jobs {cores}: {parallel_rate:,.0f} messages/s, {serial / parallel:.2f}x faster than --jobs 1 (target at least 1.6x)")
        small = ROOT / "examples" / "good-panel-invitation.eml"
        one = median_time([INVITECHECK, "check", str(small), "--no-config"], args.runs)
        marginal = (serial - one) / len(messages)
        print(f"check   --jobs 1 less its start-up ({one * 1000:.0f} ms): {marginal * 1000:.2f} ms per message, "
              f"{marginal * base:.2f}x the floor's cost ({1000 / base:.2f} ms)")
        # The same run with every rule turned off: what reading, reporting and start-up cost on their own.
        from invitecheck.rules import load_rules

        no_rules = work / "no-rules.yaml"
        no_rules.write_text("disable: [" + ", ".join(rule.id for rule in load_rules()) + "]\n")
        bare = timed([INVITECHECK, "check", str(work / "files"), "--format", "json", "--jobs", "1", "--config", str(no_rules)])
        print(f"check   --jobs 1 with every rule turned off: {len(messages) / bare:,.0f} messages/s, "
              f"{base * bare / len(messages):.2f}x the floor's cost per message")
        stages, top = breakdown(work / "files")
        print("check   where a serial check's time goes, ms per message (in one process): "
              + ", ".join(f"{name} {ms:.2f}" for name, ms in stages.items()))
        print("check   costliest rules, ms per message: " + ", ".join(f"{rule} {ms:.2f}" for rule, ms in top[:6]))

        peaks = []
        for count in [int(n) for n in args.audit.split(",") if n]:
            mbox = work / f"audit-{count}.mbox"
            write_mbox(messages, count, mbox)
            elapsed, peak = run_with_peak([INVITECHECK, "audit", str(mbox), "--format", "json", "--no-config"])
            peaks.append(peak)
            print(f"audit   {count:,} messages ({mbox.stat().st_size / 1e6:.0f} MB mbox): {count / elapsed:,.0f} messages/s, "
                  f"peak memory {peak / 1e6:.0f} MB (all processes)")
            mbox.unlink()
        if len(peaks) > 1:
            print(f"audit   memory: the largest run's peak is {peaks[-1] / peaks[0]:.2f}x the smallest's (target within 1.2x, under 300 MB)")

        typer_import = median_time([PYTHON, "-c", "import typer"], args.runs)
        version = median_time([INVITECHECK, "--version"], args.runs)
        deps = "import typer, rich, yaml, dateutil, mailparser, regex, pyphen, docx, pypdf, extract_msg"
        deps_import = median_time([PYTHON, "-c", deps], args.runs)
        print(f"\nstart-up  invitecheck --version {version * 1000:.0f} ms, import typer {typer_import * 1000:.0f} ms: "
              f"{version / typer_import:.2f}x (target at most 1.3x)")
        print(f"start-up  check one file {one * 1000:.0f} ms, import every dependency {deps_import * 1000:.0f} ms: "
              f"{one / deps_import:.2f}x (wall-clock)")
        startup(args.runs)

        if not args.skip_peer:
            proselint = shutil.which("proselint") or (str(BIN / "proselint") if (BIN / "proselint").exists() else None)
            if proselint is None:
                print("\npeer    proselint is not installed (pip install proselint): not measured")
            else:
                bodies(messages, work / "bodies")
                peer = timed([proselint, "check", str(work / "bodies")])
                ours = timed([INVITECHECK, "check", str(work / "bodies"), "--format", "json", "--jobs", "1", "--no-config"])
                print(f"\npeer    proselint: {len(messages) / peer:,.0f} messages/s; invitecheck on the same text files, "
                      f"--jobs 1: {len(messages) / ours:,.0f} messages/s ({peer / ours:.2f}x proselint's speed)")
        hostile(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
