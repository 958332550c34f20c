"""Shared helpers: run the CLI the way a user would, and find the shared test data."""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from invitecheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"

# A check remembers in the user's cache folder what it worked out about patterns and rule files
# (invitecheck/cache.py): the suite's runs use a folder of their own.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="invitecheck-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)


class Run:
    def __init__(self, result):
        self.exit_code = result.exit_code
        self.stdout = result.stdout
        self.stderr = result.stderr
        self.exception = result.exception

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)

    def result(self, name: str) -> dict:
        for item in self.json["results"]:
            if item["path"].endswith(name):
                return item
        raise KeyError(name)

    def check(self, name: str, rule: str) -> dict:
        return next(c for c in self.result(name)["checks"] if c["rule"] == rule)


@pytest.fixture
def run():
    """Run `invitecheck ARGS...` and return its exit code, output and parsed JSON."""

    def _run(*args: str, input: str | bytes | None = None) -> Run:
        runner = CliRunner()
        result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        return Run(result)

    return _run


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty start-up cache folder, and nothing read or learnt yet in this process (tests of the cache)."""
    from invitecheck import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "_known", None)
    monkeypatch.setattr(cache, "_learnt", {kind: {} for kind in cache.KINDS})
    return tmp_path


@pytest.fixture
def draft(tmp_path):
    """Write a draft invitation to a file and return its path."""

    def _draft(text: str, name: str = "draft.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return _draft


def run_readme_python(heading: str, folder: Path, timeout: int = 120) -> str:
    """Run the first Python example after `heading` in the README, as a user would; its output."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme.split(heading, 1)[1], re.S).group(1)
    script = folder / "readme_example.py"
    script.write_text(code)
    completed = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout
