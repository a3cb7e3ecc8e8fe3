"""FC502 unattributed-figure.

What: a figure whose sentence names no source ("according to", "X said").
Why: a newsroom's house style usually wants every statistic sourced.
Example: "China has 130 LLMs." with no "according to".
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.models import Finding, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule


class UnattributedFigure(Rule):
    info = RuleInfo(
        code="FC502", name="unattributed-figure", severity=Severity.INFO,
        summary="A figure with no attribution in its sentence.",
        description="Only figures with a known measure are reported; headings are skipped.",
        example="“China has 130 LLMs.”",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        for c in ctx.quantity_claims:
            if c.attribution is None and c.measure and not c.heading and ctx.involves_draft((c,)):
                yield self.finding(f"“{c.text}” has no attribution", [c])
