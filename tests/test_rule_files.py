"""User rule files: loading, validation errors with lines, each kind, selection, robustness,
and the example pack under fixtures/rules (every example must pass)."""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.checker import check, run_rules
from factcheck.cli import main
from factcheck.documents import load_document
from factcheck.errors import RuleError
from factcheck.rules import builtin_rules
from factcheck.rules.base import CheckContext
from factcheck.rules.kinds import build_rule
from factcheck.rules.loader import BrokenRule, load_package_rules, load_rule_file, load_rule_files, load_rules
from factcheck.testing import RuleTester
from factcheck.testing.runner import run_rule_tests
from factcheck.testing.tester import collect_cases, run_case

PACK = Path(__file__).resolve().parents[1] / "fixtures" / "rules"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


# -- the example pack -------------------------------------------------------------------------


def test_pack_loads_every_rule_without_errors() -> None:
    rules, errors = load_rule_files([PACK])
    assert errors == []
    assert sorted(r.info.code for r in rules) == [
        "NEWS101", "NEWS102", "NEWS201", "NEWS301", "NEWS302", "NEWS401", "NEWS501", "NEWS601", "NEWS701"]
    kinds = {r.info.code: r.spec.kind for r in rules}
    assert kinds["NEWS201"] == "monotonic" and kinds["NEWS401"] == "reference" and kinds["NEWS601"] == "contradiction"


PACK_CASES = [c for f in sorted(PACK.glob("*.rule*.*")) for c in collect_cases(f)[0]]


@pytest.mark.parametrize("case", PACK_CASES, ids=lambda c: c.name)
def test_pack_example(case) -> None:
    result = run_case(case)
    assert result.passed, result.explanation


def test_pack_has_flag_and_pass_examples_for_every_rule() -> None:
    rules, _ = load_rule_files([PACK])
    for rule in rules:
        assert rule.spec.examples.flag and rule.spec.examples.pass_, rule.info.code
    assert len(PACK_CASES) >= 35


def test_rules_test_command_on_the_pack_passes() -> None:
    out = io.StringIO()
    assert run_rule_tests([PACK], out=out) == 0
    text = out.getvalue()
    assert "FAIL" not in text and text.strip().endswith("0 failed")
    assert main(["rules", "test", str(PACK)]) == 0


