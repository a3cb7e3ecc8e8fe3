"""FC201 change-over-time.

What: figures for the same thing at different times.
Why: growth is not a contradiction -- but an editor quoting the older figure
as current should know a newer one exists.
Example: Ernie Bot "over 100 million users" (December 2023) and "more than
200 million" (16 April 2024).
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.models import Comparison, Finding, Relation, RuleInfo, Severity
from factcheck.rules.base import CheckContext, ComparisonRule


class ChangeOverTime(ComparisonRule):
    info = RuleInfo(
        code="FC201", name="change-over-time", severity=Severity.INFO,
        summary="Different figures for the same thing at different times: a change, not a contradiction.",
        description="Times come from the sentence, a back-reference ('at that time'), or the publication date.",
        example="“over 100 million users in December” vs “more than 200 million users” on 16 April.",
    )
    defer_text = True
    relation = Relation.CHANGE_OVER_TIME
    details = frozenset({None})

    def wanted(self, comparison: Comparison) -> bool:
        return super().wanted(comparison) and comparison.a.quantity.value != comparison.b.quantity.value

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        # Only each figure's next figure in time: a series of five counts gives four steps, not ten pairs.
        nearest: dict[int, tuple] = {}
        for comp in ctx.comparisons:
            if not self.wanted(comp):
                continue
            first, second = (comp.a, comp.b) if _start(comp.a) <= _start(comp.b) else (comp.b, comp.a)
            gap = (_start(second) - _start(first)).days
            key = id(first)
            if key not in nearest or gap < nearest[key][0]:
                nearest[key] = (gap, comp)
        chosen = [comp for _, comp in nearest.values()]
        yield from super().check(_Only(ctx, chosen))

    def message(self, comparison: Comparison) -> str:
        from factcheck.compare import about

        return f"{about(comparison.a)}: “{comparison.a.text}” and “{comparison.b.text}” refer to different times"


def _start(claim):
    from datetime import date

    return claim.time.start or claim.time.end or date.min


class _Only:
    """A view of a context with only some comparisons (everything else as the original)."""

    def __init__(self, ctx: CheckContext, comparisons: list[Comparison]) -> None:
        self._ctx = ctx
        self.comparisons = comparisons

    def __getattr__(self, name: str):
        return getattr(self._ctx, name)
