"""FC402 event-date-conflict.

What: one event that happens once (a founding, a listing, a product's first
release) given two dates that cannot overlap.
Why: dates of firsts are quoted again and again; a wrong one spreads.
Example: "ChatGPT's release in late November 2022" vs "ChatGPT, released
in March 2023".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from factcheck.keys import UnresolvedClusters, event_keys
from factcheck.models import EventClaim, Finding, RuleInfo, Severity
from factcheck.rules.base import CheckContext, Rule

#: Events that happen once to a participant; "released" only once for a product.
ONCE = frozenset({"founded", "listed", "popularised"})


class EventDateConflict(Rule):
    info = RuleInfo(
        code="FC402", name="event-date-conflict", severity=Severity.ERROR,
        summary="An event that happens once is given two different dates.",
        description="Checked for foundings, listings and a product's release; times must not overlap at "
        "their own granularity ('2022' and 'late November 2022' agree).",
        example="“ChatGPT … late November 2022” vs “ChatGPT, released in March 2023”.",
    )

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        clusters = UnresolvedClusters()
        groups: dict[tuple[str, str], list[EventClaim]] = defaultdict(list)
        for c in ctx.claims:
            if not isinstance(c, EventClaim) or c.time.as_of_publication:
                continue
            for key, p in zip(event_keys(c, clusters), c.participants):
                once = c.event in ONCE or (c.event == "released" and p.type == "product")
                if once:
                    event = "popularised" if c.event == "released" else c.event
                    groups[(key[0], event)].append(c)
        for (who, event), claims in groups.items():
            for i, a in enumerate(claims):
                for b in claims[i + 1 :]:
                    if a.time.overlaps(b.time) is not False or not ctx.involves_draft((a, b)):
                        continue
                    yield self.finding(
                        f"{event.replace('_', ' ')} of {who}: “{a.time.text}” here, “{b.time.text}” in "
                        f"{b.path or b.doc_id}",
                        [a, b],
                        explanation=f"“{a.text}” ({a.time.start}..{a.time.end}) and “{b.text}” "
                        f"({b.time.start}..{b.time.end}) date one event differently.",
                    )