def test_check_with_the_pack_reports_house_findings(tmp_path: Path, capsys) -> None:
    draft = write(tmp_path, "draft.md", """
        ---
        published: 2024-06-01
        ---
        Ernie Bot has 150 million users, Baidu said.

        In 2022 China had 190 LLMs, according to brokerage CLSA.
        """)
    code = main(["check", str(draft), "--rules", str(PACK), "--select", "NEWS", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 1
    assert '"NEWS101"' in out and '"NEWS401"' in out and '"FC' not in out


# -- YAML 1.2 and TOML ------------------------------------------------------------------------------


def test_yaml_12_keeps_no_010_and_1e6_as_written(tmp_path: Path) -> None:
    path = write(tmp_path, "r.rule.yaml", """
        code: NEWS9
        name: no
        kind: range
        min: 010
        max: 1e6
        """)
    rules, errors = load_rule_file(path)
    assert errors == []
    spec = rules[0].spec
    assert spec.name == "no"  # YAML 1.1 would read False
    assert spec.min == Decimal(10)  # YAML 1.1 would read octal 8
    assert spec.max == Decimal(1000000)  # YAML 1.1 would read the text "1e6"


def test_toml_rule_and_toml_error_line(tmp_path: Path) -> None:
    good = write(tmp_path, "a.rule.toml", """
        code = "NEWS1"
        name = "share"
        kind = "range"
        measure = "share"
        max = 100
        """)
    bad = write(tmp_path, "b.rules.toml", """
        [[rules]]
        code = "NEWS2"
        name = "ok"
        kind = "requires"
        date = true

        [[rules]]
        code = "NEWS3"
        name = "bad"
        kind = "range"
        mx = 5
        """)
    rules, errors = load_rule_files([good, bad])
    assert [r.info.code for r in rules] == ["NEWS1", "NEWS2"]
    assert len(errors) >= 1
    assert errors[0].path == str(bad) and errors[0].line == 11
    assert "unknown key 'mx'" in errors[0].message and "did you mean 'max'" in errors[0].message


# -- errors name file and line; the other rules still load -------------------------------------------------


def test_bad_file_names_file_and_line_and_others_load(tmp_path: Path) -> None:
    write(tmp_path, "good.rule.yaml", """
        code: NEWS1
        name: dated
        kind: requires
        date: true
        """)
    bad = write(tmp_path, "bad.rules.yaml", """
        rules:
          - code: NEWS2
            name: fine
            kind: range
            max: 100
          - code: NEWS3
            name: broken
            kind: range
            measure: shares
            max: 100
          - code: NEWS4
            name: unknown-kind
            kind: ratio
        """)
    write(tmp_path, "syntax.rule.yaml", "code: NEWS5\nname: [unclosed\n")
    rules, errors = load_rule_files([tmp_path])
    assert sorted(r.info.code for r in rules) == ["NEWS1", "NEWS2"]
    by_line = {(Path(e.path).name, e.line): e.message for e in errors}
    assert "did you mean 'share'" in by_line[("bad.rules.yaml", 9)]
    assert by_line[("bad.rules.yaml", 9)].startswith("rule NEWS3: ")
    assert "unknown kind 'ratio'" in by_line[("bad.rules.yaml", 11)]
    assert any(name == "syntax.rule.yaml" and "invalid YAML" in msg for (name, _), msg in by_line.items())
    assert str(errors[0]).startswith(str(bad) + ":") or str(errors[0]).startswith(str(tmp_path))


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("  message: '{subject.__class__}'\n", 5, "may not use '.'"),
        ("  message: '{subjekt} is off'\n", 5, "did you mean '{subject}'"),
        ("  unit: percentage\n", 5, "did you mean 'percent'"),
        ("  min: 5\n  max: 1\n", 1, "min 5 is above max 1"),
        ("  severity: fatal\n", 5, "severity"),
        ("  examples:\n    flag:\n      - txt: hello\n", 7, "unknown key 'txt'"),
    ],
)
def test_validation_errors_point_at_the_line(tmp_path: Path, body: str, line: int, words: str) -> None:
    path = tmp_path / "r.rules.yaml"
    path.write_text("rules:\n- code: NEWS1\n  name: x\n  kind: range\n" + body + ("  max: 100\n" if "max" not in body else ""))
    rules, errors = load_rule_file(path)
    assert rules == []
    assert errors and errors[0].line == (line if line != 1 else 2), [str(e) for e in errors]
    assert words in str(errors[0])


def test_reserved_and_duplicate_codes(tmp_path: Path) -> None:
    write(tmp_path, "a.rule.yaml", "code: FC999\nname: x\nkind: requires\ndate: true\n")
    write(tmp_path, "b.rule.yaml", "code: NEWS1\nname: x\nkind: requires\ndate: true\n")
    write(tmp_path, "c.rule.yaml", "code: NEWS1\nname: y\nkind: requires\nattribution: true\n")
    rules, errors = load_rule_files([tmp_path])
    assert [r.info.name for r in rules] == ["x"]
    messages = " | ".join(str(e) for e in errors)
    assert "reserved for built-in rules" in messages and "already defined" in messages


def test_bad_reference_table_row_names_table_and_line(tmp_path: Path) -> None:
    write(tmp_path, "facts.csv", "entity,measure,value,date\nErnie Bot,users,200000000,2024-04-16\nChina,llms,130,2022-13\n")
    write(tmp_path, "ref.rule.yaml", "code: NEWS1\nname: ref\nkind: reference\ntable: facts.csv\n")
    rules, errors = load_rule_files([tmp_path])
    assert rules == []
    assert errors[0].path.endswith("facts.csv") and errors[0].line == 3


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 8)]
    path = tmp_path / "bomb.rule.yaml"
    path.write_text("\n".join(lines) + "\n")
    rules, errors = load_rule_file(path)
    assert rules == [] and "aliases expand too far" in str(errors[0])


# -- robustness: a rule that raises, loops or matches everything ---------------------------------------------------


