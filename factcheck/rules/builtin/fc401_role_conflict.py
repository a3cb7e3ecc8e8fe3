"""FC401 role-conflict.

What: one exclusive role (CEO, chairman, CTO ...) at one organisation held
by two different people at the same time, after aliases are resolved
("Robin Li" and "Li Yanhong" are one person).
Why: a wrong name in a title is among the most visible errors a story makes.
Example: "Baidu CEO Robin Li" and "Baidu's chief executive Wang Haifeng" in
reports of the same week.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta

from factcheck.keys import UnresolvedClusters, role_key
from factcheck.models import Finding, RoleClaim, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule

#: Two undated mentions this close in publication date count as the same time.
SAME_TIME = timedelta(days=31)


def _same_time(a: RoleClaim, b: RoleClaim) -> bool:
    overlap = a.time.overlaps(b.time)
    if overlap is None:
        return True
    if a.time.as_of_publication and b.time.as_of_publication and a.time.start and b.time.start:
        return abs(a.time.start - b.time.start) <= SAME_TIME
    return overlap


class RoleConflict(Rule):
    info = RuleInfo(
        code="FC401", name="role-conflict", severity=Severity.ERROR,
        summary="One exclusive role at one organisation is held by two different people at the same time.",
        description="Exclusive roles are listed in factcheck.keys.EXCLUSIVE_ROLES; people are matched after "
        "aliases (gazetteer and your aliases file) and fuzzy matching.",
        example="“Baidu CEO Robin Li” vs “Baidu's chief executive Wang Haifeng”, same week.",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        clusters = UnresolvedClusters()
        groups: dict[tuple[str, str], list[RoleClaim]] = defaultdict(list)
        for c in ctx.claims:
            if isinstance(c, RoleClaim):
                key = role_key(c, clusters)
                if key:
                    groups[key].append(c)
        for (org, role), claims in groups.items():
            for i, a in enumerate(claims):
                for b in claims[i + 1 :]:
                    if clusters.canonical(a.person) == clusters.canonical(b.person) or not _same_time(a, b):
                        continue
                    if not ctx.involves_draft((a, b)):
                        continue
                    yield self.finding(
                        f"{a.org.name} {role}: {a.person.name} here, {b.person.name} in {b.path or b.doc_id}",
                        [a, b],
                        explanation=f"“{a.text}” and “{b.text}” name different people ({a.person.name}, "
                        f"{b.person.name}) for the same role at {a.org.name} at the same time.",
                    )
