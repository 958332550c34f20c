"""Real third-party emails: every file gives a result or a one-sentence error, never a traceback or a hang.

The corpora live in ../shared/corpora/ beside the project and are not part of
it; these tests skip when that folder is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

CORPORA = SHARED / "corpora"
FILES = sorted(str(p) for p in CORPORA.rglob("*") if p.is_file() and p.name != "README.md") if CORPORA.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpora is not here")


def test_every_corpus_file_gives_a_result_or_a_clear_error(tmp_path):
    # Through the real command, in a subprocess with a time limit: no hang, no traceback.
    completed = subprocess.run(
        [sys.executable, "-m", "invitecheck", "check", "--format", "json", "--force", *FILES],
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode in (0, 1, 2)
    assert "Traceback" not in completed.stderr
    results = json.loads(completed.stdout)["results"]
    assert [r["path"] for r in results] == FILES
    unreadable = [r for r in results if "error" in r]
    for result in results:
        if "error" in result:
            message = result["error"]
            assert message.startswith(result["path"] + ": ")
            assert "\n" not in message
            assert "internal error" not in message, message
        else:
            assert 0 <= result["score"] <= 100
            assert {c["status"] for c in result["checks"]} <= {"pass", "fail", "not-applicable"}
    # Nearly all of them are readable; the few that are not are reported, not lost.
    assert len(unreadable) < len(results) // 10


def test_corpus_files_are_never_modified():
    import hashlib

    sample = FILES[:60]
    before = {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in sample}
    subprocess.run([sys.executable, "-m", "invitecheck", "check", "--format", "json", *sample], capture_output=True, timeout=300)
    after = {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in sample}
    assert before == after
