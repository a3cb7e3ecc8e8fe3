"""Render a :class:`~factcheck.models.Report` for people and machines; decide the exit code.

Formats: ``text`` (a linter-style terminal listing), ``json``, ``sarif``
(2.1.0, for code scanning), ``github`` (workflow-command annotations) and
``markdown`` (a pull-request comment). Offsets in the records are code points;
renderers turn them into 1-based line/column with :func:`line_col`, given the
documents' texts.

>>> from factcheck.models import Report
>>> render(Report(), "text")
'0 findings (0 errors, 0 warnings, 0 info) in 0 documents\\n'
>>> exit_code(Report())
0
"""

from __future__ import annotations

import importlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from factcheck.errors import UsageError
from factcheck.models import ClaimBase, Finding, Report, RuleInfo, Severity, Span

__all__ = [
    "FORMATS",
    "LineIndex",
    "Location",
    "Locator",
    "Summary",
    "exit_code",
    "line_col",
    "provenance",
    "render",
    "sorted_findings",
    "summarize",
]

#: Output formats :func:`render` knows, each a module of this package.
FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github", "markdown")

# Format name -> module (json's module is not called json, to keep the stdlib's name free).
_MODULES = {
    "text": "text",
    "json": "jsonfmt",
    "sarif": "sarif",
    "github": "github",
    "markdown": "markdown",
}


