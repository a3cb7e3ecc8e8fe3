"""Split prose into sentences, in linear time.

Candidate boundaries are runs of terminal punctuation (``.``, ``!``, ``?``,
``…``, CJK stops) with any closing quotes or brackets, and newlines. A run
only ends a sentence when whitespace (or the end of the text) follows, so
decimals ("2.788", "$5.57M"), versions ("Ernie 3.5"), dotted names ("01.AI",
"Node.js") and URLs never split. A single full stop is then judged by the word
before it, using ``data/abbreviations.toml``:

* ``never_end`` words ("Dr.", "e.g.", "vs.") never end a sentence;
* ``before_number`` words ("No.", "pp.") do not end one before a number;
* ``may_end`` words ("Inc.", "etc.", "U.S."), month abbreviations, initials
  ("G.") and dotted letter groups end one only before a capitalised word from
  ``sentence_starters`` ("... in the U.S. The company" splits, "U.S. President"
  does not);
* a list number at the start of a line ("1. ") does not end one.

Any stop followed by an all-lower-case word ("e.g. the", "said “no.” and")
does not end a sentence either, except across a line break in plain text.

Newlines: two or more (a blank line, spaces allowed) always end a sentence.
In plain text a single newline ends one too, unless the next line starts in
lower case or the line ends with a joining character (``,;:-–—(/&``) or a
``continuation_words`` word (a hard-wrapped sentence). In Markdown and HTML a
single newline is soft; the format's own breaks (list items, headings, table
rows, block tags) end sentences instead.

>>> text = "Dr. Li met G. C. Allen in the U.S. on Jan. 5. Revenue rose 2.5% to $5.57M. Wow!"
>>> [s.slice(text) for s in split_text(text)]
['Dr. Li met G. C. Allen in the U.S. on Jan. 5.', 'Revenue rose 2.5% to $5.57M.', 'Wow!']
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from factcheck._data import load_toml
from factcheck.formats import render
from factcheck.models import Document, Sentence, Span

_CANDIDATE: Final = re.compile(
    r"""
    [.!?…‽。！？\n]                          # one class first: the engine skips ordinary text at C speed
    (?:
        (?<=[.!?…‽])(?<![.!?…‽].)           # a terminal run, from its first stop only (so each run is read once)
        [.!?…‽]* ["'”’»)\]}]* (?!\S)         # and closers; only whitespace or the end may follow, so
                                              # "2.788", "01.AI", "https://a.b/c?d" never split
        (?= (?P<gap> \s* ) (?P<next> \S{0,40} ) )  # the blanks and the word after it (bounded: linear)
      | (?<=[。！？]) [。！？]* [」』”’）]*      # CJK stops need no space after them
      | (?<=\n) (?: [^\S\n]* \n )*           # a newline, and any further (blank) lines
    )
    """,
    re.VERBOSE,
)
_NEXT_WORD: Final = re.compile(r"\S{1,40}")
_OPENERS: Final = "\"'“‘«([{"
_CLOSERS: Final = "\"'”’»)]}"
_TERMINAL: Final = ".!?…‽。！？"
_STOPS: Final = ".!?…‽"
_CJK_STOPS: Final = "。！？"
_JOINING: Final = ",;:-–—(/&+"
_DOTTED: Final = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORDCHAR: Final = re.compile(r"[^\W_]")
_HEADING_MAX_WORDS: Final = 15


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    data = load_toml("abbreviations.toml")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower().rstrip(".") for w in data[key])

    lex = {k: words(k) for k in ("never_end", "before_number", "may_end", "sentence_starters",
                                 "continuation_words")}
    lex["may_end"] = lex["may_end"] | frozenset(data["months"]["abbreviations"])
    return lex


def _word_before(text: str, stop: int) -> tuple[str, int]:
    """The whitespace-delimited word ending at ``stop`` (at most 64 characters) and its start."""
    chunk = text[max(0, stop - 64) : stop]
    word = "" if not chunk or chunk[-1].isspace() else chunk.rsplit(None, 1)[-1]  # split(): isspace() blanks
    stripped = word.lstrip(_OPENERS)
    return stripped, stop - len(stripped)


def _at_line_start(text: str, i: int) -> bool:
    """Whether only spaces or tabs stand between ``i`` and the start of its line."""
    j = i
    while j > 0 and i - j < 64 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] == "\n"


def _is_lower_word(word: str) -> bool:
    word = word.lstrip(_OPENERS)
    return bool(word) and word[0].islower() and not any(map(str.isupper, word))


def _is_starter(word: str) -> bool:
    word = word.lstrip(_OPENERS)
    if not word or not word[0].isupper():
        return False
    return word.rstrip(_CLOSERS + ",;:.!?").lower() in _lexicon()["sentence_starters"]


def _stop_ends(text: str, m: re.Match[str], soft_newlines: bool, lex: dict[str, frozenset[str]]) -> bool:
    """Whether the terminal run matched by ``m`` (a ``_CANDIDATE`` stop, closers included) ends a sentence."""
    next_word = m.group("next")
    if not next_word:
        return True  # the end of the text
    kind = None
    run_start = m.start()
    if text[run_start] == "." and text[run_start + 1] not in _STOPS:  # a single full stop
        word, word_start = _word_before(text, run_start)
        key = word.lower()
        if key in lex["never_end"]:
            return False
        if key in lex["before_number"]:
            kind = "before_number"
        elif key in lex["may_end"] or ("." in key and _DOTTED.fullmatch(key)) or (len(word) == 1 and word.isupper()):
            kind = "may_end"
        elif word.isdigit() and len(word) <= 2 and _at_line_start(text, word_start):
            return False  # "1. " opening a numbered list item
    if not soft_newlines and "\n" in m.group("gap"):
        return True
    if _is_lower_word(next_word):
        return False
    if kind == "before_number":
        return not next_word[0].isdigit()
    if kind == "may_end":
        return _is_starter(next_word)
    return True


def _newline_ends(text: str, nl: int, after: int) -> bool:
    """In plain text, whether a single newline at ``nl`` ends the sentence on its line."""
    line_start = text.rfind("\n", 0, nl) + 1
    line = text[line_start:nl].rstrip()
    if not line:
        return False
    if line.rstrip(_CLOSERS)[-1:] in _TERMINAL:
        return False  # the stop before it has been judged already
    if after >= len(text):
        return True
    next_word = _NEXT_WORD.match(text, after)
    if next_word is None or _is_lower_word(next_word.group()):
        return False
    if line[-1] in _JOINING:
        return False
    last = line.rsplit(None, 1)[-1].lower()
    return last not in _lexicon()["continuation_words"]


def _cuts(text: str, soft_newlines: bool, breaks: Iterable[int]) -> list[int]:
    cuts = set(breaks)
    lex = _lexicon()
    for m in _CANDIDATE.finditer(text):
        first = text[m.start()]
        if first == "\n":
            if m.end() - m.start() > 1 or (not soft_newlines and _newline_ends(text, m.start(), m.end())):
                cuts.add(m.start())  # two or more newlines (a match longer than one ends in a newline too)
        elif first in _CJK_STOPS:
            cuts.add(m.end())
        elif _stop_ends(text, m, soft_newlines, lex):
            cuts.add(m.end())
    n = len(text)
    return sorted(c for c in cuts if 0 < c < n)


def split_text(text: str, *, soft_newlines: bool = False, breaks: Iterable[int] = ()) -> list[Span]:
    """Split ``text`` into sentence spans, each stripped of surrounding whitespace.

    ``soft_newlines`` makes a single newline not end a sentence (Markdown and
    HTML); ``breaks`` are extra offsets where a sentence must end. Pieces with
    no letter or digit (rules, stray punctuation) are dropped.

    >>> text = 'He said “It is done.” Then he left (see below.) Read https://x.com/a.b?c=1 now.'
    >>> [s.slice(text) for s in split_text(text)]
    ['He said “It is done.”', 'Then he left (see below.)', 'Read https://x.com/a.b?c=1 now.']
    >>> [s.slice("China Joins the Craze\\nIt has 70 LLMs.") for s in split_text("China Joins the Craze\\nIt has 70 LLMs.")]
    ['China Joins the Craze', 'It has 70 LLMs.']
    """
    spans: list[Span] = []
    prev = 0
    for cut in [*_cuts(text, soft_newlines, breaks), len(text)]:
        piece = text[prev:cut]
        a = prev + len(piece) - len(piece.lstrip())
        b = prev + len(piece.rstrip())
        if b > a and _WORDCHAR.search(text, a, b):
            spans.append(Span.trusted(start=a, end=b))  # a < b: valid by construction
        prev = cut
    return spans


def _alone(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is one line with a blank line (or the text's edge) on each side."""
    if "\n" in text[a:b]:
        return False
    for step, i in ((-1, a - 1), (1, b)):
        newlines = 0
        while 0 <= i < len(text) and text[i].isspace():
            newlines += text[i] == "\n"
            i += step
        if 0 <= i < len(text) and newlines < 2:
            return False
    return True


def looks_like_heading(text: str, span: Span) -> bool:
    """A short line without terminal punctuation, standing alone between blank lines.

    >>> t = "Intro text.\\n\\nChina Joins Large Language Model Craze\\n\\nBody."
    >>> looks_like_heading(t, Span(start=13, end=51)), looks_like_heading(t, Span(start=0, end=11))
    (True, False)
    """
    body = text[span.start : span.end]
    if not body or body.rstrip(_CLOSERS)[-1:] in _TERMINAL:
        return False
    return len(body.split()) <= _HEADING_MAX_WORDS and _alone(text, span.start, span.end)


def split_sentences(document: Document) -> list[Sentence]:
    """Split a document's prose into sentences, marking headings and headlines.

    >>> from factcheck.documents import load_document
    >>> doc = load_document(None, text="# Baidu\\nErnie Bot has 100 million users. It grew.", format="markdown")
    >>> [(s.text, s.heading) for s in split_sentences(doc)]
    [('Baidu', True), ('Ernie Bot has 100 million users.', False), ('It grew.', False)]
    """
    layout = render(document.text, document.format)
    prose = document.prose
    spans = split_text(prose, soft_newlines=layout.soft_newlines, breaks=layout.breaks)
    headings = _Ranges(layout.headings)
    rows = _Ranges(layout.rows)
    sentences = []
    for index, span in enumerate(spans):
        heading = headings.contain(span) or (not rows.contain(span) and looks_like_heading(prose, span))
        # The span and text come from the splitter: valid by construction, so no re-validation.
        sentences.append(Sentence.trusted(index=index, span=span, text=prose[span.start : span.end], heading=heading))
    return sentences


class _Ranges:
    """Sorted ``(start, end)`` ranges, asked whether one of them contains a span."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [r[0] for r in self.ranges]

    def contain(self, span: Span) -> bool:
        k = bisect_right(self.starts, span.start) - 1
        return k >= 0 and span.end <= self.ranges[k][1]
