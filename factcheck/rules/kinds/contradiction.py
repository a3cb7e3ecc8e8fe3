"""``contradiction``: two figures for one entity and measure at one time must agree.

Pairs come from the comparisons the checker already made (same entity key,
same measure); pairs in different scopes, at times that cannot overlap, or
in units that cannot be related are left alone. Two figures agree when the
gap between the intervals their words allow is within the tolerance.

* ``hedges_widen: true`` (default): "over 100 million" allows anything above
  100 million; ``false`` compares the figures as stated (the hedge is ignored).
* ``rounding: true`` (default): "5.6 million" also stands for 5.55-5.65 million.

>>> from decimal import Decimal as D
>>> from factcheck.models import Quantity, Bound
>>> q = Quantity(value=D(100), low=D(100), bound=Bound.MORE_THAN, precision=D(100))
>>> [int(x) for x in interval(q, hedges_widen=False)], interval(q, rounding=False)
([95, 105], (Decimal('100'), None))
>>> gap((D(1), D(2)), (D(5), None))
Decimal('3')
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar, Literal

from factcheck.models import Bound, Finding, Quantity, QuantityClaim, Relation
from factcheck.rules.base import CheckContext
from factcheck.rules.kinds._common import ClaimFilter, SpecBase, Tolerance, UserRule

Interval = tuple[Decimal | None, Decimal | None]
#: Relations where the two figures are about the same thing at the same time.
_SAME_THING = frozenset({Relation.CONTRADICTION, Relation.CONSISTENT, Relation.HEDGE_OR_ROUNDING})


class ContradictionSpec(SpecBase, ClaimFilter):
    """Which measures, how much disagreement is tolerated, and whether hedges widen a figure."""

    FIELDS: ClassVar[frozenset[str]] = frozenset({"other", "other_text", "other_path", "other_time", "gap"})
    DEFAULT_MESSAGE: ClassVar[str] = "{subject} {measure}: {value} here, {other} in {other_path}"

    kind: Literal["contradiction"]
    tolerance: Tolerance = Tolerance()
    hedges_widen: bool = True
    rounding: bool = True


def interval(q: Quantity, *, hedges_widen: bool = True, rounding: bool = True) -> Interval:
    """The values a figure stands for (``None``: unbounded on that side)."""
    from factcheck.compare import MAX_ROUNDING

    if hedges_widen or q.bound is Bound.RANGE:
        low, high = q.low, q.high
        if q.bound is not Bound.RANGE and low is None and high is None:
            low = high = q.value
    else:
        low = high = q.value
    if rounding and q.precision is not None and q.precision > 0:
        tol = min(q.precision / 2, abs(q.value) * MAX_ROUNDING)
        low = None if low is None else low - tol
        high = None if high is None else high + tol
    return low, high


def gap(a: Interval, b: Interval) -> Decimal:
    """How far apart two intervals are (0 when they overlap)."""
    best = Decimal(0)
    if a[0] is not None and b[1] is not None:
        best = max(best, a[0] - b[1])
    if b[0] is not None and a[1] is not None:
        best = max(best, b[0] - a[1])
    return best


def aligned(a: QuantityClaim, b: QuantityClaim) -> tuple[Quantity, Quantity] | None:
    """The two figures in one unit (directly or through a stated conversion), else None."""
    if a.quantity.unit == b.quantity.unit:
        return a.quantity, b.quantity
    for alt in b.also:
        if alt.unit == a.quantity.unit:
            return a.quantity, alt
    for alt in a.also:
        if alt.unit == b.quantity.unit:
            return alt, b.quantity
    return None


class ContradictionRule(UserRule):
    per_comparison = True  # reads only ctx.comparisons: the checker may stream them in chunks
    """Flags pairs of figures that disagree beyond the tolerance."""

    Spec = ContradictionSpec
    spec: ContradictionSpec

    def disagree(self, a: QuantityClaim, b: QuantityClaim) -> Decimal | None:
        """The gap between two figures when it is beyond the tolerance, else None."""
        pair = aligned(a, b)
        if pair is None:
            return None
        qa, qb = pair
        opts = dict(hedges_widen=self.spec.hedges_widen, rounding=self.spec.rounding)
        g = gap(interval(qa, **opts), interval(qb, **opts))
        if g == 0 or self.spec.tolerance.allows(g, qa.value, qb.value):
            return None
        return g

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        from factcheck.compare import _fmt, describe, time_word

        for comp in ctx.comparisons:
            a, b = comp.a, comp.b
            if comp.relation not in _SAME_THING or not isinstance(a, QuantityClaim) or not isinstance(b, QuantityClaim):
                continue
            if not (self.spec.selects(a) and self.spec.selects(b)) or not ctx.involves_draft((a, b)):
                continue
            if ctx.drafts and a.doc_id not in ctx.drafts:
                a, b = b, a  # report in the draft
            g = self.disagree(a, b)
            if g is not None:
                yield self.claim_finding(
                    [a, b], other=describe(b.quantity), other_text=b.text, other_path=b.path or b.doc_id,
                    other_time=time_word(b.time), gap=_fmt(g), explanation=comp.explanation,
                )
