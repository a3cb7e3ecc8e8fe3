"""FC201 change-over-time.

What: figures for the same thing at different times.
Why: growth is not a contradiction -- but an editor quoting the older figure
as current should know a newer one exists.
Example: Ernie Bot "over 100 million users" (December 2023) and "more than
200 million" (16 April 2024).
"""

from __future__ import annotations

from factcheck.models import Comparison, Relation, RuleInfo, Severity
from factcheck.rules.base import ComparisonRule


class ChangeOverTime(ComparisonRule):
    info = RuleInfo(
        code="FC201", name="change-over-time", severity=Severity.INFO,
        summary="Different figures for the same thing at different times: a change, not a contradiction.",
        description="Times come from the sentence, a back-reference ('at that time'), or the publication date.",
        example="“over 100 million users in December” vs “more than 200 million users” on 16 April.",
    )
    relation = Relation.CHANGE_OVER_TIME
    details = frozenset({None})

    def wanted(self, comparison: Comparison) -> bool:
        return super().wanted(comparison) and comparison.a.quantity.value != comparison.b.quantity.value

    def message(self, comparison: Comparison) -> str:
        from factcheck.compare import about

        return f"{about(comparison.a)}: “{comparison.a.text}” and “{comparison.b.text}” refer to different times"
