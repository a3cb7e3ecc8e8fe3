"""Comparisons: each relation both ways, with the look-alikes explained."""

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.compare import candidate_pairs, compare, compare_all, widened
from factcheck.models import Bound, EntityRef, Quantity, QuantityClaim, Relation, Span, TimeScope

ERNIE = EntityRef(id="ernie_bot", name="Ernie Bot", surface="Ernie Bot")
DEC = TimeScope(start=date(2023, 12, 1), end=date(2023, 12, 31), text="December")
APR = TimeScope(start=date(2024, 4, 16), end=date(2024, 4, 16), text="16 April")


def q(value, bound="exact", unit=None, precision=None, low=None, high=None):
    v = D(str(value))
    b = Bound(bound)
    if low is None and high is None:
        low = v if b in (Bound.EXACT, Bound.MORE_THAN, Bound.AT_LEAST) else None
        high = v if b in (Bound.EXACT, Bound.LESS_THAN, Bound.AT_MOST) else None
    return Quantity(value=v, low=low, high=high, bound=b, unit=unit,
                    precision=D(str(precision)) if precision is not None else None)


def claim(quantity, time=DEC, scope=None, doc="a", measure="users", text="x", cumulative=False, aggregate=None,
          sentence=0):
    return QuantityClaim(doc_id=doc, path=f"{doc}.md", span=Span(start=0, end=1), text=text, sentence=text,
                         sentence_span=Span(start=0, end=1), sentence_index=sentence, subject=ERNIE, measure=measure,
                         scope=scope, quantity=quantity, time=time, cumulative=cumulative, aggregate=aggregate)


def test_growth_over_time_is_not_a_contradiction():
    c = compare(claim(q(100e6, "more_than"), DEC, text="over 100 million"),
                claim(q(200e6, "more_than"), APR, doc="b", text="more than 200 million"))
    assert c.relation is Relation.CHANGE_OVER_TIME
    assert "December" in c.explanation and "16 April" in c.explanation and "a.md" in c.explanation


def test_same_time_incompatible_values_contradict():
    c = compare(claim(q(60e6, precision=1e7)), claim(q(90e6, precision=1e7), doc="b"))
    assert c.relation is Relation.CONTRADICTION and c.detail is None and c.ratio == D("1.5")


def test_different_scope_is_explained_not_flagged():
    c = compare(claim(q(130), scope="possessed"), claim(q(70, "more_than"), scope="released", doc="b"))
    assert c.relation is Relation.DIFFERENT_SCOPE and "possessed" in c.explanation and "released" in c.explanation


def test_lower_bounds_are_compatible_with_larger_values():
    c = compare(claim(q(70, "more_than")), claim(q(130, "at_least"), doc="b"))
    assert c.relation is Relation.HEDGE_OR_ROUNDING


@pytest.mark.parametrize("a,b", [
    (q("5.576e6", precision=1000), q("5.57e6", precision=10000)),
    (q("5.576e6", precision=1000), q("5.6e6", "approx", precision=100000, low=D("5.3e6"), high=D("5.6e6"))),
    (q("5.5e6", precision=100000), q("5.576e6", precision=1000)),
])
def test_rounding_and_truncation_are_consistent(a, b):
    assert compare(claim(a, measure="training_cost"), claim(b, measure="training_cost", doc="b")).relation in (
        Relation.CONSISTENT, Relation.HEDGE_OR_ROUNDING)


def test_a_tenfold_gap_is_a_contradiction_not_rounding():
    c = compare(claim(q("5.6e6", precision=100000)), claim(q("56e6", precision=1000000), doc="b"))
    assert c.relation is Relation.CONTRADICTION and c.detail == "scale_slip"


def test_thousandfold_gap_is_called_a_scale_slip():
    c = compare(claim(q("14.8e9", precision=1e8), measure="tokens"), claim(q("14.8e12", precision=1e11), measure="tokens", doc="b"))
    assert c.detail == "scale_slip" and "1,000" in c.explanation


def test_hedge_excluding_exact_value_is_a_hedge_conflict():
    c = compare(claim(q(40, "more_than", precision=10)), claim(q(40, precision=10), doc="b"))
    assert c.relation is Relation.HEDGE_OR_ROUNDING and c.detail == "hedge_conflict"


def test_currency_conversion_at_plausible_rate_is_consistent():
    yuan = claim(q(5e9, unit="CNY", precision=1e9), measure="funding_round")
    usd = claim(q("687.6e6", unit="USD", precision=1e5), measure="funding_round", doc="b")
    assert compare(yuan, usd).relation is Relation.CONSISTENT
    wrong = claim(q("68.76e6", unit="USD", precision=1e4), measure="funding_round", doc="b")
    assert compare(yuan, wrong).relation is Relation.CONTRADICTION


