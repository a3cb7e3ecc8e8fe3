"""Small helpers the claim modules share: where the clause holding a position starts and ends (clause
breaks are semicolons, colons, dashes, "that" after a verb of saying), the words of a noun phrase, and the
regexes and reaches that several of the subject, measure, time and named-claim searches read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from factcheck.lexicon import LEXICON, phrase_regex


# Words that end a counted noun phrase: prepositions, verbs, conjunctions.
_NP_STOP = frozenset(
    """of in on at for from to by with that which who whom whose and or but than as is are was were be been being
    have has had will would can could may might should must do does did said says say told its their his her
    this these those it they he she we while when where after before since until per each every across between
    into onto over under about around against during through via among including like such not also
    so if because whereas earlier later ago previously respectively annually year-on-year without out off
    rather""".split()
)
# Determiners and fillers skipped at the start of a noun phrase.
_NP_SKIP = frozenset("a an the its their his her our some of".split())
_WORD = re.compile(r"[A-Za-z][\w’'-]*|[\u4e00-\u9fff]+")
# Clause boundaries for subject search: semicolons, colons, dashes, "that" after a verb of saying.
# (One word boundary before all the words: the engine then tests the words only at word starts.)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—-]\s|\b(?:that|which include|while|whereas|but|of\s+(?:which|whom))\b",
                           re.IGNORECASE)

_SUBJECT_WORDS = LEXICON.claims["subject"]


@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the clause breaks in ``text``, found once per sentence."""
    found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    return [a for a, _ in found], [b for _, b in found]


# A clause is cut this many characters from the position it is asked for (at a space, so no word is
# split). Every figure's subject, scope and cue searches read its clause: in a run-on sentence with no
# break (60 KB of "... and ...") that would cost figures x length. News clauses run to ~300 characters.
_CLAUSE_REACH = 600
_SPACE = re.compile(r"\s")


def _clause_start(text: str, pos: int) -> int:
    starts, ends = _clause_breaks(text)
    # The last break that ends at or before ``pos`` (a break must lie wholly before it).
    i = bisect_right(ends, pos) - 1
    while i >= 0 and ends[i] > pos:
        i -= 1
    start = ends[i] if i >= 0 else 0
    if pos - start > _CLAUSE_REACH:
        cut = pos - _CLAUSE_REACH
        space = _SPACE.search(text, cut, cut + 40)
        start = space.end() if space else cut
    return start


def _clause_end(text: str, pos: int) -> int:
    starts, _ = _clause_breaks(text)
    i = bisect_left(starts, pos)
    end = starts[i] if i < len(starts) else len(text)
    if end - pos > _CLAUSE_REACH:
        cut = pos + _CLAUSE_REACH
        space = _SPACE.search(text, cut, cut + 40)
        end = space.start() if space else cut
    return end


# "The Beijing company", "its first Arizona fab": a place naming where an organisation or site is.
# (Case-sensitive: the head and the word before it are lower-case nouns, "cut Bank Rate" is not one.)
_PLACE_MODIFIER_HEAD = re.compile(r"\s+(?:[a-z][\w-]*\s+)?" + phrase_regex(_SUBJECT_WORDS["place_modified_heads"]).pattern)
_ENTITY_REACH = 400  # characters either side of a figure within which names are weighed
_COMMA_BEFORE = re.compile(r",\s*(?:the\s+|its\s+)?$")

_LEADING = re.compile(r"[\W_]*")
