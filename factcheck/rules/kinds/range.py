"""``range``: a figure must lie within plausible bounds (a share in 0-100 %, a count >= 0).

A figure is flagged when none of the values its words allow lies inside
``[min, max]``: "120 per cent" and "more than 100 per cent" are outside
0-100, "about 100 per cent" is not.

>>> spec = RangeSpec.model_validate({"code": "NEWS1", "name": "share", "kind": "range",
...                                  "measure": "share", "unit": "percent", "min": 0, "max": 100})
>>> spec.measures, spec.units, spec.max
(['share'], ['percent'], Decimal('100'))
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import model_validator

from factcheck.models import Bound, Finding, Quantity
from factcheck.rules.base import CheckContext
from factcheck.rules.kinds._common import ClaimFilter, SpecBase, UserRule


class RangeSpec(SpecBase, ClaimFilter):
    """``min`` and/or ``max`` for the selected figures (inclusive)."""

    FIELDS: ClassVar[frozenset[str]] = frozenset({"min", "max"})
    DEFAULT_MESSAGE: ClassVar[str] = "{subject} {measure}: {value} is outside {min}..{max}"

    kind: Literal["range"]
    min: Decimal | None = None
    max: Decimal | None = None

    @model_validator(mode="after")
    def _bounds(self) -> RangeSpec:
        if self.min is None and self.max is None:
            raise ValueError("a range rule needs 'min', 'max' or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


def outside(q: Quantity, lo: Decimal | None, hi: Decimal | None) -> bool:
    """Whether no value the quantity allows lies in ``[lo, hi]``.

    >>> q = Quantity(value=Decimal(100), low=Decimal(100), bound=Bound.MORE_THAN, unit="percent")
    >>> outside(q, Decimal(0), Decimal(100)), outside(q, Decimal(0), None)
    (True, False)
    """
    low = q.low if q.low is not None or q.bound in (Bound.LESS_THAN, Bound.AT_MOST) else q.value
    high = q.high if q.high is not None or q.bound in (Bound.MORE_THAN, Bound.AT_LEAST) else q.value
    if hi is not None and low is not None and (low > hi or (low == hi and q.bound is Bound.MORE_THAN)):
        return True
    if lo is not None and high is not None and (high < lo or (high == lo and q.bound is Bound.LESS_THAN)):
        return True
    return False


class RangeRule(UserRule):
    """Flags selected figures outside ``[min, max]``."""

    Spec = RangeSpec
    spec: RangeSpec

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        lo, hi = self.spec.min, self.spec.max
        for c in ctx.quantity_claims:
            if self.spec.selects(c) and ctx.involves_draft((c,)) and outside(c.quantity, lo, hi):
                yield self.claim_finding(
                    [c], min="" if lo is None else _plain(lo), max="" if hi is None else _plain(hi),
                    explanation=f"The rule allows {_plain(lo) if lo is not None else '-inf'}.."
                    f"{_plain(hi) if hi is not None else 'inf'} for these figures.",
                )


def _plain(x: Decimal) -> str:
    return f"{x.normalize():f}"
