"""The README's Dask example runs, for real, on a local cluster (skipped without dask)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT

pytest.importorskip("dask.bag")
pytest.importorskip("dask.distributed")


def test_readme_dask_example_on_a_local_cluster(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Archives too big for one machine", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    script = tmp_path / "dask_example.py"
    script.write_text(code)
    completed = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    scores = eval(completed.stdout.strip().splitlines()[-1])  # the example prints a dict of path -> score
    assert scores["examples/champion.eml"] == 20
    assert scores["examples/good-panel-invitation.eml"] == 100
    assert len(scores) == len(list((ROOT / "examples").glob("*.eml")))


def test_check_message_is_pure():
    from datetime import date

    from invitecheck.api import check_message

    data = (ROOT / "examples" / "champion.eml").read_bytes()
    first = check_message(data, name="champion.eml", today=date(2024, 3, 4))
    second = check_message(data, name="champion.eml", today=date(2024, 3, 4))
    assert first == second and first["score"] == 20
    assert check_message(b"", name="empty.txt", today=date(2024, 3, 4))["checks"]
    assert "error" in check_message(b"x" * (26 * 1024 * 1024), name="huge.eml")
