"""FC303 percentage-mismatch.

What: a percentage stated beside its part and whole (or beside an old and a
new value) that the two values do not give.
Why: "40 of 130 models, or 40 per cent" is a slip any reader can spot.
Example: "14 of the 40 approved models, or 50 per cent".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from factcheck.models import Finding, QuantityClaim, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule


class PercentageMismatch(Rule):
    info = RuleInfo(
        code="FC303", name="percentage-mismatch", severity=Severity.WARNING,
        summary="A percentage does not follow from the part and whole (or old and new value) beside it.",
        description="In a sentence with one percentage and two figures of one unit, the percentage must be "
        "part/whole, the growth new/old - 1, or the fall 1 - new/old, within rounding (1 point or the "
        "percentage's own precision).",
        example="“14 of the 40 approved models, or 50 per cent”.",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        by_sentence = ctx.ratio_sentences
        for (doc_id, index), claims in by_sentence.items():
            percents = [c for c in claims if c.quantity.unit == "percent"]
            values = [c for c in claims if c.quantity.unit not in ("percent", "percentage_points", "times")]
            if len(percents) == 1 and len(values) == 1:
                # "China had approved 40 models. Fourteen of them, or 50 per cent, ...": the whole is in the
                # sentence before, named back by "of them".
                whole = _whole_before(values[0], by_sentence.get((doc_id, index - 1), []))
                if whole is not None:
                    values = [whole, values[0]]
            if len(percents) != 1 or len(values) != 2 or values[0].quantity.unit != values[1].quantity.unit:
                continue
            if any(c.quantity.bound.value not in ("exact", "approx") for c in (*percents, *values)):
                continue
            if _clause_break_between(percents[0], values):
                continue  # "23 million, up from 15 million, and accounts for 40% of sign-ups": another clause
            p = percents[0].quantity
            a, b = values[0].quantity.value, values[1].quantity.value
            if a <= 0 or b <= 0:
                continue
            small, big = min(a, b), max(a, b)
            options = [small / big * 100, (big / small - 1) * 100, (1 - small / big) * 100]
            slack = max(Decimal(1), (p.precision or Decimal(1)) / 2, p.value * Decimal("0.05"))
            if p.bound.value == "approx" and p.low is not None and p.high is not None:
                slack = max(slack, (p.high - p.low) / 2)
            if any(abs(o - p.value) <= slack for o in options):
                continue
            best = min(options, key=lambda o: abs(o - p.value))
            yield self.finding(
                f"“{percents[0].text}” does not follow from {values[0].text} and {values[1].text} "
                f"(closest reading: {best.quantize(Decimal('0.1'))}%)",
                [percents[0], *values],
                explanation=f"In “{percents[0].sentence}” no reading of the two figures (part of whole, growth "
                f"or fall) gives {p.value}%.",
            )


# Where a sentence moves on to another statement: ", and", ";", ", while", ", but", ", which".
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas|which|although|though)\b", re.IGNORECASE)


def _clause_break_between(percent: QuantityClaim, values: list[QuantityClaim]) -> bool:
    """Whether the percentage and the two figures lie in different clauses of their sentence (a part of the
    whole before the break is no evidence about a percentage after it). Figures from the sentence before
    ("of them") are left out of the test."""
    here = [c for c in (percent, *values) if c.sentence_index == percent.sentence_index]
    base = percent.sentence_span.start
    lo = min(c.span.start for c in here) - base
    hi = max(c.span.end for c in here) - base
    return _CLAUSE_BREAK.search(percent.sentence, lo, hi) is not None


# "Fourteen of them", "14 of these": a part that names its whole by pointing back.
_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those|the\s+total)\b", re.IGNORECASE)


def _whole_before(part: QuantityClaim, before: list[QuantityClaim]) -> QuantityClaim | None:
    """The figure in the previous sentence that ``part`` ("N of them") is a part of, or None."""
    if not _OF_THEM.match(part.sentence, part.span.end - part.sentence_span.start):
        return None
    same = [c for c in before if c.quantity.unit == part.quantity.unit
            and (part.measure is None or c.measure == part.measure)]
    return same[-1] if same else None
