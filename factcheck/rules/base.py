"""What a rule is, and what it sees.

A rule has a :class:`~factcheck.models.RuleInfo` (code, name, severity,
documentation) and a :meth:`Rule.check` that reads a :class:`CheckContext`
-- the documents, their claims, and the comparisons already made between
claims that share a key -- and yields findings.

>>> class Nothing(Rule):
...     '''Finds nothing (an example).'''
...     info = RuleInfo(code="X001", name="nothing", severity=Severity.INFO, summary="finds nothing")
...     def check(self, ctx):
...         return []
>>> Nothing().info.code
'X001'
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from factcheck.models import (
    Claim,
    Comparison,
    Document,
    Finding,
    QuantityClaim,
    Relation,
    RuleInfo,
    Severity,
    Span,
)
from factcheck.compare import _reason, compare


@dataclass
class CheckContext:
    """Everything rules read: documents, claims, comparisons.

    ``drafts`` holds the ids of the documents being checked; with sources
    given (``--against``), findings need at least one claim from a draft.
    """

    documents: Sequence[Document]
    claims: Sequence[Claim]
    comparisons: Sequence[Comparison] = ()
    drafts: frozenset[str] = frozenset()
    options: dict = field(default_factory=dict)

    @cached_property
    def by_document(self) -> dict[str, list[Claim]]:
        """Claims grouped by document id, in text order."""
        out: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            out[c.doc_id].append(c)
        return out

    @cached_property
    def quantity_claims(self) -> list[QuantityClaim]:
        """Only the figures."""
        return [c for c in self.claims if isinstance(c, QuantityClaim)]

    @cached_property
    def figures_by_sentence(self) -> dict[tuple[str, int], list[QuantityClaim]]:
        """Figures of the checked documents grouped by (document id, sentence index), in text order."""
        out: dict[tuple[str, int], list[QuantityClaim]] = defaultdict(list)
        for c in self.quantity_claims:
            if not self.drafts or c.doc_id in self.drafts:
                out[(c.doc_id, c.sentence_index)].append(c)
        return out

    @cached_property
    def ratio_sentences(self) -> dict[tuple[str, int], list[QuantityClaim]]:
        """:attr:`figures_by_sentence` for only the sentences with a percentage or a multiple
        ("times") and the sentence before each -- all that the ratio rules read, without a list
        for every sentence of a million-figure check."""
        wanted: set[tuple[str, int]] = set()
        for c in self.quantity_claims:
            if c.quantity.unit in ("percent", "times") and (not self.drafts or c.doc_id in self.drafts):
                wanted.add((c.doc_id, c.sentence_index))
                wanted.add((c.doc_id, c.sentence_index - 1))
        out: dict[tuple[str, int], list[QuantityClaim]] = defaultdict(list)
        if wanted:
            for c in self.quantity_claims:
                key = (c.doc_id, c.sentence_index)
                if key in wanted and (not self.drafts or c.doc_id in self.drafts):
                    out[key].append(c)
        return out

    def involves_draft(self, claims: Iterable[Claim]) -> bool:
        """Whether a finding about ``claims`` concerns a document being checked."""
        return not self.drafts or any(c.doc_id in self.drafts for c in claims)


def fingerprint(code: str, claims: Sequence[Claim], extra: str = "") -> str:
    """A stable id for a finding: code, documents, keys and values -- never offsets."""
    parts = []
    for c in claims:
        who = getattr(c, "subject", None)
        q = getattr(c, "quantity", None)
        # _value_ rather than .value: the enum property is slow on hot paths.
        parts.append(
            f"{c.path or c.doc_id}|{c.kind}|{who.id if who else ''}|{getattr(c, 'measure', '')}|"
            f"{q.value if q else ''}|{q.bound._value_ if q else ''}|{q.unit if q else ''}|{c.time.start}|{c.text}"
        )
    parts.sort()
    return hashlib.sha1("\n".join([code, extra, *parts]).encode("utf-8")).hexdigest()[:16]


class Rule:
    """Base of every rule. Subclasses set :attr:`info` and implement :meth:`check`.

    A rule that reads only ``ctx.comparisons`` (each finding about pairs from
    one key's block) sets :attr:`per_comparison`: the checker then streams
    comparisons to it in chunks of whole blocks instead of holding them all.
    """

    info: ClassVar[RuleInfo]
    per_comparison: ClassVar[bool] = False
    #: For :class:`FigureRule` and :class:`ComparisonRule`: write each finding's message (and
    #: explanation) only when it is first read. Set it only where ``message`` cannot fail and reads
    #: nothing but its argument -- the built-in rules do; a failure would otherwise surface late.
    defer_text: ClassVar[bool] = False

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        """Yield findings for ``ctx``."""
        raise NotImplementedError

    def finding(
        self,
        message: str,
        claims: Sequence[Claim],
        *,
        explanation: str = "",
        relation: Relation | None = None,
        severity: Severity | None = None,
        span: Span | None = None,
        path: str | None = None,
        key: str = "",
    ) -> Finding:
        """A finding of this rule about ``claims``, located at the first claim unless told."""
        first = claims[0] if claims else None
        # Built without re-validation: every field comes from validated records (and this is a hot path).
        return Finding.trusted(
            code=self.info.code,
            name=self.info.name,
            severity=severity or self.info.severity,
            message=message,
            explanation=explanation,
            relation=relation,
            claims=list(claims),
            fingerprint=fingerprint(self.info.code, claims, key),
            path=path if path is not None else (first.path if first else None),
            span=span if span is not None else (first.span if first else None),
        )


class FigureRule(Rule):
    """A rule that judges each figure of a checked document on its own.

    Only figures with a known measure are judged, and headings are skipped;
    subclasses say which figures to flag and how.
    """

    def flags(self, claim: QuantityClaim) -> bool:
        """Whether ``claim`` is reported."""
        raise NotImplementedError

    def message(self, claim: QuantityClaim) -> str:
        """One line for the finding."""
        raise NotImplementedError

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        if not self.defer_text:
            for c in ctx.quantity_claims:
                if c.measure and not c.heading and ctx.involves_draft((c,)) and self.flags(c):
                    yield self.finding(self.message(c), [c])
            return
        info = self.info
        drafts = ctx.drafts
        for c in ctx.quantity_claims:
            if c.measure and not c.heading and (not drafts or c.doc_id in drafts) and self.flags(c):
                # The message and claims list are written when first read: a check of a million
                # figures keeps hundreds of thousands of these findings and prints few of them.
                yield Finding.deferred(
                    (_figure_text, self, c), ("message", "claims"),
                    code=info.code, name=info.name, severity=info.severity,
                    fingerprint=fingerprint(info.code, (c,)), path=c.path, span=c.span,
                )


def _figure_text(rule: FigureRule, claim: QuantityClaim) -> dict:
    return {"message": rule.message(claim), "claims": [claim]}


class ComparisonRule(Rule):
    """A rule that reports comparisons of one relation (and optionally one detail)."""

    per_comparison = True

    relation: ClassVar[Relation]
    details: ClassVar[frozenset[str | None] | None] = None  # None: any detail

    def wanted(self, comparison: Comparison) -> bool:
        """Whether this rule reports ``comparison``."""
        if comparison.relation is not self.relation:
            return False
        return self.details is None or comparison.detail in self.details

    def message(self, comparison: Comparison) -> str:
        """One line for the finding."""
        return comparison.explanation.split(": ", 1)[0]

    def severity_for(self, comparison: Comparison) -> Severity | None:
        """Severity of one finding (default: the rule's)."""
        return None

    def _eager_check(self, ctx: CheckContext) -> Iterable[Finding]:
        for comp in ctx.comparisons:
            if not self.wanted(comp) or not ctx.involves_draft((comp.a, comp.b)):
                continue
            a, b = (comp.a, comp.b) if (not ctx.drafts or comp.a.doc_id in ctx.drafts) else (comp.b, comp.a)
            yield self.finding(self.message(comp), [a, b], explanation=comp.explanation, relation=comp.relation,
                               severity=self.severity_for(comp))

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        if not self.defer_text:
            yield from self._eager_check(ctx)
            return
        info = self.info
        drafts = ctx.drafts
        for comp in ctx.comparisons:
            if not self.wanted(comp):
                continue
            first, second = comp.a, comp.b
            if drafts and first.doc_id not in drafts and second.doc_id not in drafts:
                continue
            # Locate the finding in a draft when there is one.
            swapped = bool(drafts) and first.doc_id not in drafts
            a, b = (second, first) if swapped else (first, second)
            # Message, explanation and claims are written when first read (most findings of a big
            # check never are). A comparison made by compare() is made again then rather than kept
            # alive -- it is a pure function of the two claims; any other comparison is kept.
            fill = comp.__dict__.get("_fill")
            kept = None if fill is not None and fill[0] is _reason else comp
            yield Finding.deferred(
                (_comparison_text, self, first, second, swapped, kept), ("message", "explanation", "claims"),
                code=info.code, name=info.name, severity=self.severity_for(comp) or info.severity,
                relation=comp.relation, fingerprint=fingerprint(info.code, (a, b)), path=a.path, span=a.span,
            )


def _comparison_text(rule: ComparisonRule, first: QuantityClaim, second: QuantityClaim, swapped: bool,
                     comp: Comparison | None) -> dict:
    if comp is None:
        comp = compare(first, second)
    return {"message": rule.message(comp), "explanation": comp.explanation,
            "claims": [second, first] if swapped else [first, second]}