def _python_rule(tmp_path: Path, code: str, body: str, call: str = "context"):
    module = tmp_path / f"mod_{code.lower()}.py"
    module.write_text(textwrap.dedent(body))
    path = write(tmp_path, f"{code}.rule.yaml", f"""
        code: {code}
        name: {code.lower()}
        kind: python
        call: {call}
        function: mod_{code.lower()}:run
        """)
    rules, errors = load_rule_file(path)
    assert errors == []
    return rules[0]


def _docs():
    return [load_document("a.md", text="Qwen had 60 million users on 1 May 2024.", published="2024-05-02"),
            load_document("b.md", text="Qwen had 90 million users on 1 May 2024.", published="2024-05-03")]


def test_raising_rule_becomes_fc001_and_others_still_report(tmp_path: Path) -> None:
    boom = _python_rule(tmp_path, "NEWS1", "def run(ctx):\n    return 1 / 0\n")
    report = check(_docs(), rules=[boom, *builtin_rules()])
    codes = [f.code for f in report.findings]
    assert "FC001" in codes and "FC101" in codes
    fc001 = next(f for f in report.findings if f.code == "FC001")
    assert "NEWS1" in fc001.message and "ZeroDivisionError" in fc001.message


def test_looping_rule_is_stopped_and_reported(tmp_path: Path) -> None:
    from factcheck.claims import extract_claims

    loop = _python_rule(tmp_path, "NEWS2", "def run(ctx):\n    while True:\n        pass\n")
    dated = build_rule({"code": "NEWS3", "name": "dated", "kind": "requires", "date": True, "measures": ["users"]})
    undated = [load_document("c.md", text="Qwen has 5 million users.", published="2024-05-03")]
    ctx = CheckContext(documents=undated, claims=extract_claims(undated[0]), comparisons=[])
    findings = run_rules([loop, dated], ctx, time_limit=1)
    assert [f.code for f in findings] == ["FC001", "NEWS3"]
    assert "longer than 1 s" in findings[0].message


def test_rule_matching_everything_does_not_hide_the_others(tmp_path: Path) -> None:
    everything = _python_rule(tmp_path, "NEWS4", "def run(claim):\n    return True\n", call="claim")
    report = check(_docs(), rules=[everything, *builtin_rules()])
    news = [f for f in report.findings if f.code == "NEWS4"]
    assert len(news) == len(report.claims) >= 2
    assert any(f.code == "FC101" for f in report.findings)


def test_load_rules_reports_errors_and_runs_keep_going(tmp_path: Path) -> None:
    write(tmp_path, "a.rule.yaml", "code: NEWS1\nname: dated\nkind: requires\ndate: true\nmeasure: users\n")
    write(tmp_path, "b.rule.yaml", "code: NEWS2\nname: x\nkind: range\nmaxx: 3\n")
    stream = io.StringIO()
    rules = load_rules([tmp_path], report=stream)
    assert "b.rule.yaml:4: rule NEWS2: unknown key 'maxx'" in stream.getvalue()
    assert isinstance(rules[-1], BrokenRule) and rules[-1].info.code == "NEWS2"
    doc = load_document("d.md", text="Qwen has 5 million users.", published="2024-05-03")
    report = check([doc], rules=rules)
    assert sorted(f.code for f in report.findings) == ["FC001", "NEWS1"]


def test_cli_check_exit_code_says_a_rule_failed(tmp_path: Path, capsys) -> None:
    write(tmp_path, "b.rule.yaml", "code: NEWS2\nname: x\nkind: range\nmaxx: 3\n")
    draft = write(tmp_path, "d.txt", "Nothing to see here.\n")
    assert main(["check", str(draft), "--rules", str(tmp_path / "b.rule.yaml")]) == 1
    captured = capsys.readouterr()
    assert "unknown key 'maxx'" in captured.err and "FC001" in captured.out


# -- selection and packages -----------------------------------------------------------------------------


