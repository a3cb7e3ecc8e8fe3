"""``requires``: selected figures must carry a date and/or an attribution.

"Within N sentences": with ``within: 1`` a date or a source named in the
sentence before or after the figure's also counts ("Baidu said on Tuesday:
... Ernie Bot has 200 million users.").

>>> spec = RequiresSpec.model_validate({"code": "NEWS2", "name": "dated", "kind": "requires",
...                                     "measures": ["users"], "date": True})
>>> spec.within, spec.attribution
(0, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from factcheck.models import Document, Finding, QuantityClaim
from factcheck.rules.base import CheckContext
from factcheck.rules.kinds._common import ClaimFilter, SpecBase, UserRule


class RequiresSpec(SpecBase, ClaimFilter):
    """What each selected figure needs, and how many sentences away it may be."""

    FIELDS: ClassVar[frozenset[str]] = frozenset({"missing", "within"})
    DEFAULT_MESSAGE: ClassVar[str] = "{text} ({subject} {measure}) needs {missing}"

    kind: Literal["requires"]
    date: bool = False
    attribution: bool = False
    within: int = Field(default=0, ge=0, le=20)
    headings: bool = False

    @model_validator(mode="after")
    def _something(self) -> RequiresSpec:
        if not (self.date or self.attribution):
            raise ValueError("a requires rule needs 'date: true', 'attribution: true' or both")
        return self


class RequiresRule(UserRule):
    """Flags selected figures with no date / no attribution nearby."""

    Spec = RequiresSpec
    spec: RequiresSpec

    def why_not(self, claim) -> str | None:
        why = super().why_not(claim)
        if why is None and isinstance(claim, QuantityClaim):
            if not self.spec.measures and not claim.measure:
                return "its measure is unknown (with no 'measures' listed, only figures with a known measure count)"
            if claim.heading and not self.spec.headings:
                return "it is in a heading (set 'headings: true' to check headings)"
        return why

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        nearby = _Nearby(ctx) if self.spec.within else None
        for c in ctx.quantity_claims:
            if self.why_not(c) is not None or not ctx.involves_draft((c,)):
                continue
            missing = []
            if self.spec.date and c.time.as_of_publication and not (nearby and nearby.has_date(c, self.spec.within)):
                missing.append("a date")
            if self.spec.attribution and not c.attribution and not (
                nearby and nearby.has_attribution(c, self.spec.within)
            ):
                missing.append("an attribution")
            if missing:
                what = " and ".join(missing)
                where = "in its sentence" if not self.spec.within else f"within {self.spec.within} sentence(s)"
                yield self.claim_finding([c], missing=what, within=self.spec.within,
                                         explanation=f"No {what.split(' ', 1)[1]} was found {where}.")


class _Nearby:
    """Which sentences of each document name a time or a source (computed once per document)."""

    def __init__(self, ctx: CheckContext) -> None:
        self.docs: dict[str, Document] = {d.id: d for d in ctx.documents}
        self.claims = ctx.by_document
        self._cache: dict[str, tuple[set[int], set[int]]] = {}

    def _sentences(self, doc_id: str) -> tuple[set[int], set[int]]:
        if doc_id not in self._cache:
            from factcheck.lexicon import LEXICON
            from factcheck.mentions.dates import find_times
            from factcheck.segment import split_sentences

            dated: set[int] = set()
            sourced: set[int] = {c.sentence_index for c in self.claims.get(doc_id, []) if c.attribution}
            doc = self.docs.get(doc_id)
            for s in split_sentences(doc) if doc is not None else []:
                if any(t.time.resolved and (t.time.start or t.time.end) for t in find_times(s.text, doc.published)):
                    dated.add(s.index)
                if LEXICON.source_before_regex.search(s.text) or LEXICON.speech_regex.search(s.text):
                    sourced.add(s.index)
            self._cache[doc_id] = (dated, sourced)
        return self._cache[doc_id]

    def _near(self, c: QuantityClaim, within: int, found: set[int]) -> bool:
        return any(c.sentence_index + k in found for k in range(-within, within + 1))

    def has_date(self, c: QuantityClaim, within: int) -> bool:
        """A resolved time in a sentence at most ``within`` away."""
        return self._near(c, within, self._sentences(c.doc_id)[0])

    def has_attribution(self, c: QuantityClaim, within: int) -> bool:
        """A named source in a sentence at most ``within`` away."""
        return self._near(c, within, self._sentences(c.doc_id)[1])
