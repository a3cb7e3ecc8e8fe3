"""FC302 multiplier-mismatch.

What: a stated multiple ("a 7× increase", "doubled", "tripled") that does
not match the two values it relates in the same sentence.
Why: a reader can do the division; the multiple and the values must agree.
"A 7× increase from $2.5 billion to over $20 billion" is accepted: "7× increase"
may mean 7 times as much or 7 times more (8 times as much), and "over $20
billion" allows a ratio above 8.
Example: "user numbers tripled from 10 million to 50 million".
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from factcheck.compare import describe, widened
from factcheck.models import Finding, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule

#: Relative slack allowed between the stated multiple and the computed ratio.
SLACK = Decimal("0.1")


class MultiplierMismatch(Rule):
    info = RuleInfo(
        code="FC302", name="multiplier-mismatch", severity=Severity.WARNING,
        summary="A stated multiple does not match the two values it relates.",
        description="In a sentence with a multiple and two figures of one unit, the ratio of the later figure "
        "to the earlier must be the multiple, or the multiple plus one ('7× more'), within 10% and the "
        "figures' hedges.",
        example="“tripled from 10 million to 50 million”.",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        by_sentence = ctx.ratio_sentences
        for claims in by_sentence.values():
            multiples = [c for c in claims if c.quantity.unit == "times"]
            values = [c for c in claims if c.quantity.unit not in ("times", "percent", "percentage_points")]
            if len(multiples) != 1 or len(values) != 2 or values[0].quantity.unit != values[1].quantity.unit:
                continue
            a, b = values
            if (a.measure and b.measure and a.measure != b.measure) or (
                    a.subject and b.subject and a.subject.id != b.subject.id):
                continue  # "raised $350m at a $2.1bn valuation, more than double ...": two different quantities
            m = multiples[0].quantity.value
            lo_a, hi_a = widened(values[0].quantity)
            lo_b, hi_b = widened(values[1].quantity)
            if not lo_a or lo_a <= 0 or lo_b is None:
                continue
            ratio_lo = lo_b / (hi_a or lo_a)
            ratio_hi = None if hi_b is None else hi_b / lo_a
            def fits(k: Decimal) -> bool:
                return k * (1 + SLACK) >= ratio_lo and (ratio_hi is None or k * (1 - SLACK) <= ratio_hi)
            candidates = [m] if m < 1 else [m, m + 1]
            if any(fits(k) for k in candidates):
                continue
            stated = values[1].quantity.value / values[0].quantity.value
            yield self.finding(
                f"“{multiples[0].text}” does not match {describe(values[0].quantity)} → "
                f"{describe(values[1].quantity)} (a ratio of {stated.quantize(Decimal('0.01'))})",
                [multiples[0], *values],
                explanation=f"In “{multiples[0].sentence}” the later figure is "
                f"{stated.quantize(Decimal('0.01'))} times the earlier, not {m}.",
            )
