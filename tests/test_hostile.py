"""Hostile and broken inputs, made by the tests: each is checked or refused in one sentence,
in bounded time, and the other files in the same run are unaffected."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
from pathlib import Path


GOOD = """Subject: Join our reading panel
From: Helen Mbeki <helen.mbeki@example.nhs.uk>
Date: 4 March 2024

Would you read our new leaflets at home? Each takes about 20 minutes. Reply to me by 29 March 2024.
We can send them in large print or easy read.

Kind regards,
Helen Mbeki
"""


def _nested(depth: int) -> bytes:
    data = b"From: a@example.org\nSubject: deep\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"
    for i in range(1, depth):
        data += f'--b{i - 1}\nContent-Type: multipart/mixed; boundary="b{i}"\n\n'.encode()
    data += f"--b{depth - 1}\nContent-Type: text/plain\n\nHello from the bottom\n".encode()
    for i in reversed(range(depth)):
        data += f"--b{i}--\n".encode()
    return data


def make_hostile(folder: Path) -> dict[str, str]:
    """Write the hostile files; return name -> 'result' or the words the error must contain."""
    rng = random.Random(7)
    cases: dict[str, tuple[bytes, str]] = {
        "empty.eml": (b"", "it is empty, so there is nothing to check"),
        "empty.txt": (b"", "it is empty, so there is nothing to check"),
        "random-bytes.eml": (bytes(rng.getrandbits(8) for _ in range(50_000)), "result"),
        "random-bytes.txt": (bytes(rng.getrandbits(8) for _ in range(50_000)), "not text"),
        "nul-in-headers.eml": (b"From: Helen\x00Mbeki <h@example.org>\nSubject: x\x00y\nDate: Mon, 4 Mar 2024 10:00:00 +0000\n\nHi\x00 there\n", "result"),
        "huge-header-line.eml": (b"From: a@example.org\nSubject: " + b"x" * 3_000_000 + b"\n\nHello\n", "result"),
        "nested-300.eml": (_nested(300), "nested more than 50 levels deep"),
        "nested-10.eml": (_nested(10), "result"),
        "many-parts.eml": (b"From: a@example.org\nSubject: many\nContent-Type: multipart/mixed; boundary=\"q\"\n\n"
                           + b"".join(b"--q\nContent-Type: text/plain\n\npart %d\n" % i for i in range(2000)) + b"--q--\n",
                           "more than the limit of 1000"),
        "invalid-base64.eml": (b"From: a@example.org\nSubject: x\nContent-Transfer-Encoding: base64\n\n!!!not base64@@@\n", "result"),
        "unknown-charset.eml": (b"From: a@example.org\nSubject: =?x-unknown?q?hi?=\nContent-Type: text/plain; charset=x-unknown\n\ncaf\xe9\n", "result"),
        "truncated-multipart.eml": (b"From: a@example.org\nSubject: x\nContent-Type: multipart/mixed; boundary=\"zz\"\n\n--zz\nContent-Type: text/plain\n\nPlease see the attached form", "result"),
        "nested-rfc822.eml": (b"From: a@example.org\nSubject: fwd\nContent-Type: multipart/mixed; boundary=\"o\"\n\n--o\nContent-Type: text/plain\n\nForwarded below.\n"
                              b"--o\nContent-Type: message/rfc822\n\nFrom: b@example.org\nSubject: inner\n\nInner text\n--o--\n", "result"),
        "utf16-draft.txt": ("Subject: Café\n\nReply by 29 March 2024.\n".encode("utf-16"), "result"),
        "latin1-draft.txt": ("Subject: Café\n\nWe pay £20.\n".encode("latin-1"), "result"),
        "renamed-pdf.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(rng.getrandbits(8) for _ in range(2000)), "this is a PDF, not text"),
        "twenty-mb.txt": ((b"Please join our panel on 12 June 2024 at the Town Hall. " * 40 + b"\n") * 9000, "result"),
        "five-mb-line.txt": (b"word " * 1_000_000, "result"),
        "absurd-date-header.eml": (b"From: a@example.org\nDate: Mon, 99 Foo 20233\nSubject: x\n\nReply by 31/02/2024, the 45th of June or 1 June 9999.\n", "result"),
        "absurd-date-draft.txt": (b"Date: 31/02/2024\n\nHello\n", "is not a date I can read"),
        "too-big.txt": (b"x" * (26 * 1024 * 1024), "more than the 25 MB limit"),
    }
    expected = {}
    for name, (data, outcome) in cases.items():
        (folder / name).write_bytes(data)
        expected[name] = outcome
    (folder / "folder.eml").mkdir()
    expected["folder.eml"] = "is a folder"
    os.symlink("loop-b", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b")
    expected["loop-a.txt"] = "could not be read"
    expected["missing.eml"] = "no such file"
    (folder / "good.txt").write_text(GOOD)
    expected["good.txt"] = "result"
    return expected


def test_every_hostile_file_is_checked_or_refused_in_one_sentence(tmp_path):
    expected = make_hostile(tmp_path)
    paths = [str(tmp_path / name) for name in sorted(expected)]
    completed = subprocess.run(
        [sys.executable, "-m", "invitecheck", "check", "--format", "json", "--force", "--jobs", "1", *paths],
        capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    results = {Path(r["path"]).name: r for r in json.loads(completed.stdout)["results"]}
    # A folder named on the command line is searched; an empty one gives no result of its own.
    expected.pop("folder.eml")
    for name, outcome in expected.items():
        result = results[name]
        if outcome == "result":
            assert "error" not in result, f"{name}: {result.get('error')}"
            assert 0 <= result["score"] <= 100
        else:
            assert outcome in result.get("error", ""), f"{name}: {result}"
            assert result["error"].startswith(str(tmp_path / name) + ": ")
            assert "\n" not in result["error"] and "internal error" not in result["error"]
    assert results["good.txt"]["score"] == 100
    cut = results["twenty-mb.txt"]["notes"]
    assert any("Only the first 200,000 characters were checked" in note for note in cut)


def test_a_folder_named_like_an_email_and_a_symlink_loop_inside_a_folder(run, tmp_path):
    (tmp_path / "x.eml").mkdir()
    out = run("check", tmp_path / "x.eml")
    assert out.exit_code == 2 and "no invitations found" in out.stderr
    (tmp_path / "good.txt").write_text(GOOD)
    os.symlink("loop2.txt", tmp_path / "loop1.txt")
    os.symlink("loop1.txt", tmp_path / "loop2.txt")
    out = run("check", tmp_path, "--format", "json")
    assert out.exit_code == 2
    assert out.result("good.txt")["score"] == 100
    assert "could not be read" in out.result("loop1.txt")["error"]


def test_limits_have_flags(run, draft):
    path = draft("Subject: x\n\n" + "word " * 5000)
    out = run("check", path, "--format", "json", "--force", "--max-text", "1000")
    assert any("Only the first 1,000 characters" in n for n in out.result("draft.txt")["notes"])
    out = run("check", path, "--format", "json", "--max-file-size", "1")
    assert "error" not in out.result("draft.txt")
    big = draft("x" * (1024 * 1024 + 10), "big.txt")
    out = run("check", big, "--format", "json", "--max-file-size", "1")
    assert "more than the 1 MB limit (see --max-file-size)" in out.result("big.txt")["error"]


def test_output_file_is_written_atomically_and_never_over_an_input(run, draft, tmp_path):
    path = draft(GOOD)
    before = path.read_bytes()
    out = run("check", path, "--output", path)
    assert out.exit_code == 2 and "is one of the files being checked" in out.stderr
    assert path.read_bytes() == before
    report = tmp_path / "report.json"
    out = run("check", path, "--format", "json", "-o", report)
    assert out.exit_code == 0 and out.stdout == ""
    assert json.loads(report.read_text())["results"][0]["score"] == 100
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".invitecheck-")]


def test_no_network_in_any_format(run, tmp_path, monkeypatch):
    from conftest import EXAMPLES

    def refuse(*args, **kwargs):
        raise AssertionError("invitecheck tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for format in ("human", "json", "sarif", "github", "line"):
        out = run("check", EXAMPLES, "--format", format, "--jobs", "1")
        assert out.exit_code == 1, format


def test_debug_shows_what_went_wrong(tmp_path, monkeypatch):
    # An internal error becomes one sentence without --debug, and a traceback with it.
    script = (
        "import sys, invitecheck.engine as e\n"
        "def boom(*a, **k): raise ValueError('boom')\n"
        "e.check_invitation = boom\n"
        "from invitecheck.cli import main\n"
        "sys.argv = ['invitecheck', 'check', sys.argv[1]] + sys.argv[2:]\n"
        "main()\n"
    )
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    plain = subprocess.run([sys.executable, "-c", script, str(good), "--format", "json"], capture_output=True, text=True)
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    assert "could not be checked because of an internal error (ValueError: boom)" in plain.stderr
    loud = subprocess.run([sys.executable, "-c", script, str(good), "--debug"], capture_output=True, text=True)
    assert "Traceback" in loud.stderr and "ValueError: boom" in loud.stderr


def test_deeply_nested_or_huge_yaml_rule_is_refused(run, draft, tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text("id: x\nnested: " + "[" * 5000 + "]" * 5000 + "\n")
    out = run("check", draft(GOOD), "--rules", deep)
    assert out.exit_code == 2 and "deep.yaml" in out.stderr and "Traceback" not in out.stderr
    huge = tmp_path / "huge.yaml"
    huge.write_text("id: x\n" + "# padding\n" * 150_000)
    out = run("check", draft(GOOD), "--rules", huge)
    assert out.exit_code == 2 and "huge.yaml: the rule file is larger than 1 MB" in out.stderr


def test_too_many_or_too_long_patterns_are_refused(run, draft, tmp_path):
    base = ("id: many\ntitle: t\nkind: forbid\nseverity: info\nweight: 1\nmessage: m\nwhy: w\nsource: https://example.org\n"
            "examples: {fail: [], pass: []}\n")
    many = tmp_path / "many.yaml"
    many.write_text(base + "patterns: [" + ", ".join(f"'w{i}'" for i in range(501)) + "]\n")
    out = run("check", draft(GOOD), "--rules", many)
    assert out.exit_code == 2 and "more than 500 patterns" in out.stderr
    long = tmp_path / "long.yaml"
    long.write_text(base + "patterns: ['" + "a" * 2001 + "']\n")
    out = run("check", draft(GOOD), "--rules", long)
    assert out.exit_code == 2 and "longer than 2000 characters" in out.stderr
