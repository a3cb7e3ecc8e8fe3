"""FC102 scale-slip.

What: two figures for the same thing that differ by a factor of 10, 100,
1,000, a million or a billion.
Why: such gaps are almost always a unit or scale slip (billion for trillion,
thousand for million, a lost decimal point), not a real disagreement.
Example: "14.8 billion tokens" against "14.8T tokens" for DeepSeek-V3.
"""

from __future__ import annotations

from factcheck.models import Comparison, Relation, RuleInfo, Severity
from factcheck.rules.base import ComparisonRule


class ScaleSlip(ComparisonRule):
    info = RuleInfo(
        code="FC102", name="scale-slip", severity=Severity.ERROR,
        summary="Two figures for the same quantity differ by a power of ten: a likely scale or unit slip.",
        description="Raised instead of FC101 when the ratio of the two values is within 6% of 10, 100, "
        "1,000, 10^6 or 10^9.",
        example="“14.8 billion tokens” vs “14.8T tokens”.",
    )
    defer_text = True
    relation = Relation.CONTRADICTION
    details = frozenset({"scale_slip"})

    def message(self, comparison: Comparison) -> str:
        from factcheck.compare import about, describe

        return (f"{about(comparison.a)}: {describe(comparison.a.quantity)} vs {describe(comparison.b.quantity)} "
                f"— off by about ×{int(comparison.ratio.to_integral_value()):,}, likely a scale slip")
