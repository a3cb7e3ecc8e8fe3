"""FC304 shares-over-100.

What: shares of one whole, for different entities at one time, that add up
to more than 100 per cent -- or a single share outside 0-100.
Why: parts cannot exceed their whole; one share is wrong or the wholes differ.
Example: "China had 60 per cent of the world's models, the United States 50
per cent".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from factcheck.models import Finding, QuantityClaim, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule

#: Rounding allowance on a sum of shares, in points.
SLACK = Decimal(1)


class SharesOver100(Rule):
    info = RuleInfo(
        code="FC304", name="shares-over-100", severity=Severity.ERROR,
        summary="Shares of one whole add up to more than 100 per cent (or one share is outside 0-100).",
        description="Shares (measure 'share', in per cent) of one whole in one document, at one time, within "
        "two sentences of each other, for "
        "different subjects are summed by their lower bounds; above 100 (+1 point for rounding) is an error. "
        "A share that names no whole takes the whole of a share just before it.",
        example="“60 per cent of the global total … the United States with a 50 per cent share”.",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        for doc_id, claims in ctx.by_document.items():
            if ctx.drafts and doc_id not in ctx.drafts:
                continue
            groups: dict[tuple, dict[str, QuantityClaim]] = defaultdict(dict)
            last_whole: tuple[str, int] | None = None  # (whole, sentence index) of the last share that named one
            for c in claims:
                if not (isinstance(c, QuantityClaim) and c.measure == "share" and c.quantity.unit == "percent"):
                    continue
                low = c.quantity.low if c.quantity.low is not None else c.quantity.value
                if low > 100 + SLACK or (c.quantity.high is not None and c.quantity.high < 0):
                    yield self.finding(f"A share of {c.text} is outside 0-100 per cent", [c])
                    continue
                whole = _norm(c.whole)
                if whole:
                    last_whole = (whole, c.sentence_index)
                elif last_whole is not None and c.sentence_index - last_whole[1] <= 1:
                    whole = last_whole[0]  # "..., the United States a 50 per cent share": the same whole
                if c.subject is None:
                    continue
                # Shares of different wholes ("of new capacity", "of the global total") are not summed.
                key = (c.time.start, c.time.end, whole)
                groups[key].setdefault(c.subject.id, c)
            for group in groups.values():
                for items in _nearby(sorted(group.values(), key=lambda p: p.span.start)):
                    if len(items) < 2:
                        continue
                    total = sum((p.quantity.low if p.quantity.low is not None else p.quantity.value) for p in items)
                    if total <= 100 + SLACK:
                        continue
                    listing = ", ".join(f"{p.subject.name} {p.text}" for p in items)
                    yield self.finding(
                        f"Shares add up to {total}% ({listing})", items,
                        explanation="Shares of one whole at one time cannot add up to more than 100 per cent.",
                    )


#: Shares further apart than this many sentences are not summed: a story's "51.8% of the vote" (the country's)
#: and, paragraphs later, "in Antioquia she took 71% of the vote" are shares of two different votes.
NEARBY_SENTENCES = 2


def _nearby(parts: list[QuantityClaim]) -> list[list[QuantityClaim]]:
    """``parts`` (in text order) cut where two neighbours stand more than :data:`NEARBY_SENTENCES` apart.

    >>> from types import SimpleNamespace as N
    >>> [[p.sentence_index for p in run] for run in _nearby([N(sentence_index=i) for i in (1, 2, 9)])]
    [[1, 2], [9]]
    """
    runs: list[list[QuantityClaim]] = []
    for p in parts:
        if runs and p.sentence_index - runs[-1][-1].sentence_index <= NEARBY_SENTENCES:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _norm(whole: str | None) -> str:
    """A whole as a key: lower case, without a leading article ("the global total" = "global total")."""
    words = (whole or "").lower().split()
    if words and words[0] in ("the", "a", "an", "its", "their"):
        words = words[1:]
    return " ".join(words)
