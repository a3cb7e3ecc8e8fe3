"""``consistency``: one spelling per entity in a document ("Ernie Bot", not also "ERNIE Bot").

Every entity named in a document is found with the gazetteer; the first
spelling sets the house form and each different spelling of the same
entity is flagged once, where it first appears.

* ``variants: case`` (default) flags spellings that differ only in case,
  spaces or hyphens ("ERNIE Bot", "Deepseek", "DeepSeek V3");
* ``variants: any`` flags any other name for the entity ("Ernie" for "Ernie Bot");
* ``allow`` lists spellings that are always fine; ``entities`` limits the rule.

>>> same_but_case("ERNIE Bot", "Ernie Bot"), same_but_case("Ernie", "Ernie Bot")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar, Literal

from factcheck.models import Finding
from factcheck.rules.base import CheckContext
from factcheck.rules.kinds._common import SpecBase, UserRule, active_gazetteer, resolve_entity

_LOOSE = re.compile(r"[\s\-‐‑–_.’']+")


def same_but_case(a: str, b: str) -> bool:
    """Whether two spellings differ only in case, spaces, hyphens or dots."""
    return _LOOSE.sub("", a).casefold() == _LOOSE.sub("", b).casefold()


class ConsistencySpec(SpecBase):
    """Which entities, which variants count, and spellings always allowed."""

    FIELDS: ClassVar[frozenset[str]] = frozenset({"first", "count"})
    DEFAULT_MESSAGE: ClassVar[str] = "{subject} is written “{surface}” here but “{first}” earlier"

    kind: Literal["consistency"]
    entities: list[str] = []
    variants: Literal["case", "any"] = "case"
    allow: list[str] = []


class ConsistencyRule(UserRule):
    """Flags a second spelling of an entity within one document."""

    Spec = ConsistencySpec
    spec: ConsistencySpec

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        gaz = active_gazetteer()
        wanted = {resolve_entity(e) for e in self.spec.entities}
        allowed = set(self.spec.allow)
        for doc in ctx.documents:
            if ctx.drafts and doc.id not in ctx.drafts:
                continue
            first: dict[str, str] = {}
            seen: set[tuple[str, str]] = set()
            for ref in gaz.find(doc.prose):
                surface = ref.surface.strip()
                if (wanted and ref.id not in wanted) or surface in allowed:
                    continue
                house = first.setdefault(ref.id, surface)
                if surface == house or (ref.id, surface) in seen:
                    continue
                if self.spec.variants == "case" and not same_but_case(surface, house):
                    continue
                seen.add((ref.id, surface))
                message = self.message(None, subject=ref.name, surface=surface, first=house, entity=ref.id,
                                       path=doc.label, text=surface)
                yield self.finding(
                    message, [], path=doc.path, span=ref.span, key=f"{doc.label}|{ref.id}|{surface}",
                    explanation=f"The document first writes “{house}”; keep one spelling.",
                )