def test_user_rules_extend_builtins_and_select_by_prefix() -> None:
    rules = [*builtin_rules(), *load_rule_files([PACK])[0]]
    docs = [load_document("d.txt", text="Ernie Bot had 150 million users on 16 April 2024.", published="2024-05-01")]
    everything = {f.code for f in check(docs, rules=rules).findings}
    assert {"NEWS102", "NEWS401", "FC502"} <= everything  # no source named: house rule and built-in both see it
    assert {f.code for f in check(docs, rules=rules, select=["NEWS"]).findings} == {"NEWS102", "NEWS401"}
    assert {f.code for f in check(docs, rules=rules, select=["NEWS4"]).findings} == {"NEWS401"}
    assert everything - {f.code for f in check(docs, rules=rules, ignore=["NEWS4"]).findings} == {"NEWS401"}


def test_rules_from_an_importable_package(tmp_path: Path, monkeypatch) -> None:
    pkg = tmp_path / "house_rules_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    write(pkg, "style.rules.yaml", "rules:\n- code: NEWS1\n  name: dated\n  kind: requires\n  date: true\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    rules, errors = load_package_rules("house_rules_pkg")
    assert errors == [] and [r.info.code for r in rules] == ["NEWS1"]
    rules, errors = load_package_rules("no_such_rules_pkg")
    assert rules == [] and "no rule package" in str(errors[0])


def test_rules_from_an_entry_point(tmp_path: Path, monkeypatch) -> None:
    from factcheck.rules import loader

    rule_file = write(tmp_path, "x.rule.yaml", "code: NEWS7\nname: dated\nkind: requires\ndate: true\n")
    made = build_rule({"code": "NEWS8", "name": "share", "kind": "range", "max": 100})

    class FakeEntryPoint:
        name = "acme-rules"

        def load(self):
            return lambda: [made, str(rule_file)]

    monkeypatch.setattr(loader, "_entry_points", lambda name: [FakeEntryPoint()] if name == "acme-rules" else [])
    rules, errors = load_package_rules("acme-rules")
    assert errors == [] and [r.info.code for r in rules] == ["NEWS8", "NEWS7"]


# -- each kind on cases beyond the pack ---------------------------------------------------------------------------


def test_contradiction_tolerance_and_hedges() -> None:
    strict = build_rule({"code": "NEWS1", "name": "strict", "kind": "contradiction", "measures": ["users"],
                         "hedges_widen": False, "rounding": False})
    loose = build_rule({"code": "NEWS2", "name": "loose", "kind": "contradiction", "measures": ["users"],
                        "tolerance": {"absolute": 5000000}})
    pair = {"a.md": "Qwen had about 100 million users on 1 May 2024.", "b.md": "Qwen had 91 million users on 1 May 2024."}
    RuleTester(loose, published="2024-05-02").valid(pair)  # "about 100 million" allows 90-110 million
    RuleTester(strict, published="2024-05-02").invalid(pair, codes=["NEWS1"], matched="about 100 million")
    far = {"a.md": "Qwen had 100 million users on 1 May 2024.", "b.md": "Qwen had 106 million users on 1 May 2024."}
    RuleTester(loose, published="2024-05-02").valid(far)  # 6 million apart, 5 million tolerated after rounding
    RuleTester(strict, published="2024-05-02").invalid(far)


def test_range_with_only_a_minimum() -> None:
    rule = build_rule({"code": "NEWS1", "name": "no-negative-counts", "kind": "range", "unit": "count", "min": 0})
    tester = RuleTester(rule, published="2024-05-02")
    tester.invalid("Qwen reported minus 5 users in 2023.", matched="minus 5")
    tester.valid("Qwen reported 5 users in 2023.")


def test_monotonic_direction_down_within_one_document() -> None:
    rule = build_rule({"code": "NEWS1", "name": "costs-only-fall", "kind": "monotonic", "measures": ["training_cost"],
                       "direction": "down"})
    tester = RuleTester(rule, published="2025-01-20")
    tester.invalid("DeepSeek-V3 had a training cost of $5 million in 2023. "
                   "DeepSeek-V3 had a training cost of $9 million in 2024.", matched="$9 million")
    tester.valid("DeepSeek-V3 had a training cost of $9 million in 2023. "
                 "DeepSeek-V3 had a training cost of $5 million in 2024.")


