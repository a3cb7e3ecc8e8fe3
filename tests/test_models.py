"""Records: frozen, exact decimals, JSON round-trip, schema export."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from factcheck.models import (
    Bound, Claim, Quantity, QuantityClaim, Span, TimeScope, json_schemas,
)

decimals = st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=3, allow_nan=False,
                       allow_infinity=False)


def test_records_are_frozen():
    q = Quantity(value=Decimal(5))
    with pytest.raises(ValidationError):
        q.value = Decimal(6)


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Span(start=0, end=1, colour="red")


def test_span_order_is_checked():
    with pytest.raises(ValidationError):
        Span(start=5, end=2)


def test_decimal_prints_exactly_in_json():
    q = Quantity(value=Decimal("5.57"), low=Decimal("5.565"), high=Decimal("5.575"), unit="USD")
    text = q.model_dump_json()
    assert '"value":5.57,' in text and '"low":5.565' in text
    assert "5.5700000" not in text


@given(decimals, decimals)
def test_quantity_json_round_trip(a, b):
    lo, hi = sorted((a, b))
    q = Quantity(value=lo, low=lo, high=hi, bound=Bound.RANGE, precision=Decimal("0.001"))
    assert Quantity.model_validate_json(q.model_dump_json()) == q


def test_more_than_excludes_its_bound():
    q = Quantity(value=Decimal(70), low=Decimal(70), bound=Bound.MORE_THAN)
    assert not q.contains(Decimal(70)) and q.contains(Decimal("70.5")) and q.contains(Decimal(10**9))


def test_time_overlap():
    dec = TimeScope(start=date(2023, 12, 1), end=date(2023, 12, 31))
    apr = TimeScope(start=date(2024, 4, 16), end=date(2024, 4, 16))
    year = TimeScope(start=date(2023, 1, 1), end=date(2023, 12, 31))
    assert dec.overlaps(apr) is False and dec.overlaps(year) is True
    assert dec.overlaps(TimeScope()) is None


def test_claim_union_round_trips_by_kind():
    c = QuantityClaim(doc_id="d", span=Span(start=0, end=2), text="40", sentence="40.", sentence_span=Span(start=0, end=3),
                      quantity=Quantity(value=Decimal(40)))
    adapter = TypeAdapter(Claim)
    back = adapter.validate_json(adapter.dump_json(c))
    assert isinstance(back, QuantityClaim) and back == c


def test_every_record_has_a_json_schema():
    schemas = json_schemas()
    for name in ("Document", "Quantity", "TimeScope", "QuantityClaim", "RoleClaim", "Finding", "Report"):
        assert schemas[name]["type"] == "object"


# -- records built lean ----------------------------------------------------------------------


def _figure(**extra):
    q = Quantity(value=Decimal("5"), low=Decimal("5"), high=Decimal("5"))
    return QuantityClaim(doc_id="d", span=Span(start=0, end=1), text="5", sentence="5 users.",
                         sentence_span=Span(start=0, end=8), quantity=q, **extra)


def test_many_field_records_share_their_keys_and_behave_as_usual():
    import sys

    a, b = _figure(), _figure()
    assert sys.getsizeof(a.__dict__) < 400  # a dict of 22 own keys is 832 bytes
    assert a == b and a.model_dump() == b.model_dump()
    assert QuantityClaim.model_validate_json(a.model_dump_json()) == a
    assert a.model_copy(update={"measure": "users"}).measure == "users" and a.measure is None


def test_a_finding_filled_late_is_the_finding_filled_early():
    import copy
    import pickle

    from factcheck.models import Finding, Severity

    c = _figure()
    early = Finding(code="X1", name="x", severity=Severity.INFO, message="five", explanation="why", claims=[c],
                    fingerprint="f")

    def late():
        return Finding.deferred((dict, [("message", "five"), ("explanation", "why"), ("claims", [c])]),
                                ("message", "explanation", "claims"), code="X1", name="x",
                                severity=Severity.INFO, fingerprint="f")

    assert late() == early and early == late()
    assert late().model_dump_json() == early.model_dump_json()
    assert late().model_dump() == early.model_dump()
    assert repr(late()) == repr(early) and dict(late()) == dict(early)
    assert late().model_fields_set == early.model_fields_set
    assert pickle.loads(pickle.dumps(late())) == early
    assert copy.deepcopy(late()) == early
    one = late()
    assert one.message == "five" and "_fill" not in one.__dict__
    assert late().model_copy(update={"message": "six"}).message == "six"


def test_sixteen_significant_digits_round_trip_through_json():
    # Found by hypothesis: a JSON reader turns 662797974806707.2 into ...707.3, so such values are text.
    v = Decimal("662797974806707.200")
    q = Quantity(value=v, low=v, high=v)
    assert Quantity.model_validate_json(q.model_dump_json()) == q
