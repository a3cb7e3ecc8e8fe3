"""Run rules on example texts and explain, in plain words, any example that fails.

A *case* is one example: documents, the rules under test, and whether they
must flag it (optionally with which codes and at which figure) or pass it.
Rule files' ``examples``, ``*.ruletest.yaml`` files, :class:`RuleTester`,
the pytest plugin and ``factcheck rules test`` all run cases through
:func:`run_case`, so they agree on what passes.

>>> from factcheck.rules.kinds import build_rule
>>> rule = build_rule({"code": "NEWS1", "name": "share-range", "kind": "range",
...                    "measure": "share", "unit": "percent", "min": 0, "max": 100})
>>> tester = RuleTester(rule, published="2024-05-01")
>>> tester.valid("In 2023 Baidu held a 60 per cent share of the market.")
>>> [f.code for f in tester.invalid("In 2023 Baidu held a 160 per cent share of the market.", matched="160 per cent")]
['NEWS1']
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.errors import FactcheckError, RuleError
from factcheck.models import Claim, Finding, QuantityClaim, Report
from factcheck.rules import RULE_ERROR
from factcheck.rules.base import Rule

__all__ = ["CaseResult", "Doc", "RuleCase", "RuleTestFailure", "RuleTester", "assert_findings", "collect_cases",
           "run_case", "run_documents"]

#: Seconds one rule may run on one example before it is stopped and reported.
TIME_LIMIT = 10


class RuleTestFailure(AssertionError):
    """An example did not behave as its rule file says; the message explains why."""


@dataclass(frozen=True)
class Doc:
    """One document of an example."""

    label: str
    text: str
    published: date | None = None
    source: str | None = None


@dataclass(frozen=True)
class RuleCase:
    """One example: documents, the rules under test and what they must do with it."""

    name: str
    rules: tuple[Rule, ...]
    docs: tuple[Doc, ...]
    flag: bool
    codes: tuple[str, ...] | None = None  # flag: codes expected (None: any code of the rules)
    matched: str | None = None  # flag: the figure (or name) the finding must point at
    path: str | None = None
    line: int | None = None

    @property
    def where(self) -> str:
        """``file:line`` of the example, when known."""
        if self.path and self.line:
            return f"{self.path}:{self.line}"
        return self.path or ""


@dataclass
class CaseResult:
    """What happened to one case."""

    case: RuleCase
    passed: bool
    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    explanation: str = ""


# -- running ------------------------------------------------------------------------------


def run_documents(rules: Sequence[Rule], docs: Sequence[Doc], *, time_limit: int = TIME_LIMIT) -> tuple[list[Claim], list[Finding]]:
    """Read ``docs``, compare their figures and run ``rules``: the claims and the findings.

    A rule that raises or runs longer than ``time_limit`` seconds gives an FC001 finding.
    """
    from factcheck.checker import run_rules
    from factcheck.claims import extract_claims
    from factcheck.compare import compare_all
    from factcheck.documents import load_document
    from factcheck.rules.base import CheckContext

    documents = [load_document(d.label, text=d.text, published=d.published, source=d.source, doc_id=d.label)
                 for d in docs]
    claims: list[Claim] = [c for doc in documents for c in extract_claims(doc)]
    ctx = CheckContext(documents=documents, claims=claims, comparisons=list(compare_all(claims)))
    seen: set[tuple[str, str]] = set()
    findings = []
    for f in run_rules(rules, ctx, time_limit=time_limit):
        if (f.code, f.fingerprint) not in seen:
            seen.add((f.code, f.fingerprint))
            findings.append(f)
    return claims, findings


def _matched_text(f: Finding, texts: Mapping[str, str]) -> list[str]:
    """What a finding points at: its span's text and its claims' texts."""
    out = [c.text for c in f.claims]
    if f.span is not None and f.path in texts:
        out.insert(0, texts[f.path][f.span.start:f.span.end])
    return out


def _matches(f: Finding, matched: str, texts: Mapping[str, str], *, loose: bool = False) -> bool:
    """Whether a finding points at ``matched`` (``loose``: or its message mentions it)."""
    want = " ".join(matched.split())
    return any(" ".join(t.split()) == want for t in _matched_text(f, texts)) or (loose and want in f.message)


def run_case(case: RuleCase, *, time_limit: int = TIME_LIMIT) -> CaseResult:
    """Run one case and judge it; a failed case carries a readable explanation."""
    try:
        claims, findings = run_documents(case.rules, case.docs, time_limit=time_limit)
    except FactcheckError as exc:
        return CaseResult(case, False, explanation=_header(case) + f"\n  the example could not be read: {exc}")
    codes = {r.info.code for r in case.rules}
    relevant = [f for f in findings if f.code in codes or f.code == RULE_ERROR.code]
    texts = {d.label: d.text for d in case.docs}
    errors = [f for f in relevant if f.code == RULE_ERROR.code and RULE_ERROR.code not in (case.codes or ())]
    if case.flag:
        wanted = set(case.codes) if case.codes else codes
        hits = [f for f in relevant if f.code in wanted]
        if case.matched is not None:
            hits = [f for f in hits if _matches(f, case.matched, texts)]
        missing = [c for c in (case.codes or ()) if not any(f.code == c for f in hits)]
        ok = bool(hits) and not missing and not errors
    else:
        ok = not relevant
    result = CaseResult(case, ok, relevant, claims)
    if not ok:
        result.explanation = explain(case, relevant, claims)
    return result


# -- explaining -----------------------------------------------------------------------------


def _header(case: RuleCase) -> str:
    where = f" ({case.where})" if case.where else ""
    return f"{case.name} failed{where}"


def _expected(case: RuleCase) -> str:
    if not case.flag:
        return "no finding from " + ", ".join(r.info.code for r in case.rules)
    codes = " or ".join(case.codes or [r.info.code for r in case.rules])
    at = f" at “{case.matched}”" if case.matched is not None else ""
    return f"a {codes} finding{at}"


def describe_claim(claim: Claim) -> str:
    """One line saying what factcheck read from a figure."""
    from factcheck.compare import describe, time_word
    from factcheck.lexicon import LEXICON

    if not isinstance(claim, QuantityClaim):
        return f"“{claim.text}”: a {claim.kind} claim"
    who = claim.subject.name if claim.subject else "no subject found"
    what = LEXICON.label(claim.measure) if claim.measure else "unknown measure"
    scope = f" [{claim.scope}]" if claim.scope else ""
    said = claim.attribution or "none found"
    when = "none found (read as of publication)" if claim.time.as_of_publication else time_word(claim.time)
    return f"“{claim.text}”: {who} — {what}{scope}: {describe(claim.quantity)}; time: {when}; attribution: {said}"


def explain(case: RuleCase, findings: Sequence[Finding], claims: Sequence[Claim]) -> str:
    """Why a case failed: what was expected, what was found, and what factcheck read."""
    lines = [_header(case), f"  expected: {_expected(case)}"]
    if findings:
        lines.append("  found:")
        texts = {d.label: d.text for d in case.docs}
        for f in findings:
            at = _matched_text(f, texts)
            lines.append(f"    {f.code} [{f.severity.value}] {f.message}" + (f"  (at “{at[0]}”)" if at else ""))
    else:
        lines.append("  found:    no finding")
    for d in case.docs:
        when = f", published {d.published.isoformat()}" if d.published else ", no publication date"
        lines.append(f"  text ({d.label}{when}):")
        lines.extend(textwrap.wrap(d.text, 100, initial_indent="    ", subsequent_indent="    ") or ["    (empty)"])
    lines.append("  figures factcheck read:" if claims else "  figures factcheck read: none")
    for c in claims:
        lines.append(f"    {describe_claim(c)}")
        for rule in case.rules:
            why = getattr(rule, "why_not", None)
            reason = why(c) if why is not None else None
            if reason:
                lines.append(f"      {rule.info.code} skips it: {reason}")
    return "\n".join(lines)


# -- collecting cases --------------------------------------------------------------------------


def cases_of(rule: Rule, path: str | None = None) -> list[RuleCase]:
    """The cases of a rule's ``examples`` (rules written in Python have none)."""
    spec = getattr(rule, "spec", None)
    if spec is None:
        return []
    ex = spec.examples
    lines = getattr(rule, "example_lines", {})
    path = path or getattr(getattr(rule, "origin", None), "path", None)
    out = []
    for flag, items in ((True, ex.flag), (False, ex.pass_)):
        word = "flag" if flag else "pass"
        for i, item in enumerate(items, 1):
            docs = tuple(Doc(*d) for d in item.documents(ex.published))
            label = item.name or f"{word} example {i}"
            out.append(RuleCase(
                name=f"{spec.code} {spec.name}: {label}", rules=(rule,), docs=docs, flag=flag,
                codes=tuple(item.codes) if item.codes else None, matched=item.matched, path=path,
                line=lines.get((word, i - 1)),
            ))
    return out


