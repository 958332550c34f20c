"""The human report's blocks drawn as plain text, character for character as rich draws them
without colour, but without importing rich's console, styles and tables (about a sixth of the
instructions of checking one email, half to import them and half to draw the report).

It draws only what it can promise to draw as rich does: every character of the report one cell
wide (no tabs, no new lines inside a block, no wide, combining or unusual space characters), no
text rich would read as markup, and a table that fits once its widest columns are narrowed. For
anything else `draw` returns None and the report is drawn by rich. The layout rules below are
rich's own (rich/table.py, rich/text.py, rich/rule.py, rich/_wrap.py); tests/test_plain_report.py compares the
two drawings over every example at many widths.
"""

from __future__ import annotations

import os
import sys

from .. import cached_re as re  # re, compiling from the start-up cache

# Characters rich counts as one cell and wraps as a letter (or, for the space, as the only
# space): printable ASCII, Latin-1 and the Latin extensions, dashes, quotes and bullets,
# arrows, box drawing, ✓ and ✗. The soft hyphen, the no-break space and other spaces are not.
_NOT_ONE_CELL = re.compile("[^ -~\u00a1-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f\u2713\u2717]")

# Rich's HEAVY_HEAD box without its outer edge: the header row's divider, the line under it,
# and the other rows' divider.
HEAD_DIVIDER, HEAD_LINE, HEAD_CROSS, ROW_DIVIDER = "┃", "━", "╇", "│"
RULE = "─"


def terminal_width() -> int | None:
    """The width rich's Console() gives on a POSIX terminal or pipe: COLUMNS when set, else the
    first of standard input, output and error that is a terminal, else 80. None where rich
    works it out some other way (Windows, Jupyter, a dumb terminal)."""
    if os.name == "nt" or "IPython" in sys.modules or os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _texts(blocks):
    """Every piece of text in the blocks, and whether rich would read it as markup."""
    for block in blocks:
        kind = block[0]
        if kind == "rule":
            yield block[1], False
        elif kind == "grid":
            for label, value in block[1]:
                yield label, True
                yield (value, True) if isinstance(value, str) else (value[0], False)
        elif kind == "table":
            for row in block[1]:
                for cell in row:
                    yield (cell, False) if isinstance(cell, str) else ("".join(part for part, _ in cell), False)
        elif kind == "line":
            for part in block[1]:
                yield (part, True) if isinstance(part, str) else (part[0], False)
        elif kind == "indent":
            yield block[1], False


def drawable(blocks) -> bool:
    """Whether every text in the blocks is one the plain drawing promises to draw as rich does."""
    return not any(_NOT_ONE_CELL.search(text) or (markup and "[" in text) for text, markup in _texts(blocks))


_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it, as rich._wrap reads words


def _divide(text: str, width: int, fold: bool) -> list[str]:
    """The text's lines wrapped at `width`, where rich's divide_line breaks them (for text whose
    every character is one cell wide, where its cell counts are lengths)."""
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - used >= length:
            used += len(word)
        elif length > width:  # a word longer than a line: folded onto lines of its own, or cut
            if fold:
                pieces = [word[at : at + width] for at in range(0, len(word), width)]
                for piece in pieces[:-1]:
                    if start:
                        breaks.append(start)
                    start += len(piece)
                if start:
                    breaks.append(start)
                used = len(pieces[-1])
            else:
                if start:
                    breaks.append(start)
                used = len(word)
        elif used and start:
            breaks.append(start)
            used = len(word)
    ends = [0, *breaks, len(text)]
    return [text[start:end] for start, end in zip(ends, ends[1:])]


def cells(text: str) -> int:
    """How many terminal cells the text takes: its length when every character is one cell wide."""
    if not _NOT_ONE_CELL.search(text):
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _fit(line: str, width: int, ellipsis: bool) -> str:
    """A wrapped line cut to `width`, as rich's Text.rstrip_end and Text.truncate cut it."""
    if len(line) > width:
        excess = len(line) - width
        spaces = len(line) - len(line.rstrip(" "))
        line = line[: len(line) - min(spaces, excess)]
    if len(line) > width:
        line = line[: width - 1] + "…" if ellipsis else line[:width]
    return line


def wrap(text: str, width: int, fold: bool = True, ellipsis: bool = False, no_wrap: bool = False) -> list[str]:
    """Text as rich wraps it at `width` (overflow 'fold', or 'ellipsis' as in a table's cells)."""
    lines = [text] if no_wrap else _divide(text, width, fold)
    return [_fit(line, width, ellipsis) for line in lines]


class _CannotDraw(Exception):
    """A layout the plain drawing does not promise to draw as rich does."""


# -- measuring, as rich.measure.Measurement and rich.padding.Padding do ---------------------------
#
# A table reads only the widest each column can be: its longest text and padding, at most the room
# there is (rich works out the narrowest too, and uses it only for tables that expand, as these do not).


