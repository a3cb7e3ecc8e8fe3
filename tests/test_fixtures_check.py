"""Check scenarios in fixtures/check/: each folder's Markdown files are checked together.

``expected.json`` (written by hand) says what the checker must and must not report::

    {"findings": [{"code_prefix": "FC101", "relation": "contradiction", "severity": "error",
                   "must": true, "count": 1}],
     "absent_relations": ["contradiction"],
     "absent_codes": ["FC202"]}

* a finding with ``must: true`` needs a reported finding whose code starts with ``code_prefix`` and,
  when given, whose relation and severity are as stated; with ``count`` exactly that many findings carry
  the code prefix (so a right figure next to a wrong one is not flagged too);
* ``must: false`` marks a finding that is welcome but not required (reported, never asserted);
* no finding may carry a relation in ``absent_relations`` or a code starting with one in ``absent_codes``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "fixtures" / "check"


def scenario_dirs() -> list[Path]:
    """Every scenario folder (one with an expected.json), sorted by name."""
    return sorted(p.parent for p in SCENARIOS.glob("*/expected.json"))


def _run(folder: Path) -> list[Any]:
    """The findings of checking every Markdown file of ``folder`` together."""
    try:
        from factcheck import check
        from factcheck.documents import load_document
    except ImportError as exc:  # the checker is written in parallel with these fixtures
        pytest.skip(f"checker not importable yet: {exc}")
    docs = [load_document(p) for p in sorted(folder.glob("*.md"))]
    return list(check(docs).findings)


def _relation(f: Any) -> str | None:
    return f.relation.value if f.relation is not None else None


def _matches(f: Any, want: dict[str, Any]) -> bool:
    return (
        f.code.startswith(want["code_prefix"])
        and ("relation" not in want or _relation(f) == want["relation"])
        and ("severity" not in want or f.severity.value == want["severity"])
    )


def scenario_problems(folder: Path) -> list[str]:
    """What the checker got wrong on one scenario (empty when it meets every requirement)."""
    exp = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    findings = _run(folder)
    problems: list[str] = []
    for want in exp["findings"]:
        if not want.get("must", True):
            continue
        if not any(_matches(f, want) for f in findings):
            problems.append(f"missing {want}")
        if "count" in want:
            n = sum(f.code.startswith(want["code_prefix"]) for f in findings)
            if n != want["count"]:
                problems.append(f"{n} findings with code {want['code_prefix']}*, expected {want['count']}")
    for f in findings:
        if _relation(f) in exp.get("absent_relations", []):
            problems.append(f"unwanted relation {_relation(f)}: {f.code} {f.message}")
        elif any(f.code.startswith(c) for c in exp.get("absent_codes", [])):
            problems.append(f"unwanted code {f.code}: {f.message}")
    if problems:
        problems.append("all findings: " + "; ".join(f"{f.code}/{_relation(f)}/{f.severity.value}" for f in findings))
    return problems


def test_scenarios_are_well_formed() -> None:
    """Every scenario has Markdown files with front matter and a valid expected.json."""
    dirs = scenario_dirs()
    assert len(dirs) >= 9
    for folder in dirs:
        files = sorted(folder.glob("*.md"))
        assert 1 <= len(files) <= 3, folder.name
        for p in files:
            text = p.read_text(encoding="utf-8")
            assert text.startswith("---\n") and "\npublished:" in text and "\nsource:" in text, p
        exp = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        assert set(exp) <= {"description", "findings", "absent_relations", "absent_codes"}, folder.name
        for want in exp["findings"]:
            assert set(want) <= {"code_prefix", "relation", "severity", "must", "count"}
            assert want["code_prefix"].startswith("FC")
        # A scenario must assert something.
        assert exp["findings"] or exp.get("absent_relations") or exp.get("absent_codes"), folder.name


@pytest.mark.parametrize("folder", scenario_dirs(), ids=lambda p: p.name)
def test_scenario(folder: Path) -> None:
    """The checker reports what the scenario requires and nothing it forbids."""
    problems = scenario_problems(folder)
    assert not problems, "\n".join(problems)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))  # run as a script: import the package from this checkout
    for folder in scenario_dirs():
        problems = scenario_problems(folder)
        print(("PASS " if not problems else "FAIL ") + folder.name)
        for p in problems:
            print("    " + p)
