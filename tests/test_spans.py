"""spans.Taken and spans.Touching answer as looking at every span would, on random spans."""

from __future__ import annotations

import random

from invitecheck.facts.evidence import Evidence
from invitecheck.spans import Taken, Touching


def test_taken_agrees_with_looking_at_every_span():
    rng = random.Random(5)
    for _ in range(200):
        taken, kept = Taken(), []
        for _ in range(40):
            start = rng.randrange(0, 200)
            end = start + rng.randrange(1, 15)
            expected = any(start < y and x < end for x, y in kept)
            assert taken.overlaps(start, end) == expected
            if not expected:
                taken.add(start, end)
                kept.append((start, end))


def test_touching_agrees_with_looking_at_every_span_even_when_they_overlap():
    rng = random.Random(6)
    for _ in range(200):
        spans = [Evidence(s, s + rng.randrange(0, 30)) for s in (rng.randrange(0, 300) for _ in range(rng.randrange(0, 12)))]
        touching = Touching(spans)
        for _ in range(30):
            start = rng.randrange(0, 330)
            end = start + rng.randrange(0, 10)
            slack = rng.choice([0, 1])
            expected = any(s.start <= end and start <= s.end + slack for s in spans)
            assert touching.touches(start, end, slack) == expected
