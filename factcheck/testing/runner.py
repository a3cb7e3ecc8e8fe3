"""``factcheck rules test PATH``: run rule examples and rule tests without pytest.

Prints one line per example (PASS or FAIL, with its file and line), explains
each failure, and ends with a count. Exit code: 0 when every example passes,
1 when one fails, 2 when a file cannot be read or a rule in it is invalid.

>>> import io, tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     p = pathlib.Path(d) / "share.rule.yaml"
...     _ = p.write_text('''code: NEWS1
... name: share-range
... kind: range
... measure: share
... unit: percent
... max: 100
... examples:
...   published: 2024-05-01
...   flag: ["In 2023 Baidu held a 160 per cent share of the market."]
...   pass: ["In 2023 Baidu held a 60 per cent share of the market."]
... ''')
...     out = io.StringIO()
...     code = run_rule_tests([d], out=out)
>>> code, out.getvalue().splitlines()[-1]
(0, '2 examples: 2 passed, 0 failed')
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from factcheck.errors import RuleError
from factcheck.testing.tester import TIME_LIMIT, RuleCase, collect_cases, run_case

__all__ = ["find_test_files", "run_rule_tests"]


def find_test_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[RuleError]]:
    """Rule files and ``*.ruletest.yaml`` files named or inside folders named (sorted, recursive)."""
    from factcheck.rules.loader import TEST_SUFFIXES, is_rule_file

    files: list[Path] = []
    errors: list[RuleError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and
                                (is_rule_file(f) or f.name.lower().endswith(TEST_SUFFIXES))))
        elif p.is_file():
            files.append(p)
        else:
            errors.append(RuleError("no such file or folder", path=str(p)))
    return files, errors


def _notes(path: Path) -> list[str]:
    """Rules in a rule file that have no examples to flag or to pass."""
    from factcheck.rules.loader import TEST_SUFFIXES, load_rule_file

    if path.name.lower().endswith(TEST_SUFFIXES):
        return []
    out = []
    for rule in load_rule_file(path)[0]:
        ex = rule.spec.examples
        for word, items in (("flag", ex.flag), ("pass", ex.pass_)):
            if not items:
                out.append(f"NOTE  {rule.origin}  {rule.info.code} has no '{word}' examples")
    return out


def run_rule_tests(paths: Iterable[str | Path], out: TextIO | None = None, *, time_limit: int = TIME_LIMIT,
                   verbose: bool = True) -> int:
    """Run every example under ``paths``; print PASS/FAIL lines; return the exit code (0, 1 or 2)."""
    out = out or sys.stdout
    files, errors = find_test_files(paths)
    cases: list[RuleCase] = []
    notes: list[str] = []
    for f in files:
        found, errs = collect_cases(f)
        cases.extend(found)
        errors.extend(errs)
        notes.extend(_notes(f) if not errs else [])
    failed = 0
    for case in cases:
        result = run_case(case, time_limit=time_limit)
        where = f"{case.where}  " if case.where else ""
        if result.passed:
            if verbose:
                out.write(f"PASS  {where}{case.name}\n")
            continue
        failed += 1
        out.write(f"FAIL  {where}{case.name}\n")
        out.write(textwrap.indent(result.explanation.split("\n", 1)[-1], "    ") + "\n")
    for note in notes:
        out.write(note + "\n")
    for err in errors:
        out.write(f"ERROR {err}\n")
    if not files and not errors:
        out.write("no rule files (*.rule.yaml, *.rules.yaml, *.rule.toml) or *.ruletest.yaml files found\n")
        return 2
    summary = f"{len(cases)} examples: {len(cases) - failed} passed, {failed} failed"
    if errors:
        summary += f"; {len(errors)} error(s) in rule files"
    out.write(summary + "\n")
    if errors:
        return 2
    return 1 if failed else 0
