"""Small helpers the claim modules share: where the clause holding a position starts and ends (clause
breaks are semicolons, colons, dashes, "that" after a verb of saying), the words of a noun phrase, and the
regexes and reaches that several of the subject, measure, time and named-claim searches read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache, wraps
from operator import is_
from typing import Final, TypeVar

from factcheck._data import load_toml
from factcheck.lexicon import LEXICON, phrase_regex


# Words that end a counted noun phrase: prepositions, verbs, conjunctions (and the adverbs of stopwords.toml).
_NP_STOP: Final = frozenset(
    """of in on at for from to by with that which who whom whose and or but than as is are was were be been being
    have has had will would can could may might should must do does did said says say told its their his her
    this these those it they he she we while when where after before since until per each every across between
    into onto over under about around against during through via among including like such not also
    so if because whereas earlier later ago previously respectively annually year-on-year without out off
    rather""".split()
    + load_toml("stopwords.toml")["np_enders"]
)
# Determiners and fillers skipped at the start of a noun phrase.
_NP_SKIP: Final = frozenset("a an the its their his her our some of".split())
_WORD: Final = re.compile(r"[A-Za-z][\w’'-]*|[\u4e00-\u9fff]+")
# Clause boundaries for subject search: semicolons, colons, dashes, "that" after a verb of saying.
# (One word boundary before all the words: the engine then tests the words only at word starts.)
_CLAUSE_BREAK: Final = re.compile(r"[;:]|\s[–—-]\s|\b(?:that|which include|while|whereas|but|of\s+(?:which|whom))\b",
                           re.IGNORECASE)

_SUBJECT_WORDS: Final = LEXICON.claims["subject"]


# The words among the clause breaks: a sentence with none of them has only its marks to look for.
_MARK_BREAK: Final = re.compile(r"[;:]|\s[–—-]\s")
_WORD_BREAK_PHRASES: Final = ["that", "which include", "while", "whereas", "but", "of which", "of whom"]


@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the clause breaks in ``text``, found once per sentence."""
    words = _last_words if _last_words.text is text else None  # the sentence being read: its words are known
    breaks = _MARK_BREAK if words is not None and not words.may_find(_WORD_BREAKS) else _CLAUSE_BREAK
    found = [(m.start(), m.end()) for m in breaks.finditer(text)]
    return [a for a, _ in found], [b for _, b in found]


# A clause is cut this many characters from the position it is asked for (at a space, so no word is
# split). Every figure's subject, scope and cue searches read its clause: in a run-on sentence with no
# break (60 KB of "... and ...") that would cost figures x length. News clauses run to ~300 characters.
_CLAUSE_REACH: Final = 600
_SPACE: Final = re.compile(r"\s")


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
_PLACE_MODIFIER_HEAD: Final = re.compile(r"\s+(?:[a-z][\w-]*\s+)?" + phrase_regex(_SUBJECT_WORDS["place_modified_heads"]).pattern)
_ENTITY_REACH: Final = 400  # characters either side of a figure within which names are weighed
_COMMA_BEFORE: Final = re.compile(r",\s*(?:the\s+|its\s+)?$")

_LEADING: Final = re.compile(r"[\W_]*")


_T = TypeVar("_T")


def once_per_sentence(compute: Callable[..., _T]) -> Callable[..., _T]:
    """``compute`` worked out once for the sentence being read, however many figures ask: the last
    arguments and value are kept and reused while the very same objects are passed again (compared by
    identity, not equality: an equal sentence elsewhere in a text is worked out afresh, so nothing is
    carried from one sentence to another)."""
    last: tuple[tuple, object] = ((object(),), None)

    @wraps(compute)
    def per_sentence(*args):
        nonlocal last
        kept, value = last  # one read and one write of ``last``: safe if threads share it
        if len(kept) != len(args) or not all(map(is_, kept, args)):
            value = compute(*args)
            last = (args, value)
        return value

    return per_sentence


# Every word of a sentence, for the tests below: a run of word characters ("start-up" is "start" and "up").
_WORD_RUN: Final = re.compile(r"\w+")
# The only non-ASCII characters a case-insensitive regex takes for ASCII letters ("ſ" for "s", the Kelvin sign
# for "k", the Turkish "İ" and "ı" for "i"; tests/test_claims_equivalence.py finds them): a sentence holding one
# gets no word test.
_ASCII_CASE_TWINS: Final = re.compile("[\u0130\u0131\u017f\u212a]")


