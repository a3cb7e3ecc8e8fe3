"""FC101 numeric-contradiction.

What: two figures for the same entity, measure and scope, at times that
overlap, whose values cannot both be true.
Why: this is the error a reader will catch -- one of the two is wrong.
Example: "Qwen had 60 million registered users on 1 May" in one report and
"90 million registered users on 1 May" in another.
"""

from __future__ import annotations

from factcheck.models import Comparison, Relation, RuleInfo, Severity
from factcheck.rules.base import ComparisonRule


class NumericContradiction(ComparisonRule):
    info = RuleInfo(
        code="FC101", name="numeric-contradiction", severity=Severity.ERROR,
        summary="Two sources give incompatible values for the same quantity at the same time.",
        description="Compared only within one entity, measure and scope, at overlapping times, after hedges "
        "('over', 'about') and rounding are allowed for. When neither time is known the finding is a warning.",
        example="“60 million registered users on 1 May” vs “90 million registered users on 1 May”.",
    )
    defer_text = True
    relation = Relation.CONTRADICTION
    details = frozenset({None, "time_unknown", "currency"})

    def message(self, comparison: Comparison) -> str:
        from factcheck.compare import about, describe

        return (f"{about(comparison.a)}: {describe(comparison.a.quantity)} contradicts "
                f"{describe(comparison.b.quantity)} in {comparison.b.path or comparison.b.doc_id}")

    def severity_for(self, comparison: Comparison) -> Severity | None:
        return Severity.WARNING if comparison.detail == "time_unknown" else None