class Column:
    """A column of a table: its cells' texts (a header first, if any), padding and rules."""

    __slots__ = ("texts", "left", "right", "wraps", "ellipsis", "right_justify", "min_width")

    def __init__(self, texts, left, right, wraps=True, ellipsis=True, right_justify=False, min_width=None):
        self.texts, self.left, self.right = texts, left, right
        self.wraps, self.ellipsis, self.right_justify, self.min_width = wraps, ellipsis, right_justify, min_width

    def widest(self, room: int) -> int:
        """The widest the column can be drawn in `room` cells (rich.table.Table._measure_column's maximum)."""
        if room < 1:
            return 0
        extra = self.left + self.right
        widest = room if room - extra < 1 else min(max(map(len, self.texts)) + extra, room)
        return widest if self.min_width is None else max(widest, self.min_width + extra)

    def draw(self, text: str, width: int) -> list[str]:
        room = width - self.left - self.right
        if room < 1:
            raise _CannotDraw
        lines = wrap(text, room, fold=not self.ellipsis, ellipsis=self.ellipsis, no_wrap=not self.wraps)
        if self.right_justify:
            lines = [line.rstrip().rjust(room) for line in lines]
        return [" " * self.left + line.ljust(room) + " " * self.right for line in lines]


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """rich._ratio.ratio_reduce: take `total` from the values in proportion to the ratios."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining, result = total, []
    for ratio, most, value in zip(ratios, maximums, values):
        if ratio and total_ratio > 0:
            taken = min(most, round(ratio * remaining / total_ratio))
            result.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _collapse(widths: list[int], wrapable: list[bool], room: int) -> list[int]:
    """rich.table.Table._collapse_widths: narrow the widest wrapping columns until the table fits."""
    total = sum(widths)
    excess = total - room
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, wraps in zip(widths, wrapable) if wraps)
            second = max(w if wraps and w != widest else 0 for w, wraps in zip(widths, wrapable))
            difference = widest - second
            ratios = [1 if (w == widest and wraps) else 0 for w, wraps in zip(widths, wrapable)]
            if not any(ratios) or not difference:
                break
            widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
            total = sum(widths)
            excess = total - room
    return widths


def table(columns: list[Column], room: int, dividers: bool, header: bool) -> list[str]:
    """A table's lines at most `room` cells wide, as rich.table.Table draws one with no outer edge
    (with `dividers`, rich's HEAVY_HEAD box between columns and under the header)."""
    extra = len(columns) - 1 if dividers else 0
    room -= extra
    widths = [column.widest(room) or 1 for column in columns]
    if sum(widths) > room:
        widths = _collapse(widths, [column.wraps for column in columns], room)
        if sum(widths) > room:
            raise _CannotDraw  # rich's last resort narrows every column
        widths = [column.widest(width) for width, column in zip(widths, columns)]
    lines = []
    for index in range(len(columns[0].texts)):
        cells = [column.draw(column.texts[index], width) for column, width in zip(columns, widths)]
        height = max(map(len, cells))
        heading = header and index == 0  # a header sits at the foot of its row, the others at the top
        cells = [([" " * width] * (height - len(cell)) + cell) if heading else (cell + [" " * width] * (height - len(cell)))
                 for cell, width in zip(cells, widths)]
        divider = (HEAD_DIVIDER if heading else ROW_DIVIDER) if dividers else ""
        lines.extend(divider.join(parts) for parts in zip(*cells))
        if heading and dividers:
            lines.append(HEAD_CROSS.join(HEAD_LINE * width for width in widths))
    return lines


# -- the report's blocks ------------------------------------------------------------------------


def _rule(title: str, width: int) -> list[str]:
    if not title:
        return [RULE * width]
    if len(title) > width - 2:
        raise _CannotDraw  # rich cuts it with an ellipsis
    return [title + " " + RULE * (width - len(title) - 1)]


def _grid(rows, width: int) -> list[str]:
    labels = Column([label for label, _ in rows], 0, 2)
    values = Column([value if isinstance(value, str) else value[0] for _, value in rows], 0, 0)
    return table([labels, values], width, dividers=False, header=False)


def _checks(rows, width: int, rule_width: int | None) -> list[str]:
    texts = [[cell if isinstance(cell, str) else "".join(part for part, _ in cell) for cell in row] for row in rows]
    result, check, rule, severity, points = zip(*texts)
    columns = [
        Column(list(result), 0, 1),
        Column(list(check), 1, 1),
        Column(list(rule), 1, 1, wraps=False, min_width=rule_width),
        Column(list(severity), 1, 1),
        Column(list(points), 1, 0, right_justify=True),
    ]
    return table(columns, width, dividers=True, header=True)


def draw(blocks, width: int) -> str | None:
    """The report as rich would draw it without colour at `width` columns, or None where this
    drawing cannot promise that."""
    if not drawable(blocks):
        return None
    lines: list[str] = []
    try:
        for block in blocks:
            kind = block[0]
            if kind == "rule":
                lines += _rule(block[1], width)
            elif kind == "grid":
                lines += _grid(block[1], width)
            elif kind == "table":
                lines += _checks(block[1], width, block[2])
            elif kind == "line":
                text = "".join(part if isinstance(part, str) else part[0] for part in block[1])
                lines += wrap(text, width, no_wrap=block[2])
            elif kind == "indent":
                lines += ["    " + line for line in wrap(block[1], width - 4)]
            else:  # "blank"
                lines.append("")
    except _CannotDraw:
        return None
    return "".join(line.rstrip() + "\n" for line in lines)
