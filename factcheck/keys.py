"""Canonical keys that block comparisons: only claims sharing a key are compared.

A quantity claim's key is ``(entity id, measure)``; named claims have their
own keys (a role at an organisation, an event of a participant, a group).
Names the gazetteer does not know are clustered with rapidfuzz inside small
blocks (same first letters), so "Zhaopin Ltd" and "Zhaopin Ltd." meet while
the cost stays about linear in the number of distinct names.

>>> from factcheck.models import EntityRef
>>> u = UnresolvedClusters()
>>> u.canonical(EntityRef(id="x:acme-robotics", name="Acme Robotics", surface="", method="unresolved"))
'x:acme-robotics'
>>> u.canonical(EntityRef(id="x:acme-robotic", name="Acme Robotic", surface="", method="unresolved"))
'x:acme-robotics'
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process

from factcheck.mentions.entities import fold
from factcheck.models import EntityRef, EventClaim, MembershipClaim, QuantityClaim, RoleClaim

#: Roles one person holds at a time at one organisation.
EXCLUSIVE_ROLES = frozenset({"ceo", "chairman", "president", "cto", "cfo", "coo", "premier", "chief_scientist"})


class UnresolvedClusters:
    """Maps unresolved entity ids onto one id per cluster of near-identical names."""

    def __init__(self, cutoff: float = 92.0) -> None:
        self.cutoff = cutoff
        self._seen: dict[str, str] = {}
        self._blocks: dict[str, list[str]] = defaultdict(list)
        self._ids: dict[str, str] = {}

    def canonical(self, ref: EntityRef) -> str:
        """The cluster id for ``ref`` (gazetteer ids pass through)."""
        if ref.method != "unresolved":
            return ref.id
        hit = self._seen.get(ref.id)
        if hit is not None:
            return hit
        name = fold(ref.name)
        block = self._blocks[name[:2]]
        best = process.extractOne(name, block, scorer=fuzz.ratio, score_cutoff=self.cutoff) if block else None
        cid = self._ids[best[0]] if best else ref.id
        if not best:
            block.append(name)
            self._ids[name] = ref.id
        self._seen[ref.id] = cid
        return cid


def quantity_key(claim: QuantityClaim, clusters: UnresolvedClusters) -> tuple[str, str] | None:
    """``(entity, measure)`` for a quantity claim, or None when either is unknown."""
    if claim.subject is None or not claim.measure:
        return None
    return (clusters.canonical(claim.subject), claim.measure)


def role_key(claim: RoleClaim, clusters: UnresolvedClusters) -> tuple[str, str] | None:
    """``(organisation, role)`` for an exclusive role, else None."""
    if claim.org is None or claim.role not in EXCLUSIVE_ROLES:
        return None
    return (clusters.canonical(claim.org), claim.role)


def event_keys(claim: EventClaim, clusters: UnresolvedClusters) -> list[tuple[str, str]]:
    """One ``(participant, event)`` key per participant."""
    return [(clusters.canonical(p), claim.event) for p in claim.participants]


def membership_keys(claim: MembershipClaim, clusters: UnresolvedClusters) -> list[tuple[str, str]]:
    """One ``(member, group)`` key per member."""
    return [(clusters.canonical(m), claim.group) for m in claim.members]
