"""Terminal output in the style of a linter.

One header line per finding (``path:line:col: CODE [severity] message``), the
explanation indented under it, then each claim's sentence with where it is and
who said it when. A summary line ends the output. Colour is off unless asked
for (the CLI asks only when writing to a terminal).

>>> from factcheck.models import Finding, Report, Severity, Span
>>> f = Finding(code="FC101", name="numeric-contradiction", severity=Severity.ERROR,
...             message="5 million here, 50 million elsewhere", path="a.md", span=Span(start=4, end=13))
>>> print(render(Report(findings=[f]), texts={"a.md": "Hi.\\n5 million users."}), end="")
a.md:2:1: FC101 [error] 5 million here, 50 million elsewhere
<BLANKLINE>
1 finding (1 error, 0 warnings, 0 info) in 1 document
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Mapping, Sequence
from typing import TextIO

from factcheck.models import Finding, Report, RuleInfo, Severity
from factcheck.report import Locator, provenance, sorted_findings, summarize

_WIDTH = 100
_INDENT = "    "

# ANSI SGR codes; used only when colour is asked for.
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org).

    >>> import io
    >>> use_color(io.StringIO())
    False
    """
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _one_line(text: str) -> str:
    """Collapse the newlines and runs of spaces a sentence may carry from its file."""
    return " ".join(text.split())


def _finding_lines(finding: Finding, locator: Locator, color: bool) -> list[str]:
    where = locator.finding(finding).label()
    tag = _paint(f"[{finding.severity.value}]", _COLOURS[finding.severity], color)
    code = _paint(finding.code, "1", color)
    lines = [f"{where}: {code} {tag} {_one_line(finding.message)}"]
    for paragraph in finding.explanation.splitlines():
        if paragraph.strip():
            lines += textwrap.wrap(
                paragraph.strip(), _WIDTH, initial_indent=_INDENT, subsequent_indent=_INDENT
            )
    for claim in finding.claims:
        said = provenance(claim)
        detail = locator.claim(claim).label() + (f"; {said}" if said else "")
        lines.append(f'{_INDENT}> "{_one_line(claim.sentence)}" ({detail})')
    return lines


def render(
    report: Report,
    rules: Sequence[RuleInfo] = (),
    texts: Mapping[str, str] | None = None,
    color: bool = False,
) -> str:
    """The report as linter-style text, ending with a summary line.

    >>> from factcheck.models import Report
    >>> render(Report())
    '0 findings (0 errors, 0 warnings, 0 info) in 0 documents\\n'
    """
    locator = Locator(texts)
    lines: list[str] = []
    for finding in sorted_findings(report):
        lines += _finding_lines(finding, locator, color)
        lines.append("")
    lines.append(summarize(report).sentence())
    return "\n".join(lines) + "\n"
