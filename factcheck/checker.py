"""The check pipeline: documents -> claims -> comparisons -> rules -> report.

>>> from factcheck.documents import load_document
>>> a = load_document("a.md", text="Kimi had 60 million users on 1 May 2024.", published="2024-05-02")
>>> b = load_document("b.md", text="Kimi had 90 million users on 1 May 2024.", published="2024-05-03")
>>> [f.code for f in check([a, b]).findings if f.severity.value == "error"]
['FC101']
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Sequence
from contextlib import contextmanager

from factcheck._gc import gc_paused
from factcheck.claims import extract_claims
from factcheck.compare import compare_blocks
from factcheck.config import code_selected
from factcheck.documents import find_suppressions
from factcheck.mentions.entities import Gazetteer
from factcheck.models import (
    Claim, Document, DocumentInfo, EventClaim, Finding, MembershipClaim, QuantityClaim, Relation, Report, RoleClaim,
    RoundClaim, Severity,
)
from factcheck.rules import RULE_ERROR, UNUSED_SUPPRESSION, CheckContext, Rule, builtin_rules, fingerprint

#: Seconds one rule may run on one call before it is stopped and reported (main thread, POSIX only).
RULE_TIME_LIMIT = 60
#: How many comparisons (whole blocks) are handed to comparison rules at a time.
COMPARISON_CHUNK = 20_000


#: Claim records a report can take as they are (anything else is validated into one).
_CLAIM_TYPES = (QuantityClaim, RoleClaim, EventClaim, MembershipClaim, RoundClaim)


class _RuleTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: int):
    """Stop a runaway rule with SIGALRM where that is possible (POSIX main thread)."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def _raise(signum, frame):  # pragma: no cover - timing dependent
        raise _RuleTimeout()

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_rules(rules: Sequence[Rule], ctx: CheckContext, *, time_limit: int = RULE_TIME_LIMIT) -> list[Finding]:
    """Run each rule; a rule that raises or runs too long becomes an FC001 finding, the rest go on."""
    findings: list[Finding] = []
    for rule in rules:
        try:
            with _time_limit(time_limit):
                findings.extend(rule.check(ctx))
        except _RuleTimeout:
            findings.append(_rule_error(rule, f"ran longer than {time_limit} s and was stopped"))
        except Exception as exc:  # noqa: BLE001 - any failure of a user rule is reported, not raised
            findings.append(_rule_error(rule, f"{type(exc).__name__}: {exc}"))
    return findings


def _rule_error(rule: Rule, what: str) -> Finding:
    code = getattr(getattr(rule, "info", None), "code", type(rule).__name__)
    return Finding(
        code=RULE_ERROR.code, name=RULE_ERROR.name, severity=RULE_ERROR.severity,
        message=f"rule {code} failed: {what}",
        explanation="The rule's findings are missing from this report; the other rules ran.",
        fingerprint=fingerprint(RULE_ERROR.code, [], code),
    )


def check(
    documents: Sequence[Document],
    against: Sequence[Document] = (),
    *,
    rules: Sequence[Rule] | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
    claims: Iterable[Claim] | None = None,
) -> Report:
    """Check ``documents`` against each other and themselves, or against ``against``.

    With sources given, only findings that involve a checked document are
    reported (sources are not checked against each other). ``claims`` may
    supply claims already extracted (e.g. from a ledger) instead of reading
    them again. User rules resolve entity names with ``gazetteer`` when one is
    given (so a user's aliases apply to them too).
    """
    from factcheck.rules.kinds._common import active_gazetteer, using_gazetteer

    with gc_paused(), using_gazetteer(gazetteer or active_gazetteer()):
        return _check(documents, against, rules=rules, select=select, ignore=ignore, gazetteer=gazetteer,
                      claims=claims)


