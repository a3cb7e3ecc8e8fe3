"""The report as one JSON object, for programs.

Keys come in a fixed order and findings are sorted (path, offset, code), so the
same input always gives byte-identical output. Figures are JSON numbers
(exact decimals as written), dates ISO strings, unknowns ``null``.

>>> import json
>>> from factcheck.models import Report
>>> json.loads(render(Report()))["summary"]["findings"]
0
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from factcheck.models import ClaimBase, Finding, QuantityClaim, Report, RuleInfo
from factcheck.report import Location, Locator, sorted_findings, summarize


def _location(loc: Location) -> dict[str, Any]:
    return {
        "path": loc.path,
        "span": {"start": loc.span.start, "end": loc.span.end} if loc.span else None,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
    }


def claim_json(claim: ClaimBase, locator: Locator) -> dict[str, Any]:
    """One claim as the JSON report shows it (``quote`` is its sentence).

    >>> from factcheck.models import Quantity, QuantityClaim, Span
    >>> c = QuantityClaim(doc_id="d", path="a.txt", span=Span(start=0, end=2), text="70",
    ...                   sentence="70 firms.", sentence_span=Span(start=0, end=9),
    ...                   quantity=Quantity(value=70))
    >>> d = claim_json(c, Locator({"a.txt": "70 firms."}))
    >>> d["line"], d["column"], d["value"]["value"], d["time"]
    (1, 1, 70, {'start': None, 'end': None, 'text': ''})
    """
    loc = locator.claim(claim)
    value = claim.quantity.model_dump(mode="json") if isinstance(claim, QuantityClaim) else None
    time = claim.time
    return {
        "kind": getattr(claim, "kind", None),
        "path": loc.path,
        "span": {"start": claim.span.start, "end": claim.span.end},
        "line": loc.line,
        "column": loc.column,
        "quote": claim.sentence,
        "text": claim.text,
        "value": value,
        "time": {
            "start": time.start.isoformat() if time.start else None,
            "end": time.end.isoformat() if time.end else None,
            "text": time.text,
        },
        "source": claim.source,
        "published": claim.published.isoformat() if claim.published else None,
    }


def finding_json(finding: Finding, locator: Locator) -> dict[str, Any]:
    """One finding as the JSON report shows it, its primary location included.

    >>> from factcheck.models import Finding, Severity
    >>> f = Finding(code="FC1", name="x", severity=Severity.INFO, message="m")
    >>> list(finding_json(f, Locator()))[:4]
    ['code', 'name', 'severity', 'relation']
    """
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "relation": finding.relation.value if finding.relation else None,
        "message": finding.message,
        "explanation": finding.explanation,
        "fingerprint": finding.fingerprint,
        "location": _location(locator.finding(finding)),
        "claims": [claim_json(c, locator) for c in finding.claims],
    }


def render(
    report: Report,
    rules: Sequence[RuleInfo] = (),
    texts: Mapping[str, str] | None = None,
) -> str:
    """The report as indented JSON text ending in a newline.

    >>> from factcheck.models import Report
    >>> json.loads(render(Report()))  # doctest: +NORMALIZE_WHITESPACE
    {'findings': [], 'summary': {'findings': 0, 'errors': 0, 'warnings': 0, 'infos': 0,
                                 'by_code': {}, 'documents': 0, 'claims': 0}}
    """
    locator = Locator(texts)
    payload = {
        "findings": [finding_json(f, locator) for f in sorted_findings(report)],
        "summary": asdict(summarize(report)),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