def test_sum_against_a_whole_measure() -> None:
    rule = build_rule({"code": "NEWS1", "name": "clients-within-users", "kind": "sum", "measures": ["clients"],
                       "whole": "users"})
    tester = RuleTester(rule, published="2024-05-01")
    tester.invalid("In 2023 Baidu had 1,000 users. In 2023 Baidu had 900 enterprise clients and "
                   "Alibaba had 300 enterprise clients.")
    tester.valid("In 2023 Baidu had 1,000 users. In 2023 Baidu had 600 enterprise clients and "
                 "Alibaba had 300 enterprise clients.")


def test_requires_counts_neighbouring_sentences_only_when_asked() -> None:
    text = "The figures below are from March 2024. Qwen has 5 million users."
    near = build_rule({"code": "NEWS1", "name": "dated", "kind": "requires", "measures": ["users"], "date": True,
                       "within": 1})
    same = build_rule({"code": "NEWS2", "name": "dated-here", "kind": "requires", "measures": ["users"], "date": True})
    RuleTester(near, published="2024-05-01").valid(text)
    RuleTester(same, published="2024-05-01").invalid(text, matched="5 million")


def test_consistency_any_variant_and_allowed_spellings() -> None:
    rule = build_rule({"code": "NEWS1", "name": "one-name", "kind": "consistency", "variants": "any",
                       "entities": ["Ernie Bot"], "allow": ["文心一言"]})
    tester = RuleTester(rule)
    tester.invalid("Ernie Bot launched in 2023. Ernie now answers questions.", matched="Ernie")
    tester.valid("Ernie Bot (文心一言) launched in 2023. Ernie Bot now answers questions.")
    case_only = build_rule({"code": "NEWS2", "name": "case", "kind": "consistency"})
    RuleTester(case_only).valid("Ernie Bot launched in 2023. Ernie now answers questions.")


def test_reference_json_table_and_strict_hedges(tmp_path: Path) -> None:
    (tmp_path / "facts.json").write_text(
        '{"facts": [\n {"entity": "ernie_bot", "measure": "users", "value": "more than 200 million",'
        ' "date": "2024-04-16", "source": "Baidu"}\n]}\n')
    path = write(tmp_path, "ref.rule.yaml", """
        code: NEWS1
        name: ref
        kind: reference
        table: facts.json
        hedges_widen: false
        """)
    rules, errors = load_rule_file(path)
    assert errors == []
    tester = RuleTester(rules, published="2024-05-01")
    tester.invalid("Ernie Bot had 200 million users on 16 April 2024.", matched="200 million")  # the hedge excludes it
    tester.valid("Ernie Bot had 230 million users on 16 April 2024.")


def test_python_rule_forms(tmp_path: Path) -> None:
    rule = _python_rule(tmp_path, "NEWS5", """
        from factcheck.models import QuantityClaim

        def run(ctx):
            for c in ctx.claims:
                if isinstance(c, QuantityClaim) and c.quantity.value > 1000:
                    yield ([c], f"{c.text} is big")
        """)
    findings = RuleTester(rule, published="2024-05-01").invalid("Qwen had 5 million users in 2023.",
                                                                matched="5 million")
    assert findings[0].message == "5 million is big"
    with pytest.raises(RuleError, match="cannot load"):
        build_rule({"code": "NEWS6", "name": "x", "kind": "python", "function": "no_such_module_x:run"})


def test_check_gives_user_rules_the_gazetteer_it_was_given(tmp_path) -> None:
    from factcheck.mentions.entities import Gazetteer

    aliases = tmp_path / "aliases.toml"
    aliases.write_text('"Kestrel Batteries" = ["Kestrel Power Cells"]\n', encoding="utf-8")
    gaz = Gazetteer.default().with_aliases_file(aliases)
    rule = build_rule({"code": "HOUSE2", "name": "dated", "kind": "requires", "date": True,
                       "entity": "Kestrel Power Cells"})
    doc = load_document("d.md", text="Kestrel Batteries has 900 employees.", published="2024-05-14")
    with_aliases = check([doc], rules=[rule], gazetteer=gaz)
    assert [f.code for f in with_aliases.findings] == ["HOUSE2"]
    assert check([doc], rules=[rule]).findings == []  # the default gazetteer: two different entities
