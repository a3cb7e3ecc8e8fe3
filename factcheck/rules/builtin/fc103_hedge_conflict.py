"""FC103 hedge-conflict.

What: a hedged figure whose hedge excludes the other source's exact value,
"over 40" against "a total of 40".
Why: usually loose wording rather than a wrong number, but an editor should
pick the words that match the source.
Example: headline "over 40 LLMs approved", body "brings the total to 40".
"""

from __future__ import annotations

from factcheck.models import Comparison, Relation, RuleInfo, Severity
from factcheck.rules.base import ComparisonRule


class HedgeConflict(ComparisonRule):
    info = RuleInfo(
        code="FC103", name="hedge-conflict", severity=Severity.WARNING,
        summary="A hedge ('over', 'under') excludes the figure another source states exactly.",
        description="'More than 40' cannot be exactly 40. Raised when the two figures meet only at the "
        "hedge's own bound.",
        example="“over 40 LLMs” vs “a total of 40 LLMs”.",
    )
    defer_text = True
    relation = Relation.HEDGE_OR_ROUNDING
    details = frozenset({"hedge_conflict"})

    def message(self, comparison: Comparison) -> str:
        from factcheck.compare import about

        return f"{about(comparison.a)}: “{comparison.a.text}” vs “{comparison.b.text}” — the hedge excludes the figure"
