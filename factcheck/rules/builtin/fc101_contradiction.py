"""FC101 numeric-contradiction.

What: two figures for the same entity, measure and scope, at times that
overlap, whose values cannot both be true.
Why: this is the error a reader will catch -- one of the two is wrong.
Example: "Qwen had 60 million registered users on 1 May" in one report and
"90 million registered users on 1 May" in another.
"""

from __future__ import annotations

from factcheck.models import Comparison, Relation, RuleInfo, Severity
from factcheck.rules.base import ComparisonRule


class NumericContradiction(ComparisonRule):
    info = RuleInfo(
        code="FC101", name="numeric-contradiction", severity=Severity.ERROR,
        summary="Two sources give incompatible values for the same quantity at the same time.",
        description="Compared only within one entity, measure and scope, at overlapping times, after hedges "
        "('over', 'about') and rounding are allowed for. When neither time is known the finding is a warning. "
        "Two figures of one article are a warning when they count the same noun phrase and lie within a "
        "factor of two of each other, and information otherwise: inside one article they are mostly "
        "different things the key cannot tell apart (a part and its whole). Changes and "
        "shares ('rose 5%', 'a 40% share') are a warning unless both name the same base.",
        example="“60 million registered users on 1 May” vs “90 million registered users on 1 May”.",
    )
    defer_text = True
    relation = Relation.CONTRADICTION
    details = frozenset({None, "time_unknown", "currency"})

    def message(self, comparison: Comparison) -> str:
        from factcheck.compare import about, describe

        return (f"{about(comparison.a)}: {describe(comparison.a.quantity)} contradicts "
                f"{describe(comparison.b.quantity)} in {comparison.b.path or comparison.b.doc_id}")

    def severity_for(self, comparison: Comparison) -> Severity | None:
        a, b = comparison.a, comparison.b
        if a.doc_id == b.doc_id:
            # Inside one article two figures keyed alike are far more often two different things the text
            # tells apart by words the key does not hold (a quarter and the year, revenue and profit growth)
            # than a slip. A slip in one article is a mistyped digit, close to the figure it repeats (a slip by
            # a power of ten is FC102's); figures far apart ("48,200 students", "600 students") are a whole and
            # a part. So: a warning for the same noun phrase within SAME_ARTICLE_RATIO, else information.
            same_noun = a.counted is not None and _norm(a.counted) == _norm(b.counted)
            close = comparison.ratio is None or comparison.ratio <= SAME_ARTICLE_RATIO
            return Severity.WARNING if same_noun and close else Severity.INFO
        base_a, base_b = _norm(a.whole or a.counted), _norm(b.whole or b.counted)
        if a.measure in _RELATIVE and (not base_a or base_a != base_b):
            # "rose 1%" and "rose 0.4%": changes or shares of what? Without the same base named on both
            # sides the key cannot tell spending growth from wage growth.
            return Severity.WARNING
        return Severity.WARNING if comparison.detail == "time_unknown" else None


#: Inside one article, two figures of one noun phrase further apart than this are read as a part and a whole.
SAME_ARTICLE_RATIO = 2

#: Measures that relate a figure to a base ("grew 5%", "a 40% share"): only as sure as the base they name.
_RELATIVE = frozenset({"growth", "decline", "share"})


def _norm(phrase: str | None) -> str:
    return " ".join((phrase or "").lower().split())
