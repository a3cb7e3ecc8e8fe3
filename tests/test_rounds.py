"""Funding rounds and their lead investors (factcheck/rounds.py) and FC404."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import extract
from factcheck.checker import check
from factcheck.documents import load_document
from factcheck.models import RoundClaim
from factcheck.rounds import label_words, round_label, same_round


def rounds(text: str, published: str = "2024-06-03") -> list[RoundClaim]:
    doc = load_document("r.md", text=text, published=published)
    return [c for c in extract(doc) if isinstance(c, RoundClaim)]


def summary(r: RoundClaim) -> tuple[str, str | None, list[str]]:
    return r.company.name, r.round, [e.name for e in r.leads]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quillfeather Labs raised $45 million in a Series A round led by Marsh Lane Ventures.",
         ("Quillfeather Labs", "series_a", ["Marsh Lane Ventures"])),
        ("Orbital Kitchens has closed a seed round co-led by Tallis Capital and Brightwater Partners.",
         ("Orbital Kitchens", "seed", ["Tallis Capital", "Brightwater Partners"])),
        ("Tallis Capital led the $80m Series C in Orbital Kitchens, two people said.",
         ("Orbital Kitchens", "series_c", ["Tallis Capital"])),
        ("Greyfield Robotics landed $12 million in a Brightwater Partners-led round.",
         ("Greyfield Robotics", None, ["Brightwater Partners"])),
        ("Moonshot AI raised $1 billion in a round led by Alibaba.",
         ("Moonshot AI", None, ["Alibaba"])),
    ],
)
def test_round_read_from_one_sentence(text, expected):
    found = rounds(text)
    assert [summary(r) for r in found] == [expected]
    r = found[0]
    assert text[r.span.start : r.span.end] == r.text  # offsets into the text as read


def test_amount_is_the_money_raised_not_the_valuation():
    (r,) = rounds("Quillfeather Labs raised $45 million at a $300 million valuation in a round led by Marsh Lane "
                  "Ventures.")
    assert r.amount is not None and r.amount.value == Decimal(45_000_000) and r.amount.unit == "USD"


def test_the_round_refers_back_to_the_last_company():
    text = ("Greyfield Robotics raised $30 million in a Series B round led by Tallis Capital. "
            "The round was co-led by Brightwater Partners, the company said.")
    assert [summary(r) for r in rounds(text)] == [
        ("Greyfield Robotics", "series_b", ["Tallis Capital"]),
        ("Greyfield Robotics", None, ["Brightwater Partners"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The delegation was led by the prime minister.",
        "The team led by Dr Ana Ruiz published the study in March.",
        "Shares of Tallis Capital rose 4% after the results, led by strong trading income.",
        "Quillfeather Labs raised $45 million from Marsh Lane Ventures and others.",  # no lead named
    ],
)
def test_no_round_without_a_lead_investor_and_money_talk(text):
    assert rounds(text) == []


def test_round_labels():
    assert round_label("a Series D extension")[0] == "series_d"
    assert round_label("its pre-IPO round")[0] == "pre_ipo"
    assert round_label("an A+ round last year")[0] == "series_a_plus"
    assert round_label("a round of layoffs") is None
    assert label_words("series_c") == "Series C"


def _check(a: str, b: str):
    docs = [load_document("a.md", text=a, published="2024-05-14"), load_document("b.md", text=b, published="2024-05-20")]
    return [f for f in check(docs).findings if f.code == "FC404"]


def test_fc404_disjoint_leads_of_one_labelled_round():
    found = _check("Kestrel Batteries raised $210 million in a Series B led by Harbour Peak Capital.",
                   "Northgate Partners led the Series B in Kestrel Batteries.")
    assert len(found) == 1
    assert "Harbour Peak Capital" in found[0].message and "Northgate Partners" in found[0].message


def test_fc404_unlabelled_rounds_meet_on_amount_and_time():
    found = _check("Kestrel Batteries raised $210 million in a round led by Harbour Peak Capital.",
                   "Kestrel Batteries raised $205m in a funding round led by Northgate Partners.")
    assert len(found) == 1
    quiet = _check("Kestrel Batteries raised $210 million in a round led by Harbour Peak Capital.",
                   "Kestrel Batteries raised $40m in a funding round led by Northgate Partners.")
    assert quiet == []  # different amounts: different rounds


def test_fc404_quiet_for_shared_co_lead_and_different_labels():
    assert _check("Kestrel Batteries raised $210 million in a Series B co-led by Harbour Peak Capital and Northgate "
                  "Partners.", "Northgate Partners led the Series B in Kestrel Batteries.") == []
    assert _check("Kestrel Batteries raised $210 million in a Series B led by Harbour Peak Capital.",
                  "Northgate Partners led the Series A in Kestrel Batteries.") == []


def test_same_round_is_symmetric_on_the_seed_like_examples():
    a, b = rounds("Kestrel Batteries raised $210 million in a round led by Harbour Peak Capital. "
                  "Kestrel Batteries later raised $200m in a round led by Northgate Partners.")
    assert (same_round(a, b) is None) == (same_round(b, a) is None)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Series ABC+-round led by in,. 0123$mAlibaba")), max_size=300))
def test_round_parsing_never_raises_and_keeps_spans_inside(text):
    label = round_label(text)
    if label is not None:
        assert 0 <= label[1].start < label[1].end <= len(text)
    for r in rounds(text):
        assert 0 <= r.span.start <= r.span.end <= len(text)


def test_hostile_input_finishes_and_yields_nothing():
    # Long runs of cue words with no names: a backtracking pattern would not return at all.
    text = "led the " * 3000 + "round " * 3000 + "Series " * 3000
    assert round_label(text) is None
    assert rounds(text[:30000]) == []