def _check(
    documents: Sequence[Document],
    against: Sequence[Document],
    *,
    rules: Sequence[Rule] | None,
    select: Sequence[str],
    ignore: Sequence[str],
    gazetteer: Gazetteer | None,
    claims: Iterable[Claim] | None,
) -> Report:
    rules = list(rules) if rules is not None else builtin_rules()
    drafts = frozenset(d.id for d in documents)
    all_docs = [*documents, *[d for d in against if d.id not in drafts]]
    if claims is None:
        all_claims: list[Claim] = []
        for doc in all_docs:
            all_claims.extend(extract_claims(doc, gazetteer=gazetteer))
    else:
        all_claims = list(claims)
    only_drafts = bool(against)

    def pair_filter(a: Claim, b: Claim) -> bool:
        return not only_drafts or a.doc_id in drafts or b.doc_id in drafts

    drafts_seen = drafts if only_drafts else frozenset()
    streamed = [r for r in rules if getattr(r, "per_comparison", False)]
    whole = [r for r in rules if not getattr(r, "per_comparison", False)]
    relations: dict[str, int] = {}
    findings: list[Finding] = []
    chunk: list = []

    def flush() -> None:
        ctx = CheckContext(documents=all_docs, claims=all_claims, comparisons=chunk, drafts=drafts_seen)
        findings.extend(run_rules(streamed, ctx))
        chunk.clear()

    # Comparisons are made block by block and handed to the rules that read them in chunks of whole
    # blocks, so a million claims never hold their two million comparisons in memory at once.
    for block in compare_blocks(all_claims, pair_filter=pair_filter):
        for comp in block:
            relations[comp.relation._value_] = relations.get(comp.relation._value_, 0) + 1
            if comp.relation is not Relation.CONSISTENT:  # no rule reports agreement; keep memory for the rest
                chunk.append(comp)
        if len(chunk) >= COMPARISON_CHUNK:
            flush()
    if chunk:
        flush()
    ctx = CheckContext(documents=all_docs, claims=all_claims, comparisons=(), drafts=drafts_seen)
    findings.extend(run_rules(whole, ctx))
    del ctx  # and the groupings of claims the rules made on it
    if select or ignore:
        chosen: dict[str, bool] = {}  # one decision per code, not per finding

        def keep(code: str) -> bool:
            hit = chosen.get(code)
            if hit is None:
                hit = chosen[code] = code_selected(code, select, ignore)
            return hit

        findings = [f for f in findings if keep(f.code)]
    findings = _apply_suppressions(findings, documents, select, ignore)
    findings = _dedupe(findings)
    _sort(findings)
    per_doc: dict[str, int] = {}
    for c in all_claims:
        per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
    stats = {
        "documents": len(all_docs),
        "claims": len(all_claims),
        "comparisons": sum(relations.values()),
        "findings": len(findings),
        "by_relation": dict(sorted(relations.items())),
        "by_severity": _count(f.severity._value_ for f in findings),
    }
    infos = [DocumentInfo(id=d.id, path=d.path, source=d.source, published=d.published, title=d.title,
                          claims=per_doc.get(d.id, 0)) for d in all_docs]
    if all(type(c) in _CLAIM_TYPES for c in all_claims):
        # Every part is a validated record already; validating a million of them again is slow.
        return Report.trusted(documents=infos, claims=all_claims, findings=findings, stats=stats)
    return Report(documents=infos, claims=all_claims, findings=findings, stats=stats)


def _sort(findings: list[Finding]) -> None:
    """Order findings by path, offset, code and fingerprint, in place.

    Stable sorts from the last key to the first give the order one sort on a tuple key would,
    without a tuple per finding (a million findings would hold ~100 MB of keys at once).
    """
    findings.sort(key=lambda f: f.fingerprint)
    findings.sort(key=lambda f: f.code)
    findings.sort(key=lambda f: f.span.start if f.span else -1)
    findings.sort(key=lambda f: f.path or "")


def _count(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """The first finding of each (code, fingerprint), in order.

    Keyed on the fingerprint alone (a string each finding holds anyway) with the codes seen
    under it, instead of a new tuple per finding.
    """
    seen: dict[str, str | set[str]] = {}
    out = []
    for f in findings:
        codes = seen.get(f.fingerprint)
        if codes is None:
            seen[f.fingerprint] = f.code
        elif codes == f.code or (isinstance(codes, set) and f.code in codes):
            continue
        else:
            seen[f.fingerprint] = (codes if isinstance(codes, set) else {codes}) | {f.code}
        out.append(f)
    return out


def _apply_suppressions(findings: list[Finding], documents: Sequence[Document], select, ignore) -> list[Finding]:
    """Drop findings inside ``<!-- factcheck: disable CODE -->`` ranges; report unused ones."""
    kept: list[Finding] = []
    by_path: dict[str | None, list] = {}
    docs_by_path = {d.path: d for d in documents}
    for doc in documents:
        sups = find_suppressions(doc)
        if sups:
            by_path[doc.path] = [(s, [False]) for s in sups]
    for f in findings:
        suppressed = False
        for s, used in by_path.get(f.path, ()):
            if f.span is not None and s.covers(f.code, f.span):
                used[0] = True
                suppressed = True
        if not suppressed:
            kept.append(f)
    if code_selected(UNUSED_SUPPRESSION.code, select, ignore):
        for path, sups in by_path.items():
            for s, used in sups:
                if not used[0]:
                    doc = docs_by_path[path]
                    kept.append(Finding(
                        code=UNUSED_SUPPRESSION.code, name=UNUSED_SUPPRESSION.name, severity=Severity.WARNING,
                        message=f"suppression of {', '.join(s.codes)} suppresses nothing",
                        explanation=f"Reason given: {s.reason}" if s.reason else "",
                        path=path, span=s.span,
                        fingerprint=fingerprint(UNUSED_SUPPRESSION.code, [], f"{doc.id}:{','.join(s.codes)}:{s.reason}"),
                    ))
    return kept

