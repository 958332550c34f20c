"""Where the reader's view is in the file: line numbers for machine formats.

The report a person reads numbers the lines of the *reader's view* (an email
as a mail client shows it, from its ``From:`` line). Editors, GitHub
annotations and SARIF need the lines of the file itself. For each line of the
view this module finds where it is in the file:

- ``line``: the same text is on that line of the file (the column is exact too);
- ``header``: the line of the header it comes from, whose value is encoded or
  folded in the file, so only the line is known;
- ``part``: the first line of the body of the email part that holds it, when
  the part is encoded (quoted-printable, base64) or HTML and the text is not
  written out on one line of the file;
- ``markup``: an HTML draft's text that markup splits across lines: line 1;
- ``paragraph``: a Word document has no lines; the number is the paragraph's;
- ``message``: an Outlook file has no text lines; the number counts the message
  as shown.

Drafts in plain text or Markdown are their own view, and need none of this.
"""

from __future__ import annotations

from . import cached_re as re  # re, compiling from the start-up cache
from .fields import Fields

# What each kind of position means, for JSON, SARIF, annotations and the report.
POSITIONS = {
    "line": "the line and column in the file",
    "header": "the line of the email header it comes from (its value is encoded or folded in the file)",
    "part": "the first line of the email part that holds it (the part is encoded, so the text is on no single line of the file)",
    "markup": "the first line of the HTML file (markup splits the text across lines, so no exact line exists)",
    "paragraph": "the paragraph's number in the Word document",
    "message": "the line in the message as shown (an Outlook file has no lines of text)",
}


class Place(Fields):
    """Where one line of the view is in the file.

    - ``line``: 1-based;
    - ``shift``: add to a column of the view to get the column in the file ("line" only);
    - ``segments``: a line of the view spread over several of the file's: (from this column of the view, line, shift).
    """

    __slots__ = ("line", "shift", "how", "segments")

    def __init__(self, line: int, shift: int = 0, how: str = "line", segments: tuple[tuple[int, int, int], ...] = ()) -> None:
        self.line, self.shift, self.how, self.segments = line, shift, how, segments

    def at(self, column: int) -> tuple[int, int]:
        """The file's (line, column) for a column of this line of the view."""
        line, shift = self.line, self.shift
        for start, segment_line, segment_shift in self.segments:
            if start > column:
                break
            line, shift = segment_line, segment_shift
        return line, max(1, column + shift)


def position_words(how: str, line: int) -> str:
    """A few words that say what a non-exact position is, for a machine format's message; '' when exact."""
    if how == "paragraph":
        return f"(paragraph {line} of the Word document)"
    if how == "part":
        return f"(line {line} is where the email part holding this text starts; the part is encoded, so no exact line exists)"
    if how == "header":
        return f"(line {line} is the email header it comes from)"
    if how == "markup":
        return "(markup splits this text across the HTML file's lines, so no exact line exists)"
    if how == "message":
        return f"(line {line} of the message as shown; an Outlook file has no lines of text)"
    return ""


def _decode(raw: bytes) -> list[str]:
    """The file's lines as text: UTF-8 where it is, Latin-1 otherwise (line by line, so one odd line spoils nothing)."""
    raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        return raw.decode("utf-8").split("\n")  # nearly always: at once
    except UnicodeDecodeError:
        pass
    lines = []
    for line in raw.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("latin-1"))
    return lines


_BOUNDARY_RE = re.compile(r'boundary\s*=\s*"?([^";\s]+)"?', re.I)
_HEADER_START_RE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")


class _Part(Fields):
    """A leaf part of an email: the index of its body's first line, the index just past its last, its type and encoding."""

    __slots__ = ("body", "end", "content_type", "encoding")

    def __init__(self, body: int, end: int, content_type: str, encoding: str) -> None:
        self.body, self.end, self.content_type, self.encoding = body, end, content_type, encoding


def _parts(lines: list[str]) -> list[_Part]:
    """Every leaf part of an email, in file order: where its body starts and ends, its type and encoding."""
    boundaries = {"--" + b for line in lines if "oundary" in line or "OUNDARY" in line for b in _BOUNDARY_RE.findall(line)}
    marks = [i for i, line in enumerate(lines)
             if line[:2] == "--" and (line.rstrip() in boundaries or line.rstrip()[:-2] in boundaries)] if boundaries else []
    starts = [0] + [i + 1 for i in marks]
    ends = marks + [len(lines)]
    parts = []
    for start, end in zip(starts, ends):
        # Each header's pieces, joined once at the end: adding each folded line to a growing
        # string took seconds for a header folded over 300,000 lines.
        pieces: dict[str, list[str]] = {}
        name, index = None, start
        while index < end and lines[index].strip():
            line = lines[index]
            match = _HEADER_START_RE.match(line)
            if match and not line[:1].isspace():
                name = match.group(1).lower()
                pieces[name] = [match.group(2)]
            elif name and line[:1].isspace():
                pieces[name].append(line.strip())
            index += 1
        headers = {key: " ".join(value) for key, value in pieces.items() if key in ("content-type", "content-transfer-encoding")}
        content_type = headers.get("content-type", "text/plain" if start == 0 else "").split(";")[0].strip().lower()
        if content_type.startswith("multipart/") or index >= end:
            continue
        encoding = headers.get("content-transfer-encoding", "7bit").strip().lower()
        parts.append(_Part(index + 1, end, content_type, encoding))
    return parts