def test_falling_cumulative_count_is_marked():
    jan = TimeScope(start=date(2024, 1, 29), end=date(2024, 1, 29), text="January")
    mar = TimeScope(start=date(2024, 3, 1), end=date(2024, 3, 31), text="March")
    c = compare(claim(q(40), jan, measure="llms", cumulative=True, aggregate="total"),
                claim(q(30), mar, measure="llms", cumulative=True, aggregate="total", doc="b"))
    assert c.relation is Relation.CHANGE_OVER_TIME and c.detail == "falling"
    up = compare(claim(q(40), jan, measure="llms", cumulative=True), claim(q(50), mar, measure="llms", cumulative=True))
    assert up.detail is None


def test_batch_beside_total_is_a_part_not_a_contradiction():
    c = compare(claim(q(14), measure="llms", cumulative=True),
                claim(q(40), measure="llms", cumulative=True, aggregate="total", doc="b"))
    assert c.relation is Relation.DIFFERENT_SCOPE and c.detail == "part_of_total"
    both_totals = compare(claim(q(35), measure="llms", cumulative=True, aggregate="total"),
                          claim(q(40), measure="llms", cumulative=True, aggregate="total", doc="b"))
    assert both_totals.relation is Relation.CONTRADICTION


def test_percent_against_count_is_incomparable():
    assert compare(claim(q(40, unit="percent")), claim(q(40), doc="b")).relation is Relation.INCOMPARABLE


def test_figures_in_one_sentence_are_not_compared():
    a = claim(q(10e6), text="10 million")
    b = claim(q(20e6), text="20 million")
    assert list(compare_all([a, b])) == []
    assert len(list(compare_all([a, claim(q(20e6), sentence=1)]))) == 1


def test_large_blocks_are_compared_in_time_order_only():
    block = [claim(q(i), TimeScope(start=date(2020, 1, 1).fromordinal(737425 + i), end=date(2020, 1, 1).fromordinal(737425 + i)),
                   doc=f"d{i}", sentence=i) for i in range(500)]
    pairs = list(candidate_pairs(block))
    assert len(pairs) < 500 * 3  # about linear, not 125,000


@given(st.decimals(min_value=1, max_value=D("1e12"), places=2), st.sampled_from(list(Bound)))
def test_compare_is_symmetric_in_relation(value, bound):
    if bound is Bound.RANGE:
        a = q(value, "range", low=value, high=value * 2)
    else:
        a = q(value, bound.value)
    b = q(value * 3, precision=1)
    r1 = compare(claim(a), claim(b, doc="b")).relation
    r2 = compare(claim(b, doc="b"), claim(a)).relation
    assert r1 is r2


@given(st.decimals(min_value=D("0.01"), max_value=D("1e12"), places=2))
def test_a_figure_is_consistent_with_itself(value):
    a = q(value, precision=D("0.01"))
    assert compare(claim(a), claim(a, doc="b")).relation is Relation.CONSISTENT
    lo, hi = widened(a)
    assert lo <= value <= hi


# -- reasons written late ------------------------------------------------------------------


def test_a_reason_read_late_is_the_reason_for_that_pair():
    c = compare(claim(q(60), APR), claim(q(90), APR, doc="b"))
    assert "reason" not in c.__dict__  # not written while comparing
    assert c.reason == ("The same quantity at the same time cannot be both exactly 60 and exactly 90. "
                        "The larger is 1.50 times the smaller.")
    assert c.explanation.endswith(c.reason)


@given(st.decimals(min_value=1, max_value=D("1e9"), places=1), st.sampled_from(list(Bound)),
       st.decimals(min_value=1, max_value=D("1e9"), places=1), st.sampled_from([None, 1, 10, 1000]),
       st.sampled_from([DEC, APR]), st.sampled_from([None, "approved"]), st.booleans())
def test_deciding_without_words_decides_the_same(va, bound, vb, precision, time, scope, cumulative):
    from factcheck.compare import _relate

    a = q(va, "range", low=va, high=va * 2) if bound is Bound.RANGE else q(va, bound.value)
    b = q(vb, precision=precision)
    ca, cb = claim(a, scope=scope, cumulative=cumulative), claim(b, APR if time is DEC else DEC, doc="b",
                                                                 scope="released" if scope else None)
    for x, y in ((ca, cb), (ca, claim(b, time, doc="b", cumulative=cumulative))):
        quiet, said = _relate(x, y, False), _relate(x, y, True)
        assert quiet[:3] == said[:3]
        assert isinstance(said[3], str) and said[3]
        late = compare(x, y)
        assert (late.relation, late.ratio, late.detail, late.reason) == said
