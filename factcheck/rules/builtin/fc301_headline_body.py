"""FC301 headline-body-conflict.

What: a figure in a headline or heading that the article's own body does
not support -- "Over 40 models approved" above "brings the total to 40".
Why: headlines are read most and checked least; they compress qualifiers,
so scope words are ignored here and only the values are held to account.
Example: heading "Over 40 LLMs approved", body "a total of 40 LLMs".
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.compare import compare, describe
from factcheck.models import Finding, QuantityClaim, Relation, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule


class HeadlineBody(Rule):
    info = RuleInfo(
        code="FC301", name="headline-body-conflict", severity=Severity.WARNING,
        summary="A figure in a headline disagrees with the same figure in the article's body.",
        description="Compares each heading figure with body figures of the same measure (and subject, when "
        "both have one) whose times overlap; scope words are ignored because headlines drop them. A headline "
        "figure that some body figure supports is fine; otherwise the closest body figure is reported, once.",
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
                    if h.subject and b.subject and h.subject.id != b.subject.id:
                        continue
                    comp = compare(h.model_copy(update={"scope": None}), b.model_copy(update={"scope": None}))
                    bad = comp.relation is Relation.CONTRADICTION or comp.detail == "hedge_conflict"
                    if not bad and comp.relation is not Relation.CHANGE_OVER_TIME:
                        break  # a body figure supports the headline: the others are other figures
                    if bad:
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


def _distance(h: QuantityClaim, b: QuantityClaim) -> float:
    """How far apart two values are, as a ratio (1.0: equal)."""
    x, y = abs(float(h.quantity.value)), abs(float(b.quantity.value))
    if x == 0 or y == 0:
        return float("inf")
    return max(x, y) / min(x, y)