class LineIndex:
    """Line starts of one text, so offset -> (line, column) is a binary search.

    Only ``"\\n"`` ends a line; in ``"\\r\\n"`` the ``"\\r"`` is simply the last
    character of its line, so the pair counts as one break.

    >>> idx = LineIndex("ab\\r\\ncd\\nef")
    >>> idx.line_col(0), idx.line_col(4), idx.line_col(8)
    ((1, 1), (2, 1), (3, 2))
    """

    __slots__ = ("length", "starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:  # str.find runs in C: linear overall, fast on megabyte texts
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts: list[int] = starts
        self.length = len(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column in code points) of ``offset``, clamped to the text."""
        offset = min(max(offset, 0), self.length)
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


@lru_cache(maxsize=16)
def _index(text: str) -> LineIndex:
    return LineIndex(text)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in Unicode code points) of a 0-based offset.

    ``"\\n"`` breaks lines and ``"\\r\\n"`` counts as one break. Offsets outside
    the text are clamped to it. Repeated calls on the same text reuse its index.

    >>> line_col("héllo\\n🙂 wörld", 9)
    (2, 4)
    >>> line_col("a\\r\\nb", 3)
    (2, 1)
    """
    return _index(text).line_col(offset)


@dataclass(frozen=True)
class Location:
    """Where something is: path, span, and 1-based line/column when the text is known.

    ``end_line``/``end_column`` point just past the last character (SARIF's
    convention); all four are None when the document's text was not given.
    """

    path: str | None
    span: Span | None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None

    def label(self) -> str:
        """``path:line:col`` as far as known, e.g. ``draft.md:3:14``."""
        parts = [self.path or "<unknown>"]
        if self.line is not None:
            parts += [str(self.line), str(self.column)]
        return ":".join(parts)


class Locator:
    """Turns (path, span) into :class:`Location`, indexing each text once.

    >>> loc = Locator({"a.txt": "one\\ntwo three"}).locate("a.txt", Span(start=8, end=13))
    >>> (loc.line, loc.column, loc.end_line, loc.end_column)
    (2, 5, 2, 10)
    """

    def __init__(self, texts: Mapping[str, str] | None = None) -> None:
        self._texts = texts or {}
        self._indexes: dict[str, LineIndex] = {}

    def _index(self, path: str | None) -> LineIndex | None:
        if path is None or path not in self._texts:
            return None
        if path not in self._indexes:
            self._indexes[path] = LineIndex(self._texts[path])
        return self._indexes[path]

    def locate(self, path: str | None, span: Span | None) -> Location:
        """The location of ``span`` in the document ``path``."""
        index = self._index(path)
        if span is None or index is None:
            return Location(path, span)
        line, col = index.line_col(span.start)
        end_line, end_col = index.line_col(span.end)
        return Location(path, span, line, col, end_line, end_col)

    def claim(self, claim: ClaimBase) -> Location:
        """Where a claim's surface form is (its path, else its document id)."""
        return self.locate(claim.path or claim.doc_id, claim.span)

    def finding(self, finding: Finding) -> Location:
        """A finding's primary location: its own path/span, else its first claim's."""
        first = finding.claims[0] if finding.claims else None
        first_path = (first.path or first.doc_id) if first is not None else None
        path = finding.path or first_path
        span = finding.span
        if span is None and first is not None and path == first_path:
            span = first.span
        return self.locate(path, span)

    def others(self, finding: Finding) -> list[tuple[ClaimBase, Location]]:
        """The finding's claims other than the one at its primary location."""
        primary = self.finding(finding)
        out: list[tuple[ClaimBase, Location]] = []
        for claim in finding.claims:
            loc = self.claim(claim)
            if (loc.path, loc.span) != (primary.path, primary.span):
                out.append((claim, loc))
        return out


def provenance(claim: ClaimBase) -> str:
    """Who said it and when, for quoting: ``"Reuters, 2024-01-29"`` (empty if unknown).

    >>> from datetime import date
    >>> from factcheck.models import EventClaim, Span
    >>> c = EventClaim(doc_id="d", span=Span(start=0, end=1), text="x", sentence="x.",
    ...                sentence_span=Span(start=0, end=2), participants=[], event="e",
    ...                source="Reuters", published=date(2024, 1, 29))
    >>> provenance(c)
    'Reuters, 2024-01-29'
    """
    parts = [claim.source or "", claim.published.isoformat() if claim.published else ""]
    return ", ".join(p for p in parts if p)


def _sort_key(finding: Finding) -> tuple[str, int, str, str, str]:
    loc = Locator().finding(finding)
    start = loc.span.start if loc.span is not None else -1
    return (loc.path or "", start, finding.code, finding.fingerprint, finding.message)


def sorted_findings(report: Report) -> list[Finding]:
    """The report's findings in output order: by path, then start offset, then code.

    >>> from factcheck.models import Finding, Report, Severity
    >>> f = lambda c, p: Finding(code=c, name="x", severity=Severity.INFO, message="m", path=p)
    >>> [x.code for x in sorted_findings(Report(findings=[f("FC2", "b"), f("FC1", "b"), f("FC9", "a")]))]
    ['FC9', 'FC1', 'FC2']
    """
    return sorted(report.findings, key=_sort_key)


@dataclass(frozen=True)
class Summary:
    """Counts every format reports at its end."""

    findings: int
    errors: int
    warnings: int
    infos: int
    by_code: dict[str, int]
    documents: int
    claims: int

    def sentence(self) -> str:
        """``N findings (E errors, W warnings, I info) in D documents``, pluralised."""

        def n(count: int, word: str, plural: str | None = None) -> str:
            return f"{count} {word if count == 1 else (plural or word + 's')}"

        return (
            f"{n(self.findings, 'finding')} ({n(self.errors, 'error')}, "
            f"{n(self.warnings, 'warning')}, {self.infos} info) "
            f"in {n(self.documents, 'document')}"
        )


def summarize(report: Report) -> Summary:
    """Count findings by severity and code, and the documents and claims read.

    Documents are the report's document list; when it is empty (a hand-made
    report) the distinct paths its claims and findings name are counted.

    >>> summarize(Report()).sentence()
    '0 findings (0 errors, 0 warnings, 0 info) in 0 documents'
    """
    severities = Counter(f.severity for f in report.findings)
    by_code = Counter(f.code for f in report.findings)
    if report.documents:
        documents = len(report.documents)
    else:
        paths = {c.path or c.doc_id for c in report.claims}
        for f in report.findings:
            paths.update(c.path or c.doc_id for c in f.claims)
            if f.path:
                paths.add(f.path)
        documents = len(paths)
    return Summary(
        findings=len(report.findings),
        errors=severities[Severity.ERROR],
        warnings=severities[Severity.WARNING],
        infos=severities[Severity.INFO],
        by_code=dict(sorted(by_code.items())),
        documents=documents,
        claims=len(report.claims),
    )


def render(
    report: Report,
    format: str,
    rules: Sequence[RuleInfo] = (),
    texts: Mapping[str, str] | None = None,
) -> str:
    """Render ``report`` in one of :data:`FORMATS`.

    ``rules`` documents the codes (SARIF lists them); ``texts`` maps a path to
    its document text so offsets can become lines and columns.

    >>> render(Report(), "json").startswith('{\\n  "findings": []')
    True
    >>> render(Report(), "xml")
    Traceback (most recent call last):
    ...
    factcheck.errors.UsageError: unknown format 'xml'; choose one of text, json, sarif, github, markdown
    """
    if format not in _MODULES:
        raise UsageError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    # Imported here: the format modules import this package's helpers.
    module = importlib.import_module(f"{__name__}.{_MODULES[format]}")
    result: str = module.render(report, rules=rules, texts=texts)
    return result


def _severity(value: str | Severity) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        choices = ", ".join(s.value for s in Severity)
        raise UsageError(f"unknown severity {value!r}; choose one of {choices}") from None


def exit_code(report: Report, fail_on: str | Severity = "error") -> int:
    """1 when a finding is at or above ``fail_on`` (error > warning > info), else 0.

    >>> from factcheck.models import Finding, Severity
    >>> r = Report(findings=[Finding(code="FC1", name="x", severity=Severity.WARNING, message="m")])
    >>> exit_code(r), exit_code(r, "warning"), exit_code(r, "info")
    (0, 1, 1)
    """
    threshold = _severity(fail_on).rank
    return int(any(f.severity.rank >= threshold for f in report.findings))
