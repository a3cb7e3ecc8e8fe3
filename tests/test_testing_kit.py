"""The testing kit: hypothesis strategies (checked against the parser and the comparer),
RuleTester, assert_findings, the pytest plugin and ``factcheck rules test``."""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.compare import compare
from factcheck.mentions.numbers import find_numbers, parse_quantity
from factcheck.models import Bound, Finding, Quantity, QuantityClaim, Relation, Report, Severity
from factcheck.rules.kinds import build_rule
from factcheck.testing import RuleTester, RuleTestFailure, assert_findings
from factcheck.testing.runner import run_rule_tests
from factcheck.testing.strategies import (
    Figure,
    claims,
    contradicting_pairs,
    quantities,
    quantity_texts,
    restatements,
)

pytest_plugins = ["pytester"]

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)


# -- strategies against the parser and the comparer --------------------------------------------


@FAST
@given(quantity_texts())
def test_quantity_texts_parse_back_exactly(pair: tuple[str, Quantity]) -> None:
    text, expected = pair
    assert parse_quantity(text) == expected
    [mention] = find_numbers(f"the company reported {text} on Monday.")
    assert mention.text == text
    assert mention.quantity == expected


@FAST
@given(restatements())
def test_restatements_never_contradict(pair: tuple[QuantityClaim, QuantityClaim]) -> None:
    a, b = pair
    assert parse_quantity(a.text) == a.quantity and parse_quantity(b.text) == b.quantity
    relation = compare(a, b).relation
    assert relation in (Relation.CONSISTENT, Relation.HEDGE_OR_ROUNDING), (a.text, b.text, relation)


@FAST
@given(contradicting_pairs())
def test_contradicting_pairs_contradict(pair: tuple[QuantityClaim, QuantityClaim]) -> None:
    a, b = pair
    assert parse_quantity(a.text) == a.quantity and parse_quantity(b.text) == b.quantity
    assert compare(a, b).relation is Relation.CONTRADICTION, (a.text, b.text)


@FAST
@given(st.from_type(QuantityClaim), st.from_type(Quantity))
def test_types_are_registered_through_the_entry_point(claim: QuantityClaim, q: Quantity) -> None:
    # the claim's text sits at its span in its sentence, and the quantity is what the text means
    assert claim.sentence[claim.span.start:claim.span.end] == claim.text
    assert parse_quantity(claim.text) == claim.quantity
    assert q.low is None or q.high is None or q.low <= q.high


@FAST
@given(claims(units=("percent",)), quantities(bounds=(Bound.MORE_THAN,)))
def test_strategies_take_options(claim: QuantityClaim, q: Quantity) -> None:
    assert claim.quantity.unit == "percent" and claim.measure == "share"
    assert q.bound is Bound.MORE_THAN and q.high is None and q.low == q.value


@pytest.mark.parametrize(
    ("figure", "style", "text", "value", "precision"),
    [
        (Figure("5.576", 6, "USD"), "word", "$5.576 million", "5576000", "1000"),
        (Figure("5.576", 6, "USD", unit_form=3), "digits", "5,576,000 US dollars", "5576000", "1000"),
        (Figure("200", 6), "suffix", "200mn", "200000000", "100000000"),
        (Figure("1.20", 6, None), "word", "1.20 million", "1200000", "10000"),
        (Figure("12.5", 0, "percent", unit_form=1), "plain", "12.5 per cent", "12.5", "0.1"),
        (Figure("85", 3, None, hedge_word=1), "suffix", "85 k", "85000", "1000"),
    ],
)
def test_figure_renderings_by_hand(figure: Figure, style: str, text: str, value: str, precision: str) -> None:
    got_text, q = figure.render(style)
    assert got_text == text
    assert q.value == Decimal(value) and q.precision == Decimal(precision)


def test_approximate_figure_interval_by_hand() -> None:
    text, q = Figure("300", 0, None, Bound.APPROX).render("digits")
    assert text == "about 300"
    assert (q.low, q.high) == (Decimal(250), Decimal(350))  # max(10% of 300, half of the precision 100)


# -- RuleTester ------------------------------------------------------------------------------------------

SHARE = {"code": "NEWS1", "name": "share-range", "kind": "range", "measure": "share", "unit": "percent",
         "min": 0, "max": 100, "message": "{subject} {measure} of {value} is impossible"}


def test_rule_tester_valid_and_invalid() -> None:
    tester = RuleTester(build_rule(SHARE), published="2024-05-01")
    tester.valid("In 2023 Baidu held a 60 per cent share of the market.")
    [f] = tester.invalid("In 2023 Baidu held a 160 per cent share of the market.", codes=["NEWS1"],
                         matched="160 per cent")
    assert f.message == "Baidu share of 160 % is impossible"


def test_rule_tester_failure_explains_what_was_read() -> None:
    tester = RuleTester(build_rule(SHARE), published="2024-05-01")
    with pytest.raises(RuleTestFailure) as info:
        # A growth rate is not a share: the rule rightly stays quiet, so this "invalid" case fails.
        tester.invalid("Baidu said its ad revenue grew 160 per cent in 2023.", matched="160 per cent")
    text = str(info.value)
    assert "expected: a NEWS1 finding at “160 per cent”" in text
    assert "found:    no finding" in text
    assert "Baidu said its ad revenue grew 160 per cent in 2023." in text
    assert "“160 per cent”: Baidu — growth" in text
    assert "NEWS1 skips it: its measure is 'growth'; the rule looks at share" in text
    with pytest.raises(RuleTestFailure, match=r"found:\n    NEWS1 \[warning\] Baidu share of 160 % is impossible"):
        tester.valid("In 2023 Baidu held a 160 per cent share of the market.")


