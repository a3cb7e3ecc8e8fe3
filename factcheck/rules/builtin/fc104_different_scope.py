"""FC104 different-scope.

What: two figures for the same entity and measure that count different
things -- approved vs released vs developed LLMs, registered vs active users.
Why: they look like a contradiction and are not; the finding says why, so an
editor does not "correct" one to the other.
Example: "130 LLMs" possessed in 2022 vs "more than 70 LLMs released".
"""

from __future__ import annotations

from factcheck.models import Comparison, Relation, RuleInfo, Severity
from factcheck.rules.base import ComparisonRule


class DifferentScope(ComparisonRule):
    info = RuleInfo(
        code="FC104", name="different-scope", severity=Severity.INFO,
        summary="Look-alike figures that count different things (approved vs released, registered vs active).",
        description="Scope words come from factcheck/data/measures.toml [scope].",
        example="“130 LLMs” possessed (2022) vs “more than 70 LLMs released” (2023).",
    )
    defer_text = True
    relation = Relation.DIFFERENT_SCOPE

    def message(self, comparison: Comparison) -> str:
        from factcheck.compare import about

        if comparison.detail == "part_of_total":
            return (f"{about(comparison.a)}: “{comparison.a.text}” and “{comparison.b.text}” — one may be a batch "
                    "of the other's running total")
        return (f"{about(comparison.a)}: “{comparison.a.text}” ({comparison.a.scope}) and "
                f"“{comparison.b.text}” ({comparison.b.scope}) count different things")
