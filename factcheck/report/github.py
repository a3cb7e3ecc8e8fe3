"""GitHub Actions workflow commands, which show as annotations on a pull request's diff.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message``
(``warning`` for warnings, ``notice`` for info). The runner parses these lines,
so the message escapes ``%``, CR and LF, and property values also escape ``:``
and ``,``. Lines are inclusive on GitHub, and columns are given only for a
finding on one line (GitHub ignores them across lines).

>>> from factcheck.models import Finding, Report, Severity, Span
>>> f = Finding(code="FC101", name="numeric-contradiction", severity=Severity.ERROR,
...             message="50% off", path="a.md", span=Span(start=0, end=3))
>>> print(render(Report(findings=[f]), texts={"a.md": "50% off"}), end="")
::error file=a.md,line=1,col=1,endLine=1,endColumn=3,title=FC101 numeric-contradiction::50%25 off
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.models import Finding, Report, RuleInfo, Severity, Span
from factcheck.report import Locator, sorted_findings

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it.

    >>> escape_data("100%\\r\\nsure")
    '100%25%0D%0Asure'
    """
    # "%" first, so the escapes added after it are not escaped again.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): as a message, plus ``:`` and ``,``.

    >>> escape_property("C:\\\\a,b.md")
    'C%3A\\\\a%2Cb.md'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(finding: Finding, locator: Locator) -> str:
    loc = locator.finding(finding)
    props: list[tuple[str, str]] = []
    if loc.path is not None:
        props.append(("file", loc.path))
    if loc.line is not None and loc.span is not None:
        # GitHub's end position is inclusive: the last character, not the one after it.
        last_char = max(loc.span.start, loc.span.end - 1)
        last = locator.locate(loc.path, Span(start=last_char, end=last_char))
        props += [("line", str(loc.line)), ("col", str(loc.column))]
        props += [("endLine", str(last.line)), ("endColumn", str(last.column))]
        if last.line != loc.line:  # columns only mean something on a single line
            props = [p for p in props if p[0] not in ("col", "endColumn")]
    props.append(("title", f"{finding.code} {finding.name}"))
    message = finding.message
    if finding.explanation:
        message += "\n" + finding.explanation
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[finding.severity]} {head}::{escape_data(message)}"


def render(
    report: Report,
    rules: Sequence[RuleInfo] = (),
    texts: Mapping[str, str] | None = None,
) -> str:
    """One workflow command per finding, one per line (empty when there are none).

    >>> from factcheck.models import Report
    >>> render(Report())
    ''
    """
    locator = Locator(texts)
    return "".join(_command(f, locator) + "\n" for f in sorted_findings(report))
