"""FC305 headline-measure-mismatch.

What: a headline amount that the body gives as a different measure -- the
valuation called an investment, revenue called profit.
Why: a headline that turns "values the company at $2.1bn" into "invests
$2.1bn" misstates what happened by the size of the whole company; the body
has it right, so the reader who stops at the headline is the one misled.
Example: heading "Sequoia invests $2.1bn in Northwind", body "a round led by
Sequoia Capital that values the company at $2.1bn" (and $350 million raised).
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.compare import widened
from factcheck.lexicon import LEXICON
from factcheck.models import Finding, QuantityClaim, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule


class HeadlineMeasure(Rule):
    info = RuleInfo(
        code="FC305", name="headline-measure-mismatch", severity=Severity.WARNING,
        summary="A headline amount is the same figure the body gives for a different measure.",
        description="A heading's money figure with a known measure is compared with the body's figures in the "
        "same currency: when none of the body's figures of that measure agrees with it but a figure of another "
        "money measure does (after rounding), the headline has most likely renamed it.",
        example="“# Sequoia invests $2.1bn in Northwind” above “… values the company at $2.1bn”.",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        money = LEXICON.money_measure_keys
        for doc_id, claims in ctx.by_document.items():
            if ctx.drafts and doc_id not in ctx.drafts:
                continue
            figures = [c for c in claims if isinstance(c, QuantityClaim) and c.measure in money]
            body = [c for c in figures if not c.heading]
            for h in (c for c in figures if c.heading):
                same_unit = [b for b in body if b.quantity.unit == h.quantity.unit]
                if any(b.measure == h.measure and _agree(h, b) for b in same_unit):
                    continue  # the body gives the headline's figure under its own name
                renamed = [b for b in same_unit if b.measure != h.measure and _agree(h, b)]
                if not renamed:
                    continue
                b = renamed[0]
                said, meant = LEXICON.label(h.measure), LEXICON.label(b.measure)
                yield self.finding(
                    f"Headline gives “{h.text}” as {said}, but the body gives that amount as {meant} (“{b.text}”)",
                    [h, b],
                    explanation=f"“{b.sentence.strip()}” The headline's {said} figure matches the body's {meant}, "
                    f"and no {said} figure in the body matches it.",
                )


def _agree(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two amounts overlap once rounding is allowed for ("$2.1bn" and "$2.08 billion")."""
    alo, ahi = widened(a.quantity)
    blo, bhi = widened(b.quantity)
    if alo is None or blo is None or ahi is None or bhi is None:
        return False
    return alo <= bhi and blo <= ahi
