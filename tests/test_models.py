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
