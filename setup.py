"""Packaging settings live in pyproject.toml; this file only adds one build step.

setuptools copies the package into build/lib and packages whatever it finds
there, but never removes a file it copied on an earlier build. A rule deleted
from rules/ would come back in the next wheel from a leftover build/ folder
(and `pip install .` builds in the source tree, so build/ is usually there).
So the build step first empties the package's build folder.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class CleanBuildPy(build_py):
    """build_py that starts from an empty build/lib/invitecheck, so nothing stale is packaged."""

    def run(self):
        shutil.rmtree(Path(self.build_lib) / "invitecheck", ignore_errors=True)
        super().run()


setup(cmdclass={"build_py": CleanBuildPy})
