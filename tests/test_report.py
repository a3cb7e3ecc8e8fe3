"""Renderers, line/column arithmetic and exit codes, on reports built by hand."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.config import Config
from factcheck.errors import UsageError
from factcheck.models import (
    Bound,
    DocumentInfo,
    Finding,
    Quantity,
    QuantityClaim,
    Relation,
    Report,
    RuleInfo,
    Severity,
    Span,
    TimeScope,
)
from factcheck.report import FORMATS, Locator, exit_code, line_col, render, summarize
from factcheck.report.github import escape_data, escape_property
from factcheck.report.markdown import escape as md_escape

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"

# Line 1 has an accented letter and an emoji, line 2 is CJK ending in CRLF, and
# line 3 has CJK and an emoji before the figure: columns must count code points.
DRAFT = (
    "# Café report 🙂\n"  # offsets 0..15, newline at 15
    "中国的AI公司很多。\r\n"  # offsets 16..27
    "据报道 🙂 Ernie Bot had 100 million users in December.\n"  # starts at 28
)
SOURCE = "Ernie Bot has over 200 million users, Baidu said.\n"
TEXTS = {"draft.md": DRAFT, "reuters.txt": SOURCE}


def _claim(path: str, text: str, start: int, end: int, quantity: Quantity, **kw: object) -> QuantityClaim:
    full = TEXTS[path]
    line_start = full.rfind("\n", 0, start) + 1
    line_end = full.index("\n", start)
    return QuantityClaim(
        doc_id=path,
        path=path,
        span=Span(start=start, end=end),
        text=text,
        sentence=full[line_start:line_end],
        sentence_span=Span(start=line_start, end=line_end),
        quantity=quantity,
        **kw,
    )


DRAFT_CLAIM = _claim(
    "draft.md",
    "100 million",
    48,
    59,
    Quantity(
        value=Decimal("100000000"),
        low=Decimal("100000000"),
        high=Decimal("100000000"),
        precision=Decimal("1000000"),
    ),
    time=TimeScope(start=date(2023, 12, 1), end=date(2023, 12, 31), text="in December"),
    source="Draft",
    published=date(2024, 1, 29),
)
SOURCE_CLAIM = _claim(
    "reuters.txt",
    "over 200 million",
    14,
    30,
    Quantity(value=Decimal("200000000"), low=Decimal("200000000"), bound=Bound.MORE_THAN),
    source="Reuters",
    published=date(2024, 1, 20),
)

CONTRADICTION = Finding(
    code="FC101",
    name="numeric-contradiction",
    severity=Severity.ERROR,
    message="Ernie Bot users: 100 million here, over 200 million in reuters.txt",
    explanation="The draft gives 100 million users in December 2023. Reuters gives over 200 million.",
    relation=Relation.CONTRADICTION,
    claims=[DRAFT_CLAIM, SOURCE_CLAIM],
    fingerprint="fp-101",
)
STALE = Finding(
    code="FC201",
    name="stale-figure",
    severity=Severity.WARNING,
    message="50% of 100,000 | users:\nsee below",
    path="draft.md",
    span=Span(start=16, end=18),
    fingerprint="fp-201",
)
SCOPE = Finding(
    code="FC401",
    name="different-scope",
    severity=Severity.INFO,
    message="registered users vs users",
    relation=Relation.DIFFERENT_SCOPE,
    path="reuters.txt",
    span=Span(start=0, end=9),
)
REPORT = Report(
    documents=[DocumentInfo(id="draft.md", path="draft.md"), DocumentInfo(id="reuters.txt", path="reuters.txt")],
    claims=[DRAFT_CLAIM, SOURCE_CLAIM],
    findings=[SCOPE, CONTRADICTION, STALE],  # deliberately out of order
)
RULES = [
    RuleInfo(
        code="FC101",
        name="numeric-contradiction",
        severity=Severity.ERROR,
        summary="Two sources give figures that cannot both be true.",
        description="Figures for the same thing at the same time disagree beyond rounding.",
        example="A: 100 million users. B: over 200 million users.",
    ),
    RuleInfo(code="FC201", name="stale-figure", severity=Severity.WARNING, summary="An old figure."),
]


def test_fixture_offsets_are_what_the_test_says() -> None:
    # Guards the hand-computed offsets the assertions below rely on.
    assert DRAFT[48:59] == "100 million" and DRAFT[28:31] == "据报道"
    assert SOURCE[14:30] == "over 200 million"


# --- line/column ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("", 0, (1, 1)),
        ("abc", 3, (1, 4)),
        ("ab\ncd", 2, (1, 3)),  # the newline itself is the last column of its line
        ("ab\ncd", 3, (2, 1)),
        ("ab\r\ncd", 3, (1, 4)),  # CRLF is one break: "\n" still ends line 1
        ("ab\r\ncd", 4, (2, 1)),
        ("a\rb", 2, (1, 3)),  # a lone CR is not a break
        ("\n\n\n", 3, (4, 1)),
        ("ab", 99, (1, 3)),  # clamped
        ("ab", -5, (1, 1)),
        (DRAFT, 48, (3, 21)),  # CJK + emoji before it: 20 code points (22 UTF-16 units)
        (DRAFT, 16, (2, 1)),
    ],
)
def test_line_col(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert line_col(text, offset) == expected


_TEXT = st.text(alphabet=st.sampled_from(list("ab \n\r中🙂é")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), text=_TEXT)
def test_line_col_round_trips(data: st.DataObject, text: str) -> None:
    offset = data.draw(st.integers(0, len(text)))
    line, col = line_col(text, offset)
    # An independent oracle: count the breaks before the offset.
    assert line == text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    assert col == offset - line_start + 1
    # And back: the line's start plus the column gives the offset again.
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    assert starts[line - 1] + col - 1 == offset


def test_line_col_is_fast_on_a_large_text() -> None:
    text = "x\n" * 500_000
    assert line_col(text, len(text) - 1) == (500_000, 2)
    assert [line_col(text, i)[0] for i in range(0, 10_000, 2)] == list(range(1, 5_001))


def test_locator_prefers_finding_span_else_first_claim() -> None:
    loc = Locator(TEXTS)
    primary = loc.finding(CONTRADICTION)
    assert (primary.path, primary.line, primary.column, primary.end_line, primary.end_column) == (
        "draft.md", 3, 21, 3, 32,
    )
    assert loc.finding(STALE).label() == "draft.md:2:1"
    # Without the text there is a path but no line.
    assert Locator().finding(STALE).label() == "draft.md"


# --- json -------------------------------------------------------------------


def test_json_shape_order_and_values() -> None:
    out = json.loads(render(REPORT, "json", texts=TEXTS))
    assert list(out) == ["findings", "summary"]
    assert [f["code"] for f in out["findings"]] == ["FC201", "FC101", "FC401"]
    f = out["findings"][1]
    assert list(f)[:7] == ["code", "name", "severity", "relation", "message", "explanation", "fingerprint"]
    assert (f["severity"], f["relation"], f["fingerprint"]) == ("error", "contradiction", "fp-101")
    draft, source = f["claims"]
    assert draft["path"] == "draft.md"
    assert draft["span"] == {"start": 48, "end": 59}
    assert (draft["line"], draft["column"]) == (3, 21)
    assert draft["quote"] == "据报道 🙂 Ernie Bot had 100 million users in December."
    assert draft["text"] == "100 million"
    assert draft["value"] == {
        "value": 100000000,
        "low": 100000000,
        "high": 100000000,
        "bound": "exact",
        "unit": None,
        "precision": 1000000,
    }
    assert draft["time"] == {"start": "2023-12-01", "end": "2023-12-31", "text": "in December"}
    assert (draft["source"], draft["published"]) == ("Draft", "2024-01-29")
    assert source["value"]["bound"] == "more_than" and source["value"]["high"] is None
    assert (source["line"], source["column"]) == (1, 15)
    assert out["summary"] == {
        "findings": 3,
        "errors": 1,
        "warnings": 1,
        "infos": 1,
        "by_code": {"FC101": 1, "FC201": 1, "FC401": 1},
        "documents": 2,
        "claims": 2,
    }


def test_json_is_deterministic_and_numbers_exact() -> None:
    shuffled = REPORT.model_copy(update={"findings": [STALE, SCOPE, CONTRADICTION]})
    assert render(REPORT, "json", texts=TEXTS) == render(shuffled, "json", texts=TEXTS)
    pct = _claim("reuters.txt", "200", 19, 22, Quantity(value=Decimal("5.57"), unit="percent"))
    finding = Finding(code="FC1", name="x", severity=Severity.INFO, message="m", claims=[pct])
    text = render(Report(findings=[finding]), "json")
    assert '"value": 5.57' in text and '"unit": "percent"' in text
    assert json.loads(text)["findings"][0]["claims"][0]["line"] is None  # no text given


# --- sarif ------------------------------------------------------------------


def _sarif() -> dict:
    return json.loads(render(REPORT, "sarif", rules=RULES, texts=TEXTS))


def test_sarif_validates_against_the_schema() -> None:
    if not SCHEMA.is_file():
        pytest.skip("shared SARIF schema not available")
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for log in (
        _sarif(),
        json.loads(render(REPORT, "sarif")),  # no texts: regions by offset only
        json.loads(render(Report(), "sarif")),
    ):
        errors = sorted(validator.iter_errors(log), key=str)
        assert not errors, errors[0]


def test_sarif_rules_results_and_regions() -> None:
    log = _sarif()
    assert log["version"] == "2.1.0" and "$schema" in log and len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"]
    # FC401 has no RuleInfo: a stand-in descriptor keeps ruleIndex valid.
    assert [r["id"] for r in driver["rules"]] == ["FC101", "FC201", "FC401"]
    fc101 = driver["rules"][0]
    assert fc101["shortDescription"]["text"] == "Two sources give figures that cannot both be true."
    assert fc101["defaultConfiguration"]["level"] == "error"
    assert "A: 100 million users." in fc101["help"]["text"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("FC201", "warning"), ("FC101", "error"), ("FC401", "note"),
    ]
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    main = results[1]
    phys = main["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"]["uri"] == "draft.md"
    assert phys["region"] == {
        "startLine": 3, "startColumn": 21, "endLine": 3, "endColumn": 32,
        "charOffset": 48, "charLength": 11,
    }
    (related,) = main["relatedLocations"]
    rel = related["physicalLocation"]
    assert rel["artifactLocation"]["uri"] == "reuters.txt"
    assert (rel["region"]["startLine"], rel["region"]["startColumn"], rel["region"]["endColumn"]) == (1, 15, 31)
    assert "Reuters, 2024-01-20" in related["message"]["text"]
    assert main["partialFingerprints"] == {"factcheck/v1": "fp-101"}
    assert main["message"]["text"].startswith("Ernie Bot users: 100 million here")
    assert "partialFingerprints" not in results[2]  # empty fingerprint: omitted


# --- github -----------------------------------------------------------------


def test_github_annotations() -> None:
    lines = render(REPORT, "github", texts=TEXTS).splitlines()
    assert len(lines) == 3
    assert lines[0] == (
        "::warning file=draft.md,line=2,col=1,endLine=2,endColumn=2,title=FC201 stale-figure"
        "::50%25 of 100,000 | users:%0Asee below"
    )
    # End column is inclusive on GitHub: the figure's last "n" is column 31.
    assert lines[1].startswith(
        "::error file=draft.md,line=3,col=21,endLine=3,endColumn=31,title=FC101 numeric-contradiction::"
        "Ernie Bot users: 100 million here, over 200 million in reuters.txt%0AThe draft gives"
    )
    assert lines[2].startswith("::notice file=reuters.txt,line=1,col=1,endLine=1,endColumn=9,")


def test_github_multiline_span_drops_columns_and_escapes_properties() -> None:
    finding = Finding(
        code="FC9", name="n", severity=Severity.ERROR, message="m",
        path="a:b,c.md", span=Span(start=1, end=5),
    )
    out = render(Report(findings=[finding]), "github", texts={"a:b,c.md": "ab\ncd\nef"})
    assert out == "::error file=a%3Ab%2Cc.md,line=1,endLine=2,title=FC9 n::m\n"


def test_github_escaping_examples() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_data("%0A") == "%250A"  # a literal "%0A" must not become a newline
    assert escape_property("C:/x,y") == "C%3A/x%2Cy"


def _unescape(text: str) -> str:
    # The runner's decoding, applied in reverse order of the encoding.
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a%0AD:,\r\n2C5")), max_size=40))
def test_github_escaping_property(message: str) -> None:
    escaped = escape_data(message)
    assert "\n" not in escaped and "\r" not in escaped
    prop = escape_property(message)
    assert not set(":,\r\n") & set(prop)
    assert _unescape(prop) == message


# --- markdown ---------------------------------------------------------------


def test_markdown_comment() -> None:
    out = render(REPORT, "markdown", texts=TEXTS)
    lines = out.splitlines()
    assert "3 findings (1 error, 1 warning, 1 info) in 2 documents" in lines
    assert "| Severity | Code | Location | Message |" in lines
    assert "| warning | FC201 stale-figure | `draft.md:2` | 50% of 100,000 \\| users: see below |" in lines
    assert "| error | FC101 numeric-contradiction | `draft.md:3` | " in out
    # Only FC101 has an explanation or quotes to unfold.
    assert out.count("<details>") == 1 and out.count("</details>") == 1
    assert "<summary>FC101 numeric-contradiction — draft.md:3</summary>" in lines
    assert "> 据报道 🙂 Ernie Bot had 100 million users in December." in lines
    assert "> — Reuters, 2024-01-20 · `reuters.txt:1:15`" in lines
    assert "The draft gives 100 million users in December 2023. Reuters gives over 200 million." in lines


def test_markdown_escape() -> None:
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("<script> *x*") == "\\<script\\> \\*x\\*"
    assert md_escape("- not a list") == "\\- not a list"
    assert md_escape("line\none") == "line one"


# --- text -------------------------------------------------------------------


def test_text_output() -> None:
    out = render(REPORT, "text", texts=TEXTS)
    lines = out.splitlines()
    assert lines[0] == "draft.md:2:1: FC201 [warning] 50% of 100,000 | users: see below"
    i = lines.index(
        "draft.md:3:21: FC101 [error] Ernie Bot users: 100 million here, over 200 million in reuters.txt"
    )
    assert lines[i + 1].startswith("    The draft gives 100 million users")
    assert '    > "据报道 🙂 Ernie Bot had 100 million users in December." (draft.md:3:21; Draft, 2024-01-29)' in lines
    assert '    > "Ernie Bot has over 200 million users, Baidu said." (reuters.txt:1:15; Reuters, 2024-01-20)' in lines
    assert lines[-1] == "3 findings (1 error, 1 warning, 1 info) in 2 documents"
    assert "\x1b[" not in out


def test_text_colour_is_opt_in() -> None:
    from factcheck.report import text

    assert "\x1b[31m[error]\x1b[0m" in text.render(REPORT, texts=TEXTS, color=True)


def test_summary_sentence_pluralises() -> None:
    one = Report(findings=[CONTRADICTION])
    assert summarize(one).sentence() == "1 finding (1 error, 0 warnings, 0 info) in 2 documents"


# --- dispatch and exit codes ------------------------------------------------


def test_every_format_renders_and_unknown_is_a_usage_error() -> None:
    for fmt in FORMATS:
        assert isinstance(render(REPORT, fmt, rules=RULES, texts=TEXTS), str)
    with pytest.raises(UsageError, match="unknown format 'html'"):
        render(REPORT, "html")


def test_config_formats_match_renderers() -> None:
    assert set(Config.model_fields["format"].annotation.__args__) == set(FORMATS)


@pytest.mark.parametrize(
    ("severities", "expected"),
    [
        ([], {"error": 0, "warning": 0, "info": 0}),
        ([Severity.INFO], {"error": 0, "warning": 0, "info": 1}),
        ([Severity.WARNING, Severity.INFO], {"error": 0, "warning": 1, "info": 1}),
        ([Severity.ERROR], {"error": 1, "warning": 1, "info": 1}),
    ],
)
def test_exit_code(severities: list[Severity], expected: dict[str, int]) -> None:
    report = Report(findings=[STALE.model_copy(update={"severity": s}) for s in severities])
    assert {level: exit_code(report, level) for level in expected} == expected
    assert exit_code(report, Severity.ERROR) == expected["error"]


def test_exit_code_rejects_unknown_level() -> None:
    with pytest.raises(UsageError, match="unknown severity 'fatal'"):
        exit_code(REPORT, "fatal")


def test_use_color_needs_a_terminal_and_no_NO_COLOR(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.report.text import use_color

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(Tty())  # type: ignore[arg-type]
