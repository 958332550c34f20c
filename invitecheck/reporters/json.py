"""JSON: a contract other tools parse. Keys are stable; new ones may be added."""

from __future__ import annotations

import json

from .. import __version__


def render(results, rules, reader: bool = False) -> str:
    """With `reader`, each checked file also has a "reader" part: the plain words, the questions and the reply."""
    if reader:
        from ..reply import load_template, reader_values

        template = load_template()
        records = [r.to_dict() if r.error or r.skipped else {**r.to_dict(), "reader": reader_values(r, rules, template)} for r in results]
    else:
        records = [r.to_dict() for r in results]
    # Compact, one result per line: readable with `python -m json.tool`, and about
    # five times quicker to write than indented JSON for a large run.
    lines = ",\n".join(json.dumps(record, ensure_ascii=False, separators=(",", ":")) for record in records)
    return f'{{"version":"{__version__}","results":[\n{lines}]}}\n'
