"""The claim readers' shortcuts find what the code they replaced found: a phrase regex skipped when the
sentence lacks its words (factcheck.claims._text.PhraseRegex), clause breaks found by their marks alone in a
sentence with no break word, and the tense test of a clause."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import _text, measure, subject, timing
from factcheck.claims._text import (
    _ASCII_CASE_TWINS,
    _CLAUSE_BREAK,
    _WORD_RUN,
    PhraseRegex,
    _clause_breaks,
    _inside_word,
    sentence_words,
)
from factcheck.lexicon import LEXICON

_PHRASE_REGEXES = {
    "scope": measure._SCOPE_REGEX,
    "total": measure._TOTAL_CUE,
    "increment": measure._INCREMENT_CUE,
    "continuation": measure._CONTINUATION_CUE,
    "national": subject._NATIONAL_CUES,
    "covered": subject._COVERED_CUES,
    "org pointer": subject._ORG_POINTER,
    "anaphor": subject._ANAPHOR,
    "examples": subject._EXAMPLES_CUE,
    "membership": subject._MEMBERSHIP_CUE,
    "record since": timing._RECORD_SINCE,
    "not reported": timing._NOT_REPORTED,
}


def _words_of(regex: PhraseRegex) -> list[str]:
    """Words of its phrases, and pieces and look-alikes of them, to build texts from."""
    words = sorted({w for table in regex.words.table.values() for needed in table for w in needed})[:40]
    out = []
    for w in words:
        out += [w, w.upper(), w.capitalize(), w[:-1], w + "s", "x" + w, w.replace("s", "\u017f"), w.replace("i", "\u0131")]
    return out


_GLUE = [" ", "  ", "\n", "-", "’s", "'s", ", ", ". ", ";", ":", " – ", "(", ")", "_", "1", "é", "the ", " a ", "big "]


def _texts(regex: PhraseRegex):
    return st.lists(st.sampled_from(_words_of(regex) + _GLUE), max_size=14).map("".join)


def _spans(found) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in found]


@pytest.mark.parametrize("name", sorted(_PHRASE_REGEXES))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_phrase_regex_finds_what_its_regex_finds(name, data):
    regex = _PHRASE_REGEXES[name]
    text = data.draw(_texts(regex))
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    raw = regex.regex
    assert _spans(regex.finditer(text, lo, hi)) == _spans(raw.finditer(text, lo, hi))
    assert _spans(filter(None, [regex.search(text, lo, hi)])) == _spans(filter(None, [raw.search(text, lo, hi)]))
    assert _spans(filter(None, [regex.match(text, lo)])) == _spans(filter(None, [raw.match(text, lo)]))


def test_the_phrase_regexes_read_every_phrase_of_their_lists():
    # A phrase the word test cannot read would make its regex run on every sentence (still exact, not faster).
    assert not any(r.words.always for r in _PHRASE_REGEXES.values())
    assert measure._SCOPE_REGEX.regex is LEXICON.scope_regex


def test_only_four_non_ascii_characters_match_ascii_word_characters_ignoring_case():
    everything = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    twins = {m.group() for m in re.finditer(r"(?i)[a-z0-9_]", everything)}
    assert twins == set("\u0130\u0131\u017f\u212a")
    assert all(_ASCII_CASE_TWINS.fullmatch(c) for c in twins)


def test_lower_casing_keeps_the_words_of_a_text_but_for_the_twins():
    everything = "".join(chr(c) for c in range(0, 0x110000) if not 0xD800 <= c < 0xE000 and chr(c) not in "\u0130")
    lowered = everything.lower()
    assert len(lowered) == len(everything)
    assert [m.span() for m in _WORD_RUN.finditer(lowered)] == [m.span() for m in _WORD_RUN.finditer(everything)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab_ -é1\n.", max_size=8), st.integers(-1, 9))
def test_inside_word_is_two_regex_word_characters(text, i):
    assert _inside_word(text, i) == (0 < i < len(text) and re.match(r"\w\w", text[i - 1 : i + 1]) is not None)


_BREAK_PARTS = ["that", "That", "which include", "which", "include", "while", "whereas", "but", "But", "of", "of which",
                "of  whom", "whom", "w\u0131ile", " ", "; ", ":", " – ", " - ", "-", "x", "thatch", "é", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BREAK_PARTS), max_size=12).map("".join))
def test_clause_breaks_by_their_marks_alone_when_the_sentence_has_no_break_word(text):
    sentence_words(text)  # the sentence being read: its words are known
    found = _clause_breaks.__wrapped__(text)
    expected = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    assert found == ([a for a, _ in expected], [b for _, b in expected])


def _reports_past_before(text: str, start: int, end: int) -> bool:
    """timing._reports_past as it was written before (three passes over the clause's words)."""
    lo, hi = _text._clause_start(text, start), _text._clause_end(text, end)
    if timing._NOT_REPORTED.regex.search(text, lo, hi):
        return False
    tokens = _text._WORD.findall(text, lo, hi)
    words = [w.lower() for i, w in enumerate(tokens) if i == 0 or not w[:1].isupper()]
    if any(w in LEXICON.time_words["present_markers"] for w in words):
        return False
    return any(w in LEXICON.time_words["past_verbs"]
               or (len(w) > 4 and w.endswith("ed") and w not in LEXICON.time_words["not_past"]) for w in words)


_TENSE_PARTS = ["Net", "profit", "rose", "Rose", "has", "now", "stands", "shares", "valued", "hundred", "wanted",
                "May", "Still", "中国", " ", ", ", "; ", "that ", "5%", "’s"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TENSE_PARTS), max_size=12).map("".join), st.data())
def test_reports_past_reads_a_clause_as_before(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert timing._reports_past(text, start, end) == _reports_past_before(text, start, end)
