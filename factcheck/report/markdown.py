"""A pull-request comment: a count line, a table of findings, then one folded section each.

Each section (``<details>``) holds the explanation and the quoted sentences with
their sources and dates. Text from documents and messages is escaped so a
stray ``|``, ``*`` or ``<`` cannot break the table or the layout.

>>> from factcheck.models import Report
>>> print(render(Report()), end="")
### factcheck
<BLANKLINE>
0 findings (0 errors, 0 warnings, 0 info) in 0 documents
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from factcheck.models import Finding, Report, RuleInfo
from factcheck.report import Location, Locator, provenance, sorted_findings, summarize

# Characters that mean something inline in GitHub Markdown (CommonMark lets any
# ASCII punctuation be backslash-escaped, so escaping a few too many is harmless).
_ACTIVE = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>&|~#"})
# A leading list or heading marker would turn a quoted line into a list item.
_LEADING = re.compile(r"^([-+=]|\d+[.)])(?=\s|$)")


def escape(text: str) -> str:
    """Text safe to place in a table cell or a quote: one line, markup escaped.

    >>> escape("a | b *c*\\nd")
    'a \\\\| b \\\\*c\\\\* d'
    """
    one_line = " ".join(text.split())
    escaped = one_line.translate(_ACTIVE)
    return _LEADING.sub(lambda m: "\\" + m.group(0), escaped)


def _where(loc: Location) -> str:
    """``path:line`` for the table (the column adds little on a review page)."""
    path = loc.path or "<unknown>"
    return f"{path}:{loc.line}" if loc.line is not None else path


def _code_span(text: str) -> str:
    # A code span keeps paths literal; only the pipe still needs escaping (table cells).
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`"


def _details(finding: Finding, locator: Locator) -> list[str]:
    where = _where(locator.finding(finding))
    summary = html.escape(f"{finding.code} {finding.name} — {where}")
    lines = ["<details>", f"<summary>{summary}</summary>", ""]
    if finding.explanation:
        lines += [escape(p) for p in finding.explanation.split("\n\n") if p.strip()]
        lines.append("")
    for claim in finding.claims:
        loc = locator.claim(claim)
        said = provenance(claim)
        lines.append(f"> {escape(claim.sentence)}")
        lines.append(">")
        lines.append(f"> — {escape(said) + ' · ' if said else ''}{_code_span(loc.label())}")
        lines.append("")
    lines.append("</details>")
    return lines


def render(
    report: Report,
    rules: Sequence[RuleInfo] = (),
    texts: Mapping[str, str] | None = None,
) -> str:
    """The report as GitHub-flavoured Markdown.

    >>> from factcheck.models import Finding, Report, Severity
    >>> f = Finding(code="FC1", name="x", severity=Severity.INFO, message="a|b", path="p.md")
    >>> [line for line in render(Report(findings=[f])).splitlines() if line.startswith("| info")]
    ['| info | FC1 x | `p.md` | a\\\\|b |']
    """
    locator = Locator(texts)
    findings = sorted_findings(report)
    lines = ["### factcheck", "", summarize(report).sentence()]
    if findings:
        lines += ["", "| Severity | Code | Location | Message |", "| --- | --- | --- | --- |"]
        for f in findings:
            cells = [
                f.severity.value,
                escape(f"{f.code} {f.name}"),
                _code_span(_where(locator.finding(f))),
                escape(f.message),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        for f in findings:
            if f.explanation or f.claims:  # nothing to unfold otherwise
                lines += [""] + _details(f, locator)
    return "\n".join(lines) + "\n"
