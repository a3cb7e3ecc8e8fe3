"""FC502 unattributed-figure.

What: a figure whose sentence names no source ("according to", "X said").
Why: a newsroom's house style usually wants every statistic sourced.
Example: "China has 130 LLMs." with no "according to".
"""

from __future__ import annotations

from factcheck.models import QuantityClaim, RuleInfo, Severity
from factcheck.rules.base import FigureRule


class UnattributedFigure(FigureRule):
    info = RuleInfo(
        code="FC502", name="unattributed-figure", severity=Severity.INFO,
        summary="A figure with no attribution in its sentence.",
        description="Only figures with a known measure are reported; headings are skipped.",
        example="“China has 130 LLMs.”",
    )
    defer_text = True

    def flags(self, claim: QuantityClaim) -> bool:
        return claim.attribution is None

    def message(self, claim: QuantityClaim) -> str:
        return f"“{claim.text}” has no attribution"