def email_places(raw: bytes, view: str, body_start: int, headers: list[tuple[str, str]], from_html: bool) -> list[Place]:
    """For each line of an email's view, where it is in the .eml file."""
    lines = _decode(raw)
    header_end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    view_lines = view.split("\n")
    places: list[Place] = []

    # The header lines of the view: From, Date, Subject (and Attachments, named in the parts' headers).
    for (name, _), shown in zip(headers, view_lines):
        wanted = name.lower() + ":"
        found = next((i for i in range(header_end) if lines[i].lower().startswith(wanted)), None)
        if name == "Attachments" or found is None:
            first = shown.split(": ", 1)[-1].split(", ")[0]
            found = next((i for i, line in enumerate(lines) if first and first in line), found)
            places.append(Place(found + 1 if found is not None else 1, 0, "header"))
        elif lines[found].rstrip() == shown.rstrip():
            places.append(Place(found + 1))
        else:
            places.append(Place(found + 1, 0, "header"))
    body_line = view.count("\n", 0, body_start)
    places += [Place(header_end + 1)] * (body_line - len(places))

    # The body: each line found, in order, in the parts it came from (never in a base64 part).
    kind = "text/html" if from_html else "text/plain"
    parts = [p for p in _parts(lines) if p.content_type == kind] or [_Part(header_end + 1, len(lines), kind, "7bit")]
    searchable = [i for p in parts if p.encoding != "base64" for i in range(p.body, p.end)]
    return places + _find_lines(lines, searchable, view_lines[body_line:], Place(parts[0].body + 1, 0, "part"))


# A word as the file may write it: runs of characters that HTML and quoted-printable leave as
# they are (not &, <, >, =, quotes or anything beyond ASCII, which they may encode).
_WORD_RE = re.compile(r"[!#-%'-;?-~]{3,}")
# How far ahead of the last one found a word is looked for: at most this many lines,
# and this many characters in all. The characters are a window: in one long line,
# every word that is not there (a form's blanks) was looked for to the line's end.
WINDOW = 60
CHAR_WINDOW = 5000


def _find_lines(lines: list[str], searchable: list[int], shown_lines: list[str], fallback: Place) -> list[Place]:
    """Each line of the view, found in order among the file's lines.

    A line written out whole in the file is found at once. Otherwise (HTML
    markup, quoted-printable's soft line breaks, a paragraph joined into one
    line) it is followed word by word: each word is looked for a little ahead
    of the last one found, so a line of the view may span several of the file's.
    A line none of whose words are found gets ``fallback``.
    """
    import bisect

    where: dict[str, list[int]] = {}
    for position, index in enumerate(searchable):
        where.setdefault(lines[index].rstrip(), []).append(position)
    places: list[Place] = []
    k, column = 0, 0  # the cursor: a position in searchable, and a column in that line
    for shown in shown_lines:
        if not shown.strip():
            places.append(fallback)
            continue
        candidates = where.get(shown.rstrip(), [])
        whole = bisect.bisect_left(candidates, k)
        if whole < len(candidates):
            places.append(Place(searchable[candidates[whole]] + 1))
            k, column = candidates[whole] + 1, 0
            continue
        segments: list[tuple[int, int, int]] = []
        for word in _WORD_RE.finditer(shown):
            budget = CHAR_WINDOW
            for j in range(k, min(len(searchable), k + WINDOW)):
                line, begin = lines[searchable[j]], (column if j == k else 0)
                at = line.find(word.group(), begin, begin + budget + len(word.group()))
                budget -= len(line) - begin
                if at < 0 and budget <= 0:
                    break
                if at >= 0:
                    segment = (word.start() + 1, searchable[j] + 1, at - word.start())
                    if not segments or segments[-1][1:] != segment[1:]:
                        segments.append(segment)
                    k, column = j, at + len(word.group())
                    break
        places.append(Place(segments[0][1], segments[0][2], "line", tuple(segments)) if segments else fallback)
    return places


def html_places(raw: bytes, view: str) -> list[Place]:
    """For each line of an HTML draft's text, where its words are in the file (else the file's first line)."""
    lines = _decode(raw)
    return _find_lines(lines, list(range(len(lines))), view.split("\n"), Place(1, 0, "markup"))
