"""FC202 falling-cumulative-count.

What: a running total (approvals, releases, downloads) that is lower at a
later time than at an earlier one.
Why: cumulative counts do not fall; one of the figures is wrong, misdated,
or counts something else.
Example: "a total of 40 approved LLMs" in January, "30 approved" in March.
"""

from __future__ import annotations

from factcheck.models import Relation, RuleInfo, Severity
from factcheck.rules.base import ComparisonRule


class FallingCount(ComparisonRule):
    info = RuleInfo(
        code="FC202", name="falling-cumulative-count", severity=Severity.WARNING,
        summary="A cumulative count falls over time.",
        description="Measures marked cumulative in factcheck/data/measures.toml should never decrease.",
        example="“40 approved LLMs” (January 2024) vs “30 approved LLMs” (March 2024).",
    )
    defer_text = True
    relation = Relation.CHANGE_OVER_TIME
    details = frozenset({"falling"})
