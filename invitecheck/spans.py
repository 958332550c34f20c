"""Questions about many spans of text asked many times, answered by binary search.

A text may hold thousands of dates, promises or demands; asking of each new one "does it
overlap any found so far?" by looking at every one made a long text take minutes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort


class Taken:
    """Spans taken one by one, none overlapping another: kept in order of start, their ends are
    in order too, so the one to compare with a new span is found by bisection."""

    __slots__ = ("spans",)

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Does some taken span (x, y) have start < y and x < end?"""
        i = bisect_left(self.spans, (end, -1))  # the spans before i start before `end`
        return i > 0 and self.spans[i - 1][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))


class Touching:
    """Fixed spans (any, overlapping or not), asked whether one comes within reach of a stretch."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def touches(self, start: int, end: int, slack: int = 0) -> bool:
        """Does some span (x, y) have x <= end and start <= y + slack?"""
        i = bisect_right(self.starts, end)
        return i > 0 and self.reach[i - 1] + slack >= start
