"""JSON: a contract other tools parse. Keys are stable; new ones may be added."""

from __future__ import annotations

import json

from .. import __version__


def render(results, rules) -> str:
    return json.dumps({"version": __version__, "results": [r.to_dict() for r in results]}, indent=2, ensure_ascii=False) + "\n"
