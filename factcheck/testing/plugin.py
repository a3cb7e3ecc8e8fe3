"""pytest plugin: rule files' examples and ``*.ruletest.yaml`` files become test items.

Only files named ``*.rule.yaml``, ``*.rules.yaml``, ``*.rule.toml``,
``*.rules.toml`` (``.yml`` too) or ``*.ruletest.yaml`` are collected, so
ordinary YAML is never touched; factcheck itself is imported only when such
a file is found. A failing example is reported in plain words: what was
expected, what was found, and what factcheck read from each figure.

>>> _wanted("house.rules.yaml"), _wanted("house.ruletest.yaml"), _wanted("config.yaml")
(True, True, False)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

_SUFFIXES = (".rule.yaml", ".rule.yml", ".rules.yaml", ".rules.yml", ".rule.toml", ".rules.toml",
             ".ruletest.yaml", ".ruletest.yml")


def _wanted(name: str) -> bool:
    return name.lower().endswith(_SUFFIXES)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect rule files and rule test files; leave every other file alone."""
    if _wanted(file_path.name):
        return RuleFile.from_parent(parent, path=file_path)
    return None


class RuleExampleFailed(Exception):
    """An example did not behave as written; the message says why."""


class RuleFile(pytest.File):
    """A rule file or rule test file: one item per example (and one per invalid rule)."""

    def collect(self):
        from factcheck.testing.tester import collect_cases

        cases, errors = collect_cases(self.path)
        for err in errors:
            yield RuleLoadItem.from_parent(self, name=f"load error line {err.line or '?'}", error=err)
        for case in cases:
            yield RuleExampleItem.from_parent(self, name=case.name.removeprefix(f"{self.path.name}: "), case=case)


class RuleExampleItem(pytest.Item):
    """One example: the rule must flag it (or pass it) as the file says."""

    def __init__(self, *, case: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        from factcheck.testing.tester import run_case

        result = run_case(self.case)
        if not result.passed:
            raise RuleExampleFailed(result.explanation)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RuleExampleFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self.case.line - 1 if self.case.line else None
        return self.path, line, self.case.name


class RuleLoadItem(pytest.Item):
    """A rule that could not be loaded: fails with the file, line and reason."""

    def __init__(self, *, error: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error

    def runtest(self) -> None:
        raise RuleExampleFailed(f"rule file error: {self.error}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RuleExampleFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, (self.error.line - 1 if self.error.line else None), f"{self.path.name}: load error"
