"""FC105 rounding-or-hedge.

What: two different figures for the same thing that agree once hedges and
rounding are allowed for ("$5.576 million", "$5.57M", "almost $5.6 million").
Why: informational -- confirms a restatement, and shows the reasoning.
Example: "over 70 LLMs" vs "at least 130 LLMs" at the same time.
"""

from __future__ import annotations

from factcheck.models import Comparison, Relation, RuleInfo, Severity
from factcheck.rules.base import ComparisonRule


class RoundingOrHedge(ComparisonRule):
    info = RuleInfo(
        code="FC105", name="rounding-or-hedge", severity=Severity.INFO,
        summary="Different figures that agree once hedges and rounding are allowed for.",
        description="An exact figure covers what it could be rounded from: half its last digit, at most 5%.",
        example="“$5.576 million” vs “almost $5.6 million”.",
    )
    defer_text = True
    relation = Relation.HEDGE_OR_ROUNDING
    details = frozenset({None, "currency"})

    def message(self, comparison: Comparison) -> str:
        from factcheck.compare import about

        return f"{about(comparison.a)}: “{comparison.a.text}” and “{comparison.b.text}” agree within hedges and rounding"
