"""FC403 membership-conflict.

What: an entity said to be among a group in one place and outside it in
another ("among the first companies to receive approval" / "not among").
Why: lists of firsts, winners and members are easy to garble.
Example: "Baidu and SenseTime were among the first to win approval" vs
"SenseTime was not among the first to win approval".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from factcheck.keys import UnresolvedClusters, membership_keys
from factcheck.models import Finding, MembershipClaim, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule


class MembershipConflict(Rule):
    info = RuleInfo(
        code="FC403", name="membership-conflict", severity=Severity.ERROR,
        summary="An entity is said to be in a group in one place and not in it in another.",
        description="Groups are matched on their words after articles and quotes are dropped.",
        example="“were among the first companies to receive approval” vs “was not among the first companies "
        "to receive approval”.",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        clusters = UnresolvedClusters()
        groups: dict[tuple[str, str], list[MembershipClaim]] = defaultdict(list)
        for c in ctx.claims:
            if isinstance(c, MembershipClaim):
                for key in membership_keys(c, clusters):
                    groups[key].append(c)
        for (member, group), claims in groups.items():
            yes = [c for c in claims if not c.negated]
            no = [c for c in claims if c.negated]
            for a in yes:
                for b in no:
                    if not ctx.involves_draft((a, b)):
                        continue
                    name = next((m.name for m in a.members if clusters.canonical(m) == member), member)
                    yield self.finding(
                        f"{name} is among “{group}” in one place and not in another",
                        [a, b],
                        explanation=f"“{a.text}” ({a.path or a.doc_id}) against “{b.text}” ({b.path or b.doc_id}).",
                        key=member,
                    )
