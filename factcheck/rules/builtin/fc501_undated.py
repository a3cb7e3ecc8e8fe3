"""FC501 undated-figure.

What: a figure whose sentence gives no time, so it is read as of the
publication date.
Why: figures in a fast-moving field go stale quickly; "as of" dates let a
reader (and this tool) tell growth from contradiction.
Example: "Ernie Bot has more than 200 million users." with no date.
"""

from __future__ import annotations

from factcheck.models import QuantityClaim, RuleInfo, Severity
from factcheck.rules.base import FigureRule


class UndatedFigure(FigureRule):
    info = RuleInfo(
        code="FC501", name="undated-figure", severity=Severity.INFO,
        summary="A figure with no time in its sentence (read as of the publication date).",
        description="Only figures with a known measure are reported; headings are skipped.",
        example="“Ernie Bot has more than 200 million users.”",
    )
    defer_text = True

    def flags(self, claim: QuantityClaim) -> bool:
        return claim.time.as_of_publication

    def message(self, claim: QuantityClaim) -> str:
        return f"“{claim.text}” has no date; it is read as of publication"
