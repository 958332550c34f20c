"""JSON: a contract other tools parse. Keys are stable; new ones may be added."""

from __future__ import annotations

import json

from .. import __version__


def render(results, rules) -> str:
    # Compact, one result per line: readable with `python -m json.tool`, and about
    # five times quicker to write than indented JSON for a large run.
    lines = ",\n".join(json.dumps(r.to_dict(), ensure_ascii=False, separators=(",", ":")) for r in results)
    return f'{{"version":"{__version__}","results":[\n{lines}]}}\n'
