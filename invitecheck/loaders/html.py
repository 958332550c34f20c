"""HTML-only mail to readable text, keeping the line breaks a reader sees.

Block elements start new lines, links keep their address as ``text (url)``,
and form controls are drawn as blanks so that a form in the message is still
recognisable as one.

The parsing is libxml2's, through lxml's event interface: it takes time in
proportion to the input whatever the markup. (Python's own html.parser rescans
the rest of the document for every unclosed tag or comment, so 60 KB of '<a '
took minutes.)
"""

from __future__ import annotations

import re


BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "form", "fieldset", "address", "center", "figure", "hr",
}
SKIP = {"script", "style", "head", "title", "template", "noscript"}


class _TextMaker:
    """The events of lxml's parser (start, end, data, close) turned into text."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.skipping = 0
        self.href: str | None = None
        self.link_text: list[str] = []

    def _newline(self, count: int = 1) -> None:
        self.out.append("\n" * count)

    def start(self, tag, attrs):
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in SKIP:
            self.skipping += 1
        elif tag == "br":
            self._newline()
        elif tag == "li":
            self.out.append("\n- ")
        elif tag in ("td", "th"):
            self.out.append(" ")
        elif tag in BLOCK:
            self._newline(2 if tag in ("p", "h1", "h2", "h3", "table", "ul", "ol") else 1)
        elif tag == "a":
            self.href = (attrs.get("href") or "").strip()
            self.link_text = []
        elif tag == "img" and attrs.get("alt"):
            self.out.append(f" {attrs['alt']} ")
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                self.out.append("[ ] ")
            elif kind not in ("hidden", "submit", "button", "image", "reset"):
                self.out.append(" __________ ")
        elif tag in ("textarea", "select"):
            self.out.append(" __________ ")
            if tag == "textarea":
                self.skipping += 1

    def end(self, tag):
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in SKIP or tag == "textarea":
            self.skipping = max(0, self.skipping - 1)
        elif tag == "a" and self.href is not None:
            text = "".join(self.link_text).strip()
            href = self.href
            self.href = None
            shown = href[7:] if href.lower().startswith("mailto:") else href
            if shown and shown not in text and not href.startswith("#"):
                self.out.append(f" ({shown})")
        elif tag in BLOCK:
            self._newline(2 if tag in ("p", "table", "ul", "ol") else 1)

    def data(self, data):
        if self.skipping:
            return
        data = re.sub(r"\s+", " ", data)
        if self.href is not None:
            self.link_text.append(data)
        self.out.append(data)

    def close(self):
        return "".join(self.out)


def html_to_text(html: str) -> str:
    if not html.strip():
        return "\n"
    from lxml import etree  # here, so that a plain-text email never loads lxml

    parser = etree.HTMLParser(target=_TextMaker(), recover=True, no_network=True, remove_comments=True)
    try:
        parser.feed(html)
        text = parser.close()
    except etree.Error:  # libxml2 recovers from almost anything; this is a last resort
        text = re.sub(r"<[^<>]*>", " ", html)  # linear: each '<' is scanned only up to the next '<' or '>'
    text = text.replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
