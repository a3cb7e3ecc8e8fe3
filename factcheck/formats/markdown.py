"""Markdown to prose: blank the markup, keep the words, line by line.

Blanked: YAML front matter, fenced code blocks, HTML comments and inline tags,
heading markers, list bullets and numbers, blockquote markers, table pipes and
delimiter rows, emphasis and strikethrough delimiters, inline-code backticks,
link brackets and targets (the label stays), images, reference definitions and
backslashes before escaped punctuation. Entities become their character. Every
pass is a single left-to-right scan, so the time is linear in the text.

>>> render_markdown("- See [the report](https://x.org/r) for **2023**.").prose
'  See  the report                   for   2023  .'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from factcheck.formats import Rendered, blank
from factcheck.formats.html import decode_entity

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_FRONT_KEY = re.compile(r"\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_QUOTED = re.compile(r"""^(["'])(.*)\1$""")
_BLOCKQUOTE = re.compile(r" {0,3}>[ \t]?")
_LIST_MARKER = re.compile(r"([ \t]*)([-*+\u2022]|[0-9]{1,9}[.)])(?=[ \t]|$)")
_HEADING = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_CLOSING_HASHES = re.compile(r"[ \t]#+[ \t]*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_TABLE_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_REFERENCE_DEF = re.compile(r" {0,3}\[[^\[\]\n]{1,200}\]:[ \t]*\S")

_INLINE = re.compile(
    r"""
      (?P<escape> \\[!-/:-@\[-`{-~] )                         # backslash escape
    | (?P<code> `+ )                                          # a run of backticks
    | (?P<image> !\[ [^\[\]\n]* \] \( [^()\s]* (?: \( [^()\s]* \) [^()\s]* )? (?: [ \t]+ "[^"\n]*" )? [ \t]* \) )
    | (?P<link> \[ [^\[\]\n]* \] ) (?P<target>
          \( [^()\s]* (?: \( [^()\s]* \) [^()\s]* )? (?: [ \t]+ "[^"\n]*" )? [ \t]* \)   # (url "title")
        | \[ [^\[\]\n]* \]                                                         # [reference]
      )
    | (?P<footnote> \[\^ [^\[\]\s]{1,40} \] )                # footnote reference [^1]
    | (?P<autolink> < (?: https?:// | mailto: ) [^\s<>]* > )  # <https://...>
    | (?P<tag> </? [A-Za-z][A-Za-z0-9-]* (?: \s [^<>\n]* )? /?> )   # inline HTML tag
    | (?P<entity> & (?: \#[0-9]{1,8} | \#[xX][0-9a-fA-F]{1,8} | [A-Za-z][A-Za-z0-9]{0,31} ) ; )
    | (?P<delim> \*+ | _+ | ~~ )                                   # emphasis, strikethrough
    """,
    re.VERBOSE,
)


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _front_matter(text: str) -> tuple[int, dict[str, str]]:
    """The end of the front matter (0 if none) and its simple ``key: value`` pairs."""
    first = text.find("\n")
    if first < 0 or text[:first].rstrip() != "---":
        return 0, {}
    pos = first + 1
    meta: dict[str, str] = {}
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        if line.rstrip() in ("---", "..."):
            return end, meta
        m = _FRONT_KEY.match(line)
        if m and not line[:1].isspace():
            value = m.group(2)
            if " #" in value and not value.startswith(("'", '"')):
                value = value.split(" #", 1)[0].rstrip()  # a trailing YAML comment
            q = _QUOTED.match(value)
            meta.setdefault(m.group(1).lower(), q.group(2) if q else value)
        pos = end + 1
    return 0, {}  # never closed: not front matter


class _Line:
    """One line being rendered; ``work`` is what later passes match against."""

    def __init__(self, out: list[str], start: int, text: str) -> None:
        self.out, self.start = out, start
        self._chars = list(text)
        self._work: str | None = text

    @property
    def work(self) -> str:
        if self._work is None:
            self._work = "".join(self._chars)
        return self._work

    def blank(self, a: int, b: int) -> None:
        """Blank ``[a, b)`` (line-relative) in the output and hide it from later passes."""
        if b > a:
            self.out[self.start + a : self.start + b] = " " * (b - a)
            self._chars[a:b] = " " * (b - a)
            self._work = None


_TICKS = re.compile(r"`+")
#: the characters every _INLINE match starts with. _INLINE tries all its alternatives at every
#: position; this one class is found at C speed, and most lines of prose hold none of them.
_INLINE_START = re.compile(r"[\\`!\[<&*_~]")


def _inline_matches(work: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    """What ``_INLINE.finditer(work, pos, end)`` yields, trying _INLINE only where a match can start."""
    search, match = _INLINE_START.search, _INLINE.match
    c = search(work, pos, end)
    while c is not None:
        m = match(work, c.start(), end)
        if m is None:
            c = search(work, c.start() + 1, end)
        else:
            yield m  # never empty: every alternative consumes its first character
            c = search(work, m.end(), end)


def _inline(line: _Line, begin: int, end: int, work: str | None = None,
            ticks_left: Counter[int] | None = None) -> None:
    """Blank inline markup in ``line.work[begin:end]`` (one scan, delimiter stacks)."""
    if work is None:
        work = line.work
    if _INLINE_START.search(work, begin, end) is None:
        return  # no markup character at all
    if ticks_left is None:  # backtick runs still ahead, by length: an opener needs a closer
        ticks_left = Counter(len(t) for t in _TICKS.findall(work, begin, end))
    ticks: tuple[int, int] | None = None  # the open code span's backtick run
    stacks: dict[str, list[tuple[int, int]]] = {"*": [], "_": [], "~": []}
    for m in _inline_matches(work, begin, end):
        a, b = m.span()
        kind = m.lastgroup if m.lastgroup != "target" else "link"
        if kind == "code":
            ticks_left[b - a] -= 1
        if ticks is not None:  # inside a code span only the matching run counts
            if kind == "code" and b - a == ticks[1] - ticks[0]:
                line.blank(*ticks)
                line.blank(a, b)
                ticks = None
            continue
        if kind == "code":
            if ticks_left[b - a] > 0:
                ticks = (a, b)
        elif kind == "escape":
            line.blank(a, a + 1)
        elif kind in ("image", "footnote", "tag"):
            line.blank(a, b)
        elif kind == "link":
            label_end = m.end("link")
            line.blank(a, a + 1)
            line.blank(label_end - 1, b)
            _inline(line, a + 1, label_end - 1, work, ticks_left)  # the label may hold emphasis or code
        elif kind == "autolink":
            line.blank(a, a + 1)
            line.blank(b - 1, b)
        elif kind == "entity":
            value = decode_entity(m.group())
            if value is not None and len(value) <= b - a:
                line.out[line.start + a : line.start + b] = value + " " * (b - a - len(value))
        else:
            _delimiter(line, work, stacks, a, b)


def _delimiter(line: _Line, work: str, stacks: dict[str, list[tuple[int, int]]], a: int, b: int) -> None:
    """Pair emphasis runs by CommonMark's flanking rules, simplified: a closer closes the last opener."""
    n = len(work)
    ch = work[a]
    before = work[a - 1] if a > 0 else " "
    after = work[b] if b < n else " "
    left = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
    right = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
    if ch == "_":  # no intraword emphasis with underscores (snake_case)
        left, right = left and (not right or _is_punct(before)), right and (not left or _is_punct(after))
    stack = stacks[ch]
    if right and stack:
        oa, ob = stack.pop()
        line.blank(oa, ob)
        line.blank(a, b)
    elif left:
        stack.append((a, b))


def render_markdown(text: str) -> Rendered:
    """Render Markdown to prose of the same length, with headings, breaks and front matter.

    >>> r = render_markdown("---\\ntitle: 'A: b'\\ndate: 2024-01-29\\n---\\n## Hello ##\\nText")
    >>> r.metadata
    {'title': 'A: b', 'date': '2024-01-29'}
    >>> r.prose[r.headings[0][0]:r.headings[0][1]]
    'Hello'
    """
    out = list(text)
    n = len(text)
    breaks: list[int] = []
    headings: list[tuple[int, int]] = []
    rows: list[tuple[int, int]] = []
    fm_end, metadata = _front_matter(text)
    if fm_end:
        out[:fm_end] = blank(text[:fm_end])
    fence: str | None = None  # the opening fence run while inside a fenced block
    in_comment = False
    in_table = False
    prev: tuple[int, int] | None = None  # previous paragraph line (for setext headings)
    pos = fm_end + 1 if fm_end else 0
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        raw = text[pos:end]
        body = raw[:-1] if raw.endswith("\r") else raw
        line = _Line(out, pos, body)
        pos = end + 1
        # Fenced code: blank everything up to and including the closing fence.
        if fence is not None:
            line.blank(0, len(body))
            m = _FENCE.match(body)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not body[m.end() :].strip():
                fence = None
            continue
        # HTML comments (possibly spanning lines) are hidden from every later pass.
        i = 0
        while i < len(body):
            if in_comment:
                close = body.find("-->", i)
                stop = len(body) if close < 0 else close + 3
                line.blank(i, stop)
                in_comment = close < 0
                i = stop
            else:
                i = body.find("<!--", i)
                if i < 0:
                    break
                in_comment = True
        work = line.work
        if not work.strip():
            prev, in_table = None, False
            continue
        m = _FENCE.match(work)
        if m and not (m.group(1)[0] == "`" and "`" in work[m.end() :]):
            fence = m.group(1)
            line.blank(0, len(work))
            prev = None
            continue
        if _THEMATIC.match(work) and not (prev is not None and _SETEXT.match(work)):
            line.blank(0, len(work))
            prev = None
            continue
        if prev is not None and _SETEXT.match(work):  # underline: the previous line is a heading
            line.blank(0, len(work))
            headings.append(prev)
            breaks.extend(prev)
            prev = None
            continue
        if _REFERENCE_DEF.match(work):
            line.blank(0, len(work))
            continue
        # Block markers at the start: blockquotes, then a list bullet or number, then a heading.
        begin = 0
        while m := _BLOCKQUOTE.match(line.work, begin):
            line.blank(begin, m.end())
            begin = m.end()
        m = _LIST_MARKER.match(line.work, begin)
        if m:
            line.blank(m.start(2), m.end(2))
            breaks.append(line.start + m.start(2))
            begin = m.end()
        heading = _HEADING.match(line.work, begin)
        if heading:
            line.blank(heading.start(1), heading.end(1))
            closing = _CLOSING_HASHES.search(line.work, heading.end())
            if closing:
                line.blank(closing.start(), closing.end())
            begin = heading.end()
        # Tables: rows that start with a pipe, or follow a header row; each row is a sentence.
        stripped = line.work.strip()
        if heading or "|" not in stripped:
            in_table = False
        elif in_table or stripped.startswith("|") or _starts_table(text, pos):
            in_table = True
            if _TABLE_DELIMITER.match(line.work):
                line.blank(0, len(body))
                continue
            row = line.work
            for j, ch in enumerate(row):
                if ch == "|" and (j == 0 or row[j - 1] != "\\"):
                    line.blank(j, j + 1)
            breaks.extend((line.start, line.start + len(body)))
            rows.append((line.start, line.start + len(body)))
        _inline(line, begin, len(body))
        content = (line.start + begin, line.start + len(body.rstrip()))
        if heading:
            trimmed = _trim(out, *content)
            headings.append(trimmed)
            breaks.extend(trimmed)
            prev = None
        else:
            prev = _trim(out, *content)
    return Rendered(prose="".join(out), breaks=tuple(sorted(set(breaks))), headings=tuple(headings),
                    rows=tuple(rows), soft_newlines=True, metadata=metadata)


def _starts_table(text: str, next_line: int) -> bool:
    """Whether the line starting at ``next_line`` is a table delimiter row (``|---|:--:|``)."""
    if next_line >= len(text):
        return False
    end = text.find("\n", next_line)
    line = text[next_line : len(text) if end < 0 else end].rstrip("\r")
    return "|" in line and "-" in line and _TABLE_DELIMITER.match(line) is not None


def _trim(out: list[str], a: int, b: int) -> tuple[int, int]:
    """Shrink ``[a, b)`` to exclude blanks at either end."""
    while a < b and out[a].isspace():
        a += 1
    while b > a and out[b - 1].isspace():
        b -= 1
    return a, b
