"""Worker processes: one killed (as the out-of-memory killer would) costs only its own
file, and Ctrl-C stops a run in one sentence, without a traceback from any worker."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

import invitecheck.audit
import invitecheck.runner

DRAFT = "Subject: Join our panel\nFrom: Helen Mbeki <helen@example.org>\n\nPlease join our panel.\nHelen Mbeki\n"


def _killed_on(name: str, real):
    def check(path, *args, **kwargs):
        if str(path).endswith(name):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, *args, **kwargs)

    return check


@pytest.fixture
def folder(tmp_path):
    for n in range(40):
        (tmp_path / f"{n:02d}.txt").write_text(DRAFT)
    (tmp_path / "20.txt").rename(tmp_path / "20-dies.txt")
    return tmp_path


def test_a_killed_worker_loses_only_its_own_file_in_a_check(run, folder, monkeypatch):
    # Workers are forked, so they inherit the replaced function.
    monkeypatch.setattr(invitecheck.runner, "check_path", _killed_on("20-dies.txt", invitecheck.runner.check_path))
    out = run("check", folder, "--no-config", "-f", "json", "--jobs", "2")
    assert out.exit_code == 2
    results = out.json["results"]
    assert len(results) == 40
    lost = [r for r in results if "error" in r]
    assert [r["path"] for r in lost] == [str(folder / "20-dies.txt")]
    assert "the worker process checking it stopped unexpectedly" in lost[0]["error"]


def test_a_killed_worker_loses_only_its_own_message_in_an_audit(run, folder, monkeypatch):
    real = invitecheck.audit.audit_record

    def record(item, *args):
        if item.name.endswith("20-dies.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(item, *args)

    monkeypatch.setattr(invitecheck.audit, "audit_record", record)
    out = run("audit", folder, "--no-config", "--all", "-f", "json", "--jobs", "2")
    assert out.exit_code == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["messages"] == 40 and summary["unreadable"] == 1
    assert any("stopped unexpectedly" in reason for reason in summary["unreadable_reasons"])


def _interrupt(args: list[str]) -> tuple[int, str]:
    process = subprocess.Popen([sys.executable, "-m", "invitecheck", *args, "--no-config", "--jobs", "2", "-f", "json"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    children = f"/proc/{process.pid}/task/{process.pid}/children"
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline and len(open(children).read().split()) < 2:  # workers started
        time.sleep(0.05)
    time.sleep(1)
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the whole process group
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr


def test_ctrl_c_while_the_workers_are_idle_stops_an_audit_without_a_traceback(tmp_path):
    # The main process reads a long message line by line while the workers wait for work.
    mbox = tmp_path / "inbox.mbox"
    with open(mbox, "wb") as out:
        for n in range(200):
            out.write(b"From a@b Mon Mar  4 10:00:00 2024\nSubject: %d\nFrom: a@example.org\n\nPlease join our panel.\n\n" % n)
        for _ in range(10):
            out.write(b"From a@b Mon Mar  4 10:00:00 2024\nSubject: long\n\n" + b"x\n" * 2_000_000 + b"\n")
    code, stderr = _interrupt(["audit", str(mbox)])
    assert code == 130 and "Traceback" not in stderr, stderr


def test_ctrl_c_while_the_workers_are_busy_stops_a_check_without_a_traceback(tmp_path):
    for n in range(3000):
        (tmp_path / f"{n:04d}.txt").write_text(DRAFT)
    code, stderr = _interrupt(["check", str(tmp_path)])
    assert code == 130 and "Traceback" not in stderr, stderr


@pytest.mark.parametrize("command", ["check", "audit"])
def test_ctrl_c_still_stops_a_run_in_one_process(run, folder, command):
    # Only workers leave Ctrl-C to the main process; a run without workers must still stop on it.
    run(command, folder, "--no-config", "--jobs", "1", "-f", "json")
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "examples")


@pytest.mark.parametrize("how", [("--for", "reader"), ("--format", "html")])
def test_the_reader_report_and_html_of_many_files_come_back_from_workers(run, how):
    # These keep each invitation's text for the report; its memo of pattern matches cannot be sent
    # between processes ("cannot pickle 're.Match' object" stopped the whole run before).
    many = run("check", EXAMPLES, "--no-config", "--sent", "2026-03-02", *how, "--jobs", "2")
    one = run("check", EXAMPLES, "--no-config", "--sent", "2026-03-02", *how, "--jobs", "1")
    assert many.exit_code == one.exit_code == 1
    assert "something went wrong" not in many.stdout + many.stderr
    assert many.stdout == one.stdout
