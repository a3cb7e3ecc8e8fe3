"""``sum``: parts of one whole, at one time, must not add up to more than the whole.

In each document the selected figures are grouped by time, measure, scope
and unit; one figure per subject counts (the first), by the least value its
words allow. A group of two or more parts is flagged when they exceed ``total`` (default
100, for per-cent shares) plus ``slack``. With ``whole: <measure>`` the
limit is instead the largest figure of that measure in the document at the
same time ("200 million users, of which 85,000 are enterprise clients").

>>> spec = SumSpec.model_validate({"code": "NEWS4", "name": "shares", "kind": "sum", "measures": ["share"]})
>>> spec.total, spec.slack
(Decimal('100'), Decimal('0'))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import Field, field_validator

from factcheck.models import Finding, QuantityClaim
from factcheck.rules.base import CheckContext
from factcheck.rules.kinds._common import ClaimFilter, SpecBase, UserRule


class SumSpec(SpecBase, ClaimFilter):
    """The parts (``measures``) and the whole (``total`` or a ``whole`` measure)."""

    FIELDS: ClassVar[frozenset[str]] = frozenset({"total", "limit", "parts"})
    DEFAULT_MESSAGE: ClassVar[str] = "{measure} add up to {total}, more than {limit}: {parts}"

    kind: Literal["sum"]
    total: Decimal = Decimal(100)
    slack: Decimal = Field(default=Decimal(0), ge=0)
    whole: str | None = None

    @field_validator("measures")
    @classmethod
    def _some(cls, measures: list[str]) -> list[str]:
        if not measures:
            raise ValueError("a sum rule needs the measures of its parts, e.g. measures: [share]")
        return measures


def _least(c: QuantityClaim) -> Decimal:
    q = c.quantity
    return q.low if q.low is not None else (q.value if q.high is not None or q.bound.value == "exact" else Decimal(0))


class SumRule(UserRule):
    """Flags parts that add up to more than their whole."""

    Spec = SumSpec
    spec: SumSpec

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        from factcheck.compare import _fmt

        for doc_id, claims in ctx.by_document.items():
            if ctx.drafts and doc_id not in ctx.drafts:
                continue
            figures = [c for c in claims if isinstance(c, QuantityClaim)]
            groups: dict[tuple, dict[str, QuantityClaim]] = defaultdict(dict)
            for c in figures:
                if self.spec.selects(c):
                    who = c.subject.id if c.subject else f"?{c.span.start}"
                    groups[(c.time.start, c.time.end, c.measure, c.scope, c.quantity.unit)].setdefault(who, c)
            wholes = self._wholes(figures)
            for (start, end, *_), parts in groups.items():
                if len(parts) < 2:
                    continue  # one figure above the whole is a range rule's business
                limit = self.spec.total if self.spec.whole is None else wholes.get((start, end))
                if limit is None:
                    continue
                items = sorted(parts.values(), key=lambda p: p.span.start)
                total = sum((_least(p) for p in items), Decimal(0))
                if total > limit + self.spec.slack:
                    listing = ", ".join(f"{p.subject.name if p.subject else '?'} {p.text}" for p in items)
                    yield self.claim_finding(
                        items, total=_fmt(total), limit=_fmt(limit), parts=listing,
                        explanation=f"Parts of one whole at one time add up to {_fmt(total)}; "
                        f"the whole is {_fmt(limit)}.",
                    )

    def _wholes(self, figures: list[QuantityClaim]) -> dict[tuple, Decimal]:
        """The largest figure of the ``whole`` measure at each time (one pass over the document)."""
        out: dict[tuple, Decimal] = {}
        if self.spec.whole is None:
            return out
        for c in figures:
            if c.measure == self.spec.whole:
                high = c.quantity.high if c.quantity.high is not None else c.quantity.value
                key = (c.time.start, c.time.end)
                out[key] = max(out.get(key, high), high)
        return out
