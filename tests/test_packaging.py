"""Packaging: a leftover build/ folder cannot bring back a deleted rule."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT


def test_a_stale_rule_in_build_lib_is_not_packaged(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, project / name)
    for folder in ("invitecheck", "rules"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    stale = project / "build" / "lib" / "invitecheck" / "bundled_rules" / "deleted-rule.yaml"
    stale.parent.mkdir(parents=True)
    stale.write_text("id: deleted-rule\n")

    # The step every wheel and `pip install .` runs to fill build/lib (offline, setuptools only).
    done = subprocess.run([sys.executable, "setup.py", "-q", "build_py"], cwd=project, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

    built = sorted(p.name for p in (project / "build" / "lib" / "invitecheck" / "bundled_rules").glob("*.yaml"))
    assert "deleted-rule.yaml" not in built
    assert built == sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
