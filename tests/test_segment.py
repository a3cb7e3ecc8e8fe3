"""Sentence splitting: every rule, the seed articles, invariants and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import load_document
from factcheck.segment import looks_like_heading, split_sentences, split_text
from factcheck.models import Span

DATA = Path(__file__).parent / "data" / "documents"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def split(text: str, **kw: object) -> list[str]:
    return [s.slice(text) for s in split_text(text, **kw)]  # type: ignore[arg-type]


def sentences(text: str, fmt: str = "text") -> list[tuple[str, bool]]:
    return [(s.text, s.heading) for s in split_sentences(load_document(None, text=text, format=fmt))]


# --------------------------------------------------------------------------- full stops


def test_basic_stops_questions_exclamations() -> None:
    assert split("It rose. Why? Nobody knows! The end.") == ["It rose.", "Why?", "Nobody knows!", "The end."]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Li met Dr. Wang and Prof. Zhao at No. 10 on Aug. 30.",
        "Xiaomi Corp. and Baidu Inc. filed, e.g. in the U.S. and the U.K. market.",
        "Sales rose 2.788 per cent to $5.57M in Q3.",
        "Ernie 3.5 beat Llama 3.1 and GPT-4.",
        "01.AI and Node.js users grew vs. last year, i.e. fast.",
        "The study by G. C. Allen was cited.",
        "It happened at 10 a.m. Beijing time.",
        "Read https://www.scmp.com/tech/article/3259205/baidu?campaign=1&m=p.x now.",
        "He paused... and went on.",
        "They traded in Sept. 2023 at St. Louis for approx. 5 yuan.",
        "The U.S. President spoke.",
    ],
)
def test_not_split(sentence: str) -> None:
    assert split(sentence) == [sentence]


def test_abbreviations_that_may_end_a_sentence() -> None:
    assert split("It listed Baidu, Alibaba, etc. The rest waited.") == [
        "It listed Baidu, Alibaba, etc.", "The rest waited."]
    assert split("It was sold to Acme Inc. It then grew.") == ["It was sold to Acme Inc.", "It then grew."]
    assert split("The firm moved to the U.S. The move cost $1bn.") == [
        "The firm moved to the U.S.", "The move cost $1bn."]
    assert split("Most went to Acme Inc. Baidu did not.") == ["Most went to Acme Inc. Baidu did not."]


def test_before_number_abbreviations() -> None:
    assert split("See pp. 82-106 for more.") == ["See pp. 82-106 for more."]
    assert split("The answer was no. The vote failed.") == ["The answer was no.", "The vote failed."]


def test_numbers_and_decimals_at_sentence_ends() -> None:
    assert split("The total is 40. 14 were new.") == ["The total is 40.", "14 were new."]
    assert split("It cost $5.57M. Then it fell.") == ["It cost $5.57M.", "Then it fell."]


def test_ellipsis() -> None:
    assert split("Wait... The numbers changed.") == ["Wait...", "The numbers changed."]
    assert split("Wait… The numbers changed.") == ["Wait…", "The numbers changed."]


def test_quotes_and_brackets() -> None:
    assert split("He said “It is done.” Then he left.") == ["He said “It is done.”", "Then he left."]
    assert split('He said "no." and left.') == ['He said "no." and left.']
    assert split("Costs rose. (See below.) Then fell.") == ["Costs rose.", "(See below.)", "Then fell."]
    assert split("“Really?” she asked.") == ["“Really?” she asked."]


def test_lowercase_next_word_continues_but_mixed_case_brands_do_not() -> None:
    assert split("It grew. iFlytek did too.") == ["It grew.", "iFlytek did too."]


def test_cjk_stops() -> None:
    assert split("中国发布了模型。百度也发布了。") == ["中国发布了模型。", "百度也发布了。"]


def test_references_with_initials() -> None:
    assert split("Allen, G. C., 2022. Choking off China’s Access.") == [
        "Allen, G. C., 2022.", "Choking off China’s Access."]


# --------------------------------------------------------------------------- newlines


def test_blank_line_always_ends_a_sentence() -> None:
    assert split("No stop here\n\nNext part") == ["No stop here", "Next part"]
    assert split("Abbrev Inc.\n \t\nNext") == ["Abbrev Inc.", "Next"]
    assert split("Markdown soft\n\nbreak", soft_newlines=True) == ["Markdown soft", "break"]
    assert split("CRLF line\r\n\r\nNext") == ["CRLF line", "Next"]


def test_plain_text_single_newline_rules() -> None:
    assert split("China Joins the Craze\nIt has 70 LLMs.") == ["China Joins the Craze", "It has 70 LLMs."]
    assert split("It was approved by\nBeijing regulators.") == ["It was approved by\nBeijing regulators."]
    assert split("It was approved and\nthen released.") == ["It was approved and\nthen released."]
    assert split("Figures follow:\nBaidu 100 million.") == ["Figures follow:\nBaidu 100 million."]
    assert split("One sentence.\nAnother.") == ["One sentence.", "Another."]
    assert split("It went to the U.S.\nThe end.") == ["It went to the U.S.", "The end."]
    assert split("Said Dr.\nLi today.") == ["Said Dr.\nLi today."]
    assert split("1. First item\n2. Second item") == ["1. First item", "2. Second item"]


def test_soft_newlines_and_breaks() -> None:
    text = "A wrapped\nSentence here. Item"
    assert split(text, soft_newlines=True) == ["A wrapped\nSentence here.", "Item"]
    assert split(text, soft_newlines=True, breaks=[9]) == ["A wrapped", "Sentence here.", "Item"]


def test_punctuation_only_pieces_dropped() -> None:
    assert split("Done.\n\n* * *\n\n---\n\nNext.") == ["Done.", "Next."]
    assert split("") == [] and split("   \n ") == []


# --------------------------------------------------------------------------- documents and headings


def test_markdown_document_sentences_and_headings() -> None:
    doc = load_document(DATA / "article.md")
    got = [(s.text, s.heading) for s in split_sentences(doc)]
    assert got[0] == ("China approves 14  new  LLMs", True)
    texts = [t for t, _ in got]
    assert "The total is now 40." in texts
    assert "01.AI received approval" in texts  # list item without a stop is its own sentence
    assert "Beijing Fourth Paradigm Technology Co." in texts
    assert "Ernie Bot had over 100 million users in December." in texts
    assert not any("Not prose" in t for t in texts)
    first_body = next(t for t in texts if t.startswith("Beijing has approved"))
    assert first_body.endswith("local media" + " " * len('](https://example.org/media "Media")') + ".")
    assert ("Baidu     100 million", False) in got  # a table row is a sentence, not a headline


def test_markdown_setext_and_soft_wrap() -> None:
    assert sentences("Results\n=======\nIt was approved by\nBeijing.", "markdown") == [
        ("Results", True), ("It was approved by\nBeijing.", False)]


def test_html_document_sentences() -> None:
    doc = load_document(DATA / "article.html")
    got = [(s.text, s.heading) for s in split_sentences(doc)]
    assert ("China approves 14 LLMs", True) in got
    texts = [t for t, _ in got]
    assert "The total is now 40." in texts
    assert any(t.startswith("Beijing has approved 14") and t.endswith("local media    .") for t in texts)
    assert not any("Copyright" in t or "Home" in t or "Not prose" in t for t in texts)
    assert sentences("<html><h2>Head</h2>Body text.", "html") == [("Head", True), ("Body text.", False)]


def test_sentence_text_is_prose_slice() -> None:
    doc = load_document(DATA / "article.html")
    for i, s in enumerate(split_sentences(doc)):
        assert s.index == i and s.text == doc.prose[s.span.start : s.span.end]


def test_plain_text_headlines() -> None:
    text = "Intro line.\n\nChina Joins Large Language Model Craze\n\nBody text here.\nNext line here"
    assert sentences(text) == [
        ("Intro line.", False),
        ("China Joins Large Language Model Craze", True),
        ("Body text here.", False),
        ("Next line here", False),  # no blank line after the previous line: not a headline
    ]
    long_line = " ".join(["word"] * 20)
    assert not looks_like_heading(long_line, Span(start=0, end=len(long_line)))


def test_crlf_document() -> None:
    doc = load_document(DATA / "crlf.txt")
    got = [(s.text, s.heading) for s in split_sentences(doc)]
    assert got == [
        ("Headline without a stop", True),
        ("First sentence here.", False),
        ("Second one, on Jan. 5 in the U.S. too.", False),
        ("Third line.", False),
    ]


# --------------------------------------------------------------------------- seed articles


def seed(prefix: str) -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip("seed articles not available")
    (path,) = SEEDS.glob(prefix + "_*.txt")
    return [s.text for s in split_sentences(load_document(path))]


def test_seed_001() -> None:
    texts = seed("001")
    assert (
        "At that time, China possessed 130 LLMs, constituting 40 per cent of the global total, trailing only "
        "behind the United States with a 50 per cent share, according to brokerage CLSA." in texts
    )
    assert (
        "Baidu’s Ernie Bot, a prominent ChatGPT-like chatbot, reported over 100 million users in December, "
        "exemplifying the widespread adoption of AI-powered conversational agents in China." in texts
    )
    assert "(With inputs from agencies)" in texts
    assert any(t.startswith("With 14 LLMs and enterprise") and "01.AI are among" in t for t in texts)


def test_seed_002() -> None:
    texts = seed("002")
    assert any("“Ernie 3.5” has twice the processing speed" in t for t in texts)
    assert texts[0] == "China Joins Large Language Model Craze"


def test_seed_003() -> None:
    texts = seed("003")
    assert (
        "Only at the end of August 2023, about two weeks after the CAC published new GenAI regulations, Baidu, "
        "Sensetime, Baichuan and Zhipu AI received Beijing’s approval to provide their GenAI services to the "
        "public (Huang, Zhang, Zheng, 2023)." in texts
    )
    assert "Allen, G. C., 2022." in texts
    assert any(t.startswith("Available from: https://www.scmp.com/tech/tech-trends/article/3259205/") for t in texts)


# --------------------------------------------------------------------------- invariants and hostile input

_PIECES = st.sampled_from(
    ["word", "Word", " ", "  ", "\n", "\n\n", "\r\n", ".", ". ", "?", "!", "...", "…", "”", ")", "(", "“",
     "U.S.", "Dr.", "Inc.", "etc.", "e.g.", "G.", "2.5", "01.AI", "https://a.b/c.d?e", "1. ", "- ",
     "The", "iPhone", "。", "\xa0", "\t", ",", ":", "of", "#"]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=50).map("".join)


@settings(max_examples=120, deadline=None)
@given(_TEXTS, st.booleans(), st.lists(st.integers(min_value=-5, max_value=300), max_size=5))
def test_spans_are_ordered_stripped_and_inside(text: str, soft: bool, breaks: list[int]) -> None:
    spans = split_text(text, soft_newlines=soft, breaks=breaks)
    end = 0
    for s in spans:
        assert end <= s.start < s.end <= len(text)
        piece = s.slice(text)
        assert piece == piece.strip() and piece
        assert any(c.isalnum() for c in piece)
        end = s.end


@settings(max_examples=100, deadline=None)
@given(_TEXTS, st.sampled_from(["text", "markdown", "html"]))
def test_sentences_are_prose_slices(text: str, fmt: str) -> None:
    doc = load_document(None, text=text, format=fmt)
    previous_end = 0
    for i, s in enumerate(split_sentences(doc)):
        assert s.index == i
        assert s.text == doc.prose[s.span.start : s.span.end] == s.text.strip() != ""
        assert s.span.start >= previous_end
        previous_end = s.span.end


@pytest.mark.parametrize(
    "unit", ["word ", ".", ". ", " ", "\n", "A. ", "U.S. ", "?!", "…", "1,1,", "\n \n", "Dr.\n", "a\n"]
)
def test_hostile_text_is_linear(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    spans = split_text(text)  # a quadratic scan would not finish
    assert all(s.end <= len(text) for s in spans)


def test_a_megabyte_without_punctuation() -> None:
    text = "word " * 200_000
    assert split_text(text) == [Span(start=0, end=len(text) - 1)]
    assert len(split_text("." * 1_000_000)) == 0  # no letters: no sentence


@pytest.mark.parametrize(
    "text, pieces",
    [
        ('He said "no."x and left. Then', ['He said "no."x and left.', "Then"]),  # closers, then no blank
        ('Wait..."Yes." Next', ['Wait..."Yes."', "Next"]),  # a run after closers starts a new run
        ("Really?! Yes.) Done", ["Really?!", "Yes.)", "Done"]),
        ("v2.5.1 shipped. It works", ["v2.5.1 shipped.", "It works"]),
        ("End.\u00a0Next one", ["End.", "Next one"]),  # any blank after the stop
        ("Ends here.", ["Ends here."]),
    ],
)
def test_stop_runs_end_only_before_blanks(text: str, pieces: list[str]) -> None:
    assert [s.slice(text) for s in split_text(text)] == pieces


@pytest.mark.parametrize("unit", ['."', ".)x", "..x", "。」", ". \n"])
def test_hostile_stop_runs_are_linear(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    assert all(s.end <= len(text) for s in split_text(text))  # a quadratic scan would not finish