def _ruletest_cases(path: Path) -> tuple[list[RuleCase], list[RuleError]]:
    from factcheck.rules import builtin_rules
    from factcheck.rules.kinds._common import Case, Strict
    from factcheck.rules.loader import _data_path, _read, load_rule_files

    class RuleTestFile(Strict):
        rules: list[str] = []
        published: date | None = None
        valid: list[Case] = []
        invalid: list[Case] = []

    try:
        data, lines = _read(path)
        spec = RuleTestFile.model_validate(data)
    except RuleError as exc:
        return [], [exc]
    except ValidationError as exc:
        err = exc.errors()[0]
        where = _data_path(data, err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        return [], [RuleError(f"{'.'.join(map(str, where)) or 'file'}: {msg}", path=str(path), line=lines.line(where))]
    rules: list[Rule] = []
    errors: list[RuleError] = []
    wanted = [p for p in spec.rules if p != "builtin"]
    if "builtin" in spec.rules:
        rules.extend(builtin_rules())
    if wanted:
        found, errors = load_rule_files([path.parent / p for p in wanted])
        rules.extend(found)
    if not rules:
        errors.append(RuleError("a rule test needs 'rules: [file, ...]' naming the rules it tests", path=str(path),
                                line=lines.line(("rules",)) or 1))
        return [], errors
    out = []
    for flag, items in ((False, spec.valid), (True, spec.invalid)):
        word = "invalid" if flag else "valid"
        for i, item in enumerate(items):
            docs = tuple(Doc(*d) for d in item.documents(spec.published))
            out.append(RuleCase(
                name=f"{path.name}: {item.name or f'{word} {i + 1}'}", rules=tuple(rules), docs=docs, flag=flag,
                codes=tuple(item.codes) if item.codes else None, matched=item.matched, path=str(path),
                line=lines.line((word, i)),
            ))
    return out, errors


def collect_cases(path: str | Path) -> tuple[list[RuleCase], list[RuleError]]:
    """The cases of one file: a rule file's examples, or a ``*.ruletest.yaml``'s valid/invalid lists."""
    from factcheck.rules.loader import TEST_SUFFIXES, load_rule_file

    p = Path(path)
    if p.name.lower().endswith(TEST_SUFFIXES):
        return _ruletest_cases(p)
    rules, errors = load_rule_file(p)
    return [c for r in rules for c in cases_of(r, str(p))], errors


# -- RuleTester ---------------------------------------------------------------------------


def _rules_of(rules: Rule | Iterable[Rule] | str | Path) -> list[Rule]:
    if isinstance(rules, Rule):
        return [rules]
    if isinstance(rules, (str, Path)):
        from factcheck.rules.loader import load_rule_files

        found, errors = load_rule_files([rules])
        if errors:
            raise errors[0]
        return list(found)
    return list(rules)


def _docs(document: str | Mapping[str, Any], published: date | str | None, source: str | None) -> tuple[Doc, ...]:
    from factcheck.rules.kinds._common import Case

    data: Any = {"text": document} if isinstance(document, str) else dict(document)
    if published is not None and "published" not in data:
        data["published"] = published
    if source is not None and "source" not in data:
        data["source"] = source
    return tuple(Doc(*d) for d in Case.model_validate(data).documents())


class RuleTester:
    """Unit-test rules on texts: ``valid(...)`` must pass, ``invalid(...)`` must be flagged.

    ``rules`` is a rule, a list of rules, or a rule file or folder. A failure
    raises :class:`RuleTestFailure` (an ``AssertionError``) that shows the
    text, what factcheck read from each figure and why each rule skipped it.
    """

    def __init__(self, rules: Rule | Iterable[Rule] | str | Path, *, published: date | str | None = None,
                 time_limit: int = TIME_LIMIT) -> None:
        self.rules = tuple(_rules_of(rules))
        self.published = published
        self.time_limit = time_limit

    def _case(self, document, *, flag: bool, codes=None, matched=None, published=None, source=None, name=None) -> RuleCase:
        docs = _docs(document, published if published is not None else self.published, source)
        label = name or ("invalid" if flag else "valid") + " case"
        return RuleCase(name=label, rules=self.rules, docs=docs, flag=flag,
                        codes=tuple(codes) if codes else None, matched=matched)

    def _run(self, case: RuleCase) -> CaseResult:
        result = run_case(case, time_limit=self.time_limit)
        if not result.passed:
            raise RuleTestFailure(result.explanation)
        return result

    def findings(self, document: str | Mapping[str, Any], *, published: date | str | None = None,
                 source: str | None = None) -> list[Finding]:
        """The findings of the rules under test on ``document`` (a text, or file names mapped to texts)."""
        case = self._case(document, flag=False, published=published, source=source)
        return run_documents(self.rules, case.docs, time_limit=self.time_limit)[1]

    def valid(self, document: str | Mapping[str, Any], *, published: date | str | None = None,
              source: str | None = None) -> None:
        """Assert the rules find nothing in ``document``."""
        self._run(self._case(document, flag=False, published=published, source=source))

    def invalid(self, document: str | Mapping[str, Any], *, codes: Iterable[str] | None = None,
                matched: str | None = None, published: date | str | None = None,
                source: str | None = None) -> list[Finding]:
        """Assert the rules flag ``document`` (with ``codes``, at the figure ``matched``); return the findings."""
        return self._run(self._case(document, flag=True, codes=codes, matched=matched, published=published,
                                    source=source)).findings

    def run(self, *, valid: Iterable[Any] = (), invalid: Iterable[Any] = ()) -> None:
        """Check many cases (texts, or mappings with ``text``/files, ``codes``, ``matched``, ``published``);
        one failure lists every case that failed."""
        cases = []
        for flag, items in ((False, valid), (True, invalid)):
            for i, item in enumerate(items, 1):
                opts = {} if isinstance(item, str) else dict(item)
                doc = item if isinstance(item, str) else {k: v for k, v in opts.items() if k not in ("codes", "matched")}
                cases.append(self._case(doc, flag=flag, codes=opts.get("codes"), matched=opts.get("matched"),
                                        name=f"{'invalid' if flag else 'valid'} case {i}"))
        self._fail_on([run_case(c, time_limit=self.time_limit) for c in cases])

    def examples(self) -> int:
        """Run every example written in the rules' files; return how many ran."""
        results = [run_case(c, time_limit=self.time_limit) for r in self.rules for c in cases_of(r)]
        self._fail_on(results)
        return len(results)

    @staticmethod
    def _fail_on(results: Sequence[CaseResult]) -> None:
        failed = [r for r in results if not r.passed]
        if failed:
            head = f"{len(failed)} of {len(results)} rule examples failed\n\n"
            raise RuleTestFailure(head + "\n\n".join(r.explanation for r in failed))


# -- assert_findings -----------------------------------------------------------------------------


def assert_findings(
    report_or_findings: Report | Iterable[Finding],
    codes: Iterable[str] | None = None,
    matched: str | Iterable[str] | None = None,
    *,
    count: int | None = None,
    only: bool = False,
) -> list[Finding]:
    """Assert findings are as expected; return those with the ``codes`` asked for.

    ``codes``: each must occur (``[]`` means: no findings at all); ``only``:
    no other code may occur; ``matched``: each text must be what some of
    those findings point at (a claim's text, or part of the message);
    ``count``: how many findings of those codes.

    >>> from factcheck.models import Finding, Severity
    >>> f = Finding(code="NEWS1", name="x", severity=Severity.ERROR, message="“160 per cent” is over 100")
    >>> len(assert_findings([f], codes=["NEWS1"], matched="160 per cent", count=1))
    1
    >>> assert_findings([f], codes=["NEWS2"])
    Traceback (most recent call last):
    ...
    AssertionError: expected a NEWS2 finding; got:
      NEWS1 [error] “160 per cent” is over 100
    """
    findings = list(report_or_findings.findings if isinstance(report_or_findings, Report) else report_or_findings)

    def listing(fs: Sequence[Finding]) -> str:
        return "\n".join(f"  {f.code} [{f.severity.value}] {f.message}" for f in fs) or "  no findings"

    wanted = list(codes) if codes is not None else None
    if wanted is not None and not wanted:
        if findings:
            raise AssertionError("expected no findings; got:\n" + listing(findings))
        return []
    for code in wanted or ():
        if not any(f.code == code for f in findings):
            raise AssertionError(f"expected a {code} finding; got:\n" + listing(findings))
    chosen = [f for f in findings if wanted is None or f.code in wanted]
    if only and len(chosen) != len(findings):
        raise AssertionError(f"expected only {', '.join(wanted or [])} findings; got:\n" + listing(findings))
    texts = [matched] if isinstance(matched, str) else list(matched or ())
    for text in texts:
        if not any(_matches(f, text, {}, loose=True) for f in chosen):
            raise AssertionError(f"expected a finding at “{text}”; got:\n" + listing(chosen))
    if count is not None and len(chosen) != count:
        raise AssertionError(f"expected {count} finding(s); got {len(chosen)}:\n" + listing(chosen))
    return chosen
