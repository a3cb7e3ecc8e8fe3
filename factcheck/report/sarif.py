"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps) ingest.

One run; the driver lists a reporting descriptor per rule; each result points
at its finding's primary location, with the other claims as related locations
and the fingerprint as a partial fingerprint so alerts survive edits that move
text. Columns are Unicode code points, which the run declares.

>>> import json
>>> from factcheck.models import Report
>>> log = json.loads(render(Report()))
>>> log["version"], log["runs"][0]["columnKind"]
('2.1.0', 'unicodeCodePoints')
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import PurePath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from factcheck.models import ClaimBase, Finding, Report, RuleInfo, Severity
from factcheck.report import Location, Locator, provenance, sorted_findings

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"

# SARIF has no "info" level; "note" is its equivalent.
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def tool_version() -> str:
    """The installed factcheck version, or ``"0.0.0"`` when running from a bare checkout.

    >>> tool_version().count(".") >= 2
    True
    """
    try:
        return metadata.version("factcheck")
    except metadata.PackageNotFoundError:
        return "0.0.0"


def artifact_uri(path: str) -> str:
    """A path as a SARIF URI: relative paths stay relative (slashes, percent-encoded).

    >>> artifact_uri("news/draft one.md"), artifact_uri("a\\\\b.txt")
    ('news/draft%20one.md', 'a/b.txt')
    """
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    if "\\" in path:  # a Windows relative path
        path = PureWindowsPath(path).as_posix()
    return quote(path, safe="/")


def _descriptor(rule: RuleInfo) -> dict[str, Any]:
    help_text = rule.description or rule.summary
    if rule.example:
        help_text += f"\n\nExample:\n{rule.example}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description or rule.summary},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _rules_for(report: Report, rules: Sequence[RuleInfo]) -> list[RuleInfo]:
    """The given rules, plus a stand-in for any code a finding has but no rule documents."""
    known = {r.code for r in rules}
    out = list(rules)
    for finding in sorted_findings(report):
        if finding.code not in known:
            known.add(finding.code)
            out.append(
                RuleInfo(
                    code=finding.code,
                    name=finding.name,
                    severity=finding.severity,
                    summary=finding.name,
                )
            )
    return out


def _physical(loc: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(loc.path or "")}}
    if loc.span is not None:
        region: dict[str, Any] = {}
        if loc.line is not None:
            region.update(
                startLine=loc.line,
                startColumn=loc.column,
                endLine=loc.end_line,
                endColumn=loc.end_column,
            )
        region.update(charOffset=loc.span.start, charLength=loc.span.end - loc.span.start)
        physical["region"] = region
    return physical


def _related(index: int, claim: ClaimBase, loc: Location) -> dict[str, Any]:
    said = provenance(claim)
    text = f'"{" ".join(claim.sentence.split())}"' + (f" ({said})" if said else "")
    related: dict[str, Any] = {"id": index, "message": {"text": text}}
    if loc.path is not None:
        related["physicalLocation"] = _physical(loc)
    return related


def _result(finding: Finding, rule_index: int, locator: Locator) -> dict[str, Any]:
    text = finding.message
    if finding.explanation:
        text += "\n\n" + finding.explanation
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
    }
    primary = locator.finding(finding)
    if primary.path is not None:
        result["locations"] = [{"physicalLocation": _physical(primary)}]
    others = locator.others(finding)
    if others:
        result["relatedLocations"] = [
            _related(i, claim, loc) for i, (claim, loc) in enumerate(others, start=1)
        ]
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.relation is not None:
        result["properties"] = {"relation": finding.relation.value}
    return result


def sarif_log(
    report: Report,
    rules: Sequence[RuleInfo] = (),
    texts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The report as a SARIF log (a plain dict, ready for ``json.dumps``).

    >>> from factcheck.models import Finding, Report, Severity
    >>> f = Finding(code="FC9", name="odd", severity=Severity.INFO, message="m", path="a.txt")
    >>> run = sarif_log(Report(findings=[f]))["runs"][0]
    >>> run["tool"]["driver"]["rules"][0]["id"], run["results"][0]["level"]
    ('FC9', 'note')
    """
    all_rules = _rules_for(report, rules)
    index = {}
    for i, rule in enumerate(all_rules):
        index.setdefault(rule.code, i)
    locator = Locator(texts)
    driver = {
        "name": "factcheck",
        "version": tool_version(),
        "rules": [_descriptor(r) for r in all_rules],
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.code], locator) for f in sorted_findings(report)],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(
    report: Report,
    rules: Sequence[RuleInfo] = (),
    texts: Mapping[str, str] | None = None,
) -> str:
    """The SARIF log as indented JSON text.

    >>> from factcheck.models import Report
    >>> '"version": "2.1.0"' in render(Report())
    True
    """
    return json.dumps(sarif_log(report, rules, texts), indent=2, ensure_ascii=False) + "\n"
