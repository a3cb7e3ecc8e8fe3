"""FC301 headline-body-conflict.

What: a figure in a headline or heading that the article's own body does
not support -- "Over 40 models approved" above "brings the total to 40".
Why: headlines are read most and checked least; they compress qualifiers,
so scope words, times and subjects are ignored when a body figure supports the headline, and only
the values are held to account.
Example: heading "Over 40 LLMs approved", body "a total of 40 LLMs".
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.compare import compare, describe
from factcheck.models import Bound, Comparison, Finding, QuantityClaim, Relation, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule


class HeadlineBody(Rule):
    info = RuleInfo(
        code="FC301", name="headline-body-conflict", severity=Severity.WARNING,
        summary="A figure in a headline disagrees with the same figure in the article's body.",
        description="Compares each heading figure with the body figures of its measure and unit, read at the "
        "body figure's time and without scope words, because headlines drop both ('in the second quarter', "
        "'approved'). A headline figure that some body figure supports is fine, whatever subject either was "
        "read with, and so is a headline that only drops the body's hedge; otherwise the body figure of the "
        "same subject (when both have one) closest in value is reported, once.",
        example="“# Over 40 models approved” above “This brings the total to 40.”",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        for doc_id, claims in ctx.by_document.items():
            if ctx.drafts and doc_id not in ctx.drafts:
                continue
            figures = [c for c in claims if isinstance(c, QuantityClaim) and c.measure]
            heads = [c for c in figures if c.heading]
            body = [c for c in figures if not c.heading]
            for h in heads:
                candidates = []
                for b in body:
                    if b.measure != h.measure or b.quantity.unit != h.quantity.unit:
                        continue
                    # Read at the body figure's time: headlines drop "in the second quarter" as they drop
                    # scope words, so "16 million passengers" above "14.2 million in the second quarter" is a
                    # headline the body does not bear out, not a change over time.
                    comp = compare(h.model_copy(update={"scope": None, "time": b.time}),
                                   b.model_copy(update={"scope": None}))
                    if _supports(comp, h, b):
                        break  # the body gives the headline's figure (whatever subject either was read with)
                    bad = comp.relation is Relation.CONTRADICTION or comp.detail == "hedge_conflict"
                    if bad and not (h.subject and b.subject and h.subject.id != b.subject.id):
                        candidates.append((b, comp))
                else:
                    if candidates:
                        # Report the body figure closest in value: the one the headline most likely compresses.
                        b, comp = min(candidates, key=lambda bc: _distance(h, bc[0]))
                        yield self.finding(
                            f"Headline says “{h.text}” ({describe(h.quantity)}) but the body says “{b.text}” "
                            f"({describe(b.quantity)})",
                            [h, b],
                            explanation=comp.explanation,
                            relation=comp.relation,
                        )


def _supports(comp: Comparison, h: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether body figure ``b`` gives headline figure ``h``'s value, by their comparison at one time and
    without scopes ("a record 14.2 million passengers" above "14.2 million passengers in the second quarter")."""
    if comp.detail == "hedge_conflict":
        # A headline drops the body's hedge ("6 million copies" above "more than 6 million"): compression.
        # Adding one the body does not have ("Over 40" above "a total of 40") is the conflict this rule is for.
        return h.quantity.bound is Bound.EXACT and h.quantity.value == b.quantity.value
    return comp.relation in (Relation.CONSISTENT, Relation.HEDGE_OR_ROUNDING)


def _distance(h: QuantityClaim, b: QuantityClaim) -> float:
    """How far apart two values are, as a ratio (1.0: equal)."""
    x, y = abs(float(h.quantity.value)), abs(float(b.quantity.value))
    if x == 0 or y == 0:
        return float("inf")
    return max(x, y) / min(x, y)
