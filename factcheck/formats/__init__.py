"""Turn Markdown, HTML or plain text into prose of exactly the same length.

Each format module blanks markup with spaces (keeping newlines), so an offset
into the prose is the same offset into the original text: the prose *is* the
source map. Besides the prose a format reports what the sentence splitter and
the loader need to know about the layout: where sentences must break, which
ranges are headings, and the metadata written in the file.

>>> r = render("# Title\\n\\nSome *bold* text.", "markdown")
>>> r.prose
'  Title\\n\\nSome  bold  text.'
>>> r.headings
((2, 7),)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Literal

Format = Literal["text", "markdown", "html"]
FORMATS: tuple[str, ...] = ("text", "markdown", "html")

_EXTENSIONS: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}

# HTML is recognised by its first tag; only leading whitespace may come before it.
_HTML_START = re.compile(r"\s{0,1000}<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
# Markdown front matter: a first line of exactly three dashes followed by a "key: value" line.
_FRONT_MATTER_START = re.compile(r"---[ \t]*\r?\n[A-Za-z_][\w-]{0,40}[ \t]*:")

_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass(frozen=True)
class Rendered:
    """The prose view of a text and what the format says about its layout.

    ``breaks`` are offsets where a sentence must end (list items, table rows,
    headings); ``headings`` are ``(start, end)`` ranges of heading text and
    ``rows`` of table rows (which are never headlines);
    ``soft_newlines`` says a single newline does not end a sentence (Markdown
    and HTML paragraphs wrap freely); ``metadata`` holds raw strings for the
    keys ``published``, ``source``, ``url`` and ``title``.
    """

    prose: str
    breaks: tuple[int, ...] = ()
    headings: tuple[tuple[int, int], ...] = ()
    rows: tuple[tuple[int, int], ...] = ()
    soft_newlines: bool = False
    metadata: dict[str, str] = field(default_factory=dict)


def blank(segment: str) -> str:
    """``segment`` with every character but newlines turned into a space.

    >>> blank("<b\\nid=1>")
    '  \\n     '
    """
    if "\n" not in segment:
        return " " * len(segment)
    return _NOT_NEWLINE.sub(" ", segment)


def detect_format(name: str | None, text: str) -> Format:
    """The format of a file from its name's extension, else by sniffing its start.

    >>> detect_format("a.md", ""), detect_format(None, "<!DOCTYPE html><p>x"), detect_format("a.txt", "")
    ('markdown', 'html', 'text')
    """
    if name:
        suffix = PurePath(name).suffix.lower()
        if suffix in _EXTENSIONS:
            return _EXTENSIONS[suffix]
    if _HTML_START.match(text):
        return "html"
    if _FRONT_MATTER_START.match(text):
        return "markdown"
    return "text"


@lru_cache(maxsize=8)
def render(text: str, format: str) -> Rendered:
    """Render ``text`` in ``format`` ("text", "markdown" or "html") to prose.

    Cached, because the loader and the sentence splitter both ask for it.

    >>> render("a &amp; b", "html").prose
    'a &     b'
    >>> render("a &amp; b", "text").prose
    'a &amp; b'
    """
    if format == "markdown":
        from factcheck.formats.markdown import render_markdown

        return render_markdown(text)
    if format == "html":
        from factcheck.formats.html import render_html

        return render_html(text)
    if format == "text":
        return Rendered(prose=text)
    raise ValueError(f"unknown format {format!r} (expected one of {', '.join(FORMATS)})")
