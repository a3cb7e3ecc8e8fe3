"""FC404 round-lead-conflict.

What: one funding round said to be led by different investors.
Why: who led a round is how readers judge a start-up's backing; sources copy
the first report, and a wrong lead investor spreads with it.
Example: "a $350 million Series C led by Sequoia Capital" vs "Northwind's
Series C, led by Index Ventures".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from factcheck.keys import UnresolvedClusters
from factcheck.models import Finding, RoundClaim, RuleInfo, Severity
from factcheck.rounds import label_words, same_round
from factcheck.rules.base import CheckContext, Rule

#: Companies with more round claims than this are compared label by label only (bounds the cost).
MAX_PAIRWISE = 64


class RoundLeadConflict(Rule):
    info = RuleInfo(
        code="FC404", name="round-lead-conflict", severity=Severity.WARNING,
        summary="One funding round is said to be led by different investors.",
        description="Rounds are matched by company and label ('Series C'), or by company, amount (within 10%) "
        "and time when unlabelled. Only lead lists with no investor in common are reported: a source naming one "
        "of two co-leads is incomplete, not wrong.",
        example="“a $350 million Series C led by Sequoia Capital” vs “its Series C, led by Index Ventures”.",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        clusters = UnresolvedClusters()
        by_company: dict[str, list[RoundClaim]] = defaultdict(list)
        for c in ctx.claims:
            if isinstance(c, RoundClaim):
                by_company[clusters.canonical(c.company)].append(c)
        for claims in by_company.values():
            groups = [claims] if len(claims) <= MAX_PAIRWISE else _by_label(claims)
            for group in groups:
                yield from self._pairs(ctx, group, clusters)

    def _pairs(self, ctx: CheckContext, claims: list[RoundClaim], clusters: UnresolvedClusters) -> Iterable[Finding]:
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                if a.doc_id == b.doc_id and a.sentence_index == b.sentence_index:
                    continue
                why = same_round(a, b)
                if why is None or not ctx.involves_draft((a, b)):
                    continue
                leads_a = {clusters.canonical(e) for e in a.leads}
                leads_b = {clusters.canonical(e) for e in b.leads}
                if leads_a & leads_b:
                    continue
                if ctx.drafts and a.doc_id not in ctx.drafts:
                    a, b = b, a  # locate the finding in the draft
                label = label_words(a.round or b.round)
                yield self.finding(
                    f"{label} of {a.company.name}: led by {_names(a)} here, by {_names(b)} in {b.path or b.doc_id}",
                    [a, b],
                    explanation=f"“{a.text}” and “{b.text}” name different lead investors for what looks like one "
                    f"round ({why}). If it had several leads, each source may name only one; otherwise one of "
                    "them is wrong.",
                )


def _names(c: RoundClaim) -> str:
    return " and ".join(e.name for e in c.leads)


def _by_label(claims: list[RoundClaim]) -> list[list[RoundClaim]]:
    groups: dict[str, list[RoundClaim]] = defaultdict(list)
    for c in claims:
        if c.round:
            groups[c.round].append(c)
    return list(groups.values())