def test_rule_tester_run_lists_every_failure() -> None:
    tester = RuleTester(build_rule(SHARE), published="2024-05-01")
    with pytest.raises(RuleTestFailure) as info:
        tester.run(
            valid=["In 2023 Baidu held a 60 per cent share of the market.",
                   "In 2023 Baidu held a 120 per cent share of the market."],
            invalid=[{"text": "In 2023 Baidu held a 30 per cent share of the market."},
                     {"text": "In 2023 Baidu held a 130 per cent share of the market.", "matched": "130 per cent"}],
        )
    text = str(info.value)
    assert text.startswith("2 of 4 rule examples failed")
    assert "valid case 2 failed" in text and "invalid case 1 failed" in text


def test_rule_tester_loads_files_and_runs_their_examples(tmp_path: Path) -> None:
    path = tmp_path / "s.rule.yaml"
    path.write_text(textwrap.dedent("""
        code: NEWS1
        name: share-range
        kind: range
        measure: share
        unit: percent
        max: 100
        examples:
          published: 2024-05-01
          flag: ["In 2023 Baidu held a 160 per cent share of the market."]
          pass: ["In 2023 Baidu held a 60 per cent share of the market."]
        """))
    assert RuleTester(path).examples() == 2


def test_rule_tester_cross_source_case() -> None:
    rule = build_rule({"code": "NEWS2", "name": "agree", "kind": "contradiction", "measures": ["users"]})
    tester = RuleTester(rule)
    tester.invalid({"a.md": "Qwen had 60 million users on 1 May 2024.",
                    "b.md": "Qwen had 90 million users on 1 May 2024.", "published": "2024-05-02"},
                   matched="60 million")


def test_rule_error_fails_the_case_with_the_error() -> None:
    rule = build_rule({"code": "NEWS3", "name": "boom", "kind": "python", "function": "math:sqrt"})
    with pytest.raises(RuleTestFailure, match="FC001 .*rule NEWS3 failed: TypeError"):
        RuleTester(rule).valid("Qwen had 60 million users on 1 May 2024.")


# -- assert_findings -------------------------------------------------------------------------------------------


def _finding(code: str, message: str) -> Finding:
    return Finding(code=code, name="x", severity=Severity.WARNING, message=message)


def test_assert_findings_on_a_report() -> None:
    report = Report(findings=[_finding("NEWS1", "“160 per cent” is impossible"), _finding("FC502", "no source")])
    assert len(assert_findings(report, codes=["NEWS1"], matched="160 per cent", count=1)) == 1
    with pytest.raises(AssertionError, match="expected only NEWS1 findings"):
        assert_findings(report, codes=["NEWS1"], only=True)
    with pytest.raises(AssertionError, match="expected no findings"):
        assert_findings(report, codes=[])
    with pytest.raises(AssertionError, match="expected a finding at “170 per cent”"):
        assert_findings(report, codes=["NEWS1"], matched="170 per cent")
    with pytest.raises(AssertionError, match=r"expected 2 finding\(s\); got 1"):
        assert_findings(report.findings, codes=["FC502"], count=2)


# -- the pytest plugin and the runner ----------------------------------------------------------------------------

RULE_FILE = """
code: NEWS1
name: share-range
kind: range
measure: share
unit: percent
min: 0
max: {max}
examples:
  published: 2024-05-01
  flag:
    - text: In 2023 Baidu held a 160 per cent share of the market.
      matched: 160 per cent
  pass:
    - In 2023 Baidu held a 35 per cent share of the market.
"""


def test_plugin_collects_examples_and_explains_failures(pytester: pytest.Pytester) -> None:
    pytester.makefile(".rule.yaml", share=RULE_FILE.format(max=10))  # a wrong max: the pass example fails
    pytester.makefile(".yaml", config="not: [a, rule\n")  # ordinary YAML is never read
    pytester.makefile(".ruletest.yaml", share="rules: [share.rule.yaml]\npublished: 2024-05-01\n"
                      "valid: ['In 2023 Baidu held a 5 per cent share of the market.']\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([
        "*NEWS1 share-range: pass example 1 failed (*share.rule.yaml:14)",
        "*expected: no finding from NEWS1",
        "*NEWS1 [[]warning[]] Baidu share: exactly 35 % is outside 0..10*",
    ])
    assert "Traceback" not in result.stdout.str()


def test_plugin_reports_a_bad_rule_file(pytester: pytest.Pytester) -> None:
    pytester.makefile(".rule.yaml", bad="code: NEWS1\nname: x\nkind: range\nmaxx: 1\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*bad.rule.yaml:4: rule NEWS1: unknown key 'maxx' (did you mean 'max'?)*"])


def test_runner_prints_pass_fail_and_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "share.rule.yaml").write_text(RULE_FILE.format(max=100))
    out = io.StringIO()
    assert run_rule_tests([good], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("PASS  ") and lines[0].endswith("share.rule.yaml:12  NEWS1 share-range: flag example 1")
    assert lines[-1] == "2 examples: 2 passed, 0 failed"

    (good / "share.rule.yaml").write_text(RULE_FILE.format(max=10))
    out = io.StringIO()
    assert run_rule_tests([good], out=out) == 1
    assert "FAIL  " in out.getvalue() and "    expected: no finding from NEWS1" in out.getvalue()

    (good / "broken.rule.yaml").write_text("code: NEWS2\nname: x\nkind: range\n")
    out = io.StringIO()
    assert run_rule_tests([good], out=out) == 2
    assert "ERROR " in out.getvalue() and "broken.rule.yaml:1: rule NEWS2: rule: a range rule needs" in out.getvalue()
    assert run_rule_tests([tmp_path / "missing"], out=io.StringIO()) == 2
