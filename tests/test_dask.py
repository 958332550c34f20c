"""The README's Dask example runs, for real, on a local cluster (skipped without dask)."""

from __future__ import annotations

import pytest

from conftest import ROOT, run_readme_python

pytest.importorskip("dask.bag")
pytest.importorskip("dask.distributed")


def test_readme_dask_example_on_a_local_cluster(tmp_path):
    output = run_readme_python("### Archives too big for one machine", tmp_path, timeout=300)
    scores = eval(output.strip().splitlines()[-1])  # the example prints a dict of path -> score
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
    assert check_message(b"", name="empty.txt", today=date(2024, 3, 4))["error"] == "empty.txt: it is empty, so there is nothing to check."
    assert "error" in check_message(b"x" * (26 * 1024 * 1024), name="huge.eml")
