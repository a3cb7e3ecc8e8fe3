"""``monotonic``: a running total must not fall over time for one entity.

Figures of one entity, measure and scope are ordered by time; a figure is
flagged when it is below (beyond rounding) a figure for a time that ended
before it began. ``direction: down`` checks the reverse (a count that must
not rise). With no ``measures`` listed, the measures marked cumulative in
``factcheck/data/measures.toml`` are checked.

>>> spec = MonotonicSpec.model_validate({"code": "NEWS3", "name": "users-grow", "kind": "monotonic",
...                                      "measures": ["users"]})
>>> spec.direction
'up'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import ClassVar, Literal

from factcheck.models import Finding, QuantityClaim
from factcheck.rules.base import CheckContext
from factcheck.rules.kinds._common import ClaimFilter, SpecBase, UserRule
from factcheck.rules.kinds.contradiction import interval


class MonotonicSpec(SpecBase, ClaimFilter):
    """Which measures are running totals, and which way they run."""

    FIELDS: ClassVar[frozenset[str]] = frozenset({"previous", "previous_text", "previous_time", "previous_path"})
    DEFAULT_MESSAGE: ClassVar[str] = "{subject} {measure} fell to {value} ({time}) from {previous} ({previous_time})"

    kind: Literal["monotonic"]
    direction: Literal["up", "down"] = "up"


class MonotonicRule(UserRule):
    """Flags a figure that moved the wrong way since an earlier figure."""

    Spec = MonotonicSpec
    spec: MonotonicSpec

    def why_not(self, claim) -> str | None:
        why = super().why_not(claim)
        if why is None and isinstance(claim, QuantityClaim):
            if not self.spec.measures and not claim.cumulative:
                return "its measure is not cumulative (list 'measures' to check others)"
            if claim.subject is None:
                return "it has no subject"
            if claim.time.start is None or claim.time.end is None:
                return "its time is not known"
        return why

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        from factcheck.compare import describe, time_word

        groups: dict[tuple, list[QuantityClaim]] = defaultdict(list)
        for c in ctx.quantity_claims:
            if self.why_not(c) is None:
                groups[(c.subject.id, c.measure, c.scope, c.quantity.unit)].append(c)  # type: ignore[union-attr]
        for claims in groups.values():
            for earlier, later in self._wrong_way(claims):
                if ctx.involves_draft((earlier, later)):
                    yield self.claim_finding(
                        [later, earlier], previous=describe(earlier.quantity), previous_text=earlier.text,
                        previous_time=time_word(earlier.time), previous_path=earlier.path or earlier.doc_id,
                        explanation=f"{describe(earlier.quantity)} ({time_word(earlier.time)}) came first; "
                        f"a running total cannot then be {describe(later.quantity)} ({time_word(later.time)}).",
                    )

    def _wrong_way(self, claims: list[QuantityClaim]) -> Iterable[tuple[QuantityClaim, QuantityClaim]]:
        """(earlier, later) pairs that break the direction: one sort, one sweep (n log n)."""
        sign = Decimal(1) if self.spec.direction == "up" else Decimal(-1)

        def floor(c: QuantityClaim) -> Decimal | None:  # the least the figure can be, in the checked direction
            lo, hi = interval(c.quantity)
            return lo if sign > 0 else (None if hi is None else -hi)

        def ceiling(c: QuantityClaim) -> Decimal | None:
            lo, hi = interval(c.quantity)
            return hi if sign > 0 else (None if lo is None else -lo)

        by_start = sorted(claims, key=lambda c: (c.time.start or date.min, c.span.start))
        by_end = sorted(claims, key=lambda c: c.time.end or date.max)
        best: QuantityClaim | None = None  # the highest floor among figures already over
        k = 0
        for c in by_start:
            while k < len(by_end) and (by_end[k].time.end or date.max) < (c.time.start or date.min):
                f = floor(by_end[k])
                if f is not None and (best is None or f > floor(best)):  # type: ignore[operator]
                    best = by_end[k]
                k += 1
            top = ceiling(c)
            if best is not None and top is not None and top < floor(best):  # type: ignore[operator]
                yield best, c