class PhraseWords:
    r"""What a regex of listed phrases needs to match: every word of one of its phrases standing in the text.
    The phrases are the alternatives the regex is made of (case-insensitive, their words apart by white space,
    each match bounded like a word: "(?<![\w-])" or "\b" before it, "(?![\w-])" or "\b" after it); built
    from the same list as the regex.

    >>> words = PhraseWords(["the total", "so far"])
    >>> words.may_match(frozenset({"the", "total", "rose"})), words.may_match(frozenset({"the", "far"}))
    (True, False)
    """

    __slots__ = ("keys", "table", "always")

    def __init__(self, phrases: list[str]):
        table: dict[str, list[frozenset[str]]] = {}
        always = False
        for phrase in phrases:
            runs = _WORD_RUN.findall(phrase.lower())
            if not phrase.isascii() or not _WORD_RUN.match(phrase.strip()):
                always = True  # a phrase this test cannot read: the regex always runs
                continue
            # Filed under its longest word, the rarest in a text most likely ("the company": "company").
            table.setdefault(max(runs, key=len), []).append(frozenset(runs))
        self.keys, self.table, self.always = frozenset(table), table, always

    def may_match(self, words: frozenset[str]) -> bool:
        """Whether a text whose words are ``words`` (lower-cased) may hold a match."""
        if self.always:
            return True
        keys = self.keys & words
        return bool(keys) and any(needed <= words for key in keys for needed in self.table[key])


class SentenceWords:
    """The words of a sentence, lower-cased, found once for all its figures: a regex of listed phrases
    (:class:`PhraseWords`) cannot match where the words of none of its phrases stand, so the readers of each
    figure skip it (most sentences hold no scope word, no total cue, no "its"). Exact, not a guess: a match
    starts and ends at word bounds, so its words are words of the text, and a case-insensitive ASCII match is
    a lower-case one (unless the text holds a character such as "ſ": then every regex runs).

    >>> words = SentenceWords("It has 40 in total.")
    >>> words.may_find(PhraseWords(["in total"])), words.may_find(PhraseWords(["so far"]))
    (True, False)
    >>> words.may_find(PhraseWords(["in tot"]), 16)  # a search that ends at 16 sees a word "tot"
    True
    """

    __slots__ = ("text", "words", "unsure", "_holds")

    def __init__(self, text: str):
        self.text = text
        self.unsure = not text.isascii() and _ASCII_CASE_TWINS.search(text) is not None
        # (Lower-casing keeps every other character's place and kind: the words are the text's own.)
        self.words = frozenset(_WORD_RUN.findall(text.lower()))
        self._holds: dict[PhraseWords, bool] = {}  # asked once per list, not once per figure

    def may_find(self, phrases: PhraseWords, hi: int | None = None) -> bool:
        """Whether the regex of ``phrases`` may find a match in the text, searched up to ``hi`` (a search's
        bounds, not a slice: a match still starts at a word start of the text). A bound inside a word makes
        a piece of it a word of the search: then it may."""
        holds = self._holds.get(phrases)
        if holds is None:
            holds = self._holds[phrases] = self.unsure or phrases.may_match(self.words)
        return holds or (hi is not None and _inside_word(self.text, hi))


def _inside_word(text: str, i: int) -> bool:
    """Whether position ``i`` splits a word (a word character on both sides).

    >>> _inside_word("a_b c", 1), _inside_word("a_b c", 2), _inside_word("a_b c", 3), _inside_word("ab", 2)
    (True, True, False, False)
    """
    pair = text[i - 1 : i + 1] if i > 0 else ""
    # (a regex's word characters are those str.isalnum() holds, and "_")
    return len(pair) == 2 and (pair.isalnum() or ("_" in pair and pair.replace("_", "a").isalnum()))


_last_words = SentenceWords("")
_WORD_BREAKS: Final = PhraseWords(_WORD_BREAK_PHRASES)


def sentence_words(text: str) -> SentenceWords:
    """The :class:`SentenceWords` of the sentence being read: kept while the very same text object is asked
    about (so an equal sentence elsewhere has its words found afresh: nothing carries between sentences)."""
    global _last_words
    words = _last_words
    if words.text is not text:
        words = _last_words = SentenceWords(text)
    return words


class PhraseRegex:
    r"""A regex of listed phrases that runs only where the words of one of them stand (:class:`SentenceWords`):
    its ``search``, ``match`` and ``finditer`` find what the regex's own do. Asked with the sentence being read
    (the words of a sentence are found once; any other text has its words found for the call).

    >>> regex = PhraseRegex(re.compile(r"(?<![\w-])(?:in\s+total|so\s+far)(?![\w-])", re.I), ["in total", "so far"])
    >>> regex.search("It has 40 in total."), regex.search("It has 40 in all.")
    (<re.Match object; span=(10, 18), match='in total'>, None)
    """

    __slots__ = ("regex", "words")

    def __init__(self, regex: re.Pattern[str], phrases: list[str]):
        self.regex, self.words = regex, PhraseWords(phrases)

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
        if hi is None:
            hi = len(text)
        return self.regex.search(text, lo, hi) if sentence_words(text).may_find(self.words, hi) else None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.match(text, pos) if sentence_words(text).may_find(self.words) else None

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match[str]]:
        if hi is None:
            hi = len(text)
        return self.regex.finditer(text, lo, hi) if sentence_words(text).may_find(self.words, hi) else iter(())
